#!/usr/bin/env bash
# Long fuzzing run (not part of ./test.sh): every jqwik property of indicator-core and indicator-nlp
# with FACTOR times its usual tries: the fused text pipeline against its three-pass reference, the
# matcher against brute force, the phone-number scanner against its reference, price extraction,
# offset maps, linear work, model files, NLP features on arbitrary Unicode. A failure prints the
# failing sample and its seed.
#
#   ./fuzz.sh [FACTOR]        FACTOR: 1 to 999999; default 1000, about 16 minutes on 2 cores (100: about 2 minutes)
set -euo pipefail
cd "$(dirname "$0")"
factor="${1:-1000}"
if ! [[ "$factor" =~ ^[1-9][0-9]{0,5}$ ]]; then
  echo "fuzz.sh: FACTOR must be a whole number from 1 to 999999, was '$factor'" >&2
  exit 2
fi
exec mvn -B -pl indicator-core,indicator-nlp -am test -Dredflag.fuzz.factor="$factor" \
  -Dtest='*Properties,ModelFileRoundTripTest' -Dsurefire.failIfNoSpecifiedTests=false
