package org.redflag.bench.match;

import java.util.List;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;
import org.ahocorasick.trie.handler.EmitHandler;

/** Peer: {@code org.ahocorasick:ahocorasick}, overlapping emits through a handler (no result collection). */
public final class AhoCorasickPhraseMatcher implements PhraseMatcher {
  private final Trie trie;
  private final DistinctStarts starts = new DistinctStarts();
  private int occurrences;
  private final EmitHandler handler = this::onEmit;

  public AhoCorasickPhraseMatcher(List<String> phrases) {
    this.trie = Trie.builder().addKeywords(phrases).build();
  }

  private boolean onEmit(Emit e) {
    starts.mark(e.getStart());
    occurrences++;
    return true;
  }

  @Override
  public int countStarts(String normalised) {
    starts.reset(normalised.length());
    occurrences = 0;
    trie.parseText(normalised, handler);
    return starts.count();
  }

  /** All (phrase, offset) occurrences, overlapping (for the agreement test). */
  public int countOccurrences(String normalised) {
    countStarts(normalised);
    return occurrences;
  }
}
