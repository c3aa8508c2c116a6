package org.redflag.cli;

import java.util.Locale;
import org.redflag.price.MarketBaseline;

/**
 * A histogram of one baseline's hourly rates as a small, self-contained SVG: about 24 bins of a
 * round width covering the 1st to 99th percentile (the tails are counted in the outer bins, and the
 * picture says so), with the 5th percentile and the median marked. Written as plain SVG text: one picture does not justify
 * a charting dependency.
 */
final class HistogramSvg {
  static final int TARGET_BINS = 24;
  private static final int W = 720;
  private static final int H = 420;
  private static final int LEFT = 70;
  private static final int RIGHT = 30;
  private static final int TOP = 56;
  private static final int BOTTOM = 64;

  private HistogramSvg() {}

  static String render(MarketBaseline b) {
    double q01 = b.quantile(0.01);
    double q99 = b.quantile(0.99);
    if (!(q99 > q01)) {
      q01 = b.min();
      q99 = Math.max(b.max(), q01 + 1);
    }
    // bins of a round width on round edges, so prices quoted in round numbers fall evenly
    double width = niceCeiling((q99 - q01) / TARGET_BINS);
    double lo = Math.floor(q01 / width) * width;
    int bins = (int) Math.max(1, Math.ceil((q99 - lo) / width - 1e-9));
    if (lo + bins * width <= q99) bins++;
    double hi = lo + bins * width;
    double[] splits = new double[bins - 1];
    for (int i = 0; i < splits.length; i++) splits[i] = lo + width * (i + 1);
    double[] counts = splits.length == 0 ? new double[] {b.count()} : b.histogram(splits); // outer bins hold the tails
    double maxCount = 0;
    for (double c : counts) maxCount = Math.max(maxCount, c);
    double yStep = niceCeiling(Math.max(maxCount, 1) / 4);
    double yMax = yStep * Math.ceil(Math.max(maxCount, 1) / yStep);
    int plotW = W - LEFT - RIGHT;
    int plotH = H - TOP - BOTTOM;

    StringBuilder s = new StringBuilder(8192);
    s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
        + "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">%n", W, H, W, H));
    String title = "Hourly rates, " + b.market() + " (" + b.category().orElse("all categories") + "), " + b.currency()
        + ", n=" + b.count();
    s.append("  <title>").append(esc(title)).append("</title>\n");
    s.append("  <rect x=\"0\" y=\"0\" width=\"").append(W).append("\" height=\"").append(H).append("\" fill=\"#ffffff\"/>\n");
    s.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"24\" font-size=\"15\" font-weight=\"bold\">%s</text>%n", LEFT, esc(title)));
    s.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"42\" fill=\"#555555\">Bins of %s %s; the outer bins also count the rates "
        + "beyond the 1st and 99th percentiles.</text>%n", LEFT, num(width), esc(b.currency())));
    // bars
    s.append("  <g fill=\"#4a78a8\" stroke=\"#ffffff\" stroke-width=\"1\">\n");
    double barW = (double) plotW / bins;
    for (int i = 0; i < bins; i++) {
      double h = yMax == 0 ? 0 : counts[i] / yMax * plotH;
      double x = LEFT + i * barW;
      double binLo = lo + i * width;
      s.append(String.format(Locale.ROOT, "    <rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s to %s: %.0f adverts</title></rect>%n",
          x, TOP + plotH - h, barW, h, num(binLo), num(binLo + width), counts[i]));
    }
    s.append("  </g>\n");
    // axes
    s.append(String.format(Locale.ROOT, "  <g stroke=\"#333333\" stroke-width=\"1\">%n    <line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>%n"
        + "    <line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>%n  </g>%n", LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, LEFT, TOP, LEFT, TOP + plotH));
    // y ticks
    s.append("  <g fill=\"#333333\" text-anchor=\"end\">\n");
    int yTicks = (int) Math.round(yMax / yStep);
    for (int t = 0; t <= yTicks; t++) {
      double v = yStep * t;
      double y = TOP + plotH - (double) plotH * t / yTicks;
      s.append(String.format(Locale.ROOT, "    <text x=\"%d\" y=\"%.1f\">%s</text>%n", LEFT - 8, y + 4, num(v)));
    }
    s.append("  </g>\n");
    // x ticks
    s.append("  <g fill=\"#333333\" text-anchor=\"middle\">\n");
    int every = (int) Math.ceil(bins / 8.0);
    for (int t = 0; t <= bins; t += every) {
      double v = lo + width * t;
      double x = LEFT + barW * t;
      s.append(String.format(Locale.ROOT, "    <text x=\"%.1f\" y=\"%d\">%s</text>%n", x, TOP + plotH + 18, num(v)));
    }
    s.append("  </g>\n");
    s.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#333333\">hourly rate (%s)</text>%n",
        LEFT + plotW / 2, H - 18, esc(b.currency())));
    s.append(String.format(Locale.ROOT, "  <text x=\"18\" y=\"%d\" text-anchor=\"middle\" fill=\"#333333\" transform=\"rotate(-90 18 %d)\">adverts</text>%n",
        TOP + plotH / 2, TOP + plotH / 2));
    // markers
    marker(s, b.quantile(0.05), "5th percentile " + num(b.quantile(0.05)), "#c0392b", lo, hi, plotW, plotH, 0);
    marker(s, b.median(), "median " + num(b.median()), "#222222", lo, hi, plotW, plotH, 1);
    s.append("</svg>\n");
    return s.toString();
  }

  private static void marker(StringBuilder s, double v, String label, String color, double lo, double hi, int plotW, int plotH, int row) {
    double x = LEFT + (Math.min(Math.max(v, lo), hi) - lo) / (hi - lo) * plotW;
    s.append(String.format(Locale.ROOT, "  <line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>%n",
        x, TOP, x, TOP + plotH, color));
    s.append(String.format(Locale.ROOT, "  <text x=\"%.1f\" y=\"%d\" fill=\"%s\">%s</text>%n", x + 5, TOP + 14 + 16 * row, color, esc(label)));
  }

  /** 1, 2, 2.5 or 5 times a power of ten, at or above v. */
  static double niceCeiling(double v) {
    if (v <= 0) return 1;
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) if (m * p >= v) return m * p;
    return 10 * p;
  }

  static String num(double v) {
    if (Math.abs(v - Math.rint(v)) < 1e-9 || Math.abs(v) >= 100) return String.format(Locale.ROOT, "%.0f", v);
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** Escapes text for SVG (XML) content and attributes; illegal XML control characters are replaced. */
  static String esc(String s) {
    return com.google.common.xml.XmlEscapers.xmlAttributeEscaper().escape(s);
  }

}
