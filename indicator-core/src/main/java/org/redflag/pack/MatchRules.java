package org.redflag.pack;

import static org.redflag.pack.LexiconTables.ROLE_CUE;
import static org.redflag.pack.LexiconTables.ROLE_ENTRY;
import static org.redflag.pack.LexiconTables.ROLE_EXCLUDE;
import static org.redflag.pack.LexiconTables.ROLE_THROUGH;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.redflag.text.AnalyzedText;

/**
 * The rules that decide which entry matches of an advert survive, applied to the hits one field left
 * in a {@link LexiconScratch}: the advert's language (pack choice), exclusion phrases overlapping the
 * match, negation by scope ({@link NegationScope}), context gates; then leftmost-longest per entry.
 * Survivors become result rows, with their boost. Tag globs get the language and context rules.
 *
 * <p>Linear in the field's hits: exclusions are found by one forward and one backward sweep, negation
 * keeps one scope per pack. Immutable; all per-advert state is in the scratch.
 */
final class MatchRules {
  private final EntryTable entries;
  private final NegationScope negation;
  private final TagGlobs tagGlobs;

  MatchRules(EntryTable entries, NegationScope negation, TagGlobs tagGlobs) {
    this.entries = entries;
    this.negation = negation;
    this.tagGlobs = tagGlobs;
  }

  /**
   * Applies language, context, exclusion and negation to hits {@code [from, to)} of one field and
   * appends the survivors as rows of {@code kind}.
   *
   * @param anyOf the packs whose negation cues count for every match (the applicable ones when the
   *     advert's language is unknown), or null for each match's own pack only
   */
  void decide(AnalyzedText src, int kind, int from, int to, boolean[] applicable, boolean[] anyOf, LexiconScratch sc) {
    int[] hits = sc.hits;
    int count = to - from;
    if (sc.cancelled.length < count) sc.cancelled = new boolean[Math.max(count, sc.cancelled.length * 2)];
    boolean[] cancelled = sc.cancelled;
    Arrays.fill(cancelled, 0, count, false);
    excluded(hits, from, to, cancelled, sc);
    // negation by scope (NegationScope): cues open scopes, through words and governed matches extend them
    NegationScope.State scopes = sc.scopes;
    scopes.reset();
    int[] pack = entries.pack;
    int keptCount = 0; // kept matches as (entry, start, end) triples in sc.kept
    for (int h = from; h < to; h++) {
      int r = hits[h * 4];
      int t = hits[h * 4 + 1];
      int s = hits[h * 4 + 2];
      int e = hits[h * 4 + 3];
      if (r == ROLE_CUE) {
        negation.cue(scopes, t, e);
        continue;
      }
      if (r == ROLE_THROUGH) {
        negation.through(scopes, src, t, s, e);
        continue;
      }
      if (r != ROLE_ENTRY || !applicable[pack[t]]) continue;
      // an excluded or ungated match still stands in a coordinated list: decide its scope first
      boolean negated = negated(src, t, s, e, scopes, anyOf);
      if (cancelled[h - from] || negated) continue;
      if (entries.gatedOut(t, sc.presentContexts)) continue;
      sc.addKept(t, s, e, keptCount);
      keptCount++;
    }
    // leftmost-longest per entry: drop a match inside or overlapping an earlier, longer match of the same entry
    int[] kept = sortByStartThenLongest(sc.kept, keptCount);
    int lastStamp = sc.nextStamp();
    for (int k = 0; k < 3 * keptCount; k += 3) {
      int e = kept[k];
      if (sc.exclStamp[e] == lastStamp && kept[k + 1] < sc.exclEnd[e]) continue;
      sc.exclStamp[e] = lastStamp;
      sc.exclEnd[e] = kept[k + 2];
      int os = src.originalStart(kept[k + 1]);
      int oe = src.originalEnd(kept[k + 2]);
      int head = e | kind << LexiconMatches.KIND_SHIFT | (entries.boosted(e, sc.presentContexts) ? LexiconMatches.BOOST_BIT : 0);
      sc.addRow(head, os, oe);
    }
  }

  /**
   * Marks the entry hits of {@code [from, to)} that an exclusion phrase of their entry overlaps:
   * exclusions ending no later than the match in a forward sweep (hits are in order of end), those
   * ending later in a backward sweep.
   */
  private static void excluded(int[] hits, int from, int to, boolean[] cancelled, LexiconScratch sc) {
    sweep(hits, from, to, true, cancelled, sc);
    sweep(hits, from, to, false, cancelled, sc);
  }

