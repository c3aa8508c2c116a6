package org.redflag.link;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One cluster of two or more adverts.
 *
 * @param members ids in input order
 * @param identifiers distinct identifiers used by members, by type ({@code phone}, {@code email} …)
 * @param statedAges how many distinct ages members state (a count: the values are never reported)
 * @param membersStatingAge how many members state an age
 * @param templates the templates members share (each of two or more members), with their edits
 * @param indicatorShares for each indicator fired on a member, the share of members it fired on
 * @param maxScore highest member score (NaN when adverts were linked without scores)
 * @param medianScore median member score (NaN likewise)
 */
public record ClusterSummary(String id, List<String> members, Map<String, Integer> identifiers, int sites, int markets,
    Instant firstPostedAt, Instant lastPostedAt, int statedAges, int membersStatingAge, List<Template> templates,
    Map<String, Double> indicatorShares, double maxScore, double medianScore) {

  public int size() { return members.size(); }

  /**
   * The summary of a cluster from its members' facts in input order (two or more): the one rule by
   * which {@link Linker} and the Spark job summarise clusters. Named {@code c-} and the first member's
   * id; identifiers are counted once per hash (with the type of its first mention among the members);
   * templates appear in order of their first member here, each with its members' edits in order.
   */
  public static ClusterSummary of(List<ClusterMember> members) {
    if (members.size() < 2) throw new IllegalArgumentException("a cluster has two or more members, had " + members.size());
    List<String> ids = new ArrayList<>(members.size());
    Map<String, String> hashType = new LinkedHashMap<>();
    Set<String> sites = new HashSet<>(), markets = new HashSet<>();
    Instant first = null, last = null;
    long a0 = 0, a1 = 0;
    int stating = 0;
    Map<String, Integer> firedCount = new TreeMap<>();
    List<Float> scores = new ArrayList<>();
    Map<String, List<Edit>> edits = new LinkedHashMap<>();
    Map<String, ClusterMember.TemplateMembership> heads = new LinkedHashMap<>();
    for (ClusterMember m : members) {
      ids.add(m.id());
      m.identifiers().forEach(hashType::putIfAbsent);
      if (m.site() != null) sites.add(m.site());
      if (m.market() != null) markets.add(m.market());
      if (m.postedAt() != null) {
        if (first == null || m.postedAt().isBefore(first)) first = m.postedAt();
        if (last == null || m.postedAt().isAfter(last)) last = m.postedAt();
      }
      if (m.statesAge()) stating++;
      a0 |= m.statedAgeBitsLow();
      a1 |= m.statedAgeBitsHigh();
      for (String f : m.fired()) firedCount.merge(f, 1, Integer::sum);
      if (!Float.isNaN(m.score())) scores.add(m.score());
      ClusterMember.TemplateMembership t = m.template();
      if (t != null) {
        heads.putIfAbsent(t.template(), t);
        List<Edit> es = edits.computeIfAbsent(t.template(), x -> new ArrayList<>());
        if (t.edit() != null) es.add(t.edit());
      }
    }
    Map<String, Integer> byType = new TreeMap<>();
    for (String type : hashType.values()) byType.merge(type, 1, Integer::sum);
    List<Template> templates = new ArrayList<>(heads.size());
    heads.forEach((id, t) -> templates.add(new Template(id, t.size(), t.text(), t.slots(), List.copyOf(edits.get(id)))));
    Map<String, Double> shares = new TreeMap<>();
    firedCount.forEach((ind, n) -> shares.put(ind, (double) n / members.size()));
    double max = Double.NaN, median = Double.NaN;
    if (!scores.isEmpty()) {
      Collections.sort(scores);
      int n = scores.size();
      max = scores.get(n - 1);
      median = n % 2 == 1 ? scores.get(n / 2) : (scores.get(n / 2 - 1) + scores.get(n / 2)) / 2.0;
    }
    return new ClusterSummary("c-" + ids.get(0), ids, byType, sites.size(), markets.size(), first, last,
        Long.bitCount(a0) + Long.bitCount(a1), stating, templates, shares, max, median);
  }

  /**
   * A template: the text of its first member with slots ({@code {n}} numbers, prices and ages,
   * {@code {contact}} identifiers, {@code {name}} capitalised names and places), the slots it has,
   * how many members share it, and the edits between successive members.
   */
  public record Template(String id, int size, String text, List<String> slots, List<Edit> edits) {}
}
