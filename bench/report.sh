#!/usr/bin/env bash
# Writes the booking section of docs/benchmarks.md from bench/target/results/*.properties
# (a single-file launch of bench/java/de/buergerservice/bench/BenchReport.java; no build).
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
cd "$ROOT_DIR"
"$JAVA_HOME/bin/java" "$BENCH_DIR/java/de/buergerservice/bench/BenchReport.java" "$RESULTS_DIR" docs/benchmarks.md
