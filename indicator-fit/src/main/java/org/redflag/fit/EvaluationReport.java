package org.redflag.fit;

import static org.redflag.fit.Html.esc;
import static org.redflag.fit.Html.f;
import static org.redflag.fit.Html.figure;
import static org.redflag.fit.Html.row;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.redflag.indicator.Evidence;

/**
 * Renders an {@link Evaluation} as one self-contained HTML page (inline SVG, no scripts, no external
 * resources): the overall and per-indicator counts with their intervals, every miss and every false
 * fire with the advert text and the evidence spans highlighted, and, for labelled adverts, the label
 * metrics, the review bands and ROC, precision-recall and reliability plots. Advert text is
 * HTML-escaped; the page shows the adverts it was given, so keep it where the data may be.
 */
public final class EvaluationReport {
  private EvaluationReport() {}

  /** The report; {@code source} names the evaluated file in the heading. */
  public static String html(Evaluation e, String source) {
    StringBuilder s = Html.page("Evaluation report: " + source);
    s.append("<p class=\"warn\">Indicators point trained reviewers to adverts worth a look; they are not findings about any person. "
        + "Every number below describes <em>this</em> coded set of adverts and the packs and model named here. Intervals are "
        + "95%: Wilson intervals for rates (coded advert-indicator pairs treated as independent), percentile bootstrap intervals "
        + "for AUC and average precision.</p>\n");

    s.append("<h2>Data and settings</h2>\n<table>\n");
    row(s, "Adverts evaluated", Integer.toString(e.adverts()));
    row(s, "Invalid input lines", Long.toString(e.invalid()));
    row(s, "Model", e.model() == null ? "(not recorded)" : esc(e.model()));
    row(s, "Packs", e.packs().isEmpty() ? "(not recorded)" : esc(String.join(", ", e.packs())));
    if (!e.unknownIndicators().isEmpty()) {
      row(s, "Coded ids no indicator provides", esc(String.join(", ", e.unknownIndicators())) + " (they can never fire)");
    }
    s.append("</table>\n");

    s.append("<h2>Indicators against the coding</h2>\n");
    s.append("<p class=\"note\">Expected: adverts a coder marked the indicator present on; found: of those, where it fired. "
        + "Forbidden: adverts a coder judged it absent on; false fires: of those, where it fired. Adverts where the coder was "
        + "unsure count in neither.</p>\n");
    s.append("<table>\n<tr><th>indicator</th><th>expected</th><th>found</th><th>recall [95%]</th><th>forbidden</th>"
        + "<th>false fires</th><th>false-fire rate [95%]</th></tr>\n");
    for (Evaluation.IndicatorRow r : e.indicators().values()) countsRow(s, esc(r.id()), r.counts());
    countsRow(s, "<strong>overall</strong>", e.overall());
    s.append("</table>\n");

    e.labels().ifPresent(l -> labels(s, e, l));

    s.append("<h2>Misses and false fires</h2>\n");
    if (e.shown().isEmpty()) {
      s.append("<p>None: every expected indicator fired and no forbidden one did.</p>\n");
    } else {
      s.append("<p class=\"note\">Each advert with a miss (an expected indicator that did not fire) or a false fire (a forbidden "
          + "indicator that fired). Highlighted in yellow: the evidence of the false fires; in blue: evidence of the other "
          + "indicators that fired. A miss has no evidence to show.</p>\n");
      for (Evaluation.Shown a : e.shown()) shown(s, a);
    }
    return s.append(Html.end()).toString();
  }

  private static void countsRow(StringBuilder s, String name, Evaluation.Counts c) {
    s.append("<tr><td>").append(name).append("</td><td>").append(c.expected()).append("</td><td>").append(c.found())
        .append("</td><td>").append(c.expected() == 0 ? "&ndash;" : rate(c.recall(), c.recallCi())).append("</td><td>")
        .append(c.forbidden()).append("</td><td>").append(c.falseFires()).append("</td><td>")
        .append(c.forbidden() == 0 ? "&ndash;" : rate(c.falseFireRate(), c.falseFireRateCi())).append("</td></tr>\n");
  }

  private static String rate(double v, Interval ci) {
    return f(v, 3) + " [" + f(ci.low(), 3) + ", " + f(ci.high(), 3) + "]";
  }

