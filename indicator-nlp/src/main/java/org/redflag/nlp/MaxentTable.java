package org.redflag.nlp;

import java.util.Arrays;
import java.util.Map;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

/**
 * The parameters of an OpenNLP maxent model ({@link AbstractModel}) in a flat open-addressing table
 * that is probed with a feature name held in a reusable {@code char[]} instead of a {@code String}.
 *
 * <p>why: NlpBenchmark.features spent most of its POS and sentence time building one new String per
 * feature and hashing it into the model's {@code LinkedHashMap} (GISModel.eval: about 30% of the
 * samples at 10KB). The table copies the model's parameters (same outcomes, same weights) into flat
 * arrays: one probe touches the slot, the key chars and the weights, instead of a chain of objects
 * (map node, String, its bytes, {@code Context}, its two arrays). A sum over the features found is
 * the model's activation; only the lookup differs. Hashes are {@link String#hashCode()}'s polynomial.
 */
final class MaxentTable {
  /**
   * The general layout (null for a {@link #packed} table). Per slot: hash, key offset in
   * {@link #keyChars} (-1 = empty), key length, offset in {@link #outs}.
   */
  private final int[] slots;
  /** Per slot: number of (outcome, weight) pairs (general layout). */
  private final int[] counts;
  private final char[] keyChars;
  private final int[] outs;
  private final double[] weights;
  private final int mask;
  private final String[] outcomes;
  /**
   * Models with at most {@value #PACKED_OUTCOMES} outcomes (the sentence models have two), when no
   * feature lists an outcome twice: per slot {@code hash << 32 | key length} (-1 when empty), the key's
   * offset in {@link #keyChars}, and the weight of each outcome (+0.0 where the feature has none), so that
   * a probe reads its weights from the same 32 bytes (two outcomes) instead of three more arrays. Null
   * otherwise. Adding +0.0 leaves a sum that started at +0.0 as it was, and each outcome receives its weights
   * in the same order, so sums are bit for bit those of the general layout. why: NlpBenchmark.features
   * at 10KB, sentence detection (four text features and up to six fixed ones per candidate) was about a
   * quarter of the time, and each lookup read the slot, the key, the count, the outcomes and the weights
   * from five arrays; measured together with the other NLP fast-path changes of the same commit.
   */
  private final long[] packed;
  private final int stride;
  static final int PACKED_OUTCOMES = 4;

  private MaxentTable(Map<String, Context> pmap, String[] outcomes) {
    int cap = Integer.highestOneBit(Math.max(4, pmap.size() * 2 - 1)) << 1;
    int[] slots = new int[cap * 4];
    int[] counts = new int[cap];
    mask = cap - 1;
    for (int i = 0; i < cap; i++) slots[4 * i + 1] = -1;
    int chars = 0, pairs = 0;
    for (Map.Entry<String, Context> e : pmap.entrySet()) {
      chars += e.getKey().length();
      pairs += e.getValue().getOutcomes().length;
    }
    keyChars = new char[chars];
    int[] outs = new int[pairs];
    double[] weights = new double[pairs];
    int c = 0, p = 0;
    for (Map.Entry<String, Context> e : pmap.entrySet()) {
      String key = e.getKey();
      int h = key.hashCode();
      int i = mix(h) & mask;
      while (slots[4 * i + 1] >= 0) i = (i + 1) & mask;
      key.getChars(0, key.length(), keyChars, c);
      int[] o = e.getValue().getOutcomes();
      double[] w = e.getValue().getParameters();
      System.arraycopy(o, 0, outs, p, o.length);
      System.arraycopy(w, 0, weights, p, w.length);
      slots[4 * i] = h;
      slots[4 * i + 1] = c;
      slots[4 * i + 2] = key.length();
      slots[4 * i + 3] = p;
      counts[i] = o.length;
      c += key.length();
      p += o.length;
    }
    this.outcomes = outcomes;
    this.stride = 2 + outcomes.length;
    boolean pack = outcomes.length <= PACKED_OUTCOMES && distinctOutcomes(slots, counts, outs);
    this.packed = pack ? pack(slots, counts, outs, weights) : null;
    // a packed table reads only the packed layout (and the key chars): the general one is not kept
    this.slots = pack ? null : slots;
    this.counts = pack ? null : counts;
    this.outs = pack ? null : outs;
    this.weights = pack ? null : weights;
  }

  private static boolean distinctOutcomes(int[] slots, int[] counts, int[] outs) {
    for (int i = 0; i < counts.length; i++) {
      if (slots[4 * i + 1] < 0) continue;
      int from = slots[4 * i + 3], to = from + counts[i];
      for (int a = from; a < to; a++) for (int b = a + 1; b < to; b++) if (outs[a] == outs[b]) return false;
    }
    return true;
  }

