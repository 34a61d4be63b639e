"""The same store on PostgreSQL: migrations, ingest, provenance and queries, without code changes.

Runs when ``RASHOMON_TEST_PG_URL`` names a database (``.ci/run`` starts a local
PostgreSQL and sets it); skipped otherwise.
"""

from __future__ import annotations

import os

import pytest
from sqlalchemy import select, text

from rashomon.engine.batch import ingest
from rashomon.store.db import connect, session_factory
from rashomon.store.queries import list_events, list_statements
from rashomon.store.schema import DocumentRow, FigureRow, StatementRow

PG_URL = os.environ.get("RASHOMON_TEST_PG_URL")
pytestmark = pytest.mark.skipif(not PG_URL, reason="RASHOMON_TEST_PG_URL not set")

REPORT = """Bomb kills nine at bus station in Kaduna

By Test Reporter
March 3, 2024

A bomb exploded at a crowded bus station in Kaduna on Saturday, killing at least nine people and wounding 20 others, police said. "We have arrested two suspects," the police commissioner told reporters on Sunday.
"""


@pytest.fixture()
def pg_sessions():
    engine = connect(PG_URL)
    with engine.begin() as conn:  # a clean slate for every test
        for table in ("links", "statement_events", "figures", "event_arguments", "events", "statements",
                      "mentions", "timexes", "documents"):
            conn.execute(text(f"DELETE FROM {table}"))
    return session_factory(engine)


def test_postgres_ingest_and_provenance(tmp_path, pg_sessions):
    path = tmp_path / "kaduna.txt"
    path.write_text(REPORT, encoding="utf-8")
    first = ingest([str(path)], pg_sessions)
    assert len(first.ingested) == 1
    again = ingest([str(path)], pg_sessions)
    assert again.unchanged == first.ingested and not again.ingested
    with pg_sessions() as session:
        doc = session.execute(select(DocumentRow)).scalar_one()
        assert doc.published == "2024-03-03"
        figs = session.execute(select(FigureRow)).scalars().all()
        assert ("killed", 9, "at_least") in {(f.kind, f.value, f.qualifier) for f in figs}
        for f in figs:
            assert doc.text[f.start:f.end] == f.text
        for st in session.execute(select(StatementRow)).scalars():
            assert doc.text[st.cue_start:st.cue_end] == st.cue_text
        events = list_events(session)
        assert events and events[0]["place"]["name"] == "Kaduna"
        assert list_statements(session, stype=None)
