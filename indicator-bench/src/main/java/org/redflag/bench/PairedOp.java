package org.redflag.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.IntToLongFunction;
import java.util.function.LongUnaryOperator;
import org.redflag.advert.Advert;
import org.redflag.bench.corpus.SyntheticAdverts;
import org.redflag.bench.match.AhoCorasickPhraseMatcher;
import org.redflag.bench.match.HyperscanPhraseMatcher;
import org.redflag.bench.match.PackPhrases;
import org.redflag.bench.match.PhraseMatcher;
import org.redflag.bench.match.RedflagPhraseMatcher;
import org.redflag.bench.match.RegexPhraseMatcher;
import org.redflag.engine.Assessment;
import org.redflag.engine.RiskEngine;
import org.redflag.io.AdvertJson;
import org.redflag.nlp.NlpFeatureExtractor;
import org.redflag.nlp.OpenNlpLanguageDetector;
import org.redflag.nlp.RedflagNlp;
import org.redflag.pack.PackSet;
import org.redflag.price.PriceExtractor;
import org.redflag.text.AnalyzedText;
import org.redflag.identifier.PhoneNumberScanner;
import org.redflag.text.TextPipeline;

/**
 * One benchmark's operation for {@link org.redflag.bench.tool.PairedComparison}: the op of a JMH
 * benchmark of this module (same corpus, same engine set-up), run in a loop for a time slice. The
 * comparison defines this class anew in the class loader of each build it compares, so each build runs
 * its own code; a build made before this class existed can be compared too, as long as it has the
 * benchmark set-up and engine API this class calls (those of 851d023 onwards).
 *
 * <p>{@link #applyAsLong} runs ops round-robin over the corpus for at least the given nanoseconds and
 * returns how many it ran. Results are folded into {@link #sink} so the JIT cannot drop the work.
 */
public final class PairedOp implements LongUnaryOperator {
  /** The benchmarks this op can run: name, then what one op is. */
  public static final List<String> BENCHMARKS = List.of(
      "assess", "AssessBenchmark.assess",
      "assessWithBaseline", "AssessBenchmark.assessWithBaseline",
      "nlpAssess", "NlpBenchmark.assess",
      "nlpFeatures", "NlpBenchmark.features",
      "redflag", "MatchingPeersBenchmark.redflag",
      "redflagScanOnly", "MatchingPeersBenchmark.redflagScanOnly",
      "javaRegex", "MatchingPeersBenchmark.javaRegex",
      "orgAhocorasick", "MatchingPeersBenchmark.orgAhocorasick",
      "hyperscan", "MatchingPeersBenchmark.hyperscan",
      // parts of AssessBenchmark.assess on their own (for a cost breakdown, not JMH benchmarks):
      "normalise", "TextPipeline.analyze of the text into a reused AnalyzedText (as the engine does)",
      "prices", "PriceExtractor.extract of the advert (title and text)",
      "phones", "PhoneNumberScanner.scanObscured of the text",
      "digest", "AdvertJson.sha256 of the advert",
      "language", "OpenNlpLanguageDetector.detectWithConfidence of the text");

  private final String benchmark;
  /** One op on advert {@code i} of the corpus; its result, folded into {@link #sink}. */
  private final IntToLongFunction op;
  /** Corpus size minus one (a power of two): op indices are taken round-robin, as the JMH benchmarks do. */
  private final int mask;
  private int next;
  /** Folded results (read by nobody; keeps the work alive). */
  public long sink;

