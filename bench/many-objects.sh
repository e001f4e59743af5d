#!/usr/bin/env bash
# Benchmark on a schema of many small objects (bench/many-objects.sql): neon-twin --jobs J against
# pg_dump -Fd -jJ + pg_restore -jJ, side by side in one run, at each N given.
#
# Usage: bench/many-objects.sh [N...]     (default: 500 2000 5000; also reached as bench/run.sh --many-objects [N...])
#
# Environment (all optional):
#   JOBS          the parallelism both methods get (default 2)
#   SHARED_DIR, PG_BIN, PGPAIR_DIR, JAVA, JAVA_OPTS, RESULTS_DIR   as for bench/run.sh (JAVA_OPTS default: -Xmx256m)
#   BASELINE_JAR  another neon-twin jar (an earlier commit) to run as a third method, "twin_base", for before/after
#   JFR_DIR       record a Java Flight Recording of each neon-twin run into this folder (profile settings)
#   BENCH_PREFIX  prefix of the target databases on the twin cluster (default: bench_many_)
#   KEEP_SERVERS=1  leave the clusters running when this script started them
#
# For each N it seeds many_<N> on production once (reused by later runs), then runs each method into its own fresh
# database, recording wall time, the CPU both servers and the client spent, and neon-twin's peak RSS and phases. A method is ok only if it exits 0 and the target holds as many tables, indexes, constraints, views,
# sequences and rows as production. Writes bench/results/<date>-many-objects-jobs<J>.md and the .tsv beside it.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED_DIR=${SHARED_DIR:-$ROOT/../shared}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
export PGPAIR_DIR=${PGPAIR_DIR:-/tmp/pgpair-bench}
JOBS=${JOBS:-2}
PREFIX=${BENCH_PREFIX:-bench_many_}
RESULTS_DIR=${RESULTS_DIR:-$ROOT/bench/results}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/neon-twin-many-XXXXXX")
JAR=$ROOT/target/neon-twin.jar
HOST=127.0.0.1; PROD_PORT=55432; TWIN_PORT=55433   # fixed by pgpair.sh
PROD=postgresql://postgres@$HOST:$PROD_PORT
TWIN=postgresql://postgres@$HOST:$TWIN_PORT
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(500 2000 5000)
for n in "${SIZES[@]}"; do [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "N must be a positive integer, got '$n'" >&2; exit 2; }; done

log() { printf '[many %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
now() { date +%s.%N; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a - b }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "n/a" }'; }
export PATH=$PG_BIN:$PATH
if [ -z "${JAVA:-}" ]; then
  # shellcheck source=../scripts/find-java.sh
  . "$ROOT/scripts/find-java.sh"; JAVA=$JAVA_HOME/bin/java
fi
read -r -a JOPTS <<<"${JAVA_OPTS:--Xmx256m}"
[ -f "$JAR" ] || (cd "$ROOT" && mvn -q package -DskipTests)

STARTED=0
cleanup() {
  for n in "${SIZES[@]}"; do
    for m in dir twin base; do psql -qAt "$TWIN/postgres" -c "DROP DATABASE IF EXISTS ${PREFIX}${n}_$m WITH (FORCE)" >/dev/null 2>&1 || true; done
  done
  rm -rf "$WORK"
  [ "$STARTED" = 0 ] || [ "${KEEP_SERVERS:-0}" = 1 ] || "$SHARED_DIR/bench/pgpair.sh" stop "$PG_BIN" || true
}
trap cleanup EXIT

if ! pg_isready -q -h $HOST -p $PROD_PORT || ! pg_isready -q -h $HOST -p $TWIN_PORT; then
  log "starting the cluster pair in $PGPAIR_DIR"
  "$SHARED_DIR/bench/pgpair.sh" start "$PG_BIN"; STARTED=1
