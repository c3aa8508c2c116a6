package org.redflag.engine;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.redflag.advert.Advert;
import org.redflag.identifier.Identifier;
import org.redflag.identifier.IdentifierExtractor;
import org.redflag.identifier.IdentifierMention;
import org.redflag.indicator.AdvertAnalysis;
import org.redflag.indicator.AnalysisStage;
import org.redflag.indicator.Evidence;
import org.redflag.indicator.EvidenceList;
import org.redflag.indicator.FeatureSource;
import org.redflag.indicator.IdentifierHasher;
import org.redflag.indicator.Indicator;
import org.redflag.indicator.IndicatorOutcome;
import org.redflag.indicator.LexiconIndicator;
import org.redflag.io.AdvertJson;
import org.redflag.pack.CompiledLexicon;
import org.redflag.pack.IndicatorDeclaration;
import org.redflag.pack.IndicatorPack;
import org.redflag.pack.PackEntry;
import org.redflag.pack.PackSet;
import org.redflag.price.MarketBaseline;
import org.redflag.price.MarketBaselines;
import org.redflag.price.PriceMention;
import org.redflag.price.PriceStages;
import org.redflag.risk.Activations;
import org.redflag.risk.LogisticRiskModel;
import org.redflag.risk.RiskModel;
import org.redflag.risk.RiskScore;
import org.redflag.risk.SortedDoubleMap;
import org.redflag.price.PriceMentions;
import org.redflag.text.OffsetUnit;
import org.redflag.text.AnalyzedText;
import org.redflag.text.LanguageDetector;
import org.redflag.text.TextPipeline;

/**
 * The façade: built once, immutable and thread-safe; one engine serves all threads.
 *
 * <p>Per advert: normalise text and title once, scan them once with the compiled lexicon of all
 * packs, run analysis stages, evaluate every indicator on the shared analysis, and score the
 * activations with the risk model.
 */
public final class RiskEngine {
  private final TextPipeline pipeline;
  private final CompiledLexicon lexicon;
  private final MarketBaselines baselines; // for the files behind an advert's baseline (Assessment.Applied)
  private final ImmutableList<Indicator> indicators;
  private final SortedDoubleMap.Keys indicatorIds; // indicators are sorted by id: the strengths' keys
  // the row of an indicator that did not fire and contributes nothing, shared by all assessments
  // (rows are immutable values, and most indicators are quiet on most adverts: no row built for them)
  private final IndicatorResult[] quietRows;
  private final ImmutableList<AnalysisStage<?>> stages;
  private final RiskModel model;
  private final String modelLabel; // models are immutable: the label is built once, not per advert
  private final IdentifierHasher hasher;
  private final LanguageDetector languageDetector;
  private final ImmutableList<String> packLabels;
  private final IdentifierExtractor identifierExtractor;
  private final int maxEvidencePerIndicator;
  private final int maxEvidencePerAdvert;

  private final ImmutableList<String> unweighted;

  private RiskEngine(Builder b, PackSet packs, List<Indicator> indicators, RiskModel model) {
    this.pipeline = b.pipeline;
    this.lexicon = CompiledLexicon.compile(packs, pipeline);
    this.baselines = b.baselines;
    this.indicators = ImmutableList.copyOf(indicators);
    this.indicatorIds = SortedDoubleMap.keys(indicators.stream().map(Indicator::id).toArray(String[]::new));
    this.quietRows = indicators.stream().map(i -> new IndicatorResult(i.id(), false, 0, 0)).toArray(IndicatorResult[]::new);
    // pricing stages run first so later stages and all indicators see prices and the market baseline
    this.stages = ImmutableList.<AnalysisStage<?>>builder().addAll(PriceStages.defaults(b.baselines)).addAll(b.stages).build();
    this.model = model;
    this.unweighted = indicators.stream().map(Indicator::id).filter(id -> !model.weighs(id)).collect(ImmutableList.toImmutableList());
    this.modelLabel = model.label();
    this.hasher = b.hasher != null ? b.hasher : IdentifierHasher.randomKey();
    this.maxEvidencePerIndicator = b.maxEvidencePerIndicator;
    this.maxEvidencePerAdvert = b.maxEvidencePerAdvert;
    this.languageDetector = b.languageDetector;
    this.packLabels = ImmutableList.copyOf(packs.labels());
    this.identifierExtractor = b.identifiers;
  }

  /** Default packs, every indicator found by {@link ServiceLoader}, and the default prior model. */
  public static RiskEngine withDefaults() { return builder().build(); }

