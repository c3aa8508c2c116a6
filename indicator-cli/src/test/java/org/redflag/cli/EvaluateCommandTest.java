package org.redflag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
  static final Path EXAMPLES = ScoreCommandTest.EXAMPLES;

  /** The example adverts with a seeded random coding over the catalogue ids and a random label. */
  static List<String> coded(List<String> catalogue, long seed) throws IOException {
    Random r = new Random(seed);
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(EXAMPLES, StandardCharsets.UTF_8)) {
      ObjectNode o = (ObjectNode) ScoreCommandTest.JSON.readTree(line);
      ArrayNode expect = o.putArray("expect");
      ArrayNode forbid = o.putArray("forbid");
      for (String id : catalogue) {
        double c = r.nextDouble();
        if (c < 0.3) expect.add(id); else if (c < 0.85) forbid.add(id);
      }
      o.put("label", r.nextInt(2));
      out.add(o.toString());
    }
    return out;
  }

  static List<String> catalogue() throws IOException {
    ScoreCommandTest.Run r = ScoreCommandTest.run("score", EXAMPLES.toString());
    Set<String> ids = new TreeSet<>();
    for (JsonNode a : r.lines()) for (JsonNode row : a.get("indicators")) ids.add(row.get("id").asText());
    ids.add("local.not-installed"); // coded but provided by no indicator: always a miss
    return new ArrayList<>(ids);
  }

  @Test
  void countsAgreeExactlyWithWhatScoreFires(@TempDir Path dir) throws IOException {
    Path in = dir.resolve("coded.jsonl");
    List<String> lines = coded(catalogue(), 42);
    Files.write(in, lines, StandardCharsets.UTF_8);
    Path metrics = dir.resolve("metrics.json");
    Path report = dir.resolve("eval.html");
    ScoreCommandTest.Run ev = ScoreCommandTest.run("evaluate", in.toString(), "--out", metrics.toString(), "--report", report.toString());
    assertThat(ev.exit()).as(ev.err()).isZero();
    assertThat(ev.out()).contains("evaluated 30 adverts");
    assertThat(ev.err()).contains("local.not-installed");
    JsonNode m = ScoreCommandTest.JSON.readTree(metrics.toFile());

    // the oracle: score's output lines, read independently of the evaluation code
    ScoreCommandTest.Run score = ScoreCommandTest.run("score", in.toString());
    assertThat(score.exit()).isZero();
    List<JsonNode> assessed = score.lines();
    Map<String, long[]> counts = new TreeMap<>(); // expected, found, forbidden, falseFires
    Map<String, List<String>> misses = new TreeMap<>();
    Map<String, List<String>> falseFires = new TreeMap<>();
    double[] p = new double[lines.size()];
    int[] y = new int[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      JsonNode input = ScoreCommandTest.JSON.readTree(lines.get(i));
      JsonNode a = assessed.get(i);
      Set<String> fired = new TreeSet<>();
      for (JsonNode row : a.get("indicators")) if (row.get("fired").asBoolean()) fired.add(row.get("id").asText());
      for (JsonNode e : input.get("expect")) {
        long[] c = counts.computeIfAbsent(e.asText(), k -> new long[4]);
        c[0]++;
        if (fired.contains(e.asText())) c[1]++; else misses.computeIfAbsent(e.asText(), k -> new ArrayList<>()).add(a.get("id").asText());
      }
      for (JsonNode f : input.get("forbid")) {
        long[] c = counts.computeIfAbsent(f.asText(), k -> new long[4]);
        c[2]++;
        if (fired.contains(f.asText())) { c[3]++; falseFires.computeIfAbsent(f.asText(), k -> new ArrayList<>()).add(a.get("id").asText()); }
      }
      p[i] = a.get("score").asDouble();
      y[i] = input.get("label").asInt();
    }
    long[] total = new long[4];
    List<String> reported = new ArrayList<>();
    m.get("indicators").fieldNames().forEachRemaining(reported::add);
    assertThat(reported).containsExactlyElementsOf(counts.keySet());
    for (Map.Entry<String, long[]> c : counts.entrySet()) {
      JsonNode row = m.get("indicators").get(c.getKey());
      long[] v = c.getValue();
      assertThat(new long[] {row.get("expected").asLong(), row.get("found").asLong(), row.get("forbidden").asLong(), row.get("falseFires").asLong()})
          .as(c.getKey()).containsExactly(v);
      assertThat(strings(row.get("misses"))).as(c.getKey()).isEqualTo(misses.getOrDefault(c.getKey(), List.of()));
      assertThat(strings(row.get("falseFireIds"))).as(c.getKey()).isEqualTo(falseFires.getOrDefault(c.getKey(), List.of()));
      for (int k = 0; k < 4; k++) total[k] += v[k];
    }
    JsonNode o = m.get("overall");
    assertThat(new long[] {o.get("expected").asLong(), o.get("found").asLong(), o.get("forbidden").asLong(), o.get("falseFires").asLong()})
        .containsExactly(total);
    assertThat(o.get("recall").asDouble()).isEqualTo((double) total[1] / total[0]);
    assertThat(m.get("indicators").get("local.not-installed").get("found").asInt()).isZero();
    assertThat(total[1]).as("the coding must exercise hits").isPositive();
    assertThat(total[3]).as("the coding must exercise false fires").isPositive();

    // labels: AUC by counting (positive, negative) pairs over score's scores
    double good = 0;
    long pairs = 0;
    for (int i = 0; i < p.length; i++) for (int j = 0; j < p.length; j++) {
      if (y[i] == 1 && y[j] == 0) { pairs++; good += p[i] > p[j] ? 1 : p[i] == p[j] ? 0.5 : 0; }
    }
    JsonNode l = m.get("labels");
    assertThat(l.get("n").asInt()).isEqualTo(p.length);
    assertThat(l.get("auc").asDouble()).isCloseTo(good / pairs, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(l.get("aucCi").get(0).asDouble()).isLessThanOrEqualTo(l.get("auc").asDouble());
    assertThat(l.get("aucCi").get(1).asDouble()).isGreaterThanOrEqualTo(l.get("auc").asDouble());

    String html = Files.readString(report);
    assertThat(html.split("<svg ", -1)).hasSize(4); // reliability, ROC, precision-recall
    assertThat(html).doesNotContain("<script").contains("Misses and false fires");
    for (List<String> ids : falseFires.values()) for (String id : ids) assertThat(html).contains("<h3>" + id + "</h3>");

    // the same run twice gives the same metrics (bootstrap seeded)
    ScoreCommandTest.Run again = ScoreCommandTest.run("evaluate", in.toString());
    assertThat(ScoreCommandTest.JSON.readTree(again.out())).isEqualTo(m);
  }

  @Test
  void badLinesGoToStandardErrorAndAreCounted(@TempDir Path dir) throws IOException {
    Path in = dir.resolve("in.jsonl");
    Files.writeString(in, String.join("\n",
        "{\"id\":\"a\",\"text\":\"call my manager\",\"expect\":[\"control.third-party\"]}",
        "{\"id\":\"b\",\"text\":\"x\",\"expect\":\"control.third-party\"}",
        "not json at all",
        "{\"id\":\"c\",\"text\":\"x\",\"expect\":[\"movement\"],\"forbid\":[\"availability.unlimited\",\"movement\"]}",
        "{\"id\":\"d\",\"text\":\"x\",\"label\":2}",
        "{\"id\":\"a\",\"text\":\"again\"}",
        "{\"id\":\"e\",\"text\":\"x\",\"forbid\":[\"movement\",\"movement\"]}",
        "{\"id\":\"f\",\"text\":\"fine\",\"forbid\":[\"movement\"]}") + "\n");
    ScoreCommandTest.Run r = ScoreCommandTest.run("evaluate", in.toString());
    assertThat(r.exit()).isEqualTo(RedflagCommand.EXIT_BAD_RECORDS);
    JsonNode m = ScoreCommandTest.JSON.readTree(r.out());
    assertThat(m.get("adverts").asInt()).isEqualTo(2);
    assertThat(m.get("invalid").asInt()).isEqualTo(6);
    assertThat(m.has("labels")).isFalse();
    List<JsonNode> errors = new ArrayList<>();
    for (String s : r.err().split("\n")) if (s.startsWith("{")) errors.add(ScoreCommandTest.JSON.readTree(s));
    assertThat(errors).extracting(e -> e.get("line").asInt()).containsExactly(2, 3, 4, 5, 6, 7);
    assertThat(errors.get(0).get("error").asText()).isEqualTo("$.expect: expected an array of indicator ids");
    assertThat(errors.get(1).get("error").asText()).startsWith("$: invalid JSON").doesNotContain("json at all");
    assertThat(errors.get(2).get("error").asText()).startsWith("$.forbid[1]: also listed in $.expect");
    assertThat(errors.get(3).get("error").asText()).isEqualTo("$.label: expected 0, 1, true or false");
    assertThat(errors.get(4).get("error").asText()).startsWith("$.id: duplicate id, first seen on line 1");
    assertThat(errors.get(5).get("error").asText()).isEqualTo("$.forbid[1]: indicator id listed twice");
    assertThat(r.err()).contains("6 of 8 input lines were invalid").doesNotContain("\tat ").doesNotContain("again");

    assertThat(ScoreCommandTest.run("evaluate", "--skip-errors", in.toString()).exit()).isZero();
  }

  @Test
  void usageAndOutputFailuresHaveTheirOwnExitCodes(@TempDir Path dir) throws IOException {
    ScoreCommandTest.Run missing = ScoreCommandTest.run("evaluate", dir.resolve("nope.jsonl").toString());
    assertThat(missing.exit()).isEqualTo(RedflagCommand.EXIT_USAGE);
    assertThat(missing.err()).startsWith("redflag: LABELLED: no such file").doesNotContain("\tat ");
    Path in = dir.resolve("in.jsonl");
    Files.writeString(in, "{\"id\":\"a\",\"text\":\"x\"}\n");
    ScoreCommandTest.Run cannotWrite = ScoreCommandTest.run("evaluate", in.toString(), "--out", dir.toString()); // a directory
    assertThat(cannotWrite.exit()).isEqualTo(RedflagCommand.EXIT_INCOMPLETE);
    assertThat(cannotWrite.err()).doesNotContain("\tat ");
  }

  static List<String> strings(JsonNode a) {
    List<String> s = new ArrayList<>();
    a.forEach(x -> s.add(x.asText()));
    return s;
  }
}
