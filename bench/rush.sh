#!/usr/bin/env bash
# The booking rush on freshly released days: 1,000 concurrent clients book through the
# application (wrk), then pgbench runs the equivalent SQL booking transaction on the same free
# capacity; after each, the ledger is checked (no unit booked beyond its capacity, every unit's
# booked seats equal to the active appointments covering it: must be 0 and 0).
#
#   1. reset: earlier rush bookings are removed, with the mails, front-desk copies and completed
#      outbox publications the application kept of them, and the booked seats of their days recounted
#   2. the application restarts for the rush: no proof of work, rate limits and the per-address
#      limit very high, client addresses taken from X-Forwarded-For (as behind a load balancer)
#   3. the free start times of the rush procedure on the rush days are fetched from the API
#   4. warm-up: the same rush for RUSH_WARMUP seconds on the day before the rush days (its own
#      e-mail domain, not counted), so that the rush meets a JIT-compiled application as a
#      release at 10:00 meets one that has run for days. Two minutes, since the JIT compiler
#      is that long at work: after 15 s it still took about a core (JFR: 10 s of compiling in
#      9 s of the rush) and the application booked 75/s; after 60 s 100/s, 120 s 128/s,
#      240 s 135/s (docs/benchmarks.md)
#   5. wrk -c1000 POSTs bookings for random ones of them (new e-mail address each) → 201 / 409
#   6. the application stops; ledger check
#   7. reset; pgbench -c $RUSH_PGBENCH_CLIENTS with bench/pgbench/rush-book.sql; ledger check
#      (and again with the application's extra steps, RUSH_APP_STEPS=1)
#
# Environment: DURATION (s, 30), RUSH_WARMUP (s, 120; 0 = none), RUSH_DAYS (the last N open days of the horizon, 8:
# enough that neither side fills them within DURATION — one Berlin day takes about 5,200 visits of
# 15 minutes; a side that fills the days measures the days, not its rate: with 4 days pgbench
# booked a third of them in 60 s on a fast evening, 78 % of its attempts then found the start
# taken, and its rate fell to 330/s against 510/s with 8 days, docs/benchmarks.md),
# RUSH_PROCEDURE (default: the 15-minute procedure most offices offer), RUSH_CONNECTIONS
# (1000), THREADS (2), RUSH_CLIENT_IPS (client addresses, 1000; 0 = all from 127.0.0.1),
# RUSH_PGBENCH_CLIENTS (64; mind max_connections), RUSH_APP_STEPS (1: also run pgbench with the
# application's extra steps), RUSH_APP_ARGS (more --property=value for the application, e.g.
# --spring.datasource.hikari.maximum-pool-size=40), BENCH_LABEL.
# Results: bench/target/results/rush.properties.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
cd "$ROOT_DIR"

DURATION=${DURATION:-30}
RUSH_WARMUP=${RUSH_WARMUP:-120}
RUSH_DAYS=${RUSH_DAYS:-8}
RUSH_CONNECTIONS=${RUSH_CONNECTIONS:-1000}
THREADS=${THREADS:-2}
RUSH_CLIENT_IPS=${RUSH_CLIENT_IPS:-1000}
RUSH_PGBENCH_CLIENTS=${RUSH_PGBENCH_CLIENTS:-64}
RUSH_APP_STEPS=${RUSH_APP_STEPS:-1}
RUSH_APP_ARGS=${RUSH_APP_ARGS:-}
BENCH_LABEL=${BENCH_LABEL:-}
RESULT=$RESULTS_DIR/rush.properties

command -v wrk >/dev/null || die "wrk is missing: apt-get install -y wrk"
[ -n "$(bench_value "SELECT to_regclass('bench.pair')" 2>/dev/null)" ] || die "Run bench/berlin-setup.sh first"

