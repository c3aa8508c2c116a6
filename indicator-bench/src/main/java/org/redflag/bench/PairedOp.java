package org.redflag.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.LongUnaryOperator;
import org.redflag.advert.Advert;
import org.redflag.bench.corpus.SyntheticAdverts;
import org.redflag.bench.match.PackPhrases;
import org.redflag.bench.match.RedflagPhraseMatcher;
import org.redflag.engine.Assessment;
import org.redflag.engine.RiskEngine;
import org.redflag.io.AdvertJson;
import org.redflag.nlp.NlpFeatureExtractor;
import org.redflag.nlp.OpenNlpLanguageDetector;
import org.redflag.nlp.RedflagNlp;
import org.redflag.pack.PackSet;
import org.redflag.price.PriceExtractor;
import org.redflag.text.PhoneNumberScanner;
import org.redflag.text.TextPipeline;

/**
 * One benchmark's operation for {@link org.redflag.bench.tool.PairedComparison}: the op of a JMH
 * benchmark of this module (same corpus, same engine set-up), run in a loop for a time slice. The
 * comparison defines this class anew in the class loader of each build it compares, so each build runs
 * its own code; a build made before this class existed can be compared too, since the class only uses
 * the benchmarks' public set-up.
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
      // parts of AssessBenchmark.assess on their own (for a cost breakdown, not JMH benchmarks):
      "normalise", "TextPipeline.analyze of the text into a reused AnalyzedText (as the engine does)",
      "prices", "PriceExtractor.extract of the advert (title and text)",
      "phones", "PhoneNumberScanner.scanObscured of the text",
      "digest", "AdvertJson.sha256 of the advert",
      "language", "OpenNlpLanguageDetector.detectWithConfidence of the text");

  private final String benchmark;
  private final Advert[] adverts;
  private final String[] texts;
  private RiskEngine engine;
  private NlpFeatureExtractor extractor;
  private RedflagPhraseMatcher matcher;
  private OpenNlpLanguageDetector detector;
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
    switch (benchmark) {
      case "assess" -> engine = RiskEngine.withDefaults();
      case "assessWithBaseline" -> engine = RiskEngine.builder().baseline(AssessBenchmark.marketBaselines()).build();
      case "nlpAssess" -> {
        extractor = new NlpFeatureExtractor();
        engine = RiskEngine.builder().nlp(RedflagNlp.component(extractor)).build();
      }
      case "nlpFeatures" -> extractor = new NlpFeatureExtractor();
      case "redflag" -> {
        TextPipeline p = TextPipeline.defaults();
        matcher = new RedflagPhraseMatcher(PackPhrases.of(PackSet.defaults(), p), p);
      }
      case "normalise", "prices", "phones", "digest" -> { }
      case "language" -> detector = new OpenNlpLanguageDetector();
      default -> throw new IllegalArgumentException("unknown benchmark '" + benchmark + "', expected one of "
          + String.join(", ", names()));
    }
    // as NlpBenchmark: no stated language, so detection runs on every op
    Advert[] ads = benchmark.startsWith("nlp") || benchmark.equals("language") ? NlpBenchmark.withoutLanguage(corpus) : corpus.toArray(new Advert[0]);
    this.adverts = ads;
    this.texts = new String[ads.length];
    for (int i = 0; i < ads.length; i++) texts[i] = ads[i].text();
  }

  /** The benchmark names {@link #PairedOp(String, String)} takes. */
  public static List<String> names() {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < BENCHMARKS.size(); i += 2) out.add(BENCHMARKS.get(i));
    return out;
  }

  @Override
  public long applyAsLong(long nanos) {
    long end = System.nanoTime() + nanos;
    long ops = 0;
    long s = 0;
    int mask = SyntheticAdverts.DEFAULT_COUNT - 1;
    // four ops between clock reads: the clock costs about as much as a short op
    switch (benchmark) {
      case "redflag" -> {
        do {
          for (int k = 0; k < 4; k++) s += matcher.countStarts(texts[next++ & mask]);
          ops += 4;
        } while (System.nanoTime() < end);
      }
      case "nlpFeatures" -> {
        do {
          for (int k = 0; k < 4; k++) s += extractor.extract(texts[next++ & mask]).sentences();
          ops += 4;
        } while (System.nanoTime() < end);
      }
      case "normalise" -> {
        TextPipeline p = TextPipeline.defaults();
        org.redflag.text.AnalyzedText reuse = org.redflag.text.AnalyzedText.reusable();
        do {
          for (int k = 0; k < 4; k++) s += p.analyze(texts[next++ & mask], reuse).length();
          ops += 4;
        } while (System.nanoTime() < end);
      }
      case "prices" -> {
        PriceExtractor x = PriceExtractor.defaults();
        do {
          for (int k = 0; k < 4; k++) s += x.extract(adverts[next++ & mask], null).size();
          ops += 4;
        } while (System.nanoTime() < end);
      }
      case "phones" -> {
        PhoneNumberScanner x = PhoneNumberScanner.defaults();
        do {
          for (int k = 0; k < 4; k++) s += x.scanObscured(texts[next++ & mask]).size();
          ops += 4;
        } while (System.nanoTime() < end);
      }
      case "digest" -> {
        do {
          for (int k = 0; k < 4; k++) s += AdvertJson.sha256(adverts[next++ & mask]).charAt(0);
          ops += 4;
        } while (System.nanoTime() < end);
      }
      case "language" -> {
        // 64 different texts in turn: the detector's one-text memory never answers
        do {
          for (int k = 0; k < 4; k++) s += detector.detectWithConfidence(texts[next++ & mask]).language().length();
          ops += 4;
        } while (System.nanoTime() < end);
      }
      default -> {
        do {
          for (int k = 0; k < 4; k++) {
            Assessment a = engine.assess(adverts[next++ & mask]);
            s += Double.doubleToRawLongBits(a.score()) + a.evidence().size();
          }
          ops += 4;
        } while (System.nanoTime() < end);
      }
    }
    sink += s;
    return ops;
  }

  @Override
  public String toString() { return String.format(Locale.ROOT, "PairedOp[%s]", benchmark); }
}
