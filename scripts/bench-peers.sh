#!/usr/bin/env bash
# Benchmark (not a test): scores the same sentences — the texts of BABE and the VADER NYT
# snippets, repeated to at least 20 MB — with Slant, vaderSentiment and TextBlob, each in a
# single process, and prints sentences/s, MB/s, peak memory and the ratios; then Slant on one
# core against both cores, and the cost curve (1x, 10x, 100x of a base input, and one 10 MB
# article). Peers come from PyPI into .venv-bench. Usage: scripts/bench-peers.sh [DATA]
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-${SLANT_DATA:-../shared/data}}"
source scripts/setup.sh
# GNU time measures peak memory (Debian package "time").
if [ ! -x /usr/bin/time ]; then
  sudo_cmd=(); if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq time >/dev/null
fi
venv=.venv-bench
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check vaderSentiment textblob
swift build -c release --product slant >&2
unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE
exec "$venv/bin/python" scripts/bench_peers.py --data "$data" --slant .build/release/slant
