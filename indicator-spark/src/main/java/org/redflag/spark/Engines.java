package org.redflag.spark;

import java.util.concurrent.ConcurrentHashMap;
import org.redflag.engine.RiskEngine;

/**
 * One engine per spec per JVM: an executor's tasks (and its task threads) share the engine built by
 * the first of them. Building one costs seconds (pack compilation, NLP models), assessing an advert
 * microseconds, so an engine per row or per partition would dominate the job.
 */
final class Engines {
  private static final ConcurrentHashMap<String, RiskEngine> BUILT = new ConcurrentHashMap<>();

  private Engines() {}

  static RiskEngine get(EngineSpec spec) { return BUILT.computeIfAbsent(spec.fingerprint(), f -> spec.build()); }

  /** Engines built in this JVM (for tests). */
  static int built() { return BUILT.size(); }
}
