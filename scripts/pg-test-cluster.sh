#!/bin/sh
# A throwaway PostgreSQL 15 cluster on 127.0.0.1 for the server's tests and benchmark.
#   scripts/pg-test-cluster.sh start [PORT]   start (or reuse) it; prints its DATABASE_URL as the last line
#   scripts/pg-test-cluster.sh url [PORT]     print the URL of a running cluster
#   scripts/pg-test-cluster.sh stop [PORT]    stop it and delete its files
# Exits 3 when PostgreSQL binaries are missing, so a caller can skip the Postgres run.
# As root it runs the server as the `postgres` user (initdb refuses root); otherwise as the caller.
set -eu
CMD=${1:-start}
PORT=${2:-${PG_TEST_PORT:-55491}}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
DIR=${PG_TEST_DIR:-/tmp/commonplace-pg-$PORT}
URL="postgres://app:secret@127.0.0.1:$PORT/app"

if [ "$(id -u)" = 0 ]; then as_pg() { runuser -u postgres -- "$@"; }; else as_pg() { "$@"; }; fi
is_running() { [ -f "$DIR/data/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; }

case "$CMD" in
  start)
    [ -x "$PGBIN/initdb" ] || { echo "no PostgreSQL binaries in $PGBIN" >&2; exit 3; }
    if is_running; then echo "$URL"; exit 0; fi
    rm -rf "$DIR"; mkdir -p "$DIR"; echo secret > "$DIR/pw"
    [ "$(id -u)" = 0 ] && chown -R postgres "$DIR"
    as_pg "$PGBIN/initdb" -D "$DIR/data" -U app --pwfile="$DIR/pw" --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 --no-locale >"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; exit 1; }
    as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -o \
      "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start >/dev/null || { cat "$DIR/log" >&2; exit 1; }
    as_pg "$PGBIN/createdb" -h "$DIR" -p "$PORT" -U app app
    echo "$URL"
    ;;
  url)
    is_running || { echo "no cluster on port $PORT" >&2; exit 1; }
    echo "$URL"
    ;;
  stop)
    if is_running; then as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null; fi
    rm -rf "$DIR"
    ;;
  *)
    echo "usage: $0 start|url|stop [PORT]" >&2; exit 2
    ;;
esac
