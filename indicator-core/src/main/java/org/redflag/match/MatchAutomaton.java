package org.redflag.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.redflag.text.AnalyzedText;

/**
 * Aho-Corasick automaton over normalised chars, compiled to a deterministic automaton with a dense
 * transition table: chars are first remapped to the classes that occur in some pattern (one
 * {@code char[65536]} read), then {@code row = next[row + class]}, where a table entry holds the target
 * state's row offset ({@code state * classes}, so no multiplication on the critical path) with the sign
 * bit set when that state has output. Failure links are resolved at build time, so a scan does exactly one
 * table step per char and then visits only the states that really have output (dictionary suffix links).
 * Work is {@code O(text length + matches reported)} for any input. Built once, then immutable and
 * thread-safe.
 *
 * <p>The dense scan runs {@value #CHAINS} independent chains over consecutive parts of a block of
 * text, interleaved in one loop: one chain's next step depends on its previous table read (a cache or
 * memory latency, not a computation), so four chains keep four reads in flight. A chain after the first
 * starts {@link #CHAIN_WARM_UP} chars (at most {@code longest pattern - 1}) before its part, without
 * reporting. An Aho-Corasick state is the longest pattern prefix that ends at the current char, so a
 * chain that has read {@code k} chars is in exactly the state a single pass would be in whenever that
 * state is no deeper than {@code k}: always once {@code k} reaches the longest pattern, and from its
 * part's first char on when the state before the part (where the previous chain ends) is no deeper than
 * the warm-up. After the block the scan checks that at each seam (states are numbered breadth-first,
 * so the check is one comparison) and, where it fails, scans the start of the part again from the
 * right state and replaces the chain's matches there. {@code MatchAutomatonProperties} checks the result
 * against a brute-force search with warm-ups from 0 chars up. Matches found are buffered per chain
 * and reported in text order once the block is done, so callers see the same matches in the same order
 * as from a single pass. Why: one chain is bound by the latency of dependent table reads (each step
 * needs the state the previous read gave), and independent chains let the CPU overlap those reads;
 * {@code MatchingPeersBenchmark.redflagScanOnly} measures it. More chains than four hold more state
 * than there are registers, and each chain adds a warm-up.
 *
 * <p>Why our own and not a library: the scan must read the {@link AnalyzedText} buffer directly,
 * apply per-pattern word-boundary rules that consult the pipeline's removed-boundary flags, and stay
 * allocation-free; the general libraries box matches into objects per hit.
 *
 * <p>When the dense table would exceed {@link #DENSE_LIMIT} entries (very large lexicons with many
 * distinct chars), the automaton keeps sorted sparse goto rows and failure links instead: still linear
 * (amortised at most two steps per char), somewhat slower per char.
 */
public final class MatchAutomaton {
  /** Most {@code int} entries of the dense table (64 MB). */
  static final long DENSE_LIMIT = 16L << 20;
  /** Most interleaved chains of the dense scan. */
  public static final int CHAINS = 4;
  /**
   * Chars a chain after the first reads before its part of a block (at most the longest pattern - 1).
   * Its state is right from its part's first char on whenever the state the previous chain ends in is
   * no deeper than this, which the scan checks after the block; else the first chars of the part are
   * scanned again from that state. Why: with warm-ups of longest - 1 (40 chars for the default packs)
   * they were a third of the steps of a 200 B advert; states deeper than 16 are rare in advert text.
   */
  static final int CHAIN_WARM_UP = 16;
  /** Chars per block of the dense scan: bounds the per-thread buffers (8 KB of chars, 2 x 16 KB of matches). */
  public static final int BLOCK = 4096;
  private static final int OUTPUT_BIT = 0x80000000;
  private static final int ROW_MASK = 0x7FFFFFFF;

  /** How overlapping candidates are reported. */
  public enum Mode {
    /** Every occurrence of every pattern that satisfies its boundary rule, in order of end. */
    OVERLAPPING,
    /**
     * Non-overlapping: the leftmost start wins, and among matches at that start the longest; reported in
     * order of start.
     */
    LEFTMOST_LONGEST
  }

