package org.redflag.identifier;

import com.google.common.collect.Sets;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Finds phone-number candidates in text, both plainly written ({@code 555-123-4567}) and written to
 * dodge scrapers (digits as words in English, German or Russian, words mixed with digits, a separator
 * between every digit, emoji keycap digits, non-ASCII digits, the letter O for zero). Each candidate
 * has its span in the given text (UTF-16 offsets, {@code text.substring(start, end)} is the surface
 * form), its normalised number (digits only, with a leading {@code +} when written) and the
 * obfuscation {@link Technique}s seen; a candidate with none is a plain number.
 *
 * <p>Hand-written rather than a regular expression because it runs over untrusted advert text in the
 * scoring path: one forward pass over the code points, lookahead bounded by the longest number word,
 * no backtracking, so time is linear in the text length.
 *
 * <p>Rules. A candidate is a run of digit units (a digit, a keycap digit, a number word, a letter O
 * touching a digit) joined by gaps of at most {@value #MAX_GAP} separator chars (space, tab, {@code .
 * - _ * · • | ~ ( )}, no line break; a comma too, right after a number word). Anything else ends it. A digit run glued to something that
 * makes it a quantity rather than part of a number — a letter ({@code 34C}, {@code 23yo}, {@code
 * 10pm}), a currency sign ({@code $80}, {@code 80€}), {@code %}, a quote ({@code 5'6}), or {@code :
 * / ,} between digits ({@code 10:30}, {@code 24/7}, {@code 12/05}, {@code 1,500}) — is not a unit
 * and ends the candidate, and so does a full stop plus space after a run of two or more digits ({@code
 * I'm 23. five …}). Only candidates with {@value #MIN_DIGITS} to {@value #MAX_DIGITS} digits are
 * reported, and not counting sequences or one repeated digit ({@code 1 2 3 4 5 6 7}, {@code one one
 * one …}), which are lists, not numbers. Thread-safe and stateless.
 *
 * <p>This class is the public face; each call runs a {@link PhoneScan} (per-thread state and the
 * forward pass), which reads with {@link PhoneReader} (digit runs) and {@link PhoneWordReader} (letter
 * words, from the vocabulary of {@link NumberWords}), joins with {@link PhoneJoins} and reports
 * with {@link PhoneCandidates}, {@link PhoneGapShape} and {@link PhoneTechniques}; character classes
 * are {@link PhoneChars}.
 */
public final class PhoneNumberScanner {
  public static final int MIN_DIGITS = 7;
  public static final int MAX_DIGITS = 15;
  /** Longest run of separator chars between two units of one number. */
  public static final int MAX_GAP = 3;
  /** Single separated digits needed for the separator technique (a plain {@code +1 555 …} has one). */
  static final int MIN_SEPARATED_SINGLES = 6;
  /**
   * At most this many number words at one end of an otherwise plainly written number are taken to
   * belong to the surrounding sentence ("555 0123 two girls", "oh 555 0123"), not to the number.
   */
  static final int MAX_STRAY_WORDS = 2;

  private static final PhoneNumberScanner DEFAULT = new PhoneNumberScanner();

  /** An obfuscation technique; {@link #ruleId()} is the stable evidence entry id. */
  public enum Technique {
    DIGITS_AS_WORDS("rule:phone.digits-as-words"),
    MIXED_DIGITS_AND_WORDS("rule:phone.mixed-digits-words"),
    SEPARATOR_EVERY_DIGIT("rule:phone.separator-every-digit"),
    EMOJI_KEYCAP("rule:phone.emoji-keycap"),
    LETTER_O_FOR_ZERO("rule:phone.letter-o-for-zero"),
    NON_ASCII_DIGITS("rule:phone.non-ascii-digits"),
    SYMBOL_SEPARATORS("rule:phone.symbol-separators"),
    LETTERS_FOR_DIGITS("rule:phone.letters-for-digits");

    private final String ruleId;

    Technique(String ruleId) { this.ruleId = ruleId; }

    public String ruleId() { return ruleId; }
  }

  /**
   * One candidate number: span {@code [start, end)} in the scanned text, the normalised number (for
   * linking; hash it before output), and the techniques seen (empty for a plainly written number).
   */
  public record Candidate(int start, int end, String normalised, Set<Technique> techniques) {
    public Candidate {
      Objects.requireNonNull(normalised, "normalised");
      techniques = Sets.immutableEnumSet(techniques);
    }

    /** True when written with at least one obfuscation technique. */
    public boolean obscured() { return !techniques.isEmpty(); }

    public int digitCount() { return normalised.startsWith("+") ? normalised.length() - 1 : normalised.length(); }

    @Override
    public String toString() {
      // Never print the number itself: candidates may end up in logs.
      return "Candidate[" + start + ", " + end + ", " + digitCount() + " digits, " + techniques + "]";
    }
  }

  public static PhoneNumberScanner defaults() { return DEFAULT; }

  /** Scans {@code text}; never throws on any string. */
  public List<Candidate> scan(CharSequence text) {
    Objects.requireNonNull(text, "text");
    return scan(text, false);
  }

  private List<Candidate> scan(CharSequence text, boolean obscuredOnly) {
    return PhoneScan.scan(text, obscuredOnly, false);
  }

  /**
   * {@link #scan} with the fast paths off (the skip over ordinary ASCII words and the two-letter
   * filter of the number-word split): the general path every char could take, which the fast paths
   * must agree with ({@code PhoneNumberScannerAgreementProperties}).
   */
  List<Candidate> scanWithoutFastPaths(CharSequence text) { return PhoneScan.scan(Objects.requireNonNull(text, "text"), false, true); }

  /** Only the obscured candidates of {@link #scan}. */
  public List<Candidate> scanObscured(CharSequence text) {
    // the same scan, but plainly written numbers are dropped before their candidate (digit string,
    // technique set) is built: most numbers in adverts are plain (why: AssessBenchmark.assess allocation)
    return scan(Objects.requireNonNull(text, "text"), true);
  }
}
