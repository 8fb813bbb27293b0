#!/usr/bin/env bash
# The service's /healthz and /v1/nearest beside two floors, in one interleaved set, with the same client
# as Tools/bench-http.sh (wrk, 2 threads, 64 connections, on the same two cores):
# - the host's floor: Tools/http-floor.c, a C epoll server that answers every request with 31 fixed bytes;
# - the framework's floor: `PayCircleBench http-floor`, a bare Hummingbird route with the same body;
# - `paycircle serve` on the store of `bash Tools/bench-http.sh POINTS`: /healthz, then /v1/nearest
#   (Tools/nearest.lua).
# Each round runs the four loads for SECONDS each, starting one place later each round; prints every run
# and, per load, the median and range of req/s, p50 and p99 over the rounds. Before the first round and
# after the last, Tools/host-stalls.c measures for SECONDS how often the host takes the CPUs away.
# Usage: bash Tools/bench-http-floor.sh [POINTS] [ROUNDS] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
points=${1:-100000}; rounds=${2:-4}; seconds=${3:-10}
port=${PORT:-18083}; floor_port=$((port + 1)); framework_port=$((port + 2))
db="${BENCH_DIR:-/tmp/paycircle-bench-http}/points-$points.sqlite"
[ -s "$db" ] || { echo "no store $db: run bash Tools/bench-http.sh $points first" >&2; exit 1; }
for p in "$port" "$floor_port" "$framework_port"; do
  if curl -s "http://127.0.0.1:$p/" >/dev/null 2>&1; then echo "port $p is taken: set PORT" >&2; exit 1; fi
done
swift build -c release --product paycircle >/dev/null
swift build -c release --product PayCircleBench >/dev/null
work=$(mktemp -d)
source Tools/serve-lib.sh
floors=()
trap 'stop_server; kill "${floors[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT
compiler=$(command -v gcc || command -v clang) || { echo "the floors need a C compiler (gcc or clang)" >&2; exit 1; }
"$compiler" -O2 -pthread Tools/http-floor.c -o "$work/http-floor"
"$compiler" -O2 -pthread Tools/host-stalls.c -o "$work/host-stalls"
echo "==> the host's stalls before the set"
"$work/host-stalls" "$seconds"
"$work/http-floor" "$floor_port" 2 31 & floors+=($!)
.build/release/PayCircleBench http-floor --port "$framework_port" >/dev/null 2>&1 & floors+=($!)
start_server .build/release/paycircle "$db" "$port" || exit 1
for p in "$floor_port" "$framework_port"; do
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$p/healthz" >/dev/null && break; sleep 0.5; done
  curl -sf "http://127.0.0.1:$p/healthz" >/dev/null || { echo "the floor on port $p did not answer" >&2; exit 1; }
done
loads=("host-floor" "framework-floor" "healthz" "nearest")
# load NAME: one wrk run of the named load; prints NAME, req/s, p50, p99 and non-2xx answers.
load() {
  local args
  case "$1" in
    host-floor) args=("http://127.0.0.1:$floor_port/healthz") ;;
    framework-floor) args=("http://127.0.0.1:$framework_port/healthz") ;;
    healthz) args=("http://127.0.0.1:$port/healthz") ;;
    nearest) args=(-s Tools/nearest.lua "http://127.0.0.1:$port/v1/nearest") ;;
  esac
  wrk -t2 -c64 -d"${seconds}s" --latency "${args[@]}" \
    | awk -v name="$1" '/Requests\/sec/ {r=$2} / 50%/ {m=$2} / 99%/ {p=$2} /Non-2xx/ {bad=$NF} END {print name, r, m, p, (bad == "" ? 0 : bad)}'
}
for round in $(seq 1 "$rounds"); do
  for i in 0 1 2 3; do
    load "${loads[$(((i + round - 1) % 4))]}" | tee -a "$work/runs"
  done
done
echo "==> the host's stalls after the set"
"$work/host-stalls" "$seconds"
python3 - "$work/runs" <<'PY'
import collections, sys
sys.path.insert(0, "Tools")
from wrk_runs import ms, span
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    name, rate, p50, p99, bad = line.split()
    runs[name].append((float(rate), ms(p50), ms(p99), int(bad)))
for name in ("host-floor", "framework-floor", "healthz", "nearest"):
    v = runs[name]
    print(f"{name:16} {span([x[0] for x in v], lambda x: f'{x:,.0f}')} req/s   p50 {span([x[1] for x in v], lambda x: f'{x:.2f}')} ms"
          f"   p99 {span([x[2] for x in v], lambda x: f'{x:.2f}')} ms   non-2xx {sum(x[3] for x in v)}")
PY
