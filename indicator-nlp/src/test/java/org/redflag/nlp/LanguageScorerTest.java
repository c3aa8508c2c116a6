package org.redflag.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The String-free language model evaluation gives OpenNLP's numbers bit for bit. */
class LanguageScorerTest {
  static final List<String> TEXTS = List.of(
      "Hi gentlemen, I am Mia, 22 years old and new in town! Call me now for a relaxing massage 💋",
      "Sie ist neu in der Stadt und sehr zärtlich. Ruf an und buche sie jetzt!",
      "Она новая в городе, звоните сейчас, только для взрослых мужчин.",
      "Bonjour, je suis nouvelle en ville, appelez-moi pour un massage relaxant.",
      "Hola, soy nueva en la ciudad, llámame para un masaje relajante.",
      "Ciao, sono nuova in città, chiamami per un massaggio rilassante.",
      "Cześć, jestem nowa w mieście, zadzwoń do mnie.",
      "Olá, sou nova na cidade, liga-me para uma massagem relaxante.",
      "Merhaba, şehirde yeniyim, rahatlatıcı bir masaj için beni arayın.",
      "Γεια σας, είμαι καινούργια στην πόλη.",
      "東京に来たばかりです。お電話ください。",
      "مرحبا، أنا جديدة في المدينة",
      "a", "ab", "abc", "aaaaaaaaaaaa", "A1 b2 C3 !!! ??? ...", "http://example.org #tag @user 12345 call",
      "x\u0301y\u0308z", "\uD83D\uDE00 only emoji \uD83D\uDE00 and words");

  static void assertSame(String text) {
    double[] expected = NlpModels.languageModel().eval(LanguageContext.of(text));
    double[] actual = NlpModels.languageScorer().eval(text);
    assertThat(actual).as(text).isNotNull();
    for (int i = 0; i < expected.length; i++) {
      assertThat(Double.doubleToRawLongBits(actual[i])).as("%s, outcome %d", text, i)
          .isEqualTo(Double.doubleToRawLongBits(expected[i]));
    }
  }

  @Test
  void handWrittenTextsGiveTheSameProbabilitiesBitForBit() {
    assertThat(NlpModels.languageScorer()).isNotNull();
    for (String text : TEXTS) assertSame(text);
  }

  @Test
  void shuffledSamplesOfEveryLengthGiveTheSameProbabilities() {
    // Every sample length up to the detector's 300 chars, so every HashSet table size and growth step
    // of LanguageContext.of is replayed.
    String all = String.join(" ", TEXTS);
    Random random = new Random(7);
    List<String> samples = new ArrayList<>();
    for (int len = 1; len <= OpenNlpLanguageDetector.MAX_CHARS; len++) {
      StringBuilder b = new StringBuilder();
      while (b.length() < len) {
        int from = random.nextInt(all.length());
        b.append(all, from, Math.min(all.length(), from + 1 + random.nextInt(30)));
      }
      samples.add(b.substring(0, len));
    }
    for (String s : samples) assertSame(s);
  }
}
