#!/usr/bin/env bash
# Call-to-display latency: 20 call displays of a citizens' office connected by server-sent
# events while a member of staff calls walk-in tickets at a counter, one after the other; for
# every call and display, the time from sending "call next" to the display receiving it.
# Goal: p99 at most 1 s (the system cities use today polls every 10 s).
#
# Runs the jar on its embedded PostgreSQL with the demo city (data in bench/target/display-db,
# kept between runs); walk-in tickets are issued all day for the run. Needs
# ./mvnw -DskipTests package first. Results: bench/target/results/display.properties;
# bench/report.sh puts them into docs/benchmarks.md.
#
# Environment: DISPLAYS (20), CALLS (200), WARMUP (20), LOCATION, COUNTER, PROCEDURE,
# STAFF_USER (admin), STAFF_PASSWORD (demo-passwort), APP_PORT (18764).
set -euo pipefail
APP_PORT=${APP_PORT:-18764}
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
cd "$ROOT_DIR"

DISPLAYS=${DISPLAYS:-20}
CALLS=${CALLS:-200}
WARMUP=${WARMUP:-20}
LOCATION=${LOCATION:-buergerbuero-otto-schill-strasse}
COUNTER=${COUNTER:-$LOCATION-01}
PROCEDURE=${PROCEDURE:-meldebescheinigung}
STAFF_USER=${STAFF_USER:-admin}
STAFF_PASSWORD=${STAFF_PASSWORD:-demo-passwort}
RESULT=$RESULTS_DIR/display.properties

# The demo city on its own embedded database instead of the Berlin installation
app_properties() {
  printf '%s\n' \
    "--server.port=$APP_PORT" \
    "--buergerservice.embedded-database.data-directory=$TARGET_DIR/display-db" \
    "--buergerservice.frontdesk.walk-in-until=23:59" \
    "--buergerservice.frontdesk.walk-in-quota=1000000"
}

seconds=$(start_app display)
log "Ready after $seconds s; $DISPLAYS displays, $WARMUP + $CALLS calls at $COUNTER"
machine_facts | grep -v postgres >"$RESULT.machine"
"$JAVA_HOME/bin/java" "$BENCH_DIR/java/de/buergerservice/bench/DisplayLatency.java" "$APP_URL" "$LOCATION" \
  "$COUNTER" "$PROCEDURE" "$STAFF_USER" "$STAFF_PASSWORD" "$DISPLAYS" "$CALLS" "$WARMUP" "$RESULT"
cat "$RESULT.machine" >>"$RESULT"
rm -f "$RESULT.machine"
stop_app
