package org.redflag.pack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.redflag.match.LexiconPattern;

/**
 * Expands {@code ~word} in an entry's patterns into literal phrases, one per combination of
 * inflected forms, when a pack is loaded. The result contains no {@code ~} and no groups, so the
 * compiled automaton still scans an advert once; the cost is paid per pack load (forms are memoised
 * for the load), never per advert.
 *
 * <p>When no installed {@link Inflector} knows the pack's language, {@code ~word} stands for the
 * word as written, so a pack stays loadable without the optional dictionaries.
 */
final class Inflection {
  /** Most literal phrases the patterns with a {@code ~word} of one entry may expand to together. */
  static final int MAX_ENTRY_PHRASES = 1024;

  private static final class Installed {
    static final List<Inflector> ALL = load();

    private static List<Inflector> load() {
      List<Inflector> out = new ArrayList<>();
      ServiceLoader.load(Inflector.class, Inflection.class.getClassLoader()).forEach(out::add);
      return List.copyOf(out);
    }
  }

  private final Inflector inflector;
  private final String language;
  private final Map<String, Set<String>> memo = new HashMap<>();

  Inflection(List<Inflector> inflectors, String packLanguage) {
    String primary = packLanguage.toLowerCase(Locale.ROOT).split("-", 2)[0];
    Inflector found = null;
    for (Inflector i : inflectors) {
      if (i.languages().contains(primary)) {
        found = i;
        break;
      }
    }
    this.inflector = found;
    this.language = primary;
  }

  /** For one pack load, with the inflectors found by {@link ServiceLoader}. */
  static Inflection forPack(String packLanguage) {
    return new Inflection(Installed.ALL, packLanguage);
  }

  /** Whether an inflector for the pack's language is installed. */
  boolean active() { return inflector != null; }

  /** Thrown with a reason and the index of the pattern it concerns. */
  static final class InflectionException extends RuntimeException {
    final int pattern;

    InflectionException(int pattern, String reason) {
      super(reason, null, false, false);
      this.pattern = pattern;
    }
  }

  /**
   * The entry's patterns with every pattern that has a {@code ~word} replaced by its literal
   * phrases; patterns without one are kept as written.
   */
  List<String> expand(List<String> patterns) {
    List<String> out = new ArrayList<>(patterns.size());
    int phrases = 0;
    for (int i = 0; i < patterns.size(); i++) {
      String pattern = patterns.get(i);
      if (pattern.indexOf('~') < 0) {
        out.add(pattern);   // bounded on its own by LexiconPattern.MAX_EXPANSIONS
        continue;
      }
      Set<String> literal = new LinkedHashSet<>();
      for (LexiconPattern.Phrase phrase : LexiconPattern.parse(pattern)) {
        List<List<String>> parts = new ArrayList<>();
        parts.add(new ArrayList<>());
        for (String part : phrase.parts()) {
          List<String> variants = List.of("");
          for (String word : part.split(" ")) {
            List<String> forms = forms(word, i);
            List<String> next = new ArrayList<>(variants.size() * forms.size());
            for (String v : variants) {
              for (String f : forms) next.add(v.isEmpty() ? f : v + " " + f);
            }
            variants = next;
            if (variants.size() > MAX_ENTRY_PHRASES) throw tooMany(i);
          }
          List<List<String>> grown = new ArrayList<>();
          for (List<String> done : parts) {
            for (String v : variants) {
              List<String> d = new ArrayList<>(done);
              d.add(v);
              grown.add(d);
            }
          }
          parts = grown;
          if (parts.size() > MAX_ENTRY_PHRASES) throw tooMany(i);
        }
        for (List<String> p : parts) literal.add(new LexiconPattern.Phrase(p, phrase.maxGapWords()).toString());
      }
      phrases += literal.size();
      if (phrases > MAX_ENTRY_PHRASES) throw tooMany(i);
      out.addAll(literal);
    }
    return out;
  }

  private InflectionException tooMany(int pattern) {
    return new InflectionException(pattern, "the entry's patterns with '~' expand to more than "
        + MAX_ENTRY_PHRASES + " phrases; mark fewer words with '~' or split the entry");
  }

  private List<String> forms(String word, int pattern) {
    if (!word.startsWith("~")) {
      if (word.indexOf('~') >= 0) throw new InflectionException(pattern, "'~' must start a word, in '" + word + "'");
      return List.of(word);
    }
    String lemma = word.substring(1);
    if (lemma.isEmpty() || !lemma.codePoints().allMatch(c -> Character.isLetter(c) || c == '-')) {
      throw new InflectionException(pattern, "'~' must be followed by a word of letters, was '" + word + "'");
    }
    if (inflector == null) return List.of(lemma);
    Set<String> forms = memo.computeIfAbsent(lemma, l -> inflector.forms(language, l));
    if (forms.isEmpty()) {
      throw new InflectionException(pattern, "'" + lemma + "' is not a lemma in the '" + language
          + "' dictionary; write the dictionary form (nominative singular, infinitive) after '~'");
    }
    List<String> out = new ArrayList<>(forms.size() + 1);
    out.add(lemma);
    for (String f : forms) {
      // a form is spliced into pattern syntax, so it may only hold what a pattern word may hold
      if (!f.equals(lemma) && !f.isEmpty() && f.codePoints().allMatch(c -> Character.isLetter(c) || c == '-' || c == '\'')) out.add(f);
    }
    return out;
  }
}
