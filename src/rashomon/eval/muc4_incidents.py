"""MUC-4 incident slots on TST1+TST2 (the processed dev split): date (issue 9), location and
killed/wounded figures (issue 8), scored against the full answer keys.

Each original document (``corpora/tst1``, ``corpora/tst2``; dateline included) is analysed by
:class:`rashomon.engine.pipeline.Pipeline` with ``published`` = the dateline date. Every
non-background event is one predicted incident: ``date`` = its date value when it denotes a
day (``YYYY-MM-DD``, a time is cut to its day; coarser values such as ``1989-12`` count as no
date), ``type`` = its MUC-4 incident type, ``location`` = country, place. Predictions and the
relevant key templates are paired and scored by :func:`rashomon.eval.muc4_slots.score_slots`
(rule in its docstring): ``date`` is strict (an open key ``- D`` accepts only ``D``),
``date_lenient`` accepts any day ``<= D`` for open keys.

``case``: ``"lower"`` analyses the lower-cased text (as in ``processed/*.json``),
``"original"`` the upper-case originals. ``unwrap`` (default True) joins the originals'
hard-wrapped lines (a single newline becomes a space; blank lines stay), as the processed
JSON does: the pipeline treats a newline as a sentence boundary and dates an event from its
own sentence, so wrapped lines would cut most dates off their events. A second run, ``fallback``, gives events without a
day the dateline date (the MUC default fill); it shows what the tagger adds over that baseline.

``gazetteer`` (default True): MUC-4's own place lists (``docs/containing-areas-*``,
``docs/places-synonyms*`` of the shared MUC-4 data) are read at run time and added to the
gazetteer through :func:`rashomon.extract.places.register_places` (nothing is copied into the
package). Predicted names are compared accent-folded (``Bogotá`` = ``BOGOTA``).
"""

from __future__ import annotations

import json
import re
import time
from importlib.resources import files
from pathlib import Path

from rashomon.eval import muc4_keys as mk
from rashomon.eval.muc4_slots import score_slots

SPLITS = ("tst1", "tst2")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _muc_types() -> dict[str, str]:
    data = json.loads(files("rashomon.data").joinpath("events/event_types.json").read_text())
    return {k: v["muc4"] for k, v in data["types"].items()}


def day_of(value: str | None) -> str | None:
    """The ISO day a TIMEX3 value denotes, or None (coarser or underspecified)."""
    m = _DAY.match(value or "")
    return m.group(0) if m else None


def load(path=None, limit: int | None = None) -> tuple[dict, dict]:
    """(texts, keys) of TST1+TST2 under the MUC-4 root ``path`` (default ``<repo>/../shared/data/muc4``)."""
    root = Path(path) if path else mk.default_root()
    corpora = root / "corpora" if (root / "corpora").is_dir() else root
    texts, keys = {}, {}
    for split in SPLITS:
        texts.update(mk.load_texts(corpora / split))
        keys.update(mk.load_keys(corpora / split))
    docids = sorted(texts)
    if limit:
        docids = docids[: int(limit)]
    return {d: texts[d] for d in docids}, {d: keys.get(d, []) for d in docids}


_LEVEL = re.compile(r"^(?P<name>[^()]*?)\s*(?:\((?P<type>[^()]*)\))?\s*$")
_REGION_TYPES = {"DEPARTMENT", "PROVINCE", "STATE", "REGION", "OFFICIAL REGION", "COMMISSARIAT", "INTENDANCY",
                 "NATIONAL TERRITORY", "FEDERAL DISTRICT"}


