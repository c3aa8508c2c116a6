package org.redflag.nlp;

import java.util.Arrays;
import java.util.List;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;

/**
 * Greedy (beam 1) POS tagging with an OpenNLP maxent POS model whose feature generator is OpenNLP's
 * default POS configuration ({@code def}, suffixes and prefixes up to 4 chars, the lower-cased words of
 * a ±2 window, sentence-begin in a ±2 window, token class, word and class, previous tag and tag pair).
 * It writes each feature into one reusable buffer and probes {@link MaxentTable}, instead of building
 * a {@code String} per feature through {@code ConfigurablePOSContextGenerator} and {@code BeamSearch}.
 *
 * <p>why: NlpBenchmark.features spent about 150 µs per advert (4 µs per token, 40 tokens) in
 * {@code POSTaggerME.tag}, most of it allocating and hashing feature strings; this path gives the same
 * tags (checked against {@code POSTaggerME} by {@code GreedyPosTaggerTest}) in a fraction of that.
 * When two tags are too close to call after the sum (see {@link MaxentTable#decisiveArgmax}) the
 * sentence is tagged by {@code POSTaggerME} itself, so ties are broken exactly as OpenNLP does.
 *
 * <p>Immutable and thread-safe; the reference tagger is per thread.
 */
final class GreedyPosTagger {
  private static final int MAX_AFFIX = 4;
  private final MaxentTable table;
  private final ThreadLocal<POSTaggerME> reference;
  private final ThreadLocal<Scratch> scratch;
  /**
   * Features with no variable part, resolved once as weight rows (see {@link TokenFeatures#asPrevious1}
   * for why rows; null when the model does not know the feature): "def", sentence begin, previous tag
   * (pair). They are added for every token, and their (outcome, weight) pairs had mostly left the caches
   * between adverts (NlpBenchmark.assess profile: a third of the tagging time).
   */
  private final double[] def, begin, begin1, begin2;
  private final double[][] previousTag;
  private final double[][] previousTags;
  /** Rows made so far, by feature slot (see {@link #row}). */
  private final java.util.concurrent.atomic.AtomicReferenceArray<double[]> rows;
  private final java.util.Map<String, Integer> tokenClass = new java.util.HashMap<>();
  /** {@code irregular[a * numTags + b]}: "a b" is in {@link NlpFeatureExtractor#IRREGULAR_BIGRAMS}. */
  private final boolean[] irregular;

