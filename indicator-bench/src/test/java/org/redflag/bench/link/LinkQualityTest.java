package org.redflag.bench.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redflag.link.LinkOptions;

/**
 * The done-when figure of issue 25 on data nobody tuned on: seed 20261203 was never used while
 * choosing the parameters (tuning used seed 1). Pairwise precision and recall at least 0.95.
 */
class LinkQualityTest {
  @Test
  void pairwisePrecisionAndRecallOnUnseenPlantedClusters() {
    ClusterMetrics m = LinkQuality.measure(20_261_203L, 4_000, LinkOptions.defaults());
    assertThat(m.pairPrecision()).isGreaterThanOrEqualTo(0.95);
    assertThat(m.pairRecall()).isGreaterThanOrEqualTo(0.95);
    assertThat(m.truePairs()).isGreaterThan(1_000);
  }

  @Test
  void generatorPlantsWhatItSays() {
    List<PlantedClusters.Labelled> a = PlantedClusters.generate(5, 2_000), b = PlantedClusters.generate(5, 2_000);
    assertThat(a).hasSize(2_000);
    assertThat(a.stream().map(l -> l.advert().text()).toList()).isEqualTo(b.stream().map(l -> l.advert().text()).toList());
    Map<Integer, Integer> sizes = new HashMap<>();
    for (PlantedClusters.Labelled l : a) sizes.merge(l.actor(), 1, Integer::sum);
    long inClusters = sizes.values().stream().filter(s -> s >= 2).mapToLong(Integer::longValue).sum();
    assertThat(inClusters).isBetween(1_300L, 1_500L); // about 70%
    // the only identifiers planted are phone numbers (fictional 555-01xx ones, see PlantedClusters.phone)
    for (PlantedClusters.Labelled l : a) {
      for (var m : LinkRun.mentions(l.advert())) assertThat(m.type().label()).isEqualTo("phone");
    }
  }
}
