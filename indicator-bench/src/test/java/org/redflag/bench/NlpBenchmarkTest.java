package org.redflag.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.redflag.advert.Advert;
import org.redflag.bench.corpus.SyntheticAdverts;
import org.redflag.engine.Assessment;

/** The NLP benchmark does the work it claims: detection runs on every advert and features reach the assessment. */
class NlpBenchmarkTest {
  @Test
  void everyOpDetectsTheLanguageAndTheEngineCarriesNlpFeatures() {
    NlpBenchmark.Nlp nlp = new NlpBenchmark.Nlp();
    nlp.setUp();
    Advert[] adverts = NlpBenchmark.withoutLanguage(SyntheticAdverts.corpus(SyntheticAdverts.Size.MEDIUM));
    assertThat(adverts).hasSize(SyntheticAdverts.count(SyntheticAdverts.Size.MEDIUM)).allSatisfy(a -> assertThat(a.language()).isEmpty());
    for (Advert a : adverts) {
      assertThat(nlp.extractor.extract(a.text()).detectedLanguage()).isEqualTo("en");
      Assessment r = nlp.engine.assess(a);
      assertThat(r.features().keySet()).anyMatch(k -> k.startsWith("nlp."));
      assertThat(r.indicators()).anyMatch(i -> i.id().equals("nlp.third-person"));
    }
  }
}
