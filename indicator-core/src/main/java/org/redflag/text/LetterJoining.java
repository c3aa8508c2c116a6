package org.redflag.text;

/**
 * The joining step's rules: white space and {@code -}/{@code _} between two letters are removed and
 * remembered as word boundaries; a separator between two single-letter tokens is removed without one,
 * so {@code n.e.w}, {@code n e w} and {@code new} read alike.
 *
 * <p>Two halves, one rule. {@link FoldPass} removes, while it folds, the separators whose fate is
 * already certain from the chars around them ({@link #joinsNow}, {@link #spacedNow}); {@link #compact}
 * then visits only the separators the fold kept and decides each as if the removed ones were still
 * there. {@code TextPipelineDifferentialProperties} checks the two together against the joining pass
 * of {@code ReferenceTextPipeline}, which does it all in one place.
 */
final class LetterJoining {
  private LetterJoining() {}

  // ---- decided during the fold --------------------------------------------------------------------

  /** The flag of a char after a white space run the fold removed: a word boundary, a clause one too after a line break. */
  static byte boundaryFlag(boolean lineBreak) {
    return lineBreak ? (byte) (AnalyzedText.FLAG_BOUNDARY | AnalyzedText.FLAG_CLAUSE) : AnalyzedText.FLAG_BOUNDARY;
  }

  /**
   * Whether the white space run before {@code next} (about to be written at {@code len}) is one the
   * joining step removes with a word boundary, decided now: both neighbours are letters (leetspeak has
   * already run on the token before; {@code next} is a letter, which leetspeak never changes), and the
   * run is not between two single-letter tokens, because the word before has two word chars (no space
   * removed inside them) or the char after {@code next} is a letter ({@code nextNextLetter}).
   */
  static boolean joinsNow(char[] out, byte[] fl, int len, char next, boolean nextNextLetter) {
    if (!CharClass.isLetter(next) || !CharClass.isLetter(out[len - 1])) return false;
    return nextNextLetter || twoWordCharsBefore(out, fl, len);
  }

  /**
   * Whether the char before the last one written (at {@code len - 2}) is a word char with no separator
   * removed between the two. The callers know the last one is a letter (or reads as one), so the word
   * before a separator at {@code len} has two word chars: the separator ends a word, not a spaced-out
   * letter.
   */
  static boolean twoWordCharsBefore(char[] out, byte[] fl, int len) {
    return len >= 2 && (fl[len - 1] & JOINED) == 0 && CharClass.isWord(out[len - 2]);
  }

  /**
   * Whether the separator before {@code next} (about to be written at {@code len}) is one the joining
   * step removes inside a spaced-out word ({@code n e w}, {@code n.e.w}), decided now: the chars on both
   * sides are single-char tokens that read as letters (the one before: nothing or a removed separator or
   * a non-word char before it; the one after: {@code nextNextNonWord}), and one of them is a letter. (When
   * both are digits read as letters, the rule also asks whether the separator before was joined; that
   * case is left to {@link #compact}.)
   */
  static boolean spacedNow(char[] out, byte[] fl, int len, char next, boolean nextNextNonWord, boolean leet) {
    if (!nextNextNonWord) return false;
    char p1 = out[len - 1];
    if (!Leetspeak.letterLike(p1, leet) || !Leetspeak.letterLike(next, leet)) return false;
    if (!CharClass.isLetter(p1) && !CharClass.isLetter(next)) return false;
    return !twoWordCharsBefore(out, fl, len);
  }

  /**
   * Whether the char the fold writes for {@code src[j]} is certainly no word char, even after leetspeak:
   * the text ends, or an ASCII char that folds to white space or to punctuation other than a leetspeak
   * symbol. False also when it cannot tell (non-ASCII).
   */
  static boolean nonWordAt(char[] src, int j, int n) {
    if (j >= n) return true;
    char c = src[j];
    if (c >= 0x80) return false;
    if (c <= ' ' || c == 0x7F) return true;
    return !AsciiTable.isAsciiLetter(c) && !(c >= '0' && c <= '9') && !Leetspeak.isLeetSymbol(c);
  }

  // ---- the pass over the separators the fold kept -----------------------------------------------