fi
# pg_dump and a schema restore lock every table in one transaction: thousands of tables need a bigger lock table
# than the default (64 per connection), on both servers, as a real server with such a schema would have.
for port in $PROD_PORT $TWIN_PORT; do
  locks=$(psql -qAt "postgresql://postgres@$HOST:$port/postgres" -c "SHOW max_locks_per_transaction")
  if [ "$locks" -lt 1024 ]; then
    log "raising max_locks_per_transaction to 1024 on :$port (a restart)"
    psql -qAt "postgresql://postgres@$HOST:$port/postgres" -c "ALTER SYSTEM SET max_locks_per_transaction = 1024" >/dev/null
    dir=$(psql -qAt "postgresql://postgres@$HOST:$port/postgres" -c "SHOW data_directory")
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$dir" -w restart >/dev/null
    else "$PG_BIN/pg_ctl" -D "$dir" -w restart >/dev/null; fi
  fi
done

# What a faithful copy holds: the counts of each kind of object and the rows of all tables.
inventory() {
  psql -qAt "$1" -c "SELECT (SELECT string_agg(relkind::text || '=' || c, ' ' ORDER BY relkind) FROM (SELECT relkind, count(*) c FROM pg_class
    WHERE relnamespace = 'public'::regnamespace GROUP BY relkind) k) || ' constraints=' || (SELECT count(*) FROM pg_constraint
    WHERE connamespace = 'public'::regnamespace) || ' rows=' || (SELECT coalesce(sum(n_live_tup), 0) FROM pg_stat_user_tables)" 2>&1
}
rows_of() {  # exact row total: one count(*) per table (one expression over thousands of tables exceeds max_stack_depth)
  printf '%s\n' "SELECT format('SELECT count(*) FROM %s', oid::regclass) FROM pg_class
    WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' \\gexec" | psql -qAt "$1" | awk '{ s += $1 } END { print s + 0 }'
}
shape() { inventory "$1" | sed 's/ rows=.*//'; }

# CPU seconds spent by both clusters (their postmasters' own and reaped backends' time, /proc/PID/stat fields 14-17):
# on a busy shared machine wall time swings with the neighbours' load, the work a method makes the servers do does not.
POSTMASTERS=()
for port in $PROD_PORT $TWIN_PORT; do
  POSTMASTERS+=("$(head -1 "$(psql -qAt "postgresql://postgres@$HOST:$port/postgres" -c 'SHOW data_directory')/postmaster.pid")")
