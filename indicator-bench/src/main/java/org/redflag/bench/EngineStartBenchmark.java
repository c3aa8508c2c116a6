package org.redflag.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.redflag.engine.RiskEngine;
import org.redflag.nlp.RedflagNlp;

/**
 * Cold start: building an engine in a fresh JVM (pack loading and validation, automaton construction,
 * indicator discovery, model loading), and the same with the OpenNLP component (loading its models
 * from the class path too; target under 2 s). Single shot, one measurement per fork, so each sample
 * is a first build.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(5)
public class EngineStartBenchmark {
  @Benchmark
  public RiskEngine defaultEngine() { return RiskEngine.withDefaults(); }

  @Benchmark
  public RiskEngine nlpEngine() { return RiskEngine.builder().nlp(RedflagNlp.component()).build(); }
}