def muc4_place_entries(docs: Path) -> list[tuple]:
    """``(name, kind, country, parent[, alias_of])`` rows from MUC-4's containing-areas and
    synonym lists under ``docs`` (``EL SALVADOR: SAN MIGUEL (DEPARTMENT): CHIRILAGUA (CITY?)``)."""
    rows: list[tuple] = []
    seen: dict[str, tuple] = {}
    for path in sorted(docs.glob("containing-areas-*")):
        text = path.read_text(encoding="latin-1")
        body = text[text.find("\n---") + 1:] if "\n---" in text else text  # after the header notes
        for line in body.splitlines():
            line = re.sub(r"\s(?:message\s[\d, ]+)?\*.*$", "", line).strip()
            if ":" not in line or not re.match(r"^[A-Z?][A-Z .'&-]*:", line):
                continue
            levels = [x.strip() for x in line.split(":") if x.strip()]
            country = levels[0] if levels[0] != "?" else None
            parsed = []
            for lev in levels[1:]:
                m = _LEVEL.match(lev)
                if not m or not m.group("name"):
                    break
                kind = (m.group("type") or "").replace("?", "").split("/")[0].strip().upper()
                parsed.append((m.group("name").strip(), kind))
            for k, (name, kind) in enumerate(parsed):
                row = (name.title(), "region" if kind in _REGION_TYPES else "city", country,
                       parsed[k - 1][0].title() if k else None)
                key = (name, row[1], country)
                if key not in seen:
                    seen[key] = row
                    rows.append(row)
    names = {r[0].upper(): r for r in rows}
    for path in sorted(docs.glob("places-synonyms*")):
        for line in path.read_text(encoding="latin-1").splitlines():
            m = re.match(r"^([A-Z][A-Z .,'-]*?)\s*(?:=|->)\s*([A-Z][A-Z .,'-]*?)\s*(?:<-NEW)?\s*$", line.strip())
            if not m:
                continue
            alias, target = m.group(1).strip(), m.group(2).strip()
            if target in names and alias not in names:
                _, kind, country, parent = names[target]
                rows.append((alias.title(), kind, country, parent, target.title()))
    return rows


_REGISTERED_ROOTS: set[str] = set()


def register_muc4_places(root=None) -> int:
    """Add MUC-4's place lists (``<root>/docs``) to the gazetteer once per process."""
    from rashomon.extract.places import register_places

    root = Path(root) if root else mk.default_root()
    docs = root / "docs"
    if str(docs) in _REGISTERED_ROOTS or not docs.is_dir():
        return 0
    _REGISTERED_ROOTS.add(str(docs))
    return register_places(muc4_place_entries(docs))


def prepare(text: str, case: str = "lower", unwrap: bool = True) -> str:
    """The text given to the pipeline (same length as ``text``: offsets stay valid)."""
    if unwrap:
        text = re.sub(r"(?<=\S)[ \t]*\n(?=[ \t]*\S)", lambda m: " " * len(m.group(0)), text)
    return text.lower() if case == "lower" else text


def predict(texts: dict, case: str = "lower", pipeline=None, unwrap: bool = True) -> dict[str, list[dict]]:
    """docid -> predicted incidents ``{"date", "value", "date_text", "type", "location", "trigger"}``."""
    from rashomon.engine.pipeline import Pipeline
    from rashomon.extract.places import fold
    from rashomon.models import Document

    pipe = pipeline or Pipeline()
    muc = _muc_types()
    out: dict[str, list[dict]] = {}
    for docid, t in texts.items():
        text = prepare(t["text"], case, unwrap)
        an = pipe.analyze(Document(id=docid, text=text, published=t.get("date")))
        preds = []
        for ev in an.events:
            if ev.background:
                continue
            value = ev.date.value if ev.date else None
            # the first count told (wire copy leads with the toll; later ones are often totals)
            killed = [f.value for f in ev.figures if f.kind == "killed"][:1]
            wounded = [f.value for f in ev.figures if f.kind == "wounded"][:1]
            loc = [fold(x).upper() for x in ((ev.place.country_name, ev.place.name) if ev.place else ()) if x]
            preds.append({
                "killed": killed[0] if killed else None, "wounded": wounded[0] if wounded else None,
                "date": day_of(value), "value": value, "date_text": ev.date.span.text if ev.date else None,
                "type": muc.get(ev.type, ev.type), "trigger": ev.trigger.text,
                "location": loc,
            })
        out[docid] = preds
    return out


