"""The store: Alembic schema on connect, writing analyses, reading them back, span provenance."""

from __future__ import annotations

import json

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import delete, inspect, select, text

from rashomon.engine.batch import ingest
from rashomon.ingest.decode import content_id
from rashomon.models import Analysis, Argument, Document, Event, Figure, Mention, Place, Span, Statement, Timex
from rashomon.store.db import alembic_config, connect, database_url, has_schema, session_factory
from rashomon.store.queries import document_spans, get_document, list_documents, list_events, list_statements
from rashomon.store.repository import entity_key, save_analysis
from rashomon.store.schema import (
    ArgumentRow, Base, DocumentRow, EntityRow, EventRow, FigureRow, MentionRow, StatementEventRow, StatementRow,
    TimexRow,
)

pytestmark = pytest.mark.usefixtures("isolated_env")

# --- connect and migrations ------------------------------------------------------------------------


def _head(url: str) -> str:
    return ScriptDirectory.from_config(alembic_config(url)).get_current_head()


def test_connect_creates_the_schema_at_alembic_head(tmp_path):
    path = tmp_path / "fresh.db"
    url = f"sqlite:///{path}"
    assert not path.exists()
    engine = connect(url)
    assert path.exists() and has_schema(engine)
    tables = set(inspect(engine).get_table_names())
    assert "alembic_version" in tables
    assert set(Base.metadata.tables) <= tables
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == [_head(url)]


def test_migrations_match_the_orm_schema(db_url):
    engine = connect(db_url)
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diffs == []


def test_connect_twice_keeps_the_data(db_url):
    sessions = session_factory(connect(db_url))
    with sessions.begin() as s:
        s.add(DocumentRow(id="abc123", text="Gunmen attacked a bank.", kind="text"))
    engine = connect(db_url)  # second upgrade to head is a no-op
    with session_factory(engine)() as s:
        assert s.get(DocumentRow, "abc123").text == "Gunmen attacked a bank."
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() == 1


def test_sqlite_foreign_keys_are_enforced(db_url):
    engine = connect(db_url)
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar_one() == 1


def test_database_url_sources(monkeypatch, tmp_path):
    assert database_url("sqlite:///x.db") == "sqlite:///x.db"
    assert database_url(str(tmp_path / "plain.db")) == f"sqlite:///{tmp_path / 'plain.db'}"
    monkeypatch.setenv("RASHOMON_DB", "sqlite:///from-env.db")
    assert database_url() == "sqlite:///from-env.db"
    monkeypatch.delenv("RASHOMON_DB")
    assert database_url() == "sqlite:///rashomon.db"


# --- writing and reading a hand-built analysis -----------------------------------------------------

TEXT = ("Rebels attacked a convoy near Kidal on Tuesday, killing at least 7 soldiers, the army said. "
        "The defence minister accused the rebels of breaking the truce.")


