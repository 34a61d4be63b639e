"""A learned type for the statements no rule of :mod:`rashomon.extract.stance` decides.

The rules read the cue and a few content patterns; many statements do what they do in words
the rules do not list ("Russia does not attack Finland" is a denial, "those responsible will
answer for this" a warning). Where no rule decides, a multinomial logistic regression over
sparse features (the cue lemma and words, the content's verbs, adjectives and adverbs with
negation, modal and first-person marks, the speaker's head noun; not nouns or names, which
tell the topic rather than the stance) trained on the hand-annotated news reports
(``training/stance/train_types.py``) gives the type when it is confident, else "other". The
model is ``data/stance/type_model.json.gz``; without it such statements are "other".
"""

from __future__ import annotations

import functools
import gzip
import json
from importlib import resources

import numpy as np
from spacy.tokens import Doc

from rashomon.models import Statement

MODEL_FILE = "type_model.json.gz"
FIRST_PERSON = frozenset({"we", "our", "us", "i", "my", "me", "ours"})
MODALS = frozenset({"will", "would", "shall", "must", "'ll"})
NEGATIONS = frozenset({"not", "n't", "never", "no", "nothing", "nobody", "none", "neither", "nor"})


CONTENT_POS = ("VERB", "AUX", "ADJ", "ADV")  # content words read: not nouns or names (topic, not stance)


def features(doc: Doc, st: Statement, content_pos: tuple[str, ...] | None = CONTENT_POS) -> list[str]:
    """Sparse string features of one statement (cue and content spans set). ``content_pos``: the parts of
    speech whose content lemmas are read (``c:POS=lemma``); None reads them all."""
    out = []
    cue = doc.char_span(st.cue.start, st.cue.end, alignment_mode="expand")
    if cue is not None:
        out.append(f"cue={cue.root.lemma_.lower()}")
        out.extend(f"cw={t.lower_}" for t in cue if not t.is_punct)
        if any(c.dep_ == "neg" for c in cue.root.children):
            out.append("cue_neg")
    content = doc.char_span(st.content.start, st.content.end, alignment_mode="expand")
    if content is not None:
        negated = False
        for t in content:
            low = t.lower_
            if t.is_punct:
                if low == "?":
                    out.append("question_mark")
                continue
            if low in NEGATIONS:
                negated = True
                out.append(f"neg={t.head.lemma_.lower()}")
            if low in FIRST_PERSON:
                out.append("first_person")
            if low in MODALS:
                out.append("modal")
            pos = "ENT" if t.ent_type_ else t.pos_  # a part of a name ("Ukrainian", "Kabul"): topic, not stance
            if t.is_stop and pos != "AUX" or not t.is_alpha or content_pos is not None and pos not in content_pos:
                continue
            out.append(f"c:{pos}={t.lemma_.lower()}")
        if negated:
            out.append("negated")
        first = content[0].text
        if first[:1] in "\"“'‘":
            out.append("quoted")
    if st.source is not None:
        src = doc.char_span(st.source.start, st.source.end, alignment_mode="expand")
        if src is not None:
            named = src.root.pos_ == "PROPN" or src.root.ent_type_  # a name tells who, not what kind of speaker
            out.append("spk=NAME" if named else f"spk={src.root.lemma_.lower()}")
            if src.root.pos_ == "PRON":
                out.append("spk_pron")
    return out


@functools.lru_cache(maxsize=1)
def _model() -> dict | None:
    res = resources.files("rashomon.data").joinpath(f"stance/{MODEL_FILE}")
    if not res.is_file():
        return None
    m = json.loads(gzip.decompress(res.read_bytes()).decode("utf-8"))
    m["W"] = np.asarray(m["W"], dtype=np.float32)
    m["b"] = np.asarray(m["b"], dtype=np.float32)
    m["index"] = {f: i for i, f in enumerate(m["features"])}
    m["content_pos"] = tuple(m["content_pos"])
    return m


def probabilities(feats: list[str], model: dict) -> np.ndarray:
    """The model's distribution over ``model["labels"]``."""
    idx = [model["index"][f] for f in set(feats) if f in model["index"]]
    z = model["W"][idx].sum(axis=0) + model["b"]
    z = np.exp(z - z.max())
    return z / z.sum()


def refine(doc: Doc, st: Statement) -> str:
    """The model's type for a statement no rule decides: "other" unless the model is confident (or no
    model is shipped)."""
    model = _model()
    if model is None:
        return "other"
    return choose(probabilities(features(doc, st, model["content_pos"]), model), model)


def choose(p: np.ndarray, model: dict) -> str:
    """The most likely type among those the model saw often enough to learn (``trusted``) if its probability
    is at least ``margin``, else "other"."""
    trusted = model["trusted"]
    best = max((j for j, lab in enumerate(model["labels"]) if lab in trusted), key=lambda j: p[j])
    return model["labels"][best] if p[best] >= model["margin"] else "other"
