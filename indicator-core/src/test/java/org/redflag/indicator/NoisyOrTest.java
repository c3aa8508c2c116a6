package org.redflag.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redflag.advert.Advert;
import org.redflag.engine.Assessment;
import org.redflag.engine.IndicatorResult;
import org.redflag.engine.RiskEngine;
import org.redflag.pack.IndicatorPack;
import org.redflag.pack.LexiconMatches;
import org.redflag.pack.PackLoader;
import org.redflag.pack.PackSet;

class NoisyOrTest {
  @Test
  void withoutSharedSpansEverySignalCountsInFirstMatchOrder() {
    // signal 0 matched at spans 0 and 2 (a repeated phrase), signal 1 at span 1
    double[] counted = NoisyOr.countedWeights(3, new int[] {0, 1, 0}, new double[] {0.5, 0.8, 0.5}, new int[] {0, 1, 2});
    assertThat(counted).containsExactly(0.5, 0.8);
    assertThat(NoisyOr.combine(counted)).isCloseTo(1 - 0.5 * 0.2, within(1e-12));
  }

  @Test
  void aSpanMatchedByTwoSignalsCountsOnceWithTheHigherWeight() {
    double[] counted = NoisyOr.countedWeights(2, new int[] {0, 1}, new double[] {0.4, 0.6}, new int[] {0, 0});
    assertThat(counted).containsExactly(0.6);
  }

  @Test
  void onEqualWeightsTheSignalMatchedFirstCounts() {
    double[] counted = NoisyOr.countedWeights(2, new int[] {1, 0}, new double[] {0.5, 0.5}, new int[] {0, 0});
    assertThat(counted).containsExactly(0.5);
    // which one: give the first a second, fresh span of its own, the other stays covered
    double[] withFresh = NoisyOr.countedWeights(3, new int[] {1, 0, 1}, new double[] {0.5, 0.5, 0.5}, new int[] {0, 0, 1});
    assertThat(withFresh).containsExactly(0.5);
  }

  @Test
  void aSignalWithOneSpanOfItsOwnStillCounts() {
    // signal 0 (0.5) at spans 0 and 1; signal 1 (0.6) at span 1 only: 1 is decided first and claims
    // span 1, signal 0 still has span 0 to itself
    double[] counted = NoisyOr.countedWeights(3, new int[] {0, 0, 1}, new double[] {0.5, 0.5, 0.6}, new int[] {0, 1, 1});
    assertThat(counted).containsExactly(0.5, 0.6);
    // signal 1 (0.4) at span 1 only, which the stronger signal 0 covers: it adds nothing
    double[] covered = NoisyOr.countedWeights(3, new int[] {0, 0, 1}, new double[] {0.5, 0.5, 0.4}, new int[] {0, 1, 1});
    assertThat(covered).containsExactly(0.5);
  }

  @Test
  void aSignalsWeightIsItsHighestMatch() {
    double[] counted = NoisyOr.countedWeights(2, new int[] {0, 0}, new double[] {0.3, 0.9}, new int[] {0, 1});
    assertThat(counted).containsExactly(0.9);
    assertThat(NoisyOr.combine(new double[0])).isZero();
    assertThat(NoisyOr.combine(new double[] {1, 1})).isEqualTo(1.0);
  }

