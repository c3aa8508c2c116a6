package org.redflag.match;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the pattern syntax of indicator packs into the literal phrases it stands for.
 *
 * <p>Syntax: words separated by spaces; {@code (a|b c|d)} is a group of alternatives, each of which
 * may be several words. Groups do not nest. Expansion is bounded by {@link #MAX_EXPANSIONS}.
 */
public final class LexiconPattern {
  /** Most literal phrases one pattern may expand to. */
  public static final int MAX_EXPANSIONS = 512;

  private LexiconPattern() {}

  /** Expands {@code pattern} into literal phrases (not yet normalised). */
  public static List<String> expand(String pattern) {
    if (pattern == null || pattern.isBlank()) throw new PatternSyntaxException("pattern is empty", -1);
    List<String> acc = new ArrayList<>();
    acc.add("");
    int i = 0;
    int n = pattern.length();
    StringBuilder lit = new StringBuilder();
    while (i < n) {
      char c = pattern.charAt(i);
      if (c == '(') {
        int close = pattern.indexOf(')', i + 1);
        if (close < 0) throw new PatternSyntaxException("unclosed '(' in pattern", i);
        String body = pattern.substring(i + 1, close);
        if (body.indexOf('(') >= 0) throw new PatternSyntaxException("groups of alternatives do not nest", i);
        String[] alts = body.split("\\|", -1);
        List<String> next = new ArrayList<>();
        for (String prefix : acc) {
          for (String alt : alts) {
            next.add(prefix + lit + alt);
            if (next.size() > MAX_EXPANSIONS) {
              throw new PatternSyntaxException("pattern expands to more than " + MAX_EXPANSIONS + " phrases", i);
            }
          }
        }
        acc = next;
        lit.setLength(0);
        i = close + 1;
      } else if (c == ')' || c == '|') {
        throw new PatternSyntaxException("'" + c + "' outside a group", i);
      } else {
        lit.append(c);
        i++;
      }
    }
    List<String> out = new ArrayList<>(acc.size());
    for (String prefix : acc) {
      String phrase = (prefix + lit).strip().replaceAll("\\s+", " ");
      if (phrase.isEmpty()) throw new PatternSyntaxException("pattern has an empty alternative", -1);
      out.add(phrase);
    }
    return out;
  }
}
