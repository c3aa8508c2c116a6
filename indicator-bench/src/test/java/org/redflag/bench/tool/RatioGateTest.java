package org.redflag.bench.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.net.URISyntaxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatioGateTest {
  private static String fixture(String name) {
    try {
      return Path.of(RatioGateTest.class.getResource("/jmh/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  private static BenchToolRun gate(String... args) { return BenchToolRun.of("gate", args); }

  @Test
  void ratiosDivideBySameSizeJavaRegexAndInvertTimePerOp() throws Exception {
    List<JmhResult> run = JmhResult.read(Path.of(fixture("baseline.json")));
    Map<String, Double> r = Ratios.of(run, "baseline");
    assertThat(r.get("MatchingPeersBenchmark.redflag {size=1KB}")).isCloseTo(30.0, within(1e-9));
    assertThat(r.get("MatchingPeersBenchmark.redflag {size=200B}")).isCloseTo(20.0, within(1e-9));
    assertThat(r.get("AssessBenchmark.assess {size=1KB}")).isCloseTo(15.0, within(1e-9));
    // no params: 4 engines/s against the geometric mean of 1000 and 8000 ops/s
    assertThat(r.get("EngineStartBenchmark.defaultEngine")).isCloseTo(4.0 / Math.sqrt(8e6), within(1e-9));
    assertThat(run.get(2).allocBytesPerOp()).hasValue(3500.0);
  }

  @Test
  void sameRatiosOnAFasterMachinePass() {
    BenchToolRun run = gate(fixture("baseline.json"), fixture("current-faster-machine.json"));
    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(run.out()).contains("PASS").doesNotContain("REGRESSED");
  }

  @Test
  void aRatioDropBeyondTheToleranceFailsWithATable() {
    BenchToolRun run = gate(fixture("baseline.json"), fixture("current-regressed.json"));
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("MatchingPeersBenchmark.redflag {size=1KB}").contains("-30.0%").contains("REGRESSED")
        .contains("FAIL: 1 of 6");
  }

  @Test
  void anotherReferenceKeepsAJitteryJavaRegexFromFlaggingEverything(@TempDir Path dir) throws IOException {
    // javaRegex at 1KB alone ran half as fast again (its JIT varies between JVMs); nothing else moved
    Path current = dir.resolve("current-fast-regex.json");
    Files.writeString(current, Files.readString(Path.of(fixture("baseline.json"))).replaceFirst("\"score\"\\s*:\\s*1000(\\.0)?", "\"score\" : 1500.0"));
    assertThat(JmhResult.read(current).get(0).score()).isEqualTo(1500.0);
    BenchToolRun byRegex = gate(fixture("baseline.json"), current.toString());
    assertThat(byRegex.exit()).isEqualTo(1);
    assertThat(byRegex.out()).contains("MatchingPeersBenchmark.redflag {size=1KB}", "-33.3%", "REGRESSED");
    BenchToolRun byAssess = gate(fixture("baseline.json"), current.toString(), "--reference", "AssessBenchmark.assess");
    assertThat(byAssess.exit()).as(byAssess.out()).isZero();
    assertThat(byAssess.out()).contains("PASS", "ratio to AssessBenchmark.assess").doesNotContain("REGRESSED");
    assertThat(gate(fixture("baseline.json"), current.toString(), "--reference", "regex").err())
        .contains("--reference needs a benchmark as Class.method");
    BenchToolRun missing = gate(fixture("baseline.json"), current.toString(), "--reference", "NoSuch.benchmark");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("has no NoSuch.benchmark result");
  }

  @Test
  void toleranceIsConfigurable() {
    assertThat(gate(fixture("baseline.json"), fixture("current-small-drop.json")).exit()).isZero();
    BenchToolRun strict = gate(fixture("baseline.json"), fixture("current-small-drop.json"), "--tolerance", "0.1");
    assertThat(strict.exit()).isEqualTo(1);
    assertThat(strict.out()).contains("AssessBenchmark.assess {size=1KB}").contains("-15.0%");
    // a benchmark only in the current run is listed, never failed
    assertThat(strict.out()).contains("MatchingPeersBenchmark.hyperscan {size=1KB}").contains("NEW");
    // 250000 us/op is the same speed as 250 ms/op
    assertThat(strict.out()).containsPattern("EngineStartBenchmark.defaultEngine .*\\+0.0%\\s+OK");
  }

  @Test
  void excludedBenchmarksAreNeitherShownNorGated() {
    BenchToolRun run = gate(fixture("baseline.json"), fixture("current-regressed.json"), "--exclude", "redflag \\{size=1KB");
    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(run.out()).doesNotContain("redflag {size=1KB}").contains("redflag {size=200B}");
  }

  @Test
  void aMissingBaselineBenchmarkFails() {
    BenchToolRun run = gate(fixture("baseline.json"), fixture("current-missing.json"));
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("AssessBenchmark.assess {size=1KB}").contains("MISSING");
  }

  @Test
  void badInputExitsTwoWithAClearMessage() {
    BenchToolRun noRef = gate(fixture("baseline.json"), fixture("no-reference.json"));
    assertThat(noRef.exit()).isEqualTo(2);
    assertThat(noRef.err()).contains("no MatchingPeersBenchmark.javaRegex result");
    BenchToolRun missingFile = gate(fixture("baseline.json"), "does-not-exist.json");
    assertThat(missingFile.exit()).isEqualTo(2);
    assertThat(missingFile.err()).contains("does-not-exist.json");
    assertThat(gate(fixture("baseline.json")).exit()).isEqualTo(2);
    assertThat(gate(fixture("baseline.json"), fixture("baseline.json"), "--tolerance", "x").err()).contains("'x'");
    assertThatThrownBy(() -> new RatioGate(1.5)).hasMessageContaining("1.5");
  }

  /** The baseline fixture with {@code redflag {size=1KB}} at {@code score} ops/s (ratio score / 1000), as a new file. */
  private static String baselineWithRedflag1KB(Path dir, String name, double score) throws IOException {
    String json = Files.readString(Path.of(fixture("baseline.json")));
    Path out = dir.resolve(name);
    Files.writeString(out, json.replace("\"score\": 30000.0", "\"score\": " + score));
    return out.toString();
  }

  @Test
  void severalBaselinesGateAgainstTheMedianRatio(@TempDir Path dir) throws IOException {
    // current-regressed has redflag {size=1KB} at ratio 21
    String quiet = baselineWithRedflag1KB(dir, "a.json", 30000);
    String busy = baselineWithRedflag1KB(dir, "b.json", 12000); // one run on a busy machine
    String other = baselineWithRedflag1KB(dir, "c.json", 33000);
    BenchToolRun median = gate(quiet, busy, other, fixture("current-regressed.json"));
    assertThat(median.exit()).isEqualTo(1);
    assertThat(median.out()).containsPattern("redflag \\{size=1KB\\}\\s+30\\.00\\s+21\\.00\\s+-30\\.0%\\s+REGRESSED");
    // against the busy run alone the same result looks like a gain
    assertThat(gate(busy, fixture("current-regressed.json")).out()).containsPattern("redflag \\{size=1KB\\}.*\\+75\\.0%\\s+IMPROVED");
    // two runs: the mean of the middle two, (12 + 30) / 2 = 21
    assertThat(gate(quiet, busy, fixture("current-regressed.json")).out()).containsPattern("redflag \\{size=1KB\\}\\s+21\\.00\\s+21\\.00\\s+\\+0\\.0%\\s+OK");
  }

  @Test
  void aFolderOfBaselineRunsIsReadAsThoseRuns(@TempDir Path dir) throws IOException {
    Path runs = Files.createDirectory(dir.resolve("runs"));
    baselineWithRedflag1KB(runs, "a.json", 30000);
    baselineWithRedflag1KB(runs, "b.json", 12000);
    baselineWithRedflag1KB(runs, "c.json", 33000);
    Files.writeString(runs.resolve("notes.txt"), "not a result");
    BenchToolRun run = gate(runs.toString(), fixture("current-regressed.json"));
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).containsPattern("redflag \\{size=1KB\\}\\s+30\\.00\\s+21\\.00");
    Path empty = Files.createDirectory(dir.resolve("empty"));
    BenchToolRun none = gate(empty.toString(), fixture("current-regressed.json"));
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).contains("empty").contains("no .json results");
    assertThat(gate(fixture("baseline.json"), fixture("baseline.json"), "--tolerence", "0.1").err()).contains("unknown option '--tolerence'");
  }
}
