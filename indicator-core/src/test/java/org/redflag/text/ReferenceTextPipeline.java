package org.redflag.text;

/**
 * TEST ONLY: the three-pass pipeline as it was before the passes were fused (fold; leetspeak over the
 * whole text; joining), kept verbatim as the reference that {@code TextPipelineDifferentialProperties}
 * compares the production {@link TextPipeline} with. The per-token leetspeak fold and the writing of
 * spaces and supplementary chars, which the fusion did not change, are the production ones.
 *
 * <p>Normalises advert text for matching and keeps an offset map back to the original. Immutable and
 * thread-safe; pack patterns go through the same pipeline, so whatever it folds in text it folds in
 * patterns too.
 *
 * <p>Steps, all linear in the text length and free of allocation once the target's buffers are large
 * enough (see {@link #analyze(String, AnalyzedText)}):
 * <ol>
 *   <li><b>Fold</b> (one forward pass over code points, one table read each, see {@code FoldTable}):
 *       NFKC + case folding, default-ignorable and format chars (zero-width space, joiners, soft hyphen)
 *       removed, diacritics removed, confusable skeletons (Cyrillic/Greek look-alikes to Latin), white
 *       space runs collapsed, control chars read as spaces; emoji sequences replaced by one canonical key
 *       ({@link Emoji}).
 *   <li><b>Leetspeak</b> (optional, in place): inside a token that contains letters, digits and
 *       {@code @ $ ! |} between letters, or a single digit next to a letter, become letters
 *       ({@code n3w}, {@code t0wn}, {@code 1n}, {@code av4il4ble}). Tokens without letters ({@code 24/7},
 *       prices, phone numbers) and digit runs at a token's edge ({@code 200hr}) keep their digits.
 *   <li><b>Joining</b> (optional, in place, compacting): white space and {@code -}/{@code _} between two
 *       letters are removed and remembered as word boundaries; a separator ({@code space . - _ · • * ~},
 *       line break) between two single-letter tokens is removed without a boundary, so {@code n.e.w},
 *       {@code n e w} and {@code new} read alike. A pattern then matches across spaced-out letters while
 *       its boundary rule still sees the original word boundaries.
 * </ol>
 */
final class ReferenceTextPipeline {
  

  private final boolean leetspeak;
  private final boolean joinLetters;

  ReferenceTextPipeline(boolean leetspeak, boolean joinLetters) {
    this.leetspeak = leetspeak;
    this.joinLetters = joinLetters;
  }


  public boolean leetspeak() { return leetspeak; }

  public boolean joinLetters() { return joinLetters; }

  /** Analyses {@code original} into a new {@link AnalyzedText} that is never changed afterwards. */
  public AnalyzedText analyze(String original) {
    if (original == null) throw new IllegalArgumentException("text must not be null");
    return analyze(original, new AnalyzedText(Math.max(16, original.length() + (original.length() >> 3))));
  }

  /**
   * Analyses {@code original} into {@code target} (from {@link AnalyzedText#reusable()}), reusing its
   * buffers, and returns it. Allocates only when the buffers must grow.
   */
  public AnalyzedText analyze(String original, AnalyzedText target) {
    if (original == null) throw new IllegalArgumentException("text must not be null");
    if (target == null) throw new IllegalArgumentException("target must not be null");
    target.original = original;
    target.length = 0;
    target.ordinalsReady = false;
    boolean leetCandidates = fold(original, target);
    if (leetspeak && leetCandidates) foldLeetspeak(target, false);
    boolean joinedDigits = compact(target);
    // spaced-out leetspeak (n 3 w) becomes one token only when joined: fold once more. Word and clause
    // ordinals describe the chars as joined, before this fold ($ or ! may become letters): build them now.
    if (joinedDigits) {
      target.buildOrdinals();
      foldLeetspeak(target, true);
    }
    // this implementation stores every char's end: let AnalyzedText read them all
    for (int i = 0; i < target.length; i++) target.flags[i] |= AnalyzedText.FLAG_WIDE;
    // the word-shape stage is a separate last step in production too; its own tests check it
    WordShape.apply(target, original.toCharArray(), original.length());
    return target;
  }

  // ---- step 1: fold -------------------------------------------------------------------------------

  /** Folded form of printable ASCII chars (0: not printable, take another path). */
  private static final char[] ASCII_PLAIN = new char[128];
  /** Digits, # and *: may start a keycap emoji when a non-ASCII char follows. */
  private static final boolean[] ASCII_KEYCAP_BASE = new boolean[128];

  static {
    for (char c = 0x21; c < 0x7F; c++) {
      ASCII_PLAIN[c] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
      ASCII_KEYCAP_BASE[c] = (c >= '0' && c <= '9') || c == '#' || c == '*';
    }
  }

