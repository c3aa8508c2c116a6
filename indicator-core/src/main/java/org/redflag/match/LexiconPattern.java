package org.redflag.match;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses the pattern syntax of indicator packs.
 *
 * <p>Syntax:
 * <ul>
 *   <li>words separated by spaces: a literal phrase ({@code text my manager});
 *   <li>{@code (a|b c|d)}: a group of alternatives, each of which may be several words; groups do not nest;
 *   <li>{@code {gap}} or {@code {gap:N}}: at most {@code N} arbitrary words (default {@value #DEFAULT_GAP},
 *       at most {@value #MAX_GAP}) between the phrase parts on either side ({@code ask {gap:2} manager}
 *       finds "ask the manager" and "ask my new manager"). A gap cannot start or end a pattern or sit
 *       inside a group.
 * </ul>
 * Expansion is bounded by {@link #MAX_EXPANSIONS}. Parsing runs on pack files at load time only.
 */
public final class LexiconPattern {
  /** Most literal phrases one pattern may expand to. */
  public static final int MAX_EXPANSIONS = 512;
  /** Words a bare {@code {gap}} allows. */
  public static final int DEFAULT_GAP = 3;
  /** Largest {@code N} in {@code {gap:N}}. */
  public static final int MAX_GAP = 8;
  /** Most gaps in one pattern. */
  public static final int MAX_GAPS = 4;

  private LexiconPattern() {}

  /**
   * One expansion of a pattern: literal parts (not yet normalised) joined by gaps;
   * {@code maxGapWords[i]} is the most words allowed between {@code parts[i]} and {@code parts[i + 1]}.
   */
  public record Phrase(List<String> parts, int[] maxGapWords) {
    public Phrase {
      parts = ImmutableList.copyOf(parts);
      maxGapWords = maxGapWords.clone();
      if (maxGapWords.length != parts.size() - 1) throw new IllegalArgumentException("one gap between each two parts");
    }

    @Override public int[] maxGapWords() { return maxGapWords.clone(); }

    public int maxGapWords(int i) { return maxGapWords[i]; }

    public boolean hasGaps() { return parts.size() > 1; }

    /** The phrase in pattern syntax, with gaps written {@code {gap:N}}. */
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder(parts.get(0));
      for (int i = 1; i < parts.size(); i++) sb.append(" {gap:").append(maxGapWords[i - 1]).append("} ").append(parts.get(i));
      return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Phrase p && p.parts.equals(parts) && Arrays.equals(p.maxGapWords, maxGapWords);
    }

    @Override
    public int hashCode() { return parts.hashCode() * 31 + Arrays.hashCode(maxGapWords); }
  }

  /**
   * Expands {@code pattern} into literal phrases (not yet normalised). A phrase with gaps is returned
   * in canonical form, parts joined by {@code {gap:N}}; use {@link #parse(String)} to get the parts.
   */
  public static List<String> expand(String pattern) {
    List<Phrase> phrases = parse(pattern);
    List<String> out = new ArrayList<>(phrases.size());
    for (Phrase p : phrases) out.add(p.toString());
    return out;
  }

  /** Parses {@code pattern} into its phrases; throws {@link PatternSyntaxException} saying where and why. */
  public static List<Phrase> parse(String pattern) {
    if (pattern == null || pattern.isBlank()) throw new PatternSyntaxException("pattern is empty", -1);
    // each expansion: finished parts plus the part being built
    List<List<String>> done = new ArrayList<>();
    List<String> current = new ArrayList<>();
    done.add(new ArrayList<>());
    current.add("");
    List<Integer> gaps = new ArrayList<>();
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
        if (body.indexOf('{') >= 0) throw new PatternSyntaxException("a {gap} cannot sit inside a group", i);
        String[] alts = body.split("\\|", -1);
        List<List<String>> nextDone = new ArrayList<>();
        List<String> nextCurrent = new ArrayList<>();
        for (int k = 0; k < current.size(); k++) {
          for (String alt : alts) {
            if (alt.isBlank()) throw new PatternSyntaxException("pattern has an empty alternative", i);
            nextDone.add(done.get(k));
            nextCurrent.add(current.get(k) + lit + alt);
            if (nextCurrent.size() > MAX_EXPANSIONS) {
              throw new PatternSyntaxException("pattern expands to more than " + MAX_EXPANSIONS + " phrases", i);
            }
          }
        }
        done = nextDone;
        current = nextCurrent;
        lit.setLength(0);
        i = close + 1;
      } else if (c == '{') {
        int close = pattern.indexOf('}', i + 1);
        if (close < 0) throw new PatternSyntaxException("unclosed '{' in pattern", i);
        gaps.add(gapWords(pattern.substring(i + 1, close), i));
        if (gaps.size() > MAX_GAPS) throw new PatternSyntaxException("a pattern has at most " + MAX_GAPS + " gaps", i);
        List<List<String>> nextDone = new ArrayList<>();
        for (int k = 0; k < current.size(); k++) {
          String part = clean(current.get(k) + lit);
          if (part.isEmpty()) throw new PatternSyntaxException("a {gap} needs words on both sides", i);
          List<String> d = new ArrayList<>(done.get(k));
          d.add(part);
          nextDone.add(d);
          current.set(k, "");
        }
        done = nextDone;
        lit.setLength(0);
        i = close + 1;
      } else if (c == ')' || c == '|' || c == '}') {
        throw new PatternSyntaxException("'" + c + "' outside a group", i);
      } else {
        lit.append(c);
        i++;
      }
    }
    int[] gapArray = gaps.stream().mapToInt(Integer::intValue).toArray();
    List<Phrase> out = new ArrayList<>(current.size());
    for (int k = 0; k < current.size(); k++) {
      String part = clean(current.get(k) + lit);
      if (part.isEmpty()) {
        throw new PatternSyntaxException(gaps.isEmpty() ? "pattern has an empty alternative" : "a {gap} needs words on both sides", -1);
      }
      List<String> parts = new ArrayList<>(done.get(k));
      parts.add(part);
      out.add(new Phrase(parts, gapArray));
    }
    return out;
  }

  private static int gapWords(String body, int at) {
    String b = body.strip();
    if (b.equals("gap")) return DEFAULT_GAP;
    if (b.startsWith("gap:")) {
      String num = b.substring(4).strip();
      if (!num.isEmpty() && num.length() <= 2 && num.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
        int v = Integer.parseInt(num);
        if (v >= 1 && v <= MAX_GAP) return v;
      }
      throw new PatternSyntaxException("{gap:N} needs a whole number N from 1 to " + MAX_GAP, at);
    }
    throw new PatternSyntaxException("unknown slot '{" + body + "}'; only {gap} and {gap:N} exist", at);
  }

  private static String clean(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        space = sb.length() > 0;
      } else {
        if (space) sb.append(' ');
        space = false;
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
