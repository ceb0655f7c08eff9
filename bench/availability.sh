#!/usr/bin/env bash
# Availability benchmark: the application (ClosedLoop's clients against the running app) and PostgreSQL
# (pgbench with the same question in SQL) on the same data in the same run, one after the
# other, for three questions:
#   days      GET /api/v1/availability/days, one location, 31 days        (the calendar)
#   slots     GET /api/v1/availability, one location, one day             (the start times)
#   anywhere  GET /api/v1/availability?anywhere=true&limit=20, one procedure, 31 days
# Always a 15-minute procedure (3 units on the 5-minute grid), random valid pairs and dates
# within the horizon. Before measuring, CHECK_SAMPLES random questions of each kind are put to
# both and their answers compared (a benchmark of different answers would mean nothing).
#
# Needs bench/berlin-setup.sh first. Results: bench/target/results/availability.properties
# (and the raw client/pgbench output next to it); bench/report.sh turns them into markdown.
# Besides the clients' latency, the time inside the application (its own histogram, bucket
# upper bounds, the warm-up included): where the two differ, requests waited for a core.
#
# Then the same clients paced at PACED_SHARE % of the rate the closed loop reached (each request
# timed from when it was due): the latency of a request that does not find the cores already full.
#
# Environment: DURATION (s, 60), WARMUP (s, 10), CONNECTIONS (32: the clients of both), THREADS (2: pgbench's),
# PACED_SHARE (25; 0 = no paced run),
# QUESTIONS ("days slots anywhere"), CHECK_SAMPLES (5), BENCH_LABEL (text for the report),
# APP_ARGS (more --property=value for the application; it is then restarted as "normal-custom",
# e.g. APP_ARGS=--buergerservice.booking.availability.max-age=1h; bench/stop.sh before changing them).
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
cd "$ROOT_DIR"

DURATION=${DURATION:-60}
WARMUP=${WARMUP:-10}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
QUESTIONS=${QUESTIONS:-days slots anywhere}
CHECK_SAMPLES=${CHECK_SAMPLES:-5}
PACED_SHARE=${PACED_SHARE:-25}
BENCH_LABEL=${BENCH_LABEL:-}
RESULT=$RESULTS_DIR/availability.properties

command -v pgbench >/dev/null || die "pgbench is missing: apt-get install -y postgresql-client"
[ -n "$(bench_value "SELECT to_regclass('bench.pair')" 2>/dev/null)" ] || die "Run bench/berlin-setup.sh first"

# The 15-minute pairs and procedures, numbered for pgbench and written for the clients
bench_psql <<'SQL'
DROP TABLE IF EXISTS bench.pair15;
CREATE TABLE bench.pair15 AS
SELECT row_number() OVER (ORDER BY b.procedure_id, b.location_id)::int AS n, b.procedure_id, b.location_id
FROM bench.pair b JOIN catalog.procedure p ON p.id = b.procedure_id
WHERE p.duration_minutes = 15 AND p.bookable;
ALTER TABLE bench.pair15 ADD PRIMARY KEY (n);
DROP TABLE IF EXISTS bench.proc15;
CREATE TABLE bench.proc15 AS
SELECT row_number() OVER (ORDER BY procedure_id)::int AS n, procedure_id
FROM (SELECT DISTINCT procedure_id FROM bench.pair15) d;
ALTER TABLE bench.proc15 ADD PRIMARY KEY (n);
ANALYZE bench.pair15;
ANALYZE bench.proc15;
SQL
bench_psql -Atc "SELECT procedure_id || ' ' || location_id FROM bench.pair15 ORDER BY n" >"$TARGET_DIR/pairs15.txt"
bench_psql -Atc "SELECT procedure_id FROM bench.proc15 ORDER BY n" >"$TARGET_DIR/procs15.txt"
PAIRS=$(wc -l <"$TARGET_DIR/pairs15.txt")
PROCEDURES=$(wc -l <"$TARGET_DIR/procs15.txt")
# days and anywhere ask for 31 days from the first day: keep them within the horizon
RANGE_MAX_OFFSET=$((HORIZON_DAYS - 31))
DAY_MAX_OFFSET=$((HORIZON_DAYS - 1))

