package org.redflag.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redflag.risk.Activations;
import org.redflag.risk.LogisticRiskModel;

class RiskModelTrainerTest {
  static final TrainingOptions OPTIONS = TrainingOptions.defaults().withTrainedAt("2026-01-01T00:00:00Z");

  @Test
  void crossValidatedAucIsCloseToTheGeneratingModelsAndHeldOutCalibrationErrorIsSmall() {
    SyntheticActivations.GeneratingModel truth = SyntheticActivations.standardModel();
    SyntheticActivations.Sample train = SyntheticActivations.sample(truth, 4000, 1);
    TrainingResult r = RiskModelTrainer.train(train.rows(), train.labels(), OPTIONS);
    double trueAuc = Metrics.rocAuc(train.trueProbabilities(), train.labels());
    assertThat(r.crossValidated().rocAuc()).isBetween(trueAuc - 0.02, trueAuc + 0.005);
    assertThat(r.crossValidated().ece()).isLessThan(0.03);

    SyntheticActivations.Sample test = SyntheticActivations.sample(truth, 8000, 2);
    double[] p = new double[test.labels().length];
    for (int i = 0; i < p.length; i++) p[i] = r.model().score(test.rows().get(i)).score();
    double heldOutAuc = Metrics.rocAuc(p, test.labels());
    double bestAuc = Metrics.rocAuc(test.trueProbabilities(), test.labels());
    assertThat(heldOutAuc).isBetween(bestAuc - 0.01, bestAuc + 0.005);
    assertThat(Metrics.expectedCalibrationError(p, test.labels(), 10)).isLessThan(0.025);
    assertThat(Metrics.brier(p, test.labels())).isLessThan(Metrics.brier(test.trueProbabilities(), test.labels()) + 0.003);
  }

  @Test
  void modelCarriesWeightsWithIntervalsAndATrainingSummary() {
    SyntheticActivations.Sample s = SyntheticActivations.sample(SyntheticActivations.standardModel(), 3000, 4);
    TrainingResult r = RiskModelTrainer.train(s.rows(), s.labels(), OPTIONS.withPacks(List.of("synthetic@1.0.0")));
    LogisticRiskModel m = r.model();
    assertThat(m.weights().keySet()).containsExactly("synth.availability", "synth.control", "synth.movement", "synth.recruitment", "synth.youth");
    assertThat(m.features()).containsOnlyKeys("synth.signal");
    assertThat(m.weights().get("synth.movement").weight()).isNegative();
    assertThat(m.weights().values()).allSatisfy(w -> assertThat(w.standardError()).isNotNull().isPositive());
    assertThat(m.training().rows()).isEqualTo(3000);
    assertThat(m.training().positives()).isEqualTo(r.positives());
    assertThat(m.training().packs()).containsExactly("synthetic@1.0.0");
    assertThat(m.training().metrics()).containsKeys("cv.rocAuc", "cv.averagePrecision", "cv.brier", "cv.logLoss", "cv.ece",
        "cv.uncalibrated.rocAuc", "calibration.cvBrier.none", "calibration.cvBrier.platt", "calibration.cvBrier.isotonic");
    assertThat(m.training().settings()).containsEntry("folds", "5").containsEntry("activation", "binary");
    assertThat(m.calibration().method()).isEqualTo(r.calibrationMethod().fileName());
    // the chosen calibration has the lowest cross-validated Brier score
    double chosen = r.calibrationBrier().get(r.calibrationMethod());
    assertThat(r.calibrationBrier().values()).allSatisfy(b -> assertThat(chosen).isLessThanOrEqualTo(b));
    // the per-term table agrees with the data
    TrainingResult.TermRow control = r.terms().get(r.space().names().indexOf("synth.control"));
    int support = 0, tp = 0;
    for (int i = 0; i < s.labels().length; i++) if (s.rows().get(i).strength("synth.control") > 0) { support++; tp += s.labels()[i]; }
    assertThat(control.support()).isEqualTo(support);
    assertThat(control.positivesActive()).isEqualTo(tp);
    assertThat(control.lift()).isGreaterThan(1);
    assertThat(control.likelihoodRatioLow()).isGreaterThan(1);
    TrainingResult.TermRow movement = r.terms().get(r.space().names().indexOf("synth.movement"));
    assertThat(movement.likelihoodRatioHigh()).isLessThan(1);
    assertThat(movement.weightHigh()).isNegative();
  }

  @Test
  void trainingIsDeterministicAndTheModelFileRoundTrips() {
    SyntheticActivations.Sample s = SyntheticActivations.sample(SyntheticActivations.standardModel(), 600, 5);
    TrainingOptions o = OPTIONS.withCalibration(Calibrators.Method.ISOTONIC);
    LogisticRiskModel a = RiskModelTrainer.train(s.rows(), s.labels(), o).model();
    LogisticRiskModel b = RiskModelTrainer.train(s.rows(), s.labels(), o).model();
    assertThat(a).isEqualTo(b);
    assertThat(a.toJson()).isEqualTo(b.toJson());
    LogisticRiskModel back = LogisticRiskModel.parse("m.json", a.toJson());
    assertThat(back).isEqualTo(a);
    assertThat(back.toJson()).isEqualTo(a.toJson());
  }

