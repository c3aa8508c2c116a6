package org.redflag.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ClusterSummary#of}: the summary rule the linker and the Spark job share, on hand-built member facts. */
class ClusterSummaryTest {
  private static ClusterMember member(String id, String site, Instant posted, long ages, List<String> fired, float score,
      Map<String, String> ids, ClusterMember.TemplateMembership t) {
    return new ClusterMember(id, site, "metro-a", posted, ages, 0, fired, score, ids, t);
  }

  @Test
  void summarisesMembersInTheirOrder() {
    ClusterMember.TemplateMembership first = new ClusterMember.TemplateMembership("t-a", 2, "new in town call {contact}", List.of("{contact}"), null);
    Edit edit = new Edit("c", "a", List.of("today"), List.of(), List.of(), List.of(), 0, 0, List.of(), List.of(), null);
    ClusterMember.TemplateMembership second = new ClusterMember.TemplateMembership("t-a", 2, "new in town call {contact}", List.of("{contact}"), edit);
    List<ClusterMember> ms = List.of(
        member("a", "site-1", Instant.parse("2026-01-02T00:00:00Z"), 1L << 19, List.of("movement"), 0.2f,
            Map.of("h1", "phone"), first),
        member("b", null, null, 0, List.of(), 0.6f, Map.of("h1", "phone", "h2", "email"), null),
        member("c", "site-2", Instant.parse("2026-01-01T00:00:00Z"), 1L << 19 | 1L << 22, List.of("movement", "youth"), 0.4f,
            Map.of("h3", "phone"), second));
    ClusterSummary c = ClusterSummary.of(ms);
    assertThat(c.id()).isEqualTo("c-a");
    assertThat(c.members()).containsExactly("a", "b", "c");
    assertThat(c.identifiers()).containsExactly(Map.entry("email", 1), Map.entry("phone", 2)); // h1 once, h3
    assertThat(c.sites()).isEqualTo(2);
    assertThat(c.markets()).isEqualTo(1);
    assertThat(c.firstPostedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(c.lastPostedAt()).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
    assertThat(c.statedAges()).isEqualTo(2); // 19 and 22
    assertThat(c.membersStatingAge()).isEqualTo(2);
    assertThat(c.templates()).singleElement().satisfies(t -> {
      assertThat(t.id()).isEqualTo("t-a");
      assertThat(t.size()).isEqualTo(2);
      assertThat(t.edits()).containsExactly(edit);
    });
    assertThat(c.indicatorShares()).containsExactly(Map.entry("movement", 2 / 3.0), Map.entry("youth", 1 / 3.0));
    assertThat(c.maxScore()).isEqualTo(0.6f);
    assertThat(c.medianScore()).isEqualTo(0.4f);
  }

  @Test
  void evenMembersTakeTheMeanOfTheMiddleScoresAndUnscoredMembersAreLeftOut() {
    ClusterSummary c = ClusterSummary.of(List.of(
        member("a", null, null, 0, List.of(), 0.5f, Map.of(), null),
        member("b", null, null, 0, List.of(), Float.NaN, Map.of(), null),
        member("c", null, null, 0, List.of(), 0.25f, Map.of(), null)));
    assertThat(c.medianScore()).isEqualTo((0.5f + 0.25f) / 2.0);
    assertThat(c.templates()).isEmpty();
    assertThat(c.firstPostedAt()).isNull();
  }

  @Test
  void aClusterHasTwoOrMoreMembers() {
    assertThatThrownBy(() -> ClusterSummary.of(List.of(member("a", null, null, 0, List.of(), 0f, Map.of(), null))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two or more");
  }
}