  private final char[] classOf;   // char -> class (0: occurs in no pattern)
  private final int classes;
  private final int[] next;       // dense: row + class -> target row (state * classes) | OUTPUT_BIT; null when sparse
  private final int warmUp;       // chars a chain reads before its part of a block: min(longest - 1, CHAIN_WARM_UP)
  private final int fullWarmUp;   // longest pattern - 1: from this many chars on a chain's state is always right
  private final int shallowRows;  // row offsets below this are states of depth <= warmUp (states are breadth-first)
  // sparse form
  private final int[] rowStart;   // state -> first index in rowClass/rowTarget
  private final char[] rowClass;
  private final int[] rowTarget;
  private final int[] fail;
  // outputs
  private final int[] firstOut;   // state -> first state with own output on its suffix chain, or 0
  private final int[] dictLink;   // state -> next state with own output on the suffix chain, or 0
  private final long[] hasOutput; // sparse form only: bit per state, firstOut[state] != 0
  private final int[] outStart;   // state -> first index in outIds (outStart[state + 1] ends it)
  private final int[] outIds;
  private final int[] patternLength;
  private final byte[] boundary;  // Boundary ordinal per pattern
  /** Per pattern: bit k set when its char k stands for a repeated letter (see {@link AnalyzedText#repeated}); mostly 0. */
  private final long[] repeatMask;
  /**
   * Per entry of {@link #outIds}: whether the pattern before it in its state's list has the same
   * boundary rule and repeat marks. A state's own patterns all spell the same text, and packs register
   * one text for many entries (an inflected form shared by several phrases, a word in several packs), so
   * most of a list is accepted or rejected alike: {@link #emit} checks such a run once, and reports its
   * patterns in the same order as before.
   */
  private final boolean[] sameRuleAsPrevious;

  private static final ThreadLocal<int[][]> SCRATCH = ThreadLocal.withInitial(() -> new int[2][0]);

  private MatchAutomaton(Builder.Compiled c) {
    this.classOf = c.classOf;
    this.classes = c.classes;
    this.next = c.next;
    this.rowStart = c.rowStart;
    this.rowClass = c.rowClass;
    this.rowTarget = c.rowTarget;
    this.fail = c.fail;
    this.firstOut = c.firstOut;
    this.dictLink = c.dictLink;
    // the dense table carries the output bit in its entries; only the sparse form needs the bit set
    if (c.next == null) {
      this.hasOutput = new long[(c.firstOut.length + 63) >>> 6];
      for (int s = 0; s < c.firstOut.length; s++) if (c.firstOut[s] != 0) hasOutput[s >>> 6] |= 1L << s;
    } else {
      this.hasOutput = null;
    }
    this.outStart = c.outStart;
    this.outIds = c.outIds;
    this.patternLength = c.patternLength;
    this.boundary = c.boundary;
    this.repeatMask = c.repeatMask;
    this.sameRuleAsPrevious = new boolean[c.outIds.length];
    for (int st = 0; st + 1 < c.outStart.length; st++) {
      for (int j = c.outStart[st] + 1; j < c.outStart[st + 1]; j++) {
        int p = c.outIds[j];
        int q = c.outIds[j - 1];
        sameRuleAsPrevious[j] = c.boundary[p] == c.boundary[q] && c.repeatMask[p] == c.repeatMask[q]
            && c.patternLength[p] == c.patternLength[q];
      }
    }
    int longest = 1;
    for (int l : c.patternLength) longest = Math.max(longest, l);
    this.fullWarmUp = longest - 1;
    this.warmUp = Math.min(fullWarmUp, c.chainWarmUp);
    int shallow = 0;
    while (shallow < c.depth.length && c.depth[shallow] <= warmUp) shallow++;
    this.shallowRows = shallow * c.classes;
  }

  public static Builder builder() { return new Builder(); }

  public int patternCount() { return patternLength.length; }

