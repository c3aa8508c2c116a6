package org.redflag.match;

/** Receives matches from {@link MatchAutomaton#scan}; offsets are in normalised chars, end exclusive. */
@FunctionalInterface
public interface MatchSink {
  void onMatch(int patternId, int start, int end);
}
