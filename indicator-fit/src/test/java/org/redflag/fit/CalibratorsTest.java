package org.redflag.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.redflag.risk.Calibration;

class CalibratorsTest {

  @Test
  void poolAdjacentViolatorsPoolsDecreasingRuns() {
    double[] z = {1, 2, 3, 4, 5, 6};
    int[] y = {0, 1, 0, 0, 1, 1};
    Calibration.Isotonic iso = Calibrators.isotonic(z, y);
    // blocks: {1}: 0, {2,3,4}: 1/3, {5}: 1, {6}: 1 -> (5,6) pooled as equal means stay separate blocks
    assertThat(iso.apply(1)).isZero();
    assertThat(iso.apply(2)).isCloseTo(1 / 3.0, offset(1e-12));
    assertThat(iso.apply(4)).isCloseTo(1 / 3.0, offset(1e-12));
    assertThat(iso.apply(3.5)).isCloseTo(1 / 3.0, offset(1e-12));
    assertThat(iso.apply(4.5)).isCloseTo((1 / 3.0 + 1) / 2, offset(1e-12));
    assertThat(iso.apply(6)).isEqualTo(1);
    assertThat(iso.apply(-100)).isZero();
    assertThat(iso.apply(100)).isEqualTo(1);
  }

  @Test
  void isotonicIsMonotoneAndPoolsTiedScores() {
    Random r = new Random(4);
    int n = 500;
    double[] z = new double[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      z[i] = Math.round(r.nextGaussian() * 4) / 2.0; // many ties
      y[i] = r.nextDouble() < Calibration.sigmoid(z[i]) ? 1 : 0;
    }
    Calibration.Isotonic iso = Calibrators.isotonic(z, y);
    double prev = -1;
    for (double t = -6; t <= 6; t += 0.01) {
      double v = iso.apply(t);
      assertThat(v).isGreaterThanOrEqualTo(prev).isBetween(0.0, 1.0);
      prev = v;
    }
    // the fitted values are block means, so the total predicted equals the number of positives
    double sum = 0;
    int pos = 0;
    for (int i = 0; i < n; i++) { sum += iso.apply(z[i]); pos += y[i]; }
    assertThat(sum).isCloseTo(pos, offset(1e-6));
  }

  @Test
  void plattRecoversAKnownSlopeAndOffset() {
    Random r = new Random(8);
    int n = 20000;
    double[] z = new double[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      z[i] = r.nextGaussian() * 1.5;
      y[i] = r.nextDouble() < Calibration.sigmoid(0.5 * z[i] - 1) ? 1 : 0;
    }
    Calibration.Platt p = (Calibration.Platt) Calibrators.platt(z, y);
    assertThat(p.a()).isCloseTo(0.5, offset(0.05));
    assertThat(p.b()).isCloseTo(-1, offset(0.06));
  }

  @Test
  void plattOnSeparableScoresStaysFinite() {
    double[] z = {-3, -2, -1, 1, 2, 3};
    int[] y = {0, 0, 0, 1, 1, 1};
    Calibration.Platt p = (Calibration.Platt) Calibrators.platt(z, y);
    assertThat(p.a()).isFinite().isPositive();
    assertThat(p.apply(3)).isLessThan(1).isGreaterThan(0.5);
  }

  @Test
  void plattOnAntiCorrelatedScoresFallsBackToTheBaseRate() {
    double[] z = {-3, -2, -1, 1, 2, 3};
    int[] y = {1, 1, 1, 0, 0, 0};
    Calibration c = Calibrators.platt(z, y);
    assertThat(c.apply(-3)).isCloseTo(0.5, offset(1e-6));
    assertThat(c.apply(3)).isCloseTo(0.5, offset(1e-6));
  }
}
