#!/usr/bin/env bash
# CI regression gate on JMH results, by ratios to MatchingPeersBenchmark.javaRegex of the same run.
#
#   indicator-bench/gate.sh BASELINE... CURRENT.json [--tolerance 0.2] [--exclude REGEX] [--reference Class.method]
#
# BASELINE: a JMH JSON result file or a folder of them (e.g. indicator-bench/baseline/quick); with
# several baseline runs, each benchmark's baseline ratio is the median of its ratios in those runs.
# Exit 0: no benchmark's ratio dropped by more than the tolerance (default 0.2 = 20%).
# Exit 1: at least one did, or a baseline benchmark is missing from CURRENT (the table says which).
# Exit 2: bad arguments or unreadable results.
# --exclude REGEX leaves out benchmarks whose "Class.method {params}" key the regex finds, e.g.
#   --exclude EngineStart  (single-shot cold starts are noisy on shared CI machines).
# --reference divides by another benchmark of the same run instead of javaRegex, e.g.
#   MatchingPeersBenchmark.orgAhocorasick (javaRegex's speed differs from one JVM to the next, see
#   docs/performance.md). Mixing runs of JMH and of run.sh --interleaved warns.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/benchmarks.jar"
if [[ ! -f "$jar" ]]; then
  echo "error: $jar not found; build it with 'mvn -B package -pl indicator-bench -am -DskipTests'" >&2
  exit 2
fi
exec java -cp "$jar" org.redflag.bench.tool.BenchTool gate "$@"
