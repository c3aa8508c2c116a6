package org.redflag.text;

import java.util.Arrays;

/**
 * Normalises advert text for matching and keeps an offset map back to the original. Immutable and
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
 *   <li><b>Leetspeak</b> (optional): inside a token that contains letters, digits and
 *       {@code @ $ ! |} between letters, or a single digit next to a letter, become letters
 *       ({@code n3w}, {@code t0wn}, {@code 1n}, {@code av4il4ble}). Tokens without letters ({@code 24/7},
 *       prices, phone numbers) and digit runs at a token's edge ({@code 200hr}) keep their digits.
 *   <li><b>Joining</b> (optional): white space and {@code -}/{@code _} between two letters are removed
 *       and remembered as word boundaries; a separator ({@code space . - _ · • * ~}, line break) between
 *       two single-letter tokens is removed without a boundary, so {@code n.e.w}, {@code n e w} and
 *       {@code new} read alike. A pattern then matches across spaced-out letters while its boundary rule
 *       still sees the original word boundaries.
 *   <li><b>Word shapes</b> ({@link WordShape}, last): a capital after a small letter starts a word, a
 *       sentence-ending {@code !} stays punctuation, and a run of one letter is written once and marked
 *       as repeated.
 * </ol>
 *
 * <p>The steps are defined as if they ran one after the other over the whole text (and
 * {@code TextPipelineDifferentialProperties} checks the result against a reference implementation that
 * does exactly that), but they run fused: the fold applies leetspeak to each token as it ends and makes
 * the common joins itself (white space or a hyphen between words), and a joining pass then visits only
 * the separators the fold kept, moving chars only from the first one it removes. Spaced-out leetspeak
 * ({@code n 3 w}) is folded once more after joining.
 */
public final class TextPipeline {
  private static final TextPipeline DEFAULT = new TextPipeline(true, true);

  private final boolean leetspeak;
  private final boolean joinLetters;

  private TextPipeline(boolean leetspeak, boolean joinLetters) {
    this.leetspeak = leetspeak;
    this.joinLetters = joinLetters;
  }

  /** All folding steps on. */
  public static TextPipeline defaults() { return DEFAULT; }

