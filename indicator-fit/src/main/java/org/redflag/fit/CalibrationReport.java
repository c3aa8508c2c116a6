package org.redflag.fit;

import static org.redflag.fit.Html.esc;
import static org.redflag.fit.Html.f;
import static org.redflag.fit.Html.figure;
import static org.redflag.fit.Html.row;

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

  public static String html(TrainingResult r) {
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
