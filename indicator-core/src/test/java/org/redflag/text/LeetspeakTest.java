package org.redflag.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Leetspeak}'s rules on single tokens, from hand-written tables. */
class LeetspeakTest {
  private static String foldToken(String token) {
    char[] c = token.toCharArray();
    Leetspeak.foldToken(c, 0, c.length);
    return new String(c);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      // runs between letters fold, whatever their length
      "n3w, new", "t0wn, town", "h00kers, hookers", "av4il4ble, available", "s3xy, sexy", "k!ss, kiss", "sl|m, slim",
      "m@ssage, massage", "cla$$y, classy",
      // a lone digit at a word's edge folds
      "1n, in", "n3, ne", "4ll, all", "b4, ba",
      // a lone symbol only where a word starts, and not ! or |
      "@gency, agency", "$exy, sexy", "!ncall, !ncall", "|ndie, |ndie", "hi!, hi!", "cash$, cash$",
      // longer runs at an edge are numbers with a unit
      "200hr, 200hr", "30min, 30min", "hr24, hr24", "24h, 24h",
      // digits with no letter reading stay, also between letters
      "a2b, a2b", "n6w, n6w", "x3y6z, xey6z",
  })
  void foldsTheRunsTheRulesSay(String token, String expected) {
    assertThat(foldToken(token)).isEqualTo(expected);
  }

  @Test
  void foldsOnlyInsideTheGivenRange() {
    char[] c = "n3w t0wn".toCharArray();
    Leetspeak.foldToken(c, 4, 8);
    assertThat(new String(c)).isEqualTo("n3w town");
  }

  @Test
  void readingsAndClasses() {
    assertThat(new String(new char[] {Leetspeak.LEET['0'], Leetspeak.LEET['1'], Leetspeak.LEET['3'], Leetspeak.LEET['4'],
        Leetspeak.LEET['5'], Leetspeak.LEET['7'], Leetspeak.LEET['8'], Leetspeak.LEET['9']})).isEqualTo("oieastbg");
    assertThat(Leetspeak.LEET['2']).isEqualTo((char) 0);
    assertThat(Leetspeak.LEET['6']).isEqualTo((char) 0);
    assertThat(Leetspeak.tokenClass('a')).isEqualTo(Leetspeak.TOKEN_LETTER);
    assertThat(Leetspeak.tokenClass('\u0436')).isEqualTo(Leetspeak.TOKEN_LETTER); // ж
    assertThat(Leetspeak.tokenClass('2')).isEqualTo(Leetspeak.TOKEN_OTHER);
    assertThat(Leetspeak.tokenClass('$')).isEqualTo(Leetspeak.TOKEN_OTHER);
    assertThat(Leetspeak.tokenClass('#')).isZero();
    assertThat(Leetspeak.tokenClass(' ')).isZero();
    // a digit joins a spaced-out word only with leetspeak on, and only one that reads as a letter
    assertThat(Leetspeak.letterLike('3', true)).isTrue();
    assertThat(Leetspeak.letterLike('3', false)).isFalse();
    assertThat(Leetspeak.letterLike('2', true)).isFalse();
    assertThat(Leetspeak.letterLike('$', true)).isFalse();
    assertThat(Leetspeak.letterLike('e', false)).isTrue();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      // after joining, a recorded boundary (|) splits tokens; no boundary joins them
      "n3w, new", "n|3|w, n3w", "n3|w, new", "5|5|5, 555", "b|1|g, b1g", "big|4|go, big4go", "ab|3x, abex",
  })
  void foldJoinedRespectsRecordedBoundaries(String marked, String expected) {
    // the text without the marks, with FLAG_BOUNDARY on each char after a |
    String plain = marked.replace("|", "");
    AnalyzedText t = new AnalyzedText(plain.length());
    int k = 0;
    for (int i = 0; i < marked.length(); i++) {
      if (marked.charAt(i) == '|') {
        t.flags[k] = AnalyzedText.FLAG_BOUNDARY;
        continue;
      }
      t.chars[k++] = marked.charAt(i);
    }
    t.length = k;
    Leetspeak.foldJoined(t);
    assertThat(t.normalized()).isEqualTo(expected);
  }

  @Property(tries = 500)
  void changesOnlyCharsWithAReadingAndOnlyToThatReading(@ForAll("token") String token) {
    String folded = foldToken(token);
    assertThat(folded).hasSameSizeAs(token);
    for (int i = 0; i < token.length(); i++) {
      char was = token.charAt(i);
      char now = folded.charAt(i);
      if (was != now) assertThat(now).as("%s at %d", token, i).isEqualTo(Leetspeak.LEET[was]);
    }
    // a token of letters only never changes
    if (token.chars().allMatch(Character::isLetter)) assertThat(folded).isEqualTo(token);
  }

  @Provide
  Arbitrary<String> token() {
    return Arbitraries.strings().withChars("abnxz0123456789@$!|").ofMinLength(1).ofMaxLength(10);
  }
}
