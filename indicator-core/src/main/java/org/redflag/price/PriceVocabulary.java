package org.redflag.price;

import static org.redflag.io.VocabularyJson.onlyFields;
import static org.redflag.io.VocabularyJson.requiredString;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.redflag.io.VocabularyJson;

/**
 * The words and signs the price tokenizer and parser read, by role: currency codes (the index space of
 * every currency the package reports), and the vocabulary of {@value #RESOURCE} beside this class
 * (currency words per language, money euphemisms, duration units, joining words, rates words, labels,
 * units that rule a number out, currency signs, dollar prefixes), each entry with its reason and
 * source as the packs have. The file is read once, when the class initialises; a shipped file that does
 * not parse fails that with the file, the JSON path and the reason, so it is a build error that the
 * price tests catch.
 *
 * <p>Why a resource: adding a language's words is an edit of data, reviewed like a pack, not of the
 * parser. Why the open-addressing {@link WordTable}: the tokenizer looks up every word of the text
 * around a digit, on a range of its chars, without creating a string.
 */
final class PriceVocabulary {
  private PriceVocabulary() {}

  /** The vocabulary file, beside this class. */
  static final String RESOURCE = "price-words.json";

  // ---- currencies: ISO 4217 codes; a currency is its index here (PriceMentions stores index + 1) ----
  static final String[] CURRENCIES = {"USD", "EUR", "GBP", "RUB", "CAD", "AUD", "NZD", "CHF", "PLN", "UAH",
      "CZK", "SEK", "NOK", "DKK", "JPY", "CNY", "INR", "MXN", "BRL", "HUF", "RON", "TRY", "ILS", "THB", "PHP",
      "KRW", "VND", "ZAR", "SGD", "HKD"};
  static final int USD = 0;
  static final int CAD = 4;
  static final int AUD = 5;
  static final int NZD = 6;
  static final int SGD = currencyIndex("SGD");
  static final int HKD = currencyIndex("HKD");
  static final int MXN = currencyIndex("MXN");
  /** Marker value: a euphemism ("roses"), meaning the market's default currency, if any. */
  static final int EUPHEMISM = -3;
  /** Marker value: a currency sign not in the vocabulary; such a price is dropped rather than guessed. */
  static final int UNKNOWN = -1;
  static final int NONE = -2;
  static final int CONFLICT = Integer.MIN_VALUE;

  /** The index of an ISO code in {@link #CURRENCIES} (any case), or {@link #NONE}. */
  static int currencyIndex(String code) {
    if (code == null) return NONE;
    for (int i = 0; i < CURRENCIES.length; i++) if (CURRENCIES[i].equalsIgnoreCase(code)) return i;
    return NONE;
  }

  // ---- word roles (bit flags) ----
  static final int W_CUR = 1;        // currency word; value = currency index
  static final int W_EUPH = 1 << 1;  // euphemism for money ("roses")
  static final int W_HOUR = 1 << 2;  // hour unit; alone = 60 min, after a count n = n hours
  static final int W_MIN = 1 << 3;   // minute unit; needs a count
  static final int W_FIXED = 1 << 4; // a duration on its own (hh, qv, полчаса); value = minutes
  static final int W_HALF = 1 << 5;  // "half", "halbe", "пол" before an hour unit
  static final int W_FULL = 1 << 6;  // "full", "ganze" before an hour unit
  static final int W_AFTER = 1 << 7; // may stand between an amount and its duration ("per", "за")
  static final int W_BEFORE = 1 << 8; // may stand between a duration and its amount ("for")
  static final int W_TO = 1 << 9;    // range word ("to", "bis", "до")
  static final int W_RATES = 1 << 10; // opens a rates list where bare numbers with durations count
  static final int W_COUNT = 1 << 11; // number word; value = count
  static final int W_NOT_AMOUNT = 1 << 12; // glued after a number, makes it an age, size or time (23yo, 34dd, 10pm)
  static final int W_LABEL = 1 << 13; // labels a following number as something else ("age 23", "tel")

  // declared before the static block that reads the file with them
  private static final Set<String> TOP_FIELDS = Set.of("description", "roles", "entries", "symbols", "dollarPrefixes");
  private static final Set<String> ENTRY_FIELDS = Set.of("role", "language", "value", "words", "reason", "source");
  private static final Set<String> SIGN_FIELDS = Set.of("value", "symbols", "reason", "source");
  private static final Set<String> PREFIX_FIELDS = Set.of("value", "words", "reason", "source");

  /** The words of the shipped vocabulary, with the ISO codes as currency words. */
  static final WordTable WORDS;
  /** Currency signs and, at the same index, their currency. */
  private static final char[] SIGNS;
  private static final int[] SIGN_CURRENCY;
  /** Upper-case words glued before "$" and their dollar currency ("US$", "C$"). */
  private static final Map<String, Integer> DOLLAR_PREFIXES;

