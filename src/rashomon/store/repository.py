"""Writing analyses to the store and reading records back.

One document is written in one transaction, so an interrupted batch leaves
only whole documents behind and resumes by skipping what is already stored.
"""

from __future__ import annotations

import json
import re

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from rashomon.models import Analysis, Span
from rashomon.store.schema import (
    ArgumentRow, DocumentRow, EntityRow, EventRow, FigureRow, MentionRow, StatementEventRow,
    StatementRow, TimexRow,
)


def entity_key(name: str, kind: str | None = None) -> str:
    """Normalised key of an entity name (case, articles and punctuation ignored)."""
    key = re.sub(r"[^\w\s]", " ", name.lower())
    key = re.sub(r"\b(the|a|an)\b", " ", key)
    return " ".join(key.split())[:250]


def get_entity(session: Session, name: str | None, kind: str | None = None) -> EntityRow | None:
    """The entity row of a name, created on first sight (rows are cached per session)."""
    key = entity_key(name) if name else ""
    if not key:
        return None
    cache = session.info.setdefault("rashomon_entities", {})
    if key not in cache:
        prefetch_entities(session, [(name, kind)])
    row = cache[key]
    if kind and row.kind == "unknown":
        row.kind = kind
    return row


def prefetch_entities(session: Session, names: list[tuple[str | None, str | None]]) -> None:
    """Load or create the entity rows of many (name, kind) pairs at once: one query and one
    flush per document instead of one of each per name."""
    cache = session.info.setdefault("rashomon_entities", {})
    wanted: dict[str, tuple[str, str | None]] = {}
    for name, kind in names:
        key = entity_key(name) if name else ""
        if key and key not in cache and key not in wanted:
            wanted[key] = (name, kind)
    keys = list(wanted)
    for i in range(0, len(keys), 500):
        for row in session.execute(select(EntityRow).where(EntityRow.key.in_(keys[i:i + 500]))).scalars():
            cache[row.key] = row
    new = [EntityRow(key=key, name=name, kind=kind or "unknown")
           for key, (name, kind) in wanted.items() if key not in cache]
    if new:
        session.add_all(new)
        session.flush()
        cache.update((row.key, row) for row in new)


def has_document(session: Session, doc_id: str) -> bool:
    return session.get(DocumentRow, doc_id) is not None


def _span(prefix: str, span: Span | None) -> dict:
    if span is None:
        return {f"{prefix}_start": None, f"{prefix}_end": None, f"{prefix}_text": None}
    return {f"{prefix}_start": span.start, f"{prefix}_end": span.end, f"{prefix}_text": span.text}


def save_analysis(session: Session, analysis: Analysis) -> bool:
    """Store a document and all that was extracted from it; False if it was already stored."""
    d = analysis.document
    if has_document(session, d.id):
        return False
    session.add(DocumentRow(id=d.id, title=d.title, author=d.author, published=d.published, source=d.source,
                            url=d.url, origin=d.origin, kind=d.kind, text=d.text))
    prefetch_entities(session, [(m.entity or m.span.text, _kind_of_label(m.label)) for m in analysis.mentions]
                      + [(a.entity or a.span.text, _kind_of_role(a.role)) for ev in analysis.events for a in ev.arguments]
                      + [(st.speaker, st.speaker_kind) for st in analysis.statements])
    session.flush()  # the document row exists before the bulk inserts that refer to it
    # the many small rows go in as bulk inserts (no ORM object per row)
    if analysis.timexes:
        session.execute(insert(TimexRow), [
            dict(doc_id=d.id, start=t.span.start, end=t.span.end, text=t.span.text, type=t.type, value=t.value,
                 anchor=t.anchor, mod=t.mod) for t in analysis.timexes])
    if analysis.mentions:
        rows = []
        for m in analysis.mentions:
            entity = get_entity(session, m.entity or m.span.text, _kind_of_label(m.label))
            rows.append(dict(doc_id=d.id, start=m.span.start, end=m.span.end, text=m.span.text, label=m.label,
                             entity_id=entity.id if entity else None))
        session.execute(insert(MentionRow), rows)
    event_rows: list[EventRow] = []
    for idx, ev in enumerate(analysis.events):
        p = ev.place
        row = EventRow(
            doc_id=d.id, idx=idx, type=ev.type, types=",".join(ev.types or [ev.type]),
            trigger_start=ev.trigger.start, trigger_end=ev.trigger.end, trigger_text=ev.trigger.text,
            sentence_start=ev.sentence.start, sentence_end=ev.sentence.end,
            date_value=ev.date.value if ev.date else None, **_span("date", ev.date.span if ev.date else None),
            place_name=p.name if p else None, **_span("place", p.span if p else None),
            country=p.country if p else None, country_name=p.country_name if p else None,
            region=p.region if p else None, city=p.city if p else None,
            latitude=p.latitude if p else None, longitude=p.longitude if p else None,
            background=ev.background,
        )
        for a in ev.arguments:
            entity = get_entity(session, a.entity or a.span.text, _kind_of_role(a.role))
            row.arguments.append(ArgumentRow(doc_id=d.id, role=a.role, start=a.span.start, end=a.span.end,
                                             text=a.span.text, entity=a.entity, entity_id=entity.id if entity else None,
                                             responsibility=a.responsibility))
        for f in ev.figures:
            row.figures.append(FigureRow(
                doc_id=d.id, kind=f.kind, value=f.value, value_max=f.value_max, qualifier=f.qualifier,
                modifier=f.modifier, start=f.span.start, end=f.span.end, text=f.span.text,
                **_span("counted", f.counted), **_span("reporter", f.reporter),
                date_value=f.date.value if f.date else (analysis.document.published or None),
            ))
        session.add(row)
        event_rows.append(row)
    session.flush()
    for idx, st in enumerate(analysis.statements):
        speaker = get_entity(session, st.speaker, st.speaker_kind)
        row = StatementRow(
            doc_id=d.id, idx=idx, speaker=st.speaker, speaker_kind=st.speaker_kind,
            speaker_entity_id=speaker.id if speaker else None, **_span("source", st.source),
            cue_start=st.cue.start, cue_end=st.cue.end, cue_text=st.cue.text,
            content_start=st.content.start, content_end=st.content.end, content_text=st.content.text,
            mode=st.mode, type=st.type, polarity=st.polarity, **_span("target", st.target),
            date_value=st.date.value if st.date else None, **_span("date", st.date.span if st.date else None),
            chain=json.dumps([s.to_dict() for s in st.chain]) if st.chain else None,
        )
        for ev_idx in st.events:
            row.event_links.append(StatementEventRow(event_id=event_rows[ev_idx].id))
        session.add(row)
    session.flush()
    return True


def _kind_of_label(label: str) -> str:
    return {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place",
            "NORP": "group"}.get(label, "unknown")


def _kind_of_role(role: str) -> str:
    return {"perpetrator_individual": "person", "perpetrator_org": "organisation", "victim": "person",
            "target": "place", "weapon": "weapon"}.get(role, "unknown")
