"""Reading publication dates from date lines and metadata."""

from __future__ import annotations

import re
from datetime import date, datetime

_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
# "April 8, 2024", "8 April 2024", "2024-04-08", "3 JAN 90", "Monday, April 8, 2024"
DATE_LINE = re.compile(
    rf"^\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    rf"(?:(?:{_MONTHS})[a-z]*\.?\s+\d{{1,2}},?\s+\d{{2,4}}"
    rf"|\d{{1,2}}\s+(?:{_MONTHS})[a-z]*\.?,?\s+\d{{2,4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}(?:[T ][\d:.+\-Z]+)?)"
    rf"(?:\s*[,|]?\s*\d{{1,2}}[:.]\d{{2}}\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s*[A-Z]{{2,4}})?)?\s*$",
    re.IGNORECASE,
)
# MUC/wire datelines: "SAN SALVADOR, 3 JAN 90 (ACAN-EFE) --"
WIRE_DATELINE = re.compile(
    rf"^\s*(?P<place>[A-Za-z][A-Za-z .'\-]+?),\s+(?P<date>\d{{1,2}}\s+(?:{_MONTHS})[a-z]*\.?\s+\d{{2,4}})"
    rf"(?:\s*\((?P<source>[^)]+)\))?\s*(?:--|—|-)",
    re.IGNORECASE,
)


def parse_date(value: str | None) -> str | None:
    """Parse an absolute date string into ISO ``YYYY-MM-DD``; None if it is not one."""
    if not value:
        return None
    value = value.strip()
    if isinstance(value, (date, datetime)):
        return value.isoformat()[:10]
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    import dateparser  # slow import; only when needed

    parsed = dateparser.parse(
        value,
        languages=["en"],
        settings={"STRICT_PARSING": True, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False},
    )
    return parsed.date().isoformat() if parsed else None
