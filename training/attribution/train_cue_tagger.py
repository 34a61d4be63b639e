"""Train the token-level cue tagger (spaCy ``ner``, one label CUE) on PolNeAR train.

Gold: the Cue span of every attribution (``E`` line) of the first ``.ann`` per
text (a discontinuous cue merged into its covering range, expanded to tokens;
overlapping cues: the longest kept). Input: a copy of the spaCy parse
(:func:`rashomon.extract.attribution.tagger_input`: words, tags, dependency
labels, lemmas), so the tagger's own small tok2vec (hash embeddings of NORM,
PREFIX, SUFFIX, SHAPE, LEMMA, TAG, DEP; a 4-layer CNN of width 64) sees the parse.

    python training/attribution/train_cue_tagger.py --select           # even train articles -> odd ones, per epoch
    python training/attribution/train_cue_tagger.py --crossfit out.json  # 2-fold predictions on train
    python training/attribution/train_cue_tagger.py                    # all of train -> data/attribution/cue_tagger/

Options: ``--docbin`` (DocBin of the train texts in sorted order, parsed by
``load_nlp()``; otherwise parsed here), ``--epochs``, ``--width/--depth/--hidden`` (size),
``--arch tagger`` (a BIO tag per token, no transition system; 6 F1 points worse held-out).
Deterministic (fixed seed), CPU only.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "src" / "rashomon" / "data" / "attribution" / "cue_tagger"
SEED = 13

MODEL = {
    "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner", "extra_state_tokens": False,
    "hidden_width": 64, "maxout_pieces": 2, "use_upper": True, "nO": None,
    "tok2vec": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": 64,
                  "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE", "LEMMA", "TAG", "DEP"],
                  "rows": [5000, 1000, 2500, 2500, 5000, 200, 200], "include_static_vectors": False},
        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 64, "depth": 4,
                   "window_size": 1, "maxout_pieces": 3},
    },
}


def gold_cues(doc, ann_path) -> list[tuple[int, int]]:
    from spacy.util import filter_spans

    from rashomon.eval.polnear import parse_ann

    gold = parse_ann(ann_path.read_text(encoding="utf-8")) if ann_path else []
    spans = []
    for g in gold:
        if g["cue"] is None:
            continue
        sp = doc.char_span(*g["cue"], alignment_mode="expand")
        while sp is not None and len(sp) and sp[0].is_space:
            sp = sp[1:]
        while sp is not None and len(sp) and sp[-1].is_space:
            sp = sp[:-1]
        if sp is not None and len(sp):
            spans.append(sp)
    return sorted((s.start, s.end) for s in filter_spans(spans))


def build(parsed, docs, vocab):
    from spacy.tokens import Span
    from spacy.training import Example

    from rashomon.extract.attribution import tagger_input

    examples = []
    for doc, (_, _, ann) in zip(parsed, docs):
        pred = tagger_input(doc, vocab)
        ref = tagger_input(doc, vocab)
        spans = gold_cues(doc, ann)
        ref.set_ents([Span(ref, s, e, label="CUE") for s, e in spans], default="outside")
        if ARCH["kind"] == "tagger":
            tags = ["O"] * len(ref)
            for s, e in spans:
                tags[s:e] = ["B-CUE"] + ["I-CUE"] * (e - s - 1)
            for tok, tag in zip(ref, tags):
                tok.tag_ = tag
        examples.append(Example(pred, ref))
    return examples


ARCH = {"kind": "ner"}  # "ner" (transition-based spans) or "tagger" (a BIO tag per token, decoded into spans)
BIO = ("O", "B-CUE", "I-CUE")


def configure(width: int, depth: int, hidden: int, arch: str = "ner") -> None:
    """Set the tok2vec width/depth and the parser's hidden width of :data:`MODEL`, and the component kind."""
    ARCH["kind"] = arch
    MODEL["hidden_width"] = hidden
    MODEL["tok2vec"]["embed"]["width"] = width
    MODEL["tok2vec"]["encode"]["width"] = width
    MODEL["tok2vec"]["encode"]["depth"] = depth


def new_pipeline():
    import spacy

    nlp = spacy.blank("en")
    if ARCH["kind"] == "tagger":
        model = {"@architectures": "spacy.Tagger.v2", "nO": None, "normalize": False, "tok2vec": MODEL["tok2vec"]}
        nlp.add_pipe("tagger", name="cue", config={"model": model, "overwrite": True})
    else:
        nlp.add_pipe("ner", name="cue", config={"model": MODEL})
    return nlp


