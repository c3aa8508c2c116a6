package org.redflag.pack;

import java.util.Arrays;
import org.redflag.text.AnalyzedText;

/**
 * Negation by scope, not by distance: a cue cancels a match only when it governs it. The rule (also in
 * docs/packs.md, "Negation"): a cue of a pack opens a scope where it ends; the scope reaches on over
 * the words that follow it, in text order, as long as each is
 * <ul>
 *   <li>one of the pack's {@code through} words (articles, possessives, auxiliaries, coordinators:
 *       "don't <i>have a</i> manager"), or</li>
 *   <li>a match of an entry, which the scope then governs and which makes the scope a list of that
 *       entry's indicator: later matches are governed only while they are of the same indicator
 *       ("no agency <i>or</i> driver": both negated; "No drama 100% real": {@code drama} is neither, so
 *       the scope ends there and {@code 100% real} counts),</li>
 * </ul>
 * with nothing else between them but spaces (and, inside a list, commas: "no agency, driver or
 * manager"), at most {@code window} such words in all, and no clause break. A cue that lies inside the
 * match ("no days off") does not govern it.
 *
 * <p>Decided while the field's hits are read in order of end, in constant work per hit: one scope per
 * pack (a newer cue replaces it), per-thread arrays reset by stamps.
 */
final class NegationScope {
  /** Longest run of chars (spaces, commas) allowed between two words of a scope. */
  private static final int MAX_GAP = 3;

  private final int[] window; // per pack; 0: the pack has no negation

  NegationScope(int[] windowPerPack) { this.window = windowPerPack.clone(); }

  /** Per-thread state: one open scope per pack. */
  static final class State {
    private final int[] stamp;
    private final int[] cueEnd;
    private final int[] end;   // where the scope's covered words end
    private final int[] words; // words the scope has passed since its cue
    private final int[] kind;  // indicator number of the list it governs, -1 before the first match
    private int current;

    State(int packs) {
      stamp = new int[packs];
      cueEnd = new int[packs];
      end = new int[packs];
      words = new int[packs];
      kind = new int[packs];
    }

    /** Forgets every scope (a new field). */
    void reset() {
      if (++current == Integer.MAX_VALUE) {
        current = 1;
        Arrays.fill(stamp, 0);
      }
    }
  }

  State newState() { return new State(window.length); }

  /** A cue of pack {@code p} ends at {@code e}: its scope opens there. */
  void cue(State st, int p, int e) {
    if (window[p] == 0) return;
    st.stamp[p] = st.current;
    st.cueEnd[p] = e;
    st.end[p] = e;
    st.words[p] = 0;
    st.kind[p] = -1;
  }

  /** A {@code through} word of pack {@code p} at {@code [s, e)}: extends the scope when it follows it. */
  void through(State st, AnalyzedText src, int p, int s, int e) {
    if (reaches(st, src, p, s) && e > st.end[p]) {
      st.end[p] = e;
      st.words[p]++;
    }
  }

  /**
   * Whether pack {@code p}'s scope governs a match at {@code [s, e)} of an entry of indicator
   * {@code kind}; if so, the match joins the scope (a list of that indicator).
   */
  boolean governs(State st, AnalyzedText src, int p, int s, int e, int kind) {
    if (!reaches(st, src, p, s)) return false;
    if (st.kind[p] >= 0 && st.kind[p] != kind) return false;
    st.kind[p] = kind;
    if (e > st.end[p]) {
      st.end[p] = e;
      st.words[p]++;
    }
    return true;
  }

  /** Whether the open scope of pack {@code p} reaches a word starting at {@code s}. */
  private boolean reaches(State st, AnalyzedText src, int p, int s) {
    if (st.stamp[p] != st.current || s < st.cueEnd[p] || st.words[p] >= window[p]) return false;
    int from = st.end[p];
    if (s < from) return true; // overlaps what the scope covers ("my manager" after "my")
    if (s - from > MAX_GAP) return false;
    for (int i = from; i < s; i++) {
      char c = src.charAt(i);
      if (c == ' ' || (c == ',' && st.kind[p] >= 0)) continue;
      return false;
    }
    // a line break the pipeline removed between two letters ends the clause
    return s >= src.length() || !src.lineBreakBefore(s);
  }
}
