package org.redflag.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.redflag.advert.Advert;
import org.redflag.advert.Price;

/**
 * Maps adverts to and from JSON. Reading validates every field and reports the JSON path and the
 * problem; fields it does not know (e.g. a {@code label} column for calibration) are ignored.
 * Writing produces the canonical form of an advert built in code (keys sorted, absent and empty
 * fields omitted); {@link #canonicalRecord} gives the bytes of the input digest.
 */
public final class AdvertJson {
  /** Deepest accepted nesting of arrays and objects in an advert record. */
  public static final int MAX_DEPTH = 32;
  /** Longest accepted JSON number, in characters (an amount never needs more). */
  public static final int MAX_NUMBER_LENGTH = 64;
  /** Longest accepted JSON object key, in characters. */
  public static final int MAX_KEY_LENGTH = 256;
  /**
   * Longest advert text read, in UTF-16 units (200,000: a hundred times a long advert). The engine
   * takes longer texts from code that builds adverts itself; a record read from outside is bounded
   * so that its work and its output are.
   */
  public static final int MAX_TEXT_LENGTH = 200_000;
  /** Longest title read, in UTF-16 units. */
  public static final int MAX_TITLE_LENGTH = 2_000;
  /** Most tags, and most structured prices, read per advert. */
  public static final int MAX_TAGS = 256;
  public static final int MAX_PRICES = 64;

