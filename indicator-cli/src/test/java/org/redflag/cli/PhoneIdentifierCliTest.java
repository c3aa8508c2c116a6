package org.redflag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Obscured phone numbers in CLI output: hashed by default, linkable under --hash-key-file, clear only with --reveal-identifiers. Fictional numbers only. */
class PhoneIdentifierCliTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String NUMBER = "5550123456";

  static String score(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = RedflagCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    assertThat(exit).as(err.toString()).isZero();
    assertThat(err.toString()).doesNotContain(NUMBER);
    return out.toString();
  }

  static Path input(Path dir) throws IOException {
    Path in = dir.resolve("ads.jsonl");
    Files.writeString(in, String.join("\n",
        "{\"id\":\"a\",\"category\":\"escort\",\"text\":\"text me five five five zero one two three four five six\"}",
        "{\"id\":\"b\",\"category\":\"escort\",\"text\":\"new in town 5.5.5.0.1.2.3.4.5.6\"}") + "\n", StandardCharsets.UTF_8);
    return in;
  }

  static String number(String out, int line) throws IOException {
    JsonNode a = JSON.readTree(out.split("\n")[line]);
    for (JsonNode e : a.get("evidence")) {
      if (e.get("indicator").asText().equals("phone.obscured")) return e.get("details").get("number").asText();
    }
    throw new AssertionError("no phone.obscured evidence on line " + line);
  }

  @Test
  void hashedByDefaultAndLinkedUnderOneKey(@TempDir Path dir) throws IOException {
    Path in = input(dir);
    String out = score("score", in.toString());
    assertThat(out).doesNotContain(NUMBER);
    assertThat(number(out, 0)).startsWith("hmac-sha256:").isEqualTo(number(out, 1));

    Path key = dir.resolve("key");
    Files.write(key, "0123456789abcdef-fictional-test-key".getBytes(StandardCharsets.UTF_8));
    String first = number(score("score", "--hash-key-file", key.toString(), in.toString()), 0);
    String second = number(score("score", "--hash-key-file", key.toString(), in.toString()), 1);
    assertThat(first).isEqualTo(second).doesNotContain(NUMBER);
  }

  static JsonNode phoneEvidence(String out, int line) throws IOException {
    for (JsonNode e : JSON.readTree(out.split("\n")[line]).get("evidence")) {
      if (e.get("indicator").asText().equals("phone.obscured")) return e;
    }
    throw new AssertionError("no phone.obscured evidence on line " + line);
  }

  /** Issue 24, reproductions 10 and 11: the readable number is masked and the digest keyed, unless revealed; revealing keeps the key. */
  @Test
  void evidenceMatchIsMaskedAndTheDigestKeyedUnlessRevealed(@TempDir Path dir) throws IOException {
    Path in = input(dir);
    String out = score("score", in.toString());
    JsonNode e = phoneEvidence(out, 0);
    assertThat(e.get("match").asText()).isEqualTo("[masked]");
    assertThat(e.get("masked").asBoolean()).isTrue();
    assertThat(e.get("start").asInt()).isEqualTo(8); // offsets stay: a reviewer holding the text sees the match
    assertThat(out).doesNotContain("five five five").doesNotContain("5.5.5.0");

    Path key = dir.resolve("key");
    Files.write(key, "0123456789abcdef-fictional-test-key".getBytes(StandardCharsets.UTF_8));
    String hidden = score("score", "--hash-key-file", key.toString(), in.toString());
    String shown = score("score", "--hash-key-file", key.toString(), "--reveal-identifiers", in.toString());
    assertThat(phoneEvidence(shown, 0).get("match").asText()).isEqualTo("five five five zero one two three four five six");
    assertThat(phoneEvidence(shown, 0).has("masked")).isFalse();
    for (int line = 0; line < 2; line++) {
      String d = JSON.readTree(hidden.split("\n")[line]).get("inputDigest").asText();
      assertThat(d).startsWith("hmac-sha256:").hasSize(76).isEqualTo(JSON.readTree(shown.split("\n")[line]).get("inputDigest").asText());
    }
  }

  @Test
  void revealShowsTheNormalisedNumber(@TempDir Path dir) throws IOException {
    String out = score("score", "--reveal-identifiers", input(dir).toString());
    assertThat(number(out, 0)).isEqualTo(NUMBER);
    assertThat(number(out, 1)).isEqualTo(NUMBER);
  }
}
