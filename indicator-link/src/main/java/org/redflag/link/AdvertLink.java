package org.redflag.link;

import java.util.List;

/**
 * Where one advert ended up: its cluster ({@code c-} and the id of the cluster's first member in input
 * order; every advert has one, a singleton too), the cluster's size, what linked it to others ({@code
 * identifier}, {@code template}; empty for a singleton), and its template ({@code t-} and the id of the
 * template's first member), null when it shares no template.
 */
public record AdvertLink(String id, String cluster, int clusterSize, List<String> linkedBy, String template) {
  public AdvertLink {
    linkedBy = List.copyOf(linkedBy);
  }

  /**
   * The link of advert {@code id}, named as every linker names it (the one id rule of {@code redflag link}
   * and of the Spark job): cluster {@code c-<clusterFirst>}, template {@code t-<templateFirst>} (null
   * when the advert shares no template), and {@code linkedBy} listing {@code identifier} then {@code template}.
   *
   * @param clusterFirst id of the cluster's first member in input order
   * @param byIdentifier whether the advert shares a non-hub identifier with another advert
   * @param templateFirst id of the first member of the advert's template of two or more, or null
   */
  public static AdvertLink of(String id, String clusterFirst, int clusterSize, boolean byIdentifier, String templateFirst) {
    List<String> by = new java.util.ArrayList<>(2);
    if (byIdentifier) by.add("identifier");
    if (templateFirst != null) by.add("template");
    return new AdvertLink(id, "c-" + clusterFirst, clusterSize, by, templateFirst == null ? null : "t-" + templateFirst);
  }
}
