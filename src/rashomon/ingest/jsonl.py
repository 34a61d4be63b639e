"""JSON Lines corpora: one document per line with ``text`` (or ``html``) and optional metadata."""

from __future__ import annotations

import json
from collections.abc import Iterator

from rashomon.ingest.dates import parse_date
from rashomon.ingest.decode import InputError
from rashomon.ingest.html import parse_html
from rashomon.ingest.text import parse_text
from rashomon.models import Document

TEXT_KEYS = ("text", "doctext", "body", "content")


def parse_jsonl(data: str, origin: str) -> Iterator[Document | InputError]:
    """Yield a Document per valid line, or an InputError naming the bad line."""
    for number, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"{where}: malformed JSON ({exc.msg})")
            continue
        if not isinstance(record, dict):
            yield InputError(f"{where}: expected a JSON object")
            continue
        meta = {
            "title": record.get("title"), "url": record.get("url"), "source": record.get("source"),
            "author": record.get("author"), "published": parse_date(str(record["published"])) if record.get("published") else None,
        }
        text = next((record[k] for k in TEXT_KEYS if isinstance(record.get(k), str)), None)
        try:
            if text is None and isinstance(record.get("html"), str):
                yield parse_html(record["html"], origin=where, kind="jsonl", **meta)
            elif text is None:
                yield InputError(f"{where}: no 'text' field")
            else:
                yield parse_text(text, origin=where, kind="jsonl", **meta)
        except InputError as exc:
            yield InputError(f"{where}: {exc}")
