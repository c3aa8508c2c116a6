package org.redflag.pack;

import java.util.AbstractList;
import java.util.BitSet;
import java.util.List;
import java.util.RandomAccess;
import org.redflag.pack.PackSet.ResolvedEntry;

/**
 * The surviving pack matches of one advert as returned by {@link CompiledLexicon#scan}: an immutable
 * {@code List<LexiconMatch>} stored as three ints per match (entry and field, start, end) rather than
 * one {@link LexiconMatch} and one surface string per match. {@link #get(int)} builds an equal
 * {@code LexiconMatch} on each call (elements are values: compare them with {@code equals}, not
 * {@code ==}); the primitive accessors ({@link #entry(int)}, {@link #weight(int)}, ...) read the
 * stored match without building one.
 *
 * <p>Why: match objects, their surface substrings and the lists holding them allocate in proportion
 * to the matches, although most callers only need an entry, a weight and a span.
 *
 * <p>{@link #forIndicator(String)} is the view of one indicator's matches, in the same order.
 * Instances are immutable and safe to share between threads.
 */
public final class LexiconMatches extends AbstractList<LexiconMatch> implements RandomAccess {
  // row layout in data: [entry | kind << KIND_SHIFT | boosted << BOOST_SHIFT, start, end]
  static final int ENTRY_MASK = (1 << 24) - 1;
  static final int KIND_SHIFT = 24;
  static final int KIND_TEXT = 0;
  static final int KIND_TITLE = 1;
  static final int KIND_TAG = 2; // start is -1 and end is the tag index
  static final int BOOST_BIT = 1 << 28;
  static final int FIRST_BIT = 1 << 29; // the first match of its entry in the advert

  /** No matches (no per-advert object for the usual indicator without matches). */
  static final LexiconMatches EMPTY = new LexiconMatches(null, "", null, List.of(), new int[0], null, 0);

  private final CompiledLexicon lexicon;
  private final String text;
  private final String title;
  private final List<String> tags;
  private final int[] data;
  private final int[] rows; // row numbers of this view, or null for rows 0..size-1
  private final int size;
  /**
   * Bit {@code k} set when a match's indicator has the lexicon's number {@code k} (numbers from 64 on
   * all set bit 63), so {@link #forIndicator} answers at once for the indicators without a match, most
   * of them: one walk over the matches per advert instead of one per lexicon indicator.
   */
  private final long indicators;
  /** The lexicon's numbers of the pack contexts present in the advert (see {@link #contextPresent}), or null for none. */
  private final BitSet contexts;

  LexiconMatches(CompiledLexicon lexicon, String text, String title, List<String> tags, int[] data, int[] rows, int size) {
    this(lexicon, text, title, tags, data, rows, size, null);
  }

  LexiconMatches(CompiledLexicon lexicon, String text, String title, List<String> tags, int[] data, int[] rows, int size,
      BitSet contexts) {
    this.contexts = contexts;
    this.lexicon = lexicon;
    this.text = text;
    this.title = title;
    this.tags = tags;
    this.data = data;
    this.rows = rows;
    this.size = size;
    long bits = 0;
    for (int i = 0; i < size; i++) bits |= indicatorBit(lexicon.indicatorIndex(data[row(i)] & ENTRY_MASK));
    this.indicators = bits;
  }

  private static long indicatorBit(int indicatorIndex) { return 1L << Math.min(indicatorIndex, 63); }

  private int row(int i) {
    if (i < 0 || i >= size) throw new IndexOutOfBoundsException("index " + i + ", size " + size);
    return 3 * (rows == null ? i : rows[i]);
  }

  @Override
  public int size() { return size; }

  /** Builds the match (a new, equal object on every call). */
  @Override
  public LexiconMatch get(int i) {
    int r = row(i);
    int head = data[r];
    int e = head & ENTRY_MASK;
    int kind = (head >>> KIND_SHIFT) & 3;
    double weight = lexicon.weight(e, (head & BOOST_BIT) != 0);
    ResolvedEntry entry = lexicon.resolved(e);
    if (kind == KIND_TAG) {
      int tag = data[r + 2];
      return new LexiconMatch(entry, "tags[" + tag + "]", -1, -1, tags.get(tag), weight);
    }
    String src = kind == KIND_TITLE ? title : text;
    int s = data[r + 1], end = data[r + 2];
    return new LexiconMatch(entry, kind == KIND_TITLE ? "title" : null, s, end, src.substring(s, end), weight);
  }

