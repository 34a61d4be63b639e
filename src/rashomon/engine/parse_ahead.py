"""Parse ahead: the next batch parsed by a worker while the current one is analysed and stored.

Parsing (spaCy) is most of the cost of ingesting a document; the rule-based extraction after it is
pure Python. A worker parses batch k+1 while the caller analyses batch k, so
on a machine with two cores the two overlap:

- ``"process"`` (the default where the OS can fork): a forked child process, which shares the loaded
  model with the parent copy-on-write and sends each parsed batch back as a ``DocBin`` (plus each
  document's tensor). No lock is shared: the parse runs at full speed beside the extraction.
- ``"thread"``: a worker thread. spaCy's matrix products and transition loops release the GIL, but
  its Python steps (tokenizer, attribute ruler, lemmatizer) and the caller's extraction take turns.
- ``False``: each batch parsed when it is taken, in the caller's thread.

The worker only parses; the cue tagger (numpy) runs in the caller's thread, which waits for the
parse otherwise. Analyses are the same whichever the worker (``tests/test_ingest.py`` stores a batch all three ways).
"""

from __future__ import annotations

import logging
import multiprocessing
import sys
import threading
from collections import deque
from collections.abc import Iterable
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor

from spacy.tokens import Doc, DocBin

from rashomon.engine.pipeline import Pipeline
from rashomon.models import Analysis, Document
from rashomon.nlp import encoder

log = logging.getLogger(__name__)
_FORKED: Pipeline | None = None  # the pipeline a forked worker process parses with (inherited at fork)


def default_worker() -> str:
    """The worker ingest uses unless told otherwise: a forked process on Linux when this process runs
    one thread (forking a process with other threads can copy a lock one of them holds) and the span
    encoder (torch, with thread pools of its own) is off; else a thread."""
    if sys.platform == "linux" and threading.active_count() == 1 and not encoder.enabled():
        return "process"
    return "thread"


class ParseAhead:
    """Batches on their way through the pipeline, in the order they came: parsed one batch ahead by
    the worker, analysed in the caller's thread (see the module's docstring)."""

    SWITCH_INTERVAL = 0.001  # thread worker: it asks for the GIL back after each GIL-free step of the model

    def __init__(self, pipeline: Pipeline, worker: bool | str = True):
        if worker is True:
            worker = default_worker()
        if worker not in (False, "thread", "process"):
            raise ValueError(f"unknown parse-ahead worker {worker!r}")
        self.pipeline = pipeline
        self.kind = worker or None
        self._executor: Executor | None = None
        self._queue: deque[tuple[list[Document], Future | None]] = deque()
        self.ahead = 1 if self.kind else 0  # batches left parsing while the oldest is analysed

    def __enter__(self) -> ParseAhead:
        global _FORKED
        self._interval = sys.getswitchinterval()
        if self.kind == "thread":
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rashomon-parse")
            sys.setswitchinterval(min(self._interval, self.SWITCH_INTERVAL))
        elif self.kind == "process":
            _FORKED = self.pipeline  # what the child inherits when it is forked (at the first batch)
            self._executor = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
        return self

    def __exit__(self, *exc) -> None:
        global _FORKED
        if self._executor is not None:  # an interrupted batch: drop what is queued (it was never stored)
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
        _FORKED = None
        sys.setswitchinterval(self._interval)

    def put(self, documents: list[Document]) -> None:
        """Queue a batch; its parse starts at once in the worker (in turn, when taken, once the worker
        has failed)."""
        batch = list(documents)
        future = None
        if self._executor is not None:
            try:
                if self.kind == "thread":
                    future = self._executor.submit(self.pipeline.parse_batch, batch, False)
                else:
                    future = self._executor.submit(_parse_packed, batch)
            except Exception as exc:  # a broken pool (its process was killed): go on without it
                self._worker_failed(exc)
        self._queue.append((batch, future))

    def _worker_failed(self, exc: Exception) -> None:
        if self._executor is not None:
            log.warning("parse-ahead worker failed (%s: %s); parsing in this thread", type(exc).__name__, exc)
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    def queued(self, doc_id: str) -> bool:
        return any(d.id == doc_id for batch, _ in self._queue for d in batch)

    def take(self, keep: int = 0) -> Iterable[tuple[Document, Analysis | Exception]]:
        """Analyse the oldest batches until at most ``keep`` are left in the queue."""
        while len(self._queue) > keep:
            batch, future = self._queue.popleft()
            parsed = self._parsed(batch, future) if future is not None else self.pipeline.parse_batch(batch)
            yield from self.pipeline.analyze_parsed(batch, parsed)

    def _parsed(self, batch: list[Document], future: Future) -> list[Doc | Exception]:
        try:
            parsed = _unpack(future.result(), self.pipeline.nlp.vocab) if self.kind == "process" else future.result()
        except Exception as exc:  # the worker died (a killed process, a result it could not send): parse here
            self._worker_failed(exc)
            return self.pipeline.parse_batch(batch)
        self.pipeline.tag_batch(parsed)
        return parsed


def _parse_packed(documents: list[Document]) -> tuple[bytes, list]:
    """In the worker process: parse a batch and pack it. The ``Doc`` objects go as one ``DocBin``; each
    document's tensor (which a ``DocBin`` leaves out), or its failure as the exception, goes beside it."""
    parsed = _FORKED.parse_batch(documents, tag=False)
    docs = [d for d in parsed if isinstance(d, Doc)]
    return DocBin(docs=docs).to_bytes(), [d.tensor if isinstance(d, Doc) else d for d in parsed]


def _unpack(packed: tuple[bytes, list], vocab) -> list[Doc | Exception]:
    data, extras = packed
    docs = iter(DocBin().from_bytes(data).get_docs(vocab))
    out: list[Doc | Exception] = []
    for extra in extras:
        if isinstance(extra, Exception):
            out.append(extra)
            continue
        doc = next(docs)
        doc.tensor = extra
        out.append(doc)
    return out