BENCH_TODAY=$(bench_value "SELECT (now() AT TIME ZONE 'Europe/Berlin')::date")

APP_ARGS=${APP_ARGS:-}
# The application keeps a histogram of its own time per request (Micrometer's
# http.server.requests, from the first servlet filter to the answer): next to the clients'
# latency it shows how much of that is spent inside the application, not waiting for a core.
# shellcheck disable=SC2086
ready_seconds=$(start_app "normal${APP_ARGS:+-custom}" \
  --management.metrics.distribution.percentiles-histogram.http.server.requests=true $APP_ARGS)
[ "$ready_seconds" = 0 ] || log "Application ready after $ready_seconds s"

# Every office's days once, so that the measurement starts with the index in memory (it
# reads each office's day from the database when first asked, and again after max-age).
log "Priming the availability index: every office, the whole horizon"
primed=$(date +%s.%N)
while read -r procedure location; do
  curl -fsS -o /dev/null "$APP_URL/api/v1/availability/days?procedure=$procedure&location=$location&from=$BENCH_TODAY&to=$(
    bench_value "SELECT '$BENCH_TODAY'::date + $HORIZON_DAYS - 1")"
done < <(bench_psql -Atc "SELECT DISTINCT ON (location_id) procedure_id || ' ' || location_id FROM bench.pair15
  ORDER BY location_id, procedure_id")
log "Primed in $(awk -v a="$primed" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"

# The histogram's buckets of one endpoint's successful GETs: "upper-bound-in-seconds count" lines.
server_buckets() {
  curl -fsS "$APP_URL/actuator/prometheus" | awk -v uri="uri=\"$1\"" '
    /^http_server_requests_seconds_bucket/ && index($0, uri) && index($0, "status=\"200\"") && index($0, "method=\"GET\"") {
      match($0, /le="[^"]+"/); print substr($0, RSTART + 4, RLENGTH - 5), $NF }'
}

# server_percentile BEFORE AFTER PERCENT → the upper bound (ms) of the bucket holding that
# percentile of the requests between the two snapshots.
server_percentile() {
  awk -v p="$3" 'NR == FNR { before[$1] = $2; next }
    { le[++n] = $1; count[n] = $2 - before[$1] }
    END {
      total = count[n]
      for (i = 1; i <= n; i++) if (total > 0 && count[i] >= p / 100 * total) {
        if (le[i] == "+Inf") print "inf"; else printf "%.2f\n", le[i] * 1000
        exit
      }
      print "nan"
    }' "$1" "$2"
}

uri_of() { if [ "$1" = days ]; then echo /api/v1/availability/days; else echo /api/v1/availability; fi; }

# clients QUESTION MAX_OFFSET OUTPUT [RATE]: the CONNECTIONS clients of ClosedLoop, in a closed
# loop or paced at RATE requests per second; prints its RESULT json (the whole output in OUTPUT).
clients() {
  "$JAVA_HOME/bin/java" "$BENCH_DIR/java/de/buergerservice/bench/ClosedLoop.java" "$APP_URL" "$1" \
    "$TARGET_DIR/pairs15.txt" "$TARGET_DIR/procs15.txt" "$BENCH_TODAY" "$2" "$CONNECTIONS" "$WARMUP" \
    "$DURATION" "$((RANDOM * 32768 + RANDOM))" ${4:+"$4"} | tee "$3" >&2
  grep '^RESULT ' "$3" | sed 's/^RESULT //'
}

# json_field JSON KEY: a number from a RESULT json.
json_field() { echo "$1" | grep -o "\"$2\":[0-9.]*" | cut -d: -f2; }

max_offset_of() { if [ "$1" = slots ]; then echo "$DAY_MAX_OFFSET"; else echo "$RANGE_MAX_OFFSET"; fi; }

# The SQL of a question for psql (pgbench's \set lines dropped; i and off given with -v).
sql_answer() {
  local question=$1 i=$2 off=$3
  grep -v '^\\set' "$BENCH_DIR/pgbench/availability-$question.sql" |
    PGTZ=Europe/Berlin bench_psql -At -v i="$i" -v off="$off"
}

# The application's answer to the same question, in the same text form.
app_answer() {
  local question=$1 i=$2 off=$3 url json
  case $question in
    days)
      url=$(bench_value "SELECT '/api/v1/availability/days?procedure=' || procedure_id || '&location=' || location_id
        || '&from=' || ((now() AT TIME ZONE 'Europe/Berlin')::date + $off)
        || '&to=' || ((now() AT TIME ZONE 'Europe/Berlin')::date + $off + 30) FROM bench.pair15 WHERE n = $i") ;;
    slots)
      url=$(bench_value "SELECT '/api/v1/availability?procedure=' || procedure_id || '&location=' || location_id
        || '&from=' || ((now() AT TIME ZONE 'Europe/Berlin')::date + $off)
        || '&to=' || ((now() AT TIME ZONE 'Europe/Berlin')::date + $off) FROM bench.pair15 WHERE n = $i") ;;
    anywhere)
      url=$(bench_value "SELECT '/api/v1/availability?anywhere=true&limit=20&procedure=' || procedure_id
        || '&from=' || ((now() AT TIME ZONE 'Europe/Berlin')::date + $off)
        || '&to=' || ((now() AT TIME ZONE 'Europe/Berlin')::date + $off + 30) FROM bench.proc15 WHERE n = $i") ;;
  esac
  json=$(curl -fsS "$APP_URL$url")
  case $question in
    days) echo "SELECT d->>'date' || '|' || (d->>'slots') FROM json_array_elements((:'j')::json->'days') d" ;;
    slots) echo "SELECT (s->>'start')::timestamptz || '|' || (s->>'end')::timestamptz || '|' || (s->>'free')
                 FROM json_array_elements((:'j')::json->'slots') s" ;;
    anywhere) echo "SELECT (s->>'location') || '|' || (s->>'start')::timestamptz || '|' || (s->>'end')::timestamptz
                 || '|' || (s->>'free') FROM json_array_elements((:'j')::json->'slots') s" ;;
  esac | PGTZ=Europe/Berlin bench_psql -At -v j="$json"
}

