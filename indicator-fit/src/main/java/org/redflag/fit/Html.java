package org.redflag.fit;

import com.google.common.html.HtmlEscapers;
import java.util.Locale;

/** What the HTML reports share: the page head and style, number formatting and escaping. */
final class Html {
  private Html() {}

  /** The document up to and including the page heading; the caller appends the body and {@link #end()}. */
  static StringBuilder page(String title) {
    StringBuilder s = new StringBuilder(64 * 1024);
    s.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(esc(title)).append("</title>\n<style>\n")
        .append("body{font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;max-width:1180px;margin:24px auto;padding:0 16px;color:#222;line-height:1.45}\n")
        .append("h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #ccc}\n")
        .append("table{border-collapse:collapse;margin:8px 0;font-size:.92em}th,td{border:1px solid #ccc;padding:3px 8px;text-align:right}\n")
        .append("th:first-child,td:first-child{text-align:left}th{background:#f3f3f3}.note{color:#555;font-size:.92em}\n")
        .append(".plots{display:flex;flex-wrap:wrap;gap:18px}.plots figure{margin:0}figcaption{font-size:.88em;color:#444;max-width:380px}\n")
        .append(".warn{background:#fff6e0;border-left:4px solid #e0a000;padding:8px 12px}svg text{font-size:11px;font-family:inherit}\n")
        .append(".advert{border:1px solid #ddd;padding:6px 10px;margin:6px 0 14px;white-space:pre-wrap;font-size:.92em;text-align:left}\n")
        .append("mark{background:#ffd54f;padding:0 1px}mark.other{background:#e3ecf7}\n")
        .append("</style>\n</head>\n<body>\n");
    s.append("<h1>").append(esc(title)).append("</h1>\n");
    return s;
  }

  static String end() { return "</body>\n</html>\n"; }

  static void row(StringBuilder s, String k, String v) {
    s.append("<tr><th>").append(k).append("</th><td>").append(v).append("</td></tr>\n");
  }

  static String figure(String svg, String caption) {
    return "<figure>" + svg + "<figcaption>" + caption + "</figcaption></figure>\n";
  }

  /** Fixed decimals; NaN as a dash, infinities as the symbol. */
  static String f(double v, int digits) {
    if (Double.isNaN(v)) return "&ndash;";
    if (Double.isInfinite(v)) return v > 0 ? "&infin;" : "-&infin;";
    return String.format(Locale.ROOT, "%." + digits + "f", v + 0.0); // + 0.0 turns -0.0 into 0.0
  }

  /** Escapes text for HTML element content and attribute values. */
  static String esc(String s) {
    return HtmlEscapers.htmlEscaper().escape(s);
  }
}
