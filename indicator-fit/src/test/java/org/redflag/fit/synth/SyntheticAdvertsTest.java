package org.redflag.fit.synth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redflag.engine.Assessment;
import org.redflag.engine.IndicatorResult;
import org.redflag.engine.RiskEngine;
import org.redflag.io.AdvertJson;
import org.redflag.fit.RiskModelTrainer;
import org.redflag.fit.TrainingOptions;
import org.redflag.fit.TrainingResult;

class SyntheticAdvertsTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void advertsFireExactlyTheirMarkersAndAFittedModelFindsTheSignsOfTheGeneratingWeights() throws Exception {
    SyntheticData.GeneratingModel truth = SyntheticData.standardModel();
    List<String> lines = SyntheticData.advertLines(truth, 1500, 7);
    assertThat(SyntheticData.advertLines(truth, 1500, 7)).isEqualTo(lines);
    RiskEngine engine = SyntheticData.engine(truth).build();
    List<Assessment> assessed = new ArrayList<>();
    int[] labels = new int[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      JsonNode n = JSON.readTree(lines.get(i));
      labels[i] = n.get("label").asInt();
      Assessment a = engine.assess(AdvertJson.read(n));
      for (IndicatorResult r : a.indicators()) {
        String phrase = truth.terms().stream().filter(t -> t.indicator().equals(r.id())).findFirst().orElseThrow().phrase();
        assertThat(r.fired()).as("%s on line %d", r.id(), i + 1).isEqualTo(n.get("text").asText().contains(phrase));
      }
      assessed.add(a);
    }
    TrainingResult r = RiskModelTrainer.trainOnAssessments(assessed, labels, TrainingOptions.defaults());
    for (SyntheticData.Term t : truth.terms()) {
      TrainingResult.TermRow row = r.terms().get(r.space().names().indexOf(t.indicator()));
      assertThat(t.weight()).as(t.indicator()).isBetween(row.weightLow() - row.standardError(), row.weightHigh() + row.standardError());
    }
    assertThat(r.model().weights().get("synth.movement").weight()).isNegative();

    // the engine scores with the fitted model; per-indicator contributions are log-odds before calibration
    RiskEngine calibrated = SyntheticData.engine(truth).model(r.model()).build();
    for (int i = 0; i < 50; i++) {
      Assessment a = calibrated.assess(AdvertJson.read(JSON.readTree(lines.get(i))));
      assertThat(a.model()).isEqualTo(r.model().label());
      double z = r.model().intercept().weight();
      for (IndicatorResult row : a.indicators()) {
        double w = r.model().weights().get(row.id()).weight();
        assertThat(row.contribution()).isEqualTo(row.fired() ? w : 0.0);
        z += row.contribution();
      }
      assertThat(a.score()).isEqualTo(r.model().calibration().apply(z));
    }
  }
}
