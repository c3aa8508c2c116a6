package org.redflag.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.redflag.link.ClusterSummary;
import org.redflag.link.Edit;
import org.redflag.link.Hub;
import org.redflag.link.LinkOptions;
import org.redflag.link.LinkResult;

/**
 * The HTML report of {@code redflag link}: one file, no scripts, an inline SVG of cluster sizes, then
 * the largest clusters with their shared templates (slots marked) and the edits between re-posts.
 * Stated ages appear only as counts and as "lowered/raised", never as values.
 */
final class ClustersReport {
  static final int MAX_CLUSTERS = 200;

  private ClustersReport() {}

  static String render(LinkResult r, long adverts, LinkOptions options) {
    StringBuilder h = new StringBuilder(1 << 16);
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Redflag clusters</title><style>")
        .append("body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}table{border-collapse:collapse;margin:.5em 0}")
        .append("td,th{border:1px solid #ccc;padding:3px 6px;font-size:13px;vertical-align:top}th{background:#f3f3f3}")
        .append(".tpl{font-family:monospace;background:#f8f8f8;padding:6px;white-space:pre-wrap}.slot{background:#ffe9a8}")
        .append(".add{color:#05620f}.rem{color:#9b1c1c;text-decoration:line-through}.age{font-weight:bold;color:#9b1c1c}")
        .append("</style></head><body>");
    h.append("<h1>Linked adverts</h1><p>Clusters are leads for trained human review: a shared contact or template is not proof that ")
        .append("adverts have one author, and a singleton is not proof that an advert stands alone.</p>");
    long inClusters = r.clusters().stream().mapToLong(ClusterSummary::size).sum();
    h.append(String.format(Locale.ROOT, "<p>%,d adverts; %,d clusters of two or more hold %,d of them. Hub threshold %,d adverts; "
        + "template similarity at least %.2f (Jaccard of slotted word shingles).</p>", adverts, r.clusters().size(), inClusters,
        options.hubThreshold(), options.similarity()));
    h.append(sizeChart(r.clusters()));
    if (!r.hubs().isEmpty()) {
      h.append("<h2>Hubs (not used to join)</h2><table><tr><th>type</th><th>hash</th><th>adverts</th></tr>");
      for (Hub x : r.hubs()) h.append("<tr><td>").append(esc(x.type())).append("</td><td>").append(esc(x.hash())).append("</td><td>").append(x.adverts()).append("</td></tr>");
      h.append("</table>");
    }
    List<ClusterSummary> largest = new ArrayList<>(r.clusters());
    largest.sort(Comparator.comparingInt(ClusterSummary::size).reversed());
    if (largest.size() > MAX_CLUSTERS) largest = largest.subList(0, MAX_CLUSTERS);
    h.append("<h2>Largest clusters</h2>");
    if (r.clusters().size() > MAX_CLUSTERS) h.append("<p>The ").append(MAX_CLUSTERS).append(" largest; CLUSTERS.jsonl lists all.</p>");
    for (ClusterSummary c : largest) cluster(h, c);
    h.append("</body></html>\n");
    return h.toString();
  }

