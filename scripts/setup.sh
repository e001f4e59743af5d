#!/usr/bin/env bash
# Everything a newcomer needs before `bin/neon-twin demo`: a Java 21+ JDK (installed from the system's packages where
# they have one: Ubuntu 22.04+, Debian 13, Homebrew; otherwise it stops with the command to run), the PostgreSQL client
# programs (pg_dump, pg_restore, psql), Maven, and the jar.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() { sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; }
apt_updated=
apt_update_once() { [ -n "$apt_updated" ] || { sudo_if_needed apt-get update -qq; apt_updated=1; }; }

export NEON_TWIN_SETUP=1   # find-java.sh returns instead of stopping: a JDK may be installable here
# shellcheck source=scripts/find-java.sh
if ! . scripts/find-java.sh; then
  unset NEON_TWIN_SETUP
  if [ "$(uname -s)" = Darwin ] && command -v brew >/dev/null 2>&1; then
    echo "Installing a JDK 21 (brew install openjdk@21) ..."
    brew install -q openjdk@21
  elif command -v apt-get >/dev/null 2>&1; then
    apt_update_once
    if apt-cache policy openjdk-21-jdk-headless 2>/dev/null | grep -q 'Candidate: [0-9]'; then
      echo "Installing a JDK 21 (openjdk-21-jdk-headless) ..."
      apt_install openjdk-21-jdk-headless
    fi
  fi
  # shellcheck source=scripts/find-java.sh
  . scripts/find-java.sh   # stops here, with the exact command, when nothing could be installed
fi
unset NEON_TWIN_SETUP
echo "Java: $JAVA_HOME"

if ! command -v pg_dump >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/pg_dump >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    echo "Installing the PostgreSQL client programs (postgresql-client) ..."
    apt_update_once
    apt_install postgresql-client
  elif [ "$(uname -s)" = Darwin ]; then
    echo "Install the PostgreSQL client programs, then run this again: brew install libpq && brew link --force libpq" >&2
    exit 3
  else
    echo "Install the PostgreSQL client programs (pg_dump, pg_restore, psql) version 15 or newer, then run this again." >&2
    exit 3
  fi
fi
if ! command -v mvn >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    echo "Installing Maven ..."
    apt_update_once
    apt_install maven
  elif [ "$(uname -s)" = Darwin ] && command -v brew >/dev/null 2>&1; then
    echo "Installing Maven (brew install maven) ..."
    brew install -q maven
  else
    echo "Install Maven 3.8 or newer (https://maven.apache.org/install.html), then run this again." >&2
    exit 3
  fi
fi
echo "Building target/neon-twin.jar (a minute or two the first time, while Maven downloads the dependencies) ..."
maven -q -DskipTests package
echo "Ready: bin/neon-twin demo"
