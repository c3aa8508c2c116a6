package org.redflag.indicator.builtin;

import org.redflag.indicator.LexiconIndicator;

/** {@code language.trust}: verification and authenticity claims in adult-service adverts; a weak, common signal kept for calibration. */
public final class TrustLanguageIndicator extends LexiconIndicator {
  public static final String ID = "language.trust";

  public TrustLanguageIndicator() {
    super(ID, "The advert insists its photos or person are real or verified (\"100% real pics\", \"genuine\", \"legit\").");
  }
}
