package org.redflag.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

/** {@link FoldWriter}: what each write puts in the chars and the offset map. */
class FoldWriterTest {
  private static AnalyzedText text(String original, String written) {
    AnalyzedText t = new AnalyzedText(4);
    t.original = original;
    for (int k = 0; k < written.length(); k++) {
      t.ensureCapacity(k + 1);
      t.chars[k] = written.charAt(k);
      t.starts[k] = k;
    }
    t.length = written.length();
    return t;
  }

  @Test
  void aSpaceRunIsOneCharSpanningTheRunButNothingAtTheStart() {
    AnalyzedText t = text("ab \t\n cd", "ab");
    assertThat(FoldWriter.emitSpace(t, 0, 0, 3, false)).isZero();
    int len = FoldWriter.emitSpace(t, 2, 2, 6, true);
    t.length = len;
    assertThat(len).isEqualTo(3);
    assertThat(t.chars[2]).isEqualTo('\n');
    assertThat(t.originalStart(2)).isEqualTo(2);
    assertThat(t.originalEnd(3)).isEqualTo(6);
    assertThat(FoldWriter.emitSpace(t, 2, 2, 3, false)).isEqualTo(3);
    assertThat(t.chars[2]).isEqualTo(' ');
  }

  @Test
  void anEmojiKeyIsTwoCharsBothSpanningTheSequence() {
    int key = 0xF0123;
    AnalyzedText t = text("x\uD83D\uDC4B\uD83C\uDFFD", "x");
    t.length = FoldWriter.emitEmoji(t, 1, key, 1, 5);
    assertThat(t.length()).isEqualTo(3);
    assertThat(t.normalized().codePointAt(1)).isEqualTo(key);
    for (int k = 1; k < 3; k++) {
      assertThat(t.originalStart(k)).isEqualTo(1);
      assertThat(t.originalEnd(k + 1)).isEqualTo(5);
    }
  }

  @Test
  void aMultiCharFoldSpansItsCodePointWithFlagsOnTheFirstOnly() {
    AnalyzedText t = text("a \uFB01", "a");
    int entry = FoldTable.entry(0xFB01); // the ligature fi
    t.length = FoldWriter.emitFolded(t, 1, entry, AnalyzedText.FLAG_BOUNDARY, 2, 3);
    assertThat(t.normalized()).isEqualTo("a" + Normalizer.normalize("\uFB01", Normalizer.Form.NFKC));
    assertThat(t.boundaryBefore(1)).isTrue();
    assertThat(t.flags[2] & AnalyzedText.FLAG_BOUNDARY).isZero();
    for (int k = 1; k < 3; k++) {
      assertThat(t.originalStart(k)).isEqualTo(2);
      assertThat(t.originalEnd(k + 1)).isEqualTo(3);
    }
  }

  @Test
  void aMarkWidensTheCharJustBeforeItOnly() {
    AnalyzedText t = text("e\u0301 \u0301", "e");
    FoldWriter.attachMark(t, 1, 1, 2);
    assertThat(t.originalEnd(1)).isEqualTo(2);
    // not adjacent (white space between): unchanged
    FoldWriter.attachMark(t, 1, 3, 4);
    assertThat(t.originalEnd(1)).isEqualTo(2);
    // nothing written yet: nothing to widen
    AnalyzedText empty = text("\u0301", "");
    FoldWriter.attachMark(empty, 0, 0, 1);
    assertThat(empty.length()).isZero();
  }

  @Test
  void supplementaryCodePoints() {
    AnalyzedText t = text("", "");
    // a tag character vanishes
    assertThat(FoldWriter.emitSupplementary(t, 0, 0xE0041, 0, 2)).isZero();
    // a CJK compatibility ideograph folds as NFKC says; another supplementary char stays itself
    String compat = new String(Character.toChars(0x2F800));
    t.length = FoldWriter.emitSupplementary(t, 0, 0x2F800, 0, 2);
    assertThat(t.normalized()).isEqualTo(Normalizer.normalize(compat, Normalizer.Form.NFKC));
    t.length = FoldWriter.emitSupplementary(t, 0, 0x20000, 0, 2);
    assertThat(t.normalized()).isEqualTo(new String(Character.toChars(0x20000)));
    assertThat(t.originalStart(0)).isZero();
    assertThat(t.originalEnd(t.length())).isEqualTo(2);
  }
}
