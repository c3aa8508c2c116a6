package org.redflag.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.CharBuffer;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The scanner skips ordinary ASCII words and filters number words by their first letters (fast paths
 * for the words of every advert); with those paths off ({@code scanWithoutFastPaths}) every char takes
 * the general path. Both must find exactly the same candidates, for Strings and for other
 * CharSequences, on text dense in everything the rules look at.
 */
class PhoneNumberScannerAgreementProperties {
  static final String[] PIECES = {"5", "55", "555", "0123", "1", "7", "9", "0", " ", "  ", "-", ".", ". ", ",", ", ",
      "+", "(", ")", "/", ":", "'", "%", "$", "€", "#", "\n", "\t", "*", "·", "•", "\u00A0", "\u2013", "\u200B",
      "five", "Five", "FIVE", "fivefive", "zero", "oh", "O", "o", "oO", "OOO", "one", "two", "three", "seven", "nine",
      "zwei", "fünf", "fu\u0308nf", "fuenf", "sieben", "null", "acht", "пять", "ноль", "семь", "Один", "о", "О",
      "call", "me", "at", "pm", "yo", "C", "hi", "text", "📞", "💋", "🌹", "5\uFE0F\u20E3", "1\u20E3", "٣", "٥", "５",
      "\uD83C", "\uDF52", "x", "é", "ß", "ä", "a\u0301", "34C", "24/7", "10:30", "1,500", "23.",
      // ordinary words sharing first letters or two-char prefixes with number words (the pair filter)
      "the", "THE", "for", "Four", "so", "six", "on", "only", "twelve", "nein", "ohne", "zer", "f", "t", "Ei", "sE", "ä5",
      // words the scanner's skip over ordinary ASCII text must stop at or pass (letter-O runs, "o" inside words)
      "ok", "oo", "Oo5", "zoo", "hello", "Ohh", "go", "a", "I",
      // the three-letter filter: runs starting with "oh", near misses of number words, common words
      "ohfive", "OHnine", "oho", "ohz", "thee", "threefive", "THReeSix", "achtung", "sevens", "neunzig", "nullify",
      "onetwo", "twone", "for", "new", "see", "nice", "drink",
      // symbol separators, letters for digits, digits for letters, teens and tens
      "$$", "((", "))", "°", "!", " ! ", "\"", "“", "=", "l", "Il", "З", "f1ve", "s1x", "thr33", "tw0", "sixty", "twenty",
      "-five", "elf", "zwanzig", "двадцать", "QV", "HH", "12/05/2024", "0171/", "100", "150"};

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.longs().map(seed -> {
      Random r = new Random(seed);
      StringBuilder sb = new StringBuilder();
      int n = r.nextInt(60);
      for (int i = 0; i < n; i++) sb.append(PIECES[r.nextInt(PIECES.length)]);
      return sb.toString();
    });
  }

  @Property(tries = 3000)
  void sameCandidatesAsReference(@ForAll("texts") String text) {
    var expected = PhoneNumberScanner.defaults().scanWithoutFastPaths(text);
    assertThat(PhoneNumberScanner.defaults().scan(text)).isEqualTo(expected);
    assertThat(PhoneNumberScanner.defaults().scan(CharBuffer.wrap(text))).isEqualTo(expected);
    // scanObscured skips plain numbers before building them: the obscured ones of scan, in order
    assertThat(PhoneNumberScanner.defaults().scanObscured(text)).isEqualTo(expected.stream().filter(c -> c.obscured()).toList());
  }

  @Property(tries = 300)
  void sameCandidatesOnArbitraryUnicode(@ForAll String text) {
    assertThat(PhoneNumberScanner.defaults().scan(text)).isEqualTo(PhoneNumberScanner.defaults().scanWithoutFastPaths(text));
  }
}
