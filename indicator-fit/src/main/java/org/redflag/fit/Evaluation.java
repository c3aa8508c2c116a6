package org.redflag.fit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.redflag.advert.Advert;
import org.redflag.engine.Assessment;
import org.redflag.engine.IndicatorResult;
import org.redflag.indicator.Evidence;
import org.redflag.risk.Band;

/**
 * How well the indicators agree with human coding of adverts, and, when adverts carry outcome
 * labels, how well the scores rank and are calibrated.
 *
 * <p>Each coded advert lists the indicator ids a coder marked present ({@code expect}) and those
 * judged absent ({@code forbid}). For each indicator: {@code found} counts expected ids that fired,
 * {@code falseFires} counts forbidden ids that fired; recall is {@code found / expected} and the
 * false-fire rate {@code falseFires / forbidden}, each with a 95% Wilson interval that treats the
 * coded (advert, indicator) pairs as independent. An id neither expected nor forbidden on an advert
 * (the coder was unsure) counts nowhere. Labels (0/1) give ROC AUC and average precision with
 * percentile bootstrap intervals ({@link RankingBootstrap}), the Brier score, the expected
 * calibration error and, per review band, precision and recall.
 *
 * <p>Built by feeding every assessed advert to a {@link Builder}; only adverts with a miss or a
 * false fire keep their text, for the report.
 */
public final class Evaluation {
  /** Coded pairs and fires: recall and false-fire rate are NaN when their denominator is 0. */
  public record Counts(long expected, long found, long forbidden, long falseFires) {
    public double recall() { return expected == 0 ? Double.NaN : (double) found / expected; }
    public Interval recallCi() { return Interval.wilson(found, expected); }
    public double falseFireRate() { return forbidden == 0 ? Double.NaN : (double) falseFires / forbidden; }
    public Interval falseFireRateCi() { return Interval.wilson(falseFires, forbidden); }
  }

  /** One indicator's counts and the ids of the adverts it missed or fired on wrongly, in input order. */
  public record IndicatorRow(String id, Counts counts, List<String> misses, List<String> falseFireIds) {
    public IndicatorRow {
      misses = ImmutableList.copyOf(misses);
      falseFireIds = ImmutableList.copyOf(falseFireIds);
    }
  }

  /**
   * One review band: adverts in it, positives among them, precision (positive share in the band) and
   * recall (share of all positives in the band); {@code atOrAbove} the same for this band and every
   * higher one together, i.e. reviewing everything from this band up.
   */
  public record BandRow(Band band, int adverts, int positives, double precision, double recall, int atOrAboveAdverts,
      int atOrAbovePositives, double atOrAbovePrecision, double atOrAboveRecall) {}

  /** Label metrics; AUC, AP and their intervals are absent (NaN, null) when the labels hold one class only. */
  public record LabelMetrics(int n, int positives, double auc, Interval aucCi, double averagePrecision, Interval apCi, double brier,
      double ece, List<BandRow> bands, int bootstrapReplicates, long bootstrapSeed) {
    public LabelMetrics {
      bands = ImmutableList.copyOf(bands);
    }

    public boolean bothClasses() { return positives > 0 && positives < n; }
  }

  /** An advert shown in the report: its text and evidence, and what it missed or fired on wrongly. */
  public record Shown(String id, String title, String text, List<Evidence> evidence, SortedSet<String> misses, SortedSet<String> falseFires) {
    public Shown {
      evidence = ImmutableList.copyOf(evidence);
      misses = ImmutableSortedSet.copyOf(misses);
      falseFires = ImmutableSortedSet.copyOf(falseFires);
    }
  }

  private final int adverts;
  private final long invalid;
  private final Counts overall;
  private final Map<String, IndicatorRow> indicators;
  private final SortedSet<String> unknownIndicators;
  private final LabelMetrics labels;
  private final double[] scores;
  private final int[] labelValues;
  private final List<Shown> shown;
  private final String model;
  private final List<String> packs;

  private Evaluation(Builder b) {
    this.adverts = b.adverts;
    this.invalid = b.invalid;
    Map<String, IndicatorRow> rows = new TreeMap<>();
    long e = 0, h = 0, f = 0, k = 0;
    for (Map.Entry<String, Tally> t : b.tallies.entrySet()) {
      Tally x = t.getValue();
      Counts c = new Counts(x.expected, x.expected - x.misses.size(), x.forbidden, x.falseFires.size());
      rows.put(t.getKey(), new IndicatorRow(t.getKey(), c, x.misses, x.falseFires));
      e += c.expected();
      h += c.found();
      f += c.forbidden();
      k += c.falseFires();
    }
    this.overall = new Counts(e, h, f, k);
    this.indicators = ImmutableSortedMap.copyOf(rows);
    TreeSet<String> unknown = new TreeSet<>();
    if (b.known != null) for (String id : rows.keySet()) if (!b.known.contains(id)) unknown.add(id);
    this.unknownIndicators = ImmutableSortedSet.copyOf(unknown);
    this.scores = b.scores.stream().mapToDouble(Double::doubleValue).toArray();
    this.labelValues = b.labels.stream().mapToInt(Integer::intValue).toArray();
    this.labels = scores.length == 0 ? null : labelMetrics(scores, labelValues, b.bands, b.replicates, b.seed);
    this.shown = ImmutableList.copyOf(b.shown);
    this.model = b.model;
    this.packs = ImmutableList.copyOf(b.packs);
  }

