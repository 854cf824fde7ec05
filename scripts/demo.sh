#!/usr/bin/env bash
# Quick start, part 1: set up, build Slant in release mode, and score the bundled example
# article (a live blog that mixes wire reporting, a commentator's opinion and site furniture).
# Extra arguments go to `slant score`, e.g. scripts/demo.sh --format json
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
swift build -c release --product slant >&2
exec .build/release/slant score examples/mixed-live-blog.md "$@"
