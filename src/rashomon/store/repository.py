"""Writing analyses to the store and reading records back.

One document is written in one transaction, so an interrupted batch leaves
only whole documents behind and resumes by skipping what is already stored.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass

from sqlalchemy import Connection, Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from rashomon.models import Analysis, Span
from rashomon.store.schema import (
    ArgumentRow, DocumentRow, EntityRow, EventRow, FigureRow, MentionRow, StatementEventRow,
    StatementRow, TimexRow,
)


@functools.lru_cache(maxsize=65536)
def entity_key(name: str, kind: str | None = None) -> str:
    """Normalised key of an entity name (case, articles and punctuation ignored)."""
    key = re.sub(r"[^\w\s]", " ", name.lower())
    key = re.sub(r"\b(the|a|an)\b", " ", key)
    return " ".join(key.split())[:250]


@dataclass(slots=True)
class EntityRef:
    """An entity row's id and kind, as cached per session (no ORM object per entity)."""

    id: int
    kind: str
    dirty: bool = False  # kind learnt here, not yet written


def get_entity(session: Session, name: str | None, kind: str | None = None) -> EntityRef | None:
    """The entity of a name, created on first sight (entities are cached per session); an entity
    of unknown kind takes ``kind`` (written by :func:`write_entity_kinds`)."""
    key = entity_key(name) if name else ""
    if not key:
        return None
    cache = session.info.setdefault("rashomon_entities", {})
    if key not in cache:
        prefetch_entities(session, [(name, kind)])
    ref = cache[key]
    if kind and ref.kind == "unknown":
        ref.kind, ref.dirty = kind, True
    return ref


def prefetch_entities(session: Session, names: list[tuple[str | None, str | None]]) -> None:
    """Load or create the entities of many (name, kind) pairs at once: one query and one insert
    per document instead of one of each per name."""
    cache = session.info.setdefault("rashomon_entities", {})
    wanted: dict[str, tuple[str, str | None]] = {}
    for name, kind in names:
        key = entity_key(name) if name else ""
        if key and key not in cache and key not in wanted:
            wanted[key] = (name, kind)
    if not wanted:
        return
    db = session.connection()
    table = EntityRow.__table__
    keys = list(wanted)
    for i in range(0, len(keys), 500):
        for row_id, key, kind in db.execute(_statements()["entities_by_key"], {"keys": keys[i:i + 500]}):
            cache[key] = EntityRef(row_id, kind)
    new = [dict(key=key, name=name, kind=kind or "unknown") for key, (name, kind) in wanted.items() if key not in cache]
    if new:
        for row, row_id in zip(new, _insert_returning_ids(db, table, new)):
            cache[row["key"]] = EntityRef(row_id, row["kind"])


def write_entity_kinds(session: Session) -> None:
    """Write the kinds cached entities learnt since they were loaded."""
    dirty = [ref for ref in session.info.get("rashomon_entities", {}).values() if ref.dirty]
    if dirty:
        session.connection().execute(_statements()["entity_kind"],
                                     [dict(ref_id=ref.id, ref_kind=ref.kind) for ref in dirty])
        for ref in dirty:
            ref.dirty = False


_HAS_DOCUMENT = select(DocumentRow.__table__.c.id).where(DocumentRow.__table__.c.id == bindparam("doc_id"))


@functools.cache
def _insert(table: Table, returning_ids: bool = False):
    """The INSERT of a table (built once: statements are immutable, and a reused one keeps its
    cache key); with ``returning_ids``, returning the new ids in the order of the rows."""
    stmt = insert(table)
    return stmt.returning(table.c.id, sort_by_parameter_order=True) if returning_ids else stmt


@functools.cache
def _statements() -> dict:
    entity = EntityRow.__table__
    return {
        "entities_by_key": select(entity.c.id, entity.c.key, entity.c.kind)
        .where(entity.c.key.in_(bindparam("keys", expanding=True))),
        "entity_kind": update(entity).where(entity.c.id == bindparam("ref_id")).values(kind=bindparam("ref_kind")),
    }


def has_document(session: Session, doc_id: str) -> bool:
    """Whether ``doc_id`` is stored: a one-column Core query (no ORM object, no text loaded) when
    the session holds no ORM objects, else the ORM's own look-up (identity map, autoflush)."""
    if session.identity_map or session.new or session.deleted:
        return session.get(DocumentRow, doc_id) is not None
    return session.connection().execute(_HAS_DOCUMENT, {"doc_id": doc_id}).first() is not None


def _span(prefix: str, span: Span | None) -> dict:
    if span is None:
        return {f"{prefix}_start": None, f"{prefix}_end": None, f"{prefix}_text": None}
    return {f"{prefix}_start": span.start, f"{prefix}_end": span.end, f"{prefix}_text": span.text}


