package org.redflag.fit;

import static org.redflag.fit.Html.esc;
import static org.redflag.fit.Html.f;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.redflag.fit.report.AssessmentSummary;
import org.redflag.fit.report.GroupField;
import org.redflag.fit.report.MarketReport;
import org.redflag.risk.Band;

/**
 * The HTML page of a market report: one file, inline SVG, no scripts. A note on reading it, the
 * ranking of groups with their 95% Wilson intervals, trends by month when the report is by month,
 * small multiples of indicator shares per group (one shared scale), and the table behind them.
 * The charts are the plots the calibration and evaluation reports use ({@link Plots}).
 */
public final class MarketReportHtml {
  /** Groups drawn in the ranking and the small multiples; the table and the JSON have them all. */
  static final int MAX_GROUPS_DRAWN = 40;
  static final int MAX_PANELS = 24;
  static final int MAX_SERIES = 8;
  private static final String[] PALETTE = {"#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"};
  private static final String RANKED = "#b2182b";
  private static final String SMALL = "#9a9a9a";

  private MarketReportHtml() {}

  /** The page for {@code report}, read from {@code inputName} (a file name, never a path the reader need not see). */
  public static String html(MarketReport report, String inputName) {
    String by = String.join(", ", report.by().stream().map(GroupField::key).toList());
    StringBuilder s = Html.page("Market report by " + by);
    s.append("<p class=\"note\">").append(report.adverts()).append(" adverts from ").append(esc(inputName)).append(" in ")
        .append(report.groups().size()).append(" groups; groups with fewer than ").append(report.minAdverts())
        .append(" adverts are marked small and drawn in grey.</p>\n");
    s.append("<div class=\"warn\"><strong>Reading this report responsibly.</strong> A share is a share of <em>adverts</em>, not of "
        + "people: one person may appear in many adverts, and one advert may be reposted or copied across sites. An indicator "
        + "firing is a lead for trained human review, never a finding that anyone is a victim or an offender. Small groups are "
        + "noisy: a share of 3 in 4 says little, which is why each share carries its 95% Wilson interval and why groups are "
        + "ranked by the lower end of that interval rather than by the share itself. Differences between sites or months can "
        + "come from how the adverts were collected, from the language packs available, or from the wording a market uses, as "
        + "much as from what happens in it. See docs/responsible-use.md.</div>\n");

    List<MarketReport.Group> groups = report.groups();
    s.append("<h2>Ranking: share of adverts in review bands ELEVATED or HIGH</h2>\n");
    List<Plots.IntervalRow> rows = new ArrayList<>();
    for (MarketReport.Group g : groups.subList(0, Math.min(groups.size(), MAX_GROUPS_DRAWN))) {
      MarketReport.Share e = g.elevatedOrHigh();
      rows.add(new Plots.IntervalRow(label(g) + " (" + g.adverts() + ")", e.share(), e.ci().low(), e.ci().high(), g.small() ? SMALL : RANKED,
          label(g) + String.format(Locale.ROOT, ": %d of %d adverts (%s), 95%% interval %s to %s", e.count(), g.adverts(), pct(e.share()),
              pct(e.ci().low()), pct(e.ci().high()))));
    }
    s.append(Html.figure(Plots.intervals("ELEVATED or HIGH share, 95% Wilson intervals", rows, 280, 460, Double.NaN),
        "Groups in rank order (the lower end of the interval, highest first); adverts per group in brackets."
            + (groups.size() > MAX_GROUPS_DRAWN ? " The first " + MAX_GROUPS_DRAWN + " of " + groups.size() + " groups are drawn; the table has all." : "")));

    if (report.by().contains(GroupField.MONTH)) trends(s, report);

    smallMultiples(s, report);
    table(s, report);
    s.append(Html.end());
    return s.toString();
  }

