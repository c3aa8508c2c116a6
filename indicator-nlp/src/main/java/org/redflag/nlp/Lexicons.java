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
   * The pronoun words as an open-addressing table probed with a span of the advert text, lower-cased
   * char by char on the fly. why: NlpBenchmark.features at 10KB spent about 12% of its time in a
   * substring, a {@code toLowerCase} and a HashMap probe for every word token (about 1,800 per advert).
   */
  private static final int TABLE_MASK = 255;
  private static final String[] TABLE_KEYS = new String[TABLE_MASK + 1];
  private static final int[] TABLE_CLASSES = new int[TABLE_MASK + 1];

  /** ASCII letters (lower case) that start a pronoun: most word tokens are rejected on their first char. */
  private static final boolean[] ASCII_FIRST = new boolean[128];

  static {
    if (PRONOUNS.size() * 2 > TABLE_MASK) throw new AssertionError("pronoun table too small");
    for (String w : PRONOUNS.keySet()) if (w.charAt(0) < 0x80) ASCII_FIRST[w.charAt(0)] = true;
    for (Map.Entry<String, Integer> e : PRONOUNS.entrySet()) {
      int i = e.getKey().hashCode() & TABLE_MASK;
      while (TABLE_KEYS[i] != null) i = (i + 1) & TABLE_MASK;
      TABLE_KEYS[i] = e.getKey();
      TABLE_CLASSES[i] = e.getValue();
    }
  }

  /** False when no pronoun starts with {@code c} (ASCII only; any other char may start one). */
  static boolean mayStartPronoun(char c) {
    return c >= 0x80 || ASCII_FIRST[c | 0x20] || ASCII_FIRST[c];
  }

  /**
   * {@link #pronounClass(String)} of {@code text[start, end)} lower-cased, without a substring; or -1
   * when the span has a char whose {@code String.toLowerCase(Locale.ROOT)} may differ from
   * {@code Character.toLowerCase} (outside ASCII and basic Cyrillic), and the caller must take the
   * String path.
   */
  static int pronounClass(String text, int start, int end) {
    char first = text.charAt(start);
    if (first < 0x80 && !ASCII_FIRST[first | 0x20] && !ASCII_FIRST[first]) return 0;
    int h = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
      } else if (c >= 0x0400 && c <= 0x04FF) {
        c = Character.toLowerCase(c);
      } else {
        return -1;
      }
      h = 31 * h + c;
    }
    int len = end - start;
    for (int i = h & TABLE_MASK; TABLE_KEYS[i] != null; i = (i + 1) & TABLE_MASK) {
      String key = TABLE_KEYS[i];
      if (key.length() == len && equalsLowerCased(key, text, start)) return TABLE_CLASSES[i];
    }
    return 0;
  }

  private static boolean equalsLowerCased(String key, String text, int start) {
    for (int k = 0; k < key.length(); k++) {
      char c = text.charAt(start + k);
      if (c < 0x80) {
        if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
      } else {
        c = Character.toLowerCase(c);
      }
      if (key.charAt(k) != c) return false;
    }
    return true;
  }

  static final int MAX_PRONOUN_LENGTH = 10;

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
}
