package org.redflag.link;

import java.util.List;

/**
 * The outcome of linking: one {@link AdvertLink} per added advert in input order, the clusters of two
 * or more adverts in order of their first member, and the identifiers not used to join because more
 * adverts than the hub threshold share them.
 */
public record LinkResult(List<AdvertLink> links, List<ClusterSummary> clusters, List<Hub> hubs) {
  public LinkResult {
    links = List.copyOf(links);
    clusters = List.copyOf(clusters);
    hubs = List.copyOf(hubs);
  }
}
