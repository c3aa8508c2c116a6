package org.redflag.bench.tool;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;

/**
 * Paired A/B comparison of two builds of Redflag, in alternating slices: each build's benchmarks jar gets its own
 * class loader and its own {@link org.redflag.bench.PairedOp}, and the two run in alternating time
 * slices (A then B, B then A, ...) after a common warm-up. Each round gives the ratio of B's time per
 * op to A's; the result is the median of those ratios with its quartiles.
 *
 * <p>Why: on a shared machine (a CI runner) two JMH runs of the same code differ by more than the
 * changes worth catching, because the machine's load changes between them; slices a fraction of a
 * second apart see the same load, so a change of a few percent shows. The build loaded second runs
 * faster or slower than the first by placement alone (A/A comparisons of one jar show it), so by
 * default the comparison runs in both orders, each in a JVM of its own, and reports
 * {@code sqrt(m1 / m2)} of the two medians (the bias cancels) with the bias itself,
 * {@code sqrt(m1 * m2)}. {@code --one-order} runs one order in this JVM. Benchmarks and sizes may be
 * comma-separated lists: each benchmark at each size is compared in turn, in the same two JVMs. With
 * {@code --fail-above R} the command exits 1 when B's time per op is more than {@code R} times A's in
 * any of them: a regression gate for CI that builds both the base and the change, robust to a busy
 * machine and to its load drifting between benchmarks (each pair is measured at one time). This
 * measures time per op only; JMH remains the tool for published numbers and allocation.
 */
public final class PairedComparison {
  private PairedComparison() {}

  /** What a comparison measured: B's time per op over A's, per round. */
  public record Result(double median, double lowerQuartile, double upperQuartile, double meanNanosA,
      double meanNanosB, int rounds) {
    /** One line: both builds' mean time per op and the median ratio with its quartiles. */
    public String describe(String label) {
      return String.format(Locale.ROOT,
          "%s: A %.0f ns/op, B %.0f ns/op (means of %d rounds); B/A time per op: median %.3f (%+.1f%%), quartiles %.3f..%.3f",
          label, meanNanosA, meanNanosB, rounds, median, (median - 1) * 100, lowerQuartile, upperQuartile);
    }
  }

  /**
   * Runs {@code warmUpSlices} slices of each, then {@code rounds} rounds of one slice of each, the
   * first of a round alternating between A and B. An operator runs ops for at least the nanoseconds it is
   * given and returns how many it ran; {@code clock} measures each slice.
   */
  public static Result compare(LongUnaryOperator a, LongUnaryOperator b, int rounds, long sliceNanos,
      int warmUpSlices, LongSupplier clock) {
    if (rounds < 1) throw new IllegalArgumentException("rounds must be at least 1, was " + rounds);
    if (sliceNanos < 1) throw new IllegalArgumentException("slice must be positive, was " + sliceNanos + " ns");
    for (int w = 0; w < warmUpSlices; w++) {
      a.applyAsLong(sliceNanos);
      b.applyAsLong(sliceNanos);
    }
    double[] ratios = new double[rounds];
    double sumA = 0, sumB = 0;
    for (int r = 0; r < rounds; r++) {
      double perOpA, perOpB;
      if ((r & 1) == 0) {
        perOpA = perOp(a, sliceNanos, clock);
        perOpB = perOp(b, sliceNanos, clock);
      } else {
        perOpB = perOp(b, sliceNanos, clock);
        perOpA = perOp(a, sliceNanos, clock);
      }
      ratios[r] = perOpB / perOpA;
      sumA += perOpA;
      sumB += perOpB;
    }
    Arrays.sort(ratios);
    return new Result(quantile(ratios, 0.5), quantile(ratios, 0.25), quantile(ratios, 0.75), sumA / rounds,
        sumB / rounds, rounds);
  }

  private static double perOp(LongUnaryOperator op, long sliceNanos, LongSupplier clock) {
    long t0 = clock.getAsLong();
    long ops = op.applyAsLong(sliceNanos);
    long t = clock.getAsLong() - t0;
    if (ops <= 0) throw new IllegalStateException(op + " ran no op in a slice of " + sliceNanos + " ns");
    return (double) t / ops;
  }

  /** Linear interpolation between the closest ranks of sorted {@code v}. */
  static double quantile(double[] v, double q) {
    double pos = q * (v.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, v.length - 1);
    return v[lo] + (pos - lo) * (v[hi] - v[lo]);
  }

  private static final String OP_CLASS = "org.redflag.bench.PairedOp";

