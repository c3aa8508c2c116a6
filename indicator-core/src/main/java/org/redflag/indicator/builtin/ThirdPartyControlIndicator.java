package org.redflag.indicator.builtin;

import org.redflag.indicator.LexiconIndicator;

/** {@code control.third-party}: someone other than the person advertised controls bookings, money, movement or speech. */
public final class ThirdPartyControlIndicator extends LexiconIndicator {
  public static final String ID = "control.third-party";

  public ThirdPartyControlIndicator() {
    super(ID, "A third party appears to control bookings, money, movement or communication of the person advertised.");
  }
}
