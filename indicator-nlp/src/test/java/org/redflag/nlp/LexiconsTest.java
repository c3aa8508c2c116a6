package org.redflag.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The char-span lookups of {@link Lexicons} against the String path they stand in for. */
class LexiconsTest {
  /** Letters of the three languages in both cases, look-alikes and the chars the span path hands back. */
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'\u2019-0123456789"
      + "äöüßÄÖÜéÀÿŸőŐǅǄ" // Latin-1 and Latin Extended (U+01C5 is title case)
      + "\u0130\u0131\u03A3\u03C3\u03C2" // İ ı Σ σ ς: lower-cased differently by String
      + "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
      + "\uD83D\uDE00\u00A0\u212A"; // a surrogate pair, no-break space, Kelvin sign

  private static List<String> words() {
    Random random = new Random(5);
    List<String> words = new ArrayList<>();
    List<String> listed = new ArrayList<>(Lexicons.IMPERATIVES);
    for (String p : List.of("i", "me", "she", "her", "they", "ihr", "ihre", "sie", "wir", "я", "она", "её", "мы", "их")) listed.add(p);
    for (int n = 0; n < 200_000; n++) {
      StringBuilder w = new StringBuilder();
      if (random.nextBoolean()) {
        // a listed word with random case and, now and then, one char changed
        String base = listed.get(random.nextInt(listed.size()));
        for (int k = 0; k < base.length(); k++) {
          char c = base.charAt(k);
          w.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        if (random.nextInt(4) == 0) w.setCharAt(random.nextInt(w.length()), ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        if (random.nextInt(8) == 0) w.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        String s = w.toString().replace('\'', random.nextBoolean() ? '\u2019' : '\'');
        words.add(s);
      } else {
        int len = 1 + random.nextInt(12);
        for (int k = 0; k < len; k++) w.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        words.add(w.toString());
      }
    }
    return words;
  }

  /** Chars the span path lower-cases itself (see {@code SpanTable.lower}). */
  private static boolean spanSafe(String w, boolean foldApostrophe) {
    for (char c : w.toCharArray()) {
      boolean ok = c < 0x80 || (c >= 0xC0 && c <= 0x24F && c != 0x130) || (c >= 0x400 && c <= 0x4FF) || (foldApostrophe && c == '\u2019');
      if (!ok) return false;
    }
    return true;
  }

  @Test
  void imperativeSpanLookupAgreesWithTheStringPath() {
    int found = 0;
    for (String w : words()) {
      char[] chars = ("  " + w + " ").toCharArray();
      int fast = Lexicons.isImperative(chars, 2, 2 + w.length());
      boolean expected = Lexicons.IMPERATIVES.contains(w.toLowerCase(Locale.ROOT).replace('\u2019', '\''));
      if (spanSafe(w, true)) {
        assertThat(fast).as(w).isEqualTo(expected ? 1 : 0);
        if (expected) found++;
      } else {
        assertThat(fast).as(w).isIn(-1, 0); // declines (or is too long for any listed word)
        if (fast == 0) assertThat(expected).as(w).isFalse();
      }
    }
    assertThat(found).isGreaterThan(10_000);
  }

  @Test
  void pronounSpanLookupAgreesWithTheStringPath() {
    int found = 0;
    for (String w : words()) {
      char[] chars = ("x" + w).toCharArray();
      int fast = Lexicons.pronounClass(chars, 1, 1 + w.length());
      int expected = Lexicons.pronounClass(w.toLowerCase(Locale.ROOT));
      if (!Lexicons.mayBePronoun(w.charAt(0), w.length())) assertThat(expected).as("filtered out: %s", w).isZero();
      if (spanSafe(w, false)) {
        assertThat(fast).as(w).isEqualTo(expected);
        if (expected != 0) found++;
      } else if (fast != -1) {
        assertThat(fast).as(w).isEqualTo(0);
        assertThat(expected).as(w).isEqualTo(0);
      }
    }
    assertThat(found).isGreaterThan(5_000);
  }
}
