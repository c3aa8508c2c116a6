package org.redflag.nlp;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.util.Span;

/**
 * Computes {@link NlpFeatures} for one advert text: language (OpenNLP language model), sentences
 * (OpenNLP sentence model per line), word tokens, personal pronouns, role nouns, imperative sentences,
 * all-caps tokens, emoji and, when asked for, a grammar-irregularity proxy (OpenNLP POS tags, English
 * and German only). Definitions are in docs/nlp.md.
 *
 * <p>POS tagging is opt-in ({@link #NlpFeatureExtractor(OpenNlpLanguageDetector, boolean)}): it is the
 * costliest step of an advert, its only output is the grammar proxy, which no weight of the default
 * prior reads (docs/nlp.md calls it a weak feature for calibration), and without it the component reads
 * an advert at the speed issue 22 asks for (docs/performance.md).
 *
 * <p>Word tokens come from a hand-written single pass over the original text rather than OpenNLP's
 * {@code TokenizerME}: the features need exact UTF-16 offsets into the original text, emoji as tokens,
 * quotation state, and the same behaviour for languages without a tokenizer model (Russian); a
 * letter/digit-run scan gives all of that in one linear pass with no backtracking.
 *
 * <p>Thread-safe: one instance serves all threads (OpenNLP's {@code *ME} classes are per thread, see
 * {@link NlpModels}). Never throws on any text; a model failure drops only the feature it feeds.
 */
public final class NlpFeatureExtractor {
  private static final byte WORD = 0, PUNCT = 1, EMOJI = 2;
  /** Longest sentence handed to the POS tagger, in tokens; bounds the tagger's cost on run-on text. */
  static final int MAX_TAGGED_SENTENCE = 80;
  /**
   * Tokens tagged per advert: the grammar proxy is estimated on the advert's first sentences up to this
   * many tokens. Tagging evaluates the model once per token and is the costliest step per token; the
   * bound keeps its cost per advert fixed whatever the advert's length.
   */
  static final int MAX_TAGGED_TOKENS = 20;
  /**
   * Chars of the text, from its start, that the sentence model and the tagger read; every later line
   * counts as one sentence. Covers whole adverts of common length (the longest advert in
   * {@code eval/dev.jsonl} has under 2,000 chars), and bounds the sentence detector, whose work per
   * candidate end grows with the white-space-free run around it (quadratic on hostile text such as a
   * long run of full stops).
   */
  static final int MAX_MODEL_CHARS = 2_000;

  /**
   * UD POS bigrams that well-formed English and German text almost never contains: a determiner or
   * preposition left without its noun (followed by a verb, pronoun, punctuation, conjunction or another
   * determiner). Their share is a cheap proxy for broken or machine-translated grammar.
   */
  static final Set<String> IRREGULAR_BIGRAMS = Set.of(
      "DET DET", "DET VERB", "DET AUX", "DET PRON", "DET ADP", "DET PUNCT", "DET CCONJ",
      "ADP PUNCT", "ADP AUX", "ADP CCONJ", "CCONJ PUNCT", "CCONJ CCONJ");

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
    // of String.charAt's per-call index checks. The copy, the tokens and the per-sentence arrays are
    // per thread, so that their size follows the longest advert a thread has seen rather than being
    // allocated again for every advert.
    Scratch scratch = SCRATCH.get();
    int n = text.length();
    char[] chars = scratch.chars(n);
    text.getChars(0, n, chars, 0);
    Tokens t = Tokens.scan(chars, n, scratch.tokens);
    IntList starts = scratch.starts;
    starts.n = 0;
    sentenceStarts(text, lang, starts);
    int[] sentenceStarts = starts.a;
    int sentences = starts.n;

    // Assign tokens to sentences (both sorted by offset) and find each sentence's first two words.
    scratch.ensure(t.size, sentences);
    int[] sentenceOf = scratch.sentenceOf;
    int[] firstWord = scratch.firstWord;
    int[] secondWord = scratch.secondWord;
    Arrays.fill(firstWord, 0, sentences, -1);
    Arrays.fill(secondWord, 0, sentences, -1);
    int si = 0;
    for (int i = 0; i < t.size; i++) {
      while (si + 1 < sentences && t.start[i] >= sentenceStarts[si + 1]) si++;
      sentenceOf[i] = si;
      if (t.kind[i] == WORD && sentences > 0) {
        if (firstWord[si] < 0) firstWord[si] = i;
        else if (secondWord[si] < 0) secondWord[si] = i;
      }
    }

