package org.redflag.fit.synth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.redflag.advert.Advert;
import org.redflag.engine.Assessment;
import org.redflag.engine.IndicatorResult;
import org.redflag.engine.RiskEngine;
import org.redflag.fit.RiskModelTrainer;
import org.redflag.fit.TrainingOptions;
import org.redflag.fit.TrainingResult;
import org.redflag.io.AdvertJson;

class SyntheticAdvertsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final RiskEngine ENGINE = RiskEngine.withDefaults();
  static final SyntheticAdverts.GeneratingModel MODEL = SyntheticAdverts.standardModel();

  static Set<String> fired(Assessment a) {
    Set<String> s = new TreeSet<>();
    for (IndicatorResult r : a.indicators()) if (r.fired()) s.add(r.id());
    return s;
  }

  static Set<String> fired(String text, List<String> tags) {
    return fired(ENGINE.assess(Advert.builder("x", text).category("escort").language("en").tags(tags).build()));
  }

  @Test
  void theSameSeedWritesTheSameAdvertsAndAnotherSeedOthers() {
    SyntheticAdverts.Sample a = SyntheticAdverts.sample(MODEL, 300, 11);
    assertThat(SyntheticAdverts.sample(MODEL, 300, 11).lines()).isEqualTo(a.lines());
    assertThat(SyntheticAdverts.sample(MODEL, 300, 12).lines()).isNotEqualTo(a.lines());
    assertThat(SyntheticAdverts.modelJson(MODEL, 300, 11).toString()).isEqualTo(SyntheticAdverts.modelJson(MODEL, 300, 11).toString());
    JsonNode m = SyntheticAdverts.modelJson(MODEL, 300, 11);
    assertThat(m.get("format").asText()).isEqualTo("redflag-synth/1");
    assertThat(m.get("terms")).hasSize(MODEL.terms().size());
    assertThat(m.get("terms").get(0).get("weight").asDouble()).isEqualTo(MODEL.terms().get(0).weight());
  }

  @Test
  void everyPhraseFiresExactlyItsIndicatorAndFillersFireNothing() {
    for (String filler : MODEL.fillers()) assertThat(fired(filler, List.of())).as(filler).isEmpty();
    for (SyntheticAdverts.Term t : MODEL.terms()) {
      for (String phrase : t.phrases()) {
        String text = MODEL.fillers().get(0) + " " + (phrase.contains("%s") ? String.format(phrase, "four two") : phrase);
        assertThat(fired(text, List.of())).as(text).containsExactly(t.indicator());
      }
      for (String tag : t.tags()) assertThat(fired(MODEL.fillers().get(0), List.of(tag))).as(tag).containsExactly(t.indicator());
    }
  }

  @Test
  void generatedAdvertsFireExactlyTheirDrawnIndicatorsAndAFitRecoversTheWeights() throws Exception {
    SyntheticAdverts.Sample s = SyntheticAdverts.sample(MODEL, 3000, 7);
    List<Assessment> assessed = new ArrayList<>();
    for (String line : s.lines()) {
      JsonNode n = JSON.readTree(line);
      Assessment a = ENGINE.assess(AdvertJson.read(n));
      Set<String> expect = new TreeSet<>();
      n.get("expect").forEach(e -> expect.add(e.asText()));
      assertThat(fired(a)).as(n.get("id").asText()).isEqualTo(expect);
      Set<String> all = new TreeSet<>(expect);
      n.get("forbid").forEach(f -> all.add(f.asText()));
      assertThat(all).hasSize(MODEL.terms().size());
      assertThat(n.get("label").asInt()).isEqualTo(s.labels()[assessed.size()]);
      assessed.add(a);
    }
    TrainingResult r = RiskModelTrainer.trainOnAssessments(assessed, s.labels(), TrainingOptions.defaults().withL2(0.01));
    for (TrainingResult.TermRow t : r.terms()) {
      if (!t.estimable()) continue;
      double truth = MODEL.weight(t.name());
      assertThat(Math.abs(t.weight() - truth)).as("%s: fitted %.3f, true %.3f, SE %.3f", t.name(), t.weight(), truth, t.standardError())
          .isLessThan(3 * t.standardError());
    }
    assertThat(r.terms().stream().filter(TrainingResult.TermRow::estimable).map(TrainingResult.TermRow::name).sorted().toList())
        .containsExactlyElementsOf(MODEL.terms().stream().map(SyntheticAdverts.Term::indicator).sorted().toList());
  }
}
