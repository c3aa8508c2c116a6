package org.redflag.fit;

import static org.redflag.fit.Html.esc;
import static org.redflag.fit.Html.f;
import static org.redflag.fit.Html.figure;
import static org.redflag.fit.Html.row;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.redflag.risk.LogisticRiskModel;
import org.redflag.risk.TrainingSummary;

/**
 * Renders a {@link TrainingResult} as one self-contained HTML page: summary, cross-validated metrics,
 * reliability diagram, ROC and precision-recall curves, score histograms by class, a forest plot of
 * the fitted weights and the per-term table. Plots are hand-written inline SVG; no scripts, no
 * external resources, so the file can be archived next to the model it describes.
 */
public final class CalibrationReport {
  private CalibrationReport() {}

  public static String html(TrainingResult r) { return html(r, null); }

  /** The report with the research diagnostics (intervals, folds, operating points, ablation, comparison) when {@code d} is given. */
  public static String html(TrainingResult r, ModelDiagnostics d) {
    LogisticRiskModel m = r.model();
    TrainingSummary t = m.training();
    double[] p = r.outOfFoldProbabilities();
    int[] y = r.labels();
    StringBuilder s = Html.page("Calibration report: " + m.label());
    s.append("<p class=\"warn\">Scores rank adverts for prioritised human review; they are not findings about any person. "
        + "Every number below describes <em>this</em> labelled data set. A model fitted on one market, period, platform or "
        + "labelling process does not transfer to another without checking it on labelled data from there.</p>\n");

    s.append("<h2>Data and settings</h2>\n<table>\n");
    row(s, "Labelled adverts", Long.toString(t.rows()));
    row(s, "Positive labels", String.format(Locale.ROOT, "%d (%.1f%%)", t.positives(), 100 * t.positiveRate()));
    row(s, "Trained at", esc(t.trainedAt()));
    row(s, "Packs", t.packs().isEmpty() ? "(not recorded)" : esc(String.join(", ", t.packs())));
    for (Map.Entry<String, String> e : t.settings().entrySet()) row(s, esc(e.getKey()), esc(e.getValue()));
    s.append("</table>\n");

    s.append("<h2>Cross-validated performance</h2>\n");
    s.append("<p class=\"note\">Every score here is out-of-fold: the advert was scored by a model (and a calibration map) "
        + "fitted without it. ROC AUC and average precision measure ranking (0.5 and the base rate are chance); Brier score, "
        + "log loss and expected calibration error (ECE, ").append(RiskModelTrainer.ECE_BINS)
        .append(" equal-width bins) measure how well the probabilities match observed rates (lower is better).</p>\n");
    s.append("<table>\n<tr><th>scores</th><th>ROC AUC</th><th>average precision</th><th>Brier</th><th>log loss</th><th>ECE</th></tr>\n");
    metricRow(s, "calibrated (" + r.calibrationMethod().fileName() + ")", r.crossValidated());
    metricRow(s, "before calibration", r.crossValidatedUncalibrated());
    s.append("</table>\n");
    if (!r.calibrationBrier().isEmpty()) {
      s.append("<p>Calibration candidates, cross-validated Brier score (lowest wins; ties go to the simpler map):</p>\n<table>\n<tr><th>method</th><th>Brier</th></tr>\n");
      r.calibrationBrier().forEach((k, v) -> s.append("<tr><td>").append(k.fileName()).append(k == r.calibrationMethod() ? " (chosen)" : "")
          .append("</td><td>").append(f(v, 5)).append("</td></tr>\n"));
      s.append("</table>\n");
    }

    if (d != null) diagnostics(s, d);

    s.append("<h2>Plots</h2>\n<div class=\"plots\">\n");
    s.append(figure(Plots.reliability(p, y, "Reliability (out-of-fold)"), "Reliability diagram: mean score against observed positive rate per score bin, with 95% Wilson "
        + "intervals; circle area is the number of adverts. Points on the diagonal are well calibrated."));
    s.append(figure(Plots.roc(p, y, r.crossValidated().rocAuc()), "ROC curve of out-of-fold scores. The diagonal is chance."));
    s.append(figure(Plots.pr(p, y, r.crossValidated().averagePrecision(), (double) t.positives() / t.rows()),
        "Precision-recall curve. The dashed line is the base rate (a random ranking)."));
    s.append(figure(Plots.histogram(p, y), "Out-of-fold score distribution by label, as a share of each class. Well separated humps mean good ranking."));
    s.append("</div>\n");

    s.append("<h2>Indicators and features</h2>\n");
    s.append("<p class=\"note\">Active: rows where the term is non-zero. Precision: positive share of active rows (95% Wilson interval). "
        + "Lift: precision over the base rate. LR+: true-positive rate over false-positive rate (95% log interval). "
        + "Weight: fitted log-odds change per unit of the term, with 95% interval (weight &plusmn; 1.96 SE from the inverse Hessian of the "
        + "penalised likelihood; approximate under L1). A weight whose interval includes 0 is not distinguishable from no effect on this data; "
        + "a negative weight means the term was more common among negatives.</p>\n");
    s.append(Plots.forest(r.terms()));
    boolean boot = r.terms().stream().anyMatch(tr -> !Double.isNaN(tr.bootstrapLow()));
    s.append("<table>\n<tr><th>term</th><th>kind</th><th>active</th><th>positive when active</th><th>precision [95%]</th>"
        + "<th>lift [95%]</th><th>LR+ [95%]</th><th>weight [95%]</th>" + (boot ? "<th>bootstrap 95%</th>" : "") + "</tr>\n");
    for (TrainingResult.TermRow tr : r.terms()) {
      s.append("<tr><td>").append(esc(tr.name())).append("</td><td>").append(tr.kind().name().toLowerCase(Locale.ROOT))
          .append("</td><td>").append(tr.support()).append("</td><td>").append(tr.positivesActive()).append("</td><td>")
          .append(ci(tr.precision(), tr.precisionLow(), tr.precisionHigh())).append("</td><td>")
          .append(ci(tr.lift(), tr.liftLow(), tr.liftHigh())).append("</td><td>")
          .append(ci(tr.likelihoodRatio(), tr.likelihoodRatioLow(), tr.likelihoodRatioHigh())).append("</td><td>")
          .append(tr.estimable() ? ci(tr.weight(), tr.weightLow(), tr.weightHigh()) : "0 (constant: not estimable)");
      if (boot) s.append("</td><td>").append(Double.isNaN(tr.bootstrapLow()) ? "&ndash;" : "[" + f(tr.bootstrapLow(), 3) + ", " + f(tr.bootstrapHigh(), 3) + "]");
      s.append("</td></tr>\n");
    }
    s.append("</table>\n");
    s.append("<p class=\"note\">Intercept ").append(f(m.intercept().weight(), 3));
    if (m.intercept().standardError() != null) s.append(" (SE ").append(f(m.intercept().standardError(), 3)).append(')');
    s.append(". Contributions shown per advert by the engine are these weights times the activation, in log-odds before calibration.</p>\n");
    return s.append(Html.end()).toString();
  }

