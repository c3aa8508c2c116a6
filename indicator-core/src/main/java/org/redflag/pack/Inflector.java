package org.redflag.pack;

import java.util.Set;

/**
 * The inflected forms of a word, used when packs are loaded to expand a {@code ~word} in a pattern
 * into literal phrases (see {@code docs/packs.md}). Adverts are still scanned once by the compiled
 * automaton: an inflector never runs on advert text.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader}; the optional
 * {@code indicator-morph} module provides German and Russian from LanguageTool's morphological
 * dictionaries. Implementations must be thread-safe.
 */
public interface Inflector {
  /** Primary language subtags this inflector knows, e.g. {@code de}, {@code ru}. */
  Set<String> languages();

  /**
   * Every form of the lemma {@code word} in {@code language} (a primary subtag from
   * {@link #languages()}), lower-case, including the lemma itself; empty when the dictionary has no
   * such lemma.
   */
  Set<String> forms(String language, String word);
}
