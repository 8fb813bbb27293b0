#!/usr/bin/env bash
# Reference counting per request: calls of swift_retain and swift_release (uprobes on libswiftCore, counted
# by `perf stat`) while wrk (1 thread, 4 connections) loads /healthz and then /v1/nearest
# (Tools/nearest.lua) on one server of BINARY over the store of `bash Tools/bench-http.sh POINTS`. The
# probes slow every call, so only the counts mean anything, not the rates. Needs root (perf probe).
# Usage: bash Tools/count-retains.sh BINARY [POINTS] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:?usage: count-retains.sh BINARY [POINTS] [SECONDS]}
points=${2:-100000}; seconds=${3:-3}
port=${PORT:-18099}
db="${BENCH_DIR:-/tmp/paycircle-bench-http}/points-$points.sqlite"
[ -s "$db" ] || { echo "no store $db: run bash Tools/bench-http.sh $points first" >&2; exit 1; }
if curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; then echo "port $port is taken: set PORT" >&2; exit 1; fi
library=$(ldd "$bin" | awk '/libswiftCore.so/ {print $3}')
[ -n "$library" ] || { echo "$bin is not linked with libswiftCore.so" >&2; exit 1; }
work=$(mktemp -d)
source Tools/serve-lib.sh
cleanup() { stop_server; perf probe -q -d 'paycircle_rc:*' 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
perf probe -q -d 'paycircle_rc:*' 2>/dev/null || true
perf probe -q -x "$library" --add 'paycircle_rc:retain=swift_retain' --add 'paycircle_rc:release=swift_release'
start_server "$bin" "$db" "$port"
wrk -t1 -c4 -d2s -s Tools/nearest.lua "http://127.0.0.1:$port/v1/nearest" >/dev/null
for route in healthz nearest; do
  args=("http://127.0.0.1:$port/healthz")
  [ "$route" = nearest ] && args=(-s Tools/nearest.lua "http://127.0.0.1:$port/v1/nearest")
  perf stat -x, -e paycircle_rc:retain,paycircle_rc:release -p "$server" -o "$work/$route.stat" -- sleep $((seconds + 1)) &
  counter=$!
  sleep 0.5
  requests=$(wrk -t1 -c4 -d"${seconds}s" "${args[@]}" | awk '/requests in/ {print $1}')
  wait "$counter"
  label=/healthz; [ "$route" = nearest ] && label=/v1/nearest
  awk -F, -v n="$requests" -v route="$label" '/retain/ {r=$1} /release/ {s=$1}
    END {printf "%-12s %7d requests   swift_retain %6.1f   swift_release %6.1f per request\n", route, n, r / n, s / n}' "$work/$route.stat"
done
