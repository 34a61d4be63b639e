"""Database connection and migrations.

The URL comes from the argument, ``RASHOMON_DB``, or ``sqlite:///rashomon.db``.
A bare file path is taken as a SQLite file. Any SQLAlchemy URL works
(``postgresql+psycopg://user@host/db``).
"""

from __future__ import annotations

import os
from importlib import resources

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_URL = "sqlite:///rashomon.db"


def database_url(url: str | None = None) -> str:
    url = url or os.environ.get("RASHOMON_DB") or DEFAULT_URL
    if "://" not in url:
        url = f"sqlite:///{url}"
    return url


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # WAL with synchronous=NORMAL: a commit does not wait for fsync (the WAL is synced at checkpoints).
    # The database stays consistent, and a crashed or killed process keeps every committed document;
    # only a power loss or OS crash can roll back the last few commits, which a re-run ingests again.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("rashomon.store").joinpath("migrations")))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def connect(url: str | None = None, migrate: bool = True) -> Engine:
    """Create the engine and bring the schema up to date (Alembic ``upgrade head``)."""
    url = database_url(url)
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    if migrate:
        cfg = alembic_config(url)
        with engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "head")
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def has_schema(engine: Engine) -> bool:
    return inspect(engine).has_table("documents")
