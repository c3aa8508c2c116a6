package org.redflag.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redflag.advert.Advert;
import org.redflag.advert.Price;
import org.redflag.engine.Assessment;
import org.redflag.engine.IndicatorResult;
import org.redflag.engine.RiskEngine;
import org.redflag.indicator.Evidence;
import org.redflag.io.AssessmentJson;

class PriceAnomalyIndicatorTest {
  /** metro-a: 200 hourly rates 101..300 USD, exact in the sketch (5th percentile 110, median 200); tiny-town: 10 rates. */
  static final MarketBaselines BASELINES = MarketBaselines.of(List.of(
      MarketBaselineTest.of("metro-a", null, "USD", MarketBaselineTest.range(101, 300)),
      MarketBaselineTest.of("tiny-town", null, "USD", MarketBaselineTest.range(100, 109))));
  static final RiskEngine ENGINE = RiskEngine.builder().baseline(BASELINES).build();

  static Advert ad(String market, String text) {
    return Advert.builder("ad", text).market(market).category("escort").build();
  }

  static IndicatorResult row(Assessment a) {
    return a.indicators().stream().filter(r -> r.id().equals(PriceAnomalyIndicator.ID)).findFirst().orElseThrow();
  }

  static List<Evidence> evidence(Assessment a) {
    return a.evidence().stream().filter(e -> e.indicator().equals(PriceAnomalyIndicator.ID)).toList();
  }

  @Test
  void registeredByDefaultAndSilentWithoutBaselines() {
    Assessment a = RiskEngine.withDefaults().assess(ad("metro-a", "Special today $20 hh"));
    assertThat(row(a).fired()).isFalse();
    assertThat(evidence(a)).isEmpty();
    assertThat(a.features()).doesNotContainKey(PriceAnomalyIndicator.FEATURE);
    // but prices are always extracted
    assertThat(a.prices()).hasSize(1);
    assertThat(a.prices().get(0).minutes()).isEqualTo(30);
  }

  @Test
  void firesBelowTheFifthPercentileWithRateMedianAndPercentile() {
    String text = "New in town, special $40 hh today";
    Assessment a = ENGINE.assess(ad("metro-a", text));
    assertThat(row(a).fired()).isTrue();
    assertThat(row(a).contribution()).isPositive();
    List<Evidence> ev = evidence(a);
    assertThat(ev).hasSize(1);
    Evidence e = ev.get(0);
    assertThat(text.substring(e.start(), e.end())).isEqualTo("$40 hh").isEqualTo(e.match());
    assertThat(e.entry()).isEqualTo("price.below-market-quantile");
    assertThat(e.source()).isEqualTo("market baseline metro-a/all (USD, n=200)");
    assertThat(e.details()).containsEntry("rate", 80.0).containsEntry("currency", "USD")
        .containsEntry("marketMedian", 200.0).containsEntry("percentile", 0.0)
        .containsEntry("thresholdPercentile", 5.0).containsEntry("thresholdRate", 110.0)
        .containsEntry("observations", 200L).containsEntry("market", "metro-a");
    assertThat(a.features()).containsEntry(PriceAnomalyIndicator.FEATURE, 0.0)
        .containsEntry(PriceAnomalyIndicator.COMPARED_FEATURE, 1.0);
  }

  @Test
  void doesNotFireWithinTheMarketButGivesThePercentile() {
    Assessment a = ENGINE.assess(ad("metro-a", "$100 hh, $180 hr"));
    assertThat(row(a).fired()).isFalse();
    assertThat(evidence(a)).isEmpty();
    // lowest hourly rate 180 (the hh price is 200 an hour): 80 of 200 rates are at or below it
    assertThat(a.features().get(PriceAnomalyIndicator.FEATURE)).isEqualTo(40.0);
  }

  @Test
  void justAboveAndJustBelowTheThreshold() {
    assertThat(row(ENGINE.assess(ad("metro-a", "$109 hr"))).fired()).isTrue();
    assertThat(row(ENGINE.assess(ad("metro-a", "$110 hr"))).fired()).isFalse();
  }

  @Test
  void tooFewObservationsMeansNoCallAndTheEvidenceSaysSo() {
    Assessment a = ENGINE.assess(ad("tiny-town", "$20 hr"));
    assertThat(row(a).fired()).isFalse();
    assertThat(row(a).strength()).isZero();
    List<Evidence> ev = evidence(a);
    assertThat(ev).hasSize(1);
    assertThat(ev.get(0).entry()).isEqualTo("price.baseline-too-small");
    assertThat((String) ev.get(0).details().get("status"))
        .isEqualTo("no call: the baseline has 10 rates, fewer than the minimum of 30");
    assertThat(a.features()).doesNotContainKey(PriceAnomalyIndicator.FEATURE);
    // a lower minimum makes the same baseline usable
    RiskEngine lenient = RiskEngine.builder().baseline(BASELINES).indicator(new PriceAnomalyIndicator(0.05, 5)).build();
    assertThat(row(lenient.assess(ad("tiny-town", "$20 hr"))).fired()).isTrue();
  }

