package org.redflag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthCommandTest {
  @TempDir Path dir;

  @Test
  void writesDeterministicAdvertsAndTheirModelThatEvaluateAndCalibrateRead() throws IOException {
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    Path c = dir.resolve("c.jsonl");
    assertThat(ScoreCommandTest.run("synth", "--adverts", "400", "--seed", "3", "--out", a.toString()).exit()).isZero();
    assertThat(ScoreCommandTest.run("synth", "--adverts", "400", "--seed", "3", "--out", b.toString()).exit()).isZero();
    assertThat(ScoreCommandTest.run("synth", "--adverts", "400", "--seed", "4", "--out", c.toString()).exit()).isZero();
    assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
    assertThat(Files.readAllBytes(dir.resolve("b.jsonl.model.json"))).isEqualTo(Files.readAllBytes(dir.resolve("a.jsonl.model.json")));
    assertThat(Files.readAllBytes(c)).isNotEqualTo(Files.readAllBytes(a));
    assertThat(Files.readAllLines(a)).hasSize(400);
    JsonNode model = ScoreCommandTest.JSON.readTree(dir.resolve("a.jsonl.model.json").toFile());
    assertThat(model.get("seed").asLong()).isEqualTo(3);
    assertThat(model.get("terms").size()).isPositive();

    // the coding is what the engine fires: evaluate finds everything and no false fire
    ScoreCommandTest.Run ev = ScoreCommandTest.run("evaluate", a.toString(), "--bootstrap", "0");
    assertThat(ev.exit()).as(ev.err()).isZero();
    JsonNode m = ScoreCommandTest.JSON.readTree(ev.out());
    assertThat(m.get("overall").get("found").asLong()).isEqualTo(m.get("overall").get("expected").asLong()).isPositive();
    assertThat(m.get("overall").get("falseFires").asLong()).isZero();
    assertThat(m.get("labels").get("n").asInt()).isEqualTo(400);

    ScoreCommandTest.Run cal = ScoreCommandTest.run("calibrate", a.toString(), "--out", dir.resolve("m.json").toString());
    assertThat(cal.exit()).as(cal.err()).isZero();
    assertThat(ScoreCommandTest.run("synth", "--adverts", "0", "--out", dir.resolve("x.jsonl").toString()).exit()).isEqualTo(RedflagCommand.EXIT_USAGE);
  }
}