  public int stateCount() { return firstOut.length; }

  /** Whether the automaton uses the dense transition table. */
  public boolean isDense() { return next != null; }

  /** Length of pattern {@code id} in normalised chars. */
  public int patternLength(int id) { return patternLength[id]; }

  /**
   * Most extra steps the dense scan's chains add per block of {@value #BLOCK} chars: their warm-ups
   * and the re-scans of part starts after a deep seam state, together at most longest pattern - 1 per chain.
   */
  public int maxWarmUpPerBlock() { return isDense() ? (CHAINS - 1) * fullWarmUp : 0; }

  /** {@link Mode#OVERLAPPING} scan; returns the work done (see {@link #scan(AnalyzedText, Mode, MatchSink)}). */
  public long scan(AnalyzedText text, MatchSink sink) { return scan(text, Mode.OVERLAPPING, sink); }

  /**
   * Scans the normalised text once and reports matches that satisfy their boundary rule. Returns the
   * work done in abstract units (automaton steps plus output states visited plus matches reported), for
   * tests that check linearity by counting rather than timing. The steps include the warm-up of the
   * dense scan's interleaved chains: at most {@link #maxWarmUpPerBlock()} per {@value #BLOCK} chars.
   */
  public long scan(AnalyzedText text, Mode mode, MatchSink sink) {
    if (mode == Mode.OVERLAPPING) return run(text, sink, null);
    int n = text.length();
    int[][] scratch = SCRATCH.get();
    if (scratch[0].length < n + 1) {
      scratch[0] = new int[Math.max(n + 1, scratch[0].length * 2)];
      scratch[1] = new int[scratch[0].length];
    }
    int[] bestEnd = scratch[0];
    int[] bestId = scratch[1];
    Arrays.fill(bestEnd, 0, n + 1, -1);
    long work = run(text, null, (id, s, e) -> {
      if (e > bestEnd[s]) {
        bestEnd[s] = e;
        bestId[s] = id;
      }
    });
    int lastEnd = 0;
    for (int s = 0; s < n; s++) {
      if (bestEnd[s] > 0 && s >= lastEnd) {
        sink.onMatch(bestId[s], s, bestEnd[s]);
        lastEnd = bestEnd[s];
        work++;
      }
    }
    return work + n;
  }

  private long run(AnalyzedText text, MatchSink sink, MatchSink collector) {
    MatchSink out = sink != null ? sink : collector;
    return next != null ? runDense(text, out) : runSparse(text, out);
  }