    boolean informal = addressesReaderInformally(chars, t);
    int words = 0, allCaps = 0, emoji = 0;
    List<PronounMention> pronouns = new ArrayList<>();
    List<RoleMention> roles = new ArrayList<>(0);
    IntList pronounTokens = scratch.pronounTokens;
    pronounTokens.n = 0;
    for (int i = 0; i < t.size; i++) {
      if (t.kind[i] == EMOJI) { emoji++; continue; }
      if (t.kind[i] != WORD) continue;
      words++;
      if (isAllCaps(chars, n, t.start[i], t.end[i])) allCaps++;
      RoleMention r = roleMention(text, chars, t, i, sentenceOf);
      if (r == null && chars[t.start[i]] >= 0x400) r = impliedSubject(text, chars, t, i, sentenceOf);
      if (r != null) roles.add(r);
      // Most words cannot be a pronoun by their first char: one table read rules them out before the
      // span lookup.
      if (!Lexicons.mayStartPronoun(chars[t.start[i]])) continue;
      boolean sentenceInitial = sentences > 0 && firstWord[sentenceOf[i]] == i;
      PronounMention p = pronoun(text, chars, t, i, sentenceInitial, informal);
      if (p != null) {
        pronouns.add(p);
        pronounTokens.add(i);
      }
    }
    dropGenericPairs(text, t, pronouns, pronounTokens);

    int imperative = 0;
    for (int s = 0; s < sentences; s++) {
      if (firstWord[s] >= 0 && isImperative(text, chars, t, firstWord[s], secondWord[s])) imperative++;
    }

