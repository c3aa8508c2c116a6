package org.redflag.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redflag.fit.synth.SyntheticAdverts;
import org.redflag.pack.PackLoader;
import org.redflag.pack.PackSet;
import org.redflag.price.MarketBaselines;
import org.redflag.risk.LogisticRiskModel;

/**
 * The schemas of Redflag's input files (packs, models, baselines) against the files Redflag ships and
 * writes, and against the readers: a file the reader rejects for a reason the schema can express is
 * invalid under the schema too.
 */
class FileSchemasTest {
  @TempDir Path dir;

  @Test
  void everySchemaIsA2020_12SchemaWithAVersionedId() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(Schemas.DIR)) {
      files = s.filter(p -> p.toString().endsWith(".schema.json")).sorted().toList();
    }
    List<String> names = files.stream().map(p -> p.getFileName().toString().replace(".schema.json", "")).toList();
    assertThat(names).contains("advert", "assessment", "error", "pack", "model", "baseline", "evaluate", "link", "report");
    TreeSet<String> versions = new TreeSet<>();
    for (Path f : files) {
      JsonNode schema = Schemas.read(f);
      String name = f.getFileName().toString().replace(".schema.json", "");
      assertThat(Schemas.metaSchema().validate(schema)).as(name).isEmpty();
      assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
      String id = schema.path("$id").asText();
      assertThat(id).as(name).matches("urn:redflag:schema:" + name + ":\\d+\\.\\d+\\.\\d+");
      versions.add(id.substring(id.lastIndexOf(':') + 1));
      assertThat(schema.path("title").asText()).isNotBlank();
    }
    assertThat(versions).as("one format version for all schemas").hasSize(1);
  }

  @Test
  void shippedPacksAndTheExampleOverlayAreValid() throws IOException {
    Map<String, JsonNode> packs = shippedPacks();
    assertThat(packs).hasSizeGreaterThanOrEqualTo(7);
    packs.forEach((name, pack) -> assertThat(Schemas.problems("pack", pack)).as(name).isEmpty());
  }

  /** Mutations the loader rejects are invalid under the schema too (and the unmutated packs load). */
  @Test
  void packSchemaRejectsWhatTheLoaderRejects() throws IOException {
    JsonNode base = Schemas.read(Path.of("../indicator-core/src/main/resources/org/redflag/packs/core-en.json"));
    JsonNode overlay = Schemas.read(Path.of("../docs/examples/overlay-en-metro-a.json"));
    Map<String, Consumer<ObjectNode>> onBase = new LinkedHashMap<>();
    onBase.put("unknown top-level field", p -> p.put("colour", "red"));
    onBase.put("upper-case id", p -> p.put("id", "Core-EN"));
    onBase.put("missing version", p -> p.remove("version"));
    onBase.put("remove in a base pack", p -> p.putArray("remove").add("en.x"));
    onBase.put("reprior in a base pack", p -> p.putObject("reprior").putObject("movement").put("prior", 1).put("reason", "r"));
    onBase.put("no entries in a base pack", p -> p.putArray("entries"));
    onBase.put("entry without source", p -> entry(p).remove("source"));
    onBase.put("entry without patterns or tags", p -> { entry(p).remove("patterns"); entry(p).remove("tags"); });
    onBase.put("entry with an unknown field", p -> entry(p).put("colour", "red"));
    onBase.put("entry weight above 1", p -> entry(p).put("weight", 1.5));
    onBase.put("bad indicator id", p -> entry(p).put("indicator", "Movement"));
    onBase.put("tag without namespace", p -> { entry(p).remove("patterns"); entry(p).putArray("tags").add("crown"); });
    onBase.put("unknown boundary", p -> entry(p).put("boundary", "sentence"));
    onBase.put("negation window 7", p -> ((ObjectNode) p.get("negation")).put("window", 7));
    onBase.put("declaration without reason", p -> ((ObjectNode) p.get("indicators").get(0)).remove("reason"));
    onBase.put("boost without factor", p -> entry(p).putObject("context").put("name", "adult").put("mode", "boost"));
    onBase.put("require with a factor", p -> entry(p).putObject("context").put("name", "adult").put("factor", 2));
    Map<String, Consumer<ObjectNode>> onOverlay = new LinkedHashMap<>();
    onOverlay.put("reweight above 1", p -> ((ObjectNode) p.get("reweight")).put("en.control.management", 2));
    onOverlay.put("reprior without reason", p -> p.putObject("reprior").putObject("movement").put("prior", 1));

    assertThat(loads(base)).isNull();
    assertThat(loads(overlay)).isNull();
    List<String> disagreements = new ArrayList<>();
    for (var cases : List.of(Map.entry(base, onBase), Map.entry(overlay, onOverlay))) {
      cases.getValue().forEach((what, mutation) -> {
        ObjectNode p = cases.getKey().deepCopy();
        mutation.accept(p);
        boolean schemaRejects = !Schemas.problems("pack", p).isEmpty();
        String loaderError = loads(p);
        if (!schemaRejects || loaderError == null) disagreements.add(what + ": schema rejects " + schemaRejects + ", loader " + loaderError);
      });
    }
    assertThat(disagreements).isEmpty();
  }

  @Test
  void shippedAndWrittenModelsAreValid() throws IOException {
    assertThat(Schemas.problems("model", Schemas.read(Path.of("../indicator-core/src/main/resources/"
        + LogisticRiskModel.DEFAULT_PRIOR_RESOURCE)))).isEmpty();
    assertThat(Schemas.problems("model", Schemas.read(Path.of("../docs/examples/calibrated-model.json")))).isEmpty();
    // what `redflag calibrate` writes, with both calibration methods and the training block
    Path data = dir.resolve("labelled.jsonl");
    Files.write(data, SyntheticAdverts.sample(SyntheticAdverts.standardModel(), 300, 5).lines(), StandardCharsets.UTF_8);
    for (String calibration : List.of("platt", "isotonic")) {
      Path model = dir.resolve(calibration + ".json");
      ScoreCommandTest.Run r = ScoreCommandTest.run("calibrate", data.toString(), "--out", model.toString(), "--calibration",
          calibration, "--interactions", "--folds", "2", "--metric-bootstrap", "0", "--trained-at", "2026-01-01T00:00:00Z");
      assertThat(r.exit()).as(r.err()).isZero();
      JsonNode written = Schemas.read(model);
      assertThat(written.path("calibration").path("method").asText()).isEqualTo(calibration);
      assertThat(Schemas.problems("model", written)).as(calibration).isEmpty();
    }
  }

  @Test
  void modelSchemaRejectsWhatTheReaderRejects() throws IOException {
    JsonNode model = Schemas.read(Path.of("../docs/examples/calibrated-model.json"));
    Map<String, Consumer<ObjectNode>> mutations = new LinkedHashMap<>();
    mutations.put("unknown format", m -> m.put("format", "redflag-model/9"));
    mutations.put("weight without reason", m -> ((ObjectNode) m.get("weights").elements().next()).remove("reason"));
    mutations.put("negative standard error", m -> ((ObjectNode) m.get("intercept")).put("se", -1));
    mutations.put("no bands", m -> m.remove("bands"));
    mutations.put("unknown activation", m -> m.put("activation", "square"));
    mutations.put("unknown calibration", m -> ((ObjectNode) m.get("calibration")).put("method", "magic"));
    mutations.put("version 1 with calibration", m -> m.put("format", "redflag-model/1"));
    mutations.put("negative training rows", m -> ((ObjectNode) m.get("training")).put("rows", -1));
    assertThat(Schemas.problems("model", model)).isEmpty();
    List<String> disagreements = new ArrayList<>();
    mutations.forEach((what, mutation) -> {
      ObjectNode m = model.deepCopy();
      mutation.accept(m);
      boolean schemaRejects = !Schemas.problems("model", m).isEmpty();
      boolean readerRejects;
      try {
        LogisticRiskModel.parse("m.json", m.toString());
        readerRejects = false;
      } catch (RuntimeException e) {
        readerRejects = true;
      }
      if (!schemaRejects || !readerRejects) disagreements.add(what + ": schema " + schemaRejects + ", reader " + readerRejects);
    });
    assertThat(disagreements).isEmpty();
  }

  @Test
  void shippedAndBuiltBaselinesAreValid() throws IOException {
    JsonNode example = Schemas.read(Path.of("../docs/examples/market.json"));
    assertThat(Schemas.problems("baseline", example)).isEmpty();
    Path out = dir.resolve("market.json");
    ScoreCommandTest.Run r = ScoreCommandTest.run("baseline", "build", "../docs/examples/market-ads.jsonl", "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Schemas.problems("baseline", Schemas.read(out))).isEmpty();

    Map<String, Consumer<ObjectNode>> mutations = new LinkedHashMap<>();
    mutations.put("other format", b -> b.put("format", "redflag-baseline/2"));
    mutations.put("negative count", b -> ((ObjectNode) b.get("baselines").get(0)).put("count", -3));
    mutations.put("missing sketch", b -> ((ObjectNode) b.get("baselines").get(0)).remove("sketch"));
    mutations.put("blank market", b -> ((ObjectNode) b.get("baselines").get(0)).put("market", " "));
    mutations.forEach((what, mutation) -> {
      ObjectNode b = example.deepCopy();
      mutation.accept(b);
      assertThat(Schemas.problems("baseline", b)).as(what).isNotEmpty();
      assertThatThrownBy(() -> MarketBaselines.parse(b.toString(), "market.json")).as(what).isInstanceOf(RuntimeException.class);
    });
  }

  private static ObjectNode entry(ObjectNode pack) { return (ObjectNode) ((ArrayNode) pack.get("entries")).get(0); }

  /** Null when PackLoader loads the pack, else its error message. */
  private static String loads(JsonNode pack) {
    try (InputStream in = new ByteArrayInputStream(pack.toString().getBytes(StandardCharsets.UTF_8))) {
      PackLoader.load("pack.json", in);
      return null;
    } catch (IOException | RuntimeException e) {
      return e.getMessage();
    }
  }

  private static Map<String, JsonNode> shippedPacks() throws IOException {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (String name : PackSet.DEFAULT_PACKS) {
      out.put(name, Schemas.read(Path.of("../indicator-core/src/main/resources/" + PackSet.DEFAULT_PACK_FOLDER + name)));
    }
    out.put("overlay-en-metro-a.json", Schemas.read(Path.of("../docs/examples/overlay-en-metro-a.json")));
    return out;
  }
}
