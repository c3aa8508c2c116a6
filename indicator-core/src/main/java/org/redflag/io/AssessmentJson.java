package org.redflag.io;

import org.redflag.text.OffsetUnit;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.redflag.engine.Assessment;
import org.redflag.engine.IndicatorResult;
import org.redflag.identifier.IdentifierMention;
import org.redflag.indicator.Evidence;
import org.redflag.pack.PackRef;
import org.redflag.price.MarketBaselines;
import org.redflag.price.PriceMention;

/**
 * Writes assessments as JSON with the fixed field names other tools rely on: {@code id, score, band,
 * indicators, evidence, prices, identifiers, model, packs, inputDigest, applied}, then the provenance echoed from the advert
 * ({@code site, url, postedAt, capturedAt, market, category, language}, each null when unknown) (plus {@code features} when an indicator or
 * stage contributed numeric features). Evidence items have {@code indicator, start, end, match,
 * entry, source}, and {@code field}/{@code details} when present. Identifiers have {@code type, hash,
 * start, end}, and {@code field} when not found in the advert text.
 */
public final class AssessmentJson {
  private AssessmentJson() {}

  public static ObjectNode toJson(Assessment a) { return toJson(a, false); }

  /**
   * The assessment as JSON; with {@code firedOnly}, {@code indicators} holds only the rows of the
   * indicators that fired (compact output for large runs). {@code offsets} is written, after
   * {@code band}, only when the spans are not UTF-16 offsets ({@link Assessment#withOffsets}).
   */
  public static ObjectNode toJson(Assessment a, boolean firedOnly) {
    ObjectNode o = AdvertJson.MAPPER.createObjectNode();
    o.put("id", a.id());
    o.put("score", round(a.score()));
    o.put("band", a.band().name());
    if (a.offsets() != OffsetUnit.UTF16) o.put("offsets", a.offsets().label());
    ArrayNode ind = o.putArray("indicators");
    for (IndicatorResult r : a.indicators()) {
      if (firedOnly && !r.fired()) continue;
      ObjectNode io = ind.addObject();
      io.put("id", r.id());
      io.put("fired", r.fired());
      io.put("strength", round(r.strength()));
      io.put("contribution", round(r.contribution()));
      if (r.moreEvidence() > 0) io.put("moreEvidence", r.moreEvidence());
    }
    ArrayNode ev = o.putArray("evidence");
    for (Evidence e : a.evidence()) ev.add(evidence(e));
    ArrayNode pr = o.putArray("prices");
    for (PriceMention p : a.prices()) {
      ObjectNode po = pr.addObject();
      po.put("amount", p.amount());
      if (p.currency() == null) po.putNull("currency"); else po.put("currency", p.currency());
      if (p.minutes() == null) po.putNull("minutes"); else po.put("minutes", p.minutes());
      if (p.start() >= 0) {
        po.put("start", p.start());
        po.put("end", p.end());
      } else {
        po.putNull("start");
        po.putNull("end");
      }
      if (p.field() != null) po.put("field", p.field());
    }
    ArrayNode ids = o.putArray("identifiers");
    for (IdentifierMention m : a.identifiers()) {
      ObjectNode io = ids.addObject();
      io.put("type", m.type().label());
      io.put("hash", m.hash());
      io.put("start", m.start());
      io.put("end", m.end());
      if (m.field() != null) io.put("field", m.field());
    }
    if (!a.features().isEmpty()) {
      ObjectNode f = o.putObject("features");
      a.features().forEach((k, v) -> f.put(k, round(v)));
    }
    o.put("model", a.model());
    ArrayNode packs = o.putArray("packs");
    a.packs().forEach(packs::add);
    o.put("inputDigest", a.inputDigest());
    ObjectNode applied = o.putObject("applied");
    ArrayNode ap = applied.putArray("packs");
    for (PackRef r : a.applied().packs()) ap.addObject().put("id", r.id()).put("version", r.version()).put("sha256", r.sha256());
    ArrayNode ab = applied.putArray("baselines");
    for (MarketBaselines.Source b : a.applied().baselines()) ab.addObject().put("file", b.file()).put("sha256", b.sha256());
    Assessment.Provenance p = a.provenance();
    putOrNull(o, "site", p.site());
    putOrNull(o, "url", p.url());
    putOrNull(o, "postedAt", p.postedAt() == null ? null : p.postedAt().toString());
    putOrNull(o, "capturedAt", p.capturedAt() == null ? null : p.capturedAt().toString());
    putOrNull(o, "market", p.market());
    putOrNull(o, "category", p.category());
    putOrNull(o, "language", p.language());
    return o;
  }

  private static void putOrNull(ObjectNode o, String field, String value) {
    if (value == null) o.putNull(field); else o.put(field, value);
  }

  static ObjectNode evidence(Evidence e) {
    ObjectNode eo = AdvertJson.MAPPER.createObjectNode();
    eo.put("indicator", e.indicator());
    if (e.start() == null) {
      eo.putNull("start");
      eo.putNull("end");
    } else {
      eo.put("start", e.start());
      eo.put("end", e.end());
    }
    eo.put("match", e.match());
    if (e.masked()) eo.put("masked", true);
    eo.put("entry", e.entry());
    eo.put("source", e.source());
    if (e.field() != null) eo.put("field", e.field());
    if (!e.details().isEmpty()) {
      ObjectNode d = eo.putObject("details");
      for (Map.Entry<String, Object> x : e.details().entrySet()) d.putPOJO(x.getKey(), x.getValue());
    }
    return eo;
  }

  /** One line of JSON (no line breaks), for JSONL output. */
  public static String toJsonLine(Assessment a) { return toJsonLine(a, false); }

  /** One line of JSON, with only the rows of indicators that fired when {@code firedOnly}. */
  public static String toJsonLine(Assessment a, boolean firedOnly) {
    try {
      return AdvertJson.MAPPER.writeValueAsString(toJson(a, firedOnly));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise assessment " + a.id(), e);
    }
  }

  private static double round(double v) { return Math.round(v * 1e6) / 1e6; }
}
