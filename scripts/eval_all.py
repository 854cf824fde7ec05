#!/usr/bin/env python3
"""Driver for scripts/eval.sh: every task, Slant and the peers, one results file."""
import argparse, hashlib, json, os, subprocess, sys

def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]

def fold(text):
    return int(hashlib.sha1(("fold:" + text).encode("utf-8")).hexdigest(), 16) % 5

POS = {"SUBJ", "subjective", "Biased", "biased", "Somewhat factual but also opinionated", "Expresses writer's opinion"}
NEG = {"OBJ", "objective", "not_subjective", "Non-biased", "non-biased", "neutral", "Entirely factual"}

def binary(rows, field):
    out = []
    for r in rows:
        v = r[field]
        if v in POS: out.append((r["text"], 1))
        elif v in NEG: out.append((r["text"], 0))
    return out

def macro_f1(gold, pred):
    f = []
    for c in (1, 0):
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred) if g == c and p != c)
        pr = tp / (tp + fp) if tp + fp else 0
        rc = tp / (tp + fn) if tp + fn else 0
        f.append(2 * pr * rc / (pr + rc) if pr + rc else 0)
    return sum(f) / 2

def best_threshold(scores, gold):
    cands = sorted(set(scores))
    mids = [cands[0] - 1e-9] + [(a + b) / 2 for a, b in zip(cands, cands[1:])] + [cands[-1] + 1e-9]
    return max(mids, key=lambda t: (macro_f1(gold, [int(s >= t) for s in scores]), -abs(t - 0.5)))

def pearson(x, y):
    import numpy as np
    return float(np.corrcoef(x, y)[0, 1])

class Peers:
    def __init__(self):
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
        from textblob import TextBlob
        self.vader = SentimentIntensityAnalyzer()
        self.blob = TextBlob
    def vader_abs(self, texts): return [abs(self.vader.polarity_scores(t)["compound"]) for t in texts]
    def vader_compound(self, texts): return [self.vader.polarity_scores(t)["compound"] for t in texts]
    def blob_subj(self, texts): return [self.blob(t).sentiment.subjectivity for t in texts]
    def blob_polarity(self, texts): return [self.blob(t).sentiment.polarity for t in texts]

def threshold_peer(score_fn, fit, test):
    t = best_threshold(score_fn([x for x, _ in fit]), [y for _, y in fit])
    return macro_f1([y for _, y in test], [int(s >= t) for s in score_fn([x for x, _ in test])])

def tfidf_lr(fit, test):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    vec = TfidfVectorizer(sublinear_tf=True, min_df=2)
    X = vec.fit_transform([x for x, _ in fit])
    clf = LogisticRegression(max_iter=2000, C=1.0).fit(X, [y for _, y in fit])
    pred = clf.predict(vec.transform([x for x, _ in test]))
    return macro_f1([y for _, y in test], list(pred))

