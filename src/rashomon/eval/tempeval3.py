"""TempEval-3 task A (TIMEX3) evaluation of :func:`rashomon.extract.timex.tag_timexes`.

Scoring follows the official TempEval-3 entity scorer: both annotations are tokenised,
a gold and a predicted timex are paired when their tokens overlap (greedily, one-to-one,
in text order); strict = identical token extents, relaxed = overlap; type/value accuracy
are measured on relaxed matches and "type F1"/"value F1" = accuracy x relaxed F1.
The DCT timex is given and not scored.
"""

from __future__ import annotations

import html
import re
import time
from pathlib import Path

from rashomon.eval.metrics import prf as _prf
from rashomon.extract.timex import tag_timexes

_TAG = re.compile(r"<[^>]+>")
_TIMEX = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_TOKEN = re.compile(r"\w+|[^\w\s]")


def read_tml(path: Path) -> dict:
    """Raw text of TEXT, DCT value and gold timexes (char offsets into that text)."""
    src = path.read_text(encoding="utf-8")
    m = re.search(r"<TEXT>(.*?)</TEXT>", src, re.S)
    body = m.group(1)
    dct_m = re.search(r"<DCT>\s*<TIMEX3\b([^>]*)>", src)
    dct = dict(_ATTR.findall(dct_m.group(1))).get("value") if dct_m else None
    text_parts: list[str] = []
    gold = []
    length = 0
    for piece in re.finditer(r"<[^>]+>|[^<]+", body):
        tok = piece.group(0)
        if tok.startswith("<"):
            if tok.startswith("<TIMEX3"):
                attrs = dict(_ATTR.findall(tok))
                gold.append({"start": length, "attrs": attrs})
            elif tok.startswith("</TIMEX3"):
                gold[-1]["end"] = length
            continue
        raw = html.unescape(tok)
        text_parts.append(raw)
        length += len(raw)
    text = "".join(text_parts)
    timexes = [{"start": g["start"], "end": g["end"], "type": g["attrs"].get("type"),
                "value": g["attrs"].get("value"), "mod": g["attrs"].get("mod"),
                "text": text[g["start"]:g["end"]]} for g in gold]
    return {"src": src, "text": text, "dct": dct, "gold": timexes, "text_span": m.span(1)}


def _token_ids(text: str) -> list[tuple[int, int]]:
    return [t.span() for t in _TOKEN.finditer(text)]


def _tokset(tokens: list[tuple[int, int]], start: int, end: int) -> frozenset[int]:
    return frozenset(i for i, (s, e) in enumerate(tokens) if s < end and e > start)


def match(text: str, gold: list[dict], pred: list[dict]) -> dict:
    """Pair gold and predicted timexes by token overlap (greedy, one-to-one, text order)."""
    tokens = _token_ids(text)
    gsets = [_tokset(tokens, g["start"], g["end"]) for g in gold]
    psets = [_tokset(tokens, p["start"], p["end"]) for p in pred]
    used: set[int] = set()
    pairs = []
    for gi, gs in enumerate(gsets):
        for pi, ps in enumerate(psets):
            if pi in used or not (gs & ps):
                continue
            used.add(pi)
            pairs.append((gi, pi, gs == ps))
            break
    return {"pairs": pairs, "unmatched_pred": [i for i in range(len(pred)) if i not in used],
            "unmatched_gold": sorted(set(range(len(gold))) - {g for g, _, _ in pairs})}


def _write_prediction(doc: dict, pred: list[dict], out: Path) -> None:
    text = doc["text"]
    parts = []
    pos = 0
    for i, p in enumerate(pred, 1):
        parts.append(html.escape(text[pos:p["start"]], quote=False))
        attrs = f'tid="t{i}" type="{p["type"]}" value="{html.escape(p["value"])}"'
        if p.get("mod"):
            attrs += f' mod="{p["mod"]}"'
        parts.append(f"<TIMEX3 {attrs}>{html.escape(text[p['start']:p['end']], quote=False)}</TIMEX3>")
        pos = p["end"]
    parts.append(html.escape(text[pos:], quote=False))
    s, e = doc["text_span"]
    src = doc["src"]
    out.write_text(src[:s] + "".join(parts) + src[e:], encoding="utf-8")


