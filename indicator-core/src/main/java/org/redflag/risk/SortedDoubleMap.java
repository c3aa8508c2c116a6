package org.redflag.risk;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable map from names to doubles, iterated in natural (ascending) name order, held as a
 * sorted key array and a parallel {@code double[]}. Equal to any other map with the same entries.
 *
 * <p>Why not {@code ImmutableSortedMap}: the engine builds the indicator strengths and the model
 * builds the contributions of every advert; as Guava maps they cost a map entry and a boxed
 * {@code Double} per indicator plus builder arrays for every advert. Here the key
 * array of the strengths is shared by all adverts and values stay primitive until a caller asks
 * for a boxed one through the {@link Map} view.
 */
public final class SortedDoubleMap extends AbstractMap<String, Double> {
  private final String[] keys; // [0, size) strictly ascending; never modified (may be shared between maps)
  private final double[] values;
  private final int size;

  private SortedDoubleMap(String[] keys, double[] values, int size) {
    this.keys = keys;
    this.values = values;
    this.size = size;
  }

  /**
   * For this package: takes ownership of the arrays (the caller drops them) and puts the first
   * {@code size} pairs in ascending key order. Keys must be distinct.
   */
  static SortedDoubleMap sortAndWrap(String[] keys, double[] values, int size) {
    // insertion sort: the model appends strengths (already ascending), then a few features and
    // interaction terms, so the input is nearly sorted and short
    for (int i = 1; i < size; i++) {
      String k = keys[i];
      double v = values[i];
      int j = i - 1;
      while (j >= 0 && keys[j].compareTo(k) > 0) {
        keys[j + 1] = keys[j];
        values[j + 1] = values[j];
        j--;
      }
      keys[j + 1] = k;
      values[j + 1] = v;
    }
    return new SortedDoubleMap(keys, values, size);
  }

  /** For this package: the key array itself (never modify it; entries beyond size() are not keys). */
  String[] keyArray() { return keys; }

  /**
   * For this package: a map of {@code keys} (ascending in [0, size), shared, never modified), to
   * {@code values}, whose ownership the caller gives up.
   */
  static SortedDoubleMap sharingKeys(String[] keys, double[] values, int size) { return new SortedDoubleMap(keys, values, size); }

  /**
   * Key set for maps built by {@link Keys#with}: validated once, shared by every map made from it.
   *
   * @param sortedKeys distinct names in ascending natural order (copied)
   */
  public static Keys keys(String... sortedKeys) { return new Keys(sortedKeys.clone()); }

  /** A copy of {@code map} (no null key or value). */
  public static SortedDoubleMap copyOf(Map<String, Double> map) {
    java.util.TreeMap<String, Double> sorted = new java.util.TreeMap<>(map);
    String[] keys = new String[sorted.size()];
    double[] values = new double[keys.length];
    int n = 0;
    for (Map.Entry<String, Double> e : sorted.entrySet()) {
      keys[n] = e.getKey();
      values[n++] = Objects.requireNonNull(e.getValue(), () -> "value of '" + e.getKey() + "'");
    }
    return new SortedDoubleMap(keys, values, n);
  }

  /** Builds a map from keys in ascending order; the arrays are copied. */
  public static SortedDoubleMap ofSorted(String[] sortedKeys, double[] values) {
    return keys(sortedKeys).with(values);
  }

  /** A validated, immutable sorted key array. */
  public static final class Keys {
    private final String[] keys;

    private Keys(String[] keys) {
      for (int i = 0; i < keys.length; i++) {
        if (keys[i] == null) throw new NullPointerException("key " + i);
        if (i > 0 && keys[i - 1].compareTo(keys[i]) >= 0) {
          throw new IllegalArgumentException("keys must be distinct and ascending: '" + keys[i - 1] + "' then '" + keys[i] + "'");
        }
      }
      this.keys = keys;
    }

    public int size() { return keys.length; }

    /** A map of these keys to {@code values} (same length, copied). */
    public SortedDoubleMap with(double... values) {
      if (values.length != keys.length) throw new IllegalArgumentException("expected " + keys.length + " values, got " + values.length);
      return new SortedDoubleMap(keys, values.clone(), keys.length);
    }

    /**
     * As {@link #with}, but takes ownership of {@code values} instead of copying it: the caller must
     * not change the array afterwards. For callers that build a fresh array per map (the engine's
     * indicator strengths, once per advert: one array less per {@code AssessBenchmark.assess}).
     */
    public SortedDoubleMap withOwned(double[] values) {
      if (values.length != keys.length) throw new IllegalArgumentException("expected " + keys.length + " values, got " + values.length);
      return new SortedDoubleMap(keys, values, keys.length);
    }
  }

  @Override public int size() { return size; }

  /** The i-th key in ascending order. */
  public String keyAt(int i) { return keys[Objects.checkIndex(i, size)]; }

  /** The value of the i-th key in ascending order. */
  public double valueAt(int i) { return values[Objects.checkIndex(i, size)]; }

  /** Index of {@code key} in ascending order, or a negative number when absent. */
  public int indexOf(Object key) {
    return key instanceof String s ? Arrays.binarySearch(keys, 0, size, s) : -1;
  }

  /** The value of {@code key}, or {@code absent} when there is none (no boxing). */
  public double getDouble(String key, double absent) {
    int i = indexOf(key);
    return i >= 0 ? values[i] : absent;
  }

  @Override public boolean containsKey(Object key) { return indexOf(key) >= 0; }

  @Override
  public Double get(Object key) {
    int i = indexOf(key);
    return i >= 0 ? values[i] : null;
  }

  @Override
  public Set<Map.Entry<String, Double>> entrySet() {
    return new AbstractSet<>() {
      @Override public int size() { return size; }

      @Override
      public Iterator<Map.Entry<String, Double>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override public boolean hasNext() { return next < size; }

          @Override
          public Map.Entry<String, Double> next() {
            if (next >= size) throw new NoSuchElementException();
            int i = next++;
            return new AbstractMap.SimpleImmutableEntry<>(keys[i], values[i]);
          }
        };
      }
    };
  }
}
