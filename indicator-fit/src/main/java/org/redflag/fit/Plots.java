package org.redflag.fit;

import static org.redflag.fit.Html.esc;
import static org.redflag.fit.Html.f;

import java.util.List;
import java.util.Locale;

/**
 * The inline SVG plots of the calibration and evaluation reports: reliability diagram, ROC and
 * precision-recall curves, score histograms by class and the forest plot of fitted weights. Hand-written
 * SVG text, so a report stays one self-contained file with no scripts and no charting dependency.
 */
final class Plots {
  private static final int W = 380;
  private static final int H = 320;
  private static final int ML = 52;
  private static final int MR = 16;
  private static final int MT = 30;
  private static final int MB = 46;
  private static final String POS = "#b2182b";
  private static final String NEG = "#2166ac";
  private static final String LINE = "#333333";

  private Plots() {}

  // --- plotting on the unit square -------------------------------------------------------------

  static double px(double x) { return ML + x * (W - ML - MR); }
  static double py(double y) { return H - MB - y * (H - MT - MB); }

  static StringBuilder frame(String title, String xLabel, String yLabel) { return frame(title, xLabel, yLabel, 1); }

  /** Axes over the unit square; y tick labels are multiplied by {@code yMax} (the plotted values are divided by it). */
  static StringBuilder frame(String title, String xLabel, String yLabel, double yMax) { return frame(title, xLabel, yLabel, yMax, null); }

