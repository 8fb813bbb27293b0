#!/usr/bin/env bash
# Bounded hostile-load benchmark on loopback: a release `paycircle serve` over a throwaway store of Monaco
# (../shared/geodata, ODbL, © OpenStreetMap contributors) on 127.0.0.1, one well-behaved client asking
# /v1/nearest 20 times a second while attackers from 127.0.0.2-5 send heavy planning requests, ticket
# writes, bad input and half-open connections (Tools/load/hostile.py) for SECONDS (default 60), then stops.
# Samples the server's RSS (VmRSS) every second. Prints the summary and writes it as JSON to REPORT if given.
# Exits 0 whatever the figures; non-zero only if the store or the server could not be set up.
# Usage: bash Tools/hostile-load.sh [SECONDS] [REPORT.json]
# Environment: PORT (18090; refused if taken), PAYCIRCLE_SERVE_FLAGS (extra `serve` flags, e.g.
# "--rate-limit off" or "--heavy-slots 1 --idle-timeout 5"), HOSTILE_FLAGS (extra driver flags, e.g.
# "--rate 50 --connections 8 --half-open 500"), PAYCIRCLE_BIN (default .build/release/paycircle),
# HOSTILE_KEEP=1 keeps the work directory (store, server.log, rss.tsv).
set -euo pipefail
seconds=${1:-60}
report=${2:+$(realpath -m "$2")}
cd "$(dirname "$0")/.."
port=${PORT:-18090}
bin=${PAYCIRCLE_BIN:-.build/release/paycircle}
osm=../shared/geodata/osm/monaco.osm.pbf
read -r -a serve_flags <<<"${PAYCIRCLE_SERVE_FLAGS:-}"
read -r -a driver_flags <<<"${HOSTILE_FLAGS:-}"

[[ $seconds =~ ^[0-9]+$ ]] && (( seconds > 0 )) || { echo "SECONDS must be a whole number above 0, not '$seconds'" >&2; exit 2; }
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "port $port on 127.0.0.1 is taken; choose another with PORT=..." >&2; exit 1
fi
[ -z "$report" ] || mkdir -p "$(dirname "$report")"
[ -x "$bin" ] || swift build -c release --product paycircle >/dev/null

work=$(mktemp -d /tmp/paycircle-hostile.XXXXXX)
db=$work/monaco.sqlite
server='' sampler=''
cleanup() {
  [ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true
  if [ -n "$server" ] && kill "$server" 2>/dev/null; then
    for _ in $(seq 1 50); do kill -0 "$server" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$server" 2>/dev/null || true
  fi
  wait 2>/dev/null || true
  if [ "${HOSTILE_KEEP:-0}" = 1 ]; then echo "==> work directory kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
fail() { echo "FAIL: $1" >&2; [ -s "$work/server.log" ] && tail -n 20 "$work/server.log" | sed 's/^/    /' >&2; exit 1; }

echo "==> importing $(basename "$osm") into $db"
"$bin" import osm "$osm" --db "$db" --time-zone Europe/Monaco | sed 's/^/    /' || fail "import"
token=$("$bin" token create --db "$db" --role admin --name "hostile load" | tail -n 1) || fail "token create"
[ -n "$token" ] || fail "token create printed no secret"

echo "==> paycircle serve on 127.0.0.1:$port ${serve_flags[*]:-}"
"$bin" serve --db "$db" --host 127.0.0.1 --port "$port" "${serve_flags[@]}" >"$work/server.log" 2>&1 &
server=$!
up=0
for _ in $(seq 1 120); do
  kill -0 "$server" 2>/dev/null || fail "the server exited while starting"
  if curl -sf --max-time 2 "http://127.0.0.1:$port/healthz" >/dev/null; then up=1; break; fi
  sleep 0.5
done
(( up )) || fail "no answer from /healthz within 60 s"
echo "    $(curl -sf --max-time 2 "http://127.0.0.1:$port/healthz")"

( start=$(date +%s)
  while kill -0 "$server" 2>/dev/null; do
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$server/status" 2>/dev/null) && [ -n "$rss" ] && printf '%s\t%s\n' $(( $(date +%s) - start )) "$rss"
    sleep 1
  done ) >"$work/rss.tsv" &
sampler=$!

echo "==> hostile load for $seconds s ${driver_flags[*]:-}"
PAYCIRCLE_ADMIN_TOKEN=$token python3 Tools/load/hostile.py --port "$port" --duration "$seconds" \
  --rss-file "$work/rss.tsv" ${report:+--json "$report"} "${driver_flags[@]}"
if kill -0 "$server" 2>/dev/null; then
  echo "==> the server is still running"
else
  wait "$server" && status=0 || status=$?
  server=''
  echo "==> the server exited during the run (status $status); its log's end:"
  tail -n 20 "$work/server.log" | sed 's/^/    /'
fi
[ -n "$report" ] && echo "==> report written to $report"
exit 0
