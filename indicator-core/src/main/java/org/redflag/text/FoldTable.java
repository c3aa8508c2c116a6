package org.redflag.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;

/**
 * Per-code-point folding, computed once at class initialisation from ICU4J data so that the hot path
 * is one array read per code point (ICU's normaliser allocates per call; ours must not).
 *
 * <p>The fold of a code point is: NFKC with case folding; then diacritics removed (NFD, drop
 * non-spacing and enclosing marks); then, for a result that is still not ASCII, the UTS #39 confusable
 * skeleton (ICU {@link SpoofChecker#getSkeleton}) when that skeleton is ASCII letters or digits, so
 * Cyrillic {@code о}, Greek {@code ο} and Latin {@code o} fold alike. ASCII itself is only lower-cased:
 * skeletons would turn {@code m} into {@code rn} and {@code 0} into {@code O}, which costs precision and
 * buys nothing for text already in ASCII.
 *
 * <p>Code points from U+20000 up (CJK extensions, tags) are folded on the slow path by the caller.
 */
final class FoldTable {
  static final int LIMIT = 0x20000;

  static final int KIND_DROP = 0;   // default-ignorable, format char: vanishes
  static final int KIND_MARK = 1;   // combining mark: vanishes, but its source joins the previous char
  static final int KIND_CHARS = 2;  // folds to payload chars
  static final int KIND_SPACE = 3;  // white space (not a line break)
  static final int KIND_BREAK = 4;  // line or paragraph break
  static final int KIND_CONTROL = 5; // other control char: acts as a space

  /** kind in bits 28..31, length in bits 20..27, offset into {@link #DATA} in bits 0..19. */
  private static final int[] ENTRY = new int[LIMIT];
  private static final char[] DATA;

  static final Normalizer2 NFKC_CF = Normalizer2.getNFKCCasefoldInstance();
  private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

  static {
    SpoofChecker spoof = new SpoofChecker.Builder().build();
    StringBuilder data = new StringBuilder(LIMIT + 8192);
    // identity entries for BMP chars are stored once, at offset = char value, so most entries share data
    for (int c = 0; c < 0x10000; c++) data.append((char) c);
    for (int cp = 0; cp < LIMIT; cp++) {
      int type = UCharacter.getType(cp);
      if (cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
        ENTRY[cp] = KIND_BREAK << 28;
        continue;
      }
      if (type == UCharacterCategory.CONTROL) {
        ENTRY[cp] = (cp == '\t' ? KIND_SPACE : KIND_CONTROL) << 28;
        continue;
      }
      if (UCharacter.isUWhiteSpace(cp) || type == UCharacterCategory.SPACE_SEPARATOR) {
        ENTRY[cp] = KIND_SPACE << 28;
        continue;
      }
      if (type == UCharacterCategory.NON_SPACING_MARK || type == UCharacterCategory.ENCLOSING_MARK) {
        ENTRY[cp] = KIND_MARK << 28;
        continue;
      }
      if (type == UCharacterCategory.FORMAT || UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)) {
        ENTRY[cp] = KIND_DROP << 28;
        continue;
      }
      if (type == UCharacterCategory.SURROGATE || type == UCharacterCategory.UNASSIGNED
          || type == UCharacterCategory.PRIVATE_USE) {
        identity(cp, data);
        continue;
      }
      if (cp < 0x80) {
        int lower = cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
        ENTRY[cp] = (KIND_CHARS << 28) | (1 << 20) | lower;
        continue;
      }
      String folded = fold(cp, spoof);
      if (folded.isEmpty()) {
        ENTRY[cp] = KIND_DROP << 28;
      } else if (folded.length() == 1) {
        ENTRY[cp] = (KIND_CHARS << 28) | (1 << 20) | folded.charAt(0);
      } else {
        int len = Math.min(folded.length(), 255);
        ENTRY[cp] = (KIND_CHARS << 28) | (len << 20) | data.length();
        data.append(folded, 0, len);
      }
    }
    if (data.length() >= (1 << 20)) throw new IllegalStateException("fold table data exceeds 20-bit offsets");
    DATA = data.toString().toCharArray();
  }

  private FoldTable() {}

  private static void identity(int cp, StringBuilder data) {
    if (cp < 0x10000) {
      ENTRY[cp] = (KIND_CHARS << 28) | (1 << 20) | cp;
    } else {
      ENTRY[cp] = (KIND_CHARS << 28) | (2 << 20) | data.length();
      data.append(Character.toChars(cp));
    }
  }

  /** The fold of one code point (slow path; used to build the table and beyond it). */
  static String fold(int cp, SpoofChecker spoof) {
    String s = NFKC_CF.normalize(new String(Character.toChars(cp)));
    String stripped = stripMarks(s);
    if (isAscii(stripped) || spoof == null) return stripped;
    if (Character.isLetter(cp) || Character.isDigit(cp)) {
      String skeleton = stripMarks(NFKC_CF.normalize(spoof.getSkeleton(stripped)));
      if (!skeleton.isEmpty() && skeleton.length() <= 3 && isAsciiLetterOrDigit(skeleton)) return skeleton;
    }
    return stripped;
  }

  private static String stripMarks(String s) {
    String d = NFD.normalize(s);
    StringBuilder sb = new StringBuilder(d.length());
    for (int i = 0; i < d.length(); ) {
      int c = d.codePointAt(i);
      int t = UCharacter.getType(c);
      if (t != UCharacterCategory.NON_SPACING_MARK && t != UCharacterCategory.ENCLOSING_MARK) sb.appendCodePoint(c);
      i += Character.charCount(c);
    }
    return NFKC_CF.normalize(sb);
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x80) return false;
    return true;
  }

  private static boolean isAsciiLetterOrDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
    }
    return true;
  }

  static int entry(int cp) { return ENTRY[cp]; }

  static int kind(int entry) { return entry >>> 28; }

  static int length(int entry) { return (entry >>> 20) & 0xFF; }

  static int offset(int entry) { return entry & 0xFFFFF; }

  static char data(int i) { return DATA[i]; }
}
