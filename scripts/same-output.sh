#!/usr/bin/env bash
# Checks that two builds of slant give byte-identical output, the guard for speed work:
#   scripts/same-output.sh OLD_SLANT NEW_SLANT [DATA]
# Runs score (four formats) on the examples; score --format json on every text of DATA
# (default $SLANT_DATA or ../shared/data) as one paragraph each and as 12-paragraph articles;
# score --corpus (when both have it), compare, similar (text and stance) and eval (four tasks) on the shared data;
# and score on furniture edge cases and invalid UTF-8 written here. Prints each output that
# differs and exits 1 if any does. Takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
old="$(realpath "$1")"; new="$(realpath "$2")"
data="$(realpath "${3:-${SLANT_DATA:-../shared/data}}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$data" "$work" <<'PY'
import glob, json, os, sys
data, work = sys.argv[1], sys.argv[2]
texts = []
for f in sorted(glob.glob(os.path.join(data, "*", "*.jsonl"))):
    for line in open(f, encoding="utf-8"):
        if line.strip():
            t = json.loads(line).get("text")
            if isinstance(t, str) and t:
                texts.append(t.replace("\n", " "))
with open(os.path.join(work, "paragraphs.txt"), "w", encoding="utf-8") as f:
    f.write("\n\n".join(texts) + "\n")
with open(os.path.join(work, "articles.jsonl"), "w", encoding="utf-8") as f:
    for i in range(0, len(texts), 12):
        f.write(json.dumps({"id": str(i // 12), "g": "ab"[(i // 12) % 2], "text": "\n\n".join(texts[i:i + 12])}) + "\n")
furniture = ["11:05 a.m. ET", "Updated March 3, 2026 at 9:14 a.m.", "Monday, 3 March 2026 10:00", "2026-03-03 09:14",
             "LONDON (Reuters) — The central bank raised rates on Tuesday, surprising analysts who had expected a pause.",
             "WASHINGTON — Senators on Tuesday rejected a bill that would have expanded the program to rural clinics.",
             "By Jane Roe and John Doe, The Riverton Times", "By JANE ROE", "Reporting by Jane Roe; Editing by John Doe",
             "Jane Roe is a staff writer", "The mayor speaks at the rally. (Photo: Jane Roe)", "The mayor speaks. Photo: Jane Roe/Reuters",
             "Crowds gather outside the hall. Getty Images", "Sign up for our morning newsletter.", "Share this article", "Most read",
             "Related: Mayor defends budget plan", "Comments are closed.", "© 2026 The Riverton Times", "All rights reserved.",
             "Tags: politics, budget", "5 min read", "PHOTO: JANE ROE/REUTERS", "\u017fhare this article", "Crowds gather. Getty Image\u017f",
             "\u212aeep reading: 5 min read", "Li\u017ften to this article", "Photo: Jane Roe/Reuter\u017f", "A crowd. (PHOTO BY ANN LEE)",
             "Stra\u00dfe closed. Photo: Jane Roe/Reuters", "\u0130MAGE: the city at dawn", "Listen to this article"]
with open(os.path.join(work, "furniture.txt"), "w", encoding="utf-8") as f:
    f.write("Headline\n\n" + "\n\n".join(furniture) + "\n")
with open(os.path.join(work, "invalid.txt"), "wb") as f:
    f.write(b"Headline\n\nThe caf\xe9 owner said the \xff\xfe plan was a disgraceful giveaway, critics said.\n\n"
            b"More text \xed\xa0\x80 with surrogate bytes and \xf4\x90\x80\x80 too.\n")
PY
run() {  # run BIN OUTDIR
  local b="$1" o="$2"; mkdir -p "$o"
  for f in examples/*.txt examples/*.md; do
    for fmt in json text markdown html; do "$b" score --format "$fmt" "$f" > "$o/$(basename "$f").$fmt"; done
  done
  "$b" score --format json "$work/paragraphs.txt" > "$o/paragraphs.json"
  "$b" score --format json "$work/furniture.txt" > "$o/furniture.json"
  "$b" score --format json "$work/invalid.txt" > "$o/invalid.json" 2>&1
  if [ "$corpus" = yes ]; then "$b" score --corpus "$work/articles.jsonl" --format json > "$o/articles.jsonl"; fi
  "$b" compare "$work/articles.jsonl" --group-by g --format json > "$o/compare.json"
  "$b" compare "$data/babe/sg2-dev.jsonl" --group-by outlet_type --format json > "$o/compare-babe.json"
  "$b" similar "$data/babe/sg2-dev.jsonl" --format json > "$o/similar.json"
  "$b" similar "$data/babe/sg2-dev.jsonl" --profile stance --format json > "$o/similar-stance.json"
  "$b" eval --task subjectivity "$data/checkthat-subjectivity-en/dev_test.jsonl" --format json > "$o/eval-checkthat.json"
  "$b" eval --task loaded-words "$data/babe/sg2-dev.jsonl" --format json > "$o/eval-loaded.json"
  "$b" eval --task valence "$data/vader-nyt-editorial-snippets/data.jsonl" --format json > "$o/eval-nyt.json"
  "$b" eval --task target-sentiment "$data/newsmtsc/train.jsonl" --format json > "$o/eval-newsmtsc.json"
}
# score --corpus only when both builds have it.
corpus=yes
for b in "$old" "$new"; do "$b" score --help | grep -q -- --corpus || corpus=no; done
run "$old" "$work/old"
run "$new" "$work/new"
if diff -rq "$work/old" "$work/new"; then
  echo "same output: $(ls "$work/new" | wc -l) outputs, $(du -sh "$work/new" | cut -f1), byte for byte"
else
  exit 1
fi
