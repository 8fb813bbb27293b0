#!/usr/bin/env bash
# Writes a fixed set of /v1/nearest answers from a server on STORE, to compare two builds byte for byte:
# 20 places near random network nodes (seed 5) × 9 questions (k, the three coordinate systems, a kind
# filter, by=walk, a radius, channels open at a given time, and two without any filter), each asked
# twice, so that the second answer comes from the records the server keeps. Answers without `at` are
# evaluated now: their echoed time is written as "now" (their open flags can differ between two runs on
# either side of an opening or closing time).
# Usage: bash Tools/nearest-answer-set.sh PAYCIRCLE_BINARY STORE OUTDIR
#   then: diff -r OLD NEW
set -euo pipefail
bin=$1; store=$2; out=$3
port=${PORT:-18084}
mkdir -p "$out"
if curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; then echo "port $port is taken: set PORT" >&2; exit 1; fi
python3 - "$store" > "$out/places.txt" <<'PY'
import random, sqlite3, sys
rows = sqlite3.connect(sys.argv[1]).execute("SELECT lat, lon FROM network_nodes ORDER BY id").fetchall()
r = random.Random(5)
for _ in range(20):
    lat, lon = r.choice(rows)
    print(f"{lat:.6f} {lon:.6f}")
PY
source "$(dirname "$0")/serve-lib.sh"
trap stop_server EXIT
start_server "$bin" "$store" "$port" || exit 1
at="at=2026-12-01T03:00:00Z"
questions=("k=5&$at" "k=3&crs=gcj02&$at" "k=8&crs=bd09&$at" "k=5&kind=kiosk,bank_booth&$at" "k=4&by=walk&$at"
           "k=6&radius=800&$at" "k=5&at=2026-12-01T22:30:00%2B08:00" "k=5" "k=12&crs=gcj02")
n=0
while read -r lat lon; do
  for question in "${questions[@]}"; do
    for pass in 1 2; do
      curl -sS --fail-with-body "http://127.0.0.1:$port/v1/nearest?lat=$lat&lon=$lon&$question" \
        | sed -E 's/^(\{"query":\{.*"by":"[a-z]+","at":)"[^"]*"(,"open_only":false)/\1"now"\2/' > "$out/nearest-$n-$pass.json"
    done
    n=$((n + 1))
  done
done < "$out/places.txt"
echo "$((2 * n)) answers in $out"
