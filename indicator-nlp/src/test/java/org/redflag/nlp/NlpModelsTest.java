package org.redflag.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import org.junit.jupiter.api.Test;

class NlpModelsTest {
  static final List<String> EN = List.of(
      "She is new in town and very sweet .",
      "Call me for a relaxing time , my place is discreet .",
      "We are hiring drivers for the night shift with good pay .",
      "The girls live in the flat above the shop and never go out alone .",
      "Send a message to the number on the page before you come .");
  static final List<String> DE = List.of(
      "Sie ist neu in der Stadt und sehr zärtlich .",
      "Ruf mich an , ich freue mich auf deinen Besuch .",
      "Wir suchen Fahrer für die Nachtschicht mit gutem Lohn .",
      "Die Frauen wohnen in der Wohnung über dem Laden .");

  /** The beam-1 tagger the extractor uses gives the tags of OpenNLP's default beam on hand-written sentences. */
  @Test
  void greedyTaggingAgreesWithTheModelsDefaultBeam() throws Exception {
    assertSameTags("en", NlpModels.POS_EN, EN);
    assertSameTags("de", NlpModels.POS_DE, DE);
  }

  private static void assertSameTags(String lang, String resource, List<String> sentences) throws Exception {
    POSModel loaded;
    try (InputStream in = NlpModelsTest.class.getResourceAsStream(resource)) {
      loaded = new POSModel(in);
    }
    POSTaggerME beam = new POSTaggerME(loaded);
    POSTaggerME greedy = NlpModels.posTagger(lang);
    for (String s : sentences) {
      String[] tokens = s.split(" ");
      assertThat(greedy.tag(tokens)).as(s).containsExactly(beam.tag(tokens));
    }
  }

  @Test
  void eachThreadHasItsOwnTools() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    java.util.concurrent.CyclicBarrier both = new java.util.concurrent.CyclicBarrier(2);
    try {
      List<Future<List<Object>>> tools = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        tools.add(pool.submit(() -> {
          both.await(10, java.util.concurrent.TimeUnit.SECONDS); // both tasks hold a thread at once
          List<Object> mine = List.of(NlpModels.languageDetector(), NlpModels.sentenceDetector("en"),
              NlpModels.posTagger("en"));
          // the same thread gets the same instances again
          assertThat(NlpModels.languageDetector()).isSameAs(mine.get(0));
          assertThat(NlpModels.sentenceDetector("fr")).isSameAs(mine.get(1)); // English model for other languages
          return mine;
        }));
      }
      List<Object> a = tools.get(0).get(), b = tools.get(1).get();
      for (int k = 0; k < a.size(); k++) assertThat(a.get(k)).isNotSameAs(b.get(k));
      assertThat(NlpModels.posTagger("ru")).isNull();
    } finally {
      pool.shutdownNow();
    }
  }
}
