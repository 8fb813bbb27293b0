# Sourced by the scripts that measure or compare builds of `paycircle serve` (bench-http-ab.sh,
# bench-http-cpu.sh, count-retains.sh, nearest-answer-set.sh): one server at a time, its pid in $server.

# start_server BINARY STORE PORT: starts `BINARY serve` on STORE in the background and waits until
# /healthz answers; fails, saying so, when it exits or does not answer within two minutes.
start_server() {
  "$1" serve --db "$2" --port "$3" --rate-limit off >/dev/null 2>&1 &
  server=$!
  for _ in $(seq 1 240); do
    kill -0 "$server" 2>/dev/null || break
    if curl -sf "http://127.0.0.1:$3/healthz" >/dev/null; then return 0; fi
    sleep 0.5
  done
  echo "$1 did not start serving $2 on port $3" >&2
  return 1
}

# stop_server: stops the server started last, if any, and waits for it to exit.
stop_server() {
  if [ -n "${server:-}" ]; then kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true; fi
  server=""
}
