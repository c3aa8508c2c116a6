package org.redflag.indicator;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.redflag.pack.LexiconMatch;

/**
 * Noisy-OR combination of evidence, {@code 1 - prod(1 - w)}: the strength of an indicator whose signals
 * (pack entries, markers) each have weight {@code w} and are treated as independent.
 *
 * <p>Signals are not independent when they rest on the same text. The same span matched by two entries
 * (a language-neutral {@code 24/7} in the English, German and Russian packs, or an overlay entry that
 * repeats a base entry's phrase) is one observation, not two. So {@link #countedWeights} counts signals
 * greedily, strongest first: a signal counts only if at least one of its matches covers a span that no
 * signal counted before it covers. A signal whose every match lies on spans already counted adds
 * nothing. Spans are compared exactly (same field, same start and end); a phrase inside a longer one
 * ({@code manager} in {@code text my manager}) is a different span and still counts, as documented in
 * {@code docs/packs.md}.
 *
 * <p>Without shared spans every signal counts and the strength is the plain noisy-OR over the signals.
 */
public final class NoisyOr {
  private NoisyOr() {}

  /** {@code 1 - prod(1 - w)} over {@code weights}, within [0, 1]. */
  public static double combine(double[] weights) {
    double miss = 1;
    for (double w : weights) miss *= 1 - w;
    return Math.max(0, Math.min(1, 1 - miss));
  }

  /**
   * The weights of the signals that count, in order of their first match. Signals are decided
   * strongest first (ties: the one matched first), each counting if one of its spans is not yet
   * covered by a counted signal.
   *
   * @param n matches
   * @param signal per match, its signal's number in {@code [0, n)} (same number, same signal)
   * @param weight per match, its weight; a signal's weight is the highest of its matches
   * @param span per match, its span's number in {@code [0, n)} (same number, same field and offsets)
   */
  public static double[] countedWeights(int n, int[] signal, double[] weight, int[] span) {
    if (n < 0 || signal.length < n || weight.length < n || span.length < n) {
      throw new IllegalArgumentException("arrays shorter than " + n + " matches");
    }
    double[] signalWeight = new double[n];
    int[] firstMatch = new int[n];
    Arrays.fill(firstMatch, -1);
    int[] matchesOf = new int[n + 1]; // counts, then offsets of each signal's matches in bySignal
    for (int i = 0; i < n; i++) {
      int s = checked(signal[i], n, "signal");
      checked(span[i], n, "span");
      if (firstMatch[s] < 0) {
        firstMatch[s] = i;
        signalWeight[s] = weight[i];
      } else {
        signalWeight[s] = Math.max(signalWeight[s], weight[i]);
      }
      matchesOf[s + 1]++;
    }
    for (int s = 0; s < n; s++) matchesOf[s + 1] += matchesOf[s];
    int[] bySignal = new int[n];
    int[] fill = Arrays.copyOf(matchesOf, n);
    for (int i = 0; i < n; i++) bySignal[fill[signal[i]]++] = i;
    // signals present, strongest first, ties by first match (a stable sort of first-match order)
    Integer[] order = new Integer[n];
    int present = 0;
    for (int i = 0; i < n; i++) if (firstMatch[signal[i]] == i) order[present++] = signal[i];
    Arrays.sort(order, 0, present, (a, b) -> Double.compare(signalWeight[b], signalWeight[a]));
    boolean[] claimed = new boolean[n];
    boolean[] counts = new boolean[n];
    int c = 0;
    for (int k = 0; k < present; k++) {
      int s = order[k];
      boolean fresh = false;
      for (int j = matchesOf[s]; j < matchesOf[s + 1]; j++) fresh |= !claimed[span[bySignal[j]]];
      if (!fresh) continue;
      counts[s] = true;
      c++;
      for (int j = matchesOf[s]; j < matchesOf[s + 1]; j++) claimed[span[bySignal[j]]] = true;
    }
    // in order of first match, so that the product rounds as a plain loop over the matches does
    double[] counted = new double[c];
    c = 0;
    for (int i = 0; i < n; i++) if (firstMatch[signal[i]] == i && counts[signal[i]]) counted[c++] = signalWeight[signal[i]];
    return counted;
  }

  /**
   * {@link #countedWeights(int, int[], double[], int[])} over pack matches: {@code signalOf} names each
   * match's signal (its entry id, a marker), spans are the matches' field and offsets, weights their
   * weights.
   */
  public static double[] countedWeights(List<LexiconMatch> matches, Function<LexiconMatch, ?> signalOf) {
    int n = matches.size();
    int[] signal = new int[n];
    int[] span = new int[n];
    double[] weight = new double[n];
    Map<Object, Integer> signals = new HashMap<>();
    Map<Span, Integer> spans = new HashMap<>();
    for (int i = 0; i < n; i++) {
      LexiconMatch m = matches.get(i);
      signal[i] = signals.computeIfAbsent(signalOf.apply(m), k -> signals.size());
      span[i] = spans.computeIfAbsent(new Span(m.field(), m.start(), m.end()), k -> spans.size());
      weight[i] = m.weight();
    }
    return countedWeights(n, signal, weight, span);
  }

  /** A match's place: field (null for the text) and offsets (tags have -1 and are told apart by field). */
  private record Span(String field, int start, int end) {}

  private static int checked(int id, int n, String what) {
    if (id < 0 || id >= n) throw new IllegalArgumentException(what + " number " + id + " outside [0, " + n + ")");
    return id;
  }
}
