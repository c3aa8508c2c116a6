package org.redflag.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PairedOpTest {
  /** The sum of the op's results over the first adverts of the corpus: one slice of 1 ns runs one batch (four). */
  private static long firstBatch(String benchmark) {
    PairedOp op = new PairedOp(benchmark, "200B");
    assertThat(op.applyAsLong(1)).isEqualTo(4);
    return op.sink;
  }

  @Test
  void thePeersCountWhatRedflagCountsOnTheSameAdverts() {
    // as PeerAgreementTest for the JMH benchmarks: the same distinct match starts, so the same sums
    long redflag = firstBatch("redflag");
    assertThat(redflag).isPositive();
    assertThat(firstBatch("redflagScanOnly")).isEqualTo(redflag);
    assertThat(firstBatch("javaRegex")).isEqualTo(redflag);
    assertThat(firstBatch("orgAhocorasick")).isEqualTo(redflag);
  }

  @Test
  void anUnknownBenchmarkIsNamed() {
    assertThatThrownBy(() -> new PairedOp("scoring", "200B")).hasMessageContaining("unknown benchmark 'scoring'");
  }
}
