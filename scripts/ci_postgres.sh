#!/usr/bin/env bash
# Start a throw-away PostgreSQL server on localhost for the store tests and print its URL.
# Installs Debian's package when no server binaries are found. Usage in CI:
#   export RASID_TEST_PG_URL="$(scripts/ci_postgres.sh)"
# Env: PGPORT_TEST (default 54329), PGDATA_TEST (default /tmp/rasid-pg).
set -euo pipefail
PORT="${PGPORT_TEST:-54329}"
DATA="${PGDATA_TEST:-/tmp/rasid-pg}"
DB=rasid_test

find_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  command -v pg_ctl >/dev/null 2>&1 && { dirname "$(command -v pg_ctl)"; return 0; }
  return 1
}

BIN="$(find_bin || true)"
if [ -z "$BIN" ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
  BIN="$(find_bin)"
fi

# initdb refuses to run as root: run the server as the postgres system user then.
RUN=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home /var/lib/postgresql postgres
  RUN=(runuser -u postgres --)
  mkdir -p "$DATA"; chown postgres "$DATA"
fi
ME="$("${RUN[@]}" id -un 2>/dev/null || id -un)"

if [ ! -f "$DATA/PG_VERSION" ]; then
  "${RUN[@]}" "$BIN/initdb" -D "$DATA" -U "$ME" --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null 2>&1 \
    || "${RUN[@]}" "$BIN/initdb" -D "$DATA" -U "$ME" --auth=trust -E UTF8 >&2
fi
if ! "${RUN[@]}" "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  "${RUN[@]}" "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
    -o "-p $PORT -k $DATA -c listen_addresses=127.0.0.1 -c fsync=off" start >&2
fi
"${RUN[@]}" "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U "$ME" -d postgres -tAc \
  "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1 \
  || "${RUN[@]}" "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U "$ME" "$DB"
echo "postgresql://$ME@127.0.0.1:$PORT/$DB"
