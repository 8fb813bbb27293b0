#!/usr/bin/env bash
# Bounded load test: a release `paycircle serve` over Andorra (../shared/geodata, ODbL, © OpenStreetMap
# contributors) under wrk on loopback with mixed traffic — nearest, walking nearest, routes, isochrones,
# status reports and point replacements with tokens (see Tools/load/requests.py) — for SECONDS (default
# 300), then stops. Samples the server's RSS every 5 s, prints wrk's figures, the answers other than 2xx,
# the /metrics summary by route and the store's integrity check. Exits 1 on any error answer, socket
# error, or RSS growth of more than 10% (+16 MB) between the first minute and the end.
# Usage: bash Tools/load-test.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
connections=${2:-32}
port=${PORT:-18090}
work=${LOAD_DIR:-/tmp/paycircle-load}
rm -rf "$work" && mkdir -p "$work"
swift build -c release --product paycircle >/dev/null
bin=.build/release/paycircle
db=$work/andorra.sqlite

echo "==> importing andorra.osm.pbf"
$bin import osm ../shared/geodata/osm/andorra.osm.pbf --db "$db" --time-zone Europe/Andorra | sed 's/^/    /'
secret() { $bin token create --db "$db" --role "$1" --name "load test $1" | tail -n 1; }
export PAYCIRCLE_ADMIN_TOKEN=$(secret admin) PAYCIRCLE_OPERATOR_TOKEN=$(secret operator)
export PAYCIRCLE_LOAD_REQUESTS=$work/requests.tsv

$bin serve --db "$db" --port "$port" --rate-limit off >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
python3 Tools/load/requests.py "http://127.0.0.1:$port" "$PAYCIRCLE_LOAD_REQUESTS" | sed 's/^/==> /'

echo "==> wrk: 2 threads, $connections connections, $seconds s; RSS sampled every 5 s into $work/rss.tsv"
( start=$(date +%s)
  while kill -0 $server 2>/dev/null; do
    printf '%s\t%s\n' $(( $(date +%s) - start )) "$(ps -o rss= -p $server | tr -d ' ')"
    sleep 5
  done ) >"$work/rss.tsv" &
sampler=$!
wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s --latency -s Tools/load/mix.lua "http://127.0.0.1:$port" | tee "$work/wrk.txt"
kill $sampler 2>/dev/null || true

echo "==> /metrics by route"
curl -sf "http://127.0.0.1:$port/metrics" | python3 Tools/load/metrics.py | tee "$work/metrics.txt"
kill $server && wait $server 2>/dev/null || true
trap - EXIT

echo "==> after the run"
$bin check --db "$db" | sed 's/^/    /'
read -r warm final peak < <(awk -v settle=60 '$1 >= settle && warm == "" {warm = $2} {final = $2; if ($2 > peak) peak = $2}
  END {if (warm == "") warm = final; print warm, final, peak}' "$work/rss.tsv")
awk -v w="$warm" -v f="$final" -v p="$peak" 'BEGIN {printf "    server RSS: %.0f MB after the first minute, %.0f MB at the end, %.0f MB at most\n", w/1024, f/1024, p/1024}'
failed=0
if grep -q "Non-2xx\|Socket errors" "$work/wrk.txt"; then echo "FAIL: wrk saw errors (above)"; failed=1; fi
if ! grep -q "other than 2xx by status: none" "$work/wrk.txt"; then echo "FAIL: answers other than 2xx"; failed=1; fi
if (( final > warm * 110 / 100 + 16384 )); then echo "FAIL: RSS grew from $warm kB to $final kB"; failed=1; fi
(( failed == 0 )) && echo "PASS: no errors, memory stable"
exit $failed
