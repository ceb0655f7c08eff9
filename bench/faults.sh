#!/usr/bin/env bash
# The fault tests in their long versions, then their figures into docs/benchmarks.md (between
# its fault-benchmarks markers) and docs/evidence.md (section "Crash, outage and two
# instances", between its faults-evidence markers):
#
#   - SIGKILL of the application during a booking rush; restart; holds lapse
#   - PostgreSQL shut down in immediate mode during a rush (only on the embedded test server:
#     skipped when BUERGERSERVICE_TEST_DB_URL names an external one)
#   - two instances on one PostgreSQL: rush through both, cross-instance availability ≤ 1 s
#   - SMTP down during a rush and a SIGKILL restart; every confirmed appointment one mail
#
# The same tests run in short versions inside ./mvnw verify (src/test/java/de/buergerservice/
# evidence/faults). Usage: bench/faults.sh [full|short]   (default full: 64 clients, 60 s
# rushes, 100 propagation rounds; short: 12 clients, 8 s, 10 rounds). MVN_FLAGS adds Maven
# options (e.g. -o). Figures: target/faults/*.properties; child JVM logs: target/faults/*.log.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
cd "$ROOT_DIR"

SCALE=${1:-full}
case "$SCALE" in
  full) FULL=true ;;
  short) FULL=false ;;
  *) die "Usage: bench/faults.sh [full|short]" ;;
esac
TESTS=CrashIntegrationTest,TwoInstancesIntegrationTest,MailOutageIntegrationTest
FAULTS_DIR=$ROOT_DIR/target/faults
mkdir -p "$FAULTS_DIR"
rm -f "$FAULTS_DIR"/*.properties

command_line="./mvnw verify -Dit.test=$TESTS -Dfaults.full=$FULL"
{
  printf 'machine.cpu=%s\n' "$(nproc) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
  printf 'machine.memory=%s\n' "$(free -g | awk '/Mem:/ {print $2 " GiB"}')"
  printf 'machine.jdk=%s\n' "$("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)"
  if [ -n "${BUERGERSERVICE_TEST_DB_URL:-}" ]; then
    printf 'machine.postgres=external (%s)\n' "$BUERGERSERVICE_TEST_DB_URL"
  else
    if [ "$FULL" = true ]; then
      printf 'machine.postgres=embedded PostgreSQL 17 of the tests (fsync on for the PostgreSQL crash, synchronous_commit on)\n'
    else
      printf 'machine.postgres=embedded PostgreSQL 17 of the tests (fsync off)\n'
    fi
  fi
  printf 'machine.load=%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf 'date=%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  printf 'command=bench/faults.sh %s\n' "$SCALE"
} >"$FAULTS_DIR/machine.properties"

log "Fault tests ($SCALE): $command_line"
status=0
# shellcheck disable=SC2086
./mvnw -B ${MVN_FLAGS:-} verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test="$TESTS" -Dfaults.full="$FULL" || status=$?

log "Report"
"$JAVA_HOME/bin/java" "$BENCH_DIR/java/de/buergerservice/bench/FaultsReport.java" "$FAULTS_DIR" \
  docs/benchmarks.md docs/evidence.md
if [ $status -ne 0 ]; then
  die "A fault test failed (exit $status): see target/failsafe-reports and target/faults/*.log"
fi
