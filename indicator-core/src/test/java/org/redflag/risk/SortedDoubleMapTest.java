package org.redflag.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SortedDoubleMapTest {
  @Test
  void behavesAsAnImmutableSortedMapOfTheSameEntries() {
    SortedDoubleMap m = SortedDoubleMap.keys("a", "b", "c").with(1.0, 0.0, -2.5);
    TreeMap<String, Double> expected = new TreeMap<>(Map.of("a", 1.0, "b", 0.0, "c", -2.5));
    assertThat(m).isEqualTo(expected);
    assertThat(expected).isEqualTo(m);
    assertThat(m.hashCode()).isEqualTo(expected.hashCode());
    assertThat(List.copyOf(m.keySet())).containsExactly("a", "b", "c");
    assertThat(m.get("c")).isEqualTo(-2.5);
    assertThat(m.get("x")).isNull();
    assertThat(m.get(42)).isNull();
    assertThat(m.getDouble("x", 7)).isEqualTo(7);
    assertThatThrownBy(() -> m.put("d", 1.0)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(m::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> m.keySet().remove("a")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> m.keyAt(3)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void copiesValuesSoLaterWritesDoNotShow() {
    double[] v = {1, 2};
    SortedDoubleMap m = SortedDoubleMap.keys("a", "b").with(v);
    v[0] = 9;
    assertThat(m.get("a")).isEqualTo(1.0);
  }

  @Test
  void rejectsKeysOutOfOrderOrRepeated() {
    assertThatThrownBy(() -> SortedDoubleMap.keys("b", "a")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SortedDoubleMap.keys("a", "a")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SortedDoubleMap.keys("a").with(1, 2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sortAndWrapOrdersThePrefix() {
    String[] k = {"d", "a", "c", "b", null};
    double[] v = {4, 1, 3, 2, 0};
    SortedDoubleMap m = SortedDoubleMap.sortAndWrap(k, v, 4);
    assertThat(m).isEqualTo(Map.of("a", 1.0, "b", 2.0, "c", 3.0, "d", 4.0));
    assertThat(List.copyOf(m.values())).containsExactly(1.0, 2.0, 3.0, 4.0);
  }

  @Test
  void modelGivesTheSameContributionsForAnyStrengthMapType() {
    LogisticRiskModel model = LogisticRiskModel.defaultPrior();
    List<String> ids = List.copyOf(new java.util.TreeSet<>(model.indicatorNames()));
    double[] s = new double[ids.size()];
    for (int i = 0; i < s.length; i++) s[i] = (i % 3) / 2.0;
    TreeMap<String, Double> plain = new TreeMap<>();
    for (int i = 0; i < s.length; i++) plain.put(ids.get(i), s[i]);
    Map<String, Double> features = Map.of("price.percentile", 0.1);
    RiskScore a = model.score(new Activations(SortedDoubleMap.keys(ids.toArray(String[]::new)).with(s), features));
    RiskScore b = model.score(new Activations(plain, features));
    assertThat(a).isEqualTo(b);
  }

  @Test
  void withOwnedIsWithWithoutTheCopy() {
    SortedDoubleMap.Keys keys = SortedDoubleMap.keys("a", "b", "c");
    double[] values = {0.5, 0, -1};
    SortedDoubleMap owned = keys.withOwned(values);
    org.assertj.core.api.Assertions.assertThat(owned).isEqualTo(keys.with(0.5, 0, -1)).hasSameHashCodeAs(keys.with(0.5, 0, -1));
    org.assertj.core.api.Assertions.assertThat(owned.getDouble("c", 9)).isEqualTo(-1);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> keys.withOwned(new double[2])).isInstanceOf(IllegalArgumentException.class);
  }
}
