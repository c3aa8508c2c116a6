package org.redflag.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SentencesTest {
  static Sentences split(String text, String lang) {
    Tokens t = Tokens.scan(text.toCharArray(), text.length(), new Tokens(4));
    return new Sentences().split(text, lang, t);
  }

  static List<Integer> starts(Sentences s) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < s.count(); i++) out.add(s.start(i));
    return out;
  }

  @Test
  void theSentenceModelSplitsEachLineAndBlankLinesAreNoSentence() {
    String text = "Hello there. How are you?\n\n  \nNew line without a full stop\nZwei Sätze. Hier.";
    Sentences s = split(text, "en");
    assertThat(starts(s)).containsExactly(0, text.indexOf("How"), text.indexOf("New"), text.indexOf("Zwei"),
        text.indexOf("Hier"));
    assertThat(split(text, "de").count()).isEqualTo(5); // the German model splits these the same way
  }

  @Test
  void tokensKnowTheirSentenceAndEachSentenceItsFirstTwoWords() {
    String text = "Call me now. \"She\" is here!\n...";
    Tokens t = Tokens.scan(text.toCharArray(), text.length(), new Tokens(4));
    Sentences s = new Sentences().split(text, "en", t);
    assertThat(s.count()).isEqualTo(3);
    int call = 0, me = 1, now = 2, she = 5, is = 7, here = 8;
    assertThat(t.end[she] - t.start[she]).isEqualTo(3);
    assertThat(s.of(call)).isZero();
    assertThat(s.of(now + 1)).isZero(); // the full stop
    assertThat(s.of(she)).isEqualTo(1);
    assertThat(s.of(t.size - 1)).isEqualTo(2);
    assertThat(s.firstWord(0)).isEqualTo(call);
    assertThat(s.secondWord(0)).isEqualTo(me);
    assertThat(s.firstWord(1)).isEqualTo(she); // the quotation mark before it is no word
    assertThat(s.secondWord(1)).isEqualTo(is);
    assertThat(s.firstWord(2)).isEqualTo(-1); // punctuation only
    assertThat(s.opens(she)).isTrue();
    assertThat(s.opens(is)).isFalse();
    assertThat(s.previousWord(t, here)).isEqualTo(is);
    assertThat(s.previousWord(t, she)).isEqualTo(-1); // "now" is in the sentence before
  }

  @Test
  void anEmptyOrBlankTextHasNoSentence() {
    assertThat(split("", "en").count()).isZero();
    assertThat(split(" \n\t\n", "en").count()).isZero();
  }

  @Test
  void aSentencesInstanceIsRefilledForEveryText() {
    Sentences s = new Sentences();
    String a = "One. Two. Three.\nFour.";
    s.split(a, "en", Tokens.scan(a.toCharArray(), a.length(), new Tokens(4)));
    assertThat(s.count()).isEqualTo(4);
    String b = "Only one";
    Tokens t = Tokens.scan(b.toCharArray(), b.length(), new Tokens(4));
    s.split(b, "en", t);
    assertThat(starts(s)).containsExactly(0);
    assertThat(s.firstWord(0)).isZero();
    assertThat(s.secondWord(0)).isEqualTo(1);
  }

  /** Lines of text with and without sentence ends, some blank. */
  @Provide
  Arbitrary<List<String>> lines() {
    return Arbitraries.strings().withChars("ab .!?\t").ofMaxLength(30).list().ofMaxSize(12);
  }

  @Property(tries = 200)
  void pastTheModelBoundEveryNonBlankLineIsOneSentence(@ForAll("lines") List<String> lines) {
    String head = "x".repeat(Sentences.MAX_MODEL_CHARS);
    StringBuilder text = new StringBuilder(head);
    List<Integer> expected = new ArrayList<>(List.of(0)); // the head is one line without a sentence end
    for (String line : lines) {
      text.append('\n');
      if (!line.isBlank()) expected.add(text.length());
      text.append(line);
    }
    assertThat(starts(split(text.toString(), "en"))).isEqualTo(expected);
  }

  @Property(tries = 200)
  void everyTokenIsInTheLastSentenceStartingAtOrBeforeIt(@ForAll("lines") List<String> lines) {
    String text = String.join("\n", lines);
    Tokens t = Tokens.scan(text.toCharArray(), text.length(), new Tokens(4));
    Sentences s = new Sentences().split(text, "en", t);
    for (int i = 0; i < t.size; i++) {
      int expected = 0;
      for (int k = 0; k < s.count(); k++) if (s.start(k) <= t.start[i]) expected = k;
      assertThat(s.of(i)).isEqualTo(expected);
    }
    for (int k = 1; k < s.count(); k++) assertThat(s.start(k)).isGreaterThan(s.start(k - 1));
  }
}
