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
    if (posted != null) b.postedAt(instant(posted));
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
    if (!a.contacts().isEmpty()) {
      ArrayNode cs = o.putArray("contacts");
      a.contacts().forEach(cs::add);
    }
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
    a.site().ifPresent(v -> o.put("site", v));
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
   * <p>The canonical JSON is not built: its UTF-8 bytes are written straight into a per-thread byte
   * buffer that feeds a reused {@link java.security.MessageDigest} chunk by chunk. Own code rather
   * than a Jackson generator plus a charset encoder (why: AssessBenchmark.assess, the Jackson path
   * writing chars then encoding them was ~5% of assess time at 1KB). It writes exactly the bytes of
   * {@link #toCanonicalJson} (Jackson's default escaping: {@code \" \\ \b \t \n \f \r}, other
   * control chars as a six-char unicode escape with upper-case hex, everything else literal); {@code AdvertJsonTest} pins the two to
   * each other on many generated adverts.
   */
  public static String sha256(Advert a) {
    CanonicalDigest d = DIGEST.get();
    d.reset();
    d.writeCanonical(a);
    String hex = d.hex(d.finish()); // as HexFormat.of().formatHex, without its builder
    d.trim();
    return hex;
  }

  private static final ThreadLocal<CanonicalDigest> DIGEST = ThreadLocal.withInitial(CanonicalDigest::new);

  /** Per-thread UTF-8 writer of the canonical JSON into a SHA-256 digest (see {@link #sha256}). */
  private static final class CanonicalDigest {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** For ASCII: 0 literal, -1 as a unicode escape, else the char after the backslash. */
    private static final byte[] ESCAPE = new byte[128];

    static {
      for (int c = 0; c < 32; c++) ESCAPE[c] = -1;
      ESCAPE['"'] = '"';
      ESCAPE['\\'] = '\\';
      ESCAPE['\b'] = 'b';
      ESCAPE['\t'] = 't';
      ESCAPE['\f'] = 'f';
      ESCAPE['\n'] = 'n';
      ESCAPE['\r'] = 'r';
    }

    private final java.security.MessageDigest md;
    private final byte[] out = new byte[8192];
    private int pos;
    private char[] chars = new char[1024];

    CanonicalDigest() {
      try {
        md = java.security.MessageDigest.getInstance("SHA-256");
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is not available", e); // required of every Java platform
      }
    }

    void reset() {
      md.reset();
      pos = 0;
    }

    byte[] finish() {
      md.update(out, 0, pos);
      pos = 0;
      return md.digest();
    }

    private final byte[] hex = new byte[64];

    /** Lower-case hex of a SHA-256 digest. */
    String hex(byte[] digest) {
      for (int i = 0; i < 32; i++) {
        hex[2 * i] = LOWER_HEX[(digest[i] >> 4) & 0xF];
        hex[2 * i + 1] = LOWER_HEX[digest[i] & 0xF];
      }
      return new String(hex, StandardCharsets.ISO_8859_1);
    }

    private static final byte[] LOWER_HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** One huge advert does not pin its char buffer. */
    void trim() {
      if (chars.length > 1 << 16) chars = new char[1024];
    }

    /** The same keys in the same sorted order, omissions and number forms as {@link #canonical}. */
    void writeCanonical(Advert a) {
      ascii("{");
      String category = a.category().orElse(null); // one Optional per field, not two
      if (category != null) stringField("\"category\":", category);
      boolean contacts = !a.contacts().isEmpty();
      if (contacts) {
        ascii(category != null ? ",\"contacts\":[" : "\"contacts\":[");
        for (int i = 0; i < a.contacts().size(); i++) {
          if (i > 0) ascii(",");
          string(a.contacts().get(i));
        }
        ascii("]");
      }
      stringField(category != null || contacts ? ",\"id\":" : "\"id\":", a.id());
      String language = a.language().orElse(null);
      if (language != null) stringField(",\"language\":", language);
      String market = a.market().orElse(null);
      if (market != null) stringField(",\"market\":", market);
      java.time.Instant postedAt = a.postedAt().orElse(null);
      if (postedAt != null) stringField(",\"postedAt\":", postedAt.toString());
      if (!a.prices().isEmpty()) {
        ascii(",\"prices\":[");
        boolean first = true;
        for (Price p : a.prices()) {
          ascii(first ? "{\"amount\":" : ",{\"amount\":");
          first = false;
          // as Jackson writes a BigDecimal (toString, not plain) of the canonical node's value
          ascii(new BigDecimal(p.amount().stripTrailingZeros().toPlainString()).toString());
          if (p.currency() != null) stringField(",\"currency\":", p.currency());
          if (p.minutes() != null) {
            ascii(",\"minutes\":");
            ascii(Integer.toString(p.minutes()));
          }
          ascii("}");
        }
        ascii("]");
      }
      String site = a.site().orElse(null);
      if (site != null) stringField(",\"site\":", site);
      if (!a.tags().isEmpty()) {
        ascii(",\"tags\":[");
        for (int i = 0; i < a.tags().size(); i++) {
          if (i > 0) ascii(",");
          string(a.tags().get(i));
        }
        ascii("]");
      }
      stringField(",\"text\":", a.text());
      String title = a.title().orElse(null);
      if (title != null) stringField(",\"title\":", title);
      ascii("}");
    }

    private void stringField(String asciiPrefix, String value) {
      ascii(asciiPrefix);
      string(value);
    }

    private void room(int n) {
      if (pos + n > out.length) {
        md.update(out, 0, pos);
        pos = 0;
      }
    }

    /** Text known to be ASCII with nothing to escape (keys, punctuation, numbers). */
    private void ascii(String s) {
      int n = s.length();
      for (int i = 0; i < n; i++) {
        room(1);
        out[pos++] = (byte) s.charAt(i);
      }
    }

    /** A JSON string: quotes, escapes, UTF-8 (an unpaired surrogate as '?'). */
    private void string(String s) {
      int n = s.length();
      if (chars.length < n) chars = new char[Math.max(n, 2 * chars.length)];
      char[] c = chars;
      s.getChars(0, n, c, 0);
      byte[] o = out;
      room(1);
      int p = pos; // a local, not the field, in the loops
      o[p++] = '"';
      int i = 0;
      while (i < n) {
        if (o.length - p < 6) { // the longest output of one char (escape) or surrogate pair (4 bytes)
          md.update(o, 0, p);
          p = 0;
        }
        int stop = Math.min(n, i + (o.length - p) / 6); // room for 6 bytes per char up to here
        // the common case: ASCII needing no escape, one byte per char (compares, no table read)
        int q = p - i; // o[q + k] receives c[k] in this run
        int k = i;
        for (; k < stop; k++) {
          char ch = c[k];
          if (ch >= 0x80 || ch < 0x20 || ch == '"' || ch == '\\') break;
          o[q + k] = (byte) ch;
        }
        p = q + k;
        i = k;
        if (i == stop) continue;
        char ch = c[i++];
        if (ch < 0x80) {
          byte e = ESCAPE[ch];
          o[p++] = '\\';
          if (e > 0) {
            o[p++] = e;
          } else {
            o[p++] = 'u';
            o[p++] = '0';
            o[p++] = '0';
            o[p++] = HEX[ch >> 4];
            o[p++] = HEX[ch & 0xF];
          }
        } else if (ch < 0x800) {
          o[p++] = (byte) (0xC0 | ch >> 6);
          o[p++] = (byte) (0x80 | ch & 0x3F);
        } else if (Character.isSurrogate(ch)) {
          if (Character.isHighSurrogate(ch) && i < n && Character.isLowSurrogate(c[i])) {
            int cp = Character.toCodePoint(ch, c[i++]);
            o[p++] = (byte) (0xF0 | cp >> 18);
            o[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
            o[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
            o[p++] = (byte) (0x80 | cp & 0x3F);
          } else {
            o[p++] = '?'; // unpaired, as the UTF-8 encoder with REPLACE and String.getBytes
          }
        } else {
          o[p++] = (byte) (0xE0 | ch >> 12);
          o[p++] = (byte) (0x80 | ch >> 6 & 0x3F);
          o[p++] = (byte) (0x80 | ch & 0x3F);
        }
      }
      pos = p;
      room(1);
      o[pos++] = '"';
    }
  }
}
