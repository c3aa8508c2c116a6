package org.redflag.match;

/** A lexicon pattern that cannot be compiled; the message says where and why. */
public final class PatternSyntaxException extends IllegalArgumentException {
  private final int index;

  public PatternSyntaxException(String reason, int index) {
    super(reason + (index >= 0 ? " (at character " + index + ")" : ""));
    this.index = index;
  }

  /** Character index in the pattern where the problem is, or -1. */
  public int index() { return index; }
}
