package org.redflag.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {
  static final double[] P = {0.1, 0.4, 0.35, 0.8};
  static final int[] Y = {0, 0, 1, 1};

  @Test
  void rocAucAndAveragePrecisionMatchHandComputedValues() {
    // pairs (pos, neg): (0.35 > 0.1), (0.35 < 0.4), (0.8 > 0.1), (0.8 > 0.4): 3 of 4
    assertThat(Metrics.rocAuc(P, Y)).isCloseTo(0.75, offset(1e-12));
    // ranking 0.8(+) 0.4(-) 0.35(+) 0.1(-): recall 0.5 at precision 1, recall 1 at precision 2/3
    assertThat(Metrics.averagePrecision(P, Y)).isCloseTo(0.5 * 1 + 0.5 * 2.0 / 3, offset(1e-12));
  }

  @Test
  void tiedScoresCountHalf() {
    assertThat(Metrics.rocAuc(new double[] {0.5, 0.5, 0.5, 0.5}, Y)).isEqualTo(0.5);
    assertThat(Metrics.averagePrecision(new double[] {0.5, 0.5, 0.5, 0.5}, Y)).isEqualTo(0.5);
    assertThat(Metrics.rocAuc(new double[] {0.2, 0.7, 0.7, 0.9}, Y)).isCloseTo(0.875, offset(1e-12));
  }

  @Test
  void brierLogLossAndCalibrationError() {
    assertThat(Metrics.brier(P, Y)).isCloseTo((0.01 + 0.16 + 0.4225 + 0.04) / 4, offset(1e-12));
    assertThat(Metrics.logLoss(P, Y)).isCloseTo(-(Math.log(0.9) + Math.log(0.6) + Math.log(0.35) + Math.log(0.8)) / 4, offset(1e-12));
    assertThat(Metrics.logLoss(new double[] {0, 1}, new int[] {1, 0})).isFinite().isCloseTo(-Math.log(1e-15), offset(1e-3)); // 1 - (1 - 1e-15) rounds to 1.1e-15
    // bins of width 0.5: [0.1, 0.4, 0.35] -> mean 0.2833, rate 1/3; [0.8] -> mean 0.8, rate 1
    double ece = 0.75 * Math.abs(0.85 / 3 - 1 / 3.0) + 0.25 * Math.abs(0.8 - 1);
    assertThat(Metrics.expectedCalibrationError(P, Y, 2)).isCloseTo(ece, offset(1e-12));
  }

  @Test
  void curvesRunFromTheOriginAndEndAtFullRecall() {
    List<Metrics.Point> roc = Metrics.rocCurve(P, Y);
    assertThat(roc.get(0)).isEqualTo(new Metrics.Point(0, 0));
    assertThat(roc.get(roc.size() - 1)).isEqualTo(new Metrics.Point(1, 1));
    List<Metrics.Point> pr = Metrics.prCurve(P, Y);
    assertThat(pr.get(0)).isEqualTo(new Metrics.Point(0.5, 1));
    assertThat(pr.get(pr.size() - 1)).isEqualTo(new Metrics.Point(1, 0.5));
  }

  @Test
  void wilsonIntervalMatchesPublishedValues() {
    // 0 of 10: upper bound 0.2775 (Newcombe 1998, Table I)
    double[] w = Metrics.wilson(0, 10);
    assertThat(w[0]).isZero();
    assertThat(w[1]).isCloseTo(0.2775, offset(5e-5));
    double[] half = Metrics.wilson(50, 100);
    assertThat(half[0] + half[1]).isCloseTo(1, offset(1e-12));
    assertThat(half[0]).isCloseTo(0.4038, offset(5e-5));
  }

  @Test
  void rankingMetricsNeedBothClasses() {
    assertThatThrownBy(() -> Metrics.rocAuc(new double[] {0.2, 0.3}, new int[] {1, 1})).hasMessageContaining("both classes");
    assertThatThrownBy(() -> Metrics.brier(new double[] {1.2}, new int[] {1})).hasMessageContaining("within [0, 1]");
  }
}
