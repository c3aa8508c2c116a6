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
import org.redflag.nlp.NlpFeatureExtractor;
import org.redflag.nlp.NlpFeatures;
import org.redflag.nlp.RedflagNlp;

/**
 * The OpenNLP component. One op is one advert of the shared corpus, with its stated language removed
 * so that language detection runs on every op (as for adverts that arrive without one).
 * {@code features}: {@link NlpFeatureExtractor#extract} of the default extractor (language detection,
 * sentences, tokens, pronouns, role nouns; POS tagging is opt-in). {@code assess}: {@link RiskEngine#assess}
 * of the default engine with {@link RedflagNlp#component()}, so detection also chooses the packs.
 * {@code assessWithGrammar}: the same with {@link RedflagNlp#componentWithGrammar()} (POS tagging on).
 * Target (issue 22): {@code assess} at least 2,000 adverts per second on one core at 1KB.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class NlpBenchmark {
  @Param({"200B", "1KB", "10KB"})
  public String size;

  private Advert[] adverts;
  private int next;

  /** The extractor and the engine, shared by the benchmark threads (both are thread-safe). */
  @State(Scope.Benchmark)
  public static class Nlp {
    NlpFeatureExtractor extractor;
    RiskEngine engine;
    RiskEngine engineWithGrammar;

    @Setup(Level.Trial)
    public void setUp() {
      extractor = new NlpFeatureExtractor();
      engine = RiskEngine.builder().nlp(RedflagNlp.component(extractor)).build();
      engineWithGrammar = RiskEngine.builder().nlp(RedflagNlp.componentWithGrammar()).build();
    }
  }

  @Setup(Level.Trial)
  public void setUp() { adverts = withoutLanguage(SyntheticAdverts.corpus(SyntheticAdverts.Size.of(size))); }

  /** The corpus adverts with no stated language. */
  static Advert[] withoutLanguage(List<Advert> corpus) {
    Advert[] out = new Advert[corpus.size()];
    for (int i = 0; i < out.length; i++) out[i] = corpus.get(i).toBuilder().language(null).build();
    return out;
  }

  private Advert nextAdvert() { return adverts[next++ & (adverts.length - 1)]; }

  @Benchmark
  public NlpFeatures features(Nlp nlp) { return nlp.extractor.extract(nextAdvert().text()); }

  @Benchmark
  public Assessment assess(Nlp nlp) { return nlp.engine.assess(nextAdvert()); }

  @Benchmark
  public Assessment assessWithGrammar(Nlp nlp) { return nlp.engineWithGrammar.assess(nextAdvert()); }
}
