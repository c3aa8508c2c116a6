package org.redflag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Path EXAMPLES = Path.of("..", "docs", "examples", "ads.jsonl");

  record Run(int exit, String out, String err) {
    List<JsonNode> lines() throws IOException {
      List<JsonNode> l = new ArrayList<>();
      for (String s : out.split("\n")) if (!s.isEmpty()) l.add(JSON.readTree(s));
      return l;
    }
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = RedflagCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void scoresEveryExampleInOrderWithRealEvidence() throws IOException {
    List<String> input = Files.readAllLines(EXAMPLES, StandardCharsets.UTF_8);
    Run r = run("score", EXAMPLES.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    List<JsonNode> out = r.lines();
    assertThat(out).hasSize(input.size());
    int withEvidence = 0;
    for (int i = 0; i < input.size(); i++) {
      JsonNode in = JSON.readTree(input.get(i));
      JsonNode a = out.get(i);
      assertThat(a.get("id").asText()).isEqualTo(in.get("id").asText());
      List<String> fields = new ArrayList<>();
      a.fieldNames().forEachRemaining(fields::add);
      assertThat(fields).containsSubsequence("id", "score", "band", "indicators", "evidence", "prices", "model", "packs", "inputDigest", "site", "url", "postedAt", "capturedAt", "market", "category", "language");
      String text = in.get("text").asText();
      for (JsonNode e : a.get("evidence")) {
        assertThat(e.has("indicator") && e.has("entry") && e.has("source") && e.has("match")).isTrue();
        if (!e.get("start").isNull() && !e.has("field") && !e.has("masked")) {
          assertThat(text.substring(e.get("start").asInt(), e.get("end").asInt())).isEqualTo(e.get("match").asText());
        }
      }
      if (!a.get("evidence").isEmpty()) withEvidence++;
    }
    assertThat(withEvidence).isGreaterThanOrEqualTo(5);
  }

  @Test
  void malformedLinesBecomeErrorRecordsInPlace(@TempDir Path dir) throws IOException {
    Path in = dir.resolve("in.jsonl");
    Files.writeString(in, String.join("\n",
        "{\"id\":\"a\",\"text\":\"call my manager\"}",
        "{\"id\":\"b\"}",
        "not json at all",
        "",
        "{\"id\":\"c\",\"text\":5}",
        "{\"id\":\"d\",\"text\":\"fine\"}") + "\n");
    Run r = run("score", in.toString());
    assertThat(r.exit()).isEqualTo(RedflagCommand.EXIT_BAD_RECORDS);
    assertThat(r.err()).contains("4 of 6 input lines were invalid");
    List<JsonNode> out = r.lines();
    assertThat(out).hasSize(6);
    assertThat(out.get(0).get("id").asText()).isEqualTo("a");
    assertThat(out.get(1).get("line").asInt()).isEqualTo(2);
    assertThat(out.get(1).get("id").asText()).isEqualTo("b");
    assertThat(out.get(1).get("error").asText()).isEqualTo("$.text: required field is missing");
    assertThat(out.get(2).get("line").asInt()).isEqualTo(3);
    assertThat(out.get(2).get("error").asText()).startsWith("$: invalid JSON").doesNotContain("json at all");
    assertThat(out.get(3).get("line").asInt()).isEqualTo(4);
    assertThat(out.get(4).get("error").asText()).isEqualTo("$.text: expected a string, got number");
    assertThat(out.get(5).get("id").asText()).isEqualTo("d");

    Run skipped = run("score", "--skip-errors", in.toString());
    assertThat(skipped.exit()).isZero();
    assertThat(skipped.lines()).hasSize(6);
  }

  @Test
  void writesToOutFile(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("out.jsonl");
    Run r = run("score", EXAMPLES.toString(), "--out", out.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(Files.readAllLines(out)).hasSameSizeAs(Files.readAllLines(EXAMPLES));
  }

  @Test
  void usageErrorsAreOneClearLineWithoutStackTrace(@TempDir Path dir) throws IOException {
    Run missing = run("score", dir.resolve("nope.jsonl").toString());
    assertThat(missing.exit()).isEqualTo(RedflagCommand.EXIT_USAGE);
    assertThat(missing.err()).startsWith("redflag: INPUT: no such file").doesNotContain("Exception").doesNotContain("\tat ");
    Path badPack = dir.resolve("bad-pack.json");
    Files.writeString(badPack, "{\"id\":\"x\",\"version\":\"1\",\"language\":\"en\",\"entries\":[{\"id\":\"a\"}]}");
    Run pack = run("score", "--pack", badPack.toString(), EXAMPLES.toString());
    assertThat(pack.exit()).isEqualTo(RedflagCommand.EXIT_USAGE);
    assertThat(pack.err()).contains("bad-pack.json: $.entries[0].indicator: required field is missing").doesNotContain("\tat ");
  }

  @Test
  void explainPrintsAReadableExplanation() {
    Run r = run("explain", "--text", "Text my manager, available 24/7", "--category", "escort");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("control.third-party").contains("\"Text my manager\"").contains("review priority")
        .contains("not a determination about any person");
    Run bad = run("explain", "--text", "x", "--tag", "notatag");
    assertThat(bad.exit()).isEqualTo(RedflagCommand.EXIT_USAGE);
    assertThat(bad.err()).contains("namespace:value");
  }
}
