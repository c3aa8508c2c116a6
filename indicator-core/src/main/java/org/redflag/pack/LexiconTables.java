package org.redflag.pack;

import org.redflag.match.Boundary;

/**
 * What each pattern of a {@link CompiledLexicon}'s automaton stands for. The automaton has one
 * pattern per distinct written text; a text stands for one or more meanings, in the order they were
 * registered: a role (entry, exclusion, context term, negation cue, through word), a target (entry,
 * context or pack index, by role), for a part of a gapped phrase which phrase and part, and the
 * meaning's own boundary rule and repeat marks. Gapped phrases have their own rows: role, target,
 * number of parts, the largest gap before each later part and the first ring slot of their pending
 * chains (see {@link PhraseCollector}). Immutable once {@link LexiconCompiler} has made it; plain
 * arrays because the scan reads them once per raw match.
 *
 * <p>Why one pattern per text: packs register the same text for many meanings (a common word is a
 * through word, a cue and a gapped-phrase part in several packs, an inflected form is shared by many
 * phrases), and an automaton that reports each of them separately does the same boundary check and
 * call once per meaning. A text is registered with the least restrictive rule of its meanings, so the
 * automaton rejects what no meaning accepts, and {@link PhraseCollector} checks each meaning's own rule.
 */
final class LexiconTables {
  static final int ROLE_ENTRY = 0;
  static final int ROLE_EXCLUDE = 1;
  static final int ROLE_CONTEXT = 2;
  static final int ROLE_CUE = 3;
  static final int ROLE_THROUGH = 4; // a word a negation cue's scope passes through

  /** {@link #check}: the meaning has the rule of the meaning before it: accepted alike. */
  static final byte SAME_RULE = 0;
  /** {@link #check}: the meaning has the rule its text was registered with: the automaton accepted it. */
  static final byte IMPLIED = 1;
  /** {@link #check}: the meaning's rule must be checked. */
  static final byte CHECK = 2;

  // per automaton pattern id (distinct text): its meanings are [firstMeaning[p], firstMeaning[p + 1])
  final int[] firstMeaning;
  // per meaning
  final int[] role;
  final int[] target;     // entry index, context index or pack index, by role
  final int[] gapPhrase;  // gapped phrase index, or -1 for a whole phrase
  final int[] gapPart;    // part index within the gapped phrase
  final Boundary[] boundary;
  final long[] repeatMask;
  final byte[] check;     // SAME_RULE, IMPLIED or CHECK
  // per gapped phrase
  final int[] gpRole;
  final int[] gpTarget;
  final int[] gpParts;
  final int[][] gpMaxGap; // [phrase][part - 1]: words allowed before that part
  final int[] gpSlot;     // first ring slot (one per part after the first)
  /** Ring slots in all: one per gapped phrase part after the first. */
  final int slots;

  LexiconTables(int[] firstMeaning, int[] role, int[] target, int[] gapPhrase, int[] gapPart, Boundary[] boundary,
      long[] repeatMask, byte[] check, int[] gpRole, int[] gpTarget, int[] gpParts, int[][] gpMaxGap) {
    this.firstMeaning = firstMeaning;
    this.role = role;
    this.target = target;
    this.gapPhrase = gapPhrase;
    this.gapPart = gapPart;
    this.boundary = boundary;
    this.repeatMask = repeatMask;
    this.check = check;
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

  /** Number of meanings (patterns as registered, before texts were merged). */
  int meanings() { return role.length; }
}
