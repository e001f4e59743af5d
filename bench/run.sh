#!/usr/bin/env bash
# Benchmark neon-twin side by side with what users do today to copy a production PostgreSQL database, in one run.
#
# Usage: bench/run.sh [--clean] [--keep-servers] [--no-text] [--repeat N] [rows] [jobs]   (defaults: 500000 rows, 2 jobs)
#        bench/run.sh --many-objects [N...]   a schema of N small tables instead (bench/many-objects.sh; default N: 500 2000 5000)
#
#   rows            size of the seeded "shop" (users; orders 4x, order_items 12x, events 8x; 500000 is about 2 GB)
#   jobs            the parallelism every method gets
#   --clean         also drop the seeded shop database at the end (it is kept by default, for reruns)
#   --keep-servers  leave the two clusters running at the end when this run started them
#   --no-text       skip the neon-twin run that forces text COPY (NEON_TWIN_COPY_FORMAT=text)
#   --repeat N      run every method N times, in N interleaved rounds, and report the median (default 1, or BENCH_REPEAT)
#
# Environment (all optional):
#   SHARED_DIR    the shared folder holding bench/pgpair.sh and bench/seed-shop.sql (default: ../shared from the repo)
#   PG_BIN        PostgreSQL bin folder for the clusters and the clients (default: /usr/lib/postgresql/15/bin)
#   PGPAIR_DIR    where pgpair.sh keeps the clusters it starts (default: /tmp/pgpair-bench)
#   SHOP_DB       the production database to seed and copy (default: shop)
#   BENCH_PREFIX  prefix of every target database this run creates on the twin cluster (default: bench_)
#   BENCH_WORK    scratch folder for dumps, logs and reports, removed at the end (default: $TMPDIR/neon-twin-bench)
#   RESULTS_DIR   where the results are written (default: bench/results)
#   JAVA          a java 21+ binary (default: the first one found in $JAVA_HOME, /usr/lib/jvm, PATH)
#   JAVA_OPTS     JVM options for the neon-twin runs (default: -Xmx256m, as bin/neon-twin and the action's image run it)
#   PGCOPYDB_SPLIT  if set, passed to pgcopydb as --split-tables-larger-than (default: unset, as users run it)
#   BASELINE_JAR  if set, an older neon-twin jar that also makes a new twin in every round (method twin_baseline), so
#                 that a change is measured against the code before it in the same run, under the same load
#
# The results table goes to stdout and to bench/results/<date>-rows<R>-jobs<J>.md, with a long-format .tsv beside it.
# docs/performance.md explains what is measured and why.
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }

if [ "${1:-}" = --many-objects ]; then
  shift
  exec "$(dirname "$0")/many-objects.sh" "$@"
fi

CLEAN=0; KEEP_SERVERS=0; TEXT_RUN=1; REPEAT=${BENCH_REPEAT:-1}; POSITIONAL=()
while [ $# -gt 0 ]; do
  case $1 in
    --clean) CLEAN=1 ;;
    --keep-servers) KEEP_SERVERS=1 ;;
    --no-text) TEXT_RUN=0 ;;
    --repeat) [ $# -ge 2 ] || { echo "--repeat needs a number" >&2; exit 2; }; REPEAT=$2; shift ;;
    --repeat=*) REPEAT=${1#--repeat=} ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
    *) POSITIONAL+=("$1") ;;
  esac
  shift
done
ROWS=${POSITIONAL[0]:-500000}
JOBS=${POSITIONAL[1]:-2}
[[ $ROWS =~ ^[1-9][0-9]*$ ]] || { echo "rows must be a positive integer, got '$ROWS'" >&2; exit 2; }
[[ $JOBS =~ ^[1-9][0-9]*$ ]] || { echo "jobs must be a positive integer, got '$JOBS'" >&2; exit 2; }
[[ $REPEAT =~ ^[1-9][0-9]*$ ]] || { echo "--repeat must be a positive integer, got '$REPEAT'" >&2; exit 2; }
[ "$ROWS" -ge 2 ] || { echo "rows must be at least 2" >&2; exit 2; }

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED_DIR=${SHARED_DIR:-$ROOT/../shared}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
export PGPAIR_DIR=${PGPAIR_DIR:-/tmp/pgpair-bench}
SHOP_DB=${SHOP_DB:-shop}
PREFIX=${BENCH_PREFIX:-bench_}
WORK=${BENCH_WORK:-${TMPDIR:-/tmp}/neon-twin-bench}
RESULTS_DIR=${RESULTS_DIR:-$ROOT/bench/results}
JAR=$ROOT/target/neon-twin.jar
HOST=127.0.0.1; PROD_PORT=55432; TWIN_PORT=55433   # fixed by pgpair.sh
PROD_URL_BASE=postgresql://postgres@$HOST:$PROD_PORT
TWIN_URL_BASE=postgresql://postgres@$HOST:$TWIN_PORT
SRC=$PROD_URL_BASE/$SHOP_DB
CHECK_TABLES=(users products orders order_items events)
SEED_MARKER="neon-twin bench seed rows=$ROWS"

