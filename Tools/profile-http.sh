#!/usr/bin/env bash
# Where a /v1/nearest answer's extra CPU goes: `perf record` (CPU clock, call graphs) of one server of
# BINARY on the store of `bash Tools/bench-http.sh POINTS` while wrk loads /healthz for SECONDS, then
# /v1/nearest (Tools/nearest.lua); prints the server's CPU per request under perf (perf inflates it) and,
# per function, the CPU per request on nearest, on /healthz and their difference, largest first. Each
# sample counts its own period, so a sampling rate lowered by the kernel does not skew the figures; the
# recording spans the whole wrk run, and any non-2xx answer or socket error stops the script.
# MODE is "self" (time in the function itself) or "children" (with what it calls).
# Usage: bash Tools/profile-http.sh BINARY [POINTS] [SECONDS] [MODE] [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:?usage: profile-http.sh BINARY [POINTS] [SECONDS] [MODE] [ROWS]}
points=${2:-100000}; seconds=${3:-8}; mode=${4:-children}; rows=${5:-40}
port=${PORT:-18095}
db="${BENCH_DIR:-/tmp/paycircle-bench-http}/points-$points.sqlite"
[ -s "$db" ] || { echo "no store $db: run bash Tools/bench-http.sh $points first" >&2; exit 1; }
work=$(mktemp -d)
source Tools/serve-lib.sh
trap 'stop_server; rm -rf "$work"' EXIT
if curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; then echo "port $port is taken: set PORT" >&2; exit 1; fi
start_server "$bin" "$db" "$port"
# Runs wrk with the given arguments; prints the requests answered, or fails on errors or non-2xx answers.
load() {
  wrk -t2 -c64 "$@" | awk '/requests in/ {n=$1} /Non-2xx/ {bad=$NF} /Socket errors/ {errors=$0}
    END {if (bad + 0 > 0 || errors != "") {print "wrk: " bad + 0 " non-2xx answers " errors > "/dev/stderr"; exit 1} print n}'
}
load -d3s -s Tools/nearest.lua "http://127.0.0.1:$port/v1/nearest" >/dev/null
for route in healthz nearest; do
  args=("http://127.0.0.1:$port/healthz")
  [ "$route" = nearest ] && args=(-s Tools/nearest.lua "http://127.0.0.1:$port/v1/nearest")
  perf record -e cpu-clock -F 4999 -g -p "$server" -o "$work/$route.data" -- sleep $((seconds + 2)) >"$work/perf.log" 2>&1 &
  recorder=$!
  sleep 1
  load -d"${seconds}s" "${args[@]}" >"$work/$route.requests"
  wait "$recorder" || { cat "$work/perf.log" >&2; exit 1; }
  kill -0 "$server" || { echo "the server stopped" >&2; exit 1; }
  perf script -i "$work/$route.data" -F comm,period,ip,sym >"$work/$route.stacks" 2>"$work/perf.log" || { cat "$work/perf.log" >&2; exit 1; }
done
python3 - "$work" "$mode" "$rows" <<'PY'
import collections, sys
work, mode, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
per_request = {}
for route in ("healthz", "nearest"):
    samples, frames, period = [], [], 0
    for line in open(f"{work}/{route}.stacks"):
        if not line.strip():
            if frames: samples.append((period, frames))
            frames = []
        elif line[0] in " \t":  # a frame: address and function
            parts = line.split(None, 1)
            frames.append(parts[1].strip() if len(parts) > 1 else "?")
        else:  # a sample's thread and its period in nanoseconds of CPU
            period = int(line.split()[-1])
    if frames: samples.append((period, frames))
    requests = int(open(f"{work}/{route}.requests").read().split()[0])
    time = collections.Counter()
    for period, frames in samples:
        for name in ([frames[0]] if mode == "self" else set(frames)): time[name] += period
    per_request[route] = {name: nanoseconds / 1000 / requests for name, nanoseconds in time.items()}
    total = sum(period for period, _ in samples) / 1000 / requests
    print(f"/{route if route == 'healthz' else 'v1/nearest'}: {requests} requests, server CPU under perf {total:.1f} µs/request")
names = set(per_request["healthz"]) | set(per_request["nearest"])
extra = lambda name: per_request["nearest"].get(name, 0) - per_request["healthz"].get(name, 0)
print(f"{'extra':>7} {'nearest':>8} {'healthz':>8}  function ({mode}, µs per request)")
for name in sorted(names, key=extra, reverse=True)[:rows]:
    print(f"{extra(name):7.2f} {per_request['nearest'].get(name, 0):8.2f} {per_request['healthz'].get(name, 0):8.2f}  {name[:110]}")
PY
