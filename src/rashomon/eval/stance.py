"""Statement-type evaluation on the hand-annotated MUC-4 train statements.

Gold: ``tests/data/statement_types_gold.jsonl`` (one statement per line: docid, sentence
offsets, cue/speaker/target text and offsets, type). Each gold item becomes a Statement;
when the attribution extractor exists and finds an attribution whose cue overlaps the gold
cue, its spans are used (``use_extractor=True``), otherwise the gold cue, the gold speaker
and the sentence (minus the cue and speaker) as content. Reports accuracy, per-type P/R/F1
and target accuracy (overlap with the gold target) on accusations, denials and dismissals.
"""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path

from rashomon.extract.stance import STATEMENT_TYPES, classify_statement
from rashomon.models import Span, Statement

REPO = Path(__file__).resolve().parents[3]
DEFAULT_GOLD = REPO / "tests" / "data" / "statement_types_gold.jsonl"
MUC_TRAIN = REPO / ".." / "shared" / "data" / "muc4" / "processed" / "train.json"
TARGET_TYPES = ("accusation", "denial", "dismissal")


def load_gold(path: str | Path | None = None) -> list[dict]:
    with open(path or DEFAULT_GOLD, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _load_docs(ids: set[str], muc_path: Path = MUC_TRAIN) -> dict[str, str]:
    out: dict[str, str] = {}
    with open(muc_path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d["docid"] in ids:
                out[d["docid"]] = d["doctext"]
    return out


def _extractor():
    if importlib.util.find_spec("rashomon.extract.attribution") is None:
        return None
    try:
        from rashomon.extract.attribution import extract_attributions
    except Exception:  # pragma: no cover - the other module may be mid-edit
        return None
    return extract_attributions


def _gold_statement(text: str, g: dict) -> Statement:
    cue = Span.of(text, g["cue_start"], g["cue_end"])
    src = Span.of(text, g["speaker_start"], g["speaker_end"]) if g.get("speaker_start") is not None else None
    # content: the sentence part after the cue (or before it when the cue ends the sentence)
    after = text[g["cue_end"]:g["end"]].strip()
    if len(after) > 3:
        cstart = g["cue_end"] + (len(text[g["cue_end"]:g["end"]]) - len(text[g["cue_end"]:g["end"]].lstrip()))
        content = Span.of(text, cstart, g["end"])
    else:
        content = Span.of(text, g["start"], g["cue_start"])
    return Statement(cue=cue, content=content, source=src)


def _overlap(a: Span | None, s: int | None, e: int | None) -> bool:
    return a is not None and s is not None and a.start < e and s < a.end


def evaluate(path: str | Path | None = None, predictions_out: str | Path | None = None,
             limit: int | None = None, use_extractor: bool = True, **_: object) -> dict:
    """Classify each gold statement and score types (and targets)."""
    from rashomon.nlp.model import load_nlp

    gold = load_gold(path)
    if limit:
        gold = gold[:limit]
    texts = _load_docs({g["docid"] for g in gold})
    nlp = load_nlp()
    extract = _extractor() if use_extractor else None
    docs = {}
    conf: Counter = Counter()
    per_gold: Counter = Counter()
    per_pred: Counter = Counter()
    correct = 0
    tgt_n = tgt_ok = 0
    used_extractor = 0
    preds = []
    for g in gold:
        text = texts[g["docid"]]
        if g["docid"] not in docs:
            docs[g["docid"]] = nlp(text)
        doc = docs[g["docid"]]
        st = None
        if extract is not None:
            try:
                for cand in extract(doc):
                    if _overlap(cand.cue, g["cue_start"], g["cue_end"]):
                        st = cand
                        used_extractor += 1
                        break
            except Exception:
                st = None
        if st is None:
            st = _gold_statement(text, g)
        typ, target = classify_statement(doc, st)
        ok = typ == g["type"]
        correct += ok
        conf[(g["type"], typ)] += 1
        per_gold[g["type"]] += 1
        per_pred[typ] += 1
        if g["type"] in TARGET_TYPES and g.get("target_start") is not None and ok:
            tgt_n += 1
            tgt_ok += _overlap(target, g["target_start"], g["target_end"])
        preds.append({**{k: g[k] for k in ("docid", "cue", "type")}, "pred": typ,
                      "pred_target": target.text if target else None, "gold_target": g.get("target")})
    by_type = {}
    for t in STATEMENT_TYPES:
        tp = conf[(t, t)]
        p = tp / per_pred[t] if per_pred[t] else 0.0
        r = tp / per_gold[t] if per_gold[t] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        by_type[t] = {"gold": per_gold[t], "pred": per_pred[t], "tp": tp, "p": p, "r": r, "f1": f}
    labelled = [t for t in STATEMENT_TYPES if per_gold[t]]
    macro = sum(by_type[t]["f1"] for t in labelled) / len(labelled) if labelled else 0.0
    non_other = [t for t in STATEMENT_TYPES if t != "other"]
    tp_no = sum(conf[(t, t)] for t in non_other)
    p_no = tp_no / sum(per_pred[t] for t in non_other) if sum(per_pred[t] for t in non_other) else 0.0
    r_no = tp_no / sum(per_gold[t] for t in non_other) if sum(per_gold[t] for t in non_other) else 0.0
    metrics = {
        "n": len(gold), "accuracy": correct / len(gold) if gold else 0.0, "macro_f1": macro,
        "micro_non_other": {"p": p_no, "r": r_no, "f1": 2 * p_no * r_no / (p_no + r_no) if p_no + r_no else 0.0},
        "by_type": by_type,
        "target": {"n": tgt_n, "correct": tgt_ok, "accuracy": tgt_ok / tgt_n if tgt_n else 0.0},
        "confusion": {f"{a}->{b}": n for (a, b), n in sorted(conf.items()) if a != b},
        "used_extractor": used_extractor,
    }
    if predictions_out:
        with open(predictions_out, "w", encoding="utf-8") as f:
            for p in preds:
                f.write(json.dumps(p) + "\n")
    return metrics


def render(metrics: dict) -> str:
    lines = [f"statement types: n={metrics['n']}  accuracy={metrics['accuracy']:.3f}  macro-F1={metrics['macro_f1']:.3f}"
             f"  (statements built by extractor: {metrics.get('used_extractor', 0)})",
             f"{'type':<26}{'gold':>5}{'pred':>5}{'P':>7}{'R':>7}{'F1':>7}"]
    for t, m in metrics["by_type"].items():
        lines.append(f"{t:<26}{m['gold']:>5}{m['pred']:>5}{m['p']:>7.3f}{m['r']:>7.3f}{m['f1']:>7.3f}")
    mo = metrics["micro_non_other"]
    lines.append(f"{'micro (all but other)':<36}{mo['p']:>7.3f}{mo['r']:>7.3f}{mo['f1']:>7.3f}")
    tg = metrics["target"]
    lines.append(f"target overlap (correctly typed accusation/denial/dismissal): {tg['correct']}/{tg['n']} = {tg['accuracy']:.3f}")
    if metrics["confusion"]:
        lines.append("confusions: " + ", ".join(f"{k} {v}" for k, v in metrics["confusion"].items()))
    return "\n".join(lines)


if __name__ == "__main__":  # python -m rashomon.eval.stance
    import sys

    print(render(evaluate(sys.argv[1] if len(sys.argv) > 1 else None, predictions_out="/tmp/stance_preds.jsonl")))
