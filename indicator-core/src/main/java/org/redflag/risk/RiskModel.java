package org.redflag.risk;

/**
 * Turns indicator activations into a risk score for prioritised human review. Implementations are
 * immutable and thread-safe. A score ranks adverts for review; it is not a finding about any person.
 */
public interface RiskModel {
  String id();

  String version();

  /** {@code id@version}, as reported in assessments. */
  default String label() { return id() + "@" + version(); }

  RiskScore score(Activations activations);

  /**
   * Whether this model gives the indicator any weight (directly or through an interaction). An
   * indicator it does not weigh can fire and give evidence but never moves the score; tools report
   * such indicators rather than let them count silently as zero. Models that cannot tell say true.
   */
  default boolean weighs(String indicatorId) { return true; }
}
