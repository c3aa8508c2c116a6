package org.redflag.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;

/** The set-up of a fork builds the matcher of its benchmark method, and that method runs on it. */
class MatchingPeersBenchmarkTest {
  static final List<String> WITHOUT_HYPERSCAN = List.of("redflag", "redflagScanOnly", "javaRegex", "orgAhocorasick");

  @Test
  void eachBenchmarkMethodRunsOnTheMatcherItsSetUpBuilt() throws Exception {
    List<String> methods = Arrays.stream(MatchingPeersBenchmark.class.getMethods())
        .filter(m -> m.isAnnotationPresent(Benchmark.class)).map(Method::getName).toList();
    assertThat(methods).containsExactlyInAnyOrder("redflag", "redflagScanOnly", "javaRegex", "orgAhocorasick", "hyperscan");
    // hyperscan needs its native library (linux-x86_64 only, as PeerAgreementTest): not run here
    Integer counts = null;
    for (String name : WITHOUT_HYPERSCAN) {
      MatchingPeersBenchmark b = new MatchingPeersBenchmark();
      b.size = "200B";
      b.setUp(name);
      int total = 0;
      for (int i = 0; i < 64; i++) total += (int) MatchingPeersBenchmark.class.getMethod(name).invoke(b);
      assertThat(total).as(name).isPositive();
      if (counts == null) counts = total;
      assertThat(total).as("%s counts what the other matchers count", name).isEqualTo(counts);
    }
  }

  @Test
  void anUnknownMethodIsRefused() {
    MatchingPeersBenchmark b = new MatchingPeersBenchmark();
    b.size = "200B";
    assertThatThrownBy(() -> b.setUp("regex")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no benchmark method 'regex'");
  }
}