def _sp(fragment: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(fragment, start + 1)
    return Span.of(TEXT, start, start + len(fragment))


def _analysis() -> Analysis:
    doc = Document(id=content_id(TEXT), text=TEXT, title="Convoy attacked near Kidal", published="2023-05-17",
                   source="Test Wire", origin="hand.txt")
    tuesday = Timex(_sp("Tuesday"), "DATE", "2023-05-16", anchor="2023-05-17")
    event = Event(
        type="armed_assault", types=["armed_assault", "attack"], trigger=_sp("attacked"), sentence=_sp(TEXT[:92]),
        date=tuesday, place=Place(_sp("Kidal"), "Kidal", country="ML", country_name="Mali", city="Kidal"),
        arguments=[Argument("perpetrator_org", _sp("Rebels"), entity="rebels"),
                   Argument("target", _sp("a convoy"), entity="convoy")],
        figures=[Figure("killed", 7, _sp("at least 7"), qualifier="at_least", counted=_sp("soldiers"),
                        reporter=_sp("the army"))],
    )
    statements = [
        Statement(cue=_sp("said"), content=_sp(TEXT[:79]), source=_sp("the army"), speaker="army",
                  speaker_kind="organisation", events=[0]),
        Statement(cue=_sp("accused"), content=_sp("the rebels of breaking the truce"), source=_sp("The defence minister"),
                  speaker="defence minister", speaker_kind="person", type="accusation", target=_sp("the rebels"),
                  events=[0]),
    ]
    mentions = [Mention(_sp("Kidal"), "GPE", "Kidal"), Mention(_sp("Rebels"), "NORP", "rebels"),
                Mention(_sp("the rebels"), "NORP", "Rebels")]
    return Analysis(document=doc, timexes=[tuesday], mentions=mentions, events=[event], statements=statements)


def test_save_analysis_round_trip(sessions):
    analysis = _analysis()
    with sessions.begin() as s:
        assert save_analysis(s, analysis) is True
    with sessions.begin() as s:
        assert save_analysis(s, analysis) is False  # already stored: nothing written
    with sessions() as s:
        assert s.query(DocumentRow).count() == 1 and s.query(EventRow).count() == 1
        [ev] = list_events(s)
        assert ev["doc"] == analysis.document.id
        assert ev["types"] == ["armed_assault", "attack"]
        assert ev["trigger"] == {"doc": ev["doc"], "start": 7, "end": 15, "text": "attacked"}
        assert ev["date"]["value"] == "2023-05-16" and ev["date"]["span"]["text"] == "Tuesday"
        assert ev["place"]["country"] == "ML" and ev["place"]["span"]["text"] == "Kidal"
        assert [(a["role"], a["entity"]) for a in ev["arguments"]] == [("perpetrator_org", "rebels"), ("target", "convoy")]
        [fig] = ev["figures"]
        assert (fig["kind"], fig["value"], fig["qualifier"], fig["counted"], fig["reporter"]) == (
            "killed", 7, "at_least", "soldiers", "the army")
        assert fig["date"] == "2023-05-17"  # no figure date: the publication date
        sts = list_statements(s)
        assert [st["type"] for st in sts] == ["other", "accusation"]
        assert sts[1]["target"]["text"] == "the rebels"
        assert all(st["events"] == [ev["id"]] for st in sts)
        assert [st["speaker"] for st in list_statements(s, speaker="Defence Minister")] == ["defence minister"]
        assert list_statements(s, stype="denial") == []
        assert get_document(s, analysis.document.id[:6]).id == analysis.document.id
        assert get_document(s, "ffffffff") is None
        spans = document_spans(s, analysis.document.id)
        assert (7, 15, "event:armed_assault") in spans and all(0 <= a < b <= len(TEXT) for a, b, _ in spans)


def test_entities_are_shared_by_normalised_name(sessions):
    with sessions.begin() as s:
        save_analysis(s, _analysis())
    with sessions() as s:
        keys = [e.key for e in s.execute(select(EntityRow)).scalars()]
        assert len(keys) == len(set(keys))
        rebels = s.execute(select(EntityRow).where(EntityRow.key == entity_key("The Rebels"))).scalar_one()
        mention_entities = {m.text: m.entity_id for m in s.execute(select(MentionRow)).scalars()}
        assert mention_entities["Rebels"] == mention_entities["the rebels"] == rebels.id


def test_deleting_a_document_removes_everything_extracted_from_it(sessions, row_counts):
    analysis = _analysis()
    with sessions.begin() as s:
        save_analysis(s, analysis)
    with sessions.begin() as s:
        s.execute(delete(DocumentRow).where(DocumentRow.id == analysis.document.id))
    counts = row_counts(sessions)
    for table in ("documents", "timexes", "mentions", "events", "event_arguments", "figures", "statements",
                  "statement_events"):
        assert counts[table] == 0, table


# --- provenance round-trip on a real analysis ------------------------------------------------------


def stored_spans(session, doc_id: str):
    """(where, start, end, stored text) of every span stored for a document; absent spans have start None."""
    by_doc = lambda row: row.doc_id == doc_id  # noqa: E731
    for t in session.execute(select(TimexRow).where(TimexRow.doc_id == doc_id)).scalars():
        yield "timex", t.start, t.end, t.text
    for m in session.execute(select(MentionRow).where(MentionRow.doc_id == doc_id)).scalars():
        yield "mention", m.start, m.end, m.text
    for ev in filter(by_doc, session.execute(select(EventRow)).scalars()):
        yield "event.trigger", ev.trigger_start, ev.trigger_end, ev.trigger_text
        yield "event.date", ev.date_start, ev.date_end, ev.date_text
        yield "event.place", ev.place_start, ev.place_end, ev.place_text
        assert ev.sentence_start <= ev.trigger_start < ev.trigger_end <= ev.sentence_end
    for a in session.execute(select(ArgumentRow).where(ArgumentRow.doc_id == doc_id)).scalars():
        yield "argument", a.start, a.end, a.text
    for f in session.execute(select(FigureRow).where(FigureRow.doc_id == doc_id)).scalars():
        yield "figure", f.start, f.end, f.text
        yield "figure.counted", f.counted_start, f.counted_end, f.counted_text
        yield "figure.reporter", f.reporter_start, f.reporter_end, f.reporter_text
    for st in session.execute(select(StatementRow).where(StatementRow.doc_id == doc_id)).scalars():
        yield "statement.source", st.source_start, st.source_end, st.source_text
        yield "statement.cue", st.cue_start, st.cue_end, st.cue_text
        yield "statement.content", st.content_start, st.content_end, st.content_text
        yield "statement.target", st.target_start, st.target_end, st.target_text
        yield "statement.date", st.date_start, st.date_end, st.date_text
        for link in json.loads(st.chain or "[]"):
            yield "statement.chain", link["start"], link["end"], link["text"]


def check_provenance(session, doc_id: str) -> dict[str, int]:
    """Assert documents.text[start:end] == stored text for every span; return how many of each kind."""
    doc_text = session.get(DocumentRow, doc_id).text
    seen: dict[str, int] = {}
    for where, start, end, stored in stored_spans(session, doc_id):
        if start is None:
            assert end is None and stored is None, where
            continue
        assert 0 <= start < end <= len(doc_text), (where, start, end)
        assert doc_text[start:end] == stored, f"{where} [{start}:{end}]: {doc_text[start:end]!r} != {stored!r}"
        seen[where] = seen.get(where, 0) + 1
    return seen


def test_every_stored_span_is_its_source_text(write, texts, sessions, pipeline):
    path = write("mombasa.txt", texts["full"])
    [doc_id] = ingest([str(path)], sessions, pipeline).ingested
    with sessions() as s:
        assert s.get(DocumentRow, doc_id).text == texts["full"].strip()
        seen = check_provenance(s, doc_id)
        # every kind of span was exercised at least once, and the report's key values are there
        for where in ("timex", "mention", "event.trigger", "event.date", "event.place", "argument", "figure",
                      "figure.counted", "figure.reporter", "statement.source", "statement.cue",
                      "statement.content", "statement.target", "statement.date"):
            assert seen.get(where), f"no stored {where} span to check"
        figures = {(f.kind, f.text) for f in s.execute(select(FigureRow)).scalars()}
        assert ("killed", "at least 12") in figures
        assert ("arrested", "five") in figures
        chief = [st for st in s.execute(select(StatementRow)).scalars() if st.source_text == "the police chief"]
        assert len(chief) == 1 and chief[0].mode == "direct" and chief[0].cue_text == "said"
        assert chief[0].content_text.startswith('"We will find everyone')
        assert s.execute(select(StatementEventRow)).first() is not None


def test_reference_article_spans_are_its_source_text(shared_dir, sessions, pipeline):
    article = shared_dir / "articles" / "moscow-steps-up-attacks-2024-04-08.txt"
    if not article.exists():
        pytest.skip(f"{article} missing")
    [doc_id] = ingest([str(article)], sessions, pipeline).ingested
    with sessions() as s:
        seen = check_provenance(s, doc_id)
    assert seen.get("event.trigger") and seen.get("statement.cue") and seen.get("figure")


def test_spans_match_for_feed_documents_too(write, sessions, pipeline):
    rss = """<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Post</title>
<item><title>Police post attacked in Bujumbura</title><link>https://example.org/g</link>
<description>&lt;p&gt;Gunmen attacked a police post in Bujumbura on Sunday, injuring two officers, the
police said.&lt;/p&gt;&lt;p&gt;Three suspects were arrested on Monday.&lt;/p&gt;</description></item>
</channel></rss>"""
    result = ingest([str(write("f.rss", rss))], sessions, pipeline)
    assert len(result.ingested) == 1
    with sessions() as s:
        seen = check_provenance(s, result.ingested[0])
    assert seen.get("timex") and seen.get("event.trigger") and seen.get("figure")


def test_list_documents_orders_by_publication(sessions):
    with sessions.begin() as s:
        s.add_all([DocumentRow(id="b", text="Later report.", published="2023-05-20"),
                   DocumentRow(id="a", text="Earlier report.", published="2023-05-10")])
    with sessions() as s:
        assert [d.id for d in list_documents(s)] == ["a", "b"]


@pytest.mark.parametrize("table", ["timexes", "mentions", "event_arguments", "figures"])
def test_span_tables_carry_offsets_and_text(table):
    cols = Base.metadata.tables[table].c
    assert {"doc_id", "start", "end", "text"} <= set(cols.keys())
