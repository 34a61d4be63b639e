"""How a report is laid out beyond its sentences: the lines of a key-facts box ("• Killed: one guard",
"- Claimed by: X"). Extractors that must treat such lines apart ask here, so they agree."""

from __future__ import annotations

import re

_FACT_LINE = re.compile(r"[ \t]*[•·▪●■◆\-–*][ \t]*([^\n:]{1,40}):")


def fact_label(text: str, pos: int) -> tuple[int, int] | None:
    """The label span of the bulleted "Label: value" line that holds ``pos``, or None when ``pos`` is on no
    such line."""
    line_start = text.rfind("\n", 0, pos) + 1
    m = _FACT_LINE.match(text, line_start)
    return m.span(1) if m else None


def in_fact_label(text: str, pos: int) -> bool:
    """``pos`` lies in the label of a fact line ("• Ransom demanded: $2 million"): the box sums up the story,
    nobody says it there."""
    span = fact_label(text, pos)
    return span is not None and pos < span[1]


_VALUE_LABEL = re.compile(r"(?:^|[|•·▪●■◆;]|\s[-–]\s)[ \t]*([A-Za-z][\w'’ -]{0,30}?)[ \t]*:[ \t]*$", re.MULTILINE)


def value_label(text: str, pos: int) -> tuple[int, int] | None:
    """The label of a "Label: value" cell that the value at ``pos`` opens ("Dead: 2 | Injured: 5", "• Killed: one
    guard"), or None when the value follows no such label on its line."""
    line_start = text.rfind("\n", 0, pos) + 1
    m = _VALUE_LABEL.search(text, line_start, pos)
    return m.span(1) if m else None


_CORRECTION_LINE = re.compile(r"[ \t]*(?:correction|clarification|editor['’]s note)s?\s*:", re.IGNORECASE)
_EARLIER_VERSION = r"\b(?:earlier|previous|original)\s+(?:version|draft)\b"
_RETRACTED = re.compile(_EARLIER_VERSION + r"[^;.\n]*?\b(?:said|stated|reported|misstated|gave|put)\b([^;\n]*)"
                        r"|,\s+not\s+(\S+),", re.IGNORECASE)


def correction_line(text: str, pos: int) -> tuple[int, int] | None:
    """The span of the "Correction: ..." (or "Clarification:", "Editor's note:") line that holds ``pos``."""
    line_start = text.rfind("\n", 0, pos) + 1
    if not _CORRECTION_LINE.match(text, line_start):
        return None
    end = text.find("\n", pos)
    return line_start, len(text) if end < 0 else end


def retracted(text: str, start: int, end: int) -> bool:
    """The span ``start:end`` is what a correction line takes back ("An earlier version of this report said 12
    people were killed; ...", "11 people, not 12, were killed"): no figure and no statement of the story."""
    line = correction_line(text, start)
    if line is None:
        return False
    for m in _RETRACTED.finditer(text, line[0], line[1]):
        group = 1 if m.group(1) is not None else 2
        if m.start(group) <= start and end <= m.end(group) + 1:
            return True
    return False


def names_an_earlier_version(text: str) -> bool:
    """"An earlier version of this report": the story's own retracted text, no speaker."""
    return re.search(_EARLIER_VERSION, text, re.IGNORECASE) is not None
