package org.redflag.indicator.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.redflag.advert.Advert;
import org.redflag.engine.Assessment;
import org.redflag.engine.IndicatorResult;
import org.redflag.engine.RiskEngine;

/**
 * Every gender (issue 23, codebook): wording that catches a woman's advert catches a man's and a
 * trans person's advert to the same strength, and so to the same score. Each row is one hand-written
 * advert in a female, a male and a trans form; the oracle is the female form's own assessment, and
 * each row also names an indicator the female form must fire, so a row cannot pass by all three
 * forms firing nothing.
 */
class EveryGenderTest {
  static final RiskEngine ENGINE = RiskEngine.withDefaults();

  static Stream<Arguments> forms() {
    return Stream.of(
        Arguments.of("control.third-party", "Her driver will bring her to you, pay her driver.",
            "His driver will bring him to you, pay his driver.", "Their driver will bring them to you, pay their driver."),
        Arguments.of("control.third-party", "She doesnt speak much English so text me for her.",
            "He doesnt speak much English so text me for him.", "They dont speak much English so text me for them."),
        Arguments.of("control.third-party", "My girls are waiting for you.", "My boys are waiting for you.",
            "My t-girls are waiting for you."),
        Arguments.of("control.third-party", "her booker answers texts", "his booker answers texts", "their booker answers texts"),
        Arguments.of("control.third-party", "her bf drives her to ur place", "his bf drives him to ur place",
            "their bf drives them to ur place"),
        Arguments.of("persons.multiple", "Two girls available tonight.", "Two boys available tonight.", "Two ts available tonight."),
        Arguments.of("persons.multiple", "New girls every week, choose your girl.", "New boys every week, choose your boy.",
            "New t-girls every week, choose your t-girl."),
        Arguments.of("persons.multiple", "Ask about my girlfriend for a duo.", "Ask about my boyfriend for a duo.",
            "Ask about my partner for a duo."),
        Arguments.of("language.youth", "Sweet college girl, young and fresh, new to the game.",
            "Sweet college boy, young and fresh, new to the game.", "Sweet college ts, young and fresh, new to the game."),
        Arguments.of("language.youth", "young girl, very shy", "young guy, very shy", "young t-girl, very shy"),
        Arguments.of("language.youth", "schoolgirl outfit and teen looks", "schoolboy outfit and teen looks",
            "ts in a schoolgirl outfit and teen looks"),
        Arguments.of("movement", "NEW GIRL in town just 4 the weekend", "NEW BOY in town just 4 the weekend",
            "NEW TS in town just 4 the weekend"),
        Arguments.of("control.third-party", "You can see me and my hot girls on the other site.",
            "You can see me and my hot boys on the other site.", "You can see me and my hot t girls on the other site."),
        Arguments.of("persons.multiple", "She is one of the sexy models here, ask about 2 girl shows.",
            "He is one of the sexy models here, ask about 2 boy shows.", "She is one of the sexy ts models here, ask about 2 ts shows."),
        Arguments.of("control.third-party", "Check out the new girls today", "Check out the new boys today",
            "Check out the new t-girls today"),
        Arguments.of("persons.multiple", "2 hot girls one cuban and one latina", "2 hot guys one cuban and one latino",
            "2 hot ts one cuban and one latina"),
        Arguments.of("movement", "Hot girl visiting, in the area few days only", "Hot guy visiting, in the area few days only",
            "Hot ts visiting, in the area few days only"),
        Arguments.of("language.trust", "Hot girl, pictures are 100% me, she looks exactly the same in person.",
            "Hot guy, pictures are 100% me, he looks exactly the same in person.",
            "Hot ts, pictures are 100% me, they look exactly the same in person."),
        Arguments.of("language.trust", "Real girl, 100% real pics, what you see is what you get.",
            "Real guy, 100% real pics, what you see is what you get.", "Real person, 100% real pics, what you see is what you get."));
  }

  static Map<String, Double> strengths(String text) {
    Assessment a = ENGINE.assess(Advert.builder("g", text + " Incall.").category("escort").language("en").build());
    Map<String, Double> out = new TreeMap<>();
    for (IndicatorResult r : a.indicators()) if (r.fired() && !r.id().startsWith("nlp.")) out.put(r.id(), r.strength());
    return out;
  }

  @ParameterizedTest
  @MethodSource("forms")
  void maleAndTransFormsFireAsTheFemaleForm(String indicator, String female, String male, String trans) {
    Map<String, Double> f = strengths(female);
    assertThat(f).as(female).containsKey(indicator);
    assertThat(strengths(male)).as(male).isEqualTo(f);
    assertThat(strengths(trans)).as(trans).isEqualTo(f);
  }
}
