package org.redflag.engine;

import java.util.List;
import java.util.Optional;
import org.redflag.indicator.AnalysisStage;
import org.redflag.indicator.Indicator;
import org.redflag.text.LanguageDetector;

/**
 * An optional text-analysis component for {@link RiskEngine.Builder#nlp(NlpComponent)}: its analysis
 * stages (computed once per advert, e.g. NLP features), the indicators that read them, and a language
 * detector that chooses packs for adverts that state no language. indicator-core does not depend on
 * any implementation; the OpenNLP one is {@code org.redflag.nlp.RedflagNlp.component()} in
 * indicator-nlp. Implementations must be thread-safe, as the engine is.
 */
public interface NlpComponent {
  /** Stages to add, in order. */
  List<AnalysisStage<?>> stages();

  /** Indicators to register (in addition to discovered and hand-registered ones). */
  List<Indicator> indicators();

  /** The detector for adverts without a stated language; empty keeps the builder's detector. */
  Optional<LanguageDetector> languageDetector();
}
