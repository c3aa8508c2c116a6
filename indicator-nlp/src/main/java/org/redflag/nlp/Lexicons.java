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