def spans_of(doc) -> list[tuple[int, int]]:
    """The cue spans of a tagged copy: entities (``ner``) or BIO tags decoded (``tagger``)."""
    from rashomon.extract.attribution import cue_spans

    return cue_spans(doc)


def train(examples, epochs: int, dev=None, log=print):
    """Train a fresh tagger; with ``dev``, print span scores after every epoch."""
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(SEED)
    nlp = new_pipeline()
    if ARCH["kind"] == "tagger":
        for label in BIO:
            nlp.get_pipe("cue").add_label(label)
    optimizer = nlp.initialize(lambda: examples[:50])
    rng = random.Random(SEED)
    order = list(range(len(examples)))
    for epoch in range(1, epochs + 1):
        t0 = time.time()
        rng.shuffle(order)
        losses: dict = {}
        for batch in minibatch([examples[i] for i in order], size=8):
            nlp.update(batch, drop=0.1, sgd=optimizer, losses=losses)
        msg = f"epoch {epoch} loss {losses.get('cue', 0):.0f} {time.time() - t0:.0f}s"
        if dev is not None:
            msg += " | " + score(nlp, dev)
        log(msg, flush=True)
    return nlp


def predict(nlp, examples) -> list[list[tuple[int, int]]]:
    out = []
    for eg in examples:
        d = nlp(eg.predicted.copy())
        out.append(spans_of(d))
    return out


def score(nlp, examples) -> str:
    pred = predict(nlp, examples)
    tp = ov = npred = ngold = 0
    for eg, p in zip(examples, pred):
        g = [(e.start, e.end) for e in eg.reference.ents]
        npred += len(p)
        ngold += len(g)
        tp += len(set(p) & set(g))
        ov += sum(any(a < d and c < b for c, d in p) for a, b in g)
    P, R = tp / max(npred, 1), tp / max(ngold, 1)
    return (f"exact P {100 * P:.1f} R {100 * R:.1f} F1 {200 * P * R / max(P + R, 1e-9):.1f}; "
            f"gold overlapped {100 * ov / max(ngold, 1):.1f}% ({npred} pred, {ngold} gold)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--polnear", default=str(ROOT / ".." / "shared" / "data" / "polnear"))
    ap.add_argument("--docbin", default=None, help="cached spaCy DocBin of the train texts (sorted order)")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--select", action="store_true", help="train on even articles, score odd ones per epoch")
    ap.add_argument("--crossfit", default=None, help="write 2-fold tagger predictions on train (JSON)")
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--width", type=int, default=MODEL["tok2vec"]["encode"]["width"])
    ap.add_argument("--depth", type=int, default=MODEL["tok2vec"]["encode"]["depth"])
    ap.add_argument("--hidden", type=int, default=MODEL["hidden_width"])
    ap.add_argument("--arch", choices=("ner", "tagger"), default="ner",
                    help="ner: transition-based spans; tagger: a BIO tag per token (no transition system)")
    args = ap.parse_args()
    out = Path(args.out)
    configure(args.width, args.depth, args.hidden, args.arch)

    from train_docs import train_docs
    from rashomon.nlp.model import load_nlp

    nlp = load_nlp()
    docs, _, parsed = train_docs(nlp, args.polnear, args.docbin)
    vocab = new_pipeline().vocab
    examples = build(parsed, docs, vocab)
    print(f"{len(examples)} articles, {sum(len(e.reference.ents) for e in examples)} gold cues")
    t0 = time.time()
    if args.select:
        train([e for k, e in enumerate(examples) if k % 2 == 0], args.epochs,
              dev=[e for k, e in enumerate(examples) if k % 2 == 1])
    elif args.crossfit:
        preds: dict[str, list] = {}
        for fold in (0, 1):
            model = train([e for k, e in enumerate(examples) if k % 2 != fold], args.epochs)
            held = [k for k in range(len(examples)) if k % 2 == fold]
            print(f"fold {fold}: " + score(model, [examples[k] for k in held]), flush=True)
            for k, p in zip(held, predict(model, [examples[k] for k in held])):
                preds[docs[k][0]] = p
        Path(args.crossfit).write_text(json.dumps(preds), encoding="utf-8")
    else:
        model = train(examples, args.epochs)
        if out.exists():
            shutil.rmtree(out)
        model.to_disk(out)
        size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
        print(f"wrote {out} ({size / 1e6:.1f} MB)")
    print(f"{time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
