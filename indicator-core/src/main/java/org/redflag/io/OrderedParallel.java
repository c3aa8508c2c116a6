package org.redflag.io;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a per-record function on several threads and hands the results back in input order, with
 * bounded memory: the records of a stream (lines of a file, adverts) are read on the calling thread
 * in batches, each batch is mapped by one thread, and the calling thread consumes finished batches
 * strictly in the order they were read. At most {@code 2 * threads} batches are in flight; reading
 * waits for the oldest batch before it starts another, so a slow consumer or a huge input never
 * holds more than {@code (2 * threads + 1) * batchSize} records, nor, with a {@link Weigher}, more
 * than {@code 2 * threads + 1} batches of bounded weight.
 *
 * <p>{@code threads} counts the calling thread: {@code threads - 1} workers map batches, and the
 * calling thread, besides reading and consuming, maps batches that no worker has started while it
 * waits for the oldest. So N threads keep N cores busy, not N workers plus a mostly idle reader.
 *
 * <p>This is the one place where batch commands go parallel ({@code redflag score}, {@code evaluate},
 * {@code report}, {@code link} and the benchmarks call it). Because the consumer sees exactly the
 * sequence a single-threaded loop would see, output is byte-for-byte the same for any thread count
 * as long as the function is a pure function of its record (the engine is: it is immutable and
 * thread-safe, keeps per-thread buffers only, and takes its hash key from its builder).
 *
 * <p>With one thread nothing is started: the function runs on the calling thread between reads.
 * Workers are daemon threads, so an abandoned run never keeps the JVM alive; they are stopped when
 * {@link #run} returns or throws.
 */
public final class OrderedParallel {
  /** Records per batch: large enough that handing a batch over costs little next to assessing it, small enough to keep latency and memory low. */
  public static final int DEFAULT_BATCH_SIZE = 256;

  /** Yields records in input order; {@code null} at the end. Called on the calling thread only. */
  @FunctionalInterface
  public interface Source<T> {
    T next() throws IOException;
  }

  /**
   * Maps one record; runs on a worker thread, so it must be thread-safe. A record-level failure
   * should be returned as a value (an error result) rather than thrown: anything thrown ends the run
   * and is rethrown by {@link #run} on the calling thread.
   */
  @FunctionalInterface
  public interface Work<T, R> {
    R apply(T record);
  }

  /** Receives each record with its result, in input order, on the calling thread. */
  @FunctionalInterface
  public interface Sink<T, R> {
    void accept(T record, R result) throws IOException;
  }

  private OrderedParallel() {}

  /** The thread count for "all cores": the processors available to this JVM. */
  public static int availableThreads() { return Runtime.getRuntime().availableProcessors(); }

  /**
   * How much of the memory budget a record takes (for lines: their length); see
   * {@link #run(Source, int, int, long, Weigher, Work, Sink)}.
   */
  @FunctionalInterface
  public interface Weigher<T> {
    long weight(T record);
  }

  /** {@link #run(Source, int, int, Work, Sink)} with {@link #DEFAULT_BATCH_SIZE}. */
  public static <T, R> long run(Source<T> source, int threads, Work<T, R> work, Sink<T, R> sink) throws IOException {
    return run(source, threads, DEFAULT_BATCH_SIZE, work, sink);
  }

  /**
   * Reads every record of {@code source}, maps each with {@code work} on {@code threads} threads and
   * gives record and result to {@code sink} in input order.
   *
   * @return the number of records read
   * @throws IllegalArgumentException if {@code threads} or {@code batchSize} is below 1
   * @throws IOException from the source or the sink; the run stops at once
   */
  public static <T, R> long run(Source<T> source, int threads, int batchSize, Work<T, R> work, Sink<T, R> sink) throws IOException {
    return run(source, threads, batchSize, Long.MAX_VALUE, r -> 0, work, sink);
  }

  /**
   * As {@link #run(Source, int, int, Work, Sink)}, and a batch also ends once its records weigh
   * {@code maxBatchWeight} or more: a batch weighs less than {@code maxBatchWeight} plus one record,
   * so at most {@code 2 * threads + 1} such batches are held. The record count alone does not bound
   * memory when records are large (256 lines of up to 4 MiB each would be 1 GiB per batch).
   *
   * @throws IllegalArgumentException if {@code threads}, {@code batchSize} or {@code maxBatchWeight} is below 1
   */
  public static <T, R> long run(Source<T> source, int threads, int batchSize, long maxBatchWeight, Weigher<T> weigher,
      Work<T, R> work, Sink<T, R> sink) throws IOException {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(weigher, "weigher");
    Objects.requireNonNull(work, "work");
    Objects.requireNonNull(sink, "sink");
    if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    if (batchSize < 1) throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
    if (maxBatchWeight < 1) throw new IllegalArgumentException("maxBatchWeight must be at least 1, was " + maxBatchWeight);
    if (threads == 1) return sequential(source, work, sink);
    ExecutorService pool = Executors.newFixedThreadPool(threads - 1, new Workers());
    try {
      return parallel(source, threads, batchSize, maxBatchWeight, weigher, work, sink, pool);
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T, R> long sequential(Source<T> source, Work<T, R> work, Sink<T, R> sink) throws IOException {
    long n = 0;
    T record;
    while ((record = source.next()) != null) {
      n++;
      sink.accept(record, work.apply(record));
    }
    return n;
  }

  private static <T, R> long parallel(Source<T> source, int threads, int batchSize, long maxBatchWeight, Weigher<T> weigher,
      Work<T, R> work, Sink<T, R> sink, ExecutorService pool) throws IOException {
    int maxInFlight = 2 * threads; // enough that a worker finding the queue empty is rare, few enough to bound memory
    ArrayDeque<FutureTask<Batch<T, R>>> inFlight = new ArrayDeque<>(maxInFlight);
    long n = 0;
    try {
      boolean more = true;
      while (more) {
        Object[] records = new Object[batchSize];
        int size = 0;
        long weight = 0;
        T record = null;
        while (size < batchSize && weight < maxBatchWeight && (record = source.next()) != null) {
          records[size++] = record;
          weight += weigher.weight(record);
        }
        more = record != null; // the batch ended on a limit, not at the end of the source
        n += size;
        if (size > 0) {
          Batch<T, R> batch = new Batch<>(records, size);
          FutureTask<Batch<T, R>> task = new FutureTask<>(() -> batch.map(work));
          inFlight.addLast(task);
          pool.execute(task);
        }
        while (inFlight.size() >= maxInFlight || (!more && !inFlight.isEmpty())) {
          FutureTask<Batch<T, R>> oldest = inFlight.removeFirst();
          help(oldest, inFlight);
          await(oldest).drainTo(sink);
        }
      }
      return n;
    } finally {
      for (FutureTask<Batch<T, R>> f : inFlight) f.cancel(true);
    }
  }

  /**
   * Until {@code oldest} is done, maps batches on the calling thread: the oldest first, then the
   * next ones in order. {@link FutureTask#run} returns at once for a batch that a worker has started
   * or finished, so the caller takes only batches nobody has started, and while a worker is busy with
   * the oldest, the caller maps a later one instead of waiting idle.
   */
  private static <T, R> void help(FutureTask<Batch<T, R>> oldest, ArrayDeque<FutureTask<Batch<T, R>>> rest) {
    oldest.run();
    for (FutureTask<Batch<T, R>> next : rest) {
      if (oldest.isDone()) return;
      next.run();
    }
  }

  /** The finished batch; a failure inside the work is rethrown as it was thrown. */
  private static <T, R> Batch<T, R> await(Future<Batch<T, R>> f) throws IOException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return f.get();
        } catch (InterruptedException e) {
          interrupted = true; // finish the run in order; the caller sees the flag afterwards
        }
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) throw r;
      if (cause instanceof Error err) throw err;
      throw new IllegalStateException(cause); // Work throws no checked exception
    } finally {
      if (interrupted) Thread.currentThread().interrupt();
    }
  }

  /** Records of one batch and, once a worker has mapped them, their results. */
  private static final class Batch<T, R> {
    private final Object[] records;
    private final Object[] results;
    private final int size;

    Batch(Object[] records, int size) {
      this.records = records;
      this.results = new Object[size];
      this.size = size;
    }

    @SuppressWarnings("unchecked")
    Batch<T, R> map(Work<T, R> work) {
      for (int i = 0; i < size; i++) results[i] = work.apply((T) records[i]);
      return this; // published to the consumer by the Future's happens-before edge
    }

    @SuppressWarnings("unchecked")
    void drainTo(Sink<T, R> sink) throws IOException {
      for (int i = 0; i < size; i++) sink.accept((T) records[i], (R) results[i]);
    }
  }

  /** Named daemon workers. */
  private static final class Workers implements ThreadFactory {
    private static final AtomicInteger RUNS = new AtomicInteger();
    private final int run = RUNS.incrementAndGet();
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "redflag-worker-" + run + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
