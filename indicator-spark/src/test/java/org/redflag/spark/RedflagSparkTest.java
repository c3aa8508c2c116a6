package org.redflag.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redflag.cli.RedflagCommand;

/**
 * Spark in local mode ({@code local[2]}, one session for all tests) against the {@code redflag}
 * command itself: the same assessment lines and error records, advert by advert, with the same key.
 */
class RedflagSparkTest {
  static final Path EXAMPLES = Path.of("..", "docs", "examples", "ads.jsonl");
  static final Path MARKET = Path.of("..", "docs", "examples", "market-ads.jsonl");
  static final Path REPORT_ADS = Path.of("..", "docs", "examples", "report-ads.jsonl");
  static final Path BASELINE = Path.of("..", "docs", "examples", "market.json");
  static final ObjectMapper JSON = new ObjectMapper();

  static SparkSession spark;
  @TempDir static Path dir;
  static Path key;

  @BeforeAll
  static void start() throws IOException {
    spark = SparkSession.builder().master("local[2]").appName("RedflagSparkTest")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
    key = dir.resolve("key");
    Files.write(key, "a fixed test key of 32 bytes....".getBytes(StandardCharsets.US_ASCII));
  }

  @AfterAll
  static void stop() { spark.stop(); }

  /** What {@code redflag score --hash-key-file key} writes for {@code in} (each file scored once: an engine build costs seconds). */
  static List<String> cli(Path in) { return SCORED.computeIfAbsent(in, RedflagSparkTest::runCli); }

  static final java.util.Map<Path, List<String>> SCORED = new java.util.concurrent.ConcurrentHashMap<>();

  static List<String> runCli(Path in) {
    StringWriter out = new StringWriter();
    int exit = RedflagCommand.execute(new String[] {"score", in.toString(), "--hash-key-file", key.toString(), "--threads", "1"},
        new PrintWriter(out), new PrintWriter(new StringWriter()));
    assertThat(exit).isIn(0, 1);
    return Arrays.asList(out.toString().split("\n"));
  }

  static List<String> json(Dataset<Row> scored) {
    return scored.select("json").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
  }

