"""Reading the store back as plain dicts (for the CLI, exports and reports)."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from rashomon.data import load_json
from rashomon.store.repository import entity_key
from rashomon.store.schema import (
    DocumentRow, EventRow, StatementEventRow, StatementRow, TimexRow,
)


def span(doc_id: str, start: int | None, end: int | None, text: str | None) -> dict | None:
    if start is None:
        return None
    return {"doc": doc_id, "start": start, "end": end, "text": text}


def event_dict(ev: EventRow) -> dict:
    codes = load_json("events/event_types.json")["types"].get(ev.type, {})
    return {
        "id": ev.id, "doc": ev.doc_id, "type": ev.type, "types": ev.types.split(",") if ev.types else [ev.type],
        "codes": {"muc4": codes.get("muc4"), "cameo": codes.get("cameo"), "plover": codes.get("plover")},
        "background": ev.background, "cluster": ev.cluster_id,
        "trigger": span(ev.doc_id, ev.trigger_start, ev.trigger_end, ev.trigger_text),
        "date": {"value": ev.date_value, "span": span(ev.doc_id, ev.date_start, ev.date_end, ev.date_text)} if ev.date_value else None,
        "place": {"name": ev.place_name, "city": ev.city, "region": ev.region, "country": ev.country,
                  "country_name": ev.country_name, "latitude": ev.latitude, "longitude": ev.longitude,
                  "span": span(ev.doc_id, ev.place_start, ev.place_end, ev.place_text)} if ev.place_name else None,
        "arguments": [{"role": a.role, "entity": a.entity or a.text, "responsibility": a.responsibility,
                       "span": span(a.doc_id, a.start, a.end, a.text)} for a in ev.arguments],
        "figures": [{"kind": f.kind, "value": f.value, "value_max": f.value_max, "qualifier": f.qualifier,
                     "modifier": f.modifier, "counted": f.counted_text, "reporter": f.reporter_text,
                     "date": f.date_value, "span": span(f.doc_id, f.start, f.end, f.text)} for f in ev.figures],
    }


def list_events(session: Session, doc_id: str | None = None, background: bool | None = None,
                event_type: str | None = None) -> list[dict]:
    q = select(EventRow).options(selectinload(EventRow.arguments), selectinload(EventRow.figures))
    if doc_id:
        q = q.where(EventRow.doc_id.startswith(doc_id))
    if background is not None:
        q = q.where(EventRow.background == background)
    if event_type:
        q = q.where(EventRow.types.contains(event_type))
    return [event_dict(ev) for ev in session.execute(q.order_by(EventRow.doc_id, EventRow.idx)).scalars()]


def statement_dict(st: StatementRow, event_ids: list[int] | None = None, reported: str | None = None) -> dict:
    """A statement as plain data; ``reported`` is the publication date of its document (the
    statement was made by then; ``date`` is the date the text gives, if any)."""
    return {
        "id": st.id, "doc": st.doc_id, "speaker": st.speaker, "speaker_kind": st.speaker_kind,
        "source": span(st.doc_id, st.source_start, st.source_end, st.source_text),
        "cue": span(st.doc_id, st.cue_start, st.cue_end, st.cue_text),
        "content": span(st.doc_id, st.content_start, st.content_end, st.content_text),
        "mode": st.mode, "type": st.type, "polarity": st.polarity,
        "target": span(st.doc_id, st.target_start, st.target_end, st.target_text),
        "date": {"value": st.date_value, "span": span(st.doc_id, st.date_start, st.date_end, st.date_text)} if st.date_value else None,
        "reported": reported,
        "events": event_ids or [],
        "chain": json.loads(st.chain) if st.chain else [],
    }


def list_statements(session: Session, speaker: str | None = None, stype: str | None = None,
                    doc_id: str | None = None) -> list[dict]:
    q = select(StatementRow)
    if doc_id:
        q = q.where(StatementRow.doc_id.startswith(doc_id))
    if stype:
        q = q.where(StatementRow.type == stype)
    rows = list(session.execute(q.order_by(StatementRow.doc_id, StatementRow.idx)).scalars())
    if speaker:
        rows = [r for r in rows if speaker_matches(speaker, r)]
    links: dict[int, list[int]] = {}
    if rows:
        for se in session.execute(select(StatementEventRow).where(StatementEventRow.statement_id.in_([r.id for r in rows]))).scalars():
            links.setdefault(se.statement_id, []).append(se.event_id)
    published = dict(session.execute(select(DocumentRow.id, DocumentRow.published)
                                     .where(DocumentRow.id.in_({r.doc_id for r in rows}))).all()) if rows else {}
    return [statement_dict(r, links.get(r.id), published.get(r.doc_id)) for r in rows]


def speaker_matches(query: str, row: StatementRow) -> bool:
    """A speaker query matches the canonical speaker, or the mention as written."""
    key = entity_key(query)
    names = [n for n in (row.speaker, row.source_text) if n]
    return any(key == entity_key(n) or (len(key) > 3 and key in entity_key(n)) for n in names)


def get_document(session: Session, doc_id: str) -> DocumentRow | None:
    row = session.get(DocumentRow, doc_id)
    if row is None:
        matches = list(session.execute(select(DocumentRow).where(DocumentRow.id.startswith(doc_id)).limit(2)).scalars())
        row = matches[0] if len(matches) == 1 else None
    return row


def list_documents(session: Session) -> list[DocumentRow]:
    return list(session.execute(select(DocumentRow).order_by(DocumentRow.published, DocumentRow.id)).scalars())


def document_spans(session: Session, doc_id: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of every stored value of a document, for highlighting."""
    out: list[tuple[int, int, str]] = []
    for ev in session.execute(select(EventRow).where(EventRow.doc_id == doc_id)
                              .options(selectinload(EventRow.arguments), selectinload(EventRow.figures))).scalars():
        out.append((ev.trigger_start, ev.trigger_end, f"event:{ev.type}"))
        if ev.date_start is not None:
            out.append((ev.date_start, ev.date_end, "date"))
        if ev.place_start is not None:
            out.append((ev.place_start, ev.place_end, "place"))
        out += [(a.start, a.end, a.role) for a in ev.arguments]
        out += [(f.start, f.end, f"figure:{f.kind}") for f in ev.figures]
    for st in session.execute(select(StatementRow).where(StatementRow.doc_id == doc_id)).scalars():
        if st.source_start is not None:
            out.append((st.source_start, st.source_end, "source"))
        out.append((st.cue_start, st.cue_end, f"cue:{st.type}"))
    for t in session.execute(select(TimexRow).where(TimexRow.doc_id == doc_id)).scalars():
        out.append((t.start, t.end, f"timex:{t.value}"))
    return sorted(set(out))
