"""Train a role-filler span tagger (spaCy ``ner`` with labels PerpInd, PerpOrg, Target, Victim, Weapon)
on MUC-4 train, on top of the main model's token vectors (``rashomon.TensorTok2Vec.v1``).

Gold: every occurrence (whole words, any case) of every mention of every role-filler entity of a
document's templates; overlapping spans keep the longest; an irrelevant report has none. The
tagger reads ``doc.tensor`` of ``load_nlp()`` plus hash embeddings of the parse (LEMMA, TAG, DEP,
NORM, SHAPE) through a small CNN, so it costs no second full tok2vec pass.

    python training/roles/train_span_tagger.py --select            # train -> dev span and CEAF-REE scores per epoch
    python training/roles/train_span_tagger.py --crossfit out.json # 5-fold predictions on train (for the role model)
    python training/roles/train_span_tagger.py --out DIR           # all of train -> DIR

Options: ``--cache DIR`` (DocBins of the parsed train/dev texts), ``--epochs``, ``--depth``, ``--width``.
Deterministic (fixed seed), CPU only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "training"))  # spacy_epochs: the shared training loop
ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
SEED = 13
ATTR_ROWS = {"NORM": 5000, "SHAPE": 1000, "LEMMA": 5000, "TAG": 200, "DEP": 200}


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def parse(nlp, records: list[dict], cache: Path | None, name: str) -> list:
    """Parse the texts (or read them back from ``cache``) and give each Doc the main tok2vec's tensor."""
    from spacy.tokens import DocBin

    texts = [r["doctext"] for r in records]
    file = cache / f"{name}.spacy" if cache else None
    if file and file.exists():
        docs = list(DocBin().from_disk(file).get_docs(nlp.vocab))
        assert [d.text for d in docs] == texts, f"{file} does not hold the {name} texts"
    else:
        docs = list(nlp.pipe(texts, batch_size=32))
        if file:
            file.parent.mkdir(parents=True, exist_ok=True)
            DocBin(docs=docs).to_disk(file)
    return list(nlp.get_pipe("tok2vec").pipe(docs, batch_size=64))  # a DocBin keeps no tensor


def gold_spans(doc, record: dict) -> list[tuple[int, int, str]]:
    """Token spans of every occurrence of every role-filler mention (longest first on overlaps)."""
    from spacy.util import filter_spans

    text = doc.text.lower()
    spans = []
    for template in record.get("templates") or []:
        for role in ROLES:
            for entity in template.get(role) or []:
                for mention in entity:
                    string = (mention[0] if isinstance(mention, (list, tuple)) else mention).lower().strip()
                    if not string:
                        continue
                    for m in re.finditer(r"(?<!\w)" + re.escape(string) + r"(?!\w)", text):
                        sp = doc.char_span(m.start(), m.end(), label=role.upper(), alignment_mode="expand")
                        while sp is not None and len(sp) and (sp[0].is_space or sp[0].is_punct):
                            sp = sp[1:]
                        while sp is not None and len(sp) and (sp[-1].is_space or sp[-1].is_punct):
                            sp = sp[:-1]
                        if sp is not None and len(sp) and not any(t.is_sent_start for t in sp[1:]):
                            spans.append(sp)  # a span across a sentence start cannot be an entity
    return [(s.start, s.end, s.label_) for s in filter_spans(spans)]


def examples(docs, records, vocab) -> list:
    from spacy.tokens import Span
    from spacy.training import Example

    from rashomon.extract.attribution import tagger_input

    out = []
    for doc, rec in zip(docs, records):
        pred = tagger_input(doc, vocab, doc.tensor.shape[1])
        ref = tagger_input(doc, vocab, doc.tensor.shape[1])
        ref.set_ents([Span(ref, s, e, label=lab) for s, e, lab in gold_spans(doc, rec)], default="outside")
        out.append(Example(pred, ref))
    return out


def new_pipeline(width: int, depth: int, attrs: list[str], tensor_width: int):
    import spacy

    import rashomon.nlp.layers  # noqa: F401  (registers rashomon.TensorTok2Vec.v1)

    model = {
        "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner", "extra_state_tokens": False,
        "hidden_width": 64, "maxout_pieces": 2, "use_upper": True, "nO": None,
        "tok2vec": {"@architectures": "rashomon.TensorTok2Vec.v1", "tensor_width": tensor_width, "width": width,
                    "attrs": attrs, "rows": [ATTR_ROWS[a] for a in attrs], "embed_width": 64, "depth": depth,
                    "window_size": 1, "maxout_pieces": 3},
    }
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner", name="roles", config={"model": model})
    for role in ROLES:
        ner.add_label(role.upper())
    return nlp


