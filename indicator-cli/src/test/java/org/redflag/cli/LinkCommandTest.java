package org.redflag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkCommandTest {
  static final String BODY = "Sweet and discreet companion, new in town for a few days only. Clean private apartment near the station, "
      + "no rush. Text me to book, serious clients only.";

  @Test
  void oneLinePerInputLineWithErrorsInPlaceClustersAndReport(@TempDir Path dir) throws Exception {
    Path ads = dir.resolve("ads.jsonl");
    Files.writeString(ads, String.join("\n",
        "{\"id\":\"a\",\"text\":\"" + BODY + " I am 19 years old. Call 555-010-0123\",\"site\":\"board-1\",\"market\":\"metro-a\"}",
        "{\"id\":\"b\",\"text\":\"Relaxing massage studio near the park, open late, walk ins welcome\",\"contacts\":[\"+1 555 010 0199\"]}",
        "not json",
        "{\"id\":\"c\",\"text\":\"" + BODY.replace("few days", "couple of days") + " I am 18 years old.\",\"site\":\"board-2\"}",
        "{\"id\":\"d\",\"text\":\"Different words entirely, ask for details, five five five zero one zero zero one nine nine\"}",
        "{\"id\":\"e\",\"text\":\"Nothing shared here at all with anyone else in this little test file\"}") + "\n", StandardCharsets.UTF_8);
    Path links = dir.resolve("links.jsonl"), clusters = dir.resolve("clusters.jsonl"), report = dir.resolve("report.html");
    ScoreCommandTest.Run r = ScoreCommandTest.run("link", ads.toString(), "--out", links.toString(), "--clusters", clusters.toString(),
        "--report", report.toString(), "--default-country-code", "1");
    assertThat(r.exit()).isEqualTo(RedflagCommand.EXIT_BAD_RECORDS);
    List<JsonNode> l = read(links);
    assertThat(l).hasSize(6);
    assertThat(l.get(2).get("line").asInt()).isEqualTo(3);
    assertThat(l.get(2).get("error").asText()).contains("invalid JSON");
    assertThat(l.get(0).get("cluster").asText()).isEqualTo("c-a");
    assertThat(l.get(3).get("cluster").asText()).isEqualTo("c-a");
    assertThat(l.get(3).get("template").asText()).isEqualTo("t-a");
    assertThat(l.get(1).get("cluster").asText()).isEqualTo("c-b");
    assertThat(l.get(4).get("cluster").asText()).isEqualTo("c-b");
    assertThat(l.get(4).get("linkedBy").toString()).isEqualTo("[\"identifier\"]");
    assertThat(l.get(5).get("cluster").asText()).isEqualTo("c-e");
    assertThat(l.get(5).get("clusterSize").asInt()).isEqualTo(1);
    assertThat(l.get(5).get("template").isNull()).isTrue();
    List<JsonNode> c = read(clusters);
    assertThat(c).extracting(x -> x.get("cluster").asText()).containsExactly("c-a", "c-b");
    JsonNode first = c.get(0);
    assertThat(first.get("sites").asInt()).isEqualTo(2);
    assertThat(first.get("statedAges").get("distinct").asInt()).isEqualTo(2);
    JsonNode edit = first.get("templates").get(0).get("edits").get(0);
    assertThat(edit.get("statedAge").asText()).isEqualTo("lowered");
    // no stated age leaks: no value in the cluster record is 18 or 19 or a text naming them (scores such
    // as 0.119203 may contain the digits, so the check is per value, not over the serialised line)
    List<String> values = new ArrayList<>();
    collectValues(first, values);
    assertThat(values).isNotEmpty().noneMatch(v -> v.equals("18") || v.equals("19") || v.matches(".*\\b1[89]\\b.*"));
    String html = Files.readString(report);
    assertThat(html).contains("<svg").contains("t-a").contains("lowered").doesNotContain("<script");
  }

  @Test
  void badOptionIsAUsageError(@TempDir Path dir) throws Exception {
    Path ads = dir.resolve("ads.jsonl");
    Files.writeString(ads, "{\"id\":\"a\",\"text\":\"x\"}\n");
    ScoreCommandTest.Run r = ScoreCommandTest.run("link", ads.toString(), "--out", dir.resolve("o").toString(), "--hub-threshold", "0");
    assertThat(r.exit()).isEqualTo(RedflagCommand.EXIT_USAGE);
    assertThat(r.err()).contains("hub threshold");
  }

  private static List<JsonNode> read(Path p) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String s : Files.readAllLines(p, StandardCharsets.UTF_8)) out.add(ScoreCommandTest.JSON.readTree(s));
    return out;
  }

  private static void collectValues(JsonNode n, List<String> out) {
    if (n.isContainerNode()) n.forEach(x -> collectValues(x, out));
    else if (n.isTextual()) out.add(n.asText());
    else if (n.isIntegralNumber()) out.add(n.asText());
  }
}
