"""Role-filler candidates read by the span encoder (optional): binned probabilities as features.

With the encoder on (``--encoder``), the MUC-4 role heads of :mod:`rashomon.nlp.encoder` (task
``roles``) give each word a probability of lying in a PerpInd / PerpOrg / Target / Victim / Weapon
mention. Each candidate string gets, per role, the bin of its best occurrence's head-word probability
and of its best occurrence's mean probability over the span. The linear role model trained on them
(``model_encoder.json.gz``) weighs these with the parse features; the decision stays the role model's.
"""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc

from .lexicon import MUC_ROLES

EDGES = (0.05, 0.15, 0.3, 0.5, 0.7, 0.85, 0.95)  # probability bins (left-closed)
USER_KEY = "rashomon_role_probs"


def token_matrix(doc: Doc, words: dict[str, list]) -> np.ndarray:
    """(tokens x roles) probabilities: per spaCy token, the highest of the words it overlaps, per role."""
    P = np.zeros((len(doc), len(MUC_ROLES)), dtype=np.float32)
    if not len(doc):
        return P
    starts = np.array([t.idx for t in doc])
    for r, role in enumerate(MUC_ROLES):
        for s, e, p in words.get(role, ()):
            a = max(int(np.searchsorted(starts, s, side="right")) - 1, 0)
            b = int(np.searchsorted(starts, e, side="left"))
            if b <= a:
                b = a + 1
            P[a:b, r] = np.maximum(P[a:b, r], p)
    return P


def doc_words(doc: Doc) -> dict[str, list]:
    """The encoder's word probabilities for the document (computed once, kept on the Doc)."""
    words = doc.user_data.get(USER_KEY)
    if words is None:
        from rashomon.nlp import encoder
        from rashomon.nlp.model import doc_text

        words = encoder.head_word_probs([doc_text(doc)], "roles")[0]
        doc.user_data[USER_KEY] = words
    return words


def _bin(p: float) -> int:
    return int(np.searchsorted(EDGES, p, side="right"))


def key_probs(doc: Doc, keys, words: dict[str, list]) -> tuple[np.ndarray, np.ndarray]:
    """Per pooled candidate and role: the best head-word probability over its occurrences, and the best
    mean probability over an occurrence's words (two keys x roles arrays)."""
    P = token_matrix(doc, words)
    cs = np.vstack([np.zeros((1, P.shape[1]), dtype=np.float32), np.cumsum(P, axis=0)])
    head_p = np.zeros((len(keys), P.shape[1]), dtype=np.float32)
    span_p = np.zeros_like(head_p)
    for n, k in enumerate(keys):
        heads = np.array([c.head for c in k.occurrences])
        starts = np.array([c.start for c in k.occurrences])
        ends = np.array([c.end for c in k.occurrences])
        head_p[n] = P[heads].max(axis=0)
        span_p[n] = ((cs[ends] - cs[starts]) / (ends - starts)[:, None]).max(axis=0)
    return head_p, span_p


def add_features(doc: Doc, keys, words: dict[str, list]) -> np.ndarray | None:
    """Append ``encH_<role>=<bin>`` (best head-word probability over the string's occurrences) and
    ``encS_<role>=<bin>`` (best mean over an occurrence's words) to each pooled candidate's features;
    returns the head-word probabilities (for :func:`stack`)."""
    if not keys:
        return None
    head_p, span_p = key_probs(doc, keys, words)
    for k, h, s in zip(keys, head_p, span_p):
        k.feats = k.feats + [f"encH_{r}={_bin(h[j])}" for j, r in enumerate(MUC_ROLES)] \
            + [f"encS_{r}={_bin(s[j])}" for j, r in enumerate(MUC_ROLES)]
    return head_p


def stack(probs: np.ndarray, enc: np.ndarray, weights: dict[str, list[float]]) -> np.ndarray:
    """Late fusion per role: sigmoid(a * logit(role model) + b * logit(encoder) + c)."""
    out = probs.copy()
    for j, r in enumerate(MUC_ROLES):
        a, b, c = weights[r]
        z = a * _logit(probs[:, j]) + b * _logit(enc[:, j]) + c
        out[:, j] = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
    return out


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-4, 1 - 1e-4)
    return np.log(p / (1 - p))


def fit_stack(probs: np.ndarray, enc: np.ndarray, y: np.ndarray, l2: float = 1e-3, iters: int = 50) -> dict:
    """The :func:`stack` weights per role by logistic regression (Newton steps) on out-of-sample scores."""
    out = {}
    for j, r in enumerate(MUC_ROLES):
        X = np.column_stack([_logit(probs[:, j]), _logit(enc[:, j]), np.ones(len(probs))])
        w = np.array([1.0, 0.0, 0.0])
        for _ in range(iters):
            p = 1.0 / (1.0 + np.exp(-np.clip(X @ w, -30, 30)))
            g = X.T @ (p - y[:, j]) + l2 * w
            H = (X * (p * (1 - p))[:, None]).T @ X + l2 * np.eye(3)
            w = w - np.linalg.solve(H, g)
        out[r] = [round(float(x), 4) for x in w]
    return out


def doc_features(words: dict[str, list]) -> list[str]:
    """Relevance-gate features of a whole report: per role, the bin of the encoder's most confident word
    and the bucketed number of words it puts in a mention (>= 0.5)."""
    feats = []
    for role in MUC_ROLES:
        ps = [p for _, _, p in words.get(role, ())]
        feats.append(f"encmax_{role}={_bin(max(ps, default=0.0))}")
        n = sum(p >= 0.5 for p in ps)
        feats.append(f"encn_{role}={next((i for i, e in enumerate((1, 2, 4, 8, 16)) if n < e), 5)}")
    return feats
