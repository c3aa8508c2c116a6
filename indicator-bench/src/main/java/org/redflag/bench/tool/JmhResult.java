package org.redflag.bench.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * One row of a JMH JSON result file ({@code -rf json}): benchmark, parameters, primary score and the
 * {@code gc.alloc.rate.norm} secondary metric when {@code -prof gc} was on.
 *
 * @param benchmark short name, {@code Class.method} (the package is dropped)
 * @param params    benchmark parameters, sorted by name
 * @param harness   what measured it: {@link #JMH}, or the row's {@code "harness"} field (see {@link InterleavedSuite#HARNESS})
 */
public record JmhResult(String benchmark, Map<String, String> params, String mode, double score, double scoreError,
    String unit, OptionalDouble allocBytesPerOp, String harness) {

  /** The harness of rows without a {@code "harness"} field: JMH's own result files. */
  public static final String JMH = "JMH";

  /** Name of the reference benchmark that all ratios divide by. */
  public static final String REFERENCE = "MatchingPeersBenchmark.javaRegex";

  /** {@code Class.method [k=v, ...]}: identifies a row within one run. */
  public String key() { return params.isEmpty() ? benchmark : benchmark + " " + params; }

  /** Operations per second, whatever the mode: throughput as is, time per operation inverted. */
  public double opsPerSecond() {
    String[] parts = unit.split("/", 2);
    if (parts.length != 2) throw new IllegalArgumentException("unsupported score unit '" + unit + "' of " + key());
    if (parts[0].equals("ops")) return score / seconds(parts[1]);
    if (parts[1].equals("op")) return 1.0 / (score * seconds(parts[0]));
    throw new IllegalArgumentException("unsupported score unit '" + unit + "' of " + key());
  }

  private double seconds(String u) {
    return switch (u) {
      case "ns" -> 1e-9;
      case "us" -> 1e-6;
      case "ms" -> 1e-3;
      case "s" -> 1.0;
      case "min" -> 60.0;
      case "hr" -> 3600.0;
      default -> throw new IllegalArgumentException("unsupported time unit '" + u + "' in score unit of " + key());
    };
  }

  /** Reads a JMH JSON result file; fails with the file name and the JSON path of a malformed row. */
  public static List<JmhResult> read(Path file) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new IOException(file + ": not a JMH JSON result file (" + e.getClass().getSimpleName() + ")", e);
    }
    if (root == null || !root.isArray()) throw new IOException(file + ": expected a JSON array of JMH results");
    return parse(root, file.toString());
  }

  static List<JmhResult> parse(JsonNode root, String source) throws IOException {
    List<JmhResult> out = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode row = root.get(i);
      String path = source + ": $[" + i + "]";
      String benchmark = text(row, "benchmark", path);
      int cut = benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1);
      String shortName = benchmark.substring(cut + 1);
      Map<String, String> params = new TreeMap<>();
      JsonNode p = row.get("params");
      if (p != null && p.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          params.put(e.getKey(), e.getValue().asText());
        }
      }
      JsonNode primary = row.get("primaryMetric");
      if (primary == null || !primary.isObject()) throw new IOException(path + ".primaryMetric is missing");
      JsonNode score = primary.get("score");
      if (score == null || !score.isNumber()) throw new IOException(path + ".primaryMetric.score is not a number");
      JsonNode error = primary.get("scoreError");
      double err = error != null && error.isNumber() ? error.asDouble() : Double.NaN;
      String unit = text(primary, "scoreUnit", path + ".primaryMetric");
      OptionalDouble alloc = OptionalDouble.empty();
      JsonNode secondary = row.get("secondaryMetrics");
      if (secondary != null) {
        Optional<JsonNode> norm = findSuffix(secondary, "gc.alloc.rate.norm");
        if (norm.isPresent() && norm.get().get("score") != null) alloc = OptionalDouble.of(norm.get().get("score").asDouble());
      }
      JsonNode harness = row.get("harness");
      out.add(new JmhResult(shortName, Map.copyOf(params), text(row, "mode", path), score.asDouble(), err, unit, alloc,
          harness != null && harness.isTextual() ? harness.asText() : JMH));
    }
    return out;
  }

  // JMH prefixes secondary metric names with a middle dot; match on the suffix to be robust to it
  private static Optional<JsonNode> findSuffix(JsonNode obj, String suffix) {
    for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().endsWith(suffix)) return Optional.of(e.getValue());
    }
    return Optional.empty();
  }

  private static String text(JsonNode node, String field, String path) throws IOException {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) throw new IOException(path + "." + field + " is missing or not a string");
    return v.asText();
  }
}
