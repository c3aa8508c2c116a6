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
  /**
   * German third-person pronouns other than sie/ihr: lower case inside a sentence; capitalised there
   * they are nouns or the formal "you" ("für Sie und Ihn", "zu Ihnen") and are not counted.
   */
  static final int GERMAN_THIRD_SINGULAR = 7, GERMAN_THIRD_PLURAL = 8;

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
    put(GERMAN_THIRD_SINGULAR, "er", "ihn", "ihm", "seine", "seinen", "seinem", "seiner", "seines");
    put(GERMAN_THIRD_PLURAL, "ihnen");
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

  /**
   * Nouns for the person or persons an adult-service advert offers ("girl", "Mädels", "девушки"), by
   * number: {@link #ROLE_SINGULAR} or {@link #ROLE_PLURAL}. An advert that speaks of "our girls" or
   * "this beauty" speaks of them in the third person, as "she" or "they" would. Words that in adverts
   * usually name the client ("men", "gentlemen", "guys") are left out. Every gender: the female, male
   * and trans forms are listed alike (trans adverts write "TS-Girls", "ts girl": the last part of a
   * hyphenated word is looked up).
   */
  static final int ROLE_SINGULAR = 1, ROLE_PLURAL = 2;

  private static final Map<String, Integer> ROLES = new HashMap<>();

  private static void role(int number, String... words) { for (String w : words) ROLES.put(w, number); }

  static {
    role(ROLE_SINGULAR, "girl", "gal", "lady", "boy", "beauty", "babe", "model", "escort", "woman", "doll", "hottie",
        "twink", "companion");
    role(ROLE_PLURAL, "girls", "gals", "ladies", "boys", "beauties", "babes", "models", "escorts", "women", "dolls",
        "hotties", "twinks", "companions");
    role(ROLE_SINGULAR, "mädel", "dame", "frau", "schönheit", "junge");
    role(ROLE_PLURAL, "mädels", "mädchen", "damen", "frauen", "herren", "jungs", "schönheiten", "callboys", "escortdamen");
    role(ROLE_SINGULAR, "девушка", "девушку", "девушкой", "девочка", "девочку", "мальчик", "мальчика", "парень",
        "парня", "красавица", "красавицу", "красотка", "красотку", "модель", "мастерица");
    role(ROLE_PLURAL, "девушки", "девушек", "девочки", "девочек", "мальчики", "мальчиков", "парни", "парней",
        "красавицы", "красавиц", "красотки", "красоток", "модели", "моделей", "мастерицы", "мастериц", "массажистки",
        "массажисток", "индивидуалки");
  }

  private static final SpanTable ROLE_TABLE = new SpanTable(ROLES, false);

  /** {@link #ROLE_SINGULAR}, {@link #ROLE_PLURAL}, 0, or -1 for the String path (see {@link SpanTable#get}). */
  static int roleNoun(char[] text, int start, int end) { return ROLE_TABLE.get(text, start, end); }

  static int roleNoun(String lower) { return ROLES.getOrDefault(lower, 0); }

  /**
   * Russian advert verbs whose subject, left out, is the person or persons offered, or whose object is
   * the person a service brings: third-person forms ("Приедет к вам за 30 минут", "Ждут тебя", "Водитель
   * привезёт") and the forms of a service or a third party that brings the person ("Привезём за 30
   * минут", "встретим у подъезда", "Привезу его к вам"). Russian drops the subject pronoun freely, so
   * such adverts name nobody and the pronoun count alone misses them. The future and present forms carry
   * no gender, so every gender reads alike. Forms a worker uses of herself or himself ("приеду", "жду",
   * "ждём" of a duo) are not listed. Spellings with ё and е are both listed (adverts write either).
   */
  private static final Map<String, Integer> IMPLIED_SUBJECT_VERBS = new HashMap<>();

  static {
    for (String w : new String[] {"приедет", "ждёт", "ждет", "встретит", "примет", "обслужит", "порадует", "подарит",
        "исполнит", "привезёт", "привезет", "отвезёт", "отвезет", "доставит"}) {
      IMPLIED_SUBJECT_VERBS.put(w, ROLE_SINGULAR);
    }
    for (String w : new String[] {"приедут", "ждут", "встретят", "примут", "обслужат", "порадуют", "подарят",
        "исполнят", "привезут", "отвезут", "доставят", "привезём", "привезем", "отвезём", "отвезем", "доставим",
        "подберём", "подберем", "встретим", "привезу", "отвезу"}) {
      IMPLIED_SUBJECT_VERBS.put(w, ROLE_PLURAL);
    }
  }

  private static final SpanTable IMPLIED_SUBJECT_TABLE = new SpanTable(IMPLIED_SUBJECT_VERBS, false);

  /** {@link #ROLE_SINGULAR}, {@link #ROLE_PLURAL}, 0, or -1 for the String path (see {@link SpanTable#get}). */
  static int impliedSubjectVerb(char[] text, int start, int end) { return IMPLIED_SUBJECT_TABLE.get(text, start, end); }

  static int impliedSubjectVerb(String lower) { return IMPLIED_SUBJECT_VERBS.getOrDefault(lower, 0); }

  /**
   * Words that, within two words before a singular role noun, make it a reference to one person spoken
   * of by someone else: demonstratives and possessives ("this girl", "our new model", "his boy", "diese
   * Schönheit", "наша девушка"). "a girl"/"the girl" alone is not enough: first-person adverts say "I am
   * a sweet girl".
   */
  private static final Map<String, Integer> DETERMINERS = new HashMap<>();

  static {
    for (String w : new String[] {"this", "that", "these", "those", "our", "my", "his", "her", "their", "each", "every",
        "diese", "dieses", "dieser", "diesen", "diesem", "unsere", "unser", "unseren", "unserer", "unserem", "meine",
        "mein", "meinen", "jede", "jeder",
        "эта", "эту", "этой", "этот", "этого", "наша", "нашу", "наш", "нашего", "нашей", "моя", "мою", "мой", "моего",
        "каждая", "каждый", "all", "alle", "эти", "наши", "наших", "все", "мои", "моих"}) {
      DETERMINERS.put(w, 1);
    }
  }

  private static final SpanTable DETERMINER_TABLE = new SpanTable(DETERMINERS, false);

  /** 1 when {@code text[start, end)} is in {@link #DETERMINERS}, 0 when not, -1 for the String path. */
  static int isDeterminer(char[] text, int start, int end) { return DETERMINER_TABLE.get(text, start, end); }

  static boolean isDeterminer(String lower) { return DETERMINERS.containsKey(lower); }

  /** A number before a plural role noun: digits, or a small number word ("two girls", "zwei Mädels", "две девушки"). */
  static boolean isNumber(String lower) {
    if (lower.isEmpty()) return false;
    boolean digits = true;
    for (int i = 0; i < lower.length() && digits; i++) digits = lower.charAt(i) >= '0' && lower.charAt(i) <= '9';
    return digits || NUMBER_WORDS.contains(lower);
  }

  private static final Set<String> NUMBER_WORDS = Set.of("two", "three", "four", "five", "six", "several", "many",
      "zwei", "drei", "vier", "fünf", "sechs", "mehrere", "viele", "две", "два", "три", "четыре", "пять", "несколько", "много");

  /**
   * A verb right after a plural role noun, which makes the noun its subject: English auxiliaries and
   * advert verbs ("girls are", "boys will", "ladies offer"); German plural present forms, lower case
   * ending in -en, or "sind" ("Mädels warten", "Jungs besuchen"); Russian third-person-plural forms
   * ending in -ут/-ют/-ат/-ят ("девушки ждут", "приедут").
   */
  static boolean isPluralVerb(String word) {
    if (word.isEmpty()) return false;
    String lower = word.toLowerCase(java.util.Locale.ROOT);
    if (PLURAL_VERBS.contains(lower)) return true;
    if (Character.isLowerCase(word.charAt(0)) && lower.length() > 3 && lower.endsWith("en") && lower.chars().allMatch(c -> c < 0x400)) {
      return true; // a German verb (German nouns are capitalised)
    }
    return lower.length() > 3 && (lower.endsWith("ут") || lower.endsWith("ют") || lower.endsWith("ат") || lower.endsWith("ят"));
  }

  private static final Set<String> PLURAL_VERBS = Set.of("are", "were", "will", "can", "have", "love", "offer", "provide",
      "wait", "await", "come", "do", "speak", "arrive", "travel", "visit", "sind");

  /**
   * Words that, right before a role noun, make it the client rather than the person offered ("for men",
   * "für Damen", "Jungs für Jungs", "для мужчин").
   */
  private static final Set<String> CLIENT_PREPOSITIONS = Set.of("for", "für", "fuer", "для");

  static boolean isClientPreposition(String lower) { return CLIENT_PREPOSITIONS.contains(lower); }

  /** First-person subject pronouns: a role noun right after one describes the writer ("I'm a girl", "wir sind zwei Mädels"). */
  private static final Set<String> FIRST_PERSON_SUBJECTS = Set.of("i", "we", "ich", "wir", "я", "мы");

  static boolean isFirstPersonSubject(String lower) { return FIRST_PERSON_SUBJECTS.contains(lower); }

  /**
   * Words that join two different third-person pronouns into the generic "his or her", "he/she", "er
   * oder sie", "он или она" of job adverts and terms ("each employee to his or her full potential"),
   * which speaks of anyone, not of a person offered. "and" is not one: "she and he" are two people.
   */
  private static final Set<String> PAIR_JOINERS = Set.of("or", "oder", "или", "/");

  static boolean isPairJoiner(String lower) { return PAIR_JOINERS.contains(lower); }

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
