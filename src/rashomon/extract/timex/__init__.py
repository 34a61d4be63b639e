"""Rule-based TIMEX3 tagger and normaliser (TimeML / TempEval-3 conventions).

Usage::

    from rashomon.extract.timex import tag_timexes
    tag_timexes("Two days later, on March 24, ...", "2024-04-08")

Candidates come from the pattern families in :mod:`.rules` (leftmost-longest, non
overlapping), are normalised in text order (so narrative expressions such as "two days
later" anchor on the most recent day-granular date, else on the DCT) and get a TimeML
``mod`` from a preceding modifier ("about", "early", "the end of" ...).
"""

from __future__ import annotations

import re

from rashomon.models import Span, Timex
from rashomon.nlp.casing import capital_share

from . import anchor as A
from .lexicon import _alt, lexicon
from .prefilter import fold, gate_of
from .rules import QUARTER_CLOSED, RULES, Context, Norm, find_month

__all__ = ["tag_timexes"]

_L = lexicon()
_APPROX = {k: v for k, v in _L.modifiers.items() if v}
_APPROX_RX = re.compile(r"(?<![\w-])(" + _alt(_APPROX) + r")\s+$", re.I)
_POS_RX = re.compile(r"(?<![\w-])(" + _alt([k for k in _L.position_modifiers if not k.endswith("-")]) + r")\s+$|(?<![\w-])(mid-)$", re.I)
_DET_COMPOUND = re.compile(r"(the\s+)[^\n]*?\w+-(?:year|week|day|month|quarter|hour|minute|second|ago|earlier|before|old)\b", re.I)
_NOUN_NEXT = re.compile(r"\s+(?!of\b|and\b|or\b|to\b|in\b|on\b|at\b|for\b|by\b|was\b|is\b|were\b)[A-Za-z$#]")
_DAY_RX = re.compile(r"^\d{4}-\d\d-\d\d")
_DAY_ONLY = re.compile(r"\d{4}-\d\d-\d\d")
_RELQ = re.compile(r"year-ago|year-earlier|year earlier|year ago|last year|comparable|previous|prior|year-before"
                   r"|\d{4} (?:period|quarter)$", re.I)


# "over" means "more than" after a word that takes a measure ("lasted over a week", "for over two
# years", "in over a decade"); after anything else it is the preposition "over the course of"
_OVER_AS_MORE = re.compile(r"(?<![\w-])(?:for|of|in|than|after|within|to|just|is|was|were|be|been|are|last|lasts|lasted"
                           r"|lasting|take|takes|took|taken|taking|spent|spend|spends|served|serve|serves|ago|about)\s+$", re.I)


def _earlier_aside(current: str | None, new: str, span_text: str) -> bool:
    """A calendar quarter before the reported one of the same year ("after a flat second quarter",
    written in a third-quarter report) is an aside: the report stays on its quarter."""
    return (current is not None and current[:4] == new[:4] and new < current
            and "fiscal" not in span_text.lower())


# rule pattern -> the strings one of which a match needs (None: always scan)
_GATES: dict[re.Pattern, tuple[str, ...] | None] = {}


def _candidates(text: str) -> list[tuple[int, int, int, object]]:
    out = []
    folded = fold(text)
    for order, (name, rx, handler) in enumerate(RULES):
        if rx not in _GATES:
            _GATES[rx] = gate_of(rx)
        gate = _GATES[rx]
        if gate is not None and not any(s in folded for s in gate):
            continue  # the text holds none of the strings a match needs: the scan would find nothing
        for m in rx.finditer(text):
            # a line break ends a phrase: "rises to 12\nMay 14, 2023" holds no "12 May"
            if m.end() > m.start() and "\n" not in m.group(0).strip():
                out.append((m.start(), m.end(), order, (m, handler, name)))
    out.sort(key=lambda c: (c[0], -(c[1] - c[0]), c[2]))
    return out


