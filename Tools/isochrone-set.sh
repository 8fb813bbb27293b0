#!/usr/bin/env bash
# Writes a fixed set of isochrones and the gaps map as GeoJSON, to compare two builds byte for byte:
# 30 places near random network nodes of STORE (seed 17) × 3, 10 and 20 minutes, plus `gaps` at 03:00 UTC.
# Usage: bash Tools/isochrone-set.sh PAYCIRCLE_BINARY STORE OUTDIR
#   then: for f in OLD/*.json; do cmp -s "$f" "NEW/$(basename "$f")" || echo "differs: $f"; done
set -euo pipefail
bin=$1; store=$2; out=$3
mkdir -p "$out"
python3 - "$store" > "$out/places.txt" <<'PY'
import random, sqlite3, sys
rows = sqlite3.connect(sys.argv[1]).execute("SELECT lat, lon FROM network_nodes ORDER BY id").fetchall()
r = random.Random(17)
for _ in range(30):
    lat, lon = r.choice(rows)
    print(f"{lat + (r.random() - 0.5) * 0.002:.6f} {lon + (r.random() - 0.5) * 0.002:.6f}")
PY
n=0
while read -r lat lon; do
  for m in 3 10 20; do
    "$bin" isochrone --db "$store" --lat="$lat" --lon="$lon" --minutes "$m" --format geojson > "$out/iso-$n-$m.json"
  done
  n=$((n + 1))
done < "$out/places.txt"
"$bin" gaps --db "$store" --format geojson --at 2026-11-30T03:00:00Z > "$out/gaps.json"
