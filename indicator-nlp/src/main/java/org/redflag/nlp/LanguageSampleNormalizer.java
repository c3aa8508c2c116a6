package org.redflag.nlp;

import opennlp.tools.util.normalizer.CharSequenceNormalizer;

/**
 * The clean-up that OpenNLP's language detector applies to a text before it takes its character
 * n-grams, as one forward pass with no regular expression. OpenNLP's {@code LanguageDetectorFactory}
 * is the documented place to change the detector's context generation; {@link NlpModels} plugs this
 * normaliser into OpenNLP's own {@code DefaultLanguageDetectorContextGenerator} (1- to 3-grams) there,
 * and {@code LanguageDetectorME} does the rest. Why not OpenNLP's default normalisers: they are
 * {@code java.util.regex} replacements (one of them, the laughter rule {@code ([hj])+([aieou])+(\1+\2+)+},
 * has nested quantifiers), and no backtracking regular expression runs over advert text (DESIGN.md,
 * principle 6).
 *
 * <p>The steps follow the order of OpenNLP's normalisers (Emoji, Url, Twitter, Number, Shrink):
 * supplementary code points (emoji) become a space; {@code http://…}/{@code https://…} URLs (the URL
 * character class of OpenNLP's normaliser) become a space; {@code #…} and {@code @…} up to the next
 * white space become a space (hashtags, mentions and the domain of e-mail addresses); digit runs
 * become a space; white-space runs shrink to one space, any char repeated three or more times to
 * two, and the result is trimmed. Letters are lower-cased (OpenNLP's n-gram model lower-cases them
 * too). Left out, as rare in adverts and minor for the model: the removal of "RT", of ASCII emoticons
 * and the shortening of repeated laughter ("hahaha"). {@code LanguageSampleNormalizerTest} checks that
 * the detector gives the same language as OpenNLP's stock detector on hand-written texts.
 */
final class LanguageSampleNormalizer implements CharSequenceNormalizer {
  private static final long serialVersionUID = 1L;

  static final LanguageSampleNormalizer INSTANCE = new LanguageSampleNormalizer();

  private LanguageSampleNormalizer() {}

  @Override
  public CharSequence normalize(CharSequence text) { return cleanUp(text); }

  static String cleanUp(CharSequence s) {
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
    int from = out.length() > 0 && out.charAt(0) == ' ' ? 1 : 0;
    int to = out.length() > from && out.charAt(out.length() - 1) == ' ' ? out.length() - 1 : out.length();
    return out.substring(from, to);
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
