"""Ingesting a batch: read sources, skip what is stored, analyse, store one document at a time.

Each document is committed on its own, so an interrupted batch keeps what it
stored and a re-run resumes where it stopped (stored documents are "unchanged").
"""

from __future__ import annotations

import gc
import logging
import sys
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from sqlalchemy.orm import Session, sessionmaker

from spacy.tokens import Doc

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
           after_store: Callable[[Session, str], None] | None = None, parse_ahead: bool = True) -> BatchResult:
    """Ingest every document found under ``paths``; never stops on one bad input.

    New documents are parsed in batches of ``pipeline.batch_size`` and stored one by one, each in
    its own transaction, as soon as it is analysed. With ``parse_ahead`` the next batch is parsed in
    a background thread while this one is analysed and stored (see :class:`ParseAhead`)."""
    # The model, word lists and gazetteers are alive for the whole batch: frozen, the cyclic garbage
    # collector skips them (a full collection otherwise walks their ~350k objects, ~0.25 s each time).
    # Frozen again after the first batch, which loads the lazily read data; unfrozen at the end.
    gc.freeze()
    try:
        with ParseAhead(pipeline or Pipeline(), threaded=parse_ahead) as parser:
            return _ingest(paths, sessions, parser, published, on_item, after_store)
    finally:
        gc.unfreeze()


class ParseAhead:
    """Batches on their way through the pipeline: parsed (spaCy and the cue tagger) one batch ahead
    in a worker thread, analysed in the caller's thread, in the order they came.

    spaCy's parser and the taggers' matrix products release the GIL, so on a machine with two cores
    the parse of batch k+1 runs while batch k's rule-based extraction (pure Python) runs. Only the
    worker runs the spaCy model; the caller's extraction reads the finished ``Doc`` objects. Without
    ``threaded`` each batch is parsed when it is taken, in the caller's thread.

    While batches are queued, the interpreter's switch interval is shortened (5 ms -> 1 ms): the worker
    asks for the GIL back after each of the model's GIL-free steps, and the caller's pure-Python
    extraction would otherwise keep it waiting up to 5 ms each time."""

    SWITCH_INTERVAL = 0.001

    def __init__(self, pipeline: Pipeline, threaded: bool = True):
        self.pipeline = pipeline
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rashomon-parse") if threaded else None
        self._queue: deque[tuple[list[Document], Future | None]] = deque()
        self.ahead = 1 if threaded else 0  # batches left parsing while the oldest is analysed

    def __enter__(self) -> ParseAhead:
        self._interval = sys.getswitchinterval()
        if self._worker is not None:
            sys.setswitchinterval(min(self._interval, self.SWITCH_INTERVAL))
        return self

    def __exit__(self, *exc) -> None:
        if self._worker is not None:  # an interrupted batch: drop what is queued (it was never stored)
            self._worker.shutdown(wait=True, cancel_futures=True)
        sys.setswitchinterval(self._interval)

    def put(self, documents: list[Document]) -> None:
        """Queue a batch; its parse starts at once in the worker."""
        batch = list(documents)
        future = self._worker.submit(self.pipeline.parse_batch, batch) if self._worker is not None else None
        self._queue.append((batch, future))

    def queued(self, doc_id: str) -> bool:
        return any(d.id == doc_id for batch, _ in self._queue for d in batch)

    def take(self, keep: int = 0) -> Iterable[tuple[Document, Analysis | Exception]]:
        """Analyse the oldest batches until at most ``keep`` are left in the queue."""
        while len(self._queue) > keep:
            batch, future = self._queue.popleft()
            parsed: list[Doc | Exception] = future.result() if future is not None else self.pipeline.parse_batch(batch)
            yield from self.pipeline.analyze_parsed(batch, parsed)


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
