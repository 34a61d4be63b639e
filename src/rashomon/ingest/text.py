"""Plain-text reports: headline, byline, date line, body."""

from __future__ import annotations

import re

from rashomon.ingest.dates import DATE_LINE, WIRE_DATELINE, parse_date
from rashomon.ingest.decode import content_id, normalise_text
from rashomon.models import Document

BYLINE = re.compile(r"^\s*by\s+(?P<author>[^\n]{2,120}?)\s*$", re.IGNORECASE)


def parse_text(text: str, origin: str | None = None, **meta) -> Document:
    """Build a Document from a plain-text report, reading its header lines.

    The header is read from the first few non-empty lines: a short first line is
    the headline; ``By ...`` is the byline; a line that is only a date is the
    publication date; a wire dateline (``PLACE, 3 JAN 90 (AGENCY) --``) gives
    date and source. Explicit ``meta`` values win over what the header says.
    """
    text = normalise_text(text)
    lines = [ln for ln in text.split("\n")[:8] if ln.strip()]
    title = author = published = source = None
    for i, line in enumerate(lines[:5]):
        if author is None and (m := BYLINE.match(line)):
            author = m["author"].strip()
        elif published is None and DATE_LINE.match(line):
            published = parse_date(line)
        elif published is None and (m := WIRE_DATELINE.match(line)):
            published = parse_date(m["date"])
            source = source or (m["source"].strip() if m["source"] else None)
        elif i == 0 and title is None and len(line) <= 200 and not line.rstrip().endswith((".", "--")):
            title = " ".join(line.split())
    if published is None and (m := WIRE_DATELINE.search(text[:600])):
        published = parse_date(m["date"])
        source = source or (m["source"].strip() if m["source"] else None)
    fields = {"title": title, "author": author, "published": published, "source": source}
    fields.update({k: v for k, v in meta.items() if v})
    return Document(id=content_id(text), text=text, origin=origin, kind=meta.get("kind") or "text",
                    **{k: fields[k] for k in ("title", "author", "published", "source")},
                    url=meta.get("url"))