def evaluate(path, predictions_out=None, limit: int | None = None, use_doc: bool = True,
             collect_errors: bool = False) -> dict:
    """Score the tagger on every ``.tml`` under ``path``; optionally write predicted .tml files.

    ``use_doc=True`` (default) parses each text with :func:`rashomon.nlp.model.load_nlp` and passes
    the Doc to the tagger, as the pipeline does (tense from the parse); ``use_doc=False`` scores the
    lexical-only path."""
    files = sorted(Path(path).rglob("*.tml")) if Path(path).is_dir() else [Path(path)]
    if limit:
        files = files[:limit]
    nlp = None
    if use_doc:
        from rashomon.nlp.model import load_nlp
        nlp = load_nlp()
    outdir = Path(predictions_out) if predictions_out else None
    if outdir:
        outdir.mkdir(parents=True, exist_ok=True)
    c = dict(gold=0, pred=0, strict=0, relaxed=0, type_ok=0, value_ok=0, files=0)
    errors: list[dict] = []
    elapsed = 0.0
    for f in files:
        doc = read_tml(f)
        dct = (doc["dct"] or "")[:10] or None
        spacy_doc = nlp(doc["text"]) if nlp is not None else None
        t0 = time.perf_counter()
        tx = tag_timexes(doc["text"], dct, spacy_doc)
        elapsed += time.perf_counter() - t0
        pred = [{"start": t.span.start, "end": t.span.end, "type": t.type, "value": t.value, "mod": t.mod,
                 "text": t.span.text} for t in tx]
        gold = doc["gold"]
        res = match(doc["text"], gold, pred)
        c["files"] += 1
        c["gold"] += len(gold)
        c["pred"] += len(pred)
        for gi, pi, strict in res["pairs"]:
            g, p = gold[gi], pred[pi]
            c["relaxed"] += 1
            c["strict"] += strict
            c["type_ok"] += g["type"] == p["type"]
            c["value_ok"] += g["value"] == p["value"]
            if collect_errors and (not strict or g["type"] != p["type"] or g["value"] != p["value"]):
                errors.append({"file": f.name, "kind": "mismatch", "dct": dct, "gold": g, "pred": p,
                               "strict": strict, "context": doc["text"][max(0, g["start"] - 60):g["end"] + 60]})
        if collect_errors:
            for gi in res["unmatched_gold"]:
                g = gold[gi]
                errors.append({"file": f.name, "kind": "missed", "dct": dct, "gold": g,
                               "context": doc["text"][max(0, g["start"] - 60):g["end"] + 60]})
            for pi in res["unmatched_pred"]:
                p = pred[pi]
                errors.append({"file": f.name, "kind": "spurious", "dct": dct, "pred": p,
                               "context": doc["text"][max(0, p["start"] - 60):p["end"] + 60]})
        if outdir:
            _write_prediction(doc, pred, outdir / f.name)
    sp, sr, sf = _prf(c["strict"], c["pred"], c["gold"])
    rp, rr, rf = _prf(c["relaxed"], c["pred"], c["gold"])
    type_acc = c["type_ok"] / c["relaxed"] if c["relaxed"] else 0.0
    value_acc = c["value_ok"] / c["relaxed"] if c["relaxed"] else 0.0
    metrics = {
        "path": str(path), "counts": c,
        "strict": {"precision": sp, "recall": sr, "f1": sf},
        "relaxed": {"precision": rp, "recall": rr, "f1": rf},
        "type_accuracy": type_acc, "value_accuracy": value_acc,
        "type_f1": type_acc * rf, "value_f1": value_acc * rf,
        "seconds_tagging": elapsed, "use_doc": bool(use_doc),
    }
    if collect_errors:
        metrics["errors"] = errors
    return metrics


def render(metrics: dict) -> str:
    """Plain-text table of the metrics."""
    c = metrics["counts"]
    pct = lambda x: f"{100 * x:6.2f}"  # noqa: E731
    lines = [
        f"TempEval-3 TIMEX3  {metrics['path']}",
        f"files {c['files']}  gold {c['gold']}  predicted {c['pred']}  relaxed matches {c['relaxed']}  strict matches {c['strict']}",
        f"{'':10s} {'P':>6s} {'R':>6s} {'F1':>6s}",
        f"{'strict':10s} {pct(metrics['strict']['precision'])} {pct(metrics['strict']['recall'])} {pct(metrics['strict']['f1'])}",
        f"{'relaxed':10s} {pct(metrics['relaxed']['precision'])} {pct(metrics['relaxed']['recall'])} {pct(metrics['relaxed']['f1'])}",
        f"{'type':10s} accuracy {pct(metrics['type_accuracy'])}  F1 {pct(metrics['type_f1'])}",
        f"{'value':10s} accuracy {pct(metrics['value_accuracy'])}  F1 {pct(metrics['value_f1'])}",
        f"tagging time {metrics['seconds_tagging']:.2f} s  (tense from "
        f"{'the spaCy parse, as in the pipeline' if metrics.get('use_doc') else 'lexical cues only, no parse'})",
    ]
    return "\n".join(lines)
