package org.redflag.bench.match;

/**
 * Counts distinct start offsets without clearing between texts (a generation stamp per offset), so that
 * every matcher pays the same small, allocation-free cost for the shared match semantics. Not
 * thread-safe: one per benchmark thread.
 */
final class DistinctStarts {
  private int[] stamp = new int[1024];
  private int generation;
  private int count;

  /** Starts counting for a text of {@code length} offsets. */
  void reset(int length) {
    if (stamp.length < length + 1) stamp = new int[Math.max(length + 1, stamp.length * 2)];
    if (++generation == 0) { // wrapped after 2^32 texts: clear once
      java.util.Arrays.fill(stamp, 0);
      generation = 1;
    }
    count = 0;
  }

  void mark(int start) {
    if (stamp[start] != generation) {
      stamp[start] = generation;
      count++;
    }
  }

  int count() { return count; }
}
