package org.redflag.indicator;

import java.util.Objects;

/**
 * Typed key of a value that an {@link AnalysisStage} adds to an {@link AdvertAnalysis} (extracted
 * prices, NLP features), read by indicators. Keys compare by identity.
 */
public final class AnalysisKey<T> {
  private final String name;
  private final Class<T> type;

  private AnalysisKey(String name, Class<T> type) {
    this.name = Objects.requireNonNull(name);
    this.type = Objects.requireNonNull(type);
  }

  public static <T> AnalysisKey<T> of(String name, Class<T> type) { return new AnalysisKey<>(name, type); }

  public String name() { return name; }

  T cast(Object o) { return type.cast(o); }

  @Override
  public String toString() { return "AnalysisKey{" + name + "}"; }
}
