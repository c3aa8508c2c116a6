package org.redflag.bench.match;

/**
 * One way of finding literal phrases in normalised advert text, with the shared semantics of
 * {@code MatchingPeersBenchmark}: every occurrence of every phrase counts, occurrences may overlap, no
 * word-boundary rule applies, and the result is the number of distinct offsets at which at least one
 * occurrence starts. (That is the most a single {@code java.util.regex} alternation can report: at one
 * offset it finds one alternative. Automata find all occurrences and reduce them to their starts with the
 * same constant-time step.)
 *
 * <p>Implementations keep scratch buffers and are not thread-safe: use one per thread.
 */
public interface PhraseMatcher {
  /** Distinct start offsets of phrase occurrences in {@code normalised}. */
  int countStarts(String normalised);
}
