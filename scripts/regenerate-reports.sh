#!/usr/bin/env bash
# Rebuilds every report under reports/ from examples/: an HTML and a Markdown report per
# example article, and HTML and Markdown comparisons of the example corpus pair. Idempotent:
# reports have no timestamps, so an unchanged input gives unchanged files, and CI fails when
# a committed report is out of date (`git diff --exit-code reports/`).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
swift build -c release --product slant >&2
slant=.build/release/slant
out=reports
mkdir -p "$out"
# Remove reports whose example is gone, so the folder matches examples/ exactly.
find "$out" -maxdepth 1 -type f \( -name '*.html' -o -name '*.md' \) ! -name README.md -delete
for article in examples/*.txt examples/*.md; do
  [ -e "$article" ] || continue
  name=$(basename "${article%.*}")
  "$slant" score --format html "$article" -o "$out/$name.html"
  "$slant" score --format markdown "$article" -o "$out/$name.md"
done
pair=(examples/corpus/harbour-herald examples/corpus/civic-voice)
"$slant" compare "${pair[@]}" --format html -o "$out/compare-outlets.html"
"$slant" compare "${pair[@]}" --format markdown -o "$out/compare-outlets.md"
echo "regenerated: $(ls "$out" | grep -v README.md | tr '\n' ' ')" >&2
