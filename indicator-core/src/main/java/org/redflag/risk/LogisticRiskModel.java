package org.redflag.risk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableSortedMap;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Logistic model over indicator strengths and numeric features:
 * {@code score = sigmoid(intercept + sum(w_i * strength_i) + sum(v_j * feature_j))}. Weights may be
 * negative (an indicator that field data shows to be protective). Each weight carries a one-line
 * reason so the prior is auditable.
 *
 * <p>File format ({@code redflag-model/1}): {@code id}, {@code version}, {@code description},
 * {@code intercept {weight, reason}}, {@code weights {indicator: {weight, reason}}}, optional
 * {@code features {name: {weight, reason}}}, and {@code bands {elevated, high}} score thresholds.
 */
public final class LogisticRiskModel implements RiskModel {
  public static final String FORMAT = "redflag-model/1";
  public static final String DEFAULT_PRIOR_RESOURCE = "org/redflag/risk/default-prior.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A coefficient and why it has its value. */
  public record Weight(double weight, String reason) {
    public Weight {
      if (!Double.isFinite(weight)) throw new IllegalArgumentException("weight must be finite, was " + weight);
    }
  }

  private final String id;
  private final String version;
  private final String description;
  private final Weight intercept;
  private final ImmutableSortedMap<String, Weight> weights;
  private final ImmutableSortedMap<String, Weight> features;
  private final double elevated;
  private final double high;

  public LogisticRiskModel(String id, String version, String description, Weight intercept, Map<String, Weight> weights,
      Map<String, Weight> features, double elevated, double high) {
    if (id == null || id.isBlank()) throw new IllegalArgumentException("model id is required");
    if (version == null || version.isBlank()) throw new IllegalArgumentException("model version is required");
    if (!(elevated > 0 && elevated < high && high < 1)) {
      throw new IllegalArgumentException("band thresholds must satisfy 0 < elevated < high < 1, were " + elevated + ", " + high);
    }
    this.id = id;
    this.version = version;
    this.description = description;
    this.intercept = intercept;
    this.weights = ImmutableSortedMap.copyOf(weights);
    this.features = ImmutableSortedMap.copyOf(features);
    this.elevated = elevated;
    this.high = high;
  }

  /** The documented default prior shipped with Redflag. */
  public static LogisticRiskModel defaultPrior() {
    InputStream in = LogisticRiskModel.class.getClassLoader().getResourceAsStream(DEFAULT_PRIOR_RESOURCE);
    if (in == null) throw new IllegalStateException("default prior missing from class path: " + DEFAULT_PRIOR_RESOURCE);
    try (in) {
      return read("default-prior.json", JSON.readTree(in));
    } catch (IOException e) {
      throw new IllegalStateException("default prior unreadable", e);
    }
  }

  /** Reads a model file; failures name the file, the JSON path and the reason. */
  public static LogisticRiskModel read(Path file) {
    String name = file.getFileName().toString();
    JsonNode root;
    try {
      root = JSON.readTree(Files.newInputStream(file));
    } catch (JsonProcessingException e) {
      throw new ModelFormatException(name, "$", "invalid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ModelFormatException(name, "$", "cannot read file: " + e.getClass().getSimpleName());
    }
    return read(name, root);
  }

  static LogisticRiskModel read(String name, JsonNode root) {
    if (root == null || !root.isObject()) throw new ModelFormatException(name, "$", "a model must be a JSON object");
    JsonNode format = root.get("format");
    if (format == null || !FORMAT.equals(format.asText())) {
      throw new ModelFormatException(name, "$.format", "expected \"" + FORMAT + "\"");
    }
    String id = text(name, root, "id");
    String version = text(name, root, "version");
    String description = root.hasNonNull("description") ? root.get("description").asText() : null;
    Weight intercept = weight(name, "$.intercept", root.get("intercept"));
    Map<String, Weight> weights = weights(name, "$.weights", root.get("weights"));
    Map<String, Weight> features = root.has("features") ? weights(name, "$.features", root.get("features")) : Map.of();
    JsonNode bands = root.get("bands");
    if (bands == null || !bands.isObject()) throw new ModelFormatException(name, "$.bands", "required object {elevated, high} is missing");
    double elevated = number(name, "$.bands.elevated", bands.get("elevated"));
    double high = number(name, "$.bands.high", bands.get("high"));
    try {
      return new LogisticRiskModel(id, version, description, intercept, weights, features, elevated, high);
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(name, "$.bands", e.getMessage());
    }
  }

  private static String text(String name, JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) throw new ModelFormatException(name, "$." + field, "required string is missing");
    return v.asText();
  }

  private static double number(String name, String path, JsonNode v) {
    if (v == null || !v.isNumber() || !Double.isFinite(v.doubleValue())) throw new ModelFormatException(name, path, "expected a finite number");
    return v.doubleValue();
  }

  private static Weight weight(String name, String path, JsonNode v) {
    if (v == null || !v.isObject()) throw new ModelFormatException(name, path, "expected {\"weight\": number, \"reason\": string}");
    double w = number(name, path + ".weight", v.get("weight"));
    JsonNode r = v.get("reason");
    if (r == null || !r.isTextual() || r.asText().isBlank()) throw new ModelFormatException(name, path + ".reason", "every weight needs a one-line reason");
    return new Weight(w, r.asText());
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

  @Override public String id() { return id; }
  @Override public String version() { return version; }
  public String description() { return description; }
  public Weight intercept() { return intercept; }
  public Map<String, Weight> weights() { return weights; }
  public Map<String, Weight> features() { return features; }
  public double elevatedThreshold() { return elevated; }
  public double highThreshold() { return high; }

  @Override
  public RiskScore score(Activations a) {
    double z = intercept.weight();
    Map<String, Double> contributions = new TreeMap<>();
    for (Map.Entry<String, Double> s : a.strengths().entrySet()) {
      Weight w = weights.get(s.getKey());
      double c = w == null ? 0 : w.weight() * s.getValue();
      contributions.put(s.getKey(), c);
      z += c;
    }
    for (Map.Entry<String, Double> f : a.features().entrySet()) {
      Weight w = features.get(f.getKey());
      if (w == null) continue;
      double c = w.weight() * f.getValue();
      contributions.put(f.getKey(), c);
      z += c;
    }
    double score = 1 / (1 + Math.exp(-z));
    return new RiskScore(score, band(score), contributions);
  }

  /** Band of a score under this model's thresholds. */
  public Band band(double score) {
    return score >= high ? Band.HIGH : score >= elevated ? Band.ELEVATED : Band.LOW;
  }
}
