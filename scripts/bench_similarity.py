#!/usr/bin/env python3
"""Driver for scripts/bench-similarity.sh; run that script rather than this file."""
import argparse, json, os, re, subprocess, sys, tempfile, time

def run_measured(cmd, stdout=subprocess.DEVNULL):
    """Runs a command; returns (seconds, peak RSS in MiB, stderr text)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"command failed: {' '.join(cmd)}\n{err}")
    return elapsed, usage.ru_maxrss / 1024, err

def generate(path, docs, words, seed=7):
    """Documents that tell stories: each of docs/10 stories has its own 40 topic words, and
    every document mixes its story's words (30%) with a Zipf-distributed background vocabulary."""
    import numpy as np
    rng = np.random.default_rng(seed)
    vocabulary = 60_000
    background = np.array([f"w{i}" for i in range(vocabulary)])
    zipf = 1.0 / np.arange(1, vocabulary + 1) ** 1.07
    zipf /= zipf.sum()
    stories = max(1, docs // 10)
    topic = rng.integers(0, vocabulary, size=(stories, 40))
    with open(path, "w", encoding="utf-8") as f:
        for d in range(docs):
            story = d % stories
            n_topic = int(words * 0.3)
            ws = list(background[rng.choice(vocabulary, size=words - n_topic, p=zipf)])
            ws += list(background[topic[story][rng.integers(0, 40, size=n_topic)]])
            rng.shuffle(ws)
            f.write(json.dumps({"id": f"d{d}", "story": int(story), "text": " ".join(ws)}) + "\n")

SKLEARN = r'''
import json, sys, numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
X = TfidfVectorizer().fit_transform(texts)
S = cosine_similarity(X)
np.fill_diagonal(S, -np.inf)
top = np.argpartition(-S, 10, axis=1)[:, :10]
print(top.shape)
'''

NUMPY_GEMM = r'''
import sys, time, numpy as np
from threadpoolctl import threadpool_info
n, d, tile = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rng = np.random.default_rng(1)
X = rng.standard_normal((n, d), dtype=np.float32)
flops, seconds = 0.0, 0.0
for i in range(0, n, tile):
    a = X[i:i + tile]
    for j in range(i, n, tile):
        b = X[j:j + tile]
        t = time.perf_counter(); c = a @ b.T; seconds += time.perf_counter() - t
        flops += 2.0 * a.shape[0] * b.shape[0] * d
blas = [f"{x.get('internal_api')} {x.get('version')} {x.get('architecture')}" for x in threadpool_info() if x.get('user_api') == 'blas']
print(f"{flops / seconds / 1e9:.1f} {seconds:.3f} {'; '.join(blas)}")
'''

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("docs", nargs="?", type=int, default=20000)
    parser.add_argument("words", nargs="?", type=int, default=400)
    parser.add_argument("--corpus")
    parser.add_argument("--slant", default=".build/release/slant")
    parser.add_argument("--dimensions", type=int, default=1024)
    parser.add_argument("--skip-sklearn", action="store_true", help="for corpora too large for the dense N x N matrix")
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="slant-bench-")
    corpus = args.corpus
    if corpus is None:
        corpus = os.path.join(tmp, "corpus.jsonl")
        generate(corpus, args.docs, args.words)
    n = sum(1 for _ in open(corpus, encoding="utf-8"))
    size = os.path.getsize(corpus) / 1e6
    print(f"corpus: {n} documents, {size:.1f} MB ({corpus if args.corpus else 'generated'})")

    env = dict(os.environ, SLANT_TIMINGS="1")
    start = time.perf_counter()
    proc = subprocess.Popen([args.slant, "similar", corpus, "--top", "10", "--format", "csv",
                             "--dimensions", str(args.dimensions)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    slant_s = time.perf_counter() - start
    slant_mb = usage.ru_maxrss / 1024
    err = proc.stderr.read()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(err)
    m = re.search(r"vectorise ([\d.]+) s, similarity ([\d.]+) s \(sgemm ([\d.]+) s in (\d+) tiles, ([\d.]+) GFLOP/s\)", err)
    vec_s, sim_s, gemm_s, tiles, slant_gflops = float(m[1]), float(m[2]), float(m[3]), int(m[4]), float(m[5])
    print(f"slant:   {slant_s:7.2f} s end to end (vectorise {vec_s:.2f} s, similarity {sim_s:.2f} s, "
          f"sgemm {gemm_s:.2f} s at {slant_gflops:.1f} GFLOP/s), peak {slant_mb:.0f} MiB")

    py = os.path.join(os.path.dirname(sys.executable), "python")
    numpy_out = subprocess.run([py, "-c", NUMPY_GEMM, str(n), str(args.dimensions), "2048"],
                               check=True, capture_output=True, text=True).stdout.split(" ", 2)
    numpy_gflops, numpy_blas = float(numpy_out[0]), numpy_out[2].strip()
    print(f"numpy:   sgemm on the same {n}x{args.dimensions} tiles: {numpy_gflops:.1f} GFLOP/s ({numpy_blas})")
    print(f"ratio:   Slant sgemm / numpy sgemm = {slant_gflops / numpy_gflops:.2f}")

    if not args.skip_sklearn:
        sk_s, sk_mb, _ = run_measured([py, "-c", SKLEARN, corpus])
        print(f"sklearn: {sk_s:7.2f} s end to end (TfidfVectorizer + cosine_similarity + argpartition), peak {sk_mb:.0f} MiB")
        print(f"ratio:   sklearn time / Slant time = {sk_s / slant_s:.1f}x; Slant memory / sklearn memory = {slant_mb / sk_mb:.2f}")

if __name__ == "__main__":
    main()
