package org.redflag.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import org.erdtman.jcs.NumberToJSON;

/**
 * RFC 8785 (JSON Canonicalization Scheme) text of a tree read by {@link AdvertJson#MAPPER}, written
 * straight from the tree. It gives what {@code org.erdtman.jcs.JsonCanonicalizer} gives for the tree's
 * JSON text (the reference implementation, and the oracle of {@code JcsTest}) without writing that
 * text and parsing it again: object members sorted by their names' UTF-16 code units, strings with
 * only the escapes RFC 8785 requires ({@code \" \\ \b \f \n \r \t}, {@code \\u00xx} for other
 * control chars), numbers as the IEEE double their text denotes, in ECMAScript form (the library's
 * {@link NumberToJSON}).
 */
final class Jcs {
  private Jcs() {}

  /** Canonical text of {@code node}; an {@link IOException} when a number is not a finite double. */
  static String of(JsonNode node) throws IOException {
    StringBuilder out = new StringBuilder(256);
    write(node, out);
    return out.toString();
  }

  private static void write(JsonNode node, StringBuilder out) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        String[] names = new String[node.size()];
        Iterator<String> it = node.fieldNames();
        for (int i = 0; i < names.length; i++) names[i] = it.next();
        Arrays.sort(names); // String order is UTF-16 code unit order, as RFC 8785 section 3.2.3 asks
        out.append('{');
        for (int i = 0; i < names.length; i++) {
          if (i > 0) out.append(',');
          string(names[i], out);
          out.append(':');
          write(node.get(names[i]), out);
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) out.append(',');
          write(node.get(i), out);
        }
        out.append(']');
      }
      case STRING -> string(node.textValue(), out);
      // the double the number's JSON text denotes: the text Jackson writes for it (BigDecimal.toString
      // for decimals), read as the reference implementation reads it
      case NUMBER -> out.append(NumberToJSON.serializeNumber(Double.parseDouble(
          node.isBigDecimal() ? node.decimalValue().toString() : node.asText())));
      case BOOLEAN -> out.append(node.booleanValue());
      case NULL -> out.append("null");
      default -> throw new IOException("not a JSON value: " + node.getNodeType());
    }
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '"', '\\' -> out.append('\\').append(c);
        default -> {
          if (c < 0x20) out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          else out.append(c);
        }
      }
    }
    out.append('"');
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();
}