  /**
   * Dense scan, block by block. A block's chars are copied into a per-thread array, cut into
   * {@value #CHAINS} parts, one per chain, and the chains step in lockstep
   * {@code T = (len + 3 * warmUp) / 4} times: chain 0 takes {@code [0, T)} and continues from the state
   * the previous block ended in; chains 1 to 3 each start {@link #warmUp} chars before their part and
   * report nothing there, so their parts are {@code T - warmUp} long (part c starts at
   * {@code T + (c - 1) * (T - warmUp)}; the last also takes the few chars rounding leaves, alone). States
   * with output are recorded as (position, row) in the per-thread buffers at the chain's part of the block
   * and reported after the block, chain by chain, so in text order; before that, each seam whose state is
   * deeper than the warm-up gets the start of its part scanned again ({@link #rescanPartStart}). A block
   * shorter than {@code 2 * warmUp + 16} takes one chain.
   */
  private long runDense(AnalyzedText text, MatchSink out) {
    final int n = text.length();
    final int[] d = next;
    final char[] cls = classOf;
    final int w = warmUp;
    final Scratch scratch = SCRATCH_DENSE.get();
    final char[] buf = scratch.chars;
    final int[] pos = scratch.pos;
    final int[] rows = scratch.rows;
    final int[] h = scratch.hits;
    final int[] part = scratch.part;
    long work = n;
    int row = 0;
    for (int b0 = 0; b0 < n; b0 += BLOCK) {
      final int len = Math.min(BLOCK, n - b0);
      text.getChars(b0, b0 + len, buf, 0);
      int r0 = row;
      if (len < 2 * w + 16) {
        int h0 = 0;
        for (int i = 0; i < len; i++) {
          r0 = d[r0 + cls[buf[i]]];
          if (r0 < 0) {
            r0 &= ROW_MASK;
            pos[h0] = i;
            rows[h0++] = r0;
          }
        }
        row = r0;
        for (int j = 0; j < h0; j++) work += emit(text, rows[j] / classes, b0 + pos[j], out);
        continue;
      }
      final int steps = (len + (CHAINS - 1) * w) / CHAINS;
      // part c starts at part[c]; chain c reads from part[c] - w (chain 0 from 0)
      part[0] = 0;
      for (int c = 1; c < CHAINS; c++) part[c] = steps + (c - 1) * (steps - w);
      for (int c = 0; c < CHAINS; c++) h[c] = part[c];
      final int o1 = part[1] - w;
      final int o2 = part[2] - w;
      final int o3 = part[3] - w;
      int r1 = 0;
      int r2 = 0;
      int r3 = 0;
      for (int k = 0; k < steps; k++) {
        r0 = d[r0 + cls[buf[k]]];
        r1 = d[r1 + cls[buf[o1 + k]]];
        r2 = d[r2 + cls[buf[o2 + k]]];
        r3 = d[r3 + cls[buf[o3 + k]]];
        if ((r0 | r1 | r2 | r3) < 0) {
          // rare: a state with output in some chain (recorded unless the chain is still warming up)
          if (r0 < 0) { r0 &= ROW_MASK; record(pos, rows, h, 0, k, r0); }
          if (r1 < 0) { r1 &= ROW_MASK; if (k >= w) record(pos, rows, h, 1, o1 + k, r1); }
          if (r2 < 0) { r2 &= ROW_MASK; if (k >= w) record(pos, rows, h, 2, o2 + k, r2); }
          if (r3 < 0) { r3 &= ROW_MASK; if (k >= w) record(pos, rows, h, 3, o3 + k, r3); }
        }
      }
      work += (CHAINS - 1L) * w;
      // rare (none in the benchmark corpus at 200B and 1KB, one in 192 blocks at 10KB): a seam state
      // deeper than the warm-up; kept out of this method so that the loop above compiles as before
      if (r0 >= shallowRows || r1 >= shallowRows || r2 >= shallowRows) {
        final int[] e = scratch.ends;
        e[0] = r0;
        e[1] = r1;
        e[2] = r2;
        e[3] = r3;
        work += fixSeams(buf, scratch, o3 + steps);
        r3 = e[3];
      }
      for (int i = o3 + steps; i < len; i++) {
        r3 = d[r3 + cls[buf[i]]];
        if (r3 < 0) { r3 &= ROW_MASK; record(pos, rows, h, 3, i, r3); }
      }
      row = r3;
      // report chain by chain: chain c's hits are at [part[c], h[c])
      final int k = classes;
      for (int c = 0; c < CHAINS; c++) {
        for (int j = part[c], end = h[c]; j < end; j++) work += emit(text, rows[j] / k, b0 + pos[j], out);
      }
    }
    return work;
  }

  /**
   * The seams of one block, in order: chain c is right on its part when the state chain c - 1 ends in
   * ({@code scratch.ends}, right by induction) is no deeper than the warm-up; else the start of part c
   * is scanned again from that state. Updates the chains' end states; returns the extra steps.
   */
  private long fixSeams(char[] buf, Scratch scratch, int lockstepEnd) {
    final int[] e = scratch.ends;
    final int[] part = scratch.part;
    long work = 0;
    for (int c = 1; c < CHAINS; c++) {
      if (e[c - 1] >= shallowRows) {
        work += fullWarmUp - warmUp;
        e[c] = rescanPartStart(buf, scratch, c, c + 1 < CHAINS ? part[c + 1] : lockstepEnd, e[c - 1], e[c]);
      }
    }
    return work;
  }