for name in "$SHOP_DB" "${PREFIX}x"; do
  [[ $name =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "database names must be lower-case identifiers: '$name'" >&2; exit 2; }
done
if [ ! -f "$SHARED_DIR/bench/pgpair.sh" ] || [ ! -f "$SHARED_DIR/bench/seed-shop.sql" ]; then
  echo "no bench/pgpair.sh and bench/seed-shop.sql under SHARED_DIR=$SHARED_DIR" >&2; exit 2
fi
SHARED_DIR=$(cd "$SHARED_DIR" && pwd)

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }
now() { date +%s.%N; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a - b }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "n/a" }'; }
# le A B: A <= B (decimals)
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }
q() { PGOPTIONS="-c client_min_messages=warning" psql "$1" -X -q -A -t -v ON_ERROR_STOP=1 -c "$2"; }
prod() { q "$PROD_URL_BASE/postgres" "$1"; }
twin() { q "$TWIN_URL_BASE/postgres" "$1"; }

# ---------------------------------------------------------------------------------------------------------------- tools
need() {  # need COMMAND DEBIAN_PACKAGE
  command -v "$1" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing $2 (for $1)"
    apt-get install -y "$2" >"${TMPDIR:-/tmp}/bench-apt-$2.log" 2>&1 \
      || { apt-get update >/dev/null 2>&1 && apt-get install -y "$2" >"${TMPDIR:-/tmp}/bench-apt-$2.log" 2>&1; } \
      || die "could not install $2; see ${TMPDIR:-/tmp}/bench-apt-$2.log"
  else
    die "$1 is missing: install the Debian package $2"
  fi
}
[ -x "$PG_BIN/pg_ctl" ] || need "$PG_BIN/pg_ctl" postgresql
export PATH=$PG_BIN:$PATH   # clusters, pg_dump, pg_restore (also for pgcopydb and neon-twin) all from one major
need psql postgresql-client
need pgcopydb pgcopydb
need /usr/bin/time time
need jq jq
need awk gawk

