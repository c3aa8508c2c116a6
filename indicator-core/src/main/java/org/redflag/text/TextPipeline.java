package org.redflag.text;

import com.ibm.icu.text.Normalizer2;

/**
 * Normalises advert text for matching in one forward pass and keeps an offset map back to the
 * original. Immutable and thread-safe.
 *
 * <p>Folding: NFKC with case folding ({@code nfkc_cf}), which also removes default-ignorable
 * characters such as zero-width spaces. Runs of whitespace collapse to one space.
 */
public final class TextPipeline {
  private static final Normalizer2 NFKC_CF = Normalizer2.getNFKCCasefoldInstance();
  private static final TextPipeline DEFAULT = new TextPipeline();

  private TextPipeline() {}

  public static TextPipeline defaults() { return DEFAULT; }

  public AnalyzedText analyze(String original) {
    if (original == null) throw new IllegalArgumentException("text must not be null");
    int n = original.length();
    char[] out = new char[Math.max(16, n * 2)];
    int[] starts = new int[out.length];
    int[] ends = new int[out.length];
    int len = 0;
    boolean lastSpace = true;
    StringBuilder scratch = new StringBuilder(8);
    for (int i = 0; i < n; ) {
      int cp = original.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        if (!lastSpace) {
          if (len + 1 > out.length) { out = grow(out); starts = grow(starts); ends = grow(ends); }
          out[len] = ' '; starts[len] = i; ends[len] = next; len++;
          lastSpace = true;
        }
        i = next;
        continue;
      }
      scratch.setLength(0);
      String mapped = NFKC_CF.normalize(new String(Character.toChars(cp)));
      for (int k = 0; k < mapped.length(); k++) {
        if (len + 1 > out.length) { out = grow(out); starts = grow(starts); ends = grow(ends); }
        out[len] = mapped.charAt(k); starts[len] = i; ends[len] = next; len++;
        lastSpace = false;
      }
      i = next;
    }
    return new AnalyzedText(original, out, len, starts, ends);
  }

  private static char[] grow(char[] a) { return java.util.Arrays.copyOf(a, a.length * 2); }

  private static int[] grow(int[] a) { return java.util.Arrays.copyOf(a, a.length * 2); }
}
