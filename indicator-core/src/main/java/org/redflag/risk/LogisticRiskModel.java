package org.redflag.risk;

import com.google.common.collect.ImmutableSortedMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Logistic model over indicator activations and numeric features:
 * {@code z = intercept + sum(w_i * x_i) + sum(v_j * feature_j) + sum(u_ab * x_a * x_b)}, where
 * {@code x_i} is the indicator's strength (or 1 if it fired, in binary mode), and
 * {@code score = calibration(z)} ({@code sigmoid(z)} without calibration). Weights may be negative
 * (an indicator that data shows to be protective). Each weight carries a one-line reason so the model
 * is auditable, and fitted weights carry their standard error.
 *
 * <p><b>Contributions.</b> {@link RiskScore#contributions()} are terms of the log-odds {@code z}
 * <em>before</em> calibration: {@code w_i * x_i} per indicator and {@code v_j * feature_j} per
 * feature; an interaction term {@code u_ab * x_a * x_b} is split half to {@code a} and half to
 * {@code b} (its Shapley split against an all-zero baseline). So intercept plus all contributions is
 * exactly {@code z}, and a contribution's sign says which way the indicator moved the score.
 *
 * <p><b>File format</b> (read and written by {@code ModelFile}). {@code redflag-model/2} (written) and {@code redflag-model/1} (still read):
 * {@code id}, {@code version}, {@code description}, {@code intercept {weight, reason[, se]}},
 * {@code weights {indicator: {weight, reason[, se]}}}, optional {@code features {...}}, and
 * {@code bands {elevated, high}}. Version 2 adds optional {@code activation} ({@code strength}
 * (default) or {@code binary}), {@code interactions {"a*b": {weight, reason[, se]}}} (a before b),
 * {@code calibration} ({@code {"method": "none"}}, {@code {"method": "platt", "a", "b"}} or
 * {@code {"method": "isotonic", "x": [...], "y": [...]}}) and {@code training} (a
 * {@link TrainingSummary}). Doubles are written in Java's shortest round-trip form, so
 * {@code read(write(m)).equals(m)} holds bit for bit.
 */
public final class LogisticRiskModel implements RiskModel {
  public static final String FORMAT_V1 = "redflag-model/1";
  public static final String FORMAT = "redflag-model/2";
  public static final String DEFAULT_PRIOR_RESOURCE = "org/redflag/risk/default-prior.json";
  private static final String INTERACTION_SEPARATOR = "*";

  /** A coefficient, why it has its value, and its standard error when it was fitted (else null). */
  public record Weight(double weight, String reason, Double standardError) {
    public Weight {
      if (!Double.isFinite(weight)) throw new IllegalArgumentException("weight must be finite, was " + weight);
      if (reason == null || reason.isBlank()) throw new IllegalArgumentException("every weight needs a one-line reason");
      if (standardError != null && !(Double.isFinite(standardError) && standardError >= 0)) {
        throw new IllegalArgumentException("standard error must be finite and non-negative, was " + standardError);
      }
    }

    public Weight(double weight, String reason) { this(weight, reason, null); }
  }

  private final String id;
  private final String version;
  private final String description;
  private final Weight intercept;
  private final ImmutableSortedMap<String, Weight> weights;
  private final ImmutableSortedMap<String, Weight> features;
  private final ImmutableSortedMap<String, Weight> interactions;
  private final String[][] interactionTerms;
  private final ActivationMode activation;
  private final Calibration calibration;
  private final double elevated;
  private final double high;
  private final TrainingSummary training;

  /** A {@code redflag-model/1}-style model: strength activations, no interactions, no calibration. */
  public LogisticRiskModel(String id, String version, String description, Weight intercept, Map<String, Weight> weights,
      Map<String, Weight> features, double elevated, double high) {
    this(builder(id, version).description(description).intercept(intercept).weights(weights).features(features)
        .bands(elevated, high));
  }

  private LogisticRiskModel(Builder b) {
    if (b.id == null || b.id.isBlank()) throw new IllegalArgumentException("model id is required");
    if (b.version == null || b.version.isBlank()) throw new IllegalArgumentException("model version is required");
    if (!(b.elevated > 0 && b.elevated < b.high && b.high < 1)) {
      throw new IllegalArgumentException("band thresholds must satisfy 0 < elevated < high < 1, were " + b.elevated + ", " + b.high);
    }
    this.id = b.id;
    this.version = b.version;
    this.description = b.description;
    this.intercept = Objects.requireNonNull(b.intercept, "intercept");
    this.weights = ImmutableSortedMap.copyOf(b.weights);
    this.features = ImmutableSortedMap.copyOf(b.features);
    this.interactions = ImmutableSortedMap.copyOf(b.interactions);
    this.interactionTerms = new String[interactions.size()][];
    int i = 0;
    for (String key : interactions.keySet()) interactionTerms[i++] = interactionTerms(key);
    this.activation = Objects.requireNonNull(b.activation, "activation");
    this.calibration = Objects.requireNonNull(b.calibration, "calibration");
    this.elevated = b.elevated;
    this.high = b.high;
    this.training = b.training;
  }

  public static Builder builder(String id, String version) { return new Builder(id, version); }

  /** Key of the interaction between indicators {@code a} and {@code b} (order-independent). */
  public static String interactionKey(String a, String b) {
    if (a.equals(b)) throw new IllegalArgumentException("an interaction needs two different indicators, got '" + a + "' twice");
    return a.compareTo(b) < 0 ? a + INTERACTION_SEPARATOR + b : b + INTERACTION_SEPARATOR + a;
  }

  /** The two indicator ids of an interaction key; throws IllegalArgumentException when malformed. */
  static String[] interactionTerms(String key) {
    int star = key.indexOf(INTERACTION_SEPARATOR);
    if (star <= 0 || star == key.length() - 1 || key.indexOf(INTERACTION_SEPARATOR, star + 1) >= 0) {
      throw new IllegalArgumentException("interaction '" + key + "' must name two indicators as \"a*b\"");
    }
    String a = key.substring(0, star);
    String b = key.substring(star + 1);
    if (!interactionKey(a, b).equals(key)) throw new IllegalArgumentException("interaction '" + key + "' must be written as '" + interactionKey(a, b) + "'");
    return new String[] {a, b};
  }

  /** The documented default prior shipped with Redflag. */
  public static LogisticRiskModel defaultPrior() { return ModelFile.defaultPrior(); }

  /** Reads a model file; failures name the file, the JSON path and the reason. */
  public static LogisticRiskModel read(Path file) { return ModelFile.read(file); }

  /** Parses a model from JSON text; {@code name} is used in error messages. */
  public static LogisticRiskModel parse(String name, String json) { return ModelFile.parse(name, json); }

  /** This model as a {@code redflag-model/2} JSON document (pretty-printed, keys in a fixed order). */
  public String toJson() { return ModelFile.toJson(this); }

  /** Writes {@link #toJson()} to a file (UTF-8). */
  public void write(Path file) throws IOException {
    Files.writeString(file, toJson(), StandardCharsets.UTF_8);
  }

  /**
   * This model with more indicator weights: the engine adds the priors that packs declare for lexicon
   * indicators to the default prior this way. An indicator this model already weighs is an error, so
   * one weight never has two sources.
   */
  public LogisticRiskModel withWeights(Map<String, Weight> added) {
    if (added.isEmpty()) return this;
    Map<String, Weight> all = new TreeMap<>(weights);
    for (Map.Entry<String, Weight> e : added.entrySet()) {
      if (all.putIfAbsent(e.getKey(), e.getValue()) != null) {
        throw new IllegalArgumentException("indicator '" + e.getKey() + "' already has a weight in model " + label());
      }
    }
    return builder(id, version).description(description).intercept(intercept).weights(all).features(features)
        .interactions(interactions).activation(activation).calibration(calibration).bands(elevated, high).training(training).build();
  }

  @Override public String id() { return id; }
  @Override public String version() { return version; }
  public String description() { return description; }
  public Weight intercept() { return intercept; }
  public Map<String, Weight> weights() { return weights; }
  public Map<String, Weight> features() { return features; }
  /** Interaction weights keyed {@code "a*b"} (see {@link #interactionKey}). */
  public Map<String, Weight> interactions() { return interactions; }
  public ActivationMode activation() { return activation; }
  public Calibration calibration() { return calibration; }
  public double elevatedThreshold() { return elevated; }
  public double highThreshold() { return high; }
  /** How the model was fitted, or null for a hand-set model such as the default prior. */
  public TrainingSummary training() { return training; }

  /** Log-odds {@code z} before calibration. */
  public double logOdds(Activations a) {
    double z = intercept.weight();
    for (Map.Entry<String, Double> s : a.strengths().entrySet()) {
      Weight w = weights.get(s.getKey());
      if (w != null) z += w.weight() * activation.apply(s.getValue());
    }
    for (Map.Entry<String, Double> f : a.features().entrySet()) {
      Weight w = features.get(f.getKey());
      if (w != null) z += w.weight() * f.getValue();
    }
    int i = 0;
    for (Weight w : interactions.values()) {
      String[] t = interactionTerms[i++];
      z += w.weight() * activation.apply(a.strength(t[0])) * activation.apply(a.strength(t[1]));
    }
    return z;
  }

  @Override
  public RiskScore score(Activations a) {
    // contributions as parallel arrays sorted once at the end rather than a TreeMap copied into the
    // RiskScore (allocation per advert, see SortedDoubleMap); terms are added to z in the same order.
    // The strengths' key array (the engine's is the same for every advert) is shared until a term
    // beyond them is added (most adverts: no features, no interaction term), then copied.
    SortedDoubleMap s = a.strengths();
    int capacity = s.size() + a.features().size() + 2 * interactionTerms.length;
    String[] keys = s.keyArray();
    boolean sharedKeys = true;
    double[] values = new double[capacity];
    int n = 0;
    double z = intercept.weight();
    double[] byKey = weightsFor(keys);
    for (int i = 0; i < s.size(); i++) {
      double w = byKey != null ? byKey[i] : weightOrNaN(s.keyAt(i));
      double c = Double.isNaN(w) ? 0 : w * activation.apply(s.valueAt(i));
      values[n++] = c;
      z += c;
    }
    int ascendingEnd = n; // Activations keeps strengths in ascending key order
    for (Map.Entry<String, Double> f : a.features().entrySet()) {
      Weight w = features.get(f.getKey());
      if (w == null) continue;
      double c = w.weight() * f.getValue();
      int at = indexOf(keys, ascendingEnd, n, f.getKey());
      if (at >= 0) {
        values[at] = c; // a feature named like an indicator replaces its term, as a map put would
      } else {
        if (sharedKeys) {
          keys = java.util.Arrays.copyOf(keys, capacity);
          sharedKeys = false;
        }
        keys[n] = f.getKey();
        values[n++] = c;
      }
      z += c;
    }
    int i = 0;
    for (Weight w : interactions.values()) {
      String[] t = interactionTerms[i++];
      double c = w.weight() * activation.apply(a.strength(t[0])) * activation.apply(a.strength(t[1]));
      if (c == 0) continue;
      for (String term : t) {
        int at = indexOf(keys, ascendingEnd, n, term);
        if (at >= 0) {
          values[at] += c / 2;
        } else {
          if (sharedKeys) {
            keys = java.util.Arrays.copyOf(keys, capacity);
            sharedKeys = false;
          }
          keys[n] = term;
          values[n++] = c / 2;
        }
      }
      z += c;
    }
    double score = calibration.apply(z);
    // shared keys: nothing was added, so they are the strengths' ascending keys and need no sorting
    return new RiskScore(score, band(score), sharedKeys ? SortedDoubleMap.sharingKeys(keys, values, n)
        : SortedDoubleMap.sortAndWrap(keys, values, n));
  }

  /**
   * The weights of a shared key array (the engine passes the same one, its indicator ids, with every
   * advert), by key index, NaN where the model has none; null until the same array is seen twice in a
   * row (callers with fresh arrays per call get the map lookups, without an array built per call).
   * Why: one array read per indicator instead of a binary search per indicator and advert. Weights
   * are never NaN (checked when the model is built or read).
   */
  private double[] weightsFor(String[] keys) {
    KeyWeights kw = keyWeights;
    if (kw != null && kw.keys == keys) return kw.weights;
    if (lastMissKeys != keys) {
      lastMissKeys = keys;
      return null;
    }
    double[] w = new double[keys.length];
    for (int i = 0; i < keys.length; i++) w[i] = weightOrNaN(keys[i]);
    keyWeights = new KeyWeights(keys, w);
    return w;
  }

  private double weightOrNaN(String key) {
    Weight w = weights.get(key);
    return w == null ? Double.NaN : w.weight();
  }

  /** See {@link #weightsFor}: immutable, published whole through a volatile field. */
  private record KeyWeights(String[] keys, double[] weights) {}

  private volatile KeyWeights keyWeights;
  private volatile String[] lastMissKeys; // only a hint: a race costs at most one more lookup pass

  /** Index of key among keys[0, n), whose first ascendingEnd are ascending; -1 when absent. */
  private static int indexOf(String[] keys, int ascendingEnd, int n, String key) {
    int at = java.util.Arrays.binarySearch(keys, 0, ascendingEnd, key);
    if (at >= 0) return at;
    for (int j = ascendingEnd; j < n; j++) if (keys[j].equals(key)) return j;
    return -1;
  }

  /** Band of a score under this model's thresholds. */
  public Band band(double score) {
    return score >= high ? Band.HIGH : score >= elevated ? Band.ELEVATED : Band.LOW;
  }

  @Override
  public boolean weighs(String indicatorId) {
    if (weights.containsKey(indicatorId)) return true;
    for (String[] t : interactionTerms) if (t[0].equals(indicatorId) || t[1].equals(indicatorId)) return true;
    return false;
  }

  /** Names of all indicators this model has a weight for, including those only in interactions. */
  public Set<String> indicatorNames() {
    java.util.TreeSet<String> out = new java.util.TreeSet<>(weights.keySet());
    for (String[] t : interactionTerms) {
      out.add(t[0]);
      out.add(t[1]);
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof LogisticRiskModel m)) return false;
    return id.equals(m.id) && version.equals(m.version) && Objects.equals(description, m.description)
        && intercept.equals(m.intercept) && weights.equals(m.weights) && features.equals(m.features)
        && interactions.equals(m.interactions) && activation == m.activation && calibration.equals(m.calibration)
        && Double.compare(elevated, m.elevated) == 0 && Double.compare(high, m.high) == 0 && Objects.equals(training, m.training);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, version, description, intercept, weights, features, interactions, activation, calibration, elevated, high, training);
  }

  @Override public String toString() { return "LogisticRiskModel[" + label() + "]"; }

  /** Builder for models made in code (e.g. by the trainer). */
  public static final class Builder {
    private final String id;
    private final String version;
    private String description;
    private Weight intercept = new Weight(0, "no intercept given");
    private Map<String, Weight> weights = Map.of();
    private Map<String, Weight> features = Map.of();
    private Map<String, Weight> interactions = Map.of();
    private ActivationMode activation = ActivationMode.STRENGTH;
    private Calibration calibration = Calibration.NONE;
    private double elevated = 0.25;
    private double high = 0.6;
    private TrainingSummary training;

    private Builder(String id, String version) {
      this.id = id;
      this.version = version;
    }

    public Builder description(String d) { this.description = d; return this; }
    public Builder intercept(Weight w) { this.intercept = Objects.requireNonNull(w, "intercept"); return this; }
    public Builder weights(Map<String, Weight> w) { this.weights = Map.copyOf(w); return this; }
    public Builder features(Map<String, Weight> f) { this.features = Map.copyOf(f); return this; }
    /** Interaction weights keyed by {@link LogisticRiskModel#interactionKey}. */
    public Builder interactions(Map<String, Weight> i) { this.interactions = Map.copyOf(i); return this; }
    public Builder activation(ActivationMode a) { this.activation = Objects.requireNonNull(a, "activation"); return this; }
    public Builder calibration(Calibration c) { this.calibration = Objects.requireNonNull(c, "calibration"); return this; }
    public Builder bands(double elevated, double high) { this.elevated = elevated; this.high = high; return this; }
    public Builder training(TrainingSummary t) { this.training = t; return this; }
    public LogisticRiskModel build() { return new LogisticRiskModel(this); }
  }
}
