"""Pair classification eval: tests/data/pairs.jsonl ({id, label, a: {text, date, source}, b: {...}}).

``evaluate(path=None, predictions_out=None, limit=None) -> dict`` runs
:func:`rashomon.resolve.contradictions.classify_pair` on each pair and returns accuracy and
per-class precision / recall / F1; ``render(metrics)`` prints a table.
"""

from __future__ import annotations

import json
from pathlib import Path

LABELS = ("agreement", "update", "conflict", "competing_attribution", "denial", "contradicting_account", "unrelated")


def default_path() -> Path:
    return Path(__file__).resolve().parents[3] / "tests" / "data" / "pairs.jsonl"


def evaluate(path=None, predictions_out=None, limit=None, **opts) -> dict:
    from rashomon.resolve.contradictions import classify_pair

    p = Path(path) if path else default_path()
    pairs = [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    if limit:
        pairs = pairs[: int(limit)]
    preds = []
    for pr in pairs:
        preds.append({"id": pr["id"], "gold": pr["label"], "pred": classify_pair(pr["a"], pr["b"])})
    per = {}
    for lab in sorted({*LABELS, *(x["gold"] for x in preds)}):
        tp = sum(x["gold"] == lab and x["pred"] == lab for x in preds)
        np_ = sum(x["pred"] == lab for x in preds)
        ng = sum(x["gold"] == lab for x in preds)
        P = 100 * tp / np_ if np_ else 0.0
        R = 100 * tp / ng if ng else 0.0
        per[lab] = {"p": P, "r": R, "f1": 2 * P * R / (P + R) if P + R else 0.0, "gold": ng, "pred": np_}
    acc = 100 * sum(x["gold"] == x["pred"] for x in preds) / len(preds) if preds else 0.0
    if predictions_out:
        Path(predictions_out).write_text("\n".join(json.dumps(x) for x in preds) + "\n")
    return {"pairs": len(preds), "accuracy": acc, "per_class": per}


def render(metrics: dict) -> str:
    lines = [f"pairs: {metrics['pairs']}  accuracy: {metrics['accuracy']:.1f}",
             f"{'label':24} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}"]
    for lab, m in metrics["per_class"].items():
        lines.append(f"{lab:24} {m['p']:6.1f} {m['r']:6.1f} {m['f1']:6.1f} {m['gold']:5d} {m['pred']:5d}")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    print(render(evaluate()))
