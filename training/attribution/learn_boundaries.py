"""Learn PolNeAR cue-boundary decisions from train (for ``attribution._walk_cue``).

For every verb cue candidate whose cue overlaps a gold cue, walks the possible
boundary steps (left auxiliaries/adverbs, infinitive, object + preposition,
medium phrase, preposition; for noun candidates their left modifiers, ``NL`` keys),
following the gold answer at each step, and counts
per step key (and its back-off key) how often the gold cue includes the token.
Writes src/rashomon/data/attribution/boundaries.json as {key: [included, seen]}.

    python training/attribution/learn_boundaries.py [--polnear ../shared/data/polnear] [--docbin train.spacy]
        [--half even|odd --out X]   # learn on half of train (held-out check on the other half)

Deterministic: the shipped file is exactly what this script writes from the current tree
(checked 2026-11-25: ~1 min with ``--docbin``).
"""

from __future__ import annotations

import argparse
import copy
import json
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "src" / "rashomon" / "data" / "attribution" / "boundaries.json"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--polnear", default=str(ROOT / ".." / "shared" / "data" / "polnear"))
    ap.add_argument("--docbin", default=None)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--half", choices=("even", "odd"), default=None)
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args()
    out = Path(args.out)

    import rashomon.extract.attribution as A
    from rashomon.eval.polnear import _Text, parse_ann
    from train_docs import train_docs
    from rashomon.nlp.model import doc_text, load_nlp

    nlp = load_nlp()
    docs, texts, parsed = train_docs(nlp, args.polnear, args.docbin)
    lex = A._lexicon()
    A.TAGGER_CANDIDATES = False  # boundaries are learned on the rule candidates only
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for k, ((stem, _, ann), doc) in enumerate(zip(docs, parsed)):
        if args.half and k % 2 != (0 if args.half == "even" else 1):
            continue
        gold = parse_ann(ann.read_text(encoding="utf-8")) if ann else []
        text = doc_text(doc)
        t = _Text(text)
        gold_cues = [t.key(g["cue"]) for g in gold if g["cue"]]
        quotes = A.find_quotes(text)
        for c in A._candidates(doc, lex, quotes, text):
            if c.key.startswith(("phrase|", "adj|") + A._MARK_KEYS) or c.key.startswith("noun|") and not A.NOUN_BOUNDS:
                continue
            ck = t.key(A._char(doc, c.cue))
            g = next((g for g in gold_cues if t.overlaps(ck, g)), None)
            if g is None:
                continue
            span = doc.char_span(g[0], g[1], alignment_mode="expand")
            inside = set(range(span.start, span.end))

            def decide(key: str, i: int) -> bool:
                label = i in inside
                for k in (key, A._backoff(key)):
                    if k:
                        counts[k][0] += label
                        counts[k][1] += 1
                return label

            if c.key.startswith("noun|"):
                A._walk_noun_cue(doc, copy.copy(c), decide)
            else:
                A._walk_cue(doc, copy.copy(c), decide)
    kept = {k: v for k, v in sorted(counts.items()) if v[1] >= args.min_count}
    out.write_text(json.dumps({
        "_doc": "PolNeAR train counts [in gold cue, seen] per cue-boundary step; "
                "written by training/attribution/learn_boundaries.py",
        "counts": kept}, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {out} ({len(kept)} keys)")


if __name__ == "__main__":
    main()
