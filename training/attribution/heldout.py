"""Score one half of PolNeAR train with models fitted on the other half (the held-out check).

    python training/attribution/heldout.py --half odd --docbin train.spacy --tagged crossfit.json \
        --cue-model m_even.json --boundaries b_even.json --content-bounds cb_even.json [--misses]

Prints exact and overlap F1 per role (the metric of ``rashomon.eval.polnear``) over the
articles of ``--half`` (even- or odd-numbered in sorted order). ``--misses``: how the gold cues
no prediction overlaps break down (no candidate / scored below the threshold / removed later).
``run_heldout.sh`` runs the whole strict protocol (both directions, all models re-fitted).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--polnear", default=str(ROOT / ".." / "shared" / "data" / "polnear"))
    ap.add_argument("--docbin", default=None)
    ap.add_argument("--tagged", default=None, help="cross-fitted tagger predictions on train (JSON)")
    ap.add_argument("--half", choices=("even", "odd"), required=True, help="the half to score")
    ap.add_argument("--cue-model", required=True)
    ap.add_argument("--boundaries", default=None)
    ap.add_argument("--content-bounds", default=None)
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args()

    import rashomon.extract.attribution as A
    from rashomon.eval.polnear import _statements_to_attrs, _Text, metrics_from_counts, parse_ann, score_document
    from train_docs import train_docs
    from rashomon.nlp.model import load_nlp

    model = json.loads(Path(args.cue_model).read_text(encoding="utf-8"))
    A._model = lambda: model
    lex = A._lexicon()
    if args.boundaries:
        lex["boundaries"] = json.loads(Path(args.boundaries).read_text(encoding="utf-8"))["counts"]
    if args.content_bounds:
        lex["content_bounds"] = json.loads(Path(args.content_bounds).read_text(encoding="utf-8"))
    nlp = load_nlp()
    docs, texts, parsed = train_docs(nlp, args.polnear, args.docbin)
    tagged = json.loads(Path(args.tagged).read_text(encoding="utf-8")) if args.tagged else None
    counts: dict = {}
    miss = Counter()
    n = 0
    for k, ((stem, _, ann), text, doc) in enumerate(zip(docs, texts, parsed)):
        if k % 2 != (0 if args.half == "even" else 1):
            continue
        n += 1
        if tagged is not None:
            A.set_tagged(doc, tagged.get(stem, []))
        gold = parse_ann(ann.read_text(encoding="utf-8")) if ann else []
        pred = _statements_to_attrs(A.extract_attributions(doc))
        score_document(text, gold, pred, counts)
        if args.misses:
            t = _Text(text)
            pk = [t.key(p["cue"]) for p in pred]
            cands = A._extract(doc, threshold=-1.0, prune=False)
            for g in gold:
                if not g["cue"]:
                    continue
                gk = t.key(g["cue"])
                miss["gold"] += 1
                if any(t.overlaps(gk, p) for p in pk):
                    continue
                scores = [c.score for st, c in cands if t.overlaps(gk, t.key((st.cue.start, st.cue.end)))]
                miss["none" if not scores else "below" if max(scores) < model["threshold"] else "removed"] += 1
    m = metrics_from_counts(counts, n)
    line = " ".join(f"{r} {m[r + '/exact']['f1']:.2f} ({m[r + '/overlap']['f1']:.2f})"
                    for r in ("cue", "source", "content", "attribution"))
    cue = m["cue/exact"]
    print(f"{args.half}: {line} | cue P {cue['p']:.1f} R {cue['r']:.1f}")
    if args.misses:
        print(dict(miss))


if __name__ == "__main__":
    main()
