package org.redflag.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class NlpFeatureProperties {
  static final NlpFeatureExtractor EXTRACTOR = new NlpFeatureExtractor(new OpenNlpLanguageDetector(), true);

  @Provide
  Arbitrary<String> unicode() {
    Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(300);
    Arbitrary<String> adLike = Arbitraries.strings()
        .withChars("abcsheSHEiIher \n\"“”„«».!?'’-😀👩‍❤️🇩🇪ÄöüßяЯонаеёSie")
        .ofMaxLength(200);
    return Arbitraries.oneOf(any, adLike);
  }

  @Property(tries = 300)
  void neverThrowsAndSpansAreValid(@ForAll("unicode") String text) {
    NlpFeatures f = EXTRACTOR.extract(text);
    for (PronounMention p : f.pronouns()) {
      assertThat(p.end()).isLessThanOrEqualTo(text.length());
      assertThat(Character.isLetter(text.codePointAt(p.start()))).isTrue();
    }
    // Finite and on a [0, 1] scale, as calibration expects.
    assertThat(f.features().values()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
  }

  @Property(tries = 200)
  void featuresAreDeterministic(@ForAll("unicode") String text) {
    // A copy of the string defeats the detector's per-thread identity cache, so the model runs again.
    assertThat(EXTRACTOR.extract(new String(text.toCharArray()))).isEqualTo(EXTRACTOR.extract(text));
  }

  static final org.redflag.engine.RiskEngine ENGINE =
      org.redflag.engine.RiskEngine.builder().nlp(RedflagNlp.component()).build();

  @Property(tries = 100)
  void engineWithNlpGivesValidThirdPersonEvidence(@ForAll("unicode") String text) {
    var a = ENGINE.assess(org.redflag.advert.Advert.builder("p", text).build());
    for (var e : a.evidence()) {
      if (!e.indicator().equals(ThirdPersonNarrationIndicator.ID)) continue;
      assertThat(text.substring(e.start(), e.end())).isEqualTo(e.match());
    }
  }
}
