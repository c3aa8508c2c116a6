package org.redflag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redflag.io.AdvertJson;
import org.redflag.risk.Activations;
import org.redflag.risk.LogisticRiskModel;
import org.redflag.fit.synth.SyntheticAdverts;

class CalibrateCommandTest {
  @TempDir Path dir;

  Path data(int rows, long seed) throws IOException {
    Path f = dir.resolve("labelled.jsonl");
    Files.write(f, SyntheticAdverts.sample(SyntheticAdverts.standardModel(), rows, seed).lines(), StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void fitsWritesModelAndReportAndScoreUsesTheModel() throws IOException {
    Path in = data(1200, 3);
    Path model = dir.resolve("model.json");
    Path report = dir.resolve("report.html");
    ScoreCommandTest.Run r = ScoreCommandTest.run("calibrate", in.toString(), "--out", model.toString(), "--report", report.toString(),
        "--trained-at", "2026-01-01T00:00:00Z", "--model-id", "local-test");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("fitted local-test@1 on 1200 adverts").contains("cross-validated ROC AUC");
    LogisticRiskModel m = LogisticRiskModel.read(model);
    assertThat(m.weights()).containsKeys("control.third-party", "language.trust", "availability.unlimited");
    assertThat(m.weights().get("control.third-party").weight()).isPositive(); // true weight +1.5
    assertThat(m.weights().get("language.trust").weight()).isNegative(); // true weight -0.4
    assertThat(m.training().rows()).isEqualTo(1200);
    assertThat(m.training().packs()).anySatisfy(p -> assertThat(p).startsWith("core-en@"));
    assertThat(m.training().trainedAt()).isEqualTo("2026-01-01T00:00:00Z");
    String html = Files.readString(report);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("language.trust").doesNotContain("<script");

    // the same command twice writes the same bytes
    Path again = dir.resolve("again.json");
    ScoreCommandTest.run("calibrate", in.toString(), "--out", again.toString(), "--trained-at", "2026-01-01T00:00:00Z", "--model-id", "local-test");
    assertThat(Files.readString(again)).isEqualTo(Files.readString(model));

    ScoreCommandTest.Run s = ScoreCommandTest.run("score", in.toString(), "--model", model.toString());
    assertThat(s.exit()).as(s.err()).isZero();
    List<JsonNode> out = s.lines();
    assertThat(out).hasSize(1200);
    List<String> lines = Files.readAllLines(in);
    for (int i = 0; i < 20; i++) {
      JsonNode a = out.get(i);
      assertThat(a.get("model").asText()).isEqualTo("local-test@1");
      double expected = m.score(activations(a)).score();
      assertThat(a.get("score").asDouble()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6)); // printed to 6 decimals
      assertThat(AdvertJson.parse(lines.get(i)).id()).isEqualTo(a.get("id").asText());
    }
  }

  /** Model input rebuilt from an assessment line (strengths are printed rounded; synthetic ones are 0 or 1). */
  static Activations activations(JsonNode assessment) {
    java.util.Map<String, Double> s = new java.util.TreeMap<>();
    for (JsonNode i : assessment.get("indicators")) s.put(i.get("id").asText(), i.get("strength").asDouble());
    return new Activations(s, java.util.Map.of());
  }

  @Test
  void invalidLinesAreReportedWithLineNumbersAndNothingIsWrittenUnlessSkipped() throws IOException {
    Path in = data(300, 4);
    List<String> lines = new ArrayList<>(Files.readAllLines(in));
    lines.set(2, lines.get(2).replace("\"label\":0", "\"label\":\"yes\"").replace("\"label\":1", "\"label\":\"yes\""));
    lines.set(9, "{not json");
    lines.set(19, lines.get(19).replaceAll(",\"label\":[01]", ""));
    lines.set(29, lines.get(29).replace("\"text\":", "\"txt\":"));
    lines.set(39, "");
    // issue 24, reproduction 1: a parser size limit (Jackson's exception has no location) is that line's error too
    lines.set(49, "{\"id\":\"n\",\"text\":\"x\",\"label\":1,\"v\":" + "1".repeat(1001) + "}");
    Files.write(in, lines);
    Path model = dir.resolve("model.json");
    String[] args = {"calibrate", in.toString(), "--out", model.toString()};
    ScoreCommandTest.Run r = ScoreCommandTest.run(args);
    assertThat(r.exit()).isEqualTo(RedflagCommand.EXIT_BAD_RECORDS);
    assertThat(r.err()).contains("labelled.jsonl line 3: $.label: expected 0, 1, true or false")
        .contains("labelled.jsonl line 10: $: invalid JSON at column")
        .contains("labelled.jsonl line 20: $.label: required; expected 0, 1, true or false")
        .contains("labelled.jsonl line 30: $.text")
        .contains("labelled.jsonl line 40: $: empty line")
        .contains("labelled.jsonl line 50: $: JSON number longer than")
        .contains("6 of 300 lines are invalid").contains("No model was written")
        .doesNotContain("Text my manager").doesNotContain("companion").doesNotContain("Exception").doesNotContain("1111");
    assertThat(model).doesNotExist();

    String[] skip = java.util.Arrays.copyOf(args, args.length + 1);
    skip[args.length] = "--skip-errors";
    ScoreCommandTest.Run s = ScoreCommandTest.run(skip);
    assertThat(s.exit()).as(s.err()).isZero();
    assertThat(s.err()).contains("line 3:").contains("skipped 6 invalid of 300 lines; fitting on 294");
    assertThat(LogisticRiskModel.read(model).training().rows()).isEqualTo(294);
  }

  @Test
  void theExampleModelInTheDocsIsWhatTheDocumentedCommandProduces() throws IOException {
    Path in = data(3000, 7);
    Path model = dir.resolve("example.json");
    ScoreCommandTest.Run r = ScoreCommandTest.run("calibrate", in.toString(), "--model-id", "synthetic-example", "--trained-at", "2026-01-01T00:00:00Z", "--bootstrap", "200",
        "--out", model.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    LogisticRiskModel fresh = LogisticRiskModel.read(model);
    LogisticRiskModel docs = LogisticRiskModel.read(Path.of("..", "docs", "examples", "calibrated-model.json"));
    // indicators outside the generating model never fire on synthetic adverts (weight 0): compare the model's ones
    for (SyntheticAdverts.Term t : SyntheticAdverts.standardModel().terms()) {
      String id = t.indicator();
      assertThat(docs.weights().get(id)).as(id).isEqualTo(fresh.weights().get(id));
    }
    assertThat(docs.intercept()).isEqualTo(fresh.intercept());
    assertThat(docs.calibration()).isEqualTo(fresh.calibration());
    assertThat(docs.training().metrics()).isEqualTo(fresh.training().metrics());
  }

  @Test
  void booleanLabelsAreAccepted() throws IOException {
    Path in = data(200, 5);
    List<String> lines = Files.readAllLines(in).stream()
        .map(l -> l.replace("\"label\":1", "\"label\":true").replace("\"label\":0", "\"label\":false")).toList();
    Files.write(in, lines);
    ScoreCommandTest.Run r = ScoreCommandTest.run("calibrate", in.toString(), "--out", dir.resolve("m.json").toString(), "--calibration", "platt", "--activation", "strength", "--l1", "0.5", "--bootstrap", "20");
    assertThat(r.exit()).as(r.err()).isZero();
    LogisticRiskModel m = LogisticRiskModel.read(dir.resolve("m.json"));
    assertThat(m.calibration().method()).isEqualTo("platt");
    assertThat(m.activation().fileName()).isEqualTo("strength");
    assertThat(m.training().settings()).containsEntry("bootstrap", "20 replicates, percentile intervals").containsEntry("l1", "0.5");
  }

  @Test
  void degenerateDataAndBadOptionsGiveOneClearLine() throws IOException {
    Path in = data(100, 6);
    Files.write(in, Files.readAllLines(in).stream().map(l -> l.replace("\"label\":1", "\"label\":0")).toList());
    ScoreCommandTest.Run r = ScoreCommandTest.run("calibrate", in.toString(), "--out", dir.resolve("m.json").toString());
    assertThat(r.exit()).isEqualTo(RedflagCommand.EXIT_USAGE);
    assertThat(r.err().strip()).isEqualTo("redflag: cannot fit a model on labelled.jsonl: all 100 labels are 0 (negative); a model needs both classes");
    ScoreCommandTest.Run bad = ScoreCommandTest.run("calibrate", in.toString(), "--out", dir.resolve("m.json").toString(), "--calibration", "magic");
    assertThat(bad.exit()).isEqualTo(RedflagCommand.EXIT_USAGE);
    assertThat(bad.err().strip()).isEqualTo("redflag: --calibration must be auto, none, platt or isotonic, was 'magic'");
    ScoreCommandTest.Run folds = ScoreCommandTest.run("calibrate", in.toString(), "--out", dir.resolve("m.json").toString(), "--folds", "1");
    assertThat(folds.err().strip()).isEqualTo("redflag: cross-validation needs at least 2 folds, was 1");
    ScoreCommandTest.Run bands = ScoreCommandTest.run("calibrate", in.toString(), "--out", dir.resolve("m.json").toString(), "--bands", "0.7,0.3");
    assertThat(bands.err().strip()).isEqualTo("redflag: band thresholds must satisfy 0 < elevated < high < 1, were 0.7, 0.3");
    assertThat(ScoreCommandTest.run("calibrate", in.toString(), "--out", "x.json", "--bands", "high").err().strip())
        .isEqualTo("redflag: --bands needs two numbers ELEVATED,HIGH such as 0.25,0.6, was 'high'");
    assertThat(dir.resolve("m.json")).doesNotExist();
  }

  @Test
  void researchOutputsGroupTheFoldsAndAgreeWithTheOutOfFoldFile() throws IOException {
    // every synthetic advert re-posted under a shared "cluster" key, 2 or 3 times
    List<String> lines = new ArrayList<>();
    List<String> originals = SyntheticAdverts.sample(SyntheticAdverts.standardModel(), 400, 5).lines();
    for (int i = 0; i < originals.size(); i++) {
      for (int c = 0; c < 2 + i % 2; c++) {
        com.fasterxml.jackson.databind.node.ObjectNode o = (com.fasterxml.jackson.databind.node.ObjectNode) ScoreCommandTest.JSON.readTree(originals.get(i));
        o.put("id", o.get("id").asText() + "-" + c);
        o.put("cluster", i);
        lines.add(o.toString());
      }
    }
    Path in = dir.resolve("grouped.jsonl");
    Files.write(in, lines, StandardCharsets.UTF_8);
    Path oof = dir.resolve("oof.jsonl");
    Path metrics = dir.resolve("metrics.json");
    Path report = dir.resolve("report.html");
    ScoreCommandTest.Run r = ScoreCommandTest.run("calibrate", in.toString(), "--out", dir.resolve("m.json").toString(), "--group-by", "cluster",
        "--oof", oof.toString(), "--metrics", metrics.toString(), "--report", report.toString(), "--metric-bootstrap", "200",
        "--trained-at", "2026-01-01T00:00:00Z");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("folds grouped by cluster").contains("default-prior");

    List<String> oofLines = Files.readAllLines(oof);
    assertThat(oofLines).hasSameSizeAs(lines);
    java.util.Map<Integer, Integer> foldOfCluster = new java.util.HashMap<>();
    double[] p = new double[lines.size()];
    int[] y = new int[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      JsonNode in1 = ScoreCommandTest.JSON.readTree(lines.get(i));
      JsonNode o = ScoreCommandTest.JSON.readTree(oofLines.get(i));
      List<String> fields = new ArrayList<>();
      o.fieldNames().forEachRemaining(fields::add);
      assertThat(fields).containsExactly("id", "fold", "label", "score");
      assertThat(o.get("id").asText()).isEqualTo(in1.get("id").asText());
      assertThat(o.get("label").asInt()).isEqualTo(in1.get("label").asInt());
      assertThat(o.get("fold").asInt()).isBetween(1, 5);
      Integer before = foldOfCluster.putIfAbsent(in1.get("cluster").asInt(), o.get("fold").asInt());
      if (before != null) assertThat(o.get("fold").asInt()).as("re-posts share a fold").isEqualTo(before);
      p[i] = o.get("score").asDouble();
      y[i] = o.get("label").asInt();
    }
    JsonNode m = ScoreCommandTest.JSON.readTree(metrics.toFile());
    assertThat(m.get("grouped").asBoolean()).isTrue();
    assertThat(m.get("bootstrap").get("resamples").asText()).isEqualTo("groups");
    // the metrics are those of the out-of-fold file's scores
    double good = 0;
    long pairs = 0;
    for (int i = 0; i < p.length; i++) for (int j = 0; j < p.length; j++) {
      if (y[i] == 1 && y[j] == 0) { pairs++; good += p[i] > p[j] ? 1 : p[i] == p[j] ? 0.5 : 0; }
    }
    assertThat(m.get("fitted").get("auc").asDouble()).isCloseTo(good / pairs, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(m.get("fitted").get("folds")).hasSize(5);
    assertThat(m.get("comparison").get("name").asText()).startsWith("default-prior@");
    assertThat(m.get("comparison").get("folds")).hasSize(5);
    List<String> ablated = new ArrayList<>();
    m.get("ablation").get("withoutIndicator").forEach(a -> ablated.add(a.get("indicator").asText()));
    // every indicator of the generating model, in column (id) order; the others never fire and have nothing to ablate
    assertThat(ablated).containsExactlyElementsOf(SyntheticAdverts.standardModel().terms().stream().map(SyntheticAdverts.Term::indicator).sorted().toList());
    assertThat(Files.readString(report)).contains("Drop-one ablation", "Per-fold metrics", "Operating points", "whole groups");
  }

  @Test
  void aMissingGroupKeyIsAnErrorNamingTheLineAndField() throws IOException {
    Path in = data(100, 6);
    ScoreCommandTest.Run r = ScoreCommandTest.run("calibrate", in.toString(), "--out", dir.resolve("m.json").toString(), "--group-by", "cluster");
    assertThat(r.exit()).isEqualTo(RedflagCommand.EXIT_BAD_RECORDS);
    assertThat(r.err()).contains("labelled.jsonl line 1: $.cluster: required by --group-by").doesNotContain("\tat ");
    assertThat(Files.exists(dir.resolve("m.json"))).isFalse();
  }

  @Test
  void linksFromRedflagLinkKeepEachClusterInOneFold() throws IOException {
    List<String> lines = new ArrayList<>();
    List<String> originals = SyntheticAdverts.sample(SyntheticAdverts.standardModel(), 300, 9).lines();
    for (int i = 0; i < originals.size(); i++) {
      for (int c = 0; c < 1 + i % 3; c++) {
        com.fasterxml.jackson.databind.node.ObjectNode o = (com.fasterxml.jackson.databind.node.ObjectNode) ScoreCommandTest.JSON.readTree(originals.get(i));
        o.put("id", o.get("id").asText() + "-" + c);
        // re-posts share a fictional number (555-01xx), which is what links them
        o.putArray("contacts").add(String.format(java.util.Locale.ROOT, "%03d-555-01%02d", 200 + i / 100, i % 100));
        lines.add(o.toString());
      }
    }
    Path in = dir.resolve("labelled-linked.jsonl");
    Files.write(in, lines, StandardCharsets.UTF_8);
    Path links = dir.resolve("links.jsonl");
    ScoreCommandTest.Run l = ScoreCommandTest.run("link", in.toString(), "--out", links.toString());
    assertThat(l.exit()).as(l.err()).isZero();
    Path oof = dir.resolve("oof-linked.jsonl");
    ScoreCommandTest.Run r = ScoreCommandTest.run("calibrate", in.toString(), "--out", dir.resolve("m.json").toString(), "--links",
        links.toString(), "--group-by", "cluster", "--oof", oof.toString(), "--trained-at", "2026-01-01T00:00:00Z");
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> linkLines = Files.readAllLines(links), oofLines = Files.readAllLines(oof);
    java.util.Map<String, Integer> foldOfCluster = new java.util.HashMap<>();
    int multi = 0;
    for (int i = 0; i < lines.size(); i++) {
      JsonNode link = ScoreCommandTest.JSON.readTree(linkLines.get(i));
      JsonNode o = ScoreCommandTest.JSON.readTree(oofLines.get(i));
      if (link.get("clusterSize").asInt() > 1) multi++;
      Integer before = foldOfCluster.putIfAbsent(link.get("cluster").asText(), o.get("fold").asInt());
      if (before != null) assertThat(o.get("fold").asInt()).as("a cluster stays in one fold").isEqualTo(before);
    }
    assertThat(multi).isGreaterThan(300);
  }

  @Test
  void linksOfAnotherFileAreRefusedWithAClearError() throws IOException {
    Path in = data(100, 6);
    Path links = dir.resolve("other-links.jsonl");
    Files.writeString(links, "{\"id\":\"not-this-one\",\"cluster\":\"c-x\",\"clusterSize\":1,\"linkedBy\":[],\"template\":null}\n");
    ScoreCommandTest.Run r = ScoreCommandTest.run("calibrate", in.toString(), "--out", dir.resolve("m.json").toString(), "--links", links.toString(),
        "--group-by", "cluster");
    assertThat(r.exit()).isEqualTo(RedflagCommand.EXIT_BAD_RECORDS);
    assertThat(r.err()).contains("--links line 1 is not the link record of advert").doesNotContain("\tat ");
    ScoreCommandTest.Run noGroup = ScoreCommandTest.run("calibrate", in.toString(), "--out", dir.resolve("m.json").toString(), "--links", links.toString());
    assertThat(noGroup.exit()).isEqualTo(RedflagCommand.EXIT_USAGE);
    assertThat(noGroup.err()).contains("--links needs --group-by");
  }
}
