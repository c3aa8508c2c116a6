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
}
