package org.redflag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NlpOptionTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void scoreWithNlpAddsFeaturesAndThirdPersonEvidence(@TempDir Path dir) throws Exception {
    String text = "She is new in town and very sweet. Call to book her now! She is waiting.";
    Path in = dir.resolve("in.jsonl");
    Files.writeString(in, JSON.writeValueAsString(java.util.Map.of("id", "n1", "category", "escort", "text", text)) + "\n", StandardCharsets.UTF_8);

    ScoreCommandTest.Run with = ScoreCommandTest.run("score", "--nlp", in.toString());
    assertThat(with.exit()).as(with.err()).isZero();
    JsonNode a = with.lines().get(0);
    assertThat(a.get("features").get("nlp.third-person-share").asDouble()).isEqualTo(1.0);
    int thirdPerson = 0;
    for (JsonNode e : a.get("evidence")) {
      if (!e.get("indicator").asText().equals("nlp.third-person")) continue;
      thirdPerson++;
      assertThat(text.substring(e.get("start").asInt(), e.get("end").asInt())).isEqualTo(e.get("match").asText());
    }
    assertThat(thirdPerson).isEqualTo(3);

    ScoreCommandTest.Run without = ScoreCommandTest.run("score", in.toString());
    assertThat(without.exit()).as(without.err()).isZero();
    JsonNode b = without.lines().get(0);
    assertThat(b.toString()).doesNotContain("nlp.third-person").doesNotContain("nlp.third-person-share");
  }

  @Test
  void explainWithNlpNamesTheIndicator() {
    ScoreCommandTest.Run r = ScoreCommandTest.run("explain", "--nlp", "--category", "escort", "--text",
        "She is new in town. Call to book her. She waits.");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("nlp.third-person");
  }

  @Test
  void theGrammarProxyIsOptIn(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("in.jsonl");
    Files.writeString(in, JSON.writeValueAsString(java.util.Map.of("id", "g1", "language", "en",
        "text", "She is a friendly girl from the city. Call the number on the page.")) + "\n", StandardCharsets.UTF_8);
    ScoreCommandTest.Run plain = ScoreCommandTest.run("score", "--nlp", in.toString());
    assertThat(plain.exit()).as(plain.err()).isZero();
    assertThat(plain.lines().get(0).get("features").has("nlp.tokens-log")).isTrue();
    assertThat(plain.lines().get(0).get("features").has("nlp.grammar-irregularity")).isFalse();
    ScoreCommandTest.Run grammar = ScoreCommandTest.run("score", "--nlp-grammar", in.toString());
    assertThat(grammar.exit()).as(grammar.err()).isZero();
    assertThat(grammar.lines().get(0).get("features").has("nlp.grammar-irregularity")).isTrue();
  }
}
