package org.redflag.bench.match;

import java.util.List;
import org.redflag.match.Boundary;
import org.redflag.match.MatchAutomaton;
import org.redflag.match.MatchSink;
import org.redflag.text.AnalyzedText;
import org.redflag.text.TextPipeline;

/**
 * Redflag's own hot path on the peer task: {@link TextPipeline} normalisation of the original text
 * <em>plus</em> one {@link MatchAutomaton} scan with every phrase under {@link Boundary#NONE}. The peers
 * get text that is already normalised, so this side does strictly more work per advert.
 */
public final class RedflagPhraseMatcher {
  private final TextPipeline pipeline;
  private final MatchAutomaton automaton;
  private final DistinctStarts starts = new DistinctStarts();
  // reused across adverts, as a streaming caller would: normalisation allocates only when it must grow
  private final AnalyzedText buffer = AnalyzedText.reusable();
  private int occurrences;
  private final MatchSink sink = (p, s, e) -> { starts.mark(s); occurrences++; };

  public RedflagPhraseMatcher(List<String> normalisedPhrases, TextPipeline pipeline) {
    this.pipeline = pipeline;
    MatchAutomaton.Builder b = MatchAutomaton.builder();
    for (String p : normalisedPhrases) b.add(p, Boundary.NONE);
    this.automaton = b.build();
  }

  /** Normalises {@code original} and counts distinct phrase starts in the normalised text. */
  public int countStarts(String original) {
    return countStarts(pipeline.analyze(original, buffer));
  }

  /** Counts distinct phrase starts in text that is already analysed. */
  public int countStarts(AnalyzedText text) {
    starts.reset(text.length());
    occurrences = 0;
    automaton.scan(text, sink);
    return starts.count();
  }

  /** All (phrase, offset) occurrences, overlapping (for the agreement test). */
  public int countOccurrences(String original) {
    countStarts(original);
    return occurrences;
  }
}