  /**
   * Part {@code c} of the block in {@code buf} starts at {@code part[c]} and its lockstep scan ended
   * before {@code partEnd} in row {@code chainEnd}; the true state before the part is {@code trueRow},
   * deeper than the chain's warm-up, so the chain may have been in a shallower state (and missed
   * matches, never invented any) up to {@code part[c] - warmUp + fullWarmUp}, from where a chain is
   * always right. Scans that stretch again from {@code trueRow}, puts its matches in place of the
   * chain's there, and returns the row the part really ends in.
   */
  private int rescanPartStart(char[] buf, Scratch scratch, int c, int partEnd, int trueRow, int chainEnd) {
    final int[] d = next;
    final char[] cls = classOf;
    final int[] pos = scratch.pos;
    final int[] rows = scratch.rows;
    final int[] h = scratch.hits;
    final int from = scratch.part[c];
    final int to = Math.min(partEnd, from - warmUp + fullWarmUp);
    int drop = 0; // the chain's own matches before `to`
    while (from + drop < h[c] && pos[from + drop] < to) drop++;
    if (scratch.fixPos.length < to - from) {
      scratch.fixPos = new int[to - from];
      scratch.fixRows = new int[to - from];
    }
    int[] fixPos = scratch.fixPos;
    int[] fixRows = scratch.fixRows;
    int found = 0;
    int r = trueRow;
    for (int i = from; i < to; i++) {
      r = d[r + cls[buf[i]]];
      if (r < 0) {
        r &= ROW_MASK;
        fixPos[found] = i;
        fixRows[found++] = r;
      }
    }
    // the part has room for one match per char: keep the chain's later matches after the new ones
    int keep = h[c] - from - drop;
    System.arraycopy(pos, from + drop, pos, from + found, keep);
    System.arraycopy(rows, from + drop, rows, from + found, keep);
    System.arraycopy(fixPos, 0, pos, from, found);
    System.arraycopy(fixRows, 0, rows, from, found);
    h[c] = from + found + keep;
    return to == partEnd ? r : chainEnd;
  }

  private static void record(int[] pos, int[] rows, int[] h, int chain, int at, int row) {
    int j = h[chain]++;
    pos[j] = at;
    rows[j] = row;
  }

  /** Per-thread buffers of the dense scan: one block's chars, and the matches found in it per chain. */
  private static final class Scratch {
    final char[] chars = new char[BLOCK];
    final int[] pos = new int[BLOCK];
    final int[] rows = new int[BLOCK];
    final int[] hits = new int[CHAINS];
    final int[] part = new int[CHAINS];
    final int[] ends = new int[CHAINS]; // the chains' end states, while seams are fixed
    // matches of a part start scanned again (see rescanPartStart); grown to the longest pattern
    int[] fixPos = new int[64];
    int[] fixRows = new int[64];
  }

  private static final ThreadLocal<Scratch> SCRATCH_DENSE = ThreadLocal.withInitial(Scratch::new);

  /** Sparse form: goto rows and failure links, amortised at most two steps per char. */
  private long runSparse(AnalyzedText text, MatchSink out) {
    int n = text.length();
    long work = n;
    int state = 0;
    final char[] cls = classOf;
    final long[] has = hasOutput;
    for (int i = 0; i < n; i++) {
      int c = cls[text.charAt(i)];
      int t;
      while ((t = sparseNext(state, c)) < 0 && state != 0) {
        state = fail[state];
        work++;
      }
      state = t < 0 ? 0 : t;
      if ((has[state >>> 6] & (1L << state)) != 0) work += emit(text, state, i, out);
    }
    return work;
  }

  /** Reports the outputs of {@code state} (reached after char {@code i}); returns the work done. */
  private long emit(AnalyzedText text, int state, int i, MatchSink out) {
    long work = 0;
    int o = firstOut[state];
    while (o != 0) {
      work++;
      boolean accepted = false;
      for (int j = outStart[o], end = outStart[o + 1]; j < end; j++) {
        int p = outIds[j];
        int start = i + 1 - patternLength[p];
        if (!sameRuleAsPrevious[j]) accepted = accept(text, p, start, i + 1);
        if (accepted) {
          out.onMatch(p, start, i + 1);
          work++;
        }
      }
      o = dictLink[o];
    }
    return work;
  }

