"""Shared fixtures: one spaCy pipeline per session, a fresh SQLite store per test, a CLI runner.

Every news text used by the ingest/CLI/store tests is written here for the tests (invented incidents).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

# A short report with headline, byline and date line (2 sentences of body).
SHORT_REPORT = """Bomb hits bus depot in Kaduna
By Tomas Reyes
May 14, 2023

A bomb hidden in a parked minibus exploded at a bus depot in Kaduna on Sunday, wounding at least nine passengers. \
The police said two men seen leaving the minibus were being sought.
"""

# A second, unrelated short report (no header lines).
OTHER_REPORT = """Gunmen attacked an army checkpoint near Goma on Saturday and killed three soldiers, a military \
spokesman said. The attackers escaped into the forest after a brief exchange of fire.
"""

# A third one, for batches of three.
THIRD_REPORT = """A car bomb exploded outside a hotel in Mogadishu on Monday, killing four people and wounding \
eleven others, a police officer said. The hotel was hosting a meeting of local officials.
"""

# The provenance report: 3 paragraphs with a date, a place, casualty and arrest figures, an accusation
# (with a target) and a quoted statement with its own date.
FULL_REPORT = """Gunmen kill 12 at market in Mombasa
By Lena Marsh
May 14, 2023

Gunmen opened fire on a crowded market in Mombasa on Saturday, and at least 12 people were killed, officials said. \
Witnesses said the attackers fled in two pickup trucks.

Police arrested five suspects on Sunday after a raid on a house in the city. The interior minister on Sunday \
accused the Coastal Liberation Front of planning the attack.

"We will find everyone who planned this massacre," the police chief said on Sunday.
"""


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """/work/shared (read-only corpora); tests that need it are skipped when it is missing."""
    if not SHARED.is_dir():
        pytest.skip(f"shared data not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def pipeline():
    """The analysis pipeline, loaded once for the whole session."""
    from rashomon.engine.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def analyze(pipeline) -> Callable[..., object]:
    """analyze(body, published="2025-06-04") -> the Analysis of a news body under a headline, byline and date line."""
    from rashomon.models import Document

    def run(body: str, published: str = "2025-06-04"):
        text = f"Headline\n\nBy A Writer\nJune 4, 2025\n\n{body}"
        return pipeline.analyze(Document(id="t", text=text, published=published))

    return run


@pytest.fixture
def isolated_env(monkeypatch):
    """No store, model or size limit leaks in from the caller's environment; wide rich output.

    Used by test_ingest/test_cli/test_store via ``pytestmark = pytest.mark.usefixtures("isolated_env")``.
    """
    for var in ("RASHOMON_DB", "RASHOMON_MAX_BYTES", "RASHOMON_SPACY_MODEL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("COLUMNS", "400")


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'store.db'}"


@pytest.fixture
def sessions(db_url: str) -> sessionmaker[Session]:
    from rashomon.store.db import connect, session_factory

    return session_factory(connect(db_url))


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """write(name, content) -> path under tmp_path/inputs (str content as UTF-8, bytes as is)."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / "inputs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


def _row_counts(sessions: sessionmaker[Session]) -> dict[str, int]:
    from rashomon.store.schema import Base

    with sessions() as session:
        return {t.name: session.execute(select(func.count()).select_from(t)).scalar_one()
                for t in Base.metadata.sorted_tables}


@pytest.fixture
def row_counts() -> Callable[[sessionmaker[Session]], dict[str, int]]:
    """row_counts(sessions) -> {table: number of rows} for every table of the schema."""
    return _row_counts


class Cli:
    """Runs ``rashomon --db URL ...`` in-process with the session pipeline."""

    def __init__(self, db_url: str):
        from typer.testing import CliRunner

        self.db_url = db_url
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | bytes | None = None, env: dict[str, str] | None = None):
        from rashomon.cli.main import app

        return self.runner.invoke(app, ["--db", self.db_url, *args], input=input, env=env, catch_exceptions=True)


@pytest.fixture
def cli(db_url: str, pipeline, monkeypatch) -> Cli:
    import rashomon.cli.main as main

    monkeypatch.setattr(main, "_pipeline", lambda: pipeline)
    return Cli(db_url)


@pytest.fixture
def texts() -> dict[str, str]:
    return {"short": SHORT_REPORT, "other": OTHER_REPORT, "third": THIRD_REPORT, "full": FULL_REPORT}


@pytest.fixture(autouse=True)
def _isolated_gazetteer():
    """Places registered by a test (the MUC-4 evals register MUC's place lists) do not leak into the
    next test: the registry is restored after each test."""
    from rashomon.extract import places

    saved = list(places._REGISTERED)
    yield
    if places._REGISTERED != saved:
        places._REGISTERED[:] = saved
        places.gazetteer.cache_clear()
