package org.redflag.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import java.text.Normalizer;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@link AsciiTable} against oracles that do not read it: {@code java.text.Normalizer} (the JDK's NFKC,
 * not ICU's) with root-locale lower-casing for the fold, and Unicode properties for the bits.
 */
class AsciiTableTest {
  private static int info(char c) { return c < AsciiTable.INFO.length ? AsciiTable.INFO[c] : 0; }

  @Test
  void everyBmpCharTheTableHandlesIsPrintableAsciiFoldedAsNfkcLowerCase() {
    int handled = 0;
    for (int c = 0; c <= 0xFFFF; c++) {
      int info = info((char) c);
      boolean printableAscii = c > 0x20 && c < 0x7F;
      assertThat(info != 0).as("U+%04X handled by the ASCII path", c).isEqualTo(printableAscii);
      if (info == 0) continue;
      handled++;
      String oracle = Normalizer.normalize(String.valueOf((char) c), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
      assertThat(String.valueOf((char) (info & 0xFFFF))).as("fold of U+%04X", c).isEqualTo(oracle);
      // and the general path folds it alike: the two paths cannot disagree
      int entry = FoldTable.entry(c);
      assertThat(FoldTable.kind(entry)).isEqualTo(FoldTable.KIND_CHARS);
      assertThat(FoldTable.length(entry)).isEqualTo(1);
      assertThat(FoldTable.data(FoldTable.offset(entry))).isEqualTo((char) (info & 0xFFFF));
    }
    assertThat(handled).isEqualTo(0x7F - 0x21);
  }

  @Test
  void bitsAgreeWithUnicodeProperties() {
    for (char c = 0x21; c < 0x7F; c++) {
      int info = AsciiTable.INFO[c];
      assertThat((info & AsciiTable.INFO_LETTER) != 0).as("letter %s", c).isEqualTo(Character.isLetter(c));
      assertThat(AsciiTable.isAsciiLetter(c)).as("isAsciiLetter %s", c).isEqualTo(Character.isLetter(c));
      // a keycap emoji starts with # * or a digit: the chars of ASCII with the Emoji_Component property
      assertThat((info & AsciiTable.INFO_PLAIN) == 0).as("keycap base %s", c)
          .isEqualTo(UCharacter.hasBinaryProperty(c, UProperty.EMOJI_COMPONENT));
      // - is ASCII's dash punctuation, _ its connector punctuation
      int type = Character.getType(c);
      assertThat((info & AsciiTable.INFO_HYPHEN) != 0).as("hyphen %s", c)
          .isEqualTo(type == Character.DASH_PUNCTUATION || type == Character.CONNECTOR_PUNCTUATION);
      assertThat((info & AsciiTable.INFO_SEPARATOR) != 0).as("separator %s", c).isEqualTo(".-_*~".indexOf(c) >= 0);
      int token = info >>> AsciiTable.INFO_TOKEN_SHIFT & Leetspeak.TOKEN_MIXED;
      int expected = Character.isLetter(c) ? Leetspeak.TOKEN_LETTER
          : Character.isDigit(c) || "@$!|".indexOf(c) >= 0 ? Leetspeak.TOKEN_OTHER : 0;
      assertThat(token).as("token class %s", c).isEqualTo(expected);
    }
  }

  @Test
  void lineBreaksAreTheMandatoryBreaksOfUax14() {
    for (char c = 0; c <= ' '; c++) {
      int lb = UCharacter.getIntPropertyValue(c, UProperty.LINE_BREAK);
      boolean mandatory = lb == UCharacter.LineBreak.MANDATORY_BREAK || lb == UCharacter.LineBreak.CARRIAGE_RETURN
          || lb == UCharacter.LineBreak.LINE_FEED || lb == UCharacter.LineBreak.NEXT_LINE;
      assertThat(AsciiTable.BREAK[c]).as("U+%04X is a line break", (int) c).isEqualTo(mandatory);
    }
  }
}
