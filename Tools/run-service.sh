#!/usr/bin/env bash
# Set-up, release build, the Helsinki sample city imported into GeoData/cache/helsinki.sqlite, and the
# HTTP service on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Tools/setup.sh
swift build -c release --product paycircle
extract=$(bash Tools/sample-city.sh)
db=GeoData/cache/helsinki.sqlite
.build/release/paycircle import osm "$extract" --db "$db" --time-zone Europe/Helsinki
exec .build/release/paycircle serve --db "$db" --host 127.0.0.1 --port "${PORT:-8080}"
