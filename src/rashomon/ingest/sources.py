"""Finding and reading inputs: files, directories, JSONL, feeds, URLs and stdin.

``read_sources`` yields one :class:`Document` per readable document and one
:class:`Skip` (with its reason) per input that cannot become one, so a batch
never stops on bad input.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rashomon.ingest.decode import InputError, check_size, check_text, decode
from rashomon.ingest.feeds import looks_like_feed, parse_feed
from rashomon.ingest.html import parse_html
from rashomon.ingest.jsonl import parse_jsonl
from rashomon.ingest.text import parse_text
from rashomon.models import Document

log = logging.getLogger(__name__)

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
SKIP_NAMES = {".DS_Store"}


@dataclass(frozen=True, slots=True)
class Skip:
    """An input that did not become a document, and why."""

    origin: str
    reason: str


def iter_files(paths: Iterable[str]) -> Iterator[str]:
    """Expand directories recursively (sorted, hidden files skipped); keep '-' and URLs."""
    for p in paths:
        if p == "-" or p.startswith(("http://", "https://")):
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                    yield str(child)
        else:
            yield p


def _read_bytes(origin: str) -> bytes:
    if origin == "-":
        return sys.stdin.buffer.read()
    path = Path(origin)
    if not path.exists():
        raise InputError("no such file")
    check_size(path.stat().st_size)
    return path.read_bytes()


def read_one(origin: str, published: str | None = None) -> Iterator[Document | Skip]:
    """Read one input (file, '-' or feed URL) into documents and skips."""
    meta = {"published": published} if published else {}
    try:
        if origin.startswith(("http://", "https://")):
            yield from _checked(parse_feed(origin, origin), origin, meta)
            return
        raw = _read_bytes(origin)
        text = decode(raw)
        suffix = Path(origin).suffix.lower()
        head = text.lstrip()[:2000].lower()
        if suffix in JSONL_SUFFIXES or (origin == "-" and head.startswith("{")):
            yield from _checked(parse_jsonl(text, origin), origin, meta)
        elif suffix in FEED_SUFFIXES or looks_like_feed(head):
            yield from _checked(parse_feed(raw, origin), origin, meta)
        elif suffix in HTML_SUFFIXES or head.startswith(("<!doctype html", "<html")):
            yield from _checked([parse_html(text, origin=origin, **meta)], origin, meta)
        else:
            yield from _checked([parse_text(text, origin=origin, **meta)], origin, meta)
    except InputError as exc:
        yield Skip(origin, str(exc))
    except (OSError, ValueError) as exc:
        yield Skip(origin, f"unreadable ({type(exc).__name__}: {exc})")


def _checked(items: Iterable[Document | InputError], origin: str, meta: dict) -> Iterator[Document | Skip]:
    for item in items:
        if isinstance(item, InputError):
            message = str(item)
            where, reason = origin, message
            if message.startswith(origin):  # "<origin>:<line>: reason" from JSONL and feeds
                rest = message[len(origin):]
                suffix, _, reason = rest.partition(": ")
                where = origin + suffix
            yield Skip(where, reason)
            continue
        try:
            check_text(item.text)
        except InputError as exc:
            yield Skip(item.origin or origin, str(exc))
            continue
        if meta.get("published"):
            item.published = meta["published"]
        yield item


def read_sources(paths: Iterable[str], published: str | None = None) -> Iterator[Document | Skip]:
    """All documents and skips from the given paths, in a deterministic order."""
    for origin in iter_files(paths):
        if Path(origin).name in SKIP_NAMES:
            continue
        yield from read_one(origin, published)
