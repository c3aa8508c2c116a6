package org.redflag.indicator.builtin;

import org.redflag.indicator.LexiconIndicator;

/** {@code language.youth}: wording that stresses the youth of the person advertised, gated on adult-service context where the words are ambiguous (school supplies, teen clothing sizes). */
public final class YouthLanguageIndicator extends LexiconIndicator {
  public static final String ID = "language.youth";

  public YouthLanguageIndicator() {
    super(ID, "The advert stresses youth in words (\"barely legal\", \"just turned 18\", \"teen\", \"schoolgirl\").");
  }
}
