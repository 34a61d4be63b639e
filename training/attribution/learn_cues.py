"""Learn how often each cue candidate is a real PolNeAR cue (train split only).

Runs the rule extractor with no threshold over PolNeAR train, labels every
candidate by whether its cue overlaps a gold cue (skipping candidates nested in
a gold content, which PolNeAR never annotates), and writes the counts per key
("lemma|construction", "lemma", "noun|lemma", "phrase|...") to
src/rashomon/data/attribution/learned.json. The extractor uses them only when
the logistic model (``train_cue_model.py``) is absent: it turns them into a
smoothed probability and keeps candidates at or above ``threshold``.

    python training/attribution/learn_cues.py [--polnear ../shared/data/polnear] [--threshold 0.5]

Deterministic; about 2 minutes on 2 CPU cores (spaCy parse of 840 articles).
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "src" / "rashomon" / "data" / "attribution" / "learned.json"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--polnear", default=str(ROOT / ".." / "shared" / "data" / "polnear"))
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--alpha", type=float, default=2.0)
    ap.add_argument("--min-count", type=int, default=1)
    ap.add_argument("--docbin", default=None, help="cached spaCy DocBin of the train texts (sorted order)")
    args = ap.parse_args()

    import rashomon.extract.attribution as A
    from rashomon.eval.polnear import _Text, parse_ann
    from train_docs import train_docs
    from rashomon.nlp.model import load_nlp

    if OUT.exists():
        OUT.unlink()  # learn from the lexicon prior alone
    A._lexicon.cache_clear()
    nlp = load_nlp()
    docs, texts, parsed = train_docs(nlp, args.polnear, args.docbin)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for (stem, _, ann), text, doc in zip(docs, texts, parsed):
        gold = parse_ann(ann.read_text(encoding="utf-8")) if ann else []
        t = _Text(text)
        gold_cues = [t.key(g["cue"]) for g in gold if g["cue"]]
        for st, cand in A._extract(doc, threshold=-1.0, prune=False):
            key = cand.key
            hit = any(t.overlaps(t.key((st.cue.start, st.cue.end)), g) for g in gold_cues)
            if not hit and any(g["content"] and g["content"][0] <= st.cue.start < g["content"][1]
                               for g in gold):
                continue  # nested in an annotated content: not annotated by design
            lemma = key.split("|")[0] if not key.startswith(("noun|", "phrase|")) else None
            for k in (key, lemma):
                if k:
                    counts[k][0] += hit
                    counts[k][1] += 1
    lexicon = A._lexicon()["verb_set"]

    def useful(k: str, v: list[int]) -> bool:
        # a never-cue key of a lemma that is never a cue and not in the lexicon scores 0 anyway
        if v[1] < args.min_count:
            return False
        if v[0] > 0 or k.startswith(("noun|", "phrase|")):
            return True
        lemma = k.split("|")[0]
        return lemma in lexicon or counts.get(lemma, [0, 0])[0] > 0

    kept = {k: v for k, v in sorted(counts.items()) if useful(k, v)}
    OUT.write_text(json.dumps({
        "_doc": "PolNeAR train counts [is_cue, candidates] per candidate key; "
                "written by training/attribution/learn_cues.py",
        "alpha": args.alpha, "threshold": args.threshold, "counts": kept,
    }, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(kept)} keys)")


if __name__ == "__main__":
    main()
