"""Turning raw bytes into trustworthy text, or a clear reason why not."""

from __future__ import annotations

import hashlib
import os
import re

from rashomon.data import load_json

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")


class InputError(ValueError):
    """Input that cannot become a document; the message is the reason shown to the user."""


def max_bytes() -> int:
    """The size limit for one input (``RASHOMON_MAX_BYTES`` overrides)."""
    return int(os.environ.get("RASHOMON_MAX_BYTES", DEFAULT_MAX_BYTES))


def check_size(size: int) -> None:
    limit = max_bytes()
    if size > limit:
        raise InputError(f"too large ({size / 1e6:.1f} MB > limit {limit / 1e6:.1f} MB; set RASHOMON_MAX_BYTES)")


def decode(raw: bytes) -> str:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252.

    Binary data (NUL bytes, many control characters) is refused.
    """
    check_size(len(raw))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"undecodable UTF-16 ({exc.reason})") from None
    sample = raw[:8192]
    if b"\x00" in sample:
        raise InputError("binary file (contains NUL bytes)")
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if sample and controls / len(sample) > 0.05:
        raise InputError("binary file (too many control characters)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise InputError(f"undecodable bytes: not UTF-8 or Windows-1252 (at byte {exc.start})") from None


def normalise_text(text: str) -> str:
    """Unify line ends and strip outer whitespace; the stored text offsets refer to this."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def content_id(text: str) -> str:
    """The document id: a hash of its normalised text (same text -> same id)."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


def check_text(text: str) -> None:
    """Refuse empty and non-English text."""
    if not text.strip():
        raise InputError("empty document")
    cfg = load_json("ingest/english.json")
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    letters = sum(ch.isalpha() for ch in text[:20000])
    if letters < 0.3 * max(1, len(text[:20000].strip())) and len(words) < 3:
        raise InputError("no readable text")
    if len(words) >= cfg["min_words"]:
        stop = set(cfg["stopwords"])
        ratio = sum(w in stop for w in words) / len(words)
        if ratio < cfg["min_ratio"]:
            raise InputError(f"not English (English function-word ratio {ratio:.2f})")
    elif not words:
        raise InputError("not English (no Latin-script words)")
