#!/usr/bin/env bash
# Runs every accuracy evaluation and writes Benchmarks/accuracy/RESULTS.md: Slant (its
# built-in hand-set model, and the models trained by scripts/train-default.sh) beside VADER,
# TextBlob and a TF-IDF logistic regression, all measured in this run on the same splits.
# Peers come from PyPI into .venv-eval. Usage: scripts/eval.sh [DATA]
# (DATA defaults to $SLANT_DATA or ../shared/data; it is read, never copied).
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-${SLANT_DATA:-../shared/data}}"
source scripts/setup.sh
venv=.venv-eval
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check vaderSentiment textblob scikit-learn numpy
swift build -c release --product slant >&2
bash scripts/train-default.sh "$data" >&2
exec "$venv/bin/python" scripts/eval_all.py --data "$data" --slant .build/release/slant --models models \
  --output Benchmarks/accuracy/RESULTS.md
