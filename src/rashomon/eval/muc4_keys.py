"""Parser for the full MUC-3/MUC-4 answer keys (``key-*``) and the original upper-case texts.

Key files hold templates of 25 numbered slots (``0.  MESSAGE: ID  TST1-MUC3-0001``); a value
may continue on following indented lines (joined with ``"\\n"``). Fill conventions (template
doc, section 4.2): alternatives separated by ``/``, a leading ``?`` marks an optional filler,
``*`` an irrelevant document, ``-`` an empty slot, ``(OPTIONAL)`` after the template number an
optional template, and ``FILL: "STRING"`` a cross-reference to a NAME/DESCRIPTION/ID string.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

MONTHS = {m: i for i, m in enumerate(
    "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), start=1)}
DOCID_RE = re.compile(r"^\s*((?:DEV|TST\d)-MUC\d-\d{4})\b")
_SLOT_RE = re.compile(r"^(\d{1,2})\.\s+([A-Z][A-Z ]*?:\s*[A-Z][A-Z ]*?)(?:\s{2,}(.*?))?\s*$")
_QUOTED_RE = re.compile(r'"((?:[^"\\]|\\.)*)"')
_DATE_TOKEN_RE = re.compile(
    r"(\d{1,2})\s+([A-Z]{3})[A-Z]*\.?(?:\s+(\d{2,4}))?|([A-Z]{3})[A-Z]*\.?\s+(\d{1,2})(?:\s+(\d{2,4}))?",
    re.I)


def default_root() -> Path:
    """``<repo>/../shared/data/muc4``."""
    return Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "muc4"


def normalize_docid(raw: str) -> str:
    """``"DEV-MUC3-0001 (NOSC)"`` -> ``"DEV-MUC3-0001"`` (the processed/*.json style)."""
    m = DOCID_RE.match(raw)
    return m.group(1).upper() if m else raw.strip().split()[0].upper()


# ---------------------------------------------------------------- key files

def parse_key_text(text: str) -> list[dict]:
    """Parse one key file's text into templates (slot name -> raw value string)."""
    templates: list[dict] = []
    current: dict | None = None
    last_slot: str | None = None
    for line in text.splitlines():
        if line.startswith(";;;"):
            continue
        m = _SLOT_RE.match(line)
        if m:
            slot = re.sub(r"\s+", " ", m.group(2)).strip()
            slot = re.sub(r"\s*:\s*", ": ", slot)
            value = (m.group(3) or "").strip()
            if m.group(1) == "0":
                current = {}
                templates.append(current)
            if current is None:
                continue
            current[slot] = value
            last_slot = slot
        elif line.strip() and current is not None and last_slot and line[:1].isspace():
            current[last_slot] = (current[last_slot] + "\n" + line.strip()).strip("\n")
        elif not line.strip():
            last_slot = None
    for t in templates:
        raw_id = t.get("MESSAGE: ID", "")
        t["MESSAGE: ID"] = normalize_docid(raw_id)
        num = t.get("MESSAGE: TEMPLATE", "").strip()
        t["_optional"] = "OPTIONAL" in num
        t["_irrelevant"] = num in ("*", "0", "") or all(
            v.strip() == "*" for k, v in t.items()
            if not k.startswith("_") and k not in ("MESSAGE: ID", "MESSAGE: TEMPLATE"))
    return templates


def load_keys(root: str | Path | None = None) -> dict[str, list[dict]]:
    """All templates of the ``key-*`` files under ``root``, grouped by normalised docid.

    Irrelevant documents (template ``*`` / ``0`` or all slots ``*``) keep one template marked
    ``{"_irrelevant": True}``; optional templates carry ``"_optional": True``.
    """
    root = Path(root) if root else default_root()
    out: dict[str, list[dict]] = {}
    for path in sorted(root.rglob("key-*")):
        if not path.is_file():
            continue
        for t in parse_key_text(path.read_text(encoding="latin-1")):
            out.setdefault(t["MESSAGE: ID"], []).append(t)
    return out


# ---------------------------------------------------------------- fill helpers

def split_top(value: str, sep: str = "/") -> list[str]:
    """Split on ``sep`` outside double quotes and parentheses; parts stripped."""
    parts, buf, depth, in_q, i = [], [], 0, False, 0
    while i < len(value):
        ch = value[i]
        if in_q and ch == "\\" and i + 1 < len(value):
            buf.append(value[i:i + 2])
            i += 2
            continue
        if ch == '"':
            in_q = not in_q
        elif not in_q and ch == "(":
            depth += 1
        elif not in_q and ch == ")":
            depth = max(0, depth - 1)
        if ch == sep and not in_q and depth == 0:
            parts.append("".join(buf).strip())
            buf = []
        else:
            buf.append(ch)
        i += 1
    parts.append("".join(buf).strip())
    return [p for p in parts if p]


def strip_optional(fill: str) -> tuple[str, bool]:
    """``"? X"`` -> ``("X", True)``."""
    fill = fill.strip()
    if fill.startswith("?"):
        return fill[1:].strip(), True
    return fill, False


def is_empty(value: str | None) -> bool:
    return value is None or value.strip() in ("", "-", "*")


def quoted_strings(value: str) -> list[str]:
    """All double-quoted strings of a value, unescaped (``\\"`` -> ``"``)."""
    return [s.replace('\\"', '"') for s in _QUOTED_RE.findall(value or "")]


def parse_xref(line: str) -> tuple[list[str], list[str], bool]:
    """``'? DEATH / INJURY: "A" / "B"'`` -> (["DEATH", "INJURY"], ["A", "B"], optional).

    A line without a cross-reference gives its alternatives and ``[]``; a bare quoted line
    (``'"GUERRILLAS" / "REBELS"'``) gives ``([], strings, optional)``.
    """
    line, optional = strip_optional(line)
    m = re.match(r'^(.*?)\s*:\s*(".*)$', line)
    if line.startswith('"'):
        return [], quoted_strings(line), optional
    if m:
        fill, ref = m.group(1), m.group(2)
        alts = [strip_optional(a)[0] for a in split_top(fill)]
        return alts, quoted_strings(ref), optional
    return [strip_optional(a)[0] for a in split_top(line)], [], optional


def lines(value: str | None) -> list[str]:
    """The non-empty fill lines of a slot value (one filler per line)."""
    if is_empty(value):
        return []
    return [ln.strip() for ln in value.split("\n") if ln.strip() and ln.strip() not in "-*"]


def slot_strings(template: dict, slot: str) -> list[str]:
    """All quoted strings of a string-fill slot (every filler, every alternative)."""
    out: list[str] = []
    for ln in lines(template.get(slot)):
        _, strings, _ = parse_xref(ln)
        out.extend(strings)
    return out


# ---------------------------------------------------------------- dates

def _year(y: str | None, default_year: int | None) -> int | None:
    if not y:
        return default_year
    n = int(y)
    return n if n > 100 else 1900 + n


def parse_one_date(text: str, default_year: int | None = None) -> str | None:
    """``"15 JAN 90"`` / ``"OCT 18"`` / ``"03 MARCH 90"`` -> ISO ``1990-01-15`` (or None)."""
    m = _DATE_TOKEN_RE.search(text.strip())
    if not m:
        return None
    if m.group(1):
        day, mon, yr = m.group(1), m.group(2), m.group(3)
    else:
        day, mon, yr = m.group(5), m.group(4), m.group(6)
    month = MONTHS.get(mon.upper())
    year = _year(yr, default_year)
    if not month or not year:
        return None
    try:
        return date(year, month, int(day)).isoformat()
    except ValueError:
        return None


def parse_date(value: str | None, default_year: int | None = None
               ) -> list[tuple[str | None, str | None]]:
    """An INCIDENT: DATE fill -> list of ``(start_iso, end_iso)`` alternatives.

    ``"15 JAN 90"`` -> ``[("1990-01-15", "1990-01-15")]``; ``"10 JAN 90 - 15 JAN 90"`` and
    ``"10 - 15 JAN 90"`` -> one closed range; ``"- 15 JAN 90"`` ("on or before", the default
    fill anchored on the dateline) -> ``[(None, "1990-01-15")]``; ``"(A) / (B)"`` -> two
    alternatives; a leading ``?`` is ignored; ``-``/``*`` -> ``[]``. A date without a year
    takes ``default_year``.
    """
    if is_empty(value):
        return []
    out: list[tuple[str | None, str | None]] = []
    for alt in split_top(value.replace("\n", " ")):
        alt = strip_optional(alt)[0].strip()
        while alt.startswith("(") and alt.endswith(")"):
            alt = alt[1:-1].strip()
        if not alt:
            continue
        if alt.startswith("-"):
            end = parse_one_date(alt[1:], default_year)
            if end:
                out.append((None, end))
            continue
        pieces = [p for p in re.split(r"\s+-\s*|\s*-\s+", alt) if p.strip()]
        if len(pieces) >= 2:
            end = parse_one_date(pieces[-1], default_year)
            start = parse_one_date(pieces[0], default_year)
            if start is None and end and re.fullmatch(r"\d{1,2}", pieces[0].strip()):
                start = end[:8] + f"{int(pieces[0]):02d}"
            if start or end:
                out.append((start or end, end or start))
            continue
        d = parse_one_date(alt, default_year)
        if d:
            out.append((d, d))
    return out


def shift(iso: str, days: int) -> str:
    return (date.fromisoformat(iso) + timedelta(days=days)).isoformat()


# ---------------------------------------------------------------- locations

def _wrapped(text: str) -> bool:
    """True when the whole text is one parenthesised group: ``(A: B (CITY))``."""
    if not (text.startswith("(") and text.endswith(")")):
        return False
    depth = 0
    for k, ch in enumerate(text):
        depth += (ch == "(") - (ch == ")")
        if depth == 0 and k < len(text) - 1:
            return False
    return True


def parse_location_alternatives(value: str | None) -> list[list[list[tuple[str, str]]]]:
    """A LOCATION fill -> alternatives -> levels (general to specific) -> places ``(name, type)``.

    A level holds two places when the key gives a range (``COPIAPO (CITY) - TALCA (CITY)``).
    The first level without a type tag is typed ``COUNTRY``; ``(CITY / COUNTY)`` stays as is.
    """
    if is_empty(value):
        return []
    alts = []
    for alt in split_top(value.replace("\n", " ")):
        alt = strip_optional(alt)[0].strip()
        if _wrapped(alt):
            alt = alt[1:-1].strip()
        levels = []
        for i, level in enumerate(split_top(alt, ":")):
            places = []
            for place in re.split(r"\s+-\s+", level):
                m = re.match(r"^(.*?)\s*\(([^()]*)\)\s*$", place.strip())
                if m:
                    places.append((m.group(1).strip(), m.group(2).strip()))
                elif place.strip():
                    places.append((place.strip(), "COUNTRY" if i == 0 else ""))
            if places:
                levels.append(places)
        if levels:
            alts.append(levels)
    return alts


def parse_location(value: str | None, with_types: bool = False) -> list:
    """First alternative of a LOCATION fill, most general first.

    ``"EL SALVADOR: SAN SALVADOR (CITY)"`` -> ``["EL SALVADOR", "SAN SALVADOR"]``;
    with ``with_types=True`` -> ``[("EL SALVADOR", "COUNTRY"), ("SAN SALVADOR", "CITY")]``.
    Range places of one level are listed in order. See :func:`parse_location_alternatives`.
    """
    alts = parse_location_alternatives(value)
    if not alts:
        return []
    flat = [p for level in alts[0] for p in level]
    return flat if with_types else [name for name, _ in flat]


# ---------------------------------------------------------------- numbers

def parse_number(value: str | None) -> list[tuple[int | None, int | None]]:
    """A NUMBER fill (without its cross-reference) -> ``(low, high)`` alternatives.

    ``"3"`` -> (3, 3); ``"~100"`` -> (100, 100) (approximation taken at face value);
    ``"6-8"`` -> (6, 8); ``"6-"``/``"23 -"`` ("at least") -> (6, None); ``"- 15"`` ("at most")
    -> (1, 15); ``"PLURAL"`` -> (2, None); ``"5/6"`` -> two alternatives; ``?`` ignored.
    """
    if is_empty(value):
        return []
    out: list[tuple[int | None, int | None]] = []
    for alt in split_top(value):
        alt = strip_optional(alt)[0].replace("~", "").replace(" ", "")
        if not alt:
            continue
        if alt.upper() == "PLURAL":
            out.append((2, None))
        elif m := re.fullmatch(r"(\d+)-(\d+)", alt):
            out.append((int(m.group(1)), int(m.group(2))))
        elif m := re.fullmatch(r"(\d+)-", alt):
            out.append((int(m.group(1)), None))
        elif m := re.fullmatch(r"-(\d+)", alt):
            out.append((1, int(m.group(1))))
        elif alt.isdigit():
            out.append((int(alt), int(alt)))
    return out


def _norm_ref(s: str) -> str:
    return " ".join(s.upper().split())


def effect_counts(template: dict, effect: str) -> list[tuple[int, int | None]]:
    """Sum of HUM TGT: NUMBER over the human targets whose EFFECT includes ``effect``.

    ``effect`` is ``"DEATH"`` or ``"INJURY"`` (matched as a whole alternative, so ``NO DEATH``
    and ``NO INJURY OR DEATH`` do not count). A target's number is found through its
    cross-reference string; a named target without a number counts 1, a target with no number
    at all makes the sum unknown (high ``None``). Alternatives of a number, and optional (``?``)
    effects (count or not), give several ``(low, high)`` totals; templates without such an
    effect give ``[(0, 0)]``. At most 64 totals are enumerated, then their hull is returned.
    """
    numbers: dict[str, list[tuple[int | None, int | None]]] = {}
    for ln in lines(template.get("HUM TGT: NUMBER")):
        fills, refs, _ = parse_xref(ln)
        nums = parse_number(" / ".join(fills))
        for r in refs:
            numbers.setdefault(_norm_ref(r), nums)
    names = {_norm_ref(s) for s in slot_strings(template, "HUM TGT: NAME")}
    options: list[list[tuple[int, int | None]]] = []
    for ln in lines(template.get("HUM TGT: EFFECT OF INCIDENT")):
        fills, refs, optional = parse_xref(ln)
        if effect not in [f.strip().upper() for f in fills]:
            continue
        refs = [r for r in refs if r.strip() not in ("", "-")]
        if not refs:
            continue
        nums: list[tuple[int | None, int | None]] = []
        for r in refs:
            if _norm_ref(r) in numbers:
                nums = numbers[_norm_ref(r)]
                break
        if not nums:
            nums = [(1, 1)] if any(_norm_ref(r) in names for r in refs) else [(1, None)]
        opts = [((lo or 0), hi) for lo, hi in nums]
        if optional:
            opts.append((0, 0))
        options.append(opts)
    totals: list[tuple[int, int | None]] = [(0, 0)]
    for opts in options:
        totals = [(a + c, None if b is None or d is None else b + d)
                  for a, b in totals for c, d in opts]
        if len(totals) > 64:
            lo = min(t[0] for t in totals)
            hi = None if any(t[1] is None for t in totals) else max(t[1] for t in totals)
            totals = [(lo, hi)]
    return sorted(set(totals), key=lambda t: (t[0], t[1] if t[1] is not None else 10**9))


# ---------------------------------------------------------------- texts

_DATELINE_RE = re.compile(
    r"^\s*(?P<place>[^,\n]*?(?:\([^)]*\))?)\s*,\s*(?P<date>NO DATE|[^-\[(]*?)\s*"
    r"(?:[(\[](?P<source>(?:[^()\[\]]|[(\[][^()\[\]]*[)\]])*)[)\]])?\s*--\s*", re.S)


def parse_document(docid: str, body: str, default_year: int | None = None) -> dict:
    """One document body (after its docid line) -> text, dateline, date, place, source.

    A dateline date without a year (``7 FEB``) takes ``default_year`` (``load_texts`` passes
    the year of the previous document of the same file).
    """
    text = body.strip("\n")
    stripped = text.lstrip()
    dateline = place = source = iso = None
    m = _DATELINE_RE.match(stripped[:400])
    if m and "--" in stripped[:400]:
        dateline = " ".join(m.group(0).split()).rstrip("- ").strip()
        place = " ".join(m.group("place").split()) or None
        source = (m.group("source") or "").strip() or None
        iso = parse_one_date(m.group("date"), default_year) if m.group("date") != "NO DATE" else None
    return {"docid": docid, "text": text, "dateline": dateline, "date": iso,
            "place": place, "source": source}


def load_texts(root: str | Path | None = None) -> dict[str, dict]:
    """Documents of the original text files under ``root`` (files not named ``key-*``).

    Each: ``{"docid", "text" (body as in the file, dateline included), "dateline",
    "date" (ISO of the dateline date or None), "place" (dateline place), "source"}``.
    """
    root = Path(root) if root else default_root()
    out: dict[str, dict] = {}
    for path in sorted(root.rglob("*")):
        name = path.name.lower()
        if not path.is_file() or name.startswith("key-") or not re.match(r"(dev|tst\d)-muc\d", name):
            continue
        content = path.read_text(encoding="latin-1")
        parts = re.split(r"^\s*((?:DEV|TST\d)-MUC\d-\d{4})\b[^\n]*$", content, flags=re.M)
        year = None
        for docid, body in zip(parts[1::2], parts[2::2]):
            doc = parse_document(docid, body, default_year=year)
            year = int(doc["date"][:4]) if doc["date"] else year
            out[docid] = doc
    return out


__all__ = [
    "load_keys", "load_texts", "parse_key_text", "parse_date", "parse_location",
    "parse_location_alternatives", "parse_number", "parse_xref", "effect_counts",
    "slot_strings", "quoted_strings", "lines", "is_empty", "split_top", "strip_optional", "normalize_docid", "default_root",
]
