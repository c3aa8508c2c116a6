package org.redflag.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

/** The fast sentence path against OpenNLP's own {@code SentenceDetectorME} over the same model. */
class FastSentenceDetectorTest {
  /** Hand-written lines with the punctuation adverts use (and abuse). */
  static final List<String> LINES = List.of(
      "Hi gentlemen. I am Mia, 22 years old and new in town! Call me now?",
      "NEW!!! Hot girl... 100% real photos!!! No rush?! Outcall only.",
      "Mr. Smith and Dr. Who met at 5 p.m. in the U.S.A. and paid $150.50 for 1.5 hours.",
      "  leading and trailing spaces.   Second sentence.  ",
      ". starts with a dot. And goes on",
      "\"She was amazing.\" says a client. 'Really.' Yes.",
      "Tabs\tand\u00A0no-break\u00A0spaces. Next\u2003one! Last",
      "e.g. this, i.e. that. etc. OK.",
      "Email: mia@example.org. Web: www.example.org/page.html. Phone +44 7700 900123.",
      "Sie ist neu in der Stadt. Ruf an! Rufen Sie mich an, z.B. um 20 Uhr. Danke.",
      "Preis: 60 €. 30 Min. Massage. Hausbesuche möglich!",
      "😘. 💋! Emoji.Sentence.End.",
      "!!!",
      "?",
      "no punctuation at all",
      "ends with a question mark?",
      "a.b.c.d. A.B.C.D. 1.2.3. x. Y. Z .",
      "CR line end.\r",
      "word.\u00A0Next.\u00A0",
      "Many     spaces.     Between.    Words.",
      "Ähm. Öl. Über. Ärger. Straße. Ja.");

  static List<Integer> reference(String lang, String line) {
    SentenceDetectorME me = NlpModels.sentenceDetector(lang);
    List<Integer> out = new ArrayList<>();
    for (Span s : me.sentPosDetect(line)) out.add(s.getStart());
    return out;
  }

  static List<Integer> fast(String lang, String text, int from, int to) {
    List<Integer> out = new ArrayList<>();
    NlpModels.fastSentenceDetector(lang).sentenceStarts(text, from, to, v -> out.add(v - from));
    return out;
  }

  static void assertSameStarts(String lang, String line) {
    assertThat(fast(lang, line, 0, line.length())).as("[%s] %s", lang, line).isEqualTo(reference(lang, line));
    // the same line inside a longer text: offsets are relative to the line, never read past it
    String padded = "Before. Text!\n" + line + "\nAfter. More.";
    int from = 14;
    assertThat(fast(lang, padded, from, from + line.length())).as("[%s] in text: %s", lang, line)
        .isEqualTo(reference(lang, line));
  }

  @Test
  void fastPathExistsForBothModels() {
    assertThat(NlpModels.fastSentenceDetector("en")).isNotNull();
    assertThat(NlpModels.fastSentenceDetector("de")).isNotNull();
  }

  @Test
  void handWrittenLinesGiveTheSameStartsAsOpenNlp() {
    for (String lang : List.of("en", "de")) {
      for (String line : LINES) assertSameStarts(lang, line);
    }
  }

  @Test
  void shuffledFragmentsGiveTheSameStartsAsOpenNlp() {
    // Lines assembled from pieces of the hand-written ones, cut and glued at random places, so that
    // eos chars meet every kind of neighbour (space, letter, digit, quote, another eos, line end).
    String all = String.join(" ", LINES);
    Random random = new Random(42);
    for (String lang : List.of("en", "de")) {
      for (int n = 0; n < 2_000; n++) {
        StringBuilder line = new StringBuilder();
        int pieces = 1 + random.nextInt(4);
        for (int p = 0; p < pieces; p++) {
          int from = random.nextInt(all.length());
          int to = Math.min(all.length(), from + 1 + random.nextInt(40));
          line.append(all, from, to);
          if (random.nextBoolean()) line.append(".!? \u00A0".charAt(random.nextInt(5)));
        }
        String s = line.toString().replace('\n', ' ');
        if (!s.isBlank()) assertSameStarts(lang, s);
      }
    }
  }

  @Test
  void linesOfOneTextShareOneEosFinder() {
    // NlpFeatureExtractor passes one finder through all lines of a text: each line must still get the
    // starts OpenNLP gives it alone, whichever eos chars the lines before and after hold.
    Random random = new Random(7);
    for (String lang : List.of("en", "de")) {
      for (int n = 0; n < 300; n++) {
        StringBuilder text = new StringBuilder();
        int lines = 1 + random.nextInt(8);
        for (int k = 0; k < lines; k++) {
          if (k > 0) text.append(random.nextInt(4) == 0 ? "\n\n" : "\n");
          text.append(LINES.get(random.nextInt(LINES.size())).replace("\r", ""));
        }
        String s = text.toString();
        List<Integer> expected = new ArrayList<>();
        int lineStart = 0;
        while (lineStart < s.length()) {
          int nl = s.indexOf('\n', lineStart);
          int lineEnd = nl < 0 ? s.length() : nl;
          String line = s.substring(lineStart, lineEnd);
          if (!line.isBlank()) {
            List<Integer> starts = reference(lang, line);
            if (starts.isEmpty()) expected.add(lineStart);
            for (int start : starts) expected.add(lineStart + start);
          }
          lineStart = lineEnd + 1;
        }
        List<Integer> actual = new ArrayList<>();
        for (int start : NlpFeatureExtractor.sentenceStarts(s, lang)) actual.add(start);
        assertThat(actual).as("[%s] %s", lang, s).isEqualTo(expected);
      }
    }
  }
}
