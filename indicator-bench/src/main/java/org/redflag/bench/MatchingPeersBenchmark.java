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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.redflag.advert.Advert;
import org.redflag.bench.corpus.SyntheticAdverts;
import org.redflag.bench.match.AhoCorasickPhraseMatcher;
import org.redflag.bench.match.HyperscanPhraseMatcher;
import org.redflag.bench.match.PackPhrases;
import org.redflag.bench.match.RedflagPhraseMatcher;
import org.redflag.bench.match.RegexPhraseMatcher;
import org.redflag.text.AnalyzedText;
import org.redflag.text.TextPipeline;

/**
 * Redflag's normalise-and-match step against peer matchers on the same task: find every occurrence of
 * the default packs' phrases in one advert and return the count (see {@code PhraseMatcher} for the exact
 * semantics). One op is one advert, drawn round-robin from the seeded synthetic corpus.
 *
 * <p>{@code redflag} normalises the original text inside the timed region; the peers get the same
 * normalised text prepared in setup, so the comparison is conservative for Redflag. {@code redflagScanOnly}
 * is Redflag's automaton on that same prepared input, to separate matching from normalisation.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class MatchingPeersBenchmark {
  @Param({"200B", "1KB", "10KB"})
  public String size;

  private String[] originals;
  private String[] normalised;
  private AnalyzedText[] analysed;
  private int next;

  private RedflagPhraseMatcher redflag;
  private RegexPhraseMatcher javaRegex;
  private AhoCorasickPhraseMatcher orgAhocorasick;
  private HyperscanPhraseMatcher hyperscan;

  /**
   * Builds the corpus and only the matcher of the benchmark this fork runs (JMH forks one JVM per
   * benchmark and size): compiling Hyperscan's database and the other matchers is the slow part of a
   * fork's set-up, and a run has a fork per benchmark and size.
   */
  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    String benchmark = params.getBenchmark();
    setUp(benchmark.substring(benchmark.lastIndexOf('.') + 1));
  }

  /** As {@link #setUp(BenchmarkParams)} for the benchmark method {@code method} (a method name of this class). */
  void setUp(String method) {
    TextPipeline pipeline = TextPipeline.defaults();
    List<Advert> corpus = SyntheticAdverts.corpus(SyntheticAdverts.Size.of(size));
    originals = corpus.stream().map(Advert::text).toArray(String[]::new);
    analysed = corpus.stream().map(a -> pipeline.analyze(a.text())).toArray(AnalyzedText[]::new);
    normalised = java.util.Arrays.stream(analysed).map(AnalyzedText::normalized).toArray(String[]::new);
    List<String> phrases = PackPhrases.of(org.redflag.pack.PackSet.defaults(), pipeline);
    switch (method) {
      case "redflag", "redflagScanOnly" -> redflag = new RedflagPhraseMatcher(phrases, pipeline);
      case "javaRegex" -> javaRegex = new RegexPhraseMatcher(phrases);
      case "orgAhocorasick" -> orgAhocorasick = new AhoCorasickPhraseMatcher(phrases);
      case "hyperscan" -> hyperscan = new HyperscanPhraseMatcher(phrases);
      default -> throw new IllegalArgumentException("no benchmark method '" + method + "' in MatchingPeersBenchmark");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() { if (hyperscan != null) hyperscan.close(); }

  private int nextIndex() { return next++ & (originals.length - 1); }

  @Benchmark
  public int redflag() { return redflag.countStarts(originals[nextIndex()]); }

  /**
   * Diagnostic, not a peer: Redflag's automaton alone over text normalised in setup, the same input the
   * peers get. The gap to {@link #redflag()} is the cost of normalisation.
   */
  @Benchmark
  public int redflagScanOnly() { return redflag.countStarts(analysed[nextIndex()]); }

  @Benchmark
  public int javaRegex() { return javaRegex.countStarts(normalised[nextIndex()]); }

  @Benchmark
  public int orgAhocorasick() { return orgAhocorasick.countStarts(normalised[nextIndex()]); }

  @Benchmark
  public int hyperscan() { return hyperscan.countStarts(normalised[nextIndex()]); }
}
