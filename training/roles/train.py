"""Build the learned priors and train the linear role-filler classifier on MUC-4 train.

    python training/roles/train.py [--shared /work/shared] [--cache /tmp/roles_train.spacy]

Writes src/rashomon/data/roles/priors.json.gz and model.json.gz. Only train.json is read;
the decoding thresholds and the mention chooser are fitted on 5-fold cross-validated
predictions over train. About 3 min on 2 cores when idle (7-15 min when shared; parsing
the 1300 documents adds ~2 min without --cache). Deterministic.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from spacy.tokens import DocBin

from rashomon.eval.ceaf import merge_templates, score as ceaf_score
from rashomon.extract.roles.candidates import candidates, featurize, norm, pool
from rashomon.extract.roles.decode import aliases, decode, member_features
from rashomon.extract.roles.model import doc_features, role_max_features, score_doc, score_learned
from rashomon.extract.roles.lexicon import MUC_ROLES
from rashomon.nlp.model import load_nlp

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "src" / "rashomon" / "data" / "roles"
N_FOLDS = 5


def log(*a):
    print(time.strftime("%H:%M:%S"), *a, file=sys.stderr, flush=True)


def build_priors(items) -> dict:
    """items: (candidate keys, head lemmas, gold role -> set of keys, victim name tokens)."""
    s_n, h_n = Counter(), Counter()
    s_r, h_r = defaultdict(Counter), defaultdict(Counter)
    names = Counter()
    for keys, heads, gold in items:
        gold_keys = {role: set(v) for role, v in gold.items()}
        for k in set(keys):
            s_n[k] += 1
            for role in MUC_ROLES:
                if k in gold_keys[role]:
                    s_r[k][role] += 1
        for h, hk in set(heads):
            h_n[h] += 1
        role_heads = {role: {hk for (h, hk) in heads if hk in gold_keys[role]} for role in MUC_ROLES}
        done = set()
        for h, hk in set(heads):
            for role in MUC_ROLES:
                if hk in gold_keys[role] and (h, role) not in done:
                    h_r[h][role] += 1
                    done.add((h, role))
        for k in gold_keys["Victim"]:
            for w in k.split():
                names[w] += 1
    string = {k: {"n": n, **s_r[k]} for k, n in s_n.items() if s_r[k] or n >= 3}
    head = {h: {"n": n, **h_r[h]} for h, n in h_n.items() if h_r[h] or n >= 3}
    return {"string": string, "head": head, "name_tokens": sorted(w for w, c in names.items() if c >= 1 and len(w) > 2)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(REPO.parent / "shared"))
    ap.add_argument("--cache", default=None, help="DocBin of the parsed train docs (made if missing)")
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--dump", default=None, help="write held-out fold predictions here (error analysis)")
    ap.add_argument("--l2", type=float, default=1e-5)
    ap.add_argument("--out", default=str(DATA), help="where to write model.json.gz and priors.json.gz")
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--save-cv", default=None, help="pickle the cross-validated scores (decoder experiments)")
    ap.add_argument("--drop", nargs="*", default=[], help="feature prefixes to leave out (ablation)")
    args = ap.parse_args()
    nlp = load_nlp()
    rows = [json.loads(line) for line in open(Path(args.shared) / "data/muc4/processed/train.json", encoding="utf-8")]
    if args.cache and Path(args.cache).exists():
        docs = list(DocBin().from_disk(args.cache).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe((r["doctext"] for r in rows), batch_size=32))
        if args.cache:
            db = DocBin(store_user_data=False)
            for d in docs:
                db.add(d)
            db.to_disk(args.cache)
    log("parsed", len(docs))
    golds, cands_all = [], []
    for r, d in zip(rows, docs):
        merged = merge_templates(r["templates"])
        golds.append({role: {norm(m) for e in merged[role] for m in e} for role in MUC_ROLES})
        cands_all.append(candidates(d))
    rng = random.Random(13)
    fold = [rng.randrange(N_FOLDS) for _ in rows]

    def items(idx):
        out = []
        for i in idx:
            cs = cands_all[i]
            out.append(([c.key for c in cs], [(docs[i][c.head].lemma_.lower(), c.key) for c in cs], golds[i]))
        return out

    keys_all = [None] * len(rows)
    # fold-wise priors for the training features (no leakage of a doc's own gold)
    for k in range(N_FOLDS):
        pri = build_priors(items([i for i in range(len(rows)) if fold[i] != k]))
        for i in range(len(rows)):
            if fold[i] == k:
                featurize(docs[i], cands_all[i], pri)
                keys_all[i] = pool(cands_all[i])
    log("featurized", sum(len(c) for c in cands_all), "candidates")

    def labels(i):
        return np.array([[c.key in golds[i][role] for role in MUC_ROLES] for c in keys_all[i]], dtype=np.float32)

    def fit(feats: list[list[str]], Y: np.ndarray, epochs: int) -> dict:
        counts = Counter(f for fs in feats for f in set(fs))
        drop = tuple(args.drop)
        vocab = {f: j + 1 for j, f in enumerate(sorted(
            f for f, n in counts.items() if n >= args.min_count and not (drop and f.startswith(drop))))}
        rows_f = [[vocab[f] for f in set(fs) if f in vocab] for fs in feats]
        width = max(len(r) for r in rows_f)
        X = np.zeros((len(rows_f), width), dtype=np.int32)
        for n, r in enumerate(rows_f):
            X[n, : len(r)] = r
        W = np.zeros((len(vocab) + 1, Y.shape[1]), dtype=np.float64)
        G = np.full_like(W, 1e-8)
        lr, bs = 0.1, 256
        order = np.arange(len(X))
        nprng = np.random.default_rng(0)
        for ep in range(epochs):
            nprng.shuffle(order)
            for b in range(0, len(order), bs):
                sel = order[b : b + bs]
                xb = X[sel]
                z = W[xb].sum(axis=1)
                p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
                err = p - Y[sel]
                grad = np.zeros_like(W)
                np.add.at(grad, xb.ravel(), np.repeat(err, xb.shape[1], axis=0))
                grad[0] = 0
                grad += args.l2 * W
                G += grad**2
                W -= lr * grad / np.sqrt(G)
        inv = {j: f for f, j in vocab.items()}
        return {inv[j]: [round(float(v), 4) for v in W[j]] for j in range(1, len(W)) if np.abs(W[j]).max() > 1e-3}

    def train(idx):
        feats = [c.feats for i in idx for c in keys_all[i]]
        return fit(feats, np.concatenate([labels(i) for i in idx]), args.epochs)

    doc_feats = [doc_features(d) for d in docs]
    doc_y = np.array([[float(any(golds[i][r] for r in MUC_ROLES))] for i in range(len(rows))])

    def train_doc(idx):
        return fit([doc_feats[i] for i in idx], doc_y[idx], 20)


    # cross-validated probabilities on all of train, to tune the decoding thresholds
    probs, pdoc = {}, {}
    for k in range(N_FOLDS):
        tr = [i for i in range(len(rows)) if fold[i] != k]
        w, wd = train(tr), train_doc(tr)
        for i in range(len(rows)):
            if fold[i] == k:
                probs[i] = score_learned(keys_all[i], w)
                pdoc[i] = float(score_doc(doc_feats[i], wd))
        log("fold", k)
    # stacked relevance gate: lemmas + the strongest candidate score per role (cross-validated)
    for i in range(len(rows)):
        doc_feats[i] = doc_feats[i] + role_max_features(probs[i])
    for k in range(N_FOLDS):
        wd = train_doc([i for i in range(len(rows)) if fold[i] != k])
        for i in range(len(rows)):
            if fold[i] == k:
                pdoc[i] = float(score_doc(doc_feats[i], wd))
    held = list(range(len(rows)))
    alias = {i: aliases(docs[i]) for i in held}
    gold_docs = {rows[i]["docid"]: {"templates": rows[i]["templates"]} for i in held}
    thresholds = {role: 0.3 for role in MUC_ROLES}
    thresholds["doc"] = 0.0

    def pred_docs(th, roles=None, cache=None):
        out = {}
        for i in held:
            t = {role: [] for role in MUC_ROLES}
            if pdoc[i] >= th["doc"]:
                ents = cache[i] if cache is not None else decode(keys_all[i], probs[i], th, alias[i], roles=roles)
                for e in ents:
                    t[e.role].append([e.cand.text])
            out[rows[i]["docid"]] = {"templates": [t]}
        return out

    # a role's F1 depends only on its own threshold and the gate: sweep one role at a time,
    # and sweep the gate over entities decoded once
    for _ in range(2):
        for role in (*MUC_ROLES, "doc"):
            best = (-1.0, 0.5)
            cache = {i: decode(keys_all[i], probs[i], thresholds, alias[i]) for i in held} if role == "doc" else None
            for tau in np.arange(0.05, 0.8, 0.05):
                th = dict(thresholds, **{role: float(tau)})
                m = ceaf_score(gold_docs, pred_docs(th, roles=None if role == "doc" else (role,), cache=cache))
                f = m["micro"]["f1"] if role == "doc" else m[role]["f1"]
                if f > best[0] + 1e-9:
                    best = (f, float(tau))
            thresholds[role] = round(best[1], 2)
    m0 = ceaf_score(gold_docs, pred_docs(thresholds))
    log("cross-validated, best-scoring mention", {k: round(v["f1"] * 100, 1) for k, v in m0.items()})

    # mention choice: which member of a predicted entity to output (learned on the
    # cross-validated entities; members labelled by whether they are a gold mention)
    ents_cv = {i: decode(keys_all[i], probs[i], thresholds, alias[i]) for i in held}

    def chooser_data(idx):
        feats, ys = [], []
        for i in idx:
            for e in ents_cv[i]:
                lab = [m in golds[i][e.role] for m in e.members]
                if len(e.members) < 2 or not any(lab):
                    continue
                for j in range(len(e.members)):
                    feats.append(member_features(e, j))
                    ys.append([float(lab[j])])
        return feats, np.array(ys, dtype=np.float32)

    def train_chooser(idx):
        feats, ys = chooser_data(idx)
        return {f: w[0] for f, w in fit(feats, ys, 10).items()}

    chooser_cv = {}
    for k in range(N_FOLDS):
        ck = train_chooser([i for i in held if fold[i] != k])
        for i in held:
            if fold[i] == k:
                chooser_cv[i] = decode(keys_all[i], probs[i], thresholds, alias[i], chooser=ck)
    m = ceaf_score(gold_docs, pred_docs(thresholds, cache=chooser_cv))
    log("cross-validated, learned mention choice", {k: round(v["f1"] * 100, 1) for k, v in m.items()})
    chooser = train_chooser(held) if m["micro"]["f1"] > m0["micro"]["f1"] else None
    if args.save_cv:
        import pickle

        with open(args.save_cv, "wb") as fh:
            pickle.dump({"keys": keys_all, "probs": probs, "pdoc": pdoc, "alias": alias,
                         "gold": gold_docs, "docids": [r["docid"] for r in rows]}, fh)
    if args.dump:
        dump = {}
        for i in held:
            ents = decode(keys_all[i], probs[i], {r: 0.05 for r in MUC_ROLES}, alias[i])
            dump[rows[i]["docid"]] = {"gold": merge_templates(rows[i]["templates"]),
                                      "pdoc": round(pdoc[i], 3), "pred": [[e.role, e.key, round(e.score, 3), e.members] for e in ents]}
        Path(args.dump).write_text(json.dumps(dump, indent=0))
    log("cross-validated thresholds", thresholds, {k: round(v["f1"] * 100, 1) for k, v in m.items()})

    # final: priors and weights from all of train (features keep the fold-wise priors)
    w = train(list(range(len(rows))))
    wd = train_doc(list(range(len(rows))))
    priors = build_priors(items(range(len(rows))))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "priors.json.gz").write_bytes(gzip.compress(json.dumps(priors, sort_keys=True).encode(), mtime=0))
    model = {"weights": w, "doc_weights": wd, "thresholds": thresholds}
    if chooser:
        model["chooser"] = chooser
    (out / "model.json.gz").write_bytes(gzip.compress(json.dumps(model, sort_keys=True).encode(), mtime=0))
    log("wrote", out / "model.json.gz", len(w), "features")


if __name__ == "__main__":
    main()
