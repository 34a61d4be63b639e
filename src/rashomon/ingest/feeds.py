"""RSS and Atom feeds: one document per item, from its content or summary."""

from __future__ import annotations

import time
from collections.abc import Iterator

import feedparser

from rashomon.ingest.decode import InputError
from rashomon.ingest.html import parse_html
from rashomon.ingest.text import parse_text
from rashomon.models import Document


def looks_like_feed(head: str) -> bool:
    head = head.lstrip()[:2000].lower()
    return head.startswith("<?xml") and ("<rss" in head or "<feed" in head or "<rdf:rdf" in head) or head.startswith(("<rss", "<feed"))


def _published(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def parse_feed(data: str | bytes, origin: str) -> Iterator[Document | InputError]:
    """Yield a Document per feed item that carries text, an InputError for each that does not."""
    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        raise InputError(f"malformed feed ({type(feed.bozo_exception).__name__})")
    outlet = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, 1):
        where = f"{origin}#{number}"
        meta = {"title": entry.get("title"), "url": entry.get("link"), "author": entry.get("author"),
                "published": _published(entry), "source": outlet, "kind": "feed"}
        body = ""
        if entry.get("content"):
            body = entry.content[0].get("value", "")
        body = body or entry.get("summary", "")
        if not body.strip():
            yield InputError(f"{where}: item has no text (link only: {entry.get('link')})")
            continue
        try:
            if "<" in body and ">" in body:
                html = f"<html><head><title>{meta['title'] or ''}</title></head><body><article>{body}</article></body></html>"
                try:
                    yield parse_html(html, origin=where, **meta)
                    continue
                except InputError:
                    import re
                    body = re.sub(r"<[^>]+>", " ", body)
            text = f"{meta['title']}\n\n{body}" if meta["title"] else body
            yield parse_text(text, origin=where, **meta)
        except InputError as exc:
            yield InputError(f"{where}: {exc}")