  /**
   * A fresh {@link org.redflag.bench.PairedOp} for {@code benchmark} and {@code size}, defined in a class
   * loader of its own over {@code jar} (a benchmarks jar, which holds Redflag and its dependencies), so
   * that it runs that jar's code.
   */
  static LongUnaryOperator load(Path jar, String benchmark, String size) throws IOException {
    return newOp(loader(new URL[] {jar.toUri().toURL()}), jar.toUri().toURL(), benchmark, size);
  }

  /** A class loader of its own over {@code classPath} (parent: the platform loader), with this tool's {@code PairedOp}. */
  static ClassLoader loader(URL[] classPath) throws IOException {
    byte[] op;
    try (InputStream in = PairedComparison.class.getResourceAsStream("/" + OP_CLASS.replace('.', '/') + ".class")) {
      if (in == null) throw new IllegalStateException(OP_CLASS + " is not on the class path");
      op = in.readAllBytes();
    }
    return new BuildLoader(classPath, op);
  }

  /** A new {@code PairedOp} for {@code benchmark} and {@code size} in {@code loader} (made by {@link #loader}); {@code source} names it in errors. */
  static LongUnaryOperator newOp(ClassLoader loader, URL source, String benchmark, String size) {
    try {
      Class<?> c = loader.loadClass(OP_CLASS);
      return (LongUnaryOperator) c.getConstructor(String.class, String.class).newInstance(benchmark, size);
    } catch (java.lang.reflect.InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IllegalArgumentException iae) throw iae;
      throw new IllegalStateException(source + ": could not set up " + benchmark + ": " + cause, cause);
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException(source + ": could not load " + OP_CLASS + " (" + e + ")", e);
    }
  }

  /** Loads a jar's classes on their own (parent: the platform loader) and {@code PairedOp} from the given bytes. */
  private static final class BuildLoader extends URLClassLoader {
    private final byte[] op;

    BuildLoader(URL[] classPath, byte[] op) {
      super(classPath, ClassLoader.getPlatformClassLoader());
      this.op = op;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.equals(OP_CLASS)) return super.loadClass(name, resolve);
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        return c != null ? c : defineClass(name, op, 0, op.length);
      }
    }
  }

  /**
   * {@code BenchTool ab A.jar B.jar BENCHMARK[,BENCHMARK...] SIZE[,SIZE...] [--rounds N] [--slice-ms MS] [--warmup-s S]
   * [--fail-above R] [--one-order]}: every benchmark at every size, one pair after another.
   */
  static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
    TimingOptions timing = new TimingOptions(40, 200, 8);
    boolean oneOrder = false;
    double failAbove = Double.NaN;
    java.util.List<String> pos = new java.util.ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--one-order")) {
        oneOrder = true;
      } else if (a.equals("--fail-above")) {
        if (i + 1 == args.length) return usage(err, "--fail-above needs a ratio, e.g. 1.10");
        try {
          failAbove = Double.parseDouble(args[++i]);
        } catch (NumberFormatException e) {
          return usage(err, "--fail-above must be a number such as 1.10, was '" + args[i] + "'");
        }
        if (!(failAbove >= 1)) return usage(err, "--fail-above must be at least 1 (B's time per op over A's), was " + args[i]);
      } else if (TimingOptions.handles(a)) {
        String problem = timing.take(args, i++);
        if (problem != null) return usage(err, problem);
      } else if (a.startsWith("--")) {
        return usage(err, "unknown option '" + a + "'");
      } else {
        pos.add(a);
      }
    }
    if (pos.size() != 4) return usage(err, "ab needs A.jar B.jar BENCHMARK SIZE");
    List<String> benchmarks = List.of(pos.get(2).split(",", -1));
    List<String> sizes = List.of(pos.get(3).split(",", -1));
    for (String benchmark : benchmarks) {
      if (!org.redflag.bench.PairedOp.names().contains(benchmark)) {
        return usage(err, "unknown benchmark '" + benchmark + "', expected one of " + String.join(", ", org.redflag.bench.PairedOp.names()));
      }
    }
    for (String size : sizes) org.redflag.bench.corpus.SyntheticAdverts.Size.of(size); // validates the labels before loading anything
    Path jarA = Path.of(pos.get(0)), jarB = Path.of(pos.get(1));
    for (Path j : List.of(jarA, jarB)) if (!Files.isRegularFile(j)) return usage(err, j + ": no such jar");
    if (oneOrder) {
      // one pair at a time: each pair's class loaders are dropped before the next is loaded
      for (String benchmark : benchmarks) {
        for (String size : sizes) {
          LongUnaryOperator a = load(jarA, benchmark, size);
          LongUnaryOperator b = load(jarB, benchmark, size);
          long slice = timing.sliceMs * 1_000_000L;
          int warmUpSlices = (int) Math.ceil(timing.warmUpSeconds * 1e9 / (2.0 * slice)); // of each build
          Result r = compare(a, b, timing.rounds, slice, warmUpSlices, System::nanoTime);
          out.println(r.describe(benchmark + " " + size));
          out.println(String.format(Locale.ROOT, "median %s %s %.6f", benchmark, size, r.median()));
        }
      }
      return 0;
    }
    // both orders, each in a JVM of its own: the build loaded second runs a few percent faster or
    // slower than the first by placement alone, so one order's median mixes that into the effect
    List<String> common = List.of(pos.get(2), pos.get(3), "--rounds", Integer.toString(timing.rounds), "--slice-ms",
        Long.toString(timing.sliceMs), "--warmup-s", Long.toString(timing.warmUpSeconds), "--one-order");
    Map<String, Double> m1 = child(jarA, jarB, common, out, err);
    Map<String, Double> m2 = child(jarB, jarA, common, out, err);
    if (m1 == null || m2 == null) return 2;
    List<String> keys = new java.util.ArrayList<>();
    for (String benchmark : benchmarks) for (String size : sizes) keys.add(benchmark + " " + size);
    return verdict(keys, m1, m2, failAbove, out, err);
  }

  /**
   * Prints each pair's ratio from both orders' medians ({@code m1}: A loaded first, {@code m2}: B
   * loaded first, by "benchmark size") and returns the exit code: 1 when a ratio is above
   * {@code failAbove} (NaN: never), 2 when a pair lacks a median, else 0.
   */
  static int verdict(List<String> keys, Map<String, Double> m1, Map<String, Double> m2, double failAbove,
      PrintStream out, PrintStream err) {
    int failed = 0;
    for (String key : keys) {
      Double a = m1.get(key), b = m2.get(key);
      if (a == null || b == null) {
        err.println("error: no result for " + key + " from both orders");
        return 2;
      }
      double ratio = combined(a, b);
      boolean fails = !Double.isNaN(failAbove) && ratio > failAbove;
      if (fails) failed++;
      out.println(String.format(Locale.ROOT,
          "%s: B/A time per op %.3f (%+.1f%%), from both orders (A first: %.3f, B first: %.3f); second-loaded build's own bias %+.1f%%%s",
          key, ratio, (ratio - 1) * 100, a, 1 / b, (Math.sqrt(a * b) - 1) * 100, fails ? "  SLOWER" : ""));
    }
    if (failed > 0) {
      out.println(String.format(Locale.ROOT, "FAIL: in %d of %d comparisons B takes more than %.3f times A's time per op",
          failed, keys.size(), failAbove));
      return 1;
    }
    return 0;
  }

  /**
   * B's time per op over A's from the medians of both orders: {@code m1} with A loaded first, {@code m2}
   * with B loaded first (so {@code m2} is A over B). A factor that favours the build loaded second
   * multiplies {@code m1} and {@code m2} alike and cancels in {@code sqrt(m1 / m2)}.
   */
  static double combined(double m1, double m2) { return Math.sqrt(m1 / m2); }

  /**
   * Runs {@code ab FIRST SECOND ... --one-order} in a new JVM like this one; its medians by
   * "benchmark size", or null when it failed.
   */
  private static Map<String, Double> child(Path first, Path second, List<String> common, PrintStream out, PrintStream err)
      throws IOException {
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(x -> x.startsWith("-X")).toList());
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchTool.class.getName(), "ab",
        first.toString(), second.toString()));
    cmd.addAll(common);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    Map<String, Double> medians = new java.util.LinkedHashMap<>();
    try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
        java.nio.charset.StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (!parseMedian(line, medians) && !line.startsWith("SLF4J")) out.println("  " + line);
      }
    }
    try {
      if (p.waitFor() != 0) {
        err.println("error: the comparison of " + first + " then " + second + " failed (exit " + p.exitValue() + ")");
        return null;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    return medians;
  }

  /** Reads a child's {@code median BENCHMARK SIZE VALUE} line into {@code medians}; false for any other line. */
  static boolean parseMedian(String line, Map<String, Double> medians) {
    String[] f = line.split(" ");
    if (f.length != 4 || !f[0].equals("median")) return false;
    try {
      medians.put(f[1] + " " + f[2], Double.parseDouble(f[3]));
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static int usage(PrintStream err, String problem) {
    err.println("error: " + problem);
    err.println("usage: BenchTool ab A.jar B.jar BENCHMARK[,...] SIZE[,...] [--rounds 40] [--slice-ms 200] [--warmup-s 8] [--fail-above R] [--one-order]");
    err.println("       BENCHMARK: " + String.join(", ", org.redflag.bench.PairedOp.names()) + "; SIZE: 200B, 1KB or 10KB");
    return 2;
  }
}
