package org.redflag.nlp;

import java.util.Arrays;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;

/**
 * Sentence starts from an OpenNLP sentence model, as {@code SentenceDetectorME.sentPosDetect} of
 * opennlp-tools 2.5 finds them with the model's default context generator ({@code
 * DefaultSDContextGenerator}: eos char, space before/after, the text before and after it in its token,
 * the previous and next space-delimited tokens, their capitalisation and the prefix length), but with
 * each feature written into one reusable buffer and looked up in {@link MaxentTable}, on the line in
 * place (no substring, no {@code StringBuffer} copy, no boxed positions).
 *
 * <p>why: NlpBenchmark.features at 10KB spent about a third of its time in {@code sentPosDetect}
 * (one {@code Character} per char in the eos scan, about ten new Strings and a {@code LinkedHashMap}
 * probe per candidate). {@code FastSentenceDetectorTest} checks it gives the same starts as
 * {@code SentenceDetectorME} on hand-written text. A candidate whose two outcomes are too close to call
 * (see {@link MaxentTable#decisiveArgmax}) sends the whole line to {@code SentenceDetectorME}.
 *
 * <p>Immutable and thread-safe; the reference detector is per thread.
 */
final class FastSentenceDetector {
  private final MaxentTable table;
  private final int split;
  private final char[] eos;
  private final boolean useTokenEnd;
  private final ThreadLocal<SentenceDetectorME> reference;
  private final ThreadLocal<Scratch> scratch;
  /** Features with no variable part, resolved once: "sp", "sn", "xcap"… and the prefix lengths "1".."63". */
  private final int sp, sn, xcap, vcap, scap, ncap;
  private final int[] eosFeature;
  private final int[] length = new int[64];
  /** ASCII eos chars as a table (the scan tests every char of the line). */
  private final boolean[] asciiEos = new boolean[128];

