package org.redflag.pack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redflag.text.AnalyzedText;
import org.redflag.text.CharClass;
import org.redflag.text.TextPipeline;

/**
 * The written forms of one normalised pattern part that the text pipeline keeps apart, generated when
 * packs are compiled so that the advert is still scanned once and pack authors list none of them:
 * <ul>
 *   <li><b>Spacing around symbols and numbers.</b> A space between a word and a symbol or punctuation,
 *       or between a number and a word, may be written or left out: {@code 100% real} also matches
 *       {@code 100%real} and {@code 100 % real}; {@code 24 hrs} also {@code 24hrs}. (Between two letters
 *       the pipeline already removes spaces, keeping the boundary; between two numbers a space stays
 *       significant: {@code 24 7} never matches {@code 247}.)
 *   <li><b>Spaced-out two-digit numbers.</b> {@code 24} also matches {@code 2 4} (spaced-out letters
 *       are joined by the pipeline; digits are not, as phone numbers and prices are written spaced).
 *   <li><b>Separators between numbers.</b> {@code /} and {@code -} between two numbers are one
 *       separator: {@code 24/7} also matches {@code 24-7} and {@code 2 4 / 7}.
 * </ul>
 * Each variant keeps the pattern's repeated-letter marks ({@link AnalyzedText#repeated(int)}) at the
 * chars' new positions. A pattern in which one word ends with the letter the next starts with
 * ({@code young girl}) also gets the form with the two as one marked letter, which is how the pipeline
 * reads them without a boundary between (spaced out, {@code y o u n g g i r l}, or glued).
 * Apostrophes take no optional spaces ({@code don't}): nobody writes {@code don ' t}. At most {@value #MAX_VARIANTS} variants per part: past that, the remaining
 * places keep the form as written (a pattern with many symbols is rare and already specific).
 */
final class PhraseVariants {
  static final int MAX_VARIANTS = 16;

  private PhraseVariants() {}

  /** A written form and the bit mask of its chars that stand for repeated letters. */
  record Variant(String text, long repeatMask) {}

