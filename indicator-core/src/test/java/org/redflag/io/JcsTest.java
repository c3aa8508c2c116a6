package org.redflag.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;

/**
 * {@link Jcs} writes what the reference implementation ({@code JsonCanonicalizer} over the tree's JSON
 * text, the way the input digest was computed before) writes, on random records: nested objects and
 * arrays, keys and strings with control chars, quotes, backslashes, non-ASCII and lone surrogates,
 * numbers as integers, decimals and exponents of every size.
 */
class JcsTest {
  @Property(tries = 400)
  void equalsTheReferenceImplementation(@ForAll long seed) throws IOException {
    Random r = new Random(seed);
    StringBuilder json = new StringBuilder();
    object(r, json, 0); // records and meta are objects (the reference reads nothing else at the top)
    JsonNode node = AdvertJson.MAPPER.readTree(json.toString());
    String expected;
    try {
      expected = reference(node);
    } catch (IOException beyondDoubleRange) { // a number that rounds to infinity: no canonical form either way
      assertThatThrownBy(() -> Jcs.of(node)).isInstanceOf(IOException.class);
      return;
    }
    assertThat(Jcs.of(node)).isEqualTo(expected);
  }

  @Test
  void knownForms() throws IOException {
    String json = "{\"b\":[1E2,-0.0,0.1e-6,1e21,123456789012345678901234567890,true,null],\"a\":\"\\u0001\\u001f\\t\\\"\\\\\u00e9\",\"\u00e9\":{},\"A\":[]}";
    JsonNode node = AdvertJson.MAPPER.readTree(json);
    assertThat(Jcs.of(node)).isEqualTo(reference(node))
        .isEqualTo("{\"A\":[],\"a\":\"\\u0001\\u001f\\t\\\"\\\\\u00e9\",\"b\":[100,0,1e-7,1e+21,1.2345678901234568e+29,true,null],\"\u00e9\":{}}");
  }

  @Test
  void aNumberBeyondDoubleRangeHasNoCanonicalForm() throws IOException {
    JsonNode node = AdvertJson.MAPPER.readTree("{\"x\":1e400}");
    assertThatThrownBy(() -> Jcs.of(node)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> reference(node)).isInstanceOf(IOException.class);
  }

  private static String reference(JsonNode node) throws IOException {
    return new JsonCanonicalizer(AdvertJson.MAPPER.writeValueAsString(node)).getEncodedString();
  }

  private static void value(Random r, StringBuilder out, int depth) {
    int kind = r.nextInt(depth > 3 ? 5 : 7);
    switch (kind) {
      case 0 -> string(r, out);
      case 1 -> number(r, out);
      case 2 -> out.append(r.nextBoolean());
      case 3 -> out.append("null");
      case 4 -> number(r, out);
      case 5 -> {
        out.append('[');
        for (int i = 0, n = r.nextInt(4); i < n; i++) {
          if (i > 0) out.append(',');
          value(r, out, depth + 1);
        }
        out.append(']');
      }
      default -> object(r, out, depth);
    }
  }

  private static void object(Random r, StringBuilder out, int depth) {
    {
      {
        out.append('{');
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (int i = 0, n = r.nextInt(5); i < n; i++) {
          StringBuilder k = new StringBuilder();
          string(r, k);
          if (!keys.add(k.toString())) continue; // the strict reader refuses a key given twice
          if (keys.size() > 1) out.append(',');
          out.append(k).append(':');
          value(r, out, depth + 1);
        }
        out.append('}');
      }
    }
  }

  private static final String CHARS = "aZ09 _-\"\\/\u00e9\u00fc\u0436\u4e2d\u00a0\u2028\ud83d\ude00";

  private static void string(Random r, StringBuilder out) {
    out.append('"');
    for (int i = 0, n = r.nextInt(8); i < n; i++) {
      int pick = r.nextInt(10);
      if (pick == 0) out.append(String.format("\\u%04x", r.nextInt(0x20)));   // a control char
      else if (pick == 1) out.append(r.nextBoolean() ? "\\ud800" : "\\udfff"); // a lone surrogate
      else if (pick == 2) out.append(String.format("\\u%04X", 0x7f + r.nextInt(0x100)));
      else {
        char c = CHARS.charAt(r.nextInt(CHARS.length()));
        if (c == '"' || c == '\\') out.append('\\');
        out.append(c);
      }
    }
    out.append('"');
  }

  private static void number(Random r, StringBuilder out) {
    if (r.nextBoolean()) out.append('-');
    int digits = 1 + r.nextInt(r.nextBoolean() ? 3 : 25);
    out.append(1 + r.nextInt(9));
    for (int i = 1; i < digits; i++) out.append(r.nextInt(10));
    if (r.nextBoolean()) {
      out.append('.');
      for (int i = 0, n = 1 + r.nextInt(12); i < n; i++) out.append(r.nextInt(10));
    }
    if (r.nextInt(3) == 0) out.append(r.nextBoolean() ? 'e' : 'E').append(r.nextBoolean() ? "-" : "+").append(r.nextInt(300));
  }
}
