#!/usr/bin/env bash
# Writes the booking section of docs/benchmarks.md from bench/target/results/*.properties
# and PNG charts into docs/benchmarks/ (bench/java/de/buergerservice/bench/BenchReport.java,
# compiled with the bench profile for JFreeChart).
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
cd "$ROOT_DIR"
./mvnw -q ${MVN_FLAGS:-} -Pbench test-compile exec:exec@report -Dbench.results="$RESULTS_DIR"
