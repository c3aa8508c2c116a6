package org.redflag.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.redflag.advert.Advert;
import org.redflag.io.AdvertFormatException;
import org.redflag.io.AdvertJson;
import org.redflag.io.JsonLinesReader;

/**
 * The line loop that the commands reading adverts share ({@code score}, {@code evaluate},
 * {@code report}, {@code calibrate}, {@code baseline build}): the strict {@link JsonLinesReader}, one JSON advert
 * object per line, numbered from 1. Any failure while reading or handling a line (a format error,
 * or anything the handler throws other than an output failure) makes that line an error record
 * {@code {"line": N, "id": ..., "error": "..."}}, so one bad record never ends a batch and no line
 * is dropped silently. An error record echoes no input value except the {@code id}, cut to
 * {@value AdvertJson#ID_IN_ERRORS} characters; messages name the JSON path and the problem only.
 */
final class AdvertLines {
  /** Handles one valid advert and its JSON record; an exception turns the line into an error record. */
  @FunctionalInterface
  interface Handler {
    void advert(long lineNo, JsonNode record, Advert advert) throws IOException;
  }

  /** Handles one line that is a JSON object, whatever it holds; an exception turns the line into an error record. */
  @FunctionalInterface
  interface ObjectHandler {
    void object(long lineNo, JsonNode record) throws IOException;
  }

  /** Receives the error record of a line that could not be handled. */
  @FunctionalInterface
  interface Errors {
    void record(long lineNo, JsonNode record, Throwable problem, String errorRecord) throws IOException;
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

  /** The input as a path, or null for standard input (for refusing an output that overwrites it). */
  static Path path(String input) { return "-".equals(input) ? null : Path.of(input); }

  /** Reads every line of {@code in} as an advert and closes it. */
  static Counts read(InputStream in, Handler handler, Errors errors) throws IOException {
    return readObjects(in, (lineNo, record) -> handler.advert(lineNo, record, AdvertJson.read(record)), errors);
  }

  /** Reads every line of {@code in} as a JSON object, whatever it holds, and closes it. */
  static Counts readObjects(InputStream in, ObjectHandler handler, Errors errors) throws IOException {
    long lineNo = 0;
    long bad = 0;
    try (JsonLinesReader reader = new JsonLinesReader(in)) {
      JsonLinesReader.Line line;
      while ((line = reader.next()) != null) {
        lineNo = line.number();
        if (!handleObject(line, handler, errors)) bad++;
      }
    }
    return new Counts(lineNo, bad);
  }

  /**
   * One line: parse, then the handler; false when the line became an error record. Output failures
   * ({@link RedflagCommand.CliException}, {@link IOException}) and errors of the JVM (out of memory)
   * pass through and end the run; everything else stays with its line.
   */
  static boolean handle(JsonLinesReader.Line line, Handler handler, Errors errors) throws IOException {
    return handleObject(line, (lineNo, record) -> handler.advert(lineNo, record, AdvertJson.read(record)), errors);
  }

  private static boolean handleObject(JsonLinesReader.Line line, ObjectHandler handler, Errors errors) throws IOException {
    JsonNode node = null;
    Throwable problem;
    try {
      node = object(line);
      handler.object(line.number(), node);
      return true;
    } catch (RedflagCommand.CliException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      problem = e;
    }
    errors.record(line.number(), node, problem, errorRecord(line.number(), node, describe(problem)));
    return false;
  }

  /**
   * The JSON object of a line, or an {@link AdvertFormatException} for a line that could not be read
   * (bytes, length, syntax, not an object). Never throws anything else for any input.
   */
  static JsonNode object(JsonLinesReader.Line line) {
    if (!line.ok()) throw new AdvertFormatException("$", line.error());
    if (line.text().isBlank()) throw new AdvertFormatException("$", "empty line; expected one JSON object per line");
    JsonNode node = AdvertJson.readTree(line.text());
    if (!node.isObject()) {
      throw new AdvertFormatException("$", "expected a JSON object, got " + node.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    return node;
  }

  /** {@code {"line": N, "id": "<first 64 chars>", "error": "..."}}; {@code node} may be null. */
  static String errorRecord(long line, JsonNode node, String error) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("line", line);
    String id = AdvertJson.idForErrors(node);
    if (id != null) o.put("id", id);
    o.put("error", error);
    return o.toString();
  }

  /** One stderr line for a bad line: {@code line N: <problem> (id X)}; the id as in error records. */
  static String problem(long line, JsonNode node, Throwable e) {
    String id = AdvertJson.idForErrors(node);
    return "line " + line + ": " + describe(e) + (id == null ? "" : " (id " + id + ")");
  }

  /**
   * The message for a failure while handling one line: the format error's own message (path and
   * problem), else a fixed text naming the failure's type: messages of unexpected failures may
   * quote input, so they are not passed on.
   */
  static String describe(Throwable e) {
    if (e instanceof AdvertFormatException) return e.getMessage();
    if (e instanceof IllegalArgumentException && e.getMessage() != null && e.getMessage().startsWith("advert field")) {
      return e.getMessage(); // Advert.Builder's messages name the field and never the value
    }
    return "could not assess this advert (internal error: " + e.getClass().getSimpleName() + ")";
  }
}
