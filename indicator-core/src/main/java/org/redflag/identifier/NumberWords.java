package org.redflag.identifier;

import static org.redflag.io.VocabularyJson.onlyFields;
import static org.redflag.io.VocabularyJson.requiredString;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.redflag.io.VocabularyJson;

/**
 * The number words the phone scanner reads as digits ("five", "fünf", "пять"; teens and tens such as
 * "fifteen", "sixty"), from {@value #RESOURCE} beside this class, and the lookup tables the scan
 * matches them with. The file is read once, when the class initialises; a shipped file that does not
 * parse fails that with the file, the JSON path and the reason, so it is a build error that the
 * identifier tests catch.
 *
 * <p>Why a resource: adding a language's number words is an edit of data, reviewed with its reason and
 * source like a pack, not of the scanner. Why the tables by first letter and the two- and three-letter
 * filters: the scan tries number words at most words of every advert, and nearly all of them are
 * rejected on their first chars without trying a word.
 *
 * <p>Matching is longest first at each position with no backtracking; that takes the same word
 * whatever the file's order because no two words of one length can match the same text (checked by
 * {@code NumberWordsTest}).
 */
final class NumberWords {
  private NumberWords() {}

  /** The vocabulary file, beside this class. */
  static final String RESOURCE = "phone-words.json";
  /** Letter words longer than this are never read as number words (bounds the lookahead). */
  static final int MAX_WORD = 64;

  private static final Set<String> TOP_FIELDS = Set.of("description", "kinds", "entries");
  private static final Set<String> ENTRY_FIELDS = Set.of("language", "kind", "words", "reason", "source");
  private static final Set<String> KINDS = Set.of("ones", "teens", "tens");

  /** Every number word (lower case) with, at the same index, its value (0-9, 10-19, 20-90). */
  static final String[] ALL_WORDS;
  static final int[] ALL_VALUES;

  /** First letters of the number words: most words of an advert are rejected on their first char. */
  static final String FIRST_LETTERS;

  /**
   * The number words grouped by first letter (index as in {@link #FIRST_LETTERS}), in file order, with
   * their values: the scan tries only the words that can match at a position instead of all of them.
   */
  static final String[][] WORDS_BY_FIRST;
  static final int[][] VALUES_BY_FIRST;

  /** {@link #FIRST_LETTERS} index of an ASCII char (either case), or -1: no String.indexOf per word. */
  private static final byte[] ASCII_FIRST = new byte[128];

  /**
   * The first two chars (lower case, index {@code c0 << 7 | c1}) of the number words whose first two
   * chars are ASCII. Every number word has at least two chars, so a position whose two chars are ASCII
   * and not such a pair starts no number word: most ordinary words ("the", "and", "for") are rejected
   * there without trying the words of their first letter.
   */
  private static final boolean[] ASCII_PAIRS = new boolean[128 * 128];

  /**
   * Hashed set (bits) of the lower-case ASCII triples a run of number words written together can
   * start with: the first three letters of each ASCII number word of three or more letters, and a
   * two-letter word ("oh") followed by the first letter of any. A word of three or more ASCII letters
   * whose first three are not in it cannot be split into number words (a collision only sends the word
   * to the full check). Why: with the two-letter filter alone, common words (the, for, new, see,
   * only, nice) each took the full word check; {@code PhoneNumberScannerAgreementProperties} checks
   * the result against the scan without these filters.
   */
  private static final long[] ASCII_TRIPLES = new long[64];

