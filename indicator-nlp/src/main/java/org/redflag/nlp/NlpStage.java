package org.redflag.nlp;

import java.util.Objects;
import org.redflag.indicator.AdvertAnalysis;
import org.redflag.indicator.AnalysisKey;
import org.redflag.indicator.AnalysisStage;

/**
 * Analysis stage that computes {@link NlpFeatures} for the advert text once, for all indicators that
 * need them and, as a {@link org.redflag.indicator.FeatureSource}, for the assessment's {@code nlp.*}
 * features. The advert's stated language, when it has one, selects the language-specific models.
 */
public final class NlpStage implements AnalysisStage<NlpFeatures> {
  /** Key of the NLP features in {@link AdvertAnalysis#get}. */
  public static final AnalysisKey<NlpFeatures> FEATURES = AnalysisKey.of("nlp.features", NlpFeatures.class);

  private final NlpFeatureExtractor extractor;

  public NlpStage(NlpFeatureExtractor extractor) { this.extractor = Objects.requireNonNull(extractor, "extractor"); }

  public NlpFeatureExtractor extractor() { return extractor; }

  @Override
  public AnalysisKey<NlpFeatures> key() { return FEATURES; }

  @Override
  public NlpFeatures analyze(AdvertAnalysis analysis) {
    return extractor.extract(analysis.advert().text(), analysis.advert().language().orElse(null));
  }
}
