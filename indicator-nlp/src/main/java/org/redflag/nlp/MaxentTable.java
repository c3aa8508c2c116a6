package org.redflag.nlp;

import java.util.Map;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

/**
 * The parameters of an OpenNLP maxent model ({@link AbstractModel}) in an open-addressing table that is
 * probed with a feature name held in a reusable {@code char[]} instead of a {@code String}.
 *
 * <p>why: NlpBenchmark.features spent most of its POS and sentence time building one new String per
 * feature and hashing it into the model's {@code LinkedHashMap} (GISModel.eval: about 30% of the
 * samples at 10KB). The table holds the model's own {@link Context} objects (same outcomes, same
 * parameters), so a sum over the features found is the model's activation; only the lookup differs.
 * Keys use {@link String#hashCode()}'s polynomial, so the model's cached key hashes are reused.
 */
final class MaxentTable {
  private final String[] keys;
  private final int[] hashes;
  private final Context[] values;
  private final int mask;
  private final String[] outcomes;

  private MaxentTable(Map<String, Context> pmap, String[] outcomes) {
    int cap = Integer.highestOneBit(Math.max(4, pmap.size() * 2 - 1)) << 1;
    keys = new String[cap];
    hashes = new int[cap];
    values = new Context[cap];
    mask = cap - 1;
    this.outcomes = outcomes;
    for (Map.Entry<String, Context> e : pmap.entrySet()) {
      int h = e.getKey().hashCode();
      int i = mix(h) & mask;
      while (keys[i] != null) i = (i + 1) & mask;
      keys[i] = e.getKey();
      hashes[i] = h;
      values[i] = e.getValue();
    }
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

  /** The parameters of the feature {@code buf[0, len)}, or null when the model does not know it. */
  Context get(char[] buf, int len) {
    int h = 0;
    for (int k = 0; k < len; k++) h = 31 * h + buf[k];
    int i = mix(h) & mask;
    for (String key; (key = keys[i]) != null; i = (i + 1) & mask) {
      if (hashes[i] == h && key.length() == len && equals(key, buf, len)) return values[i];
    }
    return null;
  }

  private static boolean equals(String key, char[] buf, int len) {
    for (int k = 0; k < len; k++) if (key.charAt(k) != buf[k]) return false;
    return true;
  }

  /** The parameters of a feature given as a String (for features resolved once, ahead of use), or null. */
  Context get(String feature) { return get(feature.toCharArray(), feature.length()); }

  /** Adds a resolved feature's parameters to {@code sums}; a null (unknown) feature adds nothing. */
  static void add(Context c, double[] sums) {
    if (c == null) return;
    int[] o = c.getOutcomes();
    double[] p = c.getParameters();
    for (int k = 0; k < o.length; k++) sums[o[k]] += p[k];
  }

  /** Adds the feature's parameters to {@code sums} (outcome-indexed) as GIS evaluation does; false if unknown. */
  boolean add(char[] buf, int len, double[] sums) {
    Context c = get(buf, len);
    add(c, sums);
    return c != null;
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
