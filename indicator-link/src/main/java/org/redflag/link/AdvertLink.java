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
}
