# Shared settings and helpers of the booking benchmarks (sourced by bench/*.sh).
# Every setting can be overridden from the environment.
# shellcheck shell=bash

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT_DIR=$(cd "$BENCH_DIR/.." && pwd)
TARGET_DIR=${BENCH_TARGET:-$BENCH_DIR/target}
RESULTS_DIR=$TARGET_DIR/results
BERLIN_DIR=${BERLIN_DIR:-$TARGET_DIR/berlin}

export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"

PG_VERSION=${PG_VERSION:-$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1)}
PG_PORT=${PG_PORT:-$(pg_lsclusters -h 2>/dev/null | awk -v v="$PG_VERSION" '$1 == v && $2 == "main" {print $3}')}
PG_PORT=${PG_PORT:-5432}
BENCH_DB=${BENCH_DB:-buergerservice_bench}
BENCH_USER=${BENCH_USER:-buergerservice_bench}
BENCH_PASSWORD=${BENCH_PASSWORD:-buergerservice_bench}

APP_PORT=${APP_PORT:-18763}
APP_URL=${APP_URL:-http://localhost:$APP_PORT}
APP_JAR=${APP_JAR:-$ROOT_DIR/target/buergerservice-0.1.0-SNAPSHOT.jar}
APP_JAVA_OPTS=${APP_JAVA_OPTS:--Xms1g -Xmx2g}
APP_PID_FILE=$TARGET_DIR/app.pid
APP_MODE_FILE=$TARGET_DIR/app.mode

# The horizon the Berlin installation plans (days); the availability scripts stay within it.
HORIZON_DAYS=${HORIZON_DAYS:-90}

mkdir -p "$TARGET_DIR" "$RESULTS_DIR"

log() { printf '\n== %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

# psql as the benchmark role on the benchmark database (password over TCP, like the app).
bench_psql() {
  PGPASSWORD=$BENCH_PASSWORD psql -h localhost -p "$PG_PORT" -U "$BENCH_USER" -d "$BENCH_DB" \
    -v ON_ERROR_STOP=1 -X -q "$@"
}

# psql as the superuser (role and database creation).
super_psql() {
  if [ "$(id -u)" = 0 ]; then
    su postgres -c "psql -p $PG_PORT -X -v ON_ERROR_STOP=1 -q $(printf '%q ' "$@")"
  else
    psql -p "$PG_PORT" -X -v ON_ERROR_STOP=1 -q "$@"
  fi
}

# One value from a query.
bench_value() { bench_psql -Atc "$1"; }

pgbench_bench() {
  PGPASSWORD=$BENCH_PASSWORD pgbench -h localhost -p "$PG_PORT" -U "$BENCH_USER" "$@" "$BENCH_DB"
}

start_postgres() {
  set +e
  pg_ctlcluster "$PG_VERSION" main start 2>/dev/null
  local status=$?
  set -e
  if [ $status -ne 0 ] && [ $status -ne 2 ]; then
    die "PostgreSQL $PG_VERSION did not start (exit $status)"
  fi
}

app_ready() {
  curl -fsS -m 2 "$APP_URL/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'
}

# Whether a process listens on the application's port, and which.
port_owner() {
  ss -Hltnp "sport = :$APP_PORT" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2
}

# Ready, and it is the process this harness started (not someone else's on the same port).
our_app_ready() {
  local pid
  pid=$(app_running_pid)
  [ -n "$pid" ] && [ "$(port_owner)" = "$pid" ] && app_ready
}

app_running_pid() {
  if [ -f "$APP_PID_FILE" ] && kill -0 "$(cat "$APP_PID_FILE")" 2>/dev/null; then
    cat "$APP_PID_FILE"
  fi
}

# Stops the application this harness started (by its recorded pid only).
stop_app() {
  local pid
  pid=$(app_running_pid)
  if [ -n "$pid" ]; then
    log "Stopping the application (pid $pid)"
    kill "$pid"
    for _ in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  fi
  rm -f "$APP_PID_FILE" "$APP_MODE_FILE"
}

# The properties every benchmark instance runs with: the Berlin seed, a 90-day rolling horizon.
app_properties() {
  printf '%s\n' \
    "--server.port=$APP_PORT" \
    "--spring.datasource.url=jdbc:postgresql://localhost:$PG_PORT/$BENCH_DB" \
    "--spring.datasource.username=$BENCH_USER" \
    "--spring.datasource.password=$BENCH_PASSWORD" \
    "--buergerservice.demo-data.location=file:$BERLIN_DIR/" \
    "--buergerservice.city.name=Berlin" \
    "--buergerservice.city.holiday-region=be" \
    "--buergerservice.booking.defaults.horizon-days=$HORIZON_DAYS" \
    "--buergerservice.booking.defaults.release-mode=rolling" \
    "--logging.level.de.buergerservice.booking.internal.CapacitySync=DEBUG"
}

# start_app MODE [extra --property=value …]: starts the jar in the background (unless it
# already runs in that mode), waits until it is ready and prints the seconds that took.
start_app() {
  local mode=$1
  shift
  if [ "$(cat "$APP_MODE_FILE" 2>/dev/null)" = "$mode" ] && our_app_ready; then
    log "The application already runs in mode $mode on $APP_URL"
    echo 0
    return
  fi
  stop_app
  if [ -n "$(port_owner)" ]; then
    die "Another process (pid $(port_owner)) listens on port $APP_PORT: set APP_PORT to a free port"
  fi
  [ -f "$APP_JAR" ] || die "No jar at $APP_JAR: run ./mvnw -DskipTests package"
  # run a copy, so that a build meanwhile (./mvnw package, verify) cannot pull the jar away
  cp -f "$APP_JAR" "$TARGET_DIR/buergerservice.jar"
  local logfile=$TARGET_DIR/app-$mode.log
  local args
  mapfile -t args < <(app_properties)
  log "Starting the application ($mode) on $APP_URL, log in $logfile"
  local started
  started=$(date +%s.%N)
  # shellcheck disable=SC2086
  nohup "$JAVA_HOME/bin/java" $APP_JAVA_OPTS -jar "$TARGET_DIR/buergerservice.jar" "${args[@]}" "$@" >"$logfile" 2>&1 &
  echo $! >"$APP_PID_FILE"
  echo "$mode" >"$APP_MODE_FILE"
  for _ in $(seq 1 1800); do
    if our_app_ready; then
      awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f\n", b - a }'
      return
    fi
    kill -0 "$(cat "$APP_PID_FILE")" 2>/dev/null || { tail -n 40 "$logfile" >&2; die "The application exited"; }
    sleep 1
  done
  die "The application was not ready after 30 minutes (see $logfile)"
}

# Writes key=value lines to a results file (replacing it).
write_result() {
  local file=$1
  shift
  printf '%s\n' "$@" >"$file"
}

# Percentiles (ms) of pgbench per-transaction logs (column 3: latency in microseconds).
# pgbench_percentiles FILES… → "p50 p99 count"
pgbench_percentiles() {
  cat "$@" | awk '{print $3}' | sort -n | awk '
    { v[NR] = $1 }
    END {
      if (NR == 0) { print "nan nan 0"; exit }
      i50 = int(NR * 0.50); if (i50 < 1) i50 = 1
      i99 = int(NR * 0.99); if (i99 < 1) i99 = 1
      printf "%.2f %.2f %d\n", v[i50] / 1000, v[i99] / 1000, NR
    }'
}

machine_facts() {
  printf 'machine.cpu=%s\n' "$(nproc) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
  printf 'machine.memory=%s\n' "$(free -g | awk '/Mem:/ {print $2 " GiB"}')"
  printf 'machine.os=%s\n' "$(. /etc/os-release && echo "$PRETTY_NAME")"
  printf 'machine.jdk=%s\n' "$("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)"
  printf 'machine.postgres=%s\n' "$(bench_value 'SHOW server_version' 2>/dev/null || echo "$PG_VERSION")"
  printf 'machine.load=%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf 'date=%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
}
