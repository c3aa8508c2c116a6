package org.redflag.fit.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.redflag.engine.RiskEngine;
import org.redflag.indicator.LexiconIndicator;
import org.redflag.pack.IndicatorPack;
import org.redflag.pack.PackLoader;
import org.redflag.risk.Activations;
import org.redflag.risk.Calibration;

/**
 * Seeded synthetic labelled data from a known logistic generating model, for tests, docs and demos
 * of calibration. Nothing here resembles a real advert: the "adverts" are numbered filler sentences
 * with marker phrases ({@code "alpha marker"}, ...) that a synthetic pack maps to synthetic
 * indicators ({@code synth.*}). The standard model includes a protective indicator with a negative
 * true weight and an indicator with no signal at all, the two cases field research warns about.
 *
 * <p>Labels are drawn as {@code Bernoulli(sigmoid(intercept + sum(w_i * x_i) + sum(v_j * f_j)))} with
 * binary activations {@code x_i ~ Bernoulli(prevalence_i)} and features {@code f_j ~ N(0, 1)}, all
 * from one {@code java.util.Random(seed)}, so the same seed always gives the same data.
 */
public final class SyntheticData {
  public static final String PACK_RESOURCE = "org/redflag/fit/synth/synthetic-pack.json";

  /** A synthetic indicator: its true weight, how often it fires, and the marker phrase that fires it. */
  public record Term(String indicator, double weight, double prevalence, String phrase) {}

  /** The generating model. */
  public record GeneratingModel(double intercept, List<Term> terms, Map<String, Double> features) {
    public GeneratingModel {
      terms = ImmutableList.copyOf(terms);
      features = ImmutableSortedMap.copyOf(features);
    }

    /** True log-odds of a row. */
    public double logOdds(Activations a) {
      double z = intercept;
      for (Term t : terms) z += t.weight() * a.strength(t.indicator());
      for (Map.Entry<String, Double> f : features.entrySet()) z += f.getValue() * a.features().getOrDefault(f.getKey(), 0.0);
      return z;
    }

    public double weight(String name) {
      for (Term t : terms) if (t.indicator().equals(name)) return t.weight();
      Double f = features.get(name);
      if (f == null) throw new IllegalArgumentException("no term '" + name + "' in the generating model");
      return f;
    }

    /** The same model without numeric features (adverts cannot carry them without a stage). */
    public GeneratingModel withoutFeatures() { return new GeneratingModel(intercept, terms, Map.of()); }
  }

  /** Rows, labels and the true probability of each row. */
  public record Sample(List<Activations> rows, int[] labels, double[] trueProbabilities) {}

  private SyntheticData() {}

  /**
   * Intercept -1.5; {@code synth.control} +1.4 (fires in 25% of rows), {@code synth.recruitment} +0.9
   * (20%), {@code synth.availability} +0.5 (30%), {@code synth.youth} 0 (20%, no signal),
   * {@code synth.movement} -0.9 (30%, protective); feature {@code synth.signal} +0.6.
   */
  public static GeneratingModel standardModel() {
    return new GeneratingModel(-1.5, List.of(
        new Term("synth.availability", 0.5, 0.30, "charlie marker"),
        new Term("synth.control", 1.4, 0.25, "alpha marker"),
        new Term("synth.movement", -0.9, 0.30, "echo marker"),
        new Term("synth.recruitment", 0.9, 0.20, "bravo marker"),
        new Term("synth.youth", 0.0, 0.20, "delta marker")),
        Map.of("synth.signal", 0.6));
  }

  /** {@code n} rows of activations drawn from {@code model} with {@code seed}. */
  public static Sample sample(GeneratingModel model, int n, long seed) {
    Random r = new Random(seed);
    List<Activations> rows = new ArrayList<>(n);
    int[] labels = new int[n];
    double[] truth = new double[n];
    for (int i = 0; i < n; i++) {
      Map<String, Double> s = new TreeMap<>();
      for (Term t : model.terms()) s.put(t.indicator(), r.nextDouble() < t.prevalence() ? 1.0 : 0.0);
      Map<String, Double> f = new TreeMap<>();
      for (String name : model.features().keySet()) f.put(name, r.nextGaussian());
      Activations a = new Activations(s, f);
      rows.add(a);
      truth[i] = Calibration.sigmoid(model.logOdds(a));
      labels[i] = r.nextDouble() < truth[i] ? 1 : 0;
    }
    return new Sample(rows, labels, truth);
  }

  /**
   * {@code n} labelled advert lines (JSON objects with {@code id}, {@code text}, {@code category},
   * {@code language} and {@code label}) drawn from {@code model}; numeric features are ignored.
   */
  public static List<String> advertLines(GeneratingModel model, int n, long seed) {
    ObjectMapper json = new ObjectMapper();
    Sample s = sample(model.withoutFeatures(), n, seed);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      StringBuilder text = new StringBuilder("Synthetic advert ").append(i + 1).append(" for calibration tests.");
      for (Term t : model.terms()) if (s.rows().get(i).strength(t.indicator()) > 0) text.append(' ').append(t.phrase()).append('.');
      ObjectNode o = json.createObjectNode();
      o.put("id", String.format(java.util.Locale.ROOT, "synth-%05d", i + 1));
      o.put("category", "synthetic");
      o.put("language", "en");
      o.put("text", text.toString());
      o.put("label", s.labels()[i]);
      out.add(o.toString());
    }
    return out;
  }

  /** The pack that maps marker phrases to synthetic indicators. */
  public static IndicatorPack pack() { return PackLoader.loadResource(PACK_RESOURCE); }

  /** The synthetic pack file's JSON text (to write next to generated data for the CLI). */
  public static String packJson() {
    try (InputStream in = SyntheticData.class.getClassLoader().getResourceAsStream(PACK_RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing resource " + PACK_RESOURCE);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + PACK_RESOURCE, e);
    }
  }

  /** An engine with only the synthetic pack and its indicators. */
  public static RiskEngine.Builder engine(GeneratingModel model) {
    RiskEngine.Builder b = RiskEngine.builder().withoutDefaultPacks().discoverIndicators(false).addPack(pack());
    for (Term t : model.terms()) b.indicator(new LexiconIndicator(t.indicator(), "Synthetic indicator for calibration tests and demos."));
    return b;
  }

  /**
   * Writes synthetic labelled adverts and the synthetic pack:
   * {@code SyntheticData --rows N --seed S --out data.jsonl --pack-out synthetic-pack.json}.
   */
  public static void main(String[] args) throws IOException {
    int rows = 2000;
    long seed = 7;
    Path out = null;
    Path packOut = null;
    for (int i = 0; i < args.length; i++) {
      String v = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--rows" -> { rows = Integer.parseInt(v); i++; }
        case "--seed" -> { seed = Long.parseLong(v); i++; }
        case "--out" -> { out = Path.of(v); i++; }
        case "--pack-out" -> { packOut = Path.of(v); i++; }
        default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; use --rows N --seed S --out FILE --pack-out FILE");
      }
    }
    if (out == null) throw new IllegalArgumentException("--out FILE is required");
    Files.write(out, advertLines(standardModel(), rows, seed), StandardCharsets.UTF_8);
    if (packOut != null) Files.writeString(packOut, packJson(), StandardCharsets.UTF_8);
  }

}