done
TICKS=$(getconf CLK_TCK)
server_cpu() { for pid in "${POSTMASTERS[@]}"; do cat "/proc/$pid/stat"; done | awk -v hz="$TICKS" '{ s += $14 + $15 + $16 + $17 } END { printf "%.2f", s / hz }'; }
client_cpu() { awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$@"; }

declare -A WALL RSS STATUS REPORT SCPU CCPU
METHODS=(dir twin); [ -z "${BASELINE_JAR:-}" ] || METHODS+=(base)
LABEL_dir="pg_dump -Fd -j$JOBS -Z0 + pg_restore -j$JOBS --no-owner --no-acl"
LABEL_twin="neon-twin twin --jobs $JOBS (${JAVA_OPTS:--Xmx256m})"
LABEL_base="neon-twin twin --jobs $JOBS, baseline jar ${BASELINE_JAR:-}"

run_method() {  # run_method N METHOD
  local c0 n=$1 m=$2 db=${PREFIX}$1_$2 src=$PROD/many_$1 t0 rc=0 log=$WORK/$1-$2.log jar=$JAR jfr=()
  psql -qAt "$TWIN/postgres" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
  for port in $PROD_PORT $TWIN_PORT; do psql -qAt "postgresql://postgres@$HOST:$port/postgres" -c CHECKPOINT >/dev/null; done
  sync
  log "N=$n, $m"
  case $m in
    dir)
      psql -qAt "$TWIN/postgres" -c "CREATE DATABASE $db" >/dev/null
      rm -rf "$WORK/dump"
      t0=$(now)
      c0=$(server_cpu)
      { /usr/bin/time -v -o "$WORK/$n-dump.time" pg_dump -Fd -j"$JOBS" -Z0 -f "$WORK/dump" "$src" \
        && /usr/bin/time -v -o "$WORK/$n-restore.time" pg_restore -j"$JOBS" --no-owner --no-acl -d "$TWIN/$db" "$WORK/dump"; } >"$log" 2>&1 || rc=$?
      WALL[$n,$m]=$(minus "$(now)" "$t0")
      SCPU[$n,$m]=$(minus "$(server_cpu)" "$c0"); CCPU[$n,$m]=$(client_cpu "$WORK/$n-dump.time" "$WORK/$n-restore.time")
      rm -rf "$WORK/dump" ;;
    twin|base)
      [ "$m" = twin ] || jar=$BASELINE_JAR
      [ -z "${JFR_DIR:-}" ] || { mkdir -p "$JFR_DIR"; jfr=("-XX:StartFlightRecording=filename=$JFR_DIR/n$n-$m.jfr,settings=profile"); }
      t0=$(now); c0=$(server_cpu)
      /usr/bin/time -v -o "$WORK/$n-$m.time" "$JAVA" "${JOPTS[@]}" "${jfr[@]}" -jar "$jar" twin --production-url "$src" \
        --twin-url "$TWIN/$db" --jobs "$JOBS" --notify never --report "$WORK/$n-$m.json" >"$log" 2>&1 || rc=$?
      WALL[$n,$m]=$(minus "$(now)" "$t0")
      SCPU[$n,$m]=$(minus "$(server_cpu)" "$c0"); CCPU[$n,$m]=$(client_cpu "$WORK/$n-$m.time")
      RSS[$n,$m]=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$WORK/$n-$m.time")
      REPORT[$n,$m]=$WORK/$n-$m.json ;;
  esac
  if [ "$rc" != 0 ]; then
    STATUS[$n,$m]="failed (exit $rc): $(grep -v '^[[:space:]]*$' "$log" | tail -1 | tr -s ' \t|' ' ' | cut -c1-160)"
  elif [ "$(shape "$TWIN/$db")" != "${SHAPE[$n]}" ] || [ "$(rows_of "$TWIN/$db")" != "${ROWS[$n]}" ]; then
    STATUS[$n,$m]="failed: the copy holds $(shape "$TWIN/$db") rows=$(rows_of "$TWIN/$db")"
  else
    STATUS[$n,$m]=ok
  fi
  log "N=$n, $m: ${STATUS[$n,$m]} in ${WALL[$n,$m]} s"
  [ "${STATUS[$n,$m]}" = ok ] || tail -5 "$log" >&2
  psql -qAt "$TWIN/postgres" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
}

declare -A SHAPE ROWS
for n in "${SIZES[@]}"; do
  marker="neon-twin bench many-objects n=$n"
  have=$(psql -qAt "$PROD/postgres" -c "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = 'many_$n'")
  if [ "$have" != "$marker" ]; then
    log "seeding many_$n (N=$n tables)"
    psql -qAt "$PROD/postgres" -c "DROP DATABASE IF EXISTS many_$n WITH (FORCE)" -c "CREATE DATABASE many_$n" >/dev/null
    psql -q -v n="$n" -v marker="$marker" -f "$ROOT/bench/many-objects.sql" "$PROD/many_$n" >/dev/null
    psql -qAt "$PROD/many_$n" -c "ANALYZE" >/dev/null
  fi
  SHAPE[$n]=$(shape "$PROD/many_$n"); ROWS[$n]=$(rows_of "$PROD/many_$n")
  for m in "${METHODS[@]}"; do run_method "$n" "$m"; done
done

