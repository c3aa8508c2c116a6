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
import opennlp.tools.langdetect.DefaultLanguageDetectorContextGenerator;
import opennlp.tools.langdetect.LanguageDetectorContextGenerator;
import opennlp.tools.langdetect.LanguageDetectorFactory;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;

/**
 * The OpenNLP models, loaded once per JVM from the {@code org.apache.opennlp:opennlp-models-*} jars on
 * the classpath (nothing is downloaded at run time), and OpenNLP's own {@code LanguageDetectorME},
 * {@code SentenceDetectorME} and {@code POSTaggerME} over them. Models are immutable and shared; the
 * {@code *ME} classes keep per-call state and are not thread-safe (OpenNLP's documentation), so each
 * thread gets its own instances, created on its first use of each, through one {@link ThreadLocal}.
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
    static final LanguageDetectorModel MODEL = load(LANGDETECT, RegexFreeLanguageModel::new);
  }

  private static final class Sent {
    static final SentenceModel EN = load(SENT_EN, SentenceModel::new);
    static final SentenceModel DE = load(SENT_DE, SentenceModel::new);
  }

  private static final class Pos {
    static final POSModel EN = greedy(load(POS_EN, POSModel::new));
    static final POSModel DE = greedy(load(POS_DE, POSModel::new));
  }

  /** One thread's OpenNLP tools, each created on the thread's first use of it. */
  private static final class Tools {
    LanguageDetectorME language;
    SentenceDetectorME sentEn, sentDe;
    POSTaggerME posEn, posDe;
  }

  private static final ThreadLocal<Tools> TOOLS = ThreadLocal.withInitial(Tools::new);

  /**
   * The 183-language model, whose detector takes the n-grams of {@link LanguageSampleNormalizer}'s
   * clean-up instead of OpenNLP's regex normalisers. {@code LanguageDetectorME} asks the model's factory
   * for its context generator ({@link LanguageDetectorFactory#getContextGenerator}, the extension point
   * OpenNLP documents for this); this model answers with its own factory instance. A factory is not
   * passed to the model's constructor because OpenNLP would then re-load it by class name (its
   * {@code ExtensionLoader}, limited to allow-listed packages).
   */
  static final class RegexFreeLanguageModel extends LanguageDetectorModel {
    private static final long serialVersionUID = 1L;
    private static final LanguageDetectorFactory FACTORY = new LanguageDetectorFactory() {
      @Override
      public LanguageDetectorContextGenerator getContextGenerator() {
        return new DefaultLanguageDetectorContextGenerator(1, 3, LanguageSampleNormalizer.INSTANCE);
      }
    };

    RegexFreeLanguageModel(InputStream in) throws IOException { super(in); }

    @Override
    public LanguageDetectorFactory getFactory() { return FACTORY; }
  }

  /**
   * The same POS model decoded with a beam of 1 (greedy) instead of the model's default of 3, through
   * OpenNLP's own {@code POSModel} constructor. The grammar proxy only counts adjacent tag pairs, and the
   * beam's alternatives cost a decoding each; {@code NlpFeatureExtractorTest} checks that the greedy
   * tags agree with the default beam on hand-written sentences.
   */
  static POSModel greedy(POSModel model) {
    MaxentModel maxent = model.getArtifact("pos.model"); // the model file's entry (POSModel.POS_MODEL_ENTRY_NAME)
    if (maxent == null) return model; // not a maxent POS model: keep its own decoder
    return new POSModel(model.getLanguage(), maxent, 1, Map.of(), model.getFactory());
  }

  /** The language model as {@link #languageDetector()} reads it (shared, immutable). */
  static LanguageDetectorModel languageModel() { return Lang.MODEL; }

  /** This thread's language detector over the 183-language model (ISO 639-3 outcomes). */
  static LanguageDetectorME languageDetector() {
    Tools t = TOOLS.get();
    if (t.language == null) t.language = new LanguageDetectorME(Lang.MODEL);
    return t.language;
  }

  /** This thread's sentence detector for a BCP 47 language; German has its own model, every other language uses the English one. */
  static SentenceDetectorME sentenceDetector(String language) {
    Tools t = TOOLS.get();
    if ("de".equals(language)) {
      if (t.sentDe == null) t.sentDe = new SentenceDetectorME(Sent.DE);
      return t.sentDe;
    }
    if (t.sentEn == null) t.sentEn = new SentenceDetectorME(Sent.EN);
    return t.sentEn;
  }

  /** This thread's POS tagger (Universal Dependencies tags, beam 1) for English or German, or null for other languages. */
  static POSTaggerME posTagger(String language) {
    Tools t = TOOLS.get();
    if ("en".equals(language)) {
      if (t.posEn == null) t.posEn = new POSTaggerME(Pos.EN);
      return t.posEn;
    }
    if ("de".equals(language)) {
      if (t.posDe == null) t.posDe = new POSTaggerME(Pos.DE);
      return t.posDe;
    }
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
    loads.add(CompletableFuture.runAsync(() -> touch(Lang.MODEL), pool));
    loads.add(CompletableFuture.runAsync(() -> touch(Sent.EN), pool));
    if (pos) {
      loads.add(CompletableFuture.runAsync(() -> touch(Pos.EN), pool));
      loads.add(CompletableFuture.runAsync(() -> touch(Pos.DE), pool));
    }
    // The loading threads' own tools die with them; the shared models stay.
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

  private static void touch(Object model) {
    if (model == null) throw new IllegalStateException("OpenNLP model did not load");
  }

  @FunctionalInterface
  private interface ModelReader<M> { M read(InputStream in) throws IOException; }

  private static <M> M load(String resource, ModelReader<M> reader) {
    // Through the class loader, not Class.getResourceAsStream: in a named module (module-info.java) the
    // latter looks in this module only, while the models lie at the root of the model jars, outside any
    // package, where the class loader finds them on the class path and on the module path alike.
    try (InputStream in = NlpModels.class.getClassLoader().getResourceAsStream(resource.substring(1))) {
      if (in == null) {
        throw new IllegalStateException("OpenNLP model " + resource + " is not on the classpath (opennlp-models-* jar missing)");
      }
      return reader.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read OpenNLP model " + resource, e);
    }
  }
}
