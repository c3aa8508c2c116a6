package org.redflag.nlp;

import java.util.Locale;
import java.util.Optional;
import opennlp.tools.langdetect.Language;
import org.redflag.text.LanguageDetector;

/**
 * {@link LanguageDetector} over OpenNLP's 183-language model ({@code opennlp-models-langdetect}). The
 * model answers ISO 639-3 codes; they are mapped to BCP 47 ({@code eng}→{@code en}, {@code deu}→{@code de},
 * {@code rus}→{@code ru}, others through {@link Locale}). A language is reported only when its confidence
 * (see {@link Detection}) reaches the confidence threshold, so short or mixed texts fall back to the
 * language-neutral packs instead of selecting a wrong language's packs.
 *
 * <p>Thread-safe (OpenNLP's {@code LanguageDetectorME} per thread, see {@link NlpModels}). Only the
 * first {@value #MAX_CHARS} characters are read: the detector's cost grows with its sample (one n-gram
 * set and one model evaluation over it), and the language of an advert is settled by then: on the 295
 * adverts of {@code eval/dev.jsonl}, with their stated language as the answer, samples of 150, 200, 300
 * and 1,000 chars gave the same detections (290 right, none wrong, 5 undetermined), 100 chars lost five.
 * The detector reads the n-grams of {@link LanguageSampleNormalizer}'s regex-free clean-up.
 */
public final class OpenNlpLanguageDetector implements LanguageDetector {
  /** Default minimum model probability for reporting a language. */
  public static final double DEFAULT_MIN_CONFIDENCE = 0.55;
  static final int MAX_CHARS = 150;

  /**
   * A detection: BCP 47 tag (or "und" when the model has no answer) and its confidence, defined as
   * {@code p1 / (p1 + p2)} over the model's two most probable languages. The raw probability spreads
   * over 183 languages and stays small even for clear text; the share against the runner-up is what
   * says whether the answer is settled (0.5 = a tie, 1 = no competitor).
   */
  public record Detection(String language, double confidence) {}

  /** ISO 639-3 to ISO 639-1 where the latter exists (BCP 47 prefers the 2-letter code). */
  private static final java.util.Map<String, String> ISO3_TO_ISO1 = iso3ToIso1();

  private static java.util.Map<String, String> iso3ToIso1() {
    java.util.Map<String, String> m = new java.util.HashMap<>();
    for (String two : Locale.getISOLanguages()) {
      try {
        m.put(Locale.forLanguageTag(two).getISO3Language(), two);
      } catch (java.util.MissingResourceException ignored) {
        // no 3-letter code known for this language: nothing to map
      }
    }
    return java.util.Map.copyOf(m);
  }

  private static final Detection UNDETERMINED = new Detection("und", 0);

  private final double minConfidence;
  /**
   * The engine detects the language before the NLP stage runs, on the same text; remembering the last
   * text (by identity) per thread lets the stage reuse that answer instead of running the model twice.
   */
  private final ThreadLocal<Object[]> last = ThreadLocal.withInitial(() -> new Object[2]);

  public OpenNlpLanguageDetector() { this(DEFAULT_MIN_CONFIDENCE); }

  public OpenNlpLanguageDetector(double minConfidence) {
    if (!(minConfidence >= 0 && minConfidence <= 1)) {
      throw new IllegalArgumentException("minConfidence must be within [0, 1], was " + minConfidence);
    }
    this.minConfidence = minConfidence;
  }

  public double minConfidence() { return minConfidence; }

  @Override
  public Optional<String> detect(String text) {
    Detection d = detectWithConfidence(text);
    return d.confidence() >= minConfidence && !"und".equals(d.language()) ? Optional.of(d.language()) : Optional.empty();
  }

  /** The model's best language and its confidence, whatever the threshold; never throws. */
  public Detection detectWithConfidence(String text) {
    if (text == null) return UNDETERMINED;
    Object[] cache = last.get();
    if (cache[0] == text) return (Detection) cache[1];
    Detection d = compute(text);
    cache[0] = text;
    cache[1] = d;
    return d;
  }

  private static Detection compute(String text) {
    String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    if (!hasLetter(sample)) return UNDETERMINED;
    try {
      Language[] ranked = NlpModels.languageDetector().predictLanguages(sample); // most probable first
      if (ranked.length == 0) return UNDETERMINED;
      double p1 = ranked[0].getConfidence();
      double p2 = ranked.length > 1 ? ranked[1].getConfidence() : 0;
      double margin = p1 + p2 > 0 ? p1 / (p1 + p2) : 0;
      return new Detection(toBcp47(ranked[0].getLang()), margin);
    } catch (RuntimeException e) {
      // The model must never break scoring; an advert it cannot read is simply undetermined.
      return UNDETERMINED;
    }
  }

  private static boolean hasLetter(String s) {
    for (int i = 0; i < s.length(); i++) if (Character.isLetter(s.charAt(i))) return true;
    return false;
  }

  /** ISO 639-3 (as the OpenNLP model answers) to BCP 47. */
  static String toBcp47(String iso3) {
    if (iso3 == null || iso3.isEmpty()) return "und";
    switch (iso3) {
      case "eng": return "en";
      case "deu": return "de";
      case "rus": return "ru";
      default:
        String two = ISO3_TO_ISO1.get(iso3);
        return two != null ? two : Locale.forLanguageTag(iso3).toLanguageTag();
    }
  }
}
