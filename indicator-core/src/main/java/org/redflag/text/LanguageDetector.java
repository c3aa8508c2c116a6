package org.redflag.text;

import java.util.Optional;

/**
 * Detects the language of advert text when the advert does not state one, so the engine can select
 * the packs for that language. Implementations are thread-safe and never throw.
 */
@FunctionalInterface
public interface LanguageDetector {
  /** BCP 47 tag of the detected language, or empty when unsure. */
  Optional<String> detect(String text);
}
