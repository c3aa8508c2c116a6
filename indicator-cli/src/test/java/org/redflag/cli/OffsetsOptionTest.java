package org.redflag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code score --offsets} and {@code --fired-only}: slicing each advert in the unit the output names
 * gives every match, prices and identifiers cover what their UTF-16 spans cover, the default output is
 * unchanged, and docs/examples/assessments_pandas.py reads the code point output with pandas (run when
 * a python3 with pandas is found, else the test says so and is skipped).
 */
class OffsetsOptionTest {
  static final Path ADS = Path.of("..", "docs", "examples", "offsets-ads.jsonl");
  static final Path KEY = Path.of("..", "docs", "examples", "calibrated-model.json"); // any file of 16+ bytes as a key

  @TempDir Path dir;

  @Test
  void everyUnitSlicesTheMatchAndTheDefaultIsUnchanged() throws IOException {
    List<JsonNode> ads = lines(Files.readString(ADS));
    List<JsonNode> utf16 = score();
    List<JsonNode> plain = lines(run("score", ADS.toString(), "--hash-key-file", KEY.toString()).out());
    assertThat(utf16).isEqualTo(plain); // --offsets utf16 is the default output, without an offsets field
    assertThat(utf16).allSatisfy(a -> assertThat(a.has("offsets")).isFalse());
    List<JsonNode> cp = score("--offsets", "codepoints");
    List<JsonNode> u8 = score("--offsets", "utf8");
    int spans = 0;
    for (int i = 0; i < ads.size(); i++) {
      String text = ads.get(i).get("text").asText();
      String title = ads.get(i).path("title").asText("");
      assertThat(cp.get(i).get("offsets").asText()).isEqualTo("codepoints");
      assertThat(u8.get(i).get("offsets").asText()).isEqualTo("utf8");
      for (String kind : List.of("evidence", "prices", "identifiers")) {
        JsonNode base = utf16.get(i).get(kind);
        for (int j = 0; j < base.size(); j++) {
          JsonNode b = base.get(j);
          if (b.get("start").isNull()) continue;
          String field = b.path("field").asText("");
          if (!field.isEmpty() && !field.equals("title")) continue;
          String source = field.equals("title") ? title : text;
          String expected = source.substring(b.get("start").asInt(), b.get("end").asInt());
          if (kind.equals("evidence") && !b.path("masked").asBoolean()) assertThat(expected).isEqualTo(b.get("match").asText());
          JsonNode c = cp.get(i).get(kind).get(j);
          int[] cps = source.codePoints().toArray();
          assertThat(new String(cps, c.get("start").asInt(), c.get("end").asInt() - c.get("start").asInt())).isEqualTo(expected);
          JsonNode u = u8.get(i).get(kind).get(j);
          byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
          assertThat(new String(Arrays.copyOfRange(bytes, u.get("start").asInt(), u.get("end").asInt()), StandardCharsets.UTF_8))
              .isEqualTo(expected);
          spans++;
        }
      }
    }
    assertThat(spans).isGreaterThanOrEqualTo(15);
    assertThat(run("score", ADS.toString(), "--offsets", "utf32").err()).contains("--offsets", "utf32", "codepoints");
  }

  @Test
  void firedOnlyKeepsExactlyTheFiredRows() throws IOException {
    List<JsonNode> all = score();
    List<JsonNode> fired = score("--fired-only");
    for (int i = 0; i < all.size(); i++) {
      List<JsonNode> expected = new ArrayList<>();
      all.get(i).get("indicators").forEach(r -> { if (r.get("fired").asBoolean()) expected.add(r); });
      List<JsonNode> rows = new ArrayList<>();
      fired.get(i).get("indicators").forEach(rows::add);
      assertThat(rows).isEqualTo(expected);
      assertThat(fired.get(i).get("evidence")).isEqualTo(all.get(i).get("evidence"));
      assertThat(fired.get(i).get("score")).isEqualTo(all.get(i).get("score"));
    }
    assertThat(all.get(0).get("indicators").size()).isGreaterThan(fired.get(0).get("indicators").size());
  }

  @Test
  void explainNamesTheUnit() {
    ScoreCommandTest.Run r = run("explain", "--text", "\uD83D\uDE00\uD83D\uDE00 new in town, text my manager", "--category", "escort", "--offsets", "codepoints");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Offsets in codepoints", "\"new in town\" at text[3, 14)");
  }

  @Test
  void thePandasExampleSlicesEveryMatch() throws Exception {
    String python = pythonWithPandas();
    if (python == null) {
      System.err.println("OffsetsOptionTest: no python3 with pandas found; docs/examples/assessments_pandas.py not run");
      Assumptions.abort("no python3 with pandas");
    }
    Path out = dir.resolve("assessments.jsonl");
    ScoreCommandTest.Run r = run("score", ADS.toString(), "--offsets", "codepoints", "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    Process p = new ProcessBuilder(python, Path.of("..", "docs", "examples", "assessments_pandas.py").toString(), ADS.toString(),
        out.toString()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).containsPattern("\\d{2,} evidence spans checked, 0 differ from their match");

    // the same script on UTF-16 output refuses, rather than slicing wrongly
    Path u16 = dir.resolve("utf16.jsonl");
    run("score", ADS.toString(), "--out", u16.toString());
    Process q = new ProcessBuilder(python, Path.of("..", "docs", "examples", "assessments_pandas.py").toString(), ADS.toString(),
        u16.toString()).redirectErrorStream(true).start();
    String refused = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(q.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(q.exitValue()).isNotZero();
    assertThat(refused).contains("--offsets codepoints");
  }

  /** The first of python3 on the PATH and the system's /usr/bin/python3 that imports pandas, or null. */
  static String pythonWithPandas() {
    for (String candidate : List.of("python3", "/usr/bin/python3")) {
      try {
        Process p = new ProcessBuilder(candidate, "-c", "import pandas").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) return candidate;
      } catch (IOException | InterruptedException e) {
        // not installed here: try the next
      }
    }
    return null;
  }

  private List<JsonNode> score(String... options) throws IOException {
    List<String> args = new ArrayList<>(List.of("score", ADS.toString(), "--hash-key-file", KEY.toString()));
    args.addAll(List.of(options));
    ScoreCommandTest.Run r = run(args.toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isZero();
    return lines(r.out());
  }

  static ScoreCommandTest.Run run(String... args) { return ScoreCommandTest.run(args); }

  static List<JsonNode> lines(String jsonl) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String l : jsonl.split("\n")) if (!l.isBlank()) out.add(Schemas.JSON.readTree(l));
    return out;
  }
}
