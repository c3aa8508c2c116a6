package org.redflag.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class NlpThreadSafetyTest {
  @Test
  void oneExtractorGivesTheSameResultsOnEightThreads() throws Exception {
    NlpFeatureExtractor extractor = new NlpFeatureExtractor(new OpenNlpLanguageDetector(), true); // every model
    List<String> texts = new ArrayList<>();
    String[] seeds = {
      "She is new in town. Call to book her now! 💋",
      "Hi, I am Anna. I love to meet new people. CALL ME.",
      "Sie ist neu in der Stadt. Ruf an und buche sie jetzt!",
      "Она новенькая в городе. Звоните, чтобы встретиться с ней!",
    };
    for (int i = 0; i < 64; i++) texts.add(seeds[i % seeds.length] + " " + i);
    List<NlpFeatures> expected = texts.stream().map(extractor::extract).toList();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<NlpFeatures>>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(pool.submit(() -> texts.stream().map(s -> extractor.extract(new String(s.toCharArray()))).toList()));
      }
      for (Future<List<NlpFeatures>> f : futures) assertThat(f.get()).isEqualTo(expected);
    } finally {
      pool.shutdownNow();
    }
  }
}
