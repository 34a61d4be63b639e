"""Build the learned priors and train the linear role-filler classifier on MUC-4 train.

    python training/roles/train.py [--shared /work/shared] [--cache /tmp/roles_train.spacy]

Writes src/rashomon/data/roles/priors.json.gz and model.json.gz. Only train.json is read;
the decoding thresholds and the mention chooser are fitted on 5-fold cross-validated
predictions over train. About 3 min on 2 cores when idle (5-7 min when shared; parsing
the 1300 documents adds ~2 min without --cache). Deterministic. The shipped model.json.gz was
trained on the candidate features of 2026-11-25; features changed since (news rules), so a
retrain now differs (train CV 47.1, MUC-4 dev 47.61 against the shipped file's 49.17) and the
shipped file is kept (docs/notes/muc4.md, session 9).

With the span encoder (``--encoder-probs FILE --doc-encoder --stack --out-suffix _encoder``, the
file made by ``train_role_encoder.py``): the role model of the encoder pipeline, model_encoder.json.gz.

Options kept for experiments (all measured in docs/notes/muc4.md, none shipped): ``--models
pool,mil`` (adds a multi-instance member: context features scored per occurrence and
max-pooled per string), ``--tensors FILE`` (dense tok2vec vectors per occurrence in the
multi-instance member), ``--alphas 0 1 1.5`` (soft relevance gate), ``--split`` (own
threshold for a role's second and further entities), ``--relevant-only``. The relevance
gate's feature groups: ``--doc-parts`` (default ``lemma,lead,bigram,count``, round 4;
``--doc-parts lemma --doc-min-count 2`` reproduces the round-2 gate). Round 5 (not shipped):
``--gate-weight stakes|any`` (stacked gate's loss weighted by the entities a report's decision
puts at stake), ``--models pool,pool1,pool2`` (the pooled model with other shuffling seeds,
averaged; ``--average`` merges them into one mean-weight model).
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
from rashomon.extract.roles.model import DOC_PARTS, OCC_PREFIXES, Linear, dense_occ, doc_features, occ_feats, role_max_features, score_doc, score_learned
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
    ap.add_argument("--kdrop", nargs="*", default=None, help="pooled-feature prefixes left to the occurrence model")
    ap.add_argument("--tensors", default=None, help="npz of doc.tensor per train doc (made if missing): dense occurrence features")
    ap.add_argument("--alphas", type=float, nargs="*", default=[0.0],
                    help="soft-gate exponents tried (scores x relevance ** alpha; 0 = hard gate only)")
    ap.add_argument("--relevant-only", action="store_true",
                    help="train the role model on reports with a template only (P(role | relevant); soft gate)")
    ap.add_argument("--step", type=float, default=0.05, help="threshold grid step")
    ap.add_argument("--split", action="store_true", help="own threshold for entities after a role's best one")
    ap.add_argument("--models", default="pool", help="ensemble members, averaged: pool (string features pooled "
                    "over occurrences) and/or mil (context scored per occurrence, max-pooled), e.g. pool,mil")
    ap.add_argument("--doc-parts", default="lemma,lead,bigram,count",
                    help="relevance-gate feature groups (model.doc_features); round 2 model: lemma")
    ap.add_argument("--doc-min-count", type=int, default=3, help="feature min count of the gate (round 2: 2)")
    ap.add_argument("--gate-weight", default="none", choices=["none", "stakes", "any"],
                    help="weight each report in the stacked gate's loss by the entities its decision puts at stake")
    ap.add_argument("--gate-w0", type=float, default=1.0, help="base weight of a report (--gate-weight)")
    ap.add_argument("--gate-tau", type=float, default=0.2, help="role threshold for counting entities at stake")
    ap.add_argument("--fold-seed", type=int, default=13, help="seed of the 5-fold split (13: the shipped model)")
    ap.add_argument("--average", action="store_true", help="merge the pool members (seeds) into one mean-weight model")
    ap.add_argument("--encoder-probs", default=None, help="JSONL of out-of-sample role-encoder word probabilities "
                    "per train report (train_role_encoder.py --probs-out): binned candidate features")
    ap.add_argument("--doc-encoder", action="store_true", help="the encoder's report-level features in the gate")
    ap.add_argument("--stack", action="store_true", help="late fusion of role-model and encoder scores per role")
    ap.add_argument("--no-key-features", action="store_true", help="no binned encoder features on the candidates")
    ap.add_argument("--out-suffix", default="", help="model<suffix>.json.gz (e.g. _encoder)")
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
    rng = random.Random(args.fold_seed)
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
    if args.encoder_probs:
        from rashomon.extract.roles.encoded import add_features

        enc = {}
        for line in open(args.encoder_probs, encoding="utf-8"):
            row = json.loads(line)
            enc[row["docid"]] = row["words"]
        missing = [r["docid"] for r in rows if r["docid"] not in enc]
        if missing:
            sys.exit(f"no encoder probabilities for {len(missing)} reports, e.g. {missing[:3]}")
        if not args.no_key_features:
            for i, r in enumerate(rows):
                add_features(docs[i], keys_all[i], enc[r["docid"]])
            log("encoder features added")
    dense_all = None
    if args.tensors:
        if not Path(args.tensors).exists():  # the DocBin cache does not keep doc.tensor
            tens = {str(n): d.tensor.astype(np.float16) for n, d in enumerate(
                nlp.pipe((r["doctext"] for r in rows), batch_size=32))}
            np.savez(args.tensors, **tens)
        tens = np.load(args.tensors)
        dense_all = []
        for i in range(len(rows)):
            occs = [c for k in keys_all[i] for c in k.occurrences]
            dense_all.append(dense_occ(docs[i], occs, tensor=tens[str(i)]))
        log("dense occurrence vectors", sum(len(x) for x in dense_all))

    def labels(i):
        return np.array([[c.key in golds[i][role] for role in MUC_ROLES] for c in keys_all[i]], dtype=np.float32)

    def fit(feats: list[list[str]], Y: np.ndarray, epochs: int, min_count: int | None = None,
            weights: np.ndarray | None = None, seed: int = 0) -> dict:
        min_count = args.min_count if min_count is None else min_count
        counts = Counter(f for fs in feats for f in set(fs))
        drop = tuple(args.drop)
        vocab = {f: j + 1 for j, f in enumerate(sorted(
            f for f, n in counts.items() if n >= min_count and not (drop and f.startswith(drop))))}
        rows_f = [[vocab[f] for f in set(fs) if f in vocab] for fs in feats]
        width = max(len(r) for r in rows_f)
        X = np.zeros((len(rows_f), width), dtype=np.int32)
        for n, r in enumerate(rows_f):
            X[n, : len(r)] = r
        W = np.zeros((len(vocab) + 1, Y.shape[1]), dtype=np.float64)
        G = np.full_like(W, 1e-8)
        lr, bs = 0.1, 256
        order = np.arange(len(X))
        nprng = np.random.default_rng(seed)
        for ep in range(epochs):
            nprng.shuffle(order)
            for b in range(0, len(order), bs):
                sel = order[b : b + bs]
                xb = X[sel]
                z = W[xb].sum(axis=1)
                p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
                err = p - Y[sel]
                if weights is not None:
                    err = err * weights[sel][:, None]
                grad = np.zeros_like(W)
                np.add.at(grad, xb.ravel(), np.repeat(err, xb.shape[1], axis=0))
                grad[0] = 0
                grad += args.l2 * W
                G += grad**2
                W -= lr * grad / np.sqrt(G)
        inv = {j: f for f, j in vocab.items()}
        return {inv[j]: [round(float(v), 4) for v in W[j]] for j in range(1, len(W)) if np.abs(W[j]).max() > 1e-3}

    def padded(rows_f):
        X = np.zeros((len(rows_f), max(1, max(len(r) for r in rows_f))), dtype=np.int32)
        for n, r in enumerate(rows_f):
            X[n, : len(r)] = r
        return X

    def fit_mil(kfeats, ofeats, counts, Y, epochs, D=None):
        """Multi-instance logistic regression: z(string) = w . pooled features
        + max over the string's occurrences of v . occurrence features (Adagrad, L2)."""
        drop = tuple(args.drop)
        kdrop = drop + tuple(OCC_PREFIXES if args.kdrop is None else args.kdrop)

        def vocab_of(feats, drop):
            cnt = Counter(f for fs in feats for f in set(fs))
            return {f: j + 1 for j, f in enumerate(sorted(
                f for f, n in cnt.items() if n >= args.min_count and not (drop and f.startswith(drop))))}

        vk, vo = vocab_of(kfeats, kdrop), vocab_of(ofeats, drop)
        Xk = padded([[vk[f] for f in set(fs) if f in vk] for fs in kfeats])
        Xo = padded([[vo[f] for f in set(fs) if f in vo] for fs in ofeats])
        counts = np.asarray(counts, dtype=np.int64)
        start = np.cumsum(counts) - counts
        R = Y.shape[1]
        W, V = np.zeros((len(vk) + 1, R)), np.zeros((len(vo) + 1, R))
        GW, GV = np.full_like(W, 1e-8), np.full_like(V, 1e-8)
        U = np.zeros((D.shape[1], R)) if D is not None else None
        GU = np.full_like(U, 1e-8) if D is not None else None
        lr, bs = 0.1, 256
        order = np.arange(len(Xk))
        nprng = np.random.default_rng(0)

        def scatter(X, vals, size):
            flat = X.ravel()
            rep = np.repeat(vals, X.shape[1], axis=0)
            g = np.stack([np.bincount(flat, weights=rep[:, r], minlength=size) for r in range(R)], axis=1)
            g[0] = 0
            return g

        for ep in range(epochs):
            nprng.shuffle(order)
            for b in range(0, len(order), bs):
                sel = order[b : b + bs]
                L = counts[sel]
                offs = np.cumsum(L) - L
                oidx = np.repeat(start[sel] - offs, L) + np.arange(L.sum())
                xo = Xo[oidx]
                so = V[xo].sum(axis=1)
                if D is not None:
                    do = D[oidx].astype(np.float64)
                    so = so + do @ U
                mx = np.maximum.reduceat(so, offs, axis=0)
                local = np.repeat(np.arange(len(sel)), L)
                mask = (so == mx[local]).astype(np.float64)
                ties = np.add.reduceat(mask, offs, axis=0)
                xk = Xk[sel]
                z = W[xk].sum(axis=1) + mx
                err = 1 / (1 + np.exp(-np.clip(z, -30, 30))) - Y[sel]
                gw = scatter(xk, err, len(W)) + args.l2 * W
                go = mask * (err / ties)[local]
                gv = scatter(xo, go, len(V)) + args.l2 * V
                if D is not None:
                    gu = do.T @ go + args.l2 * U
                    GU += gu**2
                    U -= lr * gu / np.sqrt(GU)
                GW += gw**2
                GV += gv**2
                W -= lr * gw / np.sqrt(GW)
                V -= lr * gv / np.sqrt(GV)

        def out(vocab, M):
            inv = {j: f for f, j in vocab.items()}
            return {inv[j]: [round(float(v), 4) for v in M[j]] for j in range(1, len(M)) if np.abs(M[j]).max() > 1e-3}

        return out(vk, W), out(vo, V), (np.round(U, 4).astype(np.float32) if U is not None else None)

    def train(idx) -> list[dict]:
        """The ensemble members: {"weights", "occ_weights"?, "occ_dense"?} each."""
        if args.relevant_only:
            idx = [i for i in idx if doc_y[i, 0] > 0]
        feats = [c.feats for i in idx for c in keys_all[i]]
        Y = np.concatenate([labels(i) for i in idx])
        members = []
        for kind in args.models.split(","):
            if kind.startswith("pool"):  # pool, pool1, pool2...: the same model with another shuffling seed
                members.append({"weights": fit(feats, Y, args.epochs, seed=int(kind[4:] or 0))})
                continue
            ofeats = [occ_feats(c) for i in idx for k in keys_all[i] for c in k.occurrences]
            counts = [len(k.occurrences) for i in idx for k in keys_all[i]]
            D = np.concatenate([dense_all[i] for i in idx]) if dense_all else None
            w, v, U = fit_mil(feats, ofeats, counts, Y, args.epochs, D)
            members.append({"weights": w, "occ_weights": v} | ({"occ_dense": U} if U is not None else {}))
        if args.average and len(members) > 1 and all(set(m) == {"weights"} for m in members):
            # one linear model: the mean of the members' weights (= the mean of their logits)
            names = sorted(set().union(*(m["weights"] for m in members)))
            zero = [0.0] * len(MUC_ROLES)
            avg = {f: [round(sum(m["weights"].get(f, zero)[r] for m in members) / len(members), 4)
                       for r in range(len(MUC_ROLES))] for f in names}
            members = [{"weights": {f: w for f, w in avg.items() if max(abs(x) for x in w) > 1e-3}}]
        return members

    def predict(members, i):
        return np.mean([score_learned(keys_all[i], m["weights"], m.get("occ_weights"),
                                      dense_all[i] if dense_all else None, m.get("occ_dense")) for m in members], axis=0)

    doc_parts = tuple(args.doc_parts.split(","))
    doc_feats = [doc_features(d, doc_parts) for d in docs]
    if args.encoder_probs and args.doc_encoder:
        from rashomon.extract.roles.encoded import doc_features as encoder_doc_features

        doc_feats = [f + encoder_doc_features(enc[r["docid"]]) for f, r in zip(doc_feats, rows)]
    doc_y = np.array([[float(any(golds[i][r] for r in MUC_ROLES))] for i in range(len(rows))])

    doc_w = None  # per-report loss weights of the stacked gate (--gate-weight)

    def train_doc(idx):
        w = None
        if doc_w is not None:
            w = doc_w[idx]
            w = w / w.mean()
        return fit([doc_feats[i] for i in idx], doc_y[idx], 20, args.doc_min_count, w)


    # cross-validated probabilities on all of train, to tune the decoding thresholds
    probs, pdoc = {}, {}
    for k in range(N_FOLDS):
        tr = [i for i in range(len(rows)) if fold[i] != k]
        members, wd = train(tr), train_doc(tr)
        members = [{k2: Linear(v2) if isinstance(v2, dict) else v2 for k2, v2 in m.items()} for m in members]
        for i in range(len(rows)):
            if fold[i] == k:
                probs[i] = predict(members, i)
                pdoc[i] = float(score_doc(doc_feats[i], wd))
        log("fold", k)
    stack_w = None
    if args.encoder_probs and args.stack:  # late fusion with the encoder's own score, fitted on the CV scores
        from rashomon.extract.roles.encoded import fit_stack, key_probs, stack

        enc_keys = {i: key_probs(docs[i], keys_all[i], enc[r["docid"]])[0] for i, r in enumerate(rows)}
        stack_w = fit_stack(np.concatenate([probs[i] for i in range(len(rows))]),
                            np.concatenate([enc_keys[i] for i in range(len(rows))]),
                            np.concatenate([labels(i) for i in range(len(rows))]))
        log("stack weights", stack_w)
        probs = {i: stack(probs[i], enc_keys[i], stack_w) for i in probs}
    # stacked relevance gate: lemmas + the strongest candidate score per role (cross-validated)
    for i in range(len(rows)):
        doc_feats[i] = doc_feats[i] + role_max_features(probs[i])
    if args.gate_weight != "none":
        # what a report's gate decision puts at stake (cross-validated entities at the usual
        # 0.2 threshold): its correct entities if it has a template, else its false ones
        doc_w = np.zeros(len(rows))
        al0 = {r: args.gate_tau for r in MUC_ROLES}
        for i in range(len(rows)):
            ents = decode(keys_all[i], probs[i], al0, None)
            if doc_y[i, 0] > 0:
                n = sum(e.key in golds[i][e.role] for e in ents)
            else:
                n = len(ents)
            doc_w[i] = args.gate_w0 + (n if args.gate_weight == "stakes" else min(n, 1))
    for k in range(N_FOLDS):
        wd = train_doc([i for i in range(len(rows)) if fold[i] != k])
        for i in range(len(rows)):
            if fold[i] == k:
                pdoc[i] = float(score_doc(doc_feats[i], wd))
    held = list(range(len(rows)))
    alias = {i: aliases(docs[i]) for i in held}
    gold_docs = {rows[i]["docid"]: {"templates": rows[i]["templates"]} for i in held}
    def pred_docs(th, cache):
        out = {}
        for i in held:
            t = {role: [] for role in MUC_ROLES}
            if pdoc[i] >= th["doc"]:
                for e in cache[i]:
                    t[e.role].append([e.cand.text])
            out[rows[i]["docid"]] = {"templates": [t]}
        return out

    # Decoding thresholds, tuned on the cross-validated scores. Scaling a document's scores
    # (soft gate: x relevance ** alpha) keeps their order, so the entities are decoded once at
    # a low threshold and each setting only filters them: (role, score, rank in role, mention).
    low = {role: 0.02 for role in MUC_ROLES}
    fast = {i: [(e.role, e.score, n, e.cand.text) for role in MUC_ROLES
                for n, e in enumerate(decode(keys_all[i], probs[i], low, alias[i], roles=(role,)))] for i in held}

    def fast_score(th, roles=MUC_ROLES):
        out = {}
        for i in held:
            t = {role: [] for role in MUC_ROLES}
            if pdoc[i] >= th["doc"]:
                gain = pdoc[i] ** th["alpha"] if th["alpha"] else 1.0
                for role, sc, n, text in fast[i]:
                    if role in roles and sc * gain >= th[role if n == 0 else role + "_rest"]:
                        t[role].append([text])
            out[rows[i]["docid"]] = {"templates": [t]}
        return ceaf_score(gold_docs, out)

    grid = [round(float(x), 3) for x in np.arange(args.step, 0.8, args.step)]
    best_all = None
    for alpha in args.alphas:
        th = {"alpha": alpha, "doc": 0.0, **{r: 0.3 for r in MUC_ROLES}, **{r + "_rest": 0.3 for r in MUC_ROLES}}
        for _ in range(2):
            for name in (*MUC_ROLES, *(r + "_rest" for r in MUC_ROLES if args.split), "doc"):
                role = name.split("_")[0]
                best = (-1.0, th[name])
                for tau in (([0.0] if alpha else []) + grid if name == "doc" else grid):
                    tied = {} if args.split or name == "doc" else {name + "_rest": tau}
                    m = fast_score(dict(th, **{name: tau}, **tied), MUC_ROLES if name == "doc" else (role,))
                    f = m["micro" if name == "doc" else role]["f1"]
                    if f > best[0] + 1e-9:
                        best = (f, tau)
                th[name] = best[1]
                if not args.split and name != "doc":
                    th.pop(name + "_rest")
                    th[name + "_rest"] = best[1]
        f = fast_score(th)["micro"]["f1"]
        log("alpha", alpha, "cross-validated micro F1", round(f * 100, 2))
        if best_all is None or f > best_all[0] + 1e-9:
            best_all = (f, th)
    thresholds = best_all[1]
    if not args.split:
        for r in MUC_ROLES:
            thresholds.pop(r + "_rest")
    # news text (no gate): score as a typical relevant report
    if thresholds["alpha"]:
        thresholds["rel_news"] = round(float(np.median([pdoc[i] for i in held if doc_y[i, 0] > 0])), 3)
    else:
        del thresholds["alpha"]
    ents_cv = {i: decode(keys_all[i], probs[i], thresholds, alias[i], relevance=pdoc[i]) for i in held}
    m0 = ceaf_score(gold_docs, pred_docs(thresholds, ents_cv))
    log("cross-validated, best-scoring mention", {k: round(v["f1"] * 100, 1) for k, v in m0.items()})

    # mention choice: which member of a predicted entity to output (learned on the
    # cross-validated entities; members labelled by whether they are a gold mention)
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
                chooser_cv[i] = decode(keys_all[i], probs[i], thresholds, alias[i], chooser=ck, relevance=pdoc[i])
    m = ceaf_score(gold_docs, pred_docs(thresholds, chooser_cv))
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
    m_out = m if chooser else m0
    gate_acc = np.mean([(pdoc[i] >= thresholds["doc"]) == (doc_y[i, 0] > 0) for i in held])
    log("cross-validated thresholds", thresholds, "gate accuracy", round(float(gate_acc) * 100, 1),
        {k: (round(v["p"] * 100, 1), round(v["r"] * 100, 1), round(v["f1"] * 100, 1)) for k, v in m_out.items()})

    # final: priors and weights from all of train (features keep the fold-wise priors)
    members = train(list(range(len(rows))))
    wd = train_doc(list(range(len(rows))))
    priors = build_priors(items(range(len(rows))))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "priors.json.gz").write_bytes(gzip.compress(json.dumps(priors, sort_keys=True).encode(), mtime=0))
    for m in members:
        if "occ_dense" in m:
            m["occ_dense"] = [[float(x) for x in row] for row in m["occ_dense"]]
    model = {"doc_weights": wd, "thresholds": thresholds}
    if args.encoder_probs:  # what the role encoder feeds at run time
        model["encoder"] = {"key_features": not args.no_key_features, "doc": args.doc_encoder, "stack": stack_w}
    if doc_parts != DOC_PARTS:
        model["doc_parts"] = list(doc_parts)
    if len(members) == 1:
        model.update(members[0])
    else:
        model["members"] = members
    if chooser:
        model["chooser"] = chooser
    (out / f"model{args.out_suffix}.json.gz").write_bytes(gzip.compress(json.dumps(model, sort_keys=True).encode(), mtime=0))
    log("wrote", out / f"model{args.out_suffix}.json.gz", [len(m["weights"]) + len(m.get("occ_weights", {})) for m in members], "features")


if __name__ == "__main__":
    main()
