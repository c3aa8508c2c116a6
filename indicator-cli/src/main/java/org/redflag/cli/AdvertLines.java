package org.redflag.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.redflag.advert.Advert;
import org.redflag.io.AdvertJson;
import org.redflag.io.AdvertLine;
import org.redflag.io.OrderedParallel;

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

  /**
   * The part of handling a line that may run on a worker thread: a thread-safe function of the line
   * alone (assessing the advert, serialising the assessment). An {@link IllegalArgumentException}
   * makes the line an error record, as in a handler.
   */
  @FunctionalInterface
  interface Work<T, R> {
    R apply(long lineNo, String line, T value);
  }

  /** The in-order part: each line with its {@link Work} result, on the calling thread, in input order. */
  @FunctionalInterface
  interface Consumer<T, R> {
    void accept(long lineNo, String line, T value, R result) throws IOException;
  }

  /** Reads every line of {@code in} (UTF-8) as an advert and closes it. */
  static Counts read(InputStream in, Handler handler, Errors errors) throws IOException {
    return readObjects(in, (lineNo, line, node) -> handler.advert(lineNo, line, AdvertJson.read(node)), errors);
  }

  /** Reads every line of {@code in} (UTF-8) as a JSON object, whatever it holds, and closes it. */
  static Counts readObjects(InputStream in, ObjectHandler handler, Errors errors) throws IOException {
    return readObjects(in, 1, (lineNo, line, node) -> null, (lineNo, line, node, none) -> handler.object(lineNo, line, node), errors);
  }

  /**
   * Reads every line of {@code in} as an advert on {@code threads} threads: parsing and {@code work}
   * run on any of them, {@code consumer} and {@code errors} on the calling thread in input order, so
   * the output is the same as with one thread (see {@link #readObjects(InputStream, int, Work, Consumer, Errors)}).
   */
  static <R> Counts read(InputStream in, int threads, Work<Advert, R> work, Consumer<Advert, R> consumer, Errors errors) throws IOException {
    return readObjects(in, threads, (lineNo, line, node) -> {
      Advert advert = AdvertJson.read(node);
      return new Assessed<>(advert, work.apply(lineNo, line, advert));
    }, (lineNo, line, node, done) -> consumer.accept(lineNo, line, done.advert(), done.result()), errors);
  }

  private record Assessed<R>(Advert advert, R result) {}

  /**
   * Reads every line of {@code in} (UTF-8) as a JSON object and closes it. Lines are read on the
   * calling thread and handed in batches to {@link OrderedParallel}: parsing and {@code work} run on
   * one of {@code threads} threads, then {@code consumer} (or {@code errors} for a line that failed
   * in parsing, in the work or in the consumer) sees every line on the calling thread in input order,
   * exactly as a single-threaded loop would.
   */
  static <R> Counts readObjects(InputStream in, int threads, Work<JsonNode, R> work, Consumer<JsonNode, R> consumer, Errors errors)
      throws IOException {
    long[] lineNo = {0};
    long[] bad = {0};
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      OrderedParallel.Source<Line> lines = () -> {
        String text = reader.readLine();
        return text == null ? null : new Line(++lineNo[0], text);
      };
      OrderedParallel.run(lines, threads, line -> line.map(work), (line, outcome) -> {
        String error = outcome.error();
        if (error == null) {
          try {
            consumer.accept(line.number(), line.text(), outcome.node(), outcome.result());
            return;
          } catch (IllegalArgumentException e) {
            error = e.getMessage();
          }
        }
        bad[0]++;
        errors.record(line.number(), AdvertLine.errorRecord(line.number(), line.text(), error));
      });
    }
    return new Counts(lineNo[0], bad[0]);
  }

  /** A numbered input line. */
  private record Line(long number, String text) {
    /** Parse and work, on a worker thread; a line-level failure becomes the outcome's error. */
    <R> Outcome<R> map(Work<JsonNode, R> work) {
      try {
        JsonNode node = AdvertLine.object(text);
        return new Outcome<>(node, work.apply(number, text, node), null);
      } catch (IllegalArgumentException e) {
        return new Outcome<>(null, null, e.getMessage());
      }
    }
  }

  /** A line after its parallel part: the object and the work's result, or the error that failed the line. */
  private record Outcome<R>(JsonNode node, R result, String error) {}

  /**
   * The end of a run that reads lines: says on {@code err} how many lines were invalid, if any, and
   * gives the exit code (1 then, or 0 with {@code --skip-errors}).
   */
  static int exitCode(java.io.PrintWriter err, Counts counts, boolean skipErrors) {
    if (counts.invalid() > 0) {
      err.println("redflag: " + counts.invalid() + " of " + counts.lines() + " input lines were invalid; see their error records above");
      err.flush();
      return skipErrors ? 0 : RedflagCommand.EXIT_BAD_RECORDS;
    }
    err.flush();
    return 0;
  }

  /** Writes {@code json} indented to {@code out}, or to {@code stdout} when {@code out} is null. */
  static void writeJson(com.fasterxml.jackson.databind.JsonNode json, Path out, java.io.PrintWriter stdout) throws IOException {
    String text = JSON.copy().enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n";
    if (out != null) {
      Files.writeString(out, text, StandardCharsets.UTF_8);
    } else {
      stdout.print(text);
      stdout.flush();
    }
  }
}
