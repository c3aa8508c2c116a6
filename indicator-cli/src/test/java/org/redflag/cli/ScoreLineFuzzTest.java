package org.redflag.cli;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.redflag.engine.RiskEngine;
import org.redflag.io.JsonLinesReader;

/**
 * The whole per-line step of {@code redflag score} ({@link ScoreCommand#scoreLine}) on arbitrary
 * bytes: it declares no exception at all (every failure is the line's error record), and each output
 * is one line of JSON, either an assessment with the line's id or an error record, of bounded size.
 */
public class ScoreLineFuzzTest {
  private static final RiskEngine ENGINE = RiskEngine.withDefaults();
  private static final ObjectMapper JSON = new ObjectMapper();

  @FuzzTest
  void fuzz(FuzzedDataProvider data) { fuzzerTestOneInput(data); }

  public static void fuzzerTestOneInput(FuzzedDataProvider data) {
    byte[] input = data.consumeRemainingAsBytes();
    try (JsonLinesReader r = new JsonLinesReader(new ByteArrayInputStream(input))) {
      JsonLinesReader.Line line;
      while ((line = r.next()) != null) {
        JsonLinesReader.Line l = line;
        String out = org.redflag.fuzz.FuzzChecks.timed("scoring a line", () -> {
          try {
            return ScoreCommand.scoreLine(ENGINE, l);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
        int in = l.ok() ? l.text().length() : 0;
        org.redflag.fuzz.FuzzChecks.bounded("output line length", out.length(), 200_000L + 40L * in);
        if (out.indexOf('\n') >= 0) throw new AssertionError("output record spans lines");
        JsonNode o = JSON.readTree(out);
        boolean error = o.has("error");
        if (error ? o.get("line").asLong() != l.number() : !o.has("score") || !o.has("inputDigest")) {
          throw new AssertionError("neither an assessment nor the line's error record");
        }
        if (error && o.has("id") && o.get("id").asText().length() > 64) throw new AssertionError("error record echoes a long id");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
