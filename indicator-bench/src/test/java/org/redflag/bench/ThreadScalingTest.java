package org.redflag.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redflag.bench.corpus.SyntheticAdverts;
import org.redflag.engine.RiskEngine;
import org.redflag.io.AdvertJson;
import org.redflag.io.AssessmentJson;

/** The harness measures the work it claims: every line scored, the same output on one thread and on three. */
class ThreadScalingTest {
  @Test
  void aPassScoresEveryLineInOrderWhateverTheThreadCount() throws IOException {
    RiskEngine engine = RiskEngine.withDefaults();
    List<String> lines = ThreadScaling.lines(SyntheticAdverts.Size.SMALL).subList(0, 600);
    long oracle = 0;
    for (int pass = 0; pass < 2; pass++) {
      for (String line : lines) oracle = 31 * oracle + AssessmentJson.toJsonLine(engine.assess(AdvertJson.parse(line))).hashCode();
    }
    List<Long> sums = new ArrayList<>();
    for (int threads : new int[] {1, 3}) {
      long[] checksum = new long[1];
      assertThat(ThreadScaling.pass(engine, lines, 2, threads, checksum)).isPositive();
      sums.add(checksum[0]);
    }
    assertThat(sums).containsOnly(oracle);
  }

  @Test
  void medianOfOddAndEvenCounts() {
    assertThat(ThreadScaling.median(new double[] {3, 1, 2})).isEqualTo(2);
    assertThat(ThreadScaling.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
  }
}
