"""Linear scoring of candidates: learned weights when shipped, else hand-set rule weights."""

from __future__ import annotations

import functools
import math
from itertools import chain, repeat

import numpy as np

from .candidates import Candidate
from .lexicon import MUC_ROLES, model_file, model_name, model_weights

# Rules-only fallback: a few hand-set weights per role (logit scale).
RULE_WEIGHTS: dict[str, dict[str, float]] = {
    "PerpInd": {"bias": -4.0, "lex_perp": 3.0, "rel=nsubj": 0.6, "rel=pobj_by": 1.0, "gvatt=nsubj": 1.0,
                "gvatt=pobj_by": 1.5, "kind=head": -0.3, "satt=True": 0.5, "lex_orghead": -1.0, "kind=of": 0.5},
    "PerpOrg": {"bias": -4.5, "lex_org": 3.5, "lex_orghead": 0.8, "paren_single": 1.2, "short_propn": 0.5,
                "gvatt=nsubj": 0.6, "gvatt=pobj_by": 0.8, "satt=True": 0.5, "kind=head": -1.0, "kind=of": -1.0,
                "ent=ORG": 1.5},
    "Target": {"bias": -4.0, "lex_target": 2.0, "gvtgt=dobj": 1.5, "gvtgt=nsubjpass": 1.5, "gvtgt=pobj_against": 1.0,
               "relgov2=pobj_on|set|prep": 0.0, "rel=pobj_against": 1.5, "satt=True": 0.6, "kind=head": -0.5,
               "lex_weapon": -2.0, "lex_perp": -2.0, "lex_human": -3.0},
    "Victim": {"bias": -4.5, "gvvic=dobj": 2.0, "gvvic=nsubjpass": 2.0, "lex_human": 2.5, "ent=PERSON": 2.0, "title_before": 1.0,
               "satt=True": 0.5, "kind=notitle": 0.8, "kind=head": -1.0, "lex_perp": -2.0, "pos=PROPN": 0.5},
    "Weapon": {"bias": -3.0, "lex_weapon": 3.0, "gvwpn=dobj": 0.6, "gvwpn=nsubj": 0.4, "gvwpn=nsubjpass": 0.6,
               "rel=pobj_with": 0.5, "kind=head": -0.3, "satt=True": 0.3},
}
RULE_THRESHOLDS = {"PerpInd": 0.5, "PerpOrg": 0.5, "Target": 0.5, "Victim": 0.5, "Weapon": 0.5}


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x))))


_RULE_ITEMS = [list(RULE_WEIGHTS[role].items()) for role in MUC_ROLES]
_RULE_FEATS = frozenset(k for items in _RULE_ITEMS for k, _ in items)


_RULE_MEMO: dict[frozenset, list[float]] = {}  # rule-feature set -> its row, kept across documents


def score_rules(cands: list[Candidate]) -> np.ndarray:
    memo = _RULE_MEMO
    if len(memo) > 65536:
        memo.clear()
    rows = []
    present = _RULE_FEATS.intersection
    for c in cands:
        fs = present(c.feats)  # the rule features present (same sums, in the same order)
        row = memo.get(fs)
        if row is None:
            row = memo[fs] = [_sigmoid(sum(v for k, v in items if k in fs)) for items in _RULE_ITEMS]
        rows.append(row)
    return np.array(rows, dtype=np.float64).reshape(len(cands), len(MUC_ROLES))  # one array, not row by row


# occurrence-level (context) features: scored per occurrence, max-pooled per string
OCC_PREFIXES = ("rel=", "relgov=", "relgov2=", "gov=", "gvatt=", "gvvic=", "gvtgt=", "gvwpn=", "passive_subj",
                "kind_rel=", "prev=", "next=", "sent=", "satt=", "firstocc=", "title_before", "paren_single",
                "ent=")


