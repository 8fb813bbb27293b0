#!/usr/bin/env bash
# Set-up and the whole test suite (unit, real-data and in-process HTTP tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Tools/setup.sh
swift build --build-tests
swift test --skip-build
