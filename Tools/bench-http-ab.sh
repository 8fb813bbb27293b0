#!/usr/bin/env bash
# Two builds of `paycircle` compared on /healthz and /v1/nearest in one interleaved set, for a host whose
# speed drifts: each round starts both builds in turn (A then B, then B then A in the next round), each as a
# fresh server for SECONDS of wrk (2 threads, 64 connections) on /healthz and then on /v1/nearest
# (Tools/nearest.lua). Prints each run and, per build, the
# median and range of the rounds. The store is the one `bash Tools/bench-http.sh POINTS` makes.
# Usage: bash Tools/bench-http-ab.sh BINARY_A BINARY_B [POINTS] [ROUNDS] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
a=${1:?usage: bench-http-ab.sh BINARY_A BINARY_B [POINTS] [ROUNDS] [SECONDS]}
b=${2:?usage: bench-http-ab.sh BINARY_A BINARY_B [POINTS] [ROUNDS] [SECONDS]}
points=${3:-100000}; rounds=${4:-4}; seconds=${5:-5}
port=${PORT:-18082}
db="${BENCH_DIR:-/tmp/paycircle-bench-http}/points-$points.sqlite"
[ -s "$db" ] || { echo "no store $db: run bash Tools/bench-http.sh $points first" >&2; exit 1; }
if curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; then echo "port $port is taken: set PORT" >&2; exit 1; fi
runs=$(mktemp)
source Tools/serve-lib.sh
trap 'stop_server; rm -f "$runs"' EXIT
for round in $(seq 1 "$rounds"); do
  order=("$a" "$b")
  if [ $((round % 2)) -eq 0 ]; then order=("$b" "$a"); fi
  for bin in "${order[@]}"; do
    start_server "$bin" "$db" "$port" || exit 1
    healthz=$(wrk -t2 -c64 -d"${seconds}s" --latency "http://127.0.0.1:$port/healthz" | awk '/Requests\/sec/ {r=$2} / 99%/ {p=$2} END {print r, p}')
    nearest=$(wrk -t2 -c64 -d"${seconds}s" --latency -s Tools/nearest.lua "http://127.0.0.1:$port/v1/nearest" \
      | awk '/Requests\/sec/ {r=$2} / 99%/ {p=$2} /Non-2xx/ {bad=$NF} END {print r, p, (bad == "" ? 0 : bad)}')
    stop_server
    echo "$bin $healthz $nearest" | tee -a "$runs"
  done
done
python3 - "$runs" <<'PY'
import collections, sys
sys.path.insert(0, "Tools")
from wrk_runs import ms, span
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    binary, h, hp, n, np_, bad = line.split()
    runs[binary].append((float(h), ms(hp), float(n), ms(np_), int(bad)))
for binary, v in runs.items():
    print(f"{binary}: /healthz {span([x[0] for x in v], lambda x: f'{x:,.0f}')} req/s; "
          f"/v1/nearest {span([x[2] for x in v], lambda x: f'{x:,.0f}')} req/s, p99 {span([x[3] for x in v], lambda x: f'{x:.1f}')} ms; "
          f"nearest / healthz {span([100 * x[2] / x[0] for x in v], lambda x: f'{x:.0f}%')}; non-2xx {sum(x[4] for x in v)}")
PY