class Linear:
    """A sparse linear map (feature name -> one weight per role) as an index and a matrix."""

    def __init__(self, weights: dict[str, list[float]], width: int = len(MUC_ROLES)):
        self.index = {f: j + 1 for j, f in enumerate(weights)}
        self.M = np.zeros((len(weights) + 1, width))
        if weights:
            self.M[1:] = np.asarray(list(weights.values()), dtype=np.float64).reshape(len(weights), width)

    def z(self, feat_lists: list[list[str]]) -> np.ndarray:
        """Summed weights of each feature list (row 0 is a zero row, so empty lists are fine)."""
        if not feat_lists:
            return np.zeros((0, self.M.shape[1]))
        # one lookup pass over all names (unknown -> -1), each list led by row 0 (so empty lists are
        # fine), then the unknown names dropped: the same rows in the same order as list by list
        lens = np.fromiter(map(len, feat_lists), dtype=np.int64, count=len(feat_lists))
        flat = np.fromiter(map(self.index.get, chain.from_iterable(feat_lists), repeat(-1)), dtype=np.int64,
                           count=int(lens.sum()))
        idx = np.zeros(len(flat) + len(lens), dtype=np.int64)
        mask = np.ones(len(idx), dtype=bool)
        mask[np.cumsum(lens + 1) - (lens + 1)] = False
        idx[mask] = flat
        idx = idx[idx >= 0]
        return np.add.reduceat(self.M[idx], np.flatnonzero(idx == 0), axis=0)


def occ_feats(c: Candidate) -> list[str]:
    return [f for f in c.feats if f.startswith(OCC_PREFIXES)]


def dense_occ(doc, occs: list[Candidate], tensor=None) -> np.ndarray | None:
    """Contextual vectors of occurrences from the parser's tok2vec (``doc.tensor``): the head
    token, the mean over the span and the head's syntactic governor (None without a tensor)."""
    T = doc.tensor if tensor is None else tensor
    if T is None or T.ndim != 2 or T.shape[0] != len(doc) or T.shape[1] != DENSE_WIDTH:
        return None
    T = np.asarray(T, dtype=np.float32)
    if not occs:
        return np.zeros((0, 3 * DENSE_WIDTH), dtype=np.float32)
    cs = np.vstack([np.zeros((1, T.shape[1]), dtype=np.float32), np.cumsum(T, axis=0)])
    heads = np.array([c.head for c in occs])
    starts = np.array([c.start for c in occs])
    ends = np.array([c.end for c in occs])
    # governors from the relative head offsets (uint64 two's complement), no Token objects made
    gov = np.ascontiguousarray(doc.to_array("HEAD")).view(np.int64) + np.arange(len(doc), dtype=np.int64)
    mean = (cs[ends] - cs[starts]) / (ends - starts)[:, None]
    return np.hstack([T[heads], mean, T[gov[heads]]])


DENSE_WIDTH = 96  # width of en_core_web_sm's tok2vec output


def _max_occ(keys, table: Linear, dense: np.ndarray | None = None, U: np.ndarray | None = None) -> np.ndarray:
    """Per string and role: the best occurrence's context score (multi-instance max-pooling)."""
    occs = [c for k in keys for c in k.occurrences]
    so = table.z([occ_feats(c) for c in occs])
    if dense is not None and U is not None:
        so = so + dense @ U
    lens = np.array([len(k.occurrences) for k in keys], dtype=np.int64)
    return np.maximum.reduceat(so, np.cumsum(lens) - lens, axis=0)


def score_learned(keys, weights, occ_weights=None, dense=None, U=None) -> np.ndarray:
    """Probabilities (n x roles): pooled string features plus, when given, the max over the
    string's occurrences of the occurrence-context model (sparse ``occ_weights`` and, with
    ``dense`` occurrence vectors, dense weights ``U``). ``weights`` may be dicts or Linear."""
    if not len(keys):
        return np.zeros((0, len(MUC_ROLES)))
    table = weights if isinstance(weights, Linear) else Linear(weights)
    z = table.z([k.feats for k in keys])
    if occ_weights is not None:
        occ = occ_weights if isinstance(occ_weights, Linear) else Linear(occ_weights)
        z = z + _max_occ(keys, occ, dense, U)
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def _members() -> list[tuple]:
    """The shipped ensemble: (pooled table, occurrence table or None, dense weights or None) each."""
    return _members_of(model_name())


@functools.lru_cache(maxsize=2)
def _members_of(name: str) -> list[tuple]:
    m = model_file(name)
    out = []
    for mem in m.get("members") or [m]:
        occ = Linear(mem["occ_weights"]) if mem.get("occ_weights") else None
        U = np.asarray(mem["occ_dense"], dtype=np.float32) if mem.get("occ_dense") else None
        out.append((Linear(mem["weights"]), occ, U))
    return out


