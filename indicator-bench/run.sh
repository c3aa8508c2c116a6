#!/usr/bin/env bash
# Runs the Redflag JMH benchmarks and writes JMH JSON results (plus a Markdown report and an SVG chart).
#
#   indicator-bench/run.sh [--quick | --interleaved] [--out DIR] [-- EXTRA ARGS]
#
# --quick   1 fork, 2 x 1 s measurements after 1 s (matching) or 3 x 1 s (assess, NLP) of warm-up,
#           2 cold starts of each engine, and without the diagnostic MatchingPeersBenchmark.redflagScanOnly:
#           under 3 minutes on a 2-core machine. For the ratio gate; not for publishing numbers.
# default   1 fork, 5 x 2 s measurements after 3 x 2 s (matching) or 4 x 3 s (assess, NLP) of
#           warm-up, 5 cold starts of each engine (about 9.5 minutes).
# --interleaved  the throughput benchmarks in interleaved slices in one JVM instead of JMH (BenchTool
#           interleave: 20 rounds of 100 ms slices after 2 s of warm-up per op, about 3 minutes), for the
#           ratio gate on a busy machine; no cold starts. Extra arguments go to BenchTool interleave.
# --out     results folder (default indicator-bench/results); writes results.json, report.md, chart.svg.
#
# Builds target/benchmarks.jar first when it is missing (mvn package of this module and its dependencies).
# Benchmarks are pinned to one thread; run on an otherwise idle machine for numbers you intend to keep.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
jar="$here/target/benchmarks.jar"
out="$here/results"
quick=false
interleaved=false
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=true; shift ;;
    --interleaved) interleaved=true; shift ;;
    --out) out="$2"; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "error: unknown argument '$1' (usage: run.sh [--quick | --interleaved] [--out DIR] [-- EXTRA ARGS])" >&2; exit 2 ;;
  esac
done

if [[ ! -f "$jar" ]]; then
  echo "building $jar ..." >&2
  (cd "$root" && mvn -B -q package -pl indicator-bench -am -DskipTests)
fi
mkdir -p "$out"
tool=(java -cp "$jar" org.redflag.bench.tool.BenchTool)

if $interleaved; then
  if $quick; then echo "error: --quick and --interleaved are two different modes; choose one" >&2; exit 2; fi
  # one JVM holds every benchmark's engine and corpus (both NLP engines among them): a larger heap
  java -Xms3g -Xmx3g -cp "$jar" org.redflag.bench.tool.BenchTool interleave "$out/results.json" "${extra[@]}"
  "${tool[@]}" report "$out/results.json" > "$out/report.md"
  "${tool[@]}" svg "$out/results.json" "$out/chart.svg" "Redflag benchmarks (interleaved): adverts per second, one thread"
  echo "results: $out/results.json (report.md, chart.svg beside it)"
  cat "$out/report.md"
  exit 0
fi

# Matching benchmarks reach steady state in about a second; the assess path is larger and needs several
# seconds of warm-up before C2 has compiled it (a 1 s warm-up measured it 5-10x too slow on a busy machine).
if $quick; then
  # redflagScanOnly (the automaton without normalisation) is a diagnostic, not a target or a peer: left
  # out, its three forks' 15 s keep the run under its 3 minutes (2 min 57 s with it on 2026-12-01)
  match=(-f 1 -wi 1 -w 1s -i 2 -r 1s -e 'MatchingPeersBenchmark.redflagScanOnly')
  assess=(-f 1 -wi 3 -w 1s -i 2 -r 1s)
  start=(-f 2)
else
  match=(-f 1 -wi 3 -w 2s -i 5 -r 2s)
  assess=(-f 1 -wi 4 -w 3s -i 5 -r 2s)
  start=(-f 5)
fi

java=(java -Xms1g -Xmx1g)
# Throughput benchmarks, with the GC profiler for bytes allocated per advert (gc.alloc.rate.norm).
"${java[@]}" -jar "$jar" -t 1 "${match[@]}" -prof gc -rf json -rff "$out/matching.json" \
  'MatchingPeersBenchmark' "${extra[@]}"
"${java[@]}" -jar "$jar" -t 1 "${assess[@]}" -prof gc -rf json -rff "$out/assess.json" \
  -e 'MatchingPeersBenchmark|EngineStartBenchmark' "${extra[@]}"
# Cold engine starts: single shot in fresh JVMs, so each sample is a first build.
"${java[@]}" -jar "$jar" -t 1 "${start[@]}" -wi 0 -i 1 -bm ss -rf json -rff "$out/start.json" \
  'EngineStartBenchmark' "${extra[@]}"

"${tool[@]}" merge "$out/results.json" "$out/matching.json" "$out/assess.json" "$out/start.json"
"${tool[@]}" report "$out/results.json" > "$out/report.md"
"${tool[@]}" svg "$out/results.json" "$out/chart.svg"
echo "results: $out/results.json (report.md, chart.svg beside it)"
cat "$out/report.md"
