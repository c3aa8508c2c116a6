package org.redflag.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redflag.advert.Advert;
import org.redflag.indicator.Indicator;
import org.redflag.indicator.LexiconIndicator;
import org.redflag.pack.IndicatorDeclaration;
import org.redflag.pack.IndicatorPack;
import org.redflag.pack.PackLoader;
import org.redflag.pack.PackSet;
import org.redflag.risk.LogisticRiskModel;

/** Indicators declared by packs: registered without code, weighted by their prior, reported when a model ignores them. */
class DeclaredIndicatorsTest {
  static final String LOCAL = "{\"id\":\"local-gold\",\"version\":\"1\",\"language\":\"en\","
      + "\"indicators\":[{\"id\":\"local.gold-payment\",\"description\":\"Payment is asked for in gold only.\","
      + "\"prior\":0.8,\"reason\":\"Local case reviews.\",\"source\":\"test team\"}],"
      + "\"entries\":[{\"id\":\"local.gold.only\",\"indicator\":\"local.gold-payment\",\"patterns\":[\"(gold|jewellery) only\"],"
      + "\"weight\":0.5,\"source\":\"test team\"}]}";

  static IndicatorPack pack(String file, String json) {
    return PackLoader.load(file, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  static IndicatorResult row(Assessment a, String id) {
    return a.indicators().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void aDeclaredIndicatorFiresAndContributesItsPriorTimesItsStrength() {
    RiskEngine engine = RiskEngine.builder().addPack(pack("local.json", LOCAL)).build();
    Indicator i = engine.indicators().stream().filter(x -> x.id().equals("local.gold-payment")).findFirst().orElseThrow();
    assertThat(i).isInstanceOf(LexiconIndicator.class);
    assertThat(i.description()).isEqualTo("Payment is asked for in gold only.");
    Assessment quiet = engine.assess(Advert.builder("q", "Cash or card.").build());
    Assessment a = engine.assess(Advert.builder("a", "Gold only, no cash.").build());
    IndicatorResult r = row(a, "local.gold-payment");
    assertThat(r.fired()).isTrue();
    assertThat(r.strength()).isEqualTo(0.5);
    assertThat(r.contribution()).isEqualTo(0.8 * 0.5);
    // only this indicator fired: the log-odds moved by exactly its contribution
    assertThat(a.fired()).hasSize(1);
    assertThat(logit(a.score()) - logit(quiet.score())).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(engine.unweightedIndicators()).isEmpty();
  }

  static double logit(double p) { return Math.log(p / (1 - p)); }

  @Test
  void theShippedLexiconIndicatorsAreDeclaredByTheShippedPacksWithTheirPriors() {
    RiskEngine engine = RiskEngine.withDefaults();
    LogisticRiskModel model = (LogisticRiskModel) engine.model();
    Map<String, IndicatorDeclaration> declared = engine.packs().indicators();
    assertThat(declared).isNotEmpty();
    declared.forEach((id, d) -> assertThat(model.weights().get(id).weight()).as(id).isEqualTo(d.prior()));
    assertThat(engine.unweightedIndicators()).isEmpty();
  }

  @Test
  void anOverlayRepriorsAndTheScoreFollows() {
    String overlay = "{\"id\":\"local-gold-metro\",\"version\":\"1\",\"language\":\"en\",\"overlays\":\"local-gold\","
        + "\"reprior\":{\"local.gold-payment\":{\"prior\":2.0,\"reason\":\"Metro case reviews.\"}},\"entries\":[]}";
    RiskEngine engine = RiskEngine.builder().addPack(pack("local.json", LOCAL)).addPack(pack("metro.json", overlay)).build();
    assertThat(row(engine.assess(Advert.builder("a", "gold only").build()), "local.gold-payment").contribution()).isEqualTo(1.0);
  }

  @Test
  void aPackMayNotDeclareAPriorForAnIndicatorWithJavaLogic() {
    String json = LOCAL.replace("local.gold-payment", "phone.obscured");
    assertThatThrownBy(() -> RiskEngine.builder().addPack(pack("phone.json", json)).build())
        .hasMessageContaining("indicator 'phone.obscured' is declared with a prior in phone.json, but its weight comes from");
  }

  @Test
  void withAModelThePackPriorsAreNotUsedAndUnweightedIndicatorsAreReported() {
    LogisticRiskModel model = LogisticRiskModel.builder("local", "1")
        .weights(Map.of("control.third-party", new LogisticRiskModel.Weight(1.0, "r"))).build();
    RiskEngine engine = RiskEngine.builder().addPack(pack("local.json", LOCAL)).model(model).build();
    assertThat(engine.model()).isSameAs(model);
    assertThat(engine.unweightedIndicators()).contains("local.gold-payment", "movement").doesNotContain("control.third-party");
    IndicatorResult r = row(engine.assess(Advert.builder("a", "Gold only").build()), "local.gold-payment");
    assertThat(r.fired()).isTrue();
    assertThat(r.contribution()).isZero();
  }

  @Test
  void anInstalledIndicatorKeepsItsClassAndTakesTheDeclaredPrior() {
    Indicator custom = new LexiconIndicator("local.gold-payment", "hand-registered");
    RiskEngine engine = RiskEngine.builder().packs(PackSet.of(java.util.List.of(pack("local.json", LOCAL)))).indicator(custom).build();
    assertThat(engine.indicators()).contains(custom);
    assertThat(row(engine.assess(Advert.builder("a", "gold only").build()), "local.gold-payment").contribution()).isEqualTo(0.4);
  }
}
