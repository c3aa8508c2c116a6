package org.redflag.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.redflag.advert.Advert;
import org.redflag.io.AdvertFormatException;
import org.redflag.io.AdvertJson;

/**
 * The line loop that the commands reading adverts share ({@code score}, {@code evaluate}): one JSON
 * advert object per line, numbered from 1. A line that cannot be read, or that its handler rejects
 * with an {@link IllegalArgumentException}, becomes an error record {@code {"line": N, "id": ...,
 * "error": "..."}} (the id only when the line has one; never other input text), so every command
 * reports bad lines alike and no line is dropped silently.
 */
final class AdvertLines {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Handles one valid advert; an {@link IllegalArgumentException} turns the line into an error record. */
  @FunctionalInterface
  interface Handler {
    void advert(long lineNo, String line, Advert advert) throws IOException;
  }

  /** Receives the error record of a line that could not be handled. */
  @FunctionalInterface
  interface Errors {
    void record(long lineNo, String errorRecord) throws IOException;
  }

  /** Lines read and lines that became error records. */
  record Counts(long lines, long invalid) {}

  private AdvertLines() {}

  /** The named file, or standard input for {@code -}; a missing file is a usage error naming {@code what}. */
  static InputStream open(String input, String what) throws IOException {
    if ("-".equals(input)) return System.in;
    Path p = Path.of(input);
    EngineOptions.requireFile(p, what);
    return Files.newInputStream(p);
  }

  /** Handles one line that is a JSON object; an {@link IllegalArgumentException} turns the line into an error record. */
  @FunctionalInterface
  interface ObjectHandler {
    void object(long lineNo, String line, JsonNode node) throws IOException;
  }

  /** Reads every line of {@code in} (UTF-8) as an advert and closes it. */
  static Counts read(InputStream in, Handler handler, Errors errors) throws IOException {
    return readObjects(in, (lineNo, line, node) -> handler.advert(lineNo, line, AdvertJson.read(node)), errors);
  }

  /** Reads every line of {@code in} (UTF-8) as a JSON object, whatever it holds, and closes it. */
  static Counts readObjects(InputStream in, ObjectHandler handler, Errors errors) throws IOException {
    long lineNo = 0;
    long bad = 0;
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        try {
          if (line.isBlank()) throw new AdvertFormatException("$", "empty line; expected one JSON object per line");
          handler.object(lineNo, line, object(line));
        } catch (IllegalArgumentException e) {
          bad++;
          errors.record(lineNo, errorRecord(lineNo, line, e.getMessage()));
        }
      }
    }
    return new Counts(lineNo, bad);
  }

  /** The JSON object on a line; anything else is an error naming where, never quoting the input. */
  private static JsonNode object(String line) {
    JsonNode node = AdvertJson.readTree(line);
    if (node == null || !node.isObject()) throw new AdvertFormatException("$", "an advert must be a JSON object");
    return node;
  }

  /** Error record for line {@code n}; includes the id when the line has one, never the text. */
  static String errorRecord(long n, String line, String error) {
    ObjectNode o = JSON.createObjectNode();
    o.put("line", n);
    try {
      JsonNode node = JSON.readTree(line);
      if (node != null && node.isObject() && node.get("id") != null && node.get("id").isTextual()) {
        o.put("id", node.get("id").asText());
      }
    } catch (IOException | RuntimeException ignored) {
      // not JSON: the error message already says so
    }
    o.put("error", error);
    return o.toString();
  }
}
