package org.redflag.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redflag.risk.LogisticRiskModel.Weight;

class ModelFileRoundTripTest {

  static LogisticRiskModel full(double w, Calibration c) {
    return LogisticRiskModel.builder("local", "2.1").description("test \"model\" \u00e9")
        .intercept(new Weight(-2.25, "intercept", 0.125))
        .weights(Map.of("a", new Weight(w, "fitted", 0.3), "b", new Weight(-0.7, "protective")))
        .features(Map.of("price.percentile", new Weight(0.1 + w / 3, "feature", 1e-300)))
        .interactions(Map.of("a*b", new Weight(w * Math.PI, "interaction", 0.5)))
        .activation(ActivationMode.BINARY).calibration(c).bands(0.2, 0.7)
        .training(new TrainingSummary(1234, 210, "2026-11-23T07:00:00Z", List.of("core-en@0.1.0", "local@1"),
            Map.of("cv.rocAuc", w / 7, "cv.brier", 0.1 + 0.2), Map.of("seed", "42", "l2", "1.0")))
        .build();
  }

  @Provide
  Arbitrary<Double> finiteDoubles() {
    // bounded so that the fixture's derived weights (w * pi) stay finite too
    return Arbitraries.longs().map(Double::longBitsToDouble).filter(d -> Double.isFinite(d) && Math.abs(d) < 1e300);
  }

  @Property(tries = 300)
  void everyFiniteDoubleRoundTripsBitForBit(@ForAll("finiteDoubles") double w) {
    double zeroToOne = Math.abs(w) / (1 + Math.abs(w));
    Calibration iso = new Calibration.Isotonic(new double[] {-Math.abs(w), 0, Math.abs(w)}, new double[] {0, zeroToOne / 2, zeroToOne});
    for (Calibration c : List.of(Calibration.NONE, new Calibration.Platt(Math.abs(w) + Double.MIN_VALUE, w), iso)) {
      LogisticRiskModel m = full(w, c);
      LogisticRiskModel back = LogisticRiskModel.parse("m.json", m.toJson());
      assertThat(back).isEqualTo(m);
      assertThat(Double.doubleToRawLongBits(back.weights().get("a").weight())).isEqualTo(Double.doubleToRawLongBits(w));
      assertThat(back.toJson()).isEqualTo(m.toJson());
    }
  }

  @Test
  void negativeZeroAndExtremesRoundTripThroughAFile(@TempDir Path dir) throws IOException {
    for (double w : new double[] {-0.0, Double.MIN_VALUE, -1e300, 0.1 + 0.2, 1e23, 2.0E-3}) {
      LogisticRiskModel m = full(w, new Calibration.Platt(1.5, -0.25));
      Path f = dir.resolve("m.json");
      m.write(f);
      LogisticRiskModel back = LogisticRiskModel.read(f);
      assertThat(back).isEqualTo(m);
      assertThat(Double.doubleToRawLongBits(back.weights().get("a").weight())).isEqualTo(Double.doubleToRawLongBits(w));
    }
  }

  @Test
  void version1FilesStillReadAndTheDefaultPriorIsUnchangedInMeaning() {
    String v1 = "{\"format\":\"redflag-model/1\",\"id\":\"m\",\"version\":\"1\",\"intercept\":{\"weight\":-1,\"reason\":\"r\"},"
        + "\"weights\":{\"a\":{\"weight\":2,\"reason\":\"r\"}},\"bands\":{\"elevated\":0.2,\"high\":0.5}}";
    LogisticRiskModel m = LogisticRiskModel.parse("v1.json", v1);
    assertThat(m.activation()).isEqualTo(ActivationMode.STRENGTH);
    assertThat(m.calibration()).isEqualTo(Calibration.NONE);
    assertThat(m.training()).isNull();
    assertThat(m.score(new Activations(Map.of("a", 0.5), Map.of())).score()).isCloseTo(0.5, offset(1e-15));
    // written back as version 2, it means the same
    assertThat(LogisticRiskModel.parse("v2.json", m.toJson())).isEqualTo(m);
    assertThat(m.toJson()).contains("\"format\" : \"redflag-model/2\"");
    assertThatThrownBy(() -> LogisticRiskModel.parse("v1.json", v1.replace("\"bands\"", "\"calibration\":{\"method\":\"none\"},\"bands\"")))
        .hasMessage("v1.json: $.calibration: needs format \"redflag-model/2\"");
  }

