package org.redflag.pack;

import java.util.Arrays;
import org.redflag.match.MatchAutomaton;
import org.redflag.match.MatchSink;
import org.redflag.text.AnalyzedText;

/**
 * Turns the automaton's raw matches of one field into hits in its {@link LexiconScratch}, in order of
 * end: a whole phrase is a hit at once; the parts of a gapped phrase are joined in text order, each
 * later part onto one of the last {@value #RING} pending chains of the part before it that ends at
 * most its gap of words earlier (phrases with the same first part share its chains: see
 * {@link LexiconTables}). The automaton holds each distinct text once; one raw match stands
 * for every meaning registered with that text (entry, phrase part, exclusion, context, cue), which
 * are walked in registration order with each meaning's own boundary and repeat rule checked here, so
 * the automaton reports each span once however many entries share its words. Constant work per
 * meaning, nothing allocated.
 *
 * <p>One per thread (in its scratch). The tables are set only during {@link #collect}: the scratch is
 * a {@link ThreadLocal} value, and a value that reached its lexicon (and so its own ThreadLocal key)
 * would keep every lexicon ever used on a long-lived thread from being collected.
 */
class PhraseCollector implements MatchSink {
  /** Pending partial chains kept per gapped phrase part. */
  static final int RING = 4;
  /**
   * A through word further than this many chars after the last cue of its field cannot be in a scope
   * (at most {@code window} words long): not kept as a hit. Most through words are common words far
   * from any cue.
   */
  static final int THROUGH_REACH = 160;

  private final LexiconScratch sc;
  // pending chains per ring slot (one slot per gapped phrase part after the first), valid while ringStamp is stamp
  private final int[] ringStamp;
  private final int[] ringCount;
  private final int[] ringStart;
  private final int[] ringEnd;
  private LexiconTables tables;
  private AnalyzedText src;
  private int[] readers = new int[64]; // later parts whose rings hold chains, for one match
  private int stamp;
  private int lastCueEnd;

  PhraseCollector(LexiconScratch sc, int slots) {
    this.sc = sc;
    ringStamp = new int[slots];
    ringCount = new int[slots];
    ringStart = new int[slots * RING];
    ringEnd = new int[slots * RING];
  }

  /**
   * Scans one field with {@code automaton} (whose pattern ids {@code tables} describes) and appends
   * its hits.
   */
  void collect(MatchAutomaton automaton, LexiconTables tables, AnalyzedText src) {
    this.tables = tables;
    this.src = src;
    if (++stamp == Integer.MAX_VALUE) {
      stamp = 1;
      Arrays.fill(ringStamp, 0);
    }
    lastCueEnd = Integer.MIN_VALUE / 2;
    try {
      automaton.scan(src, MatchAutomaton.Mode.OVERLAPPING, this);
    } finally {
      this.src = null; // keep no text or tables reachable from the thread
      this.tables = null;
    }
  }

  /**
   * A match of text {@code p}: each of its meanings whose own boundary rule and repeat marks accept
   * the match, in registration order. A rule the text was registered with needs no check (the
   * automaton applied it); in the common walk of direct meanings only, a run with one rule is checked
   * once. Later parts of gapped phrases
   * are walked only for the rings that hold chains in this field ({@link LaterParts}): a later part
   * whose ring is empty does nothing. Which rings hold chains is read before any meaning of this match
   * acts; a ring that this match fills holds only chains ending here, which no part starting here extends.
   */
  @Override
  public void onMatch(int p, int s, int e) {
    LaterParts lp = tables.laterParts;
    int waiting = 0;
    for (int j = lp.ringFirst[p], end = lp.ringFirst[p + 1]; j < end; j++) {
      if (ringStamp[lp.ring[j]] != stamp) continue;
      int from = lp.readerFirst[j], n = lp.readerFirst[j + 1] - from;
      if (waiting + n > readers.length) readers = Arrays.copyOf(readers, Math.max(2 * readers.length, waiting + n));
      System.arraycopy(lp.reader, from, readers, waiting, n);
      waiting += n;
    }
    if (waiting == 0) {
      boolean accepted = false;
      for (int i = lp.directFirst[p], end = lp.directFirst[p + 1]; i < end; i++) {
        int m = lp.direct[i];
        byte c = lp.directCheck[i];
        if (c != LexiconTables.SAME_RULE) accepted = c == LexiconTables.IMPLIED || accepts(m, s, e);
        if (accepted) meaning(m, s, e);
      }
      return;
    }
    // the readers of several rings, and the direct meanings, merged back into registration order
    Arrays.sort(readers, 0, waiting);
    int i = lp.directFirst[p], end = lp.directFirst[p + 1], k = 0;
    while (i < end || k < waiting) {
      int m = k == waiting || (i < end && lp.direct[i] < readers[k]) ? lp.direct[i++] : readers[k++];
      if (tables.check[m] == LexiconTables.IMPLIED || accepts(m, s, e)) meaning(m, s, e);
    }
  }

  private boolean accepts(int m, int s, int e) {
    LexiconTables l = tables;
    return MatchAutomaton.accepts(src, l.boundary[m], l.repeatMask[m], s, e);
  }

  /** An accepted match {@code [s, e)} of meaning {@code m}. */
  void meaning(int m, int s, int e) {
    LexiconScratch sc = this.sc;
    LexiconTables l = tables;
    int g = l.gapPhrase[m];
    if (g < 0) {
      int r = l.role[m];
      if (r == LexiconTables.ROLE_CUE) lastCueEnd = e;
      else if (r == LexiconTables.ROLE_THROUGH && s - lastCueEnd > THROUGH_REACH) return;
      sc.addHit(r, l.target[m], s, e);
      return;
    }
    int part = l.gapPart[m];
    int chainStart = s;
    if (part > 0) {
      int slot = l.chainSlot(g, part - 1);
      if (ringStamp[slot] != stamp) return;
      int max = l.gpMaxGap[g][part - 1];
      int found = -1;
      int count = ringCount[slot];
      for (int k = count - 1; k >= 0 && k >= count - RING; k--) {
        int idx = slot * RING + (k % RING);
        int pe = ringEnd[idx];
        if (pe <= s && src.fewerWordsThan(pe, s, max + 1)) {
          found = ringStart[idx];
          break;
        }
      }
      if (found < 0) return;
      chainStart = found;
    }
    if (part == l.gpParts[g] - 1) {
      sc.addHit(l.gpRole[g], l.gpTarget[g], chainStart, e);
      return;
    }
    int slot = l.chainSlot(g, part);
    if (ringStamp[slot] != stamp) {
      ringStamp[slot] = stamp;
      ringCount[slot] = 0;
    }
    int idx = slot * RING + (ringCount[slot] % RING);
    ringStart[idx] = chainStart;
    ringEnd[idx] = e;
    ringCount[slot]++;
  }
}
