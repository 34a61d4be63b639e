"""Fine-tune the small pretrained encoder (MiniLM-L6) to tag MUC-4 role fillers on ``processed/train.json``.

Five BIO heads over word pieces (PerpInd, PerpOrg, Target, Victim, Weapon). A template's entity is
given as mention strings; every occurrence of a mention in the report is labelled (as whole words,
any case), since the scorer accepts any mention of an entity and the role model reads every
occurrence. Reports without templates are all O, so the heads also learn what is not reportable.
Windows, packing and decoding are :mod:`rashomon.nlp.encoder`'s (as for the attribution heads);
full fine-tuning, AdamW, lr 8e-5, warm-up then linear decay, 3 epochs, batch 16, seed 13, CPU only.

The role model (``training/roles/train.py --encoder-probs``) reads the encoder's word probabilities
as binned candidate features; on train they must come from models that did not see the report:

    # 1. each half of train tagged by a model fitted on the other half
    python training/roles/train_role_encoder.py --fit even --eval odd --probs-out /tmp/roles/odd.jsonl
    python training/roles/train_role_encoder.py --fit odd --eval even --probs-out /tmp/roles/even.jsonl
    # 2. all of train -> the shipped weights (dev span scores printed)
    python training/roles/train_role_encoder.py --fit train --eval dev --save src/rashomon/data/roles/role_encoder.npz
    # 3. the role model on the out-of-sample probabilities
    cat /tmp/roles/odd.jsonl /tmp/roles/even.jsonl > /tmp/roles/train_probs.jsonl
    python training/roles/train.py --encoder-probs /tmp/roles/train_probs.jsonl --out-suffix _encoder
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

import torch

import rashomon.nlp.encoder as E

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "muc4" / "processed"
HEADS = E.ROLE_HEADS
SEED = 13


def load_split(name: str) -> list[tuple[str, str, list]]:
    """(docid, text, templates) of ``train``, its ``even``/``odd`` halves (by line), or ``dev``."""
    path = DATA / ("dev.json" if name == "dev" else "train.json")
    docs = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if not line.strip() or (name == "even" and i % 2) or (name == "odd" and not i % 2):
            continue
        row = json.loads(line)
        docs.append((row["docid"], row["doctext"], row["templates"]))
    return docs


def gold_spans(text: str, templates: list) -> dict[str, list[tuple[int, int]]]:
    """Character spans of every occurrence of every gold mention, per role (longest first, no overlaps)."""
    out = {}
    low = text.lower()
    for role in HEADS:
        strings = {m[0].lower() for t in templates for ent in t.get(role, []) for m in ent if m and m[0].strip()}
        spans = set()
        for s in strings:
            for m in re.finditer(r"(?<!\w)" + re.escape(s) + r"(?!\w)", low):
                spans.add((m.start(), m.end()))
        kept = []
        for sp in sorted(spans, key=lambda x: (x[0] - x[1], x[0])):
            if all(sp[1] <= k[0] or sp[0] >= k[1] for k in kept):
                kept.append(sp)
        out[role] = sorted(kept)
    return out


def train(model, tok, docs, epochs: int, lr: float, log) -> None:
    items = []
    for _, text, templates in docs:
        ids, _, labels, windows = E.labelled_pieces(tok, text, gold_spans(text, templates))
        for s, e in windows:
            items.append((ids[s:e], {r: labels[r][s:e] for r in HEADS}))
    log(f"{len(docs)} reports, {len(items)} windows")
    E.fine_tune(model, tok, items, epochs, lr, log, seed=SEED)


def score(spans_by_doc: dict, docs) -> dict[str, tuple[float, float, float]]:
    """Span P/R/F1 per head against every gold occurrence (a quick check of the tagger alone)."""
    from rashomon.eval.metrics import set_prf

    return {r: set_prf(({(s, e) for s, e, _ in spans_by_doc[docid][r]}, set(gold_spans(text, templates)[r]))
                       for docid, text, templates in docs) for r in HEADS}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fit", default="train", choices=["train", "even", "odd"])
    ap.add_argument("--eval", default="dev", choices=["dev", "even", "odd"])
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=8e-5)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--save", default="")
    ap.add_argument("--probs-out", default="", help="JSONL: each eval report's word probabilities per head")
    args = ap.parse_args()
    torch.manual_seed(SEED)
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(E.base_dir()))
    model = E.build(0, HEADS)
    fit = load_split(args.fit)[: args.limit or None]
    train(model, tok, fit, args.epochs, args.lr, lambda m: print(time.strftime("%H:%M:%S"), m, flush=True))
    if args.save:
        import numpy

        with open(args.save, "wb") as f:
            numpy.savez_compressed(f, **E.pack(model.state_dict(), E.build(0, HEADS).state_dict()))
    model.eval()
    ev = load_split(args.eval)[: args.limit or None]
    spans, words = {}, {}
    for docid, text, _ in ev:
        (probs, offs, wids), = E.piece_probs([text], tok, model)
        spans[docid] = {r: E.decode(p, offs, wids) if len(offs) else [] for r, p in probs.items()}
        words[docid] = {r: E.word_probs(p, offs, wids) if len(offs) else [] for r, p in probs.items()}
    print(json.dumps(score(spans, ev)))
    if args.probs_out:
        with open(args.probs_out, "w", encoding="utf-8") as f:
            for docid, _, _ in ev:
                f.write(json.dumps({"docid": docid, "words": words[docid]}) + "\n")


if __name__ == "__main__":
    main()
