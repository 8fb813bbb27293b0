#!/usr/bin/env bash
# HTTP benchmark: wrk (2 threads, 64 connections) on /healthz and on /v1/nearest, in the same run, against
# a release build serving N synthetic points (default 1,000,000) on 127.0.0.1. Stops by itself. Afterwards
# Tools/host-stalls.c measures for 5 s how much of the time the host took the CPUs away: stalls of a few
# milliseconds land in every server's p99 (see BENCHMARKS.md, tenth pass).
# Usage: bash Tools/bench-http.sh [POINTS] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
points=${1:-1000000}
seconds=${2:-15}
port=${PORT:-18080}
work=${BENCH_DIR:-/tmp/paycircle-bench-http}
mkdir -p "$work"
swift build -c release --product paycircle >/dev/null
swift build -c release --product PayCircleBench >/dev/null
db="$work/points-$points.sqlite"
if [ ! -s "$db" ]; then
  echo "==> generating and importing $points points"
  .build/release/PayCircleBench generate-points --count "$points" --out "$work/points.csv"
  rm -f "$db.partial"*
  .build/release/paycircle import points "$work/points.csv" --db "$db.partial"
  mv "$db.partial" "$db"; rm -f "$db.partial-wal" "$db.partial-shm"
fi
.build/release/paycircle serve --db "$db" --port "$port" --rate-limit off >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
echo "==> server RSS $(ps -o rss= -p $server | awk '{printf "%.0f MB", $1/1024}') with $points points"
run() { wrk -t2 -c64 -d"${seconds}s" --latency "$@"; }
run "http://127.0.0.1:$port/healthz" >"$work/healthz.txt"
run -s Tools/nearest.lua "http://127.0.0.1:$port/v1/nearest" >"$work/nearest.txt"
summary() { awk -v name="$1" '/Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 99%/ {p99=$2} /Non-2xx/ {bad=$NF} END {printf "%-12s %10s req/s   p50 %8s   p99 %8s   non-2xx %s\n", name, rps, p50, p99, (bad==""?0:bad)}' "$2"; }
summary "/healthz" "$work/healthz.txt"
summary "/v1/nearest" "$work/nearest.txt"
awk '/Requests\/sec/ {r[NR>0?n++:0]=$2} END {printf "nearest / healthz: %.0f%%\n", 100*r[1]/r[0]}' "$work/healthz.txt" "$work/nearest.txt"
kill $server 2>/dev/null && wait $server 2>/dev/null || true
compiler=$(command -v gcc || command -v clang || true)
if [ -n "$compiler" ]; then "$compiler" -O2 -pthread Tools/host-stalls.c -o "$work/host-stalls" && "$work/host-stalls" 5
else echo "(no C compiler: host stalls not measured)"; fi
