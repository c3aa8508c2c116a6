package org.redflag.indicator.builtin;

import org.redflag.indicator.LexiconIndicator;

/** {@code emoji.age-code}: emoji documented as signalling youth or a "new"/virgin person, gated on adult-service context because the same emoji are ordinary elsewhere (fruit, sweets). */
public final class AgeCodeEmojiIndicator extends LexiconIndicator {
  public static final String ID = "emoji.age-code";

  public AgeCodeEmojiIndicator() {
    super(ID, "Emoji that law-enforcement guides associate with advertising a minor or a \"new\" person appear in an adult-service advert.");
  }
}
