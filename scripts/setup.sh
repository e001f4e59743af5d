#!/usr/bin/env bash
# Everything a newcomer needs before `bin/neon-twin demo`: a Java 21+ JDK (found, not installed: Debian bookworm
# packages only 17), the PostgreSQL client programs (pg_dump, pg_restore, psql), and the jar.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=scripts/find-java.sh
. scripts/find-java.sh
echo "Java: $JAVA_HOME"

sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v pg_dump >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/pg_dump >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    echo "Installing the PostgreSQL client programs (postgresql-client) ..."
    sudo_if_needed apt-get update -qq
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client >/dev/null
  else
    echo "Install the PostgreSQL client programs (pg_dump, pg_restore, psql) version 15 or newer, e.g. 'brew install libpq'." >&2
    exit 3
  fi
fi
if ! command -v mvn >/dev/null 2>&1; then
  echo "Installing Maven ..."
  sudo_if_needed apt-get install -y -qq maven >/dev/null
fi
echo "Building target/neon-twin.jar ..."
mvn -q -B -DskipTests package
echo "Ready: bin/neon-twin demo"
