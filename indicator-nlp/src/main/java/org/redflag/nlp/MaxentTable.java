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
  /** Per slot: hash, key offset in {@link #keyChars} (-1 = empty), key length, offset in {@link #outs}. */
  private final int[] slots;
  /** Per slot: number of (outcome, weight) pairs. */
  private final int[] counts;
  private final char[] keyChars;
  private final int[] outs;
  private final double[] weights;
  private final int mask;
  private final String[] outcomes;

  private MaxentTable(Map<String, Context> pmap, String[] outcomes) {
    int cap = Integer.highestOneBit(Math.max(4, pmap.size() * 2 - 1)) << 1;
    slots = new int[cap * 4];
    counts = new int[cap];
    mask = cap - 1;
    for (int i = 0; i < cap; i++) slots[4 * i + 1] = -1;
    int chars = 0, pairs = 0;
    for (Map.Entry<String, Context> e : pmap.entrySet()) {
      chars += e.getKey().length();
      pairs += e.getValue().getOutcomes().length;
    }
    keyChars = new char[chars];
    outs = new int[pairs];
    weights = new double[pairs];
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

  String outcome(int i) { return outcomes[i]; }

  /** Index of the outcome with this name, or -1. */
  int outcomeIndex(String name) {
    for (int i = 0; i < outcomes.length; i++) if (outcomes[i].equals(name)) return i;
    return -1;
  }

  private static int mix(int h) { return h ^ (h >>> 16); }

  /** The slot of feature {@code buf[0, len)}, or -1 when the model does not know it. */
  int find(char[] buf, int len) {
    int h = 0;
    for (int k = 0; k < len; k++) h = 31 * h + buf[k];
    for (int i = mix(h) & mask; ; i = (i + 1) & mask) {
      int at = slots[4 * i + 1];
      if (at < 0) return -1;
      if (slots[4 * i] == h && slots[4 * i + 2] == len && Arrays.equals(keyChars, at, at + len, buf, 0, len)) return i;
    }
  }

  /** The slot of a feature given as a String (for features resolved once, ahead of use), or -1. */
  int find(String feature) { return find(feature.toCharArray(), feature.length()); }

  /** Adds a found feature's weights to {@code sums} (outcome-indexed); slot -1 (unknown) adds nothing. */
  void add(int slot, double[] sums) {
    if (slot < 0) return;
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
