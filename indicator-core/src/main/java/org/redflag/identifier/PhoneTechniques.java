package org.redflag.identifier;

import static org.redflag.identifier.PhoneNumberScanner.MIN_SEPARATED_SINGLES;
import static org.redflag.identifier.PhoneScan.KEYCAP;
import static org.redflag.identifier.PhoneScan.LETTER_DIGIT;
import static org.redflag.identifier.PhoneScan.LETTER_O;
import static org.redflag.identifier.PhoneScan.NON_ASCII;
import static org.redflag.identifier.PhoneScan.PLAIN;
import static org.redflag.identifier.PhoneScan.WORD;

import java.util.EnumSet;
import org.redflag.identifier.PhoneNumberScanner.Technique;

/**
 * Names the obfuscation techniques of a candidate's units: words alone or mixed with digits, keycaps,
 * letters for digits, other scripts' digits, a separator after every digit, symbol gaps. Stateless.
 */
final class PhoneTechniques {
  private PhoneTechniques() {}

  /** The techniques of units {@code [from, to)}, whose gaps have shape {@code gaps} ({@link PhoneGapShape}). */
  static EnumSet<Technique> of(PhoneScan s, int from, int to, int gaps) {
    byte[] uKind = s.uKind;
    EnumSet<Technique> t = EnumSet.noneOf(Technique.class);
    boolean words = false, glyphs = false;
    int singles = 0;
    for (int u = from; u < to; u++) {
      switch (uKind[u]) {
        case WORD -> words = true;
        case KEYCAP -> { glyphs = true; t.add(Technique.EMOJI_KEYCAP); }
        case LETTER_O -> t.add(Technique.LETTER_O_FOR_ZERO);
        case LETTER_DIGIT -> t.add(Technique.LETTERS_FOR_DIGITS);
        case NON_ASCII -> { glyphs = true; t.add(Technique.NON_ASCII_DIGITS); }
        default -> glyphs = true;
      }
      if ((uKind[u] == PLAIN || uKind[u] == NON_ASCII || uKind[u] == KEYCAP) && s.uRunLen[u] == 1) singles++;
    }
    if (words) t.add(glyphs ? Technique.MIXED_DIGITS_AND_WORDS : Technique.DIGITS_AS_WORDS);
    if (singles >= MIN_SEPARATED_SINGLES && !t.contains(Technique.EMOJI_KEYCAP)) {
      t.add(Technique.SEPARATOR_EVERY_DIGIT);
    } else if (gaps == PhoneGapShape.SYMBOL_GAPS) {
      t.add(Technique.SYMBOL_SEPARATORS);
    }
    return t;
  }

  /**
   * Whether units {@code [from, to)} with plain gaps show no technique: the negation of what {@link
   * #of} derives (no word, keycap, letter O or non-ASCII unit, and fewer than MIN_SEPARATED_SINGLES
   * single digits), decided without building the set.
   */
  static boolean plain(PhoneScan s, int from, int to) {
    int singles = 0;
    for (int u = from; u < to; u++) {
      if (s.uKind[u] != PLAIN) return false;
      if (s.uRunLen[u] == 1) singles++;
    }
    return singles < MIN_SEPARATED_SINGLES;
  }
}
