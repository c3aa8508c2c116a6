package org.redflag.match;

/** Where a pattern may start and end relative to words in the normalised text. */
public enum Boundary {
  /** The match must start and end at word boundaries (no letter or digit directly outside it). */
  WORD,
  /** The match must start at a word boundary; it may end inside a word ({@code girl} finds {@code girls}). */
  PREFIX,
  /** No boundary rule; used for emoji and symbols. */
  NONE
}
