package org.redflag.identifier;

import static org.redflag.identifier.PhoneNumberScanner.MAX_DIGITS;
import static org.redflag.identifier.PhoneNumberScanner.MAX_STRAY_WORDS;
import static org.redflag.identifier.PhoneNumberScanner.MIN_DIGITS;
import static org.redflag.identifier.PhoneScan.WORD;

import java.util.EnumSet;
import org.redflag.identifier.PhoneNumberScanner.Candidate;
import org.redflag.identifier.PhoneNumberScanner.Technique;

/**
 * Turns the units of a finished candidate into a reported {@link Candidate}, or drops them: number
 * words at one end of a plainly written number belong to the sentence ("555 0123 two girls"); too
 * few or too many digits, counting, one repeated digit, only teens and tens, a date or a list of round
 * amounts are not phone numbers. Stateless; it adds to the scan's output.
 */
final class PhoneCandidates {
  private PhoneCandidates() {}

  /** Reports the scan's units as a candidate when they are a number ({@link PhoneScan#flush} then resets them). */
  static void collect(PhoneScan s) {
    int count = s.count;
    byte[] uKind = s.uKind;
    if (count >= MIN_DIGITS && count <= s.uStart.length) {
      int lead = 0, trail = 0;
      while (lead < count && uKind[lead] == WORD) lead++;
      while (trail < count && uKind[count - 1 - trail] == WORD) trail++;
      if (lead < count && trail <= MAX_STRAY_WORDS && count - trail >= MIN_DIGITS && onlyGlyphs(s, lead, count - trail)
          && lead == 0 && trail > 0) {
        emit(s, 0, count - trail); // "555 0123 two girls": the words start the next sentence
      } else if (lead < count && lead <= MAX_STRAY_WORDS && count - lead >= MIN_DIGITS && trail == 0 && lead > 0
          && onlyGlyphs(s, lead, count)) {
        emit(s, lead, count);
      } else if (count <= MAX_DIGITS) {
        emit(s, 0, count);
      }
    }
  }

  static boolean onlyGlyphs(PhoneScan s, int from, int to) {
    for (int u = from; u < to; u++) if (s.uKind[u] == WORD) return false;
    return true;
  }

  /** Every unit comes from teen or tens words ("twenty thirty forty fifty"): a list, not a number. */
  static boolean onlyTens(PhoneScan s, int from, int to) {
    for (int u = from; u < to; u++) if (!s.uTens[u]) return false;
    return true;
  }

  /** "1 2 3 4 5 6 7", "one one one …", "9 8 7 …": counting or a repeated digit, not a phone number. */
  static boolean isCountingOrRepeat(PhoneScan s, int from, int to) {
    byte[] uDigit = s.uDigit;
    int step = Math.floorMod(uDigit[from + 1] - uDigit[from], 10);
    if (step != 0 && step != 1 && step != 9) return false;
    for (int u = from + 2; u < to; u++) if (Math.floorMod(uDigit[u] - uDigit[u - 1], 10) != step) return false;
    return true;
  }

  /** Adds units {@code [from, to)} to the scan's output unless they are no number (or plain, when only obscured ones are wanted). */
  static void emit(PhoneScan s, int from, int to) {
    if (to - from > MAX_DIGITS || isCountingOrRepeat(s, from, to) || onlyTens(s, from, to)) return;
    int gaps = PhoneGapShape.of(s, from, to);
    if (gaps == PhoneGapShape.NOT_A_NUMBER) return;
    if (s.obscuredOnly && gaps == PhoneGapShape.PLAIN_GAPS && PhoneTechniques.plain(s, from, to)) return;
    EnumSet<Technique> t = PhoneTechniques.of(s, from, to, gaps);
    StringBuilder num = new StringBuilder(to - from + 1);
    int start = s.uStart[from];
    if (s.plusAt >= 0 && s.plusAt + 1 == start) {
      num.append('+');
      start = s.plusAt;
    }
    for (int u = from; u < to; u++) num.append((char) ('0' + s.uDigit[u]));
    s.out.add(new Candidate(start, s.uEnd[to - 1], num.toString(), t));
  }
}
