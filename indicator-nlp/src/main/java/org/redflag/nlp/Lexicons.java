package org.redflag.nlp;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Small closed word lists for English, German and Russian: personal pronouns by person and number, and
 * sentence-initial imperative verbs common in adverts. Closed-class words are few, so a table is exact
 * and far cheaper than a tagger. All lists are applied to every advert whatever its language (the words
 * barely collide across the three languages), so mixed-language adverts are covered.
 */
final class Lexicons {
  private Lexicons() {}

  static final int FIRST_SINGULAR = 1, FIRST_PLURAL = 2, THIRD_SINGULAR = 3, THIRD_PLURAL = 4;
  /** German words whose reading depends on case and position (she/they/formal you; her/their/your). */
  static final int GERMAN_SIE = 5, GERMAN_IHR = 6;

  private static final Map<String, Integer> PRONOUNS = new HashMap<>();

  private static void put(int cls, String... words) { for (String w : words) PRONOUNS.put(w, cls); }

  static {
    // English
    put(FIRST_SINGULAR, "i", "me", "my", "mine", "myself");
    put(FIRST_PLURAL, "we", "us", "our", "ours", "ourselves");
    put(THIRD_SINGULAR, "she", "her", "hers", "herself", "he", "him", "his", "himself");
    put(THIRD_PLURAL, "they", "them", "their", "theirs", "themselves");
    // German ("sein" is left out: it is also the verb "to be")
    put(FIRST_SINGULAR, "ich", "mich", "mir", "mein", "meine", "meinen", "meinem", "meiner", "meines");
    put(FIRST_PLURAL, "wir", "uns", "unser", "unsere", "unseren", "unserem", "unserer", "unseres");
    put(THIRD_SINGULAR, "er", "ihn", "ihm", "seine", "seinen", "seinem", "seiner", "seines");
    put(THIRD_PLURAL, "ihnen");
    put(GERMAN_SIE, "sie");
    put(GERMAN_IHR, "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres");
    // Russian ("им" is left out: it is both "him" (instrumental) and "them" (dative))
    put(FIRST_SINGULAR, "я", "меня", "мне", "мной", "мною", "мой", "моя", "моё", "мое", "мои", "моего", "моей",
        "моему", "моих", "моим", "моими", "мою");
    put(FIRST_PLURAL, "мы", "нас", "нам", "нами", "наш", "наша", "наше", "наши", "нашего", "нашей", "нашему",
        "наших", "нашим", "нашими", "нашу");
    put(THIRD_SINGULAR, "она", "её", "ее", "ей", "ней", "неё", "нее", "ею", "нею", "он", "его", "него", "ему",
        "нему", "ним", "нём", "нем");
    put(THIRD_PLURAL, "они", "их", "них", "ими", "ними");
  }

  /** Pronoun class of a lower-cased word, or 0. */
  static int pronounClass(String lower) {
    Integer c = PRONOUNS.get(lower);
    return c == null ? 0 : c;
  }

  /**
   * Words of a closed list in an open-addressing table probed with a span of the advert text, lower-cased
   * char by char on the fly: every word token of an advert is looked up, and probing with the span
   * avoids a substring, a {@code toLowerCase} and a boxed HashMap probe per token.
   */
  static final class SpanTable {
    private final String[] keys;
    private final int[] values;
    private final int mask;
    private final int longest;
    private final boolean foldApostrophe;

    /**
     * @param words lower-case words and their (non-zero) values
     * @param foldApostrophe read {@code ’} in the text as {@code '} (as {@code replace('\u2019', '\'')} does)
     */
    SpanTable(Map<String, Integer> words, boolean foldApostrophe) {
      int cap = Integer.highestOneBit(Math.max(4, words.size() * 4 - 1)) << 1;
      keys = new String[cap];
      values = new int[cap];
      mask = cap - 1;
      int max = 0;
      for (Map.Entry<String, Integer> e : words.entrySet()) {
        String w = e.getKey();
        if (e.getValue() == 0) throw new IllegalArgumentException("value 0 is reserved for absent words: " + w);
        int i = w.hashCode() & mask;
        while (keys[i] != null) i = (i + 1) & mask;
        keys[i] = w;
        values[i] = e.getValue();
        max = Math.max(max, w.length());
      }
      longest = max;
      this.foldApostrophe = foldApostrophe;
    }

    /**
     * The value of {@code text[start, end)} lower-cased, or 0 when it is no word of the table; -1 when
     * the span has a char whose {@code String.toLowerCase(Locale.ROOT)} may differ from
     * {@code Character.toLowerCase} of the char alone (see {@link #lower}), and the caller must take the
     * String path.
     */
    int get(char[] text, int start, int end) {
      int len = end - start;
      if (len > longest || len <= 0) return 0;
      int h = 0;
      for (int i = start; i < end; i++) {
        int c = lower(text[i]);
        if (c < 0) return -1;
        h = 31 * h + c;
      }
      for (int i = h & mask; keys[i] != null; i = (i + 1) & mask) {
        String key = keys[i];
        if (key.length() == len && equalsLowered(key, text, start)) return values[i];
      }
      return 0;
    }

