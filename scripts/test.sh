#!/usr/bin/env bash
# The test suite: unit tests and integration tests against real PostgreSQL servers (embedded PostgreSQL 13, 15 and
# 17 from Maven Central where no Docker engine answers, Testcontainers where one does). Cross-version tests need a
# PostgreSQL 17 client: as root on Debian this script provisions one for the tests (.ci/install-pg17-client.sh);
# elsewhere set NEON_TWIN_TEST_PG17_BIN to a folder holding pg_dump 17, or those tests are skipped, saying so.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=scripts/find-java.sh
. scripts/find-java.sh
if [ -z "${NEON_TWIN_TEST_PG17_BIN:-}" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  .ci/install-pg17-client.sh /opt/neon-twin-test/pg17 || echo "warning: no PostgreSQL 17 client; cross-version tests will be skipped" >&2
fi
maven test "$@"
# The workflow generator page's tests (node, headless chromium) run with the whole suite, not with -Dtest=...
if [ "$#" -eq 0 ]; then scripts/test-site.sh; fi
