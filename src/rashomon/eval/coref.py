"""Coreference scorers over clusterings given as ``{item_id: cluster_id}`` (pure, no I/O).

Convention for items present in only one clustering: scores are computed on the **gold
items**. A gold item missing from the prediction is a predicted singleton; a predicted item
missing from gold is ignored (it is dropped before predicted clusters are formed, so it
neither helps nor hurts). Empty denominators give 0.0 (e.g. pairwise precision of a
prediction without any link), and F1 is 0.0 when P + R == 0.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping

Clustering = Mapping[Hashable, Hashable]


def _restrict(gold: Clustering, pred: Clustering) -> dict:
    """Predicted cluster of every gold item; gold items missing in ``pred`` become singletons."""
    out = {}
    for item in gold:
        out[item] = ("cluster", pred[item]) if item in pred else ("singleton", item)
    return out


def _clusters(assign: Mapping) -> dict[Hashable, set]:
    groups: dict[Hashable, set] = defaultdict(set)
    for item, cid in assign.items():
        groups[cid].add(item)
    return groups


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _div(a: float, b: float) -> float:
    return a / b if b else 0.0


def b_cubed(gold: Clustering, pred: Clustering) -> tuple[float, float, float]:
    """B³ (Bagga & Baldwin 1998), items weighted equally: per item, P = |G∩R|/|R|, R = |G∩R|/|G|."""
    if not gold:
        return 0.0, 0.0, 0.0
    p_assign = _restrict(gold, pred)
    g_of = {i: c for i, c in gold.items()}
    g_clusters = _clusters(g_of)
    p_clusters = _clusters(p_assign)
    p_sum = r_sum = 0.0
    for item in gold:
        g = g_clusters[g_of[item]]
        r = p_clusters[p_assign[item]]
        common = len(g & r)
        p_sum += common / len(r)
        r_sum += common / len(g)
    p, r = p_sum / len(gold), r_sum / len(gold)
    return p, r, _f1(p, r)


def _links(assign: Mapping) -> set[frozenset]:
    links = set()
    for members in _clusters(assign).values():
        ms = sorted(members, key=repr)
        for a in range(len(ms)):
            for b in range(a + 1, len(ms)):
                links.add(frozenset((ms[a], ms[b])))
    return links


def pairwise_counts(gold: Clustering, pred: Clustering) -> dict[str, int]:
    """Coreferent pairs: ``gold``, ``pred`` and ``correct`` (in both), over gold items."""
    g = _links(dict(gold))
    p = _links(_restrict(gold, pred))
    return {"gold": len(g), "pred": len(p), "correct": len(g & p)}


def pairwise(gold: Clustering, pred: Clustering) -> tuple[float, float, float]:
    """Pairwise link P/R/F1: P = correct/predicted pairs, R = correct/gold pairs."""
    c = pairwise_counts(gold, pred)
    p, r = _div(c["correct"], c["pred"]), _div(c["correct"], c["gold"])
    return p, r, _f1(p, r)


def _muc_side(key: Mapping, response: Mapping) -> tuple[int, int]:
    num = den = 0
    for members in _clusters(key).values():
        parts = {response[i] for i in members}
        num += len(members) - len(parts)
        den += len(members) - 1
    return num, den


def muc(gold: Clustering, pred: Clustering) -> tuple[float, float, float]:
    """MUC link-based score (Vilain et al. 1995): R = Σ(|S|-|p(S)|)/Σ(|S|-1), P symmetric."""
    g = dict(gold)
    p = _restrict(gold, pred)
    rn, rd = _muc_side(g, p)
    pn, pd = _muc_side(p, g)
    r, pr = _div(rn, rd), _div(pn, pd)
    return pr, r, _f1(pr, r)


def score_all(gold: Clustering, pred: Clustering) -> dict:
    """All metrics as ``{"b3": {...}, "pairwise": {...}, "muc": {...}}`` plus item counts."""
    out = {}
    for name, fn in (("b3", b_cubed), ("pairwise", pairwise), ("muc", muc)):
        p, r, f = fn(gold, pred)
        out[name] = {"p": p, "r": r, "f1": f}
    out["pairwise"].update(pairwise_counts(gold, pred))
    out["items"] = len(gold)
    out["gold_clusters"] = len(set(gold.values()))
    out["pred_clusters"] = len(set(_restrict(gold, pred).values()))
    return out
