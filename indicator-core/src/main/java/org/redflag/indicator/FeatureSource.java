package org.redflag.indicator;

import java.util.Map;

/**
 * A stage value that contributes numeric features to risk models and assessments (e.g. NLP
 * features). Names are dotted, e.g. {@code nlp.first-person-share}; values are finite.
 */
public interface FeatureSource {
  Map<String, Double> features();
}
