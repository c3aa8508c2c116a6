package org.redflag.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TokensTest {
  /** A token as the tests compare it: its surface text, kind and quoted state. */
  record Tok(String text, byte kind, boolean quoted) {
    static Tok word(String s) { return new Tok(s, Tokens.WORD, false); }
    static Tok punct(String s) { return new Tok(s, Tokens.PUNCT, false); }
    static Tok emoji(String s) { return new Tok(s, Tokens.EMOJI, false); }
    Tok inQuotes() { return new Tok(text, kind, true); }
  }

  static Tokens scan(String text) {
    return Tokens.scan(text.toCharArray(), text.length(), new Tokens(1));
  }

  static List<Tok> toks(String text) {
    Tokens t = scan(text);
    List<Tok> out = new ArrayList<>();
    for (int i = 0; i < t.size; i++) out.add(new Tok(text.substring(t.start[i], t.end[i]), t.kind[i], t.quoted[i]));
    return out;
  }

  @Test
  void wordsJoinAcrossApostrophesAndHyphensOnlyBetweenWordChars() {
    assertThat(toks("she's a 22-year-old, don’t -x y- 'z"))
        .containsExactly(Tok.word("she's"), Tok.word("a"), Tok.word("22-year-old"), Tok.punct(","), Tok.word("don’t"),
            Tok.punct("-"), Tok.word("x"), Tok.word("y"), Tok.punct("-"), Tok.punct("'"), Tok.word("z"));
  }

  @Test
  void emojiSequencesAreOneTokenEach() {
    // a pictograph with a skin-tone modifier; a ZWJ sequence with a variation selector; a flag; two flags in a row
    assertThat(toks("Hi!👍🏽 👩‍❤️‍👨x🇩🇪🇫🇷"))
        .containsExactly(Tok.word("Hi"), Tok.punct("!"), Tok.emoji("👍🏽"), Tok.emoji("👩‍❤️‍👨"), Tok.word("x"),
            Tok.emoji("🇩🇪"), Tok.emoji("🇫🇷"));
  }

  @Test
  void nonAsciiWordsKeepUtf16SpansAndCombiningMarks() {
    String text = "𝐀bc Grüße e\u0301t девушки";
    Tokens t = scan(text);
    assertThat(t.size).isEqualTo(4);
    assertThat(t.start[0]).isZero();
    assertThat(t.end[0]).isEqualTo(4); // a supplementary letter is two UTF-16 units
    assertThat(toks(text)).extracting(Tok::text).containsExactly("𝐀bc", "Grüße", "e\u0301t", "девушки");
  }

  @Test
  void formatAndControlCharsSeparateWordsWithoutBeingTokens() {
    assertThat(toks("a\u200Bb\u0007c\u00A0d")).extracting(Tok::text).containsExactly("a", "b", "c", "d");
  }

  @Test
  void quotesMarkTheirContentAndEndAtALineBreak() {
    assertThat(toks("said \"she is\" 5'6\" ok «да» “open\nnext"))
        .containsExactly(Tok.word("said"), Tok.punct("\""), Tok.word("she").inQuotes(), Tok.word("is").inQuotes(),
            Tok.punct("\"").inQuotes(), Tok.word("5'6"), Tok.punct("\""), Tok.word("ok"), Tok.punct("«"),
            Tok.word("да").inQuotes(), Tok.punct("»").inQuotes(), Tok.punct("“"), Tok.word("open").inQuotes(),
            Tok.word("next"));
  }

  @Test
  void scanClearsTheTokensItIsGivenAndGrowsThem() {
    Tokens t = new Tokens(1);
    String longer = "one two three four five";
    Tokens.scan(longer.toCharArray(), longer.length(), t);
    assertThat(t.size).isEqualTo(5);
    Tokens.scan("six".toCharArray(), 3, t);
    assertThat(t.size).isEqualTo(1);
    assertThat(t.end[0]).isEqualTo(3);
  }

  // ---- properties ----

  /**
   * Independent oracle for ASCII text: words are the matches of a regular expression (runs of letters and
   * digits joined by single {@code '} or {@code -}), every other printable char is a punctuation token,
   * and a token is quoted when an odd number of {@code "} not right after a digit stand before it on its
   * line.
   */
  static List<Tok> asciiOracle(String text) {
    Matcher m = Pattern.compile("[A-Za-z0-9]+(?:['-][A-Za-z0-9]+)*|[\\x21-\\x7E&&[^A-Za-z0-9]]").matcher(text);
    List<Tok> out = new ArrayList<>();
    while (m.find()) {
      int quotes = 0;
      for (int q = m.start() - 1; q >= 0 && text.charAt(q) != '\n' && text.charAt(q) != '\r'; q--) {
        if (text.charAt(q) == '"' && !(q > 0 && Character.isDigit(text.charAt(q - 1)))) quotes++;
      }
      boolean word = Character.isLetterOrDigit(m.group().charAt(0));
      out.add(new Tok(m.group(), word ? Tokens.WORD : Tokens.PUNCT, quotes % 2 == 1));
    }
    return out;
  }

  @Provide
  Arbitrary<String> ascii() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("aZ09 '-\"\n\r\t.,/!\u007F\u0001").ofMaxLength(60),
        Arbitraries.strings().ascii().ofMaxLength(60));
  }

  @Property(tries = 500)
  void asciiTokensMatchTheOracle(@ForAll("ascii") String text) {
    assertThat(toks(text)).isEqualTo(asciiOracle(text));
  }

  @Provide
  Arbitrary<String> unicode() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(80),
        Arbitraries.strings().withChars("aé\u0301𝐀9 '’-\"“”„«»\n😀👍🏽\u200D❤\uFE0F🇩🇪\u200Bя").ofMaxLength(60));
  }

  @Property(tries = 500)
  void tokensAreOrderedDisjointAndCoverEveryLetterAndDigit(@ForAll("unicode") String text) {
    Tokens t = scan(text);
    boolean[] inWord = new boolean[text.length()];
    int previousEnd = 0;
    for (int i = 0; i < t.size; i++) {
      assertThat(t.start[i]).isGreaterThanOrEqualTo(previousEnd);
      assertThat(t.end[i]).isGreaterThan(t.start[i]).isLessThanOrEqualTo(text.length());
      previousEnd = t.end[i];
      String s = text.substring(t.start[i], t.end[i]);
      assertThat(s.codePoints().noneMatch(cp -> cp == '\n' || cp == '\r' || cp == ' ')).isTrue();
      if (t.kind[i] == Tokens.WORD) {
        assertThat(Character.isLetterOrDigit(s.codePointAt(0)) || Character.getType(s.codePointAt(0)) == Character.NON_SPACING_MARK
            || Character.getType(s.codePointAt(0)) == Character.COMBINING_SPACING_MARK).isTrue();
        for (int k = t.start[i]; k < t.end[i]; k++) inWord[k] = true;
      } else if (t.kind[i] == Tokens.PUNCT) {
        assertThat(s.codePointCount(0, s.length())).isEqualTo(1);
      }
    }
    for (int k = 0; k < text.length(); ) {
      int cp = text.codePointAt(k);
      if (Character.isLetterOrDigit(cp)) assertThat(inWord[k]).as("letter or digit at %d is in a word", k).isTrue();
      k += Character.charCount(cp);
    }
  }
}
