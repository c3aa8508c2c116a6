package org.redflag.link;

import com.dynatrace.hash4j.hashing.HashStream64;
import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import com.dynatrace.hash4j.similarity.ElementHashProvider;
import com.dynatrace.hash4j.similarity.MinHashVersion;
import com.dynatrace.hash4j.similarity.SimilarityHashPolicy;
import com.dynatrace.hash4j.similarity.SimilarityHasher;
import com.dynatrace.hash4j.similarity.SimilarityHashing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.redflag.identifier.IdentifierMention;
import org.redflag.text.AnalyzedText;
import org.redflag.text.TextPipeline;

/**
 * What template matching sees of one advert text: its words after the text pipeline (so {@code
 * n.e.w in t0wn} reads as {@code new in town}), with slots for what varies between re-posts of one
 * template (numbers, prices and ages as {@code {n}}; contact identifiers as {@code {contact}};
 * capitalised words inside a sentence, mostly names and places, as {@code {name}}), the hashes of its
 * word shingles, its MinHash signature and its LSH band keys.
 *
 * <p>Reproducible by definition, for other implementations (a Spark job) to compute the same
 * clusters: a shingle is {@value #SHINGLE} consecutive slotted words joined by one space; its hash is
 * Komihash 5.0 ({@code Hashing.komihash5_0()}, seed 0) of its UTF-16 chars ({@code hashCharsToLong}); the
 * signature is hash4j's MinHash {@code MinHashVersion.V1} with {@value #COMPONENTS} components of 64
 * bits, which seeds its generator from each element hash and nothing else; band {@code b} (0-based) of
 * {@value #BANDS} covers components {@code b*ROWS .. b*ROWS+ROWS-1} and its key is Komihash 5.0 of the
 * stream {@code putInt(b)} then {@code putLong} of each component. Texts with fewer than {@value
 * #MIN_SHINGLES} distinct shingles have no band keys: too short to call a template.
 */
public final class TemplateFeatures {
  public static final int SHINGLE = 3;
  public static final int COMPONENTS = 64;
  public static final int BANDS = 16;
  public static final int ROWS = COMPONENTS / BANDS;
  public static final int MIN_SHINGLES = 6;
  /** Words read per text: longer adverts are compared on their first words. */
  public static final int MAX_WORDS = 2_000;

  static final byte WORD = 0, NUMBER = 1, NAME = 2, CONTACT = 3;
  static final String[] SLOT = {null, "{n}", "{name}", "{contact}"};

  private static final Hasher64 HASH = Hashing.komihash5_0();
  private static final SimilarityHashPolicy POLICY = SimilarityHashing.minHash(COMPONENTS, 64, MinHashVersion.V1);
  private static final ThreadLocal<SimilarityHasher> MINHASH = ThreadLocal.withInitial(POLICY::createHasher);

  final String[] words;
  final byte[] kinds;
  final long[] shingles;

  private TemplateFeatures(String[] words, byte[] kinds, long[] shingles) {
    this.words = words;
    this.kinds = kinds;
    this.shingles = shingles;
  }

  /** Features of {@code text} (the advert text); {@code identifiers} with a null field mark contact spans in it. */
  public static TemplateFeatures of(String text, List<IdentifierMention> identifiers) {
    return of(TextPipeline.defaults().analyze(text), identifiers);
  }

