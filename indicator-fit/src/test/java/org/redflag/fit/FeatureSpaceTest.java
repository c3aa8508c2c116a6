package org.redflag.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redflag.advert.Advert;
import org.redflag.engine.Assessment;
import org.redflag.engine.RiskEngine;
import org.redflag.risk.ActivationMode;
import org.redflag.risk.Activations;

class FeatureSpaceTest {
  static final List<Activations> ROWS = List.of(
      new Activations(Map.of("b", 0.5, "a", 1.0), Map.of("z.feature", 2.0)),
      new Activations(Map.of("b", 0.5, "a", 0.6, "c", 0.0), Map.of()),
      new Activations(Map.of("c", 0.3), Map.of("y.feature", -1.0)));

  @Test
  void columnsAreNamedDeterministicallyWhateverTheRowOrder() {
    FeatureSpace s = FeatureSpace.of(ROWS, ActivationMode.STRENGTH);
    assertThat(s.names()).containsExactly("a", "b", "c", "y.feature", "z.feature");
    assertThat(FeatureSpace.of(List.of(ROWS.get(2), ROWS.get(1), ROWS.get(0)), ActivationMode.STRENGTH)).isEqualTo(s);
    assertThat(s.vector(ROWS.get(0))).containsExactly(1.0, 0.5, 0.0, 0.0, 2.0);
    assertThat(s.vector(ROWS.get(2))).containsExactly(0.0, 0.0, 0.3, -1.0, 0.0);
  }

  @Test
  void binaryModeCountsAnyFiringAsOne() {
    FeatureSpace s = FeatureSpace.of(ROWS, ActivationMode.BINARY);
    assertThat(s.vector(ROWS.get(1))).containsExactly(1.0, 1.0, 0.0, 0.0, 0.0);
    assertThat(s.vector(ROWS.get(0))[4]).as("numeric features are never binarised").isEqualTo(2.0);
  }

  @Test
  void interactionsOnlyForPairsWithEnoughSupport() {
    FeatureSpace s = FeatureSpace.of(ROWS, ActivationMode.STRENGTH).withInteractions(ROWS, 2);
    assertThat(s.names()).containsExactly("a", "b", "c", "y.feature", "z.feature", "a*b");
    assertThat(s.vector(ROWS.get(1))[5]).isEqualTo(0.6 * 0.5);
    assertThat(FeatureSpace.of(ROWS, ActivationMode.STRENGTH).withInteractions(ROWS, 3).names()).doesNotContain("a*b");
    assertThat(FeatureSpace.of(ROWS, ActivationMode.STRENGTH).withInteractions(ROWS, 1).names())
        .as("c never fires together with a or b").doesNotContain("a*c", "b*c").contains("a*b");
    assertThatThrownBy(() -> FeatureSpace.of(ROWS, ActivationMode.STRENGTH).withInteractions(ROWS, 0)).hasMessageContaining("minSupport");
  }

  @Test
  void activationsOfAnAssessmentHaveEveryIndicatorRow() {
    RiskEngine engine = RiskEngine.withDefaults();
    Assessment a = engine.assess(Advert.builder("t1", "Text my manager to book. Available 24/7, incall.").category("escort").language("en").build());
    Activations act = FeatureSpace.activations(a);
    assertThat(act.strengths().keySet()).containsExactlyInAnyOrderElementsOf(a.indicators().stream().map(r -> r.id()).toList());
    assertThat(act.strength("control.third-party")).isPositive();
    assertThat(act.features()).isEqualTo(a.features());
  }
}
