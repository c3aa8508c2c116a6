package org.redflag.indicator.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redflag.advert.Advert;
import org.redflag.engine.Assessment;
import org.redflag.engine.IndicatorResult;
import org.redflag.engine.RiskEngine;
import org.redflag.indicator.Evidence;
import org.redflag.indicator.IdentifierHasher;
import org.redflag.io.AssessmentJson;

/** {@code phone.obscured} through the engine: firing, strength rule, evidence spans and hashing. Numbers are fictional (555-01xx). */
class ObscuredPhoneIndicatorTest {
  static final byte[] KEY = "a test key of 32 bytes, fictional".getBytes(StandardCharsets.UTF_8);
  static final RiskEngine KEYED = RiskEngine.builder().hasher(IdentifierHasher.withKey(KEY)).build();

  static IndicatorResult result(Assessment a) {
    return a.indicators().stream().filter(r -> r.id().equals(ObscuredPhoneIndicator.ID)).findFirst().orElseThrow();
  }

  static List<Evidence> evidence(Assessment a) {
    return a.evidence().stream().filter(e -> e.indicator().equals(ObscuredPhoneIndicator.ID)).toList();
  }

  static Assessment assess(RiskEngine engine, String text) {
    return engine.assess(Advert.builder("t", text).category("escort").language("en").build());
  }

  @Test
  void isDiscoveredByDefault() {
    assertThat(RiskEngine.withDefaults().indicators()).anyMatch(i -> i.id().equals("phone.obscured"));
  }

  @Test
  void oneTechniqueGivesBaseStrengthWithEvidenceSpanAndRule() {
    String text = "Sweet and discreet. Text five five five zero one two three four five six, no calls.";
    Assessment a = assess(KEYED, text);
    assertThat(result(a).fired()).isTrue();
    assertThat(result(a).strength()).isEqualTo(ObscuredPhoneIndicator.ONE_TECHNIQUE);
    Evidence e = evidence(a).get(0);
    assertThat(text.substring(e.start(), e.end())).isEqualTo("five five five zero one two three four five six");
    assertThat(e.match()).isEqualTo(Evidence.MASKED); // the readable number is never output unless revealed
    assertThat(e.masked()).isTrue();
    assertThat(e.entry()).isEqualTo("rule:phone.digits-as-words");
    assertThat(e.source()).contains("OSCE");
    assertThat(e.details().get("techniques")).isEqualTo(List.of("rule:phone.digits-as-words"));
  }

  @Test
  void severalTechniquesGiveFullStrength() {
    Assessment a = assess(KEYED, "call 5 5 5 zero 1 2 3 four 5 6 anytime");
    assertThat(result(a).strength()).isEqualTo(ObscuredPhoneIndicator.SEVERAL_TECHNIQUES);
  }

  @Test
  void numberInTitleIsEvidencedInTheTitle() {
    String title = "New! 5.5.5.0.1.2.3.4.5.6";
    Advert ad = Advert.builder("t", "hello there").title(title).category("escort").build();
    Evidence e = evidence(KEYED.assess(ad)).get(0);
    assertThat(e.field()).isEqualTo("title");
    assertThat(title.substring(e.start(), e.end())).isEqualTo("5.5.5.0.1.2.3.4.5.6");
    assertThat(e.match()).isEqualTo(Evidence.MASKED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Call 555-123-4567", "Ring +44 20 7946 0000 today", "(555) 123 4567 text only",
      "$80 hh $150 hr, 24/7, age 23, 34C, 5'6, 10:30pm-2am, 12/05/2024, zip 90210"})
  void plainNumbersAndLookAlikesDoNotFire(String text) {
    assertThat(result(assess(KEYED, text)).fired()).isFalse();
  }

  @Test
  void numberIsHashedByDefaultAndStableUnderOneKey() {
    String text = "text me 5 5 5 0 1 2 3 4 5 6";
    Object h1 = evidence(assess(KEYED, text)).get(0).details().get("number");
    Object h2 = evidence(assess(RiskEngine.builder().hasher(IdentifierHasher.withKey(KEY)).build(),
        "five five five zero one two three four five six")).get(0).details().get("number");
    assertThat(h1).isEqualTo(h2).asString().startsWith("hmac-sha256:").doesNotContain("5550123456");
    byte[] other = KEY.clone();
    other[0] ^= 1;
    Object h3 = evidence(assess(RiskEngine.builder().hasher(IdentifierHasher.withKey(other)).build(), text)).get(0)
        .details().get("number");
    assertThat(h3).isNotEqualTo(h1);
    // The default engine draws a random key: still no number in clear anywhere in the JSON output.
    String json = AssessmentJson.toJson(assess(RiskEngine.withDefaults(), "five five five zero one two three four five six")).toString();
    assertThat(json).contains("phone.obscured").doesNotContain("5550123456");
  }

  @Test
  void revealShowsTheNormalisedNumber() {
    RiskEngine reveal = RiskEngine.builder().hasher(IdentifierHasher.reveal()).build();
    Evidence e = evidence(assess(reveal, "five five five zero one two three four five six")).get(0);
    assertThat(e.details().get("number")).isEqualTo("5550123456");
    Evidence plus = evidence(assess(reveal, "+15550123four56")).get(0);
    assertThat(plus.details().get("number")).isEqualTo("+15550123456");
  }
}