  static {
    Vocabulary v;
    try (InputStream in = NumberWords.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException(RESOURCE + " is missing beside " + NumberWords.class.getName());
      v = read(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    ALL_WORDS = v.words.toArray(new String[0]);
    ALL_VALUES = v.values.stream().mapToInt(Integer::intValue).toArray();

    StringBuilder sb = new StringBuilder();
    for (String w : ALL_WORDS) if (sb.indexOf(w.substring(0, 1)) < 0) sb.append(w.charAt(0));
    FIRST_LETTERS = sb.toString();
    WORDS_BY_FIRST = new String[FIRST_LETTERS.length()][];
    VALUES_BY_FIRST = new int[FIRST_LETTERS.length()][];
    for (int f = 0; f < FIRST_LETTERS.length(); f++) {
      List<String> words = new ArrayList<>();
      List<Integer> values = new ArrayList<>();
      for (int k = 0; k < ALL_WORDS.length; k++) {
        if (ALL_WORDS[k].charAt(0) == FIRST_LETTERS.charAt(f)) {
          words.add(ALL_WORDS[k]);
          values.add(ALL_VALUES[k]);
        }
      }
      WORDS_BY_FIRST[f] = words.toArray(new String[0]);
      VALUES_BY_FIRST[f] = values.stream().mapToInt(Integer::intValue).toArray();
    }
    for (char c = 0; c < 128; c++) ASCII_FIRST[c] = (byte) FIRST_LETTERS.indexOf(Character.toLowerCase(c));
    for (String w : ALL_WORDS) {
      if (w.charAt(0) < 128 && w.charAt(1) < 128) ASCII_PAIRS[w.charAt(0) << 7 | w.charAt(1)] = true;
    }

    StringBuilder firsts = new StringBuilder();
    List<String> ascii = new ArrayList<>();
    for (String w : ALL_WORDS) {
      if (w.chars().allMatch(ch -> ch < 128)) {
        ascii.add(w);
        if (firsts.indexOf(w.substring(0, 1)) < 0) firsts.append(w.charAt(0));
      }
    }
    for (String w : ascii) {
      if (w.length() >= 3) {
        addTriple(w.charAt(0), w.charAt(1), w.charAt(2));
      } else {
        for (int f = 0; f < firsts.length(); f++) addTriple(w.charAt(0), w.charAt(1), firsts.charAt(f));
      }
    }
  }

  /** {@link #FIRST_LETTERS} index of {@code ch} (either case), or -1 when no number word starts with it. */
  static int firstIndex(char ch) {
    return ch < 128 ? ASCII_FIRST[ch] : FIRST_LETTERS.indexOf(Character.toLowerCase(ch));
  }

  /** False when the ASCII chars {@code a, b} (either case) start no number word. */
  static boolean asciiPair(char a, char b) {
    return ASCII_PAIRS[PhoneChars.asciiLower(a) << 7 | PhoneChars.asciiLower(b)];
  }

  private static int tripleBit(char a, char b, char c) {
    int key = PhoneChars.asciiLower(a) << 14 | PhoneChars.asciiLower(b) << 7 | PhoneChars.asciiLower(c);
    return (key * 0x9E3779B1) >>> 20; // 12 bits
  }

  private static void addTriple(char a, char b, char c) {
    int bit = tripleBit(a, b, c);
    ASCII_TRIPLES[bit >>> 6] |= 1L << bit;
  }

  /** Whether ASCII letters a, b, c may start a run of number words (see {@link #ASCII_TRIPLES}). */
  static boolean mayStartNumberWords(char a, char b, char c) {
    int bit = tripleBit(a, b, c);
    return (ASCII_TRIPLES[bit >>> 6] & 1L << bit) != 0;
  }

  // =====================================================================================
  // Reading the file
  // =====================================================================================

  /** What a vocabulary file gives: its words in file order and their values. */
  static final class Vocabulary {
    final List<String> words = new ArrayList<>();
    final List<Integer> values = new ArrayList<>();
  }

  /**
   * Reads a vocabulary file. Every problem is an {@link IllegalStateException} naming the file, the
   * JSON path and the reason; unknown fields are errors, so a misspelt field never silently does
   * nothing, and every entry needs a non-empty reason and source.
   */
  static Vocabulary read(String text, String file) {
    JsonNode root = VocabularyJson.readObject(text, file);
    onlyFields(root, TOP_FIELDS, file + ": ");
    JsonNode entries = root.get("entries");
    if (entries == null || !entries.isArray() || entries.isEmpty()) {
      throw new IllegalStateException(file + ": entries: expected a non-empty array");
    }
    Vocabulary v = new Vocabulary();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      String where = file + ": entries[" + i + "]";
      JsonNode e = entries.get(i);
      if (e == null || !e.isObject()) throw new IllegalStateException(where + ": expected an object");
      onlyFields(e, ENTRY_FIELDS, where + ".");
      String language = requiredString(e, "language", where);
      if (!language.matches("[a-z]{2}")) {
        throw new IllegalStateException(where + ".language: '" + language + "' is not a two-letter code");
      }
      String kind = requiredString(e, "kind", where);
      if (!KINDS.contains(kind)) throw new IllegalStateException(where + ".kind: unknown kind '" + kind + "'");
      requiredString(e, "reason", where);
      requiredString(e, "source", where);
      JsonNode words = e.get("words");
      if (words == null || !words.isObject() || words.isEmpty()) {
        throw new IllegalStateException(where + ".words: expected a non-empty object of word: value");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = words.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> w = it.next();
        String word = w.getKey();
        String at = where + ".words." + word + ": ";
        checkWord(word, at);
        if (!seen.add(word)) throw new IllegalStateException(at + "'" + word + "' is listed twice");
        JsonNode value = w.getValue();
        if (!value.isInt() || !fits(kind, value.intValue())) {
          throw new IllegalStateException(at + "'" + value + "' is not a value of kind " + kind);
        }
        v.words.add(word);
        v.values.add(value.intValue());
      }
    }
    return v;
  }

  /** Whether {@code value} is one of {@code kind}: ones 0-9, teens 10-19, tens 20, 30, … 90. */
  private static boolean fits(String kind, int value) {
    return switch (kind) {
      case "ones" -> value >= 0 && value <= 9;
      case "teens" -> value >= 10 && value <= 19;
      default -> value >= 20 && value <= 90 && value % 10 == 0;
    };
  }

  /**
   * A number word: lower case, 2 to {@link #MAX_WORD} chars, each a letter or a combining mark (as
   * the scan reads a word: "fu\u0308nf"). Two chars at least because the scan's pair filter rejects a
   * position by its first two chars.
   */
  private static void checkWord(String w, String at) {
    if (w.length() < 2 || w.length() > MAX_WORD) {
      throw new IllegalStateException(at + "'" + w + "' is not a word of 2 to " + MAX_WORD + " chars");
    }
    if (!w.equals(w.toLowerCase(Locale.ROOT))) throw new IllegalStateException(at + "'" + w + "' is not lower case");
    for (int k = 0; k < w.length(); k++) {
      if (!PhoneChars.isWordChar(w.charAt(k)) || Character.isSurrogate(w.charAt(k))) {
        throw new IllegalStateException(at + "'" + w + "' is not letters only");
      }
    }
  }

}
