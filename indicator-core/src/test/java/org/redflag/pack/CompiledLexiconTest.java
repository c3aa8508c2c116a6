package org.redflag.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redflag.advert.Advert;
import org.redflag.engine.RiskEngine;
import org.redflag.text.TextPipeline;

class CompiledLexiconTest {
  private static final TextPipeline PIPELINE = TextPipeline.defaults();

  static IndicatorPack pack(String entriesJson) {
    String json = """
        {"id": "t", "version": "1", "language": "en",
         "contexts": {"adult": {"categories": ["escort"], "terms": ["incall", "outcall"]}},
         "negation": {"cues": ["no", "not", "without"], "window": 2},
         "entries": [%s]}""".formatted(entriesJson);
    return PackLoader.load("t.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  static List<LexiconMatch> scan(IndicatorPack pack, Advert advert) {
    CompiledLexicon lex = CompiledLexicon.compile(PackSet.of(List.of(pack)), PIPELINE);
    return lex.scan(advert, PIPELINE.analyze(advert.text()),
        advert.title().map(PIPELINE::analyze).orElse(null), advert.language().orElse(null));
  }

  static List<String> surfaces(IndicatorPack pack, String text) {
    return scan(pack, Advert.builder("a", text).build()).stream().map(LexiconMatch::match).toList();
  }

  /**
   * A lexicon scanned with on a long-lived thread becomes garbage once its engine is dropped: the
   * thread's scratch (a ThreadLocal value) must not reach it, or every rebuilt engine stays in memory.
   */
  @Test
  void aLexiconUsedOnAThreadIsNotKeptReachableByThatThread() throws InterruptedException {
    java.lang.ref.WeakReference<CompiledLexicon> ref = scanOnceAndForget(pack(entry("t.gap", "\"patterns\": [\"call {gap:2} manager\"]")));
    for (int i = 0; i < 100 && ref.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertThat(ref.get()).as("lexicon still reachable from the scanning thread").isNull();
  }

  private static java.lang.ref.WeakReference<CompiledLexicon> scanOnceAndForget(IndicatorPack pack) {
    CompiledLexicon lex = CompiledLexicon.compile(PackSet.of(List.of(pack)), PIPELINE);
    Advert a = Advert.builder("a", "call my new manager").build();
    assertThat(lex.scan(a, PIPELINE.analyze(a.text()), null, null).size()).isEqualTo(1);
    return new java.lang.ref.WeakReference<>(lex);
  }

  static String entry(String id, String extra) {
    return "{\"id\": \"" + id + "\", \"indicator\": \"x.y\", \"source\": \"test\", " + extra + "}";
  }

  @Test
  void obfuscatedPhraseMatchesWithExactOriginalSurface() {
    IndicatorPack p = pack(entry("e1", "\"patterns\": [\"new in town\"]"));
    assertThat(surfaces(p, "Hi! N.E.W i n t o w n, call")).containsExactly("N.E.W i n t o w n");
    assertThat(surfaces(p, "I am n3w 1n t0wn")).containsExactly("n3w 1n t0wn");
    assertThat(surfaces(p, "n\u0435w in\u200B town")).containsExactly("n\u0435w in\u200B town");
    assertThat(surfaces(p, "renew intown")).isEmpty();
    assertThat(surfaces(p, "news in townhall")).isEmpty();
  }

  @Test
  void gapsAllowABoundedNumberOfWords() {
    IndicatorPack p = pack(entry("e1", "\"patterns\": [\"ask {gap:2} manager\", \"text {gap} (boss|agent)\"]"));
    assertThat(surfaces(p, "please ask the manager")).containsExactly("ask the manager");
    assertThat(surfaces(p, "ask my new manager")).containsExactly("ask my new manager");
    assertThat(surfaces(p, "ask my very new manager")).isEmpty();
    assertThat(surfaces(p, "text me or my boss")).containsExactly("text me or my boss");
    assertThat(surfaces(p, "ask manager")).containsExactly("ask manager");
  }

  @Test
  void negationCueWithinWindowCancels() {
    IndicatorPack p = pack(entry("e1", "\"patterns\": [\"(agency|management)\"]"));
    assertThat(surfaces(p, "no agency, no management, independent")).isEmpty();
    assertThat(surfaces(p, "not with any agency")).containsExactly("agency"); // 2 words between: outside window
    assertThat(surfaces(p, "no, agency booking")).containsExactly("agency"); // other clause
    assertThat(surfaces(p, "our agency")).containsExactly("agency");
  }

  @Test
  void excludePhraseOverlappingTheMatchCancels() {
    IndicatorPack p = pack(entry("e1", "\"patterns\": [\"agency\"], \"exclude\": [\"agency free\", \"travel agency\"]"));
    assertThat(surfaces(p, "travel agency booking")).isEmpty();
    assertThat(surfaces(p, "agency free zone")).isEmpty();
    assertThat(surfaces(p, "agency booking")).containsExactly("agency");
  }

  @Test
  void contextGateAndBoost() {
    IndicatorPack p = pack(entry("gate", "\"patterns\": [\"24/7\"], \"context\": \"adult\"") + ","
        + entry("boost", "\"patterns\": [\"discreet\"], \"weight\": 0.3, "
            + "\"context\": {\"name\": \"adult\", \"mode\": \"boost\", \"factor\": 2}"));
    assertThat(surfaces(p, "plumber available 24/7, discreet service")).containsExactly("discreet");
    List<LexiconMatch> m = scan(p, Advert.builder("a", "24/7 incall, discreet").build());
    assertThat(m).extracting(LexiconMatch::match).containsExactly("24/7", "discreet");
    assertThat(m.get(1).weight()).isEqualTo(0.6);
    List<LexiconMatch> cat = scan(p, Advert.builder("a", "open 24/7").category("escort").build());
    assertThat(cat).extracting(LexiconMatch::match).containsExactly("24/7");
    assertThat(scan(p, Advert.builder("a", "discreet").build()).get(0).weight()).isEqualTo(0.3);
  }

  @Test
  void emojiPatternsMatchEveryVariant() {
    IndicatorPack p = pack(entry("e1", "\"patterns\": [\"\uD83D\uDC4B\"], \"boundary\": \"none\""));
    assertThat(surfaces(p, "hi\uD83D\uDC4B\uD83C\uDFFEthere")).containsExactly("\uD83D\uDC4B\uD83C\uDFFE");
    assertThat(surfaces(p, "\uD83D\uDC4B\uFE0F")).containsExactly("\uD83D\uDC4B\uFE0F");
  }

  @Test
  void contextObjectIsValidated() {
    assertThatThrownBy(() -> pack(entry("e1", "\"patterns\": [\"x\"], \"context\": {\"name\": \"adult\", \"mode\": \"boost\"}")))
        .isInstanceOf(PackLoadException.class).hasMessageContaining("$.entries[0].context.factor");
    assertThatThrownBy(() -> pack(entry("e1", "\"patterns\": [\"x\"], \"context\": {\"name\": \"adult\", \"mode\": \"sometimes\"}")))
        .hasMessageContaining("$.entries[0].context.mode");
    assertThatThrownBy(() -> pack(entry("e1", "\"patterns\": [\"x\"], \"context\": {\"name\": \"nope\"}")))
        .hasMessageContaining("unknown context 'nope'");
    assertThatThrownBy(() -> pack(entry("e1", "\"patterns\": [\"a {gap:9} b\"]")))
        .hasMessageContaining("$.entries[0].patterns[0]");
  }

  @Test
  void defaultEngineDoesNotCountNegatedManagement() {
    RiskEngine engine = RiskEngine.withDefaults();
    var negated = engine.assess(Advert.builder("a", "No agency, no management, independent.").category("escort").build());
    assertThat(negated.evidence()).noneMatch(e -> e.indicator().equals("control.third-party"));
    var managed = engine.assess(Advert.builder("b", "T3xt my m@nager to book").category("escort").build());
    assertThat(managed.evidence()).anyMatch(e -> e.indicator().equals("control.third-party")
        && e.match().equals("T3xt my m@nager"));
    var plumber = engine.assess(Advert.builder("c", "Plumber, call 24/7 for leaks").category("services").build());
    assertThat(plumber.evidence()).isEmpty();
  }

  @Test
  void contextsPresentTravelWithTheMatches() {
    IndicatorPack p = pack(entry("e1", "\"patterns\": [\"driver\"], \"context\": \"adult\""));
    CompiledLexicon lex = CompiledLexicon.compile(PackSet.of(List.of(p)), PIPELINE);
    java.util.function.BiFunction<String, String, LexiconMatches> scan = (text, category) -> {
      Advert a = Advert.builder("a", text).category(category).build();
      return lex.scan(a, PIPELINE.analyze(text), null, null);
    };
    // by category, by a term of the text, with or without a match of an entry
    assertThat(scan.apply("nothing here", "escort").contextPresent("adult")).isTrue();
    assertThat(scan.apply("incall only, my driver", null).contextPresent("adult")).isTrue();
    assertThat(scan.apply("incall only", null).contextPresent("adult")).isTrue();
    assertThat(scan.apply("my driver", "jobs").contextPresent("adult")).isFalse();
    assertThat(scan.apply("incall only", null).contextPresent("jobs")).isFalse(); // a name no pack declares
    // the engine's analysis answers the same, for the shipped packs' context
    RiskEngine engine = RiskEngine.builder().build();
    assertThat(engine.analyse(Advert.builder("b", "incall and outcall").build()).contextPresent("adult-services")).isTrue();
    assertThat(engine.analyse(Advert.builder("c", "plumber, call now").build()).contextPresent("adult-services")).isFalse();
  }
}
