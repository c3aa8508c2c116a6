#!/usr/bin/env bash
# Runs the full test suite. Installs the one piece of test data that is not a Maven artifact:
# Debian's unicode-data (emoji-test.txt, for the emoji conformance test).
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f /usr/share/unicode/emoji/emoji-test.txt ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq unicode-data >/dev/null
  else
    echo "test.sh: /usr/share/unicode/emoji/emoji-test.txt is missing; install Debian's unicode-data package" >&2
    exit 2
  fi
fi
exec mvn -B verify "$@"
