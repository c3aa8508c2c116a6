package org.redflag.fit.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.redflag.engine.Assessment;
import org.redflag.engine.IndicatorResult;
import org.redflag.engine.RiskEngine;
import org.redflag.indicator.Evidence;
import org.redflag.io.AdvertFormatException;
import org.redflag.io.AdvertJson;
import org.redflag.io.AdvertLine;
import org.redflag.price.MarketBaselines;
import org.redflag.price.PriceMention;
import org.redflag.risk.Band;

/**
 * What a market report keeps of one assessed advert: the grouping fields, the score (in millionths,
 * the precision of assessment JSON, so a report read from {@code score} output and one computed from
 * the adverts put every score in the same bin), the band, the indicators evaluated and fired, the
 * pack entries behind fired indicators, the price position and the size of the linked cluster the
 * advert is in. Nothing of the text is kept.
 *
 * @param clusterSize size of the advert's cluster from {@code redflag link}, 0 when it is in none
 */
public record AssessedAdvert(String id, String site, String market, String category, String language, String month,
    long scoreMicros, Band band, List<String> indicators, List<String> fired, List<String> entries, PricePosition price,
    int clusterSize) implements Serializable {

  public AssessedAdvert {
    if (id == null) throw new IllegalArgumentException("id must not be null");
    if (scoreMicros < 0 || scoreMicros > 1_000_000) throw new IllegalArgumentException("score must be within [0, 1], was " + scoreMicros / 1e6);
    if (band == null) throw new IllegalArgumentException("band must not be null");
    if (clusterSize < 0) throw new IllegalArgumentException("cluster size must not be negative, was " + clusterSize);
    indicators = List.copyOf(new TreeSet<>(indicators));
    fired = List.copyOf(new TreeSet<>(fired));
    entries = List.copyOf(new TreeSet<>(entries));
    if (!indicators.containsAll(fired)) throw new IllegalArgumentException("every fired indicator must be among the evaluated ones");
  }

  /** The score in [0, 1] at the precision kept. */
  public double score() { return scoreMicros / 1e6; }

  /** The value of a grouping field, null when the advert has none. */
  public String value(GroupField f) {
    return switch (f) {
      case SITE -> site;
      case MARKET -> market;
      case CATEGORY -> category;
      case LANGUAGE -> language;
      case MONTH -> month;
    };
  }

  public AssessedAdvert withClusterSize(int size) {
    return new AssessedAdvert(id, site, market, category, language, month, scoreMicros, band, indicators, fired, entries, price, size);
  }

  /**
   * From an assessment; the price position against {@code baselines} (may be null). The grouping
   * fields are the provenance the assessment echoes ({@link Assessment#provenance()}: the advert's
   * site, market, category and postedAt, and the language applied), exactly what {@link #fromJson}
   * reads back from the assessment's JSON, so a report over adverts and one over their {@code score}
   * output agree.
   */
  public static AssessedAdvert of(Assessment a, MarketBaselines baselines) {
    List<String> indicators = new ArrayList<>();
    List<String> fired = new ArrayList<>();
    for (IndicatorResult r : a.indicators()) {
      indicators.add(r.id());
      if (r.fired()) fired.add(r.id());
    }
    List<String> entries = new ArrayList<>();
    for (Evidence e : a.evidence()) if (fired.contains(e.indicator())) entries.add(e.entry());
    Assessment.Provenance p = a.provenance();
    return new AssessedAdvert(a.id(), blankToNull(p.site()), blankToNull(p.market()), blankToNull(p.category()), blankToNull(p.language()),
        p.postedAt() == null ? null : month(p.postedAt()), micros(a.score()), a.band(), indicators, fired, entries,
        PricePosition.of(a.prices(), p.market(), p.category(), baselines), 0);
  }

  /**
   * From one line of {@code redflag score} output. The grouping fields are those the assessment
   * echoes ({@code site, market, category, language, postedAt}); a missing one is null. A field of
   * the wrong type is an {@link AdvertFormatException} naming its JSON path.
   */
  public static AssessedAdvert fromJson(JsonNode n, MarketBaselines baselines) {
    if (n == null || !n.isObject()) throw new AdvertFormatException("$", "an assessment must be a JSON object");
    String id = text(n, "id", true);
    JsonNode s = n.get("score");
    if (s == null || !s.isNumber() || !(s.asDouble() >= 0 && s.asDouble() <= 1)) throw new AdvertFormatException("$.score", "expected a number within [0, 1]");
    Band band;
    try {
      band = Band.valueOf(text(n, "band", true));
    } catch (IllegalArgumentException e) {
      throw new AdvertFormatException("$.band", "expected LOW, ELEVATED or HIGH");
    }
    List<String> indicators = new ArrayList<>();
    List<String> fired = new ArrayList<>();
    JsonNode rows = array(n, "indicators");
    for (int i = 0; i < rows.size(); i++) {
      JsonNode r = rows.get(i);
      String p = "$.indicators[" + i + "]";
      JsonNode rid = r.get("id");
      JsonNode f = r.get("fired");
      if (rid == null || !rid.isTextual()) throw new AdvertFormatException(p + ".id", "expected an indicator id");
      if (f == null || !f.isBoolean()) throw new AdvertFormatException(p + ".fired", "expected true or false");
      indicators.add(rid.asText());
      if (f.asBoolean()) fired.add(rid.asText());
    }
    List<String> entries = new ArrayList<>();
    JsonNode ev = n.get("evidence");
    if (ev != null && !ev.isNull()) {
      if (!ev.isArray()) throw new AdvertFormatException("$.evidence", "expected an array");
      for (int i = 0; i < ev.size(); i++) {
        JsonNode e = ev.get(i);
        JsonNode ind = e.get("indicator");
        JsonNode entry = e.get("entry");
        if (ind == null || !ind.isTextual() || entry == null || !entry.isTextual()) {
          throw new AdvertFormatException("$.evidence[" + i + "]", "expected an object with indicator and entry");
        }
        if (fired.contains(ind.asText())) entries.add(entry.asText());
      }
    }
    String market = text(n, "market", false);
    String category = text(n, "category", false);
    String posted = text(n, "postedAt", false);
    String month = posted == null ? null : month(posted);
    return new AssessedAdvert(id, blankToNull(text(n, "site", false)), blankToNull(market), blankToNull(category),
        blankToNull(text(n, "language", false)), month, micros(s.asDouble()), band, indicators, fired, entries,
        PricePosition.of(prices(n), market, category, baselines), 0);
  }

  /**
   * One input line of a report, as {@code redflag report} and the Spark report read it: an assessment
   * from {@code score} is read as it is; an advert is assessed by {@code engine} (asked for only
   * then, so a file of assessments needs no engine) and keeps its {@code site}; an error record of
   * {@code score} is an {@link AdvertFormatException} like any line that is neither.
   */
  public static AssessedAdvert fromLine(JsonNode node, Supplier<RiskEngine> engine, MarketBaselines baselines) {
    if (AdvertLine.isErrorRecord(node)) {
      throw new AdvertFormatException("$.error", "an error record from score, not an assessment or an advert");
    }
    if (isAssessment(node)) return fromJson(node, baselines);
    return of(engine.get().assess(AdvertJson.read(node)), baselines);
  }

  /** Whether a JSON line is an assessment (has {@code band} and {@code indicators}) rather than an advert (has {@code text}). */
  public static boolean isAssessment(JsonNode n) {
    return n != null && n.isObject() && !n.has("text") && n.has("band") && n.has("indicators");
  }

  static long micros(double score) { return Math.round(score * 1e6); }

  static String month(Instant t) { return YearMonth.from(t.atOffset(ZoneOffset.UTC)).toString(); }

  /** The UTC month of an ISO-8601 date-time with offset, instant or date, as {@code YYYY-MM}. */
  static String month(String iso) {
    try {
      return month(OffsetDateTime.parse(iso).toInstant());
    } catch (DateTimeParseException e1) {
      try {
        return month(Instant.parse(iso));
      } catch (DateTimeParseException e2) {
        try {
          return YearMonth.from(LocalDate.parse(iso)).toString();
        } catch (DateTimeParseException e3) {
          throw new AdvertFormatException("$.postedAt", "expected an ISO-8601 date or date-time");
        }
      }
    }
  }

  private static List<PriceMention> prices(JsonNode n) {
    JsonNode pr = n.get("prices");
    List<PriceMention> out = new ArrayList<>();
    if (pr == null || pr.isNull()) return out;
    if (!pr.isArray()) throw new AdvertFormatException("$.prices", "expected an array");
    for (int i = 0; i < pr.size(); i++) {
      JsonNode p = pr.get(i);
      String path = "$.prices[" + i + "]";
      JsonNode amount = p.get("amount");
      if (amount == null || !amount.isNumber()) throw new AdvertFormatException(path + ".amount", "expected a number");
      JsonNode minutes = p.get("minutes");
      JsonNode start = p.get("start");
      JsonNode end = p.get("end");
      try {
        out.add(new PriceMention(amount.decimalValue(), text(p, "currency", false),
            minutes == null || minutes.isNull() ? null : minutes.asInt(),
            start == null || start.isNull() ? -1 : start.asInt(), end == null || end.isNull() ? -1 : end.asInt(),
            text(p, "field", false)));
      } catch (IllegalArgumentException e) {
        throw new AdvertFormatException(path, "not a valid price (a positive amount, positive minutes or null, and a span or a field)");
      }
    }
    return out;
  }

  private static JsonNode array(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isArray()) throw new AdvertFormatException("$." + field, "expected an array");
    return v;
  }

  private static String text(JsonNode n, String field, boolean required) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (required) throw new AdvertFormatException("$." + field, "missing");
      return null;
    }
    if (!v.isTextual()) throw new AdvertFormatException("$." + field, "expected a string, got " + v.getNodeType().name().toLowerCase(Locale.ROOT));
    return v.asText();
  }

  private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s; }
}
