"""Ingesting a batch: read sources, skip what is stored, analyse, store one document at a time.

Each document is committed on its own, so an interrupted batch keeps what it
stored and a re-run resumes where it stopped (stored documents are "unchanged").
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy.orm import Session, sessionmaker

from rashomon.engine.parse_ahead import ParseAhead
from rashomon.engine.pipeline import Pipeline
from rashomon.ingest.sources import Skip, read_sources
from rashomon.models import Analysis, Document
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
           after_store: Callable[[Session, str], None] | None = None,
           parse_ahead: bool | str = True) -> BatchResult:
    """Ingest every document found under ``paths``; never stops on one bad input.

    New documents are parsed in batches of ``pipeline.batch_size`` and stored one by one, each in
    its own transaction, as soon as it is analysed. With ``parse_ahead`` the next batch is parsed in
    a worker while this one is analysed and stored (see :class:`~rashomon.engine.parse_ahead.ParseAhead`)."""
    # The model, word lists and gazetteers are alive for the whole batch: frozen, the cyclic garbage
    # collector skips them (a full collection otherwise walks their ~350k objects, ~0.25 s each time).
    # Frozen again after the first batch, which loads the lazily read data; unfrozen at the end.
    gc.freeze()
    try:
        with ParseAhead(pipeline or Pipeline(), worker=parse_ahead) as parser:
            return _ingest(paths, sessions, parser, published, on_item, after_store)
    finally:
        gc.unfreeze()


def _ingest(paths: Iterable[str], sessions: sessionmaker[Session], parser: ParseAhead,
            published: str | None, on_item: Callable[[str, str], None] | None,
            after_store: Callable[[Session, str], None] | None) -> BatchResult:
    result = BatchResult()
    seen: set[str] = set()
    pending: list[Document] = []
    data_frozen = False

    def flush(keep: int = 0) -> None:
        nonlocal data_frozen
        if pending:
            parser.put(pending)
            pending.clear()
        for document, outcome in parser.take(keep):
            label = document.origin or document.id
            try:
                if isinstance(outcome, Exception):
                    raise outcome
                _store(outcome, sessions, after_store)
            except Exception as exc:  # one document's failure must not end the batch
                log.debug("failed on %s", label, exc_info=True)
                result.failed.append(Skip(label, f"{type(exc).__name__}: {exc}"))
                _notify(on_item, label, "failed")
                continue
            seen.add(document.id)
            result.ingested.append(document.id)
            _notify(on_item, label, "ingested")
        if result.ingested and not data_frozen:
            gc.freeze()  # the data the first batch loaded
            data_frozen = True

    for item in read_sources(paths, published=published):
        if isinstance(item, Skip):
            log.warning("skipped %s: %s", item.origin, item.reason)
            result.skipped.append(item)
            _notify(on_item, item.origin, "skipped")
            continue
        if any(p.id == item.id for p in pending) or parser.queued(item.id):
            flush()  # the same text twice: store the first before judging the second
        with sessions() as session:
            if item.id in seen or has_document(session, item.id):
                result.unchanged.append(item.id)
                _notify(on_item, item.origin or item.id, "unchanged")
                continue
        pending.append(item)
        if len(pending) >= parser.pipeline.batch_size:
            flush(keep=parser.ahead)
    flush()
    return result


def _store(analysis: Analysis, sessions: sessionmaker[Session],
           after_store: Callable[[Session, str], None] | None) -> None:
    with sessions.begin() as session:
        save_analysis(session, analysis)
        if after_store is not None:
            after_store(session, analysis.document.id)


def _notify(callback, label: str, status: str) -> None:
    if callback is not None:
        callback(label, status)
