package org.redflag.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.redflag.advert.Advert;
import org.redflag.engine.Assessment;
import org.redflag.engine.IndicatorResult;
import org.redflag.engine.RiskEngine;
import org.redflag.indicator.Evidence;

class ThirdPersonNarrationIndicatorTest {
  static final RiskEngine ENGINE = RiskEngine.builder().nlp(RedflagNlp.component()).build();

  static Assessment assess(String text) { return ENGINE.assess(Advert.builder("a1", text).build()); }

  static boolean fired(Assessment a) {
    return a.indicators().stream().anyMatch(r -> r.id().equals(ThirdPersonNarrationIndicator.ID) && r.fired());
  }

  static List<Evidence> evidence(Assessment a) {
    return a.evidence().stream().filter(e -> e.indicator().equals(ThirdPersonNarrationIndicator.ID)).toList();
  }

  @Test
  void firesOnThirdPersonEnglishWithEvidenceOnPronouns() {
    String text = "She is new in town and very sweet. Call to book her now! She's waiting for you.";
    Assessment a = assess(text);
    assertThat(fired(a)).isTrue();
    List<Evidence> ev = evidence(a);
    assertThat(ev).extracting(Evidence::match).containsExactly("She", "her", "She");
    for (Evidence e : ev) {
      assertThat(text.substring(e.start(), e.end())).isEqualTo(e.match());
      assertThat(e.entry()).isEqualTo("rule:nlp.third-person");
    }
    assertThat(a.features()).containsEntry("nlp.third-person-share", 1.0);
  }

  @Test
  void firesOnGermanAndRussian() {
    assertThat(fired(assess("Sie ist neu in der Stadt und sehr zärtlich. Ruf an und buche sie jetzt!"))).isTrue();
    assertThat(fired(assess("Она новенькая в городе, ей 22 года. Звоните, чтобы встретиться с ней!"))).isTrue();
  }

  @Test
  void firstPersonAdvertsDoNotFire() {
    assertThat(fired(assess("Hi, I am Anna. I love to meet new people. Call me, my place is discreet."))).isFalse();
    assertThat(fired(assess("Hallo, ich bin Lena. Ich freue mich auf Ihre Nachricht. Rufen Sie mich an."))).isFalse();
    assertThat(fired(assess("Привет, я Маша. Я жду тебя, пиши мне!"))).isFalse();
  }

  @Test
  void quotedReviewsAndSingleMentionsDoNotFire() {
    assertThat(fired(assess("I am Mia, call me. \"She was amazing, I loved her, she is the best\" says a client."))).isFalse();
    assertThat(fired(assess("New in town, call to book her."))).isFalse(); // one mention only
    // Third person outnumbered by first person: share below the threshold.
    assertThat(fired(assess("I am Mia and I work with my friend. She is nice, I like her. Call me."))).isFalse();
  }

  @Test
  void makesNoCallWithoutTheNlpStage() {
    RiskEngine withoutStage = RiskEngine.builder().indicator(new ThirdPersonNarrationIndicator()).build();
    Assessment a = withoutStage.assess(Advert.builder("a2", "She is new. Book her. She waits.").build());
    assertThat(a.indicators()).filteredOn(r -> r.id().equals(ThirdPersonNarrationIndicator.ID))
        .extracting(IndicatorResult::fired).containsExactly(false);
  }

  @Test
  void detectedLanguageSelectsPacksWhenTheAdvertStatesNone() {
    assertThat(ENGINE.analyse(Advert.builder("d", "Neu in der Stadt, sehr zärtlich und diskret. Termine nach Vereinbarung.").build())
        .language()).contains("de");
    assertThat(ENGINE.analyse(Advert.builder("r", "Новенькая в городе, очень нежная. Звоните в любое время.").build())
        .language()).contains("ru");
    // A stated language wins over detection.
    assertThat(ENGINE.analyse(Advert.builder("s", "Neu in der Stadt, sehr zärtlich und diskret.").language("en").build())
        .language()).contains("en");
  }

  @Test
  void germanAdvertGetsGermanPackEvidence() {
    Assessment a = assess("Neu in der Stadt, sehr diskret. Termine nur über meinen Chef, ruf einfach an.");
    assertThat(a.evidence()).filteredOn(e -> e.indicator().equals("control.third-party"))
        .isNotEmpty().allSatisfy(e -> assertThat(e.entry()).startsWith("de."));
  }
}