  public static Builder builder() { return new Builder(); }

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
    Folder folder = fold(original, target);
    boolean joinedDigits = compact(target, folder.separators, folder.separatorCount) | folder.joinedDigits;
    // spaced-out leetspeak (n 3 w) becomes one token only when joined: fold once more. Word and clause
    // ordinals describe the chars as joined, before this fold ($ or ! may become letters): build them now.
    if (joinedDigits) {
      target.buildOrdinals();
      foldLeetspeak(target);
    }
    WordShape.apply(target, folder.source(), original.length());
    folder.release();
    return target;
  }

  // ---- step 1: fold, with leetspeak per token and the common joins --------------------------------

  /**
   * Per ASCII char, 0 when it is not printable (take the general path), else: the folded char in bits
   * 0..15, its leetspeak token class in bits 16..17, {@link #INFO_PLAIN} unless it is a digit, # or *
   * (which may start a keycap emoji when a non-ASCII char follows), and bits for the chars the joining
   * step looks at. One table read per char.
   */
  private static final int[] ASCII_INFO = new int[128];
  private static final int INFO_TOKEN_SHIFT = 16;
  private static final int INFO_PLAIN = 1 << 18;     // folds to itself or its lower case, whatever follows
  private static final int INFO_HYPHEN = 1 << 19;    // - and _: removed between words, as white space is
  private static final int INFO_SEPARATOR = 1 << 20; // . - _ * ~: the joining step looks at it
  private static final int INFO_LETTER = 1 << 21;    // a-z, A-Z
  private static final int TOKEN_LETTER = 1;
  private static final int TOKEN_OTHER = 2;
  /** A token with letters and digits or symbols: the only kind leetspeak can change. */
  private static final int TOKEN_MIXED = TOKEN_LETTER | TOKEN_OTHER;

  static {
    for (char c = 0x21; c < 0x7F; c++) {
      char plain = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
      boolean keycap = (c >= '0' && c <= '9') || c == '#' || c == '*';
      ASCII_INFO[c] = plain | tokenClass(plain) << INFO_TOKEN_SHIFT | (keycap ? 0 : INFO_PLAIN)
          | (c == '-' || c == '_' ? INFO_HYPHEN : 0) | (CharClass.isSeparator(c) ? INFO_SEPARATOR : 0)
          | (isAsciiLetter(c) ? INFO_LETTER : 0);
    }
  }

  /**
   * Which chars up to the space {@code asciiSpan} folds as a line break: read from {@code FoldTable}, so
   * the ASCII path and {@code general()} cannot disagree. Every such char must fold as white space or a
   * control (both read as a space), which {@code asciiSpan} assumes; checked here.
   */
  private static final boolean[] ASCII_BREAK = new boolean[' ' + 1];

  static {
    for (char c = 0; c <= ' '; c++) {
      int kind = FoldTable.kind(FoldTable.entry(c));
      if (kind != FoldTable.KIND_SPACE && kind != FoldTable.KIND_CONTROL && kind != FoldTable.KIND_BREAK) {
        throw new IllegalStateException("FoldTable folds U+" + Integer.toHexString(c) + " as kind " + kind + ", not as white space");
      }
      ASCII_BREAK[c] = kind == FoldTable.KIND_BREAK;
    }
  }

  private static int tokenClass(char c) {
    if (CharClass.isLetter(c)) return TOKEN_LETTER;
    return CharClass.isDigit(c) || isLeetSymbol(c) ? TOKEN_OTHER : 0;
  }

  private static boolean isAsciiLetter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

  /** Per thread: the fold's state and buffers. */
  private static final ThreadLocal<Folder> FOLDER = ThreadLocal.withInitial(Folder::new);

  /**
   * Folds code point by code point into {@code t} (chars, offset map, flags), and in the same pass:
   * <ul>
   *   <li>applies leetspeak to each token as it ends (a token is a run of letters, digits and leetspeak
   *       symbols; see {@link #foldToken});
   *   <li>removes a white space run, {@code -} or {@code _} between two letters and records the word
   *       boundary (a flag on the next char), when the joining step would remove it with certainty: the
   *       word before it has at least two word chars, or the word after it at least two letters (the
   *       case left to {@link #compact} is one between two single-letter tokens, which may be a
   *       spaced-out word).
   * </ul>
   * Why one pass: the three passes (fold, leetspeak over the text, joining) each read and wrote every
   * char, and together they cost several times the automaton scan ({@code MatchingPeersBenchmark.redflag}
   * measures both). {@code TextPipelineDifferentialProperties} checks that the output is exactly that of
   * the three separate passes.
   */
  private Folder fold(String s, AnalyzedText t) {
    Folder folder = FOLDER.get();
    folder.run(s, t, leetspeak, joinLetters);
    return folder;
  }

  /**
   * The fold's state for one text, reused per thread. Advert text is overwhelmingly ASCII:
   * {@link #asciiSpan()} handles it in a small method of its own, over a copy of the text in a char
   * array, and returns only at a char it cannot handle (non-ASCII white space, marks, emoji, keycaps,
   * DEL, other non-ASCII), which {@link #general()} folds, one code point at a time. Why two
   * methods: with both paths in one large loop the compiled ASCII path ran about three times slower than
   * the same code alone ({@code MatchingPeersBenchmark.redflag}).
   */
  private static final class Folder {
    /** Texts up to this many chars keep their copy buffer between calls; longer ones get a temporary. */
    private static final int KEPT_SOURCE = 1 << 16;

    private char[] buffer = new char[1024];
    private Emoji.Parser emoji; // made on the first possible emoji start
    // the text being folded
    private String s;
    private char[] src;
    private int n;
    private AnalyzedText t;
    private boolean leet;
    private boolean join;
    // position and output
    private int i;
    private int len;
    private boolean pendingSpace; // a white space run was seen after the last emitted char
    private boolean pendingBreak;
    private int spaceStart;
    private int spaceEnd;
    private int tokenStart; // the current token's first char
    private int tokenMask;  // TOKEN_ classes seen in it
    /** Where the chars the joining step looks at were written (white space, . - _ * ~ and the like), in order. */
    int[] separators = new int[64];
    int separatorCount;
    /** Flags from len up to here are zero (the ASCII span writes only flags that are set). */
    private int zeroedUpTo;
    /** Whether a spaced-out word with a digit was joined (leetspeak must look again). */
    boolean joinedDigits;

    void run(String text, AnalyzedText target, boolean leetspeak, boolean joinLetters) {
      s = text;
      t = target;
      leet = leetspeak;
      join = joinLetters;
      n = text.length();
      target.ensureCapacity(Math.min(n + 16, Integer.MAX_VALUE - 8));
      // reading a char[] is cheaper than String.charAt (a coder test per char); the copy is vectorised.
      // Two NUL chars follow the text, so the letter loop needs no end test (NUL is no letter).
      if (buffer.length < n + 2) {
        if (n > KEPT_SOURCE) {
          src = new char[n + 2];
        } else {
          buffer = new char[Math.max(n + 2, Math.min(KEPT_SOURCE + 2, buffer.length * 2))];
          src = buffer;
        }
      } else {
        src = buffer;
      }
      text.getChars(0, n, src, 0);
      src[n] = 0;
      src[n + 1] = 0;
      i = 0;
      len = 0;
      pendingSpace = false;
      pendingBreak = false;
      tokenStart = 0;
      tokenMask = 0;
      separatorCount = 0;
      joinedDigits = false;
      if (separators.length > KEPT_SOURCE && n <= KEPT_SOURCE) separators = new int[64]; // after a huge text
      zeroedUpTo = 0;
      while (i < n) {
        asciiSpan();
        if (i < n) general();
      }
      if (tokenMask == TOKEN_MIXED && leet) foldToken(t.chars, tokenStart, len);
      t.length = len;
      s = null; // keep no reference to the caller's text or buffers
      t = null;
    }

    /** The copy of the text just folded (for {@link WordShape}), until {@link #release()}. */
    char[] source() { return src; }

    void release() { src = null; }

    /** Folds ASCII from {@link #i} on (but DEL and a keycap's digit); stops at the first other char. */
    private void asciiSpan() {
      final char[] src = this.src;
      final int n = this.n;
      final boolean leet = this.leet;
      final boolean join = this.join;
      int i = this.i;
      int len = this.len;
      boolean pendingSpace = this.pendingSpace;
      boolean pendingBreak = this.pendingBreak;
      int spaceStart = this.spaceStart;
      int spaceEnd = this.spaceEnd;
      int tokenStart = this.tokenStart;
      int tokenMask = this.tokenMask;
      // each char of the span writes at most one char: room for all of them now, with zero flags (the
      // span writes only the flags that are set)
      int room = len + (n - i) + 2;
      t.ensureCapacity(room);
      if (room > zeroedUpTo) {
        Arrays.fill(t.flags, Math.max(len, zeroedUpTo), room, (byte) 0);
        zeroedUpTo = room;
      }
      final char[] out = t.chars;
      final int[] st = t.starts;
      final int[] en = t.ends;
      final byte[] fl = t.flags;
      int[] seps = this.separators;
      int sepCount = this.separatorCount;
      boolean joinedDigits = this.joinedDigits;
      while (i < n) {
        char ch = src[i];
        if (ch <= ' ') {
          // white space and controls, as general() folds them: one run, a line break if it has one
          if (!pendingSpace) {
            spaceStart = i;
            pendingSpace = true;
          }
          do {
            if (ASCII_BREAK[ch]) pendingBreak = true; // LF, VT, FF, CR
            i++;
          } while (i < n && (ch = src[i]) <= ' ');
          spaceEnd = i;
          continue;
        }
        int info = ch < 0x80 ? ASCII_INFO[ch] : 0;
        // a digit, # or * before a non-ASCII char (VS16 or U+20E3) may start a keycap emoji
        if (info == 0 || ((info & INFO_PLAIN) == 0 && i + 1 < n && src[i + 1] >= 0x80)) break;
        if (pendingSpace) {
          pendingSpace = false;
          if (len > 0) {
            // the white space ends the token before it
            if (tokenMask == TOKEN_MIXED && leet) foldToken(out, tokenStart, len);
            tokenMask = 0;
            if (join && spacedNow(out, fl, len, (char) info, nonWordAt(src, i + 1, n), leet)) {
              // between two single-letter tokens (n e w): removed without a boundary
              if (!CharClass.isLetter(out[len - 1]) || !CharClass.isLetter((char) info)) joinedDigits = true;
              fl[len] = AnalyzedText.FLAG_SPACED;
            } else if (join && joinsNow(out, fl, len, (char) info, i + 1 < n && isAsciiLetter(src[i + 1]))) {
              // the next char, written at len below, carries the boundary
              fl[len] = boundaryFlag(pendingBreak);
            } else {
              if (sepCount == seps.length) seps = this.separators = Arrays.copyOf(seps, sepCount * 2);
              seps[sepCount++] = len;
              out[len] = pendingBreak ? '\n' : ' ';
              st[len] = spaceStart;
              if (spaceEnd != spaceStart + 1) {
                en[len] = spaceEnd;
                fl[len] = AnalyzedText.FLAG_WIDE;
              }
              len++;
            }
            tokenStart = len;
          }
          pendingBreak = false;
        }
        // a run of word chars and punctuation up to the next white space or other char
        do {
          if ((info & INFO_LETTER) != 0) {
            // letters, the bulk of the text: lower-cased with no table read and no token bookkeeping
            tokenMask |= TOKEN_LETTER;
            for (;;) {
              do {
                out[len] = (char) (ch | 0x20);
                st[len] = i;
                len++;
                ch = src[++i]; // at the end, the NUL after the text
              } while (isAsciiLetter(ch));
              // The commonest way a word ends: one space, then a letter. Removed here, as the space path
              // below would (joinsNow holds and spacedNow does not: the letter after the next one is a
              // letter too, or the word before has two word chars), unless leetspeak must first fold the
              // token before it. Saves that path's bookkeeping about once a word. (src[i + 2] is at
              // most the second NUL after the text.)
              if (ch != ' ' || !join || !isAsciiLetter(src[i + 1]) || (leet && tokenMask == TOKEN_MIXED)) {
                // The next commonest: a comma or full stop, one space, a letter. Both chars are kept (by
                // the paths below and by the joining step: neither has a letter on both sides), so they
                // need not be recorded for the joining step either.
                if ((ch != ',' && ch != '.') || src[i + 1] != ' ' || !isAsciiLetter(src[i + 2])) break;
                if (tokenMask == TOKEN_MIXED && leet) foldToken(out, tokenStart, len);
                out[len] = ch;
                st[len] = i;
                out[len + 1] = ' ';
                st[len + 1] = i + 1;
                len += 2;
                i += 2;
              } else {
                if (!isAsciiLetter(src[i + 2]) && !twoWordCharsBefore(out, fl, len)) break;
                fl[len] = AnalyzedText.FLAG_BOUNDARY;
                i++;
              }
              tokenStart = len;
              tokenMask = TOKEN_LETTER;
              ch = src[i];
            }
            if (i >= n) break;
            info = ch < 0x80 ? ASCII_INFO[ch] : 0;
            continue;
          }
          int cls = info >>> INFO_TOKEN_SHIFT & TOKEN_MIXED;
          if (cls == 0) {
            if (tokenMask == TOKEN_MIXED && leet) foldToken(out, tokenStart, len);
            tokenMask = 0;
            tokenStart = len + 1;
            if ((info & INFO_SEPARATOR) != 0) {
              if (join && len > 0 && i + 1 < n) {
                // between two single-letter tokens (n.e.w): removed without a boundary. The next char
                // must be plain ASCII here (a digit before a non-ASCII char may start a keycap)
                char nx = src[i + 1];
                int nxInfo = nx < 0x80 ? ASCII_INFO[nx] : 0;
                if (nxInfo != 0 && ((nxInfo & INFO_PLAIN) != 0 || i + 2 >= n || src[i + 2] < 0x80)
                    && spacedNow(out, fl, len, (char) nxInfo, nonWordAt(src, i + 2, n), leet)) {
                  if (!CharClass.isLetter(out[len - 1]) || !CharClass.isLetter((char) nxInfo)) joinedDigits = true;
                  fl[len] = AnalyzedText.FLAG_SPACED;
                  tokenStart = len;
                  ch = src[++i];
                  info = nxInfo;
                  continue;
                }
              }
              if (join && (info & INFO_HYPHEN) != 0 && len > 0 && i + 1 < n && isAsciiLetter(src[i + 1])
                  && joinsNow(out, fl, len, (char) (src[i + 1] | 0x20), i + 2 < n && isAsciiLetter(src[i + 2]))) {
                // a - or _ between words (walk-in): removed, as joining would, with a boundary on the next letter
                fl[len] = AnalyzedText.FLAG_BOUNDARY;
                tokenStart = len;
                ch = src[++i];
                info = ASCII_INFO[ch];
                continue;
              }
              if (sepCount == seps.length) seps = this.separators = Arrays.copyOf(seps, sepCount * 2);
              seps[sepCount++] = len;
            }
          } else {
            tokenMask |= cls;
          }
          // one source char: its end is start + 1 (no FLAG_WIDE), and its flags are zero unless set above
          out[len] = (char) info;
          st[len] = i;
          len++;
          if (++i >= n) break;
          ch = src[i];
          info = ch < 0x80 ? ASCII_INFO[ch] : 0;
        } while ((info & INFO_PLAIN) != 0);
      }
      this.separatorCount = sepCount;
      this.joinedDigits = joinedDigits;
      this.i = i;
      this.len = len;
      this.pendingSpace = pendingSpace;
      this.pendingBreak = pendingBreak;
      this.spaceStart = spaceStart;
      this.spaceEnd = spaceEnd;
      this.tokenStart = tokenStart;
      this.tokenMask = tokenMask;
    }

    /** Folds the code point at {@link #i}: other white space and controls, marks, emoji, non-ASCII. */
    private void general() {
      final AnalyzedText t = this.t;
      char ch = src[i];
      int cp = ch;
      int next = i + 1;
      if (Character.isHighSurrogate(ch) && next < n && Character.isLowSurrogate(src[next])) {
        cp = Character.toCodePoint(ch, src[next]);
        next++;
      }
      int emitFrom = len; // chars written from here on pass through the token tracking below
      int entry = cp < FoldTable.LIMIT ? FoldTable.entry(cp) : -1;
      if (Emoji.mayStart(cp)) {
        if (emoji == null) emoji = new Emoji.Parser();
        if (emoji.parse(s, i, n, true)) {
          int end = emoji.end;
          if (pendingSpace) len = emitSpace(t, len, spaceStart, spaceEnd, pendingBreak);
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
          t.flags[len] = AnalyzedText.FLAG_WIDE;
          t.flags[len + 1] = AnalyzedText.FLAG_WIDE;
          len += 2;
          next = end;
          entry = Integer.MIN_VALUE; // emitted
        }
      }
      if (entry != Integer.MIN_VALUE) {
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
            if (len > 0 && !pendingSpace && t.end(len - 1) == i) {
              t.ends[len - 1] = next;
              t.flags[len - 1] |= AnalyzedText.FLAG_WIDE;
            }
          }
          case FoldTable.KIND_DROP -> { }
          default -> {
            byte flag = 0;
            if (pendingSpace) {
              char first = entry >= 0 ? FoldTable.data(FoldTable.offset(entry)) : 0;
              if (len > 0 && join && first != 0) {
                if (tokenMask == TOKEN_MIXED && leet) foldToken(t.chars, tokenStart, len);
                tokenMask = 0;
                tokenStart = len;
                emitFrom = len;
                if (joinsNow(t.chars, t.flags, len, first, false)) {
                  flag = boundaryFlag(pendingBreak);
                } else {
                  len = emitSpace(t, len, spaceStart, spaceEnd, pendingBreak);
                }
              } else {
                len = emitSpace(t, len, spaceStart, spaceEnd, pendingBreak);
              }
            }
            pendingSpace = false;
            pendingBreak = false;
            if (entry >= 0) {
              int l = FoldTable.length(entry);
              int off = FoldTable.offset(entry);
              t.ensureCapacity(len + l);
              for (int k = 0; k < l; k++) {
                t.chars[len] = FoldTable.data(off + k);
                t.starts[len] = i;
                t.ends[len] = next;
                t.flags[len] = (byte) ((k == 0 ? flag : 0) | AnalyzedText.FLAG_WIDE);
                len++;
              }
            } else {
              len = emitSupplementary(t, len, cp, i, next);
            }
          }
        }
      }
      // leetspeak tokens over the chars just written (a space, an emoji, folded chars)
      final char[] out = t.chars;
      for (int k = emitFrom; k < len; k++) {
        int cls = tokenClass(out[k]);
        if (CharClass.isJoinCandidate(out[k])) {
          if (separatorCount == separators.length) separators = Arrays.copyOf(separators, separatorCount * 2);
          separators[separatorCount++] = k;
        }
        if (cls == 0) {
          if (tokenMask == TOKEN_MIXED && leet) foldToken(out, tokenStart, k);
          tokenMask = 0;
          tokenStart = k + 1;
        } else {
          tokenMask |= cls;
        }
      }
      i = next;
    }
  }

  /** The flag of a char after a white space run the fold removed: a word boundary, a clause one too after a line break. */
  private static byte boundaryFlag(boolean lineBreak) {
    return lineBreak ? (byte) (AnalyzedText.FLAG_BOUNDARY | AnalyzedText.FLAG_CLAUSE) : AnalyzedText.FLAG_BOUNDARY;
  }

  /**
   * Whether the white space run before {@code next} (about to be written at {@code len}) is one the
   * joining step removes with a word boundary, decided now: both neighbours are letters (leetspeak has
   * already run on the token before; {@code next} is a letter, which leetspeak never changes), and the
   * run is not between two single-letter tokens, because the word before has two word chars (no space
   * removed inside them) or the char after {@code next} is a letter ({@code nextNextLetter}).
   */
  private static boolean joinsNow(char[] out, byte[] fl, int len, char next, boolean nextNextLetter) {
    if (!CharClass.isLetter(next) || !CharClass.isLetter(out[len - 1])) return false;
    return nextNextLetter || twoWordCharsBefore(out, fl, len);
  }

  /**
   * Whether the char before the last one written (at {@code len - 2}) is a word char with no separator
   * removed between the two. The callers know the last one is a letter (or reads as one), so the word
   * before a separator at {@code len} has two word chars: the separator ends a word, not a spaced-out
   * letter.
   */
  private static boolean twoWordCharsBefore(char[] out, byte[] fl, int len) {
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
  private static boolean spacedNow(char[] out, byte[] fl, int len, char next, boolean nextNextNonWord, boolean leet) {
    if (!nextNextNonWord) return false;
    char p1 = out[len - 1];
    if (!letterLike(p1, leet) || !letterLike(next, leet)) return false;
    if (!CharClass.isLetter(p1) && !CharClass.isLetter(next)) return false;
    return !twoWordCharsBefore(out, fl, len);
  }

  /**
   * Whether the char the fold writes for {@code src[j]} is certainly no word char, even after leetspeak:
   * the text ends, or an ASCII char that folds to white space or to punctuation other than a leetspeak
   * symbol. False also when it cannot tell (non-ASCII).
   */
  private static boolean nonWordAt(char[] src, int j, int n) {
    if (j >= n) return true;
    char c = src[j];
    if (c >= 0x80) return false;
    if (c <= ' ' || c == 0x7F) return true;
    return !isAsciiLetter(c) && !(c >= '0' && c <= '9') && !isLeetSymbol(c);
  }

  static int emitSpace(AnalyzedText t, int len, int start, int end, boolean lineBreak) {
    if (len == 0) return 0; // leading white space carries nothing
    t.ensureCapacity(len + 1);
    t.chars[len] = lineBreak ? '\n' : ' ';
    t.starts[len] = start;
    t.ends[len] = end;
    t.flags[len] = AnalyzedText.FLAG_WIDE;
    return len + 1;
  }

  /** Code points from U+20000: tags and other ignorables vanish, compatibility ideographs fold, the rest stay. */
  static int emitSupplementary(AnalyzedText t, int len, int cp, int i, int next) {
    if ((cp >= 0xE0000 && cp <= 0xE0FFF)) return len; // tags, variation selectors supplement
    int folded = cp;
    if (cp >= 0x2F800 && cp <= 0x2FA1F) {
      // CJK compatibility ideographs: rare; the slow path allocates
      String f = FoldTable.NFKC_CF.normalize(new String(Character.toChars(cp)));
      if (f.codePointCount(0, f.length()) == 1) folded = f.codePointAt(0);
    }
    t.ensureCapacity(len + 2);
    int l = Character.toChars(folded, t.chars, len);
    for (int k = 0; k < l; k++) {
      t.starts[len + k] = i;
      t.ends[len + k] = next;
      t.flags[len + k] = AnalyzedText.FLAG_WIDE;
    }
    return len + l;
  }

  // ---- step 2: leetspeak --------------------------------------------------------------------------

  static final char[] LEET = new char[128];

  static {
    LEET['0'] = 'o';
    LEET['1'] = 'i';
    LEET['3'] = 'e';
    LEET['4'] = 'a';
    LEET['5'] = 's';
    LEET['7'] = 't';
    LEET['8'] = 'b';
    LEET['9'] = 'g';
    LEET['@'] = 'a';
    LEET['$'] = 's';
    LEET['!'] = 'i';
    LEET['|'] = 'i';
  }

  static boolean isLeetSymbol(char c) { return c == '@' || c == '$' || c == '!' || c == '|'; }

  static boolean inToken(char c) { return CharClass.isWord(c) || isLeetSymbol(c); }

  /**
   * Folds leetspeak token by token, in place (the length does not change), after joining: a token is a
   * run of word chars and leetspeak symbols not split by a recorded boundary. It can change only if it
   * holds a char with a leetspeak reading, so the pass jumps from one such char to the next and walks
   * back to its token's start, instead of classifying every char of the text.
   */
  private static void foldLeetspeak(AnalyzedText t) {
    char[] c = t.chars;
    byte[] f = t.flags;
    int n = t.length;
    int i = 0;
    while (i < n) {
      char x = c[i];
      if (x >= 128 || LEET[x] == 0) { i++; continue; }
      int start = i;
      while (start > 0 && (f[start] & AnalyzedText.FLAG_BOUNDARY) == 0 && inToken(c[start - 1])) start--;
      i = start;
      boolean letters = false;
      boolean other = false;
      while (i < n && inToken(c[i]) && (i == start || (f[i] & AnalyzedText.FLAG_BOUNDARY) == 0)) {
        if (CharClass.isLetter(c[i])) letters = true; else other = true;
        i++;
      }
      if (letters && other) foldToken(c, start, i);
    }
  }

  /**
   * Leetspeak in one token {@code [start, end)} of letters, digits and symbols: a run of digits or symbols
   * between letters folds; a single digit at the token's edge folds, a single symbol only where a word
   * starts; longer runs at an edge (a number with a unit) keep their digits.
   */
  static void foldToken(char[] c, int start, int end) {
    int i = start;
    while (i < end) {
      if (CharClass.isLetter(c[i])) { i++; continue; }
      int runStart = i;
      while (i < end && !CharClass.isLetter(c[i])) i++;
      boolean letterBefore = runStart > start;
      boolean letterAfter = i < end;
      int runLength = i - runStart;
      boolean fold;
      if (letterBefore && letterAfter) {
        fold = true; // inside a word: t0wn, h00kers, av4il4ble
      } else if (runLength == 1) {
        char x = c[runStart];
        // a lone digit at a word's edge (1n, n3); a symbol only where a word starts (@gency, $exy)
        fold = isLeetSymbol(x) ? (letterAfter && x != '!' && x != '|') : true;
      } else {
        fold = false; // 200hr, 30min: a number with a unit
      }
      if (!fold) continue;
      for (int k = runStart; k < i; k++) {
        char x = c[k];
        if (x < 128 && LEET[x] != 0) c[k] = LEET[x];
      }
    }
  }

  // ---- step 3: join spaced letters, record word boundaries -----------------------------------------

  /**
   * Returns whether a spaced-out word that contains a digit was joined (leetspeak must look again).
   *
   * <p>Runs over the folded chars, in which {@link #fold} has already removed most white space between
   * letters; such a removed run left its boundary flag (and clause flag, for a line break) on the char
   * after it. This pass makes every decision as if those runs were still there, as a space or line break
   * before a flagged char: it replays them into its look-behind (the two chars before a separator) and reads
   * a flagged char ahead as white space. (Positions need no correction: such a run lies between two
   * letters, never between the two separators of a spaced-out word that {@code lastJoin} compares.)
   * Flags are carried over, so the result is what joining the unreduced text gives.
   */
  private boolean compact(AnalyzedText t, int[] separators, int separatorCount) {
    if (!joinLetters) return false; // fold wrote every char and flag already
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
      if (!letterLike(c[at - 1]) || !letterLike(c[at + 1])) continue;
      char p1 = c[at - 1];
      char p2 = charBefore(fl[at - 1], at >= 2 ? c[at - 2] : 0);
      if (joinRule(c, fl, n, at, at, p1, p2, fl[at - 1], lastJoin) != KEEP) break;
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
      int rule = w == 0 || at + 1 >= n ? KEEP : joinRule(c, fl, n, at, w, p1, p2, inFlags1, lastJoin);
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
  private static final int JOINED = AnalyzedText.FLAG_BOUNDARY | AnalyzedText.FLAG_CLAUSE | AnalyzedText.FLAG_SPACED;

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
  private int joinRule(char[] c, byte[] fl, int n, int r, int w, char p1, char p2, byte p1Flags, int lastJoin) {
    char x = c[r];
    char next = c[r + 1];
    // a flag on c[r + 2] stands for white space fold removed before it
    boolean wordAfterNext = r + 2 < n && (fl[r + 2] & JOINED) == 0 && CharClass.isWord(c[r + 2]);
    // a single-letter token on both sides; the cheapest test first, as most separators follow a
    // longer word (why: letterLike on every separator was a tenth of the pipeline's samples)
    boolean singles = !CharClass.isWord(p2) && letterLike(p1) && !wordAfterNext && letterLike(next);
    // the separator before p1 joined a spaced-out word: here, or in the fold (which flags the char after it)
    boolean joinedBefore = lastJoin == r - 2 || (p1Flags & AnalyzedText.FLAG_SPACED) != 0;
    if (singles && (CharClass.isLetter(p1) || CharClass.isLetter(next) || joinedBefore)) return JOIN_SPACED;
    if ((x == ' ' || x == '\n' || x == '-' || x == '_') && CharClass.isLetter(c[w - 1]) && CharClass.isLetter(next)) {
      return JOIN_WORDS;
    }
    return KEEP;
  }

  /** A letter, or (with leetspeak on) a digit that stands for one: may join a spaced-out word. */
  private boolean letterLike(char c) { return letterLike(c, leetspeak); }

  private static boolean letterLike(char c, boolean leetspeak) {
    return CharClass.isLetter(c) || (leetspeak && c < 128 && CharClass.isDigit(c) && LEET[c] != 0);
  }

  /** Options; every step is on by default. */
  public static final class Builder {
    private boolean leetspeak = true;
    private boolean joinLetters = true;

    private Builder() {}

    /** Whether digits and symbols inside words fold to letters ({@code n3w} to {@code new}). */
    public Builder leetspeak(boolean on) { this.leetspeak = on; return this; }

    /** Whether spaced-out letters and spaces between letters are joined ({@code n e w} to {@code new}). */
    public Builder joinLetters(boolean on) { this.joinLetters = on; return this; }

    public TextPipeline build() {
      return leetspeak && joinLetters ? DEFAULT : new TextPipeline(leetspeak, joinLetters);
    }
  }
}
