package org.redflag.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.redflag.engine.Assessment;
import org.redflag.engine.IndicatorResult;
import org.redflag.identifier.IdentifierMention;
import org.redflag.indicator.Evidence;
import org.redflag.pack.PackRef;
import org.redflag.price.MarketBaselines;
import org.redflag.price.PriceMention;
import org.redflag.text.OffsetUnit;

/**
 * Writes assessments as JSON with the fixed field names other tools rely on: {@code id, score, band,
 * indicators, evidence, prices, identifiers, model, packs, inputDigest, applied}, then the provenance echoed from the advert
 * ({@code site, url, postedAt, capturedAt, market, category, language}, each null when unknown) (plus {@code features} when an indicator or
 * stage contributed numeric features). Evidence items have {@code indicator, start, end, match,
 * entry, source}, and {@code field}/{@code details} when present. Identifiers have {@code type, hash,
 * start, end}, and {@code field} when not found in the advert text.
 *
 * <p>One writer, {@link #write}, streams the fields to a {@link JsonGenerator}: a line is written
 * without building a tree first, and {@link #toJson} replays the same stream into a tree, so the two
 * forms cannot drift apart. Field names and the strings that repeat from advert to advert (indicator
 * ids, pack entries and their sources, model and pack labels) are written from pre-escaped
 * {@link SerializedString}s instead of being escaped again on every line.
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
    try (TokenBuffer buffer = new TokenBuffer(AdvertJson.MAPPER, false)) {
      write(a, firedOnly, buffer);
      return TREE_READER.readTree(buffer.asParser());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise assessment " + a.id(), e);
    }
  }

  /**
   * Reads the replayed stream back with the node types the fields were written with: doubles as
   * doubles, amounts as the exact decimals they are.
   */
  private static final ObjectMapper TREE_READER = JsonMapper.builder().nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();

  /** One line of JSON (no line breaks), for JSONL output. */
  public static String toJsonLine(Assessment a) { return toJsonLine(a, false); }

  /** One line of JSON, with only the rows of indicators that fired when {@code firedOnly}. */
  public static String toJsonLine(Assessment a, boolean firedOnly) {
    // as ObjectMapper.writeValueAsString: a pooled buffer recycler for the text, released after the line
    BufferRecycler recycler = AdvertJson.MAPPER.getFactory()._getBufferRecycler();
    try (SegmentedStringWriter out = new SegmentedStringWriter(recycler)) {
      try (JsonGenerator g = AdvertJson.MAPPER.createGenerator(out)) {
        write(a, firedOnly, g);
      }
      return out.getAndClear();
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise assessment " + a.id(), e);
    } finally {
      recycler.releaseToPool();
    }
  }

  /** The assessment as one JSON object, field by field (see the class comment for the order). */
  static void write(Assessment a, boolean firedOnly, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeFieldName(ID);
    g.writeString(a.id());
    g.writeFieldName(SCORE);
    g.writeNumber(round(a.score()));
    constant(g, BAND, a.band().name());
    if (a.offsets() != OffsetUnit.UTF16) {
      g.writeFieldName(OFFSETS);
      g.writeString(a.offsets().label());
    }
    g.writeFieldName(INDICATORS);
    g.writeStartArray();
    for (IndicatorResult r : a.indicators()) {
      if (!firedOnly || r.fired()) indicator(r, g);
    }
    g.writeEndArray();
    g.writeFieldName(EVIDENCE);
    g.writeStartArray();
    for (Evidence e : a.evidence()) evidence(e, g);
    g.writeEndArray();
    g.writeFieldName(PRICES);
    g.writeStartArray();
    for (PriceMention p : a.prices()) price(p, g);
    g.writeEndArray();
    g.writeFieldName(IDENTIFIERS);
    g.writeStartArray();
    for (IdentifierMention m : a.identifiers()) identifier(m, g);
    g.writeEndArray();
    if (!a.features().isEmpty()) {
      g.writeFieldName(FEATURES);
      g.writeStartObject();
      for (Map.Entry<String, Double> f : a.features().entrySet()) {
        g.writeFieldName(f.getKey());
        g.writeNumber(round(f.getValue()));
      }
      g.writeEndObject();
    }
    constant(g, MODEL, a.model());
    g.writeFieldName(PACKS);
    g.writeStartArray();
    for (String p : a.packs()) constant(g, p);
    g.writeEndArray();
    g.writeFieldName(INPUT_DIGEST);
    g.writeString(a.inputDigest());
    applied(a.applied(), g);
    Assessment.Provenance p = a.provenance();
    stringOrNull(g, SITE, p.site());
    stringOrNull(g, URL, p.url());
    stringOrNull(g, POSTED_AT, p.postedAt() == null ? null : p.postedAt().toString());
    stringOrNull(g, CAPTURED_AT, p.capturedAt() == null ? null : p.capturedAt().toString());
    stringOrNull(g, MARKET, p.market());
    stringOrNull(g, CATEGORY, p.category());
    stringOrNull(g, LANGUAGE, p.language());
    g.writeEndObject();
  }

  private static void indicator(IndicatorResult r, JsonGenerator g) throws IOException {
    g.writeStartObject();
    constant(g, ID, r.id());
    g.writeFieldName(FIRED);
    g.writeBoolean(r.fired());
    g.writeFieldName(STRENGTH);
    g.writeNumber(round(r.strength()));
    g.writeFieldName(CONTRIBUTION);
    g.writeNumber(round(r.contribution()));
    if (r.moreEvidence() > 0) {
      g.writeFieldName(MORE_EVIDENCE);
      g.writeNumber(r.moreEvidence());
    }
    g.writeEndObject();
  }

  private static void evidence(Evidence e, JsonGenerator g) throws IOException {
    g.writeStartObject();
    constant(g, INDICATOR, e.indicator());
    g.writeFieldName(START);
    if (e.start() == null) g.writeNull(); else g.writeNumber(e.start());
    g.writeFieldName(END);
    if (e.end() == null) g.writeNull(); else g.writeNumber(e.end());
    g.writeFieldName(MATCH);
    g.writeString(e.match());
    if (e.masked()) {
      g.writeFieldName(MASKED);
      g.writeBoolean(true);
    }
    constant(g, ENTRY, e.entry());
    constant(g, SOURCE, e.source());
    stringIfPresent(g, FIELD, e.field());
    if (!e.details().isEmpty()) {
      g.writeFieldName(DETAILS);
      g.writeStartObject();
      for (Map.Entry<String, Object> x : e.details().entrySet()) {
        g.writeFieldName(x.getKey());
        g.writeObject(x.getValue());
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void price(PriceMention p, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeFieldName(AMOUNT);
    if (p.amount() == null) g.writeNull(); else g.writeNumber(p.amount());
    g.writeFieldName(CURRENCY);
    if (p.currency() == null) g.writeNull(); else g.writeString(p.currency());
    g.writeFieldName(MINUTES);
    if (p.minutes() == null) g.writeNull(); else g.writeNumber(p.minutes());
    g.writeFieldName(START);
    if (p.start() >= 0) g.writeNumber(p.start()); else g.writeNull();
    g.writeFieldName(END);
    if (p.start() >= 0) g.writeNumber(p.end()); else g.writeNull();
    stringIfPresent(g, FIELD, p.field());
    g.writeEndObject();
  }

  private static void identifier(IdentifierMention m, JsonGenerator g) throws IOException {
    g.writeStartObject();
    constant(g, TYPE, m.type().label());
    g.writeFieldName(HASH);
    g.writeString(m.hash());
    g.writeFieldName(START);
    g.writeNumber(m.start());
    g.writeFieldName(END);
    g.writeNumber(m.end());
    stringIfPresent(g, FIELD, m.field());
    g.writeEndObject();
  }

  private static void applied(Assessment.Applied applied, JsonGenerator g) throws IOException {
    g.writeFieldName(APPLIED);
    g.writeStartObject();
    g.writeFieldName(PACKS);
    g.writeStartArray();
    for (PackRef r : applied.packs()) {
      g.writeStartObject();
      constant(g, ID, r.id());
      constant(g, VERSION, r.version());
      constant(g, SHA256, r.sha256());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeFieldName(BASELINES);
    g.writeStartArray();
    for (MarketBaselines.Source b : applied.baselines()) {
      g.writeStartObject();
      constant(g, FILE, b.file());
      constant(g, SHA256, b.sha256());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** Optional fields are left out when absent (not written as null). */
  private static void stringIfPresent(JsonGenerator g, SerializableString field, String value) throws IOException {
    if (value == null) return;
    g.writeFieldName(field);
    g.writeString(value);
  }

  private static void stringOrNull(JsonGenerator g, SerializableString field, String value) throws IOException {
    g.writeFieldName(field);
    if (value == null) g.writeNull(); else g.writeString(value);
  }

  /**
   * {@code s} escaped once for all lines: for strings that come from the engine's configuration (packs,
   * indicators, model), never from an advert, so there are few of them. The table stops growing at
   * {@link #MAX_CONSTANTS} (an engine rebuilt with new packs again and again), and later strings are
   * escaped on every line as any other string.
   */
  private static void constant(JsonGenerator g, SerializableString field, String s) throws IOException {
    g.writeFieldName(field);
    constant(g, s);
  }

  private static void constant(JsonGenerator g, String s) throws IOException {
    if (s == null) {
      g.writeNull();
      return;
    }
    SerializableString c = CONSTANTS.get(s);
    if (c == null) {
      c = new SerializedString(s);
      if (CONSTANTS.size() < MAX_CONSTANTS) CONSTANTS.putIfAbsent(s, c);
    }
    g.writeString(c);
  }

  private static final int MAX_CONSTANTS = 8192;
  private static final ConcurrentHashMap<String, SerializableString> CONSTANTS = new ConcurrentHashMap<>();

  private static final SerializableString ID = new SerializedString("id");
  private static final SerializableString SCORE = new SerializedString("score");
  private static final SerializableString BAND = new SerializedString("band");
  private static final SerializableString OFFSETS = new SerializedString("offsets");
  private static final SerializableString INDICATORS = new SerializedString("indicators");
  private static final SerializableString FIRED = new SerializedString("fired");
  private static final SerializableString STRENGTH = new SerializedString("strength");
  private static final SerializableString CONTRIBUTION = new SerializedString("contribution");
  private static final SerializableString MORE_EVIDENCE = new SerializedString("moreEvidence");
  private static final SerializableString EVIDENCE = new SerializedString("evidence");
  private static final SerializableString INDICATOR = new SerializedString("indicator");
  private static final SerializableString START = new SerializedString("start");
  private static final SerializableString END = new SerializedString("end");
  private static final SerializableString MATCH = new SerializedString("match");
  private static final SerializableString MASKED = new SerializedString("masked");
  private static final SerializableString ENTRY = new SerializedString("entry");
  private static final SerializableString SOURCE = new SerializedString("source");
  private static final SerializableString FIELD = new SerializedString("field");
  private static final SerializableString DETAILS = new SerializedString("details");
  private static final SerializableString PRICES = new SerializedString("prices");
  private static final SerializableString AMOUNT = new SerializedString("amount");
  private static final SerializableString CURRENCY = new SerializedString("currency");
  private static final SerializableString MINUTES = new SerializedString("minutes");
  private static final SerializableString IDENTIFIERS = new SerializedString("identifiers");
  private static final SerializableString TYPE = new SerializedString("type");
  private static final SerializableString HASH = new SerializedString("hash");
  private static final SerializableString FEATURES = new SerializedString("features");
  private static final SerializableString MODEL = new SerializedString("model");
  private static final SerializableString PACKS = new SerializedString("packs");
  private static final SerializableString INPUT_DIGEST = new SerializedString("inputDigest");
  private static final SerializableString APPLIED = new SerializedString("applied");
  private static final SerializableString VERSION = new SerializedString("version");
  private static final SerializableString SHA256 = new SerializedString("sha256");
  private static final SerializableString BASELINES = new SerializedString("baselines");
  private static final SerializableString FILE = new SerializedString("file");
  private static final SerializableString SITE = new SerializedString("site");
  private static final SerializableString URL = new SerializedString("url");
  private static final SerializableString POSTED_AT = new SerializedString("postedAt");
  private static final SerializableString CAPTURED_AT = new SerializedString("capturedAt");
  private static final SerializableString MARKET = new SerializedString("market");
  private static final SerializableString CATEGORY = new SerializedString("category");
  private static final SerializableString LANGUAGE = new SerializedString("language");

  private static double round(double v) { return Math.round(v * 1e6) / 1e6; }
}
