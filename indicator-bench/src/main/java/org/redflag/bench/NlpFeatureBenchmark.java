package org.redflag.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.redflag.nlp.NlpFeatureExtractor;
import org.redflag.nlp.OpenNlpLanguageDetector;

/**
 * One op = NLP features of one typical advert (synthetic, ~40 words). Target: at least 3,000 adverts
 * per second per core with all features on (issue 7). The adverts differ per op so the language
 * detector's last-text cache never hits.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NlpFeatureBenchmark {
  private static final String[] TEMPLATES = {
    "She is new in town, 23 years old, sweet and discreet. Call to book her today, she is available %d hours. No texts, calls only! 💋",
    "Hi, I am Anna. I love to meet new people and I offer a relaxing massage in my private studio. Call me, appointment %d.",
    "Sie ist neu in der Stadt und sehr zärtlich. Ruf an und buche sie jetzt! Termine nach Vereinbarung, Nummer %d.",
    "Она новенькая в городе, ей 22 года. Звоните, чтобы встретиться с ней! Встречи по договорённости, номер %d.",
  };

  @Param({"true", "false"})
  public boolean posTagging;

  private NlpFeatureExtractor extractor;
  private String[] adverts;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    extractor = new NlpFeatureExtractor(new OpenNlpLanguageDetector(), posTagging).preload();
    adverts = new String[1024];
    for (int i = 0; i < adverts.length; i++) adverts[i] = String.format(TEMPLATES[i % TEMPLATES.length], i);
  }

  @Benchmark
  public void extractOneAdvert(Blackhole bh) {
    String text = adverts[next++ & (adverts.length - 1)];
    bh.consume(extractor.extract(new String(text.toCharArray())));
  }
}
