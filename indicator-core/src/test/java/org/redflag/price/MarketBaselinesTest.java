package org.redflag.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redflag.advert.Advert;
import org.redflag.advert.Price;

class MarketBaselinesTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static MarketBaselines sample() {
    return MarketBaselines.of(List.of(
        MarketBaselineTest.of("metro-a", null, "USD", MarketBaselineTest.range(100, 300)),
        MarketBaselineTest.of("metro-a", "massage", "USD", MarketBaselineTest.range(60, 120)),
        MarketBaselineTest.of("stadt-b", null, "EUR", 90, 120, 150)));
  }

  @Test
  void findPrefersTheCategoryThenTheMarketAndNeverGuesses() {
    MarketBaselines s = sample();
    assertThat(s.find("metro-a", "massage").orElseThrow().category()).contains("massage");
    assertThat(s.find("METRO-A ", "Massage").orElseThrow().category()).contains("massage");
    // metro-a has category baselines, but none for jobs: a job advert is not compared with massage prices
    assertThat(s.find("metro-a", "jobs")).isEmpty();
    assertThat(s.find("metro-a", null).orElseThrow().category()).isEmpty();
    assertThat(s.find("metro-a", " ").orElseThrow().category()).isEmpty();
    // stadt-b has only a market-wide baseline, used for every category
    assertThat(s.find("stadt-b", "escort").orElseThrow().currency()).isEqualTo("EUR");
    assertThat(s.find("metro-z", "escort")).isEmpty();
    assertThat(s.find(null, "massage")).isEmpty();
    assertThat(MarketBaselines.empty().find("metro-a", null)).isEmpty();
  }

  /** Issue 24, reproduction 12: KLL compaction is random; the same rates must still give the same file. */
  @Test
  void buildsAreByteIdenticalWhateverTheOrderOfTheRates() {
    assertThat(SeededKll.reproducible()).as("DataSketches' generator is reachable; see SeededKll").isTrue();
    java.util.Random r = new java.util.Random(3);
    double[] rates = new double[20_000];
    for (int i = 0; i < rates.length; i++) rates[i] = 50 + r.nextInt(400) + r.nextInt(100) / 100.0;
    String first = build(rates).toJson();
    // unrelated sketch work in between must not change the next build
    MarketBaseline.builder("other", null, "USD", 8).add(1).add(2).build().merge(MarketBaseline.builder("other", null, "USD", 8).add(3).build());
    double[] shuffled = rates.clone();
    for (int i = shuffled.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      double t = shuffled[i]; shuffled[i] = shuffled[j]; shuffled[j] = t;
    }
    assertThat(build(shuffled).toJson()).isEqualTo(first);
    // and the sketch is still a KLL sketch within its error of the exact ranks
    MarketBaseline b = build(rates).all().get(0);
    double[] sorted = rates.clone();
    java.util.Arrays.sort(sorted);
    for (double q : new double[] {0.05, 0.25, 0.5, 0.95}) {
      double exactRank = (double) upperBound(sorted, b.quantile(q)) / sorted.length;
      assertThat(Math.abs(exactRank - q)).as("rank of quantile %s", q).isLessThanOrEqualTo(b.rankError() + 1e-9);
    }
  }

  private static MarketBaselines build(double[] rates) {
    MarketBaseline.Builder b = MarketBaseline.builder("metro-a", null, "USD");
    for (double x : rates) b.add(x);
    return MarketBaselines.of(java.util.List.of(b.build()));
  }

  private static int upperBound(double[] sorted, double v) {
    int i = 0;
    while (i < sorted.length && sorted[i] <= v) i++;
    return i;
  }

  @Test
  void fileRoundTrip(@TempDir Path dir) throws IOException {
    MarketBaselines s = sample();
    Path f = dir.resolve("market.json");
    s.write(f);
    String text = Files.readString(f);
    assertThat(JSON.readTree(text).get("format").asText()).isEqualTo("redflag-baseline/1");
    assertThat(JSON.readTree(text).get("baselines").get(0).fieldNames()).toIterable()
        .containsExactly("market", "category", "currency", "count", "sketch");
    MarketBaselines back = MarketBaselines.read(f);
    assertThat(back.all()).hasSize(3);
    for (int i = 0; i < 3; i++) {
      MarketBaseline a = s.all().get(i);
      MarketBaseline b = back.all().get(i);
      assertThat(b.label()).isEqualTo(a.label());
      assertThat(b.sketchBytes()).isEqualTo(a.sketchBytes());
      assertThat(b.quantile(0.05)).isEqualTo(a.quantile(0.05));
    }
    assertThat(back.toJson()).isEqualTo(text);
  }

  @Test
  void mergingSetsMergesSameKeys() {
    MarketBaselines a = MarketBaselines.of(List.of(MarketBaselineTest.of("m", null, "USD", 1, 2)));
    MarketBaselines b = MarketBaselines.of(List.of(MarketBaselineTest.of("m", null, "USD", 3),
        MarketBaselineTest.of("n", null, "EUR", 5)));
    MarketBaselines ab = a.merge(b);
    assertThat(ab.all()).extracting(MarketBaseline::label).containsExactly("m/all (USD, n=3)", "n/all (EUR, n=1)");
  }

  // ---------------------------------------------------------------- corrupt files

  ObjectNode validFile() throws IOException { return (ObjectNode) JSON.readTree(sample().toJson()); }

  void assertRejected(String json, String path, String reason) {
    assertThatThrownBy(() -> MarketBaselines.parse(json, "market.json"))
        .isInstanceOf(BaselineFormatException.class)
        .hasMessageStartingWith("market.json: " + path + ": ")
        .hasMessageContaining(reason)
        .satisfies(e -> assertThat(((BaselineFormatException) e).jsonPath()).isEqualTo(path));
  }

  @Test
  void corruptOrWrongVersionFilesFailWithFilePathAndReason() throws IOException {
    assertRejected("{\"format\": ", "$", "invalid JSON at line 1");
    assertRejected("[1]", "$", "must be a JSON object");
    assertRejected("{\"baselines\": []}", "$.format", "missing");
    assertRejected("{\"format\": \"redflag-baseline/2\", \"baselines\": []}", "$.format", "unsupported format \"redflag-baseline/2\"");
    assertRejected("{\"format\": \"redflag-baseline/1\"}", "$.baselines", "expected an array");

    ObjectNode f = validFile();
    ((ObjectNode) f.get("baselines").get(1)).put("sketch", "%%% not base64 %%%");
    assertRejected(f.toString(), "$.baselines[1].sketch", "not valid base64");

    f = validFile();
    byte[] bytes = Base64.getDecoder().decode(f.get("baselines").get(2).get("sketch").asText());
    byte[] broken = java.util.Arrays.copyOf(bytes, 5);
    ((ObjectNode) f.get("baselines").get(2)).put("sketch", Base64.getEncoder().encodeToString(broken));
    assertRejected(f.toString(), "$.baselines[2].sketch", "not a serialised KLL doubles sketch");

    f = validFile();
    ((ObjectNode) f.get("baselines").get(0)).put("count", 7);
    assertRejected(f.toString(), "$.baselines[0].count", "7 does not match the sketch, which holds 201 rates");

    f = validFile();
    ((ObjectNode) f.get("baselines").get(0)).put("currency", "dollars");
    assertRejected(f.toString(), "$.baselines[0].currency", "ISO 4217");

    f = validFile();
    ((ObjectNode) f.get("baselines").get(0)).remove("market");
    assertRejected(f.toString(), "$.baselines[0].market", "required field is missing");

    f = validFile();
    ((ArrayNode) f.get("baselines")).add(f.get("baselines").get(0).deepCopy());
    assertRejected(f.toString(), "$.baselines[3]", "second baseline for market 'metro-a' category 'all' (first at $.baselines[0])");
  }

  @Test
  void unreadableFileNamesTheFile(@TempDir Path dir) {
    assertThatThrownBy(() -> MarketBaselines.read(dir.resolve("missing.json")))
        .isInstanceOf(BaselineFormatException.class).hasMessageStartingWith("missing.json: $: cannot read file");
  }

  // ---------------------------------------------------------------- building from adverts

  static Advert ad(String id, String market, String category, String text) {
    return Advert.builder(id, text).market(market).category(category).build();
  }

  @Test
  void buildsPerMarketAndCategoryFromAdverts() {
    MarketBaselines.Builder b = MarketBaselines.builder();
    assertThat(b.add(ad("1", "metro-a", "escort", "$80 hh, $150 hr"))).isEqualTo(MarketBaselines.Added.USED);
    assertThat(b.add(ad("2", "metro-a", "massage", "$60 hr"))).isEqualTo(MarketBaselines.Added.USED);
    assertThat(b.add(ad("3", "metro-a", null, "€200 hr"))).isEqualTo(MarketBaselines.Added.USED);
    assertThat(b.add(ad("4", null, "escort", "$90 hr"))).isEqualTo(MarketBaselines.Added.NO_MARKET);
    assertThat(b.add(ad("5", "metro-a", "escort", "$90, call now"))).isEqualTo(MarketBaselines.Added.NO_HOURLY_RATE);
    assertThat(b.add(ad("6", "metro-a", "escort", "150 roses hr"))).isEqualTo(MarketBaselines.Added.NO_HOURLY_RATE);
    Advert structured = Advert.builder("7", "text says $10 hr").market("metro-a").category("escort")
        .price(Price.of("100", "USD", 30)).build();
    assertThat(b.add(structured)).isEqualTo(MarketBaselines.Added.USED);

    MarketBaselines s = b.build();
    assertThat(s.all()).extracting(MarketBaseline::label).containsExactly(
        "metro-a/all (USD, n=3)", "metro-a/escort (USD, n=2)", "metro-a/massage (USD, n=1)");
    // advert 1 adds its lowest hourly rate (150 < 160); advert 7 its structured 200/h, not the text's 10
    MarketBaseline escort = s.get("metro-a", "escort").orElseThrow();
    assertThat(escort.min()).isEqualTo(150.0);
    assertThat(escort.max()).isEqualTo(200.0);
    assertThat(b.stats()).isEqualTo(new MarketBaselines.BuildStats(7, 4, 1, 2, 1));
  }

  @Test
  void buildersOnSeveralThreadsMerge() throws Exception {
    List<Advert> ads = new java.util.ArrayList<>();
    // 150 adverts per market: within the sketch size, so the merged sketch must equal the single one exactly
    for (int i = 0; i < 300; i++) ads.add(ad("a" + i, i % 2 == 0 ? "metro-a" : "metro-b", "escort", "$" + (100 + i % 97) + " hr"));
    MarketBaselines.Builder whole = MarketBaselines.builder();
    ads.forEach(whole::add);
    MarketBaselines.Builder left = MarketBaselines.builder();
    MarketBaselines.Builder right = MarketBaselines.builder();
    Thread t1 = new Thread(() -> ads.subList(0, 150).forEach(left::add));
    Thread t2 = new Thread(() -> ads.subList(150, 300).forEach(right::add));
    t1.start();
    t2.start();
    t1.join();
    t2.join();
    MarketBaselines merged = left.merge(right).build();
    MarketBaselines expected = whole.build();
    assertThat(merged.all()).extracting(MarketBaseline::label)
        .containsExactlyElementsOf(expected.all().stream().map(MarketBaseline::label).toList());
    for (int i = 0; i < merged.all().size(); i++) {
      for (double q : new double[] {0.05, 0.5, 0.95}) {
        assertThat(merged.all().get(i).quantile(q)).isEqualTo(expected.all().get(i).quantile(q));
      }
    }
    assertThat(left.stats().adverts()).isEqualTo(300);
  }
}
