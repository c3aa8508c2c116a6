package org.redflag.spark;

import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import org.redflag.engine.RiskEngine;
import org.redflag.price.MarketBaselines;

/**
 * One engine per spec per JVM: an executor's tasks (and its task threads) share the engine built by
 * the first of them. Building one costs seconds (pack compilation, NLP models), assessing an advert
 * microseconds, so an engine per row or per partition would dominate the job.
 */
final class Engines {
  private static final ConcurrentHashMap<String, RiskEngine> BUILT = new ConcurrentHashMap<>();

  private Engines() {}

  private static final ConcurrentHashMap<String, Optional<MarketBaselines>> BASELINES = new ConcurrentHashMap<>();

  static RiskEngine get(EngineSpec spec) { return BUILT.computeIfAbsent(spec.fingerprint(), f -> spec.build()); }

  /** The spec's market baselines (null without any), parsed once per JVM: the report compares prices with them. */
  static MarketBaselines baselines(EngineSpec spec) {
    return BASELINES.computeIfAbsent(spec.fingerprint(), f -> Optional.ofNullable(spec.baselines())).orElse(null);
  }

  /** Engines built in this JVM (for tests). */
  static int built() { return BUILT.size(); }
}
