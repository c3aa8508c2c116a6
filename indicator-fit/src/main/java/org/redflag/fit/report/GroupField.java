package org.redflag.fit.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A field that a market report can group adverts by; {@link #MONTH} is the UTC month of {@code postedAt}, as {@code YYYY-MM}. */
public enum GroupField {
  SITE, MARKET, CATEGORY, LANGUAGE, MONTH;

  /** The key in report JSON and on the command line. */
  public String key() { return name().toLowerCase(Locale.ROOT); }

  /**
   * The fields of a comma list such as {@code site,month}, in the order given. An unknown or repeated
   * field, or an empty list, is an {@link IllegalArgumentException} naming it and the allowed fields.
   */
  public static List<GroupField> parse(String list) {
    List<GroupField> out = new ArrayList<>();
    for (String part : list.split(",", -1)) {
      String k = part.strip();
      GroupField f = null;
      for (GroupField g : values()) if (g.key().equals(k)) f = g;
      if (f == null) {
        throw new IllegalArgumentException("unknown grouping field '" + (k.length() > 20 ? k.substring(0, 20) + "…" : k)
            + "'; expected a comma list of site, market, category, language, month");
      }
      if (out.contains(f)) throw new IllegalArgumentException("grouping field '" + k + "' is listed twice");
      out.add(f);
    }
    return List.copyOf(out);
  }
}
