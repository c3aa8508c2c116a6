package org.redflag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PacksCommandTest {

  static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = RedflagCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new String[] {String.valueOf(exit), out.toString(), err.toString()};
  }

  @Test
  void listShowsPacksIndicatorsAndModel() {
    String[] r = run("packs", "list");
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).contains("core-en@").contains("control.third-party").contains("model: default-prior@");
  }

  @Test
  void validateReportsFileAndPathOrComposes(@TempDir Path dir) throws IOException {
    Path good = dir.resolve("local.json");
    Files.writeString(good, "{\"id\":\"local\",\"version\":\"1\",\"language\":\"en\",\"entries\":["
        + "{\"id\":\"local.handler\",\"indicator\":\"control.third-party\",\"patterns\":[\"ask my handler\"],\"source\":\"local team\"}]}");
    String[] ok = run("packs", "validate", good.toString());
    assertThat(ok[0]).as(ok[2]).isEqualTo("0");
    assertThat(ok[1]).contains("ok      ").contains("local@1").contains("composed with the default packs: ok");

    Path unknownIndicator = dir.resolve("unknown.json");
    Files.writeString(unknownIndicator, "{\"id\":\"u\",\"version\":\"1\",\"language\":\"en\",\"entries\":["
        + "{\"id\":\"u.x\",\"indicator\":\"no.such\",\"patterns\":[\"x\"],\"source\":\"s\"}]}");
    String[] bad = run("packs", "validate", unknownIndicator.toString());
    assertThat(bad[0]).isEqualTo("1");
    assertThat(bad[2]).contains("invalid composition").contains("names indicator 'no.such', which no loaded pack declares");

    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"id\":\"b\",\"version\":\"1\",\"language\":\"en\",\"entries\":[{\"id\":\"b.x\",\"indicator\":\"a.b\",\"patterns\":[\"(x\"],\"source\":\"s\"}]}");
    String[] b = run("packs", "validate", broken.toString());
    assertThat(b[0]).isEqualTo("1");
    assertThat(b[2]).contains("invalid broken.json: $.entries[0].patterns[0]: unclosed '('");
  }

  /** The done-when check of docs/packs.md: a new indicator from one --pack file, no Java code, no flag. */
  static final String LOCAL_PACK = "{\"id\":\"local-gold\",\"version\":\"1\",\"language\":\"en\","
      + "\"indicators\":[{\"id\":\"local.gold-payment\",\"description\":\"Payment is asked for in gold only.\","
      + "\"prior\":0.8,\"reason\":\"Local case reviews.\",\"source\":\"local team\"}],"
      + "\"entries\":[{\"id\":\"local.gold.only\",\"indicator\":\"local.gold-payment\",\"patterns\":[\"(gold|jewellery) only\"],"
      + "\"source\":\"local team\"}]}";

  @Test
  void aPackDeclaredIndicatorFiresAndAddsItsPriorInScore(@TempDir Path dir) throws IOException {
    Path pack = dir.resolve("local.json");
    Files.writeString(pack, LOCAL_PACK);
    Path ads = dir.resolve("ads.jsonl");
    Files.writeString(ads, "{\"id\":\"a\",\"text\":\"Gold only.\"}\n{\"id\":\"b\",\"text\":\"Cash only.\"}\n");
    ScoreCommandTest.Run r = ScoreCommandTest.run("score", ads.toString(), "--pack", pack.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    var lines = r.lines();
    var row = lines.get(0).get("indicators").findParents("id").stream()
        .filter(n -> n.get("id").asText().equals("local.gold-payment")).findFirst().orElseThrow();
    assertThat(row.get("fired").asBoolean()).isTrue();
    assertThat(row.get("contribution").asDouble()).isEqualTo(0.8);
    double logit = Math.log(lines.get(0).get("score").asDouble() / (1 - lines.get(0).get("score").asDouble()));
    double quiet = Math.log(lines.get(1).get("score").asDouble() / (1 - lines.get(1).get("score").asDouble()));
    assertThat(logit - quiet).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-4)); // scores are printed rounded
    assertThat(lines.get(0).get("packs").toString()).contains("local-gold@1");
  }

  @Test
  void thePackIndicatorsFlagIsADeprecatedNoOpThatWarns(@TempDir Path dir) throws IOException {
    Path pack = dir.resolve("local.json");
    Files.writeString(pack, LOCAL_PACK);
    String[] without = run("packs", "list", "--pack", pack.toString());
    String[] with = run("packs", "list", "--pack", pack.toString(), "--pack-indicators");
    assertThat(with[0]).isEqualTo("0");
    assertThat(with[1]).isEqualTo(without[1]).contains("local.gold-payment");
    assertThat(with[2]).contains("--pack-indicators is deprecated and does nothing");
    assertThat(without[2]).isEmpty();
  }

  @Test
  void listAndExplainReportIndicatorsTheModelDoesNotWeigh(@TempDir Path dir) throws IOException {
    Path pack = dir.resolve("local.json");
    Files.writeString(pack, LOCAL_PACK);
    Path model = dir.resolve("model.json");
    Files.writeString(model, "{\"format\":\"redflag-model/2\",\"id\":\"local\",\"version\":\"1\",\"intercept\":{\"weight\":-2,\"reason\":\"r\"},"
        + "\"weights\":{\"control.third-party\":{\"weight\":1,\"reason\":\"r\"}},\"bands\":{\"elevated\":0.25,\"high\":0.6}}");
    String[] list = run("packs", "list", "--pack", pack.toString(), "--model", model.toString());
    assertThat(list[0]).isEqualTo("0");
    assertThat(list[1]).containsPattern("not weighted by model local@1 .*: .*local\\.gold-payment")
        .doesNotContain("control.third-party, ").doesNotContainPattern("not weighted.*control\\.third-party");
    String[] explain = run("explain", "--text", "Gold only", "--pack", pack.toString(), "--model", model.toString());
    assertThat(explain[0]).isEqualTo("0");
    assertThat(explain[1]).contains("local.gold-payment: strength 1.00, +0.00 log-odds")
        .containsPattern("not weighted by model local@1 .*local\\.gold-payment");
    String[] defaults = run("packs", "list", "--pack", pack.toString());
    assertThat(defaults[1]).doesNotContain("not weighted");
  }
}