  /**
   * Returns whether a spaced-out word that contains a digit was joined (leetspeak must look again).
   *
   * <p>Runs over the folded chars, in which {@link FoldPass} has already removed most white space between
   * letters; such a removed run left its boundary flag (and clause flag, for a line break) on the char
   * after it. This pass makes every decision as if those runs were still there, as a space or line break
   * before a flagged char: it replays them into its look-behind (the two chars before a separator) and reads
   * a flagged char ahead as white space. (Positions need no correction: such a run lies between two
   * letters, never between the two separators of a spaced-out word that {@code lastJoin} compares.)
   * Flags are carried over, so the result is what joining the unreduced text gives.
   */
  static boolean compact(AnalyzedText t, int[] separators, int separatorCount, boolean leet) {
    boolean joinedDigits = false;
    final char[] c = t.chars;
    final int[] st = t.starts;
    final int[] en = t.ends;
    final byte[] fl = t.flags;
    final int n = t.length;
    // Until the first removal nothing moves and c, fl still hold the input: visit only the separators
    // fold wrote, up to the first one this pass removes (most adverts have none, since fold removed the
    // white space and hyphens between words), reading the chars before it from the arrays.
    int lastJoin = -3; // index of the last separator removed inside a spaced-out word
    int k = 0;
    for (; k < separatorCount; k++) {
      int at = separators[k];
      if (at == 0 || at + 1 >= n) continue;
      // both rules need a letter (or a digit read as one) on each side: most separators left, after
      // punctuation or before a number, fail this at once
      if (!Leetspeak.letterLike(c[at - 1], leet) || !Leetspeak.letterLike(c[at + 1], leet)) continue;
      char p1 = c[at - 1];
      char p2 = charBefore(fl[at - 1], at >= 2 ? c[at - 2] : 0);
      if (joinRule(c, fl, n, at, at, p1, p2, fl[at - 1], lastJoin, leet) != KEEP) break;
    }
    if (k == separatorCount) return false;
    // From the first removal on, chars move left. Runs between separators move whole (arraycopy); only
    // separators are decided, with the two input chars before each kept in in1, in2 (read before their
    // run moves) and the fold flags of in1 (a removed white space before it reads as one).
    int r = separators[k];
    int w = r;
    char in1 = c[r - 1];
    char in2 = r >= 2 ? c[r - 2] : 0;
    byte inFlags1 = fl[r - 1];
    byte pendingFlags = 0;
    for (;; k++) {
      int at = k < separatorCount ? separators[k] : n;
      if (at > r) {
        int run = at - r;
        in2 = run >= 2 ? c[at - 2] : in1;
        in1 = c[at - 1];
        inFlags1 = fl[at - 1];
        System.arraycopy(c, r, c, w, run);
        System.arraycopy(st, r, st, w, run);
        System.arraycopy(en, r, en, w, run);
        System.arraycopy(fl, r, fl, w, run);
        fl[w] |= pendingFlags;
        pendingFlags = 0;
        w += run;
      }
      if (at >= n) break;
      char x = c[at];
      char p1 = in1;
      char p2 = charBefore(inFlags1, in2);
      int rule = w == 0 || at + 1 >= n ? KEEP : joinRule(c, fl, n, at, w, p1, p2, inFlags1, lastJoin, leet);
      if (rule == JOIN_SPACED) {
        // a spaced-out word (n.e.w, n e w): the separator vanishes and no boundary is recorded
        lastJoin = at;
        if (!CharClass.isLetter(p1) || !CharClass.isLetter(c[at + 1])) joinedDigits = true;
      } else if (rule == JOIN_WORDS) {
        pendingFlags |= AnalyzedText.FLAG_BOUNDARY;
        if (x == '\n') pendingFlags |= AnalyzedText.FLAG_CLAUSE;
      } else {
        c[w] = x;
        st[w] = st[at];
        en[w] = en[at];
        fl[w] = (byte) (pendingFlags | fl[at]);
        pendingFlags = 0;
        w++;
      }
      in2 = in1;
      in1 = x;
      inFlags1 = 0;
      r = at + 1;
    }
    t.length = w;
    return joinedDigits;
  }

  /** Flags fold leaves on a char after a separator (white space, hyphen, a spaced-out word's) it removed. */
  static final int JOINED = AnalyzedText.FLAG_BOUNDARY | AnalyzedText.FLAG_CLAUSE | AnalyzedText.FLAG_SPACED;

  /**
   * The char before one with fold flags {@code flags} in the unreduced text: the separator fold removed
   * there (read as white space, a line break for a clause flag), else {@code written}, the char before it.
   */
  private static char charBefore(byte flags, char written) {
    if ((flags & JOINED) == 0) return written;
    return (flags & AnalyzedText.FLAG_CLAUSE) != 0 ? '\n' : ' ';
  }

  private static final int KEEP = 0;
  private static final int JOIN_SPACED = 1; // removed without a boundary: inside a spaced-out word
  private static final int JOIN_WORDS = 2;  // removed, a word boundary recorded

  /**
   * What the joining step does with the separator at {@code r} (with {@code 0 < r < n - 1} and something
   * written before it), given the two chars before it in the unreduced text and the last char written
   * ({@code c[w - 1]}).
   */
  private static int joinRule(char[] c, byte[] fl, int n, int r, int w, char p1, char p2, byte p1Flags, int lastJoin, boolean leet) {
    char x = c[r];
    char next = c[r + 1];
    // a flag on c[r + 2] stands for white space fold removed before it
    boolean wordAfterNext = r + 2 < n && (fl[r + 2] & JOINED) == 0 && CharClass.isWord(c[r + 2]);
    // a single-letter token on both sides; the cheapest test first, as most separators follow a
    // longer word (why: letterLike on every separator was a tenth of the pipeline's samples)
    boolean singles = !CharClass.isWord(p2) && Leetspeak.letterLike(p1, leet) && !wordAfterNext && Leetspeak.letterLike(next, leet);
    // the separator before p1 joined a spaced-out word: here, or in the fold (which flags the char after it)
    boolean joinedBefore = lastJoin == r - 2 || (p1Flags & AnalyzedText.FLAG_SPACED) != 0;
    if (singles && (CharClass.isLetter(p1) || CharClass.isLetter(next) || joinedBefore)) return JOIN_SPACED;
    if ((x == ' ' || x == '\n' || x == '-' || x == '_') && CharClass.isLetter(c[w - 1]) && CharClass.isLetter(next)) {
      return JOIN_WORDS;
    }
    return KEEP;
  }
}
