"""Accuracy on the project's own modern wire-style reports (``tests/data/reports``).

Each ``NAME.txt`` has a ``NAME.json`` with the expected events and statements.
Matching rule: an expected event is found when a predicted event of the same
background status has a compatible type (same type, or same family: the air
family air/missile/drone strike, or an unspecified "attack") and, when both have
one, the same date; pairs are made greedily in document order. On matched events:
date = predicted value equals the expected date; place = same country (and city,
accents and case aside, when the expectation gives one); a figure is correct when kind, value and
qualifier all match (a predicted range, "between 10 and 15", is "at least" its lower bound);
perpetrators = share of expected perpetrator texts any mention of which
overlaps a predicted perpetrator argument. Statements: an expected statement is
found when a predicted statement has the same cue (or a cue that is the other's leading words:
"claimed" for "claimed responsibility"; auxiliaries and adverbs of time aside: "was later claimed" for
"claimed") and a source span that overlaps the expected source text;
its type and date are then compared.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from rashomon.engine.pipeline import Pipeline
from rashomon.extract.places import fold
from rashomon.ingest.sources import read_sources
from rashomon.models import Analysis, Event

DEFAULT_DIR = Path(__file__).resolve().parents[3] / "tests" / "data" / "reports"
AIR = {"air_strike", "missile_strike", "drone_strike"}


_SAINT = re.compile(r"\b(?:st\.?|saint)(?=\s)")


def _same_name(predicted: str, expected: str) -> bool:
    """The same place name, whatever the accents, case and "St"/"St."/"Saint" ("St Peter Port" is the
    gazetteer's "Saint Peter Port")."""
    return _SAINT.sub("saint", fold(predicted)) == _SAINT.sub("saint", fold(expected))


def _compatible(expected: str, ev: Event) -> bool:
    types = set(ev.types) | {ev.type}
    if expected in types or "attack" in types:
        return True
    return expected in AIR and bool(types & AIR)


def _finds(text: str, needle: str) -> list[tuple[int, int]]:
    """Every occurrence of ``needle`` in ``text`` (a short content such as "the attack" or "that" occurs many
    times; the statement's own one is any of them)."""
    out, i = [], text.find(needle)
    while i >= 0:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    return out


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", text, re.IGNORECASE)]


def _overlaps(a: tuple[int, int] | None, start: int, end: int) -> bool:
    return a is not None and a[0] < end and start < a[1]


_CUE_AUX = frozenset("is are was were be been being has have had will would also later earlier again "
                     "previously reportedly now still initially first originally already repeatedly "
                     "subsequently then long recently often once frequently".split())


def _cue_words(cue: str) -> list[str]:
    """A cue's words without auxiliaries, adverbs of time and punctuation ("was later claimed:" ->
    ["claimed"]): PolNeAR-style cue spans keep them, the gold of the own reports does not."""
    return [w for w in re.findall(r"[\w'’-]+", cue.lower()) if w not in _CUE_AUX]


def _same_cue(predicted: str, expected: str) -> bool:
    """The same cue, or one is the other's leading words ("claimed" / "claimed responsibility"),
    auxiliaries and adverbs of time aside ("was later claimed" / "claimed")."""
    a, b = _cue_words(predicted), _cue_words(expected)
    return a == b or bool(a) and bool(b) and (a[:len(b)] == b or b[:len(a)] == a)


def score_document(analysis: Analysis, gold: dict, counts: dict) -> list[str]:
    """Add one document's matches to ``counts``; return readable error lines."""
    text = analysis.document.text
    errors: list[str] = []
    free = list(analysis.events)
    for exp in gold["events"]:
        counts["events"] += 1
        match = next((ev for ev in free if ev.background == exp.get("background", False) and _compatible(exp["type"], ev)
                      and (not ev.date or not exp.get("date") or ev.date.value == exp["date"])), None)
        if match is None:
            errors.append(f"missed event {exp['type']} {exp.get('date')}")
            continue
        free.remove(match)
        counts["events_found"] += 1
        counts["type_ok"] += match.type == exp["type"]  # the main type, not just one of the types
        if match.type != exp["type"]:
            errors.append(f"type {match.type} ({','.join(match.types)}) != {exp['type']}")
        if exp.get("date"):
            counts["dates"] += 1
            ok = bool(match.date and match.date.value == exp["date"])
            counts["date_ok"] += ok
            if not ok:
                errors.append(f"date {match.date.value if match.date else None} != {exp['date']}")
        if exp.get("place"):
            counts["places"] += 1
            p = match.place
            ok = bool(p and p.country == exp["place"].get("country")
                      and (not exp["place"].get("city") or _same_name(p.city or p.name or "", exp["place"]["city"])))
            counts["place_ok"] += ok
            if not ok:
                errors.append(f"place {p.name if p else None}/{p.country if p else None} != {exp['place']}")
        predicted = {(f.kind, f.value, f.qualifier) for f in match.figures}
        # a range ("between 10 and 15", value 10 to value_max 15) is the gold's "at least" its lower bound
        predicted |= {(f.kind, f.value, "at_least") for f in match.figures if f.value_max is not None and not f.qualifier}
        for f in exp.get("figures", []):
            counts["figures"] += 1
            ok = (f["kind"], f["value"], f.get("qualifier")) in predicted
            counts["figure_ok"] += ok
            if not ok:
                errors.append(f"figure {f['kind']} {f.get('qualifier') or ''} {f['value']} missing")
        perps = [a for a in match.arguments if a.role.startswith("perpetrator")]
        for p in exp.get("perpetrators", []):
            counts["perpetrators"] += 1
            found = _occurrences(text, p["text"])  # any mention of the expected party
            ok = any(_overlaps(w, a.span.start, a.span.end) for w in found for a in perps)
            counts["perpetrator_ok"] += ok
            if not ok:
                errors.append(f"perpetrator {p['text']!r} ({p.get('responsibility')}) missing; predicted "
                              f"{sorted({a.span.text for a in perps})}")
    counts["events_predicted"] += len(analysis.events)
    for ev in free:  # predicted events no gold event took: the precision errors
        errors.append(f"spurious event {ev.type} {ev.date.value if ev.date else None} "
                      f"{'background ' if ev.background else ''}{ev.trigger.text!r}@{ev.trigger.start}")
    unused = list(analysis.statements)
    for exp in gold.get("statements", []):
        counts["statements"] += 1
        match = match_statement(text, exp, unused)
        if match is None:
            errors.append(f"missed statement {exp['source_text']!r} {exp['cue']!r}")
            continue
        unused.remove(match)
        counts["statements_found"] += 1
        counts["stype_ok"] += match.type == exp["type"]
        if match.type != exp["type"]:
            errors.append(f"statement type {match.type} != {exp['type']}: {exp['source_text']!r} {exp['cue']!r}")
        if exp.get("date"):
            counts["sdates"] += 1
            ok = bool(match.date and match.date.value == exp["date"])
            counts["sdate_ok"] += ok
            if not ok:
                errors.append(f"statement date {match.date.value if match.date else None} != {exp['date']}: "
                              f"{exp['source_text']!r} {exp['cue']!r}")
    return errors


def match_statement(text: str, exp: dict, statements: list) -> object | None:
    """The first of ``statements`` that is the expected one: same cue, a source overlapping any whole-word
    occurrence of the expected source ("he", "police" occur many times) and, where the gold gives the
    content, a content overlapping any occurrence of it."""
    sources = _occurrences(text, exp["source_text"])
    contents = _finds(text, exp["content"]) if exp.get("content") else []
    return next((st for st in statements if _same_cue(st.cue.text, exp["cue"]) and st.source is not None
                 and any(_overlaps(w, st.source.start, st.source.end) for w in sources)
                 and (not exp.get("content") or any(_overlaps(c, st.content.start, st.content.end) for c in contents))),
                None)


def evaluate(path=None, predictions_out=None, limit=None, **_) -> dict:
    root = Path(path) if path else DEFAULT_DIR
    files = sorted(root.glob("*.txt"))[:limit]
    pipeline = Pipeline()
    counts: dict = {k: 0 for k in ("events", "events_found", "events_predicted", "type_ok", "dates", "date_ok", "places",
                                   "place_ok", "figures", "figure_ok", "perpetrators", "perpetrator_ok", "statements",
                                   "statements_found", "stype_ok", "sdates", "sdate_ok")}
    errors: dict[str, list[str]] = {}
    for f in files:
        gold = json.loads(f.with_suffix(".json").read_text(encoding="utf-8"))
        (doc,) = [d for d in read_sources([str(f)]) if hasattr(d, "text")]
        doc.published = doc.published or gold.get("published")
        errors[f.stem] = score_document(pipeline.analyze(doc), gold, counts)
    if predictions_out:
        Path(predictions_out).write_text(json.dumps(errors, indent=1), encoding="utf-8")
    ratio = lambda a, b: 100.0 * counts[a] / counts[b] if counts[b] else 0.0  # noqa: E731
    return {"documents": len(files), "counts": counts, "errors": errors,
            "event_recall": ratio("events_found", "events"),
            "event_precision": 100.0 * counts["events_found"] / counts["events_predicted"] if counts["events_predicted"] else 0.0,
            "type_accuracy": ratio("type_ok", "events_found"), "date_accuracy": ratio("date_ok", "dates"),
            "place_accuracy": ratio("place_ok", "places"), "figure_accuracy": ratio("figure_ok", "figures"),
            "perpetrator_recall": ratio("perpetrator_ok", "perpetrators"),
            "statement_recall": ratio("statements_found", "statements"),
            "statement_type_accuracy": ratio("stype_ok", "statements_found"),
            "statement_date_accuracy": ratio("sdate_ok", "sdates")}


def render(m: dict) -> str:
    c = m["counts"]
    rows = [
        ("event recall", m["event_recall"], f"{c['events_found']}/{c['events']}"),
        ("event precision", m["event_precision"], f"{c['events_found']}/{c['events_predicted']}"),
        ("event type (matched)", m["type_accuracy"], f"{c['type_ok']}/{c['events_found']}"),
        ("event date", m["date_accuracy"], f"{c['date_ok']}/{c['dates']}"),
        ("event place", m["place_accuracy"], f"{c['place_ok']}/{c['places']}"),
        ("figures (kind+value+qualifier)", m["figure_accuracy"], f"{c['figure_ok']}/{c['figures']}"),
        ("perpetrators", m["perpetrator_recall"], f"{c['perpetrator_ok']}/{c['perpetrators']}"),
        ("statements found", m["statement_recall"], f"{c['statements_found']}/{c['statements']}"),
        ("statement type", m["statement_type_accuracy"], f"{c['stype_ok']}/{c['statements_found']}"),
        ("statement date", m["statement_date_accuracy"], f"{c['sdate_ok']}/{c['sdates']}"),
    ]
    lines = [f"Own reports: {m['documents']} documents (matched events only for type/date/place/figures)",
             f"{'metric':34} {'%':>6}  count"]
    lines += [f"{name:34} {value:6.1f}  {count}" for name, value, count in rows]
    return "\n".join(lines)
