# Sourced by bin/neon-twin and scripts/*.sh: sets JAVA_HOME to a JDK of version 21 or newer.
# Looks at $JAVA_HOME, the java on PATH, then /usr/lib/jvm/* and /opt/java/* (newest first).
# shellcheck shell=bash

java_major() {
  "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
}

find_java_home() {
  local candidate major
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for candidate in $(find /usr/lib/jvm /opt/java -mindepth 1 -maxdepth 1 2>/dev/null | sort -rV); do
    candidates+=("$candidate")
  done
  for candidate in "${candidates[@]}"; do
    [ -x "$candidate/bin/java" ] || continue
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! JAVA_HOME=$(find_java_home); then
  echo "neon-twin needs Java 21 or newer; install a JDK 21+ (e.g. Temurin 21) and set JAVA_HOME." >&2
  exit 3
fi
export JAVA_HOME

# Maven 3.8's bundled Guava calls sun.misc.Unsafe, which JDK 24+ warns about on every build; the warning is not ours.
if [ "$(java_major "$JAVA_HOME")" -ge 24 ] && [[ "${MAVEN_OPTS:-}" != *sun-misc-unsafe-memory-access* ]]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
