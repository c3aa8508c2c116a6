package org.redflag.text;

/**
 * The pipeline's last stage: how adverts shape words, read from the folded chars and the case of the
 * original, in one linear pass that writes in place (allocation-free):
 * <ul>
 *   <li><b>Case boundaries.</b> A capital after a small letter starts a word ({@code sexyGIRL},
 *       {@code NewInTown}): a word boundary is recorded before it, so {@code girl} matches in
 *       {@code sexyGIRL} as it does in {@code sexy GIRL}. A run of capitals has no such boundary
 *       ({@code TRUEPROVIDER}); phrases still match across glued words, because the pipeline already
 *       reads {@code true provider} as one run of letters with a boundary inside that only the ends of
 *       a match consult.
 *   <li><b>Sentence punctuation.</b> {@code !} between letters reads as {@code i} for leetspeak
 *       ({@code k!ss}), except where the case says a sentence ends: a capital follows and a small letter
 *       comes before it or after that capital ({@code Real!No drama}, {@code arrived!No games}). There
 *       the {@code !} stays, so the words on both sides are words of their own and a clause ends.
 *   <li><b>Repeated letters.</b> A run of one letter is written once ({@code reaaal} reads {@code real},
 *       {@code sexyy} reads {@code sexy}), and the char is marked as standing for a run of two or more
 *       ({@link AnalyzedText#repeated(int)}). Patterns go through the same stage, so {@code booking} is
 *       written {@code boking} with a mark on its {@code o}; the matcher accepts a pattern's marked char
 *       only on a marked char of the text. The rule: elongation only adds letters. {@code boooking}
 *       matches {@code booking}, {@code sexyy} matches {@code sexy}, but {@code god} does not match
 *       {@code good}, nor {@code as} {@code ass}. Runs do not cross a word boundary ({@code all love}); a spaced-out word has none inside,
 *       so {@code y o u n g g i r l} reads {@code youngirl} with its {@code g} marked, and pattern
 *       compilation adds that form of {@code young girl} (see {@code PhraseVariants}).
 * </ul>
 * Why a stage of its own, after joining and leetspeak: spaced-out and leetspeak letters ({@code b o o k},
 * {@code h00ker}) become letters only in those steps, and a run must be squeezed the same way however
 * its letters were written.
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
    int w = 0;
    for (int k = 0; k < n; k++) {
      char x = c[k];
      byte f = fl[k];
      if (w > 0 && CharClass.isLetter(x)) {
        char prev = c[w - 1];
        int s = st[k];
        if (CharClass.isLetter(prev) && (f & AnalyzedText.FLAG_BOUNDARY) == 0 && s > 0 && s < srcLength) {
          if (isUpper(src[s]) && isLower(src[s - 1])) {
            f |= AnalyzedText.FLAG_BOUNDARY;
            changed = true;
          } else if (x == 'i' && src[s] == '!' && sentenceEnd(src, s, srcLength)) {
            x = '!'; // leetspeak read it as i
            changed = true;
          } else if (x == prev) {
            // one more letter of a run: the char written last stands for it
            int end = t.end(k);
            en[w - 1] = end;
            fl[w - 1] |= AnalyzedText.FLAG_WIDE | AnalyzedText.FLAG_REPEAT;
            changed = true;
            continue;
          }
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
    if (changed && t.ordinalsReady) {
      t.ordinalsReady = false;
      t.buildOrdinals();
    }
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
