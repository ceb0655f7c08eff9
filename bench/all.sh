#!/usr/bin/env bash
# Every benchmark and the long fault runs, one after the other, then the figures into
# docs/benchmarks.md (tables and charts) and docs/evidence.md:
#   1. bench/berlin-setup.sh     the Berlin-scale installation (skips what exists)
#   2. bench/availability.sh     availability: the application against pgbench, same data, same run
#   3. bench/rush.sh             the booking rush against pgbench's booking transaction
#   4. bench/display-latency.sh  call-to-display latency with 20 displays
#   5. bench/report.sh           the booking and display sections of docs/benchmarks.md
#   6. bench/faults.sh full      SIGKILL, PostgreSQL immediate shutdown, SMTP outage, two instances
#   7. the fuzzer, 50,000 requests (FUZZ_REQUESTS) with a new seed each run
# Takes about half an hour on 2 cores (27 minutes on 2 December 2026) after the setup, which
# takes another 5–10 minutes the first time. Run it on an otherwise idle machine: the figures
# are only as good as that.
#
# Environment: DURATION (60, for steps 2 and 3), FUZZ_REQUESTS (50000), MVN_FLAGS (e.g. -o),
# and what bench/lib.sh reads.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
cd "$ROOT_DIR"

export DURATION=${DURATION:-60}
FUZZ_REQUESTS=${FUZZ_REQUESTS:-50000}

log "Packaging the application"
./mvnw ${MVN_FLAGS:-} -q -DskipTests package

bench/berlin-setup.sh
bench/availability.sh
bench/rush.sh
bench/stop.sh
bench/display-latency.sh
bench/report.sh
bench/faults.sh full

log "The fuzzer: $FUZZ_REQUESTS requests, a new seed"
./mvnw ${MVN_FLAGS:-} verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=FuzzIntegrationTest -Devidence.fuzz.seed=random -Devidence.fuzz.requests="$FUZZ_REQUESTS"

log "Done: docs/benchmarks.md and docs/evidence.md are up to date (the fuzzer's seed and result are in its output above)"