  private static void diagnostics(StringBuilder s, ModelDiagnostics d) {
    List<ModelDiagnostics.Summary> sets = new ArrayList<>();
    sets.add(d.fitted());
    d.comparison().ifPresent(sets::add);
    s.append("<h2>Intervals and the comparison model</h2>\n");
    s.append("<p class=\"note\">95% percentile bootstrap intervals from ").append(d.replicates()).append(" resamples of ")
        .append(d.grouped() ? "whole groups" : "adverts").append(" (seed ").append(d.seed()).append("). The comparison model is scored "
        + "on the same adverts; it was not fitted on them, so its scores are out of sample as they are.</p>\n");
    s.append("<table>\n<tr><th>scores</th><th>ROC AUC [95%]</th><th>average precision [95%]</th><th>Brier</th><th>log loss</th><th>ECE</th></tr>\n");
    for (ModelDiagnostics.Summary m : sets) {
      s.append("<tr><td>").append(esc(m.name())).append("</td><td>").append(ci(m.metrics().rocAuc(), m.aucCi())).append("</td><td>")
          .append(ci(m.metrics().averagePrecision(), m.apCi())).append("</td><td>").append(f(m.metrics().brier(), 4)).append("</td><td>")
          .append(f(m.metrics().logLoss(), 4)).append("</td><td>").append(f(m.metrics().ece(), 4)).append("</td></tr>\n");
    }
    s.append("</table>\n");

    s.append("<h2>Per-fold metrics</h2>\n<p class=\"note\">Each fold's adverts scored out of fold").append(d.grouped()
        ? "; folds keep every group (e.g. re-posts of one advert) together" : "").append(". The spread shows how much the figures move "
        + "with the split; mean &plusmn; standard deviation over the folds where a metric is defined.</p>\n");
    s.append("<table>\n<tr><th>fold</th><th>adverts</th><th>positives</th>");
    for (ModelDiagnostics.Summary m : sets) {
      String who = sets.size() > 1 ? (m == d.fitted() ? " (fitted)" : " (comparison)") : "";
      s.append("<th>AUC").append(who).append("</th><th>AP").append(who).append("</th><th>Brier").append(who).append("</th><th>log loss")
          .append(who).append("</th>");
    }
    s.append("</tr>\n");
    for (int i = 0; i < d.fitted().folds().size(); i++) {
      ModelDiagnostics.FoldMetrics base = d.fitted().folds().get(i);
      s.append("<tr><td>").append(base.fold()).append("</td><td>").append(base.adverts()).append("</td><td>").append(base.positives()).append("</td>");
      for (ModelDiagnostics.Summary m : sets) {
        ModelDiagnostics.FoldMetrics fm = m.folds().get(i);
        s.append("<td>").append(f(fm.auc(), 3)).append("</td><td>").append(f(fm.averagePrecision(), 3)).append("</td><td>")
            .append(f(fm.brier(), 4)).append("</td><td>").append(f(fm.logLoss(), 4)).append("</td>");
      }
      s.append("</tr>\n");
    }
    s.append("<tr><td>mean &plusmn; SD</td><td></td><td></td>");
    for (ModelDiagnostics.Summary m : sets) {
      s.append("<td>").append(spread(m.aucSpread(), 3)).append("</td><td>").append(spread(m.apSpread(), 3)).append("</td><td>")
          .append(spread(m.brierSpread(), 4)).append("</td><td>").append(spread(m.logLossSpread(), 4)).append("</td>");
    }
    s.append("</tr>\n</table>\n");

    s.append("<h2>Operating points</h2>\n<p class=\"note\">Reviewing every advert from a band up: how many that is (workload, "
        + "as a share of all adverts), the positive share among them (precision) and the share of all positives they hold (recall).</p>\n");
    s.append("<table>\n<tr><th>scores</th><th>from band</th><th>threshold</th><th>adverts</th><th>workload</th><th>precision</th><th>recall</th></tr>\n");
    for (ModelDiagnostics.Summary m : sets) {
      for (ModelDiagnostics.OperatingPoint p : m.operatingPoints()) {
        s.append("<tr><td>").append(esc(m.name())).append("</td><td>").append(p.band().name()).append("</td><td>")
            .append(Double.isNaN(p.threshold()) ? "the model's" : f(p.threshold(), 2)).append("</td><td>").append(p.adverts())
            .append("</td><td>").append(f(p.workload(), 3)).append("</td><td>").append(f(p.precision(), 3)).append("</td><td>")
            .append(f(p.recall(), 3)).append("</td></tr>\n");
      }
    }
    s.append("</table>\n");

    s.append("<h2>Drop-one ablation</h2>\n<p class=\"note\">The model refitted on the same folds without one indicator (and its "
        + "interactions); cross-validated AUC and log loss of the uncalibrated scores, against ").append(f(d.fullAuc(), 4))
        .append(" and ").append(f(d.fullLogLoss(), 4)).append(" with every indicator. An indicator whose removal lowers the AUC or raises "
        + "the log loss carries signal the others do not; a change near 0 means the others cover it or it carries none.</p>\n");
    s.append("<table>\n<tr><th>without</th><th>AUC</th><th>change</th><th>log loss</th><th>change</th></tr>\n");
    for (ModelDiagnostics.Ablation a : d.ablation()) {
      s.append("<tr><td>").append(esc(a.indicator())).append("</td><td>").append(f(a.auc(), 4)).append("</td><td>").append(signed(a.aucChange()))
          .append("</td><td>").append(f(a.logLoss(), 4)).append("</td><td>").append(signed(a.logLossChange())).append("</td></tr>\n");
    }
    s.append("</table>\n");
  }

  private static String ci(double v, Interval i) {
    return i == null ? f(v, 4) : f(v, 4) + " [" + f(i.low(), 4) + ", " + f(i.high(), 4) + "]";
  }

  private static String spread(ModelDiagnostics.Spread sp, int digits) {
    return sp.folds() == 0 ? "&ndash;" : f(sp.mean(), digits) + " &plusmn; " + f(sp.sd(), digits);
  }

  private static String signed(double v) {
    return Double.isNaN(v) ? "&ndash;" : (v >= 0 ? "+" : "") + f(v, 4);
  }

  private static void metricRow(StringBuilder s, String name, TrainingResult.MetricSet m) {
    s.append("<tr><td>").append(esc(name)).append("</td><td>").append(f(m.rocAuc(), 4)).append("</td><td>").append(f(m.averagePrecision(), 4))
        .append("</td><td>").append(f(m.brier(), 4)).append("</td><td>").append(f(m.logLoss(), 4)).append("</td><td>")
        .append(f(m.ece(), 4)).append("</td></tr>\n");
  }

  private static String ci(double v, double lo, double hi) {
    if (Double.isNaN(v)) return "&ndash;";
    return f(v, 3) + " [" + f(lo, 3) + ", " + f(hi, 3) + "]";
  }

}
