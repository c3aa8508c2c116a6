package org.redflag.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redflag.advert.Advert;
import org.redflag.engine.RiskEngine;
import org.redflag.text.TextPipeline;

/** Negation by scope ({@link NegationScope}): a cue cancels only the matches it governs. */
class NegationScopeTest {
  private static final TextPipeline P = TextPipeline.defaults();
  private static final IndicatorPack PACK = load("""
      {"id": "t", "version": "1", "language": "en",
       "negation": {"cues": ["no", "not", "without", "don't", "doesn't"], "window": 6,
                    "through": ["a", "an", "have", "has", "need", "or", "and", "my"]},
       "entries": [
         {"id": "control", "indicator": "control.x", "source": "test", "patterns": ["(manager|driver|agency|pimp|daddy)", "my manager"]},
         {"id": "trust", "indicator": "trust.x", "source": "test", "patterns": ["100% real"]},
         {"id": "mood", "indicator": "mood.x", "source": "test", "patterns": ["drama"]},
         {"id": "days", "indicator": "avail.x", "source": "test", "patterns": ["no days off"]}]}""");

  private static IndicatorPack load(String json) {
    return PackLoader.load("t.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> surfaces(String text) {
    CompiledLexicon lex = CompiledLexicon.compile(PackSet.of(List.of(PACK)), P);
    return lex.scan(Advert.builder("a", text).build(), P.analyze(text), null, null).stream().map(LexiconMatch::match).toList();
  }

  @Test
  void aCueGovernsACoordinatedListOfTheSameKind() {
    assertThat(surfaces("I don't have a manager or a driver")).isEmpty();
    assertThat(surfaces("no agency, driver or manager")).isEmpty();
    assertThat(surfaces("No pimp and no daddy")).isEmpty();
    assertThat(surfaces("no my manager")).isEmpty();
  }

  @Test
  void everyGenderIsNegatedAlike() {
    for (String who : List.of("She doesn't", "He doesn't", "They don't", "I don't", "We don't")) {
      assertThat(surfaces(who + " have a manager")).as(who).isEmpty();
      assertThat(surfaces(who + " have a manager. Text " + (who.startsWith("She") ? "her" : who.startsWith("He") ? "his" : "the") + " driver"))
          .as(who).containsExactly("driver");
    }
  }

  @Test
  void aWordOfAnotherKindEndsTheScope() {
    assertThat(surfaces("No drama 100% Real")).containsExactly("100% Real");
    assertThat(surfaces("no drama 100%real, call")).containsExactly("100%real");
    assertThat(surfaces("not independent, my manager books")).containsExactly("my manager");
    assertThat(surfaces("no calls manager only")).containsExactly("manager");
    assertThat(surfaces("without agency\ndriver waits")).containsExactly("driver"); // a line break ends the clause
  }

  @Test
  void aCueInsideTheMatchDoesNotNegateIt() {
    assertThat(surfaces("no days off")).containsExactly("no days off");
  }

  @Test
  void theWindowBoundsTheScope() {
    // window 6: at most 5 words between the cue and the match
    assertThat(surfaces("no have need have need have need manager")).containsExactly("manager");
    assertThat(surfaces("no have need have need have manager")).isEmpty();
  }

  @Test
  void shippedEnglishPackNegatesByScope() {
    RiskEngine engine = RiskEngine.withDefaults();
    for (String text : List.of("I don't have a manager or a driver.", "No agency, no management, independent.")) {
      var a = engine.assess(Advert.builder("a", text).category("escort").language("en").build());
      assertThat(a.evidence()).as(text).noneMatch(e -> e.indicator().equals("control.third-party"));
    }
    var real = engine.assess(Advert.builder("b", "No drama 100% Real").category("escort").language("en").build());
    assertThat(real.evidence()).anyMatch(e -> e.indicator().equals("language.trust"));
  }
}
