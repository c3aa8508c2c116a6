package org.redflag.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.redflag.advert.Advert;
import org.redflag.engine.Assessment;
import org.redflag.engine.IndicatorResult;
import org.redflag.engine.RiskEngine;
import org.redflag.indicator.Evidence;

/**
 * Hand-written adverts. Every case that fires for one gender is written for the others too and must
 * give the same outcome and strength: the pronouns and role nouns of each gender count alike.
 */
class ThirdPersonNarrationIndicatorTest {
  static final RiskEngine ENGINE = RiskEngine.builder().nlp(RedflagNlp.component()).build();

  static Assessment assess(String text) { return assess(text, "escort"); }

  static Assessment assess(String text, String category) {
    Advert.Builder b = Advert.builder("a1", text);
    if (category != null) b.category(category);
    return ENGINE.assess(b.build());
  }

  static IndicatorResult result(Assessment a) {
    return a.indicators().stream().filter(r -> r.id().equals(ThirdPersonNarrationIndicator.ID)).findFirst().orElseThrow();
  }

  static boolean fired(Assessment a) { return result(a).fired(); }

  static double strength(String text) { return result(assess(text)).strength(); }

  static List<Evidence> evidence(Assessment a) {
    return a.evidence().stream().filter(e -> e.indicator().equals(ThirdPersonNarrationIndicator.ID)).toList();
  }

  /** The same advert for a woman, a man, a trans woman and a person written of as "they". */
  static final List<Map<String, String>> GENDERS = List.of(
      Map.of("S", "She", "s", "she", "O", "her", "P", "her", "N", "girl", "NN", "girls"),
      Map.of("S", "He", "s", "he", "O", "him", "P", "his", "N", "boy", "NN", "boys"),
      Map.of("S", "She", "s", "she", "O", "her", "P", "her", "N", "TS girl", "NN", "TS-Girls"),
      Map.of("S", "They", "s", "they", "O", "them", "P", "their", "N", "model", "NN", "models"));

