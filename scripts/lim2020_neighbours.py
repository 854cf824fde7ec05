#!/usr/bin/env python3
"""How often is an article's nearest neighbour (slant similar --top 1) about the same event?

Rebuilds the 46 articles of Lim et al. (2020) from their sentences (in sentence order),
writes them as JSON Lines to a temporary file, runs `slant similar --top 1 --format csv`,
and prints the share of articles whose nearest neighbour covers the same event.
Usage: lim2020_neighbours.py [DATA] [SLANT]; DATA defaults to $SLANT_DATA or ../shared/data.
"""
import collections, csv, io, json, os, subprocess, sys, tempfile

data = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("SLANT_DATA", "../shared/data")
slant = sys.argv[2] if len(sys.argv) > 2 else ".build/release/slant"
sentences = collections.defaultdict(list)
event = {}
with open(os.path.join(data, "lim2020-biased-sentences", "data.jsonl"), encoding="utf-8") as f:
    for line in f:
        r = json.loads(line)
        sentences[r["article_id"]].append((r["sentence_index"], r["text"]))
        event[r["article_id"]] = r["event"]
with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
    for article in sorted(sentences):
        text = " ".join(t for _, t in sorted(sentences[article]))
        out.write(json.dumps({"id": article, "text": text, "event": event[article]}) + "\n")
    path = out.name
try:
    result = subprocess.run([slant, "similar", path, "--top", "1", "--format", "csv"],
                            check=True, capture_output=True, text=True).stdout
finally:
    os.unlink(path)
rows = list(csv.DictReader(io.StringIO(result)))
same = sum(1 for r in rows if event[r["id"]] == event[r["neighbor"]])
events = collections.Counter(event.values())
print(f"articles: {len(sentences)}, events: {dict(sorted(events.items()))}")
print(f"nearest neighbour covers the same event: {same}/{len(rows)} = {same / len(rows):.3f}")
