package org.redflag.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.redflag.identifier.PhoneNumberScanner.Candidate;
import org.redflag.identifier.PhoneNumberScanner.Technique;

/**
 * Fictional numbers (555-01xx, optionally after a 555 area code, never real) rendered with a random
 * obfuscation technique inside random filler are found once, normalise to the same digits, and their
 * span is exactly the rendered number; arbitrary Unicode never makes the scanner throw.
 */
class PhoneNumberScannerProperties {
  static final PhoneNumberScanner S = PhoneNumberScanner.defaults();

  static final String[][] WORDS = {
      {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"},
      {"null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"},
      {"ноль", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"},
  };
  static final String[] FILLER = {"call", "me", "sweet", "discreet", "available", "text", "now", "hi", "kisses",
      "привет", "Süße", "💋", "🌹", "new", "incall", "outcall", "xoxo", "!", "only", "serious", "please", "ok"};
  static final String[] JOINERS = {" ", "\n", ": ", " - ", " 📞 ", ", "};

  record Case(String text, int start, String rendered, String digits, Technique technique) {}

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.longs().map(seed -> build(new Random(seed)));
  }

  static Case build(Random r) {
    StringBuilder digits = new StringBuilder();
    if (r.nextBoolean()) digits.append("555");
    digits.append("55501").append(r.nextInt(10)).append(r.nextInt(10));
    Technique t = Technique.values()[r.nextInt(5)];
    String rendered = render(digits.toString(), t, r);
    boolean plus = r.nextInt(4) == 0 && t != Technique.EMOJI_KEYCAP;
    if (plus) {
      rendered = "+" + rendered;
      digits.insert(0, '+');
    }
    StringBuilder text = new StringBuilder();
    filler(text, r);
    if (text.length() > 0) text.append(JOINERS[r.nextInt(JOINERS.length)]);
    int start = text.length();
    text.append(rendered);
    if (r.nextBoolean()) {
      text.append(JOINERS[r.nextInt(JOINERS.length)]);
      filler(text, r);
    }
    return new Case(text.toString(), start, rendered, digits.toString(), t);
  }

  static void filler(StringBuilder sb, Random r) {
    int words = r.nextInt(6);
    for (int i = 0; i < words; i++) {
      if (i > 0) sb.append(' ');
      sb.append(FILLER[r.nextInt(FILLER.length)]);
    }
  }

  static String render(String digits, Technique t, Random r) {
    StringBuilder sb = new StringBuilder();
    String[] lang = WORDS[r.nextInt(WORDS.length)];
    switch (t) {
      case DIGITS_AS_WORDS -> {
        String sep = new String[] {" ", "-", " - ", ".", "", " · "}[r.nextInt(6)];
        for (int i = 0; i < digits.length(); i++) {
          if (i > 0) sb.append(sep);
          String w = lang[digits.charAt(i) - '0'];
          sb.append(r.nextInt(3) == 0 ? w.toUpperCase(java.util.Locale.ROOT) : w);
        }
      }
      case MIXED_DIGITS_AND_WORDS -> {
        // One word at least three units from either end: a word or two at the very end of a plain
        // number is read as part of the sentence (PhoneNumberScanner.MAX_STRAY_WORDS).
        int word = 2 + r.nextInt(digits.length() - 4);
        int glyph = (word + 1 + r.nextInt(digits.length() - 1)) % digits.length();
        for (int i = 0; i < digits.length(); i++) {
          if (i > 0) sb.append(r.nextBoolean() ? " " : "-");
          boolean asWord = i == word || (i != glyph && r.nextBoolean());
          sb.append(asWord ? lang[digits.charAt(i) - '0'] : digits.charAt(i));
        }
      }
      case SEPARATOR_EVERY_DIGIT -> {
        String[] seps = {" ", ".", "-", " . ", "_", "*", "  ", " | "};
        String sep = seps[r.nextInt(seps.length)];
        for (int i = 0; i < digits.length(); i++) {
          if (i > 0) sb.append(r.nextInt(4) == 0 ? seps[r.nextInt(seps.length)] : sep);
          sb.append(digits.charAt(i));
        }
      }
      case EMOJI_KEYCAP -> {
        for (int i = 0; i < digits.length(); i++) {
          if (i > 0 && r.nextInt(3) == 0) sb.append(' ');
          sb.append(digits.charAt(i)).append(r.nextBoolean() ? "\uFE0F\u20E3" : "\u20E3");
        }
      }
      case LETTER_O_FOR_ZERO -> {
        for (int i = 0; i < digits.length(); i++) {
          char c = digits.charAt(i);
          sb.append(c == '0' ? (r.nextBoolean() ? 'O' : 'o') : c);
        }
      }
      default -> throw new IllegalStateException();
    }
    return sb.toString();
  }

  @Property(tries = 1000)
  void obscuredNumbersAreFoundNormalisedAndSpanned(@ForAll("cases") Case c) {
    List<Candidate> found = S.scanObscured(c.text());
    assertThat(found).as("text: %s", c.text()).hasSize(1);
    Candidate k = found.get(0);
    assertThat(k.normalised()).as("text: %s", c.text()).isEqualTo(c.digits());
    assertThat(c.text().substring(k.start(), k.end())).as("text: %s", c.text()).isEqualTo(c.rendered());
    assertThat(k.start()).isEqualTo(c.start());
    assertThat(k.techniques()).contains(c.technique());
  }

  @Provide
  Arbitrary<String> phoneishText() {
    Arbitrary<String> pieces = Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(6),
        Arbitraries.of("5", "0", "five", "fünf", "пять", "O", "o", "+", " ", ".", "-", "\uFE0F", "\u20E3", "\uD83D",
            "\uDC8B", "５", "\u0308", "$", "/", ":", ",", "\n", "zero", "oh", "'", "%", "𝟓"));
    return pieces.list().ofMaxSize(80).map(l -> String.join("", l));
  }

  @Property(tries = 2000)
  void neverThrowsAndCandidatesAreWellFormed(@ForAll("phoneishText") String text) {
    List<Candidate> all = S.scan(text);
    int lastEnd = 0;
    for (Candidate k : all) {
      assertThat(k.start()).isGreaterThanOrEqualTo(lastEnd);
      assertThat(k.end()).isGreaterThan(k.start()).isLessThanOrEqualTo(text.length());
      assertThat(k.digitCount()).isBetween(PhoneNumberScanner.MIN_DIGITS, PhoneNumberScanner.MAX_DIGITS);
      assertThat(k.normalised()).matches("\\+?[0-9]+");
      lastEnd = k.end();
    }
  }

  @Property(tries = 300)
  void neverThrowsOnArbitraryUnicode(@ForAll String text) {
    List<Candidate> all = new ArrayList<>(S.scan(text));
    for (Candidate k : all) assertThat(k.end()).isLessThanOrEqualTo(text.length());
  }
}
