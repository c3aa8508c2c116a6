package org.redflag.text;

/**
 * Normalises advert text for matching and keeps an offset map back to the original. Immutable and
 * thread-safe; pack patterns go through the same pipeline, so whatever it folds in text it folds in
 * patterns too.
 *
 * <p>Steps, all linear in the text length and free of allocation once the target's buffers are large
 * enough (see {@link #analyze(String, AnalyzedText)}):
 * <ol>
 *   <li><b>Fold</b> (one forward pass over code points, one table read each, see {@code FoldTable}):
 *       NFKC + case folding, default-ignorable and format chars (zero-width space, joiners, soft hyphen)
 *       removed, diacritics removed, confusable skeletons (Cyrillic/Greek look-alikes to Latin), white
 *       space runs collapsed, control chars read as spaces; emoji sequences replaced by one canonical key
 *       ({@link Emoji}).
 *   <li><b>Leetspeak</b> (optional): inside a token that contains letters, digits and
 *       {@code @ $ ! |} between letters, or a single digit next to a letter, become letters
 *       ({@code n3w}, {@code t0wn}, {@code 1n}, {@code av4il4ble}). Tokens without letters ({@code 24/7},
 *       prices, phone numbers) and digit runs at a token's edge ({@code 200hr}) keep their digits.
 *   <li><b>Joining</b> (optional): white space and {@code -}/{@code _} between two letters are removed
 *       and remembered as word boundaries; a separator ({@code space . - _ · • * ~}, line break) between
 *       two single-letter tokens is removed without a boundary, so {@code n.e.w}, {@code n e w} and
 *       {@code new} read alike. A pattern then matches across spaced-out letters while its boundary rule
 *       still sees the original word boundaries.
 *   <li><b>Word shapes</b> ({@link WordShape}, last): a capital after a small letter starts a word, a
 *       sentence-ending {@code !} stays punctuation, and a run of one letter is written once and marked
 *       as repeated.
 * </ol>
 *
 * <p>The steps are defined as if they ran one after the other over the whole text (and
 * {@code TextPipelineDifferentialProperties} checks the result against a reference implementation that
 * does exactly that), but they run fused: the fold applies leetspeak to each token as it ends and makes
 * the common joins itself (white space or a hyphen between words), and a joining pass then visits only
 * the separators the fold kept, moving chars only from the first one it removes. Spaced-out leetspeak
 * ({@code n 3 w}) is folded once more after joining.
 *
 * <p>This class is the public face and runs the stages in order; each stage is a package-private class
 * of its own: {@code FoldPass} (the one pass over the text, owning the per-thread scratch), which reads
 * {@code AsciiTable} (per ASCII char, its fold and the bits the later steps ask about) and
 * {@code FoldTable} (every other code point) and writes through {@code FoldWriter} (folded chars and
 * their offsets into the original); {@code Leetspeak} (which digits and symbols read as letters, and
 * where); {@code LetterJoining} (which separators go, decided in the fold where certain, else in its
 * pass over the separators the fold kept); {@link WordShape}.
 */
public final class TextPipeline {
  private static final TextPipeline DEFAULT = new TextPipeline(true, true);

  private final boolean leetspeak;
  private final boolean joinLetters;

  private TextPipeline(boolean leetspeak, boolean joinLetters) {
    this.leetspeak = leetspeak;
    this.joinLetters = joinLetters;
  }

  /** All folding steps on. */
  public static TextPipeline defaults() { return DEFAULT; }

  public static Builder builder() { return new Builder(); }

  public boolean leetspeak() { return leetspeak; }

  public boolean joinLetters() { return joinLetters; }

  /** Analyses {@code original} into a new {@link AnalyzedText} that is never changed afterwards. */
  public AnalyzedText analyze(String original) {
    if (original == null) throw new IllegalArgumentException("text must not be null");
    return analyze(original, new AnalyzedText(Math.max(16, original.length() + (original.length() >> 3))));
  }

  /**
   * Analyses {@code original} into {@code target} (from {@link AnalyzedText#reusable()}), reusing its
   * buffers, and returns it. Allocates only when the buffers must grow.
   */
  public AnalyzedText analyze(String original, AnalyzedText target) {
    if (original == null) throw new IllegalArgumentException("text must not be null");
    if (target == null) throw new IllegalArgumentException("target must not be null");
    target.original = original;
    target.length = 0;
    target.ordinalsReady = false;
    FoldPass fold = FoldPass.get();
    fold.run(original, target, leetspeak, joinLetters);
    // without joining, the fold wrote every char and flag already
    boolean joinedDigits = fold.joinedDigits
        | (joinLetters && LetterJoining.compact(target, fold.separators, fold.separatorCount, leetspeak));
    // spaced-out leetspeak (n 3 w) becomes one token only when joined: fold once more. Word and clause
    // ordinals describe the chars as joined, before this fold ($ or ! may become letters): build them now.
    if (joinedDigits) {
      target.buildOrdinals();
      Leetspeak.foldJoined(target);
    }
    WordShape.apply(target, fold.source(), original.length());
    fold.release();
    return target;
  }

  /** Options; every step is on by default. */
  public static final class Builder {
    private boolean leetspeak = true;
    private boolean joinLetters = true;

    private Builder() {}

    /** Whether digits and symbols inside words fold to letters ({@code n3w} to {@code new}). */
    public Builder leetspeak(boolean on) { this.leetspeak = on; return this; }

    /** Whether spaced-out letters and spaces between letters are joined ({@code n e w} to {@code new}). */
    public Builder joinLetters(boolean on) { this.joinLetters = on; return this; }

    public TextPipeline build() {
      return leetspeak && joinLetters ? DEFAULT : new TextPipeline(leetspeak, joinLetters);
    }
  }
}
