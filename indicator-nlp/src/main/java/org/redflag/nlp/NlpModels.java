package org.redflag.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;

/**
 * The OpenNLP models, loaded once per JVM from the {@code org.apache.opennlp:opennlp-models-*} jars on
 * the classpath (nothing is downloaded at run time). Models are immutable and shared; the {@code *ME}
 * classes that use them keep per-call state and are not thread-safe, so each thread gets its own
 * instance through a {@link ThreadLocal} over the shared model.
 */
final class NlpModels {
  /** Resource paths inside the model jars (version 1.3.0, built with OpenNLP 2.5.4). */
  static final String LANGDETECT = "/langdetect-183.bin";
  static final String SENT_EN = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
  static final String SENT_DE = "/opennlp-de-ud-gsd-sentence-1.3-2.5.4.bin";
  static final String POS_EN = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
  static final String POS_DE = "/opennlp-de-ud-gsd-pos-1.3-2.5.4.bin";

  private NlpModels() {}

  /** Lazy holders: each model is read on first use only (the language model is 10 MB). */
  private static final class Lang {
    static final LanguageDetectorModel MODEL = load(LANGDETECT, LanguageDetectorModel::new);
    /** Evaluation reads the model's parameters only; one instance serves all threads. */
    static final MaxentModel MAXENT = MODEL.getMaxentModel();
    /** The same model's parameters keyed by packed gram (null if the model is not a GIS model). */
    static final LanguageScorer SCORER = LanguageScorer.of(MAXENT);
  }

  private static final class Sent {
    static final SentenceModel EN = load(SENT_EN, SentenceModel::new);
    static final SentenceModel DE = load(SENT_DE, SentenceModel::new);
    static final ThreadLocal<SentenceDetectorME> ME_EN = ThreadLocal.withInitial(() -> new SentenceDetectorME(EN));
    static final ThreadLocal<SentenceDetectorME> ME_DE = ThreadLocal.withInitial(() -> new SentenceDetectorME(DE));
    /** The fast path over the same models (null if a model is not of the shape it mimics). */
    static final FastSentenceDetector FAST_EN = FastSentenceDetector.of(EN, ME_EN);
    static final FastSentenceDetector FAST_DE = FastSentenceDetector.of(DE, ME_DE);
  }

  private static final class Pos {
    private static final POSModel LOADED_EN = load(POS_EN, POSModel::new);
    private static final POSModel LOADED_DE = load(POS_DE, POSModel::new);
    static final POSModel EN = greedy(LOADED_EN);
    static final POSModel DE = greedy(LOADED_DE);
    static final ThreadLocal<POSTaggerME> ME_EN = ThreadLocal.withInitial(() -> new POSTaggerME(EN));
    static final ThreadLocal<POSTaggerME> ME_DE = ThreadLocal.withInitial(() -> new POSTaggerME(DE));
    /** The fast path over the same models (null if a model is not of the shape it mimics). */
    static final GreedyPosTagger FAST_EN = GreedyPosTagger.of(LOADED_EN, ME_EN);
    static final GreedyPosTagger FAST_DE = GreedyPosTagger.of(LOADED_DE, ME_DE);
  }

  /** The language model (183 languages, ISO 639-3 outcomes); {@code eval} is thread-safe. */
  static MaxentModel languageModel() { return Lang.MAXENT; }

  /** The String-free evaluation of {@link #languageModel()}, or null when the model is not a GIS model. */
  static LanguageScorer languageScorer() { return Lang.SCORER; }

  /**
   * The same POS model decoded greedily (beam size 1) instead of with the model's default beam of 3.
   * Measured on the benchmark corpus: 2.6x faster (about 4.6 instead of 12 µs per token) and the same
   * tag on every one of 11,600 tokens; the grammar proxy only counts tag pairs, so the beam buys nothing.
   */
  static POSModel greedy(POSModel model) {
    MaxentModel maxent = model.getArtifact("pos.model");
    if (maxent == null) return model; // not a maxent POS model: keep its own decoder
    return new POSModel(model.getLanguage(), maxent, 1, Map.of(), model.getFactory());
  }

  /** Sentence detector for a BCP 47 language; German has its own model, every other language uses the English one. */
  static SentenceDetectorME sentenceDetector(String language) {
    return "de".equals(language) ? Sent.ME_DE.get() : Sent.ME_EN.get();
  }

  /**
   * Sentence detector over the same model as {@link #sentenceDetector}, or null when the model is not of
   * the shape {@link FastSentenceDetector} mimics.
   */
  static FastSentenceDetector fastSentenceDetector(String language) {
    return "de".equals(language) ? Sent.FAST_DE : Sent.FAST_EN;
  }

  /** POS tagger (Universal Dependencies tags) for English or German, or null for other languages. */
  static POSTaggerME posTagger(String language) {
    if ("en".equals(language)) return Pos.ME_EN.get();
    if ("de".equals(language)) return Pos.ME_DE.get();
    return null;
  }

  /**
   * Greedy POS tagger for English or German over the same model as {@link #posTagger}, or null for other
   * languages or when the model is not of the shape {@link GreedyPosTagger} mimics.
   */
  static GreedyPosTagger fastPosTagger(String language) {
    if ("en".equals(language)) return Pos.FAST_EN;
    if ("de".equals(language)) return Pos.FAST_DE;
    return null;
  }

  /**
   * Forces loading of all models now (e.g. at engine build), so the first advert does not pay for it.
   * The models load in parallel: the 10 MB language model dominates, and the others fit beside it.
   */
  static void preload(boolean pos) {
    // Own short-lived daemon threads: the common pool may have a single worker on small machines.
    ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "redflag-nlp-model-load");
      t.setDaemon(true);
      return t;
    });
    List<CompletableFuture<?>> loads = new ArrayList<>();
    loads.add(CompletableFuture.runAsync(NlpModels::languageScorer, pool));
    loads.add(CompletableFuture.runAsync(() -> { fastSentenceDetector("en"); fastSentenceDetector("de"); }, pool));
    if (pos) {
      loads.add(CompletableFuture.runAsync(() -> fastPosTagger("en"), pool));
      loads.add(CompletableFuture.runAsync(() -> fastPosTagger("de"), pool));
    }
    // The loading threads' own ThreadLocal *ME instances die with them; the shared models stay.
    try {
      CompletableFuture.allOf(loads.toArray(new CompletableFuture<?>[0])).join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ExceptionInInitializerError init && init.getCause() instanceof RuntimeException r) throw r;
      if (cause instanceof RuntimeException r) throw r;
      if (cause instanceof Error err) throw err;
      throw e;
    } finally {
      pool.shutdown();
    }
  }

  @FunctionalInterface
  private interface ModelReader<M> { M read(InputStream in) throws IOException; }

  private static <M> M load(String resource, ModelReader<M> reader) {
    try (InputStream in = NlpModels.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("OpenNLP model " + resource + " is not on the classpath (opennlp-models-* jar missing)");
      }
      return reader.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read OpenNLP model " + resource, e);
    }
  }
}