def _extend_left(text: str, start: int, norm: Norm, rule: str) -> tuple[int, str | None]:
    head = text[start:start + 6].lower()
    for pre, mod in (("mid-", "MID"), ("early-", "START"), ("late-", "END")):
        if head.startswith(pre) and norm.type in ("DATE", "TIME"):
            return start, mod
    before = text[max(0, start - 30):start]
    base = start - len(before)
    if norm.type in ("DATE", "TIME") and not norm.value.endswith("_REF"):
        m = _POS_RX.search(before)
        if m:
            word = (m.group(1) or m.group(2)).lower()
            key = re.sub(r"\s+", " ", word)
            mod = _L.position_modifiers.get(key)
            if mod and not (rule == "ago" and key in ("earlier", "later")):
                new_start = base + m.start()
                # "the early 1990s": keep a determiner before "early/late/mid"
                mt = re.search(r"(?<![\w-])the\s+$", text[max(0, new_start - 6):new_start], re.I)
                if mt and key in ("early", "late", "mid", "mid-"):
                    new_start -= len(mt.group(0))
                return new_start, mod
    if norm.type == "DURATION" or rule in ("ago",) or (norm.type == "TIME" and rule == "time"):
        m = _APPROX_RX.search(before)
        if m and not re.match(r"the\s", text[start:start + 4], re.I):
            key = re.sub(r"\s+", " ", m.group(1).lower())
            mod = _APPROX.get(key)
            if norm.type != "DURATION" and mod != "APPROX" and rule != "ago":
                return start, None
            if key in ("over", "under", "some") and norm.type != "DURATION":
                return start, None
            if key == "over" and not _OVER_AS_MORE.search(text[max(0, base + m.start() - 20):base + m.start()]):
                return start, None  # "raise $1 trillion over 10 years": "over" is the preposition "during"
            return base + m.start(), mod
    return start, None


# further day numbers coordinated with a month-day date: "April 24 and 25", "March 2, 3 and 4",
# "May 14 to 16" (each day is a timex of its own; TimeML tags the bare "25")
_COORD_DAY = re.compile(r"(\s*,\s*|\s*,?\s*(?:and|or|&|to|through)\s+|\s*[-\u2013]\s*)"
                        r"([12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\w.,:/-]\d|[\w%$])", re.I)
_COORD_RULES = ("date_mdy",)
_OR_SO = re.compile(r"\s+or\s+so(?![\w-])", re.I)
_COORD_NEXT_OK = {"in", "at", "on", "to", "for", "and", "or", "when", "with", "the", "as", "after", "before",
                  "during", "from", "by", "but", "while", "that", "this", "next", "last", "will", "would", "is",
                  "are", "was", "were", "a", "an", "his", "her", "their", "its", "respectively"}


_NAMES = set(_L.weekdays) | set(_L.months) | {w for h in _L.holidays for w in re.findall(r"[a-z]+", h)}
_OPEN_QUOTE = re.compile(r"(?:\"|``|''|\u201c|\u2018)$")


_CLOSE_QUOTE = re.compile(r"(?:''|\"|\u201d|\u2019(?!s))")
_TITLE_BEFORE = re.compile(r"(?:``|''|\"|\u201c|\u2018)(?:[A-Z][\w.&'-]*\s+)+$")


def _quoted_title(text: str, start: int, end: int) -> bool:
    """A title-cased phrase right after an opening quote names a programme or a work
    ("ABC's \"This Week\"", "CBS's ''60 Minutes''"), not a time."""
    words = text[start:end].split()
    alpha = [w for w in words if w[:1].isalpha()]
    titled = any(w[:1].isupper() and re.sub(r"\W", "", w.lower()) not in _NAMES for w in words[1:])
    if (titled and all(w[0].isupper() for w in alpha)
            and _OPEN_QUOTE.search(text[max(0, start - 2):start]) is not None):
        return True
    # the last word of a quoted title: ''Fox News Sunday'', "Good Morning Today"
    return _CLOSE_QUOTE.match(text, end) is not None and _TITLE_BEFORE.search(text[max(0, start - 40):start]) is not None


