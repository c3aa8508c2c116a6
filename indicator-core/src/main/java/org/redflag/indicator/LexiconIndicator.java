package org.redflag.indicator;

import com.google.common.collect.ImmutableList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.redflag.pack.LexiconMatch;
import org.redflag.pack.LexiconMatches;

/**
 * An indicator driven entirely by pack entries: it fires when entries for its id match, with one
 * piece of evidence per match. Strength combines the weights of the distinct entries that matched
 * as independent signals, {@code 1 - prod(1 - weight)}, so repeating one phrase does not raise it but
 * several different phrases do.
 *
 * <p>Users add their own lexicon indicators by registering {@code new LexiconIndicator("local.x", "...")}
 * and shipping pack entries with {@code "indicator": "local.x"}.
 */
public class LexiconIndicator implements Indicator {
  private final String id;
  private final String description;

  public LexiconIndicator(String id, String description) {
    if (id == null || !id.matches("[a-z0-9]+([.-][a-z0-9]+)*")) {
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
    List<LexiconMatch> matches = analysis.lexiconMatches(id);
    if (matches.isEmpty()) return IndicatorOutcome.none();
    if (matches instanceof LexiconMatches lm) return evaluate(lm);
    ImmutableList.Builder<Evidence> evidence = ImmutableList.builderWithExpectedSize(matches.size()); // kept as is by IndicatorOutcome
    // a handful of matches is usual: scanning back is cheaper than a hash set per advert; many use the set
    Set<String> entries = matches.size() > FEW ? new HashSet<>() : null;
    double miss = 1;
    for (int i = 0; i < matches.size(); i++) {
      LexiconMatch m = matches.get(i);
      evidence.add(Evidence.of(m, id));
      boolean first = entries != null ? entries.add(m.entry().id()) : firstOfEntry(matches, i);
      if (first) miss *= 1 - m.weight();
    }
    double strength = 1 - miss;
    return strength > 0 ? IndicatorOutcome.fired(Math.min(1, strength), evidence.build()) : IndicatorOutcome.none();
  }

  /**
   * As the general path, on the engine's compact matches: reads entries and weights without building
   * a match, and returns evidence built on access ({@link EvidenceList}). Output is equal to the
   * general path's (LexiconIndicatorTest checks both). Why: one LexiconMatch and one Evidence per
   * match were about half the bytes allocated per 10KB advert (AssessBenchmark.assess, JFR).
   */
  private IndicatorOutcome evaluate(LexiconMatches matches) {
    int size = matches.size();
    double miss = 1;
    for (int i = 0; i < size; i++) if (matches.firstOfEntry(i)) miss *= 1 - matches.weight(i); // no set of entry ids
    double strength = 1 - miss;
    return strength > 0 ? IndicatorOutcome.fired(Math.min(1, strength), EvidenceList.of(matches, id)) : IndicatorOutcome.none();
  }

  private static final int FEW = 16;

  /** Whether match {@code i} is the first of its entry (for at most {@link #FEW} matches). */
  private static boolean firstOfEntry(List<LexiconMatch> matches, int i) {
    String entry = matches.get(i).entry().id();
    for (int j = 0; j < i; j++) if (matches.get(j).entry().id().equals(entry)) return false;
    return true;
  }
}
