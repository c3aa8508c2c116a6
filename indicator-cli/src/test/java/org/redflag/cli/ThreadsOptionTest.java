package org.redflag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --threads N}: the same bytes as one thread, error records in place, for score, evaluate, report and link. */
class ThreadsOptionTest {
  static final Path MARKET = Path.of("..", "docs", "examples", "market-ads.jsonl");
  static final Path EXAMPLES = Path.of("..", "docs", "examples", "ads.jsonl");
  static final Path DEV = Path.of("..", "eval", "dev.jsonl");

  /**
   * Several batches' worth of adverts (the examples and the market sample, each with a fresh id),
   * with a bad line every 97 lines of every kind a line can fail in: syntax, a missing field, a
   * wrong type, a blank line, not an object; and invalid UTF-8 every 389 lines.
   */
  static Path mixedInput(Path dir) throws IOException {
    List<String> adverts = new ArrayList<>();
    adverts.addAll(Files.readAllLines(EXAMPLES, StandardCharsets.UTF_8));
    adverts.addAll(Files.readAllLines(MARKET, StandardCharsets.UTF_8));
    String[] bad = {"not json", "{\"id\":\"no-text\"}", "{\"id\":\"num\",\"text\":5}", "", "[1,2]"};
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    int n = 0;
    for (int round = 0; round < 2; round++) {
      for (String line : adverts) {
        n++;
        if (n % 97 == 0) bytes.writeBytes((bad[(n / 97) % bad.length] + "\n").getBytes(StandardCharsets.UTF_8));
        if (n % 389 == 0) bytes.writeBytes(new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, '"', '}', '\n'});
        ObjectNode o = (ObjectNode) ScoreCommandTest.JSON.readTree(line);
        o.put("id", "ad-" + n);
        bytes.writeBytes((o + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    Path in = dir.resolve("mixed.jsonl");
    Files.write(in, bytes.toByteArray());
    return in;
  }

  static Path key(Path dir) throws IOException {
    Path key = dir.resolve("key");
    Files.write(key, "a fixed test key of 32 bytes....".getBytes(StandardCharsets.US_ASCII));
    return key;
  }

  @Test
  void scoreWritesTheSameBytesOnOneThreadAndOnSeveral(@TempDir Path dir) throws IOException {
    Path in = mixedInput(dir);
    Path key = key(dir);
    byte[] one = score(dir, in, key, "1");
    assertThat(new String(one, StandardCharsets.UTF_8).split("\n")).hasSize(Files.readAllLines(in, StandardCharsets.ISO_8859_1).size());
    assertThat(new String(one, StandardCharsets.UTF_8)).contains("\"line\":97,", "\"error\":");
    for (String threads : new String[] {"2", "3", "8"}) {
      assertThat(score(dir, in, key, threads)).as("--threads " + threads).isEqualTo(one);
    }
  }

  private static byte[] score(Path dir, Path in, Path key, String threads) throws IOException {
    Path out = dir.resolve("out-" + threads + ".jsonl");
    ScoreCommandTest.Run r = ScoreCommandTest.run("score", in.toString(), "--out", out.toString(), "--hash-key-file", key.toString(),
        "--threads", threads);
    assertThat(r.exit()).as(r.err()).isEqualTo(RedflagCommand.EXIT_BAD_RECORDS);
    return Files.readAllBytes(out);
  }

  @Test
  void evaluateGivesTheSameMetricsAndErrorsOnOneThreadAndOnTwo(@TempDir Path dir) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(DEV, StandardCharsets.UTF_8));
    lines.add(40, "{\"id\":\"broken\",\"text\":");
    lines.add(lines.get(7)); // a duplicate id: the in-order step fails it, after the parallel step assessed it
    Path in = dir.resolve("coded.jsonl");
    Files.write(in, lines, StandardCharsets.UTF_8);
    ScoreCommandTest.Run one = ScoreCommandTest.run("evaluate", in.toString(), "--bootstrap", "50", "--threads", "1");
    ScoreCommandTest.Run two = ScoreCommandTest.run("evaluate", in.toString(), "--bootstrap", "50", "--threads", "2");
    assertThat(one.exit()).as(one.err()).isEqualTo(RedflagCommand.EXIT_BAD_RECORDS);
    assertThat(two.exit()).isEqualTo(one.exit());
    assertThat(two.out()).isEqualTo(one.out());
    assertThat(two.err()).isEqualTo(one.err()).contains("\"line\":41,", "duplicate id");
  }

  @Test
  void reportGivesTheSameJsonOnOneThreadAndOnTwo(@TempDir Path dir) throws IOException {
    Path in = Path.of("..", "docs", "examples", "report-ads.jsonl");
    ScoreCommandTest.Run one = ScoreCommandTest.run("report", in.toString(), "--by", "site,month", "--threads", "1");
    ScoreCommandTest.Run two = ScoreCommandTest.run("report", in.toString(), "--by", "site,month", "--threads", "2");
    assertThat(one.exit()).as(one.err()).isZero();
    assertThat(two.exit()).isZero();
    assertThat(two.out()).isEqualTo(one.out()).contains("\"adverts\"");
  }

  @Test
  void linkWritesTheSameLinksAndClustersOnOneThreadAndOnThree(@TempDir Path dir) throws IOException {
    Path in = mixedInput(dir);
    Path key = key(dir);
    List<byte[]> outputs = new ArrayList<>();
    for (String threads : new String[] {"1", "3"}) {
      Path links = dir.resolve("links-" + threads), clusters = dir.resolve("clusters-" + threads);
      ScoreCommandTest.Run r = ScoreCommandTest.run("link", in.toString(), "--out", links.toString(), "--clusters", clusters.toString(),
          "--hash-key-file", key.toString(), "--threads", threads);
      assertThat(r.exit()).as(r.err()).isEqualTo(RedflagCommand.EXIT_BAD_RECORDS);
      outputs.add(Files.readAllBytes(links));
      outputs.add(Files.readAllBytes(clusters));
    }
    assertThat(outputs.get(2)).isEqualTo(outputs.get(0));
    assertThat(outputs.get(3)).isEqualTo(outputs.get(1));
    assertThat(new String(outputs.get(1), StandardCharsets.UTF_8)).contains("\"cluster\"");
  }

  @Test
  void aThreadCountBelowOneIsAUsageError() {
    ScoreCommandTest.Run r = ScoreCommandTest.run("score", EXAMPLES.toString(), "--threads", "0");
    assertThat(r.exit()).isEqualTo(RedflagCommand.EXIT_USAGE);
    assertThat(r.err()).contains("--threads must be 1 or more, was 0");
    assertThat(r.out()).isEmpty();
  }
}