  static String fill(String template, Map<String, String> g) {
    String out = template;
    for (String k : List.of("NN", "S", "s", "O", "P", "N")) out = out.replace("{" + k + "}", g.get(k));
    return out;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{S} is new in town and very sweet. Call to book {O} now! {S} is waiting for you.",
      "{S} is a sweet shy {N} from abroad, new to the game. {S} will make ur night special.",
      "Call to meet {O}. {S} is 19, {P} driver brings {O} to your hotel.",
      "Our {NN} are waiting for you. This {N} will come to you in 30 minutes.",
      "3 new {NN} are waiting in our apartment. Incall only.",
  })
  void everyGenderFiresAlikeOnThirdPersonAdverts(String template) {
    double first = strength(fill(template, GENDERS.get(0)));
    assertThat(first).as(template).isPositive();
    for (Map<String, String> g : GENDERS) {
      assertThat(strength(fill(template, g))).as(fill(template, g)).isEqualTo(first);
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Hi, I am Anna. I love to meet new people. Call me, my place is discreet.",
      "Hi, I am Tom. I love to meet new people. Call me, my place is discreet.",
      "Hi, I'm Lexi, a sweet TS girl. I love to meet new people. Call me, my place is discreet.",
      "I am Mia, call me. \"She was amazing, I loved her, she is the best\" says a client.",
      "I am Max, call me. \"He was amazing, I loved him, he is the best\" says a client.",
      "New in town, call to book her.",
      "New in town, call to book him.",
      "I am Mia and I work with my friend. She is nice, I like her. Call me.",
      "I am Max and I work with my friend. He is nice, I like him. Call me.",
      "we r two boys, new in town, duo special. Text now",
      "we r two girls, new in town, duo special. Text now",
  })
  void firstPersonAndQuotedAndSingleObjectMentionsDoNotFire(String text) {
    assertThat(fired(assess(text))).as(text).isFalse();
  }

  @Test
  void evidenceIsEachCountedReferenceInTextOrder() {
    String text = "She is new in town and very sweet. Call to book her now! Our girls are waiting. She's here.";
    Assessment a = assess(text);
    assertThat(fired(a)).isTrue();
    List<Evidence> ev = evidence(a);
    assertThat(ev).extracting(Evidence::match).containsExactly("She", "her", "girls", "She");
    for (Evidence e : ev) {
      assertThat(text.substring(e.start(), e.end())).isEqualTo(e.match());
      assertThat(e.entry()).isEqualTo("rule:nlp.third-person");
    }
  }

  @Test
  void germanAndRussianFireForEveryGender() {
    double sie = strength("Sie ist neu in der Stadt und sehr zärtlich. Ruf an und buche sie jetzt!");
    assertThat(sie).isPositive();
    assertThat(strength("Er ist neu in der Stadt und sehr zärtlich. Ruf an und buche ihn jetzt!")).isEqualTo(sie);
    double ona = strength("Она новенькая в городе, ей 22 года. Звоните, чтобы встретиться с ней!");
    assertThat(ona).isPositive();
    assertThat(strength("Он новенький в городе, ему 22 года. Звоните, чтобы встретиться с ним!")).isEqualTo(ona);
    double maedels = strength("3 Mädels warten auf dich, 14–04 Uhr.");
    assertThat(maedels).isPositive();
    assertThat(strength("3 Jungs warten auf dich, 14–04 Uhr.")).isEqualTo(maedels);
    assertThat(strength("3 TS-Girls warten auf dich, 14–04 Uhr.")).isEqualTo(maedels);
    double devushki = strength("Наши девушки ждут вас. Эта девушка приедет к вам за 30 минут.");
    assertThat(devushki).isPositive();
    assertThat(strength("Наши мальчики ждут вас. Этот мальчик приедет к вам за 30 минут.")).isEqualTo(devushki);
  }

  /**
   * Russian leaves the subject out: a verb of the person offered or of a service that brings the person
   * is the reference. Its future and present forms carry no gender; a name as subject reads alike for
   * every name.
   */
  @Test
  void russianVerbsWithoutSubjectAreReferences() {
    double bare = strength("Приедет к вам за 30 минут. Звоните!");
    assertThat(bare).isPositive();
    // the pronoun and its verb are one reference, not two
    assertThat(strength("Она приедет к вам за 30 минут. Звоните!")).isEqualTo(bare);
    assertThat(strength("Он приедет к вам за 30 минут. Звоните!")).isEqualTo(bare);
    assertThat(strength("Маша приедет к вам за 30 минут. Звоните!")).isEqualTo(bare);
    assertThat(strength("Миша приедет к вам за 30 минут. Звоните!")).isEqualTo(bare);
    assertThat(fired(assess("Привезём за 30 минут, встретим у подъезда."))).isTrue();
    assertThat(fired(assess("Новенькие каждую неделю ждут тебя, выбирай!"))).isTrue();
    // a worker's own verbs are not listed
    assertThat(fired(assess("Приеду к тебе сама, жду звонка."))).isFalse();
    assertThat(fired(assess("Приеду к тебе сам, жду звонка."))).isFalse();
    // a taxi or a delivery is no adult-service advert
    assertThat(fired(assess("Встретим в аэропорту, отвезём в любой район. Водитель привезёт заказ.", "services"))).isFalse();
  }

  @Test
  void firstPersonGermanAndRussianAdvertsDoNotFire() {
    assertThat(fired(assess("Hallo, ich bin Lena. Ich freue mich auf Ihre Nachricht. Rufen Sie mich an."))).isFalse();
    assertThat(fired(assess("Привет, я Маша. Я жду тебя, пиши мне!"))).isFalse();
    assertThat(fired(assess("Привет, я Миша. Я жду тебя, пиши мне!"))).isFalse();
    // a duo writing of itself; clients named after "für"; the formal "Sie"/"Ihnen"/"Ihn"
    assertThat(fired(assess("Wir sind 2 TS Girls 🔥 DUO möglich!! Neu in Berlin."))).isFalse();
    assertThat(fired(assess("Callboy Tom, 23. Hausbesuche für Sie und Ihn. Ich komme zu Ihnen nach Hause."))).isFalse();
    assertThat(fired(assess("Gentleman-Escort für Damen und Herren. Ich komme zu Ihnen."))).isFalse();
  }

  @Test
  void needsTheAdultServicesContext() {
    String text = "She is new in town and very sweet. Call to book her now! She is waiting for you.";
    assertThat(fired(assess(text, "escort"))).isTrue();
    assertThat(fired(assess(text, "jobs"))).isFalse();
    assertThat(fired(assess(text, null))).isFalse(); // no category and no adult-service term
    assertThat(fired(assess(text + " Incall and outcall.", null))).isTrue(); // a term of the context
  }

  @Test
  void jobAdvertsWithGenericPronounsDoNotFire() {
    String job = "We are committed to developing each employee to his or her full potential. Every applicant "
        + "should send his/her CV; s/he will hear from us. The candidate will start in May, she or he reports to the manager.";
    assertThat(fired(assess(job, "jobs"))).isFalse();
    // even inside the adult-services context, the generic pairs are no reference to a person offered
    assertThat(fired(assess(job, "escort"))).isFalse();
  }

  @Test
  void makesNoCallWithoutTheNlpStage() {
    RiskEngine withoutStage = RiskEngine.builder().indicator(new ThirdPersonNarrationIndicator()).build();
    Assessment a = withoutStage.assess(Advert.builder("a2", "She is new. Book her. She waits.").category("escort").build());
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