  /**
   * As {@link #frame(String, String, String, double)}, with {@code xTicks} (when not null) as the x
   * labels, one per equal slot of the axis ({@link #categoryX}), for categories such as months.
   */
  static StringBuilder frame(String title, String xLabel, String yLabel, double yMax, List<String> xTicks) {
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"").append(H)
        .append("\" viewBox=\"0 0 ").append(W).append(' ').append(H).append("\" role=\"img\"><title>").append(esc(title)).append("</title>");
    s.append("<text x=\"").append(W / 2).append("\" y=\"18\" text-anchor=\"middle\" font-weight=\"bold\">").append(esc(title)).append("</text>");
    for (int i = 0; i <= 5; i++) {
      double v = i / 5.0;
      if (xTicks == null) {
        s.append(line(px(v), py(0), px(v), py(1), "#e6e6e6", 1, null));
        s.append(text(px(v), py(0) + 14, f(v, 1), "middle"));
      }
      s.append(line(px(0), py(v), px(1), py(v), "#e6e6e6", 1, null));
      s.append(text(px(0) - 5, py(v) + 4, f(v * yMax, yMax < 0.5 ? 2 : 1), "end"));
    }
    if (xTicks != null) {
      int every = Math.max(1, (int) Math.ceil(xTicks.size() / 8.0)); // at most about eight labels
      for (int i = 0; i < xTicks.size(); i++) {
        double v = categoryX(i, xTicks.size());
        s.append(line(px(v), py(0), px(v), py(1), "#e6e6e6", 1, null));
        if (i % every == 0) s.append(text(px(v), py(0) + 14, xTicks.get(i), "middle"));
      }
    }
    s.append("<rect x=\"").append(f(px(0), 1)).append("\" y=\"").append(f(py(1), 1)).append("\" width=\"").append(f(px(1) - px(0), 1))
        .append("\" height=\"").append(f(py(0) - py(1), 1)).append("\" fill=\"none\" stroke=\"#999\"/>");
    s.append(text((px(0) + px(1)) / 2, H - 10, xLabel, "middle"));
    s.append("<text x=\"14\" y=\"").append(f((py(0) + py(1)) / 2, 1)).append("\" text-anchor=\"middle\" transform=\"rotate(-90 14 ")
        .append(f((py(0) + py(1)) / 2, 1)).append(")\">").append(esc(yLabel)).append("</text>");
    return s;
  }

  static String line(double x1, double y1, double x2, double y2, String color, double width, String dash) {
    return "<line x1=\"" + f(x1, 1) + "\" y1=\"" + f(y1, 1) + "\" x2=\"" + f(x2, 1) + "\" y2=\"" + f(y2, 1) + "\" stroke=\"" + color
        + "\" stroke-width=\"" + f(width, 1) + "\"" + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>";
  }

  static String text(double x, double y, String t, String anchor) {
    return "<text x=\"" + f(x, 1) + "\" y=\"" + f(y, 1) + "\" text-anchor=\"" + anchor + "\">" + esc(t) + "</text>";
  }

  /** Where category {@code i} of {@code n} sits on the unit x axis of a {@link #frame} with x ticks: the middle of its slot, so no label meets the frame's edge. */
  static double categoryX(int i, int n) { return (i + 0.5) / n; }

  static String polyline(List<Metrics.Point> pts, String color, boolean steps) {
    StringBuilder s = new StringBuilder("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"2\" points=\"");
    Metrics.Point prev = null;
    for (Metrics.Point q : pts) {
      if (steps && prev != null) s.append(f(px(q.x()), 1)).append(',').append(f(py(prev.y()), 1)).append(' ');
      s.append(f(px(q.x()), 1)).append(',').append(f(py(q.y()), 1)).append(' ');
      prev = q;
    }
    return s.append("\"/>").toString();
  }

  /** Reliability diagram titled {@code title}, {@value RiskModelTrainer#ECE_BINS} equal-width bins. */
  static String reliability(double[] p, int[] y, String title) {
    StringBuilder s = frame(title, "mean score in bin", "observed positive rate");
    s.append(line(px(0), py(0), px(1), py(1), "#888", 1, "4 3"));
    List<Metrics.ReliabilityBin> bins = Metrics.reliability(p, y, RiskModelTrainer.ECE_BINS);
    int max = 1;
    for (Metrics.ReliabilityBin b : bins) max = Math.max(max, b.count());
    for (Metrics.ReliabilityBin b : bins) {
      s.append(line(px(b.meanScore()), py(b.rateLow()), px(b.meanScore()), py(b.rateHigh()), LINE, 1, null));
      double radius = 2.5 + 9 * Math.sqrt((double) b.count() / max);
      s.append("<circle cx=\"").append(f(px(b.meanScore()), 1)).append("\" cy=\"").append(f(py(b.observedRate()), 1)).append("\" r=\"")
          .append(f(radius, 1)).append("\" fill=\"").append(POS).append("\" fill-opacity=\"0.55\" stroke=\"").append(LINE)
          .append("\"><title>").append(String.format(Locale.ROOT, "%d adverts, mean score %.3f, observed %.3f", b.count(), b.meanScore(), b.observedRate()))
          .append("</title></circle>");
    }
    return s.append("</svg>").toString();
  }

  static String roc(double[] p, int[] y, double auc) {
    StringBuilder s = frame("ROC, AUC " + f(auc, 3), "false-positive rate", "true-positive rate");
    s.append(line(px(0), py(0), px(1), py(1), "#888", 1, "4 3"));
    s.append(polyline(Metrics.rocCurve(p, y), POS, false));
    return s.append("</svg>").toString();
  }

  static String pr(double[] p, int[] y, double ap, double base) {
    StringBuilder s = frame("Precision-recall, AP " + f(ap, 3), "recall", "precision");
    s.append(line(px(0), py(base), px(1), py(base), "#888", 1, "4 3"));
    List<Metrics.Point> pts = new java.util.ArrayList<>(Metrics.prCurve(p, y));
    pts.add(0, new Metrics.Point(0, pts.get(0).y()));
    s.append(polyline(pts, POS, true));
    return s.append("</svg>").toString();
  }

  static String histogram(double[] p, int[] y) {
    int bins = 20;
    double[][] share = new double[2][bins];
    int[] n = new int[2];
    for (int i = 0; i < p.length; i++) {
      share[y[i]][Math.min(bins - 1, (int) Math.floor(p[i] * bins))]++;
      n[y[i]]++;
    }
    double max = 0;
    for (int c = 0; c < 2; c++) for (int b = 0; b < bins; b++) {
      share[c][b] /= Math.max(1, n[c]);
      max = Math.max(max, share[c][b]);
    }
    double top = Math.max(0.1, Math.ceil(max * 10) / 10);
    StringBuilder s = frame("Scores by label", "out-of-fold score", "share of class", top);
    for (int c = 0; c < 2; c++) {
      StringBuilder pts = new StringBuilder();
      for (int b = 0; b < bins; b++) {
        double h = share[c][b] / top;
        pts.append(f(px((double) b / bins), 1)).append(',').append(f(py(h), 1)).append(' ')
            .append(f(px((double) (b + 1) / bins), 1)).append(',').append(f(py(h), 1)).append(' ');
      }
      String color = c == 1 ? POS : NEG;
      s.append("<polyline fill=\"").append(color).append("\" fill-opacity=\"0.18\" stroke=\"").append(color)
          .append("\" stroke-width=\"2\" points=\"").append(f(px(0), 1)).append(',').append(f(py(0), 1)).append(' ').append(pts)
          .append(f(px(1), 1)).append(',').append(f(py(0), 1)).append("\"/>");
    }
    s.append("<rect x=\"").append(f(px(0.6), 1)).append("\" y=\"").append(f(py(0.95), 1)).append("\" width=\"10\" height=\"10\" fill=\"").append(POS).append("\"/>");
    s.append(text(px(0.6) + 14, py(0.95) + 9, "label 1 (" + n[1] + ")", "start"));
    s.append("<rect x=\"").append(f(px(0.6), 1)).append("\" y=\"").append(f(py(0.87), 1)).append("\" width=\"10\" height=\"10\" fill=\"").append(NEG).append("\"/>");
    s.append(text(px(0.6) + 14, py(0.87) + 9, "label 0 (" + n[0] + ")", "start"));
    return s.append("</svg>").toString();
  }

  /** Forest plot: each estimable term's weight with its 95% interval against a zero line. */
  static String forest(List<TrainingResult.TermRow> terms) {
    List<IntervalRow> rows = terms.stream().filter(TrainingResult.TermRow::estimable).map(r -> new IntervalRow(r.name(), r.weight(), r.weightLow(),
        r.weightHigh(), r.weightLow() > 0 ? POS : r.weightHigh() < 0 ? NEG : "#666",
        r.name() + String.format(Locale.ROOT, ": %.3f [%.3f, %.3f]", r.weight(), r.weightLow(), r.weightHigh()))).toList();
    if (rows.isEmpty()) return "<p>No estimable terms.</p>\n";
    return intervals("Fitted weights (log-odds) with 95% intervals", rows, 240, 520, Double.NaN) + "\n";
  }

  /** One row of an interval plot: a point estimate, its interval, the colour and the hover text. */
  record IntervalRow(String name, double value, double low, double high, String color, String tooltip) {}

  /**
   * Rows of a point with its interval on a shared horizontal axis that always includes zero, with
   * a dashed zero line: the forest plot of fitted weights, the ranking of a market report and its
   * small multiples. {@code axisMax} fixes the axis's upper end (so several plots share one scale);
   * NaN fits it to the rows.
   */
  static String intervals(String title, List<IntervalRow> rows, int labelW, int plotW, double axisMax) {
    double lo = 0, hi = 0;
    for (IntervalRow r : rows) {
      lo = Math.min(lo, r.low());
      hi = Math.max(hi, r.high());
    }
    if (!Double.isNaN(axisMax)) hi = axisMax;
    // axis from and to multiples of a 1-2-5 step, so the ticks are round numbers
    double raw = (hi - lo + 1e-9) / 4;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = raw / mag <= 1 ? mag : raw / mag <= 2 ? 2 * mag : raw / mag <= 5 ? 5 * mag : 10 * mag;
    lo = Math.floor(lo / step) * step;
    hi = Math.ceil(hi / step) * step;
    if (hi - lo < step) hi = lo + step;
    int rowH = 22, top = 30;
    int height = top + rowH * rows.size() + 40;
    final double l = lo, h = hi;
    java.util.function.DoubleUnaryOperator x = v -> labelW + (v - l) / (h - l) * plotW;
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(labelW + plotW + 30).append("\" height=\"").append(height)
        .append("\" role=\"img\"><title>").append(esc(title)).append("</title>");
    s.append(text(labelW + plotW / 2.0, 18, title, "middle"));
    s.append(line(x.applyAsDouble(0), top - 6, x.applyAsDouble(0), top + rowH * rows.size(), "#888", 1, "4 3"));
    for (int i = 0; i < rows.size(); i++) {
      IntervalRow r = rows.get(i);
      double cy = top + rowH * i + rowH / 2.0;
      s.append(text(labelW - 8, cy + 4, r.name(), "end"));
      s.append(line(x.applyAsDouble(r.low()), cy, x.applyAsDouble(r.high()), cy, r.color(), 2, null));
      s.append("<circle cx=\"").append(f(x.applyAsDouble(r.value()), 1)).append("\" cy=\"").append(f(cy, 1)).append("\" r=\"4\" fill=\"")
          .append(r.color()).append("\"><title>").append(esc(r.tooltip())).append("</title></circle>");
    }
    double axisY = top + rowH * rows.size() + 4;
    s.append(line(labelW, axisY, labelW + plotW, axisY, "#999", 1, null));
    int ticks = (int) Math.round((hi - lo) / step);
    for (int i = 0; i <= ticks; i++) {
      double v = lo + step * i;
      s.append(line(x.applyAsDouble(v), axisY, x.applyAsDouble(v), axisY + 4, "#999", 1, null));
      s.append(text(x.applyAsDouble(v), axisY + 16, f(v, step < 0.1 ? 2 : 1), "middle"));
    }
    return s.append("</svg>").toString();
  }

}
