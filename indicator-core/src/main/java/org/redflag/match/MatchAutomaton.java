package org.redflag.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redflag.text.AnalyzedText;

/**
 * Aho-Corasick automaton over normalised chars. Built once, then immutable and thread-safe; a scan
 * is linear in the text length plus the number of matches reported, for any input.
 */
public final class MatchAutomaton {
  private final Map<Character, Integer>[] next;
  private final int[] fail;
  private final int[][] outputs; // per state: pattern ids ending here (own and via fail links)
  private final int[] patternLength;
  private final Boundary[] boundary;

  private MatchAutomaton(Map<Character, Integer>[] next, int[] fail, int[][] outputs, int[] patternLength,
      Boundary[] boundary) {
    this.next = next;
    this.fail = fail;
    this.outputs = outputs;
    this.patternLength = patternLength;
    this.boundary = boundary;
  }

  public static Builder builder() { return new Builder(); }

  public int patternCount() { return patternLength.length; }

  /** Reports every occurrence (overlapping) of every pattern that satisfies its boundary rule. */
  public void scan(AnalyzedText text, MatchSink sink) {
    int state = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      Integer t;
      while ((t = next[state].get(c)) == null && state != 0) state = fail[state];
      state = t == null ? 0 : t;
      for (int p : outputs[state]) {
        int start = i + 1 - patternLength[p];
        if (accept(text, p, start, i + 1)) sink.onMatch(p, start, i + 1);
      }
    }
  }

  private boolean accept(AnalyzedText text, int p, int start, int end) {
    Boundary b = boundary[p];
    if (b == Boundary.NONE) return true;
    if (start > 0 && isWordChar(text.charAt(start - 1)) && isWordChar(text.charAt(start))) return false;
    if (b == Boundary.PREFIX) return true;
    return !(end < text.length() && isWordChar(text.charAt(end)) && isWordChar(text.charAt(end - 1)));
  }

  static boolean isWordChar(char c) { return Character.isLetterOrDigit(c); }

  public static final class Builder {
    private final List<String> phrases = new ArrayList<>();
    private final List<Boundary> boundaries = new ArrayList<>();

    /** Adds a normalised phrase and returns its pattern id (ids are dense, from 0). */
    public int add(String normalisedPhrase, Boundary boundary) {
      if (normalisedPhrase == null || normalisedPhrase.isEmpty()) {
        throw new PatternSyntaxException("phrase is empty after normalisation", -1);
      }
      phrases.add(normalisedPhrase);
      boundaries.add(boundary);
      return phrases.size() - 1;
    }

    @SuppressWarnings("unchecked")
    public MatchAutomaton build() {
      List<Map<Character, Integer>> next = new ArrayList<>();
      List<List<Integer>> out = new ArrayList<>();
      next.add(new HashMap<>());
      out.add(new ArrayList<>());
      for (int p = 0; p < phrases.size(); p++) {
        String s = phrases.get(p);
        int state = 0;
        for (int k = 0; k < s.length(); k++) {
          Integer t = next.get(state).get(s.charAt(k));
          if (t == null) {
            t = next.size();
            next.add(new HashMap<>());
            out.add(new ArrayList<>());
            next.get(state).put(s.charAt(k), t);
          }
          state = t;
        }
        out.get(state).add(p);
      }
      int[] fail = new int[next.size()];
      java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
      for (int t : next.get(0).values()) queue.add(t);
      while (!queue.isEmpty()) {
        int s = queue.poll();
        for (Map.Entry<Character, Integer> e : next.get(s).entrySet()) {
          int t = e.getValue();
          int f = fail[s];
          Integer ft;
          while ((ft = next.get(f).get(e.getKey())) == null && f != 0) f = fail[f];
          fail[t] = ft == null || ft == t ? 0 : ft;
          out.get(t).addAll(out.get(fail[t]));
          queue.add(t);
        }
      }
      int[][] outputs = new int[next.size()][];
      for (int s = 0; s < outputs.length; s++) outputs[s] = out.get(s).stream().mapToInt(Integer::intValue).toArray();
      int[] len = phrases.stream().mapToInt(String::length).toArray();
      return new MatchAutomaton(next.toArray(new Map[0]), fail, outputs, len, boundaries.toArray(new Boundary[0]));
    }
  }
}
