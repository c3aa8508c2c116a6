package org.redflag.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.redflag.advert.Advert;
import org.redflag.indicator.AdvertAnalysis;
import org.redflag.indicator.Evidence;
import org.redflag.indicator.Indicator;
import org.redflag.indicator.IndicatorOutcome;
import org.redflag.indicator.LexiconIndicator;
import org.redflag.io.AdvertJson;
import org.redflag.pack.PackLoader;
import org.redflag.pack.PackSet;
import org.junit.jupiter.api.Test;

class RiskEngineTest {
  static final RiskEngine ENGINE = RiskEngine.builder()
      .packs(PackSet.of(List.of(PackLoader.loadResource("packs/test-en.json"))))
      .build();

  static Advert ad(String id, String text) { return Advert.builder(id, text).category("escort").build(); }

  @Test
  void evidencePointsAtTheOriginalText() {
    String text = "Hi!  TEXT   My Manager now, available 24/7.";
    Assessment a = ENGINE.assess(ad("a", text));
    // evidence is grouped by indicator id, then in text order
    assertThat(a.evidence()).extracting(Evidence::match).containsExactly("24/7", "TEXT   My Manager");
    for (Evidence e : a.evidence()) assertThat(text.substring(e.start(), e.end())).isEqualTo(e.match());
    assertThat(a.evidence().get(1).entry()).isEqualTo("t.manager");
    assertThat(a.evidence().get(1).source()).isEqualTo("test source A");
  }

  @Test
  void oneRowPerIndicatorWithContributions() {
    Assessment a = ENGINE.assess(ad("a", "call my boss"));
    assertThat(a.indicators()).extracting(IndicatorResult::id).doesNotHaveDuplicates()
        .contains("control.third-party", "availability.unlimited");
    IndicatorResult control = a.indicators().stream().filter(r -> r.id().equals("control.third-party")).findFirst().orElseThrow();
    assertThat(control.fired()).isTrue();
    assertThat(control.strength()).isEqualTo(1.0);
    assertThat(control.contribution()).isGreaterThan(0);
    IndicatorResult avail = a.indicators().stream().filter(r -> r.id().equals("availability.unlimited")).findFirst().orElseThrow();
    assertThat(avail.fired()).isFalse();
    assertThat(avail.contribution()).isZero();
    assertThat(a.model()).isEqualTo("default-prior@1.1.0");
    assertThat(a.packs()).containsExactly("test-en@1.2.3");
    assertThat(a.score()).isBetween(0.0, 1.0);
  }

  @Test
  void firingRaisesTheScore() {
    double none = ENGINE.assess(ad("a", "hello there")).score();
    double one = ENGINE.assess(ad("b", "call my boss")).score();
    double two = ENGINE.assess(ad("c", "call my boss, 24/7")).score();
    assertThat(none).isLessThan(one);
    assertThat(one).isLessThan(two);
  }

  @Test
  void contextGatesAndExclusionsAndNegationApply() {
    // 24/7 needs the adult context: category escort or the term incall
    assertThat(ENGINE.assess(Advert.builder("p", "plumber 24/7").category("services").build()).evidence()).isEmpty();
    assertThat(ENGINE.assess(Advert.builder("q", "incall 24/7").category("services").build()).evidence()).hasSize(1);
    // exclusion phrase containing the match
    assertThat(ENGINE.assess(ad("r", "an independent agency")).evidence()).isEmpty();
    // negation cue within the window, in the same clause
    assertThat(ENGINE.assess(ad("s", "no agency")).evidence()).isEmpty();
    assertThat(ENGINE.assess(ad("t", "no, agency")).evidence()).hasSize(1);
  }

  @Test
  void languageSelectsPacks() {
    Advert german = Advert.builder("d", "call my boss").language("de").build();
    assertThat(ENGINE.assess(german).evidence()).isEmpty();
    Advert english = Advert.builder("e", "call my boss").language("en-US").build();
    assertThat(ENGINE.assess(english).evidence()).hasSize(1);
  }

