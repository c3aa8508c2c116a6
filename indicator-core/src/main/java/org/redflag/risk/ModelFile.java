package org.redflag.risk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.redflag.risk.LogisticRiskModel.Weight;

/**
 * The {@code redflag-model/2} file format of {@link LogisticRiskModel} (and reading
 * {@code redflag-model/1}): parsing with errors that name the file, the JSON path and the reason,
 * and writing in a fixed key order with doubles in Java's shortest round-trip form, so
 * {@code read(write(m)).equals(m)} holds bit for bit. Kept apart from the model so the maths does not
 * depend on Jackson and the format can change without touching scoring.
 */
final class ModelFile {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ModelFile() {}

  /** The documented default prior shipped with Redflag. */
  static LogisticRiskModel defaultPrior() {
    // through the class, not its loader: on the module path the resource is in this module's own package
    InputStream in = ModelFile.class.getResourceAsStream("/" + LogisticRiskModel.DEFAULT_PRIOR_RESOURCE);
    if (in == null) throw new IllegalStateException("default prior missing from class path: " + LogisticRiskModel.DEFAULT_PRIOR_RESOURCE);
    try (in) {
      return read("default-prior.json", JSON.readTree(in));
    } catch (IOException e) {
      throw new IllegalStateException("default prior unreadable", e);
    }
  }

  /** Reads a model file; failures name the file, the JSON path and the reason. */
  static LogisticRiskModel read(Path file) {
    String name = file.getFileName().toString();
    JsonNode root;
    try (InputStream in = Files.newInputStream(file)) {
      root = JSON.readTree(in);
    } catch (JsonProcessingException e) {
      throw new ModelFormatException(name, "$", "invalid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ModelFormatException(name, "$", "cannot read file: " + e.getClass().getSimpleName());
    }
    return read(name, root);
  }

  /** Parses a model from JSON text; {@code name} is used in error messages. */
  static LogisticRiskModel parse(String name, String json) {
    try {
      return read(name, JSON.readTree(json));
    } catch (JsonProcessingException e) {
      throw new ModelFormatException(name, "$", "invalid JSON: " + e.getOriginalMessage());
    }
  }

  static LogisticRiskModel read(String name, JsonNode root) {
    if (root == null || !root.isObject()) throw new ModelFormatException(name, "$", "a model must be a JSON object");
    JsonNode format = root.get("format");
    boolean v1 = format != null && LogisticRiskModel.FORMAT_V1.equals(format.asText());
    if (format == null || !(v1 || LogisticRiskModel.FORMAT.equals(format.asText()))) {
      throw new ModelFormatException(name, "$.format", "expected \"" + LogisticRiskModel.FORMAT + "\" or \"" + LogisticRiskModel.FORMAT_V1 + "\"");
    }
    if (v1) {
      for (String f : List.of("activation", "interactions", "calibration", "training")) {
        if (root.has(f)) throw new ModelFormatException(name, "$." + f, "needs format \"" + LogisticRiskModel.FORMAT + "\"");
      }
    }
    LogisticRiskModel.Builder b = LogisticRiskModel.builder(text(name, root, "id"), text(name, root, "version"));
    b.description(root.hasNonNull("description") ? root.get("description").asText() : null);
    b.intercept(weight(name, "$.intercept", root.get("intercept")));
    b.weights(weights(name, "$.weights", root.get("weights")));
    if (root.has("features")) b.features(weights(name, "$.features", root.get("features")));
    if (root.has("interactions")) {
      Map<String, Weight> in = weights(name, "$.interactions", root.get("interactions"));
      for (String key : in.keySet()) {
        try {
          LogisticRiskModel.interactionTerms(key);
        } catch (IllegalArgumentException e) {
          throw new ModelFormatException(name, "$.interactions." + key, e.getMessage());
        }
      }
      b.interactions(in);
    }
    if (root.has("activation")) {
      JsonNode a = root.get("activation");
      if (a.isTextual() && a.asText().equals("strength")) b.activation(ActivationMode.STRENGTH);
      else if (a.isTextual() && a.asText().equals("binary")) b.activation(ActivationMode.BINARY);
      else throw new ModelFormatException(name, "$.activation", "expected \"strength\" or \"binary\"");
    }
    if (root.has("calibration")) b.calibration(calibration(name, root.get("calibration")));
    if (root.has("training")) b.training(training(name, root.get("training")));
    JsonNode bands = root.get("bands");
    if (bands == null || !bands.isObject()) throw new ModelFormatException(name, "$.bands", "required object {elevated, high} is missing");
    b.bands(number(name, "$.bands.elevated", bands.get("elevated")), number(name, "$.bands.high", bands.get("high")));
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(name, "$.bands", e.getMessage());
    }
  }