  @Test
  void scoringTheExamplesGivesTheCommandsLinesAdvertByAdvert() throws IOException {
    EngineSpec spec = EngineSpec.builder().hashKeyFile(key).build();
    Dataset<Row> scored = RedflagSpark.score(RedflagSpark.readJsonLines(spark, EXAMPLES.toString()).repartition(3, org.apache.spark.sql.functions.col("line"))
        .sortWithinPartitions("line"), spec);
    List<Row> rows = scored.orderBy("line").collectAsList();
    List<String> expected = cli(EXAMPLES);
    assertThat(rows).hasSize(expected.size()).hasSize(30);
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      assertThat(r.getLong(r.fieldIndex("line"))).isEqualTo(i + 1);
      assertThat(r.getString(r.fieldIndex("json"))).as("line %d", i + 1).isEqualTo(expected.get(i));
      ObjectNode a = (ObjectNode) JSON.readTree(expected.get(i));
      assertThat(r.getString(r.fieldIndex("id"))).isEqualTo(a.get("id").asText());
      // the line rounds the score to 6 decimals; the column keeps the double
      assertThat(r.getDouble(r.fieldIndex("score"))).isCloseTo(a.get("score").asDouble(), org.assertj.core.data.Offset.offset(5e-7));
      assertThat(r.getString(r.fieldIndex("band"))).isEqualTo(a.get("band").asText());
      List<String> fired = new ArrayList<>();
      a.get("indicators").forEach(n -> { if (n.get("fired").asBoolean()) fired.add(n.get("id").asText()); });
      assertThat(r.<String>getList(r.fieldIndex("fired"))).containsExactlyInAnyOrderElementsOf(fired); // strongest first, not by id
      assertThat(r.isNullAt(r.fieldIndex("error"))).isTrue();
    }
  }

  @Test
  void badLinesBecomeTheCommandsErrorRecordsInPlace() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(MARKET, StandardCharsets.UTF_8).subList(0, 200));
    lines.add(10, "not json");
    lines.add(20, "{\"id\":\"no-text\"}");
    lines.add(30, "");
    lines.add(40, "[1]");
    lines.add(50, "{\"id\":\"n\",\"text\":5}");
    Path in = dir.resolve("mixed.jsonl");
    Files.write(in, lines, StandardCharsets.UTF_8);
    EngineSpec spec = EngineSpec.builder().hashKeyFile(key).build();
    Dataset<Row> scored = RedflagSpark.score(RedflagSpark.readJsonLines(spark, in.toString()), spec);
    assertThat(json(scored)).containsExactlyElementsOf(cli(in));
    assertThat(scored.filter("error is not null").count()).isEqualTo(5);
  }

  @Test
  void aTableOfAdvertFieldsScoresAsItsJsonLines() {
    EngineSpec spec = EngineSpec.builder().hashKeyFile(key).build();
    Dataset<Row> table = spark.read().json(EXAMPLES.toString());
    assertThat(table.columns()).contains("id", "text").doesNotContain("value");
    List<Row> fromTable = RedflagSpark.score(table, spec).collectAsList();
    List<String> fromLines = cli(EXAMPLES);
    assertThat(fromTable).hasSize(fromLines.size());
    for (int i = 0; i < fromTable.size(); i++) {
      assertThat(fromTable.get(i).getString(2)).isEqualTo(fromLines.get(i));
    }
  }

  @Test
  void theEngineIsBuiltOncePerJvmNotPerRowOrPartition() {
    int before = Engines.built();
    EngineSpec spec = EngineSpec.builder().hashKeyFile(key).defaultCountryCode("1").build(); // a spec no other test uses
    Dataset<Row> lines = RedflagSpark.readJsonLines(spark, MARKET.toString()).repartition(8);
    assertThat(RedflagSpark.score(lines, spec).count()).isEqualTo(602);
    assertThat(Engines.built()).isEqualTo(before + 1);
  }

  @Test
  void theRunnableMainWritesTheCommandsLinesInInputOrder() throws IOException {
    Path out = dir.resolve("out");
    StringWriter err = new StringWriter();
    int exit = RedflagSparkMain.execute(new String[] {"score", EXAMPLES.toString(), out.toString(), "--hash-key-file", key.toString()},
        new PrintWriter(new StringWriter()), new PrintWriter(err), spark);
    assertThat(exit).as(err.toString()).isZero();
    List<String> written = partLines(out);
    assertThat(written).containsExactlyElementsOf(cli(EXAMPLES));
    assertThat(err.toString()).contains("scored 30 lines (0 invalid)");
  }

  /** The lines of a Spark output folder's part files, in name order (the input's order). */
  static List<String> partLines(Path out) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> parts = Files.list(out)) {
      for (Path p : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
        lines.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
      }
    }
    return lines;
  }

  @Test
  void usageErrorsNameTheProblem() {
    StringWriter err = new StringWriter();
    int exit = RedflagSparkMain.execute(new String[] {"score", EXAMPLES.toString(), dir.resolve("x").toString(), "--hash-key-file",
        dir.resolve("missing").toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err), spark);
    assertThat(exit).isEqualTo(RedflagSparkMain.EXIT_USAGE);
    assertThat(err.toString()).contains("--hash-key-file: no such file");
  }

  /** What {@code redflag report IN --by BY --baseline market.json} writes as report.json. */
  static JsonNode cliReport(Path in, String by) throws IOException {
    Path out = Files.createTempFile(dir, "report", ".json");
    int exit = RedflagCommand.execute(new String[] {"report", in.toString(), "--by", by, "--baseline", BASELINE.toString(),
        "--hash-key-file", key.toString(), "--out", out.toString(), "--threads", "1"}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    assertThat(exit).isIn(0, 1);
    return JSON.readTree(out.toFile());
  }

  @Test
  void theReportMergedFromPartitionsIsTheCommandsReport() throws IOException {
    // adverts, assessments written by score (read as they are) and bad lines, over 5 partitions merged in a tree
    List<String> lines = new ArrayList<>(Files.readAllLines(REPORT_ADS, StandardCharsets.UTF_8));
    List<String> assessed = cli(MARKET);
    for (int i = 0; i < assessed.size(); i += 3) lines.add(assessed.get(i));
    lines.add(100, "not json");
    lines.add(200, "{\"id\":\"e\",\"line\":3,\"error\":\"from score\"}");
    Path in = dir.resolve("report-in.jsonl");
    Files.write(in, lines, StandardCharsets.UTF_8);
    EngineSpec spec = EngineSpec.builder().hashKeyFile(key).baseline(BASELINE).build();
    MarketSummary part = RedflagSpark.summarise(RedflagSpark.readJsonLines(spark, in.toString()).repartition(5), spec,
        org.redflag.fit.report.GroupField.parse("site,month"));
    assertThat(part.lines()).isEqualTo(lines.size());
    assertThat(part.invalid()).isEqualTo(2);
    assertThat(part.errors()).hasSize(2).first().asString().startsWith("{\"line\":101,");
    ObjectNode spark = part.summary().report(10, true, false).toJson().put("invalid", part.invalid());
    JsonNode cli = cliReport(in, "site,month");
    assertThat(cli.get("groups").size()).isGreaterThan(10);
    // compared as parsed text: the report's tree holds longs where the parsed file holds ints
    assertThat(JSON.readTree(spark.toString())).isEqualTo(cli);
  }

  @Test
  void theRunnableMainWritesTheCommandsReportJson() throws IOException {
    Path out = dir.resolve("report.json");
    StringWriter err = new StringWriter();
    int exit = RedflagSparkMain.execute(new String[] {"report", REPORT_ADS.toString(), out.toString(), "--by", "site", "--baseline", BASELINE.toString(),
        "--hash-key-file", key.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err), spark);
    assertThat(exit).as(err.toString()).isZero();
    assertThat(JSON.readTree(out.toFile())).isEqualTo(cliReport(REPORT_ADS, "site"));
  }

  /**
   * {@code report --links}: the runnable jar joins {@code redflag link}'s output (with an error record of
   * link and a repeated id, whose last record counts) as the command does, giving the same report.json
   * with its cluster columns; a bad links line is a usage error naming its line.
   */
  @Test
  void theReportWithLinksIsTheCommandsReport() throws IOException {
    Path links = dir.resolve("report-links.jsonl");
    int linked = RedflagCommand.execute(new String[] {"link", REPORT_ADS.toString(), "--out", links.toString(), "--hash-key-file", key.toString(),
        "--threads", "1"}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    assertThat(linked).isIn(0, 1);
    List<String> ls = new ArrayList<>(Files.readAllLines(links, StandardCharsets.UTF_8));
    JsonNode first = JSON.readTree(ls.get(0));
    ls.add(0, "{\"id\":\"" + first.get("id").asText() + "\",\"cluster\":\"c-x\",\"clusterSize\":9}"); // overridden by the later record
    ls.add("{\"line\":9999,\"error\":\"$: not JSON\"}");
    Files.write(links, ls, StandardCharsets.UTF_8);
    Path cliOut = dir.resolve("report-links-cli.json");
    StringWriter cliErr = new StringWriter();
    int cliExit = RedflagCommand.execute(new String[] {"report", REPORT_ADS.toString(), "--by", "site", "--baseline", BASELINE.toString(),
        "--hash-key-file", key.toString(), "--out", cliOut.toString(), "--threads", "1", "--links", links.toString()},
        new PrintWriter(new StringWriter()), new PrintWriter(cliErr));
    assertThat(cliExit).as(cliErr.toString()).isIn(0, 1);
    JsonNode cli = JSON.readTree(cliOut.toFile());
    assertThat(cli.toString()).contains("cluster");

    Path out = dir.resolve("report-links.json");
    StringWriter err = new StringWriter();
    int exit = RedflagSparkMain.execute(new String[] {"report", REPORT_ADS.toString(), out.toString(), "--by", "site", "--baseline", BASELINE.toString(),
        "--hash-key-file", key.toString(), "--links", links.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err), spark);
    assertThat(exit).as(err.toString()).isEqualTo(cliExit);
    assertThat(err.toString()).contains("holds 1 error records of `redflag link`");
    assertThat(JSON.readTree(out.toFile())).isEqualTo(cli);

    Path bad = dir.resolve("bad-links.jsonl");
    Files.write(bad, List.of(ls.get(1), "{\"id\":\"a\",\"clusterSize\":0}"), StandardCharsets.UTF_8);
    StringWriter badErr = new StringWriter();
    int badExit = RedflagSparkMain.execute(new String[] {"report", REPORT_ADS.toString(), dir.resolve("r2.json").toString(), "--by", "site",
        "--links", bad.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(badErr), spark);
    assertThat(badExit).isEqualTo(RedflagSparkMain.EXIT_USAGE);
    assertThat(badErr.toString()).contains("--links line 2: ").contains("$.clusterSize");
  }

  /**
   * Planted clusters (actors re-posting from templates, phones in many written forms, singletons from the
   * same phrases; indicator-bench's generator) with two bad lines and two adverts sharing a seven-digit number, linked by the runnable jar's {@code link}
   * and by {@code redflag link}: the same LINKS lines, line by line, and the same CLUSTERS lines (templates,
   * edits, identifier counts, indicator shares, scores). A low hub threshold makes some shared phones
   * hubs, so the hub rule is compared too.
   */
  @Test
  void linkingPlantedClustersGivesTheCommandsLinksAndClustersLineByLine() throws IOException {
    List<String> lines = new ArrayList<>();
    for (org.redflag.bench.link.PlantedClusters.Labelled l : org.redflag.bench.link.PlantedClusters.generate(20_261_203L, 500)) {
      lines.add(org.redflag.io.AdvertJson.toCanonicalJson(l.advert()));
    }
    lines.add(37, "not json");
    lines.add(301, "{\"id\":\"no-text\"}");
    // a seven-digit number is listed but does not join (JoinRule): these two stay apart
    lines.add(120, "{\"id\":\"short-1\",\"text\":\"Quiet studio by the river, towels and tea provided, call 555 0134 after six.\"}");
    lines.add(420, "{\"id\":\"short-2\",\"text\":\"Weekend visits only, parking is easy, ring 555 0134 to ask.\"}");
    Path in = dir.resolve("planted.jsonl");
    Files.write(in, lines, StandardCharsets.UTF_8);
    Path cliOut = dir.resolve("links-cli.jsonl");
    StringWriter cliErr = new StringWriter();
    Path cliClusters = dir.resolve("clusters-cli.jsonl");
    int cliExit = RedflagCommand.execute(new String[] {"link", in.toString(), "--out", cliOut.toString(), "--hash-key-file", key.toString(),
        "--hub-threshold", "4", "--threads", "1", "--clusters", cliClusters.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(cliErr));
    assertThat(cliExit).as(cliErr.toString()).isEqualTo(1);
    List<String> expected = Files.readAllLines(cliOut, StandardCharsets.UTF_8);

    Path out = dir.resolve("links");
    StringWriter err = new StringWriter();
    Path clusters = dir.resolve("clusters");
    int exit = RedflagSparkMain.execute(new String[] {"link", in.toString(), out.toString(), "--hash-key-file", key.toString(),
        "--hub-threshold", "4", "--clusters", clusters.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err), spark);
    assertThat(exit).as(err.toString()).isEqualTo(RedflagSparkMain.EXIT_BAD_RECORDS);
    List<String> written = partLines(out);
    assertThat(written).hasSize(504);
    for (int i = 0; i < expected.size(); i++) assertThat(written.get(i)).as("line %d", i + 1).isEqualTo(expected.get(i));
    assertThat(written).hasSameSizeAs(expected);
    assertThat(err.toString()).contains("linked 504 lines (2 invalid)");
    List<String> expectedClusters = Files.readAllLines(cliClusters, StandardCharsets.UTF_8);
    List<String> writtenClusters = partLines(clusters);
    for (int i = 0; i < Math.min(expectedClusters.size(), writtenClusters.size()); i++) {
      assertThat(writtenClusters.get(i)).as("cluster line %d", i + 1).isEqualTo(expectedClusters.get(i));
    }
    assertThat(writtenClusters).hasSameSizeAs(expectedClusters);
    // the clusters exercise the summary: several templates with edits, identifiers, stated ages, sites
    assertThat(expectedClusters).anySatisfy(c -> assertThat(JSON.readTree(c).get("templates").size()).isGreaterThan(1));
    assertThat(expectedClusters).anySatisfy(c -> assertThat(JSON.readTree(c).at("/templates/0/edits").size()).isGreaterThan(0));
    assertThat(expectedClusters).anySatisfy(c -> assertThat(JSON.readTree(c).at("/identifiers/distinct").asInt()).isGreaterThan(0));

    // the sample exercises every rule: templates, identifiers, both, hubs, multi-template clusters, singletons
    assertThat(cliErr.toString()).contains("hub not used to join");
    List<JsonNode> links = new ArrayList<>();
    for (String l : expected) if (!l.contains("\"error\"")) links.add(JSON.readTree(l));
    assertThat(links).hasSize(502);
    assertThat(links).filteredOn(l -> l.get("id").asText().startsWith("short-"))
        .allSatisfy(l -> assertThat(l.get("clusterSize").asInt()).isEqualTo(1)).hasSize(2);
    assertThat(links).anySatisfy(l -> assertThat(l.get("linkedBy").toString()).isEqualTo("[\"identifier\",\"template\"]"));
    assertThat(links).anySatisfy(l -> assertThat(l.get("linkedBy").toString()).isEqualTo("[\"identifier\"]"));
    assertThat(links).anySatisfy(l -> assertThat(l.get("linkedBy").toString()).isEqualTo("[\"template\"]"));
    assertThat(links).anySatisfy(l -> assertThat(l.path("clusterSize").asInt()).isEqualTo(1));
    assertThat(links).anySatisfy(l -> assertThat(l.path("clusterSize").asInt()).isGreaterThan(5));
    assertThat(links).anySatisfy(l -> assertThat(l.path("cluster").asText()).isNotEqualTo("c-" + l.path("id").asText())
        .isNotEqualTo(l.path("template").asText().replaceFirst("^t-", "c-")));
  }

  @Test
  void linkingNeedsTheInputOrder() {
    EngineSpec spec = EngineSpec.builder().hashKeyFile(key).build();
    Dataset<Row> table = spark.range(1).selectExpr("'a' as id", "'some text' as text"); // a table of fields, no line numbers
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RedflagSpark.link(table, spec, org.redflag.link.LinkOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'line'");
  }
}
