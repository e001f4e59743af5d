# syntax=docker/dockerfile:1.7
# The neon-twin-action image: a jlink'd Java 21 runtime, the neon-twin jar with a class-data-sharing archive, and
# pg_dump/pg_restore/pg_dumpall/psql for every PostgreSQL major from 13 to 18 at /usr/lib/postgresql/N/bin.
# Size (an estimate; this file could not be built where it was written): about 200 MB uncompressed,
# about 80 MB compressed. See docs/github-action.md for the breakdown.
#
# GitHub's rules for container actions: run as root (no USER), no WORKDIR (the runner sets /github/workspace),
# ENTRYPOINT in exec form.

ARG PG_MAJORS="13 14 15 16 17 18"

# --- 1. The jar: bytecode is the same on every platform, so it is built once on the builder's own platform even
#        when the image is built for several (Maven under QEMU emulation would take many times longer).
FROM --platform=$BUILDPLATFORM maven:3.9-eclipse-temurin-21 AS jar
COPY pom.xml /build/pom.xml
COPY src/main /build/src/main
# -Dmaven.test.skip: no test sources are in the context; -Dmdep.skip: the test-only PostgreSQL server downloads.
RUN --mount=type=cache,target=/root/.m2 \
    cd /build && mvn -B -q -Dmaven.test.skip=true -Dmdep.skip=true package
# The embedded PostgreSQL server that only `neon-twin demo` uses (15 MB, the builder's platform: pom.xml's
# demo-postgres-* profiles) has no place in the action's image.
RUN apt-get update && apt-get install -y --no-install-recommends zip \
    && zip -q -d /build/target/neon-twin.jar 'postgres-*.txz' \
    && rm -rf /var/lib/apt/lists/*

# --- 2. A Java runtime holding only the modules the jar uses, for the target platform, with the JDK's own
#        class-data-sharing archive (--generate-cds-archive), on which the application's archive below builds.
FROM maven:3.9-eclipse-temurin-21 AS java-runtime
COPY --from=jar /build/target/neon-twin.jar /tmp/neon-twin.jar
# jdeps finds what the classes reference; jdk.crypto.ec is loaded as a security provider, which no class names,
# and TLS to Neon and most managed PostgreSQL needs it; jdk.unsupported serves libraries that use sun.misc.Unsafe.
RUN set -eux; \
    modules="$(jdeps --ignore-missing-deps --print-module-deps --multi-release 21 /tmp/neon-twin.jar)"; \
    jlink --add-modules "${modules},jdk.crypto.ec,jdk.unsupported" \
          --strip-debug --no-man-pages --no-header-files --compress=zip-6 --generate-cds-archive \
          --output /opt/java; \
    /opt/java/bin/java --list-modules

# --- 3. The runtime image.
FROM debian:bookworm-slim
ARG PG_MAJORS
ENV LANG=C.UTF-8 \
    JAVA_HOME=/opt/java \
    PATH=/opt/java/bin:$PATH

# PostgreSQL clients from the PGDG repository, the one source of every major for one Debian release. Only the four
# tools are kept (not the other client programs, man pages or translations), and the packages are unpacked rather
# than installed: installing them would pull in Perl (about 50 MB) for the pg_wrapper scripts, which are never used
# because neon-twin calls each client by its full path. The shared libraries they link are installed normally.
# PGDG's signing key comes from Debian's own postgresql-common package, so its trust rests on Debian's signed archive.
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends ca-certificates; \
    mkdir -p /etc/apt/keyrings /tmp/pgdg; \
    cd /tmp/pgdg; \
    apt-get download postgresql-common; \
    dpkg-deb --fsys-tarfile postgresql-common_*.deb \
        | tar -xO ./usr/share/postgresql-common/pgdg/apt.postgresql.org.asc > /etc/apt/keyrings/pgdg.asc; \
    echo "deb [signed-by=/etc/apt/keyrings/pgdg.asc] https://apt.postgresql.org/pub/repos/apt bookworm-pgdg main" \
        > /etc/apt/sources.list.d/pgdg.list; \
    apt-get update; \
    apt-get install -y --no-install-recommends libpq5 libreadline8 libssl3 liblz4-1 libzstd1 zlib1g; \
    for major in $PG_MAJORS; do apt-get download "postgresql-client-$major"; done; \
    for deb in postgresql-client-*.deb; do dpkg-deb -x "$deb" /tmp/pgdg/root; done; \
    for major in $PG_MAJORS; do \
        mkdir -p "/usr/lib/postgresql/$major/bin"; \
        for tool in pg_dump pg_restore pg_dumpall psql; do \
            cp "/tmp/pgdg/root/usr/lib/postgresql/$major/bin/$tool" "/usr/lib/postgresql/$major/bin/$tool"; \
            "/usr/lib/postgresql/$major/bin/$tool" --version; \
        done; \
    done; \
    cd /; rm -rf /tmp/pgdg /var/lib/apt/lists/* /var/cache/apt/* /usr/share/doc/* /usr/share/man/*

COPY --from=java-runtime /opt/java /opt/java
COPY --from=jar /build/target/neon-twin.jar /opt/neon-twin/neon-twin.jar
COPY entrypoint.sh /entrypoint.sh

# The application's class-data-sharing archive, from a training run that starts the action the way a workflow
# does, up to input validation (it refuses a twin URL equal to production's, so it touches no network). Each run
# starts a fresh container, so start-up is paid on every run; this archive saves most of the class loading.
# -Xshare:on then proves the archive maps, or fails the build.
RUN set -eux; \
    env INPUT_PRODUCTION_URL=postgresql://training@localhost/training INPUT_TWIN_URL=postgresql://training@localhost/training \
        java -XX:ArchiveClassesAtExit=/opt/neon-twin/neon-twin.jsa -jar /opt/neon-twin/neon-twin.jar action > /dev/null 2>&1 || true; \
    test -s /opt/neon-twin/neon-twin.jsa; \
    java -XX:SharedArchiveFile=/opt/neon-twin/neon-twin.jsa -Xshare:on -jar /opt/neon-twin/neon-twin.jar --version

ENTRYPOINT ["/entrypoint.sh"]