_TITLE_RULES = {"rel_unit", "relday", "fuzzy"}
_CAP_BEFORE = re.compile(r"\b[A-Z][\w.&'\u2019-]*\s+$")
_SENTENCE_OPEN = re.compile(r"(?:^|[.!?:;\n\"\u201c\u2018'(\u2014\u2013-])\s*$")


def _title_inside(text: str, start: int, end: int) -> bool:
    """Capitalised inside a sentence, every word of it, a relative time word is part of a name: "told ABC's
    This Week", "a USA TODAY investigation" (mid-sentence the time reading is written "this week", "today")."""
    words = text[start:end].split()
    if not all(w[:1].isupper() for w in words) or _SENTENCE_OPEN.search(text[max(0, start - 3):start]):
        return False
    # one word: in capitals after a capitalised word ("USA TODAY"), not a shouted "the vote is TODAY"
    return len(words) > 1 or (words[0].isupper() and _CAP_BEFORE.search(text[max(0, start - 30):start]) is not None)


def _coordinated_days(text: str, end: int, value: str) -> list[tuple[int, int, str]]:
    """(start, end, value) of the day numbers that continue the date ending at ``end``."""
    out: list[tuple[int, int, str]] = []
    last = int(value[8:10])
    pos = end
    while True:
        m = _COORD_DAY.match(text, pos)
        if not m:
            break
        day = int(m.group(2))
        nxt = re.match(r"\s*([A-Za-z%$]+)", text[m.end():m.end() + 20])
        if day <= last or A.safe_date(int(value[:4]), int(value[5:7]), day) is None \
                or (nxt and nxt.group(1).lower() not in _COORD_NEXT_OK):
            break  # "on May 14 and 15 others", "and 15 Palestinians", "to 15 percent": a count, not a day
        if m.group(1).strip(" ,") == "" and "," in m.group(1) and not _COORD_DAY.match(text, m.end()) \
                and not re.match(r"\s*,?\s*(?:and|or|&)\s", text[m.end():m.end() + 6]):
            break  # "March 2, 3" alone is not a list (a year or a count may follow)
        out.append((m.start(2), m.end(), f"{value[:8]}{day:02d}"))
        last, pos = day, m.end()
        if m.group(1).strip(" ,").lower() in ("and", "or", "&", "to", "through", "-", "\u2013"):
            break
    return out


# day numbers coordinated before a day-month date: "on 10 and 11 March", "from 3-5 May", "on 2, 3 and 4 June"
_LEAD_DAYS = re.compile(r"((?:(?:[12][0-9]|3[01]|0?[1-9])\s*,\s*)*(?:[12][0-9]|3[01]|0?[1-9]))(?:st|nd|rd|th)?"
                        r"(\s*,?\s+(?:and|or|&|to|through)\s+|\s*[-\u2013]\s*)$", re.I)
_LEAD_PREPS = {"on", "from", "between", "of", "since", "until", "till", "by", "and", "for", "during", "the", "over"}


def _leading_days(text: str, start: int, value: str, floor: int) -> list[tuple[int, int, str]]:
    """(start, end, value) of the day numbers coordinated before the day-month date at ``start``."""
    m = _LEAD_DAYS.search(text, max(floor, start - 30), start)
    if not m:
        return []
    hyphen = m.group(2).strip() in ("-", "\u2013")
    prev = re.search(r"([A-Za-z]+)\s*$", text[max(0, m.start() - 20):m.start()])
    if not hyphen and (prev is None or prev.group(1).lower() not in _LEAD_PREPS):
        return []  # "killed 10 and 11 March": a count may come first
    out = []
    for d in re.finditer(r"\d+", m.group(1)):
        day = int(d.group(0))
        if not day < int(value[8:10]) or A.safe_date(int(value[:4]), int(value[5:7]), day) is None:
            return []
        out.append((m.start(1) + d.start(), m.start(1) + d.end(), f"{value[:8]}{day:02d}"))
    return out


