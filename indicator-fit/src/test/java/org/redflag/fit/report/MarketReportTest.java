package org.redflag.fit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redflag.risk.Band;

class MarketReportTest {
  private static final List<String> IND = List.of("a.one", "b.two");

  private static AssessedAdvert ad(String site, String month, Band band, List<String> fired) {
    return new AssessedAdvert("x", site, null, null, null, month, band == Band.LOW ? 100_000 : 700_000, band, IND, fired,
        fired.isEmpty() ? List.of() : List.of("entry." + fired.get(0)), null, 0);
  }

  @Test
  void ranksByTheLowerWilsonBoundNotByTheShare() {
    AssessmentSummary s = new AssessmentSummary(List.of(GroupField.SITE));
    for (int i = 0; i < 3; i++) s.add(ad("tiny", null, Band.HIGH, List.of("a.one"))); // 3/3: share 1.0, Wilson low 0.44
    for (int i = 0; i < 100; i++) s.add(ad("large", null, i < 60 ? Band.ELEVATED : Band.LOW, List.of())); // 60/100: share 0.6, low 0.50
    for (int i = 0; i < 20; i++) s.add(ad(null, null, Band.LOW, List.of()));
    MarketReport r = s.report(10, false, false);
    assertThat(r.groups()).extracting(g -> g.key().get("site")).containsExactly("large", "tiny", AssessmentSummary.NONE);
    assertThat(r.groups().get(0).elevatedOrHigh().ci().low()).isGreaterThan(r.groups().get(1).elevatedOrHigh().ci().low());
    assertThat(r.groups().get(1).elevatedOrHigh().share()).isEqualTo(1.0);
    assertThat(r.groups()).extracting(MarketReport.Group::small).containsExactly(false, true, false);
  }

  @Test
  void jsonHasTheDocumentedShape() throws Exception {
    AssessmentSummary s = new AssessmentSummary(List.of(GroupField.SITE, GroupField.MONTH));
    s.add(ad("boardA", "2026-10", Band.HIGH, List.of("a.one")));
    s.add(ad("boardA", "2026-10", Band.LOW, List.of()));
    s.add(ad("boardA", null, Band.LOW, List.of("b.two"))); // 0 of 1: ranked after 1 of 2
    JsonNode j = new ObjectMapper().readTree(s.report(10, true, true).toJson().toString());
    assertThat(j.get("adverts").asLong()).isEqualTo(3);
    assertThat(j.get("by").toString()).isEqualTo("[\"site\",\"month\"]");
    JsonNode g = j.get("groups").get(0);
    assertThat(g.get("key").toString()).isEqualTo("{\"site\":\"boardA\",\"month\":\"2026-10\"}");
    assertThat(g.get("adverts").asLong()).isEqualTo(2);
    assertThat(g.get("small").asBoolean()).isTrue();
    assertThat(g.get("bands").toString()).isEqualTo("{\"LOW\":1,\"ELEVATED\":0,\"HIGH\":1}");
    assertThat(g.get("score").get("median").asDouble()).isEqualTo(0.1005); // nearest rank 1 of 2: the bin [0.100, 0.101)
    assertThat(g.get("score").get("p90").asDouble()).isEqualTo(0.7005);
    JsonNode one = g.get("indicators").get("a.one");
    assertThat(one.get("fired").asLong()).isEqualTo(1);
    assertThat(one.get("share").asDouble()).isEqualTo(0.5);
    assertThat(one.get("shareCi").get(0).asDouble()).isEqualTo(0.0945); // Wilson 95% for 1 of 2
    assertThat(one.get("shareCi").get(1).asDouble()).isEqualTo(0.9055);
    assertThat(g.get("indicators").get("b.two").get("fired").asLong()).isZero();
    assertThat(g.get("topEntries").toString()).isEqualTo("[{\"entry\":\"entry.a.one\",\"adverts\":1}]");
    assertThat(g.get("prices").toString()).isEqualTo("{\"adverts\":0,\"median\":null,\"belowMarketP5\":0}");
    assertThat(g.get("clusters").toString()).isEqualTo("{\"adverts\":0,\"largest\":0}");
    assertThat(j.get("groups").get(1).get("key").get("month").asText()).isEqualTo(AssessmentSummary.NONE);
    assertThat(s.report(10, false, false).toJson().get("groups").get(0).has("prices")).isFalse();
  }

  @Test
  void priceMedianIsTheRatioOfTheNearestRankBin() {
    AssessmentSummary s = new AssessmentSummary(List.of(GroupField.SITE));
    double[] ratios = {0.2, 0.9, 1.0, 1.1, 3.0};
    for (double r : ratios) {
      s.add(new AssessedAdvert("x", "s", null, null, null, null, 0, Band.LOW, IND, List.of(), List.of(), new PricePosition(r, r < 0.5), 0));
    }
    MarketReport.Prices p = s.report(0, true, false).groups().get(0).prices();
    assertThat(p.adverts()).isEqualTo(5);
    assertThat(p.belowP5()).isEqualTo(1);
    assertThat(p.medianRatio()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.007)); // within one bin (1/100 of a doubling)
  }

  @Test
  void groupFieldsParseWithClearErrors() {
    assertThat(GroupField.parse("site,month")).containsExactly(GroupField.SITE, GroupField.MONTH);
    assertThatThrownBy(() -> GroupField.parse("site,city")).hasMessageContaining("unknown grouping field 'city'");
    assertThatThrownBy(() -> GroupField.parse("site,site")).hasMessageContaining("listed twice");
    assertThatThrownBy(() -> GroupField.parse("")).hasMessageContaining("unknown grouping field ''");
  }

  @Test
  void monthIsTheUtcMonthOfPostedAt() {
    assertThat(AssessedAdvert.month("2026-10-31T23:30:00-02:00")).isEqualTo("2026-11");
    assertThat(AssessedAdvert.month("2026-10-31T23:30:00Z")).isEqualTo("2026-10");
    assertThat(AssessedAdvert.month("2026-10-05")).isEqualTo("2026-10");
    assertThatThrownBy(() -> AssessedAdvert.month("last week")).hasMessageContaining("$.postedAt");
  }
}
