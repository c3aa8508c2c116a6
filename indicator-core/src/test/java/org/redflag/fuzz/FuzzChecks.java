package org.redflag.fuzz;

import java.util.function.Supplier;

/**
 * What every fuzz target checks besides "no undeclared exception": a time budget per input and a
 * bound on the output. The budget is generous (a shared 2-core machine under load) and far below
 * the minutes that the hangs of issue 24 took; the output bound is linear in the input, so a target
 * fails on amplification (the 57 MB output line of one 1 MB advert).
 */
public final class FuzzChecks {
  /** Longest time one input may take, in milliseconds. */
  public static final long BUDGET_MS = Long.getLong("redflag.fuzz.budgetMs", 5_000);

  private FuzzChecks() {}

  /** Runs {@code work} and fails when it took longer than {@link #BUDGET_MS}. */
  public static <T> T timed(String what, Supplier<T> work) {
    long t0 = System.nanoTime();
    T result = work.get();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    if (ms > BUDGET_MS) throw new AssertionError(what + " took " + ms + " ms on one input (budget " + BUDGET_MS + " ms)");
    return result;
  }

  /** Fails when {@code size} exceeds {@code bound}. */
  public static void bounded(String what, long size, long bound) {
    if (size > bound) throw new AssertionError(what + " is " + size + ", more than its bound " + bound);
  }
}