    double irregularity = posTagging ? grammarIrregularity(text, lang, t, sentenceOf) : Double.NaN;
    scratch.trim();
    return new NlpFeatures(d.language(), d.confidence(), sentences, words, imperative, allCaps, emoji,
        irregularity, pronouns, roles);
  }

  /** The word token {@code i} lower-cased (for the rare look-ups that need a String). */
  private static String lower(String text, Tokens t, int i) {
    return text.substring(t.start[i], t.end[i]).toLowerCase(Locale.ROOT);
  }

  /** The word token before token {@code i} in the same sentence, or -1. */
  private static int previousWord(Tokens t, int[] sentenceOf, int i) {
    for (int j = i - 1; j >= 0 && sentenceOf[j] == sentenceOf[i]; j--) if (t.kind[j] == WORD) return j;
    return -1;
  }

  /**
   * A role noun at word token {@code i} that refers to the person or persons offered in the third
   * person ({@link Lexicons#roleNoun}), or null. Never right after a client preposition ("for girls",
   * "Jungs für Jungs") or within four words after a first-person subject ("I'm a sweet girl", "Wir sind
   * 2 TS Girls"). A plural counts after a determiner or a number within two words ("our girls", "3
   * Mädels", "5 девушек") or before a verb ("TS-Girls sind", "Jungs besuchen"), not in a list ("a large
   * choice of girls", which describes an offer rather than persons spoken of). A singular counts only
   * after a demonstrative or possessive within two words ("this girl", "our new model"). In a hyphenated
   * word the last part is looked up ("TS-Girls").
   */
  private static RoleMention roleMention(String text, char[] chars, Tokens t, int i, int[] sentenceOf) {
    int s = t.start[i], e = t.end[i];
    for (int k = e - 1; k > s; k--) {
      if (chars[k] == '-') { s = k + 1; break; }
    }
    int number = Lexicons.roleNoun(chars, s, e);
    if (number < 0) number = Lexicons.roleNoun(text.substring(s, e).toLowerCase(Locale.ROOT));
    if (number == 0) return null;
    boolean determined = false;
    int k = i;
    for (int back = 1; back <= 4; back++) {
      k = previousWord(t, sentenceOf, k);
      if (k < 0) break;
      String w = apostropheKey(lower(text, t, k));
      if (back == 1 && Lexicons.isClientPreposition(w)) return null;
      if (Lexicons.isFirstPersonSubject(w)) return null;
      if (back <= 2 && (Lexicons.isDeterminer(w) || number == Lexicons.ROLE_PLURAL && Lexicons.isNumber(w))) determined = true;
    }
    if (!determined) {
      if (number == Lexicons.ROLE_SINGULAR) return null;
      // a plural without determiner or number counts as the subject of a verb ("Mädels warten"), not
      // in a list ("a large choice of girls")
      int next = i + 1;
      if (next >= t.size || t.kind[next] != WORD || sentenceOf[next] != sentenceOf[i]
          || !Lexicons.isPluralVerb(text.substring(t.start[next], t.end[next]))) {
        return null;
      }
    }
    return new RoleMention(s, e, number == Lexicons.ROLE_PLURAL, t.quoted[i]);
  }

  /**
   * A Russian verb whose left-out subject or object is the person offered ({@link
   * Lexicons#impliedSubjectVerb}: "Приедет к вам", "Привезём за 30 минут"), as a reference; or null.
   * Not right after a pronoun or role noun, which is already that reference ("она приедет", "девушки
   * ждут"), so one person is counted once.
   */
  private static RoleMention impliedSubject(String text, char[] chars, Tokens t, int i, int[] sentenceOf) {
    int v = Lexicons.impliedSubjectVerb(chars, t.start[i], t.end[i]);
    if (v < 0) v = Lexicons.impliedSubjectVerb(lower(text, t, i));
    if (v == 0) return null;
    int k = previousWord(t, sentenceOf, i);
    if (k >= 0) {
      String w = lower(text, t, k);
      if (Lexicons.pronounClass(w) != 0 || Lexicons.roleNoun(w) != 0) return null;
    }
    return new RoleMention(t.start[i], t.end[i], v == Lexicons.ROLE_PLURAL, t.quoted[i]);
  }

  /** The part of a word before an apostrophe ("i'm" → "i"), as pronouns are looked up. */
  private static String apostropheKey(String w) {
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (c == '\'' || c == '\u2019') return w.substring(0, i);
    }
    return w;
  }

  /**
   * Removes the generic pairs of job adverts and terms, "his or her", "he/she", "s/he", "er oder sie":
   * they speak of anyone, not of a person offered. A pair is two different third-person-singular
   * pronouns joined by {@link Lexicons#isPairJoiner a joiner}; the rule reads the words only, so it
   * treats every order and gender alike.
   *
   * @param tokens the token index of each pronoun, in the same order
   */
  private static void dropGenericPairs(String text, Tokens t, List<PronounMention> pronouns, IntList tokens) {
    if (pronouns.isEmpty()) return;
    boolean[] drop = null;
    for (int a = 0; a < pronouns.size(); a++) {
      PronounMention p = pronouns.get(a);
      if (p.person() != 3 || p.plural()) continue;
      int i = tokens.a[a];
      // "s/he": the pronoun after "s" and a slash
      if (i >= 2 && isSlash(text, t, i - 1) && t.kind[i - 2] == WORD && t.end[i - 2] - t.start[i - 2] == 1
          && Character.toLowerCase(text.charAt(t.start[i - 2])) == 's' && t.end[i - 2] == t.start[i - 1]) {
        if (drop == null) drop = new boolean[pronouns.size()];
        drop[a] = true;
        continue;
      }
      int b = a + 1;
      if (b >= pronouns.size() || tokens.a[b] != i + 2) continue;
      PronounMention q = pronouns.get(b);
      if (q.person() != 3 || q.plural()) continue;
      int j = i + 1;
      boolean joiner = isSlash(text, t, j) || t.kind[j] == WORD && Lexicons.isPairJoiner(lower(text, t, j));
      if (!joiner || lower(text, t, i).equals(lower(text, t, i + 2))) continue;
      if (drop == null) drop = new boolean[pronouns.size()];
      drop[a] = drop[b] = true;
    }
    if (drop == null) return;
    int w = 0;
    for (int r = 0; r < pronouns.size(); r++) if (!drop[r]) pronouns.set(w++, pronouns.get(r));
    pronouns.subList(w, pronouns.size()).clear();
  }

  private static boolean isSlash(String text, Tokens t, int i) {
    return t.kind[i] == PUNCT && t.end[i] - t.start[i] == 1 && text.charAt(t.start[i]) == '/';
  }

  private static int nextWord(Tokens t, int i) {
    for (int j = i + 1; j < t.size; j++) if (t.kind[j] == WORD) return j;
    return -1;
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
    final IntList starts = new IntList();
    final IntList pronounTokens = new IntList();
    int[] sentenceOf = new int[256];
    int[] firstWord = new int[64];
    int[] secondWord = new int[64];

    char[] chars(int n) {
      if (chars.length < n) chars = new char[Math.max(n, 2 * chars.length)];
      return chars;
    }

    void ensure(int tokenCount, int sentences) {
      if (sentenceOf.length < tokenCount) sentenceOf = new int[Math.max(tokenCount, 2 * sentenceOf.length)];
      if (firstWord.length < sentences) {
        firstWord = new int[Math.max(sentences, 2 * firstWord.length)];
        secondWord = new int[firstWord.length];
      }
    }

    void trim() {
      if (chars.length > 4 * KEPT) chars = new char[1024];
      if (tokens.start.length > KEPT) tokens = new Tokens(256);
      if (sentenceOf.length > KEPT) sentenceOf = new int[256];
      if (firstWord.length > KEPT) {
        firstWord = new int[64];
        secondWord = new int[64];
      }
      if (starts.a.length > KEPT) starts.a = new int[16];
      if (pronounTokens.a.length > KEPT) pronounTokens.a = new int[16];
    }
  }

  /**
   * Sentence start offsets: each non-blank line is split by OpenNLP's {@code SentenceDetectorME}
   * (adverts often end a sentence with a line break instead of a full stop). A line the detector
   * cannot split counts as one sentence, and so does each non-blank line after the first
   * {@link #MAX_MODEL_CHARS} chars (the part of a line past that bound continues its last sentence).
   *
   * @param starts receives the offsets
   */
  static void sentenceStarts(String text, String lang, IntList starts) {
    SentenceDetectorME detector = null;
    try {
      detector = NlpModels.sentenceDetector(lang);
    } catch (RuntimeException e) {
      // model unavailable: line-based sentences only
    }
    int n = text.length();
    int lineStart = 0;
    while (lineStart < n) {
      int nl = text.indexOf('\n', lineStart);
      int lineEnd = nl < 0 ? n : nl;
      if (!isBlank(text, lineStart, lineEnd)) {
        int before = starts.n;
        if (detector != null && lineStart < MAX_MODEL_CHARS) {
          String line = text.substring(lineStart, Math.min(lineEnd, MAX_MODEL_CHARS));
          try {
            for (Span s : detector.sentPosDetect(line)) starts.add(lineStart + s.getStart());
          } catch (RuntimeException e) {
            starts.n = before;
          }
        }
        if (starts.n == before) starts.add(lineStart);
      }
      lineStart = lineEnd + 1;
    }
  }

  private static boolean isBlank(String s, int from, int to) {
    for (int i = from; i < to; i++) if (!Character.isWhitespace(s.charAt(i))) return false;
    return true;
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

  private static final String[] INFORMAL_YOU = {"du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner", "deines"};

  /**
   * Whether a word of the advert addresses the reader as German "du" (du, dich, dir, dein…). Only
   * words starting with d/D are compared, in place, so the pass allocates nothing.
   */
  static boolean addressesReaderInformally(char[] chars, Tokens t) {
    for (int i = 0; i < t.size; i++) {
      if (t.kind[i] != WORD) continue;
      int start = t.start[i], len = t.end[i] - start;
      char c = chars[start];
      if ((c != 'd' && c != 'D') || len < 2 || len > 6) continue;
      for (String w : INFORMAL_YOU) {
        if (w.length() == len && equalsIgnoreCase(chars, start, w)) return true;
      }
    }
    return false;
  }

  private static boolean equalsIgnoreCase(char[] chars, int start, String lowerWord) {
    for (int k = 0; k < lowerWord.length(); k++) {
      if (Character.toLowerCase(chars[start + k]) != lowerWord.charAt(k)) return false;
    }
    return true;
  }

  /** The pronoun in a word token (the part before an apostrophe: "she's" → "she"), or null. */
  private static PronounMention pronoun(String text, char[] chars, Tokens t, int token, boolean sentenceInitial,
      boolean informal) {
    int start = t.start[token], end = t.end[token];
    boolean quoted = t.quoted[token];
    int keyEnd = end;
    for (int i = start; i < end; i++) {
      char c = chars[i];
      if (c == '\'' || c == '\u2019') { keyEnd = i; break; }
    }
    if (keyEnd == start || !Lexicons.mayBePronoun(chars[start], keyEnd - start)) return null;
    int cls = Lexicons.pronounClass(chars, start, keyEnd);
    if (cls == 0) return null; // the common case: no substring, no lower-casing
    // English pronouns are decided on the span; only the German classes (whose reading depends on case)
    // and undecided spans read the word as a String, so the common case allocates nothing.
    String raw = null, lower = null;
    if (cls < 0 || cls >= Lexicons.GERMAN_SIE) {
      raw = text.substring(start, keyEnd);
      lower = raw.toLowerCase(Locale.ROOT);
      if (cls < 0) cls = Lexicons.pronounClass(lower);
    }
    switch (cls) {
      case 0: return null;
      case Lexicons.FIRST_SINGULAR: return new PronounMention(start, keyEnd, 1, false, quoted);
      case Lexicons.FIRST_PLURAL:
        if (keyEnd - start == 2 && chars[start] == 'U' && chars[start + 1] == 'S') return null; // the country, not "us"
        return new PronounMention(start, keyEnd, 1, true, quoted);
      case Lexicons.THIRD_SINGULAR: return new PronounMention(start, keyEnd, 3, false, quoted);
      case Lexicons.THIRD_PLURAL: return new PronounMention(start, keyEnd, 3, true, quoted);
      case Lexicons.GERMAN_SIE:
        // "sie" (she/they) is lower case inside a sentence; capitalised "Sie" there is the formal "you".
        // At sentence start, "Sie" followed by a third-person-singular verb ("Sie ist", "Sie hat",
        // "Sie liebt") reads as "she"; anything else stays undecided and is not counted.
        if (raw.equals("sie") || raw.equals("SIE")) return new PronounMention(start, keyEnd, 3, false, quoted);
        if (!sentenceInitial) return null;
        int next = nextWord(t, token);
        String nextWord = next < 0 ? null : text.substring(t.start[next], t.end[next]);
        if (nextWord != null && nextWord.length() > 1 && Character.isLowerCase(nextWord.charAt(0))
            && nextWord.endsWith("t") && !nextWord.equals("sind")) {
          return new PronounMention(start, keyEnd, 3, false, quoted);
        }
        // "Sie kommen", "Sie sprechen", "Sie sind": "they" or the formal "you". An advert that speaks
        // to the reader as "du" ("zu dir", "für dich") does not also address the reader as "Sie", so
        // there the plural verb reads "they" (Duden, Anredepronomen: du and Sie are not mixed for
        // one addressee).
        if (informal && nextWord != null && nextWord.length() > 2 && Character.isLowerCase(nextWord.charAt(0))
            && (nextWord.endsWith("en") || nextWord.equals("sind"))) {
          return new PronounMention(start, keyEnd, 3, true, quoted);
        }
        return null;
      case Lexicons.GERMAN_THIRD_SINGULAR:
      case Lexicons.GERMAN_THIRD_PLURAL:
        // lower case inside a sentence; "Sie und Ihn", "zu Ihnen" are nouns or the formal "you"
        if (!sentenceInitial && Character.isUpperCase(raw.charAt(0)) && !raw.equals(raw.toUpperCase(Locale.ROOT))) return null;
        return new PronounMention(start, keyEnd, 3, cls == Lexicons.GERMAN_THIRD_PLURAL, quoted);
      case Lexicons.GERMAN_IHR:
        // lower-case "ihr/ihre…" is her/their; capitalised it is mostly the formal "your": not counted.
        return raw.equals(lower) ? new PronounMention(start, keyEnd, 3, false, quoted) : null;
      default: return null;
    }
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

  private double grammarIrregularity(String text, String lang, Tokens t, int[] sentenceOf) {
    POSTaggerME tagger;
    try {
      tagger = NlpModels.posTagger(lang);
    } catch (RuntimeException e) {
      return Double.NaN;
    }
    if (tagger == null) return Double.NaN;
    int irregular = 0, bigrams = 0, budget = MAX_TAGGED_TOKENS;
    List<String> sentence = new ArrayList<>();
    try {
      for (int i = 0; i <= t.size; i++) {
        boolean boundary = i == t.size || (i > 0 && sentenceOf[i] != sentenceOf[i - 1]);
        if (boundary && !sentence.isEmpty()) {
          String[] tags = tagger.tag(sentence.toArray(new String[0]));
          for (int k = 0; k + 1 < tags.length; k++) {
            bigrams++;
            if (IRREGULAR_BIGRAMS.contains(tags[k] + ' ' + tags[k + 1])) irregular++;
          }
          budget -= sentence.size();
          sentence.clear();
        }
        if (i == t.size || t.start[i] >= MAX_MODEL_CHARS || budget <= 0) break;
        if (t.kind[i] != EMOJI && sentence.size() < Math.min(MAX_TAGGED_SENTENCE, budget)) {
          sentence.add(text.substring(t.start[i], t.end[i]));
        }
      }
    } catch (RuntimeException e) {
      return Double.NaN;
    }
    return bigrams == 0 ? 0.0 : (double) irregular / bigrams;
  }

  /** Tokens of the original text: words, single punctuation/symbol code points, emoji sequences. */
  static final class Tokens {
    int size;
    int[] start;
    int[] end;
    byte[] kind;
    boolean[] quoted;

    private void add(int s, int e, byte k, boolean q) {
      if (size == start.length) ensure(size * 2);
      start[size] = s;
      end[size] = e;
      kind[size] = k;
      quoted[size] = q;
      size++;
    }

    /** Room for {@code capacity} tokens, keeping the ones there. */
    void ensure(int capacity) {
      if (capacity <= start.length) return;
      start = Arrays.copyOf(start, capacity);
      end = Arrays.copyOf(end, capacity);
      kind = Arrays.copyOf(kind, capacity);
      quoted = Arrays.copyOf(quoted, capacity);
    }

    Tokens(int capacity) {
      start = new int[capacity];
      end = new int[capacity];
      kind = new byte[capacity];
      quoted = new boolean[capacity];
    }

    /** ASCII chars by what the scan does with them. */
    private static final byte A_SKIP = 0, A_LINE = 1, A_WORD = 2, A_PUNCT = 3;
    private static final byte[] ASCII = new byte[128];

    static {
      for (char c = 0; c < 128; c++) {
        ASCII[c] = c == '\n' || c == '\r' ? A_LINE : c <= ' ' || c == 0x7F ? A_SKIP : isAsciiWordChar(c) ? A_WORD : A_PUNCT;
      }
    }

    /**
     * Tokens of {@code text[0, n)} (a char copy of the advert: no String index checks in the scan), into
     * {@code t}, which is cleared first.
     */
    static Tokens scan(char[] text, int n, Tokens t) {
      t.size = 0;
      // About one token per 5 chars in advert text; sized once instead of doubling.
      t.ensure(Math.max(64, n / 4));
      int quoteDepth = 0;
      int i = 0;
      while (i < n) {
        char ch = text[i];
        if (ch < 0x80) {
          // ASCII fast path, by a 128-entry table: the same decisions as the general path below,
          // without code-point decoding and Unicode property lookups.
          byte cl = ASCII[ch];
          if (cl == A_WORD) {
            int s = i;
            i = wordEnd(text, i + 1, n);
            t.add(s, i, WORD, quoteDepth > 0);
          } else if (cl == A_SKIP) { // white space or control
            i++;
          } else if (cl == A_LINE) { // quotes do not span lines
            quoteDepth = 0;
            i++;
          } else {
            boolean wasQuoted = quoteDepth > 0;
            quoteDepth = updateQuoteDepth(text, i, ch, quoteDepth);
            t.add(i, i + 1, PUNCT, wasQuoted);
            i++;
          }
          continue;
        }
        int cp = Character.codePointAt(text, i, n);
        int len = Character.charCount(cp);
        if (cp == '\n' || cp == '\r') { quoteDepth = 0; i += len; continue; } // quotes do not span lines
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) { i += len; continue; }
        if (isWordChar(cp)) {
          int s = i;
          i = wordEnd(text, i + len, n);
          t.add(s, i, WORD, quoteDepth > 0);
          continue;
        }
        int type = Character.getType(cp);
        if (type == Character.FORMAT || type == Character.CONTROL || type == Character.UNASSIGNED
            || type == Character.SURROGATE || isEmojiModifier(cp)) { i += len; continue; }
        if (cp > 0x7F && (UCharacter.hasBinaryProperty(cp, UProperty.EXTENDED_PICTOGRAPHIC) || isRegionalIndicator(cp))) {
          int s = i;
          boolean flag = isRegionalIndicator(cp);
          i += len;
          // One emoji = one pictograph with its modifiers, variation selectors and ZWJ-joined parts,
          // or a pair of regional indicators (a flag).
          while (i < n) {
            int c = Character.codePointAt(text, i, n);
            if (c == 0xFE0F || c == 0xFE0E || isEmojiModifier(c)) { i += Character.charCount(c); continue; }
            if (c == 0x200D && i + 1 < n) {
              int after = Character.codePointAt(text, i + 1, n);
              if (UCharacter.hasBinaryProperty(after, UProperty.EXTENDED_PICTOGRAPHIC)) { i += 1 + Character.charCount(after); continue; }
            }
            if (flag && isRegionalIndicator(c)) { i += Character.charCount(c); flag = false; continue; }
            break;
          }
          t.add(s, i, EMOJI, quoteDepth > 0);
          continue;
        }
        // Punctuation or symbol: one code point. Quotation marks change the quoted state.
        boolean wasQuoted = quoteDepth > 0;
        quoteDepth = updateQuoteDepth(text, i, cp, quoteDepth);
        t.add(i, i + len, PUNCT, wasQuoted);
        i += len;
      }
      return t;
    }

    /** End of the word whose first char ends before {@code i}: word chars, joined across {@code ' ’ -}. */
    private static int wordEnd(char[] text, int i, int n) {
      while (i < n) {
        char ch = text[i];
        if (ch < 0x80) {
          if (ASCII[ch] == A_WORD) {
            i++;
            continue;
          }
        } else {
          int cp = Character.codePointAt(text, i, n);
          if (isWordChar(cp)) {
            i += Character.charCount(cp);
            continue;
          }
        }
        // Joiners inside a word: "she's", "don’t", "22-year-old".
        if ((ch == '\'' || ch == '\u2019' || ch == '-') && i + 1 < n && isWordChar(Character.codePointAt(text, i + 1, n))) { i++; continue; }
        break;
      }
      return i;
    }

    private static boolean isAsciiWordChar(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static int updateQuoteDepth(char[] text, int i, int cp, int depth) {
      switch (cp) {
        case '"':
        case '\uFF02':
          if (i > 0 && Character.isDigit(text[i - 1])) return depth; // 5'6" is inches, not a quote
          return depth > 0 ? depth - 1 : depth + 1;
        case '\u201C': case '\u201D': case '\u00AB': case '\u00BB': case '\u2039': case '\u203A':
          // English “…”, German „…“ and »…«, Russian/French «…»: a mark closes an open quote, else opens one.
          return depth > 0 ? depth - 1 : depth + 1;
        case '\u201E': case '\u300C': case '\u300E':
          return Math.min(depth + 1, 2);
        case '\u300D': case '\u300F':
          return Math.max(depth - 1, 0);
        default:
          return depth;
      }
    }

    private static boolean isWordChar(int cp) {
      if (cp < 0x80) return isAsciiWordChar((char) cp);
      if (Character.isLetterOrDigit(cp)) return true;
      int type = Character.getType(cp);
      return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isRegionalIndicator(int cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }

    private static boolean isEmojiModifier(int cp) { return cp >= 0x1F3FB && cp <= 0x1F3FF; }
  }

  /** Growable int array (avoids boxing in the sentence pass). */
  private static final class IntList {
    int[] a = new int[16];
    int n;

    void add(int v) {
      if (n == a.length) a = Arrays.copyOf(a, n * 2);
      a[n++] = v;
    }
  }
}