  /** One line per combination of the other fields: the ELEVATED-or-HIGH share by month, with interval whiskers. */
  private static void trends(StringBuilder s, MarketReport report) {
    s.append("<h2>Trends by month</h2>\n");
    TreeSet<String> months = new TreeSet<>();
    Map<String, Map<String, MarketReport.Group>> series = new LinkedHashMap<>();
    Map<String, Long> seriesAdverts = new LinkedHashMap<>();
    long undated = 0;
    for (MarketReport.Group g : report.groups()) {
      String m = g.key().get(GroupField.MONTH.key());
      if (AssessmentSummary.NONE.equals(m)) {
        undated += g.adverts();
        continue;
      }
      months.add(m);
      Map<String, String> rest = new LinkedHashMap<>(g.key());
      rest.remove(GroupField.MONTH.key());
      String name = rest.isEmpty() ? "all adverts" : String.join(" · ", rest.values());
      series.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(m, g);
      seriesAdverts.merge(name, g.adverts(), Long::sum);
    }
    if (months.isEmpty()) {
      s.append("<p>No advert has a postedAt date.</p>\n");
      return;
    }
    // series with fewer adverts in all than a group needs are left out: their monthly points are mostly noise
    List<String> names = seriesAdverts.entrySet().stream().filter(e -> e.getValue() >= report.minAdverts())
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(MAX_SERIES).map(Map.Entry::getKey).toList();
    long leftOut = series.size() - names.size();
    List<String> monthList = new ArrayList<>(months);
    double top = 0;
    for (String n : names) for (MarketReport.Group g : series.get(n).values()) top = Math.max(top, g.elevatedOrHigh().share());
    // the scale follows the shares, not the intervals, so a wide interval of a small month does not flatten the lines
    double yMax = Math.min(1, Math.max(0.1, Math.ceil(top * 1.3 * 10) / 10));
    StringBuilder svg = Plots.frame("ELEVATED or HIGH share by month", "month (postedAt, UTC)", "share of adverts", yMax, monthList);
    for (int k = 0; k < names.size(); k++) {
      String color = PALETTE[k % PALETTE.length];
      Map<String, MarketReport.Group> byMonth = series.get(names.get(k));
      List<Metrics.Point> run = new ArrayList<>();
      for (int i = 0; i < monthList.size(); i++) {
        MarketReport.Group g = byMonth.get(monthList.get(i));
        if (g == null) { // a month without adverts breaks the line rather than bridging it
          if (run.size() > 1) svg.append(Plots.polyline(run, color, false));
          run = new ArrayList<>();
          continue;
        }
        double x = Plots.categoryX(i, monthList.size()) + (k - (names.size() - 1) / 2.0) * 0.1 / (monthList.size() * Math.max(1, names.size())); // a small dodge keeps whiskers apart
        MarketReport.Share e = g.elevatedOrHigh();
        run.add(new Metrics.Point(x, e.share() / yMax));
        svg.append(Plots.line(Plots.px(x), Plots.py(e.ci().low() / yMax), Plots.px(x), Plots.py(Math.min(1, e.ci().high() / yMax)), color, 1,
            g.small() ? "2 2" : null)); // clipped at the top of the frame
        svg.append("<circle cx=\"").append(f(Plots.px(x), 1)).append("\" cy=\"").append(f(Plots.py(e.share() / yMax), 1)).append("\" r=\"3.5\" fill=\"")
            .append(g.small() ? "#ffffff" : color).append("\" stroke=\"").append(color).append("\"><title>")
            .append(esc(label(g) + String.format(Locale.ROOT, ": %d of %d (%s)", e.count(), g.adverts(), pct(e.share())))).append("</title></circle>");
      }
      if (run.size() > 1) svg.append(Plots.polyline(run, color, false));
    }
    svg.append("</svg>");
    // the plots' frame is drawn for 380 x 320; the viewBox scales it up for this, the report's one wide chart
    String wide = svg.toString().replaceFirst("width=\"380\" height=\"320\"", "width=\"608\" height=\"512\"");
    StringBuilder legend = new StringBuilder();
    for (int k = 0; k < names.size(); k++) {
      legend.append("<span style=\"color:").append(PALETTE[k % PALETTE.length]).append("\">&#9632;</span> ").append(esc(names.get(k)))
          .append(" (").append(seriesAdverts.get(names.get(k))).append(")<br>");
    }
    s.append("<div class=\"plots\">").append(Html.figure(wide, "Share per month with 95% Wilson intervals (clipped at the top of the "
        + "chart); hollow points and dotted whiskers are small groups." + (undated > 0 ? " " + undated + " adverts without a date are left out." : "")
        + (leftOut > 0 ? " " + leftOut + " of " + series.size() + " series are not drawn (fewer than " + report.minAdverts() + " adverts in all, or "
        + "beyond the " + MAX_SERIES + " largest)." : "")))
        .append("<figure><figcaption>").append(legend).append("</figcaption></figure></div>\n");
  }