  static {
    Vocabulary v = new Vocabulary();
    try (InputStream in = PriceVocabulary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException(RESOURCE + " is missing beside " + PriceVocabulary.class.getName());
      read(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), RESOURCE, v);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    WORDS = v.words;
    SIGNS = v.signs.toString().toCharArray();
    SIGN_CURRENCY = v.signCurrency.stream().mapToInt(Integer::intValue).toArray();
    DOLLAR_PREFIXES = Map.copyOf(v.dollarPrefixes);
  }

  /** The currency of a currency sign, or {@link #UNKNOWN} for one the vocabulary does not list. */
  static int signCurrency(char c) {
    for (int i = 0; i < SIGNS.length; i++) if (SIGNS[i] == c) return SIGN_CURRENCY[i];
    return UNKNOWN;
  }

  /** The dollar currency a word glued before "$" names ("US", "c", "AU"), or {@link #NONE}. */
  static int dollarPrefix(String word) {
    Integer c = DOLLAR_PREFIXES.get(word.toUpperCase(Locale.ROOT));
    return c == null ? NONE : c;
  }

  // =====================================================================================
  // Reading the file
  // =====================================================================================

  /** What a vocabulary file gives: its words, signs and dollar prefixes. */
  static final class Vocabulary {
    final WordTable words = new WordTable();
    final StringBuilder signs = new StringBuilder();
    final java.util.List<Integer> signCurrency = new java.util.ArrayList<>();
    final Map<String, Integer> dollarPrefixes = new java.util.HashMap<>();

    Vocabulary() {
      for (int i = 0; i < CURRENCIES.length; i++) words.put(CURRENCIES[i].toLowerCase(Locale.ROOT), W_CUR, i);
    }
  }

  /**
   * Adds a vocabulary file's entries to {@code v}. Every problem is an {@link IllegalStateException}
   * naming the file, the JSON path and the reason; unknown fields are errors, so a misspelt field never
   * silently does nothing, and every entry needs a non-empty reason and source.
   */
  static void read(String text, String file, Vocabulary v) {
    JsonNode root = VocabularyJson.readObject(text, file);
    onlyFields(root, TOP_FIELDS, file + ": ");
    JsonNode entries = array(root, "entries", file + ": ");
    for (int i = 0; i < entries.size(); i++) {
      String where = file + ": entries[" + i + "]";
      JsonNode e = entry(entries.get(i), where, ENTRY_FIELDS);
      String language = requiredString(e, "language", where);
      if (!language.matches("[a-z]{2}")) {
        throw new IllegalStateException(where + ".language: '" + language + "' is not a two-letter code");
      }
      JsonNode roles = array(e, "role", where + ".");
      int flags = 0;
      for (int r = 0; r < roles.size(); r++) {
        String role = roles.get(r).asText();
        int flag = roles.get(r).isTextual() ? roleFlag(role) : 0;
        if (flag == 0) throw new IllegalStateException(where + ".role[" + r + "]: unknown role '" + role + "'");
        flags |= flag;
      }
      if (flags == 0) throw new IllegalStateException(where + ".role: no role");
      JsonNode value = e.get("value");
      int val;
      if ((flags & W_CUR) != 0) {
        val = currency(e, where);
      } else if (value == null) {
        val = 0;
      } else if (value.isInt()) {
        val = value.intValue();
      } else {
        throw new IllegalStateException(where + ".value: '" + text(value) + "' is not a whole number");
      }
      for (String w : words(e, "words", where)) v.words.put(w, flags, val);
    }
    JsonNode signs = array(root, "symbols", file + ": ");
    for (int i = 0; i < signs.size(); i++) {
      String where = file + ": symbols[" + i + "]";
      JsonNode e = entry(signs.get(i), where, SIGN_FIELDS);
      int cur = currency(e, where);
      JsonNode list = array(e, "symbols", where + ".");
      for (int k = 0; k < list.size(); k++) {
        String s = list.get(k).asText();
        if (!list.get(k).isTextual() || s.length() != 1 || Character.getType(s.charAt(0)) != Character.CURRENCY_SYMBOL) {
          throw new IllegalStateException(where + ".symbols[" + k + "]: '" + s + "' is not one currency sign");
        }
        v.signs.append(s.charAt(0));
        v.signCurrency.add(cur);
      }
    }
    JsonNode prefixes = array(root, "dollarPrefixes", file + ": ");
    for (int i = 0; i < prefixes.size(); i++) {
      String where = file + ": dollarPrefixes[" + i + "]";
      JsonNode e = entry(prefixes.get(i), where, PREFIX_FIELDS);
      int cur = currency(e, where);
      for (String w : words(e, "words", where)) v.dollarPrefixes.put(w.toUpperCase(Locale.ROOT), cur);
    }
  }

  private static int roleFlag(String role) {
    return switch (role) {
      case "currency" -> W_CUR;
      case "euphemism" -> W_EUPH;
      case "hour" -> W_HOUR;
      case "minute" -> W_MIN;
      case "fixed" -> W_FIXED;
      case "half" -> W_HALF;
      case "full" -> W_FULL;
      case "after" -> W_AFTER;
      case "before" -> W_BEFORE;
      case "to" -> W_TO;
      case "rates" -> W_RATES;
      case "count" -> W_COUNT;
      case "not-amount" -> W_NOT_AMOUNT;
      case "label" -> W_LABEL;
      default -> 0;
    };
  }

