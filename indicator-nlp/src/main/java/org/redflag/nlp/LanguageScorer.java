package org.redflag.nlp;

import java.util.Map;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

/**
 * Evaluates the language model on the 1- to 3-grams of {@link LanguageContext} without building a
 * String per gram: grams are packed into a {@code long} (up to three UTF-16 chars and the length), made
 * distinct in a primitive set, and looked up in a {@code long}-keyed copy of the model's parameter map.
 *
 * <p>The result is bit for bit {@code model.eval(LanguageContext.of(text))}: GIS evaluation sums the
 * gram parameters in the order of its context array, and that array is a {@code HashSet}'s
 * {@code toArray}, so the grams are summed here in the order that {@code HashSet} iterates them (by
 * bucket of its final table, and by insertion within a bucket, which resizing preserves). The set's
 * growth is replayed to know its final table size; if one of its buckets would turn into a tree (nine
 * grams with one bucket index; never seen on advert text) the order is not replayed and {@link #eval}
 * answers null, and the caller takes the String path. {@code LanguageScorerTest} checks equality.
 *
 * <p>why: NlpBenchmark.features spent about a quarter of its time in language detection, a third of it
 * creating, hashing and collecting about 700 gram Strings per advert.
 */
final class LanguageScorer {
  private final long[] keys;
  /** Per slot: the gram's parameters, as the model's {@link Context} or, when dense, a full row. */
  private final Object[] values;
  private final int mask;
  private final int numOutcomes;
  /** {@code UniformPrior}: every outcome starts at log(1 / outcomes). */
  private final double logPrior;
  private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

  private LanguageScorer(Map<String, Context> pmap, int numOutcomes) {
    int grams = 0;
    for (String k : pmap.keySet()) if (k.length() >= 1 && k.length() <= 3) grams++;
    int cap = Integer.highestOneBit(Math.max(4, grams * 2 - 1)) << 1;
    keys = new long[cap];
    values = new Object[cap];
    mask = cap - 1;
    for (Map.Entry<String, Context> e : pmap.entrySet()) {
      String k = e.getKey();
      if (k.length() < 1 || k.length() > 3) continue; // never asked for: grams are 1 to 3 chars
      long key = pack(k, 0, k.length());
      int i = slot(key);
      while (keys[i] != 0) i = (i + 1) & mask;
      keys[i] = key;
      values[i] = denseOrSparse(e.getValue(), numOutcomes);
    }
    this.numOutcomes = numOutcomes;
    this.logPrior = StrictMath.log(1.0 / numOutcomes);
  }

  /**
   * Grams with weights for at least {@value #DENSE_SHARE_PERCENT}% of the outcomes (the frequent
   * letters and pairs, which carry most of the work: on the benchmark corpus 99% of the additions) are
   * kept as a full row, zeros for the outcomes the model has no weight for, so that their sum is a
   * plain vector addition the JIT vectorises instead of a scatter through the outcome indices. Each
   * outcome still receives its additions in the same order, and adding +0.0 never changes a sum that
   * starts from the non-zero log prior, so the probabilities stay bit for bit the same. About 5 MB.
   */
  static final int DENSE_SHARE_PERCENT = 60;

  private static Object denseOrSparse(Context c, int numOutcomes) {
    int[] o = c.getOutcomes();
    if (o.length * 100 < numOutcomes * DENSE_SHARE_PERCENT) return c;
    double[] row = new double[numOutcomes];
    double[] w = c.getParameters();
    for (int k = 0; k < o.length; k++) row[o[k]] += w[k];
    for (int k = 1; k < o.length; k++) if (o[k] <= o[k - 1]) return c; // repeated outcome: keep the model's order
    return row;
  }

  /** The scorer of a GIS model (as {@code langdetect-183.bin} is), or null for other models. */
  @SuppressWarnings("unchecked")
  static LanguageScorer of(MaxentModel model) {
    if (model == null || model.getClass() != GISModel.class) return null;
    AbstractModel am = (AbstractModel) model;
    return new LanguageScorer((Map<String, Context>) am.getDataStructures()[1], am.getNumOutcomes());
  }

  /** Length in bits 48..49, chars in 0..47; never 0 for a gram of 1 to 3 chars. */
  private static long pack(CharSequence s, int from, int len) {
    long key = (long) len << 48;
    for (int k = 0; k < len; k++) key |= (long) s.charAt(from + k) << (16 * (2 - k));
    return key;
  }

  private static long pack(char[] s, int from, int len) {
    long key = (long) len << 48;
    for (int k = 0; k < len; k++) key |= (long) s[from + k] << (16 * (2 - k));
    return key;
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & mask;
  }

  private Object get(long key) {
    for (int i = slot(key); keys[i] != 0; i = (i + 1) & mask) if (keys[i] == key) return values[i];
    return null;
  }

