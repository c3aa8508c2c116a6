package org.redflag.nlp;

import java.util.Objects;
import org.redflag.engine.RiskEngine;

/**
 * Installs the NLP component on an engine builder: the {@link NlpStage} (features {@code nlp.*}),
 * the {@link ThirdPersonNarrationIndicator} and the {@link OpenNlpLanguageDetector} that selects packs
 * by language when an advert states none. indicator-core does not depend on this module; callers opt in:
 *
 * <pre>{@code RiskEngine engine = RedflagNlp.install(RiskEngine.builder()).build();}</pre>
 */
public final class RedflagNlp {
  private RedflagNlp() {}

  /** Installs with all features on (including POS tagging) and the default language threshold. */
  public static RiskEngine.Builder install(RiskEngine.Builder builder) {
    return install(builder, new NlpFeatureExtractor());
  }

  /** Installs with the given extractor; its language detector also selects packs. Loads the models now. */
  public static RiskEngine.Builder install(RiskEngine.Builder builder, NlpFeatureExtractor extractor) {
    Objects.requireNonNull(builder, "builder");
    extractor.preload();
    return builder
        .languageDetector(extractor.languageDetector())
        .stage(new NlpStage(extractor))
        .indicator(new ThirdPersonNarrationIndicator());
  }
}