  @Test
  void numbersOutsideTheMatchesAreRejected() {
    assertThatThrownBy(() -> NoisyOr.countedWeights(2, new int[] {0, 2}, new double[] {1, 1}, new int[] {0, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signal number 2 outside [0, 2)");
    assertThatThrownBy(() -> NoisyOr.countedWeights(2, new int[] {0, 1}, new double[] {1, 1}, new int[] {-1, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("span number -1");
    assertThatThrownBy(() -> NoisyOr.countedWeights(3, new int[] {0, 1}, new double[] {1, 1}, new int[] {0, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter than 3");
  }

  // ---- through the engine: a pack whose entries repeat a phrase -------------------------------------

  static IndicatorPack pack(String entries) {
    String json = "{\"id\": \"local\", \"version\": \"1.0.0\", \"language\": \"en\", \"description\": \"test\","
        + " \"review\": {\"status\": \"test\"}, \"entries\": [" + entries + "]}";
    return PackLoader.load("local.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  static final String SAME_PHRASE = "{\"id\": \"l.a\", \"indicator\": \"local.x\", \"patterns\": [\"ring the office\"], \"weight\": 0.5, \"source\": \"s\"},"
      + "{\"id\": \"l.b\", \"indicator\": \"local.x\", \"patterns\": [\"ring the office\"], \"weight\": 0.4, \"source\": \"s\"},"
      + "{\"id\": \"l.c\", \"indicator\": \"local.x\", \"patterns\": [\"ask for the booker\"], \"weight\": 0.5, \"source\": \"s\"}";

  static double strength(RiskEngine engine, String text, String indicator) {
    Assessment a = engine.assess(Advert.builder("t", text).build());
    return a.indicators().stream().filter(r -> r.id().equals(indicator)).mapToDouble(IndicatorResult::strength).findFirst().orElseThrow();
  }

  @Test
  void entriesOnTheSameSpanAreOneObservation() {
    RiskEngine engine = RiskEngine.builder().packs(PackSet.of(List.of(pack(SAME_PHRASE))))
        .indicator(new LexiconIndicator("local.x", "test indicator")).build();
    // l.a and l.b match the same words: l.a (0.5) counts, l.b adds nothing
    assertThat(strength(engine, "Please ring the office first.", "local.x")).isCloseTo(0.5, within(1e-9));
    // a different phrase is a second observation
    assertThat(strength(engine, "Please ring the office or ask for the booker.", "local.x")).isCloseTo(0.75, within(1e-9));
    // the evidence still names both entries on the shared span
    Assessment a = engine.assess(Advert.builder("t", "Please ring the office first.").build());
    assertThat(a.evidence()).extracting(Evidence::entry).containsExactlyInAnyOrder("l.a", "l.b");
  }

  @Test
  void compactMatchesTellSharedSpansPairwiseAndSorted() {
    RiskEngine engine = RiskEngine.builder().packs(PackSet.of(List.of(pack(SAME_PHRASE))))
        .indicator(new LexiconIndicator("local.x", "test indicator")).build();
    assertThat(matches(engine, "ring the office").sharesSpans()).isTrue();
    assertThat(matches(engine, "ring the office, ask for the booker").forIndicator("local.x").size()).isEqualTo(3);
    assertThat(matches(engine, "ask for the booker, then ask for the booker").sharesSpans()).isFalse();
    // more matches than the pairwise check takes (64): sorted by span
    String many = "ask for the booker. ".repeat(70);
    assertThat(matches(engine, many).size()).isEqualTo(70);
    assertThat(matches(engine, many).sharesSpans()).isFalse();
    LexiconMatches shared = matches(engine, many + "ring the office");
    assertThat(shared.size()).isEqualTo(72);
    assertThat(shared.sharesSpans()).isTrue();
    // over 64 matches the general path decides; at most 64, the compact one: the same strengths
    assertThat(strength(engine, many + "ring the office", "local.x")).isCloseTo(0.75, within(1e-9));
    String fewer = "ask for the booker. ".repeat(20) + "ring the office";
    assertThat(matches(engine, fewer).sharesSpans()).isTrue();
    assertThat(strength(engine, fewer, "local.x")).isCloseTo(0.75, within(1e-9));
  }

  static LexiconMatches matches(RiskEngine engine, String text) {
    return engine.analyse(Advert.builder("t", text).build()).lexiconMatches();
  }

  @Test
  void oneRecruitmentPhraseUnderTwoWeakMarkersIsOneMarker() {
    String entries = "{\"id\": \"l.recruitment.fee.a\", \"indicator\": \"recruitment.deceptive\", \"patterns\": [\"travel arranged for you\"], \"weight\": 0.5, \"source\": \"s\"},"
        + "{\"id\": \"l.recruitment.travel.a\", \"indicator\": \"recruitment.deceptive\", \"patterns\": [\"travel arranged for you\"], \"weight\": 0.5, \"source\": \"s\"},"
        + "{\"id\": \"l.recruitment.abroad.a\", \"indicator\": \"recruitment.deceptive\", \"patterns\": [\"work in another country\"], \"weight\": 0.5, \"source\": \"s\"}";
    RiskEngine engine = RiskEngine.builder().packs(PackSet.of(List.of(pack(entries)))).build();
    // markers fee and travel rest on the same words: one weak marker, which does not fire alone
    assertThat(strength(engine, "Good pay, travel arranged for you.", "recruitment.deceptive")).isZero();
    // a second phrase is a second weak marker
    assertThat(strength(engine, "Work in another country, travel arranged for you.", "recruitment.deceptive"))
        .isCloseTo(0.75, within(1e-9));
  }
}
