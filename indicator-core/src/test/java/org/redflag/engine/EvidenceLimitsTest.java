package org.redflag.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redflag.advert.Advert;
import org.redflag.indicator.Evidence;
import org.redflag.io.AssessmentJson;

/** Evidence limits: kept items are a prefix of the full evidence, the rest counted per row, the score unchanged. */
class EvidenceLimitsTest {
  private static final RiskEngine UNLIMITED = RiskEngine.builder().evidenceLimits(Integer.MAX_VALUE, Integer.MAX_VALUE).build();

  /** Issue 24, reproduction 4: thousands of one emoji in an escort advert. */
  private static final Advert EMOJI = Advert.builder("e", "escort " + "\uD83D\uDC67 ".repeat(20_000)).category("escort").build();

  @Test
  void defaultsCapEvidencePerIndicatorAndCountTheRest() {
    Assessment full = UNLIMITED.assess(EMOJI);
    Assessment capped = RiskEngine.withDefaults().assess(EMOJI);
    Map<String, Integer> total = counts(full);
    Map<String, Integer> kept = counts(capped);
    assertThat(total.get("emoji.age-code")).isGreaterThan(10_000); // the oracle: every match, unlimited
    assertThat(capped.evidence()).hasSizeLessThanOrEqualTo(RiskEngine.DEFAULT_MAX_EVIDENCE_PER_ADVERT);
    for (IndicatorResult r : capped.indicators()) {
      int all = total.getOrDefault(r.id(), 0);
      int k = kept.getOrDefault(r.id(), 0);
      assertThat(k).isLessThanOrEqualTo(RiskEngine.DEFAULT_MAX_EVIDENCE_PER_INDICATOR);
      assertThat(k + r.moreEvidence()).as(r.id()).isEqualTo(all);
    }
    assertThat(capped.score()).isEqualTo(full.score());
    assertThat(capped.evidence()).isEqualTo(full.evidence().stream()
        .filter(new java.util.function.Predicate<Evidence>() {
          final Map<String, Integer> seen = new HashMap<>();
          @Override public boolean test(Evidence e) { return seen.merge(e.indicator(), 1, Integer::sum) <= RiskEngine.DEFAULT_MAX_EVIDENCE_PER_INDICATOR; }
        }).toList());
    String json = AssessmentJson.toJsonLine(capped);
    assertThat(json).contains("\"moreEvidence\":" + (total.get("emoji.age-code") - 50));
    assertThat(json.length()).isLessThan(100_000);
  }

  @Test
  void perAdvertLimitTakesIndicatorsInIdOrder() {
    Advert a = Advert.builder("m", "escort \uD83D\uDC67 \uD83D\uDC67 \uD83D\uDC67 24/7 24/7 call my manager").category("escort").build();
    Assessment full = UNLIMITED.assess(a);
    for (int limit = 1; limit <= full.evidence().size(); limit++) {
      Assessment c = RiskEngine.builder().evidenceLimits(Integer.MAX_VALUE, limit).build().assess(a);
      assertThat(c.evidence()).isEqualTo(full.evidence().subList(0, limit));
      int more = c.indicators().stream().mapToInt(IndicatorResult::moreEvidence).sum();
      assertThat(more).isEqualTo(full.evidence().size() - limit);
    }
    assertThatThrownBy(() -> RiskEngine.builder().evidenceLimits(0, 5)).isInstanceOf(IllegalArgumentException.class);
  }

  private static Map<String, Integer> counts(Assessment a) {
    Map<String, Integer> m = new HashMap<>();
    for (Evidence e : a.evidence()) m.merge(e.indicator(), 1, Integer::sum);
    return m;
  }
}