  /** A panel per group: each indicator's share with its interval, on one scale for every panel. */
  private static void smallMultiples(StringBuilder s, MarketReport report) {
    s.append("<h2>Indicator shares per group</h2>\n");
    List<MarketReport.Group> shown = report.groups().subList(0, Math.min(report.groups().size(), MAX_PANELS));
    TreeSet<String> ever = new TreeSet<>();
    TreeSet<String> never = new TreeSet<>();
    for (MarketReport.Group g : report.groups()) g.indicators().forEach((id, sh) -> { if (sh.count() > 0) ever.add(id); });
    for (MarketReport.Group g : report.groups()) for (String id : g.indicators().keySet()) if (!ever.contains(id)) never.add(id);
    if (ever.isEmpty()) {
      s.append("<p>No indicator fired in any advert.</p>\n");
      return;
    }
    double max = 0;
    for (MarketReport.Group g : shown) for (String id : ever) max = Math.max(max, g.indicators().getOrDefault(id, ZERO).ci().high());
    double axis = Math.min(1, Math.max(0.1, Math.ceil(max * 10) / 10));
    s.append("<p class=\"note\">One panel per group in rank order, the same scale in every panel: each indicator's share of the group's "
        + "adverts with its 95% Wilson interval.").append(never.isEmpty() ? "" : " Never fired, so not drawn: " + esc(String.join(", ", never)) + ".")
        .append(report.groups().size() > shown.size() ? " The first " + shown.size() + " of " + report.groups().size() + " groups are drawn." : "")
        .append("</p>\n<div class=\"plots\">\n");
    for (MarketReport.Group g : shown) {
      List<Plots.IntervalRow> rows = new ArrayList<>();
      for (String id : ever) {
        MarketReport.Share sh = g.indicators().getOrDefault(id, ZERO);
        rows.add(new Plots.IntervalRow(id, sh.share(), sh.ci().low(), sh.ci().high(), g.small() ? SMALL : RANKED,
            id + String.format(Locale.ROOT, ": %d of %d (%s)", sh.count(), g.adverts(), pct(sh.share()))));
      }
      s.append(Html.figure(Plots.intervals(label(g) + " (" + g.adverts() + (g.small() ? ", small" : "") + ")", rows, 170, 170, axis), ""));
    }
    s.append("</div>\n");
  }

  private static final MarketReport.Share ZERO = new MarketReport.Share(0, 0, new Interval(0, 1));

  private static void table(StringBuilder s, MarketReport report) {
    s.append("<h2>All groups</h2>\n<table>\n<tr><th>rank</th>");
    for (GroupField f : report.by()) s.append("<th>").append(f.key()).append("</th>");
    s.append("<th>adverts</th><th>LOW</th><th>ELEVATED</th><th>HIGH</th><th>ELEVATED or HIGH (95% interval)</th><th>median score</th>"
        + "<th>90th pct score</th>");
    if (report.prices()) s.append("<th>priced</th><th>median price / market median</th><th>below market 5th pct</th>");
    if (report.clusters()) s.append("<th>in linked clusters</th><th>largest cluster</th>");
    s.append("<th style=\"text-align:left\">top pack entries (adverts)</th></tr>\n");
    int rank = 0;
    for (MarketReport.Group g : report.groups()) {
      s.append("<tr").append(g.small() ? " style=\"color:#777\"" : "").append("><td>").append(++rank).append(g.small() ? " (small)" : "").append("</td>");
      for (String v : g.key().values()) s.append("<td>").append(esc(v)).append("</td>");
      s.append("<td>").append(g.adverts()).append("</td>");
      for (Band b : Band.values()) s.append("<td>").append(g.bands().get(b)).append("</td>");
      MarketReport.Share e = g.elevatedOrHigh();
      s.append("<td>").append(pct(e.share())).append(" (").append(pct(e.ci().low())).append("&ndash;").append(pct(e.ci().high())).append(")</td>");
      s.append("<td>").append(f(g.scoreMedian(), 4)).append("</td><td>").append(f(g.scoreP90(), 4)).append("</td>");
      if (report.prices()) {
        s.append("<td>").append(g.prices().adverts()).append("</td><td>").append(f(g.prices().medianRatio(), 2)).append("</td><td>")
            .append(g.prices().belowP5()).append("</td>");
      }
      if (report.clusters()) s.append("<td>").append(g.clusters().adverts()).append("</td><td>").append(g.clusters().largest()).append("</td>");
      s.append("<td style=\"text-align:left\">");
      List<String> top = new ArrayList<>();
      for (MarketReport.Entry en : g.topEntries().subList(0, Math.min(3, g.topEntries().size()))) top.add(esc(en.entry()) + " (" + en.adverts() + ")");
      s.append(String.join(", ", top)).append("</td></tr>\n");
    }
    s.append("</table>\n");
  }

  private static String label(MarketReport.Group g) { return String.join(" · ", g.key().values()); }

  private static String pct(double v) { return String.format(Locale.ROOT, "%.1f%%", 100 * v); }
}