  @Test
  void marketsWithoutABaselineGetNoCallNotAGuess() {
    for (Advert a : List.of(ad("metro-z", "$5 hr"), Advert.builder("x", "$5 hr").build())) {
      Assessment s = ENGINE.assess(a);
      assertThat(row(s).fired()).isFalse();
      assertThat(evidence(s)).isEmpty();
      assertThat(s.features()).doesNotContainKeys(PriceAnomalyIndicator.FEATURE, PriceAnomalyIndicator.COMPARED_FEATURE);
    }
  }

  @Test
  void currencyMismatchOrMissingDurationMeansNoCall() {
    for (String text : List.of("€5 hr", "5 GBP hr", "$5 only", "call me")) {
      Assessment s = ENGINE.assess(ad("metro-a", text));
      assertThat(row(s).fired()).as(text).isFalse();
      assertThat(s.features()).as(text).doesNotContainKey(PriceAnomalyIndicator.FEATURE);
    }
  }

  @Test
  void euphemismsTakeTheBaselineCurrency() {
    Assessment a = ENGINE.assess(ad("metro-a", "only 30 roses hh"));
    assertThat(a.prices().get(0).currency()).isEqualTo("USD");
    assertThat(row(a).fired()).isTrue();
  }

  @Test
  void structuredPricesWinOverText() {
    Advert cheapText = Advert.builder("s", "text says $10 hr").market("metro-a").price(Price.of("150", "USD", 60)).build();
    Assessment a = ENGINE.assess(cheapText);
    assertThat(row(a).fired()).isFalse();
    Advert cheapField = Advert.builder("s", "text says $250 hr").market("metro-a").price(Price.of("30", "USD", 30)).build();
    Assessment b = ENGINE.assess(cheapField);
    assertThat(row(b).fired()).isTrue();
    Evidence e = evidence(b).get(0);
    assertThat(e.start()).isNull();
    assertThat(e.field()).isEqualTo("prices[0]");
    assertThat(e.match()).isEqualTo("30 USD / 30 min");
  }

  @Test
  void aPriceInTheTitleIsEvidencedInTheTitle() {
    Advert a = Advert.builder("t", "Call to book.").title("Today only $35 hh").market("metro-a").build();
    Evidence e = evidence(ENGINE.assess(a)).get(0);
    assertThat(e.field()).isEqualTo("title");
    assertThat(a.title().get().substring(e.start(), e.end())).isEqualTo("$35 hh").isEqualTo(e.match());
  }

  @Test
  void configurableQuantile() {
    RiskEngine q25 = RiskEngine.builder().baseline(BASELINES).indicator(new PriceAnomalyIndicator(0.25, 30)).build();
    assertThat(row(q25.assess(ad("metro-a", "$140 hr"))).fired()).isTrue();
    assertThat(row(ENGINE.assess(ad("metro-a", "$140 hr"))).fired()).isFalse();
    assertThatThrownBy(() -> new PriceAnomalyIndicator(0.9, 30)).hasMessageContaining("quantile");
    assertThatThrownBy(() -> new PriceAnomalyIndicator(0.05, 0)).hasMessageContaining("minObservations");
  }

  @Test
  void assessmentJsonCarriesPricesEvidenceDetailsAndFeature() throws Exception {
    JsonNode j = new ObjectMapper().readTree(AssessmentJson.toJsonLine(ENGINE.assess(ad("metro-a", "$40 hh"))));
    assertThat(j.get("prices").get(0).get("amount").asText()).isEqualTo("40");
    assertThat(j.get("prices").get(0).get("currency").asText()).isEqualTo("USD");
    assertThat(j.get("prices").get(0).get("minutes").asInt()).isEqualTo(30);
    JsonNode ev = null;
    for (JsonNode e : j.get("evidence")) if (e.get("indicator").asText().equals("price.anomaly")) ev = e;
    assertThat(ev).isNotNull();
    assertThat(ev.get("details").get("marketMedian").asDouble()).isEqualTo(200.0);
    assertThat(j.get("features").get("price.percentile").asDouble()).isZero();
  }

  @Test
  void explainNamesTheRateAndTheMarket() {
    String explained = ENGINE.assess(ad("metro-a", "$40 hh")).explain();
    assertThat(explained).contains("price.anomaly").contains("\"$40 hh\"").contains("market baseline metro-a/all");
  }
}
