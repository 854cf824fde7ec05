#!/usr/bin/env bash
# Quick start, part 2: set up and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
swift build --build-tests
exec swift test --skip-build "$@"