    /**
     * {@code c} lower-cased, or -1 outside ASCII, Latin-1 and Latin Extended-A/B and basic Cyrillic, and
     * for U+0130: there a char's {@code Character.toLowerCase} is what {@code String.toLowerCase(Locale.ROOT)}
     * gives it (the exceptions are U+0130, which lower-cases to two chars, the context-dependent final
     * sigma, and supplementary chars, all outside these ranges).
     */
    private int lower(char c) {
      if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
      if (c == '\u2019' && foldApostrophe) return '\'';
      if ((c >= 0xC0 && c <= 0x24F && c != 0x130) || (c >= 0x400 && c <= 0x4FF)) return Character.toLowerCase(c);
      return -1;
    }

    private boolean equalsLowered(String key, char[] text, int start) {
      for (int k = 0; k < key.length(); k++) if (key.charAt(k) != lower(text[start + k])) return false;
      return true;
    }
  }

  private static final SpanTable PRONOUN_TABLE = new SpanTable(PRONOUNS, false);

  /**
   * Per ASCII letter (lower case): a bit per length of the pronouns that start with it. Most word tokens
   * are rejected on their first char, most of the rest on their length ("the", "to", "in", "with").
   */
  private static final int[] ASCII_LENGTHS = new int[128];

  static {
    for (String w : PRONOUNS.keySet()) if (w.charAt(0) < 0x80) ASCII_LENGTHS[w.charAt(0)] |= 1 << w.length();
  }

  /** False when no pronoun starts with {@code c} (ASCII only; any other char may start one). */
  static boolean mayStartPronoun(char c) {
    return c >= 0x80 || ASCII_LENGTHS[c | 0x20] != 0;
  }

  /**
   * False when no pronoun has {@code length} chars, or none of that length starts with {@code c} (the
   * first char is tested for ASCII only, as in {@link #mayStartPronoun}).
   */
  static boolean mayBePronoun(char c, int length) {
    return length <= MAX_PRONOUN_LENGTH && (c >= 0x80 || (ASCII_LENGTHS[c | 0x20] & (1 << length)) != 0);
  }

  /**
   * {@link #pronounClass(String)} of {@code text[start, end)} lower-cased, without a substring; or -1
   * when the caller must take the String path (see {@link SpanTable#get}).
   */
  static int pronounClass(char[] text, int start, int end) { return PRONOUN_TABLE.get(text, start, end); }

  static final int MAX_PRONOUN_LENGTH = 10;

  static {
    for (String w : PRONOUNS.keySet()) if (w.length() > MAX_PRONOUN_LENGTH) throw new AssertionError("pronoun longer than MAX_PRONOUN_LENGTH: " + w);
  }

  /** Imperative verb forms that open advert sentences ("Call me", "Ruf an", "Звоните"). */
  static final Set<String> IMPERATIVES = Set.of(
      // English (base form at sentence start)
      "call", "text", "book", "come", "visit", "contact", "message", "send", "enjoy", "ask", "try", "check",
      "don't", "dont", "see", "meet", "let", "treat", "give", "get", "make", "join", "click", "find", "hurry",
      "discover", "reserve", "ring", "phone", "write", "whatsapp", "email", "dm", "pm", "indulge", "relax",
      // German (du/ihr imperative; the Sie form is handled by rule: infinitive + "Sie")
      "ruf", "rufe", "ruft", "komm", "komme", "kommt", "besuch", "besuche", "besucht", "schreib", "schreibe",
      "schreibt", "melde", "meldet", "gönn", "gönne", "gönnt", "genieß", "genieße", "genießt", "lass", "lasst",
      "buche", "bucht", "vereinbare", "sende", "schick", "schicke", "probier", "probiere", "entdecke", "erlebe",
      // Russian
      "звони", "звоните", "позвони", "позвоните", "пиши", "пишите", "напиши", "напишите", "приходи",
      "приходите", "приезжай", "приезжайте", "заходи", "заходите", "обращайтесь", "бронируй", "бронируйте",
      "спеши", "спешите", "отдохни", "отдохните", "расслабься", "расслабьтесь", "выбирай", "выбирайте",
      "получи", "получите", "попробуй", "попробуйте");

  private static final SpanTable IMPERATIVE_TABLE = imperativeTable();

  private static SpanTable imperativeTable() {
    Map<String, Integer> m = new HashMap<>();
    for (String w : IMPERATIVES) m.put(w, 1);
    return new SpanTable(m, true);
  }

  /**
   * 1 when {@code text[start, end)}, lower-cased with {@code ’} read as {@code '}, is in
   * {@link #IMPERATIVES}, 0 when not; -1 when the caller must take the String path (see {@link SpanTable#get}).
   */
  static int isImperative(char[] text, int start, int end) { return IMPERATIVE_TABLE.get(text, start, end); }
}
