package org.redflag.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * One line of JSON Lines input as every batch runner reads it (the {@code redflag} commands, the
 * Spark jobs): the JSON object on the line, read strictly ({@link AdvertJson#readTree}), and the
 * error record that stands in place of a line that is not a valid advert. Shared so that a bad line
 * reads the same wherever it was scored. An error record echoes no input value except the
 * {@code id}, cut to {@value AdvertJson#ID_IN_ERRORS} characters; messages name the JSON path and
 * the problem only.
 */
public final class AdvertLine {
  private AdvertLine() {}

  /** The JSON object on a line; anything else is an {@link AdvertFormatException} naming where, never quoting the input. */
  public static JsonNode object(String line) {
    if (line.isBlank()) throw new AdvertFormatException("$", "empty line; expected one JSON object per line");
    JsonNode node = AdvertJson.readTree(line);
    if (!node.isObject()) {
      throw new AdvertFormatException("$", "expected a JSON object, got " + node.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    return node;
  }

  /**
   * Error record {@code {"line": N, "id": "<first 64 chars>", "error": "..."}} for line {@code n};
   * the id only when the line was read as an object with a string id ({@code node} may be null).
   */
  public static String errorRecord(long n, JsonNode node, String error) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("line", n);
    String id = AdvertJson.idForErrors(node);
    if (id != null) o.put("id", id);
    o.put("error", error);
    return o.toString();
  }

  /**
   * Whether {@code node} is an error record as {@link #errorRecord} writes it (and as score and link
   * put in their output): a line number, an error text, at most an id, nothing else. Readers of those
   * outputs (report, its --links) tell such a record from an advert or an assessment with this.
   */
  public static boolean isErrorRecord(JsonNode node) {
    if (node == null || !node.isObject()) return false;
    JsonNode line = node.get("line");
    JsonNode error = node.get("error");
    if (line == null || !line.isIntegralNumber() || error == null || !error.isTextual()) return false;
    return node.size() == (node.has("id") ? 3 : 2);
  }

  /**
   * The message for a failure while reading or scoring one line: a format error's own message (path
   * and problem), else a fixed text naming the failure's type, since messages of unexpected failures
   * may quote input.
   */
  public static String describe(Throwable e) {
    if (e instanceof AdvertFormatException) return e.getMessage();
    if (e instanceof IllegalArgumentException && e.getMessage() != null && e.getMessage().startsWith("advert field")) {
      return e.getMessage(); // Advert.Builder's messages name the field and never the value
    }
    return "could not assess this advert (internal error: " + e.getClass().getSimpleName() + ")";
  }
}
