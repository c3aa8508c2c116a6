package org.redflag.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.redflag.risk.Activations;
import org.redflag.risk.Band;

class ModelDiagnosticsTest {
  static final TrainingOptions OPTIONS = TrainingOptions.defaults().withTrainedAt("2026-01-01T00:00:00Z");

  /** Synthetic rows where every row is re-posted 1 to 4 times under one group key. */
  static Object[] reposted(int originals, long seed) {
    SyntheticActivations.Sample s = SyntheticActivations.sample(SyntheticActivations.standardModel().withoutFeatures(), originals, seed);
    Random r = new Random(seed);
    List<Activations> rows = new ArrayList<>();
    List<Integer> y = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < originals; i++) {
      int copies = 1 + r.nextInt(4);
      for (int c = 0; c < copies; c++) {
        rows.add(s.rows().get(i));
        y.add(s.labels()[i]);
        groups.add("phone-" + i);
      }
    }
    return new Object[] {rows, y.stream().mapToInt(Integer::intValue).toArray(), groups};
  }

  @Test
  @SuppressWarnings("unchecked")
  void groupedFoldsNeverSplitAGroupAndSpreadTheClasses() {
    Object[] d = reposted(400, 3);
    int[] y = (int[]) d[1];
    List<String> groups = (List<String>) d[2];
    int[] group = RiskModelTrainer.groupIndex(groups);
    int[] fold = RiskModelTrainer.groupedFolds(y, group, 5, 9);
    Map<String, Integer> foldOf = new HashMap<>();
    int[] pos = new int[5];
    int[] all = new int[5];
    for (int i = 0; i < y.length; i++) {
      Integer before = foldOf.putIfAbsent(groups.get(i), fold[i]);
      if (before != null) assertThat(fold[i]).as("group %s", groups.get(i)).isEqualTo(before);
      pos[fold[i]] += y[i];
      all[fold[i]]++;
    }
    int totalPos = java.util.Arrays.stream(pos).sum();
    for (int f = 0; f < 5; f++) {
      assertThat(all[f]).isBetween(y.length / 5 - 40, y.length / 5 + 40);
      assertThat(pos[f]).isBetween(totalPos / 5 - 5, totalPos / 5 + 5);
    }
    assertThat(RiskModelTrainer.groupedFolds(y, group, 5, 9)).isEqualTo(fold);
    assertThatThrownBy(() -> RiskModelTrainer.groupedFolds(new int[] {0, 1, 0, 1}, new int[] {0, 0, 1, 1}, 3, 1))
        .hasMessageContaining("needs at least 3 groups, got 2");
    assertThatThrownBy(() -> RiskModelTrainer.groupedFolds(new int[] {1, 1, 0, 0, 0, 0}, new int[] {0, 0, 1, 2, 3, 4}, 3, 1))
        .hasMessageContaining("positive labels sit in too few groups");
  }

  @Test
  @SuppressWarnings("unchecked")
  void groupedTrainingKeepsGroupsInOneFoldAndItsOutOfFoldScoresComeFromTheOtherFolds() {
    Object[] d = reposted(300, 4);
    List<Activations> rows = (List<Activations>) d[0];
    int[] y = (int[]) d[1];
    List<String> groups = (List<String>) d[2];
    TrainingResult r = RiskModelTrainer.train(rows, y, groups, OPTIONS.withCalibration(Calibrators.Method.NONE));
    int[] fold = r.folds();
    for (int i = 1; i < y.length; i++) if (groups.get(i).equals(groups.get(i - 1))) assertThat(fold[i]).isEqualTo(fold[i - 1]);
    assertThat(r.model().training().settings()).containsEntry("groups", "300 groups, each kept in one fold and resampled whole");
    // the oracle: refit without each fold by hand and score the fold
    FeatureSpace space = r.space();
    double[] oof = r.outOfFoldLogOdds();
    for (int f = 0; f < 5; f++) {
      List<double[]> tx = new ArrayList<>();
      List<Integer> ty = new ArrayList<>();
      for (int i = 0; i < y.length; i++) if (fold[i] != f) { tx.add(space.vector(rows.get(i))); ty.add(y[i]); }
      LogisticRegression.Fit fit = LogisticRegression.fit(tx.toArray(new double[0][]), ty.stream().mapToInt(Integer::intValue).toArray(), OPTIONS.solver());
      for (int i = 0; i < y.length; i++) if (fold[i] == f) assertThat(oof[i]).isCloseTo(fit.logOdds(space.vector(rows.get(i))), offset(1e-9));
    }
  }

  @Test
  void clusterBootstrapReplicatesAreTheMetricsOfWholeGroupsDrawnFromTheSeed() {
    Random g = new Random(2);
    int n = 60;
    double[] p = new double[n];
    int[] y = new int[n];
    int[] group = new int[n];
    for (int i = 0; i < n; i++) {
      group[i] = i / 3;
      p[i] = Math.round(g.nextDouble() * 20) / 20.0;
      y[i] = g.nextDouble() < p[i] ? 1 : 0;
    }
    y[0] = 1;
    y[3] = 0;
    double[][] reps = RankingBootstrap.replicates(p, y, group, 25, 5);
    Random random = new Random(5);
    for (int r = 0; r < 25; r++) {
      List<Integer> rowsDrawn;
      int pos;
      do {
        rowsDrawn = new ArrayList<>();
        pos = 0;
        for (int k = 0; k < 20; k++) {
          int gi = random.nextInt(20);
          for (int i = 3 * gi; i < 3 * gi + 3; i++) { rowsDrawn.add(i); pos += y[i]; }
        }
      } while (pos == 0 || pos == rowsDrawn.size());
      double[] rp = rowsDrawn.stream().mapToDouble(i -> p[i]).toArray();
      int[] ry = rowsDrawn.stream().mapToInt(i -> y[i]).toArray();
      assertThat(reps[0][r]).isCloseTo(RankingBootstrapTest.bruteForceAuc(rp, ry), offset(1e-12));
      assertThat(reps[1][r]).isCloseTo(Metrics.averagePrecision(rp, ry), offset(1e-12));
    }
  }

  @Test
  void diagnosticsAgreeWithIndependentComputations() {
    SyntheticActivations.Sample s = SyntheticActivations.sample(SyntheticActivations.standardModel().withoutFeatures(), 1500, 8);
    TrainingOptions o = OPTIONS.withCalibration(Calibrators.Method.NONE);
    TrainingResult r = RiskModelTrainer.train(s.rows(), s.labels(), o);
    double[] prior = new double[s.labels().length];
    Band[] priorBands = new Band[prior.length];
    for (int i = 0; i < prior.length; i++) {
      prior[i] = s.trueProbabilities()[i]; // the generating model as the comparison: it should rank at least as well
      priorBands[i] = prior[i] >= 0.6 ? Band.HIGH : prior[i] >= 0.25 ? Band.ELEVATED : Band.LOW;
    }
    ModelDiagnostics d = ModelDiagnostics.of(r, s.rows(), o, new ModelDiagnostics.Comparison("truth", prior, priorBands), 200, 1);
    int[] y = s.labels();
    double[] p = r.outOfFoldProbabilities();
    int[] fold = r.folds();

    // per fold: the metrics of the fold's rows
    for (ModelDiagnostics.FoldMetrics fm : d.fitted().folds()) {
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < y.length; i++) if (fold[i] == fm.fold() - 1) idx.add(i);
      double[] fp = idx.stream().mapToDouble(i -> p[i]).toArray();
      int[] fy = idx.stream().mapToInt(i -> y[i]).toArray();
      assertThat(fm.adverts()).isEqualTo(idx.size());
      assertThat(fm.auc()).isCloseTo(RankingBootstrapTest.bruteForceAuc(fp, fy), offset(1e-12));
      assertThat(fm.brier()).isCloseTo(Metrics.brier(fp, fy), offset(1e-15));
    }
    double[] aucs = d.fitted().folds().stream().mapToDouble(ModelDiagnostics.FoldMetrics::auc).toArray();
    assertThat(d.fitted().aucSpread().mean()).isCloseTo(java.util.Arrays.stream(aucs).average().orElseThrow(), offset(1e-12));
    assertThat(d.fitted().aucSpread().min()).isEqualTo(java.util.Arrays.stream(aucs).min().orElseThrow());

    // operating points: reviewing everything scored at or above the band threshold
    for (ModelDiagnostics.OperatingPoint op : d.fitted().operatingPoints()) {
      int m = 0, tp = 0, pos = 0;
      for (int i = 0; i < y.length; i++) {
        pos += y[i];
        if (p[i] >= op.threshold()) { m++; tp += y[i]; }
      }
      assertThat(op.adverts()).as(op.band().name()).isEqualTo(m);
      assertThat(op.workload()).isCloseTo((double) m / y.length, offset(1e-15));
      assertThat(op.recall()).isCloseTo((double) tp / pos, offset(1e-15));
    }
    assertThat(d.fitted().operatingPoints()).extracting(ModelDiagnostics.OperatingPoint::band).containsExactly(Band.HIGH, Band.ELEVATED);
    assertThat(d.comparison().orElseThrow().metrics().rocAuc()).isCloseTo(Metrics.rocAuc(prior, y), offset(1e-12));

    // ablation: the same as training without the indicator (same stratified folds, no calibration)
    assertThat(d.fullAuc()).isCloseTo(r.crossValidatedUncalibrated().rocAuc(), offset(1e-12));
    for (ModelDiagnostics.Ablation a : d.ablation()) {
      List<Activations> without = new ArrayList<>();
      for (Activations row : s.rows()) {
        Map<String, Double> st = new TreeMap<>(row.strengths());
        st.remove(a.indicator());
        without.add(new Activations(st, row.features()));
      }
      TrainingResult.MetricSet m = RiskModelTrainer.train(without, y, o).crossValidatedUncalibrated();
      assertThat(a.auc()).as(a.indicator()).isCloseTo(m.rocAuc(), offset(1e-9));
      assertThat(a.logLoss()).as(a.indicator()).isCloseTo(m.logLoss(), offset(1e-9));
    }
    // the strongest true weight costs the most when left out; the no-signal indicator costs about nothing
    ModelDiagnostics.Ablation control = d.ablation().stream().filter(a -> a.indicator().equals("synth.control")).findFirst().orElseThrow();
    ModelDiagnostics.Ablation youth = d.ablation().stream().filter(a -> a.indicator().equals("synth.youth")).findFirst().orElseThrow();
    assertThat(d.ablation()).allSatisfy(a -> assertThat(control.aucChange()).isLessThanOrEqualTo(a.aucChange()));
    assertThat(Math.abs(youth.aucChange())).isLessThan(0.01);

    String html = CalibrationReport.html(r, d);
    assertThat(html).contains("Per-fold metrics", "Operating points", "Drop-one ablation", "truth").doesNotContain("NaN", "<script");
    assertThat(d.toJson().get("comparison").get("name").asText()).isEqualTo("truth");
    assertThat(d.toJson().get("fitted").get("aucCi").size()).isEqualTo(2);
  }
}