def _with_fallback(preds: dict, texts: dict) -> dict:
    return {d: [dict(p, date=p["date"] or texts[d].get("date")) for p in ps] for d, ps in preds.items()}


def evaluate(path=None, predictions_out=None, limit=None, case: str = "lower", unwrap: bool = True,
             pipeline=None, gazetteer: bool = True) -> dict:
    """Score incident dates of the pipeline's events against ``INCIDENT: DATE`` of the keys."""
    texts, keys = load(path, limit)
    if gazetteer:
        register_muc4_places(path)
    t0 = time.perf_counter()
    preds = predict(texts, case=case, pipeline=pipeline, unwrap=unwrap)
    seconds = time.perf_counter() - t0
    if predictions_out:
        Path(predictions_out).write_text(json.dumps(preds, indent=1), encoding="utf-8")
    docids = sorted(texts)
    scored = score_slots(preds, keys, texts, docids=docids)
    fallback = score_slots(_with_fallback(preds, texts), keys, texts, docids=docids)
    n_events = sum(len(p) for p in preds.values())
    return {
        "case": case, "unwrap": unwrap, "documents": len(docids), "key_templates": scored["key_templates"],
        "events": n_events, "events_with_day": sum(bool(p["date"]) for ps in preds.values() for p in ps),
        "events_with_coarser_value": sum(bool(p["value"]) and not p["date"] for ps in preds.values() for p in ps),
        "paired": scored["paired"], "date": scored["date"], "date_lenient": scored["date_lenient"],
        **{slot: scored[slot] for slot in ("location_exact", "location_any", "killed", "wounded")},
        "fallback": {"date": fallback["date"], "date_lenient": fallback["date_lenient"]},
        "seconds": seconds,
    }


def render(metrics: dict) -> str:
    """Plain-text table: strict/lenient accuracy, P/R/F1, with and without the dateline fallback."""
    pct = lambda x: f"{100 * x:6.2f}"  # noqa: E731
    lines = [
        f"MUC-4 TST1+TST2 incidents: date, location, figures  (text: {metrics['case']}-case{', unwrapped' if metrics.get('unwrap') else ''}; {metrics['documents']} docs, "
        f"{metrics['key_templates']} relevant key templates, {metrics['events']} predicted incidents, "
        f"{metrics['events_with_day']} with a day, {metrics['events_with_coarser_value']} coarser; "
        f"{metrics['paired']} pairs)",
        f"{'run':<22}{'accuracy':>9}{'correct':>8}{'both':>6}{'P':>8}{'R':>8}{'F1':>8}{'pred':>6}{'gold':>6}",
    ]
    for name, block in (("events", metrics), ("events + dateline", metrics["fallback"])):
        for slot, label in (("date", "strict"), ("date_lenient", "lenient")):
            m = block[slot]
            lines.append(f"{name + ' ' + label:<22}{pct(m['accuracy']):>9}{m['correct']:8d}{m['both']:6d}"
                         f"{pct(m['p']):>8}{pct(m['r']):>8}{pct(m['f1']):>8}{m['pred']:6d}{m['gold']:6d}")
    for slot in ("location_exact", "location_any", "killed", "wounded"):
        m = metrics[slot]
        lines.append(f"{slot:<22}{pct(m['accuracy']):>9}{m['correct']:8d}{m['both']:6d}"
                     f"{pct(m['p']):>8}{pct(m['r']):>8}{pct(m['f1']):>8}{m['pred']:6d}{m['gold']:6d}")
    lines.append(f"accuracy = correct / pairs where both the key and the prediction have a value; "
                 f"pipeline time {metrics['seconds']:.0f} s")
    return "\n".join(lines)