  private int sparseNext(int state, int c) {
    if (c == 0) return -1;
    int lo = rowStart[state];
    int hi = rowStart[state + 1] - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int v = rowClass[mid];
      if (v < c) lo = mid + 1;
      else if (v > c) hi = mid - 1;
      else return rowTarget[mid];
    }
    return -1;
  }

  private boolean accept(AnalyzedText text, int p, int start, int end) {
    return accepts(text, boundary[p], repeatMask[p], start, end);
  }

  /**
   * Whether a match of {@code [start, end)} satisfies a pattern's boundary rule and repeat marks, as
   * a scan decides before reporting it. Public for callers that register one pattern for several
   * rules (the least restrictive) and tell the rules apart themselves, from the match alone.
   */
  public static boolean accepts(AnalyzedText text, Boundary boundary, long repeatMask, int start, int end) {
    return accepts(text, (byte) boundary.ordinal(), repeatMask, start, end);
  }

  private static boolean accepts(AnalyzedText text, byte b, long repeats, int start, int end) {
    if (repeats != 0 && !repeatsMatch(text, repeats, start)) return false;
    if (b == BOUNDARY_NONE) return true;
    if (!text.boundaryBefore(start)) return false;
    return b == BOUNDARY_PREFIX || text.boundaryBefore(end);
  }

  /**
   * Elongation only adds letters: a char the pattern marks as a repeated letter ({@code boking} for
   * {@code booking}) must be a repeated letter in the text too, so {@code good} does not match {@code god}.
   */
  private static boolean repeatsMatch(AnalyzedText text, long repeats, int start) {
    for (long r = repeats; r != 0; r &= r - 1) {
      if (!text.repeated(start + Long.numberOfTrailingZeros(r))) return false;
    }
    return true;
  }

  private static final byte BOUNDARY_PREFIX = (byte) Boundary.PREFIX.ordinal();
  private static final byte BOUNDARY_NONE = (byte) Boundary.NONE.ordinal();

  public static final class Builder {
    private final List<String> phrases = new ArrayList<>();
    private final List<Boundary> boundaries = new ArrayList<>();
    private final List<Long> repeatMasks = new ArrayList<>();
    private long denseLimit = DENSE_LIMIT;

    private Builder() {}

    /** Largest dense table allowed; tests set 0 to exercise the sparse form. */
    Builder denseLimit(long entries) { this.denseLimit = entries; return this; }

    private int chainWarmUp = CHAIN_WARM_UP;

    /** The dense scan's chain warm-up ({@link #CHAIN_WARM_UP}); tests set short ones to exercise the seam re-scans. */
    Builder chainWarmUp(int chars) {
      if (chars < 0) throw new IllegalArgumentException("warm-up must not be negative");
      this.chainWarmUp = chars;
      return this;
    }

    /** Adds a normalised phrase and returns its pattern id (ids are dense, from 0). */
    public int add(String normalisedPhrase, Boundary boundary) { return add(normalisedPhrase, boundary, 0L); }

    /**
     * Adds a normalised phrase whose chars at the bits set in {@code repeatMask} (bit k: char k) stand for
     * repeated letters and match only such chars of the text ({@link AnalyzedText#repeated(int)}).
     */
    public int add(String normalisedPhrase, Boundary boundary, long repeatMask) {
      if (normalisedPhrase == null || normalisedPhrase.isEmpty()) {
        throw new PatternSyntaxException("phrase is empty after normalisation", -1);
      }
      if (boundary == null) throw new IllegalArgumentException("boundary is required");
      phrases.add(normalisedPhrase);
      if (normalisedPhrase.length() < 64 && repeatMask >>> normalisedPhrase.length() != 0) {
        throw new IllegalArgumentException("repeat mask beyond the phrase");
      }
      boundaries.add(boundary);
      repeatMasks.add(repeatMask);
      return phrases.size() - 1;
    }

    public MatchAutomaton build() { return new MatchAutomaton(compile()); }

    private static final class Compiled {
      char[] classOf;
      int classes;
      int[] next;
      int[] rowStart;
      char[] rowClass;
      int[] rowTarget;
      int[] fail;
      int[] firstOut;
      int[] dictLink;
      int[] outStart;
      int[] outIds;
      int[] patternLength;
      byte[] boundary;
      long[] repeatMask;
      int[] depth; // per state (breadth-first numbers: non-decreasing)
      int chainWarmUp;
    }

    private Compiled compile() {
      Compiled c = new Compiled();
      c.classOf = new char[0x10000];
      int classes = 1;
      for (String s : phrases) {
        for (int i = 0; i < s.length(); i++) {
          char ch = s.charAt(i);
          if (c.classOf[ch] == 0) {
            if (classes == 0xFFFF) throw new IllegalArgumentException("too many distinct chars in patterns");
            c.classOf[ch] = (char) classes++;
          }
        }
      }
      c.classes = classes;
      // trie with sparse rows kept in growable per-state lists during the build
      List<int[]> kids = new ArrayList<>(); // per state: pairs (class, target), grown
      List<int[]> kidCount = new ArrayList<>();
      List<List<Integer>> own = new ArrayList<>();
      kids.add(new int[4]);
      kidCount.add(new int[1]);
      own.add(new ArrayList<>());
      for (int p = 0; p < phrases.size(); p++) {
        String s = phrases.get(p);
        int state = 0;
        for (int i = 0; i < s.length(); i++) {
          int cl = c.classOf[s.charAt(i)];
          int t = child(kids.get(state), kidCount.get(state)[0], cl);
          if (t < 0) {
            t = kids.size();
            kids.add(new int[4]);
            kidCount.add(new int[1]);
            own.add(new ArrayList<>());
            int[] row = kids.get(state);
            int cnt = kidCount.get(state)[0];
            if (2 * cnt + 2 > row.length) {
              row = Arrays.copyOf(row, row.length * 2);
              kids.set(state, row);
            }
            row[2 * cnt] = cl;
            row[2 * cnt + 1] = t;
            kidCount.get(state)[0] = cnt + 1;
          }
          state = t;
        }
        own.get(state).add(p);
      }
      int states = kids.size();
      renumberBreadthFirst(kids, kidCount, own);
      int[] fail = new int[states];
      int[] dict = new int[states];
      int[] depth = new int[states];
      int[] order = new int[states];
      int head = 0;
      int tail = 0;
      order[tail++] = 0;
      boolean dense = (long) states * classes <= denseLimit;
      int[] delta = dense ? new int[states * classes] : null;
      while (head < tail) {
        int s = order[head++];
        int[] row = kids.get(s);
        int cnt = kidCount.get(s)[0];
        if (dense && s != 0) System.arraycopy(delta, fail[s] * classes, delta, s * classes, classes);
        for (int k = 0; k < cnt; k++) {
          int cl = row[2 * k];
          int t = row[2 * k + 1];
          if (s == 0) {
            fail[t] = 0;
          } else if (dense) {
            fail[t] = delta[fail[s] * classes + cl];
          } else {
            int f = fail[s];
            int ft;
            while ((ft = child(kids.get(f), kidCount.get(f)[0], cl)) < 0 && f != 0) f = fail[f];
            fail[t] = ft < 0 ? 0 : ft;
          }
          dict[t] = own.get(fail[t]).isEmpty() ? dict[fail[t]] : fail[t];
          depth[t] = depth[s] + 1;
          if (dense) delta[s * classes + cl] = t;
          order[tail++] = t;
        }
      }
      c.fail = fail;
      c.dictLink = dict;
      c.depth = depth;
      c.chainWarmUp = chainWarmUp;
      for (int st = 1; st < states; st++) {
        if (depth[st] < depth[st - 1]) throw new IllegalStateException("states are not in breadth-first order");
      }
      c.firstOut = new int[states];
      for (int s = 1; s < states; s++) c.firstOut[s] = own.get(s).isEmpty() ? dict[s] : s;
      c.outStart = new int[states + 1];
      int total = 0;
      for (int s = 0; s < states; s++) {
        c.outStart[s] = total;
        total += own.get(s).size();
      }
      c.outStart[states] = total;
      c.outIds = new int[total];
      for (int s = 0, i = 0; s < states; s++) for (int p : own.get(s)) c.outIds[i++] = p;
      if (dense) {
        // entries become the target's row offset, with the output bit: the scan's step is one read and one add
        for (int i = 0; i < delta.length; i++) {
          int t = delta[i];
          delta[i] = t * classes | (c.firstOut[t] != 0 ? OUTPUT_BIT : 0);
        }
        c.next = delta;
      }
      if (!dense) {
        c.rowStart = new int[states + 1];
        int edges = 0;
        for (int s = 0; s < states; s++) {
          c.rowStart[s] = edges;
          edges += kidCount.get(s)[0];
        }
        c.rowStart[states] = edges;
        c.rowClass = new char[edges];
        c.rowTarget = new int[edges];
        for (int s = 0; s < states; s++) {
          int[] row = kids.get(s);
          int cnt = kidCount.get(s)[0];
          long[] pairs = new long[cnt];
          for (int k = 0; k < cnt; k++) pairs[k] = ((long) row[2 * k] << 32) | row[2 * k + 1];
          Arrays.sort(pairs);
          for (int k = 0; k < cnt; k++) {
            c.rowClass[c.rowStart[s] + k] = (char) (pairs[k] >>> 32);
            c.rowTarget[c.rowStart[s] + k] = (int) pairs[k];
          }
        }
      }
      c.patternLength = phrases.stream().mapToInt(String::length).toArray();
      c.boundary = new byte[phrases.size()];
      for (int p = 0; p < c.boundary.length; p++) c.boundary[p] = (byte) boundaries.get(p).ordinal();
      c.repeatMask = repeatMasks.stream().mapToLong(Long::longValue).toArray();
      return c;
    }

    /**
     * Renumbers the trie's states in breadth-first order (the root stays 0). The states a scan visits
     * most, the shallow ones, then share the first rows of the dense table instead of being spread over
     * all of it in pattern order (why: cache misses dominated {@code MatchingPeersBenchmark.redflagScanOnly}).
     */
    private static void renumberBreadthFirst(List<int[]> kids, List<int[]> kidCount, List<List<Integer>> own) {
      int states = kids.size();
      int[] order = new int[states];
      int[] newId = new int[states];
      int head = 0;
      int tail = 1;
      while (head < tail) {
        int s = order[head++];
        int[] row = kids.get(s);
        for (int k = 0, cnt = kidCount.get(s)[0]; k < cnt; k++) {
          int t = row[2 * k + 1];
          newId[t] = tail;
          order[tail++] = t;
        }
      }
      List<int[]> newKids = new ArrayList<>(states);
      List<int[]> newCount = new ArrayList<>(states);
      List<List<Integer>> newOwn = new ArrayList<>(states);
      for (int n = 0; n < states; n++) {
        int old = order[n];
        int[] row = kids.get(old);
        for (int k = 0, cnt = kidCount.get(old)[0]; k < cnt; k++) row[2 * k + 1] = newId[row[2 * k + 1]];
        newKids.add(row);
        newCount.add(kidCount.get(old));
        newOwn.add(own.get(old));
      }
      kids.clear();
      kids.addAll(newKids);
      kidCount.clear();
      kidCount.addAll(newCount);
      own.clear();
      own.addAll(newOwn);
    }

    private static int child(int[] row, int cnt, int cl) {
      for (int k = 0; k < cnt; k++) if (row[2 * k] == cl) return row[2 * k + 1];
      return -1;
    }
  }
}