# a year written after the last day of a range or list belongs to every day of it: "March 2-4, 2023",
# "30 April-2 May 2023", "April 30 to May 2, 2023" (TimeML: each day is a DATE with the full value)
_YEAR_AFTER = re.compile(r"\s*,?\s*(1[5-9]\d\d|20\d\d)(?![\w-])")
_YEAR_IN = re.compile(r"(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)")
_RANGE_GAP = re.compile(r"\s*(?:,\s*)?(?:[-\u2013]|to|through|thru|until|till|and|or|&|,)\s*", re.I)


def _appositive_names(text: str, result: list[Timex]) -> None:
    """"On April 13, 2025, Palm Sunday, ...": a day named in apposition to a written date (a holiday or a
    weekday, no digits) is that date, not the one the name falls on in the story's year."""
    for i in range(1, len(result)):
        prev, cur = result[i - 1], result[i]
        if prev.type == cur.type == "DATE" and _DAY_RX.match(prev.value) and _DAY_RX.match(cur.value) \
                and _YEAR_IN.search(prev.span.text) and text[prev.span.end:cur.span.start] == ", " \
                and not any(ch.isdigit() for ch in cur.span.text) and text[cur.span.end:cur.span.end + 1] in (",", ")"):
            result[i] = Timex(cur.span, cur.type, prev.value[:10], cur.anchor, cur.mod)


def _share_year(text: str, result: list[Timex]) -> None:
    """Give a yearless day opening a range or list the year written after its closing day."""
    explicit = [bool(_YEAR_IN.search(t.span.text)) for t in result]
    for i in range(len(result) - 1, 0, -1):
        cur, prev = result[i], result[i - 1]
        if not (explicit[i] and not explicit[i - 1] and cur.type == prev.type == "DATE"
                and _DAY_ONLY.fullmatch(cur.value) and _DAY_ONLY.fullmatch(prev.value)
                and _RANGE_GAP.fullmatch(text, prev.span.end, cur.span.start)
                and (find_month(prev.span.text) is not None or prev.span.text.isdigit())):
            continue  # "today, 26 September 1989": an apposition, not a range
        if text[prev.span.end:cur.span.start].strip() == "," and not cur.span.text[:1].isdigit():
            continue  # a bare comma joins only the day numbers of a list ("March 2, 3 and 4, 2023")
        y = int(cur.value[:4])
        if prev.value[5:] > cur.value[5:]:
            y -= 1  # "Dec. 30-Jan. 2, 2024"
        if A.safe_date(y, int(prev.value[5:7]), int(prev.value[8:10])) is not None:
            prev.value = f"{y:04d}{prev.value[4:]}"
            explicit[i - 1] = True


def _quarter_reported(value: str, dct) -> bool:
    """A quarter that has ended by the DCT: one whose results can be "the latest quarter"
    ("a fourth-quarter charge" expected in November is not)."""
    if dct is None:
        return True
    y, q = int(value[:4]), int(value[-1])
    return (y, q) < (dct.year, A.quarter_of(dct))


def _closed_before(text: str, end: int) -> bool:
    """"the fiscal third quarter ended Feb. 28": a quarter said to have ended has been reported, whatever
    calendar quarter the DCT is in."""
    m = QUARTER_CLOSED.match(text, end)
    return m is not None and m.group("v").lower() == "ended"


