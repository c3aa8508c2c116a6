package org.redflag.bench.tool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A horizontal bar chart of throughput benchmarks (adverts per second, log scale), one bar per
 * benchmark and size, grouped by size. Plain SVG with no scripts or external resources, so it renders
 * on code hosts and in docs.
 */
public final class SvgChart {
  private static final String[] COLOURS = {"#1b6ca8", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f", "#30638e",
      "#6c757d"};
  private static final int LABEL_W = 300;
  private static final int BAR_W = 420;
  private static final int ROW_H = 20;

  private SvgChart() {}

  public static String render(List<JmhResult> results, String title) {
    List<JmhResult> rows = new ArrayList<>();
    for (JmhResult r : results) if (r.mode().equals("thrpt")) rows.add(r);
    rows.sort((a, b) -> {
      int c = sizeOrder(a).compareTo(sizeOrder(b));
      return c != 0 ? c : a.benchmark().compareTo(b.benchmark());
    });
    double max = rows.stream().mapToDouble(JmhResult::opsPerSecond).max().orElse(10);
    double min = rows.stream().mapToDouble(JmhResult::opsPerSecond).min().orElse(1);
    int lo = (int) Math.floor(Math.log10(Math.max(min, 1e-3)));
    int hi = (int) Math.ceil(Math.log10(Math.max(max, 10)));
    if (hi <= lo) hi = lo + 1;
    Map<String, String> colour = new LinkedHashMap<>();
    for (JmhResult r : rows) colour.computeIfAbsent(r.benchmark(), k -> COLOURS[colour.size() % COLOURS.length]);

    int top = 40;
    int groups = (int) rows.stream().map(SvgChart::sizeOrder).distinct().count();
    int height = top + rows.size() * ROW_H + groups * 10 + 40;
    int width = LABEL_W + BAR_W + 120;
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
            + "font-family=\"sans-serif\" font-size=\"12\">%n", width, height, width, height));
    s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
    s.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
        escape(title)));
    int axisBottom = height - 30;
    for (int d = lo; d <= hi; d++) {
      double x = LABEL_W + BAR_W * (double) (d - lo) / (hi - lo);
      s.append(String.format(Locale.ROOT,
          "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n", x, top - 5, x, axisBottom));
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">1e%d</text>%n",
          x, axisBottom + 14, d));
    }
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">adverts per second (log scale)</text>%n",
        LABEL_W + BAR_W / 2, axisBottom + 28));
    int y = top;
    String group = null;
    for (JmhResult r : rows) {
      String g = r.params().getOrDefault("size", "");
      if (group != null && !group.equals(g)) y += 10;
      group = g;
      double ops = r.opsPerSecond();
      double w = BAR_W * (Math.log10(Math.max(ops, Math.pow(10, lo))) - lo) / (hi - lo);
      String label = r.benchmark() + (g.isEmpty() ? "" : "  " + g);
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
          LABEL_W - 6, y + 14, escape(label)));
      s.append(String.format(Locale.ROOT,
          "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s: %s ads/s</title></rect>%n",
          LABEL_W, y + 3, w, ROW_H - 6, colour.get(r.benchmark()), escape(label), Report.ops(ops)));
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>%n", LABEL_W + w + 4, y + 14,
          Report.ops(ops)));
      y += ROW_H;
    }
    s.append("</svg>\n");
    return s.toString();
  }

  private static String sizeOrder(JmhResult r) {
    String size = r.params().getOrDefault("size", "");
    return switch (size) {
      case "200B" -> "1";
      case "1KB" -> "2";
      case "10KB" -> "3";
      default -> "4" + size;
    };
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
