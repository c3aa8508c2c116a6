package org.redflag.fit.report;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Counts of assessed adverts by group (site, market, category, language, month, or any combination),
 * from which a {@link MarketReport} is drawn. Memory grows with the number of groups, not adverts.
 *
 * <p>Summaries merge: give each thread, partition or machine its own summary, {@link #add} its
 * adverts, then {@link #merge} the summaries in any order and grouping; the result equals one
 * summary fed every advert (counts are sums, the largest cluster a maximum, scores and price ratios
 * fixed-bin histograms). That is what lets a Spark job and the command line give the same report.
 * A summary is not thread-safe; it is {@link Serializable} so a distributed job can ship it.
 */
public final class AssessmentSummary implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The group of adverts that have no value for a grouping field. */
  public static final String NONE = "(none)";

  private final List<GroupField> by;
  private final Map<List<String>, GroupSummary> groups = new HashMap<>();
  private final Set<String> indicators = new TreeSet<>();
  private long adverts;

  /** A summary grouping by {@code by} (at least one field, none twice). */
  public AssessmentSummary(List<GroupField> by) {
    if (by.isEmpty()) throw new IllegalArgumentException("a summary needs at least one grouping field");
    if (Set.copyOf(by).size() != by.size()) throw new IllegalArgumentException("grouping fields repeat: " + by);
    this.by = List.copyOf(by);
  }

  public List<GroupField> by() { return by; }

  /** Adverts added, over all groups. */
  public long adverts() { return adverts; }

  /** Number of groups seen so far. */
  public int groups() { return groups.size(); }

  /** Counts one assessed advert in its group. */
  public AssessmentSummary add(AssessedAdvert a) {
    List<String> key = new ArrayList<>(by.size());
    for (GroupField f : by) {
      String v = a.value(f);
      key.add(v == null ? NONE : v);
    }
    groups.computeIfAbsent(List.copyOf(key), k -> new GroupSummary()).add(a);
    indicators.addAll(a.indicators());
    adverts++;
    return this;
  }

  /** Adds {@code other}'s counts to this summary (which it returns); {@code other} is unchanged. */
  public AssessmentSummary merge(AssessmentSummary other) {
    if (!other.by.equals(by)) throw new IllegalArgumentException("cannot merge a summary by " + other.by + " into one by " + by);
    other.groups.forEach((k, g) -> groups.computeIfAbsent(k, x -> new GroupSummary()).merge(g));
    indicators.addAll(other.indicators);
    adverts += other.adverts;
    return this;
  }

  /**
   * The report: groups ranked by the lower bound of the 95% Wilson interval of their share of
   * ELEVATED or HIGH adverts; groups with fewer than {@code minAdverts} adverts are marked small.
   * {@code prices} and {@code clusters} say whether the price and cluster parts are reported (they
   * mean something only when baselines or links were given).
   */
  public MarketReport report(int minAdverts, boolean prices, boolean clusters) {
    return MarketReport.of(this, minAdverts, prices, clusters);
  }

  Map<List<String>, GroupSummary> groupMap() { return groups; }

  Set<String> indicatorIds() { return indicators; }

  @Override
  public boolean equals(Object o) {
    return o instanceof AssessmentSummary s && s.by.equals(by) && s.adverts == adverts && s.indicators.equals(indicators) && s.groups.equals(groups);
  }

  @Override
  public int hashCode() { return by.hashCode() * 31 + Long.hashCode(adverts); }
}