java_major() { "$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'; }
find_java() {
  local c
  for c in ${JAVA:+"$JAVA"} ${JAVA_HOME:+"$JAVA_HOME/bin/java"} /usr/lib/jvm/*/bin/java "$(command -v java || true)"; do
    if [ -z "$c" ] || [ ! -x "$c" ]; then continue; fi
    if [ "$(java_major "$c")" -ge 21 ] 2>/dev/null; then echo "$c"; return 0; fi
  done
  return 1
}
JAVA=$(find_java) || die "no java 21+ found: set JAVA or JAVA_HOME"

# ------------------------------------------------------------------------------------------------------------- clusters
STARTED_PAIR=0
ready() { pg_isready -q -h "$HOST" -p "$1"; }
if ready $PROD_PORT && ready $TWIN_PORT; then
  log "reusing the clusters already running on $HOST:$PROD_PORT and :$TWIN_PORT"
  PAIR_NOTE="reused the clusters already running on ports $PROD_PORT/$TWIN_PORT"
elif ready $PROD_PORT || ready $TWIN_PORT; then
  die "only one of ports $PROD_PORT/$TWIN_PORT answers; stop it or start its partner first"
else
  log "starting the pair in $PGPAIR_DIR"
  STARTED_PAIR=1   # set first: a start that fails half way still gets stopped
  PAIR_NOTE="started by this run (pgpair.sh, PGPAIR_DIR=$PGPAIR_DIR)"
fi

CREATED=()       # target databases this run made on the twin cluster
cleanup() {
  local rc=$? db
  set +e
  for db in "${CREATED[@]}"; do
    twin "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1
    twin "DROP DATABASE IF EXISTS ${db}__twin_staging WITH (FORCE)" >/dev/null 2>&1
    twin "DROP DATABASE IF EXISTS ${db}__twin_previous WITH (FORCE)" >/dev/null 2>&1
  done
  prod "DROP DATABASE IF EXISTS ${SHOP_DB}_seeding WITH (FORCE)" >/dev/null 2>&1
  if [ "$CLEAN" = 1 ]; then
    log "--clean: dropping $SHOP_DB"
    prod "DROP DATABASE IF EXISTS $SHOP_DB WITH (FORCE)" >/dev/null 2>&1
  fi
  rm -rf "$WORK"
  if [ "$STARTED_PAIR" = 1 ] && [ "$KEEP_SERVERS" = 0 ]; then
    log "stopping the pair this run started"
    bash "$SHARED_DIR/bench/pgpair.sh" stop "$PG_BIN"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
if [ "$STARTED_PAIR" = 1 ]; then
  bash "$SHARED_DIR/bench/pgpair.sh" start "$PG_BIN"
fi

rm -rf "$WORK"; mkdir -p "$WORK" "$RESULTS_DIR"

# -------------------------------------------------------------------------------------------------------------- seeding
counts_of() {  # counts_of URL: "users=N products=N ..." in CHECK_TABLES order
  local sql="" t
  for t in "${CHECK_TABLES[@]}"; do sql+="${sql:+ || ' ' || }'$t=' || (SELECT count(*) FROM $t)"; done
  q "$1" "SELECT $sql"
}
expected_counts() {
  echo "users=$ROWS products=5000 orders=$((ROWS * 4)) order_items=$((ROWS * 12)) events=$((ROWS * 8))"
}
SEED_SECONDS=""
shop_exists=$(prod "SELECT count(*) FROM pg_database WHERE datname = '$SHOP_DB'")
if [ "$shop_exists" = 1 ]; then
  marker=$(prod "SELECT coalesce(shobj_description(oid, 'pg_database'), '') FROM pg_database WHERE datname = '$SHOP_DB'")
  if [ "$marker" = "$SEED_MARKER" ]; then
    SEED_NOTE="reused: $SHOP_DB was seeded with rows=$ROWS by an earlier run"
  elif [[ $marker == "neon-twin bench seed rows="* ]]; then
    log "$SHOP_DB was seeded by this script with another size ($marker): dropping it"
    prod "DROP DATABASE $SHOP_DB WITH (FORCE)"
    shop_exists=0
  elif [ "$(counts_of "$SRC" 2>/dev/null || true)" = "$(expected_counts)" ]; then
    SEED_NOTE="reused: $SHOP_DB already existed with the row counts of rows=$ROWS"
  else
    die "$SHOP_DB exists on :$PROD_PORT but was not seeded by this script with rows=$ROWS; set SHOP_DB to another name"
  fi
fi
if [ "$shop_exists" = 0 ]; then
  log "seeding $SHOP_DB with rows=$ROWS (not part of any measured time)"
  prod "DROP DATABASE IF EXISTS ${SHOP_DB}_seeding WITH (FORCE)"
  prod "CREATE DATABASE ${SHOP_DB}_seeding"
  t0=$(now)
  psql "$PROD_URL_BASE/${SHOP_DB}_seeding" -X -q -v ON_ERROR_STOP=1 -v rows="$ROWS" \
    -f "$SHARED_DIR/bench/seed-shop.sql" >"$WORK/seed.log" 2>&1 || { cat "$WORK/seed.log" >&2; die "seeding failed"; }
  SEED_SECONDS=$(minus "$(now)" "$t0")
  prod "COMMENT ON DATABASE ${SHOP_DB}_seeding IS '$SEED_MARKER'"
  prod "ALTER DATABASE ${SHOP_DB}_seeding RENAME TO $SHOP_DB"
  SEED_NOTE="seeded by this run in $SEED_SECONDS s (not part of any measured time)"
  log "seeded in $SEED_SECONDS s"
fi

# ------------------------------------------------------------------------------------------------------------ build jar
if [ ! -f "$JAR" ]; then
  log "building $JAR"
  command -v mvn >/dev/null || die "mvn is missing (needed to build $JAR)"
  (cd "$ROOT" && JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$JAVA")")") mvn -q package -DskipTests) \
    >"$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log" >&2; die "build failed"; }
fi

# ---------------------------------------------------------------------------------------------------------- environment
PROD_COUNTS=$(counts_of "$SRC")   # also reads every table once, so the first method does not start on a cold cache
PROD_BYTES=$(prod "SELECT pg_database_size('$SHOP_DB')")
PROD_SIZE=$(prod "SELECT pg_size_pretty(pg_database_size('$SHOP_DB'))")
PROD_VERSION=$(prod "SHOW server_version")
TWIN_VERSION=$(twin "SHOW server_version")
settings_of() { q "$1/postgres" "SELECT string_agg(name || '=' || setting || coalesce(unit, ''), ', ' ORDER BY name) FROM pg_settings
  WHERE name IN ('fsync', 'max_wal_size', 'shared_buffers', 'synchronous_commit', 'max_parallel_maintenance_workers', 'maintenance_work_mem')"; }
PROD_SETTINGS=$(settings_of "$PROD_URL_BASE")
TWIN_SETTINGS=$(settings_of "$TWIN_URL_BASE")
FREE_KB=$(df -Pk "$WORK" | awk 'NR == 2 { print $4 }')
if [ $((FREE_KB * 1024)) -lt $((PROD_BYTES * 5)) ]; then
  log "warning: $((FREE_KB / 1024)) MB free under $WORK; a run needs about 5x production ($PROD_SIZE)"
fi
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git -C "$ROOT" status --porcelain -- src pom.xml 2>/dev/null)" ]; then COMMIT="$COMMIT (+ local changes)"; fi
CPU=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
MEM_GB=$(awk '/^MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)
MACHINE="${CPU:-unknown CPU}, $(nproc) cores, ${MEM_GB} GiB RAM, Linux $(uname -r)"
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
PG_DUMP_VERSION=$(pg_dump --version)
PGCOPYDB_VERSION=$(pgcopydb --version 2>/dev/null | awk '/pgcopydb version/ { print $3; exit }')
JAVA_VERSION=$("$JAVA" -version 2>&1 | head -1)
log "production $SHOP_DB: $PROD_SIZE, $PROD_COUNTS"

# -------------------------------------------------------------------------------------------------------------- methods
declare -A LABEL JOBS_OF STATUS TIMES SECS RSS REPORT
METHODS=()
ROUND=0

fresh_db() {  # fresh_db NAME: an empty target database
  twin "DROP DATABASE IF EXISTS $1 WITH (FORCE)"
  twin "CREATE DATABASE $1"
  CREATED+=("$1")
}
absent_db() {  # absent_db NAME: no such database (neon-twin creates it)
  twin "DROP DATABASE IF EXISTS $1 WITH (FORCE)"
  twin "DROP DATABASE IF EXISTS ${1}__twin_staging WITH (FORCE)"
  twin "DROP DATABASE IF EXISTS ${1}__twin_previous WITH (FORCE)"
  CREATED+=("$1")
}
quiesce() {  # flush what the previous method left dirty, so it is not written during the next one's clock
  prod "CHECKPOINT"; twin "CHECKPOINT"; sync
}
check_counts() {  # check_counts DB: "ok" or what differs from production
  local got
  got=$(counts_of "$TWIN_URL_BASE/$1" 2>&1) || { echo "count failed: ${got//$'\n'/ }"; return; }
  if [ "$got" = "$PROD_COUNTS" ]; then echo ok; else echo "row counts differ: $got"; fi
}
register() {  # register ID LABEL JOBS
  METHODS+=("$1"); LABEL[$1]=$2; JOBS_OF[$1]=$3; STATUS[$1]=ok; TIMES[$1]=""; SECS[$1]=""; RSS[$1]=""; REPORT[$1]=""
}
# attempt ID DB COMMAND...: one timed run (wall clock) of COMMAND in this round, then DB's row counts against production.
# A method that failed once is not run again: it is reported as failed.
attempt() {
  local id=$1 db=$2 t0 rc=0 secs check why log=$WORK/$1-r$ROUND.log
  shift 2
  [ "${STATUS[$id]}" = ok ] || return 0
  quiesce
  log "round $ROUND/$REPEAT, $id: ${LABEL[$id]}"
  t0=$(now)
  "$@" >"$log" 2>&1 || rc=$?
  secs=$(minus "$(now)" "$t0")
  TIMES[$id]+="${TIMES[$id]:+ }$secs"
  if [ "$rc" != 0 ]; then
    why=$(grep -E 'ERROR|FATAL|[Ee]rror:' "$log" | tail -1)
    [ -n "$why" ] || why=$(grep -v '^[[:space:]]*$' "$log" | tail -1)
    STATUS[$id]="failed (exit $rc, round $ROUND): $(echo "$why" | tr -s ' \t|' ' ' | cut -c1-160)"
  else
    check=$(check_counts "$db")
    [ "$check" = ok ] || STATUS[$id]="failed (round $ROUND): $check"
  fi
  log "$id: ${STATUS[$id]} in $secs s"
  if [ "${STATUS[$id]}" != ok ]; then
    log "last lines of $log:"; tail -15 "$log" >&2
  fi
}

DUMP=$WORK/guide.dump
DIR=$WORK/dir
GUIDE_DB=${PREFIX}guide; DIR_DB=${PREFIX}dir; COPYDB_DB=${PREFIX}pgcopydb; TWIN_DB=${PREFIX}twin; TEXT_DB=${PREFIX}twin_text

guide() {
  pg_dump -Fc -f "$DUMP" "$SRC" && pg_restore --clean --no-owner --no-acl --if-exists -d "$TWIN_URL_BASE/$GUIDE_DB" "$DUMP"
}
directory() {
  pg_dump -Fd -j"$JOBS" -Z0 -f "$DIR" "$SRC" && pg_restore -j"$JOBS" --no-owner --no-acl -d "$TWIN_URL_BASE/$DIR_DB" "$DIR"
}
copydb() {
  local split=()
  [ -z "${PGCOPYDB_SPLIT:-}" ] || split=(--split-tables-larger-than "$PGCOPYDB_SPLIT")
  pgcopydb clone --source "$SRC" --target "$TWIN_URL_BASE/$COPYDB_DB" --dir "$WORK/pgcopydb" \
    --table-jobs "$JOBS" --index-jobs "$JOBS" --no-owner --no-acl "${split[@]}"
}
neon_twin() {  # neon_twin ID DB [VAR=value...]: the engine under /usr/bin/time -v, with its JSON report
  local id=$1 db=$2 opts=() jar=$JAR
  shift 2
  [ "$id" != twin_baseline ] || jar=$BASELINE_JAR
  read -r -a opts <<<"${JAVA_OPTS:--Xmx256m}"
  env "$@" /usr/bin/time -v -o "$WORK/$id-r$ROUND.time" "$JAVA" "${opts[@]}" -jar "$jar" twin \
    --production-url "$SRC" --twin-url "$TWIN_URL_BASE/$db" --jobs "$JOBS" --notify never --report "$WORK/$id-r$ROUND.json"
}

register guide "Neon guide: pg_dump -Fc -f FILE, then pg_restore --clean --no-owner --no-acl --if-exists" 1
register dir "pg_dump -Fd -j$JOBS -Z0, then pg_restore -j$JOBS --no-owner --no-acl" "$JOBS"
register pgcopydb "pgcopydb clone --table-jobs $JOBS --index-jobs $JOBS${PGCOPYDB_SPLIT:+ --split-tables-larger-than $PGCOPYDB_SPLIT}" "$JOBS"
register twin_new "neon-twin twin --jobs $JOBS (new twin)" "$JOBS"
register twin_refresh "neon-twin twin --jobs $JOBS (refresh of that twin: the nightly case)" "$JOBS"
[ -z "${BASELINE_JAR:-}" ] || register twin_baseline "neon-twin twin --jobs $JOBS from BASELINE_JAR (new twin; the code before the change)" "$JOBS"
[ "$TEXT_RUN" = 0 ] || register twin_text "neon-twin twin --jobs $JOBS, NEON_TWIN_COPY_FORMAT=text (new twin)" "$JOBS"

# Rounds interleave the methods, so a change in the machine's load during the run touches all of them alike.
for ((ROUND = 1; ROUND <= REPEAT; ROUND++)); do
  rm -f "$DUMP"; fresh_db "$GUIDE_DB"
  attempt guide "$GUIDE_DB" guide
  rm -f "$DUMP"; twin "DROP DATABASE IF EXISTS $GUIDE_DB WITH (FORCE)"

  rm -rf "$DIR"; fresh_db "$DIR_DB"
  attempt dir "$DIR_DB" directory
  rm -rf "$DIR"; twin "DROP DATABASE IF EXISTS $DIR_DB WITH (FORCE)"

  rm -rf "$WORK/pgcopydb"; fresh_db "$COPYDB_DB"
  attempt pgcopydb "$COPYDB_DB" copydb
  rm -rf "$WORK/pgcopydb"; twin "DROP DATABASE IF EXISTS $COPYDB_DB WITH (FORCE)"

  absent_db "$TWIN_DB"
  attempt twin_new "$TWIN_DB" neon_twin twin_new "$TWIN_DB"
  if [ "${STATUS[twin_new]}" = ok ]; then
    attempt twin_refresh "$TWIN_DB" neon_twin twin_refresh "$TWIN_DB"
  elif [ "${STATUS[twin_refresh]}" = ok ] || [ -z "${TIMES[twin_refresh]}" ]; then
    STATUS[twin_refresh]="not run: twin_new failed"
  fi
  absent_db "$TWIN_DB"

  if [ -n "${BASELINE_JAR:-}" ]; then
    absent_db "$TWIN_DB"
    attempt twin_baseline "$TWIN_DB" neon_twin twin_baseline "$TWIN_DB"
    absent_db "$TWIN_DB"
  fi

  if [ "$TEXT_RUN" = 1 ]; then
    absent_db "$TEXT_DB"
    attempt twin_text "$TEXT_DB" neon_twin twin_text "$TEXT_DB" NEON_TWIN_COPY_FORMAT=text
    absent_db "$TEXT_DB"
  fi
done

# Per method: the median wall time over the rounds; for neon-twin, the report of the round nearest that median and
# the highest peak RSS of any round (GNU time's "Maximum resident set size (kbytes)").
median() { tr ' ' '\n' | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) printf "%.2f", v[(NR + 1) / 2]; else printf "%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for id in "${METHODS[@]}"; do
  [ -n "${TIMES[$id]}" ] || continue
  if [ "${STATUS[$id]}" = ok ]; then
    SECS[$id]=$(median <<<"${TIMES[$id]}")
  else
    SECS[$id]=${TIMES[$id]##* }
  fi
  if [ -f "$WORK/$id-r1.time" ]; then
    read -r -a times <<<"${TIMES[$id]}"
    nearest=1
    for k in "${!times[@]}"; do
      if awk -v a="${times[$k]}" -v b="${times[$((nearest - 1))]}" -v m="${SECS[$id]}" \
          'BEGIN { d1 = a - m; d2 = b - m; exit !(d1 * d1 < d2 * d2) }'; then nearest=$((k + 1)); fi
    done
    [ ! -s "$WORK/$id-r$nearest.json" ] || REPORT[$id]=$WORK/$id-r$nearest.json
    RSS[$id]=$(cat "$WORK/$id"-r*.time 2>/dev/null | awk -F': ' '/Maximum resident set size/ { if ($2 > m) m = $2 } END { if (m) printf "%.0f", m / 1024 }')
  fi
done

# -------------------------------------------------------------------------------------------------------------- results
ok() { [ "${STATUS[$1]:-}" = ok ]; }
ratio_of() { if ok "$1" && ok "$2"; then ratio "${SECS[$1]}" "${SECS[$2]}"; else echo n/a; fi; }
target_row() {  # target_row WHAT MEASURED GOAL_TEXT LIMIT COMPARE(le|lt)
  local verdict=missed
  if [ "$2" = n/a ] || [ -z "$2" ]; then verdict="not measured"
  elif [ "$5" = le ] && le "$2" "$4"; then verdict=met
  elif [ "$5" = lt ] && awk -v a="$2" -v b="$4" 'BEGIN { exit !(a < b) }'; then verdict=met
  fi
  echo "| $1 | ${2:-n/a} | $3 | $verdict |"
}

STAMP=$(date -u +%Y-%m-%d)
BASE=$RESULTS_DIR/$STAMP-rows$ROWS-jobs$JOBS
NEW_VS_COPYDB=$(ratio_of twin_new pgcopydb)
NEW_VS_GUIDE=$(ratio_of twin_new guide)
if ok twin_new; then NEW_RSS=${RSS[twin_new]}; else NEW_RSS=n/a; fi

phase_table() {
  local ids=() id phases
  for id in twin_new twin_refresh twin_baseline twin_text; do
    [ -s "${REPORT[$id]:-/nonexistent}" ] && ids+=("$id")
  done
  [ ${#ids[@]} -gt 0 ] || { echo "(no neon-twin report was written)"; return; }
  phases=$(for id in "${ids[@]}"; do jq -r '.phases[].phase' "${REPORT[$id]}"; done | awk '!seen[$0]++')
  printf '| Phase |'; for id in "${ids[@]}"; do printf ' %s |' "$id"; done; echo
  printf '| --- |'; for id in "${ids[@]}"; do printf ' ---: |'; done; echo
  while read -r phase; do
    printf '| %s |' "$phase"
    for id in "${ids[@]}"; do
      printf ' %s |' "$(jq -r --arg p "$phase" '[.phases[] | select(.phase == $p) | .seconds] | add // "" | if . == "" then "" else (. * 100 | round / 100 | tostring) end' "${REPORT[$id]}")"
    done
    echo
  done <<<"$phases"
  printf '| engine total (report) |'
  for id in "${ids[@]}"; do printf ' %s |' "$(jq -r '.durationSeconds * 100 | round / 100' "${REPORT[$id]}")"; done; echo
  printf '| data throughput, MB/s |'
  for id in "${ids[@]}"; do printf ' %s |' "$(jq -r '.totals.megabytesPerSecond * 10 | round / 10' "${REPORT[$id]}")"; done; echo
  echo
  if ok twin_baseline && ok twin_new; then
    echo "The change against the code before it (BASELINE_JAR): wall time ratio twin_new / twin_baseline =" \
      "$(ratio "${SECS[twin_new]}" "${SECS[twin_baseline]}")."
    echo
  fi
  if ok twin_text && ok twin_new; then
    echo "Text COPY against the default (binary between same-major servers): wall time ratio twin_text / twin_new =" \
      "$(ratio "${SECS[twin_text]}" "${SECS[twin_new]}"), data phase ratio =" \
      "$(ratio "$(jq '[.phases[] | select(.phase == "data") | .seconds] | add' "${REPORT[twin_text]}")" \
                "$(jq '[.phases[] | select(.phase == "data") | .seconds] | add' "${REPORT[twin_new]}")")."
    echo
  fi
  [ "$REPEAT" = 1 ] || { echo "Each column is the report of the round whose wall time is nearest the method's median."; echo; }
  echo "Tables in ${ids[0]}'s report (largest first): $(jq -r '[.tables[] | "\(.name) \(.rows) rows in \(.chunks) range(s)"] | join(", ")' "${REPORT[${ids[0]}]}")."
}

render() {
  local id secs rss vs runs
  echo "# neon-twin benchmark: rows=$ROWS, jobs=$JOBS$([ "$REPEAT" = 1 ] || echo ", $REPEAT rounds")"
  echo
  if [ "$ROWS" -lt 500000 ]; then
    echo "> Small scale (rows=$ROWS): a check that the benchmark runs, not a performance figure. Fixed costs (JVM start,"
    echo "> connections, pg_dump --schema-only) weigh far more than at rows=500000, and no table reaches the size at which"
    echo "> neon-twin splits it into page ranges."
    echo
  fi
  echo "- Date (UTC): $(date -u '+%Y-%m-%d %H:%M')"
  echo "- Machine: $MACHINE; load average when the run started: $LOAD"
  echo "- Servers: production PostgreSQL $PROD_VERSION on :$PROD_PORT, twin PostgreSQL $TWIN_VERSION on :$TWIN_PORT, same host; $PAIR_NOTE"
  echo "- Production settings: $PROD_SETTINGS"
  echo "- Twin settings: $TWIN_SETTINGS"
  echo "- Clients: $PG_DUMP_VERSION; pgcopydb $PGCOPYDB_VERSION; $JAVA_VERSION with JVM options ${JAVA_OPTS:--Xmx256m}; neon-twin at commit $COMMIT"
  echo "- Production: database $SHOP_DB, $PROD_SIZE, rows: $PROD_COUNTS"
  echo "- Seed: $SEED_NOTE"
  echo "- Each method writes into its own fresh database on the twin cluster; a CHECKPOINT on both clusters runs before each one."
  echo "  A method is ok only if it exits 0 and the target's row counts of ${CHECK_TABLES[*]} equal production's."
  if [ "$REPEAT" -gt 1 ]; then
    echo "- $REPEAT rounds, each running every method once in the order below; the wall time is the median of the rounds."
  else
    echo "- One round: each method ran once, in the order below."
  fi
  echo
  echo "## Wall time"
  echo
  local runs_head="" runs_rule=""
  [ "$REPEAT" = 1 ] || { runs_head=" Rounds, s |"; runs_rule=" --- |"; }
  echo "| Method | Jobs | Result | Wall time, s |$runs_head vs guide | vs pgcopydb | Peak RSS, MB |"
  echo "| --- | ---: | --- | ---: |$runs_rule ---: | ---: | ---: |"
  for id in "${METHODS[@]}"; do
    secs=${SECS[$id]:-}; ok "$id" || secs=${secs:+($secs)}
    rss=${RSS[$id]:-}; [ -n "$rss" ] || rss="-"
    vs=$(ratio_of "$id" guide)
    runs=""; [ "$REPEAT" = 1 ] || runs=" ${TIMES[$id]:--} |"
    echo "| **$id**: ${LABEL[$id]} | ${JOBS_OF[$id]} | ${STATUS[$id]} | ${secs:--} |$runs $vs | $(ratio_of "$id" pgcopydb) | $rss |"
  done
  echo
  echo "Wall time of a failed method is in parentheses (its last run) and is not used in any ratio. Peak RSS is GNU time's maximum resident"
  echo "set size of the neon-twin process (the JVM, run with ${JAVA_OPTS:--Xmx256m} as shipped)."
  echo
  echo "## Targets (from the issue)"
  echo
  echo "| Target | Measured | Goal | Verdict |"
  echo "| --- | ---: | --- | --- |"
  target_row "neon-twin new twin / pgcopydb (wall time)" "$NEW_VS_COPYDB" "≤ 0.90" 0.90 le
  target_row "neon-twin new twin / Neon guide (wall time)" "$NEW_VS_GUIDE" "≤ 0.40" 0.40 le
  target_row "neon-twin JVM peak RSS, MB" "$NEW_RSS" "< 512" 512 lt
  echo
  echo "## neon-twin phases, s (from --report)"
  echo
  phase_table
  echo
  echo "## Notes"
  echo
  echo "- The guide's commands run as the guide gives them, without -j (pg_dump -Fc cannot dump in parallel)."
  echo "- pg_dump -Fd runs with -Z0 (no compression), the faster setting on few cores. pg_restore does no ANALYZE;"
  echo "  pgcopydb runs VACUUM ANALYZE per table; neon-twin runs ANALYZE and a row-count verify and swaps the twin in:"
  echo "  the pg_restore rows do less work than neon-twin."
  echo "- twin_new includes creating the database; the others write into a database created before their clock starts."
  echo "- twin_refresh builds a new twin beside the existing one and swaps it in, then drops the old one."
}

render | tee "$BASE.md"

{
  printf 'date\trows\tjobs\tmethod\tmetric\tvalue\n'
  d=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  row() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$d" "$ROWS" "$JOBS" "$1" "$2" "$3"; }
  row shop seed_seconds "${SEED_SECONDS:-reused}"
  row shop database_bytes "$PROD_BYTES"
  for id in "${METHODS[@]}"; do
    row "$id" status "${STATUS[$id]}"
    row "$id" wall_seconds "${SECS[$id]:-}"
    k=0
    for t in ${TIMES[$id]:-}; do k=$((k + 1)); row "$id" "wall_seconds_round_$k" "$t"; done
    [ -z "${RSS[$id]:-}" ] || row "$id" peak_rss_mb "${RSS[$id]}"
    if [ -s "${REPORT[$id]:-/nonexistent}" ]; then
      jq -r '.phases[] | "\(.phase)\t\(.seconds)"' "${REPORT[$id]}" | while IFS=$'\t' read -r phase s; do
        row "$id" "phase_${phase}_seconds" "$s"
      done
      row "$id" data_mb_per_second "$(jq -r '.totals.megabytesPerSecond' "${REPORT[$id]}")"
    fi
  done
  row ratio twin_new_vs_pgcopydb "$NEW_VS_COPYDB"
  row ratio twin_new_vs_guide "$NEW_VS_GUIDE"
  row ratio twin_refresh_vs_pgcopydb "$(ratio_of twin_refresh pgcopydb)"
  row ratio twin_text_vs_twin_new "$(ratio_of twin_text twin_new)"
} >"$BASE.tsv"
log "results: $BASE.md and $BASE.tsv"
