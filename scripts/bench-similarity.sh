#!/usr/bin/env bash
# Benchmark (not a test): Slant's vectorise + all-pairs top-10 against scikit-learn's
# TfidfVectorizer + cosine_similarity + argpartition, and Slant's sgemm against numpy's
# float32 matmul on the same tile shapes, all in one run. Prints times, ratios, GFLOP/s and
# peak memory.
#
#   scripts/bench-similarity.sh [DOCS] [WORDS]          generate DOCS documents of ~WORDS words
#   scripts/bench-similarity.sh --corpus FILE.jsonl     use a corpus of your own
#
# Defaults: 20000 documents of 400 words. Peer tools come from PyPI into .venv-bench.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
venv=.venv-bench
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install -q --disable-pip-version-check numpy scikit-learn threadpoolctl
swift build -c release --product slant >&2
# Older OpenBLAS builds need these on some processors; they slow current ones, so the
# benchmark runs without them (for Slant and the peers alike).
unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE
exec "$venv/bin/python" scripts/bench_similarity.py --slant .build/release/slant "$@"
