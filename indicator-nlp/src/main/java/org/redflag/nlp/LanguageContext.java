package org.redflag.nlp;

import java.util.HashSet;
import java.util.Set;

/**
 * The context (features) for OpenNLP's language model ({@code langdetect-183.bin}): the distinct
 * lower-cased character 1-, 2- and 3-grams of the text after the same clean-up the model was trained
 * with. Used instead of OpenNLP's {@code DefaultLanguageDetectorContextGenerator} for two reasons,
 * both measured: that generator runs six {@code java.util.regex} replacements over the advert text
 * (the scoring path takes no regular expressions over untrusted text), and it collects n-grams through
 * {@code NGramCharModel}; together about 150 µs of the 200 µs a 150-char detection took, against about
 * 45 µs for evaluating the model (harness over the benchmark corpus, 2026-11-23). This is one forward
 * pass with no backtracking.
 *
 * <p>Clean-up, in the order of OpenNLP's normalisers (Emoji, Url, Twitter, Number, Shrink):
 * supplementary code points (emoji) become a space; {@code http://…}/{@code https://…} URLs (the URL
 * character class of OpenNLP's normaliser) become a space; {@code #…} and {@code @…} up to the next
 * white space become a space (hashtags, mentions and the domain of e-mail addresses); digit runs
 * become a space; white-space runs shrink to one space and any char repeated three or more times to
 * two. Not reproduced, as rare in adverts and minor for the model: OpenNLP's removal of "RT", of
 * ASCII emoticons and of repeated laughter ("hahaha").
 */
final class LanguageContext {
  private LanguageContext() {}

  /** Distinct 1- to 3-grams of the cleaned-up {@code text}, for {@code MaxentModel.eval}. */
  static String[] of(CharSequence text) {
    char[] clean = cleanUp(text);
    int n = clean.length;
    Set<String> grams = new HashSet<>(n * 3);
    for (int len = 1; len <= 3; len++) {
      for (int i = 0; i + len <= n; i++) grams.add(new String(clean, i, len));
    }
    return grams.toArray(new String[0]);
  }

  static char[] cleanUp(CharSequence s) {
    int n = s.length();
    StringBuilder out = new StringBuilder(n);
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        space(out);
        i++;
      } else if ((c == 'h' || c == 'H') && startsUrl(s, i)) {
        i = s.charAt(i + 4) == 's' || s.charAt(i + 4) == 'S' ? i + 8 : i + 7;
        while (i < n && isUrlChar(s.charAt(i))) i++;
        space(out);
      } else if (c == '#' || c == '@') {
        i++;
        while (i < n && !Character.isWhitespace(s.charAt(i))) i++;
        space(out);
      } else if (Character.isDigit(c)) {
        while (i < n && Character.isDigit(s.charAt(i))) i++;
        space(out);
      } else if (Character.isWhitespace(c)) {
        space(out);
        i++;
      } else {
        char lower = Character.toLowerCase(c);
        int len = out.length();
        // a char repeated three or more times keeps two
        if (!(len >= 2 && out.charAt(len - 1) == lower && out.charAt(len - 2) == lower)) out.append(lower);
        i++;
      }
    }
    char[] chars = new char[out.length()];
    out.getChars(0, chars.length, chars, 0);
    return chars;
  }

  /** Appends one space unless the output already ends with one (white-space runs shrink to one). */
  private static void space(StringBuilder out) {
    if (out.length() == 0 || out.charAt(out.length() - 1) != ' ') out.append(' ');
  }

  private static boolean startsUrl(CharSequence s, int i) {
    return regionMatches(s, i, "http://") || regionMatches(s, i, "https://");
  }

  private static boolean regionMatches(CharSequence s, int i, String prefix) {
    if (i + prefix.length() > s.length()) return false;
    for (int k = 0; k < prefix.length(); k++) {
      if (Character.toLowerCase(s.charAt(i + k)) != prefix.charAt(k)) return false;
    }
    return true;
  }

  private static boolean isUrlChar(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || "-_.?&~;+=/#".indexOf(c) >= 0;
  }
}
