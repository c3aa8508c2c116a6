package org.redflag.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The regression guard over the evaluation corpus: {@code redflag evaluate eval/dev.jsonl} (with the
 * options the pin names) must find at least the pinned number of expected indicators, less one, and
 * fire at most the pinned number of false fires, plus one. The pin, {@code eval/dev-pinned.json}, is
 * {@code {"options": [...], "expected": E, "found": H, "forbidden": F, "falseFires": K}}.
 *
 * <p>Refresh the pin in the same commit that improves the figures: the guard also fails when the
 * figures beat the pin by more than one item, so the pin stays tight, and when the corpus's coded
 * counts ({@code expected}, {@code forbidden}) no longer match it, since figures on a changed
 * corpus cannot be compared. The failure message gives the figures to pin.
 */
class DevCorpusRegressionTest {
  static final int TOLERANCE = 1;

  @Test
  void devFiguresHoldThePin() throws IOException {
    Path root = repositoryRoot();
    Path dev = root.resolve("eval/dev.jsonl");
    Path pinFile = root.resolve("eval/dev-pinned.json");
    assumeTrue(Files.isRegularFile(dev), "eval/dev.jsonl is absent: no corpus to guard yet (skipped)");
    assumeTrue(Files.isRegularFile(pinFile), "eval/dev-pinned.json is absent: no pinned figures to guard yet (skipped); pin them from "
        + "redflag evaluate eval/dev.jsonl --out metrics.json");
    JsonNode pin = ScoreCommandTest.JSON.readTree(pinFile.toFile());
    List<String> args = new ArrayList<>(List.of("evaluate", dev.toString(), "--bootstrap", "0"));
    if (pin.has("options")) pin.get("options").forEach(o -> args.add(o.asText()));
    ScoreCommandTest.Run r = ScoreCommandTest.run(args.toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode o = ScoreCommandTest.JSON.readTree(r.out()).get("overall");
    String now = String.format(java.util.Locale.ROOT, "\"expected\": %d, \"found\": %d, \"forbidden\": %d, \"falseFires\": %d",
        o.get("expected").asLong(), o.get("found").asLong(), o.get("forbidden").asLong(), o.get("falseFires").asLong());
    String refresh = "; figures now: " + now + " (with options " + pin.get("options") + ")";
    assertThat(o.get("expected").asLong()).as("eval/dev.jsonl's coding changed: re-pin eval/dev-pinned.json" + refresh)
        .isEqualTo(pin.get("expected").asLong());
    assertThat(o.get("forbidden").asLong()).as("eval/dev.jsonl's coding changed: re-pin eval/dev-pinned.json" + refresh)
        .isEqualTo(pin.get("forbidden").asLong());
    assertThat(o.get("found").asLong()).as("found dropped by more than " + TOLERANCE + " against eval/dev-pinned.json" + refresh)
        .isGreaterThanOrEqualTo(pin.get("found").asLong() - TOLERANCE);
    assertThat(o.get("falseFires").asLong()).as("false fires rose by more than " + TOLERANCE + " against eval/dev-pinned.json" + refresh)
        .isLessThanOrEqualTo(pin.get("falseFires").asLong() + TOLERANCE);
    assertThat(o.get("found").asLong()).as("found beats eval/dev-pinned.json: refresh the pin in the commit that improves it" + refresh)
        .isLessThanOrEqualTo(pin.get("found").asLong() + TOLERANCE);
    assertThat(o.get("falseFires").asLong()).as("false fires fell below eval/dev-pinned.json: refresh the pin in the commit that improves it" + refresh)
        .isGreaterThanOrEqualTo(pin.get("falseFires").asLong() - TOLERANCE);
  }

  /** The checkout's root: the nearest directory up from here holding both the root pom and the indicator-cli module. */
  static Path repositoryRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !(Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("indicator-cli")))) p = p.getParent();
    assertThat(p).as("repository root above " + Path.of("").toAbsolutePath()).isNotNull();
    return p;
  }
}