  private long[] pack(int[] slots, int[] counts, int[] outs, double[] weights) {
    long[] t = new long[counts.length * stride];
    for (int i = 0; i < counts.length; i++) {
      int b = i * stride;
      if (slots[4 * i + 1] < 0) {
        t[b] = -1L;
        continue;
      }
      t[b] = (long) slots[4 * i] << 32 | slots[4 * i + 2];
      t[b + 1] = slots[4 * i + 1];
      for (int k = 0; k < outcomes.length; k++) t[b + 2 + k] = Double.doubleToRawLongBits(0.0);
      int from = slots[4 * i + 3], to = from + counts[i];
      for (int k = from; k < to; k++) t[b + 2 + outs[k]] = Double.doubleToRawLongBits(weights[k]);
    }
    return t;
  }

  /** The table of an OpenNLP {@link AbstractModel} (GIS maxent models are), or null for other models. */
  @SuppressWarnings("unchecked")
  static MaxentTable of(MaxentModel model) {
    if (!(model instanceof AbstractModel am) || am.getModelType() != AbstractModel.ModelType.Maxent) return null;
    Object[] data = am.getDataStructures();
    String[] outcomes = new String[am.getNumOutcomes()];
    for (int i = 0; i < outcomes.length; i++) outcomes[i] = am.getOutcome(i);
    return new MaxentTable((Map<String, Context>) data[1], outcomes);
  }

  int numOutcomes() { return outcomes.length; }

  /** Number of slots: every slot {@link #find} returns is below it. */
  int slotCount() { return mask + 1; }

  String outcome(int i) { return outcomes[i]; }

  /** Index of the outcome with this name, or -1. */
  int outcomeIndex(String name) {
    for (int i = 0; i < outcomes.length; i++) if (outcomes[i].equals(name)) return i;
    return -1;
  }

  private static int mix(int h) { return h ^ (h >>> 16); }

  /** The slot of feature {@code buf[0, len)}, or -1 when the model does not know it. */
  int find(char[] buf, int len) {
    int h = hash(buf, len);
    if (packed != null) {
      long key = (long) h << 32 | len;
      for (int i = mix(h) & mask; ; i = (i + 1) & mask) {
        int b = i * stride;
        long at = packed[b];
        if (at == -1L) return -1;
        if (at == key && sameChars((int) packed[b + 1], buf, len)) return i;
      }
    }
    for (int i = mix(h) & mask; ; i = (i + 1) & mask) {
      int at = slots[4 * i + 1];
      if (at < 0) return -1;
      if (slots[4 * i] == h && slots[4 * i + 2] == len && Arrays.equals(keyChars, at, at + len, buf, 0, len)) return i;
    }
  }

  /**
   * {@link String#hashCode()} of {@code buf[0, len)}, four chars per step: {@code h * 31^4} plus the
   * four chars' own terms, which do not wait for {@code h}; the same value (int arithmetic wraps the
   * same way). why: the char-by-char polynomial is one multiply-add chain per char, and feature lookups
   * hash about 10 chars each, several per sentence candidate and token.
   */
  static int hash(char[] buf, int len) {
    int h = 0;
    int k = 0;
    for (; k + 3 < len; k += 4) h = h * 923521 + buf[k] * 29791 + buf[k + 1] * 961 + buf[k + 2] * 31 + buf[k + 3];
    for (; k < len; k++) h = 31 * h + buf[k];
    return h;
  }

  /** Whether {@code keyChars[at, at + len)} equals {@code buf[0, len)}; a plain loop: keys are short. */
  private boolean sameChars(int at, char[] buf, int len) {
    for (int k = 0; k < len; k++) if (keyChars[at + k] != buf[k]) return false;
    return true;
  }

  /** The slot of a feature given as a String (for features resolved once, ahead of use), or -1. */
  int find(String feature) { return find(feature.toCharArray(), feature.length()); }

  /** Adds a found feature's weights to {@code sums} (outcome-indexed); slot -1 (unknown) adds nothing. */
  void add(int slot, double[] sums) {
    if (slot < 0) return;
    if (packed != null) {
      int b = slot * stride + 2;
      for (int k = 0; k < outcomes.length; k++) sums[k] += Double.longBitsToDouble(packed[b + k]);
      return;
    }
    int from = slots[4 * slot + 3], to = from + counts[slot];
    for (int k = from; k < to; k++) sums[outs[k]] += weights[k];
  }

  /** Adds the weights of feature {@code buf[0, len)} to {@code sums}, as GIS evaluation does; false if unknown. */
  boolean add(char[] buf, int len, double[] sums) {
    int slot = find(buf, len);
    add(slot, sums);
    return slot >= 0;
  }

  /**
   * The best outcome of activation {@code sums}, or -1 when the runner-up is so close that rounding in
   * OpenNLP's own evaluation (uniform prior, other summation order, {@code exp}, normalisation) could
   * change the order; the caller then asks the model itself. Outside that margin the order of the
   * sums is the order of the model's probabilities ({@code exp} and normalisation are monotonic).
   */
  static int decisiveArgmax(double[] sums, int n) {
    int best = 0;
    for (int i = 1; i < n; i++) if (sums[i] > sums[best]) best = i;
    double margin = 1e-9 * Math.max(1.0, Math.abs(sums[best]));
    for (int i = 0; i < n; i++) if (i != best && sums[best] - sums[i] <= margin) return -1;
    return best;
  }
}
