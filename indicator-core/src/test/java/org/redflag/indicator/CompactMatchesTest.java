package org.redflag.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redflag.advert.Advert;
import org.redflag.engine.Assessment;
import org.redflag.engine.RiskEngine;
import org.redflag.pack.LexiconMatch;
import org.redflag.pack.LexiconMatches;

/**
 * The engine's compact pack matches ({@link LexiconMatches}) and lazily built evidence
 * ({@link EvidenceList}) must say exactly what materialised matches and evidence say: NoisyOr over an
 * {@code ImmutableList} of the same matches is the reference.
 * Adverts: the labelled indicator fixtures, some with a title and tags, and long ones made of many
 * fixtures (more than 16 matches per indicator).
 */
class CompactMatchesTest {
  static final IdentifierHasher HASHER = IdentifierHasher.withKey(new byte[32]);
  static RiskEngine engine;
  static List<Advert> adverts;

  @BeforeAll
  static void load() throws IOException {
    engine = RiskEngine.builder().hasher(HASHER).build();
    List<JsonNode> rows = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    var in = CompactMatchesTest.class.getClassLoader().getResourceAsStream("fixtures/indicator-fixtures.jsonl");
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) if (!line.isBlank()) rows.add(json.readTree(line));
    }
    adverts = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      JsonNode n = rows.get(i);
      Advert.Builder b = Advert.builder(n.get("id").asText(), n.get("text").asText());
      if (n.has("category")) b.category(n.get("category").asText());
      if (i % 3 == 0 && n.has("language")) b.language(n.get("language").asText());
      if (i % 4 == 1) b.title(rows.get((i + 7) % rows.size()).get("text").asText());
      if (i % 5 == 2) b.tag("tattoo:crown").tag("tattoo:text:property-of-king");
      adverts.add(b.build());
    }
    for (int k = 0; k < 8; k++) { // long adverts: many matches of one indicator
      StringBuilder text = new StringBuilder();
      for (int i = k; i < rows.size(); i += 8) text.append(rows.get(i).get("text").asText()).append('\n');
      adverts.add(Advert.builder("long-" + k, text.toString()).category("escort").title("new girls every week").build());
    }
  }

  @Test
  void compactMatchesEqualMaterialisedOnes() {
    int total = 0, titles = 0, tags = 0;
    for (Advert a : adverts) {
      AdvertAnalysis analysis = engine.analyse(a);
      LexiconMatches lm = analysis.lexiconMatches();
      List<LexiconMatch> copy = ImmutableList.copyOf(lm);
      assertThat(lm).isEqualTo(copy).hasSameHashCodeAs(copy);
      for (int i = 0; i < lm.size(); i++) {
        LexiconMatch m = copy.get(i);
        assertThat(lm.entry(i)).isSameAs(m.entry());
        assertThat(lm.weight(i)).isEqualTo(m.weight());
        boolean first = true;
        for (int j = 0; j < i; j++) if (copy.get(j).entry().id().equals(m.entry().id())) first = false;
        assertThat(lm.firstOfEntry(i)).as("first of entry, match %d of %s", i, a.id()).isEqualTo(first);
        String source = m.field() == null ? a.text() : m.field().equals("title") ? a.title().orElseThrow() : null;
        if (m.field() != null && m.field().equals("title")) titles++;
        if (m.field() != null && m.field().startsWith("tags[")) tags++;
        if (source != null) assertThat(m.match()).isEqualTo(source.substring(m.start(), m.end()));
        else assertThat(m.match()).isEqualTo(a.tags().get(Integer.parseInt(m.field().replaceAll("\\D", ""))));
      }
      total += lm.size();
    }
    assertThat(total).as("matches over all adverts").isGreaterThan(500);
    assertThat(titles).as("title matches").isPositive();
    assertThat(tags).as("tag matches").isPositive();
  }

  @Test
  void lexiconIndicatorsAgreeWithNoisyOrOverMaterialisedMatches() {
    int fired = 0;
    for (Advert a : adverts) {
      AdvertAnalysis analysis = engine.analyse(a);
      for (Indicator indicator : engine.indicators()) {
        if (indicator.getClass() != LexiconIndicator.class) continue;
        // the reference: NoisyOr's rule and one Evidence per match, over match objects
        List<LexiconMatch> matches = ImmutableList.copyOf(analysis.lexiconMatches(indicator.id()));
        double strength = NoisyOr.combine(NoisyOr.countedWeights(matches, m -> m.entry().id()));
        List<Evidence> evidence = new ArrayList<>();
        for (LexiconMatch m : matches) evidence.add(Evidence.of(m, indicator.id()));
        IndicatorOutcome reference = strength > 0 ? IndicatorOutcome.fired(Math.min(1, strength), evidence) : IndicatorOutcome.none();
        IndicatorOutcome fast = indicator.evaluate(analysis);
        assertThat(fast).as("%s on %s", indicator.id(), a.id()).isEqualTo(reference);
        if (fast.fired()) fired++;
      }
    }
    assertThat(fired).isGreaterThan(300);
  }

  @Test
  void assessmentEvidenceIsTheOutcomesEvidenceInIndicatorOrder() {
    for (Advert a : adverts) {
      Assessment assessment = engine.assess(a);
      AdvertAnalysis analysis = engine.analyse(a);
      List<Evidence> expected = new ArrayList<>();
      for (Indicator indicator : engine.indicators()) expected.addAll(indicator.evaluate(analysis).evidence());
      assertThat(assessment.evidence()).isEqualTo(expected).hasSameHashCodeAs(expected);
      assertThat(ImmutableList.copyOf(assessment.evidence())).isEqualTo(expected);
    }
  }

  @Test
  void evidenceListsAreImmutableAndChecked() {
    Advert a = adverts.get(adverts.size() - 1);
    List<Evidence> evidence = engine.assess(a).evidence();
    assertThat(evidence).isInstanceOf(EvidenceList.class).hasSizeGreaterThan(20);
    assertThatThrownBy(() -> evidence.add(evidence.get(0))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> evidence.get(evidence.size())).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> evidence.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    // kept as they are by outcomes; other lists are copied
    IndicatorOutcome o = IndicatorOutcome.fired(0.5, evidence);
    assertThat(o.evidence()).isSameAs(evidence);
    List<Evidence> mutable = new ArrayList<>(evidence);
    IndicatorOutcome copied = IndicatorOutcome.fired(0.5, mutable);
    mutable.clear();
    assertThat(copied.evidence()).isEqualTo(evidence);
    @SuppressWarnings("unchecked")
    List<Evidence>[] parts = new List[] {List.of(), evidence, List.of(evidence.get(0)), List.of()};
    List<Evidence> joined = EvidenceList.concat(parts, parts.length);
    List<Evidence> expected = new ArrayList<>(evidence);
    expected.add(evidence.get(0));
    assertThat(joined).isEqualTo(expected);
    assertThat(EvidenceList.concat(parts, 2)).isSameAs(evidence);
    assertThat(EvidenceList.concat(parts, 1)).isEmpty();
  }
}