  /**
   * The model's outcome probabilities for {@code text}, equal to
   * {@code model.eval(LanguageContext.of(text))}; null when the gram order cannot be replayed.
   */
  double[] eval(CharSequence text) {
    char[] clean = LanguageContext.cleanUp(text);
    int n = clean.length;
    Scratch s = scratch.get();
    s.reset(n * 3);
    // Distinct grams in the order LanguageContext.of inserts them into its HashSet.
    for (int len = 1; len <= 3; len++) {
      for (int i = 0; i + len <= n; i++) {
        long key = pack(clean, i, len);
        if (s.addDistinct(key)) {
          int h = 0;
          for (int k = 0; k < len; k++) h = 31 * h + clean[i + k];
          s.append(key, h);
        }
      }
    }
    if (!s.replayHashSet()) return null;
    double[] p = new double[numOutcomes];
    java.util.Arrays.fill(p, logPrior);
    int[] order = s.order;
    // The grams' parameters in summation order first (independent probes of the key table), then the
    // sums. Up to four consecutive dense rows are added in one pass, each outcome receiving them in
    // order ((p + a) + b) + c) + d, the same roundings as four passes: the rows stream from memory
    // together instead of one after the other. why: NlpBenchmark.assess at 10KB, the row sums were about
    // a tenth of the time, waiting on rows that had left the caches since the previous advert.
    Object[] values = s.values(s.size);
    for (int j = 0; j < s.size; j++) values[j] = get(s.keys[order[j]]);
    for (int j = 0; j < s.size; ) {
      Object v = values[j];
      if (v instanceof double[] a) {
        int dense = 1;
        while (dense < 4 && j + dense < s.size && values[j + dense] instanceof double[]) dense++;
        if (dense == 4) {
          double[] b = (double[]) values[j + 1], c = (double[]) values[j + 2], d = (double[]) values[j + 3];
          for (int k = 0; k < p.length; k++) p[k] = p[k] + a[k] + b[k] + c[k] + d[k];
        } else if (dense >= 2) {
          double[] b = (double[]) values[j + 1];
          for (int k = 0; k < p.length; k++) p[k] = p[k] + a[k] + b[k];
          dense = 2;
        } else {
          for (int k = 0; k < p.length; k++) p[k] += a[k];
        }
        j += dense;
        continue;
      }
      if (v instanceof Context c) {
        int[] o = c.getOutcomes();
        double[] w = c.getParameters();
        for (int k = 0; k < o.length; k++) p[o[k]] += w[k] * 1.0; // GISModel's "parameter * value"
      }
      j++;
    }
    java.util.Arrays.fill(values, 0, s.size, null); // no model rows kept reachable from the scratch
    double normal = 0.0;
    for (int i = 0; i < numOutcomes; i++) {
      p[i] = StrictMath.exp(p[i]);
      normal += p[i];
    }
    for (int i = 0; i < numOutcomes; i++) p[i] /= normal;
    return p;
  }

  /** Per-thread buffers: the distinct grams (insertion order), their String hashes and the set replay. */
  private static final class Scratch {
    long[] set = new long[1024];
    int setMask = 1023;
    long[] keys = new long[512];
    int[] hashes = new int[512];
    int[] order = new int[512];
    int[] counts = new int[64];
    /** The grams' parameters in summation order (see {@link #eval}); cleared after each text. */
    Object[] values = new Object[512];
    int size;
    int initialCapacity;

    Object[] values(int n) {
      if (values.length < n) values = new Object[Math.max(n, 2 * values.length)];
      return values;
    }

    void reset(int initialCapacity) {
      this.initialCapacity = initialCapacity;
      size = 0;
      int need = Integer.highestOneBit(Math.max(16, initialCapacity * 2 - 1)) << 1;
      if (set.length < need) {
        set = new long[need];
        setMask = need - 1;
      } else {
        java.util.Arrays.fill(set, 0L);
      }
    }

    boolean addDistinct(long key) {
      long h = key * 0x9E3779B97F4A7C15L;
      int i = (int) (h >>> 40) & setMask;
      for (long k; (k = set[i]) != 0; i = (i + 1) & setMask) if (k == key) return false;
      set[i] = key;
      return true;
    }

    void append(long key, int hash) {
      if (size == keys.length) {
        keys = java.util.Arrays.copyOf(keys, size * 2);
        hashes = java.util.Arrays.copyOf(hashes, size * 2);
      }
      keys[size] = key;
      hashes[size] = hash;
      size++;
    }

    private static int bucket(int hash, int cap) { return (hash ^ (hash >>> 16)) & (cap - 1); }

    /**
     * Replays {@code new HashSet<>(initialCapacity)} receiving the grams in insertion order (HashMap's
     * table sizing, growth at 0.75 load, and a bucket of nine in a table under 64 growing it) and
     * leaves in {@link #order} the indices in that set's iteration order. False if a bucket would be
     * made a tree (its iteration order is not insertion order).
     */
    boolean replayHashSet() {
      int cap = 0;
      int threshold = tableSizeFor(initialCapacity);
      for (int j = 0; j < size; j++) {
        if (cap == 0) {
          cap = threshold;
          threshold = (int) (cap * 0.75f);
          recount(cap, j);
        }
        int b = bucket(hashes[j], cap);
        int before = counts[b]++;
        if (before >= 8) { // TREEIFY_THRESHOLD - 1 nodes after the first: treeifyBin
          if (cap >= 64) return false;
          threshold = cap >= 16 ? threshold << 1 : (int) (cap * 2 * 0.75f);
          cap <<= 1;
          recount(cap, j + 1);
        }
        if (j + 1 > threshold) {
          threshold = cap >= 16 ? threshold << 1 : (int) (cap * 2 * 0.75f);
          cap <<= 1;
          recount(cap, j + 1);
        }
      }
      if (cap == 0) cap = 1;
      // Stable counting sort by final bucket.
      recount(cap, size);
      int sum = 0;
      for (int b = 0; b < cap; b++) {
        int c = counts[b];
        counts[b] = sum;
        sum += c;
      }
      if (order.length < size) order = new int[keys.length];
      for (int j = 0; j < size; j++) order[counts[bucket(hashes[j], cap)]++] = j;
      return true;
    }

    private void recount(int cap, int upTo) {
      if (counts.length < cap) counts = new int[cap];
      java.util.Arrays.fill(counts, 0, cap, 0);
      for (int j = 0; j < upTo; j++) counts[bucket(hashes[j], cap)]++;
    }

    private static int tableSizeFor(int c) {
      int n = -1 >>> Integer.numberOfLeadingZeros(c - 1);
      return n < 0 ? 1 : n >= (1 << 30) ? (1 << 30) : n + 1;
    }
  }
}