  private FastSentenceDetector(MaxentTable table, int split, char[] eos, boolean useTokenEnd,
      ThreadLocal<SentenceDetectorME> reference) {
    this.table = table;
    this.split = split;
    this.eos = eos;
    this.useTokenEnd = useTokenEnd;
    this.reference = reference;
    int n = table.numOutcomes();
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(n));
    sp = table.find("sp");
    sn = table.find("sn");
    xcap = table.find("xcap");
    vcap = table.find("vcap");
    scap = table.find("scap");
    ncap = table.find("ncap");
    eosFeature = new int[eos.length];
    for (int i = 0; i < eos.length; i++) {
      char c = eos[i];
      eosFeature[i] = table.find("eos=" + (c == '\n' ? "<LF>" : c == '\r' ? "<CR>" : String.valueOf(c)));
      if (c < 128) asciiEos[c] = true;
    }
    for (int i = 1; i < length.length; i++) length[i] = table.find(Integer.toString(i));
  }

  /**
   * The fast detector for {@code model}, or null when the model is not one it mimics exactly: a maxent
   * model with outcomes {@code s}/{@code n}, its own eos characters and no abbreviation dictionary
   * (the UD sentence models 1.3 are such).
   */
  static FastSentenceDetector of(SentenceModel model, ThreadLocal<SentenceDetectorME> reference) {
    MaxentTable table = MaxentTable.of(model.getMaxentModel());
    char[] eos = model.getEosCharacters();
    if (table == null || eos == null || eos.length == 0 || table.numOutcomes() != 2) return null;
    if (model.getAbbreviations() != null && !model.getAbbreviations().asStringSet().isEmpty()) return null;
    int split = table.outcomeIndex(SentenceDetectorME.SPLIT);
    if (split < 0 || table.outcomeIndex(SentenceDetectorME.NO_SPLIT) < 0) return null;
    return new FastSentenceDetector(table, split, eos.clone(), model.useTokenEnd(), reference);
  }

  /**
   * Adds to {@code out} the start offset (in {@code text}) of every sentence of the line
   * {@code text[from, to)}; adds nothing when the line has no sentence (white space only).
   */
  void sentenceStarts(String text, int from, int to, IntSink out) {
    sentenceStarts(eosFinder(text), text.toCharArray(), from, to, out);
  }

  /**
   * Finds the eos chars of one text for {@link #sentenceStarts(EosFinder, char[], int, int, IntSink)},
   * which must then be asked for its lines in text order.
   */
  EosFinder eosFinder(String text) { return new EosFinder(text, eos); }

  /**
   * The next eos char of a text at or after a position, by {@link String#indexOf(int, int)} per eos char
   * (a vectorised search) and the next occurrence of each kept: positions asked for must not decrease, and
   * each eos char's occurrences are searched once over the whole text, whatever its lines.
   * why: NlpBenchmark.assess at 10KB, the char-by-char eos scan was about 4% of the time.
   */
  static final class EosFinder {
    private final String text;
    private final char[] eos;
    /** Per eos char: its next occurrence at or after the last position asked, -1 for none, -2 not searched yet. */
    private final int[] next;

    private EosFinder(String text, char[] eos) {
      this.text = text;
      this.eos = eos;
      this.next = new int[eos.length];
      Arrays.fill(next, -2);
    }

    /** The first eos char in {@code [from, to)}, or -1. */
    int next(int from, int to) {
      int best = -1;
      for (int e = 0; e < eos.length; e++) {
        int p = next[e];
        if (p == -1) continue;
        if (p < from) next[e] = p = text.indexOf(eos[e], from);
        if (p >= 0 && p < to && (best < 0 || p < best)) best = p;
      }
      return best;
    }
  }

  /**
   * {@link #sentenceStarts(String, int, int, IntSink)} on a char copy of the text.
   *
   * @param finder the text's {@link #eosFinder}; lines of one text must come in text order
   */
  void sentenceStarts(EosFinder finder, char[] text, int from, int to, IntSink out) {
    Scratch s = scratch.get();
    s.positions.n = 0;
    int index = from;
    int last = -1;
    // Candidates are visited in text order, so the scan and the decision run in one pass.
    for (int cint = finder.next(from, to); cint >= 0; ) {
      int fws = firstWs(text, cint + 1, to);
      int following = finder.next(cint + 1, to);
      if (following >= 0 && following < fws) { cint = following; continue; }
      if (last >= 0 && cint < last) { cint = following; continue; }
      int decision = decide(s, text, from, to, cint);
      if (decision < 0) { referenceStarts(text, from, to, out); return; }
      if (decision == split) {
        if (index != cint) {
          last = useTokenEnd ? firstNonWs(text, firstWs(text, cint + 1, to), to) : firstNonWs(text, cint + 1, to);
          s.positions.add(last);
        }
        index = cint + 1;
      }
      cint = following;
    }
    int first = firstNonWs(text, from, to);
    int[] p = s.positions.a;
    int k = s.positions.n;
    if (k == 0) {
      int end = to;
      while (end > first && isWhitespace(text[end - 1])) end--;
      if (end > first) out.add(first);
      return;
    }
    // Spans [from, p0), [p0, p1) … trimmed, plus [p(k-1), to) when text is left after the last break.
    out.add(first);
    for (int i = 0; i + 1 < k; i++) out.add(p[i]);
    if (p[k - 1] != to) out.add(p[k - 1]);
  }

  private void referenceStarts(char[] text, int from, int to, IntSink out) {
    for (Span span : reference.get().sentPosDetect(new String(text, from, to - from))) out.add(from + span.getStart());
  }

  private boolean isEos(char c) {
    if (c < 128) return asciiEos[c];
    for (char e : eos) if (c == e) return true;
    return false;
  }

  /** The model's best outcome for the candidate at {@code p}, or -1 when too close to call. */
  private int decide(Scratch s, char[] text, int b, int e, int p) {
    double[] sums = s.sums;
    Arrays.fill(sums, 0.0);
    int lastIndex = e - 1;
    if (p > b && isWhitespace(text[p - 1])) table.add(sp, sums);
    if (p < lastIndex && isWhitespace(text[p + 1])) table.add(sn, sums);
    char c = text[p];
    for (int i = 0; i < eos.length; i++) {
      if (eos[i] == c) { table.add(eosFeature[i], sums); break; }
    }

    int prefixStart = previousSpaceIndex(text, b, p);
    for (int i = p - 1; i > prefixStart; i--) {
      if (isEos(text[i])) { prefixStart = i; break; }
    }
    int prevStart = previousSpaceIndex(text, b, prefixStart);
    int suffixEnd = nextSpaceIndex(text, e, p, lastIndex);
    for (int i = p + 1; i < suffixEnd; i++) {
      if (isEos(text[i])) { suffixEnd = i; break; }
    }
    int nextEnd = nextSpaceIndex(text, e, suffixEnd + 1, lastIndex + 1);

    // prefix: "x=" + trimmed text, its length and capitalisation
    int xs = trimStart(text, prefixStart, p), xe = trimEnd(text, xs, p);
    s.start("x=").append(text, xs, xe).add();
    if (xe > xs) {
      int n = xe - xs;
      if (n < length.length) table.add(length[n], sums);
      else s.start("").appendInt(n).add();
      if (Character.isUpperCase(text[xs])) table.add(xcap, sums);
    }
    int vs = trimStart(text, prevStart, prefixStart), ve = trimEnd(text, vs, prefixStart);
    s.start("v=").append(text, vs, ve).add();
    if (ve > vs && Character.isUpperCase(text[vs])) table.add(vcap, sums);
    int ss = 0, se = 0, ns = 0, ne = 0;
    if (p != lastIndex) {
      ss = trimStart(text, p + 1, suffixEnd);
      se = trimEnd(text, ss, suffixEnd);
      ns = trimStart(text, suffixEnd + 1, nextEnd);
      ne = trimEnd(text, ns, nextEnd);
    }
    s.start("s=").append(text, ss, se).add();
    if (se > ss && Character.isUpperCase(text[ss])) table.add(scap, sums);
    s.start("n=").append(text, ns, ne).add();
    if (ne > ns && Character.isUpperCase(text[ns])) table.add(ncap, sums);
    return MaxentTable.decisiveArgmax(sums, sums.length);
  }

  /** {@code String.trim} bounds: chars up to U+0020 are cut. */
  private static int trimStart(char[] text, int from, int to) {
    while (from < to && text[from] <= ' ') from++;
    return from;
  }

  private static int trimEnd(char[] text, int from, int to) {
    while (to > from && text[to - 1] <= ' ') to--;
    return to;
  }

  /** The context generator's previous-space search, on the line {@code [b, …)}. */
  private static int previousSpaceIndex(char[] text, int b, int seek) {
    seek--;
    while (seek > b && !isWhitespace(text[seek])) seek--;
    if (seek > b && isWhitespace(text[seek])) {
      while (seek > b && isWhitespace(text[seek - 1])) seek--;
      return seek;
    }
    return b;
  }

  /** The context generator's next-space search, on the line {@code […, e)}. */
  private static int nextSpaceIndex(char[] text, int e, int seek, int lastIndex) {
    seek++;
    while (seek < lastIndex) {
      if (isWhitespace(text[seek])) {
        while (e > seek + 1 && isWhitespace(text[seek + 1])) seek++;
        return seek;
      }
      seek++;
    }
    return lastIndex;
  }

  private static int firstWs(char[] text, int pos, int to) {
    while (pos < to && !isWhitespace(text[pos])) pos++;
    return pos;
  }

  private static int firstNonWs(char[] text, int pos, int to) {
    while (pos < to && isWhitespace(text[pos])) pos++;
    return pos;
  }

  /** OpenNLP's {@code StringUtil.isWhitespace}: Java white space or a space separator (no-break space). */
  static boolean isWhitespace(char c) {
    if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
    return Character.isWhitespace(c) || Character.getType(c) == Character.SPACE_SEPARATOR;
  }

  /** Receives offsets. */
  interface IntSink { void add(int value); }

  private static final class Positions {
    int[] a = new int[16];
    int n;

    void add(int v) {
      if (n == a.length) a = Arrays.copyOf(a, n * 2);
      a[n++] = v;
    }
  }

  /** Per-thread buffers: the feature being built, the activation sums and the break positions. */
  private final class Scratch {
    final double[] sums;
    final Positions positions = new Positions();
    char[] buf = new char[64];
    int len;

    Scratch(int outcomes) { sums = new double[outcomes]; }

    Scratch start(String prefix) {
      len = 0;
      return append(prefix, 0, prefix.length());
    }

    Scratch append(String s) { return append(s, 0, s.length()); }

    Scratch append(char[] s, int from, int to) {
      ensure(to - from);
      System.arraycopy(s, from, buf, len, to - from);
      len += to - from;
      return this;
    }

    Scratch append(String s, int from, int to) {
      ensure(to - from);
      s.getChars(from, to, buf, len);
      len += to - from;
      return this;
    }

    Scratch appendInt(int v) { return append(Integer.toString(v)); }

    private void ensure(int n) {
      if (len + n > buf.length) buf = Arrays.copyOf(buf, Math.max(2 * buf.length, len + n));
    }

    void add() { table.add(buf, len, sums); }
  }
}
