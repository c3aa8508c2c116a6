package org.redflag.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.junit.jupiter.api.Test;

/**
 * The regex-free clean-up gives OpenNLP's language detector the same answers as OpenNLP's own
 * normalisers, and the detector reads it through OpenNLP's n-gram context generator.
 */
class LanguageSampleNormalizerTest {
  @Test
  void cleanUpFollowsOpenNlpsNormalisers() {
    assertThat(LanguageSampleNormalizer.cleanUp("Hiii  THERE 💋 call 555 0123 #newintown see https://example.org/x?a=1 ok"))
        .isEqualTo("hii there call see ok");
    assertThat(LanguageSampleNormalizer.cleanUp("@mia\tneu\n\nhier ")).isEqualTo("neu hier");
    assertThat(LanguageSampleNormalizer.cleanUp("")).isEmpty();
    assertThat(LanguageSampleNormalizer.cleanUp("  42 ")).isEmpty();
  }

  @Test
  void theDetectorsContextIsTheDistinctGramsOfTheCleanUp() {
    LanguageDetectorModel model = NlpModels.languageModel();
    CharSequence[] context = model.getFactory().getContextGenerator().getContext("ABAB 12");
    assertThat(Arrays.stream(context).map(CharSequence::toString))
        .containsExactlyInAnyOrder("a", "b", "ab", "ba", "aba", "bab");
  }

  /** Hand-written sentences in several languages; OpenNLP's LanguageDetectorME is the reference. */
  static final List<String> TEXTS = List.of(
      "New in town, sweet and friendly. Call me for an appointment, available all week.",
      "We are hiring drivers for the night shift, good pay and a written contract from the first day.",
      "Neu in der Stadt, sehr zärtlich und diskret. Termine nach Vereinbarung, ruf einfach an.",
      "Wir suchen Reinigungskräfte in Vollzeit, Bezahlung nach Tarif, Arbeitsvertrag ab dem ersten Tag.",
      "Новенькая в городе, очень нежная. Звоните в любое время, встречи по договорённости.",
      "Требуются водители на ночную смену, официальное трудоустройство и достойная зарплата.",
      "Nouvelle en ville, douce et discrète. Appelez-moi pour un rendez-vous cette semaine.",
      "Nueva en la ciudad, dulce y discreta. Llámame para una cita, disponible toda la semana.",
      "Nuova in città, dolce e discreta. Chiamami per un appuntamento, disponibile tutta la settimana.",
      "Nowa w mieście, miła i dyskretna. Zadzwoń, aby umówić spotkanie w tym tygodniu.",
      "Нова в місті, дуже ніжна. Телефонуйте в будь-який час, зустрічі за домовленістю.",
      "Nieuw in de stad, lief en discreet. Bel me voor een afspraak, deze week beschikbaar.",
      // advert noise the clean-up removes: emoji, numbers, hashtags, handles, URLs, repeated letters
      "💋💋 NEW in town!!! Sweeeet and friendly, call 555-0123 #newintown @mia https://example.org/mia 24/7",
      "💋 Neu in der Stadt!!! Suuuper zärtlich, ruf an 555-0123 #neuhier @lena https://example.org/lena 24/7",
      "💋 Новенькая в городе!!! Оооочень нежная, звони 555-0123 #новенькая @masha https://example.org/m 24/7");

  @Test
  void agreesWithOpenNlpsDetectorOnHandWrittenTexts() throws Exception {
    LanguageDetectorModel model;
    try (var in = getClass().getResourceAsStream(NlpModels.LANGDETECT)) {
      model = new LanguageDetectorModel(in);
    }
    LanguageDetectorME reference = new LanguageDetectorME(model);
    OpenNlpLanguageDetector ours = new OpenNlpLanguageDetector();
    for (String text : TEXTS) {
      String expected = OpenNlpLanguageDetector.toBcp47(reference.predictLanguage(text).getLang());
      assertThat(ours.detectWithConfidence(text).language()).as(text).isEqualTo(expected);
    }
  }
}
