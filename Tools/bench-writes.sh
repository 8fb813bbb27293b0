#!/usr/bin/env bash
# Concurrent writers of the hall side through one `paycircle serve`, on SpatiaLite and on PostGIS, in one
# run: WRITE_POINTS halls and as many kiosks (default 500) in a throwaway store, then wrk with CONNECTIONS
# writers (default 64, 2 threads) for SECONDS (default 15) sending status changes and queue reports
# (Tools/load/writes.lua, admin token), and as many readers of tickets that miss (Tools/load/ticket-misses.lua:
# every one a store query). Prints acknowledged (2xx) writes per second and the latency percentiles.
# PAYCIRCLE_BIN runs another build of the program (for example one kept from before a change) instead of
# building this tree's.
# Usage: bash Tools/bench-writes.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
connections=${2:-64}
export WRITE_POINTS=${WRITE_POINTS:-500}
work=${BENCH_DIR:-/tmp/paycircle-bench-writes}
pg_port=${PG_PORT:-55451}
rm -rf "$work" && mkdir -p "$work" && chmod 755 "$work"
if [ -z "${PAYCIRCLE_BIN:-}" ]; then swift build -c release --product paycircle >/dev/null; fi
bin=${PAYCIRCLE_BIN:-.build/release/paycircle}

{
  echo "id,name,kind,services,opening_hours,lat,lon"
  awk -v n="$WRITE_POINTS" 'BEGIN {
    for (i = 0; i < n; i++) {
      lat = 22.9 + (i % 25) * 0.004; lon = 113.7 + int(i / 25) * 0.004
      printf "hall-%d,Hall %d,hall,\"cash,business\",24/7,%.6f,%.6f\n", i, i, lat, lon
      printf "kiosk-%d,Kiosk %d,kiosk,card,24/7,%.6f,%.6f\n", i, i, lat + 0.001, lon + 0.001
    }
  }'
} >"$work/points.csv"
lite="$work/writes.sqlite"
$bin import points "$work/points.csv" --db "$lite" >/dev/null

server=$(bash Tools/postgres.sh start "$work/pgdata" "$pg_port")
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; bash Tools/postgres.sh stop "$work/pgdata" || true; }
trap cleanup EXIT
psql -q "$server" -c "CREATE DATABASE writes"
pg="${server%/postgres}/writes"
$bin export --db "$lite" --to "$pg" >/dev/null

serve() {  # store port
  if curl -sf "http://127.0.0.1:$2/healthz" >/dev/null; then echo "port $2 is already taken" >&2; exit 1; fi
  $bin serve --store "$1" --port "$2" --rate-limit off >"$work/serve-$2.log" 2>&1 &
  pids+=($!)
  until curl -sf "http://127.0.0.1:$2/healthz" >/dev/null; do sleep 0.05; done
}
summary() {
  awk -v name="$1" '/requests in/ {n=$1} /Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 99%/ {p99=$2} /Non-2xx/ {bad=$NF}
    END {dur=(rps>0? n/rps : 1); ok=(n-(bad==""?0:bad))/dur;
         printf "%-36s %9.0f ok/s   p50 %8s   p99 %8s   non-2xx %s\n", name, ok, p50, p99, (bad==""?0:bad)}' "$2"
}
echo "==> $connections writers and then $connections ticket readers, $seconds s each, $WRITE_POINTS halls + $WRITE_POINTS kiosks"
for store in SpatiaLite PostGIS; do
  if [ "$store" = SpatiaLite ]; then location=$lite; port=18121; else location=$pg; port=18122; fi
  serve "$location" "$port"
  export PAYCIRCLE_TOKEN=$($bin token create --store "$location" --role admin --name "write benchmark" | tail -n 1)
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -s Tools/load/writes.lua "http://127.0.0.1:$port" >"$work/writes-$port.txt"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -s Tools/load/ticket-misses.lua "http://127.0.0.1:$port" >"$work/reads-$port.txt"
  summary "$store: status + queue writes" "$work/writes-$port.txt"
  awk -v name="$store: ticket misses (404 expected)" '/Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 99%/ {p99=$2}
    END {printf "%-36s %9.0f req/s  p50 %8s   p99 %8s\n", name, rps, p50, p99}' "$work/reads-$port.txt"
done