  public static Builder builder() { return new Builder(); }

  /** Default most evidence items kept per indicator (a reviewer reads a few; thousands help no one). */
  public static final int DEFAULT_MAX_EVIDENCE_PER_INDICATOR = 50;
  /** Default most evidence items kept per advert. */
  public static final int DEFAULT_MAX_EVIDENCE_PER_ADVERT = 500;

  public List<Indicator> indicators() { return indicators; }

  public PackSet packs() { return lexicon.packs(); }

  /**
   * The model that scores: the one given to the builder, or the default prior with the priors the
   * packs declare for lexicon indicators.
   */
  public RiskModel model() { return model; }

  /**
   * Ids of registered indicators the model gives no weight: they fire and give evidence but never move
   * the score. Tools report them (the CLI's {@code packs list} and {@code explain}) instead of letting
   * them count silently as zero.
   */
  public List<String> unweightedIndicators() { return unweighted; }

  /** Assesses one advert. Never throws for a valid {@link Advert}. */
  public Assessment assess(Advert advert) {
    Objects.requireNonNull(advert, "advert");
    ReusableTexts reuse = REUSABLE.get();
    boolean owned = !reuse.inUse; // a nested assess on this thread (from an indicator) gets fresh buffers
    reuse.inUse = true;
    try {
      return assess(advert, owned ? reuse : null);
    } finally {
      if (owned) reuse.inUse = false;
    }
  }

  /** Per-thread text buffers: the analysed texts live only during one {@link #assess(Advert)} call. */
  private static final class ReusableTexts {
    final AnalyzedText text = AnalyzedText.reusable();
    final AnalyzedText title = AnalyzedText.reusable();
    // per-indicator work arrays of one assess (cleared after it; concat copies what it keeps)
    IndicatorOutcome[] outcomes = new IndicatorOutcome[0];
    @SuppressWarnings("unchecked")
    List<Evidence>[] evidence = new List[0];
    boolean inUse;

    void ensure(int n) {
      if (outcomes.length < n) {
        outcomes = new IndicatorOutcome[n];
        @SuppressWarnings("unchecked")
        List<Evidence>[] e = new List[n];
        evidence = e;
      }
    }
  }

  private static final ThreadLocal<ReusableTexts> REUSABLE = ThreadLocal.withInitial(ReusableTexts::new);

