package org.redflag.nlp;

import java.util.Arrays;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.util.Span;

/**
 * The sentences of one advert: their start offsets, found by OpenNLP's {@code SentenceDetectorME} line
 * by line, the sentence of every token, and each sentence's first two words (the imperative and the
 * German "Sie" rules read them). One instance per thread, refilled for every advert, so that its arrays
 * follow the longest advert the thread has seen instead of being allocated per advert.
 */
final class Sentences {
  /**
   * Chars of the text, from its start, that the sentence model and the tagger read; every later line
   * counts as one sentence. Covers whole adverts of common length (the longest advert in
   * {@code eval/dev.jsonl} has under 2,000 chars), and bounds the sentence detector, whose work per
   * candidate end grows with the white-space-free run around it (quadratic on hostile text such as a
   * long run of full stops).
   */
  static final int MAX_MODEL_CHARS = 2_000;

  private final IntList starts = new IntList();
  private int[] sentenceOf = new int[256];
  private int[] firstWord = new int[64];
  private int[] secondWord = new int[64];

  /**
   * Splits {@code text}, whose tokens are {@code t}, into sentences, replacing the previous text's.
   *
   * @param lang the language whose sentence model is used; without one every non-blank line is a sentence
   */
  Sentences split(String text, String lang, Tokens t) {
    starts.n = 0;
    detectStarts(text, lang, starts);
    assign(t);
    return this;
  }

  /** Assigns tokens to sentences (both sorted by offset) and finds each sentence's first two words. */
  private void assign(Tokens t) {
    int sentences = starts.n;
    int[] sentenceStarts = starts.a;
    if (sentenceOf.length < t.size) sentenceOf = new int[Math.max(t.size, 2 * sentenceOf.length)];
    if (firstWord.length < sentences) {
      firstWord = new int[Math.max(sentences, 2 * firstWord.length)];
      secondWord = new int[firstWord.length];
    }
    Arrays.fill(firstWord, 0, sentences, -1);
    Arrays.fill(secondWord, 0, sentences, -1);
    int si = 0;
    for (int i = 0; i < t.size; i++) {
      while (si + 1 < sentences && t.start[i] >= sentenceStarts[si + 1]) si++;
      sentenceOf[i] = si;
      if (t.kind[i] == Tokens.WORD && sentences > 0) {
        if (firstWord[si] < 0) firstWord[si] = i;
        else if (secondWord[si] < 0) secondWord[si] = i;
      }
    }
  }

  int count() { return starts.n; }

  /** Start offset of sentence {@code s}. */
  int start(int s) { return starts.a[s]; }

  /** The sentence of token {@code i}. */
  int of(int i) { return sentenceOf[i]; }

  /** The first word token of sentence {@code s}, or -1. */
  int firstWord(int s) { return firstWord[s]; }

  /** The second word token of sentence {@code s}, or -1. */
  int secondWord(int s) { return secondWord[s]; }

  /** Whether token {@code i} is the first word of its sentence. */
  boolean opens(int i) { return starts.n > 0 && firstWord[sentenceOf[i]] == i; }

  /** The word token before token {@code i} in the same sentence, or -1. */
  int previousWord(Tokens t, int i) {
    for (int j = i - 1; j >= 0 && sentenceOf[j] == sentenceOf[i]; j--) if (t.kind[j] == Tokens.WORD) return j;
    return -1;
  }

  /** Drops arrays grown past {@code kept} entries by one long text. */
  void trim(int kept) {
    if (sentenceOf.length > kept) sentenceOf = new int[256];
    if (firstWord.length > kept) {
      firstWord = new int[64];
      secondWord = new int[64];
    }
    if (starts.a.length > kept) starts.a = new int[16];
  }

  /**
   * Sentence start offsets: each non-blank line is split by OpenNLP's {@code SentenceDetectorME}
   * (adverts often end a sentence with a line break instead of a full stop). A line the detector
   * cannot split counts as one sentence, and so does each non-blank line after the first
   * {@link #MAX_MODEL_CHARS} chars (the part of a line past that bound continues its last sentence).
   *
   * @param starts receives the offsets
   */
  static void detectStarts(String text, String lang, IntList starts) {
    SentenceDetectorME detector = null;
    try {
      detector = NlpModels.sentenceDetector(lang);
    } catch (RuntimeException e) {
      // model unavailable: line-based sentences only
    }
    int n = text.length();
    int lineStart = 0;
    while (lineStart < n) {
      int nl = text.indexOf('\n', lineStart);
      int lineEnd = nl < 0 ? n : nl;
      if (!isBlank(text, lineStart, lineEnd)) {
        int before = starts.n;
        if (detector != null && lineStart < MAX_MODEL_CHARS) {
          String line = text.substring(lineStart, Math.min(lineEnd, MAX_MODEL_CHARS));
          try {
            for (Span s : detector.sentPosDetect(line)) starts.add(lineStart + s.getStart());
          } catch (RuntimeException e) {
            starts.n = before;
          }
        }
        if (starts.n == before) starts.add(lineStart);
      }
      lineStart = lineEnd + 1;
    }
  }

  private static boolean isBlank(String s, int from, int to) {
    for (int i = from; i < to; i++) if (!Character.isWhitespace(s.charAt(i))) return false;
    return true;
  }
}
