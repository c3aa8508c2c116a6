package org.redflag.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.redflag.risk.ActivationMode;

class LogisticRegressionTest {
  static final double Z99 = 2.5758293035489;
  static final LogisticRegression.Options UNPENALISED = new LogisticRegression.Options(0, 0, 100, 1e-12);

  /** Design matrix and labels from a synthetic sample. */
  record Data(FeatureSpace space, double[][] x, int[] y) {
    static Data of(SyntheticActivations.Sample s) {
      FeatureSpace space = FeatureSpace.of(s.rows(), ActivationMode.BINARY);
      double[][] x = new double[s.rows().size()][];
      for (int i = 0; i < x.length; i++) x[i] = space.vector(s.rows().get(i));
      return new Data(space, x, s.labels());
    }
  }

  @Test
  void unpenalisedFitOnOneBinaryColumnIsTheLogOddsRatioWithItsTextbookStandardError() {
    // 2x2 table: x=1: 30 positive, 10 negative; x=0: 20 positive, 60 negative
    int[][] cells = {{1, 1, 30}, {1, 0, 10}, {0, 1, 20}, {0, 0, 60}};
    int n = 120;
    double[][] x = new double[n][];
    int[] y = new int[n];
    int i = 0;
    for (int[] c : cells) for (int k = 0; k < c[2]; k++, i++) { x[i] = new double[] {c[0]}; y[i] = c[1]; }
    LogisticRegression.Fit fit = LogisticRegression.fit(x, y, UNPENALISED);
    assertThat(fit.converged()).isTrue();
    assertThat(fit.intercept()).isCloseTo(Math.log(20.0 / 60), offset(1e-9));
    assertThat(fit.weights()[0]).isCloseTo(Math.log((30.0 / 10) / (20.0 / 60)), offset(1e-9));
    assertThat(fit.standardErrors()[0]).isCloseTo(Math.sqrt(1 / 30.0 + 1 / 10.0 + 1 / 20.0 + 1 / 60.0), offset(1e-7));
    assertThat(fit.interceptSe()).isCloseTo(Math.sqrt(1 / 20.0 + 1 / 60.0), offset(1e-7));
  }

  @Test
  void recoversGeneratingWeightsWithinTheir99PercentIntervalsIncludingTheProtectiveOne() {
    SyntheticActivations.GeneratingModel truth = SyntheticActivations.standardModel();
    Data d = Data.of(SyntheticActivations.sample(truth, 6000, 11));
    LogisticRegression.Fit fit = LogisticRegression.fit(d.x(), d.y(), LogisticRegression.Options.defaults());
    assertThat(fit.converged()).isTrue();
    List<String> names = d.space().names();
    assertThat(names).containsExactly("synth.availability", "synth.control", "synth.movement", "synth.recruitment", "synth.youth", "synth.signal");
    for (int j = 0; j < names.size(); j++) {
      double w = truth.weight(names.get(j));
      assertThat(fit.weights()[j]).as(names.get(j)).isBetween(w - Z99 * fit.standardErrors()[j], w + Z99 * fit.standardErrors()[j]);
      assertThat(fit.standardErrors()[j]).as(names.get(j)).isBetween(0.01, 0.2);
    }
    assertThat(fit.intercept()).isBetween(truth.intercept() - Z99 * fit.interceptSe(), truth.intercept() + Z99 * fit.interceptSe());
    int movement = names.indexOf("synth.movement");
    assertThat(fit.weights()[movement] + 1.96 * fit.standardErrors()[movement]).as("protective upper bound").isNegative();
    int youth = names.indexOf("synth.youth");
    assertThat(Math.abs(fit.weights()[youth])).as("no-signal indicator").isLessThan(Z99 * fit.standardErrors()[youth]);
  }

  @Test
  void ninetyFivePercentIntervalsCoverTheTrueWeightsAtAboutTheirNominalRate() {
    SyntheticActivations.GeneratingModel truth = SyntheticActivations.standardModel();
    int covered = 0;
    int total = 0;
    for (long seed = 100; seed < 140; seed++) {
      Data d = Data.of(SyntheticActivations.sample(truth, 1000, seed));
      LogisticRegression.Fit fit = LogisticRegression.fit(d.x(), d.y(), LogisticRegression.Options.defaults().withL2(0.1));
      double[] w = fit.weights();
      double[] se = fit.standardErrors();
      for (int j = 0; j < w.length; j++, total++) {
        double t = truth.weight(d.space().names().get(j));
        if (Math.abs(w[j] - t) <= 1.959963984540054 * se[j]) covered++;
      }
    }
    // 240 intervals; at a true rate of 95% fewer than 88% covered has probability < 1e-5
    assertThat((double) covered / total).isBetween(0.88, 0.995);
  }

  @Test
  void l2OptimumHasZeroGradientAndShrinksTowardsZero() {
    Data d = Data.of(SyntheticActivations.sample(SyntheticActivations.standardModel(), 800, 3));
    LogisticRegression.Fit weak = LogisticRegression.fit(d.x(), d.y(), LogisticRegression.Options.defaults().withL2(0.01));
    LogisticRegression.Fit strong = LogisticRegression.fit(d.x(), d.y(), LogisticRegression.Options.defaults().withL2(200));
    double[] g = gradient(d, strong, 200);
    for (double v : g) assertThat(v).isCloseTo(0, offset(1e-6));
    double normWeak = 0, normStrong = 0;
    for (int j = 0; j < d.space().size(); j++) {
      normWeak += weak.weights()[j] * weak.weights()[j];
      normStrong += strong.weights()[j] * strong.weights()[j];
    }
    assertThat(normStrong).isLessThan(normWeak / 4);
  }

