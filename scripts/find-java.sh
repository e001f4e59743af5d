# Sourced by bin/neon-twin and scripts/*.sh: sets JAVA_HOME to a JDK of version 21 or newer.
# Looks at $JAVA_HOME, the java on PATH, then /usr/lib/jvm/*, /opt/java/* and the macOS and Homebrew JDK folders
# (newest first). When there is none, it stops with the command that installs one on this system.
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
  for candidate in $( (find /usr/lib/jvm /opt/java -mindepth 1 -maxdepth 1 2>/dev/null
                       find /Library/Java/JavaVirtualMachines -mindepth 3 -maxdepth 3 -name Home 2>/dev/null
                       find /opt/homebrew/opt /usr/local/opt -mindepth 1 -maxdepth 1 -name 'openjdk*' 2>/dev/null) | sort -rV); do
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

# The exact command that installs a JDK 21+ here: the system's own package where it has one, else Temurin's.
java_install_command() {
  if [ "$(uname -s)" = Darwin ]; then
    echo "brew install openjdk@21"
  elif command -v apt-get >/dev/null 2>&1; then
    if apt-cache policy openjdk-21-jdk-headless 2>/dev/null | grep -q 'Candidate: [0-9]'; then
      echo "sudo apt-get install -y openjdk-21-jdk-headless"
    else
      # Debian 12 (bookworm) packages Java 17 only: Adoptium's repository has Temurin 21.
      echo "sudo apt-get install -y wget gpg && wget -qO- https://packages.adoptium.net/artifactory/api/gpg/key/public | gpg --dearmor | sudo tee /usr/share/keyrings/adoptium.gpg >/dev/null && echo \"deb [signed-by=/usr/share/keyrings/adoptium.gpg] https://packages.adoptium.net/artifactory/deb \$(. /etc/os-release && echo \$VERSION_CODENAME) main\" | sudo tee /etc/apt/sources.list.d/adoptium.list && sudo apt-get update && sudo apt-get install -y temurin-21-jdk"
    fi
  elif command -v dnf >/dev/null 2>&1; then
    echo "sudo dnf install -y java-21-openjdk-devel"
  else
    echo "install a JDK 21 or newer (e.g. Temurin 21 from https://adoptium.net) and set JAVA_HOME to it"
  fi
}

if ! JAVA_HOME=$(find_java_home); then
  # scripts/setup.sh installs one itself where the system packages one, then sources this file again.
  if [ -n "${NEON_TWIN_SETUP:-}" ]; then
    unset JAVA_HOME
    return 1
  fi
  echo "neon-twin needs Java 21 or newer and found none; install one with: $(java_install_command)" >&2
  exit 3
fi
export JAVA_HOME

# Maven 3.8's bundled Guava calls sun.misc.Unsafe, which JDK 24+ warns about on every build; the warning is not ours.
if [ "$(java_major "$JAVA_HOME")" -ge 24 ] && [[ "${MAVEN_OPTS:-}" != *sun-misc-unsafe-memory-access* ]]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi

# Maven without colour: -B and style.color=never, and Debian's Maven 3.8 still writes ESC[0m resets, which the sed
# strips, so that logs and terminals show plain text (pipefail keeps Maven's exit status).
maven() {
  mvn -B -ntp -Dstyle.color=never "$@" 2>&1 | sed "s/"$'\033'"\\[[0-9;]*m//g"
}