  private static final ThreadLocal<Emoji.Parser> PARSER = ThreadLocal.withInitial(Emoji.Parser::new);

  /**
   * Returns whether any digit or leetspeak symbol was written (else the leetspeak step has nothing to do).
   *
   * <p>Advert text is overwhelmingly printable ASCII and plain spaces, so those take a tight inner path
   * that reads only local array references and two small tables; everything else (other white space,
   * marks, emoji, keycaps, non-ASCII) takes the general path. Why: {@code MatchingPeersBenchmark.redflag}
   * spent most of its time here while every char went through the general code.
   */
  private static boolean fold(String s, AnalyzedText t) {
    boolean leetCandidates = false;
    int n = s.length();
    t.ensureCapacity(Math.min(n + 16, Integer.MAX_VALUE - 8));
    Emoji.Parser emoji = null; // looked up only when a possible emoji start is seen
    char[] out = t.chars;
    int[] st = t.starts;
    int[] en = t.ends;
    int len = 0;
    boolean pendingSpace = false; // a white space run was seen after the last emitted char
    boolean pendingBreak = false;
    int spaceStart = 0;
    int spaceEnd = 0;
    int i = 0;
    while (i < n) {
      char ch = s.charAt(i);
      if (ch < 0x80) {
        char plain = ASCII_PLAIN[ch];
        // a digit, # or * is a keycap base only when a non-ASCII char (VS16 or U+20E3) follows
        if (plain != 0 && (!ASCII_KEYCAP_BASE[ch] || i + 1 >= n || s.charAt(i + 1) < 0x80)) {
          if (pendingSpace) {
            if (len > 0) {
              if (len + 1 >= out.length) {
                t.ensureCapacity(len + 2);
                out = t.chars;
                st = t.starts;
                en = t.ends;
              }
              out[len] = pendingBreak ? '\n' : ' ';
              st[len] = spaceStart;
              en[len] = spaceEnd;
              len++;
            }
            pendingSpace = false;
            pendingBreak = false;
          } else if (len == out.length) {
            t.ensureCapacity(len + 1);
            out = t.chars;
            st = t.starts;
            en = t.ends;
          }
          out[len] = plain;
          st[len] = i;
          en[len] = i + 1;
          len++;
          i++;
          if (Leetspeak.LEET[ch] != 0) leetCandidates = true;
          continue;
        }
        if (ch == ' ') {
          if (!pendingSpace) {
            spaceStart = i;
            pendingSpace = true;
          }
          spaceEnd = ++i;
          continue;
        }
      }
      // general path
      int cp = ch;
      int next = i + 1;
      if (Character.isHighSurrogate(ch) && next < n && Character.isLowSurrogate(s.charAt(next))) {
        cp = Character.toCodePoint(ch, s.charAt(next));
        next++;
      }
      if (Emoji.mayStart(cp)) {
        if (emoji == null) emoji = PARSER.get();
        if (emoji.parse(s, i, n, true)) {
          int end = emoji.end;
          if (pendingSpace) len = FoldWriter.emitSpace(t, len, spaceStart, spaceEnd, pendingBreak);
          pendingSpace = false;
          pendingBreak = false;
          t.ensureCapacity(len + 2);
          int key = emoji.key;
          t.chars[len] = Character.highSurrogate(key);
          t.chars[len + 1] = Character.lowSurrogate(key);
          t.starts[len] = i;
          t.starts[len + 1] = i;
          t.ends[len] = end;
          t.ends[len + 1] = end;
          len += 2;
          i = end;
          out = t.chars;
          st = t.starts;
          en = t.ends;
          continue;
        }
      }
      int entry;
      if (cp < FoldTable.LIMIT) {
        entry = FoldTable.entry(cp);
      } else {
        entry = -1;
      }
      int kind = entry < 0 ? FoldTable.KIND_CHARS : FoldTable.kind(entry);
      switch (kind) {
        case FoldTable.KIND_SPACE, FoldTable.KIND_CONTROL, FoldTable.KIND_BREAK -> {
          if (!pendingSpace) {
            spaceStart = i;
            pendingSpace = true;
          }
          spaceEnd = next;
          if (kind == FoldTable.KIND_BREAK) pendingBreak = true;
        }
        case FoldTable.KIND_MARK -> {
          // a combining mark (or variation selector) belongs to the char before it
          if (len > 0 && !pendingSpace && t.ends[len - 1] == i) t.ends[len - 1] = next;
        }
        case FoldTable.KIND_DROP -> { }
        default -> {
          if (pendingSpace) len = FoldWriter.emitSpace(t, len, spaceStart, spaceEnd, pendingBreak);
          pendingSpace = false;
          pendingBreak = false;
          if (entry >= 0) {
            int l = FoldTable.length(entry);
            int off = FoldTable.offset(entry);
            t.ensureCapacity(len + l);
            for (int k = 0; k < l; k++) {
              char x = FoldTable.data(off + k);
              if (x < 128 && Leetspeak.LEET[x] != 0) leetCandidates = true;
              t.chars[len] = x;
              t.starts[len] = i;
              t.ends[len] = next;
              len++;
            }
          } else {
            len = FoldWriter.emitSupplementary(t, len, cp, i, next);
          }
        }
      }
      i = next;
      out = t.chars;
      st = t.starts;
      en = t.ends;
    }
    t.length = len;
    return leetCandidates;
  }

