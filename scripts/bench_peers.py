#!/usr/bin/env python3
"""Driver for scripts/bench-peers.sh; run that script rather than this file."""
import argparse, atexit, shutil, json, os, subprocess, sys, tempfile, time

PEER = r'''
import sys, time
kind, path = sys.argv[1], sys.argv[2]
sentences = open(path, encoding="utf-8").read().split("\n\n")
if kind == "vader":
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    analyzer = SentimentIntensityAnalyzer()
    score = lambda s: analyzer.polarity_scores(s)
else:
    from textblob import TextBlob
    score = lambda s: (TextBlob(s).sentiment.polarity, TextBlob(s).sentiment.subjectivity)
for s in sentences:
    score(s)
'''

def measure(cmd, env=None):
    # Peak memory from GNU time: the rusage of a child forked from this Python process starts
    # at Python's own resident size, which would hide anything smaller.
    with tempfile.NamedTemporaryFile(mode="r", suffix=".rss") as rss:
        start = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss.name] + cmd,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
        seconds = time.perf_counter() - start
        if proc.returncode != 0:
            sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr}")
        kilobytes = int(rss.read().strip().splitlines()[-1])
    return seconds, kilobytes / 1024

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True); ap.add_argument("--slant", required=True)
    ap.add_argument("--megabytes", type=float, default=20)
    a = ap.parse_args()
    texts = []
    for name in ["babe/sg2-dev.jsonl", "vader-nyt-editorial-snippets/data.jsonl"]:
        with open(os.path.join(a.data, name), encoding="utf-8") as f:
            texts += [json.loads(l)["text"].replace("\n", " ") for l in f if l.strip()]
    base = "\n\n".join(texts)
    repeat = max(1, int(a.megabytes * 1e6 / len(base.encode("utf-8"))) + 1)
    tmp = tempfile.mkdtemp(prefix="slant-peers-")
    atexit.register(shutil.rmtree, tmp, ignore_errors=True)
    corpus = os.path.join(tmp, "sentences.txt")
    with open(corpus, "w", encoding="utf-8") as f:
        f.write("\n\n".join([base] * repeat) + "\n")
    n = len(texts) * repeat
    mb = os.path.getsize(corpus) / 1e6
    print(f"input: {n} sentences, {mb:.1f} MB (BABE and NYT snippet texts, repeated {repeat}x), one paragraph per sentence")
    py = os.path.join(os.path.dirname(sys.executable), "python")
    # One core for Slant as for the peers (taskset), full scoring: segmentation, quotes,
    # sentiment, opinion, loaded language, JSON out.
    slant = [a.slant, "score", "--format", "json", corpus]
    results = {}
    results["Slant (1 core)"] = measure(["taskset", "-c", "0"] + slant)
    results["VADER"] = measure(["taskset", "-c", "0", py, "-c", PEER, "vader", corpus])
    results["TextBlob"] = measure(["taskset", "-c", "0", py, "-c", PEER, "textblob", corpus])
    print(f"{'tool':16} {'seconds':>9} {'sentences/s':>12} {'MB/s':>7} {'peak MiB':>9}")
    for name, (s, m) in results.items():
        print(f"{name:16} {s:9.2f} {n / s:12.0f} {mb / s:7.2f} {m:9.0f}")
    ss = results["Slant (1 core)"][0]
    print(f"ratio: Slant/VADER sentences/s = {results['VADER'][0] / ss:.2f}x; Slant/TextBlob = {results['TextBlob'][0] / ss:.2f}x")

    # The floor under any lexicon scorer: split the same input into words and look each up once
    # in a table of every lexicon word, nothing else (Benchmarks/Floor/word-loop.swift, timed
    # inside the program). The 50x-VADER goal is set against it.
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    loop = os.path.join(tmp, "word-loop")
    subprocess.run(["swiftc", "-O", os.path.join(root, "Benchmarks", "Floor", "word-loop.swift"), "-o", loop], check=True)
    runs = []
    for _ in range(3):
        out = subprocess.run(["taskset", "-c", "0", loop, corpus, os.path.join(root, "lexicons")],
                             check=True, capture_output=True, text=True).stdout.split()
        runs.append((float(out[3]), int(out[0])))
    floor_s, words = sorted(runs)[1]
    goal = 50 * mb / results["VADER"][0]
    print(f"floor: split into {words} words and one hash lookup each, nothing else (median of 3): {floor_s:.3f} s, "
          f"{mb / floor_s:.0f} MB/s; 50x VADER is {goal:.0f} MB/s, {goal / (mb / floor_s) * 100:.0f}% of this floor's rate, "
          f"a budget of {mb / goal:.3f} s for the {mb:.1f} MB")
    # What the report carries: JSON bytes per input byte (the same input, untimed, to a file).
    report = os.path.join(tmp, "report.json")
    subprocess.run(["taskset", "-c", "0", a.slant, "score", "--format", "json", "-o", report, corpus], check=True)
    per_byte = os.path.getsize(report) / os.path.getsize(corpus)
    os.remove(report)
    print(f"Slant's JSON report is {per_byte:.1f} bytes per input byte ({per_byte * mb:.0f} MB for the {mb:.1f} MB input): "
          f"at 50x VADER, {per_byte * goal / 1000:.2f} GB/s of JSON evidence")

    # Corpora on both cores: the same sentences as a JSON Lines corpus scored by slant eval-style
    # batch scoring (slant compare with one group reads and scores in parallel batches).
    jsonl = os.path.join(tmp, "corpus.jsonl")
    with open(jsonl, "w", encoding="utf-8") as f:
        for i, t in enumerate(texts * max(1, repeat // 4)):
            f.write(json.dumps({"id": str(i), "g": "a" if i % 2 else "b", "text": t}) + "\n")
    documents = len(texts) * max(1, repeat // 4)
    # Streaming corpus scoring: slant score --corpus, one JSON report per document.
    ones, twos = [], []
    out = os.path.join(tmp, "scores.jsonl")
    score_corpus = [a.slant, "score", "--corpus", jsonl, "--format", "json", "-o", out]
    for _ in range(3):
        ones.append(measure(["taskset", "-c", "0"] + score_corpus))
        twos.append(measure(score_corpus))
    one, two = sorted(ones)[1], sorted(twos)[1]
    print(f"streaming corpus scoring (slant score --corpus, {documents} documents, median of 3): "
          f"1 core {one[0]:.2f} s ({documents / one[0]:.0f} documents/s), 2 cores {two[0]:.2f} s ({documents / two[0]:.0f} documents/s), "
          f"speed-up {one[0] / two[0]:.2f}x; peak {two[1]:.0f} MiB")
    bigger = os.path.join(tmp, "corpus-4x.jsonl")
    with open(bigger, "w", encoding="utf-8") as f, open(jsonl, encoding="utf-8") as g:
        body = g.read()
        for _ in range(4):
            f.write(body)
    s4, m4 = measure([a.slant, "score", "--corpus", bigger, "--format", "json", "-o", out])
    print(f"the same corpus 4 times ({4 * documents} documents): 2 cores {s4:.2f} s, peak {m4:.0f} MiB (flat: memory follows the batch, not the corpus)")

    # Scoring and statistics only (--closest-pairs 0): three alternating runs on one core and
    # on both, medians, since this machine's timings vary by several per cent run to run.
    cmd = [a.slant, "compare", jsonl, "--group-by", "g", "--resamples", "10", "--permutations", "10", "--format", "json"]
    ones, twos = [], []
    for _ in range(3):
        ones.append(measure(["taskset", "-c", "0"] + cmd + ["--closest-pairs", "0"])[0])
        twos.append(measure(cmd + ["--closest-pairs", "0"])[0])
    one, two = sorted(ones)[1], sorted(twos)[1]
    print(f"corpus scoring (slant compare --closest-pairs 0, {documents} documents, median of 3): "
          f"1 core {one:.2f} s, 2 cores {two:.2f} s, speed-up {one / two:.2f}x")
    # The full comparison adds the closest-pairs search, every document of one group against
    # every document of the other (BLAS sgemm, threaded by the BLAS library itself).
    one, _ = measure(["taskset", "-c", "0"] + cmd)
    two, _ = measure(cmd)
    print(f"full slant compare (with the closest-pairs search, {documents} documents): "
          f"1 core {one:.2f} s, 2 cores {two:.2f} s, speed-up {one / two:.2f}x")

    # Cost curve: 1x, 10x, 100x of a 100 KB article made of the base sentences, and one 10 MB article.
    print(f"{'input':24} {'MB':>7} {'seconds':>9} {'MB/s':>7} {'peak MiB':>9}")
    unit = "\n\n".join(texts)[:100_000]
    for label, times in [("1x (100 KB article)", 1), ("10x", 10), ("100x", 100)]:
        path = os.path.join(tmp, f"curve-{times}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n\n".join([unit] * times))
        size = os.path.getsize(path) / 1e6
        s, m = measure([a.slant, "score", "--format", "json", path])
        print(f"{label:24} {size:7.2f} {s:9.2f} {size / s:7.2f} {m:9.0f}")
    path = os.path.join(tmp, "one-article.txt")
    one = " ".join(texts)
    with open(path, "w", encoding="utf-8") as f:
        f.write((" ".join([one] * (10_000_000 // len(one) + 1)))[: 10_000_000])
    size = os.path.getsize(path) / 1e6
    s, m = measure([a.slant, "score", "--format", "json", path])
    print(f"{'one 10 MB paragraph':24} {size:7.2f} {s:9.2f} {size / s:7.2f} {m:9.0f}")

if __name__ == "__main__":
    main()
