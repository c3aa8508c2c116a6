package org.redflag.fit;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.redflag.risk.Activations;
import org.redflag.risk.Calibration;

/**
 * Seeded activations and labels from a known logistic generating model, for the trainer's tests: no
 * adverts, only what the model sees. Labels are drawn as
 * {@code Bernoulli(sigmoid(intercept + sum(w_i * x_i) + sum(v_j * f_j)))} with binary activations
 * {@code x_i ~ Bernoulli(prevalence_i)} and features {@code f_j ~ N(0, 1)}, all from one
 * {@code java.util.Random(seed)}. The standard model includes a protective indicator with a negative
 * true weight and one with no signal at all. (Synthetic adverts for the command line:
 * {@link org.redflag.fit.synth.SyntheticAdverts}.)
 */
final class SyntheticActivations {

  /** A synthetic indicator: its true weight and how often it fires. */
  public record Term(String indicator, double weight, double prevalence) {}

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

  private SyntheticActivations() {}

  /**
   * Intercept -1.5; {@code synth.control} +1.4 (fires in 25% of rows), {@code synth.recruitment} +0.9
   * (20%), {@code synth.availability} +0.5 (30%), {@code synth.youth} 0 (20%, no signal),
   * {@code synth.movement} -0.9 (30%, protective); feature {@code synth.signal} +0.6.
   */
  public static GeneratingModel standardModel() {
    return new GeneratingModel(-1.5, List.of(
        new Term("synth.availability", 0.5, 0.30),
        new Term("synth.control", 1.4, 0.25),
        new Term("synth.movement", -0.9, 0.30),
        new Term("synth.recruitment", 0.9, 0.20),
        new Term("synth.youth", 0.0, 0.20)),
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

}
