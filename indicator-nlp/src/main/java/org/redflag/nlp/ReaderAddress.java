package org.redflag.nlp;

/**
 * How an advert addresses its reader, as far as the pronoun rules need it: whether it says German "du"
 * to the reader, and what that implies for a capitalised "Sie" that could be the formal "you".
 */
final class ReaderAddress {
  private static final String[] INFORMAL_YOU = {"du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner", "deines"};

  private ReaderAddress() {}

  /**
   * Whether a word of the advert addresses the reader as German "du" (du, dich, dir, dein…). Only
   * words starting with d/D are compared, in place, so the pass allocates nothing.
   *
   * @param chars the text's chars, which {@code t} was scanned from
   */
  static boolean informal(char[] chars, Tokens t) {
    for (int i = 0; i < t.size; i++) {
      if (t.kind[i] != Tokens.WORD) continue;
      int start = t.start[i], len = t.end[i] - start;
      char c = chars[start];
      if ((c != 'd' && c != 'D') || len < 2 || len > 6) continue;
      for (String w : INFORMAL_YOU) {
        if (w.length() == len && equalsIgnoreCase(chars, start, w)) return true;
      }
    }
    return false;
  }

  private static boolean equalsIgnoreCase(char[] chars, int start, String lowerWord) {
    for (int k = 0; k < lowerWord.length(); k++) {
      if (Character.toLowerCase(chars[start + k]) != lowerWord.charAt(k)) return false;
    }
    return true;
  }

  /**
   * Whether a sentence-initial "Sie" followed by {@code nextWord} is "they": "Sie kommen", "Sie
   * sprechen", "Sie sind" read "they" or the formal "you", and an advert that speaks to the reader as
   * "du" ("zu dir", "für dich") does not also address the reader as "Sie", so there the plural verb reads
   * "they" (Duden, Anredepronomen: du and Sie are not mixed for one addressee). Elsewhere it stays
   * undecided.
   *
   * @param informal {@link #informal} of the advert
   * @param nextWord the word after "Sie", or null
   */
  static boolean sieIsThey(boolean informal, String nextWord) {
    return informal && nextWord != null && nextWord.length() > 2 && Character.isLowerCase(nextWord.charAt(0))
        && (nextWord.endsWith("en") || nextWord.equals("sind"));
  }
}