  private static Calibration calibration(String name, JsonNode c) {
    String p = "$.calibration";
    if (c == null || !c.isObject()) throw new ModelFormatException(name, p, "expected an object with \"method\"");
    String method = c.hasNonNull("method") ? c.get("method").asText() : "";
    try {
      switch (method) {
        case "none":
          return Calibration.NONE;
        case "platt":
          return new Calibration.Platt(number(name, p + ".a", c.get("a")), number(name, p + ".b", c.get("b")));
        case "isotonic":
          return new Calibration.Isotonic(numbers(name, p + ".x", c.get("x")), numbers(name, p + ".y", c.get("y")));
        default:
          throw new ModelFormatException(name, p + ".method", "expected \"none\", \"platt\" or \"isotonic\"");
      }
    } catch (ModelFormatException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(name, p, e.getMessage());
    }
  }

  private static TrainingSummary training(String name, JsonNode t) {
    String p = "$.training";
    if (t == null || !t.isObject()) throw new ModelFormatException(name, p, "expected an object");
    long rows = count(name, p + ".rows", t.get("rows"));
    long positives = count(name, p + ".positives", t.get("positives"));
    String at = text(name, t, "trainedAt", p);
    List<String> packs = new ArrayList<>();
    JsonNode pk = t.get("packs");
    if (pk != null) {
      if (!pk.isArray()) throw new ModelFormatException(name, p + ".packs", "expected an array of strings");
      for (int i = 0; i < pk.size(); i++) {
        if (!pk.get(i).isTextual()) throw new ModelFormatException(name, p + ".packs[" + i + "]", "expected a string");
        packs.add(pk.get(i).asText());
      }
    }
    Map<String, Double> metrics = new TreeMap<>();
    JsonNode m = t.get("metrics");
    if (m != null) {
      if (!m.isObject()) throw new ModelFormatException(name, p + ".metrics", "expected an object of name to number");
      m.fields().forEachRemaining(e -> metrics.put(e.getKey(), number(name, p + ".metrics." + e.getKey(), e.getValue())));
    }
    Map<String, String> settings = new TreeMap<>();
    JsonNode s = t.get("settings");
    if (s != null) {
      if (!s.isObject()) throw new ModelFormatException(name, p + ".settings", "expected an object of name to string");
      s.fields().forEachRemaining(e -> {
        if (!e.getValue().isTextual()) throw new ModelFormatException(name, p + ".settings." + e.getKey(), "expected a string");
        settings.put(e.getKey(), e.getValue().asText());
      });
    }
    try {
      return new TrainingSummary(rows, positives, at, packs, metrics, settings);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(name, p, e.getMessage());
    }
  }

  private static String text(String name, JsonNode n, String field) { return text(name, n, field, "$"); }

