#!/usr/bin/env bash
# Runs the Redflag JMH benchmarks, one thread, and writes JMH JSON results with bytes allocated per
# advert (JMH's GC profiler, gc.alloc.rate.norm).
#
#   indicator-bench/run.sh [--quick] [--out DIR] [-- EXTRA JMH ARGS]
#
# --quick   1 fork, 2 x 1 s measurements after 1 s (matching) or 3 x 1 s (assess, NLP) of warm-up,
#           2 cold starts of each engine (about 3 minutes on 2 cores): to see where things stand.
# default   1 fork, 5 x 2 s measurements after 3 x 2 s (matching) or 4 x 3 s (assess, NLP) of
#           warm-up, 5 cold starts of each engine (about 10 minutes on 2 cores).
# --out     results folder (default indicator-bench/results): matching.json, assess.json, start.json.
#
# Builds target/benchmarks.jar first when it is missing. Run on an otherwise idle machine for numbers you
# intend to keep; to compare two builds on a busy one, use BenchTool ab (docs/performance.md).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
jar="$here/target/benchmarks.jar"
out="$here/results"
quick=false
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=true; shift ;;
    --out) out="$2"; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "error: unknown argument '$1' (usage: run.sh [--quick] [--out DIR] [-- EXTRA JMH ARGS])" >&2; exit 2 ;;
  esac
done

if [[ ! -f "$jar" ]]; then
  echo "building $jar ..." >&2
  (cd "$root" && mvn -B -q package -pl indicator-bench -am -DskipTests)
fi
mkdir -p "$out"

# Matching reaches steady state in about a second; the assess path is larger and needs several seconds
# of warm-up before the JIT has compiled it.
if $quick; then
  match=(-f 1 -wi 1 -w 1s -i 2 -r 1s -e 'MatchingPeersBenchmark.redflagScanOnly')
  assess=(-f 1 -wi 3 -w 1s -i 2 -r 1s)
  start=(-f 2)
else
  match=(-f 1 -wi 3 -w 2s -i 5 -r 2s)
  assess=(-f 1 -wi 4 -w 3s -i 5 -r 2s)
  start=(-f 5)
fi

java=(java -Xms1g -Xmx1g)
"${java[@]}" -jar "$jar" -t 1 "${match[@]}" -prof gc -rf json -rff "$out/matching.json" \
  'MatchingPeersBenchmark' "${extra[@]}"
"${java[@]}" -jar "$jar" -t 1 "${assess[@]}" -prof gc -rf json -rff "$out/assess.json" \
  -e 'MatchingPeersBenchmark|EngineStartBenchmark' "${extra[@]}"
# Cold engine starts: single shot in fresh JVMs, so each sample is a first build.
"${java[@]}" -jar "$jar" -t 1 "${start[@]}" -wi 0 -i 1 -bm ss -rf json -rff "$out/start.json" \
  'EngineStartBenchmark' "${extra[@]}"
echo "results: $out/matching.json, $out/assess.json, $out/start.json"