  @Test
  void inputDigestIsAKeyedHmacOfTheWholeCanonicalRecord() throws Exception {
    byte[] key = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    RiskEngine keyed = RiskEngine.builder().hasher(org.redflag.indicator.IdentifierHasher.withKey(key)).build();
    Advert a = AdvertJson.parse("{\"tags\":[\"a:b\"],\"market\":\"m\",\"text\":\"call 555 0123\",\"id\":\"x\",\"site\":\"s\"}");
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
    String expected = "hmac-sha256:" + java.util.HexFormat.of().formatHex(mac.doFinal(
        "{\"id\":\"x\",\"market\":\"m\",\"site\":\"s\",\"tags\":[\"a:b\"],\"text\":\"call 555 0123\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(keyed.assess(a).inputDigest()).isEqualTo(expected);
    // revealing identifiers never changes the key of the digest
    RiskEngine revealing = RiskEngine.builder().hasher(org.redflag.indicator.IdentifierHasher.withKey(key).revealing()).build();
    assertThat(revealing.assess(a).inputDigest()).isEqualTo(expected);
    // another key (the default: a random key per engine) gives another digest: no unkeyed hash to enumerate
    assertThat(ENGINE.assess(a).inputDigest()).startsWith("hmac-sha256:").hasSize(12 + 64).isNotEqualTo(expected);
    assertThat(keyed.assess(AdvertJson.parse("{\"id\":\"x\",\"text\":\"call 555 0123\",\"market\":\"m\",\"tags\":[\"a:b\"],\"site\":\"s\",\"u\":1}"))
        .inputDigest()).isNotEqualTo(expected); // a field Redflag does not read still counts
  }

  @Test
  void assessmentsEchoProvenanceAndTheLanguageApplied() {
    Advert a = AdvertJson.parse("{\"id\":\"x\",\"text\":\"t\",\"site\":\"s\",\"url\":\"https://example.org/1\",\"postedAt\":\"2026-01-02\","
        + "\"capturedAt\":\"2026-01-03T04:05:06Z\",\"market\":\"m\",\"category\":\"escort\",\"language\":\"de\"}");
    Assessment.Provenance p = ENGINE.assess(a).provenance();
    assertThat(p).isEqualTo(new Assessment.Provenance("s", "https://example.org/1", java.time.Instant.parse("2026-01-02T00:00:00Z"),
        java.time.Instant.parse("2026-01-03T04:05:06Z"), "m", "escort", "de"));
    assertThat(ENGINE.assess(Advert.builder("y", "t").build()).provenance()).isEqualTo(Assessment.Provenance.NONE);
    String json = org.redflag.io.AssessmentJson.toJsonLine(ENGINE.assess(a));
    assertThat(json).contains("\"inputDigest\":\"hmac-sha256:").contains("\"site\":\"s\",\"url\":\"https://example.org/1\",\"postedAt\":\"2026-01-02T00:00:00Z\","
        + "\"capturedAt\":\"2026-01-03T04:05:06Z\",\"market\":\"m\",\"category\":\"escort\",\"language\":\"de\"").doesNotContain("inputSha256");
  }

  @Test
  void anIndicatorThatNoPackDeclaresAndNoClassProvidesFailsAtBuild() {
    String json = "{\"id\":\"p\",\"version\":\"1\",\"language\":\"en\",\"entries\":[{\"id\":\"a\",\"indicator\":\"local.x\","
        + "\"patterns\":[\"a\"],\"source\":\"s\"}]}";
    assertThatThrownBy(() -> RiskEngine.builder().addPack(PackLoader.load("p.json",
        new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)))).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("entry 'a' names indicator 'local.x', which no loaded pack declares and no installed indicator provides");
  }

  @Test
  void handRegisteredIndicatorsRunAndReplaceDiscoveredOnes() {
    Indicator custom = new Indicator() {
      @Override public String id() { return "local.always"; }
      @Override public String description() { return "Always fires, for the test."; }
      @Override public IndicatorOutcome evaluate(AdvertAnalysis analysis) {
        return IndicatorOutcome.fired(0.5, List.of(Evidence.inField(id(), "category", "escort", "rule:test", "test")));
      }
    };
    RiskEngine engine = RiskEngine.builder().packs(ENGINE.packs()).indicator(custom)
        .indicator(new LexiconIndicator("control.third-party", "replacement")).build();
    Assessment a = engine.assess(ad("z", "nothing"));
    assertThat(a.indicators()).anySatisfy(r -> {
      assertThat(r.id()).isEqualTo("local.always");
      assertThat(r.strength()).isEqualTo(0.5);
    });
    assertThat(engine.indicators()).filteredOn(i -> i.id().equals("control.third-party"))
        .singleElement().extracting(Indicator::description).isEqualTo("replacement");
    assertThatThrownBy(() -> RiskEngine.builder().indicator(custom).indicator(custom).build())
        .hasMessageContaining("indicator 'local.always' is registered twice");
  }

  @Test
  void batchKeepsOrderAndOneResultPerAdvert() {
    List<Advert> ads = IntStream.range(0, 50).mapToObj(i -> ad("id-" + i, i % 3 == 0 ? "call my boss" : "hello")).toList();
    List<Assessment> out = ENGINE.assessAll(ads);
    assertThat(out).extracting(Assessment::id).containsExactlyElementsOf(ads.stream().map(Advert::id).toList());
    List<Assessment> streamed = ENGINE.assess(ads.parallelStream()).collect(Collectors.toList());
    assertThat(streamed).isEqualTo(out);
  }

  @Test
  void oneEngineIsSafeAcrossThreads() throws Exception {
    List<Advert> ads = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      ads.add(ad("id-" + i, "Text my MANAGER " + "x ".repeat(i % 17) + (i % 2 == 0 ? "24/7 incall" : "no agency")));
    }
    List<Assessment> expected = ads.stream().map(ENGINE::assess).toList();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<Assessment>>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(pool.submit(() -> ads.stream().map(ENGINE::assess).toList()));
      }
      for (Future<List<Assessment>> f : futures) assertThat(f.get()).isEqualTo(expected);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void explainNamesIndicatorsEvidenceAndTheReviewCaveat() {
    String text = ENGINE.assess(ad("a", "call my boss")).explain();
    assertThat(text).contains("control.third-party").contains("\"call my boss\"").contains("t.manager")
        .contains("not a determination about any person");
  }
}
