#!/usr/bin/env python3
"""Sentence-level opinionScore on CheckThat 2025 English subjectivity.

Protocol (shared data README): choose the decision threshold on train+dev, report macro-F1
on dev_test. The data folder is the first argument or $SLANT_DATA (default ../shared/data);
the slant binary is the second argument (default .build/release/slant). Nothing is fitted on
dev_test: it is scored once, with the threshold chosen before it is read.
"""
import json, os, subprocess, sys, tempfile

def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]

def scores(slant, rows):
    """Scores each text as its own one-paragraph article; returns opinionScore per row."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, row in enumerate(rows):
            p = os.path.join(tmp, f"{i:05d}.txt")
            with open(p, "w", encoding="utf-8") as f:
                f.write(row["text"].replace("\n", " ") + "\n")
            paths.append(p)
        out = subprocess.run([slant, "score", "--format", "json", *paths],
                             check=True, capture_output=True, text=True).stdout
    result = []
    for line in out.splitlines():
        report = json.loads(line)
        content = [p for p in report["paragraphs"] if p["opinionScore"] is not None]
        result.append(max((p["opinionScore"] for p in content), default=0.0))
    assert len(result) == len(rows)
    return result

def macro_f1(gold, pred):
    f1s = []
    for label in (True, False):
        tp = sum(1 for g, p in zip(gold, pred) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, pred) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, pred) if g == label and p != label)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(f1s) / 2

def main():
    data = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("SLANT_DATA", "../shared/data")
    slant = sys.argv[2] if len(sys.argv) > 2 else ".build/release/slant"
    folder = os.path.join(data, "checkthat-subjectivity-en")
    fit = load(os.path.join(folder, "train.jsonl")) + load(os.path.join(folder, "dev.jsonl"))
    fit_scores = scores(slant, fit)
    fit_gold = [r["label"] == "SUBJ" for r in fit]
    candidates = sorted(set(round(s, 4) for s in fit_scores))
    best = max(candidates, key=lambda t: (macro_f1(fit_gold, [s >= t for s in fit_scores]), -abs(t - 0.5)))
    fit_f1 = macro_f1(fit_gold, [s >= best for s in fit_scores])
    test = load(os.path.join(folder, "dev_test.jsonl"))
    test_scores = scores(slant, test)
    test_gold = [r["label"] == "SUBJ" for r in test]
    test_f1 = macro_f1(test_gold, [s >= best for s in test_scores])
    default_f1 = macro_f1(test_gold, [s >= 0.5 for s in test_scores])
    print(f"train+dev: n={len(fit)} threshold={best:.4f} macro-F1={fit_f1:.3f}")
    print(f"dev_test:  n={len(test)} macro-F1={test_f1:.3f} (threshold from train+dev); "
          f"at the shipped threshold 0.5: {default_f1:.3f}")

if __name__ == "__main__":
    main()
