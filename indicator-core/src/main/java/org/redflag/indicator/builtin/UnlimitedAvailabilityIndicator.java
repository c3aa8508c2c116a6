package org.redflag.indicator.builtin;

import org.redflag.indicator.LexiconIndicator;

/** {@code availability.unlimited}: the person is offered as available at all hours or without days off. */
public final class UnlimitedAvailabilityIndicator extends LexiconIndicator {
  public static final String ID = "availability.unlimited";

  public UnlimitedAvailabilityIndicator() {
    super(ID, "The person advertised is offered as available at all hours or without days off.");
  }
}