def save_analysis(session: Session, analysis: Analysis) -> bool:
    """Store a document and all that was extracted from it; False if it was already stored.

    Rows go in as Core bulk inserts (no ORM object per row), in the order the ORM would write
    them, so ids are the same; events and statements get their ids back through RETURNING."""
    d = analysis.document
    if has_document(session, d.id):
        return False
    db = session.connection()  # Core inserts on the session's connection: no ORM bulk-insert bookkeeping
    db.execute(_insert(DocumentRow.__table__), [dict(id=d.id, title=d.title, author=d.author, published=d.published,
                                               source=d.source, url=d.url, origin=d.origin, kind=d.kind, text=d.text)])
    prefetch_entities(session, [(m.entity or m.span.text, _kind_of_label(m.label)) for m in analysis.mentions]
                      + [(a.entity or a.span.text, _kind_of_role(a.role)) for ev in analysis.events for a in ev.arguments]
                      + [(st.speaker, st.speaker_kind) for st in analysis.statements])
    if analysis.timexes:
        db.execute(_insert(TimexRow.__table__), [
            dict(doc_id=d.id, start=t.span.start, end=t.span.end, text=t.span.text, type=t.type, value=t.value,
                 anchor=t.anchor, mod=t.mod) for t in analysis.timexes])
    if analysis.mentions:
        rows = []
        for m in analysis.mentions:
            entity = get_entity(session, m.entity or m.span.text, _kind_of_label(m.label))
            rows.append(dict(doc_id=d.id, start=m.span.start, end=m.span.end, text=m.span.text, label=m.label,
                             entity_id=entity.id if entity else None))
        db.execute(_insert(MentionRow.__table__), rows)
    event_ids: list[int] = []
    if analysis.events:
        event_ids = _insert_returning_ids(db, EventRow.__table__, [_event_row(d.id, idx, ev)
                                                              for idx, ev in enumerate(analysis.events)])
        arguments, figures = [], []
        for event_id, ev in zip(event_ids, analysis.events):
            for a in ev.arguments:
                entity = get_entity(session, a.entity or a.span.text, _kind_of_role(a.role))
                arguments.append(dict(event_id=event_id, doc_id=d.id, role=a.role, start=a.span.start, end=a.span.end,
                                      text=a.span.text, entity=a.entity, entity_id=entity.id if entity else None,
                                      responsibility=a.responsibility))
            for f in ev.figures:
                figures.append(dict(
                    event_id=event_id, doc_id=d.id, kind=f.kind, value=f.value, value_max=f.value_max,
                    qualifier=f.qualifier, modifier=f.modifier, start=f.span.start, end=f.span.end, text=f.span.text,
                    **_span("counted", f.counted), **_span("reporter", f.reporter),
                    date_value=f.date.value if f.date else (d.published or None)))
        if arguments:
            db.execute(_insert(ArgumentRow.__table__), arguments)
        if figures:
            db.execute(_insert(FigureRow.__table__), figures)
    if analysis.statements:
        rows = []
        for idx, st in enumerate(analysis.statements):
            speaker = get_entity(session, st.speaker, st.speaker_kind)
            rows.append(dict(
                doc_id=d.id, idx=idx, speaker=st.speaker, speaker_kind=st.speaker_kind,
                speaker_entity_id=speaker.id if speaker else None, **_span("source", st.source),
                cue_start=st.cue.start, cue_end=st.cue.end, cue_text=st.cue.text,
                content_start=st.content.start, content_end=st.content.end, content_text=st.content.text,
                mode=st.mode, type=st.type, polarity=st.polarity, **_span("target", st.target),
                date_value=st.date.value if st.date else None, **_span("date", st.date.span if st.date else None),
                chain=json.dumps([s.to_dict() for s in st.chain]) if st.chain else None,
            ))
        statement_ids = _insert_returning_ids(db, StatementRow.__table__, rows)
        links = [dict(statement_id=statement_id, event_id=event_ids[ev_idx])
                 for statement_id, st in zip(statement_ids, analysis.statements) for ev_idx in st.events]
        if links:
            db.execute(_insert(StatementEventRow.__table__), links)
    write_entity_kinds(session)  # kinds learnt from later mentions
    return True


def _event_row(doc_id: str, idx: int, ev) -> dict:
    p = ev.place
    return dict(
        doc_id=doc_id, idx=idx, type=ev.type, types=",".join(ev.types or [ev.type]),
        trigger_start=ev.trigger.start, trigger_end=ev.trigger.end, trigger_text=ev.trigger.text,
        sentence_start=ev.sentence.start, sentence_end=ev.sentence.end,
        date_value=ev.date.value if ev.date else None, **_span("date", ev.date.span if ev.date else None),
        place_name=p.name if p else None, **_span("place", p.span if p else None),
        country=p.country if p else None, country_name=p.country_name if p else None,
        region=p.region if p else None, city=p.city if p else None,
        latitude=p.latitude if p else None, longitude=p.longitude if p else None,
        background=ev.background,
    )


def _insert_returning_ids(db: Connection, table: Table, rows: list[dict]) -> list[int]:
    """Insert rows in order and return their new ids, in the same order."""
    result = db.execute(_insert(table, returning_ids=True), rows)
    return [row_id for (row_id,) in result]


def _kind_of_label(label: str) -> str:
    return {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place",
            "NORP": "group"}.get(label, "unknown")


def _kind_of_role(role: str) -> str:
    return {"perpetrator_individual": "person", "perpetrator_org": "organisation", "victim": "person",
            "target": "place", "weapon": "weapon"}.get(role, "unknown")
