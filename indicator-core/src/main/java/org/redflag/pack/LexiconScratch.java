package org.redflag.pack;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;

/**
 * One thread's working memory for {@link CompiledLexicon#scan}, reused between adverts so a scan
 * allocates only its result: the raw hits of the fields, per-entry exclusion marks, negation scopes,
 * the kept matches and the result rows. Stamps avoid clearing per-entry arrays for every advert.
 *
 * <p>Held by the lexicon's one {@link ThreadLocal}; nothing here may reach the lexicon (see
 * {@link PhraseCollector}), or a long-lived thread would keep every lexicon it ever used.
 */
final class LexiconScratch {
  int[] hits = new int[256]; // (role, target, start, end) quadruples, in order of end per field
  int hitCount;
  private int stamp;
  final int[] exclStamp;
  final int[] exclEnd; // per entry: furthest reach of its exclusions in a sweep, or end of its last kept match
  final NegationScope.State scopes;
  boolean[] cancelled = new boolean[64];
  int[] kept = new int[3 * 64]; // (entry, start, end) triples of one field
  int[] rows = new int[3 * 64]; // the advert's surviving matches, in LexiconMatches' row layout
  int rowCount;
  final BitSet presentContexts;
  /** This thread's match sink (one object per thread, not a lambda per field). */
  final PhraseCollector collector;
  /**
   * The last language and category this thread scanned with, and what they resolved to: adverts of
   * one source carry the same few values, so most adverts reuse them instead of lower-casing the
   * strings and allocating the applicable-pack array on every advert. The cached array is never
   * written after it is made.
   */
  private String lastLanguage;
  private boolean[] lastApplicable;
  private String lastCategory;
  private int[] lastCategoryContexts;

  LexiconScratch(int entries, int slots, int contexts, NegationScope negation) {
    exclStamp = new int[entries];
    exclEnd = new int[entries];
    presentContexts = new BitSet(contexts);
    scopes = negation.newState();
    collector = new PhraseCollector(this, slots);
  }

  boolean[] applicablePacks(PackChoice choice, String language) {
    if (lastApplicable == null || !Objects.equals(language, lastLanguage)) {
      lastApplicable = choice.applicable(language);
      lastLanguage = language;
    }
    return lastApplicable;
  }

  /** The contexts that {@code category} (as given, or null) makes present, or null. */
  int[] categoryContexts(ContextTable contexts, String category) {
    if (category == null) return null;
    if (!category.equals(lastCategory)) {
      lastCategoryContexts = contexts.forCategory(category);
      lastCategory = category;
    }
    return lastCategoryContexts;
  }

  void addHit(int r, int t, int s, int e) {
    if (hitCount * 4 + 4 > hits.length) hits = Arrays.copyOf(hits, hits.length * 2);
    int i = hitCount * 4;
    hits[i] = r;
    hits[i + 1] = t;
    hits[i + 2] = s;
    hits[i + 3] = e;
    hitCount++;
  }

  void addKept(int t, int s, int e, int keptCount) {
    if (3 * keptCount + 3 > kept.length) kept = Arrays.copyOf(kept, kept.length * 2);
    kept[3 * keptCount] = t;
    kept[3 * keptCount + 1] = s;
    kept[3 * keptCount + 2] = e;
  }

  void addRow(int head, int start, int end) {
    if (3 * rowCount + 3 > rows.length) rows = Arrays.copyOf(rows, rows.length * 2);
    rows[3 * rowCount] = head;
    rows[3 * rowCount + 1] = start;
    rows[3 * rowCount + 2] = end;
    rowCount++;
  }

  /** A stamp not yet in {@link #exclStamp}. */
  int nextStamp() {
    if (++stamp == Integer.MAX_VALUE) {
      stamp = 1;
      Arrays.fill(exclStamp, 0);
    }
    return stamp;
  }
}