  public static Builder builder() { return new Builder(); }

  /** Valid adverts evaluated. */
  public int adverts() { return adverts; }
  /** Input lines that could not be read (reported by the caller). */
  public long invalid() { return invalid; }
  public Counts overall() { return overall; }
  /** Rows of every indicator id that some advert expects or forbids, sorted by id. */
  public Map<String, IndicatorRow> indicators() { return indicators; }
  /** Coded ids that no indicator of the engine provides (they can never fire: a typo, or an indicator not installed). */
  public SortedSet<String> unknownIndicators() { return unknownIndicators; }
  public Optional<LabelMetrics> labels() { return Optional.ofNullable(labels); }
  /** Adverts with a miss or a false fire, in input order. */
  public List<Shown> shown() { return shown; }
  public String model() { return model; }
  public List<String> packs() { return packs; }
  /** Scores of the labelled adverts, in input order (for plots). */
  double[] labelledScores() { return scores.clone(); }
  int[] labelValues() { return labelValues.clone(); }

  /**
   * The metrics as JSON: {@code adverts}, {@code invalid}, {@code overall}, {@code indicators} and,
   * when some advert carried a label, {@code labels}; undefined numbers (a rate over nothing) are
   * {@code null}.
   */
  public ObjectNode toJson() {
    ObjectNode o = new ObjectMapper().createObjectNode();
    o.put("adverts", adverts);
    o.put("invalid", invalid);
    ObjectNode ov = o.putObject("overall");
    counts(ov, overall);
    ObjectNode ind = o.putObject("indicators");
    for (IndicatorRow r : indicators.values()) {
      ObjectNode io = ind.putObject(r.id());
      counts(io, r.counts());
      ArrayNode m = io.putArray("misses");
      r.misses().forEach(m::add);
      ArrayNode ff = io.putArray("falseFireIds");
      r.falseFireIds().forEach(ff::add);
    }
    if (labels != null) {
      ObjectNode l = o.putObject("labels");
      l.put("n", labels.n());
      l.put("positives", labels.positives());
      num(l, "auc", labels.auc());
      interval(l, "aucCi", labels.aucCi());
      num(l, "averagePrecision", labels.averagePrecision());
      interval(l, "apCi", labels.apCi());
      num(l, "brier", labels.brier());
      num(l, "ece", labels.ece());
      ArrayNode bands = l.putArray("bands");
      for (BandRow b : labels.bands()) {
        ObjectNode bo = bands.addObject();
        bo.put("band", b.band().name());
        bo.put("adverts", b.adverts());
        num(bo, "precision", b.precision());
        num(bo, "recall", b.recall());
        bo.put("positives", b.positives());
        ObjectNode up = bo.putObject("atOrAbove");
        up.put("adverts", b.atOrAboveAdverts());
        num(up, "precision", b.atOrAbovePrecision());
        num(up, "recall", b.atOrAboveRecall());
      }
      ObjectNode boot = l.putObject("bootstrap");
      boot.put("replicates", labels.bootstrapReplicates());
      boot.put("seed", labels.bootstrapSeed());
    }
    ArrayNode unknown = o.putArray("unknownIndicators");
    unknownIndicators.forEach(unknown::add);
    if (model != null) o.put("model", model);
    ArrayNode p = o.putArray("packs");
    packs.forEach(p::add);
    return o;
  }

  private static void counts(ObjectNode o, Counts c) {
    o.put("expected", c.expected());
    o.put("found", c.found());
    num(o, "recall", c.recall());
    interval(o, "recallCi", c.expected() == 0 ? null : c.recallCi());
    o.put("forbidden", c.forbidden());
    o.put("falseFires", c.falseFires());
    num(o, "falseFireRate", c.falseFireRate());
    interval(o, "falseFireRateCi", c.forbidden() == 0 ? null : c.falseFireRateCi());
  }

  static void num(ObjectNode o, String k, double v) {
    if (Double.isFinite(v)) o.put(k, v); else o.putNull(k);
  }

  static void interval(ObjectNode o, String k, Interval i) {
    if (i == null) {
      o.putNull(k);
      return;
    }
    ArrayNode a = o.putArray(k);
    a.add(i.low());
    a.add(i.high());
  }

