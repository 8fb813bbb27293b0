#!/usr/bin/env bash
# A throwaway PostgreSQL 15 + PostGIS server on loopback, for tests and benchmarks.
# Usage: bash Tools/postgres.sh start DIR PORT   # initdb DIR if new, start, wait; prints the URL
#        bash Tools/postgres.sh restart DIR      # fast restart (connections are cut)
#        bash Tools/postgres.sh stop DIR         # stop; DIR stays (remove it yourself)
# PostgreSQL refuses to run as root, so as root the server runs as the 'postgres' user.
set -euo pipefail
bin=/usr/lib/postgresql/15/bin
command=${1:?start, restart or stop}
dir=${2:?data directory}
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$command" in
  start)
    port=${3:?port}
    if [ ! -s "$dir/PG_VERSION" ]; then
      mkdir -p "$dir"
      [ "$(id -u)" = 0 ] && chown postgres: "$dir"
      as_owner "$bin/initdb" -D "$dir" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir.initdb.log" 2>&1 \
        || { cat "$dir.initdb.log" >&2; exit 1; }
    fi
    as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='$dir' -c fsync=off -c max_connections=200" start >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  restart) as_owner "$bin/pg_ctl" -D "$dir" -m fast -w -t 60 restart >/dev/null ;;
  stop) as_owner "$bin/pg_ctl" -D "$dir" -m fast -w -t 60 stop >/dev/null ;;
  *) echo "unknown command $command" >&2; exit 2 ;;
esac