  private static String text(String name, JsonNode n, String field, String parent) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) throw new ModelFormatException(name, parent + "." + field, "required string is missing");
    return v.asText();
  }

  private static double number(String name, String path, JsonNode v) {
    if (v == null || !v.isNumber() || !Double.isFinite(v.doubleValue())) throw new ModelFormatException(name, path, "expected a finite number");
    return v.doubleValue();
  }

  private static long count(String name, String path, JsonNode v) {
    if (v == null || !v.canConvertToLong() || !v.isIntegralNumber() || v.longValue() < 0) {
      throw new ModelFormatException(name, path, "expected a non-negative integer");
    }
    return v.longValue();
  }

  private static double[] numbers(String name, String path, JsonNode v) {
    if (v == null || !v.isArray()) throw new ModelFormatException(name, path, "expected an array of numbers");
    double[] out = new double[v.size()];
    for (int i = 0; i < out.length; i++) out[i] = number(name, path + "[" + i + "]", v.get(i));
    return out;
  }

  private static Weight weight(String name, String path, JsonNode v) {
    if (v == null || !v.isObject()) throw new ModelFormatException(name, path, "expected {\"weight\": number, \"reason\": string}");
    double w = number(name, path + ".weight", v.get("weight"));
    JsonNode r = v.get("reason");
    if (r == null || !r.isTextual() || r.asText().isBlank()) throw new ModelFormatException(name, path + ".reason", "every weight needs a one-line reason");
    Double se = null;
    if (v.has("se")) {
      se = number(name, path + ".se", v.get("se"));
      if (se < 0) throw new ModelFormatException(name, path + ".se", "a standard error cannot be negative");
    }
    return new Weight(w, r.asText(), se);
  }

  private static Map<String, Weight> weights(String name, String path, JsonNode v) {
    if (v == null || !v.isObject()) throw new ModelFormatException(name, path, "expected an object of name to weight");
    Map<String, Weight> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), weight(name, path + "." + e.getKey(), e.getValue()));
    }
    return out;
  }

  /** A model as a {@code redflag-model/2} JSON document (pretty-printed, keys in a fixed order). */
  static String toJson(LogisticRiskModel m) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", LogisticRiskModel.FORMAT);
    root.put("id", m.id());
    root.put("version", m.version());
    if (m.description() != null) root.put("description", m.description());
    root.put("activation", m.activation().fileName());
    root.set("intercept", weightNode(m.intercept()));
    root.set("weights", weightsNode(m.weights()));
    if (!m.features().isEmpty()) root.set("features", weightsNode(m.features()));
    if (!m.interactions().isEmpty()) root.set("interactions", weightsNode(m.interactions()));
    ObjectNode cal = root.putObject("calibration");
    Calibration calibration = m.calibration();
    cal.put("method", calibration.method());
    if (calibration instanceof Calibration.Platt p) {
      cal.put("a", p.a());
      cal.put("b", p.b());
    } else if (calibration instanceof Calibration.Isotonic iso) {
      ArrayNode x = cal.putArray("x");
      for (double d : iso.x()) x.add(d);
      ArrayNode y = cal.putArray("y");
      for (double d : iso.y()) y.add(d);
    }
    ObjectNode bands = root.putObject("bands");
    bands.put("elevated", m.elevatedThreshold());
    bands.put("high", m.highThreshold());
    TrainingSummary training = m.training();
    if (training != null) {
      ObjectNode t = root.putObject("training");
      t.put("rows", training.rows());
      t.put("positives", training.positives());
      t.put("trainedAt", training.trainedAt());
      ArrayNode packs = t.putArray("packs");
      training.packs().forEach(packs::add);
      ObjectNode metrics = t.putObject("metrics");
      training.metrics().forEach(metrics::put);
      ObjectNode s = t.putObject("settings");
      training.settings().forEach(s::put);
    }
    try {
      return PRETTY.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise model", e);
    }
  }

  private static ObjectNode weightNode(Weight w) {
    ObjectNode n = JSON.createObjectNode();
    n.put("weight", w.weight());
    if (w.standardError() != null) n.put("se", w.standardError().doubleValue());
    n.put("reason", w.reason());
    return n;
  }

  private static ObjectNode weightsNode(Map<String, Weight> ws) {
    ObjectNode n = JSON.createObjectNode();
    ws.forEach((k, w) -> n.set(k, weightNode(w)));
    return n;
  }
}