def score(keys, use_model: bool = True, doc=None, enc_head=None) -> tuple[np.ndarray, dict[str, float]]:
    """Probabilities (n_strings x 5 roles), averaged over the ensemble members, and the
    per-role thresholds to apply. ``enc_head``: the role encoder's head-word probabilities of ``keys``
    when the caller has them already (else read from ``doc`` for the late fusion)."""
    m = model_weights() if use_model else None
    if m is None:
        return score_rules(keys), RULE_THRESHOLDS
    members = _members()
    dense = None
    if doc is not None and any(U is not None for _, _, U in members):
        dense = dense_occ(doc, [c for k in keys for c in k.occurrences])
    probs = [score_learned(keys, w, v, dense, U) for w, v, U in members]
    p = probs[0] if len(probs) == 1 else np.mean(probs, axis=0)
    stacked = (m.get("encoder") or {}).get("stack")
    if stacked and doc is not None and len(keys):  # late fusion with the role encoder's own score
        from .encoded import doc_words, key_probs, stack

        if enc_head is None:
            enc_head = key_probs(doc, keys, doc_words(doc))[0]
        p = stack(p, enc_head, stacked)
    return p, m["thresholds"]


DOC_PARTS = ("lemma",)  # the gate's feature groups when the model file names none


def _bucket(n: int, edges: tuple[int, ...] = (1, 2, 3, 5, 9, 17)) -> int:
    return next((i for i, e in enumerate(edges) if n < e), len(edges))


def doc_features(doc, parts=DOC_PARTS) -> list[str]:
    """Features of a whole report for the relevance gate (all lower-cased). ``parts``:
    ``lemma`` (bag of content lemmas), ``lead`` (content lemmas of the first two sentences),
    ``bigram`` (pairs of nearby content lemmas), ``count`` (bucketed counts of attack words,
    victim words, perpetrator nouns, casualty figures, length)."""
    from .candidates import doc_tokens

    t = doc_tokens(doc)
    feats = {"bias"}
    lem = t.lemma_lower
    content = [i for i, (alpha, stop, text) in enumerate(zip(t.alpha, t.stop, t.text)) if alpha and not stop and len(text) > 2]
    if "lemma" in parts:
        feats.update("l=" + lem[i] for i in content)
    if "lead" in parts:
        sents = t.sent_starts[:2]
        end = sents[-1][1] if sents else 0
        feats.update("f=" + lem[i] for i in content if i < end)
    if "bigram" in parts:
        feats.update(f"b={lem[a]}_{lem[b]}" for a, b in zip(content, content[1:]) if b - a <= 2)
    if "count" in parts:
        from .lexicon import lexicon

        lex = lexicon()
        att = lex["attack_verbs"] | lex["attack_nouns"]
        vic = lex["victim_verbs"] | _CASUALTY
        first = t.sent_starts[0] if t.sent_starts else None
        feats.add(f"natt={_bucket(sum(1 for x in lem if x in att))}")
        feats.add(f"natt1={_bucket(sum(1 for i in range(*first) if lem[i] in att) if first else 0)}")
        feats.add(f"nvic={_bucket(sum(1 for x in lem if x in vic))}")
        feats.add(f"nperp={_bucket(sum(1 for x in lem if x in lex['perp_nouns']))}")
        feats.add(f"len={_bucket(len(lem), (50, 100, 200, 400, 800, 1600))}")
        figs = sum(1 for i, num in enumerate(t.num) if num and any(x in vic for x in lem[i + 1 : i + 5]))
        feats.add(f"nfig={_bucket(figs)}")
    return sorted(feats)


_CASUALTY = {"dead", "death", "injure", "wound", "casualty"}


def score_doc(feats: list[str], weights: dict[str, list[float]]) -> float:
    z = sum(weights[f][0] for f in feats if f in weights)
    return _sigmoid(z)


def role_max_features(probs: np.ndarray) -> list[str]:
    """Bucketed strongest candidate probability per role (stacked into the relevance gate)."""
    if len(probs) == 0:
        return [f"max_{r}=0" for r in MUC_ROLES]
    top = probs.max(axis=0)
    return [f"max_{r}={int(min(top[i], 0.999) * 10)}" for i, r in enumerate(MUC_ROLES)]


def doc_relevance(doc, probs: np.ndarray) -> float | None:
    """Probability that the report describes a reportable attack (None without a model)."""
    m = model_weights()
    if m is None or "doc_weights" not in m:
        return None
    feats = doc_features(doc, tuple(m.get("doc_parts", DOC_PARTS)))
    if (m.get("encoder") or {}).get("doc"):  # (a model trained with the role encoder's report features)
        from .encoded import doc_features as encoder_doc_features, doc_words

        feats = feats + encoder_doc_features(doc_words(doc))
    return score_doc(feats + role_max_features(probs), m["doc_weights"])

