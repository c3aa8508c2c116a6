package org.redflag.nlp;

import java.util.List;
import java.util.Locale;

/**
 * The references to persons in an advert's words: personal pronouns ({@link PronounMention}: first or
 * third person, with the German case and position rules) and role nouns or Russian verbs that stand for
 * the person(s) offered ({@link RoleMention}). The rules are in docs/nlp.md; the word lists are in
 * {@link Lexicons}.
 */
final class PersonReferences {
  private PersonReferences() {}

  /**
   * A role noun at word token {@code i} that refers to the person or persons offered in the third
   * person ({@link Lexicons#roleNoun}), or, for a Cyrillic word, a verb whose subject is left out
   * ({@link #impliedSubject}); or null. Never right after a client preposition ("for girls",
   * "Jungs für Jungs") or within four words after a first-person subject ("I'm a sweet girl", "Wir sind
   * 2 TS Girls"). A plural counts after a determiner or a number within two words ("our girls", "3
   * Mädels", "5 девушек") or before a verb ("TS-Girls sind", "Jungs besuchen"), not in a list ("a large
   * choice of girls", which describes an offer rather than persons spoken of). A singular counts only
   * after a demonstrative or possessive within two words ("this girl", "our new model"). In a hyphenated
   * word the last part is looked up ("TS-Girls").
   *
   * @param chars the text's chars, which {@code t} was scanned from
   */
  static RoleMention role(String text, char[] chars, Tokens t, int i, Sentences sentences) {
    RoleMention r = roleNoun(text, chars, t, i, sentences);
    if (r == null && chars[t.start[i]] >= 0x400) r = impliedSubject(text, chars, t, i, sentences);
    return r;
  }

  private static RoleMention roleNoun(String text, char[] chars, Tokens t, int i, Sentences sentences) {
    int s = t.start[i], e = t.end[i];
    for (int k = e - 1; k > s; k--) {
      if (chars[k] == '-') { s = k + 1; break; }
    }
    int number = Lexicons.roleNoun(chars, s, e);
    if (number < 0) number = Lexicons.roleNoun(text.substring(s, e).toLowerCase(Locale.ROOT));
    if (number == 0) return null;
    boolean determined = false;
    int k = i;
    for (int back = 1; back <= 4; back++) {
      k = sentences.previousWord(t, k);
      if (k < 0) break;
      String w = apostropheKey(lower(text, t, k));
      if (back == 1 && Lexicons.isClientPreposition(w)) return null;
      if (Lexicons.isFirstPersonSubject(w)) return null;
      if (back <= 2 && (Lexicons.isDeterminer(w) || number == Lexicons.ROLE_PLURAL && Lexicons.isNumber(w))) determined = true;
    }
    if (!determined) {
      if (number == Lexicons.ROLE_SINGULAR) return null;
      // a plural without determiner or number counts as the subject of a verb ("Mädels warten"), not
      // in a list ("a large choice of girls")
      int next = i + 1;
      if (next >= t.size || t.kind[next] != Tokens.WORD || sentences.of(next) != sentences.of(i)
          || !Lexicons.isPluralVerb(text.substring(t.start[next], t.end[next]))) {
        return null;
      }
    }
    return new RoleMention(s, e, number == Lexicons.ROLE_PLURAL, t.quoted[i]);
  }

  /**
   * A Russian verb whose left-out subject or object is the person offered ({@link
   * Lexicons#impliedSubjectVerb}: "Приедет к вам", "Привезём за 30 минут"), as a reference; or null.
   * Not right after a pronoun or role noun, which is already that reference ("она приедет", "девушки
   * ждут"), so one person is counted once.
   */
  private static RoleMention impliedSubject(String text, char[] chars, Tokens t, int i, Sentences sentences) {
    int v = Lexicons.impliedSubjectVerb(chars, t.start[i], t.end[i]);
    if (v < 0) v = Lexicons.impliedSubjectVerb(lower(text, t, i));
    if (v == 0) return null;
    int k = sentences.previousWord(t, i);
    if (k >= 0) {
      String w = lower(text, t, k);
      if (Lexicons.pronounClass(w) != 0 || Lexicons.roleNoun(w) != 0) return null;
    }
    return new RoleMention(t.start[i], t.end[i], v == Lexicons.ROLE_PLURAL, t.quoted[i]);
  }

