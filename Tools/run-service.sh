#!/usr/bin/env bash
# Set-up, release build, the Helsinki sample city imported into GeoData/cache/helsinki.sqlite, the HTTP
# service on http://127.0.0.1:8080 and, unless turned off (--no-demo, or PAYCIRCLE_DEMO=off), the living
# demo: demo halls and kiosks (source: demo) whose queue machines and terminals run through the API.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Tools/setup.sh
swift build -c release --product paycircle
extract=$(bash Tools/sample-city.sh)
db=GeoData/cache/helsinki.sqlite
port=${PORT:-8080}
.build/release/paycircle import osm "$extract" --db "$db" --time-zone Europe/Helsinki
if [ "${1:-}" = "--no-demo" ] || [ "${PAYCIRCLE_DEMO:-on}" = off ]; then
  exec .build/release/paycircle serve --db "$db" --host 127.0.0.1 --port "$port"
fi
.build/release/paycircle serve --db "$db" --host 127.0.0.1 --port "$port" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT INT TERM
.build/release/paycircle demo --db "$db" --url "http://127.0.0.1:$port" || echo "The demo stopped; the service goes on." >&2
wait "$server"