def slant_eval(slant, args):
    out = subprocess.run([slant, "eval", "--format", "json", *args], check=True, capture_output=True, text=True).stdout
    return json.loads(out)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True); ap.add_argument("--slant", required=True)
    ap.add_argument("--models", required=True); ap.add_argument("--output", required=True)
    a = ap.parse_args()
    D, S, M = a.data, a.slant, a.models
    peers = Peers()
    ct = os.path.join(D, "checkthat-subjectivity-en")
    babe = os.path.join(D, "babe", "sg2-dev.jsonl")
    nyt = os.path.join(D, "vader-nyt-editorial-snippets", "data.jsonl")
    pang = os.path.join(D, "pang-lee-2004-subjectivity", "data.jsonl")
    wiki = os.path.join(D, "wiki-npov-hube2019", "data.jsonl")
    ct_fit = binary(load(f"{ct}/train.jsonl") + load(f"{ct}/dev.jsonl"), "label")
    ct_test = binary(load(f"{ct}/dev_test.jsonl"), "label")
    babe_rows = load(babe)
    babe_fit = [r for r in babe_rows if fold(r["text"]) != 0]
    babe_test = [r for r in babe_rows if fold(r["text"]) == 0]
    rows = []  # (task, metric, slant built-in, slant trained, vader, textblob, tfidf, target)

    # 1. CheckThat
    ct_args = [f"{ct}/dev_test.jsonl", "--task", "subjectivity"]
    fit_ct = ["--fit-on", f"{ct}/train.jsonl", "--fit-on", f"{ct}/dev.jsonl"]
    rows.append(("CheckThat 2025 subjectivity, train+dev → dev_test", "macro-F1",
                 slant_eval(S, ct_args + fit_ct)["macroF1"], slant_eval(S, ct_args + ["--lexicons", M])["macroF1"],
                 threshold_peer(peers.vader_abs, ct_fit, ct_test), threshold_peer(peers.blob_subj, ct_fit, ct_test),
                 tfidf_lr(ct_fit, ct_test), "≥ 0.70"))
    # 2. BABE opinion and bias
    for task, field, label, target in [("subjectivity", "label_opinion", "BABE opinion (any) vs entirely factual, folds 1-4 → 0", "≥ 0.80"),
                                       ("bias", "label", "BABE biased vs non-biased, folds 1-4 → 0", "≥ 0.75")]:
        fit, test = binary(babe_fit, field), binary(babe_test, field)
        base = [babe, "--task", task, "--label-field", field, "--fold", "0"]
        built = slant_eval(S, base + ["--fit-on", babe, "--fit-folds", "1,2,3,4"])["macroF1"]
        # BABE opinion: the opinion model fitted on BABE folds 1-4 alone (models/babe), which
        # cross-validates better on BABE than the general model (train-default.sh says why).
        lexicons = f"{M}/babe" if task == "subjectivity" else M
        trained = slant_eval(S, base + ["--lexicons", lexicons])["macroF1"]
        rows.append((label, "macro-F1", built, trained, threshold_peer(peers.vader_abs, fit, test),
                     threshold_peer(peers.blob_subj, fit, test), tfidf_lr(fit, test), target))
    # 3. BABE loaded words: token F1 on fold 0; VADER's lexicon as a detector (|valence| ≥ t, t fitted on folds 1-4)
    lw = slant_eval(S, [babe, "--task", "loaded-words", "--fold", "0"])["tokens"]["f1"]
    lw_trained = slant_eval(S, [babe, "--task", "loaded-words", "--fold", "0", "--lexicons", M])["tokens"]["f1"]
    import re
    lex = peers.vader.lexicon
    def vader_tokens(rows, t):
        tp = fp = fn = 0
        for r in rows:
            gold = set()
            for sp in r["biased_word_spans"]:
                gold.add((sp["start"], sp["end"]))
            toks = [(m.start(), m.end(), m.group().lower()) for m in re.finditer(r"\w[\w'-]*", r["text"])]
            g = {(s, e) for s, e, _ in toks if any(a < e and s < b for a, b in gold)}
            p = {(s, e) for s, e, w in toks if abs(lex.get(w, 0)) >= t and lex.get(w, 0) != 0}
            tp += len(g & p); fp += len(p - g); fn += len(g - p)
        pr = tp / (tp + fp) if tp + fp else 0; rc = tp / (tp + fn) if tp + fn else 0
        return 2 * pr * rc / (pr + rc) if pr + rc else 0
    fit_rows = [r for r in babe_fit if r["label"] != "No agreement"]
    best_t = max([0.5, 1.0, 1.5, 2.0, 2.5, 3.0], key=lambda t: vader_tokens(fit_rows, t))
    rows.append(("BABE loaded words, token level, fold 0", "F1", lw, lw_trained, vader_tokens(babe_test, best_t), None, None, "≥ 0.40"))
    # 4. NYT valence
    nyt_rows = load(nyt)
    texts, gold = [r["text"] for r in nyt_rows], [r["label"] for r in nyt_rows]
    rows.append(("VADER NYT editorial snippets", "Pearson r", slant_eval(S, [nyt, "--task", "valence"])["pearson"], None,
                 pearson(peers.vader_compound(texts), gold), pearson(peers.blob_polarity(texts), gold), None, "≥ 0.55"))
    # 5. Out of domain, no refitting: thresholds and models from CheckThat / BABE as above
    pang_test = binary(load(pang), "label")
    rows.append(("Pang & Lee 2004 subjectivity (movies, out of domain)", "macro-F1",
                 slant_eval(S, [pang, "--task", "subjectivity"] + fit_ct)["macroF1"],
                 slant_eval(S, [pang, "--task", "subjectivity", "--lexicons", M])["macroF1"],
                 threshold_peer(peers.vader_abs, ct_fit, pang_test), threshold_peer(peers.blob_subj, ct_fit, pang_test),
                 tfidf_lr(ct_fit, pang_test), "—"))
    wiki_test = binary(load(wiki), "label")
    bfit = binary(babe_fit, "label")
    rows.append(("Wikipedia NPOV biased statements (out of domain)", "macro-F1",
                 slant_eval(S, [wiki, "--task", "bias", "--fit-on", babe, "--fit-folds", "1,2,3,4"])["macroF1"],
                 slant_eval(S, [wiki, "--task", "bias", "--lexicons", M])["macroF1"],
                 threshold_peer(peers.vader_abs, bfit, wiki_test), threshold_peer(peers.blob_subj, bfit, wiki_test),
                 tfidf_lr(bfit, wiki_test), "—"))

    # 6. NewsMTSC: sentiment toward a marked person, folds of the id, 1-4 → 0, three classes
    mtsc = os.path.join(D, "newsmtsc", "train.jsonl")
    mrows = load(mtsc)
    mfit = [r for r in mrows if fold(r["id"]) != 0]
    mtest = [r for r in mrows if fold(r["id"]) == 0]
    classes = ["negative", "neutral", "positive"]
    def macro3(gold, pred):
        f = []
        for c in classes:
            tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
            fp = sum(1 for g, p in zip(gold, pred) if g != c and p == c)
            fn = sum(1 for g, p in zip(gold, pred) if g == c and p != c)
            pr = tp / (tp + fp) if tp + fp else 0; rc = tp / (tp + fn) if tp + fn else 0
            f.append(2 * pr * rc / (pr + rc) if pr + rc else 0)
        return sum(f) / 3
    def three(v, n, p): return "negative" if v <= -n else ("positive" if v >= p else "neutral")
    def sentence_peer(score_fn):
        fs = score_fn([r["text"] for r in mfit]); ts = score_fn([r["text"] for r in mtest])
        mags = sorted(set(abs(v) for v in fs if v != 0))
        cands = sorted(set([1e-9] + [mags[int(q / 50 * (len(mags) - 1))] for q in range(50)]))
        gold = [r["label"] for r in mfit]
        n, p = max(((n, p) for n in cands for p in cands), key=lambda c: macro3(gold, [three(v, *c) for v in fs]))
        return macro3([r["label"] for r in mtest], [three(v, n, p) for v in ts])
    def tfidf_lr3():
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        vec = TfidfVectorizer(sublinear_tf=True, min_df=2)
        X = vec.fit_transform([r["text"] for r in mfit])
        clf = LogisticRegression(max_iter=2000, C=1.0).fit(X, [r["label"] for r in mfit])
        return macro3([r["label"] for r in mtest], list(clf.predict(vec.transform([r["text"] for r in mtest]))))
    mbase = [mtsc, "--task", "target-sentiment", "--fold", "0"]
    rows.append(("NewsMTSC sentiment toward a named person, folds 1-4 → 0 (fold of id)", "macro-F1 (3 classes)",
                 slant_eval(S, mbase + ["--fit-on", mtsc, "--fit-folds", "1,2,3,4"])["macroF1"],
                 slant_eval(S, mbase + ["--lexicons", M])["macroF1"],
                 sentence_peer(peers.vader_compound), sentence_peer(peers.blob_polarity), tfidf_lr3(), "≥ 0.65"))

    import importlib.metadata as md
    versions = ", ".join(f"{p} {md.version(p)}" for p in ["vaderSentiment", "textblob", "scikit-learn"])
    def f(v): return "—" if v is None else f"{v:.3f}"
    out = ["# Accuracy against human labels", "",
           "Generated by `scripts/eval.sh` (do not edit by hand); every number below comes from one run of it, on the splits of",
           "`../shared/data/README.md`: fold = int(sha1(\"fold:\" + text), 16) % 5, fold 0 reported; CheckThat fitted on",
           "train+dev and reported on dev_test; out-of-domain sets use the thresholds and models fitted on CheckThat (Pang & Lee)",
           "and BABE folds 1-4 (Wikipedia), with no refitting.", "",
           "- **Slant built-in**: the hand-set model embedded in `slant` (lexicons/scoring.tsv), its threshold chosen on the",
           "  same training data as the peers' (`slant eval --fit-on`).",
           "- **Slant trained**: the models `scripts/train-default.sh` writes to `models/` (`slant train`: general opinion",
           "  model on CheckThat train+dev and BABE folds 1-4, used for CheckThat and Pang & Lee; BABE opinion model on BABE",
           "  folds 1-4 alone (`models/babe`), used for BABE opinion; bias model and learned loaded words on BABE folds 1-4;",
           "  target model on NewsMTSC folds 1-4), applied with `--lexicons models` (`--lexicons models/babe` for BABE opinion);",
           "  thresholds chosen by cross-validation on the training data. Not embedded: see the README on licenses.",
           "- **VADER** |compound| and **TextBlob** subjectivity (polarity for valence), one threshold fitted on the training",
           "  data; for NewsMTSC the sentence's compound / polarity with two cut-offs fitted on folds 1-4 (they see the",
           "  sentence, not the target); **TF-IDF LR**: scikit-learn logistic regression on sublinear TF-IDF, fitted on the",
           "  training data (multinomial for NewsMTSC).",
           f"- Peers: {versions}.", "",
           "| task | metric | Slant built-in | Slant trained | VADER | TextBlob | TF-IDF LR | target |",
           "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        out.append(f"| {r[0]} | {r[1]} | {f(r[2])} | {f(r[3])} | {f(r[4])} | {f(r[5])} | {f(r[6])} | {r[7]} |")
    out.append("")
    with open(a.output, "w", encoding="utf-8") as fh:
        fh.write("\n".join(out))
    print("\n".join(out))

if __name__ == "__main__":
    main()
