package org.redflag.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link OffsetUnit} against independent oracles: the JDK's own code point count and UTF-8 encoder, and
 * slicing the text as a Python reader (code points) and a byte reader (UTF-8) would.
 */
class OffsetUnitProperties {
  private static final List<String> FRAGMENTS = List.of("a", "new", " ", "\u00E9", "\u00DF", "\u043E\u0436",
      "\u20AC", "\u4E2D", "\uD83D\uDE00", "\uD835\uDC27\uD835\uDC1E\uD835\uDC30" /* math bold "new" */,
      "\uD83D\uDC4D\uD83C\uDFFD", "\u2764\uFE0F", "5", "\n", "\u0301");

  @Example
  void slicingInEachUnitGivesTheSameCharacters() {
    String text = "\uD83D\uDE00\uD83D\uDE00 \uD835\uDC27\uD835\uDC1E\uD835\uDC30 caf\u00E9 new in town";
    int start = text.indexOf("new in");
    int end = start + "new in".length();
    assertThat(start).isEqualTo(17);

    int cp0 = OffsetUnit.CODEPOINTS.fromUtf16(text, start);
    int cp1 = OffsetUnit.CODEPOINTS.fromUtf16(text, end);
    assertThat(cp0).isEqualTo(12); // two emoji, space, three bold letters, space, "café", space
    int[] cps = text.codePoints().toArray();
    assertThat(new String(cps, cp0, cp1 - cp0)).isEqualTo("new in");

    int b0 = OffsetUnit.UTF8.fromUtf16(text, start);
    int b1 = OffsetUnit.UTF8.fromUtf16(text, end);
    assertThat(b0).isEqualTo(4 + 4 + 1 + 12 + 1 + 5 + 1);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    assertThat(new String(Arrays.copyOfRange(bytes, b0, b1), StandardCharsets.UTF_8)).isEqualTo("new in");

    assertThat(OffsetUnit.UTF16.fromUtf16(text, start)).isEqualTo(start);
    assertThat(text.substring(start, end)).isEqualTo("new in");
    for (OffsetUnit u : OffsetUnit.values()) {
      assertThat(u.toUtf16(text, u.fromUtf16(text, start))).isEqualTo(start);
    }
  }

  @Property(tries = 300)
  void matchesTheJdkOraclesAtEveryBoundary(@ForAll("text") String text) {
    List<Integer> boundaries = boundaries(text);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    OffsetUnit.Converter cp = OffsetUnit.CODEPOINTS.converter(text);
    OffsetUnit.Converter u8 = OffsetUnit.UTF8.converter(text);
    for (int i : boundaries) {
      int expectedCp = text.codePointCount(0, i);
      int expectedU8 = text.substring(0, i).getBytes(StandardCharsets.UTF_8).length;
      assertThat(cp.fromUtf16(i)).isEqualTo(expectedCp);
      assertThat(u8.fromUtf16(i)).isEqualTo(expectedU8);
      assertThat(OffsetUnit.CODEPOINTS.toUtf16(text, expectedCp)).isEqualTo(i);
      assertThat(OffsetUnit.UTF8.toUtf16(text, expectedU8)).isEqualTo(i);
      assertThat(new String(Arrays.copyOfRange(bytes, 0, expectedU8), StandardCharsets.UTF_8)).isEqualTo(text.substring(0, i));
    }
  }

  /** A converter asked in any order (walking back when an offset is smaller) answers as a fresh one. */
  @Property(tries = 200)
  void converterOrderDoesNotMatter(@ForAll("textWithLoneSurrogates") String text, @ForAll @IntRange(min = 0, max = 1000) int seed) {
    List<Integer> boundaries = boundaries(text);
    java.util.Collections.shuffle(boundaries, new java.util.Random(seed));
    for (OffsetUnit unit : OffsetUnit.values()) {
      OffsetUnit.Converter c = unit.converter(text);
      for (int i : boundaries) assertThat(c.fromUtf16(i)).isEqualTo(unit.fromUtf16(text, i));
    }
  }

  @Example
  void unpairedSurrogatesAndSplitPairs() {
    String lone = "a\uD800b"; // as WTF-8: three bytes
    assertThat(OffsetUnit.UTF8.fromUtf16(lone, 2)).isEqualTo(4);
    assertThat(OffsetUnit.CODEPOINTS.fromUtf16(lone, 3)).isEqualTo(lone.codePointCount(0, 3));
    String pair = "\uD83D\uDE00x";
    assertThat(OffsetUnit.CODEPOINTS.fromUtf16(pair, 1)).isEqualTo(pair.codePointCount(0, 1)); // whole pair
    assertThat(OffsetUnit.UTF8.fromUtf16(pair, 1)).isEqualTo(4);
    assertThatThrownBy(() -> OffsetUnit.UTF8.toUtf16(pair, 2)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("inside a character");
    assertThatThrownBy(() -> OffsetUnit.CODEPOINTS.toUtf16(pair, 3)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("past the end");
    assertThatThrownBy(() -> OffsetUnit.UTF8.fromUtf16(pair, 4)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Example
  void labels() {
    for (OffsetUnit u : OffsetUnit.values()) assertThat(OffsetUnit.parse(u.label())).isSameAs(u);
    assertThat(OffsetUnit.parse("CodePoints")).isSameAs(OffsetUnit.CODEPOINTS);
    assertThatThrownBy(() -> OffsetUnit.parse("utf32")).hasMessage(
        "unknown offset unit 'utf32' (expected utf16, codepoints or utf8)");
  }

  private static List<Integer> boundaries(String text) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i <= text.length(); i = i < text.length() ? text.offsetByCodePoints(i, 1) : i + 1) out.add(i);
    return out;
  }

  /** With unpaired surrogates too, where walking back must split pairs exactly as walking forward did. */
  @Provide
  Arbitrary<String> textWithLoneSurrogates() {
    List<String> f = new ArrayList<>(FRAGMENTS);
    f.addAll(List.of("\uD800", "\uDC00", "\uD83D", "\uDE00"));
    return Arbitraries.of(f).list().ofMaxSize(30).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.of(FRAGMENTS).list().ofMaxSize(30).map(l -> String.join("", l));
  }
}