phase() { jq -r --arg p "$2" '[.phases[] | select(.phase == $p) | .seconds] | add // "" | if . == "" then "-" else (. * 100 | round / 100 | tostring) end' "$1" 2>/dev/null || echo -; }
render() {
  echo "# neon-twin many-objects benchmark: jobs=$JOBS"
  echo
  echo "- Date (UTC): $(date -u '+%Y-%m-%d %H:%M'); neon-twin at commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet || echo ' (with uncommitted changes)')"
  echo "- Machine: $(nproc) cores; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (shared and busy: compare ratios within this run only)"
  echo "- Servers: $(psql -qAt "$PROD/postgres" -c 'SHOW server_version') on :$PROD_PORT and :$TWIN_PORT, max_locks_per_transaction=1024; JVM options ${JAVA_OPTS:--Xmx256m}"
  echo "- Schema: bench/many-objects.sql, per table an identity primary key, 6 columns, 3 secondary indexes, a foreign key, a CHECK, 20 rows; N/10 views and sequences"
  echo
  echo "| N | Method | Result | Wall time, s | vs pg_dump -Fd + pg_restore | Servers' CPU, s | Client CPU, s | Peak RSS, MB |"
  echo "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |"
  for n in "${SIZES[@]}"; do
    for m in "${METHODS[@]}"; do
      local label="LABEL_$m" vs=n/a
      [ "${STATUS[$n,$m]}" != ok ] || [ "${STATUS[$n,dir]}" != ok ] || vs=$(ratio "${WALL[$n,$m]}" "${WALL[$n,dir]}")
      echo "| $n | $m: ${!label} | ${STATUS[$n,$m]} | ${WALL[$n,$m]} | $vs | ${SCPU[$n,$m]:--} | ${CCPU[$n,$m]:--} | ${RSS[$n,$m]:--} |"
    done
  done
  echo
  echo "Servers' CPU: seconds of CPU both PostgreSQL clusters spent during the method (the work it made them do, which the"
  echo "neighbours' load does not change); client CPU: pg_dump + pg_restore, or the neon-twin JVM (user + system)."
  echo
  echo "## neon-twin phases, s (from --report)"
  echo
  local cols=()
  for n in "${SIZES[@]}"; do for m in "${METHODS[@]}"; do [ ! -s "${REPORT[$n,$m]:-/none}" ] || cols+=("$n,$m"); done; done
  printf '| Phase |'; for c in "${cols[@]}"; do printf ' N=%s %s |' "${c%,*}" "${c#*,}"; done; echo
  printf '| --- |'; for c in "${cols[@]}"; do printf ' ---: |'; done; echo
  for p in preflight schema data post-data sequences analyze verify swap; do
    printf '| %s |' "$p"; for c in "${cols[@]}"; do printf ' %s |' "$(phase "${REPORT[$c]}" "$p")"; done; echo
  done
}
mkdir -p "$RESULTS_DIR"
BASE=$RESULTS_DIR/$(date -u +%Y-%m-%d)-many-objects-jobs$JOBS
render | tee "$BASE.md"
{
  printf 'date\tn\tjobs\tmethod\tmetric\tvalue\n'
  d=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  for n in "${SIZES[@]}"; do
    for m in "${METHODS[@]}"; do
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$d" "$n" "$JOBS" "$m" status "${STATUS[$n,$m]}" "$d" "$n" "$JOBS" "$m" wall_seconds "${WALL[$n,$m]}"
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$d" "$n" "$JOBS" "$m" server_cpu_seconds "${SCPU[$n,$m]:-}" "$d" "$n" "$JOBS" "$m" client_cpu_seconds "${CCPU[$n,$m]:-}"
      [ -z "${RSS[$n,$m]:-}" ] || printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$d" "$n" "$JOBS" "$m" peak_rss_mb "${RSS[$n,$m]}"
      [ ! -s "${REPORT[$n,$m]:-/none}" ] || jq -r --arg d "$d" --arg n "$n" --arg j "$JOBS" --arg m "$m" \
        '.phases[] | [$d, $n, $j, $m, "phase_\(.phase)_seconds", (.seconds | tostring)] | @tsv' "${REPORT[$n,$m]}"
    done
  done
} >"$BASE.tsv"
log "results: $BASE.md and $BASE.tsv"