  /**
   * One sweep for {@link #excluded}. Forward, an exclusion seen so far overlaps a match when the
   * furthest end among them passes the match's start; backward, when the earliest start comes before
   * the match's end. The backward case is the forward one on negated offsets, so one loop serves both:
   * the furthest reach of each entry's exclusions is kept in {@code sc.exclEnd}.
   */
  private static void sweep(int[] hits, int from, int to, boolean forward, boolean[] cancelled, LexiconScratch sc) {
    int step = forward ? 1 : -1;
    int reachAt = forward ? 3 : 2; // the exclusion's offset that reaches towards later matches
    int limitAt = forward ? 2 : 3; // the match's offset that the reach must pass
    int stamp = sc.nextStamp();
    for (int h = forward ? from : to - 1; h >= from && h < to; h += step) {
      int r = hits[h * 4];
      int t = hits[h * 4 + 1];
      if (r == ROLE_EXCLUDE) {
        int reach = step * hits[h * 4 + reachAt];
        if (sc.exclStamp[t] != stamp) {
          sc.exclStamp[t] = stamp;
          sc.exclEnd[t] = reach;
        } else {
          sc.exclEnd[t] = Math.max(sc.exclEnd[t], reach);
        }
      } else if (r == ROLE_ENTRY && sc.exclStamp[t] == stamp && sc.exclEnd[t] > step * hits[h * 4 + limitAt]) {
        cancelled[h - from] = true;
      }
    }
  }

  /**
   * Stable in-place insertion sort of {@code n} (entry, start, end) triples by start, then longest
   * first. Replaces a list of {@code int[]} sorted with a comparator (an array allocated per match).
   * Hits arrive in order of end, so starts are already ordered except among overlapping matches: few
   * moves per element.
   */
  private static int[] sortByStartThenLongest(int[] k, int n) {
    for (int i = 1; i < n; i++) {
      int t = k[3 * i], s = k[3 * i + 1], e = k[3 * i + 2];
      int j = i - 1;
      while (j >= 0 && (k[3 * j + 1] > s || (k[3 * j + 1] == s && k[3 * j + 2] < e))) {
        k[3 * j + 3] = k[3 * j];
        k[3 * j + 4] = k[3 * j + 1];
        k[3 * j + 5] = k[3 * j + 2];
        j--;
      }
      k[3 * j + 3] = t;
      k[3 * j + 4] = s;
      k[3 * j + 5] = e;
    }
    return k;
  }

  /**
   * A cue negates a match of an entry of its own pack that it governs. When the advert's language is
   * unknown every applicable pack is in play, so the cues of all of them count ({@code anyOf} non-null):
   * otherwise "not available 24/7" would be negated for the English entry and still fire the German one.
   * Every scope that governs the match takes it in (no short cut), so each stays a consistent list.
   */
  private boolean negated(AnalyzedText src, int e, int s, int end, NegationScope.State scopes, boolean[] anyOf) {
    int own = entries.pack[e];
    int kind = entries.indicator[e];
    boolean negated = negation.governs(scopes, src, own, s, end, kind);
    if (anyOf == null) return negated;
    for (int p = 0; p < anyOf.length; p++) {
      if (p != own && anyOf[p] && negation.governs(scopes, src, p, s, end, kind)) negated = true;
    }
    return negated;
  }

  /**
   * Appends a row for each (entry, tag) pair in which a glob of an applicable, not gated-out entry
   * matches the tag; by entry, then tag.
   */
  void tags(List<String> tags, boolean[] applicable, LexiconScratch sc) {
    if (tags.isEmpty()) return;
    BitSet present = sc.presentContexts;
    String[] norm = new String[tags.size()];
    for (int i = 0; i < norm.length; i++) norm[i] = TagGlobs.normalise(tags.get(i));
    for (int k = 0; k < tagGlobs.count(); k++) {
      int e = tagGlobs.entry(k);
      if (!applicable[entries.pack[e]] || entries.gatedOut(e, present)) continue;
      for (int i = 0; i < norm.length; i++) {
        if (tagGlobs.anyMatches(k, norm[i])) {
          sc.addRow(e | LexiconMatches.KIND_TAG << LexiconMatches.KIND_SHIFT
              | (entries.boosted(e, present) ? LexiconMatches.BOOST_BIT : 0), -1, i);
        }
      }
    }
  }
}