  private static LabelMetrics labelMetrics(double[] p, int[] y, List<Band> bandOf, int replicates, long seed) {
    int n = p.length;
    int pos = 0;
    for (int v : y) pos += v;
    double auc = Double.NaN, ap = Double.NaN;
    Interval aucCi = null, apCi = null;
    if (pos > 0 && pos < n) {
      auc = Metrics.rocAuc(p, y);
      ap = Metrics.averagePrecision(p, y);
      if (replicates > 0) {
        RankingBootstrap.Result r = RankingBootstrap.of(p, y, replicates, seed);
        aucCi = r.auc();
        apCi = r.averagePrecision();
      }
    }
    List<BandRow> bands = new ArrayList<>();
    int upAdverts = 0, upPositives = 0;
    Band[] all = Band.values();
    for (int b = all.length - 1; b >= 0; b--) {
      int m = 0, tp = 0;
      for (int i = 0; i < n; i++) {
        if (bandOf.get(i) == all[b]) {
          m++;
          tp += y[i];
        }
      }
      upAdverts += m;
      upPositives += tp;
      bands.add(new BandRow(all[b], m, tp, m == 0 ? Double.NaN : (double) tp / m, pos == 0 ? Double.NaN : (double) tp / pos,
          upAdverts, upPositives, upAdverts == 0 ? Double.NaN : (double) upPositives / upAdverts,
          pos == 0 ? Double.NaN : (double) upPositives / pos));
    }
    return new LabelMetrics(n, pos, auc, aucCi, ap, apCi, Metrics.brier(p, y),
        Metrics.expectedCalibrationError(p, y, RiskModelTrainer.ECE_BINS), bands, replicates, seed);
  }

  private static final class Tally {
    long expected;
    long forbidden;
    final List<String> misses = new ArrayList<>();
    final List<String> falseFires = new ArrayList<>();
  }

  /** Collects assessed, coded adverts one at a time. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Tally> tallies = new TreeMap<>();
    private final List<Double> scores = new ArrayList<>();
    private final List<Integer> labels = new ArrayList<>();
    private final List<Band> bands = new ArrayList<>();
    private final List<Shown> shown = new ArrayList<>();
    private Set<String> known;
    private int adverts;
    private long invalid;
    private int replicates = RankingBootstrap.DEFAULT_REPLICATES;
    private long seed = RankingBootstrap.DEFAULT_SEED;
    private String model;
    private List<String> packs = List.of();

    private Builder() {}

    /** Bootstrap replicates (0: no intervals) and seed for the AUC and AP intervals. */
    public Builder bootstrap(int replicates, long seed) {
      if (replicates < 0) throw new IllegalArgumentException("bootstrap replicates must be 0 or more, was " + replicates);
      this.replicates = replicates;
      this.seed = seed;
      return this;
    }

    /** The indicator ids the engine provides; coded ids outside them are reported as unknown. */
    public Builder knownIndicators(Collection<String> ids) {
      this.known = ImmutableSortedSet.copyOf(ids);
      return this;
    }

    /** The model label and pack labels the assessments came from, recorded in the output. */
    public Builder provenance(String model, List<String> packs) {
      this.model = model;
      this.packs = ImmutableList.copyOf(packs);
      return this;
    }

    /** Counts input lines that could not be evaluated. */
    public Builder invalid(long lines) {
      this.invalid += lines;
      return this;
    }

    /**
     * Adds one assessed advert with its coding: ids a coder marked present and absent (disjoint),
     * and its outcome label (0 or 1) or null.
     */
    public Builder add(Advert advert, Assessment a, Collection<String> expect, Collection<String> forbid, Integer label) {
      Objects.requireNonNull(advert, "advert");
      Objects.requireNonNull(a, "assessment");
      for (String id : expect) {
        if (forbid.contains(id)) throw new IllegalArgumentException("indicator '" + id + "' is both expected and forbidden on advert " + advert.id());
      }
      if (label != null && label != 0 && label != 1) throw new IllegalArgumentException("label must be 0 or 1, was " + label);
      Set<String> fired = new TreeSet<>();
      for (IndicatorResult r : a.indicators()) if (r.fired()) fired.add(r.id());
      TreeSet<String> missed = new TreeSet<>();
      TreeSet<String> wrong = new TreeSet<>();
      for (String id : new TreeSet<>(expect)) {
        Tally t = tallies.computeIfAbsent(id, k -> new Tally());
        t.expected++;
        if (!fired.contains(id)) {
          t.misses.add(advert.id());
          missed.add(id);
        }
      }
      for (String id : new TreeSet<>(forbid)) {
        Tally t = tallies.computeIfAbsent(id, k -> new Tally());
        t.forbidden++;
        if (fired.contains(id)) {
          t.falseFires.add(advert.id());
          wrong.add(id);
        }
      }
      if (!missed.isEmpty() || !wrong.isEmpty()) {
        shown.add(new Shown(advert.id(), advert.title().orElse(null), advert.text(), a.evidence(), missed, wrong));
      }
      if (label != null) {
        scores.add(a.score());
        labels.add(label);
        bands.add(a.band());
      }
      adverts++;
      return this;
    }

    public Evaluation build() { return new Evaluation(this); }
  }
}