  @Test
  void badVersion2FieldsFailWithTheirPath() {
    String head = "{\"format\":\"redflag-model/2\",\"id\":\"m\",\"version\":\"1\",\"intercept\":{\"weight\":0,\"reason\":\"r\"},"
        + "\"weights\":{},\"bands\":{\"elevated\":0.2,\"high\":0.5}";
    assertThatThrownBy(() -> LogisticRiskModel.parse("m.json", head + ",\"calibration\":{\"method\":\"magic\"}}"))
        .hasMessage("m.json: $.calibration.method: expected \"none\", \"platt\" or \"isotonic\"");
    assertThatThrownBy(() -> LogisticRiskModel.parse("m.json", head + ",\"calibration\":{\"method\":\"platt\",\"a\":-1,\"b\":0}}"))
        .hasMessage("m.json: $.calibration: platt slope a must be finite and positive, was -1.0");
    assertThatThrownBy(() -> LogisticRiskModel.parse("m.json", head + ",\"calibration\":{\"method\":\"isotonic\",\"x\":[0,1],\"y\":[0.5,0.2]}}"))
        .hasMessage("m.json: $.calibration: isotonic y must not decrease, y[1] = 0.2");
    assertThatThrownBy(() -> LogisticRiskModel.parse("m.json", head + ",\"interactions\":{\"b*a\":{\"weight\":1,\"reason\":\"r\"}}}"))
        .hasMessage("m.json: $.interactions.b*a: interaction 'b*a' must be written as 'a*b'");
    assertThatThrownBy(() -> LogisticRiskModel.parse("m.json", head + ",\"activation\":\"fuzzy\"}"))
        .hasMessage("m.json: $.activation: expected \"strength\" or \"binary\"");
    assertThatThrownBy(() -> LogisticRiskModel.parse("m.json", head + ",\"training\":{\"rows\":5,\"positives\":7,\"trainedAt\":\"x\"}}"))
        .hasMessage("m.json: $.training: need 0 <= positives <= rows, were 7 and 5");
    assertThatThrownBy(() -> LogisticRiskModel.parse("m.json", head.replace("\"reason\":\"r\"}", "\"reason\":\"r\",\"se\":-1}") + "}"))
        .hasMessage("m.json: $.intercept.se: a standard error cannot be negative");
  }

  @Test
  void contributionsAreLogOddsBeforeCalibrationAndInteractionsSplitHalfAndHalf() {
    LogisticRiskModel m = full(1.0, new Calibration.Platt(2, 1));
    Activations a = new Activations(Map.of("a", 0.4, "b", 1.0, "c", 1.0), Map.of("price.percentile", 3.0));
    RiskScore s = m.score(a);
    double inter = Math.PI; // binary: a and b both count as 1
    assertThat(s.contributions().get("a")).isCloseTo(1.0 + inter / 2, offset(1e-12));
    assertThat(s.contributions().get("b")).isCloseTo(-0.7 + inter / 2, offset(1e-12));
    assertThat(s.contributions().get("c")).isZero();
    assertThat(s.contributions().get("price.percentile")).isCloseTo(3 * (0.1 + 1 / 3.0), offset(1e-12));
    double z = m.intercept().weight() + s.contributions().values().stream().mapToDouble(Double::doubleValue).sum();
    assertThat(m.logOdds(a)).isCloseTo(z, offset(1e-12));
    assertThat(s.score()).isCloseTo(Calibration.sigmoid(2 * z + 1), offset(1e-12));
    assertThat(s.band()).isEqualTo(m.band(s.score()));
  }

  @Test
  void isotonicMapInterpolatesAndClampsAndNeverReturnsNaN() {
    Calibration.Isotonic iso = new Calibration.Isotonic(new double[] {-1, 0, 0, 2}, new double[] {0.1, 0.2, 0.4, 0.8});
    assertThat(iso.apply(-5)).isEqualTo(0.1);
    assertThat(iso.apply(-0.5)).isCloseTo(0.15, offset(1e-12));
    assertThat(iso.apply(0)).isEqualTo(0.4);
    assertThat(iso.apply(1)).isCloseTo(0.6, offset(1e-12));
    assertThat(iso.apply(1e308)).isEqualTo(0.8);
    assertThat(Calibration.sigmoid(-1e308)).isZero();
    assertThat(Calibration.sigmoid(1e308)).isEqualTo(1);
  }
}