  private static void cluster(StringBuilder h, ClusterSummary c) {
    h.append("<h3 id=\"").append(esc(c.id())).append("\">").append(esc(c.id())).append(" (").append(c.size()).append(" adverts)</h3>");
    h.append("<table><tr><th>identifiers</th><th>sites</th><th>markets</th><th>posted</th><th>distinct stated ages</th><th>score max / median</th></tr><tr><td>");
    h.append(c.identifiers().isEmpty() ? "none" : esc(c.identifiers().toString())).append("</td><td>").append(c.sites())
        .append("</td><td>").append(c.markets()).append("</td><td>")
        .append(c.firstPostedAt() == null ? "unknown" : esc(c.firstPostedAt() + " to " + c.lastPostedAt())).append("</td><td>")
        .append(c.statedAges()).append(" (").append(c.membersStatingAge()).append(" members state one)</td><td>")
        .append(Double.isNaN(c.maxScore()) ? "n/a" : String.format(Locale.ROOT, "%.3f / %.3f", c.maxScore(), c.medianScore()))
        .append("</td></tr></table>");
    if (!c.indicatorShares().isEmpty()) {
      h.append("<p>Indicators (share of members): ");
      boolean first = true;
      for (Map.Entry<String, Double> e : new TreeMap<>(c.indicatorShares()).entrySet()) {
        if (!first) h.append(", ");
        first = false;
        h.append(esc(e.getKey())).append(String.format(Locale.ROOT, " %.0f%%", 100 * e.getValue()));
      }
      h.append("</p>");
    }
    for (ClusterSummary.Template t : c.templates()) {
      h.append("<p>Template ").append(esc(t.id())).append(", ").append(t.size()).append(" members, slots ")
          .append(esc(String.join(" ", t.slots()))).append(":</p><div class=\"tpl\">").append(slots(t.text())).append("</div>");
      if (!t.edits().isEmpty()) {
        h.append("<table><tr><th>advert</th><th>after</th><th>words</th><th>numbers</th><th>identifiers</th><th>prices</th><th>stated age</th></tr>");
        for (Edit e : t.edits()) {
          h.append("<tr><td>").append(esc(e.id())).append("</td><td>").append(esc(e.previous())).append("</td><td>")
              .append(changes(e.wordsAdded(), e.wordsRemoved())).append("</td><td>").append(changes(e.numbersAdded(), e.numbersRemoved()))
              .append("</td><td>+").append(e.identifiersAdded()).append(" / -").append(e.identifiersRemoved()).append("</td><td>")
              .append(changes(e.pricesAdded(), e.pricesRemoved())).append("</td><td>")
              .append(e.statedAge() == null ? "" : "<span class=\"age\">" + esc(e.statedAge()) + "</span>").append("</td></tr>");
        }
        h.append("</table>");
      }
    }
  }

  private static String changes(List<String> added, List<String> removed) {
    StringBuilder s = new StringBuilder();
    for (String a : added) s.append("<span class=\"add\">+").append(esc(a)).append("</span> ");
    for (String a : removed) s.append("<span class=\"rem\">").append(esc(a)).append("</span> ");
    return s.toString().trim();
  }

  private static String slots(String text) {
    String e = esc(text);
    for (String s : List.of("{n}", "{name}", "{contact}")) e = e.replace(s, "<span class=\"slot\">" + s + "</span>");
    return e;
  }

  /** Bars: how many clusters have 2, 3-4, 5-9, 10-19, 20-49, 50+ members. */
  static String sizeChart(List<ClusterSummary> clusters) {
    int[] lo = {2, 3, 5, 10, 20, 50};
    String[] label = {"2", "3-4", "5-9", "10-19", "20-49", "50+"};
    int[] count = new int[lo.length];
    for (ClusterSummary c : clusters) {
      int b = 0;
      while (b + 1 < lo.length && c.size() >= lo[b + 1]) b++;
      count[b]++;
    }
    int max = 1;
    for (int x : count) max = Math.max(max, x);
    int w = 520, barH = 22;
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(lo.length * barH + 30)
        .append("\" role=\"img\" aria-label=\"clusters by size\"><text x=\"0\" y=\"14\" font-size=\"13\">clusters by number of members</text>");
    for (int b = 0; b < lo.length; b++) {
      int y = 22 + b * barH;
      int len = (int) Math.round(380.0 * count[b] / max);
      s.append("<text x=\"0\" y=\"").append(y + 15).append("\" font-size=\"12\">").append(label[b]).append("</text>");
      s.append("<rect x=\"60\" y=\"").append(y + 3).append("\" width=\"").append(len).append("\" height=\"").append(barH - 6).append("\" fill=\"#4a78b0\"/>");
      s.append("<text x=\"").append(66 + len).append("\" y=\"").append(y + 15).append("\" font-size=\"12\">").append(count[b]).append("</text>");
    }
    return s.append("</svg>").toString();
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
