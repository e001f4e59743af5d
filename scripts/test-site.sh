#!/usr/bin/env bash
# The workflow generator page's tests: node's test runner on the shared vectors (the same ones JUnit runs), then the
# page itself in Debian's chromium driven by playwright-core (never a downloaded browser). Installs the npm packages
# from package-lock.json when missing. Usage: scripts/test-site.sh (scripts/test.sh runs it after Maven).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-fund --no-audit --loglevel=error
node --test test/node/
if [ -n "${NEON_TWIN_CHROMIUM:-}" ] || [ -x /usr/bin/chromium ]; then
  node --test test/browser/
else
  echo "warning: no chromium (apt-get install -y chromium, or set NEON_TWIN_CHROMIUM); the page's browser tests are skipped" >&2
fi