  // ---- step 2: leetspeak --------------------------------------------------------------------------

  /**
   * Folds leetspeak token by token, in place (the length does not change). A token is a run of word
   * chars and leetspeak symbols not split by a recorded boundary; it can change only if it holds a char
   * with a leetspeak reading, so the pass jumps from one such char to the next and walks back to its
   * token's start (token starts depend only on the chars around them), instead of classifying every
   * char of the text (why: {@code MatchingPeersBenchmark.redflag}).
   */
  private static void foldLeetspeak(AnalyzedText t, boolean flagsSet) {
    char[] c = t.chars;
    // before the joining step the flags array still holds the previous text's flags: no boundaries yet
    byte[] f = flagsSet ? t.flags : null;
    int n = t.length;
    int i = 0;
    while (i < n) {
      char x = c[i];
      if (x >= 128 || Leetspeak.LEET[x] == 0) { i++; continue; }
      int start = i;
      while (start > 0 && (f == null || (f[start] & AnalyzedText.FLAG_BOUNDARY) == 0) && Leetspeak.inToken(c[start - 1])) start--;
      i = start;
      boolean letters = false;
      boolean other = false;
      while (i < n && Leetspeak.inToken(c[i]) && (i == start || f == null || (f[i] & AnalyzedText.FLAG_BOUNDARY) == 0)) {
        if (CharClass.isLetter(c[i])) letters = true; else other = true;
        i++;
      }
      if (letters && other) Leetspeak.foldToken(c, start, i);
    }
  }

  // ---- step 3: join spaced letters, record word boundaries -----------------------------------------

  /** Returns whether a spaced-out word that contains a digit was joined (leetspeak must look again). */
  private boolean compact(AnalyzedText t) {
    boolean joinedDigits = false;
    char[] c = t.chars;
    int[] st = t.starts;
    int[] en = t.ends;
    byte[] fl = t.flags;
    int n = t.length;
    int w = 0;
    char prev1 = 0; // input chars before r (separators included)
    char prev2 = 0;
    byte pendingFlags = 0;
    int lastJoin = -3; // index of the last separator removed inside a spaced-out word
    for (int r = 0; r < n; r++) {
      char x = c[r];
      boolean sep = x == ' ' || x == '\n' || CharClass.isSeparator(x);
      if (sep && joinLetters && w > 0 && r + 1 < n) {
        char next = c[r + 1];
        // a single-letter token on both sides; the cheapest test first, as most separators follow a
        // longer word (why: letterLike on every separator was a tenth of the pipeline's samples)
        boolean singles = !CharClass.isWord(prev2) && letterLike(prev1)
            && (r + 2 >= n || !CharClass.isWord(c[r + 2])) && letterLike(next);
        if (singles && (CharClass.isLetter(prev1) || CharClass.isLetter(next) || lastJoin == r - 2)) {
          lastJoin = r;
          if (!CharClass.isLetter(prev1) || !CharClass.isLetter(next)) joinedDigits = true;
          // a spaced-out word (n.e.w, n e w): the separator vanishes and no boundary is recorded
          prev2 = prev1;
          prev1 = x;
          continue;
        }
        if ((x == ' ' || x == '\n' || x == '-' || x == '_') && CharClass.isLetter(c[w - 1]) && CharClass.isLetter(next)) {
          pendingFlags |= AnalyzedText.FLAG_BOUNDARY;
          if (x == '\n') pendingFlags |= AnalyzedText.FLAG_CLAUSE;
          prev2 = prev1;
          prev1 = x;
          continue;
        }
      }
      byte f = pendingFlags; // fold writes no flags: this pass is the first to set them
      pendingFlags = 0;
      c[w] = x;
      st[w] = st[r];
      en[w] = en[r];
      fl[w] = f;
      w++;
      prev2 = prev1;
      prev1 = x;
    }
    t.length = w;
    return joinedDigits;
  }

  /** A letter, or (with leetspeak on) a digit that stands for one: may join a spaced-out word. */
  private boolean letterLike(char c) {
    return CharClass.isLetter(c) || (leetspeak && c < 128 && CharClass.isDigit(c) && Leetspeak.LEET[c] != 0);
  }

}