  /** An entry of a section: an object with only the allowed fields, and a reason and a source. */
  private static JsonNode entry(JsonNode node, String where, Set<String> allowed) {
    if (node == null || !node.isObject()) throw new IllegalStateException(where + ": expected an object");
    onlyFields(node, allowed, where + ".");
    requiredString(node, "reason", where);
    requiredString(node, "source", where);
    return node;
  }

  private static JsonNode array(JsonNode node, String field, String where) {
    JsonNode a = node.get(field);
    if (a == null || !a.isArray() || a.isEmpty()) throw new IllegalStateException(where + field + ": expected a non-empty array");
    return a;
  }

  private static int currency(JsonNode e, String where) {
    JsonNode value = e.get("value");
    int cur = value == null || !value.isTextual() ? NONE : currencyIndex(value.asText());
    if (cur < 0) throw new IllegalStateException(where + ".value: unknown currency '" + text(value) + "'");
    return cur;
  }

  /** The lower-case words of an array field: letters only, as the tokenizer reads a word. */
  private static java.util.List<String> words(JsonNode e, String field, String where) {
    JsonNode a = array(e, field, where + ".");
    java.util.List<String> out = new java.util.ArrayList<>(a.size());
    for (int k = 0; k < a.size(); k++) {
      String w = a.get(k).asText();
      String at = where + "." + field + "[" + k + "]: '" + w + "' ";
      if (!a.get(k).isTextual() || w.isEmpty() || w.length() > WordTable.MAX_LENGTH) {
        throw new IllegalStateException(at + "is not a word of 1 to " + WordTable.MAX_LENGTH + " letters");
      }
      if (!w.equals(w.toLowerCase(Locale.ROOT))) throw new IllegalStateException(at + "is not lower case");
      if (!w.codePoints().allMatch(Character::isLetter)) throw new IllegalStateException(at + "is not letters only");
      out.add(w);
    }
    return out;
  }

  private static String text(JsonNode n) { return n == null ? "" : n.isTextual() ? n.asText() : n.toString(); }

  // =====================================================================================
  // The word table
  // =====================================================================================

  static char lower(char c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    return Character.toLowerCase(c);
  }

  /**
   * Open-addressing table from lower-case words to (role flags, value), looked up directly on a range
   * of the text with a case-insensitive hash so no substring is created per word.
   */
  static final class WordTable {
    /** Longer words are never in the table (and are not looked up). */
    static final int MAX_LENGTH = 24;
    // about 230 words: at most one eighth full, so a lookup of an ordinary word (most are not in the
    // table) usually stops at the first empty slot (every word of an advert is looked up)
    private String[] keys = new String[2048];
    private long[] vals = new long[2048];

    void put(String word, int flags, int value) {
      int slot = find(word.toCharArray(), 0, word.length());
      if (keys[slot] != null) {
        long old = vals[slot];
        int oldFlags = (int) (old >>> 32);
        vals[slot] = ((long) (oldFlags | flags) << 32) | ((flags & W_NOT_AMOUNT) != 0 && oldFlags != 0
            ? (int) old : value);
        return;
      }
      keys[slot] = word;
      vals[slot] = ((long) flags << 32) | (value & 0xffffffffL);
    }

    /** (flags << 32 | value) of the word at s[start, end), or 0. */
    long lookup(char[] s, int start, int end) {
      if (end - start > MAX_LENGTH) return 0;
      int slot = find(s, start, end);
      return keys[slot] == null ? 0 : vals[slot];
    }

    /** {@link #lookup(char[], int, int)} given the word's {@link #hash}, computed by the caller. */
    long lookup(char[] s, int start, int end, int hash) {
      if (end - start > MAX_LENGTH) return 0;
      int slot = find(s, start, end, hash);
      return keys[slot] == null ? 0 : vals[slot];
    }

    /** The case-insensitive hash of s[start, end) the table uses. */
    static int hash(char[] s, int start, int end) {
      int h = 0;
      for (int i = start; i < end; i++) h = 31 * h + lower(s[i]);
      return h;
    }

    private int find(char[] s, int start, int end) { return find(s, start, end, hash(s, start, end)); }

    private int find(char[] s, int start, int end, int h) {
      int mask = keys.length - 1;
      int slot = (h ^ (h >>> 16)) & mask;
      int len = end - start;
      while (keys[slot] != null) {
        String k = keys[slot];
        if (k.length() == len && equalsLower(k, s, start, len)) return slot;
        slot = (slot + 1) & mask;
      }
      return slot;
    }

    private static boolean equalsLower(String key, char[] s, int start, int len) {
      for (int i = 0; i < len; i++) if (lower(s[start + i]) != key.charAt(i)) return false;
      return true;
    }
  }
}
