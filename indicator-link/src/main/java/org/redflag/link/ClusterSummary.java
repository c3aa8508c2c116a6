package org.redflag.link;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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
   * A template: the text of its first member with slots ({@code {n}} numbers, prices and ages,
   * {@code {contact}} identifiers, {@code {name}} capitalised names and places), the slots it has,
   * how many members share it, and the edits between successive members.
   */
  public record Template(String id, int size, String text, List<String> slots, List<Edit> edits) {}
}