  static TemplateFeatures of(AnalyzedText t, List<IdentifierMention> identifiers) {
    String original = t.original();
    int n = t.length();
    List<String> words = new ArrayList<>();
    List<Byte> kinds = new ArrayList<>();
    boolean sentenceStart = true;
    int i = 0;
    while (i < n && words.size() < MAX_WORDS) {
      char c = t.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        if (c == '.' || c == '!' || c == '?') sentenceStart = true;
        i++;
        continue;
      }
      int j = i + 1;
      while (j < n && !t.boundaryBefore(j) && Character.isLetterOrDigit(t.charAt(j))) j++;
      int os = t.originalStart(i), oe = t.originalEnd(j);
      byte kind = WORD;
      if (insideIdentifier(os, oe, identifiers)) kind = CONTACT;
      else if (hasDigit(t, i, j)) kind = NUMBER;
      else if (!sentenceStart && j - i > 1 && capitalised(original, os, oe)) kind = NAME;
      String w = new String(charsOf(t, i, j));
      // a contact written over several words ("anna (at) example (dot) com") is one slot
      if (kind == CONTACT && !kinds.isEmpty() && kinds.get(kinds.size() - 1) == CONTACT) {
        i = j;
        continue;
      }
      words.add(w);
      kinds.add(kind);
      sentenceStart = false;
      i = j;
    }
    String[] ws = words.toArray(new String[0]);
    byte[] ks = new byte[ws.length];
    for (int k = 0; k < ks.length; k++) ks[k] = kinds.get(k);
    return new TemplateFeatures(ws, ks, shingles(ws, ks));
  }

  private static char[] charsOf(AnalyzedText t, int from, int to) {
    char[] out = new char[to - from];
    t.getChars(from, to, out, 0);
    return out;
  }

  private static boolean hasDigit(AnalyzedText t, int from, int to) {
    for (int k = from; k < to; k++) if (Character.isDigit(t.charAt(k))) return true;
    return false;
  }

  /** Upper-case first letter followed by a lower-case one ("Anna", not "ANNA" or "I"). */
  private static boolean capitalised(String original, int os, int oe) {
    if (oe - os < 2) return false;
    return Character.isUpperCase(original.charAt(os)) && Character.isLowerCase(original.charAt(os + 1));
  }

  private static boolean insideIdentifier(int os, int oe, List<IdentifierMention> ids) {
    for (IdentifierMention m : ids) {
      if (m.field() == null && os < m.end() && oe > m.start()) return true;
    }
    return false;
  }

  /** The slotted form of word {@code k}. */
  String slotted(int k) { return kinds[k] == WORD ? words[k] : SLOT[kinds[k]]; }

  private static long[] shingles(String[] words, byte[] kinds) {
    int n = words.length;
    if (n == 0) return new long[0];
    int count = Math.max(1, n - SHINGLE + 1);
    long[] out = new long[count];
    StringBuilder sb = new StringBuilder();
    for (int s = 0; s < count; s++) {
      sb.setLength(0);
      for (int k = s; k < Math.min(n, s + SHINGLE); k++) {
        if (k > s) sb.append(' ');
        sb.append(kinds[k] == WORD ? words[k] : SLOT[kinds[k]]);
      }
      out[s] = HASH.hashCharsToLong(sb);
    }
    Arrays.sort(out);
    int u = 0;
    for (int k = 0; k < out.length; k++) if (k == 0 || out[k] != out[k - 1]) out[u++] = out[k];
    return Arrays.copyOf(out, u);
  }

  /** Number of distinct shingles. */
  public int shingleCount() { return shingles.length; }

  /** Whether the text is long enough to be matched as a template. */
  public boolean matchable() { return shingles.length >= MIN_SHINGLES; }

  /** The MinHash signature (hash4j's packed form), or null when not {@link #matchable()}. */
  public byte[] signature() {
    if (!matchable()) return null;
    long[] s = shingles;
    return MINHASH.get().compute(new ElementHashProvider() {
      @Override public long getElementHash(int i) { return s[i]; }
      @Override public int getNumberOfElements() { return s.length; }
    });
  }

  /** The {@value #BANDS} band keys, or an empty array when not {@link #matchable()}. */
  public long[] bandKeys() {
    byte[] sig = signature();
    if (sig == null) return new long[0];
    long[] keys = new long[BANDS];
    for (int b = 0; b < BANDS; b++) {
      HashStream64 h = HASH.hashStream();
      h.putInt(b);
      for (int r = 0; r < ROWS; r++) h.putLong(POLICY.getComponent(sig, b * ROWS + r));
      keys[b] = h.getAsLong();
    }
    return keys;
  }

  /** Exact Jaccard similarity of two sorted sets of shingle hashes (a linear merge). */
  public static double jaccard(long[] a, long[] b) {
    if (a.length == 0 && b.length == 0) return 1;
    int i = 0, j = 0, common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return (double) common / (a.length + b.length - common);
  }

  /**
   * {@link #jaccard} when it is at least {@code threshold}, else some value below {@code threshold}: the
   * merge stops as soon as the common elements left cannot reach {@code threshold} (J ≥ t exactly when
   * common ≥ t (|a| + |b|) / (1 + t)). Confirming a candidate needs only this, and most candidates of
   * an LSH lookup are far below the threshold.
   */
  static double jaccardAtLeast(long[] a, long[] b, double threshold) { return jaccardAtLeast(a, b, 0, b.length, threshold); }

  /** {@link #jaccardAtLeast(long[], long[], double)} with {@code b} the sorted set {@code pool[from .. from + nb)}. */
  static double jaccardAtLeast(long[] a, long[] pool, int from, int nb, double threshold) {
    int na = a.length;
    if (na == 0 && nb == 0) return 1;
    double need = threshold * (na + nb) / (1 + threshold) - 1e-9;
    if (Math.min(na, nb) < need) return -1;
    int i = 0, j = 0, common = 0;
    while (i < na && j < nb) {
      long x = a[i], y = pool[from + j];
      if (x == y) {
        common++;
        i++;
        j++;
      } else {
        if (x < y) i++; else j++;
        if (common + Math.min(na - i, nb - j) < need) return -1;
      }
    }
    return (double) common / (na + nb - common);
  }

  long[] shingleHashes() { return shingles; }
}
