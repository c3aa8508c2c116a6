package org.redflag.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The production {@link TextPipeline}, which folds, applies leetspeak and removes most word-separating
 * spaces in one pass, produces exactly what the original three separate passes produced
 * ({@link ReferenceTextPipeline}): the same normalised chars, offset map and boundary flags, for every
 * combination of options, over text built from the fragments where the passes interact (single letters,
 * digits and leetspeak symbols next to spaces and separators, line breaks, marks, zero-width chars,
 * emoji and keycaps, non-ASCII letters).
 */
class TextPipelineDifferentialProperties {
  private static final List<String> FRAGMENTS = List.of(
      "a", "b", "n", "e", "w", "I", "A", "x", "y", "new", "in", "town", "ab", "Hi", "love", "i", "to",
      "0", "1", "3", "4", "7", "2", "200", "n3w", "t0wn", "1n", "av4il4ble", "24/7", "hr", "555",
      "@", "$", "!", "|", "@gency", "$exy",
      ".", "-", "_", "\u00B7", "\u2022", "*", "~", ",", ";", ":", "?", "%", "/", "'",
      " ", " ", " ", "  ", "\n", "\t", "\r\n", "\u00A0", "\u2028", "\u0007",
      "\u00E9", "\u00DF", "\u043E", "\u0435", "\u044F", "\u0432", "\u0416", "\uFF2E", "\u0301", "\u200B", "\u00AD",
      "\uD83D\uDE00", "\uD83D\uDC4D\uD83C\uDFFD", "\u2764\uFE0F", "\u2764", "3\uFE0F\u20E3", "#\u20E3", "\uD83C\uDF52",
      "\uD800", "\uDC00", "\uD840\uDC00", "\u0000");

  @Property(tries = 1500)
  void fusedPassesMatchTheReference(@ForAll("text") String text) {
    check(text);
  }

  /** Long texts: many separators (the list of those the fold kept grows), many spans and joins. */
  @Property(tries = 40)
  void longTextsMatchTheReference(@ForAll("longText") String text) {
    check(text);
  }

  /** Hand-picked interactions that random fragments rarely line up. */
  @net.jqwik.api.Example
  void trickyJoinsMatchTheReference() {
    for (String text : List.of("a.3 4", "a.3.4", "a 3 4 5", "3 4 a", "n 3 w", "n.3.w", "a b c", "x.y z", "ab c d",
        "1 2 3", "a 1 2", "a.b-c d", "n.e.w i n t o w n", "N.E.W  I N\nT O W N", "I a m", "a@b c", "b!3 w",
        "a.b@c", "a $ b", "a. b", "a .b", "a-b c", "a - b", "a_b_c d", "walk-in e-mail x-y", "a\u00B7b\u2022c",
        "a e\u0301 b", "a 3\uFE0F\u20E3 b", "a.b\u200Bc", "\u043E \u0435 x", "a b\nc d", "a\n\nb", " a b ",
        "-a-b-", "a.b.c.d.e.f.g", "1.2.3 a.b", "av4il4ble 24/7 n3w 1n t0wn",
        // the letter loop's own word ends (one space; a comma or full stop and one space), near the end
        // of the text (where the NULs after the fold's copy are read) and after a token leetspeak folds
        "ab cd", "ab c", "a bc", "a b", "ab cd e", "x ab c", "ab, cd", "ab. cd", "ab, c", "ab. c", "ab,c",
        "ab.c", "ab, 3", "ab. ", "ab ", "ab,", "n3w town", "t0wn ab", "$h ab", "h$ ab", "ab  cd", "ab \ncd",
        "ab\tcd", "ab\r\ncd", "ab.\ncd", "ab,\u00A0cd", "I am in town. Call me, ok")) {
      check(text);
    }
  }

  private static void check(String text) {
    for (boolean leet : new boolean[] {true, false}) {
      for (boolean join : new boolean[] {true, false}) {
        AnalyzedText expected = new ReferenceTextPipeline(leet, join).analyze(text);
        TextPipeline pipeline = TextPipeline.builder().leetspeak(leet).joinLetters(join).build();
        AnalyzedText fresh = pipeline.analyze(text);
        AnalyzedText reused = pipeline.analyze(text, REUSED.get());
        for (AnalyzedText actual : new AnalyzedText[] {fresh, reused}) {
          String where = "leetspeak=" + leet + " join=" + join + " text=" + escape(text.length() > 400 ? text.substring(0, 400) + "..." : text);
          assertThat(actual.normalized()).as(where).isEqualTo(expected.normalized());
          // word and clause flags; the reference has no FLAG_WIDE (it stores every end)
          int wordFlags = AnalyzedText.FLAG_BOUNDARY | AnalyzedText.FLAG_CLAUSE;
          for (int i = 0; i < expected.length(); i++) {
            // assertions only on a difference (thousands of chars per text)
            if (actual.originalStart(i) != expected.originalStart(i)) {
              assertThat(actual.originalStart(i)).as(where + " start " + i).isEqualTo(expected.originalStart(i));
            }
            if (actual.originalEnd(i + 1) != expected.originalEnd(i + 1)) {
              assertThat(actual.originalEnd(i + 1)).as(where + " end " + i).isEqualTo(expected.originalEnd(i + 1));
            }
            if ((actual.flags[i] & wordFlags) != (expected.flags[i] & wordFlags)) {
              assertThat(actual.flags[i] & wordFlags).as(where + " flags " + i).isEqualTo(expected.flags[i] & wordFlags);
            }
          }
          if (expected.length() > 0) {
            assertThat(actual.wordsBetween(0, actual.length())).as(where).isEqualTo(expected.wordsBetween(0, expected.length()));
            assertThat(actual.sameClause(0, actual.length() - 1)).as(where).isEqualTo(expected.sameClause(0, expected.length() - 1));
          }
        }
      }
    }
  }

  /** One reused buffer per thread, refilled by texts of every length in turn (stale contents must not leak). */
  private static final ThreadLocal<AnalyzedText> REUSED = ThreadLocal.withInitial(AnalyzedText::reusable);

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.of(FRAGMENTS).list().ofMaxSize(60).map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<String> longText() {
    return Arbitraries.of(FRAGMENTS).list().ofMinSize(300).ofMaxSize(2000).map(parts -> String.join("", parts));
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c >= 0x20 && c < 0x7F) b.append(c);
      else b.append(String.format("\\u%04X", (int) c));
    }
    return b.toString();
  }
}