def train(exs, args, tensor_width: int, dev=None, dev_records=None, log=print):
    from spacy.util import fix_random_seed

    from spacy_epochs import fit

    fix_random_seed(SEED)
    nlp = new_pipeline(args.width, args.depth, args.attrs.split(","), tensor_width)
    return fit(nlp, exs, args.epochs, SEED, "roles", init_n=100,
               score=(lambda model: report(model, dev, dev_records)) if dev is not None else None, log=log)


def predict(nlp, exs) -> list[list[tuple[int, int, str]]]:
    return [[(e.start, e.end, e.label_) for e in nlp(eg.predicted.copy()).ents] for eg in exs]


def as_templates(doc, spans) -> dict:
    """One merged template per document: each distinct predicted string of a role is one entity."""
    from rashomon.eval.ceaf import normalize

    tmpl: dict[str, list] = {r: [] for r in ROLES}
    seen: dict[str, set] = {r: set() for r in ROLES}
    for s, e, lab in spans:
        role = next(r for r in ROLES if r.upper() == lab)
        text = doc[s:e].text
        if normalize(text) not in seen[role]:
            seen[role].add(normalize(text))
            tmpl[role].append([text])
    return {"templates": [tmpl] if any(tmpl.values()) else []}


def report(nlp, exs, records) -> str:
    from rashomon.eval.ceaf import score

    pred = predict(nlp, exs)
    tp = npred = ngold = 0
    for eg, p in zip(exs, pred):
        g = {(e.start, e.end, e.label_) for e in eg.reference.ents}
        tp += len(set(p) & g)
        npred += len(p)
        ngold += len(g)
    P, R = tp / max(npred, 1), tp / max(ngold, 1)
    gold = {r["docid"]: {"templates": r.get("templates") or []} for r in records}
    system = {r["docid"]: as_templates(eg.predicted, p) for r, eg, p in zip(records, exs, pred)}
    micro = score(gold, system)["micro"]
    return (f"spans P {100 * P:.1f} R {100 * R:.1f} F1 {200 * P * R / max(P + R, 1e-9):.1f}; "
            f"CEAF-REE alone P {100 * micro['p']:.1f} R {100 * micro['r']:.1f} F1 {100 * micro['f1']:.1f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--muc4", default=str(SHARED / "data" / "muc4" / "processed"))
    ap.add_argument("--cache", default=None, help="directory for DocBins of the parsed texts")
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--width", type=int, default=64)
    ap.add_argument("--depth", type=int, default=2)
    ap.add_argument("--attrs", default="LEMMA,TAG,DEP,NORM,SHAPE")
    ap.add_argument("--select", action="store_true", help="train on train, score dev after every epoch")
    ap.add_argument("--crossfit", default=None, help="write 5-fold span predictions on train (JSON)")
    ap.add_argument("--out", default=None, help="train on all of train and write the pipeline here")
    args = ap.parse_args()

    from rashomon.nlp.model import load_nlp

    nlp = load_nlp()
    cache = Path(args.cache) if args.cache else None
    train_records = load(Path(args.muc4) / "train.json")
    train_docs = parse(nlp, train_records, cache, "train")
    width = train_docs[0].tensor.shape[1]
    vocab = new_pipeline(args.width, args.depth, args.attrs.split(","), width).vocab
    train_exs = examples(train_docs, train_records, vocab)
    print(f"{len(train_exs)} train documents, {sum(len(e.reference.ents) for e in train_exs)} gold spans", flush=True)
    t0 = time.time()
    if args.select:
        dev_records = load(Path(args.muc4) / "dev.json")
        dev_exs = examples(parse(nlp, dev_records, cache, "dev"), dev_records, vocab)
        train(train_exs, args, width, dev=dev_exs, dev_records=dev_records)
    elif args.crossfit:
        preds: dict[str, list] = {}
        for fold in range(5):
            model = train([e for k, e in enumerate(train_exs) if k % 5 != fold], args, width)
            held = [k for k in range(len(train_exs)) if k % 5 == fold]
            for k, p in zip(held, predict(model, [train_exs[k] for k in held])):
                preds[train_records[k]["docid"]] = p
            print(f"fold {fold} done", flush=True)
        Path(args.crossfit).write_text(json.dumps(preds), encoding="utf-8")
    elif args.out:
        model = train(train_exs, args, width)
        model.to_disk(args.out)
    print(f"{time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
