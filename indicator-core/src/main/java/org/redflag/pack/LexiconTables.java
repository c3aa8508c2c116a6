package org.redflag.pack;

/**
 * What each pattern of a {@link CompiledLexicon}'s automaton stands for: its role (entry, exclusion,
 * context term, negation cue, through word), its target (entry, context or pack index, by role) and,
 * for a part of a gapped phrase, which phrase and part. Gapped phrases have their own rows: role,
 * target, number of parts, the largest gap before each later part and the first ring slot of their
 * pending chains (see {@link PhraseCollector}). Immutable once {@link LexiconCompiler} has made it;
 * plain arrays because the scan reads them once per raw match.
 */
final class LexiconTables {
  static final int ROLE_ENTRY = 0;
  static final int ROLE_EXCLUDE = 1;
  static final int ROLE_CONTEXT = 2;
  static final int ROLE_CUE = 3;
  static final int ROLE_THROUGH = 4; // a word a negation cue's scope passes through

  // per automaton pattern id
  final int[] role;
  final int[] target;     // entry index, context index or pack index, by role
  final int[] gapPhrase;  // gapped phrase index, or -1 for a whole phrase
  final int[] gapPart;    // part index within the gapped phrase
  // per gapped phrase
  final int[] gpRole;
  final int[] gpTarget;
  final int[] gpParts;
  final int[][] gpMaxGap; // [phrase][part - 1]: words allowed before that part
  final int[] gpSlot;     // first ring slot (one per part after the first)
  /** Ring slots in all: one per gapped phrase part after the first. */
  final int slots;

  LexiconTables(int[] role, int[] target, int[] gapPhrase, int[] gapPart,
      int[] gpRole, int[] gpTarget, int[] gpParts, int[][] gpMaxGap) {
    this.role = role;
    this.target = target;
    this.gapPhrase = gapPhrase;
    this.gapPart = gapPart;
    this.gpRole = gpRole;
    this.gpTarget = gpTarget;
    this.gpParts = gpParts;
    this.gpMaxGap = gpMaxGap;
    this.gpSlot = new int[gpParts.length];
    int slot = 0;
    for (int i = 0; i < gpParts.length; i++) {
      gpSlot[i] = slot;
      slot += gpParts[i] - 1;
    }
    this.slots = slot;
  }
}
