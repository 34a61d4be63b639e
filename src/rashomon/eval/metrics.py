"""Precision, recall and F1 shared by the evaluations and the training scripts."""

from __future__ import annotations

from collections.abc import Iterable


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (fractions; 0 where undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def set_prf(pairs: Iterable[tuple[set, set]]) -> tuple[float, float, float]:
    """Micro P / R / F1 in percent (one decimal) over (predicted, gold) sets, e.g. one pair per document."""
    tp = n_pred = n_gold = 0
    for pred, gold in pairs:
        tp += len(pred & gold)
        n_pred += len(pred)
        n_gold += len(gold)
    return tuple(round(100 * x, 1) for x in prf(tp, n_pred, n_gold))