RUSH_PROCEDURE=${RUSH_PROCEDURE:-$(bench_value "SELECT b.procedure_id FROM bench.pair b
  JOIN catalog.procedure p ON p.id = b.procedure_id WHERE p.duration_minutes = 15
  GROUP BY b.procedure_id ORDER BY count(*) DESC, b.procedure_id LIMIT 1")}

# The rush days: the last RUSH_DAYS days of the horizon with online capacity (just released)
read -r FIRST_DAY LAST_DAY < <(bench_value "SELECT min(day) || ' ' || max(day) FROM (
  SELECT DISTINCT (slot_start AT TIME ZONE 'Europe/Berlin')::date AS day FROM booking.capacity
  WHERE channel = 'ONLINE' AND capacity > 0 ORDER BY 1 DESC LIMIT $RUSH_DAYS) d" | tr '|' ' ')
# The warm-up day: the open day before them
WARM_DAY=$(bench_value "SELECT max((slot_start AT TIME ZONE 'Europe/Berlin')::date) FROM booking.capacity
  WHERE channel = 'ONLINE' AND capacity > 0 AND slot_start < '$FIRST_DAY'::timestamp AT TIME ZONE 'Europe/Berlin'")
log "Rush for $RUSH_PROCEDURE on $FIRST_DAY … $LAST_DAY (warm-up on $WARM_DAY)"
# the rush days, and (for the reset) the warm-up day with them
WINDOW="slot_start >= '$FIRST_DAY'::timestamp AT TIME ZONE 'Europe/Berlin'
  AND slot_start < ('$LAST_DAY'::date + 1)::timestamp AT TIME ZONE 'Europe/Berlin'"
RESET_WINDOW="slot_start >= '$WARM_DAY'::timestamp AT TIME ZONE 'Europe/Berlin'
  AND slot_start < ('$LAST_DAY'::date + 1)::timestamp AT TIME ZONE 'Europe/Berlin'"

# Removes the bookings of earlier rushes, and what the application kept of them, and
# recounts the booked seats of the rush days.
reset() {
  bench_psql <<SQL
DELETE FROM booking.appointment
WHERE citizen_email LIKE '%@rush.bench.example' OR citizen_email LIKE '%@pgbench.bench.example'
   OR citizen_email LIKE '%@warmup.bench.example';
-- their mails, the front desk's copies and the outbox's completed publications: left behind,
-- every rush would start on bigger tables than the one before (the application's side only)
DELETE FROM notifications.dev_mail WHERE recipient LIKE '%.bench.example%';
DELETE FROM notifications.sent_mail s
WHERE NOT EXISTS (SELECT 1 FROM booking.appointment a WHERE a.reference = s.reference);
DELETE FROM frontdesk.expected_visit v
WHERE NOT EXISTS (SELECT 1 FROM booking.appointment a WHERE a.reference = v.reference);
DELETE FROM event_publication WHERE completion_date IS NOT NULL AND serialized_event LIKE '%.bench.example%';
DELETE FROM booking.rate_limit_bucket;
UPDATE booking.capacity SET booked = 0 WHERE $RESET_WINDOW AND booked <> 0;
UPDATE booking.capacity c SET booked = x.n
FROM (SELECT c2.pool_id, c2.channel, c2.slot_start, count(*) AS n
      FROM booking.appointment a
      JOIN booking.capacity c2 ON c2.pool_id = a.pool_id AND c2.channel = a.channel
       AND c2.slot_start >= a.start_at AND c2.slot_start < a.end_at
      WHERE a.status IN ('AWAITING_CONFIRMATION', 'CONFIRMED')
        AND a.start_at >= '$WARM_DAY'::date - 1 AND a.start_at < '$LAST_DAY'::date + 2
        AND c2.slot_start >= '$WARM_DAY'::timestamp AT TIME ZONE 'Europe/Berlin'
        AND c2.slot_start < ('$LAST_DAY'::date + 1)::timestamp AT TIME ZONE 'Europe/Berlin'
      GROUP BY 1, 2, 3) x
WHERE c.pool_id = x.pool_id AND c.channel = x.channel AND c.slot_start = x.slot_start;
SQL
  bench_psql -c "VACUUM (ANALYZE) notifications.dev_mail, notifications.dev_mail_attachment,
    notifications.sent_mail, frontdesk.expected_visit, event_publication"
}

# Units booked beyond capacity (anywhere), and future units out of step with the active
# appointments covering them (the ledger of CapacityLedger; the history has no capacity rows).
ledger() {
  local prefix=$1
  local oversold mismatched
  oversold=$(bench_value "SELECT count(*) FROM booking.capacity WHERE booked > capacity")
  mismatched=$(bench_value "SELECT count(*) FROM (
    SELECT c.pool_id FROM booking.capacity c
    LEFT JOIN booking.appointment a ON a.pool_id = c.pool_id AND a.channel = c.channel
      AND a.status IN ('AWAITING_CONFIRMATION', 'CONFIRMED')
      AND c.slot_start >= a.start_at AND c.slot_start < a.end_at AND a.start_at >= now() - interval '1 day'
    WHERE c.slot_start >= now() - interval '12 hours'
    GROUP BY c.pool_id, c.channel, c.slot_start, c.booked, c.capacity
    HAVING c.booked <> count(a.id)) bad")
  log "Ledger after the $prefix: $oversold units oversold, $mismatched units out of step with their appointments"
  echo "$prefix.oversold_units=$oversold"
  echo "$prefix.ledger_mismatches=$mismatched"
}

{
  machine_facts
  echo "label=$BENCH_LABEL"
  echo "duration_seconds=$DURATION"
  echo "procedure=$RUSH_PROCEDURE"
  echo "first_day=$FIRST_DAY"
  echo "last_day=$LAST_DAY"
  echo "connections=$RUSH_CONNECTIONS"
  echo "threads=$THREADS"
  echo "client_ips=$RUSH_CLIENT_IPS"
  echo "pgbench_clients=$RUSH_PGBENCH_CLIENTS"
  echo "app_args=$RUSH_APP_ARGS"
} >"$RESULT"

# 1.–2. Reset, restart the application for the rush
stop_app
reset
ready=$(start_app rush \
  --buergerservice.booking.challenge.enabled=false \
  --buergerservice.booking.limits.per-client=1000000000 \
  --buergerservice.booking.limits.per-email=1000000000 \
  --buergerservice.booking.max-active-per-email=1000000 \
  --server.forward-headers-strategy=native $RUSH_APP_ARGS)
log "Application (rush) ready after $ready s"

# 3. The free start times, as a client fetches them
# free_slots FIRST LAST FILE: the free start times as a client fetches them, one per line
free_slots() {
  : >"$3"
  for location in $(bench_value "SELECT location_id FROM bench.pair WHERE procedure_id = '$RUSH_PROCEDURE' ORDER BY 1"); do
    curl -fsS "$APP_URL/api/v1/availability?procedure=$RUSH_PROCEDURE&location=$location&from=$1&to=$2" |
      grep -o '"location":"[^"]*","start":"[^"]*","end":"[^"]*","free":[0-9]*' |
      sed -E "s/\"location\":\"([^\"]*)\",\"start\":\"([^\"]*)\",\"end\":\"[^\"]*\",\"free\":([0-9]*)/$RUSH_PROCEDURE \\1 \\2 \\3/" \
        >>"$3" || true # an office closed that day has none
  done
}
slots_file=$TARGET_DIR/rush-slots.txt
free_slots "$FIRST_DAY" "$LAST_DAY" "$slots_file"
starts=$(wc -l <"$slots_file")
seats=$(awk '{ s += $4 } END { print s + 0 }' "$slots_file")
[ "$starts" -gt 0 ] || die "No free start times for $RUSH_PROCEDURE on $FIRST_DAY … $LAST_DAY"
log "$starts free start times ($seats visits could start at them) at $(cut -d' ' -f2 "$slots_file" | sort -u | wc -l) offices"
{
  echo "free_starts=$starts"
  echo "free_visits=$seats"
  echo "warmup_seconds=$RUSH_WARMUP"
  echo "warmup_day=$WARM_DAY"
} >>"$RESULT"

export BENCH_WRK_DIR=$BENCH_DIR/wrk BENCH_CLIENT_IPS=$RUSH_CLIENT_IPS

# 4. Warm-up on the day before
if [ "$RUSH_WARMUP" -gt 0 ]; then
  warm_file=$TARGET_DIR/rush-warmup-slots.txt
  free_slots "$WARM_DAY" "$WARM_DAY" "$warm_file"
  log "Warm-up: wrk -c$RUSH_CONNECTIONS -d${RUSH_WARMUP}s on $WARM_DAY ($(wc -l <"$warm_file") free start times)"
  BENCH_RUSH_SLOTS=$warm_file BENCH_RUSH_DOMAIN=warmup.bench.example wrk -t"$THREADS" -c"$RUSH_CONNECTIONS" \
    -d"${RUSH_WARMUP}s" --timeout 30s -s "$BENCH_DIR/wrk/rush.lua" "$APP_URL" >"$RESULTS_DIR/rush-warmup.txt"
  sleep 5 # the warm-up's last requests and mails
fi

# 5. The rush through the application
export BENCH_RUSH_SLOTS=$slots_file
log "wrk -t$THREADS -c$RUSH_CONNECTIONS -d${DURATION}s: the rush through the application"
wrk -t"$THREADS" -c"$RUSH_CONNECTIONS" -d"${DURATION}s" --timeout 30s --latency -s "$BENCH_DIR/wrk/rush.lua" "$APP_URL" \
  | tee "$RESULTS_DIR/rush-app.txt" >&2
app=$(grep '^RESULT ' "$RESULTS_DIR/rush-app.txt" | sed 's/^RESULT //')
field() { echo "$app" | grep -o "\"$1\":[0-9.]*" | cut -d: -f2; }
seconds=$(field seconds)
booked_app=$(bench_value "SELECT count(*) FROM booking.appointment WHERE citizen_email LIKE '%@rush.bench.example'")
{
  echo "app.requests=$(field requests)"
  echo "app.rps=$(field rps)"
  echo "app.created=$(field created)"
  echo "app.conflicts=$(field conflicts)"
  echo "app.limited=$(field limited)"
  echo "app.shed=$(field shed)"
  echo "app.invalid=$(field invalid)"
  echo "app.failed=$(field failed)"
  echo "app.socket_errors=$(($(field connect_errors) + $(field read_errors) + $(field write_errors) + $(field timeouts)))"
  echo "app.created_per_s=$(awk -v n="$(field created)" -v s="$seconds" 'BEGIN { printf "%.1f", n / s }')"
  echo "app.conflicts_per_s=$(awk -v n="$(field conflicts)" -v s="$seconds" 'BEGIN { printf "%.1f", n / s }')"
  echo "app.p50_ms=$(field p50_ms)"
  echo "app.p99_ms=$(field p99_ms)"
  echo "app.appointments_in_db=$booked_app"
} >>"$RESULT"

# 6. Stop, check the ledger
stop_app
ledger app >>"$RESULT"

# 7. The same on PostgreSQL alone: the free starts of every candidate pool after a reset
reset
bench_psql <<SQL
DROP TABLE IF EXISTS bench.rush_slot;
CREATE TABLE bench.rush_slot AS
WITH q AS (
  SELECT p.id AS pool_id, p.location_id, pr.id AS procedure_id, l.grid_minutes AS grid,
         ceil(pr.duration_minutes::numeric / l.grid_minutes)::int AS units
  FROM booking.pool p
  JOIN catalog.procedure pr ON pr.id = '$RUSH_PROCEDURE' AND p.skills @> ARRAY[pr.id]
  JOIN locations.location l ON l.id = p.location_id
), units AS (
  SELECT q.*, c.slot_start, lead(c.slot_start, q.units - 1) OVER w AS last_unit,
         array_agg(c.capacity - c.booked) OVER (w ROWS BETWEEN CURRENT ROW AND 11 FOLLOWING) AS frees
  FROM q JOIN booking.capacity c ON c.pool_id = q.pool_id AND c.channel = 'ONLINE' AND c.$WINDOW
  WINDOW w AS (PARTITION BY c.pool_id ORDER BY c.slot_start)
)
SELECT row_number() OVER (ORDER BY pool_id, slot_start)::int AS n, location_id, pool_id, procedure_id, slot_start,
       slot_start + units * grid * interval '1 minute' AS slot_end, units
FROM units
WHERE last_unit = slot_start + (units - 1) * grid * interval '1 minute'
  AND (SELECT min(f) FROM unnest(frees[1:units]) f) > 0;
ALTER TABLE bench.rush_slot ADD PRIMARY KEY (n);
ANALYZE bench.rush_slot;
SQL
sql_slots=$(bench_value "SELECT count(*) FROM bench.rush_slot")
echo "sql.free_pool_starts=$sql_slots" >>"$RESULT"

run_pgbench() {
  local name=$1 app_steps=$2
  log "pgbench -c $RUSH_PGBENCH_CLIENTS -j $THREADS -T $DURATION: the booking transaction in SQL (app_steps=$app_steps)"
  rm -f "$TARGET_DIR"/pgbench-log-rush.*
  pgbench_bench -n -c "$RUSH_PGBENCH_CLIENTS" -j "$THREADS" -T "$DURATION" -f "$BENCH_DIR/pgbench/rush-book.sql" \
    -D slots="$sql_slots" -D app_steps="$app_steps" --log --log-prefix="$TARGET_DIR/pgbench-log-rush" 2>&1 \
    | tee "$RESULTS_DIR/rush-$name.txt" >&2
  local tps booked p50 p99 count
  tps=$(grep -m1 '^tps = ' "$RESULTS_DIR/rush-$name.txt" | awk '{print $3}')
  read -r p50 p99 count < <(pgbench_percentiles "$TARGET_DIR"/pgbench-log-rush.*)
  rm -f "$TARGET_DIR"/pgbench-log-rush.*
  booked=$(bench_value "SELECT count(*) FROM booking.appointment WHERE citizen_email LIKE '%@pgbench.bench.example'")
  {
    echo "$name.transactions=$count"
    echo "$name.tps=$tps"
    echo "$name.booked=$booked"
    echo "$name.booked_per_s=$(awk -v n="$booked" -v s="$DURATION" 'BEGIN { printf "%.1f", n / s }')"
    echo "$name.p50_ms=$p50"
    echo "$name.p99_ms=$p99"
  } >>"$RESULT"
  ledger "$name" >>"$RESULT"
}
run_pgbench sql 0
if [ "$RUSH_APP_STEPS" = 1 ]; then
  reset
  run_pgbench sql_app_steps 1
fi

ratio=$(awk -F= '/^app.created_per_s=/ {a = $2} /^sql.booked_per_s=/ {b = $2}
  END { if (b > 0) printf "%.2f", a / b; else print "nan" }' "$RESULT")
echo "ratio=$ratio" >>"$RESULT"
cat "$RESULT"
