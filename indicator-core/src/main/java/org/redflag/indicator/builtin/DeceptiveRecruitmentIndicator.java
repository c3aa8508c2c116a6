package org.redflag.indicator.builtin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.redflag.indicator.AdvertAnalysis;
import org.redflag.indicator.Evidence;
import org.redflag.indicator.IndicatorOutcome;
import org.redflag.indicator.LexiconIndicator;
import org.redflag.indicator.NoisyOr;
import org.redflag.pack.LexiconMatch;
import org.redflag.pack.LexiconMatches;

/**
 * {@code recruitment.deceptive}: a job offer with deception or control markers.
 *
 * <p>Single phrases of recruitment adverts are ambiguous: "no experience needed" or "work abroad" are
 * in many lawful job adverts. What the ILO forced-labour indicators and OSCE red-flag lists describe
 * is a combination (abroad, no skills or language needed, high pay, travel paid by the employer) or a
 * marker that is a control mechanism by itself (debt deducted from wages, fees charged to the worker,
 * the employer keeping identity documents). So the indicator groups its pack matches into
 * <em>markers</em> and fires when
 *
 * <ul>
 *   <li>one <em>strong</em> marker matched: a match with weight at least {@value #STRONG_WEIGHT}, or
 *   <li>at least {@value #MIN_WEAK_MARKERS} different weak markers matched.
 * </ul>
 *
 * <p>The marker of an entry is the id segment after {@code recruitment.}: {@code en.recruitment.debt.deducted}
 * and {@code de.recruitment.debt.lohn} are both marker {@code debt}, so two phrasings of the same marker
 * do not add up. An entry whose id has no such segment is a marker of its own. Pack entries are meant
 * to require the {@code jobs} context, so the rule only runs over job adverts.
 *
 * <p>Strength is {@code 1 - prod(1 - w)} over the markers that matched, {@code w} being the largest
 * match weight within each marker (the entry weight, after any context boost). A marker whose matches
 * all lie on spans that a stronger marker matched too is the same observation and does not count
 * ({@link NoisyOr#countedWeights}): one phrase listed under two weak markers is not two markers.
 */
public final class DeceptiveRecruitmentIndicator extends LexiconIndicator {
  public static final String ID = "recruitment.deceptive";
  /** Entries with at least this weight are markers that fire alone. */
  public static final double STRONG_WEIGHT = 0.8;
  /** Weak markers needed together for the indicator to fire. */
  public static final int MIN_WEAK_MARKERS = 2;

  public DeceptiveRecruitmentIndicator() {
    super(ID, "A job offer shows deception or control markers (debt for travel or housing, fees, retained documents, "
        + "or several of: work abroad, no experience or language needed, unrealistic pay, travel paid by the employer).");
  }

  /** Marker group of an entry id: the segment after {@code recruitment.}, or the id itself. */
  static String marker(String entryId) {
    int at = entryId.indexOf("recruitment.");
    if (at < 0 || (at > 0 && entryId.charAt(at - 1) != '.')) return entryId;
    int from = at + "recruitment.".length();
    int to = entryId.indexOf('.', from);
    return to < 0 ? entryId.substring(from) : entryId.substring(from, to);
  }

  /**
   * Markers of entry ids, computed once per id: entry ids come from the loaded packs, so this stays
   * as small as the catalogue (and stops growing past MAX_CACHED ids, then markers are computed).
   */
  private static final java.util.concurrent.ConcurrentHashMap<String, String> MARKERS = new java.util.concurrent.ConcurrentHashMap<>();
  private static final int MAX_CACHED = 10_000;

  private static String cachedMarker(String entryId) {
    String m = MARKERS.get(entryId);
    if (m != null) return m;
    m = marker(entryId);
    if (MARKERS.size() < MAX_CACHED) MARKERS.putIfAbsent(entryId, m);
    return m;
  }

  @Override
  public IndicatorOutcome evaluate(AdvertAnalysis analysis) {
    LexiconMatches matches = analysis.lexiconMatches(ID);
    if (matches.isEmpty() || !fires(matches)) return IndicatorOutcome.none();
    // a marker's weight is the highest of its matches (which include any context boost); markers
    // that matched only spans a stronger marker matched are not counted (NoisyOr)
    double[] markerWeights = NoisyOr.countedWeights(matches, m -> marker(m.entry().id()));
    boolean strong = false;
    long weak = 0;
    for (double w : markerWeights) {
      if (w >= STRONG_WEIGHT) strong = true;
      else if (w > 0) weak++;
    }
    if (!strong && weak < MIN_WEAK_MARKERS) return IndicatorOutcome.none();
    double strength = NoisyOr.combine(markerWeights);
    if (strength <= 0) return IndicatorOutcome.none();
    List<Evidence> evidence = new ArrayList<>(matches.size());
    for (LexiconMatch m : matches) {
      evidence.add(Evidence.of(m, ID).withDetails(Map.of("marker", marker(m.entry().id()))));
    }
    return IndicatorOutcome.fired(strength, evidence);
  }

  /**
   * Whether the general path below may fire, decided on the engine's compact matches without building
   * a match, a marker substring or a map per advert (most adverts are not recruitment adverts, and the
   * general path's allocations grow with the advert's matches). The same markers in the same first-seen order, the same max weights and
   * the same product as the general path, but every marker counted: the general path leaves out
   * markers whose spans a stronger marker covers, and fewer markers never make the rule fire where it
   * did not, so false here means the general path answers none. When true, the general path decides
   * and builds the outcome. CompactMatchesTest checks the outcomes against the general path.
   */
  private static boolean fires(LexiconMatches matches) {
    int size = matches.size();
    String[] markers = new String[Math.min(size, 16)];
    double[] weights = new double[markers.length];
    int n = 0;
    for (int i = 0; i < size; i++) {
      String marker = cachedMarker(matches.entry(i).id());
      double w = matches.weight(i);
      int k = 0;
      while (k < n && !markers[k].equals(marker)) k++;
      if (k < n) {
        weights[k] = Math.max(weights[k], w); // as Map.merge(marker, w, Math::max)
        continue;
      }
      if (n == markers.length) {
        markers = java.util.Arrays.copyOf(markers, 2 * n);
        weights = java.util.Arrays.copyOf(weights, 2 * n);
      }
      markers[n] = marker;
      weights[n++] = w;
    }
    boolean strong = false;
    long weak = 0;
    for (int k = 0; k < n; k++) {
      if (weights[k] >= STRONG_WEIGHT) strong = true;
      if (weights[k] > 0 && weights[k] < STRONG_WEIGHT) weak++;
    }
    if (!strong && weak < MIN_WEAK_MARKERS) return false;
    double miss = 1;
    for (int k = 0; k < n; k++) miss *= 1 - weights[k];
    return Math.min(1, 1 - miss) > 0;
  }
}