{
  machine_facts
  echo "label=$BENCH_LABEL"
  echo "duration_seconds=$DURATION"
  echo "warmup_seconds=$WARMUP"
  echo "app_args=$APP_ARGS"
  echo "connections=$CONNECTIONS"
  echo "threads=$THREADS"
  echo "pairs15=$PAIRS"
  echo "procedures15=$PROCEDURES"
  echo "capacity_rows=$(bench_value 'SELECT count(*) FROM booking.capacity')"
  echo "appointments=$(bench_value 'SELECT count(*) FROM booking.appointment')"
} >"$RESULT"

for question in $QUESTIONS; do
  max_offset=$(max_offset_of "$question")
  count=$PAIRS
  [ "$question" = anywhere ] && count=$PROCEDURES

  # 1. Same question, same answer?
  mismatches=0
  for _ in $(seq 1 "$CHECK_SAMPLES"); do
    i=$((RANDOM % count + 1))
    off=$((RANDOM % max_offset + 1))
    if ! diff <(app_answer "$question" "$i" "$off") <(sql_answer "$question" "$i" "$off") \
      >"$RESULTS_DIR/availability-$question-check.diff"; then
      mismatches=$((mismatches + 1))
      log "MISMATCH for $question i=$i off=$off (see $RESULTS_DIR/availability-$question-check.diff)"
    fi
  done
  log "$question: $CHECK_SAMPLES questions compared, $mismatches answers differ"

  # 2. The application: as many clients as pgbench's, each on its keep-alive connection
  # (bench/java/…/ClosedLoop.java; wrk's latencies broke Little's law on this machine)
  log "$question: $CONNECTIONS clients for ${DURATION}s (after ${WARMUP}s of warm-up) against the application"
  server_buckets "$(uri_of "$question")" >"$TARGET_DIR/server-before.txt"
  app=$(clients "$question" "$max_offset" "$RESULTS_DIR/availability-$question-app.txt")
  server_buckets "$(uri_of "$question")" >"$TARGET_DIR/server-after.txt"
  server_p50=$(server_percentile "$TARGET_DIR/server-before.txt" "$TARGET_DIR/server-after.txt" 50)
  server_p99=$(server_percentile "$TARGET_DIR/server-before.txt" "$TARGET_DIR/server-after.txt" 99)
  field() { json_field "$app" "$1"; }

  # 2b. The same clients paced below saturation
  paced=""
  if [ "$PACED_SHARE" -gt 0 ]; then
    rate=$(awk -v r="$(field rps)" -v p="$PACED_SHARE" 'BEGIN { printf "%.1f", r * p / 100 }')
    log "$question: $CONNECTIONS clients paced at $rate requests per second ($PACED_SHARE % of the closed loop's)"
    paced=$(clients "$question" "$max_offset" "$RESULTS_DIR/availability-$question-paced.txt" "$rate")
  fi
  paced_field() { json_field "$paced" "$1"; }

  # 3. PostgreSQL
  sql=$BENCH_DIR/pgbench/availability-$question.sql
  defines=(-D pairs="$PAIRS" -D procedures="$PROCEDURES" -D max_offset="$max_offset")
  if [ "$WARMUP" -gt 0 ]; then
    pgbench_bench -n -c "$CONNECTIONS" -j "$THREADS" -T "$WARMUP" -f "$sql" "${defines[@]}" >/dev/null 2>&1
  fi
  log "$question: pgbench -c $CONNECTIONS -j $THREADS -T $DURATION with the same question in SQL"
  rm -f "$TARGET_DIR"/pgbench-log-"$question".*
  pgbench_bench -n -c "$CONNECTIONS" -j "$THREADS" -T "$DURATION" -f "$sql" "${defines[@]}" \
    --log --log-prefix="$TARGET_DIR/pgbench-log-$question" 2>&1 | tee "$RESULTS_DIR/availability-$question-sql.txt" >&2
  tps=$(grep -m1 '^tps = ' "$RESULTS_DIR/availability-$question-sql.txt" | awk '{print $3}')
  failed=$(grep -m1 'number of failed transactions' "$RESULTS_DIR/availability-$question-sql.txt" | awk '{print $5}')
  read -r sql_p50 sql_p99 sql_count < <(pgbench_percentiles "$TARGET_DIR"/pgbench-log-"$question".*)
  rm -f "$TARGET_DIR"/pgbench-log-"$question".*

  ratio=$(awk -v a="$(field rps)" -v b="$tps" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "nan" }')
  {
    echo "$question.check_samples=$CHECK_SAMPLES"
    echo "$question.check_mismatches=$mismatches"
    echo "$question.app.requests=$(field requests)"
    echo "$question.app.rps=$(field rps)"
    echo "$question.app.p50_ms=$(field p50_ms)"
    echo "$question.app.p90_ms=$(field p90_ms)"
    echo "$question.app.p99_ms=$(field p99_ms)"
    echo "$question.app.max_ms=$(field max_ms)"
    echo "$question.app.mean_ms=$(field mean_ms)"
    echo "$question.app.little_ms=$(field little_ms)"
    echo "$question.app.inside_p50_ms=$server_p50"
    echo "$question.app.inside_p99_ms=$server_p99"
    if [ -n "$paced" ]; then
      echo "$question.paced.offered=$(paced_field offered)"
      echo "$question.paced.rps=$(paced_field rps)"
      echo "$question.paced.p50_ms=$(paced_field p50_ms)"
      echo "$question.paced.p99_ms=$(paced_field p99_ms)"
      echo "$question.paced.errors=$(($(paced_field non2xx) + $(paced_field read_errors)))"
    fi
    echo "$question.app.errors=$(($(field non2xx) + $(field connect_errors) + $(field read_errors) + $(field timeouts)))"
    echo "$question.sql.transactions=$sql_count"
    echo "$question.sql.tps=$tps"
    echo "$question.sql.p50_ms=$sql_p50"
    echo "$question.sql.p99_ms=$sql_p99"
    echo "$question.sql.failed=${failed:-0}"
    echo "$question.ratio=$ratio"
  } >>"$RESULT"
  log "$question: application $(field rps) req/s (p50 $(field p50_ms) ms, p99 $(field p99_ms) ms);" \
    "PostgreSQL $tps tps (p50 $sql_p50 ms, p99 $sql_p99 ms); ratio $ratio"
done
cat "$RESULT"