  /** The pack entry of match {@code i}. */
  public PackEntry entry(int i) { return lexicon.resolved(data[row(i)] & ENTRY_MASK).entry(); }

  /**
   * Whether match {@code i} is the first of its entry in this list (entry ids are unique within a
   * pack set, so this is also the first with its entry id). Constant time: marked during the scan.
   */
  public boolean firstOfEntry(int i) { return (data[row(i)] & FIRST_BIT) != 0; }

  /**
   * Whether two matches of different entries cover exactly the same span (the same field and offsets,
   * or the same tag): the case in which {@link org.redflag.indicator.NoisyOr} does not count both
   * entries as independent. Allocates nothing for up to {@value #PAIRWISE} matches (the usual case:
   * a handful per indicator); more are sorted by span.
   */
  public boolean sharesSpans() {
    if (size < 2) return false;
    if (size <= PAIRWISE) {
      for (int i = 1; i < size; i++) {
        int ri = row(i);
        for (int j = 0; j < i; j++) {
          int rj = row(j);
          if (sameSpanRows(ri, rj) && (data[ri] & ENTRY_MASK) != (data[rj] & ENTRY_MASK)) return true;
        }
      }
      return false;
    }
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) order[i] = row(i);
    java.util.Arrays.sort(order, (a, b) -> {
      int c = Integer.compare((data[a] >>> KIND_SHIFT) & 3, (data[b] >>> KIND_SHIFT) & 3);
      if (c == 0) c = Integer.compare(data[a + 1], data[b + 1]);
      return c != 0 ? c : Integer.compare(data[a + 2], data[b + 2]);
    });
    for (int k = 1; k < size; k++) {
      // equal spans are adjacent: a run of them has one entry if each neighbour has its predecessor's
      int a = order[k - 1], b = order[k];
      if (sameSpanRows(a, b) && (data[a] & ENTRY_MASK) != (data[b] & ENTRY_MASK)) return true;
    }
    return false;
  }

  private static final int PAIRWISE = 64;

  /** Whether matches {@code i} and {@code j} cover the same span (the same field and offsets, or the same tag). */
  public boolean sameSpan(int i, int j) { return sameSpanRows(row(i), row(j)); }

  /** Whether matches {@code i} and {@code j} are of the same pack entry. */
  public boolean sameEntry(int i, int j) { return ((data[row(i)] ^ data[row(j)]) & ENTRY_MASK) == 0; }

  /** Rows {@code a} and {@code b} (offsets into data) have the same field and offsets. */
  private boolean sameSpanRows(int a, int b) {
    return ((data[a] ^ data[b]) >>> KIND_SHIFT & 3) == 0 && data[a + 1] == data[b + 1] && data[a + 2] == data[b + 2];
  }

  /** The weight of match {@code i}, as {@link LexiconMatch#weight()}. */
  public double weight(int i) {
    int head = data[row(i)];
    return lexicon.weight(head & ENTRY_MASK, (head & BOOST_BIT) != 0);
  }

  /** The matches of one indicator (entries whose {@link PackEntry#indicator()} is {@code indicatorId}), in order. */
  public LexiconMatches forIndicator(String indicatorId) {
    if (size == 0) return EMPTY;
    // entries compared by the lexicon's number for their indicator, not by id string: every lexicon
    // indicator asks about every match, and an int comparison replaces a String.equals
    int want = lexicon.indicatorIndex(indicatorId);
    if (want < 0 || (indicators & indicatorBit(want)) == 0) return EMPTY;
    int count = 0;
    for (int i = 0; i < size; i++) if (lexicon.indicatorIndex(data[row(i)] & ENTRY_MASK) == want) count++;
    if (count == size) return this;
    if (count == 0) return EMPTY;
    int[] sel = new int[count];
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (lexicon.indicatorIndex(data[row(i)] & ENTRY_MASK) == want) sel[n++] = rows == null ? i : rows[i];
    }
    return new LexiconMatches(lexicon, text, title, tags, data, sel, count, contexts);
  }

  /**
   * Whether the pack context {@code name} (declared under {@code "contexts"} in a pack, e.g.
   * {@code adult-services}) was present in the scanned advert: its category is one of the context's
   * categories, or one of its terms occurs in the text or title. Contexts that no entry of the loaded
   * packs uses are not evaluated and answer false. Lets indicators with Java logic use the same gates
   * as pack entries.
   */
  public boolean contextPresent(String name) {
    return contexts != null && lexicon.anyContext(name, contexts);
  }
}
