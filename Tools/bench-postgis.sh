#!/usr/bin/env bash
# Nearest through the service on PostGIS and on SpatiaLite, and PostGIS's own KNN query
# (ORDER BY geom <-> point LIMIT 5, with pgbench) as the baseline, in one run: N synthetic points (default
# 1,000,000) imported into SpatiaLite, exported into a throwaway PostgreSQL 15 + PostGIS server on
# loopback, one `paycircle serve` on each store, wrk (2 threads, 64 connections) and pgbench (2 threads,
# 64 clients) for SECONDS each (default 15); then a second instance on the same PostGIS database and the
# delay for a write through one to show in the other's answers (Tools/load/propagation.py). Stops by itself.
# Usage: bash Tools/bench-postgis.sh [POINTS] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
points=${1:-1000000}
seconds=${2:-15}
work=${BENCH_DIR:-/tmp/paycircle-bench-postgis}
pg_port=${PG_PORT:-55450}
mkdir -p "$work" && chmod 755 "$work"
swift build -c release --product paycircle >/dev/null
swift build -c release --product PayCircleBench >/dev/null
bin=.build/release/paycircle
lite="$work/points-$points.sqlite"
if [ ! -s "$lite" ]; then
  echo "==> generating and importing $points points into SpatiaLite"
  .build/release/PayCircleBench generate-points --count "$points" --out "$work/points.csv"
  rm -f "$lite.partial"*
  $bin import points "$work/points.csv" --db "$lite.partial" >/dev/null
  mv "$lite.partial" "$lite"; rm -f "$lite.partial-wal" "$lite.partial-shm"
fi

server=$(bash Tools/postgres.sh start "$work/pgdata" "$pg_port")
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; bash Tools/postgres.sh stop "$work/pgdata" || true; }
trap cleanup EXIT
psql -q "$server" -c "DROP DATABASE IF EXISTS bench" -c "CREATE DATABASE bench"
pg="${server%/postgres}/bench"
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN {printf "%.2f", b - a}'; }
start=$(date +%s.%N)
$bin export --db "$lite" --to "$pg" >"$work/export.txt"
echo "==> export into PostGIS (verified): $(elapsed "$start") s"
psql -q "$pg" -c "VACUUM ANALYZE points"

serve() {  # store port: starts a server and prints the seconds until /healthz answers
  local start=$(date +%s.%N)
  if curl -sf "http://127.0.0.1:$2/healthz" >/dev/null; then echo "port $2 is already taken" >&2; exit 1; fi
  $bin serve --store "$1" --port "$2" --rate-limit off >"$work/serve-$2.log" 2>&1 &
  pids+=($!)
  until curl -sf "http://127.0.0.1:$2/healthz" >/dev/null; do sleep 0.05; done
  echo "==> service start-up on $3 (load $points points, build the index): $(elapsed "$start") s"
}
serve "$lite" 18101 SpatiaLite
serve "$pg" 18102 PostGIS

run() { wrk -t2 -c64 -d"${seconds}s" --latency -s Tools/nearest.lua "http://127.0.0.1:$1/v1/nearest" >"$work/wrk-$1.txt"; }
summary() { awk -v name="$1" '/Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 99%/ {p99=$2} /Non-2xx/ {bad=$NF} END {printf "%-34s %10s req/s   p50 %8s   p99 %8s   non-2xx %s\n", name, rps, p50, p99, (bad==""?0:bad)}' "$2"; }
run 18101
run 18102
# The same places as Tools/nearest.lua's box, drawn by pgbench.
cat >"$work/knn.sql" <<'SQL'
\set a random(0, 1000000)
\set b random(0, 1000000)
SELECT id FROM points ORDER BY geom <-> ST_SetSRID(ST_MakePoint(113.5 + :b * 0.0000008, 22.6 + :a * 0.0000006), 4326) LIMIT 5;
SQL
/usr/lib/postgresql/15/bin/pgbench -n -M prepared -c64 -j2 -T"$seconds" -r -f "$work/knn.sql" "$pg" >"$work/pgbench.txt" 2>&1
echo "==> nearest k=5, $points points, $seconds s each"
summary "service on SpatiaLite /v1/nearest" "$work/wrk-18101.txt"
summary "service on PostGIS /v1/nearest" "$work/wrk-18102.txt"
awk '/^tps/ {tps=$3} /latency average/ {avg=$4" "$5} END {printf "%-34s %10.0f req/s   mean %s (pgbench, 64 clients)\n", "PostGIS ORDER BY geom <-> p LIMIT 5", tps, avg}' "$work/pgbench.txt"
serve "$pg" 18103 "PostGIS, a second instance"
admin=$($bin token create --store "$pg" --role admin --name "propagation benchmark" | tail -n 1)
echo "==> $(python3 Tools/load/propagation.py http://127.0.0.1:18102 http://127.0.0.1:18103 "$admin" 200)"