  /**
   * @param benchmark one of the names in {@link #BENCHMARKS} (even positions)
   * @param size the corpus size label, as the benchmarks' {@code size} parameter: 200B, 1KB or 10KB
   */
  public PairedOp(String benchmark, String size) {
    this.benchmark = benchmark;
    List<Advert> corpus = SyntheticAdverts.corpus(SyntheticAdverts.Size.of(size));
    // as NlpBenchmark: no stated language, so detection runs on every op
    Advert[] ads = benchmark.startsWith("nlp") || benchmark.equals("language")
        ? NlpBenchmark.withoutLanguage(corpus) : corpus.toArray(new Advert[0]);
    String[] texts = new String[ads.length];
    for (int i = 0; i < ads.length; i++) texts[i] = ads[i].text();
    this.mask = ads.length - 1;
    this.op = switch (benchmark) {
      case "assess" -> assessing(RiskEngine.withDefaults(), ads);
      case "assessWithBaseline" -> assessing(RiskEngine.builder().baseline(AssessBenchmark.marketBaselines()).build(), ads);
      case "nlpAssess" -> assessing(RiskEngine.builder().nlp(RedflagNlp.component(new NlpFeatureExtractor())).build(), ads);
      case "nlpFeatures" -> {
        NlpFeatureExtractor x = new NlpFeatureExtractor();
        yield i -> x.extract(texts[i]).sentences();
      }
      case "redflag", "redflagScanOnly" -> {
        TextPipeline p = TextPipeline.defaults();
        RedflagPhraseMatcher m = new RedflagPhraseMatcher(PackPhrases.of(PackSet.defaults(), p), p);
        if (benchmark.equals("redflag")) yield i -> m.countStarts(texts[i]);
        // as MatchingPeersBenchmark: the automaton alone, over text normalised here, outside the timed op
        AnalyzedText[] analysed = new AnalyzedText[texts.length];
        for (int i = 0; i < texts.length; i++) analysed[i] = p.analyze(texts[i]);
        yield i -> m.countStarts(analysed[i]);
      }
      // the peers, as MatchingPeersBenchmark: over text normalised here, outside the timed op
      case "javaRegex", "orgAhocorasick", "hyperscan" -> {
        List<String> phrases = PackPhrases.of(PackSet.defaults(), TextPipeline.defaults());
        // hyperscan's native database and scratch live until the JVM exits (an op has no close)
        PhraseMatcher m = benchmark.equals("javaRegex") ? new RegexPhraseMatcher(phrases)
            : benchmark.equals("orgAhocorasick") ? new AhoCorasickPhraseMatcher(phrases) : new HyperscanPhraseMatcher(phrases);
        String[] normalised = normalised(texts);
        yield i -> m.countStarts(normalised[i]);
      }
      case "normalise" -> {
        TextPipeline p = TextPipeline.defaults();
        AnalyzedText reuse = AnalyzedText.reusable();
        yield i -> p.analyze(texts[i], reuse).length();
      }
      case "prices" -> {
        PriceExtractor x = PriceExtractor.defaults();
        yield i -> x.extract(ads[i], null).size();
      }
      case "phones" -> {
        PhoneNumberScanner x = PhoneNumberScanner.defaults();
        yield i -> x.scanObscured(texts[i]).size();
      }
      case "digest" -> i -> AdvertJson.canonicalRecord(ads[i]).length;
      case "language" -> {
        // 64 different texts in turn: the detector's one-text memory never answers
        OpenNlpLanguageDetector x = new OpenNlpLanguageDetector();
        yield i -> x.detectWithConfidence(texts[i]).language().length();
      }
      default -> throw new IllegalArgumentException("unknown benchmark '" + benchmark + "', expected one of "
          + String.join(", ", names()));
    };
  }

  private static String[] normalised(String[] texts) {
    String[] out = new String[texts.length];
    for (int i = 0; i < texts.length; i++) out[i] = TextPipeline.defaults().analyze(texts[i]).normalized();
    return out;
  }

  private static IntToLongFunction assessing(RiskEngine engine, Advert[] ads) {
    return i -> {
      Assessment a = engine.assess(ads[i]);
      return Double.doubleToRawLongBits(a.score()) + a.evidence().size();
    };
  }

  /** The benchmark names {@link #PairedOp(String, String)} takes. */
  public static List<String> names() {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < BENCHMARKS.size(); i += 2) out.add(BENCHMARKS.get(i));
    return out;
  }

  @Override
  public long applyAsLong(long nanos) {
    long start = System.nanoTime();
    long end = start + nanos;
    long ops = 0;
    long s = 0;
    int mask = this.mask;
    IntToLongFunction op = this.op; // each build has its own PairedOp class running one benchmark: one lambda class here
    int batch = this.batch;
    do {
      for (int k = 0; k < batch; k++) s += op.applyAsLong(next++ & mask);
      ops += batch;
    } while (System.nanoTime() < end);
    // four ops between clock reads while ops are short (the clock costs about as much as a short op),
    // one when they are long, so that a slice of a slow op (javaRegex at 10KB) does not run four ops past its end
    this.batch = (System.nanoTime() - start) / ops > SHORT_OP_NANOS ? 1 : 4;
    sink += s;
    return ops;
  }

  /** Ops shorter than this run four between clock reads. */
  private static final long SHORT_OP_NANOS = 10_000;
  private int batch = 4;

  @Override
  public String toString() { return String.format(Locale.ROOT, "PairedOp[%s]", benchmark); }
}
