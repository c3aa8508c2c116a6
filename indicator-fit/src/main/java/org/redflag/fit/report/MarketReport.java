package org.redflag.fit.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redflag.fit.Interval;
import org.redflag.risk.Band;

/**
 * Prevalence and risk by group, drawn from an {@link AssessmentSummary}: per group the adverts, bands,
 * score median and 90th percentile, each indicator's share with its 95% Wilson interval, the pack
 * entries behind most fired indicators, and, when asked for, price positions and linked clusters.
 * Groups are ranked by the lower Wilson bound of their share of ELEVATED or HIGH adverts, so a small
 * group with a high share does not outrank a large one on noise alone. Shares describe adverts, not
 * people.
 */
public record MarketReport(long adverts, List<GroupField> by, int minAdverts, boolean prices, boolean clusters, List<Group> groups) {
  /** Pack entries listed per group. */
  public static final int TOP_ENTRIES = 10;

  public MarketReport {
    by = List.copyOf(by);
    groups = List.copyOf(groups);
  }

  /** A count out of the group's adverts, its share and the share's 95% Wilson interval. */
  public record Share(long count, double share, Interval ci) {
    static Share of(long k, long n) { return new Share(k, n == 0 ? 0 : (double) k / n, Interval.wilson(k, n)); }
  }

  public record Entry(String entry, long adverts) {}

  /** @param medianRatio median of hourly rate / market median; {@code belowP5}: rates below the market's 5th percentile */
  public record Prices(long adverts, double medianRatio, long belowP5) {}

  /** @param adverts adverts in a linked cluster of two or more; {@code largest}: the largest such cluster's size */
  public record Clusters(long adverts, int largest) {}

  /** One group; {@code key} maps each grouping field's key to the group's value ({@value AssessmentSummary#NONE} when absent). */
  public record Group(Map<String, String> key, long adverts, boolean small, Share elevatedOrHigh, Map<Band, Long> bands,
      double scoreMedian, double scoreP90, Map<String, Share> indicators, List<Entry> topEntries, Prices prices, Clusters clusters) {}

  static MarketReport of(AssessmentSummary s, int minAdverts, boolean prices, boolean clusters) {
    if (minAdverts < 0) throw new IllegalArgumentException("minAdverts must be 0 or more, was " + minAdverts);
    List<Group> groups = new ArrayList<>();
    for (Map.Entry<List<String>, GroupSummary> e : s.groupMap().entrySet()) {
      GroupSummary g = e.getValue();
      Map<String, String> key = new LinkedHashMap<>();
      for (int i = 0; i < s.by().size(); i++) key.put(s.by().get(i).key(), e.getKey().get(i));
      Map<Band, Long> bands = new LinkedHashMap<>();
      for (Band b : Band.values()) bands.put(b, g.bands[b.ordinal()]);
      Map<String, Share> ind = new LinkedHashMap<>();
      for (String id : s.indicatorIds()) ind.put(id, Share.of(g.fired.getOrDefault(id, 0L), g.adverts));
      List<Entry> top = g.entries.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .limit(TOP_ENTRIES).map(x -> new Entry(x.getKey(), x.getValue())).toList();
      Prices p = prices ? new Prices(g.priced, g.priced == 0 ? Double.NaN : round(GroupSummary.ratioOfBin(g.ratios.quantileBin(0.5)), 3), g.belowP5) : null;
      Clusters c = clusters ? new Clusters(g.clustered, g.largestCluster) : null;
      groups.add(new Group(java.util.Collections.unmodifiableMap(key), g.adverts, g.adverts < minAdverts, Share.of(g.elevatedOrHigh(), g.adverts), bands,
          GroupSummary.scoreOfBin(g.scores.quantileBin(0.5)), GroupSummary.scoreOfBin(g.scores.quantileBin(0.9)), ind, top, p, c));
    }
    groups.sort(RANKING);
    return new MarketReport(s.adverts(), s.by(), minAdverts, prices, clusters, groups);
  }

  /** Lower Wilson bound of the ELEVATED-or-HIGH share, then the share, then size, all descending; then the key, for a total order. */
  static final Comparator<Group> RANKING = Comparator.<Group>comparingDouble(g -> -g.elevatedOrHigh().ci().low())
      .thenComparingDouble(g -> -g.elevatedOrHigh().share())
      .thenComparingLong(g -> -g.adverts())
      .thenComparing(g -> String.join("\u0000", g.key().values()));

  /** The report as JSON (see docs/report.md for the shape). */
  public ObjectNode toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode o = f.objectNode();
    o.put("adverts", adverts);
    ArrayNode b = o.putArray("by");
    by.forEach(x -> b.add(x.key()));
    o.put("minAdverts", minAdverts);
    o.put("rankedBy", "lower bound of the 95% Wilson interval of the share of ELEVATED or HIGH adverts");
    ArrayNode gs = o.putArray("groups");
    int rank = 0;
    for (Group g : groups) {
      ObjectNode go = gs.addObject();
      ObjectNode key = go.putObject("key");
      g.key().forEach(key::put);
      go.put("rank", ++rank);
      go.put("adverts", g.adverts());
      go.put("small", g.small());
      ObjectNode bands = go.putObject("bands");
      g.bands().forEach((band, n) -> bands.put(band.name(), n));
      share(go.putObject("elevatedOrHigh"), g.elevatedOrHigh(), "count");
      ObjectNode score = go.putObject("score");
      score.put("median", round(g.scoreMedian(), 4));
      score.put("p90", round(g.scoreP90(), 4));
      ObjectNode ind = go.putObject("indicators");
      g.indicators().forEach((id, sh) -> share(ind.putObject(id), sh, "fired"));
      ArrayNode top = go.putArray("topEntries");
      for (Entry e : g.topEntries()) top.addObject().put("entry", e.entry()).put("adverts", e.adverts());
      if (g.prices() != null) {
        ObjectNode p = go.putObject("prices");
        p.put("adverts", g.prices().adverts());
        if (Double.isNaN(g.prices().medianRatio())) p.putNull("median"); else p.put("median", g.prices().medianRatio());
        p.put("belowMarketP5", g.prices().belowP5());
      }
      if (g.clusters() != null) go.putObject("clusters").put("adverts", g.clusters().adverts()).put("largest", g.clusters().largest());
    }
    return o;
  }

  private static void share(ObjectNode o, Share s, String countName) {
    o.put(countName, s.count());
    o.put("share", round(s.share(), 4));
    o.putArray("shareCi").add(round(s.ci().low(), 4)).add(round(s.ci().high(), 4));
  }

  static double round(double v, int digits) {
    double m = Math.pow(10, digits);
    return Math.round(v * m) / m;
  }
}
