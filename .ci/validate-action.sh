#!/usr/bin/env bash
# Validates the action's own files: action.yml and every workflow (the repository's and the examples users copy)
# against GitHub's schemas with action-validator, and entrypoint.sh with shellcheck. Installs both when missing
# (Debian bookworm, root, Node 20 with npm). Usage: .ci/validate-action.sh (from anywhere in the repository).
set -euo pipefail
cd "$(dirname "$0")/.."

ACTION_VALIDATOR_VERSION=0.6.0

if ! command -v action-validator >/dev/null 2>&1; then
  echo "installing @action-validator/cli@$ACTION_VALIDATOR_VERSION"
  npm install --global --no-fund --no-audit --loglevel=error "@action-validator/cli@$ACTION_VALIDATOR_VERSION" >/dev/null
fi
if ! command -v shellcheck >/dev/null 2>&1; then
  echo "installing shellcheck"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq shellcheck >/dev/null
fi

failed=0
checked=0
shopt -s nullglob
for file in action.yml .github/workflows/*.yml .github/workflows/*.yaml examples/workflows/*.yml examples/workflows/*.yaml; do
  checked=$((checked + 1))
  if action-validator "$file"; then
    echo "ok      $file"
  else
    echo "INVALID $file"
    failed=$((failed + 1))
  fi
done

checked=$((checked + 1))
if shellcheck --shell=sh entrypoint.sh; then
  echo "ok      entrypoint.sh (shellcheck)"
else
  echo "INVALID entrypoint.sh (shellcheck)"
  failed=$((failed + 1))
fi

echo "validate-action: $((checked - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
