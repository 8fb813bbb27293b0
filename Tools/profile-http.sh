#!/usr/bin/env bash
# Where a /v1/nearest answer's extra CPU goes: `perf record` (call graphs) of one server of BINARY on the
# store of `bash Tools/bench-http.sh POINTS`, first under wrk on /healthz, then on /v1/nearest
# (Tools/nearest.lua), SECONDS each; prints the server's CPU per request under perf (perf inflates it) and,
# per function, the CPU per request of nearest, of /healthz and their difference, largest first.
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
start_server "$bin" "$db" "$port"
wrk -t2 -c64 -d3s -s Tools/nearest.lua "http://127.0.0.1:$port/v1/nearest" >/dev/null
for route in healthz nearest; do
  args=("http://127.0.0.1:$port/healthz")
  [ "$route" = nearest ] && args=(-s Tools/nearest.lua "http://127.0.0.1:$port/v1/nearest")
  perf record -F 4999 -g -p "$server" -o "$work/$route.data" -- sleep "$seconds" >/dev/null 2>&1 &
  recorder=$!
  wrk -t2 -c64 -d"${seconds}s" "${args[@]}" | awk '/requests in/ {print $1}' >"$work/$route.requests"
  wait "$recorder"
  perf script -i "$work/$route.data" -F comm,ip,sym 2>/dev/null >"$work/$route.stacks"
done
python3 - "$work" "$mode" "$rows" <<'PY'
import collections, sys
work, mode, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
per_request = {}
for route in ("healthz", "nearest"):
    stacks, frames = [], []
    for line in open(f"{work}/{route}.stacks"):
        if not line.strip():
            if frames: stacks.append(frames)
            frames = []
        elif line[0] in " \t":  # a frame: address and function; other lines name the sample's thread
            parts = line.split(None, 1)
            frames.append(parts[1].strip()[:100] if len(parts) > 1 else "?")
    if frames: stacks.append(frames)
    requests = int(open(f"{work}/{route}.requests").read().split()[0])
    counts = collections.Counter()
    for frames in stacks:
        for name in ([frames[0]] if mode == "self" else set(frames)): counts[name] += 1
    to_us = 1e6 / 4999 / requests
    per_request[route] = {name: n * to_us for name, n in counts.items()}
    print(f"/{route if route == 'healthz' else 'v1/nearest'}: {requests} requests, server CPU under perf {len(stacks) * to_us:.1f} µs/request")
names = set(per_request["healthz"]) | set(per_request["nearest"])
extra = lambda name: per_request["nearest"].get(name, 0) - per_request["healthz"].get(name, 0)
print(f"{'extra':>7} {'nearest':>8} {'healthz':>8}  function ({mode}, µs per request)")
for name in sorted(names, key=extra, reverse=True)[:rows]:
    print(f"{extra(name):7.2f} {per_request['nearest'].get(name, 0):8.2f} {per_request['healthz'].get(name, 0):8.2f}  {name}")
PY
