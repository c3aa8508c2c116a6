package org.redflag.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.redflag.advert.Advert;
import org.redflag.indicator.AdvertAnalysis;
import org.redflag.indicator.AnalysisKey;
import org.redflag.indicator.AnalysisStage;
import org.redflag.indicator.Indicator;
import org.redflag.indicator.IndicatorOutcome;
import org.redflag.text.LanguageDetector;

/** {@link RiskEngine.Builder#nlp}: a component's stage, indicator and language detector all take effect. */
class NlpComponentTest {
  static final AnalysisKey<Integer> WORDS = AnalysisKey.of("test.words", Integer.class);

  /** Counts space-separated words; a stand-in for an NLP stage. */
  static final AnalysisStage<Integer> STAGE = new AnalysisStage<>() {
    @Override public AnalysisKey<Integer> key() { return WORDS; }
    @Override public Integer analyze(AdvertAnalysis a) {
      String t = a.advert().text().strip();
      return t.isEmpty() ? 0 : t.split(" ").length;
    }
  };

  /** Fires when the stage counted more than three words, so it proves the stage ran first. */
  static final Indicator LONG_TEXT = new Indicator() {
    @Override public String id() { return "test.long-text"; }
    @Override public String description() { return "more than three words"; }
    @Override public IndicatorOutcome evaluate(AdvertAnalysis a) {
      return a.get(WORDS).orElse(0) > 3 ? IndicatorOutcome.fired(1.0, List.of()) : IndicatorOutcome.none();
    }
  };

  /** Says Russian for any text containing "Manager" (wrongly, on purpose) and is unsure otherwise. */
  static final LanguageDetector DETECTOR = text -> text.contains("Manager") ? Optional.of("ru") : Optional.empty();

  static NlpComponent component() {
    return new NlpComponent() {
      @Override public List<AnalysisStage<?>> stages() { return List.of(STAGE); }
      @Override public List<Indicator> indicators() { return List.of(LONG_TEXT); }
      @Override public Optional<LanguageDetector> languageDetector() { return Optional.of(DETECTOR); }
    };
  }

  static boolean fired(Assessment a, String id) {
    return a.indicators().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().fired();
  }

  @Test
  void stageAndIndicatorRun() {
    RiskEngine engine = RiskEngine.builder().nlp(component()).build();
    assertThat(fired(engine.assess(Advert.builder("a", "one two three four five").build()), "test.long-text")).isTrue();
    assertThat(fired(engine.assess(Advert.builder("b", "one two").build()), "test.long-text")).isFalse();
  }

  @Test
  void detectedLanguageChoosesThePacks() {
    // Without a detector an advert that states no language is matched against every pack, so the
    // core-en phrase fires; with the component's detector (which says "ru") only core-ru and the
    // language-neutral packs apply, so it does not: the detector, not the text, chose the packs.
    Advert unstated = Advert.builder("c", "Text my Manager to book.").category("escort").build();
    RiskEngine with = RiskEngine.builder().nlp(component()).build();
    RiskEngine without = RiskEngine.withDefaults();
    assertThat(fired(without.assess(unstated), "control.third-party")).isTrue();
    assertThat(fired(with.assess(unstated), "control.third-party")).isFalse();
    // a stated language wins over the detector
    Advert stated = Advert.builder("d", "Text my Manager to book.").category("escort").language("en").build();
    assertThat(fired(with.assess(stated), "control.third-party")).isTrue();
  }

  @Test
  void nullComponentIsRejected() {
    assertThatThrownBy(() -> RiskEngine.builder().nlp(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("nlp");
  }
}
