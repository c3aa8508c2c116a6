package org.redflag.text;

/**
 * The pipeline's last stage: how adverts shape words, read from the folded chars and the case of the
 * original, in one linear pass that writes in place (allocation-free unless a space must be added to a
 * full buffer):
 * <ul>
 *   <li><b>Case boundaries.</b> A capital after a small letter starts a word ({@code sexyGIRL},
 *       {@code NewInTown}): a word boundary is recorded before it, so {@code girl} matches in
 *       {@code sexyGIRL} as it does in {@code sexy GIRL}. A run of capitals has no such boundary
 *       ({@code TRUEPROVIDER}); phrases still match across glued words, because the pipeline already
 *       reads {@code true provider} as one run of letters with a boundary inside that only the ends of
 *       a match consult. A capital that repeats the letter before it ({@code youngGirl}, {@code yesSSS})
 *       is no boundary: it continues a run, as it does once the case is folded.
 *   <li><b>Sentence punctuation.</b> A {@code !} between letters that the case says ends a sentence (a
 *       capital follows, and a small letter comes before it or after that capital: {@code Real!No drama},
 *       {@code arrived!No games}) is kept by leetspeak ({@code TextPipeline.foldToken}), which otherwise
 *       reads it as {@code i} ({@code k!ss}); this stage writes a space after it ({@code real! no}), so
 *       the folded text, folded again without its case, still reads a sentence end.
 *   <li><b>Repeated letters.</b> A run of one letter is written once ({@code reaaal} reads {@code real},
 *       {@code sexyy} reads {@code sexy}), and the char is marked as standing for a run of two or more
 *       ({@link AnalyzedText#repeated(int)}). Patterns go through the same stage, so {@code booking} is
 *       written {@code boking} with a mark on its {@code o}; the matcher accepts a pattern's marked char
 *       only on a marked char of the text. The rule: elongation only adds letters. {@code boooking}
 *       matches {@code booking}, {@code sexyy} matches {@code sexy}, but {@code god} does not match
 *       {@code good}, nor {@code as} {@code ass}. Runs do not cross a word boundary the joining step
 *       recorded: there a space is written between the two letters ({@code all love} reads
 *       {@code al love}, {@code employer responsible} keeps its space), because the joined letters would
 *       be one run when the folded text is folded again. A spaced-out word has no boundary inside, so
 *       {@code y o u n g g i r l} reads {@code youngirl} with its {@code g} marked, and pattern
 *       compilation adds that form of {@code young girl} (see {@code PhraseVariants}).
 * </ul>
 * Why a stage of its own, after joining and leetspeak: spaced-out and leetspeak letters ({@code b o o k},
 * {@code h00ker}) become letters only in those steps, and a run must be squeezed the same way however
 * its letters were written. Folding the folded text changes nothing ({@code
 * TextPipelineProperties.foldingTwiceIsFoldingOnce}); the joining step reads a word that is one repeated
 * letter ({@code xx}) as a single letter for that reason.
 */
final class WordShape {
  private WordShape() {}

  /**
   * Applies the stage to {@code t}, whose source chars are {@code src[0 .. srcLength)} (a copy of
   * {@code t.original()}). Rebuilds the word and clause ordinals when they were built and a char or
   * boundary changed.
   */
  static void apply(AnalyzedText t, char[] src, int srcLength) {
    final char[] c = t.chars;
    final int[] st = t.starts;
    final int[] en = t.ends;
    final byte[] fl = t.flags;
    final int n = t.length;
    boolean changed = false;
    int spaces = 0;
    int w = 0;
    for (int k = 0; k < n; k++) {
      char x = c[k];
      byte f = fl[k];
      if (w > 0 && CharClass.isLetter(x)) {
        char prev = c[w - 1];
        if (CharClass.isLetter(prev)) {
          if ((f & AnalyzedText.FLAG_BOUNDARY) == 0) {
            int s = st[k];
            if (x != prev && s > 0 && s < srcLength && isUpper(src[s]) && isLower(src[s - 1])) {
              f |= AnalyzedText.FLAG_BOUNDARY;
              changed = true;
            } else if (x == prev) {
              // one more letter of a run: the char written last stands for it
              en[w - 1] = t.end(k);
              fl[w - 1] |= AnalyzedText.FLAG_WIDE | AnalyzedText.FLAG_REPEAT;
              changed = true;
              continue;
            }
          } else if (x == prev) {
            // a word boundary inside a run of one letter (all love): a space goes between
            f |= FLAG_SPACE_BEFORE;
            spaces++;
          }
        } else if (prev == '!' && st[w - 1] > 0 && src[st[w - 1]] == '!' && sentenceEnd(src, st[w - 1], srcLength)) {
          f |= FLAG_SPACE_BEFORE; // Real!No reads real! no
          spaces++;
        }
      }
      c[w] = x;
      if (w != k) {
        st[w] = st[k];
        en[w] = en[k];
      }
      fl[w] = f;
      w++;
    }
    t.length = w;
    if (spaces > 0) {
      insertSpaces(t, w, spaces);
      changed = true;
    }
    if (changed && t.ordinalsReady) {
      t.ordinalsReady = false;
      t.buildOrdinals();
    }
  }

  /** Transient mark of this stage: a space is to be written before this char. */
  private static final byte FLAG_SPACE_BEFORE = 32;

  /**
   * Writes a space before each of the {@code spaces} chars marked {@link #FLAG_SPACE_BEFORE} (a line
   * break where a removed one ends a clause there), moving the chars from the end. The space stands for
   * the white space or separator the joining removed there, or, where there was none ({@code Real!No}),
   * for the char after it, so the offset map stays monotone and every char has a non-empty source.
   */
  private static void insertSpaces(AnalyzedText t, int n, int spaces) {
    t.ensureCapacity(n + spaces);
    final char[] c = t.chars;
    final int[] st = t.starts;
    final int[] en = t.ends;
    final byte[] fl = t.flags;
    int j = n + spaces;
    for (int i = n - 1; j > i + 1; i--) {
      byte f = fl[i];
      int start = st[i];
      int end = t.end(i);
      j--;
      c[j] = c[i];
      st[j] = start;
      en[j] = end;
      fl[j] = (byte) ((f & ~FLAG_SPACE_BEFORE) | AnalyzedText.FLAG_WIDE);
      if ((f & FLAG_SPACE_BEFORE) != 0) {
        int prevEnd = t.end(i - 1);
        j--;
        c[j] = (f & AnalyzedText.FLAG_CLAUSE) != 0 ? '\n' : ' ';
        st[j] = prevEnd < start ? prevEnd : start;
        en[j] = prevEnd < start ? start : end;
        fl[j] = AnalyzedText.FLAG_WIDE;
      }
    }
    t.length = n + spaces;
  }

  /** {@code !} at {@code s} (between letters) ends a sentence by the case around it: {@code real!No}, {@code REAL!No}. */
  static boolean sentenceEnd(char[] src, int s, int srcLength) {
    if (s + 1 >= srcLength || !isUpper(src[s + 1])) return false;
    return isLower(src[s - 1]) || (s + 2 < srcLength && isLower(src[s + 2]));
  }

  private static boolean isUpper(char c) {
    return c < 0x80 ? (c >= 'A' && c <= 'Z') : Character.isUpperCase(c);
  }

  private static boolean isLower(char c) {
    return c < 0x80 ? (c >= 'a' && c <= 'z') : Character.isLowerCase(c);
  }
}
