#!/usr/bin/env bash
# Test provisioning only: PostgreSQL 17's pg_dump/pg_restore/psql on Debian bookworm, which packages only 15.
# Debian trixie packages 17; its binaries need trixie's libc, so we unpack trixie's packages into one folder and
# run the binaries through trixie's own dynamic loader. The Docker image installs real clients from PGDG instead.
# Usage: install-pg17-client.sh DEST   -> DEST/bin/{pg_dump,pg_restore,psql} wrapper scripts
set -euo pipefail
dest=${1:?destination folder}
[ -x "$dest/bin/pg_dump" ] && "$dest/bin/pg_dump" --version >/dev/null 2>&1 && { echo "pg17 client already in $dest"; exit 0; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists" "$work/cache/archives/partial" "$work/debs"
printf 'deb http://deb.debian.org/debian trixie main\n' > "$work/trixie.list"
apt_opts=(-o Dir::Etc::SourceList="$work/trixie.list" -o Dir::Etc::SourceParts=/dev/null
          -o Dir::State::Lists="$work/lists" -o Dir::Cache="$work/cache" -o APT::Get::List-Cleanup=0
          -o Debug::NoLocking=1)
apt-get "${apt_opts[@]}" -qq update
pkgs=(postgresql-client-17 libpq5 libc6 libssl3t64 libzstd1 liblz4-1 zlib1g libgssapi-krb5-2 libkrb5-3 libk5crypto3
      libkrb5support0 libcom-err2 libkeyutils1 libldap2 libsasl2-2 libreadline8t64 libtinfo6 libncursesw6 libgnutls30t64
      libidn2-0 libunistring5 libtasn1-6 libnettle8t64 libhogweed6t64 libgmp10 libp11-kit0 libffi8 libbrotli1 libselinux1 libpcre2-8-0)
(cd "$work/debs" && apt-get "${apt_opts[@]}" download "${pkgs[@]}" >/dev/null)
mkdir -p "$dest/root" "$dest/bin"
for deb in "$work"/debs/*.deb; do dpkg -x "$deb" "$dest/root"; done
root=$(cd "$dest/root" && pwd)
for tool in pg_dump pg_restore psql; do
  cat > "$dest/bin/$tool" <<WRAP
#!/bin/sh
exec "$root/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2" --library-path "$root/usr/lib/x86_64-linux-gnu:$root/lib/x86_64-linux-gnu" "$root/usr/lib/postgresql/17/bin/$tool" "\$@"
WRAP
  chmod +x "$dest/bin/$tool"
done
"$dest/bin/pg_dump" --version
