package org.redflag.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.redflag.advert.Advert;
import org.redflag.io.AdvertFormatException;
import org.redflag.io.AdvertJson;
import org.redflag.io.AdvertLine;
import org.redflag.io.JsonLinesReader;
import org.redflag.io.OrderedParallel;

/**
 * The line loop that the commands reading adverts share ({@code score}, {@code evaluate},
 * {@code report}, {@code link}): the strict {@link JsonLinesReader}, one JSON advert object per
 * line, numbered from 1, on one or more threads through {@link OrderedParallel}. Any failure while
 * reading or handling a line (a format error, or anything the work or the consumer throws other
 * than an output failure) makes that line an error record {@code {"line": N, "id": ..., "error":
 * "..."}}, so one bad record never ends a batch and no line is dropped silently. An error record
 * echoes no input value except the {@code id}, cut to {@value AdvertJson#ID_IN_ERRORS} characters;
 * messages name the JSON path and the problem only. ({@code calibrate} and {@code baseline build}
 * run their own loops over the same reader, with {@link #object} and {@link #problem}.)
 */
final class AdvertLines {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Characters of input per batch handed to a thread: lines held in flight (with their parsed trees
   * and results) stay within {@code 2 * threads + 1} batches of about this much plus one line,
   * whatever the line lengths, instead of 256 lines of up to {@link JsonLinesReader#MAX_LINE_BYTES} each.
   */
  static final long BATCH_CHARS = 1 << 20;

  /**
   * The part of handling a line that may run on a worker thread: a thread-safe function of the line
   * alone (assessing the advert, serialising the assessment). An exception makes the line an error
   * record, except a {@link RedflagCommand.CliException}, which ends the run.
   */
  @FunctionalInterface
  interface Work<T, R> {
    R apply(long lineNo, JsonNode record, T value);
  }

  /**
   * The in-order part: each line with its JSON record and its {@link Work} result, on the calling
   * thread, in input order. Exceptions are treated as in {@link Work}; an {@link IOException} ends
   * the run.
   */
  @FunctionalInterface
  interface Consumer<T, R> {
    void accept(long lineNo, JsonNode record, T value, R result) throws IOException;
  }

  /** Receives the error record of a line that could not be handled ({@code record} is null when the line was not JSON). */
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

  /**
   * Reads every line of {@code in} as an advert on {@code threads} threads and closes it: parsing
   * and {@code work} run on any of them, {@code consumer} and {@code errors} on the calling thread in
   * input order, so the output is the same as with one thread.
   */
  static <R> Counts read(InputStream in, int threads, Work<Advert, R> work, Consumer<Advert, R> consumer, Errors errors) throws IOException {
    return readObjects(in, threads, advertWork(work), advertConsumer(consumer), errors);
  }

  /**
   * Reads every line of {@code in} as a JSON object, whatever it holds, and closes it. Lines are
   * read on the calling thread and handed in batches to {@link OrderedParallel}: parsing and
   * {@code work} run on one of {@code threads} threads, then {@code consumer} (or {@code errors} for
   * a line that failed in reading, parsing, the work or the consumer) sees every line on the calling
   * thread in input order, exactly as a single-threaded loop would.
   */
  static <R> Counts readObjects(InputStream in, int threads, Work<JsonNode, R> work, Consumer<JsonNode, R> consumer, Errors errors)
      throws IOException {
    long[] lines = {0};
    long[] bad = {0};
    try (JsonLinesReader reader = new JsonLinesReader(in)) {
      OrderedParallel.run(reader::next, threads, OrderedParallel.DEFAULT_BATCH_SIZE, BATCH_CHARS,
          line -> line.ok() ? line.text().length() : 1, line -> map(line, work), (line, outcome) -> {
        lines[0] = line.number();
        if (!finish(line, outcome, consumer, errors)) bad[0]++;
      });
    }
    return new Counts(lines[0], bad[0]);
  }

  /**
   * One line through exactly the steps of a run, on the calling thread; false when it became an
   * error record. (For the fuzz target of {@code score}'s whole line handler.)
   */
  static <R> boolean handle(JsonLinesReader.Line line, Work<Advert, R> work, Consumer<Advert, R> consumer, Errors errors) throws IOException {
    return finish(line, map(line, advertWork(work)), advertConsumer(consumer), errors);
  }

  private static <R> Work<JsonNode, Parsed<R>> advertWork(Work<Advert, R> work) {
    return (lineNo, record, none) -> {
      Advert advert = AdvertJson.read(record);
      return new Parsed<>(advert, work.apply(lineNo, record, advert));
    };
  }

  private static <R> Consumer<JsonNode, Parsed<R>> advertConsumer(Consumer<Advert, R> consumer) {
    return (lineNo, record, none, done) -> consumer.accept(lineNo, record, done.advert(), done.result());
  }

  private record Parsed<R>(Advert advert, R result) {}

  /** A line after its parallel part: the object and the work's result, or the failure of the line ({@code node} may then be null). */
  private record Outcome<R>(JsonNode node, R result, Throwable problem) {}

  /**
   * Parse and work, on a worker thread. A {@link RedflagCommand.CliException} (a configuration
   * error found late, such as a pack that does not load) and errors of the JVM (out of memory) pass
   * through and end the run; any other failure stays with its line.
   */
  private static <R> Outcome<R> map(JsonLinesReader.Line line, Work<JsonNode, R> work) {
    JsonNode node = null;
    try {
      node = object(line);
      return new Outcome<>(node, work.apply(line.number(), node, node), null);
    } catch (RedflagCommand.CliException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      return new Outcome<>(node, null, e);
    }
  }

  /** The in-order part of a line, on the calling thread: the consumer, or the error record; false for an error record. */
  private static <R> boolean finish(JsonLinesReader.Line line, Outcome<R> outcome, Consumer<JsonNode, R> consumer, Errors errors)
      throws IOException {
    Throwable problem = outcome.problem();
    if (problem == null) {
      try {
        consumer.accept(line.number(), outcome.node(), outcome.node(), outcome.result());
        return true;
      } catch (RedflagCommand.CliException e) {
        throw e;
      } catch (RuntimeException | StackOverflowError e) {
        problem = e;
      }
    }
    errors.record(line.number(), outcome.node(), problem, AdvertLine.errorRecord(line.number(), outcome.node(), AdvertLine.describe(problem)));
    return false;
  }

  /**
   * The JSON object of a line, or an {@link AdvertFormatException} for a line that could not be read
   * (bytes, length, syntax, not an object). Never throws anything else for any input.
   */
  static JsonNode object(JsonLinesReader.Line line) {
    if (!line.ok()) throw new AdvertFormatException("$", line.error());
    return AdvertLine.object(line.text());
  }

  /**
   * The end of a run that reads lines: says on {@code err} how many lines were invalid, if any, and
   * gives the exit code (1 then, or 0 with {@code --skip-errors}).
   */
  static int exitCode(PrintWriter err, Counts counts, boolean skipErrors) {
    if (counts.invalid() > 0) {
      err.println("redflag: " + counts.invalid() + " of " + counts.lines() + " input lines were invalid; see their error records above");
      err.flush();
      return skipErrors ? 0 : RedflagCommand.EXIT_BAD_RECORDS;
    }
    err.flush();
    return 0;
  }

  /**
   * Writes {@code json} indented to {@code out} (through a temporary file; refused when it is one of
   * {@code inputs}), or to {@code stdout} when {@code out} is null.
   */
  static void writeJson(JsonNode json, Path out, PrintWriter stdout, Path... inputs) throws IOException {
    String text = JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n";
    if (out != null) {
      OutputFile.write(out, "--out", f -> Files.writeString(f, text, StandardCharsets.UTF_8), inputs);
    } else {
      stdout.print(text);
      stdout.flush();
    }
  }

  /** One stderr line for a bad line: {@code line N: <problem> (id X)}; the id as in error records. */
  static String problem(long line, JsonNode node, Throwable e) {
    String id = AdvertJson.idForErrors(node);
    return "line " + line + ": " + AdvertLine.describe(e) + (id == null ? "" : " (id " + id + ")");
  }
}
