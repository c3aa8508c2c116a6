package org.redflag.bench.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redflag.advert.Advert;
import org.redflag.identifier.IdentifierMention;
import org.redflag.link.LinkOptions;
import org.redflag.link.LinkResult;
import org.redflag.link.Linker;
import org.redflag.link.TemplateFeatures;

/**
 * The locality that {@code RedflagSpark.link} relies on (stated on {@link Linker}): split the input into
 * blocks of adverts joined by shared band keys, run one linker per block in input order, and every
 * advert gets the template a linker over the whole input gives it. Checked on planted clusters at two
 * similarity thresholds, without Spark (blocks by a plain union-find here).
 */
class LinkerLocalityTest {
  @ParameterizedTest
  @ValueSource(doubles = {0.5, 0.3})
  void oneLinkerPerBandKeyBlockAssignsTheWholeInputsTemplates(double similarity) {
    LinkOptions options = LinkOptions.defaults().withSimilarity(similarity);
    List<Advert> ads = new ArrayList<>();
    for (PlantedClusters.Labelled l : PlantedClusters.generate(20_261_203L, 3_000)) ads.add(l.advert());
    int n = ads.size();
    List<List<IdentifierMention>> mentions = new ArrayList<>();
    for (Advert a : ads) mentions.add(LinkRun.mentions(a));

    Linker whole = Linker.create(options);
    for (int i = 0; i < n; i++) whole.add(ads.get(i), mentions.get(i));
    LinkResult all = whole.finish();

    int[] parent = new int[n];
    for (int i = 0; i < n; i++) parent[i] = i;
    Map<Long, Integer> firstWithKey = new HashMap<>();
    for (int i = 0; i < n; i++) {
      for (long key : TemplateFeatures.of(ads.get(i).text(), mentions.get(i)).bandKeys()) {
        Integer f = firstWithKey.putIfAbsent(key, i);
        if (f != null) union(parent, f, i);
      }
    }
    Map<Integer, List<Integer>> blocks = new HashMap<>();
    for (int i = 0; i < n; i++) blocks.computeIfAbsent(find(parent, i), r -> new ArrayList<>()).add(i);
    assertThat(blocks.values().stream().filter(b -> b.size() >= 2).count()).as("blocks of two or more").isGreaterThan(20);

    String[] template = new String[n];
    for (List<Integer> block : blocks.values()) {
      Linker part = Linker.create(options);
      for (int i : block) part.add(ads.get(i), mentions.get(i)); // indices ascend: input order
      LinkResult r = part.finish();
      for (int k = 0; k < block.size(); k++) template[block.get(k)] = r.links().get(k).template();
    }
    int templated = 0;
    for (int i = 0; i < n; i++) {
      assertThat(template[i]).as("advert %d", i).isEqualTo(all.links().get(i).template());
      if (template[i] != null) templated++;
    }
    assertThat(templated).isGreaterThan(n / 2);
  }

  private static int find(int[] p, int x) {
    while (p[x] != x) x = p[x] = p[p[x]];
    return x;
  }

  private static void union(int[] p, int a, int b) {
    int ra = find(p, a), rb = find(p, b);
    if (ra != rb) p[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}
