package org.redflag.price;

import java.util.List;
import org.redflag.indicator.AnalysisKey;

/** Analysis keys of the pricing stages. */
public final class PriceStages {
  /** Prices found in the advert (structured prices first), read by price indicators and assessments. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final AnalysisKey<List<PriceMention>> PRICES = (AnalysisKey) AnalysisKey.of("prices", List.class);

  private PriceStages() {}
}