  private GreedyPosTagger(MaxentTable table, ThreadLocal<POSTaggerME> reference) {
    this.table = table;
    this.reference = reference;
    int n = table.numOutcomes();
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(n));
    this.rows = new java.util.concurrent.atomic.AtomicReferenceArray<>(table.slotCount());
    def = row(table.find("def"));
    begin = row(table.find("S=begin"));
    begin1 = row(table.find("p1S=begin"));
    begin2 = row(table.find("p2S=begin"));
    previousTag = new double[n][];
    previousTags = new double[n * n][];
    for (int a = 0; a < n; a++) {
      previousTag[a] = row(table.find("t=" + table.outcome(a)));
      for (int b = 0; b < n; b++) previousTags[a * n + b] = row(table.find("t2=" + table.outcome(a) + "," + table.outcome(b)));
    }
    for (String c : List.of("jah", "jak", "lc", "2d", "4d", "an", "dd", "ds", "dc", "dp", "num", "sc", "ac", "cp", "ic", "other")) {
      tokenClass.put(c, table.find("wc=" + c));
    }
    this.irregular = new boolean[n * n];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        irregular[a * n + b] = NlpFeatureExtractor.IRREGULAR_BIGRAMS.contains(table.outcome(a) + ' ' + table.outcome(b));
      }
    }
  }

  /** Whether the tag pair (by index) is one of {@link NlpFeatureExtractor#IRREGULAR_BIGRAMS}. */
  boolean isIrregular(int first, int second) { return irregular[first * table.numOutcomes() + second]; }

  /**
   * The fast tagger for {@code model} as loaded (its {@code generator.featuregen} descriptor is checked;
   * {@link NlpModels#greedy} copies drop the artifact), or null when the model is not a maxent model with OpenNLP's
   * default POS feature generator (then only {@code POSTaggerME} can tag with it).
   */
  static GreedyPosTagger of(POSModel model, ThreadLocal<POSTaggerME> reference) {
    MaxentTable table = MaxentTable.of(model.getArtifact("pos.model"));
    if (table == null || !hasDefaultFeatureGenerator(model)) return null;
    return new GreedyPosTagger(table, reference);
  }

  private static boolean hasDefaultFeatureGenerator(POSModel model) {
    Object descriptor = model.getArtifact("generator.featuregen");
    if (!(descriptor instanceof byte[] xml)) return false;
    String s = new String(xml, java.nio.charset.StandardCharsets.UTF_8);
    // The configuration the 1.3 UD models ship (see the class comment); anything else: not ours to mimic.
    return s.contains("DefinitionFeatureGeneratorFactory") && s.contains("SuffixFeatureGeneratorFactory")
        && s.contains("PrefixFeatureGeneratorFactory") && s.contains("TokenFeatureGeneratorFactory")
        && s.contains("SentenceFeatureGeneratorFactory") && s.contains("TokenClassFeatureGeneratorFactory")
        && s.contains("PosTaggerFeatureGeneratorFactory")
        && count(s, "<generator ") == 9 && count(s, "<int name=\"prevLength\">2</int>") == 2
        && count(s, "<int name=\"nextLength\">2</int>") == 2 && s.contains("<bool name=\"begin\">true</bool>")
        && s.contains("<bool name=\"end\">false</bool>");
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
    return n;
  }

  int numTags() { return table.numOutcomes(); }

  /** Index of a tag name in {@link #tag}'s output, or -1 when the model has no such tag. */
  int tagIndex(String tag) { return table.outcomeIndex(tag); }

  String tagName(int index) { return table.outcome(index); }

  /** Tag indices for one sentence. */
  int[] tag(String[] tokens) {
    int n = tokens.length;
    int[] tags = new int[n];
    if (n == 0) return tags;
    Scratch s = scratch.get();
    TokenFeatures[] f = s.resolve(tokens);
    double[] sums = s.sums;
    int outcomes = table.numOutcomes();
    for (int i = 0; i < n; i++) {
      Arrays.fill(sums, 0.0);
      addRow(def, sums);
      TokenFeatures own = f[i];
      double[] row = own.ownRow;
      for (int k = 0; k < row.length; k++) sums[k] += row[k];
      if (i >= 1) addRow(f[i - 1].asPrevious1, sums);
      if (i >= 2) addRow(f[i - 2].asPrevious2, sums);
      if (i + 1 < n) addRow(f[i + 1].asNext1, sums);
      if (i + 2 < n) addRow(f[i + 2].asNext2, sums);
      if (i == 0) addRow(begin, sums);
      if (i == 1) addRow(begin1, sums);
      if (i == 2) addRow(begin2, sums);
      if (i >= 1) addRow(previousTag[tags[i - 1]], sums);
      if (i >= 2) addRow(previousTags[tags[i - 2] * outcomes + tags[i - 1]], sums);
      int best = MaxentTable.decisiveArgmax(sums, sums.length);
      if (best < 0) return referenceTags(tokens);
      tags[i] = best;
    }
    return tags;
  }

  private static void addRow(double[] row, double[] sums) {
    if (row == null) return;
    for (int k = 0; k < row.length; k++) sums[k] += row[k];
  }

  private int[] referenceTags(String[] tokens) {
    String[] names = reference.get().tag(tokens);
    int[] tags = new int[names.length];
    for (int i = 0; i < names.length; i++) tags[i] = table.outcomeIndex(names[i]);
    return tags;
  }

  /**
   * The table slots of the features that depend on one token alone, wherever it stands: its suffixes,
   * prefixes, word, class and word-and-class, and its word as seen from the next tokens ({@code p1w=},
   * {@code p2w=}) and the previous ones ({@code n1w=}, {@code n2w=}).
   */
  static final class TokenFeatures {
    String token;
    int[] own;
    /** The weights of {@link #own} summed per tag once: one vector addition per use instead of a scatter per feature. */
    double[] ownRow;
    /**
     * The weights of the token's word as seen from its neighbours, one per tag (+0.0 where the model has
     * none), or null when the model does not know the feature. Adding +0.0 leaves a sum as it was (the
     * sums start at +0.0), so this is the scatter of the model's own (outcome, weight) pairs. why: those
     * pairs lie all over the POS model's arrays (about 4 MB for the English model), so every use read
     * scattered memory, while a row is one contiguous read. Shared by feature (see {@link #row}).
     */
    double[] asPrevious1, asPrevious2, asNext1, asNext2;
  }

  /**
   * Feature {@code slot}'s weights as a row per tag, or null when the slot is -1 (unknown feature). One
   * row per feature, made on first use and shared by all threads (a row is never written after it is
   * published), so the token memories of many threads hold references, not copies: rows exist at most
   * once per feature of the model.
   */
  private double[] row(int slot) {
    if (slot < 0) return null;
    double[] row = rows.get(slot);
    if (row == null) {
      row = new double[table.numOutcomes()];
      table.add(slot, row);
      if (!rows.compareAndSet(slot, null, row)) row = rows.get(slot); // another thread made it first
    }
    return row;
  }

  private void resolve(Scratch s, String w, TokenFeatures f) {
    int len = w.length();
    int affixes = Math.min(MAX_AFFIX, len);
    String lower = lowerCase(w);
    String wc = tokenClass(w);
    int[] own = new int[2 * affixes + 3];
    int k = 0;
    for (int j = 1; j <= affixes; j++) own[k++] = s.start("suf=").append(w, len - j, len).find();
    for (int j = 1; j <= affixes; j++) own[k++] = s.start("pre=").append(w, 0, j).find();
    own[k++] = s.start("w=").append(lower).find();
    own[k++] = tokenClass.getOrDefault(wc, -1);
    own[k++] = s.start("w&c=").append(lower).append(",").append(wc).find();
    f.own = own;
    double[] row = new double[table.numOutcomes()];
    for (int slot : own) table.add(slot, row);
    f.ownRow = row;
    f.asPrevious1 = row(s.start("p1w=").append(lower).find());
    f.asPrevious2 = row(s.start("p2w=").append(lower).find());
    f.asNext1 = row(s.start("n1w=").append(lower).find());
    f.asNext2 = row(s.start("n2w=").append(lower).find());
    f.token = w;
  }

  private static final int INITIAL_CAP = 1, ALL_CAP = 2, ALL_LOWER = 4, ALL_HIRAGANA = 32, ALL_KATAKANA = 64,
      PERIOD = 128, COMMA = 256, SLASH = 512, DIGIT = 1024, HYPHEN = 2048, LETTER = 4096;

  /**
   * OpenNLP's token class ({@code FeatureGeneratorUtil.tokenFeature} over {@code StringPattern}, as in
   * opennlp-tools 2.5), computed without its regular expression ({@code ^[A-ZÄÖÜ]\\.$} is a
   * two-char test here). Char by char like the original, including its script rules: Latin and most
   * Common chars clear the Hiragana/Katakana flags, other scripts (Cyrillic…) leave them set.
   */
  static String tokenClass(String token) {
    int pattern = ALL_CAP | ALL_LOWER | ALL_HIRAGANA | ALL_KATAKANA;
    int digits = 0;
    for (int i = 0; i < token.length(); i++) {
      char ch = token.charAt(i);
      int type = Character.getType(ch);
      boolean letter = type == Character.UPPERCASE_LETTER || type == Character.LOWERCASE_LETTER
          || type == Character.TITLECASE_LETTER || type == Character.MODIFIER_LETTER || type == Character.OTHER_LETTER;
      if (letter) {
        pattern |= LETTER;
        if (type == Character.UPPERCASE_LETTER) {
          if (i == 0) pattern |= INITIAL_CAP;
          pattern &= ~ALL_LOWER;
        } else {
          pattern &= ~ALL_CAP;
        }
      } else {
        pattern &= ~(ALL_CAP | ALL_LOWER);
        if (type == Character.DECIMAL_DIGIT_NUMBER) {
          pattern |= DIGIT;
          pattern &= ~(ALL_HIRAGANA | ALL_KATAKANA);
          digits++;
        }
        switch (ch) {
          case ',': pattern |= COMMA; break;
          case '-': pattern |= HYPHEN; break;
          case '.': pattern |= PERIOD; break;
          case '/': pattern |= SLASH; break;
          default: break;
        }
      }
      Character.UnicodeScript script = ch >= 0x80 ? Character.UnicodeScript.of(token.codePointAt(i))
          : (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z' ? Character.UnicodeScript.LATIN : Character.UnicodeScript.COMMON;
      if (script == Character.UnicodeScript.COMMON) {
        if (ch != '\u30FB' && ch != '\u30FC' && ch != '\u301C') pattern &= ~(ALL_HIRAGANA | ALL_KATAKANA);
      } else if (script == Character.UnicodeScript.LATIN) {
        pattern &= ~(ALL_HIRAGANA | ALL_KATAKANA);
      } else if (script == Character.UnicodeScript.HAN) {
        pattern &= ~(ALL_HIRAGANA | ALL_KATAKANA | ALL_LOWER);
      } else if (script == Character.UnicodeScript.HIRAGANA) {
        pattern &= ~(ALL_KATAKANA | ALL_LOWER);
      } else if (script == Character.UnicodeScript.KATAKANA) {
        pattern &= ~(ALL_HIRAGANA | ALL_LOWER);
      }
    }
    if ((pattern & ALL_HIRAGANA) != 0) return "jah";
    if ((pattern & ALL_KATAKANA) != 0) return "jak";
    if ((pattern & ALL_LOWER) != 0) return "lc";
    if (digits == 2) return "2d";
    if (digits == 4) return "4d";
    if ((pattern & DIGIT) != 0) {
      if ((pattern & LETTER) != 0) return "an";
      if ((pattern & HYPHEN) != 0) return "dd";
      if ((pattern & SLASH) != 0) return "ds";
      if ((pattern & COMMA) != 0) return "dc";
      if ((pattern & PERIOD) != 0) return "dp";
      return "num";
    }
    if ((pattern & ALL_CAP) != 0) return token.length() == 1 ? "sc" : "ac";
    if (token.length() == 2 && token.charAt(1) == '.') {
      char c = token.charAt(0);
      if ((c >= 'A' && c <= 'Z') || c == '\u00C4' || c == '\u00D6' || c == '\u00DC') return "cp";
    }
    if ((pattern & INITIAL_CAP) != 0) return "ic";
    return "other";
  }

  /** OpenNLP's {@code StringUtil.toLowerCase}: code point by code point. */
  static String lowerCase(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80 || (c >= 'A' && c <= 'Z')) return lowerCaseSlow(s);
    }
    return s;
  }

  private static String lowerCaseSlow(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      b.appendCodePoint(Character.toLowerCase(cp));
      i += Character.charCount(cp);
    }
    return b.toString();
  }

  /**
   * Tokens remembered per thread (two-way sets by hash) with their resolved feature slots. The slots
   * are a function of the token string alone, so a remembered token gives exactly what resolving it
   * again would. why: NlpBenchmark.features spent most of the tagging time probing the model for the
   * same common words ("i", "am", "the", ",") advert after advert; the cache holds 2,048 tokens, two per
   * set (at most about 1 MB per thread with the English model's 38 tags, mostly each token's own weight
   * row; the rows of its word as seen from its neighbours are shared between threads, see {@link #row}).
   */
  static final int TOKEN_CACHE = 2048;

  /** Per-thread buffers: the feature being built, the activation sums and the token cache. */
  private final class Scratch {
    final double[] sums;
    char[] buf = new char[64];
    int len;
    final TokenFeatures[] cache = new TokenFeatures[TOKEN_CACHE];
    TokenFeatures[] resolved = new TokenFeatures[0];

    Scratch(int outcomes) { sums = new double[outcomes]; }

    TokenFeatures[] resolve(String[] tokens) {
      if (resolved.length < tokens.length) resolved = new TokenFeatures[Math.max(tokens.length, 2 * resolved.length)];
      for (int i = 0; i < tokens.length; i++) {
        String w = tokens[i];
        int h = w.hashCode();
        // two ways per set, the last used first: two common tokens that share a set do not keep
        // evicting each other
        int at = 2 * ((h ^ (h >>> 16)) & (TOKEN_CACHE / 2 - 1));
        TokenFeatures f = cache[at];
        if (f == null || !w.equals(f.token)) {
          TokenFeatures other = cache[at + 1];
          if (other != null && w.equals(other.token)) {
            f = other;
          } else {
            // A new entry, never an old one refilled: an earlier token of this sentence may hold it.
            f = new TokenFeatures();
            GreedyPosTagger.this.resolve(this, w, f);
          }
          cache[at + 1] = cache[at];
          cache[at] = f;
        }
        resolved[i] = f;
      }
      return resolved;
    }

    Scratch start(String prefix) {
      len = 0;
      return append(prefix);
    }

    Scratch append(String s) { return append(s, 0, s.length()); }

    Scratch append(String s, int from, int to) {
      int n = to - from;
      if (len + n > buf.length) buf = Arrays.copyOf(buf, Math.max(2 * buf.length, len + n));
      s.getChars(from, to, buf, len);
      len += n;
      return this;
    }

    int find() { return table.find(buf, len); }
  }
}
