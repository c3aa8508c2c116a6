package org.redflag.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.redflag.advert.Advert;
import org.redflag.bench.corpus.SyntheticAdverts;
import org.redflag.engine.Assessment;
import org.redflag.engine.RiskEngine;
import org.redflag.price.MarketBaselines;

/**
 * The whole core scoring path: {@link RiskEngine#assess} with the default packs, indicators and prior
 * (normalisation, one lexicon scan, stages, indicators, model, assessment). One op is one advert.
 * {@code assessWithBaseline} adds market price baselines built from synthetic adverts.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class AssessBenchmark {
  @Param({"200B", "1KB", "10KB"})
  public String size;

  private Advert[] adverts;
  private int next;
  private RiskEngine engine;

  /** The engine with market baselines, in its own state so that {@code assess} does not build them. */
  @State(Scope.Benchmark)
  public static class WithBaseline {
    RiskEngine engine;

    @Setup(Level.Trial)
    public void setUp() { engine = RiskEngine.builder().baseline(marketBaselines()).build(); }
  }

  @Setup(Level.Trial)
  public void setUp() {
    List<Advert> corpus = SyntheticAdverts.corpus(SyntheticAdverts.Size.of(size));
    adverts = corpus.toArray(new Advert[0]);
    engine = RiskEngine.withDefaults();
  }

  /**
   * Market baselines built from synthetic adverts of another seed than the benchmark corpus, covering
   * the corpus' markets and categories, so that {@code price.anomaly} compares prices rather than
   * skipping adverts for want of a baseline.
   */
  public static MarketBaselines marketBaselines() {
    MarketBaselines.Builder b = MarketBaselines.builder();
    for (Advert a : SyntheticAdverts.generate(SyntheticAdverts.DEFAULT_SEED + 1, 4096, SyntheticAdverts.Size.MEDIUM)) b.add(a);
    return b.build();
  }

  private Advert nextAdvert() { return adverts[next++ & (adverts.length - 1)]; }

  @Benchmark
  public Assessment assess() { return engine.assess(nextAdvert()); }

  /** As {@link #assess()}, with market price baselines, so {@code price.anomaly} ranks each advert's rate. */
  @Benchmark
  public Assessment assessWithBaseline(WithBaseline b) { return b.engine.assess(nextAdvert()); }
}
