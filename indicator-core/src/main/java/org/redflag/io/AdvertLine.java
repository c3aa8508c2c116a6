package org.redflag.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * One line of JSON Lines input as every batch runner reads it (the {@code redflag} commands, the
 * Spark jobs): the JSON object on the line, and the error record that stands in place of a line that
 * is not a valid advert. Shared so that a bad line reads the same wherever it was scored.
 */
public final class AdvertLine {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AdvertLine() {}

  /** The JSON object on a line; anything else is an {@link AdvertFormatException} naming where, never quoting the input. */
  public static JsonNode object(String line) {
    if (line.isBlank()) throw new AdvertFormatException("$", "empty line; expected one JSON object per line");
    JsonNode node = AdvertJson.readTree(line);
    if (node == null || !node.isObject()) throw new AdvertFormatException("$", "an advert must be a JSON object");
    return node;
  }

  /** The line's {@code id} when it is a JSON object with a string id, else null. */
  public static String id(String line) {
    try {
      JsonNode node = JSON.readTree(line);
      if (node != null && node.isObject() && node.get("id") != null && node.get("id").isTextual()) return node.get("id").asText();
    } catch (IOException | RuntimeException ignored) {
      // not JSON: the error message already says so
    }
    return null;
  }

  /** Error record {@code {"line": N, "id": ..., "error": "..."}} for line {@code n}; the id only when the line has one, never the text. */
  public static String errorRecord(long n, String line, String error) {
    ObjectNode o = JSON.createObjectNode();
    o.put("line", n);
    String id = id(line);
    if (id != null) o.put("id", id);
    o.put("error", error);
    return o.toString();
  }
}
