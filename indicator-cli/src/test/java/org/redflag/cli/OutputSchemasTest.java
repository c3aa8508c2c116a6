package org.redflag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redflag.io.FormatVersion;

/**
 * Every output of the CLI commands, and every shipped advert file, against docs/schema/: score
 * (default, --offsets, --fired-only, error records), evaluate (with and without labels), link (links,
 * error records, clusters), report (with --baseline and --links), and the JSON examples in the README.
 */
class OutputSchemasTest {
  private static final Path EXAMPLES = Path.of("..", "docs", "examples");

  @TempDir Path dir;

  @Test
  void theSchemasCarryTheFormatVersion() throws IOException {
    try (Stream<Path> s = Files.list(Schemas.DIR)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".schema.json")).toList()) {
        assertThat(Schemas.read(f).path("$id").asText()).as(f.toString()).endsWith(":" + FormatVersion.VERSION);
      }
    }
  }

  @Test
  void everyShippedAdvertLineIsAValidAdvertButTheDocumentedBadOne() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Stream.concat(Files.list(EXAMPLES), Files.list(Path.of("..", "eval")))) {
      s.filter(p -> p.toString().endsWith(".jsonl")).sorted().forEach(files::add);
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(7);
    List<String> invalid = new ArrayList<>();
    int valid = 0;
    for (Path f : files) {
      List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).isBlank()) continue;
        if (Schemas.problems("advert", Schemas.parse(lines.get(i))).isEmpty()) valid++;
        else invalid.add(f.getFileName() + ":" + (i + 1));
      }
    }
    assertThat(invalid).containsExactly("linked-ads.jsonl:8"); // README: line 8 has no text
    assertThat(valid).isGreaterThan(1000);
  }

  @Test
  void scoreOutputIsAssessmentsAndErrorRecords() throws IOException {
    for (List<String> options : List.of(List.<String>of(), List.of("--offsets", "codepoints", "--fired-only"), List.of("--offsets", "utf8"))) {
      List<String> args = new ArrayList<>(List.of("score", EXAMPLES.resolve("ads.jsonl").toString()));
      args.addAll(options);
      expectValid(run(args), "assessment", 30);
    }
    ScoreCommandTest.Run withError = ScoreCommandTest.run("score", EXAMPLES.resolve("linked-ads.jsonl").toString(),
        "--baseline", EXAMPLES.resolve("market.json").toString());
    assertThat(withError.exit()).isEqualTo(RedflagCommand.EXIT_BAD_RECORDS);
    List<JsonNode> lines = OffsetsOptionTest.lines(withError.out());
    assertThat(lines).hasSize(8);
    for (JsonNode l : lines) assertThat(Schemas.problems(l.has("error") ? "error" : "assessment", l)).as(l.toString()).isEmpty();
    assertThat(lines.get(7).has("error")).isTrue();
  }

  @Test
  void evaluateOutputWithAndWithoutLabels() throws IOException {
    Path coded = dir.resolve("metrics.json");
    ScoreCommandTest.Run r = ScoreCommandTest.run("evaluate", "../eval/dev.jsonl", "--out", coded.toString(), "--bootstrap", "0");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode metrics = Schemas.read(coded);
    assertThat(metrics.has("labels")).isFalse();
    assertThat(Schemas.problems("evaluate", metrics)).isEmpty();

    Path synth = dir.resolve("synth.jsonl");
    assertThat(ScoreCommandTest.run("synth", "--adverts", "200", "--seed", "4", "--out", synth.toString()).exit()).isZero();
    Path labelled = dir.resolve("labelled.json");
    assertThat(ScoreCommandTest.run("evaluate", synth.toString(), "--out", labelled.toString(), "--bootstrap", "20").exit()).isZero();
    JsonNode withLabels = Schemas.read(labelled);
    assertThat(withLabels.has("labels")).isTrue();
    assertThat(Schemas.problems("evaluate", withLabels)).isEmpty();
  }

  @Test
  void linkAndReportOutput() throws IOException {
    Path links = dir.resolve("links.jsonl");
    Path clusters = dir.resolve("clusters.jsonl");
    ScoreCommandTest.Run r = ScoreCommandTest.run("link", EXAMPLES.resolve("linked-ads.jsonl").toString(), "--out", links.toString(),
        "--clusters", clusters.toString(), "--default-country-code", "1");
    assertThat(r.exit()).isEqualTo(RedflagCommand.EXIT_BAD_RECORDS);
    List<JsonNode> linkLines = OffsetsOptionTest.lines(Files.readString(links));
    assertThat(linkLines).hasSize(8);
    for (JsonNode l : linkLines) {
      assertThat(Schemas.problems(l.has("error") ? "error" : "link", l)).as(l.toString()).isEmpty();
      if (!l.has("error")) assertThat(l.has("clusterSize")).isTrue();
    }
    List<JsonNode> clusterLines = OffsetsOptionTest.lines(Files.readString(clusters));
    assertThat(clusterLines).isNotEmpty();
    for (JsonNode c : clusterLines) {
      assertThat(Schemas.problems("link", c)).as(c.toString()).isEmpty();
      assertThat(c.has("members")).isTrue();
    }

    Path site = dir.resolve("report-site.json");
    ScoreCommandTest.Run rep = ScoreCommandTest.run("report", EXAMPLES.resolve("report-ads.jsonl").toString(), "--by", "site,month",
        "--baseline", EXAMPLES.resolve("market.json").toString(), "--out", site.toString());
    assertThat(rep.exit()).as(rep.err()).isZero();
    JsonNode report = Schemas.read(site);
    assertThat(report.get("groups").get(0).has("prices")).isTrue();
    assertThat(Schemas.problems("report", report)).isEmpty();

    // report --links reads a links file without error records: link the seven valid lines on their own
    Path valid = dir.resolve("valid.jsonl");
    List<String> adLines = Files.readAllLines(EXAMPLES.resolve("linked-ads.jsonl"), StandardCharsets.UTF_8);
    Files.write(valid, adLines.subList(0, 7), StandardCharsets.UTF_8);
    Path validLinks = dir.resolve("valid-links.jsonl");
    assertThat(ScoreCommandTest.run("link", valid.toString(), "--out", validLinks.toString(), "--default-country-code", "1").exit()).isZero();
    Path linked = dir.resolve("report-linked.json");
    ScoreCommandTest.Run rl = ScoreCommandTest.run("report", valid.toString(), "--by", "site", "--links", validLinks.toString(),
        "--out", linked.toString());
    assertThat(rl.exit()).as(rl.err()).isZero();
    JsonNode withLinks = Schemas.read(linked);
    assertThat(withLinks.get("groups").get(0).has("clusters")).isTrue();
    assertThat(Schemas.problems("report", withLinks)).isEmpty();
  }

  /** The JSON lines the README shows as output (those that are whole JSON, not abridged) are valid output. */
  @Test
  void theReadmeExamplesAreValid() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    Matcher block = Pattern.compile("```json\n(.*?)```", Pattern.DOTALL).matcher(readme);
    int checked = 0;
    while (block.find()) {
      for (String line : block.group(1).split("\n")) {
        JsonNode n;
        try {
          n = Schemas.parse(line);
        } catch (RuntimeException e) {
          continue; // an abridged example ("...") is not whole JSON
        }
        if (!n.isObject()) continue;
        String schema = n.has("error") ? "error" : n.has("members") || n.has("clusterSize") ? "link" : n.has("band") ? "assessment" : "advert";
        assertThat(Schemas.problems(schema, n)).as(line).isEmpty();
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(8);
  }

  private static void expectValid(ScoreCommandTest.Run r, String schema, int lines) throws IOException {
    assertThat(r.exit()).as(r.err()).isZero();
    List<JsonNode> out = OffsetsOptionTest.lines(r.out());
    assertThat(out).hasSize(lines);
    for (JsonNode n : out) assertThat(Schemas.problems(schema, n)).as(n.toString()).isEmpty();
  }

  private static ScoreCommandTest.Run run(List<String> args) { return ScoreCommandTest.run(args.toArray(String[]::new)); }
}
