package org.redflag.fit;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.redflag.engine.Assessment;
import org.redflag.engine.IndicatorResult;
import org.redflag.risk.ActivationMode;
import org.redflag.risk.Activations;
import org.redflag.risk.LogisticRiskModel;

/**
 * The columns of a design matrix, named deterministically: indicators (sorted by id), then numeric
 * features (sorted by name), then pairwise indicator interactions (sorted by their {@code "a*b"}
 * key). An indicator enters as its strength or, in {@link ActivationMode#BINARY} mode, as 1 when it
 * fired; an interaction is the product of the two activations. An indicator or feature absent from
 * an advert's activations counts as 0. Immutable and thread-safe.
 */
public final class FeatureSpace {
  /** What a column holds. */
  public enum Kind { INDICATOR, FEATURE, INTERACTION }

  /** One column: its name (indicator id, feature name or {@code "a*b"}) and, for interactions, the two indicators. */
  public record Column(String name, Kind kind, String first, String second) {}

  private final ActivationMode mode;
  private final ImmutableList<Column> columns;

  private FeatureSpace(ActivationMode mode, List<Column> columns) {
    this.mode = Objects.requireNonNull(mode, "mode");
    this.columns = ImmutableList.copyOf(columns);
  }

  /** All indicators and features seen in {@code rows}, no interactions. */
  public static FeatureSpace of(Collection<Activations> rows, ActivationMode mode) {
    TreeSet<String> indicators = new TreeSet<>();
    TreeSet<String> features = new TreeSet<>();
    for (Activations a : rows) {
      indicators.addAll(a.strengths().keySet());
      features.addAll(a.features().keySet());
    }
    return of(indicators, features, mode);
  }

  /** Exactly these indicators and features (each list is sorted here), no interactions. */
  public static FeatureSpace of(Collection<String> indicators, Collection<String> features, ActivationMode mode) {
    List<Column> cols = new ArrayList<>();
    for (String i : new TreeSet<>(indicators)) cols.add(new Column(i, Kind.INDICATOR, null, null));
    for (String f : new TreeSet<>(features)) cols.add(new Column(f, Kind.FEATURE, null, null));
    return new FeatureSpace(mode, cols);
  }

  /**
   * This space plus an interaction column for every pair of indicators that are both active in at
   * least {@code minSupport} of {@code rows}; rarer pairs are left out because their weight could
   * not be estimated.
   */
  public FeatureSpace withInteractions(Collection<Activations> rows, int minSupport) {
    if (minSupport < 1) throw new IllegalArgumentException("minSupport must be at least 1, was " + minSupport);
    List<String> ind = indicators();
    Map<String, Integer> counts = new TreeMap<>();
    for (Activations a : rows) {
      List<String> active = new ArrayList<>();
      for (String i : ind) if (mode.apply(a.strength(i)) != 0) active.add(i);
      for (int x = 0; x < active.size(); x++) {
        for (int y = x + 1; y < active.size(); y++) counts.merge(LogisticRiskModel.interactionKey(active.get(x), active.get(y)), 1, Integer::sum);
      }
    }
    List<Column> cols = new ArrayList<>();
    for (Column c : columns) if (c.kind() != Kind.INTERACTION) cols.add(c);
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() < minSupport) continue;
      String[] t = e.getKey().split("\\*", 2);
      cols.add(new Column(e.getKey(), Kind.INTERACTION, t[0], t[1]));
    }
    return new FeatureSpace(mode, cols);
  }

  /** The model input of one assessment: the strength of every indicator row and its numeric features. */
  public static Activations activations(Assessment a) {
    Map<String, Double> strengths = new TreeMap<>();
    for (IndicatorResult r : a.indicators()) strengths.put(r.id(), r.strength());
    return new Activations(strengths, a.features());
  }

  public ActivationMode mode() { return mode; }

  public List<Column> columns() { return columns; }

  public int size() { return columns.size(); }

  public List<String> names() { return columns.stream().map(Column::name).collect(ImmutableList.toImmutableList()); }

  public List<String> indicators() {
    return columns.stream().filter(c -> c.kind() == Kind.INDICATOR).map(Column::name).collect(ImmutableList.toImmutableList());
  }

  /** The row of the design matrix for one advert. */
  public double[] vector(Activations a) {
    double[] v = new double[columns.size()];
    for (int j = 0; j < v.length; j++) {
      Column c = columns.get(j);
      v[j] = switch (c.kind()) {
        case INDICATOR -> mode.apply(a.strength(c.name()));
        case FEATURE -> a.features().getOrDefault(c.name(), 0.0);
        case INTERACTION -> mode.apply(a.strength(c.first())) * mode.apply(a.strength(c.second()));
      };
    }
    return v;
  }

  @Override public boolean equals(Object o) { return o instanceof FeatureSpace f && mode == f.mode && columns.equals(f.columns); }
  @Override public int hashCode() { return Objects.hash(mode, columns); }
  @Override public String toString() { return "FeatureSpace" + names() + " (" + mode.fileName() + ")"; }
}