  @Test
  void l1SatisfiesItsOptimalityConditionsAndZeroesWeakColumns() {
    Data d = Data.of(SyntheticActivations.sample(SyntheticActivations.standardModel(), 1500, 5));
    double l1 = 25;
    LogisticRegression.Fit fit = LogisticRegression.fit(d.x(), d.y(), new LogisticRegression.Options(0.5, l1, 200, 1e-12));
    double[] g = gradient(d, fit, 0.5); // smooth part; intercept first
    assertThat(g[0]).isCloseTo(0, offset(1e-5));
    int zeros = 0;
    for (int j = 0; j < d.space().size(); j++) {
      double w = fit.weights()[j];
      if (w == 0) {
        zeros++;
        assertThat(Math.abs(g[j + 1])).as("subgradient of zero weight %s", d.space().names().get(j)).isLessThanOrEqualTo(l1 + 1e-5);
      } else {
        assertThat(g[j + 1] + l1 * Math.signum(w)).as("stationarity of %s", d.space().names().get(j)).isCloseTo(0, offset(1e-4));
      }
    }
    assertThat(zeros).isPositive();
    assertThat(fit.weights()[d.space().names().indexOf("synth.youth")]).isZero();
    assertThat(fit.weights()[d.space().names().indexOf("synth.control")]).isPositive();
  }

  @Test
  void perfectlySeparableDataGetFiniteWeightsUnderL2AndAClearErrorWithoutIt() {
    int n = 40;
    double[][] x = new double[n][];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 2;
      x[i] = new double[] {y[i], (i % 5) / 5.0};
    }
    LogisticRegression.Fit fit = LogisticRegression.fit(x, y, LogisticRegression.Options.defaults());
    for (double w : fit.weights()) assertThat(w).isFinite();
    for (double s : fit.standardErrors()) assertThat(s).isFinite();
    assertThat(fit.weights()[0]).isGreaterThan(2);
    assertThat(fit.converged()).isTrue();
    assertThatThrownBy(() -> LogisticRegression.fit(x, y, UNPENALISED))
        .isInstanceOf(LogisticRegression.FitException.class).hasMessageContaining("separable").hasMessageContaining("L2");
  }

  @Test
  void constantColumnsAreFixedAtZeroAndMarkedNotEstimable() {
    Data d = Data.of(SyntheticActivations.sample(SyntheticActivations.standardModel(), 300, 9));
    double[][] x = new double[d.x().length][];
    for (int i = 0; i < x.length; i++) {
      x[i] = java.util.Arrays.copyOf(d.x()[i], d.x()[i].length + 2);
      x[i][x[i].length - 2] = 0; // never fires
      x[i][x[i].length - 1] = 1; // always fires
    }
    for (LogisticRegression.Options o : List.of(LogisticRegression.Options.defaults(), UNPENALISED, LogisticRegression.Options.defaults().withL1(2))) {
      LogisticRegression.Fit fit = LogisticRegression.fit(x, d.y(), o);
      int p = x[0].length;
      assertThat(fit.estimable()[p - 1]).isFalse();
      assertThat(fit.estimable()[p - 2]).isFalse();
      assertThat(fit.weights()[p - 1]).isZero();
      assertThat(fit.weights()[p - 2]).isZero();
      for (double w : fit.weights()) assertThat(w).isFinite();
      assertThat(fit.intercept()).isFinite();
    }
  }

  @Test
  void oneClassOnlyIsAClearError() {
    double[][] x = {{1}, {0}, {1}};
    assertThatThrownBy(() -> LogisticRegression.fit(x, new int[] {1, 1, 1}, LogisticRegression.Options.defaults()))
        .isInstanceOf(LogisticRegression.FitException.class).hasMessage("labels contain only class 1 (3 rows); need both classes");
  }

  @Test
  void fitsAreDeterministic() {
    Data d = Data.of(SyntheticActivations.sample(SyntheticActivations.standardModel(), 500, 21));
    LogisticRegression.Options o = LogisticRegression.Options.defaults().withL1(1);
    LogisticRegression.Fit a = LogisticRegression.fit(d.x(), d.y(), o);
    LogisticRegression.Fit b = LogisticRegression.fit(d.x(), d.y(), o);
    assertThat(a.weights()).isEqualTo(b.weights());
    assertThat(a.standardErrors()).isEqualTo(b.standardErrors());
    assertThat(Double.doubleToRawLongBits(a.intercept())).isEqualTo(Double.doubleToRawLongBits(b.intercept()));
  }

  /** Gradient of loss + (l2/2)|w|^2 at the fit; index 0 is the intercept. */
  static double[] gradient(Data d, LogisticRegression.Fit fit, double l2) {
    int p = d.space().size();
    double[] g = new double[p + 1];
    for (int i = 0; i < d.y().length; i++) {
      double r = LogisticRegression.sigmoid(fit.logOdds(d.x()[i])) - d.y()[i];
      g[0] += r;
      for (int j = 0; j < p; j++) g[j + 1] += r * d.x()[i][j];
    }
    for (int j = 0; j < p; j++) g[j + 1] += l2 * fit.weights()[j];
    return g;
  }
}
