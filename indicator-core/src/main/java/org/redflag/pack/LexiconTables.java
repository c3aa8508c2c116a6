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
 *
 * <p>Why gapped phrases share their first part's chains: a pattern with alternatives expands into one
 * gapped phrase per combination ({@code (my|our|his|her) {gap} (girls|boys|...)} is dozens), and a
 * common first word such as "my" then begins hundreds of phrases. A phrase's first part starts a chain
 * at every accepted match of its written forms, so phrases whose first parts have the same forms with
 * the same rules hold the same pending chains. They share one ring ({@link #gpHead}), and only the
 * first of them (the group's representative, registered earliest) keeps first-part meanings: it writes
 * each chain once where every phrase of the group wrote it, and at or before the point in a text's
 * meanings where any of them did, so each later part reads the same chains as with a ring of its own.
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
  final int[] gpRep;      // the phrase whose first-part meanings write this phrase's first-part chains (itself, or the earliest with the same first part)
  final int[] gpHead;     // ring slot of the chains after the first part, shared by the phrases of one representative
  final int[] gpSlot;     // first ring slot of the chains after parts 1 .. parts - 2 (one each)
  /** Ring slots in all: one per group of first parts, and one per part after the first that is not the last. */
  final int slots;
  /** Each text's meanings split into those that always act and the later parts, by the ring they read. */
  final LaterParts laterParts;

  LexiconTables(int[] firstMeaning, int[] role, int[] target, int[] gapPhrase, int[] gapPart, Boundary[] boundary,
      long[] repeatMask, byte[] check, int[] gpRole, int[] gpTarget, int[] gpParts, int[][] gpMaxGap, int[] gpRep) {
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
    this.gpRep = gpRep;
    this.gpHead = new int[gpParts.length];
    this.gpSlot = new int[gpParts.length];
    int slot = 0;
    for (int i = 0; i < gpParts.length; i++) {
      gpHead[i] = gpRep[i] == i ? slot++ : gpHead[gpRep[i]]; // a representative precedes the phrases it serves
      gpSlot[i] = slot;
      slot += gpParts[i] - 2;
    }
    this.slots = slot;
    this.laterParts = new LaterParts(this); // reads the fields set above
  }

  /** Ring slot of the chains that end with part {@code part} (not the last) of gapped phrase {@code g}. */
  int chainSlot(int g, int part) { return part == 0 ? gpHead[g] : gpSlot[g] + part - 1; }

  /**
   * Number of meanings: patterns as registered, before texts were merged, less the first-part meanings
   * of phrases that share their representative's chains.
   */
  int meanings() { return role.length; }
}
