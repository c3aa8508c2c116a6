package org.redflag.text;

import static org.redflag.text.AsciiTable.INFO_HYPHEN;
import static org.redflag.text.AsciiTable.INFO_LETTER;
import static org.redflag.text.AsciiTable.INFO_PLAIN;
import static org.redflag.text.AsciiTable.INFO_SEPARATOR;
import static org.redflag.text.AsciiTable.INFO_TOKEN_SHIFT;
import static org.redflag.text.AsciiTable.isAsciiLetter;
import static org.redflag.text.Leetspeak.TOKEN_LETTER;
import static org.redflag.text.Leetspeak.TOKEN_MIXED;
import static org.redflag.text.Leetspeak.foldToken;
import static org.redflag.text.LetterJoining.boundaryFlag;
import static org.redflag.text.LetterJoining.joinsNow;
import static org.redflag.text.LetterJoining.nonWordAt;
import static org.redflag.text.LetterJoining.spacedNow;
import static org.redflag.text.LetterJoining.twoWordCharsBefore;

import java.util.Arrays;

/**
 * The fold: one forward pass over the text's code points into an {@link AnalyzedText} (chars, offset
 * map, flags), one table read each, and in the same pass:
 * <ul>
 *   <li>applies leetspeak to each token as it ends (a token is a run of letters, digits and leetspeak
 *       symbols; see {@link Leetspeak#foldToken});
 *   <li>removes a white space run, {@code -} or {@code _} between two letters and records the word
 *       boundary (a flag on the next char), when the joining step would remove it with certainty: the
 *       word before it has at least two word chars, or the word after it at least two letters (the
 *       case left to {@link LetterJoining#compact} is one between two single-letter tokens, which may be
 *       a spaced-out word); and records where the separators it keeps were written, for that pass.
 * </ul>
 * Why one pass: the three passes (fold, leetspeak over the text, joining) each read and wrote every
 * char, and together they cost several times the automaton scan ({@code MatchingPeersBenchmark.redflag}
 * measures both). {@code TextPipelineDifferentialProperties} checks that the output is exactly that of
 * the three separate passes.
 *
 * <p>An instance is the fold's state for one text and its buffers, reused per thread ({@link #get()}).
 * Advert text is overwhelmingly ASCII: {@link #asciiSpan()} handles it in a small method of its own,
 * over a copy of the text in a char array, with one {@link AsciiTable} read per char, and returns only
 * at a char it cannot handle (non-ASCII white space, marks, emoji, keycaps, DEL, other non-ASCII),
 * which {@link #general()} folds, one code point at a time, through {@link FoldTable} and
 * {@link FoldWriter}. Why two methods: with both paths in one large loop the compiled ASCII path ran
 * about three times slower than the same code alone ({@code MatchingPeersBenchmark.redflag}).
 */
final class FoldPass {
  /** Per thread: the fold's state and buffers, the pipeline's only scratch. */
  private static final ThreadLocal<FoldPass> PER_THREAD = ThreadLocal.withInitial(FoldPass::new);

  /** This thread's fold; its results ({@link #separators}, {@link #source()}) hold until the next {@link #run}. */
  static FoldPass get() { return PER_THREAD.get(); }

  private FoldPass() {}

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
          if (AsciiTable.BREAK[ch]) pendingBreak = true; // LF, VT, FF, CR
          i++;
        } while (i < n && (ch = src[i]) <= ' ');
        spaceEnd = i;
        continue;
      }
      int info = ch < 0x80 ? AsciiTable.INFO[ch] : 0;
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
          info = ch < 0x80 ? AsciiTable.INFO[ch] : 0;
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
              int nxInfo = nx < 0x80 ? AsciiTable.INFO[nx] : 0;
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
              info = AsciiTable.INFO[ch];
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
        info = ch < 0x80 ? AsciiTable.INFO[ch] : 0;
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
        if (pendingSpace) len = FoldWriter.emitSpace(t, len, spaceStart, spaceEnd, pendingBreak);
        pendingSpace = false;
        pendingBreak = false;
        len = FoldWriter.emitEmoji(t, len, emoji.key, i, end);
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
          // a combining mark (or variation selector) belongs to the char before it, not across white space
          if (!pendingSpace) FoldWriter.attachMark(t, len, i, next);
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
                len = FoldWriter.emitSpace(t, len, spaceStart, spaceEnd, pendingBreak);
              }
            } else {
              len = FoldWriter.emitSpace(t, len, spaceStart, spaceEnd, pendingBreak);
            }
          }
          pendingSpace = false;
          pendingBreak = false;
          if (entry >= 0) {
            len = FoldWriter.emitFolded(t, len, entry, flag, i, next);
          } else {
            len = FoldWriter.emitSupplementary(t, len, cp, i, next);
          }
        }
      }
    }
    // leetspeak tokens over the chars just written (a space, an emoji, folded chars)
    final char[] out = t.chars;
    for (int k = emitFrom; k < len; k++) {
      int cls = Leetspeak.tokenClass(out[k]);
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
