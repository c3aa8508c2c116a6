package org.redflag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code redflag report} against an independent recount: the adverts are scored by {@code score},
 * and this test groups {@code score}'s output lines itself (site and month taken from the input
 * lines, month as the first seven characters of the UTC {@code postedAt}) and compares every count
 * of report.json with its own.
 */
class ReportCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final Path ADS = Path.of("..", "docs", "examples", "report-ads.jsonl");
  static final Path BASELINE = Path.of("..", "docs", "examples", "market.json");

  private static List<JsonNode> input;
  private static List<JsonNode> scored;

  @BeforeAll
  static void score() throws IOException {
    input = new ArrayList<>();
    for (String l : Files.readAllLines(ADS, StandardCharsets.UTF_8)) input.add(JSON.readTree(l));
    ScoreCommandTest.Run r = ScoreCommandTest.run("score", ADS.toString(), "--baseline", BASELINE.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    scored = r.lines();
    assertThat(scored).hasSize(input.size());
  }

  /** The oracle's counts of one group. */
  static final class Counts {
    long adverts;
    final Map<String, Long> bands = new TreeMap<>();
    final Map<String, Long> fired = new TreeMap<>();
    final Map<String, Long> entries = new TreeMap<>();
  }

  private static Map<String, Counts> recount(boolean byMonth) {
    Map<String, Counts> groups = new TreeMap<>();
    for (int i = 0; i < input.size(); i++) {
      JsonNode ad = input.get(i);
      JsonNode a = scored.get(i);
      assertThat(a.get("id").asText()).isEqualTo(ad.get("id").asText());
      String key = ad.has("site") ? ad.get("site").asText() : "(none)";
      if (byMonth) key += "|" + (ad.has("postedAt") ? ad.get("postedAt").asText().substring(0, 7) : "(none)");
      Counts c = groups.computeIfAbsent(key, k -> new Counts());
      c.adverts++;
      c.bands.merge(a.get("band").asText(), 1L, Long::sum);
      List<String> firedHere = new ArrayList<>();
      for (JsonNode row : a.get("indicators")) {
        if (row.get("fired").asBoolean()) {
          firedHere.add(row.get("id").asText());
          c.fired.merge(row.get("id").asText(), 1L, Long::sum);
        }
      }
      java.util.Set<String> entries = new java.util.TreeSet<>();
      for (JsonNode e : a.get("evidence")) if (firedHere.contains(e.get("indicator").asText())) entries.add(e.get("entry").asText());
      entries.forEach(e -> c.entries.merge(e, 1L, Long::sum));
    }
    return groups;
  }

  private static JsonNode report(Path dir, String in, String by, String... more) throws IOException {
    Path out = dir.resolve("report-" + by.replace(',', '-') + ".json");
    List<String> args = new ArrayList<>(List.of("report", in, "--by", by, "--out", out.toString()));
    args.addAll(List.of(more));
    ScoreCommandTest.Run r = ScoreCommandTest.run(args.toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isZero();
    return JSON.readTree(Files.readString(out));
  }

  private static void assertAgrees(JsonNode report, Map<String, Counts> oracle, boolean byMonth) {
    assertThat(report.get("adverts").asLong()).isEqualTo(input.size());
    assertThat(report.get("groups")).hasSize(oracle.size());
    long total = 0;
    for (JsonNode g : report.get("groups")) {
      String key = g.get("key").get("site").asText() + (byMonth ? "|" + g.get("key").get("month").asText() : "");
      Counts c = oracle.get(key);
      assertThat(c).as("group %s", key).isNotNull();
      assertThat(g.get("adverts").asLong()).as(key).isEqualTo(c.adverts);
      total += c.adverts;
      for (String band : List.of("LOW", "ELEVATED", "HIGH")) {
        assertThat(g.get("bands").get(band).asLong()).as(key + " " + band).isEqualTo(c.bands.getOrDefault(band, 0L));
      }
      assertThat(g.get("elevatedOrHigh").get("count").asLong()).isEqualTo(c.bands.getOrDefault("ELEVATED", 0L) + c.bands.getOrDefault("HIGH", 0L));
      assertThat(g.get("small").asBoolean()).isEqualTo(c.adverts < 10);
      g.get("indicators").fields().forEachRemaining(e ->
          assertThat(e.getValue().get("fired").asLong()).as(key + " " + e.getKey()).isEqualTo(c.fired.getOrDefault(e.getKey(), 0L)));
      assertThat(c.fired.keySet()).allMatch(id -> g.get("indicators").has(id));
      for (JsonNode e : g.get("topEntries")) {
        assertThat(e.get("adverts").asLong()).as(key + " " + e.get("entry")).isEqualTo(c.entries.get(e.get("entry").asText()));
      }
      long expectedTop = Math.min(10, c.entries.size());
      assertThat(g.get("topEntries")).hasSize((int) expectedTop);
      if (expectedTop > 0) { // the first entry is one of the most common
        assertThat(g.get("topEntries").get(0).get("adverts").asLong()).isEqualTo(c.entries.values().stream().max(Long::compare).orElseThrow());
      }
      // price positions are computed by the report from the baseline, not read from price.anomaly: the two agree
      assertThat(g.get("prices").get("belowMarketP5").asLong()).as(key).isEqualTo(c.fired.getOrDefault("price.anomaly", 0L));
    }
    assertThat(total).isEqualTo(input.size());
    // ranked by the lower Wilson bound, highest first
    double previous = Double.POSITIVE_INFINITY;
    for (JsonNode g : report.get("groups")) {
      double low = g.get("elevatedOrHigh").get("shareCi").get(0).asDouble();
      assertThat(low).isLessThanOrEqualTo(previous);
      previous = low;
    }
  }

  @Test
  void countsBySiteAgreeWithScore(@TempDir Path dir) throws IOException {
    assertAgrees(report(dir, ADS.toString(), "site", "--baseline", BASELINE.toString()), recount(false), false);
  }

  @Test
  void countsBySiteAndMonthAgreeWithScore(@TempDir Path dir) throws IOException {
    Map<String, Counts> oracle = recount(true);
    assertThat(oracle.keySet()).anyMatch(k -> k.endsWith("|(none)")).anyMatch(k -> k.startsWith("(none)|"));
    assertAgrees(report(dir, ADS.toString(), "site,month", "--baseline", BASELINE.toString()), oracle, true);
  }

  /**
   * Assessments from score, as score writes them (grouping fields from the provenance they echo), give the report the
   * adverts give: scores in the same bins, prices compared alike.
   */
  @Test
  void assessmentsGiveTheReportTheAdvertsGive(@TempDir Path dir) throws IOException {
    // score's output as it is: the grouping fields come from the provenance it echoes (site, postedAt,
    // market, category, language), nothing copied over from the adverts
    Path assessments = dir.resolve("assessments.jsonl");
    StringBuilder lines = new StringBuilder();
    for (JsonNode a : scored) lines.append(a).append('\n');
    Files.writeString(assessments, lines);
    assertThat(scored.stream().filter(a -> a.hasNonNull("site")).count()).isEqualTo(input.stream().filter(a -> a.has("site")).count()).isPositive();
    for (String by : List.of("site", "site,month", "market,category,language")) {
      JsonNode fromAdverts = report(dir, ADS.toString(), by, "--baseline", BASELINE.toString());
      JsonNode fromAssessments = report(dir, assessments.toString(), by, "--baseline", BASELINE.toString());
      assertThat(fromAssessments).as(by).isEqualTo(fromAdverts);
      assertThat(fromAssessments.get("groups").size()).as(by).isGreaterThan(1); // not everything in "(none)"
    }
    assertAgrees(report(dir, assessments.toString(), "site,month", "--baseline", BASELINE.toString()), recount(true), true);
  }

  @Test
  void linksAddClustersAndBadLinesAreNamed(@TempDir Path dir) throws IOException {
    Path in = dir.resolve("ads.jsonl");
    Files.writeString(in, """
        {"id":"a","site":"s1","text":"Text my manager to book."}
        {"id":"b","site":"s1","text":"Quiet studio."}
        {"id":"c","site":"s2","text":"Quiet studio."}
        {"id":"d","site":"s2","text":"Quiet studio."}
        """);
    Path links = dir.resolve("links.jsonl");
    Files.writeString(links, """
        {"id":"a","cluster":"k1","clusterSize":3}
        {"id":"c","cluster":"k1","clusterSize":3}
        {"id":"d","cluster":"k2","clusterSize":1}
        """);
    JsonNode r = report(dir, in.toString(), "site", "--links", links.toString());
    Map<String, JsonNode> byKey = new HashMap<>();
    for (JsonNode g : r.get("groups")) byKey.put(g.get("key").get("site").asText(), g.get("clusters"));
    assertThat(byKey.get("s1").toString()).isEqualTo("{\"adverts\":1,\"largest\":3}");
    assertThat(byKey.get("s2").toString()).isEqualTo("{\"adverts\":1,\"largest\":3}");
    assertThat(r.get("groups").get(0).has("prices")).isFalse();

    Files.writeString(links, "{\"id\":\"a\",\"clusterSize\":\"three\"}\n");
    ScoreCommandTest.Run bad = ScoreCommandTest.run("report", in.toString(), "--by", "site", "--links", links.toString());
    assertThat(bad.exit()).isEqualTo(RedflagCommand.EXIT_USAGE);
    assertThat(bad.err()).contains("--links links.jsonl line 1: $.clusterSize: ").doesNotContain("three");
  }

  @Test
  void linksOfAFileWithBadLinesAreReadAsLinkWroteThem(@TempDir Path dir) throws IOException {
    Path in = dir.resolve("ads.jsonl");
    String template = "Quiet studio near the station, relaxing oil treatments, towels provided, book ahead by text ";
    Files.writeString(in, "{\"id\":\"a\",\"site\":\"s1\",\"text\":\"" + template + "555 010 0101\"}\n"
        + "not json at all\n"
        + "{\"id\":\"c\",\"site\":\"s2\",\"text\":\"" + template + "555 010 0101\"}\n");
    Path links = dir.resolve("links.jsonl");
    ScoreCommandTest.Run link = ScoreCommandTest.run("link", in.toString(), "--out", links.toString());
    assertThat(link.exit()).as(link.err()).isEqualTo(RedflagCommand.EXIT_BAD_RECORDS);
    assertThat(Files.readAllLines(links).get(1)).contains("\"line\":2").contains("\"error\"");

    Path out = dir.resolve("report.json");
    ScoreCommandTest.Run r = ScoreCommandTest.run("report", in.toString(), "--by", "site", "--links", links.toString(), "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(RedflagCommand.EXIT_BAD_RECORDS); // the bad input line, not a usage error
    assertThat(r.err()).contains("holds 1 error records of `redflag link`").contains("1 of 3 input lines were invalid");
    JsonNode report = JSON.readTree(Files.readString(out));
    for (JsonNode g : report.get("groups")) {
      assertThat(g.get("clusters").toString()).as(g.get("key").toString()).isEqualTo("{\"adverts\":1,\"largest\":2}");
    }
  }

  @Test
  void badLinesAreReportedAndCountedNeverDropped(@TempDir Path dir) throws IOException {
    Path in = dir.resolve("mixed.jsonl");
    Files.writeString(in, """
        {"id":"a","site":"s1","text":"Quiet studio."}
        {"line":2,"id":"b","error":"$.text: missing"}
        not json at all
        {"id":"c","score":0.5,"band":"MEDIUM","indicators":[]}
        {"id":"d","score":0.5,"band":"HIGH","indicators":[],"evidence":[],"prices":[]}
        """);
    ScoreCommandTest.Run r = ScoreCommandTest.run("report", in.toString(), "--by", "site");
    assertThat(r.exit()).isEqualTo(RedflagCommand.EXIT_BAD_RECORDS);
    assertThat(r.err()).contains("\"line\":2").contains("error record from score").contains("\"line\":3").contains("$.band")
        .doesNotContain("not json at all").contains("3 of 5 input lines were invalid");
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("adverts").asLong()).isEqualTo(2);
    assertThat(j.get("invalid").asLong()).isEqualTo(3);
    assertThat(j.get("groups")).hasSize(2); // s1, and (none) for the assessment without a site

    ScoreCommandTest.Run usage = ScoreCommandTest.run("report", in.toString(), "--by", "site,city");
    assertThat(usage.exit()).isEqualTo(RedflagCommand.EXIT_USAGE);
    assertThat(usage.err()).contains("--by: unknown grouping field 'city'");
  }

  @Test
  void writesOneHtmlFileWithChartsAndNoScripts(@TempDir Path dir) throws IOException {
    Path html = dir.resolve("r.html");
    report(dir, ADS.toString(), "site,month", "--html", html.toString());
    String h = Files.readString(html);
    assertThat(h).doesNotContain("<script").doesNotContain("src=\"http").contains("Reading this report responsibly")
        .contains("a share of <em>adverts</em>, not of people").contains("Trends by month").contains("Indicator shares per group");
    assertThat(h.split("<svg ", -1).length - 1).isGreaterThanOrEqualTo(3); // ranking, trend, small multiples
    String byMonth = Files.readString(html);
    report(dir, ADS.toString(), "site", "--html", html.toString());
    assertThat(Files.readString(html)).doesNotContain("Trends by month").isNotEqualTo(byMonth);
  }
}
