package org.redflag.price;

import java.util.Random;
import java.util.function.Supplier;
import org.apache.datasketches.kll.KllSketch;

/**
 * Makes KLL sketches reproducible: the same rates in the same order give byte-identical sketches,
 * so two {@code redflag baseline build} runs on one input write identical files and a price near a
 * percentile does not flip between builds. KLL compaction keeps a random half of each full level,
 * drawn from one static, unseeded {@link Random} of the library ({@code KllSketch.random}, DataSketches
 * 6.x) with no seeding API. Every sketch operation of this package that compacts runs here, under one
 * lock, after seeding that generator with a fixed seed: the result depends on the data alone.
 *
 * <p>The sketch's error guarantee does not need fresh randomness per build; it holds for any fixed
 * seed over data not chosen against that seed, which market prices are not. When the field cannot
 * be reached (a DataSketches version without it), builds still work but are not reproducible;
 * {@code MarketBaselinesTest} fails then, so an upgrade cannot lose this silently.
 */
final class SeededKll {
  private static final long SEED = 0x5EED_BA5E_11E5L;
  private static final Object LOCK = new Object();
  private static final Random RANDOM = libraryRandom();

  private SeededKll() {}

  private static Random libraryRandom() {
    try {
      java.lang.reflect.Field f = KllSketch.class.getDeclaredField("random");
      f.setAccessible(true);
      return (Random) f.get(null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** Whether builds are reproducible with this DataSketches version. */
  static boolean reproducible() { return RANDOM != null; }

  /** Runs {@code work} (sketch updates and merges) with the library's generator freshly seeded. */
  static <T> T run(Supplier<T> work) {
    synchronized (LOCK) {
      if (RANDOM != null) RANDOM.setSeed(SEED);
      return work.get();
    }
  }
}
