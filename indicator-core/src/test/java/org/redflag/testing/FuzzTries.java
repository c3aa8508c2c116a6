package org.redflag.testing;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyAttributes;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Multiplies the tries of every jqwik property (not of an {@code @Example}) by the system property
 * {@value #FACTOR} (default 1, so the default test run is unchanged), for long fuzzing runs
 * ({@code ./fuzz.sh}). Registered for all properties through
 * {@code META-INF/services/net.jqwik.api.lifecycle.LifecycleHook}: of this module, and of indicator-nlp,
 * whose tests have this module's test jar.
 */
public final class FuzzTries implements AroundPropertyHook {
  /** The system property holding the factor. */
  public static final String FACTOR = "redflag.fuzz.factor";

  /** jqwik's own default when a property names no tries. */
  private static final int JQWIK_DEFAULT_TRIES = 1000;

  /** Registered once for the whole run, it must reach every property below the engine. */
  @Override
  public PropagationMode propagateTo() { return PropagationMode.ALL_DESCENDANTS; }

  @Override
  public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
    int factor = factor(System.getProperty(FACTOR));
    PropertyAttributes attributes = context.attributes();
    int tries = attributes.tries().orElse(JQWIK_DEFAULT_TRIES);
    // an @Example (one try) is the same check every time: not repeated
    if (factor > 1 && tries > 1) attributes.setTries((int) Math.min(Integer.MAX_VALUE, (long) tries * factor));
    return property.execute();
  }

  /** The factor from the property's text: blank means 1; anything but a positive integer is an error. */
  static int factor(String text) {
    if (text == null || text.isBlank()) return 1;
    try {
      int f = Integer.parseInt(text.trim());
      if (f >= 1) return f;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("system property " + FACTOR + " must be a positive integer, was '" + text + "'");
  }
}
