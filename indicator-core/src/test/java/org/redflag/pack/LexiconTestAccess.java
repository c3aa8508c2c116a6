package org.redflag.pack;

import org.redflag.match.MatchAutomaton;

/** Test-only access to a lexicon's internals for tests of other packages (the text package's allocation and linearity tests). */
public final class LexiconTestAccess {
  private LexiconTestAccess() {}

  /** The automaton {@code lexicon} scans with. */
  public static MatchAutomaton automaton(CompiledLexicon lexicon) { return lexicon.automaton(); }
}
