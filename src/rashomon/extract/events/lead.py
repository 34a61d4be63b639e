"""Where a report's parts end, read from its layout: the headline (a short first line before a blank line), the lead
(the first two paragraphs of running text), and a later clause of the headline that announces another incident.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .lexicon import _triggers
from .records import Trigger, _family


def _lead_start(text: str) -> int:
    """Start of the first paragraph of running text (20 words or more)."""
    pos = 0
    while True:
        nxt = text.find("\n\n", pos)
        end = len(text) if nxt < 0 else nxt
        if len(text[pos:end].split()) >= 20 or nxt < 0:
            return pos
        pos = nxt + 2


def _lead_end(text: str) -> int:
    """End of the lead: the first two paragraphs of running text (20 words or more: a headline,
    byline or date line is shorter), or the end of the text."""
    pos, paragraphs = 0, 0
    while paragraphs < 2:
        nxt = text.find("\n\n", pos)
        if nxt < 0:
            return len(text)
        if len(text[pos:nxt].split()) >= 20:
            paragraphs += 1
        pos = nxt + 2
    return pos


def _headline_end(text: str) -> int:
    """End of a headline: a first line of at most ``HEADLINE_WORDS`` words, not ending a sentence, followed by a blank
    line; 0 when the text starts with running text (MUC-4 stories, a bare paragraph)."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    if end < 0 or not re.match(r"\n[ \t]*\n", text[end:]):
        return 0
    line = text[start:end].strip()
    return end if line and len(line.split()) <= HEADLINE_WORDS and not line.endswith(".") else 0


HEADLINE_WORDS = 24  # (a translated agency's headline runs to 20 words and more)


_HEADLINE_CLAUSE = re.compile(r"\s*(?:[,;:]|\s-\s|\s[-\u2013\u2014]\s)\s*(?:and\s+|as\s+|while\s+)?|\s+(?:as|while)\s+")


def _headline_clauses(text: str, headline_end: int) -> list[tuple[int, int]]:
    """The character bounds of the headline's clauses, parted by a comma, a semicolon, a colon, a dash, "as" or
    "while"."""
    start = len(text) - len(text.lstrip())
    seps = list(_HEADLINE_CLAUSE.finditer(text, start, headline_end))
    return list(zip([start] + [m.end() for m in seps], [m.start() for m in seps] + [headline_end]))


def headline_clause(text: str, headline_end: int, char: int) -> int:
    """Which clause of the headline holds the character (0 for the first)."""
    return sum(1 for s, _ in _headline_clauses(text, headline_end)[1:] if s <= char)


def _second_headline_clause(text: str, headline_end: int, char: int) -> bool:
    """The headline character lies in a clause after the first that announces another incident ("..., and
    police shot at in second attack", "...; another attack in Y")."""
    k = headline_clause(text, headline_end, char)
    if k == 0:
        return False
    clause_start, clause_end = _headline_clauses(text, headline_end)[k]
    words = set(re.findall(r"[a-z]+", text[clause_start:clause_end].lower()))
    return bool(words & _triggers()["second_incident_words"])


def _without_other_family_headline_clauses(doc: Doc, triggers: list[Trigger], text: str,
                                           headline_end: int) -> list[Trigger]:
    """"Dozens killed in jihadist assault on X, army drone strike hits market": a later clause of the headline whose
    means come from the other family (from the air, on the ground) than the first clause's incident announces
    another incident, which the body tells; it does not join (or type) the first one."""
    clause = {id(t): headline_clause(text, headline_end, doc[t.start].idx) for t in triggers if t.in_headline}
    first = {_family(t.type) for t in triggers if clause.get(id(t)) == 0} - {"any"}
    if len(first) != 1:
        return triggers
    drop = set()
    for k in set(clause.values()) - {0}:
        means = [t for t in triggers if clause.get(id(t)) == k and not t.outcome]
        families = {_family(t.type) for t in means} - {"any"}
        if families and not families & first:
            drop.update(id(t) for t in triggers if clause.get(id(t)) == k)
    return [t for t in triggers if id(t) not in drop]
