package org.redflag.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class OrderedParallelTest {

  /** Source of 0..n-1. */
  private static OrderedParallel.Source<Integer> upTo(int n, AtomicLong read) {
    return () -> read.get() < n ? (int) read.getAndIncrement() : null;
  }

  /** A function whose time varies a lot between records, so that batches finish out of order. */
  private static long uneven(int x) {
    if (x % 7 == 0) LockSupport.parkNanos(20_000);
    long h = x;
    for (int i = 0; i < (x % 13) * 50; i++) h = h * 6364136223846793005L + 1442695040888963407L;
    return h;
  }

  @Property(tries = 60)
  void sameSequenceAsAPlainLoop(@ForAll @IntRange(min = 0, max = 3000) int n, @ForAll @IntRange(min = 1, max = 5) int threads,
      @ForAll @IntRange(min = 1, max = 300) int batch) throws IOException {
    List<Long> expected = new ArrayList<>();
    for (int i = 0; i < n; i++) expected.add(uneven(i)); // the oracle: the single-threaded loop

    List<Integer> records = new ArrayList<>();
    List<Long> results = new ArrayList<>();
    long count = OrderedParallel.run(upTo(n, new AtomicLong()), threads, batch, OrderedParallelTest::uneven, (r, v) -> {
      records.add(r);
      results.add(v);
    });

    assertThat(count).isEqualTo(n);
    assertThat(results).isEqualTo(expected);
    for (int i = 0; i < n; i++) assertThat(records.get(i)).isEqualTo(i);
  }

  @Test
  void mapsOnTheCallerAndThreadsMinusOneWorkersAndConsumesOnTheCaller() throws IOException {
    String caller = Thread.currentThread().getName();
    Set<String> mappers = ConcurrentHashMap.newKeySet();
    Set<String> sinks = ConcurrentHashMap.newKeySet();
    OrderedParallel.run(upTo(20_000, new AtomicLong()), 3, 16, x -> {
      mappers.add(Thread.currentThread().getName());
      return uneven(x);
    }, (r, v) -> sinks.add(Thread.currentThread().getName()));
    assertThat(mappers).hasSizeBetween(2, 3).allMatch(name -> name.equals(caller) || name.startsWith("redflag-worker-"));
    assertThat(mappers.stream().filter(name -> name.startsWith("redflag-worker-"))).hasSizeBetween(1, 2);
    assertThat(sinks).containsExactly(caller);

    mappers.clear();
    OrderedParallel.run(upTo(100, new AtomicLong()), 1, x -> mappers.add(Thread.currentThread().getName()), (r, v) -> {});
    assertThat(mappers).containsExactly(caller);
  }

  @Test
  void readsAheadAtMostTwiceTheThreadsInBatchesPlusOne() throws IOException {
    int threads = 2;
    int batch = 10;
    AtomicLong read = new AtomicLong();
    long[] consumed = {0};
    long[] maxAhead = {0};
    OrderedParallel.run(upTo(2000, read), threads, batch, x -> x, (r, v) -> {
      consumed[0]++;
      maxAhead[0] = Math.max(maxAhead[0], read.get() - consumed[0]);
      if (consumed[0] % 50 == 0) LockSupport.parkNanos(1_000_000); // a slow writer: workers race ahead if they can
    });
    assertThat(consumed[0]).isEqualTo(2000);
    assertThat(maxAhead[0]).isLessThanOrEqualTo((2L * threads + 1) * batch).isGreaterThanOrEqualTo(2L * threads * batch - 1);
  }

  @Test
  void heavyRecordsEndABatchEarlySoFewOfThemAreHeldAtOnce() throws IOException {
    int threads = 2;
    AtomicLong read = new AtomicLong();
    long[] consumed = {0};
    long[] maxAhead = {0};
    List<Integer> seen = new ArrayList<>();
    // every record weighs 100: a batch ends after 3 records (weight 300 >= 250), far below 256
    OrderedParallel.run(upTo(3000, read), threads, 256, 250, r -> 100, x -> x, (r, v) -> {
      seen.add(v);
      consumed[0]++;
      maxAhead[0] = Math.max(maxAhead[0], read.get() - consumed[0]);
      if (consumed[0] % 50 == 0) LockSupport.parkNanos(1_000_000);
    });
    assertThat(seen).hasSize(3000);
    for (int i = 0; i < seen.size(); i++) assertThat(seen.get(i)).isEqualTo(i);
    assertThat(maxAhead[0]).isLessThanOrEqualTo((2L * threads + 1) * 3);
    // one record heavier than the budget is a batch of its own
    read.set(0);
    List<Integer> single = new ArrayList<>();
    OrderedParallel.run(upTo(10, read), threads, 256, 5, r -> 1000, x -> x, (r, v) -> single.add(v));
    assertThat(single).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThatThrownBy(() -> OrderedParallel.run(() -> null, 2, 8, 0, r -> 1, x -> x, (r, v) -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBatchWeight must be at least 1, was 0");
  }

  @Test
  void aFailureInTheWorkEndsTheRunOnTheCallingThreadAndStopsTheWorkers() {
    AtomicLong read = new AtomicLong();
    assertThatThrownBy(() -> OrderedParallel.run(upTo(1_000_000, read), 2, 8, x -> {
      if (x == 500) throw new IllegalStateException("record 500");
      return x;
    }, (r, v) -> assertThat(r).isLessThan(500)))
        .isInstanceOf(IllegalStateException.class).hasMessage("record 500");
    assertThat(read.get()).isLessThan(1_000_000); // stopped, not run to the end
    assertNoWorkerLeftRunning();
  }

  @Test
  void aFailureInTheSinkOrTheSourceEndsTheRun() {
    assertThatThrownBy(() -> OrderedParallel.run(upTo(10_000, new AtomicLong()), 2, 8, x -> x, (r, v) -> {
      if (r == 100) throw new IOException("disk full");
    })).isInstanceOf(IOException.class).hasMessage("disk full");

    AtomicLong read = new AtomicLong();
    assertThatThrownBy(() -> OrderedParallel.run(() -> {
      if (read.incrementAndGet() == 77) throw new IOException("read error");
      return 1;
    }, 2, 8, x -> x, (r, v) -> {})).isInstanceOf(IOException.class).hasMessage("read error");
    assertNoWorkerLeftRunning();
  }

  @Test
  void rejectsThreadAndBatchCountsBelowOne() {
    assertThatThrownBy(() -> OrderedParallel.run(() -> null, 0, x -> x, (r, v) -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads must be at least 1, was 0");
    assertThatThrownBy(() -> OrderedParallel.run(() -> null, 2, 0, x -> x, (r, v) -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batchSize must be at least 1, was 0");
  }

  private static void assertNoWorkerLeftRunning() {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      boolean any = Thread.getAllStackTraces().keySet().stream()
          .anyMatch(t -> t.isAlive() && t.getName().startsWith("redflag-worker-"));
      if (!any) return;
      LockSupport.parkNanos(10_000_000);
    }
    throw new AssertionError("worker threads still running after the run ended");
  }
}
