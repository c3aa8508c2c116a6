package org.redflag.nlp;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.redflag.indicator.FeatureSource;

/**
 * Text features of one advert, computed by {@link NlpFeatureExtractor}. Immutable. As a
 * {@link FeatureSource} it contributes the {@code nlp.*} numeric features (defined in docs/nlp.md) to
 * the assessment and the risk model; {@link #pronouns()} keeps the pronoun spans for indicators.
 */
public final class NlpFeatures implements FeatureSource {
  private final String detectedLanguage;
  private final double languageConfidence;
  private final int sentences;
  private final int tokens;
  private final int imperativeSentences;
  private final int allCapsTokens;
  private final int emoji;
  private final double grammarIrregularity; // NaN when not computed
  private final List<PronounMention> pronouns;
  private final List<RoleMention> roles;
  private final Map<String, Double> features;

  NlpFeatures(String detectedLanguage, double languageConfidence, int sentences, int tokens, int imperativeSentences,
      int allCapsTokens, int emoji, double grammarIrregularity, List<PronounMention> pronouns, List<RoleMention> roles) {
    this.detectedLanguage = Objects.requireNonNull(detectedLanguage);
    this.languageConfidence = languageConfidence;
    this.sentences = sentences;
    this.tokens = tokens;
    this.imperativeSentences = imperativeSentences;
    this.allCapsTokens = allCapsTokens;
    this.emoji = emoji;
    this.grammarIrregularity = grammarIrregularity;
    this.pronouns = ImmutableList.copyOf(pronouns);
    this.roles = ImmutableList.copyOf(roles);
    this.features = computeFeatures();
  }

  /** BCP 47 tag the language model found ("und" when it had no answer), whatever its confidence. */
  public String detectedLanguage() { return detectedLanguage; }
  public double languageConfidence() { return languageConfidence; }
  public int sentences() { return sentences; }
  /** Word tokens (letter/digit runs); punctuation and emoji are not counted. */
  public int tokens() { return tokens; }
  public int imperativeSentences() { return imperativeSentences; }
  public int allCapsTokens() { return allCapsTokens; }
  public int emoji() { return emoji; }
  /** Share of irregular POS bigrams, when the advert is English or German and POS tagging is on. */
  public OptionalDouble grammarIrregularity() {
    return Double.isNaN(grammarIrregularity) ? OptionalDouble.empty() : OptionalDouble.of(grammarIrregularity);
  }
  /** Personal pronouns in text order, with spans into the original text. */
  public List<PronounMention> pronouns() { return pronouns; }

  /** Role nouns used as third-person references to the person(s) offered ("our girls"), in text order. */
  public List<RoleMention> roles() { return roles; }

  /** Count of unquoted role-noun references. */
  public int roleCount() {
    int n = 0;
    for (RoleMention r : roles) if (!r.quoted()) n++;
    return n;
  }

  /** Count of unquoted pronouns of the given person and number. */
  public int count(int person, boolean plural) {
    int n = 0;
    for (PronounMention p : pronouns) if (!p.quoted() && p.person() == person && p.plural() == plural) n++;
    return n;
  }

  @Override
  public Map<String, Double> features() { return features; }

  private Map<String, Double> computeFeatures() {
    ImmutableSortedMap.Builder<String, Double> f = ImmutableSortedMap.naturalOrder();
    f.put("nlp.language-confidence", languageConfidence);
    if (detectedLanguage.equals("en") || detectedLanguage.equals("de") || detectedLanguage.equals("ru")) {
      f.put("nlp.language." + detectedLanguage, 1.0);
    }
    // Every feature is on a [0, 1] scale, because calibration fits features unscaled next to indicator
    // activations (docs/calibration.md); raw counts stay available on the accessors.
    f.put("nlp.tokens-log", Math.min(1.0, Math.log10(1 + tokens) / 3)); // 1 at 999 tokens
    f.put("nlp.sentences-log", Math.min(1.0, Math.log10(1 + sentences) / 2)); // 1 at 99 sentences
    int fs = count(1, false), fp = count(1, true), ts = count(3, false), tp = count(3, true);
    int all = fs + fp + ts + tp;
    f.put("nlp.pronouns.first-singular-share", share(fs, all));
    f.put("nlp.pronouns.first-plural-share", share(fp, all));
    f.put("nlp.pronouns.third-singular-share", share(ts, all));
    f.put("nlp.pronouns.third-plural-share", share(tp, all));
    f.put("nlp.third-person-share", share(ts + tp, all));
    f.put("nlp.imperative-share", share(imperativeSentences, sentences));
    f.put("nlp.all-caps-share", share(allCapsTokens, tokens));
    f.put("nlp.emoji-density", share(emoji, tokens + emoji));
    if (!Double.isNaN(grammarIrregularity)) f.put("nlp.grammar-irregularity", grammarIrregularity);
    return f.build();
  }

  private static double share(int part, int whole) { return whole == 0 ? 0.0 : (double) part / whole; }

  @Override
  public boolean equals(Object o) {
    return o instanceof NlpFeatures n && n.detectedLanguage.equals(detectedLanguage) && n.features.equals(features)
        && n.pronouns.equals(pronouns) && n.roles.equals(roles);
  }

  @Override
  public int hashCode() { return Objects.hash(detectedLanguage, features, pronouns, roles); }

  @Override
  public String toString() { return "NlpFeatures" + features; }
}
