#!/usr/bin/env bash
# Server CPU per request: builds of `paycircle` serve the store of `bash Tools/bench-http.sh POINTS` in turn
# (A then B, then B then A in the next round), each under wrk (2 threads, 64 connections) on /healthz and
# then on /v1/nearest (Tools/nearest.lua) for SECONDS; the server's user and system time over each run,
# from /proc, is divided by the requests answered. Unlike requests a second, this does not depend on how
# the two cores are shared with wrk. Prints each run and, per build, the medians and ranges.
# Usage: bash Tools/bench-http-cpu.sh BINARY_A [BINARY_B] [POINTS] [ROUNDS] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
a=${1:?usage: bench-http-cpu.sh BINARY_A [BINARY_B] [POINTS] [ROUNDS] [SECONDS]}
b=${2:-$a}; points=${3:-100000}; rounds=${4:-3}; seconds=${5:-6}
port=${PORT:-18083}
db="${BENCH_DIR:-/tmp/paycircle-bench-http}/points-$points.sqlite"
[ -s "$db" ] || { echo "no store $db: run bash Tools/bench-http.sh $points first" >&2; exit 1; }
if curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; then echo "port $port is taken: set PORT" >&2; exit 1; fi
ticks=$(getconf CLK_TCK)
runs=$(mktemp)
source Tools/serve-lib.sh
trap 'stop_server; rm -f "$runs"' EXIT
# CPU seconds the server has used so far (user + system: fields 14 and 15 of /proc/PID/stat, counted
# after the command name, which is in parentheses and may hold spaces).
cpu() { sed 's/^.*) //' "/proc/$server/stat" | awk -v t="$ticks" '{print ($12 + $13) / t}'; }
# Runs wrk with the given arguments; prints "requests/s microseconds-of-server-CPU-per-request".
measure() {
  local before after result
  before=$(cpu)
  result=$(wrk -t2 -c64 -d"${seconds}s" "$@" | awk '/requests in/ {n=$1} /Requests\/sec/ {r=$2} /Non-2xx/ {bad=$NF} END {print n, r, bad + 0}')
  if [ "$(echo "$result" | awk '{print $3}')" != 0 ]; then echo "non-2xx answers from $*" >&2; exit 1; fi
  after=$(cpu)
  echo "$result" | awk -v b="$before" -v a="$after" '{printf "%s %.1f", $2, 1e6 * (a - b) / $1}'
}
for round in $(seq 1 "$rounds"); do
  order=("$a" "$b")
  if [ $((round % 2)) -eq 0 ]; then order=("$b" "$a"); fi
  for bin in "${order[@]}"; do
    start_server "$bin" "$db" "$port" || exit 1
    wrk -t2 -c64 -d2s -s Tools/nearest.lua "http://127.0.0.1:$port/v1/nearest" >/dev/null
    healthz=$(measure "http://127.0.0.1:$port/healthz")
    nearest=$(measure -s Tools/nearest.lua "http://127.0.0.1:$port/v1/nearest")
    stop_server
    echo "$bin $healthz $nearest" | tee -a "$runs"
  done
done
python3 - "$runs" <<'PY'
import collections, statistics, sys
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    binary, hr, hc, nr, nc = line.split()
    runs[binary].append((float(hr), float(hc), float(nr), float(nc)))
span = lambda v, f: f"{f(statistics.median(v))} ({f(min(v))}-{f(max(v))})"
for binary, v in runs.items():
    print(f"{binary}: server CPU per request /healthz {span([x[1] for x in v], lambda x: f'{x:.1f}')} µs, "
          f"/v1/nearest {span([x[3] for x in v], lambda x: f'{x:.1f}')} µs; "
          f"nearest's extra {span([x[3] - x[1] for x in v], lambda x: f'{x:.1f}')} µs; "
          f"healthz / nearest {span([100 * x[1] / x[3] for x in v], lambda x: f'{x:.0f}%')}")
PY
