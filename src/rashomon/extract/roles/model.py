"""Linear scoring of candidates: learned weights when shipped, else hand-set rule weights."""

from __future__ import annotations

import math

import numpy as np

from .candidates import Candidate
from .lexicon import MUC_ROLES, model_weights

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


def score_rules(cands: list[Candidate]) -> np.ndarray:
    out = np.zeros((len(cands), len(MUC_ROLES)))
    for i, c in enumerate(cands):
        fs = set(c.feats)
        for r, role in enumerate(MUC_ROLES):
            w = RULE_WEIGHTS[role]
            out[i, r] = _sigmoid(sum(v for k, v in w.items() if k in fs))
    return out


def score_learned(cands: list[Candidate], weights: dict[str, list[float]]) -> np.ndarray:
    out = np.zeros((len(cands), len(MUC_ROLES)))
    for i, c in enumerate(cands):
        z = np.zeros(len(MUC_ROLES))
        for f in c.feats:
            w = weights.get(f)
            if w is not None:
                z += w
        out[i] = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
    return out


def score(cands: list[Candidate], use_model: bool = True) -> tuple[np.ndarray, dict[str, float]]:
    """Probabilities (n_candidates x 5 roles) and the per-role thresholds to apply."""
    m = model_weights() if use_model else None
    if m is None:
        return score_rules(cands), RULE_THRESHOLDS
    return score_learned(cands, m["weights"]), m["thresholds"]


def doc_features(doc) -> list[str]:
    """Bag of content lemmas (lower-cased) of a document, for the relevance gate."""
    feats = {"bias"}
    for t in doc:
        if t.is_alpha and not t.is_stop and len(t.text) > 2:
            feats.add("l=" + t.lemma_.lower())
    return sorted(feats)


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
    return score_doc(doc_features(doc) + role_max_features(probs), m["doc_weights"])

