#!/usr/bin/env bash
# Set-up and the whole test suite (unit, real-data and in-process HTTP tests), with a throwaway
# PostgreSQL + PostGIS server on loopback so that the store tests run against both stores.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Tools/setup.sh
swift build --build-tests
pgdata=$(mktemp -d /tmp/paycircle-pg.XXXXXX) && chmod 755 "$pgdata"
trap 'bash Tools/postgres.sh stop "$pgdata/data" 2>/dev/null || true; rm -rf "$pgdata"' EXIT
# Assigned apart from `export`, whose own status would hide a server that failed to start (the PostGIS
# tests would then be skipped rather than fail).
postgres_url=$(bash Tools/postgres.sh start "$pgdata/data" "${PAYCIRCLE_TEST_PG_PORT:-55439}")
export PAYCIRCLE_TEST_POSTGRES=$postgres_url
swift test --skip-build