def tag_timexes(text: str, dct: str | None, doc=None) -> list[Timex]:
    """Temporal expressions of ``text`` with TIMEX3 type/value, resolved against ``dct`` (YYYY-MM-DD)."""
    dct_date = A.parse_dct(dct)
    capitals = capital_share(text)
    upper = capitals is not None and capitals > 0.8
    caseless = capitals is not None and capitals < 0.002
    ctx = Context(text=text, dct=dct_date, dct_value=A.fmt_day(dct_date) if dct_date else None, doc=doc, upper=upper,
                  caseless=caseless)
    result: list[Timex] = []
    last_end = 0
    for start, end, _order, (m, handler, name) in _candidates(text):
        if start < last_end:
            continue
        if not upper and (_quoted_title(text, start, end) or (name in _TITLE_RULES and _title_inside(text, start, end))):
            continue
        norm = handler(m, ctx)
        if norm is None:
            continue
        if norm.span is not None:
            start, end = norm.span
        elif "core" in m.re.groupindex and m.group("core") is not None:
            start, end = m.span("core")
        # trailing punctuation never belongs to the extent
        while end > start and text[end - 1] in ",;:":
            end -= 1
        # "the next year or so", "two years or so": the approximation belongs to the timex
        so = _OR_SO.match(text, end)
        if so and norm.type in ("DATE", "DURATION") and re.search(r"(?i)(?:year|month|week|day|hour|decade)s?$", text[start:end]):
            end = so.end()
        # a timex used as a prenominal compound ("the two-week strike", "the third-quarter loss",
        # "the year-ago period") leaves the determiner to the noun phrase (TimeML guidelines)
        dm = _DET_COMPOUND.match(text, start, end)
        if dm and dm.end() == end and _NOUN_NEXT.match(text, end):
            start += len(dm.group(1))
        new_start, mod = _extend_left(text, start, norm, name)
        if new_start < last_end:
            new_start, mod = start, None
        if mod and not norm.mod:
            norm.mod = mod
        start = new_start
        if name == "date_dmy" and _DAY_ONLY.fullmatch(norm.value) and text[start:start + 1].isdigit():
            for cs, ce, cv in _leading_days(text, start, norm.value, last_end):
                result.append(Timex(Span.of(text, cs, ce), "DATE", cv, norm.anchor, None))
        result.append(Timex(Span.of(text, start, end), norm.type, norm.value, norm.anchor, norm.mod))
        last_end = end
        v = norm.value
        dm_end = re.search(r"(\d{1,2})(?:st|nd|rd|th)?$", text[start:end])
        if name in _COORD_RULES and _DAY_ONLY.fullmatch(v) and dm_end and int(dm_end.group(1)) == int(v[8:10]):
            for cs, ce, cv in _coordinated_days(text, end, v):
                result.append(Timex(Span.of(text, cs, ce), "DATE", cv, norm.anchor, None))
                last_end = end = ce
                v = cv
            ya = _YEAR_AFTER.match(text, end) if result[-1].span.start > start else None
            if ya and not _YEAR_IN.search(text[start:end]):
                # "March 2-4, 2023": the year closes the last day ("4, 2023") and dates the range
                v = f"{ya.group(1)}{v[4:]}"
                if A.safe_date(int(v[:4]), int(v[5:7]), int(v[8:10])) is not None:
                    last = result[-1]
                    result[-1] = Timex(Span.of(text, last.span.start, ya.end()), "DATE", v, None, None)
                    last_end = end = ya.end()
                else:
                    v = result[-1].value
        if norm.type in ("DATE", "TIME") and _DAY_RX.match(v):
            d = A.value_to_date(v)
            if d is not None:
                ctx.last_day, ctx.last_day_value, ctx.last_day_end, ctx.last_day_start = d, v[:10], end, start
        if norm.type == "DATE" and re.match(r"^\d{4}", v):
            ctx.last_value, ctx.last_value_start, ctx.last_value_end = v, start, end
            if re.fullmatch(r"\d{4}-Q[1-4]", v) and name in ("quarter", "month_quarter") \
                    and not _RELQ.search(text[start:end]) \
                    and (_quarter_reported(v, dct_date) or _closed_before(text, end)) \
                    and not _earlier_aside(ctx.last_quarter, v, text[start:end]):
                ctx.last_quarter = v
    _share_year(text, result)
    _appositive_names(text, result)
    return result
