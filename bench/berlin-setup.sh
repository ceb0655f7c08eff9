#!/usr/bin/env bash
# Sets up the Berlin-scale installation for the booking benchmarks, idempotently (each step
# skips what exists):
#   1. the seed (45 offices, 600 counters, 250 procedures) in bench/target/berlin/
#   2. the role and database buergerservice_bench on the local PostgreSQL
#   3. the application on it (port $APP_PORT, 90-day rolling horizon); the first start plans
#      the capacity of 90 days: how long that takes and how many rows it writes go to
#      bench/target/results/setup.properties
#   4. 1.5 million appointments of history (past dates) by SQL, then VACUUM ANALYZE
#   5. the benchmark's helper tables (schema bench): valid pairs, the 15-minute pairs
# The application stays running for bench/availability.sh (stop it: bench/stop.sh).
#
# Environment: HISTORY_APPOINTMENTS (1500000), APP_PORT (18080), PG_PORT, JAVA_HOME, …
# (see bench/lib.sh).
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
cd "$ROOT_DIR"

HISTORY_APPOINTMENTS=${HISTORY_APPOINTMENTS:-1500000}
SETUP_RESULT=$RESULTS_DIR/setup.properties

# 1. The seed and the jar
if [ ! -f "$BERLIN_DIR/locations.yaml" ] || [ ! -f "$BERLIN_DIR/pairs.txt" ]; then
  log "Generating the Berlin-scale seed in $BERLIN_DIR"
  ./mvnw -q -Pbench test-compile exec:exec@berlin -Dberlin.dir="$BERLIN_DIR"
fi
if [ ! -f "$APP_JAR" ]; then
  log "Building the application jar"
  ./mvnw -q spring-javaformat:apply
  ./mvnw -q -DskipTests package
fi

# 2. PostgreSQL, role and database
start_postgres
log "Role $BENCH_USER and database $BENCH_DB on port $PG_PORT"
super_psql <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$BENCH_USER') THEN
    CREATE ROLE $BENCH_USER LOGIN PASSWORD '$BENCH_PASSWORD';
  END IF;
END
\$\$;
SQL
if ! super_psql -Atc "SELECT 1 FROM pg_database WHERE datname = '$BENCH_DB'" | grep -q 1; then
  if [ "$(id -u)" = 0 ]; then
    su postgres -c "createdb -p $PG_PORT -O $BENCH_USER $BENCH_DB"
  else
    createdb -p "$PG_PORT" -O "$BENCH_USER" "$BENCH_DB"
  fi
fi

# 3. The application; the first start plans 90 days of capacity
capacity_before=0
if [ -n "$(bench_value "SELECT to_regclass('booking.capacity')")" ]; then
  capacity_before=$(bench_value "SELECT count(*) FROM booking.capacity")
fi
ready_seconds=$(start_app normal)
log "Application ready after ${ready_seconds} s"
capacity_rows=$(bench_value "SELECT count(*) FROM booking.capacity")
pools=$(bench_value "SELECT count(*) FROM booking.pool")
if [ "$capacity_before" = 0 ]; then
  # Planning runs after the demo data is loaded (runner order: locations, catalogue, capacity);
  # its duration is from the catalogue's "Loaded" line to the last "Planned" line.
  logfile=$TARGET_DIR/app-normal.log
  stamp() { grep -m1 "$1" "$logfile" | awk '{print $1}'; }
  last_stamp() { grep "$1" "$logfile" | tail -n 1 | awk '{print $1}'; }
  loaded=$(stamp "Loaded the demo city's .* procedures")
  planned=$(last_stamp "Planned ")
  planning_seconds=nan
  if [ -n "$loaded" ] && [ -n "$planned" ]; then
    planning_seconds=$(awk -v a="$(date -d "$loaded" +%s.%N)" -v b="$(date -d "$planned" +%s.%N)" \
      'BEGIN { printf "%.1f", b - a }')
  fi
  log "Capacity planned: $capacity_rows rows for $pools pools in ${planning_seconds} s (ready after ${ready_seconds} s)"
  {
    machine_facts
    echo "setup.ready_seconds=$ready_seconds"
    echo "setup.planning_seconds=$planning_seconds"
    echo "setup.capacity_rows=$capacity_rows"
    echo "setup.pools=$pools"
    echo "setup.locations=$(bench_value 'SELECT count(*) FROM locations.location')"
    echo "setup.counters=$(bench_value 'SELECT count(*) FROM locations.counter')"
    echo "setup.procedures=$(bench_value 'SELECT count(*) FROM catalog.procedure')"
    echo "setup.horizon_days=$HORIZON_DAYS"
  } >"$SETUP_RESULT"
else
  log "Capacity was planned before ($capacity_rows rows); planning time stays as recorded in $SETUP_RESULT"
fi

# 4. History: 1.5 million past appointments with their procedures and manage tokens
bench_psql <<'SQL'
CREATE SCHEMA IF NOT EXISTS bench;
CREATE TABLE IF NOT EXISTS bench.meta (key TEXT PRIMARY KEY, value TEXT NOT NULL, at TIMESTAMPTZ NOT NULL DEFAULT now());
SQL
if [ -z "$(bench_value "SELECT value FROM bench.meta WHERE key = 'history'")" ]; then
  log "Loading $HISTORY_APPOINTMENTS appointments of history"
  history_started=$(date +%s.%N)
  bench_psql -v n="$HISTORY_APPOINTMENTS" -f "$BENCH_DIR/sql/history.sql"
  history_seconds=$(awk -v a="$history_started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  log "History loaded in ${history_seconds} s; VACUUM ANALYZE"
  vacuum_started=$(date +%s.%N)
  PGOPTIONS="-c client_min_messages=error" bench_psql -c "VACUUM ANALYZE"  # the shared catalogs are the superuser's
  vacuum_seconds=$(awk -v a="$vacuum_started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  {
    echo "setup.history_appointments=$(bench_value "SELECT count(*) FROM booking.appointment")"
    echo "setup.history_seconds=$history_seconds"
    echo "setup.vacuum_seconds=$vacuum_seconds"
  } >>"$SETUP_RESULT"
else
  log "History is there already ($(bench_value "SELECT value FROM bench.meta WHERE key = 'history'") appointments)"
fi

# 5. The benchmark's helper tables: the valid pairs (from pairs.txt)
bench_psql <<SQL
CREATE TABLE IF NOT EXISTS bench.pair (n INT PRIMARY KEY, procedure_id TEXT NOT NULL, location_id TEXT NOT NULL,
  duration_minutes INT NOT NULL);
TRUNCATE bench.pair;
CREATE TEMP TABLE pairs_file (procedure_id TEXT, location_id TEXT, duration_minutes INT, grid INT);
\copy pairs_file FROM PROGRAM 'grep -v "^#" $BERLIN_DIR/pairs.txt' WITH (FORMAT text, DELIMITER ' ')
INSERT INTO bench.pair SELECT row_number() OVER (ORDER BY procedure_id, location_id), procedure_id, location_id,
  duration_minutes FROM pairs_file;
SQL
log "Setup done: $(bench_value 'SELECT count(*) FROM bench.pair') pairs; the application runs on $APP_URL"
cat "$SETUP_RESULT"
