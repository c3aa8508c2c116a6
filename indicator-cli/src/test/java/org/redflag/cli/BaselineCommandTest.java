package org.redflag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redflag.price.MarketBaseline;
import org.redflag.price.MarketBaselines;
import org.w3c.dom.Document;

class BaselineCommandTest {
  static final Path MARKET_ADS = Path.of("..", "docs", "examples", "market-ads.jsonl");

  static ScoreCommandTest.Run run(String... args) { return ScoreCommandTest.run(args); }

  /** 60 synthetic metro-a adverts at $150..$268 an hour, 10 in tiny-town, and some unusable lines. */
  static Path ads(Path dir, boolean withBadLines) throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      lines.add("{\"id\":\"a" + i + "\",\"market\":\"metro-a\",\"category\":\"escort\",\"text\":\"Friendly. $" + (150 + 2 * i) + " hr\"}");
    }
    for (int i = 0; i < 10; i++) {
      lines.add("{\"id\":\"t" + i + "\",\"market\":\"tiny-town\",\"text\":\"€" + (100 + i) + " pro Stunde\"}");
    }
    lines.add("{\"id\":\"n1\",\"text\":\"$100 hr, no market\"}");
    if (withBadLines) {
      lines.add(3, "not json");
      lines.add(7, "{\"id\":\"x\",\"market\":5,\"text\":\"$10 hr\"}");
    }
    Path f = dir.resolve("ads.jsonl");
    Files.write(f, lines, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void buildWritesAReadableBaselineFileAndASummary(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("market.json");
    ScoreCommandTest.Run r = run("baseline", "build", ads(dir, false).toString(), "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Wrote 3 baselines").contains("71 adverts: 70 used, 1 without a market, 0 without an hourly price")
        .contains("metro-a/escort (USD, n=60)").contains("tiny-town/all (EUR, n=10)");
    MarketBaselines b = MarketBaselines.read(out);
    MarketBaseline metro = b.find("metro-a", "escort").orElseThrow();
    assertThat(metro.count()).isEqualTo(60);
    assertThat(metro.min()).isEqualTo(150.0);
    assertThat(metro.max()).isEqualTo(268.0);
    assertThat(metro.median()).isEqualTo(208.0);
  }

  /** Issue 24, reproduction 12: two builds on the same input write identical bytes (past the sketch's exact range). */
  @Test
  void twoBuildsOfTheSameInputWriteIdenticalBytes(@TempDir Path dir) throws IOException {
    StringBuilder ads = new StringBuilder();
    java.util.Random r = new java.util.Random(11);
    for (int i = 0; i < 3000; i++) {
      ads.append("{\"id\":\"s").append(i).append("\",\"market\":\"metro-a\",\"category\":\"escort\",\"text\":\"synthetic\",")
          .append("\"prices\":[{\"amount\":").append(60 + r.nextInt(300)).append(",\"currency\":\"USD\",\"minutes\":60}]}\n");
    }
    Path in = dir.resolve("ads.jsonl");
    Files.writeString(in, ads);
    byte[][] files = new byte[2][];
    for (int run = 0; run < 2; run++) {
      Path out = dir.resolve("market-" + run + ".json");
      assertThat(run("baseline", "build", in.toString(), "--out", out.toString()).exit()).isZero();
      files[run] = Files.readAllBytes(out);
    }
    assertThat(files[1]).isEqualTo(files[0]);
    assertThat(MarketBaselines.read(dir.resolve("market-0.json")).find("metro-a", "escort").orElseThrow().count()).isEqualTo(3000);
  }

  @Test
  void badLinesAreReportedWithLineNumbersAndTheRestIsBuilt(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("market.json");
    ScoreCommandTest.Run r = run("baseline", "build", ads(dir, true).toString(), "--out", out.toString());
    assertThat(r.exit()).isEqualTo(RedflagCommand.EXIT_BAD_RECORDS);
    assertThat(r.err()).contains("redflag: line 4: $: invalid JSON").contains("redflag: line 8: $.market: expected a string")
        .contains("2 of 73 input lines were invalid").doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(MarketBaselines.read(out).find("metro-a", null).orElseThrow().count()).isEqualTo(60);
    ScoreCommandTest.Run skip = run("baseline", "build", ads(dir, true).toString(), "--out", out.toString(), "--skip-errors");
    assertThat(skip.exit()).isZero();
  }

  @Test
  void buildWithoutAnyUsableAdvertSaysSoAndWritesNothing(@TempDir Path dir) throws IOException {
    Path in = dir.resolve("in.jsonl");
    Files.writeString(in, "{\"id\":\"a\",\"text\":\"$80 hr\"}\n{\"id\":\"b\",\"market\":\"m\",\"text\":\"call me\"}\n");
    Path out = dir.resolve("market.json");
    ScoreCommandTest.Run r = run("baseline", "build", in.toString(), "--out", out.toString());
    assertThat(r.exit()).isEqualTo(RedflagCommand.EXIT_USAGE);
    assertThat(r.err()).contains("no advert had both a market and an hourly price");
    assertThat(out).doesNotExist();
  }

  @Test
  void showPrintsQuantilesAndFlagsSmallBaselines(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("market.json");
    run("baseline", "build", ads(dir, false).toString(), "--out", out.toString());
    ScoreCommandTest.Run r = run("baseline", "show", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).startsWith("3 baselines");
    String header = lines.stream().filter(l -> l.startsWith("market")).findFirst().orElseThrow();
    assertThat(header.split("\\s+")).containsExactly("market", "category", "cur", "rates", "min", "p5", "p10", "p25",
        "median", "p75", "p90", "p95", "max");
    String escort = lines.stream().filter(l -> l.startsWith("metro-a") && l.contains("escort")).findFirst().orElseThrow();
    // 60 rates 150, 152, ..., 268: exact below the sketch size
    assertThat(escort.split("\\s+")).containsExactly("metro-a", "escort", "USD", "60", "150.00", "154.00", "160.00",
        "178.00", "208.00", "238.00", "256.00", "262.00", "268.00");
    assertThat(r.out()).contains("tiny-town/all (EUR, n=10): 10 rates, fewer than 30: price.anomaly makes no call");
  }

  @Test
  void plotWritesAWellFormedSvgHistogram(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("market.json");
    run("baseline", "build", ads(dir, false).toString(), "--out", out.toString());
    Path svg = dir.resolve("h.svg");
    ScoreCommandTest.Run r = run("baseline", "show", out.toString(), "--plot", svg.toString(), "--market", "metro-a",
        "--category", "escort");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Histogram of metro-a/escort (USD, n=60) written to");
    Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
    assertThat(d.getDocumentElement().getTagName()).isEqualTo("svg");
    // one background rect plus one rect per bin; bar tooltips add up to the count
    var rects = d.getElementsByTagName("rect");
    assertThat(rects.getLength()).isGreaterThan(5);
    double total = 0;
    for (int i = 1; i < rects.getLength(); i++) {
      String tip = rects.item(i).getTextContent();
      total += Double.parseDouble(tip.substring(tip.indexOf(": ") + 2, tip.indexOf(" adverts")));
    }
    assertThat(total).isEqualTo(60.0);
    String text = Files.readString(svg);
    assertThat(text).contains("5th percentile 154").contains("median 208").contains("hourly rate (USD)");

    ScoreCommandTest.Run missing = run("baseline", "show", out.toString(), "--plot", svg.toString(), "--market", "nowhere");
    assertThat(missing.exit()).isEqualTo(RedflagCommand.EXIT_USAGE);
    assertThat(missing.err()).contains("has no baseline for market 'nowhere'");
  }

  @Test
  void showRejectsACorruptFileWithFileAndPath(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"format\": \"redflag-baseline/9\", \"baselines\": []}");
    ScoreCommandTest.Run r = run("baseline", "show", bad.toString());
    assertThat(r.exit()).isEqualTo(RedflagCommand.EXIT_USAGE);
    assertThat(r.err().strip()).isEqualTo("redflag: bad.json: $.format: unsupported format \"redflag-baseline/9\"; "
        + "this version reads \"redflag-baseline/1\"");
  }

  @Test
  void scoreWithABaselineCallsLowPricesAndOnlyThem(@TempDir Path dir) throws IOException {
    Path market = dir.resolve("market.json");
    run("baseline", "build", ads(dir, false).toString(), "--out", market.toString());
    Path in = dir.resolve("score.jsonl");
    Files.writeString(in, String.join("\n",
        "{\"id\":\"low\",\"market\":\"metro-a\",\"category\":\"escort\",\"text\":\"Special $50 hh\"}",
        "{\"id\":\"normal\",\"market\":\"metro-a\",\"category\":\"escort\",\"text\":\"$200 hr\"}",
        "{\"id\":\"small\",\"market\":\"tiny-town\",\"text\":\"€20 pro Stunde\"}",
        "{\"id\":\"elsewhere\",\"market\":\"metro-z\",\"text\":\"$20 hr\"}") + "\n");
    ScoreCommandTest.Run r = run("score", "--baseline", market.toString(), in.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    List<JsonNode> out = r.lines();
    assertThat(out).extracting(a -> a.get("id").asText()).containsExactly("low", "normal", "small", "elsewhere");
    assertThat(fired(out.get(0))).isTrue();
    JsonNode ev = priceEvidence(out.get(0)).get(0);
    assertThat(ev.get("match").asText()).isEqualTo("$50 hh");
    assertThat(ev.get("details").get("rate").asDouble()).isEqualTo(100.0);
    assertThat(ev.get("details").get("marketMedian").asDouble()).isEqualTo(208.0);
    assertThat(out.get(0).get("features").get("price.percentile").asDouble()).isZero();
    assertThat(fired(out.get(1))).isFalse();
    assertThat(out.get(1).get("features").get("price.percentile").asDouble()).isBetween(40.0, 50.0);
    assertThat(fired(out.get(2))).isFalse();
    assertThat(priceEvidence(out.get(2)).get(0).get("entry").asText()).isEqualTo("price.baseline-too-small");
    assertThat(fired(out.get(3))).isFalse();
    assertThat(priceEvidence(out.get(3))).isEmpty();

    // without --baseline nothing is called
    ScoreCommandTest.Run plain = run("score", in.toString());
    for (JsonNode a : plain.lines()) assertThat(fired(a)).isFalse();
  }

  @Test
  void scoreWithACorruptBaselineFailsBeforeScoring(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("market.json");
    Files.writeString(bad, "{\"format\": \"redflag-baseline/1\", \"baselines\": [{\"market\": \"m\", \"currency\": \"USD\", "
        + "\"count\": 1, \"sketch\": \"AAAA\"}]}");
    Path in = dir.resolve("in.jsonl");
    Files.writeString(in, "{\"id\":\"a\",\"text\":\"$80 hr\"}\n");
    ScoreCommandTest.Run r = run("score", "--baseline", bad.toString(), in.toString());
    assertThat(r.exit()).isEqualTo(RedflagCommand.EXIT_USAGE);
    assertThat(r.err()).startsWith("redflag: market.json: $.baselines[0].sketch: not a serialised KLL doubles sketch");
    assertThat(r.out()).isEmpty();
    ScoreCommandTest.Run missing = run("score", "--baseline", dir.resolve("nope.json").toString(), in.toString());
    assertThat(missing.err()).contains("--baseline: no such file");
  }

  @Test
  void theDocumentedExampleBuildsShowsAndScores(@TempDir Path dir) throws IOException {
    Path market = dir.resolve("market.json");
    ScoreCommandTest.Run b = run("baseline", "build", MARKET_ADS.toString(), "--out", market.toString());
    assertThat(b.exit()).as(b.err()).isZero();
    MarketBaselines s = MarketBaselines.read(market);
    assertThat(s.find("metro-a", "escort").orElseThrow().count()).isGreaterThan(200);
    assertThat(s.find("stadt-b", null).orElseThrow().currency()).isEqualTo("EUR");
    assertThat(s.find("gorod-c", null).orElseThrow().currency()).isEqualTo("RUB");
    ScoreCommandTest.Run scored = run("score", "--baseline", market.toString(), MARKET_ADS.toString());
    assertThat(scored.exit()).as(scored.err()).isZero();
    long firedCount = scored.lines().stream().filter(BaselineCommandTest::fired).count();
    // the six planted low-price adverts, plus the few ordinary ones in the far tail
    assertThat(firedCount).isBetween(6L, 40L);
  }

  @Test
  void theCommittedExampleBaselineAndHistogramMatchTheDocs(@TempDir Path dir) throws IOException {
    Path market = Path.of("..", "docs", "examples", "market.json");
    ScoreCommandTest.Run scored = run("score", "--baseline", market.toString(), MARKET_ADS.toString());
    assertThat(scored.lines().stream().filter(BaselineCommandTest::fired).count()).as("docs/pricing.md: 23 of 602 fire")
        .isEqualTo(23);
    Path in = dir.resolve("q.jsonl");
    Files.writeString(in, "{\"id\":\"q-1\",\"market\":\"metro-a\",\"category\":\"escort\",\"text\":\"New in town. $50 hh, $90 hr\"}\n");
    JsonNode q1 = run("score", "--baseline", market.toString(), in.toString()).lines().get(0);
    JsonNode details = priceEvidence(q1).get(0).get("details");
    assertThat(details.get("percentile").asDouble()).isEqualTo(2.77);
    assertThat(details.get("thresholdRate").asDouble()).isEqualTo(140.0);
    // docs/pricing-histogram.svg is what `baseline show --plot` writes for the committed baseline
    Path svg = dir.resolve("h.svg");
    run("baseline", "show", market.toString(), "--plot", svg.toString(), "--market", "metro-a", "--category", "escort");
    assertThat(Files.readString(svg)).isEqualTo(Files.readString(Path.of("..", "docs", "pricing-histogram.svg")));
  }

  static boolean fired(JsonNode assessment) {
    for (JsonNode r : assessment.get("indicators")) {
      if (r.get("id").asText().equals("price.anomaly")) return r.get("fired").asBoolean();
    }
    throw new AssertionError("no price.anomaly row");
  }

  static List<JsonNode> priceEvidence(JsonNode assessment) {
    List<JsonNode> l = new ArrayList<>();
    for (JsonNode e : assessment.get("evidence")) if (e.get("indicator").asText().equals("price.anomaly")) l.add(e);
    return l;
  }
}
