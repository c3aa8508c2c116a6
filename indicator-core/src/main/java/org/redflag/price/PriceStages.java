package org.redflag.price;

import java.util.List;
import org.redflag.advert.Advert;
import org.redflag.indicator.AdvertAnalysis;
import org.redflag.indicator.AnalysisKey;
import org.redflag.indicator.AnalysisStage;

/** Analysis keys and stages of pricing. */
public final class PriceStages {
  /** Prices found in the advert (structured prices first), read by price indicators and assessments. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final AnalysisKey<PriceMentions> PRICES = AnalysisKey.of("prices", PriceMentions.class);

  /** The market baseline the advert is compared with; absent when its market has none. */
  public static final AnalysisKey<MarketBaseline> BASELINE = AnalysisKey.of("price.baseline", MarketBaseline.class);

  private PriceStages() {}

  /**
   * The stages the engine runs by default: the advert's baseline (so euphemisms such as "roses" take
   * the market's currency), then price extraction.
   */
  public static List<AnalysisStage<?>> defaults(MarketBaselines baselines) {
    return List.of(new BaselineStage(baselines), new ExtractionStage(PriceExtractor.defaults()));
  }

  /** Looks up the advert's market baseline (its category's, else the market-wide one). */
  public static final class BaselineStage implements AnalysisStage<MarketBaseline> {
    private final MarketBaselines baselines;

    public BaselineStage(MarketBaselines baselines) { this.baselines = java.util.Objects.requireNonNull(baselines); }

    @Override public AnalysisKey<MarketBaseline> key() { return BASELINE; }

    @Override
    public MarketBaseline analyze(AdvertAnalysis analysis) {
      Advert a = analysis.advert();
      return baselines.find(a.market().orElse(null), a.category().orElse(null)).orElse(null);
    }
  }

  /** Extracts prices; the default currency is the currency of the advert's baseline, if any. */
  public static final class ExtractionStage implements AnalysisStage<PriceMentions> {
    private final PriceExtractor extractor;

    public ExtractionStage(PriceExtractor extractor) { this.extractor = java.util.Objects.requireNonNull(extractor); }

    @Override public AnalysisKey<PriceMentions> key() { return PRICES; }

    @Override
    public PriceMentions analyze(AdvertAnalysis analysis) {
      String currency = analysis.get(BASELINE).map(MarketBaseline::currency).orElse(null);
      PriceMentions prices = extractor.extract(analysis.advert(), currency);
      return prices.isEmpty() ? null : prices;
    }
  }
}