  /**
   * Strict reading: a second value after the object (two adverts on one line) and a key given twice
   * (which one would win is a guess) are errors; nesting, number and key sizes are bounded so that no
   * record can exhaust the stack, the heap or the CPU in the parser.
   */
  static final ObjectMapper MAPPER = JsonMapper.builder(com.fasterxml.jackson.core.JsonFactory.builder()
          .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
              .maxNestingDepth(MAX_DEPTH)
              .maxNumberLength(MAX_NUMBER_LENGTH)
              .maxNameLength(MAX_KEY_LENGTH)
              .maxStringLength(JsonLinesReader.MAX_LINE_BYTES)
              .build())
          .build())
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  private AdvertJson() {}

  /** Parses one JSON object (e.g. a JSONL line) into an advert. */
  public static Advert parse(String json) { return read(readTree(json)); }

  /**
   * Parses one JSON value strictly (see {@link #MAPPER}); every failure is an {@link AdvertFormatException}
   * that says where and what, never quoting the input (the parser's own messages do).
   */
  public static JsonNode readTree(String json) {
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null || node.isMissingNode()) throw new AdvertFormatException("$", "empty line; expected one JSON object per line");
      return node;
    } catch (JsonProcessingException e) {
      throw new AdvertFormatException("$", describe(e));
    }
  }

  private static String describe(JsonProcessingException e) {
    var loc = e.getLocation(); // null for some failures, e.g. the size limits
    String at = loc == null || loc.getColumnNr() < 0 ? "" : " at column " + loc.getColumnNr();
    String m = String.valueOf(e.getOriginalMessage());
    if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
      if (m.contains("nesting depth")) return "JSON nested deeper than " + MAX_DEPTH + " levels" + at;
      if (m.startsWith("Number value length")) return "JSON number longer than " + MAX_NUMBER_LENGTH + " characters" + at;
      if (m.startsWith("Name length")) return "JSON key longer than " + MAX_KEY_LENGTH + " characters" + at;
      if (m.startsWith("String value length")) return "JSON string too long" + at;
      return "JSON exceeds a size limit" + at;
    }
    if (m.startsWith("Duplicate field")) return "a key appears twice in one object" + at;
    if (m.startsWith("Trailing token")) return "more than one JSON value on the line (one advert per line)" + at;
    return "invalid JSON" + at;
  }

  /** The record's {@code id} when it is a string, cut to 64 characters (for error records); else null. */
  public static String idForErrors(JsonNode node) {
    if (node == null || !node.isObject()) return null;
    JsonNode id = node.get("id");
    if (id == null || !id.isTextual()) return null;
    String s = id.asText();
    if (s.length() <= ID_IN_ERRORS) return s;
    int cut = Character.isHighSurrogate(s.charAt(ID_IN_ERRORS - 1)) ? ID_IN_ERRORS - 1 : ID_IN_ERRORS;
    return s.substring(0, cut);
  }

  /** Longest id echoed in an error record: enough to find the record, short enough to echo nothing else. */
  public static final int ID_IN_ERRORS = 64;

  public static Advert read(JsonNode n) {
    if (n == null || !n.isObject()) throw new AdvertFormatException("$", "an advert must be a JSON object");
    String id = string(n, "id", true);
    String text = string(n, "text", true);
    if (text.length() > MAX_TEXT_LENGTH) throw new AdvertFormatException("$.text", "longer than " + MAX_TEXT_LENGTH + " characters");
    String title = string(n, "title", false);
    if (title != null && title.length() > MAX_TITLE_LENGTH) {
      throw new AdvertFormatException("$.title", "longer than " + MAX_TITLE_LENGTH + " characters");
    }
    Advert.Builder b;
    try {
      b = Advert.builder(id, text);
    } catch (IllegalArgumentException e) {
      throw new AdvertFormatException("$.id", e.getMessage());
    }
    b.title(title);
    set("category", () -> b.category(string(n, "category", false)));
    set("market", () -> b.market(string(n, "market", false)));
    set("language", () -> b.language(string(n, "language", false)));
    String posted = string(n, "postedAt", false);
    if (posted != null) b.postedAt(instant(posted, "$.postedAt"));
    String captured = string(n, "capturedAt", false);
    if (captured != null) b.capturedAt(instant(captured, "$.capturedAt"));
    set("url", () -> b.url(string(n, "url", false)));
    JsonNode meta = n.get("meta");
    if (meta != null && !meta.isNull()) {
      if (!meta.isObject()) throw new AdvertFormatException("$.meta", "expected an object, got " + type(meta));
      b.meta(jcs(meta, "$.meta"));
    }
    JsonNode tags = n.get("tags");
    if (tags != null && !tags.isNull()) {
      if (!tags.isArray()) throw new AdvertFormatException("$.tags", "expected an array of strings, got " + type(tags));
      if (tags.size() > MAX_TAGS) throw new AdvertFormatException("$.tags", "more than " + MAX_TAGS + " entries");
      for (int i = 0; i < tags.size(); i++) {
        JsonNode t = tags.get(i);
        String p = "$.tags[" + i + "]";
        if (!t.isTextual()) throw new AdvertFormatException(p, "expected a string, got " + type(t));
        try {
          b.tag(t.asText());
        } catch (IllegalArgumentException e) {
          throw new AdvertFormatException(p, e.getMessage());
        }
      }
    }
    set("site", () -> b.site(string(n, "site", false)));
    JsonNode contacts = n.get("contacts");
    if (contacts != null && !contacts.isNull()) {
      if (!contacts.isArray()) throw new AdvertFormatException("$.contacts", "expected an array of strings, got " + type(contacts));
      for (int i = 0; i < contacts.size(); i++) {
        JsonNode t = contacts.get(i);
        String p = "$.contacts[" + i + "]";
        if (!t.isTextual()) throw new AdvertFormatException(p, "expected a string, got " + type(t));
        try {
          b.contact(t.asText());
        } catch (IllegalArgumentException e) {
          throw new AdvertFormatException(p, e.getMessage());
        }
      }
    }
    JsonNode prices = n.get("prices");
    if (prices != null && !prices.isNull()) {
      if (!prices.isArray()) throw new AdvertFormatException("$.prices", "expected an array of {amount, currency, minutes}");
      if (prices.size() > MAX_PRICES) throw new AdvertFormatException("$.prices", "more than " + MAX_PRICES + " entries");
      for (int i = 0; i < prices.size(); i++) b.price(price(prices.get(i), "$.prices[" + i + "]"));
    }
    b.sourceRecord(jcs(n, "$"));
    return b.build();
  }

  private static void set(String field, Runnable r) {
    try {
      r.run();
    } catch (AdvertFormatException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new AdvertFormatException("$." + field, e.getMessage());
    }
  }

  private static Price price(JsonNode p, String path) {
    if (p == null || !p.isObject()) throw new AdvertFormatException(path, "expected an object {amount, currency, minutes}");
    JsonNode a = p.get("amount");
    BigDecimal amount;
    if (a == null || a.isNull()) throw new AdvertFormatException(path + ".amount", "required number is missing");
    if (a.isNumber()) amount = a.decimalValue();
    else if (a.isTextual()) {
      String t = a.asText().strip();
      if (t.length() > MAX_NUMBER_LENGTH) {
        throw new AdvertFormatException(path + ".amount", "number longer than " + MAX_NUMBER_LENGTH + " characters");
      }
      try {
        amount = new BigDecimal(t);
      } catch (NumberFormatException e) {
        throw new AdvertFormatException(path + ".amount", "not a number");
      }
    } else throw new AdvertFormatException(path + ".amount", "expected a number, got " + type(a));
    String currency = null;
    JsonNode c = p.get("currency");
    if (c != null && !c.isNull()) {
      if (!c.isTextual()) throw new AdvertFormatException(path + ".currency", "expected a string, got " + type(c));
      currency = c.asText();
    }
    Integer minutes = null;
    JsonNode m = p.get("minutes");
    if (m != null && !m.isNull()) {
      if (!m.canConvertToExactIntegral() || !m.canConvertToInt()) throw new AdvertFormatException(path + ".minutes", "expected a whole number of minutes");
      minutes = m.asInt();
    }
    try {
      return new Price(amount, currency, minutes);
    } catch (IllegalArgumentException e) {
      throw new AdvertFormatException(path, e.getMessage());
    }
  }

  private static Instant instant(String s, String path) {
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e1) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e2) {
        try {
          return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e3) {
          throw new AdvertFormatException(path, "expected an ISO-8601 date or date-time");
        }
      }
    }
  }

  private static String string(JsonNode n, String field, boolean required) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (required) throw new AdvertFormatException("$." + field, "required field is missing");
      return null;
    }
    if (!v.isTextual()) throw new AdvertFormatException("$." + field, "expected a string, got " + type(v));
    return v.asText();
  }

  private static String type(JsonNode v) { return v.getNodeType().name().toLowerCase(Locale.ROOT); }

  /** The canonical JSON object of an advert: keys sorted, absent and empty fields omitted. */
  public static ObjectNode canonical(Advert a) {
    ObjectNode o = MAPPER.createObjectNode();
    a.capturedAt().ifPresent(v -> o.put("capturedAt", v.toString()));
    a.category().ifPresent(v -> o.put("category", v));
    if (!a.contacts().isEmpty()) {
      ArrayNode cs = o.putArray("contacts");
      a.contacts().forEach(cs::add);
    }
    o.put("id", a.id());
    a.language().ifPresent(v -> o.put("language", v));
    a.market().ifPresent(v -> o.put("market", v));
    a.meta().ifPresent(v -> {
      try {
        o.set("meta", MAPPER.readTree(v));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("advert field 'meta' is not a JSON object");
      }
    });
    a.postedAt().ifPresent(v -> o.put("postedAt", v.toString()));
    if (!a.prices().isEmpty()) {
      ArrayNode ps = o.putArray("prices");
      for (Price p : a.prices()) {
        ObjectNode po = ps.addObject();
        po.put("amount", new BigDecimal(p.amount().stripTrailingZeros().toPlainString()));
        if (p.currency() != null) po.put("currency", p.currency());
        if (p.minutes() != null) po.put("minutes", p.minutes());
      }
    }
    a.site().ifPresent(v -> o.put("site", v));
    if (!a.tags().isEmpty()) {
      ArrayNode ts = o.putArray("tags");
      a.tags().forEach(ts::add);
    }
    o.put("text", a.text());
    a.title().ifPresent(v -> o.put("title", v));
    a.url().ifPresent(v -> o.put("url", v));
    return o;
  }

  /** Canonical JSON text of an advert. */
  public static String toCanonicalJson(Advert a) {
    try {
      return MAPPER.writeValueAsString(canonical(a));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise advert " + a.id(), e);
    }
  }

  /**
   * The bytes the input digest covers: the RFC 8785 (JSON Canonicalization Scheme) form of the whole
   * record the advert was read from, unknown fields included, so that the digest identifies the
   * capture (site, url, times, meta); for an advert built in code, the RFC 8785 form of its
   * {@link #canonical} JSON. UTF-8.
   */
  public static byte[] canonicalRecord(Advert a) {
    String record = a.sourceRecord().orElse(null);
    if (record == null) record = jcs(canonical(a), "$");
    return record.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * RFC 8785 canonical JSON of a value read by {@link #MAPPER}. JCS numbers are IEEE doubles, so a
   * number out of double range (say {@code 1e400} in {@code meta}) cannot be canonicalised and makes
   * the record an error rather than a digest over a different value.
   */
  static String jcs(JsonNode node, String path) {
    try {
      return Jcs.of(node);
    } catch (java.io.IOException | RuntimeException e) {
      throw new AdvertFormatException(path, "cannot be put in RFC 8785 canonical form (a number outside the range of a double?)");
    }
  }

}
