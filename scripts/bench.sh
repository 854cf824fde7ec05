#!/usr/bin/env bash
# Runs the Benchmarks/ package (ordo-one/benchmark): one benchmark per stage — text pipeline,
# lexicon load, scoring, corpus vectorisation, similarity — with wall clock, throughput,
# mallocs and peak resident memory, printed as tables.
#   scripts/bench.sh            run and print
#   scripts/bench.sh --check    also compare with the committed thresholds (Benchmarks/Thresholds)
#   scripts/bench.sh --update   rewrite the committed thresholds from this machine
# A benchmark, not a test: CI does not run it. The first build takes about two minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
cd Benchmarks
unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE
case "${1:-}" in
  --check) swift package --disable-sandbox benchmark thresholds check ;;
  --update) swift package --disable-sandbox --allow-writing-to-package-directory benchmark thresholds update ;;
  *) swift package --disable-sandbox benchmark ;;
esac
