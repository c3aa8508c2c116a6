package org.redflag.nlp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.redflag.engine.NlpComponent;
import org.redflag.engine.RiskEngine;
import org.redflag.indicator.AnalysisStage;
import org.redflag.indicator.Indicator;
import org.redflag.text.LanguageDetector;

/**
 * The OpenNLP component for {@link RiskEngine.Builder#nlp(NlpComponent)}: the {@link NlpStage}
 * (features {@code nlp.*}), the {@link ThirdPersonNarrationIndicator} and the
 * {@link OpenNlpLanguageDetector} that selects packs by language when an advert states none.
 * indicator-core does not depend on this module; callers opt in:
 *
 * <pre>{@code RiskEngine engine = RiskEngine.builder().nlp(RedflagNlp.component()).build();}</pre>
 */
public final class RedflagNlp {
  private RedflagNlp() {}

  /**
   * Every feature but the POS-based {@code nlp.grammar-irregularity} (see {@link NlpFeatureExtractor}),
   * the default language threshold; loads the models now.
   */
  public static NlpComponent component() { return component(new NlpFeatureExtractor()); }

  /** As {@link #component()}, with POS tagging for {@code nlp.grammar-irregularity} (costlier per advert). */
  public static NlpComponent componentWithGrammar() {
    return component(new NlpFeatureExtractor(new OpenNlpLanguageDetector(), true));
  }

  /** The component around the given extractor, whose language detector also selects packs. Loads the models now. */
  public static NlpComponent component(NlpFeatureExtractor extractor) {
    Objects.requireNonNull(extractor, "extractor").preload();
    NlpStage stage = new NlpStage(extractor);
    Indicator thirdPerson = new ThirdPersonNarrationIndicator();
    return new NlpComponent() {
      @Override public List<AnalysisStage<?>> stages() { return List.of(stage); }
      @Override public List<Indicator> indicators() { return List.of(thirdPerson); }
      @Override public Optional<LanguageDetector> languageDetector() { return Optional.of(extractor.languageDetector()); }
      @Override public String toString() { return "RedflagNlp[posTagging=" + extractor.posTagging() + "]"; }
    };
  }

  /** Shorthand for {@code builder.nlp(component())}. */
  public static RiskEngine.Builder install(RiskEngine.Builder builder) {
    return Objects.requireNonNull(builder, "builder").nlp(component());
  }

  /** Shorthand for {@code builder.nlp(component(extractor))}. */
  public static RiskEngine.Builder install(RiskEngine.Builder builder, NlpFeatureExtractor extractor) {
    return Objects.requireNonNull(builder, "builder").nlp(component(extractor));
  }
}
