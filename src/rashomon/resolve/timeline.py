"""Events and statements of the store in date order (issue 9).

A TIMEX3 value keeps its granularity (``2024``, ``2024-03``, ``2024-W12``, ``2024-03-22``,
``2024-03-22T14:30``). Items sort by the earliest day the value can denote, then coarser
before finer (``2024-03`` before ``2024-03-01``), then the time of day, document and offset.
Items without a calendar date (no date, ``PAST_REF``, ``XXXX-10-07`` ...) come after, under
their document's publication date as ``reported``.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from rashomon.store.repository import entity_key
from rashomon.store.schema import DocumentRow, EventRow, StatementEventRow, StatementRow

# granularity -> rank (coarser first among items starting on the same day)
_RANK = {"century": 0, "decade": 1, "year": 2, "half": 3, "season": 3, "quarter": 4, "month": 5,
         "week": 6, "day": 7, "time": 8}
_SEASON = {"WI": (12, 2), "SP": (3, 5), "SU": (6, 8), "FA": (9, 11)}
FUZZY_MIN = 85  # rapidfuzz token_set_ratio for actor and place names


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def date_range(value: str | None) -> tuple[date, date, str, str] | None:
    """(earliest day, latest day, granularity, time of day or "") of a TIMEX3 value, None if not on the calendar."""
    if not value:
        return None
    v = value.strip()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}(?::\d{2})?|MO|AF|EV|NI|DT))?.*", v):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d, "time" if m[4] else "day", m[4] or ""
        if m := re.fullmatch(r"(\d{4})-(\d{2})", v):
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, 1), _month_end(y, mo), "month", ""
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(?:-WE)?", v):
            d = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return d, d + timedelta(days=6), "week", ""
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            y, q = int(m[1]), int(m[2])
            return date(y, 3 * q - 2, 1), _month_end(y, 3 * q), "quarter", ""
        if m := re.fullmatch(r"(\d{4})-H([12])", v):
            y, h = int(m[1]), int(m[2])
            return date(y, 6 * h - 5, 1), _month_end(y, 6 * h), "half", ""
        if m := re.fullmatch(r"(\d{4})-(WI|SP|SU|FA)", v):
            y, (a, b) = int(m[1]), _SEASON[m[2]]
            start = date(y - 1 if m[2] == "WI" else y, a, 1)
            return start, _month_end(y, b), "season", ""
        if m := re.fullmatch(r"(\d{4})", v):
            y = int(m[1])
            return date(y, 1, 1), date(y, 12, 31), "year", ""
        if m := re.fullmatch(r"(\d{3})", v):
            y = int(m[1]) * 10
            return date(max(y, 1), 1, 1), date(y + 9, 12, 31), "decade", ""
        if m := re.fullmatch(r"(\d{2})", v):
            y = int(m[1]) * 100
            return date(max(y, 1), 1, 1), date(y + 99, 12, 31), "century", ""
    except ValueError:
        return None
    return None


def _span(doc_id: str, start: int | None, end: int | None, text: str | None) -> dict | None:
    return None if start is None else {"doc": doc_id, "start": start, "end": end, "text": text}


def _names_match(query: str, names: list[str | None]) -> bool:
    """Case-insensitive, article/punctuation-blind, substring or rapidfuzz match."""
    q = entity_key(query)
    if not q:
        return False
    for name in names:
        if not name:
            continue
        k = entity_key(name)
        if not k:
            continue
        if q == k or (len(q) > 3 and (q in k or k in q and len(k) > 3)):
            return True
        if fuzz.token_set_ratio(q, k) >= FUZZY_MIN and min(len(q), len(k)) > 3:
            return True
    return False


def _event_row(ev: EventRow) -> dict:
    place = ev.place_name or ev.city or ev.country_name
    what = ev.type.replace("_", " ") + (f" in {place}" if place else "")
    return {
        "kind": "event", "id": ev.id, "doc": ev.doc_id, "what": what,
        "date": ev.date_value, "date_span": _span(ev.doc_id, ev.date_start, ev.date_end, ev.date_text),
        "trigger": _span(ev.doc_id, ev.trigger_start, ev.trigger_end, ev.trigger_text),
        "type": ev.type, "place": place, "country": ev.country, "cluster": ev.cluster_id,
        "background": ev.background, "_offset": ev.trigger_start,
    }


def _statement_row(st: StatementRow, events: list[int]) -> dict:
    speaker = st.speaker or st.source_text or "(unknown)"
    return {
        "kind": "statement", "id": st.id, "doc": st.doc_id,
        "what": f"{speaker} {st.cue_text} ({st.type})",
        "date": st.date_value, "date_span": _span(st.doc_id, st.date_start, st.date_end, st.date_text),
        "trigger": _span(st.doc_id, st.cue_start, st.cue_end, st.cue_text),
        "speaker": speaker, "cue": st.cue_text, "type": st.type, "events": events,
        "_offset": st.cue_start,
    }


def _select_events(session: Session, event: str | None, place: str | None) -> list[EventRow]:
    q = select(EventRow).options(selectinload(EventRow.arguments))
    if event is not None:
        q = q.where(EventRow.id.in_(resolve_event_filter(session, event)))
    rows = list(session.execute(q).scalars())
    if place:
        rows = [ev for ev in rows if _names_match(place, [ev.place_name, ev.place_text, ev.city, ev.region,
                                                          ev.country_name])
                or (ev.country and place.strip().upper() == ev.country)]
    return rows


def resolve_event_filter(session: Session, event: str) -> list[int]:
    """Event ids for ``--event``: ``N`` = cluster N if it exists (as in other commands), else event N;
    ``cN``/``eN`` force cluster/event. An event id expands to every event of its cluster."""
    s = str(event).strip().lower()
    m = re.fullmatch(r"(c|e|cluster:|event:)?\s*(\d+)", s)
    if not m:
        return []
    prefix, n = (m[1] or "").rstrip(":"), int(m[2])
    by_cluster = list(session.execute(select(EventRow.id).where(EventRow.cluster_id == n)).scalars())
    if prefix in ("c", "cluster") or (not prefix and by_cluster):
        return by_cluster
    ev = session.get(EventRow, n)
    if ev is None:
        return []
    if ev.cluster_id is not None:
        return list(session.execute(select(EventRow.id).where(EventRow.cluster_id == ev.cluster_id)).scalars())
    return [ev.id]


def build_timeline(session: Session, event: str | None = None, actor: str | None = None,
                   place: str | None = None) -> dict:
    """{"dated": [...], "undated": [...]} rows in timeline order (see module doc)."""
    links: dict[int, list[int]] = {}
    for se in session.execute(select(StatementEventRow)).scalars():
        links.setdefault(se.statement_id, []).append(se.event_id)
    base = _select_events(session, event, place)
    events = [ev for ev in base if any(_names_match(actor, [a.entity, a.text]) for a in ev.arguments)] if actor else base
    rows = [_event_row(ev) for ev in events]
    st_rows = list(session.execute(select(StatementRow)).scalars())
    if event is not None or place:  # statements about the selected events
        chosen = {ev.id for ev in base}
        st_rows = [st for st in st_rows if chosen & set(links.get(st.id, []))]
    if actor:
        st_rows = [st for st in st_rows if _names_match(actor, [st.speaker, st.source_text])]
    rows += [_statement_row(st, sorted(links.get(st.id, []))) for st in st_rows]

    published = {d.id: d.published for d in session.execute(select(DocumentRow)).scalars()}
    dated, undated = [], []
    for r in rows:
        rng = date_range(r["date"])
        if rng:
            lo, hi, gran, tod = rng
            r.update(granularity=gran, earliest=lo.isoformat(), latest=hi.isoformat())
            r["_key"] = (lo.toordinal(), _RANK[gran], tod, published.get(r["doc"]) or "", r["doc"], r["_offset"])
            dated.append(r)
        else:
            pub = published.get(r["doc"])
            r.update(granularity=None, reported=pub[:10] if pub else None)
            r["_key"] = (pub or "9999", r["doc"], r["_offset"])
            undated.append(r)
    dated.sort(key=lambda r: r["_key"])
    undated.sort(key=lambda r: r["_key"])
    for r in dated + undated:
        del r["_key"], r["_offset"]
    return {"dated": dated, "undated": undated}
