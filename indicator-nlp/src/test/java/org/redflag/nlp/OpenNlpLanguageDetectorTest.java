package org.redflag.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenNlpLanguageDetectorTest {
  final OpenNlpLanguageDetector detector = new OpenNlpLanguageDetector();

  @Test
  void detectsEnglishGermanRussian() {
    assertThat(detector.detect("New in town, sweet and friendly. Call me for an appointment, available all week."))
        .contains("en");
    assertThat(detector.detect("Neu in der Stadt, sehr zärtlich und diskret. Termine nach Vereinbarung, ruf einfach an."))
        .contains("de");
    assertThat(detector.detect("Новенькая в городе, очень нежная. Звоните в любое время, встречи по договорённости."))
        .contains("ru");
  }

  @Test
  void unsureTextsGiveNoLanguage() {
    assertThat(detector.detect("ok")).isEmpty();
    assertThat(detector.detect("12345 !!! ???")).isEmpty();
    assertThat(detector.detect("")).isEmpty();
    assertThat(detector.detect(null)).isEmpty();
  }

  @Test
  void thresholdOneRejectsAnyContestedAnswer() {
    assertThat(new OpenNlpLanguageDetector(1.0).detect("Hallo, ich bin Lena.")).isEmpty();
    assertThatThrownBy(() -> new OpenNlpLanguageDetector(1.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minConfidence");
  }

  @Test
  void mapsIso6393ToBcp47() {
    assertThat(OpenNlpLanguageDetector.toBcp47("eng")).isEqualTo("en");
    assertThat(OpenNlpLanguageDetector.toBcp47("deu")).isEqualTo("de");
    assertThat(OpenNlpLanguageDetector.toBcp47("rus")).isEqualTo("ru");
    assertThat(OpenNlpLanguageDetector.toBcp47("fra")).isEqualTo("fr");
    assertThat(OpenNlpLanguageDetector.toBcp47("ukr")).isEqualTo("uk");
    assertThat(OpenNlpLanguageDetector.toBcp47("")).isEqualTo("und");
  }

  @Test
  void onlyTheFirstCharsAreRead() {
    String german = "Neu in der Stadt, sehr zärtlich und diskret. Termine nach Vereinbarung, ruf einfach an. Ich freue mich auf dich.";
    assertThat(german.length()).isLessThanOrEqualTo(OpenNlpLanguageDetector.MAX_CHARS);
    String english = " New in town, sweet and friendly. Call me for an appointment, available all week long.".repeat(10);
    assertThat(detector.detect(german + english)).contains("de");
    assertThat(detector.detect(english + german)).contains("en");
  }
}
