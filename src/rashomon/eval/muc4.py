"""MUC-4 role-filler evaluation (CEAF-REE, GRIT's metric) of rashomon's role extractor.

    from rashomon.eval.muc4 import evaluate, render
    print(render(evaluate(".../muc4/processed/dev.json", originals=".../muc4/corpora")))
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from rashomon.eval.ceaf import ROLES, merge_templates, score
from rashomon.models import Argument

ROLE_TO_MUC = {
    "perpetrator_individual": "PerpInd",
    "perpetrator_org": "PerpOrg",
    "target": "Target",
    "victim": "Victim",
    "weapon": "Weapon",
}
_DOCID = re.compile(r"^((?:DEV|TST\d)-MUC\d-\d{4})\b", re.M)
_DATELINE = re.compile(r"\b(\d{1,2}) ([A-Z]{3}) (\d{2})\b")
_MONTHS = {m: i + 1 for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split())}


def arguments_to_template(arguments: list[Argument], incident_type: str = "attack") -> dict:
    """MUC-4 prediction template: one entity per canonical string, with one mention (the first)."""
    template: dict = {"incident_type": incident_type, **{r: [] for r in ROLES}}
    seen: set[tuple[str, str]] = set()
    for arg in arguments:
        role = ROLE_TO_MUC.get(arg.role)
        if role is None:
            continue
        key = (role, arg.entity or arg.span.text.lower())
        if key in seen:
            continue
        seen.add(key)
        template[role].append([arg.span.text])
    return template


def read_datelines(originals: str | Path) -> dict[str, str]:
    """docid -> ISO date from the datelines of the original upper-case MUC files."""
    out: dict[str, str] = {}
    for path in sorted(Path(originals).rglob("*")):
        if not path.is_file() or path.name.startswith(("key-", "README")):
            continue
        try:
            text = path.read_text(encoding="latin-1")
        except OSError:
            continue
        ids = list(_DOCID.finditer(text))
        for m, nxt in zip(ids, ids[1:] + [None]):
            body = text[m.end() : nxt.start() if nxt else len(text)][:400]
            d = _DATELINE.search(body)
            if d and d.group(2) in _MONTHS:
                year = 1900 + int(d.group(3))
                try:
                    out[m.group(1)] = date(year, _MONTHS[d.group(2)], int(d.group(1))).isoformat()
                except ValueError:
                    pass
    return out


def predict(doctexts: dict[str, str], nlp=None, batch_size: int = 16, use_model: bool = True) -> dict:
    """Run the pipeline and the role extractor on each text; MUC-4 predictions by docid."""
    from rashomon.extract.roles import extract_role_fillers
    from rashomon.nlp.model import load_nlp

    nlp = nlp or load_nlp()
    ids = list(doctexts)
    preds = {}
    for docid, doc in zip(ids, nlp.pipe((doctexts[i] for i in ids), batch_size=batch_size)):
        preds[docid] = {"templates": [arguments_to_template(extract_role_fillers(doc, use_model=use_model, muc_style=True))]}
    return preds


def evaluate(path, predictions_out=None, limit=None, originals=None, **opts) -> dict:
    """Extract role fillers from every document of a processed MUC-4 JSONL file and score them.

    ``use_model=False`` scores the rules-only variant. Datelines read from ``originals`` are
    stored as each prediction's ``date`` (the role extractor itself does not need them).
    """
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    if limit:
        rows = rows[:limit]
    dates = read_datelines(originals) if originals else {}
    preds = predict({r["docid"]: r["doctext"] for r in rows}, use_model=opts.get("use_model", True))
    for docid, p in preds.items():
        if docid in dates:
            p["date"] = dates[docid]
    if predictions_out:
        Path(predictions_out).write_text(json.dumps(preds, indent=1), encoding="utf-8")
    gold = {r["docid"]: {"templates": r["templates"]} for r in rows}
    metrics = score(gold, preds)
    metrics["documents"] = len(rows)
    metrics["gold_entities"] = sum(len(v) for r in rows for v in merge_templates(r["templates"]).values())
    metrics["datelines"] = sum(1 for r in rows if r["docid"] in dates)
    return metrics


def render(metrics: dict) -> str:
    """Plain-text table of per-role and micro P/R/F1."""
    lines = [f"MUC-4 CEAF-REE  ({metrics.get('documents', '?')} docs, {metrics.get('gold_entities', '?')} gold entities)",
             f"{'role':<10}{'P':>8}{'R':>8}{'F1':>8}{'match':>8}{'pred':>8}{'gold':>8}"]
    for key in (*ROLES, "micro"):
        m = metrics[key]
        lines.append(f"{key:<10}{m['p'] * 100:8.2f}{m['r'] * 100:8.2f}{m['f1'] * 100:8.2f}"
                     f"{m['matched']:8d}{m['predicted']:8d}{m['gold']:8d}")
    return "\n".join(lines)
