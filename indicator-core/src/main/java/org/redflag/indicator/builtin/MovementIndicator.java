package org.redflag.indicator.builtin;

import org.redflag.indicator.LexiconIndicator;

/** {@code movement}: language about arriving, touring or leaving soon. Outcome research found it less often in trafficking cases, so the default prior gives it a small negative weight. */
public final class MovementIndicator extends LexiconIndicator {
  public static final String ID = "movement";

  public MovementIndicator() {
    super(ID, "The advert says the person is new to or passing through the area (\"new in town\", \"just arrived\", \"leaving soon\").");
  }
}