  private static void labels(StringBuilder s, Evaluation e, Evaluation.LabelMetrics l) {
    s.append("<h2>Scores against outcome labels</h2>\n");
    s.append("<p class=\"note\">").append(l.n()).append(" labelled adverts, ").append(l.positives()).append(" positive. ROC AUC and "
        + "average precision measure ranking (0.5 and the positive share are chance), with ").append(l.bootstrapReplicates())
        .append(" bootstrap replicates (seed ").append(l.bootstrapSeed()).append("); the Brier score and the expected calibration "
        + "error (").append(RiskModelTrainer.ECE_BINS).append(" equal-width bins) measure how well scores match observed rates.</p>\n");
    s.append("<table>\n<tr><th>ROC AUC [95%]</th><th>average precision [95%]</th><th>Brier</th><th>ECE</th></tr>\n<tr><td>")
        .append(l.aucCi() == null ? f(l.auc(), 4) : rate(l.auc(), l.aucCi())).append("</td><td>")
        .append(l.apCi() == null ? f(l.averagePrecision(), 4) : rate(l.averagePrecision(), l.apCi())).append("</td><td>")
        .append(f(l.brier(), 4)).append("</td><td>").append(f(l.ece(), 4)).append("</td></tr>\n</table>\n");
    s.append("<p class=\"note\">Review bands: adverts in each band, the positive share among them (precision) and the share of all "
        + "positives in the band (recall); \"from this band up\" is the workload and yield of reviewing this band and every higher one.</p>\n");
    s.append("<table>\n<tr><th>band</th><th>adverts</th><th>positives</th><th>precision</th><th>recall</th>"
        + "<th>adverts from this band up</th><th>precision</th><th>recall</th></tr>\n");
    for (Evaluation.BandRow b : l.bands()) {
      s.append("<tr><td>").append(b.band().name()).append("</td><td>").append(b.adverts()).append("</td><td>").append(b.positives())
          .append("</td><td>").append(f(b.precision(), 3)).append("</td><td>").append(f(b.recall(), 3)).append("</td><td>")
          .append(b.atOrAboveAdverts()).append("</td><td>").append(f(b.atOrAbovePrecision(), 3)).append("</td><td>")
          .append(f(b.atOrAboveRecall(), 3)).append("</td></tr>\n");
    }
    s.append("</table>\n");
    double[] p = e.labelledScores();
    int[] y = e.labelValues();
    s.append("<div class=\"plots\">\n");
    s.append(figure(Plots.reliability(p, y, "Reliability"), "Reliability diagram: mean score against observed positive rate per score "
        + "bin, with 95% Wilson intervals; circle area is the number of adverts."));
    if (l.bothClasses()) {
      s.append(figure(Plots.roc(p, y, l.auc()), "ROC curve of the scores. The diagonal is chance."));
      s.append(figure(Plots.pr(p, y, l.averagePrecision(), (double) l.positives() / l.n()),
          "Precision-recall curve. The dashed line is the positive share (a random ranking)."));
    } else {
      s.append("<p>ROC and precision-recall curves need both labels; all labels here are ").append(l.positives() == 0 ? 0 : 1).append(".</p>\n");
    }
    s.append("</div>\n");
  }

  private static void shown(StringBuilder s, Evaluation.Shown a) {
    s.append("<h3>").append(esc(a.id())).append("</h3>\n<p>");
    if (!a.misses().isEmpty()) s.append("Missed: <strong>").append(esc(String.join(", ", a.misses()))).append("</strong>. ");
    if (!a.falseFires().isEmpty()) s.append("Fired against the coding: <strong>").append(esc(String.join(", ", a.falseFires()))).append("</strong>.");
    s.append("</p>\n");
    List<Evidence> inTitle = new ArrayList<>();
    List<Evidence> inText = new ArrayList<>();
    List<Evidence> elsewhere = new ArrayList<>();
    for (Evidence ev : a.evidence()) {
      if (ev.isTextSpan()) inText.add(ev);
      else if ("title".equals(ev.field()) && ev.start() != null) inTitle.add(ev);
      else elsewhere.add(ev);
    }
    if (a.title() != null) s.append("<div class=\"advert\"><strong>").append(highlight(a.title(), inTitle, a.falseFires())).append("</strong></div>\n");
    s.append("<div class=\"advert\">").append(highlight(a.text(), inText, a.falseFires())).append("</div>\n");
    if (!elsewhere.isEmpty()) {
      s.append("<p class=\"note\">Evidence outside the text: ");
      for (int i = 0; i < elsewhere.size(); i++) {
        Evidence ev = elsewhere.get(i);
        if (i > 0) s.append("; ");
        s.append(esc(ev.indicator())).append(" in ").append(esc(String.valueOf(ev.field()))).append(" (&ldquo;").append(esc(ev.match())).append("&rdquo;)");
      }
      s.append("</p>\n");
    }
  }

  /**
   * The text, HTML-escaped, with each evidence span wrapped in a {@code mark}: plain for the
   * indicators in {@code focus}, class {@code other} for the rest; the tooltip names the indicators.
   * Overlapping spans are cut at every span boundary, so each piece is marked once.
   */
  static String highlight(String text, List<Evidence> spans, java.util.Set<String> focus) {
    TreeSet<Integer> cuts = new TreeSet<>();
    cuts.add(0);
    cuts.add(text.length());
    for (Evidence ev : spans) {
      if (ev.start() > text.length() || ev.end() > text.length()) continue; // not of this text: nothing to mark
      cuts.add(ev.start());
      cuts.add(ev.end());
    }
    StringBuilder out = new StringBuilder(text.length() + 64);
    Integer from = null;
    for (int to : cuts) {
      if (from != null && to > from) {
        TreeSet<String> here = new TreeSet<>();
        boolean focused = false;
        for (Evidence ev : spans) {
          if (ev.end() <= text.length() && ev.start() <= from && ev.end() >= to) {
            here.add(ev.indicator());
            focused |= focus.contains(ev.indicator());
          }
        }
        String piece = esc(text.substring(from, to));
        if (here.isEmpty()) {
          out.append(piece);
        } else {
          out.append("<mark").append(focused ? "" : " class=\"other\"").append(" title=\"").append(esc(String.join(", ", here)))
              .append("\">").append(piece).append("</mark>");
        }
      }
      from = to;
    }
    return out.toString();
  }
}
