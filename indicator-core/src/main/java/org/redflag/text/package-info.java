/**
 * Text normalisation for matching: {@link org.redflag.text.TextPipeline} folds case, compatibility
 * forms, zero-width characters, diacritics, confusable look-alikes, leetspeak and spaced-out letters,
 * and replaces each emoji sequence by one canonical key ({@link org.redflag.text.Emoji}), in linear
 * time and without allocation once warm. {@link org.redflag.text.AnalyzedText} keeps the map from
 * every normalised char back to the original UTF-16 range, so evidence always quotes the original.
 * See {@code docs/text-pipeline.md}.
 */
package org.redflag.text;