  @Test
  void bootstrapIntervalsAgreeWithTheHessianOnesUnderL2AndAreReproducible() {
    SyntheticActivations.Sample s = SyntheticActivations.sample(SyntheticActivations.standardModel(), 1500, 13);
    TrainingOptions o = OPTIONS.withBootstrap(80).withCalibration(Calibrators.Method.NONE);
    TrainingResult r = RiskModelTrainer.train(s.rows(), s.labels(), o);
    for (TrainingResult.TermRow t : r.terms()) {
      double hessianWidth = t.weightHigh() - t.weightLow();
      double bootWidth = t.bootstrapHigh() - t.bootstrapLow();
      assertThat(bootWidth / hessianWidth).as(t.name()).isBetween(0.7, 1.4);
      assertThat(t.weight()).as(t.name()).isBetween(t.bootstrapLow(), t.bootstrapHigh());
    }
    assertThat(r.model().weights().get("synth.control").reason()).contains("bootstrap [");
    assertThat(r.model().training().settings()).containsEntry("bootstrap", "80 replicates, percentile intervals");
    assertThat(RiskModelTrainer.train(s.rows(), s.labels(), o).terms()).isEqualTo(r.terms());
    assertThat(CalibrationReport.html(r)).contains("<th>bootstrap 95%</th>");
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> OPTIONS.withBootstrap(5))).hasMessageContaining("at least 20");
  }

  @Test
  void recoversAnInteractionTerm() {
    SyntheticActivations.GeneratingModel base = SyntheticActivations.standardModel().withoutFeatures();
    SyntheticActivations.Sample s = SyntheticActivations.sample(base, 6000, 12);
    // relabel with an extra interaction control*recruitment of +1.2
    int[] y = new int[s.labels().length];
    java.util.Random r = new java.util.Random(99);
    for (int i = 0; i < y.length; i++) {
      Activations a = s.rows().get(i);
      double z = base.logOdds(a) + 1.2 * a.strength("synth.control") * a.strength("synth.recruitment");
      y[i] = r.nextDouble() < org.redflag.risk.Calibration.sigmoid(z) ? 1 : 0;
    }
    TrainingResult t = RiskModelTrainer.train(s.rows(), y, OPTIONS.withInteractions(true, 10).withCalibration(Calibrators.Method.NONE));
    String key = LogisticRiskModel.interactionKey("synth.recruitment", "synth.control");
    assertThat(key).isEqualTo("synth.control*synth.recruitment");
    assertThat(t.model().interactions()).containsKey(key).hasSize(10);
    TrainingResult.TermRow row = t.terms().get(t.space().names().indexOf(key));
    assertThat(1.2).isBetween(row.weight() - 2.576 * row.standardError(), row.weight() + 2.576 * row.standardError());
    assertThat(row.weightLow()).isPositive();
  }

  @Test
  void degenerateDataGetClearErrors() {
    SyntheticActivations.Sample s = SyntheticActivations.sample(SyntheticActivations.standardModel(), 200, 6);
    assertThatThrownBy(() -> RiskModelTrainer.train(s.rows().subList(0, 9), java.util.Arrays.copyOf(s.labels(), 9), OPTIONS))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("need at least 10 labelled rows to fit and cross-validate a model, got 9");
    assertThatThrownBy(() -> RiskModelTrainer.train(s.rows(), new int[200], OPTIONS))
        .hasMessage("all 200 labels are 0 (negative); a model needs both classes");
    int[] few = new int[200];
    few[3] = 1;
    few[50] = 1;
    assertThatThrownBy(() -> RiskModelTrainer.train(s.rows(), few, OPTIONS))
        .hasMessageStartingWith("5-fold cross-validation needs at least 5 rows of each class; got 2 positive and 198 negative");
    int[] bad = s.labels().clone();
    bad[7] = 2;
    assertThatThrownBy(() -> RiskModelTrainer.train(s.rows(), bad, OPTIONS)).hasMessage("label of row 7 must be 0 or 1, was 2");
  }

  @Test
  void perfectlySeparableAndConstantColumnsGiveAFiniteDocumentedModel() {
    List<Activations> rows = new ArrayList<>();
    int[] y = new int[30];
    for (int i = 0; i < 30; i++) {
      y[i] = i % 3 == 0 ? 1 : 0;
      rows.add(new Activations(Map.of("a", (double) y[i], "never", 0.0, "always", 1.0), Map.of("constant.feature", 2.5)));
    }
    TrainingResult r = RiskModelTrainer.train(rows, y, OPTIONS.withFolds(3));
    LogisticRiskModel m = r.model();
    assertThat(m.weights().get("a").weight()).isFinite().isGreaterThan(1);
    assertThat(m.weights().get("never").weight()).isZero();
    assertThat(m.weights().get("never").reason()).contains("never active").contains("not estimable");
    assertThat(m.weights().get("always").reason()).contains("always active");
    assertThat(m.features().get("constant.feature").weight()).isZero();
    assertThat(m.training().metrics().values()).allSatisfy(v -> assertThat(v).isFinite());
    assertThat(r.crossValidated().rocAuc()).isEqualTo(1.0);
    assertThat(LogisticRiskModel.parse("m.json", m.toJson())).isEqualTo(m);
    for (Activations a : rows) assertThat(m.score(a).score()).isBetween(0.0, 1.0);
  }
}
