package org.redflag.risk;

/**
 * How an indicator enters a model: by its strength in [0, 1], or as 1 when it fired at all. Binary
 * mode is easier to read (the weight is the log-odds change when the indicator fires); strength mode
 * uses the indicator's own graded confidence.
 */
public enum ActivationMode {
  STRENGTH, BINARY;

  /** The model input for an indicator strength. */
  public double apply(double strength) {
    return this == BINARY ? (strength > 0 ? 1 : 0) : strength;
  }

  /** Lower-case name as written in model files. */
  public String fileName() { return name().toLowerCase(java.util.Locale.ROOT); }
}
