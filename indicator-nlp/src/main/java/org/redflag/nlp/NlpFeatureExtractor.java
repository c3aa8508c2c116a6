package org.redflag.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Computes {@link NlpFeatures} for one advert text: language (OpenNLP language model), sentences
 * (OpenNLP sentence model per line), word tokens, personal pronouns, role nouns, imperative sentences,
 * all-caps tokens, emoji and, when asked for, a grammar-irregularity proxy (OpenNLP POS tags, English
 * and German only). Definitions are in docs/nlp.md.
 *
 * <p>This class chooses the language, runs the passes and counts; the passes are its package's
 * {@link Tokens} (word tokens over the original text), {@link Sentences} (sentence spans), {@link
 * ReaderAddress} (German "du" to the reader), {@link PersonReferences} (pronouns and role nouns) and
 * {@link GrammarIrregularity} (the POS-based proxy).
 *
 * <p>POS tagging is opt-in ({@link #NlpFeatureExtractor(OpenNlpLanguageDetector, boolean)}): it is the
 * costliest step of an advert, its only output is the grammar proxy, which no weight of the default
 * prior reads (docs/nlp.md calls it a weak feature for calibration), and without it the component reads
 * an advert at the speed issue 22 asks for (docs/performance.md).
 *
 * <p>Thread-safe: one instance serves all threads (OpenNLP's {@code *ME} classes are per thread, see
 * {@link NlpModels}). Never throws on any text; a model failure drops only the feature it feeds.
 */
public final class NlpFeatureExtractor {
  private final OpenNlpLanguageDetector languageDetector;
  private final boolean posTagging;

  /** Every feature but the POS-based grammar proxy (opt-in, see above); default language-confidence threshold. */
  public NlpFeatureExtractor() { this(new OpenNlpLanguageDetector(), false); }

  /**
   * @param languageDetector detector whose threshold decides when the detected language drives the
   *     language-specific models; share the one given to the engine so each text is detected once
   * @param posTagging compute {@code nlp.grammar-irregularity} with the POS tagger (the costliest feature)
   */
  public NlpFeatureExtractor(OpenNlpLanguageDetector languageDetector, boolean posTagging) {
    this.languageDetector = Objects.requireNonNull(languageDetector, "languageDetector");
    this.posTagging = posTagging;
  }

  public OpenNlpLanguageDetector languageDetector() { return languageDetector; }

  public boolean posTagging() { return posTagging; }

  /** Loads the models now instead of on the first advert. */
  public NlpFeatureExtractor preload() {
    NlpModels.preload(posTagging);
    return this;
  }

  public NlpFeatures extract(String text) { return extract(text, null); }

  /**
   * @param statedLanguage the advert's own BCP 47 language, or null; when given it selects the
   *     language-specific models instead of the detected language
   */
  public NlpFeatures extract(String text, String statedLanguage) {
    if (text == null) text = "";
    OpenNlpLanguageDetector.Detection d = languageDetector.detectWithConfidence(text);
    String lang;
    if (statedLanguage != null && !statedLanguage.isBlank()) {
      lang = Locale.forLanguageTag(statedLanguage).getLanguage();
    } else {
      lang = d.confidence() >= languageDetector.minConfidence() ? d.language() : "und";
    }

    // One char copy of the text for the linear passes (tokens, word lookups): plain array reads instead
    // of String.charAt's per-call index checks. The copy, the tokens and the sentences are per thread,
    // so that their size follows the longest advert a thread has seen rather than being allocated again
    // for every advert.
    Scratch scratch = SCRATCH.get();
    int n = text.length();
    char[] chars = scratch.chars(n);
    text.getChars(0, n, chars, 0);
    Tokens t = Tokens.scan(chars, n, scratch.tokens);
    Sentences sentences = scratch.sentences.split(text, lang, t);

    boolean informal = ReaderAddress.informal(chars, t);
    int words = 0, allCaps = 0, emoji = 0;
    List<PronounMention> pronouns = new ArrayList<>();
    List<RoleMention> roles = new ArrayList<>(0);
    IntList pronounTokens = scratch.pronounTokens;
    pronounTokens.n = 0;
    for (int i = 0; i < t.size; i++) {
      if (t.kind[i] == Tokens.EMOJI) { emoji++; continue; }
      if (t.kind[i] != Tokens.WORD) continue;
      words++;
      if (isAllCaps(chars, n, t.start[i], t.end[i])) allCaps++;
      RoleMention r = PersonReferences.role(text, chars, t, i, sentences);
      if (r != null) roles.add(r);
      // Most words cannot be a pronoun by their first char: one table read rules them out before the
      // span lookup.
      if (!Lexicons.mayStartPronoun(chars[t.start[i]])) continue;
      PronounMention p = PersonReferences.pronoun(text, chars, t, i, sentences.opens(i), informal);
      if (p != null) {
        pronouns.add(p);
        pronounTokens.add(i);
      }
    }
    PersonReferences.dropGenericPairs(text, t, pronouns, pronounTokens);

    int imperative = 0;
    for (int s = 0; s < sentences.count(); s++) {
      int first = sentences.firstWord(s);
      if (first >= 0 && isImperative(text, chars, t, first, sentences.secondWord(s))) imperative++;
    }

    double irregularity = posTagging ? GrammarIrregularity.of(text, lang, t, sentences) : Double.NaN;
    int sentenceCount = sentences.count();
    scratch.trim();
    return new NlpFeatures(d.language(), d.confidence(), sentenceCount, words, imperative, allCaps, emoji,
        irregularity, pronouns, roles);
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  /** Per-thread buffers of {@link #extract(String, String)}: the text's chars, its tokens, its sentences. */
  private static final class Scratch {
    /**
     * Buffers grown past this many entries (tokens, sentences; chars: four times as many) by one long text
     * are dropped after it: texts up to about 64 K chars keep them, and a thread keeps at most about half a megabyte here.
     */
    private static final int KEPT = 1 << 14;
    private char[] chars = new char[1024];
    Tokens tokens = new Tokens(256);
    final Sentences sentences = new Sentences();
    final IntList pronounTokens = new IntList();

    char[] chars(int n) {
      if (chars.length < n) chars = new char[Math.max(n, 2 * chars.length)];
      return chars;
    }

    void trim() {
      if (chars.length > 4 * KEPT) chars = new char[1024];
      if (tokens.start.length > KEPT) tokens = new Tokens(256);
      sentences.trim(KEPT);
      if (pronounTokens.a.length > KEPT) pronounTokens.a = new int[16];
    }
  }

  /** @param chars the text's chars, {@code n} of them */
  private static boolean isAllCaps(char[] chars, int n, int start, int end) {
    int letters = 0;
    for (int i = start; i < end; ) {
      char c = chars[i];
      if (c < 0x80) { // ASCII: the same answers as Character.isLetter/isUpperCase
        i++;
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z') letters++;
        continue;
      }
      int cp = Character.codePointAt(chars, i, n);
      i += Character.charCount(cp);
      if (Character.isLetter(cp)) {
        if (!Character.isUpperCase(cp)) return false;
        letters++;
      }
    }
    return letters >= 2;
  }

  /**
   * Whether a sentence opens with an imperative: its first word (lower-cased, {@code ’} read as
   * {@code '}) is in {@link Lexicons#IMPERATIVES}, or is a German infinitive followed by "Sie".
   */
  private static boolean isImperative(String text, char[] chars, Tokens t, int first, int second) {
    int s = t.start[first], e = t.end[first];
    if (e - s > 16) return false;
    boolean formalSie = second >= 0 && t.end[second] - t.start[second] == 3 && text.startsWith("Sie", t.start[second]);
    int listed = Lexicons.isImperative(chars, s, e);
    if (listed < 0) { // a char that String.toLowerCase may treat differently: the String path
      String w = text.substring(s, e).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
      return Lexicons.IMPERATIVES.contains(w) || formalSie && w.endsWith("en");
    }
    if (listed > 0) return true;
    // German formal imperative: infinitive + "Sie" ("Rufen Sie an", "Besuchen Sie mich"). The span's
    // chars all lower-case one to one here, so its lower-cased end is that of its last two chars.
    return formalSie && e - s >= 2 && Character.toLowerCase(chars[e - 2]) == 'e' && Character.toLowerCase(chars[e - 1]) == 'n';
  }
}
