package org.redflag.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;

/**
 * Per-code-point folding from ICU4J data, so that the hot path is one array read per code point (ICU's
 * normaliser allocates per call; ours must not).
 *
 * <p>The fold of a code point is: NFKC with case folding; then diacritics removed (NFD, drop
 * non-spacing and enclosing marks); then, for a result that is still not ASCII, the UTS #39 confusable
 * skeleton (ICU {@link SpoofChecker#getSkeleton}) when that skeleton is ASCII letters or digits, so
 * Cyrillic {@code о}, Greek {@code ο} and Latin {@code o} fold alike. ASCII itself is only lower-cased:
 * skeletons would turn {@code m} into {@code rn} and {@code 0} into {@code O}, which costs precision and
 * buys nothing for text already in ASCII.
 *
 * <p>Class initialisation classifies every code point below {@link #LIMIT} (white space, breaks,
 * controls, marks, ignorables, unassigned) and folds ASCII; the fold of the other assigned code points
 * (about 80,000, most of them CJK and Hangul) is computed the first time one is asked for and kept.
 * Why: computing them all at start-up (the confusable skeletons most of it) would delay every JVM's
 * first use of the pipeline, once per CLI run, for code points most adverts never contain. {@code FoldTableTest} checks every entry against the eager computation, also from
 * several threads at once.
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

  /** An entry not computed yet (kind 15, which no entry has). Never returned by {@link #entry}. */
  private static final int UNKNOWN = 0xF << 28;

  /**
   * kind in bits 28..31, length in bits 20..27, offset into {@link #data} in bits 0..19. Entries are
   * written once: at class initialisation, or by {@link #compute} with release semantics after the data
   * they point into is published, and read with acquire semantics.
   */
  private static final int[] ENTRY = new int[LIMIT];
  private static final java.lang.invoke.VarHandle ENTRIES = java.lang.invoke.MethodHandles.arrayElementVarHandle(int[].class);
  /** The folded chars; replaced (never changed in place where entries point) when a fold is appended. */
  private static volatile char[] data;
  /** Used length of {@link #data}; guarded by the class lock. */
  private static int dataLength;
  private static SpoofChecker spoof; // made on the first computed fold; guarded by the class lock

  static final Normalizer2 NFKC_CF = Normalizer2.getNFKCCasefoldInstance();
  private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

  static {
    StringBuilder initial = new StringBuilder(LIMIT + 8192);
    // identity entries for BMP chars are stored once, at offset = char value, so most entries share data
    for (int c = 0; c < 0x10000; c++) initial.append((char) c);
    for (int cp = 0; cp < LIMIT; cp++) ENTRY[cp] = classify(cp, initial);
    char[] d = new char[initial.length() + 4096];
    initial.getChars(0, initial.length(), d, 0);
    dataLength = initial.length();
    data = d;
  }

  /**
   * The entry of {@code cp} when it needs no fold (appending identity data for supplementary code points
   * to {@code d}), else {@link #UNKNOWN}.
   */
  private static int classify(int cp, StringBuilder d) {
    int type = UCharacter.getType(cp);
    if (cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
      return KIND_BREAK << 28;
    }
    if (type == UCharacterCategory.CONTROL) return (cp == '\t' ? KIND_SPACE : KIND_CONTROL) << 28;
    if (UCharacter.isUWhiteSpace(cp) || type == UCharacterCategory.SPACE_SEPARATOR) return KIND_SPACE << 28;
    if (type == UCharacterCategory.NON_SPACING_MARK || type == UCharacterCategory.ENCLOSING_MARK) return KIND_MARK << 28;
    if (type == UCharacterCategory.FORMAT || UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)) {
      return KIND_DROP << 28;
    }
    if (type == UCharacterCategory.SURROGATE || type == UCharacterCategory.UNASSIGNED || type == UCharacterCategory.PRIVATE_USE) {
      if (cp < 0x10000) return (KIND_CHARS << 28) | (1 << 20) | cp;
      int at = d.length();
      d.append(Character.toChars(cp));
      return (KIND_CHARS << 28) | (2 << 20) | at;
    }
    if (cp < 0x80) return (KIND_CHARS << 28) | (1 << 20) | (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
    return UNKNOWN;
  }

  /** Folds {@code cp} (one not classified at start-up) and records its entry; at most once per code point. */
  private static synchronized int compute(int cp) {
    int e = ENTRY[cp];
    if (e != UNKNOWN) return e;
    if (spoof == null) spoof = new SpoofChecker.Builder().build();
    String folded = fold(cp, spoof);
    if (folded.isEmpty()) {
      e = KIND_DROP << 28;
    } else if (folded.length() == 1) {
      e = (KIND_CHARS << 28) | (1 << 20) | folded.charAt(0);
    } else {
      int len = Math.min(folded.length(), 255);
      if (dataLength + len >= (1 << 20)) throw new IllegalStateException("fold table data exceeds 20-bit offsets");
      char[] d = data;
      if (dataLength + len > d.length) d = java.util.Arrays.copyOf(d, Math.max(dataLength + len, d.length + (d.length >> 2)));
      folded.getChars(0, len, d, dataLength);
      e = (KIND_CHARS << 28) | (len << 20) | dataLength;
      dataLength += len;
      data = d; // publishes the chars (a volatile write) before the entry that points at them
    }
    ENTRIES.setRelease(ENTRY, cp, e);
    return e;
  }

  /**
   * The entry of {@code cp}, folding it if no one has yet (one synchronised computation per code point
   * and JVM; later reads are one array read and a compare).
   */
  static int entry(int cp) {
    int e = (int) ENTRIES.getAcquire(ENTRY, cp);
    return e != UNKNOWN ? e : compute(cp);
  }

  /**
   * The entry of {@code cp} as the eager computation gives it, as (kind, folded chars): for tests.
   * Does not touch the table.
   */
  static String reference(int cp) {
    StringBuilder d = new StringBuilder();
    int e = classify(cp, d);
    if (e == UNKNOWN) {
      String folded = fold(cp, new SpoofChecker.Builder().build());
      return folded.isEmpty() ? KIND_DROP + ":" : KIND_CHARS + ":" + folded.substring(0, Math.min(folded.length(), 255));
    }
    if (kind(e) != KIND_CHARS) return kind(e) + ":";
    return KIND_CHARS + ":" + (length(e) == 1 && cp < 0x10000 ? String.valueOf((char) offset(e)) : d.toString());
  }

  private FoldTable() {}

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

  static int kind(int entry) { return entry >>> 28; }

  static int length(int entry) { return (entry >>> 20) & 0xFF; }

  static int offset(int entry) { return entry & 0xFFFFF; }

  static char data(int i) { return data[i]; }
}
