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
 * Writing produces the canonical form used for {@link #sha256(Advert)}: keys sorted, absent and
 * empty fields omitted, no insignificant white space, UTF-8.
 */
public final class AdvertJson {
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  private AdvertJson() {}

  /** Parses one JSON object (e.g. a JSONL line) into an advert. */
  public static Advert parse(String json) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      // the parser's own message quotes the offending input; report only where it is
      throw new AdvertFormatException("$", "invalid JSON at column " + e.getLocation().getColumnNr());
    }
    return read(node);
  }

  public static Advert read(JsonNode n) {
    if (n == null || !n.isObject()) throw new AdvertFormatException("$", "an advert must be a JSON object");
    String id = string(n, "id", true);
    String text = string(n, "text", true);
    Advert.Builder b;
    try {
      b = Advert.builder(id, text);
    } catch (IllegalArgumentException e) {
      throw new AdvertFormatException("$.id", e.getMessage());
    }
    set("title", () -> b.title(string(n, "title", false)));
    set("category", () -> b.category(string(n, "category", false)));
    set("market", () -> b.market(string(n, "market", false)));
    set("language", () -> b.language(string(n, "language", false)));
    String posted = string(n, "postedAt", false);
    if (posted != null) b.postedAt(instant(posted));
    JsonNode tags = n.get("tags");
    if (tags != null && !tags.isNull()) {
      if (!tags.isArray()) throw new AdvertFormatException("$.tags", "expected an array of strings, got " + type(tags));
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
    JsonNode prices = n.get("prices");
    if (prices != null && !prices.isNull()) {
      if (!prices.isArray()) throw new AdvertFormatException("$.prices", "expected an array of {amount, currency, minutes}");
      for (int i = 0; i < prices.size(); i++) b.price(price(prices.get(i), "$.prices[" + i + "]"));
    }
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
      try {
        amount = new BigDecimal(a.asText().strip());
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

  private static Instant instant(String s) {
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e1) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e2) {
        try {
          return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e3) {
          throw new AdvertFormatException("$.postedAt", "expected an ISO-8601 date or date-time");
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
    a.category().ifPresent(v -> o.put("category", v));
    o.put("id", a.id());
    a.language().ifPresent(v -> o.put("language", v));
    a.market().ifPresent(v -> o.put("market", v));
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
    if (!a.tags().isEmpty()) {
      ArrayNode ts = o.putArray("tags");
      a.tags().forEach(ts::add);
    }
    o.put("text", a.text());
    a.title().ifPresent(v -> o.put("title", v));
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
   * Lower-case hex SHA-256 of the UTF-8 canonical JSON of the advert (an unpaired surrogate encodes as
   * {@code ?}, as {@link String#getBytes} does).
   *
   * <p>The JSON goes into a per-thread char buffer and is encoded into the digest chunk by chunk, not
   * through an intermediate {@code String} and {@code byte[]} of the whole advert: the engine hashes
   * every advert, and those copies were about half of what {@code AssessBenchmark.assess} allocated.
   */
  public static String sha256(Advert a) {
    DigestBuffers b = DIGEST_BUFFERS.get();
    b.json.reset();
    try {
      com.fasterxml.jackson.core.JsonGenerator g = b.generator();
      writeCanonical(g, a);
      g.flush();
    } catch (java.io.IOException | RuntimeException e) {
      b.generator = null; // its state is unknown: the next call starts a fresh one
      if (e instanceof RuntimeException r) throw r;
      throw new IllegalStateException("cannot serialise advert " + a.id(), e);
    }
    java.nio.CharBuffer in = java.nio.CharBuffer.wrap(b.json.chars(), 0, b.json.size());
    b.encoder.reset();
    java.security.MessageDigest md = b.digest;
    md.reset();
    while (true) {
      java.nio.charset.CoderResult r = b.encoder.encode(in, b.bytes, true);
      b.bytes.flip();
      md.update(b.bytes);
      b.bytes.clear();
      if (r.isUnderflow()) break;
    }
    while (b.encoder.flush(b.bytes).isOverflow()) {
      b.bytes.flip();
      md.update(b.bytes);
      b.bytes.clear();
    }
    b.bytes.flip();
    md.update(b.bytes);
    b.bytes.clear();
    if (b.json.size() > 1 << 16) { // one huge advert does not pin its buffer
      b.json = new ReusableChars();
      b.generator = null;
    }
    return java.util.HexFormat.of().formatHex(md.digest());
  }

  /**
   * Streams the same JSON as {@link #canonical} (keys in the same sorted order, same omissions, same
   * number forms) without building the node tree, whose maps, nodes and serializer provider were
   * about a tenth of the bytes allocated per {@code AssessBenchmark.assess}. The sha256 test pins the
   * two to each other.
   */
  private static void writeCanonical(com.fasterxml.jackson.core.JsonGenerator g, Advert a) throws java.io.IOException {
    g.writeStartObject();
    String category = a.category().orElse(null); // one Optional per field, not two
    if (category != null) g.writeStringField("category", category);
    g.writeStringField("id", a.id());
    String language = a.language().orElse(null);
    if (language != null) g.writeStringField("language", language);
    String market = a.market().orElse(null);
    if (market != null) g.writeStringField("market", market);
    java.time.Instant postedAt = a.postedAt().orElse(null);
    if (postedAt != null) g.writeStringField("postedAt", postedAt.toString());
    if (!a.prices().isEmpty()) {
      g.writeArrayFieldStart("prices");
      for (Price p : a.prices()) {
        g.writeStartObject();
        g.writeFieldName("amount");
        g.writeNumber(new BigDecimal(p.amount().stripTrailingZeros().toPlainString()));
        if (p.currency() != null) g.writeStringField("currency", p.currency());
        if (p.minutes() != null) g.writeNumberField("minutes", p.minutes());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    if (!a.tags().isEmpty()) {
      g.writeArrayFieldStart("tags");
      for (String t : a.tags()) g.writeString(t);
      g.writeEndArray();
    }
    g.writeStringField("text", a.text());
    String title = a.title().orElse(null);
    if (title != null) g.writeStringField("title", title);
    g.writeEndObject();
  }

  private static final ThreadLocal<DigestBuffers> DIGEST_BUFFERS = ThreadLocal.withInitial(DigestBuffers::new);

  /** Per-thread buffers of {@link #sha256}. */
  private static final class DigestBuffers {
    ReusableChars json = new ReusableChars();
    final java.nio.charset.CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
        .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE);
    final java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(8192);
    final java.security.MessageDigest digest;
    // one generator per thread writing into json, one root value per advert: a generator, its context
    // and IO context per call were ~6% of the bytes allocated per 1KB assess (JFR profile)
    com.fasterxml.jackson.core.JsonGenerator generator;

    com.fasterxml.jackson.core.JsonGenerator generator() throws java.io.IOException {
      if (generator == null) {
        generator = MAPPER.createGenerator(json);
        generator.setRootValueSeparator(null); // successive root values are written without a space
      }
      return generator;
    }

    DigestBuffers() {
      try {
        digest = java.security.MessageDigest.getInstance("SHA-256");
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is not available", e); // required of every Java platform
      }
    }
  }

  /** A {@link java.io.CharArrayWriter} whose buffer can be read without a copy. */
  private static final class ReusableChars extends java.io.CharArrayWriter {
    ReusableChars() { super(4096); }

    char[] chars() { return buf; }
  }
}
