package org.redflag.morph;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.redflag.pack.Inflector;

/**
 * German and Russian inflection from LanguageTool's morfologik dictionaries: German from
 * {@code de.danielnaber:german-pos-dict} (CC BY-SA 4.0, derived from Morphy), Russian from the
 * dictionaries inside {@code org.languagetool:language-ru} (LGPL-2.1, derived from AOT). Found by
 * {@link java.util.ServiceLoader}; each language's dictionaries are read on first use and kept.
 *
 * <p>A pack word is written lower-case; German nouns are capitalised in the dictionary, so the word
 * is looked up as written and with its first letter upper-case, and the forms of both are returned
 * ({@code ~fahrer} gives the forms of the noun {@code Fahrer}).
 */
public final class DictionaryInflector implements Inflector {
  private static final String RESOURCES = "/org/languagetool/resource/";
  private static final Map<String, String[]> RESOURCE_NAMES = Map.of(
      "de", new String[] {RESOURCES + "de/german.dict", RESOURCES + "de/german_synth.dict"},
      "ru", new String[] {RESOURCES + "ru/russian.dict", RESOURCES + "ru/russian_synth.dict"});
  private static final Map<String, MorphDictionary> LOADED = new ConcurrentHashMap<>();

  /** Used by {@link java.util.ServiceLoader}. */
  public DictionaryInflector() {}

  @Override
  public Set<String> languages() { return RESOURCE_NAMES.keySet(); }

  @Override
  public Set<String> forms(String language, String word) {
    MorphDictionary d = dictionary(language);
    Set<String> out = new TreeSet<>(d.forms(word));
    String capitalised = capitalise(word);
    if (!capitalised.equals(word)) out.addAll(d.forms(capitalised));
    return out;
  }

  /** The lemmas the tagger dictionary of {@code language} gives for {@code word} as written. */
  public Set<String> lemmas(String language, String word) { return dictionary(language).lemmas(word); }

  private static MorphDictionary dictionary(String language) {
    String[] names = RESOURCE_NAMES.get(language);
    if (names == null) throw new IllegalArgumentException("no dictionary for language '" + language + "'");
    return LOADED.computeIfAbsent(language, l -> new MorphDictionary(names[0], names[1]));
  }

  private static String capitalise(String word) {
    if (word.isEmpty()) return word;
    int first = word.codePointAt(0);
    return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
        .append(word, Character.charCount(first), word.length()).toString();
  }
}
