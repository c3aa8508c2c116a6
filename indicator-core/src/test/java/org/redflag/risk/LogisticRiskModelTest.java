package org.redflag.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogisticRiskModelTest {

  @Test
  void defaultPriorIsDocumentedAndWeighsNoIndicatorThePacksDeclare() {
    LogisticRiskModel prior = LogisticRiskModel.defaultPrior();
    assertThat(prior.label()).isEqualTo("default-prior@1.1.0");
    assertThat(prior.weights()).isNotEmpty();
    assertThat(prior.weights().values()).allSatisfy(w -> assertThat(w.reason()).isNotBlank());
    // lexicon indicators take their prior from the packs only (docs/packs.md)
    assertThat(org.redflag.pack.PackSet.defaults().indicators()).isNotEmpty()
        .allSatisfy((id, d) -> assertThat(prior.weighs(id)).as(id).isFalse());
  }

  @Test
  void withWeightsAddsWeightsAndRefusesASecondSource() {
    LogisticRiskModel prior = LogisticRiskModel.defaultPrior();
    LogisticRiskModel more = prior.withWeights(Map.of("local.x", new LogisticRiskModel.Weight(-0.4, "r")));
    assertThat(more.weighs("local.x")).isTrue();
    assertThat(prior.weighs("local.x")).isFalse();
    assertThat(more.weights()).containsAllEntriesOf(prior.weights()).hasSize(prior.weights().size() + 1);
    assertThat(more.label()).isEqualTo(prior.label());
    assertThat(more.intercept()).isEqualTo(prior.intercept());
    assertThatThrownBy(() -> prior.withWeights(Map.of("phone.obscured", new LogisticRiskModel.Weight(1, "r"))))
        .hasMessageContaining("indicator 'phone.obscured' already has a weight in model default-prior@1.1.0");
  }

  @Test
  void scoreIsTheLogisticOfTheWeightedSum() {
    LogisticRiskModel m = new LogisticRiskModel("m", "1", null, new LogisticRiskModel.Weight(-1, "r"),
        Map.of("a", new LogisticRiskModel.Weight(2, "r"), "b", new LogisticRiskModel.Weight(-0.5, "r")),
        Map.of("f", new LogisticRiskModel.Weight(0.25, "r")), 0.3, 0.7);
    RiskScore s = m.score(new Activations(Map.of("a", 1.0, "b", 0.5, "c", 1.0), Map.of("f", 2.0)));
    double z = -1 + 2 - 0.25 + 0.5;
    assertThat(s.score()).isCloseTo(1 / (1 + Math.exp(-z)), org.assertj.core.data.Offset.offset(1e-12));
    assertThat(s.contributions()).containsEntry("a", 2.0).containsEntry("b", -0.25).containsEntry("c", 0.0).containsEntry("f", 0.5);
    assertThat(s.band()).isEqualTo(Band.HIGH);
    assertThat(m.band(0.29)).isEqualTo(Band.LOW);
    assertThat(m.band(0.3)).isEqualTo(Band.ELEVATED);
  }

  /**
   * The engine passes the same shared key array with every advert; the model keeps that array's
   * weights by index after seeing it twice. Scores must not depend on whether the cache is in use, on
   * which key array came before, or on keys the model has no weight for.
   */
  @Test
  void sharedKeyArraysScoreAsMaps() {
    LogisticRiskModel m = new LogisticRiskModel("m", "1", null, new LogisticRiskModel.Weight(-1, "r"),
        Map.of("a", new LogisticRiskModel.Weight(2, "r"), "c", new LogisticRiskModel.Weight(-0.5, "r")),
        Map.of(), 0.3, 0.7);
    SortedDoubleMap.Keys abc = SortedDoubleMap.keys("a", "b", "c");
    SortedDoubleMap.Keys ac = SortedDoubleMap.keys("a", "c");
    java.util.Random r = new java.util.Random(5);
    for (int i = 0; i < 50; i++) {
      boolean three = r.nextInt(4) != 0; // mostly the same array, sometimes another in between
      double[] v = three ? new double[] {r.nextDouble(), r.nextDouble(), r.nextDouble()} : new double[] {r.nextDouble(), r.nextDouble()};
      Map<String, Double> asMap = three ? Map.of("a", v[0], "b", v[1], "c", v[2]) : Map.of("a", v[0], "c", v[1]);
      RiskScore shared = m.score(new Activations((three ? abc : ac).withOwned(v.clone()), Map.of()));
      RiskScore plain = m.score(new Activations(asMap, Map.of()));
      assertThat(shared.score()).as("round %d", i).isEqualTo(plain.score());
      assertThat(shared.contributions()).as("round %d", i).isEqualTo(plain.contributions());
      if (three) assertThat(shared.contributions()).containsEntry("b", 0.0);
    }
  }

  @Test
  void badModelFilesFailWithPath(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("m.json");
    Files.writeString(f, "{\"format\":\"redflag-model/1\",\"id\":\"m\",\"version\":\"1\",\"intercept\":{\"weight\":0,\"reason\":\"r\"},"
        + "\"weights\":{\"a\":{\"weight\":\"x\",\"reason\":\"r\"}},\"bands\":{\"elevated\":0.2,\"high\":0.5}}");
    assertThatThrownBy(() -> LogisticRiskModel.read(f)).isInstanceOf(ModelFormatException.class)
        .hasMessage("m.json: $.weights.a.weight: expected a finite number");
    Files.writeString(f, "{\"format\":\"redflag-model/1\",\"id\":\"m\",\"version\":\"1\",\"intercept\":{\"weight\":0,\"reason\":\"r\"},"
        + "\"weights\":{},\"bands\":{\"elevated\":0.6,\"high\":0.5}}");
    assertThatThrownBy(() -> LogisticRiskModel.read(f)).hasMessageContaining("$.bands: band thresholds");
  }
}
