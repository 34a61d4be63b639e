"""Train the statement-type model (``rashomon/data/stance/type_model.json.gz``).

Reads the hand-annotated news reports (``tests/data/reports*/``: each ``NAME.json`` lists the
statements of ``NAME.txt`` with their type), runs the pipeline with the rules alone (no model), pairs each
expected statement with the statement found (the matching of ``rashomon eval reports``), and fits
a multinomial logistic regression (L2, full-batch gradient descent, numpy) on
:func:`rashomon.extract.stance_model.features`. Leave-one-set-out cross-validation (each report set
was written by a different hand in a different session) chooses the margin above which the model's type
is given to a statement no rule decides (else "other"), and prints the type accuracy of the rules
alone and of rules + model per held-out set. The model is fitted on the statements no rule decides.

    python training/stance/train_types.py [--cache /tmp/stance_samples.json] [--sets reports reports_unseen ...]
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
OUT = ROOT / "src" / "rashomon" / "data" / "stance" / "type_model.json.gz"
L2 = 0.3
MIN_COUNT = 2
MIN_TRUSTED = 30
MARGINS = (0.0, 0.4, 0.5, 0.6, 0.7)


def collect(sets: list[str]) -> list[dict]:
    """One sample per expected statement that the pipeline finds: its set, features, gold type and the rules'
    type (None where no rule decides)."""
    from rashomon.engine.pipeline import Pipeline
    from rashomon.eval.reports import match_statement
    from rashomon.extract import stance_model
    from rashomon.extract.stance import rule_type
    from rashomon.ingest.sources import read_sources

    stance_model._model.cache_clear()
    saved = stance_model._model
    stance_model._model = lambda: None  # the rules alone
    try:
        pipeline = Pipeline()
        out = []
        for name in sets:
            for f in sorted((DATA / name).glob("*.txt")):
                gold = json.loads(f.with_suffix(".json").read_text(encoding="utf-8"))
                (document,) = [d for d in read_sources([str(f)]) if hasattr(d, "text")]
                document.published = document.published or gold.get("published")
                doc = pipeline.nlp(document.text)
                analysis = pipeline.analyze_doc(document, doc)
                unused = list(analysis.statements)
                for exp in gold.get("statements", []):
                    st = match_statement(document.text, exp, unused)
                    if st is None:
                        continue
                    unused.remove(st)
                    decided = rule_type(doc, st)
                    out.append({"set": name, "doc": f.stem, "gold": exp["type"],
                                "rule": decided[0] if decided else None,
                                "feats": stance_model.features(doc, st, content_pos=None)})
            print(f"{name}: {sum(s['set'] == name for s in out)} statements", flush=True)
        return out
    finally:
        stance_model._model = saved


def fit(samples: list[dict], labels: list[str], iters: int = 3000, lr: float = 2.0) -> dict:
    counts = Counter(f for s in samples for f in set(s["feats"]))
    feats = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: i for i, f in enumerate(feats)}
    X = np.zeros((len(samples), len(feats)), dtype=np.float32)
    for n, s in enumerate(samples):
        for f in set(s["feats"]):
            if f in index:
                X[n, index[f]] = 1.0
    y = np.array([labels.index(s["gold"]) for s in samples])
    Y = np.eye(len(labels), dtype=np.float32)[y]
    W = np.zeros((len(feats), len(labels)), dtype=np.float32)
    b = np.zeros(len(labels), dtype=np.float32)
    m = len(samples)
    for _ in range(iters):
        Z = X @ W + b
        Z -= Z.max(axis=1, keepdims=True)
        P = np.exp(Z)
        P /= P.sum(axis=1, keepdims=True)
        G = P - Y
        W -= lr * (X.T @ G / m + L2 / m * W)
        b -= lr * G.mean(axis=0)
    return {"labels": labels, "features": feats, "W": W, "b": b, "index": index, "trusted": trusted(samples)}


def trusted(samples: list[dict]) -> list[str]:
    """Types with at least MIN_TRUSTED training statements: the only ones the model may give."""
    counts = Counter(s["gold"] for s in samples)
    return sorted(t for t, n in counts.items() if n >= MIN_TRUSTED)


def predict(model: dict, s: dict, margin: float) -> str:
    """The type given: the rules' where they decide, else the model's."""
    from rashomon.extract.stance_model import choose, probabilities

    return s["rule"] or choose(probabilities(s["feats"], model), {**model, "margin": margin})


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default="", help="JSON file of collected samples (written if missing)")
    ap.add_argument("--sets", nargs="*", default=None, help="report sets under tests/data (default: all)")
    args = ap.parse_args()
    sets = args.sets or sorted(p.name for p in DATA.glob("reports*") if p.is_dir())
    cache = Path(args.cache) if args.cache else None
    if cache and cache.is_file():
        samples = json.loads(cache.read_text())
    else:
        samples = collect(sets)
        if cache:
            cache.write_text(json.dumps(samples))
    from rashomon.extract.stance_model import CONTENT_POS

    # the cache holds content lemmas of every part of speech; the model reads those of CONTENT_POS
    samples = [dict(s, feats=[f for f in s["feats"] if not f.startswith("c:") or f[2:].split("=")[0] in CONTENT_POS])
               for s in samples]
    labels = sorted({s["gold"] for s in samples})
    print(f"{len(samples)} statements, {sum(s['rule'] is None for s in samples)} that no rule decides; "
          f"gold types {Counter(s['gold'] for s in samples)}")
    # leave one set out
    right = {m: 0 for m in MARGINS}
    rules_right = 0
    rows = []
    for held in sets:
        test = [s for s in samples if s["set"] == held]
        if not test:
            continue
        model = fit([s for s in samples if s["set"] != held and s["rule"] is None], labels)
        r = sum((s["rule"] or "other") == s["gold"] for s in test)
        rules_right += r
        per = {m: sum(predict(model, s, m) == s["gold"] for s in test) for m in MARGINS}
        for m in MARGINS:
            right[m] += per[m]
        rows.append(f"{held:18} n={len(test):4}  rules {100 * r / len(test):5.1f}  "
                    + "  ".join(f"m{m}: {100 * per[m] / len(test):5.1f}" for m in MARGINS))
    print("\n".join(rows))
    n = len(samples)
    print(f"{'all':18} n={n:4}  rules {100 * rules_right / n:5.1f}  "
          + "  ".join(f"m{m}: {100 * right[m] / n:5.1f}" for m in MARGINS))
    margin = max(MARGINS, key=lambda m: (right[m], m))  # ties: the more cautious
    model = fit([s for s in samples if s["rule"] is None], labels)
    OUT.write_bytes(gzip.compress(json.dumps({
        "labels": labels, "features": model["features"], "margin": margin, "trusted": model["trusted"],
        "content_pos": list(CONTENT_POS),
        "W": np.round(model["W"], 4).tolist(), "b": np.round(model["b"], 4).tolist(),
        "trained_on": sets, "n": n}).encode("utf-8"), mtime=0))
    print(f"margin {margin}; wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
