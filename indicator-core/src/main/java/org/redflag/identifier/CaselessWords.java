package org.redflag.identifier;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * A fixed set of lower-case ASCII words, looked up from a span of text as if the span had been
 * lower-cased with {@code String.toLowerCase(Locale.ROOT)}, without building that string: {@link
 * ContactScanner} compares many words of every advert with its tables, and almost all of them miss.
 *
 * <p>Lower-casing gives a char one ASCII char only when it is ASCII or the Kelvin sign (U+212A, to
 * {@code k}); the dotted capital I (U+0130) becomes two chars ({@code i} and a combining dot), so a span
 * holding it names no ASCII word. {@code String.regionMatches(true, …)} is not the same comparison: it
 * would also take U+0130 for {@code i} and {@code ſ} for {@code s}.
 */
final class CaselessWords {
  /** The words of each length, by length. */
  private final String[][] byLength;

  /** The union of {@code sets}; each word lower-case printable ASCII. */
  @SafeVarargs
  static CaselessWords of(Collection<String>... sets) {
    TreeSet<String> words = new TreeSet<>();
    for (Collection<String> set : sets) words.addAll(set);
    return new CaselessWords(words);
  }

  private CaselessWords(Collection<String> words) {
    int max = 0;
    for (String w : words) {
      for (int k = 0; k < w.length(); k++) {
        char c = w.charAt(k);
        if (c <= ' ' || c >= 127 || c >= 'A' && c <= 'Z') throw new IllegalArgumentException("not lower-case ASCII: " + w);
      }
      max = Math.max(max, w.length());
    }
    List<List<String>> lists = new ArrayList<>();
    for (int len = 0; len <= max; len++) lists.add(new ArrayList<>());
    for (String w : words) lists.get(w.length()).add(w);
    byLength = lists.stream().map(l -> l.toArray(String[]::new)).toArray(String[][]::new);
  }

  /** The word {@code text[start, end)} lower-cases to, or null when it is none of this set. */
  String find(String text, int start, int end) {
    int len = end - start;
    if (len >= byLength.length) return null;
    for (String w : byLength[len]) {
      if (matches(text, start, w)) return w;
    }
    return null;
  }

  private static boolean matches(String text, int start, String word) {
    for (int k = 0; k < word.length(); k++) {
      if (lowerAscii(text.charAt(start + k)) != word.charAt(k)) return false;
    }
    return true;
  }

  /** The ASCII char {@code c} lower-cases to, or 0 when it lower-cases to anything else. */
  static char lowerAscii(char c) {
    if (c < 128) return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    return c == '\u212A' ? 'k' : 0;
  }
}
