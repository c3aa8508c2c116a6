package org.redflag.nlp;

/**
 * One personal pronoun in the advert text: UTF-16 span {@code [start, end)} in the original text,
 * grammatical person (1 or 3), number, and whether it stands inside quotation marks (e.g. a quoted review).
 */
public record PronounMention(int start, int end, int person, boolean plural, boolean quoted) {
  public PronounMention {
    if (start < 0 || end <= start) throw new IllegalArgumentException("pronoun span [" + start + ", " + end + ") is not a valid range");
    if (person != 1 && person != 3) throw new IllegalArgumentException("person must be 1 or 3, was " + person);
  }
}
