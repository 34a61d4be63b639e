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
``--arch tagger`` (a BIO tag per token, no transition system; 6 F1 points worse held-out),
``--tensor`` (token vectors from the main model's ``doc.tensor`` plus ``--attrs`` hash embeddings and
``--depth`` CNN layers, ``rashomon.TensorTok2Vec.v1``: a fifth of the size and ~0.2 s faster per 100 MUC
documents, but ~0.5 whole-attribution F1 lower held-out, so not the shipped default).
Deterministic (fixed seed), CPU only.

At run time a tagger of the default shape (own tok2vec, ``ner``) runs through
``attribution._FastCueTagger`` (the same cues as spaCy's pipe at ~half the CPU;
``tests/test_cue_tagger_speed_guard.py``); ``--tensor`` or ``--arch tagger`` models fall back to
spaCy's pipe. ``--depth 2`` (~0.1 s less per 100 MUC-4 documents) lost held-out whole F1 (-0.73 / -0.47).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "src" / "rashomon" / "data" / "attribution" / "cue_tagger"
sys.path.insert(0, str(ROOT / "training"))  # spacy_epochs: the shared training loop
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
        width = TENSOR_WIDTH if ARCH["tensor"] else None
        pred = tagger_input(doc, vocab, width)
        ref = tagger_input(doc, vocab, width)
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


ARCH = {"kind": "ner", "tensor": False}  # "ner" (transition-based spans) or "tagger" (a BIO tag per token, decoded into spans)
BIO = ("O", "B-CUE", "I-CUE")


TENSOR_WIDTH = 96  # en_core_web_sm's shared tok2vec output (doc.tensor)
TENSOR_TOK2VEC = {
    "@architectures": "rashomon.TensorTok2Vec.v1", "tensor_width": TENSOR_WIDTH, "width": 64,
    "attrs": ["LEMMA", "TAG", "DEP"], "rows": [5000, 200, 200], "embed_width": 32, "depth": 1,
    "window_size": 1, "maxout_pieces": 3,
}


ATTR_ROWS = {"NORM": 5000, "PREFIX": 1000, "SUFFIX": 2500, "SHAPE": 2500, "LEMMA": 5000, "TAG": 200, "DEP": 200}


def configure(width: int, depth: int, hidden: int, arch: str = "ner", tensor: bool = False,
              attrs: list[str] | None = None, embed_width: int | None = None) -> None:
    """Set the tok2vec kind (own CNN, or ``tensor``: on the main model's ``doc.tensor``), its
    width/depth, the parser's hidden width of :data:`MODEL`, and the component kind."""
    ARCH["kind"] = arch
    ARCH["tensor"] = tensor
    MODEL["hidden_width"] = hidden
    if tensor:
        MODEL["tok2vec"] = dict(TENSOR_TOK2VEC, width=width, depth=depth)
        if attrs:
            MODEL["tok2vec"].update(attrs=attrs, rows=[ATTR_ROWS[a] for a in attrs])
        if embed_width:
            MODEL["tok2vec"]["embed_width"] = embed_width
        return
    MODEL["tok2vec"]["embed"]["width"] = width
    MODEL["tok2vec"]["encode"]["width"] = width
    MODEL["tok2vec"]["encode"]["depth"] = depth


def new_pipeline():
    import spacy

    import rashomon.nlp.layers  # noqa: F401  (registers rashomon.TensorTok2Vec.v1)

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
    from spacy.util import fix_random_seed

    from spacy_epochs import fit

    fix_random_seed(SEED)
    nlp = new_pipeline()
    if ARCH["kind"] == "tagger":
        for label in BIO:
            nlp.get_pipe("cue").add_label(label)
    return fit(nlp, examples, epochs, SEED, "cue", init_n=50,
               score=(lambda model: score(model, dev)) if dev is not None else None, log=log)


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
    ap.add_argument("--tensor", action="store_true",
                    help="build on the main model's doc.tensor plus a few hash embeddings (--attrs) and "
                         "--depth CNN layers, instead of the tagger's own 4-layer CNN over 7 hash embeddings "
                         "(faster, ~0.5 whole F1 lower held-out: docs/notes/attribution.md)")
    ap.add_argument("--width", type=int, default=64)
    ap.add_argument("--depth", type=int, default=None, help="CNN layers (default 4; 1 with --tensor)")
    ap.add_argument("--hidden", type=int, default=MODEL["hidden_width"])
    ap.add_argument("--attrs", default=None, help="hash-embedded attributes beside the tensor (comma list; "
                                                  "default " + ",".join(TENSOR_TOK2VEC["attrs"]) + ")")
    ap.add_argument("--embed-width", type=int, default=None, help="their width (default 32)")
    ap.add_argument("--arch", choices=("ner", "tagger"), default="ner",
                    help="ner: transition-based spans; tagger: a BIO tag per token (no transition system)")
    args = ap.parse_args()
    out = Path(args.out)
    depth = args.depth if args.depth is not None else (1 if args.tensor else 4)
    configure(args.width, depth, args.hidden, args.arch, tensor=args.tensor,
              attrs=args.attrs.split(",") if args.attrs else None, embed_width=args.embed_width)

    from train_docs import train_docs
    from rashomon.nlp.model import load_nlp

    nlp = load_nlp()
    docs, _, parsed = train_docs(nlp, args.polnear, args.docbin)
    if args.tensor:  # a DocBin keeps no tensor: the main model's tok2vec adds it
        parsed = list(nlp.get_pipe("tok2vec").pipe(parsed, batch_size=64))
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
