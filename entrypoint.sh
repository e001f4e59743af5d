#!/bin/sh
# The container action's entrypoint, and the very script the tests run: it starts `neon-twin action`, which reads
# the INPUT_* variables itself (the runner keeps hyphens in their names, e.g. INPUT_PRODUCTION-URL, which sh
# cannot read). It prints nothing of its own, so the Java side's ::add-mask:: lines come first in the log.
set -eu

jar="${NEON_TWIN_JAR:-/opt/neon-twin/neon-twin.jar}"
# The class-data-sharing archive baked into the image at build time: the container lives for one run only,
# so the JVM's start-up is paid on every run unless classes come pre-parsed from it.
cds_archive="${NEON_TWIN_CDS_ARCHIVE:-/opt/neon-twin/neon-twin.jsa}"

if [ -n "${JAVA_HOME:-}" ]; then
  java="$JAVA_HOME/bin/java"
else
  java=java
fi

if [ -r "$cds_archive" ]; then
  # -Xlog:cds=off: a mismatched archive is skipped silently rather than printed before the masks.
  set -- -XX:SharedArchiveFile="$cds_archive" -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$jar" action "$@"
else
  set -- -jar "$jar" action "$@"
fi

# NEON_TWIN_JAVA_OPTS replaces the JVM flags (split on spaces on purpose). The default heap cap keeps the JVM under
# 512 MB of memory whatever the database size: rows stream through fixed buffers. Raise it only for single values
# over ~100 MB (large bytea or text), e.g. NEON_TWIN_JAVA_OPTS=-Xmx1g.
# shellcheck disable=SC2086
exec "$java" ${NEON_TWIN_JAVA_OPTS:--Xmx256m} "$@"
