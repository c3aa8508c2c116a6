package org.redflag.price;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.quantilescommon.DoublesSortedView;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * The distribution of hourly-normalised advert prices in one market (and optionally one service
 * category), in one currency, held in an Apache DataSketches KLL sketch. Sketches are mergeable, so a
 * baseline can be built in parallel or across a cluster and merged ({@link #merge(MarketBaseline)});
 * quantile and rank answers carry the sketch's rank error ({@link #rankError()}, about 1.3% for the
 * default {@code k = 200}) once the count exceeds what the sketch keeps exactly.
 *
 * <p>Immutable and thread-safe: it keeps the serialised sketch and answers queries from a sorted view
 * computed once (the heap sketch itself caches state on query and is not safe to share). Market and
 * category keys are compared case-insensitively and stored in lower case; a {@code null} category
 * means all categories of the market.
 */
public final class MarketBaseline {
  /** Sketch size: about 1.3% normalised rank error, a few kilobytes per market. */
  public static final int DEFAULT_K = 200;

  private final String market;
  private final String category;
  private final String currency;
  private final byte[] sketch;
  private final int k;
  private final long count;
  private final DoublesSortedView view;
  private final double rankError;

  private MarketBaseline(String market, String category, String currency, KllDoublesSketch s) {
    this.market = market;
    this.category = category;
    this.currency = currency;
    this.sketch = s.toByteArray();
    this.k = s.getK();
    this.count = s.getN();
    this.view = s.isEmpty() ? null : s.getSortedView();
    this.rankError = s.getNormalizedRankError(false);
  }

  /** A builder for one market, category ({@code null} for all) and ISO 4217 currency, with {@link #DEFAULT_K}. */
  public static Builder builder(String market, String category, String currency) {
    return new Builder(market, category, currency, DEFAULT_K);
  }

  public static Builder builder(String market, String category, String currency, int k) {
    return new Builder(market, category, currency, k);
  }

  /**
   * A baseline from serialised KLL doubles sketch bytes (as in the baseline file).
   *
   * @throws IllegalArgumentException when the bytes are not a KLL doubles sketch or hold a value that
   *     is not a positive finite rate
   */
  public static MarketBaseline fromSketchBytes(String market, String category, String currency, byte[] bytes) {
    String m = key(market, "market");
    String c = category == null ? null : key(category, "category");
    String cur = currencyCode(currency);
    KllDoublesSketch s;
    try {
      s = KllDoublesSketch.heapify(Memory.wrap(bytes.clone()));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a serialised KLL doubles sketch (" + e.getClass().getSimpleName() + ")");
    }
    try {
      if (!s.isEmpty() && !(s.getMinItem() > 0 && Double.isFinite(s.getMaxItem()))) {
        throw new IllegalArgumentException("sketch holds a rate that is not positive and finite");
      }
      return new MarketBaseline(m, c, cur, s);
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException e) {
      // heapify accepts some inconsistent bytes that fail only when the sorted view is built
      // (ArrayIndexOutOfBoundsException; found by BaselineReaderFuzzTest, its corpus keeps the input)
      throw new IllegalArgumentException("not a serialised KLL doubles sketch (" + e.getClass().getSimpleName() + ")");
    }
  }

  public String market() { return market; }

  /** The service category, or empty when the baseline covers all categories of the market. */
  public Optional<String> category() { return Optional.ofNullable(category); }

  /** ISO 4217 code of the rates; also the market's default currency for euphemisms such as "roses". */
  public String currency() { return currency; }

  /** Number of hourly rates observed. */
  public long count() { return count; }

  public boolean isEmpty() { return count == 0; }

  /** The sketch's size parameter. */
  public int k() { return k; }

  /** Normalised rank error of quantile and rank answers (single-sided, about 99% confidence). */
  public double rankError() { return rankError; }

  /** The rate at normalised rank {@code rank} in [0, 1] (inclusive criterion). */
  public double quantile(double rank) {
    if (!(rank >= 0 && rank <= 1)) throw new IllegalArgumentException("rank must be within [0, 1], was " + rank);
    requireNotEmpty();
    return view.getQuantile(rank, QuantileSearchCriteria.INCLUSIVE);
  }

  public double median() { return quantile(0.5); }

  public double min() { requireNotEmpty(); return view.getMinItem(); }

  public double max() { requireNotEmpty(); return view.getMaxItem(); }

  /** Fraction of observed rates at or below {@code rate}, in [0, 1]. */
  public double rankOf(double rate) {
    if (Double.isNaN(rate)) throw new IllegalArgumentException("rate is NaN");
    requireNotEmpty();
    return view.getRank(rate, QuantileSearchCriteria.INCLUSIVE);
  }

  /**
   * Estimated number of rates in each bin given by ascending split points: bin 0 is below
   * {@code splits[0]}, bin i is [splits[i-1], splits[i]), the last bin is at or above the last split.
   */
  public double[] histogram(double[] splits) {
    requireNotEmpty();
    double[] pmf = view.getPMF(splits, QuantileSearchCriteria.EXCLUSIVE);
    double[] counts = new double[pmf.length];
    for (int i = 0; i < pmf.length; i++) counts[i] = pmf[i] * count;
    return counts;
  }

  /** A copy of the serialised KLL sketch. */
  public byte[] sketchBytes() { return sketch.clone(); }

  /** A new baseline holding both sets of observations; both must have the same market, category and currency. */
  public MarketBaseline merge(MarketBaseline other) {
    Objects.requireNonNull(other, "other");
    requireSameKey(other.market, other.category, other.currency);
    return SeededKll.run(() -> {
      KllDoublesSketch s = heapify();
      s.merge(other.heapify());
      return new MarketBaseline(market, category, currency, s);
    });
  }

  /** "metro-a/escort (USD, n=240)"; for evidence sources and summaries. */
  public String label() {
    return market + "/" + (category == null ? "all" : category) + " (" + currency + ", n=" + count + ")";
  }

  @Override
  public String toString() { return "MarketBaseline{" + label() + "}"; }

  KllDoublesSketch heapify() { return KllDoublesSketch.heapify(Memory.wrap(sketch)); }

  void requireSameKey(String m, String c, String cur) {
    if (!market.equals(m) || !Objects.equals(category, c) || !currency.equals(cur)) {
      throw new IllegalArgumentException("cannot merge baseline " + market + "/" + category + " (" + currency + ") with "
          + m + "/" + c + " (" + cur + ")");
    }
  }

  private void requireNotEmpty() {
    if (view == null) throw new IllegalStateException("baseline " + label() + " has no observations");
  }

  static String key(String v, String what) {
    if (v == null || v.isBlank()) throw new IllegalArgumentException(what + " must not be blank");
    String s = v.strip().toLowerCase(Locale.ROOT);
    if (s.length() > 200) throw new IllegalArgumentException(what + " is longer than 200 characters");
    return s;
  }

  static String currencyCode(String c) {
    if (c == null || c.length() != 3 || !c.chars().allMatch(ch -> ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z')) {
      throw new IllegalArgumentException("currency must be a three-letter ISO 4217 code, was '" + c + "'");
    }
    return c.toUpperCase(Locale.ROOT);
  }

  /** Collects rates for one baseline. Not thread-safe: use one builder per thread and {@link #merge}. */
  public static final class Builder {
    private final String market;
    private final String category;
    private final String currency;
    private final int k;
    // the rates as added and the baselines merged in, sketched only in build() under SeededKll: a
    // sketch updated rate by rate would compact with whatever the shared generator holds then
    private double[] rates = new double[16];
    private int n;
    private final java.util.List<MarketBaseline> merged = new java.util.ArrayList<>();
    private long mergedCount;

    private Builder(String market, String category, String currency, int k) {
      this.market = key(market, "market");
      this.category = category == null ? null : key(category, "category");
      this.currency = currencyCode(currency);
      if (k < 8 || k > KllDoublesSketch.MAX_K) throw new IllegalArgumentException("k must be within [8, 65535], was " + k);
      this.k = k;
    }

    /** Adds one hourly rate; it must be positive and finite. */
    public Builder add(double hourlyRate) {
      if (!(hourlyRate > 0) || !Double.isFinite(hourlyRate)) {
        throw new IllegalArgumentException("hourly rate must be positive and finite, was " + hourlyRate);
      }
      if (n == rates.length) rates = java.util.Arrays.copyOf(rates, 2 * n);
      rates[n++] = hourlyRate;
      return this;
    }

    /** Adds the observations of another builder for the same market, category and currency. */
    public Builder merge(Builder other) {
      if (!market.equals(other.market) || !java.util.Objects.equals(category, other.category) || !currency.equals(other.currency)) {
        throw new IllegalArgumentException("cannot merge builders of different markets, categories or currencies");
      }
      for (int i = 0; i < other.n; i++) add(other.rates[i]);
      other.merged.forEach(this::merge);
      return this;
    }

    /** Adds the observations of a finished baseline for the same market, category and currency. */
    public Builder merge(MarketBaseline other) {
      other.requireSameKey(market, category, currency);
      merged.add(other);
      mergedCount += other.count();
      return this;
    }

    public long count() { return n + mergedCount; }

    public String market() { return market; }

    public String category() { return category; }

    public String currency() { return currency; }

    /**
     * The baseline: the same rates and merged baselines, in the same order, give byte-identical
     * sketches ({@link SeededKll}). Rates are sketched in ascending order, so the order they were
     * added in does not matter either.
     */
    public MarketBaseline build() {
      double[] sorted = java.util.Arrays.copyOf(rates, n);
      java.util.Arrays.sort(sorted);
      return SeededKll.run(() -> {
        KllDoublesSketch s = KllDoublesSketch.newHeapInstance(k);
        for (double r : sorted) s.update(r);
        for (MarketBaseline b : merged) s.merge(b.heapify());
        return new MarketBaseline(market, category, currency, KllDoublesSketch.heapify(Memory.wrap(s.toByteArray())));
      });
    }
  }
}
