"""HTML pages: main text and metadata via trafilatura."""

from __future__ import annotations

import trafilatura

from rashomon.ingest.dates import parse_date
from rashomon.ingest.decode import InputError, content_id, normalise_text
from rashomon.models import Document


def extract_html(html: str) -> dict:
    """Main text and metadata of an HTML page (raises InputError when there is none)."""
    try:
        result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_precision=True)
    except Exception as exc:  # trafilatura raises various parser errors on broken markup
        raise InputError(f"malformed HTML ({type(exc).__name__})") from None
    if result is None:
        raise InputError("no main text found in HTML")
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    if not (data.get("text") or "").strip():
        raise InputError("no main text found in HTML")
    return data


def parse_html(html: str, origin: str | None = None, **meta) -> Document:
    """Build a Document from an HTML page; the headline is kept as the text's first line."""
    data = extract_html(html)
    title = meta.get("title") or data.get("title")
    body = normalise_text(data["text"])
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    return Document(
        id=content_id(text), text=normalise_text(text), title=title,
        author=meta.get("author") or data.get("author"),
        published=parse_date(meta.get("published")) or parse_date(data.get("date")),
        source=meta.get("source") or data.get("sitename") or data.get("hostname"),
        url=meta.get("url") or data.get("url"), origin=origin, kind=meta.get("kind") or "html",
    )
