"""Ingesting a batch: read sources, skip what is stored, analyse, store one document at a time.

Each document is committed on its own, so an interrupted batch keeps what it
stored and a re-run resumes where it stopped (stored documents are "unchanged").
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy.orm import Session, sessionmaker

from rashomon.engine.pipeline import Pipeline
from rashomon.ingest.sources import Skip, read_sources
from rashomon.models import Document
from rashomon.store.repository import has_document, save_analysis

log = logging.getLogger(__name__)


@dataclass
class BatchResult:
    ingested: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    failed: list[Skip] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.skipped and not self.failed


def ingest(paths: Iterable[str], sessions: sessionmaker[Session], pipeline: Pipeline | None = None,
           published: str | None = None, on_item: Callable[[str, str], None] | None = None,
           after_store: Callable[[Session, str], None] | None = None) -> BatchResult:
    """Ingest every document found under ``paths``; never stops on one bad input."""
    result = BatchResult()
    pipeline = pipeline or Pipeline()
    seen: set[str] = set()
    for item in read_sources(paths, published=published):
        if isinstance(item, Skip):
            log.warning("skipped %s: %s", item.origin, item.reason)
            result.skipped.append(item)
            _notify(on_item, item.origin, "skipped")
            continue
        label = item.origin or item.id
        with sessions() as session:
            if item.id in seen or has_document(session, item.id):
                result.unchanged.append(item.id)
                _notify(on_item, label, "unchanged")
                continue
        try:
            _store(item, pipeline, sessions, after_store)
        except Exception as exc:  # one document's failure must not end the batch
            log.debug("failed on %s", label, exc_info=True)
            result.failed.append(Skip(label, f"{type(exc).__name__}: {exc}"))
            _notify(on_item, label, "failed")
            continue
        seen.add(item.id)
        result.ingested.append(item.id)
        _notify(on_item, label, "ingested")
    return result


def _store(document: Document, pipeline: Pipeline, sessions: sessionmaker[Session],
           after_store: Callable[[Session, str], None] | None) -> None:
    analysis = pipeline.analyze(document)
    with sessions.begin() as session:
        save_analysis(session, analysis)
        if after_store is not None:
            after_store(session, document.id)


def _notify(callback, label: str, status: str) -> None:
    if callback is not None:
        callback(label, status)
