package org.redflag.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.redflag.advert.Advert;
import org.redflag.bench.corpus.SyntheticAdverts;
import org.redflag.engine.Assessment;
import org.redflag.engine.RiskEngine;
import org.redflag.price.MarketBaselines;
import org.redflag.price.PriceAnomalyIndicator;

/** The benchmark fixtures do the work they claim: indicators fire, and the baseline is consulted. */
class AssessBenchmarkTest {
  @Test
  void corpusFiresIndicatorsAndTheBaselineComparesPrices() {
    MarketBaselines baselines = AssessBenchmark.marketBaselines();
    assertThat(baselines.all()).isNotEmpty();
    RiskEngine plain = RiskEngine.withDefaults();
    RiskEngine withBaseline = RiskEngine.builder().baseline(baselines).build();
    int fired = 0;
    int compared = 0;
    for (Advert a : SyntheticAdverts.corpus(SyntheticAdverts.Size.MEDIUM)) {
      Assessment p = plain.assess(a);
      Assessment b = withBaseline.assess(a);
      if (!p.fired().isEmpty()) fired++;
      // without a baseline no advert gets a price comparison
      assertThat(p.features().getOrDefault(PriceAnomalyIndicator.COMPARED_FEATURE, 0.0)).isZero();
      if (b.features().getOrDefault(PriceAnomalyIndicator.COMPARED_FEATURE, 0.0) > 0) compared++;
    }
    assertThat(fired).isGreaterThan(SyntheticAdverts.count(SyntheticAdverts.Size.MEDIUM) / 4);
    assertThat(compared).isGreaterThan(SyntheticAdverts.count(SyntheticAdverts.Size.MEDIUM) / 10);
  }
}