  /** The variants of a pattern part as normalised by the pipeline (leading and trailing space ignored); empty when it is blank. */
  static List<Variant> of(AnalyzedText part, TextPipeline pipeline) {
    int lo = 0;
    int hi = part.length();
    while (lo < hi && isSpace(part.charAt(lo))) lo++;
    while (hi > lo && isSpace(part.charAt(hi - 1))) hi--;
    if (lo == hi) return List.of();
    // chars without spaces, and per gap between chars i and i + 1 whether the pattern had a space there
    StringBuilder chars = new StringBuilder();
    List<Boolean> repeated = new ArrayList<>();
    List<Boolean> spaced = new ArrayList<>();
    for (int i = lo; i < hi; i++) {
      char c = part.charAt(i);
      if (isSpace(c)) {
        spaced.set(spaced.size() - 1, true);
        continue;
      }
      chars.append(c);
      repeated.add(part.repeated(i));
      spaced.add(false);
    }
    int n = chars.length();
    // the alternatives for each char and for each gap after it
    List<List<String>> charForms = new ArrayList<>();
    List<List<String>> gapForms = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      char c = chars.charAt(i);
      boolean betweenNumbers = i > 0 && i + 1 < n && CharClass.isDigit(chars.charAt(i - 1)) && CharClass.isDigit(chars.charAt(i + 1));
      charForms.add(betweenNumbers && (c == '/' || c == '-') ? List.of(String.valueOf(c), c == '/' ? "-" : "/") : List.of(String.valueOf(c)));
      if (i + 1 < n) gapForms.add(gapForms(chars, i, spaced.get(i)));
    }
    Map<String, Long> out = new LinkedHashMap<>();
    expand(chars, repeated, charForms, gapForms, 0, new StringBuilder(), 0L, out);
    // keep only forms some text can take: the pipeline reads the form (marked letters doubled) as itself
    // ("2 4-x" is not one: leetspeak reads the 4 as a letter there)
    // (the form as written is kept whatever the witness gives: a witness cannot write a boundary inside
    // a run of letters, "no-oo")
    String written = out.keySet().iterator().next();
    out.entrySet().removeIf(v -> !v.getKey().equals(written) && !fixedPoint(v.getKey(), v.getValue(), pipeline));
    // a letter that ends one word and starts the next (young girl) is one marked letter where the text
    // has no boundary between them: spaced-out (y o u n g g i r l) or glued (YOUNGGIRL)
    boolean crossing = false;
    for (int i = 0; i + 1 < n; i++) crossing |= chars.charAt(i) == chars.charAt(i + 1) && CharClass.isLetter(chars.charAt(i));
    if (crossing) {
      StringBuilder merged = new StringBuilder();
      List<Boolean> marks = new ArrayList<>();
      List<List<String>> mergedChars = new ArrayList<>();
      List<List<String>> mergedGaps = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (i > 0 && chars.charAt(i) == chars.charAt(i - 1) && CharClass.isLetter(chars.charAt(i))) {
          marks.set(marks.size() - 1, true);
          // the gap before the merged letter gives way to the one after it
          if (i + 1 < n) mergedGaps.set(mergedGaps.size() - 1, gapForms.get(i));
          else mergedGaps.remove(mergedGaps.size() - 1);
          continue;
        }
        merged.append(chars.charAt(i));
        marks.add(repeated.get(i));
        mergedChars.add(charForms.get(i));
        if (i + 1 < n) mergedGaps.add(gapForms.get(i));
      }
      Map<String, Long> more = new LinkedHashMap<>();
      expand(merged, marks, mergedChars, mergedGaps, 0, new StringBuilder(), 0L, more);
      more.forEach((form, mask) -> { if (fixedPoint(form, mask, pipeline)) out.putIfAbsent(form, mask); });
    }
    List<Variant> variants = new ArrayList<>();
    out.forEach((text, mask) -> variants.add(new Variant(text, mask)));
    return variants;
  }

  /** The ways the gap between chars {@code i} and {@code i + 1} may be written; the pattern's own first. */
  private static List<String> gapForms(CharSequence chars, int i, boolean spaced) {
    char a = chars.charAt(i);
    char b = chars.charAt(i + 1);
    int ka = kind(a);
    int kb = kind(b);
    String own = spaced ? " " : "";
    String other = spaced ? "" : " ";
    if (ka == kb && ka != DIGIT) return List.of(own); // two letters, two symbols (an emoji's halves)
    if (isApostrophe(a) || isApostrophe(b)) return List.of(own);
    if (ka == DIGIT && kb == DIGIT) {
      // a two-digit number may be spaced out; two numbers stay two numbers
      boolean twoDigits = !spaced && (i == 0 || !CharClass.isDigit(chars.charAt(i - 1)))
          && (i + 2 >= chars.length() || !CharClass.isDigit(chars.charAt(i + 2)));
      return twoDigits ? List.of(own, other) : List.of(own);
    }
    return List.of(own, other);
  }

  private static void expand(CharSequence chars, List<Boolean> repeated, List<List<String>> charForms,
      List<List<String>> gapForms, int i, StringBuilder prefix, long mask, Map<String, Long> out) {
    if (i == chars.length()) {
      out.putIfAbsent(prefix.toString(), mask);
      return;
    }
    int before = prefix.length();
    List<String> forms = out.size() < MAX_VARIANTS ? charForms.get(i) : charForms.get(i).subList(0, 1);
    for (String form : forms) {
      prefix.append(form);
      long m = repeated.get(i) && before < 64 ? mask | 1L << before : mask;
      if (i + 1 == chars.length()) {
        expand(chars, repeated, charForms, gapForms, i + 1, prefix, m, out);
      } else {
        List<String> gaps = gapForms.get(i);
        int afterChar = prefix.length();
        for (int g = 0; g < gaps.size(); g++) {
          if (g > 0 && out.size() >= MAX_VARIANTS) break;
          prefix.append(gaps.get(g));
          expand(chars, repeated, charForms, gapForms, i + 1, prefix, m, out);
          prefix.setLength(afterChar);
        }
      }
      prefix.setLength(before);
    }
  }

  private static boolean fixedPoint(String form, long mask, TextPipeline pipeline) {
    StringBuilder witness = new StringBuilder();
    for (int i = 0; i < form.length(); i++) {
      witness.append(form.charAt(i));
      if ((mask >>> i & 1) == 1) witness.append(form.charAt(i));
    }
    AnalyzedText t = pipeline.analyze(witness.toString());
    if (!t.normalized().equals(form)) return false;
    for (int i = 0; i < t.length(); i++) if (t.repeated(i) != ((mask >>> i & 1) == 1)) return false;
    return true;
  }

  private static final int LETTER = 0;
  private static final int DIGIT = 1;
  private static final int SYMBOL = 2;

  private static int kind(char c) {
    if (CharClass.isLetter(c)) return LETTER;
    return CharClass.isDigit(c) ? DIGIT : SYMBOL;
  }

  private static boolean isApostrophe(char c) { return c == '\'' || c == '\u2019' || c == '`' || c == '\u00B4'; }

  private static boolean isSpace(char c) { return c == ' ' || c == '\n'; }
}
