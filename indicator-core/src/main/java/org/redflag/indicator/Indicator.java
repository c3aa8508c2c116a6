package org.redflag.indicator;

/**
 * A pluggable indicator: reads the shared analysis of one advert and reports what it found, with
 * evidence. Implementations must be immutable and thread-safe: one instance serves all threads.
 *
 * <p>Built-in and third-party indicators are discovered with {@link java.util.ServiceLoader} (list the
 * class in {@code META-INF/services/org.redflag.indicator.Indicator}; it needs a public no-argument
 * constructor) and can also be registered by hand on {@code RiskEngine.builder()}.
 */
public interface Indicator {

  /** Stable dotted id, e.g. {@code control.third-party}. Other tools depend on it: never change it. */
  String id();

  /** One neutral sentence saying what the indicator looks for. */
  String description();

  /**
   * Evaluates one advert. Must not rescan the text for lexicon patterns: pack matches for this
   * indicator are in {@link AdvertAnalysis#lexiconMatches(String)}. Must not throw on any input.
   */
  IndicatorOutcome evaluate(AdvertAnalysis analysis);
}