  /**
   * The pronoun in word token {@code token} (the part before an apostrophe: "she's" → "she"), or null.
   *
   * @param sentenceInitial whether the word opens its sentence (German "Sie", "Er" read differently there)
   * @param informal whether the advert says "du" to the reader ({@link ReaderAddress#informal})
   */
  static PronounMention pronoun(String text, char[] chars, Tokens t, int token, boolean sentenceInitial,
      boolean informal) {
    int start = t.start[token], end = t.end[token];
    boolean quoted = t.quoted[token];
    int keyEnd = end;
    for (int i = start; i < end; i++) {
      char c = chars[i];
      if (c == '\'' || c == '\u2019') { keyEnd = i; break; }
    }
    if (keyEnd == start || !Lexicons.mayBePronoun(chars[start], keyEnd - start)) return null;
    int cls = Lexicons.pronounClass(chars, start, keyEnd);
    if (cls == 0) return null; // the common case: no substring, no lower-casing
    // English pronouns are decided on the span; only the German classes (whose reading depends on case)
    // and undecided spans read the word as a String, so the common case allocates nothing.
    String raw = null, lower = null;
    if (cls < 0 || cls >= Lexicons.GERMAN_SIE) {
      raw = text.substring(start, keyEnd);
      lower = raw.toLowerCase(Locale.ROOT);
      if (cls < 0) cls = Lexicons.pronounClass(lower);
    }
    switch (cls) {
      case 0: return null;
      case Lexicons.FIRST_SINGULAR: return new PronounMention(start, keyEnd, 1, false, quoted);
      case Lexicons.FIRST_PLURAL:
        if (keyEnd - start == 2 && chars[start] == 'U' && chars[start + 1] == 'S') return null; // the country, not "us"
        return new PronounMention(start, keyEnd, 1, true, quoted);
      case Lexicons.THIRD_SINGULAR: return new PronounMention(start, keyEnd, 3, false, quoted);
      case Lexicons.THIRD_PLURAL: return new PronounMention(start, keyEnd, 3, true, quoted);
      case Lexicons.GERMAN_SIE:
        // "sie" (she/they) is lower case inside a sentence; capitalised "Sie" there is the formal "you".
        // At sentence start, "Sie" followed by a third-person-singular verb ("Sie ist", "Sie hat",
        // "Sie liebt") reads as "she"; a plural verb reads "they" only where the advert says "du" to
        // the reader (ReaderAddress); anything else stays undecided and is not counted.
        if (raw.equals("sie") || raw.equals("SIE")) return new PronounMention(start, keyEnd, 3, false, quoted);
        if (!sentenceInitial) return null;
        int next = nextWord(t, token);
        String nextWord = next < 0 ? null : text.substring(t.start[next], t.end[next]);
        if (nextWord != null && nextWord.length() > 1 && Character.isLowerCase(nextWord.charAt(0))
            && nextWord.endsWith("t") && !nextWord.equals("sind")) {
          return new PronounMention(start, keyEnd, 3, false, quoted);
        }
        return ReaderAddress.sieIsThey(informal, nextWord) ? new PronounMention(start, keyEnd, 3, true, quoted) : null;
      case Lexicons.GERMAN_THIRD_SINGULAR:
      case Lexicons.GERMAN_THIRD_PLURAL:
        // lower case inside a sentence; "Sie und Ihn", "zu Ihnen" are nouns or the formal "you"
        if (!sentenceInitial && Character.isUpperCase(raw.charAt(0)) && !raw.equals(raw.toUpperCase(Locale.ROOT))) return null;
        return new PronounMention(start, keyEnd, 3, cls == Lexicons.GERMAN_THIRD_PLURAL, quoted);
      case Lexicons.GERMAN_IHR:
        // lower-case "ihr/ihre…" is her/their; capitalised it is mostly the formal "your": not counted.
        return raw.equals(lower) ? new PronounMention(start, keyEnd, 3, false, quoted) : null;
      default: return null;
    }
  }

  /**
   * Removes the generic pairs of job adverts and terms, "his or her", "he/she", "s/he", "er oder sie":
   * they speak of anyone, not of a person offered. A pair is two different third-person-singular
   * pronouns joined by {@link Lexicons#isPairJoiner a joiner}; the rule reads the words only, so it
   * treats every order and gender alike.
   *
   * @param tokens the token index of each pronoun, in the same order
   */
  static void dropGenericPairs(String text, Tokens t, List<PronounMention> pronouns, IntList tokens) {
    if (pronouns.isEmpty()) return;
    boolean[] drop = null;
    for (int a = 0; a < pronouns.size(); a++) {
      PronounMention p = pronouns.get(a);
      if (p.person() != 3 || p.plural()) continue;
      int i = tokens.a[a];
      // "s/he": the pronoun after "s" and a slash
      if (i >= 2 && isSlash(text, t, i - 1) && t.kind[i - 2] == Tokens.WORD && t.end[i - 2] - t.start[i - 2] == 1
          && Character.toLowerCase(text.charAt(t.start[i - 2])) == 's' && t.end[i - 2] == t.start[i - 1]) {
        if (drop == null) drop = new boolean[pronouns.size()];
        drop[a] = true;
        continue;
      }
      int b = a + 1;
      if (b >= pronouns.size() || tokens.a[b] != i + 2) continue;
      PronounMention q = pronouns.get(b);
      if (q.person() != 3 || q.plural()) continue;
      int j = i + 1;
      boolean joiner = isSlash(text, t, j) || t.kind[j] == Tokens.WORD && Lexicons.isPairJoiner(lower(text, t, j));
      if (!joiner || lower(text, t, i).equals(lower(text, t, i + 2))) continue;
      if (drop == null) drop = new boolean[pronouns.size()];
      drop[a] = drop[b] = true;
    }
    if (drop == null) return;
    int w = 0;
    for (int r = 0; r < pronouns.size(); r++) if (!drop[r]) pronouns.set(w++, pronouns.get(r));
    pronouns.subList(w, pronouns.size()).clear();
  }

  /** The word token {@code i} lower-cased (for the rare look-ups that need a String). */
  private static String lower(String text, Tokens t, int i) {
    return text.substring(t.start[i], t.end[i]).toLowerCase(Locale.ROOT);
  }

  /** The part of a word before an apostrophe ("i'm" → "i"), as pronouns are looked up. */
  private static String apostropheKey(String w) {
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (c == '\'' || c == '\u2019') return w.substring(0, i);
    }
    return w;
  }

  private static boolean isSlash(String text, Tokens t, int i) {
    return t.kind[i] == Tokens.PUNCT && t.end[i] - t.start[i] == 1 && text.charAt(t.start[i]) == '/';
  }

  private static int nextWord(Tokens t, int i) {
    for (int j = i + 1; j < t.size; j++) if (t.kind[j] == Tokens.WORD) return j;
    return -1;
  }
}
