package org.redflag.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The confirmation's early-stopping merge and the LSH index against plain oracles on random inputs. */
class ConfirmationTest {
  private static long[] sortedSet(Random r, int n, int range) {
    return r.longs(n, 0, range).distinct().sorted().toArray();
  }

  @Test
  void earlyStoppingJaccardAgreesWithTheFullMergeAtTheThreshold() {
    Random r = new Random(11);
    for (int round = 0; round < 20_000; round++) {
      int range = 5 + r.nextInt(120);
      long[] a = sortedSet(r, r.nextInt(40), range), b = sortedSet(r, r.nextInt(40), range);
      double t = r.nextInt(4) == 0 ? TemplateFeatures.jaccard(a, b) : 0.05 + 0.95 * r.nextDouble(); // often exactly at it
      double full = TemplateFeatures.jaccard(a, b), stopped = TemplateFeatures.jaccardAtLeast(a, b, t);
      if (full >= t) assertThat(stopped).isEqualTo(full);
      else assertThat(stopped).isLessThan(t);
      // the same set read from a pool at an offset
      long[] pool = new long[b.length + 7];
      System.arraycopy(b, 0, pool, 3, b.length);
      assertThat(TemplateFeatures.jaccardAtLeast(a, pool, 3, b.length, t)).isEqualTo(stopped);
    }
  }

  @Test
  void bandIndexKeepsTemplatesPerKeyInOrderUpToTheCap() {
    Random r = new Random(5);
    int cap = 3;
    BandIndex index = new BandIndex(cap);
    Map<Long, LinkedHashSet<Integer>> oracle = new HashMap<>();
    for (int i = 0; i < 50_000; i++) {
      long key = r.nextInt(3_000) * 0x100000001L - 1_000L; // negative keys and zero among them
      int t = r.nextInt(200);
      index.add(key, t);
      LinkedHashSet<Integer> s = oracle.computeIfAbsent(key, k -> new LinkedHashSet<>());
      if (s.size() < cap) s.add(t);
    }
    for (Map.Entry<Long, LinkedHashSet<Integer>> e : oracle.entrySet()) {
      List<Integer> got = new ArrayList<>();
      for (int x = index.first(e.getKey()); x >= 0; x = index.next(x)) got.add(index.template(x));
      assertThat(got).containsExactlyElementsOf(e.getValue());
    }
    assertThat(index.first(Long.MAX_VALUE)).isEqualTo(-1);
  }
}
