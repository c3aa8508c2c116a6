package org.redflag.indicator;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.redflag.pack.LexiconMatch;
import org.redflag.pack.LexiconMatches;

/**
 * An indicator driven entirely by pack entries: it fires when entries for its id match, with one
 * piece of evidence per match. Strength combines the weights of the distinct entries that matched
 * as independent signals, {@code 1 - prod(1 - weight)} ({@link NoisyOr}), so repeating one phrase does
 * not raise it but several different phrases do. Entries that matched only spans a stronger entry
 * also matched (the same {@code 24/7} in several language packs, an overlay repeating a base phrase)
 * are one observation and count once ({@link NoisyOr#countedWeights}).
 *
 * <p>The engine makes one for every indicator a pack declares ({@code "indicators"}) and no installed
 * indicator provides, so a lexicon indicator needs no code (docs/packs.md). Subclasses add logic over
 * the matches ({@code DeceptiveRecruitmentIndicator}).
 */
public class LexiconIndicator implements Indicator {
  private final String id;
  private final String description;

  public LexiconIndicator(String id, String description) {
    if (id == null || !id.matches(org.redflag.pack.IndicatorDeclaration.ID_FORM)) {
      throw new IllegalArgumentException("indicator id must be dotted lower-case words, was '" + id + "'");
    }
    if (description == null || description.isBlank()) throw new IllegalArgumentException("indicator '" + id + "' needs a description");
    this.id = id;
    this.description = description;
  }

  @Override public final String id() { return id; }

  @Override public final String description() { return description; }

  @Override
  public IndicatorOutcome evaluate(AdvertAnalysis analysis) {
    LexiconMatches matches = analysis.lexiconMatches(id);
    if (matches.isEmpty()) return IndicatorOutcome.none();
    if (matches.size() <= Long.SIZE || !matches.sharesSpans()) return evaluate(matches);
    // more than 64 matches, some sharing a span: NoisyOr's rule on match objects
    ImmutableList.Builder<Evidence> evidence = ImmutableList.builderWithExpectedSize(matches.size()); // kept as is by IndicatorOutcome
    for (LexiconMatch m : matches) evidence.add(Evidence.of(m, id));
    double strength = NoisyOr.combine(NoisyOr.countedWeights(matches, m -> m.entry().id()));
    return strength > 0 ? IndicatorOutcome.fired(strength, evidence.build()) : IndicatorOutcome.none();
  }

  /**
   * As the general path, on the compact matches, when no two entries share a span (then every
   * entry counts) or there are at most 64 matches: reads entries, weights and spans without building a
   * match or an array, and returns evidence built on access ({@link EvidenceList}). Output is equal to
   * the general path's (CompactMatchesTest and NoisyOrTest check both). Why: one LexiconMatch and one
   * Evidence per match allocate in proportion to the matches, and {@code 24/7}, in three default
   * packs, shares its span in most adverts that have it.
   */
  private IndicatorOutcome evaluate(LexiconMatches matches) {
    int size = matches.size();
    long counted = size <= Long.SIZE && matches.sharesSpans() ? countedEntries(matches) : -1L;
    double miss = 1;
    for (int i = 0; i < size; i++) {
      // an entry is represented by its first match; all its matches have its weight
      if (matches.firstOfEntry(i) && (i >= Long.SIZE || (counted & 1L << i) != 0)) miss *= 1 - matches.weight(i);
    }
    double strength = 1 - miss;
    return strength > 0 ? IndicatorOutcome.fired(Math.min(1, strength), EvidenceList.of(matches, id)) : IndicatorOutcome.none();
  }

  /**
   * {@link NoisyOr#countedWeights}'s rule on at most 64 compact matches, as bits: bit {@code i} is set
   * for the first match of each entry that counts. Entries are decided strongest first (ties: first
   * matched); a span is claimed through its first match (the lowest index with that span). At most
   * about 2 x 64 x 64 span comparisons, no allocation.
   */
  private static long countedEntries(LexiconMatches m) {
    int size = m.size();
    long decided = 0;
    long counted = 0;
    long claimed = 0;
    for (;;) {
      int best = -1;
      for (int i = 0; i < size; i++) {
        if (m.firstOfEntry(i) && (decided & 1L << i) == 0 && (best < 0 || m.weight(i) > m.weight(best))) best = i;
      }
      if (best < 0) return counted;
      decided |= 1L << best;
      long spans = 0;
      for (int j = best; j < size; j++) {
        if (!m.sameEntry(best, j)) continue;
        int first = 0;
        while (!m.sameSpan(first, j)) first++; // ends at j at the latest
        spans |= 1L << first;
      }
      if ((spans & ~claimed) != 0) {
        counted |= 1L << best;
        claimed |= spans;
      }
    }
  }
}
