"""Learn PolNeAR content-boundary decisions from train (for ``attribution._walk_content``).

Every kept cue candidate (scored by the shipped cue model; rule and tagger
candidates, after the cue-boundary steps) whose cue overlaps a gold cue and whose
content overlaps that attribution's content walks the boundary steps
(parenthetical clause ``P``, raised subject ``S``, leading complementiser ``F``,
trailing cut ``T``, following extension ``E``, quotation continuation ``Q``,
trailing cut of the source ``ST``) following the gold answer at each step; each
step's features (``attribution._step_feats``) and gold answer make one row of an
L2 logistic regression (numpy, the fit of ``train_cue_model.py``). Writes
src/rashomon/data/attribution/content_bounds.json ({bias, weights}).

    python training/attribution/learn_content_bounds.py [--docbin train.spacy] [--tagged crossfit.json]
        [--half even|odd --model M --out X]   # learn on half of train (held-out check on the other half)

``--tagged``: out-of-sample tagger predictions (``train_cue_tagger.py --crossfit``),
so the tagger candidates seen here are like those at run time. Deterministic; ~20 s
with ``--docbin`` (about 3 min parsing train without it).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))
OUT = ROOT / "src" / "rashomon" / "data" / "attribution" / "content_bounds.json"


def gold_tokens(doc, t, span):
    """First and last token holding a content character of a gold char range."""
    key = t.key(span)
    if key is None or key[0] == "empty":
        return None
    sp = doc.char_span(key[0], key[1], alignment_mode="expand")
    if sp is None or not len(sp):
        return None
    return sp.start, sp.end - 1


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--polnear", default=str(ROOT / ".." / "shared" / "data" / "polnear"))
    ap.add_argument("--docbin", default=None)
    ap.add_argument("--tagged", default=None, help="cross-fitted tagger predictions on train (JSON)")
    ap.add_argument("--half", choices=("even", "odd"), default=None)
    ap.add_argument("--model", default=None, help="cue model JSON (default: the shipped cue_model.json)")
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--l2", type=float, default=3.0)
    ap.add_argument("--iters", type=int, default=300)
    ap.add_argument("--boundaries", default=None,
                    help="cue-boundary table to use instead of the shipped boundaries.json (held-out checks)")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args()

    import rashomon.extract.attribution as A
    from rashomon.eval.polnear import _Text, parse_ann
    from train_docs import train_docs
    from rashomon.nlp.model import doc_text, load_nlp

    if args.boundaries:
        A._lexicon()["boundaries"] = json.loads(Path(args.boundaries).read_text(encoding="utf-8"))["counts"]
    if args.model:
        model = json.loads(Path(args.model).read_text(encoding="utf-8"))
        A._model = lambda: model
    nlp = load_nlp()
    docs, _, parsed = train_docs(nlp, args.polnear, args.docbin)
    tagged = json.loads(Path(args.tagged).read_text(encoding="utf-8")) if args.tagged else None
    rows: list[list[str]] = []
    labels: list[int] = []
    for k, ((stem, _, ann), doc) in enumerate(zip(docs, parsed)):
        if args.half and k % 2 != (0 if args.half == "even" else 1):
            continue
        if tagged is not None:
            A.set_tagged(doc, tagged.get(stem, []))
        gold = parse_ann(ann.read_text(encoding="utf-8")) if ann else []
        t = _Text(doc_text(doc))
        matched: dict[int, object] = {}

        def decide_for(c, doc=doc, t=t, gold=gold, matched=matched):
            if id(c) not in matched:
                g = None
                if c.content is not None:
                    ck = t.key(A._char(doc, c.cue))
                    pc = t.key(A._char(doc, c.content))
                    g = next((g for g in gold if g["cue"] and g["content"] and t.overlaps(ck, t.key(g["cue"]))
                              and t.overlaps(pc, t.key(g["content"]))), None)
                matched[id(c)] = g and (gold_tokens(doc, t, g["content"]), t.key(g["content"]),
                                        gold_tokens(doc, t, g["source"]) if g["source"] else None)
            info = matched[id(c)]
            if not info or info[0] is None or info[1] is None or info[1][0] == "empty":
                return lambda *_: False
            (gs, gl), gchars, gsrc = info

            def decide(kind: str, feats: list[str], lo: int, hi: int) -> bool:
                if kind == "ST":
                    if gsrc is None:
                        return False
                    label = gsrc[1] < lo
                elif kind == "P":
                    label = gs <= lo and gl >= A._last_word(doc, lo, hi)
                elif kind == "S":
                    label = gs <= lo
                elif kind == "F":
                    label = gs > lo
                elif kind == "T":
                    label = gl < lo
                elif kind == "E":
                    label = gl >= A._last_word(doc, lo, hi)
                else:  # "Q": lo/hi are character offsets of the quotation
                    span = t.key((lo, hi))
                    if span is None or span[0] == "empty":
                        return False
                    label = gchars[1] >= span[1]
                rows.append(feats)
                labels.append(int(label))
                return label
            return decide

        A._extract(doc, prune=False, decide_for=decide_for)
    import numpy as np

    from train_cue_model import fit, predict, to_csr

    y = np.array(labels, dtype=np.float64)
    counts = Counter(f for r in rows for f in set(r))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= args.min_count))}
    X_idx, X_ptr = to_csr(rows, vocab)
    w, b = fit(X_idx, X_ptr, y, len(vocab), args.l2, args.iters)
    acc = float(((predict(X_idx, X_ptr, w, b) >= 0.5) == (y == 1)).mean())
    by_kind = Counter((r[0], int(v)) for r, v in zip(rows, labels))
    print(f"{len(y)} decisions ({dict(sorted(by_kind.items()))}), {len(vocab)} features, "
          f"train accuracy {100 * acc:.1f} (always-no {100 * (1 - y.mean()):.1f})")
    names = sorted(vocab, key=vocab.get)
    weights = {f: round(float(w[vocab[f]]), 3) for f in names if abs(w[vocab[f]]) >= 0.005}
    out = Path(args.out)
    out.write_text(json.dumps({
        "_doc": "Logistic model of the content-boundary steps (attribution._walk_content, _continue_quote); "
                "written by training/attribution/learn_content_bounds.py from PolNeAR train",
        "bias": round(float(b), 4), "weights": weights}, sort_keys=True, separators=(",", ":")) + "\n",
        encoding="utf-8")
    print(f"wrote {out} ({len(weights)} weights, {out.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
