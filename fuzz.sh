#!/usr/bin/env bash
# Long fuzzing runs (not part of ./test.sh).
#
#   ./fuzz.sh [FACTOR]                    every jqwik property of indicator-core and indicator-nlp with FACTOR
#                                         times its usual tries (default 1000, about 16 minutes on 2 cores;
#                                         100: about 2 minutes). A failure prints the failing sample and its seed.
#   ./fuzz.sh [FACTOR] --jazzer SECONDS   then coverage-guided fuzzing with Jazzer: each fuzz target for
#                                         SECONDS (the JSONL advert reader, the whole score line handler, the
#                                         pack loader, the model reader, the baseline reader, price extraction,
#                                         the text pipeline). The jqwik part runs only when FACTOR is given.
#
# A target fails on an undeclared exception, on an input that takes longer than its budget (FuzzChecks,
# 5 s; libFuzzer's -timeout, 30 s, catches a hang) and on output over its bound. Each crashing input is
# written into the target's committed corpus (src/test/resources/.../<Target>Inputs/fuzz/crash-*), which
# ./test.sh replays (Jazzer's regression mode): commit it with the fix. New coverage-increasing inputs
# go to target/jazzer-corpus/ (not committed; copy the useful ones into the corpus by hand).
set -euo pipefail
cd "$(dirname "$0")"
factor=""
seconds=""
while [ $# -gt 0 ]; do
  case "$1" in
    --jazzer)
      seconds="${2:-}"
      if ! [[ "$seconds" =~ ^[1-9][0-9]{0,6}$ ]]; then
        echo "fuzz.sh: --jazzer needs SECONDS per target, a whole number from 1 to 9999999, was '$seconds'" >&2
        exit 2
      fi
      shift 2 ;;
    *)
      if [ -n "$factor" ] || ! [[ "$1" =~ ^[1-9][0-9]{0,5}$ ]]; then
        echo "fuzz.sh: usage: ./fuzz.sh [FACTOR] [--jazzer SECONDS]; FACTOR is a whole number from 1 to 999999, was '$1'" >&2
        exit 2
      fi
      factor="$1"
      shift ;;
  esac
done
if [ -z "$seconds" ] || [ -n "$factor" ]; then
  mvn -B -pl indicator-core,indicator-nlp -am test -Dredflag.fuzz.factor="${factor:-1000}" \
    -Dtest='*Properties,ModelFileRoundTripTest' -Dsurefire.failIfNoSpecifiedTests=false
fi
[ -z "$seconds" ] && exit 0

mvn -B -q -pl indicator-core,indicator-cli -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/fuzz-classpath.txt -Dmdep.includeScope=test
status=0
run() { # MODULE CLASS
  local module="$1" class="$2"
  local simple="${class##*.}" pkg="${class%.*}"
  local inputs="$module/src/test/resources/${pkg//.//}/${simple}Inputs/fuzz"
  local work="$module/target/jazzer-corpus/$simple"
  mkdir -p "$inputs" "$work"
  echo "fuzz.sh: $simple for $seconds s" >&2
  if ! java -Xmx2g -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/fuzz-classpath.txt")" \
      com.code_intelligence.jazzer.Jazzer --target_class="$class" --instrumentation_includes='org.redflag.**' \
      -max_total_time="$seconds" -timeout=30 -rss_limit_mb=3072 -artifact_prefix="$inputs/" "$work" "$inputs"; then
    echo "fuzz.sh: $simple found a failing input; it is in $inputs (replayed by ./test.sh)" >&2
    status=1
  fi
}
for t in AdvertReader PackLoader ModelReader BaselineReader PriceExtraction TextPipeline; do
  run indicator-core "org.redflag.fuzz.${t}FuzzTest"
done
run indicator-cli org.redflag.cli.ScoreLineFuzzTest
exit $status