  private Assessment assess(Advert advert, ReusableTexts reuse) {
    int n = indicators.size();
    if (reuse == null) return assess(advert, null, new IndicatorOutcome[n], newEvidenceArray(n));
    reuse.ensure(n); // per-thread arrays, not two per advert (AssessBenchmark.assess allocation)
    try {
      return assess(advert, reuse, reuse.outcomes, reuse.evidence);
    } finally {
      java.util.Arrays.fill(reuse.outcomes, 0, n, null);
      java.util.Arrays.fill(reuse.evidence, 0, n, null);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Evidence>[] newEvidenceArray(int n) { return new List[n]; }

  /** {@code outcomes} and {@code evidence} have room for one entry per indicator. */
  private Assessment assess(Advert advert, ReusableTexts reuse, IndicatorOutcome[] outcomes, List<Evidence>[] evidence) {
    AdvertAnalysis analysis = analyse(advert, reuse);
    // built once in the immutable forms Activations and Assessment keep, so their copyOf calls do not
    // copy again (allocation per advert, AssessBenchmark); strengths by indicator index, keyed by indicatorIds
    double[] strengths = new double[indicators.size()];
    Map<String, Double> features = null; // most adverts have no features: no TreeMap then
    // evidence: the outcomes' evidence lists, concatenated without copying (EvidenceList builds evidence on access),
    // cut to the evidence limits so that one hostile advert cannot produce an unbounded output line
    int evidenceRoom = maxEvidencePerAdvert;
    int[] more = null; // items left out per indicator; most adverts are within the limits
    for (int i = 0; i < indicators.size(); i++) {
      Indicator indicator = indicators.get(i);
      IndicatorOutcome o;
      try {
        o = indicator.evaluate(analysis);
      } catch (RuntimeException e) {
        throw new IllegalStateException("indicator '" + indicator.id() + "' failed on advert '" + advert.id() + "': "
            + e.getClass().getName(), e);
      }
      outcomes[i] = o;
      strengths[i] = o.strength();
      features = addAll(features, o.features());
      List<Evidence> e = o.evidence();
      int keep = Math.min(Math.min(e.size(), maxEvidencePerIndicator), evidenceRoom);
      if (keep < e.size()) { // the rest is counted in the row, not dropped silently
        if (more == null) more = new int[indicators.size()];
        more[i] = e.size() - keep;
        e = e.subList(0, keep);
      }
      evidenceRoom -= keep;
      evidence[i] = e;
    }
    for (int i = 0; i < stages.size(); i++) { // no capturing lambda per stage and advert
      if (analysis.get(stages.get(i).key()).orElse(null) instanceof FeatureSource f) features = addAll(features, f.features());
    }
    ImmutableSortedMap<String, Double> featureMap = features == null ? ImmutableSortedMap.of() : ImmutableSortedMap.copyOf(features);
    // strengths is not touched after this: the map owns it (no copy)
    RiskScore score = model.score(new Activations(indicatorIds.withOwned(strengths), featureMap));
    SortedDoubleMap contributions = score.contributions();
    ImmutableList.Builder<IndicatorResult> rows = ImmutableList.builderWithExpectedSize(indicators.size());
    for (int i = 0; i < indicators.size(); i++) {
      String id = indicators.get(i).id();
      IndicatorOutcome o = outcomes[i];
      double contribution = contributions.getDouble(id, 0);
      int left = more == null ? 0 : more[i];
      boolean quiet = !o.fired() && Double.compare(o.strength(), 0.0) == 0 && Double.compare(contribution, 0.0) == 0 && left == 0;
      rows.add(quiet ? quietRows[i] : new IndicatorResult(id, o.fired(), o.strength(), contribution, left));
    }
    PriceMentions prices = analysis.get(PriceStages.PRICES).orElse(PriceMentions.EMPTY);
    return new Assessment(advert.id(), score.score(), score.band(), rows.build(), EvidenceList.concat(evidence, indicators.size()), prices, featureMap,
        modelLabel, packLabels, hasher.digest(AdvertJson.canonicalRecord(advert)), identifiers(advert),
        new Assessment.Provenance(advert.site().orElse(null), advert.url().orElse(null), advert.postedAt().orElse(null),
            advert.capturedAt().orElse(null), advert.market().orElse(null), advert.category().orElse(null),
            analysis.language().orElse(null)), applied(analysis), OffsetUnit.UTF16);
  }

  /** The packs and baseline files that took part for this advert (see {@link Assessment.Applied}). */
  private Assessment.Applied applied(AdvertAnalysis analysis) {
    MarketBaseline baseline = analysis.get(PriceStages.BASELINE).orElse(null);
    return new Assessment.Applied(lexicon.appliedPacks(analysis.language().orElse(null)),
        baseline == null ? List.of() : baselines.sources(baseline));
  }

  /** The advert's identifiers with their values protected by the engine's hasher. */
  private List<IdentifierMention> identifiers(Advert advert) {
    List<Identifier> found = identifierExtractor.extract(advert);
    if (found.isEmpty()) return List.of();
    List<IdentifierMention> out = new ArrayList<>(found.size());
    for (Identifier i : found) out.add(new IdentifierMention(i.type(), hasher.protect(i.normalised()), i.start(), i.end(), i.field()));
    return out;
  }

  /** The identifier extractor (for tools that need identifiers without a full assessment). */
  public IdentifierExtractor identifierExtractor() { return identifierExtractor; }

  /** {@code features} with {@code more} put into it, created (sorted by key) when there is something to put. */
  private static Map<String, Double> addAll(Map<String, Double> features, Map<String, Double> more) {
    if (more.isEmpty()) return features;
    if (features == null) features = new TreeMap<>();
    features.putAll(more);
    return features;
  }

  /** Assesses adverts in order; the result has one assessment per advert, in the same order. */
  public List<Assessment> assessAll(List<Advert> adverts) {
    List<Assessment> out = new ArrayList<>(adverts.size());
    for (Advert a : adverts) out.add(assess(a));
    return out;
  }

  /** Lazily assesses a stream; order is kept (also for ordered parallel streams). */
  public Stream<Assessment> assess(Stream<Advert> adverts) { return adverts.map(this::assess); }

  /** The shared analysis the indicators see (for tools and tests). */
  public AdvertAnalysis analyse(Advert advert) { return analyse(Objects.requireNonNull(advert, "advert"), null); }

  private AdvertAnalysis analyse(Advert advert, ReusableTexts reuse) {
    AnalyzedText text = reuse == null ? pipeline.analyze(advert.text()) : pipeline.analyze(advert.text(), reuse.text);
    String titleText = advert.title().orElse(null); // no Optional.map lambda per advert
    AnalyzedText title = titleText == null ? null
        : reuse == null ? pipeline.analyze(titleText) : pipeline.analyze(titleText, reuse.title);
    String language = advert.language().orElse(null);
    if (language == null && languageDetector != null) language = languageDetector.detect(advert.text()).orElse(null);
    AdvertAnalysis analysis = new AdvertAnalysis(advert, text, title, language,
        lexicon.scan(advert, text, title, language), hasher);
    for (AnalysisStage<?> s : stages) put(analysis, s);
    analysis.freeze();
    return analysis;
  }

  private static <T> void put(AdvertAnalysis analysis, AnalysisStage<T> stage) {
    analysis.put(stage.key(), stage.analyze(analysis));
  }

  /** Builder; {@link #build()} validates that every pack entry names a registered indicator. */
  public static final class Builder {
    private final List<IndicatorPack> packs = new ArrayList<>();
    private PackSet packSet;
    private boolean defaultPacks = true;
    private final List<Indicator> indicators = new ArrayList<>();
    private boolean discover = true;
    private final List<AnalysisStage<?>> stages = new ArrayList<>();
    private RiskModel model;
    private IdentifierHasher hasher;
    private int maxEvidencePerIndicator = DEFAULT_MAX_EVIDENCE_PER_INDICATOR;
    private int maxEvidencePerAdvert = DEFAULT_MAX_EVIDENCE_PER_ADVERT;
    private LanguageDetector languageDetector;
    private TextPipeline pipeline = TextPipeline.defaults();
    private MarketBaselines baselines = MarketBaselines.empty();
    private IdentifierExtractor identifiers = IdentifierExtractor.defaults();

    private Builder() {}

    /** How identifiers are found and normalised (default {@link IdentifierExtractor#defaults()}). */
    public Builder identifiers(IdentifierExtractor extractor) { this.identifiers = Objects.requireNonNull(extractor, "identifiers"); return this; }

    /**
     * Uses exactly this pack set instead of the default packs and any added packs. As with added
     * packs, every indicator the packs declare and no installed indicator provides becomes a
     * {@link org.redflag.indicator.LexiconIndicator}.
     */
    public Builder packs(PackSet packs) { this.packSet = Objects.requireNonNull(packs, "packs"); return this; }

    /** Adds a pack (e.g. a local overlay) after the default packs, unless {@link #withoutDefaultPacks()}. */
    public Builder addPack(IndicatorPack pack) { packs.add(Objects.requireNonNull(pack, "pack")); return this; }

    public Builder withoutDefaultPacks() { this.defaultPacks = false; return this; }

    /** Registers an indicator by hand (in addition to discovered ones). */
    public Builder indicator(Indicator indicator) { indicators.add(Objects.requireNonNull(indicator, "indicator")); return this; }

    /** Whether to add indicators found by {@link ServiceLoader} (default true). */
    public Builder discoverIndicators(boolean discover) { this.discover = discover; return this; }

    public Builder stage(AnalysisStage<?> stage) { stages.add(Objects.requireNonNull(stage, "stage")); return this; }

    /**
     * Scores with this model instead of the default prior; the priors the packs declare are then not
     * used (see {@link RiskEngine#unweightedIndicators()} for indicators the model does not weigh).
     */
    public Builder model(RiskModel model) { this.model = Objects.requireNonNull(model, "model"); return this; }

    public Builder hasher(IdentifierHasher hasher) { this.hasher = Objects.requireNonNull(hasher, "hasher"); return this; }

    /**
     * Most evidence items an assessment keeps per indicator and in all (defaults
     * {@value #DEFAULT_MAX_EVIDENCE_PER_INDICATOR} and {@value #DEFAULT_MAX_EVIDENCE_PER_ADVERT}); indicators
     * keep theirs in id order until the advert's limit is used up. Items left out are counted in their
     * indicator's row ({@link IndicatorResult#moreEvidence()}); strengths and scores use all the evidence.
     */
    public Builder evidenceLimits(int perIndicator, int perAdvert) {
      if (perIndicator < 1 || perAdvert < 1) {
        throw new IllegalArgumentException("evidence limits must be at least 1, were " + perIndicator + " and " + perAdvert);
      }
      this.maxEvidencePerIndicator = perIndicator;
      this.maxEvidencePerAdvert = perAdvert;
      return this;
    }

    public Builder languageDetector(LanguageDetector d) { this.languageDetector = Objects.requireNonNull(d, "languageDetector"); return this; }

    public Builder pipeline(TextPipeline pipeline) { this.pipeline = Objects.requireNonNull(pipeline, "pipeline"); return this; }

    /** Market price baselines for {@code price.anomaly} (default none: no advert gets a price call). */
    public Builder baseline(MarketBaselines baselines) { this.baselines = Objects.requireNonNull(baselines, "baselines"); return this; }

    /**
     * Adds an optional text-analysis component: its stages and indicators, and its language detector
     * (which then chooses packs for adverts that state no language). With indicator-nlp on the class
     * path: {@code RiskEngine.builder().nlp(RedflagNlp.component()).build()}.
     */
    public Builder nlp(NlpComponent nlp) {
      Objects.requireNonNull(nlp, "nlp");
      nlp.languageDetector().ifPresent(this::languageDetector);
      nlp.stages().forEach(this::stage);
      nlp.indicators().forEach(this::indicator);
      return this;
    }

    public RiskEngine build() {
      PackSet ps = packSet;
      if (ps == null) {
        List<IndicatorPack> all = new ArrayList<>();
        if (defaultPacks) all.addAll(PackSet.defaults().packs());
        all.addAll(packs);
        ps = PackSet.of(all);
      }
      Map<String, Indicator> byId = new LinkedHashMap<>();
      List<Indicator> candidates = new ArrayList<>();
      if (discover) ServiceLoader.load(Indicator.class, RiskEngine.class.getClassLoader()).forEach(candidates::add);
      // indicators registered by hand replace discovered ones with the same id
      for (Indicator i : candidates) byId.put(i.id(), i);
      Map<String, Indicator> manual = new LinkedHashMap<>();
      for (Indicator i : indicators) {
        if (manual.put(i.id(), i) != null) throw new IllegalArgumentException("indicator '" + i.id() + "' is registered twice");
        byId.put(i.id(), i);
      }
      // a declared indicator that no installed one provides is a lexicon indicator: data, no class
      for (IndicatorDeclaration d : ps.indicators().values()) {
        if (!byId.containsKey(d.id())) byId.put(d.id(), new LexiconIndicator(d.id(), d.description()));
      }
      for (PackSet.ResolvedEntry r : ps.entries()) {
        PackEntry e = r.entry();
        if (!byId.containsKey(e.indicator())) {
          throw new IllegalArgumentException("pack '" + r.pack().id() + "' entry '" + e.id() + "' names indicator '"
              + e.indicator() + "', which no loaded pack declares and no installed indicator provides; declare it in the pack's"
              + " \"indicators\" (docs/packs.md); known: " + new java.util.TreeSet<>(byId.keySet()));
        }
      }
      List<Indicator> ordered = new ArrayList<>(byId.values());
      ordered.sort(java.util.Comparator.comparing(Indicator::id));
      LogisticRiskModel defaultPrior = LogisticRiskModel.defaultPrior();
      Map<String, LogisticRiskModel.Weight> priors = packPriors(ps, defaultPrior);
      return new RiskEngine(this, ps, ordered, model != null ? model : defaultPrior.withWeights(priors));
    }

    /**
     * The declared priors as model weights. Checked even when a model is given, so that a pack set
     * that works with one model works with any: the weight of an indicator with Java logic comes from
     * default-prior.json, and a pack may not declare a second one.
     */
    private static Map<String, LogisticRiskModel.Weight> packPriors(PackSet ps, LogisticRiskModel defaultPrior) {
      Map<String, LogisticRiskModel.Weight> priors = new TreeMap<>();
      for (IndicatorDeclaration d : ps.indicators().values()) {
        if (defaultPrior.weighs(d.id())) {
          String file = ps.packs().stream().filter(p -> p.indicators().stream().anyMatch(x -> x.id().equals(d.id())))
              .map(IndicatorPack::fileName).findFirst().orElse("?");
          throw new IllegalArgumentException("indicator '" + d.id() + "' is declared with a prior in " + file
              + ", but its weight comes from " + LogisticRiskModel.DEFAULT_PRIOR_RESOURCE + " (an indicator with Java logic);"
              + " remove it from the pack's \"indicators\"");
        }
        priors.put(d.id(), new LogisticRiskModel.Weight(d.prior(), d.reason()));
      }
      return priors;
    }
  }
}
