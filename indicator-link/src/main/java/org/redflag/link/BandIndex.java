package org.redflag.link;

import java.util.Arrays;

/**
 * LSH buckets: band key to the templates registered under it, in order of registration, at most
 * {@code cap} per key. Primitive arrays (an open-addressing table of keys and chains of entries) rather
 * than a map of boxed keys to arrays: nearly every key holds a single template, and there are {@link
 * TemplateFeatures#BANDS} keys per template, so the per-key overhead is what the index's memory is.
 */
final class BandIndex {
  private final int cap;
  private long[] keys = new long[1 << 12];
  private int[] heads = new int[1 << 12]; // first entry of the key's chain, -1 when the slot is free
  private int used;
  private int[] template = new int[1 << 12];
  private int[] next = new int[1 << 12];
  private int entries;

  BandIndex(int cap) {
    this.cap = cap;
    Arrays.fill(heads, -1);
  }

  /** The first entry under {@code key}, or -1; follow with {@link #next}. */
  int first(long key) {
    int i = slot(key, keys, heads);
    return heads[i];
  }

  int next(int entry) { return next[entry]; }

  int template(int entry) { return template[entry]; }

  /** Registers {@code t} under {@code key} unless it is there already or the key holds {@code cap} templates. */
  void add(long key, int t) {
    int i = slot(key, keys, heads);
    if (heads[i] < 0) {
      keys[i] = key;
      heads[i] = entry(t);
      if (++used * 2 > keys.length) grow();
      return;
    }
    int e = heads[i], n = 1;
    while (true) {
      if (template[e] == t) return;
      if (next[e] < 0) break;
      e = next[e];
      n++;
    }
    if (n < cap) {
      int added = entry(t); // first: entry() may replace the next array, which next[e] = entry(t) would read before
      next[e] = added;
    }
  }

  private int entry(int t) {
    if (entries == template.length) {
      template = Arrays.copyOf(template, entries * 2);
      next = Arrays.copyOf(next, entries * 2);
    }
    template[entries] = t;
    next[entries] = -1;
    return entries++;
  }

  /** The slot of {@code key}: where it is, or the free slot where it would go (linear probing). */
  private static int slot(long key, long[] keys, int[] heads) {
    int mask = keys.length - 1;
    int i = (int) (mix(key) & mask);
    while (heads[i] >= 0 && keys[i] != key) i = (i + 1) & mask;
    return i;
  }

  /** Band keys are hashes already; one multiply spreads their low bits over the table again. */
  private static long mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 32);
  }

  private void grow() {
    long[] ok = keys;
    int[] oh = heads;
    keys = new long[ok.length * 2];
    heads = new int[ok.length * 2];
    Arrays.fill(heads, -1);
    for (int i = 0; i < ok.length; i++) {
      if (oh[i] < 0) continue;
      int s = slot(ok[i], keys, heads);
      keys[s] = ok[i];
      heads[s] = oh[i];
    }
  }
}
