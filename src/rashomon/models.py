"""Typed records passed between the stages (ingest -> nlp -> extract -> resolve -> store).

Every extracted value carries a :class:`Span`: character offsets into the
original document text, so ``doc.text[span.start:span.end] == span.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

StatementType = Literal[
    "claim_of_responsibility", "accusation", "denial", "dismissal",
    "warning", "admission", "question", "other",
]
Mode = Literal["direct", "indirect", "mixed"]


@dataclass(frozen=True, slots=True)
class Span:
    """A character span ``[start, end)`` of a document's text."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Document:
    """One ingested report: the text as stored and its metadata."""

    id: str
    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or datetime
    source: str | None = None
    url: str | None = None
    origin: str | None = None  # path or feed the document came from
    kind: str = "text"  # text | html | jsonl | feed
    language: str | None = None


@dataclass(slots=True)
class Timex:
    """A TIMEX3 temporal expression with its normalised value."""

    span: Span
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str  # e.g. 2024-03-22, 2024-03, P2D, PAST_REF, XXXX-10-07
    anchor: str | None = None  # value of the anchor it was resolved against
    mod: str | None = None  # TimeML mod: BEFORE, AFTER, START, APPROX, ...


@dataclass(slots=True)
class Mention:
    """A mention of an entity (person, organisation, place, group...)."""

    span: Span
    label: str  # PERSON, ORG, GPE, NORP, FAC, LOC, ROLE, PRON, ...
    entity: str | None = None  # canonical name within the document


@dataclass(slots=True)
class Place:
    """A resolved place: its mention and gazetteer facts."""

    span: Span
    name: str
    country: str | None = None  # ISO 3166 alpha-2
    country_name: str | None = None
    region: str | None = None
    city: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    facility: Span | None = None  # a building named near the place


@dataclass(slots=True)
class Figure:
    """A count of people or things: killed, wounded, arrested ..."""

    kind: str  # killed | wounded | kidnapped | missing | arrested | charged | attackers | ...
    value: int
    span: Span  # the number as written ("at least 139", "four")
    qualifier: str | None = None  # at_least | more_than | about | up_to | exact | None
    value_max: int | None = None
    modifier: str | None = None  # e.g. "critically"
    counted: Span | None = None  # whom it counts ("people", "suspects")
    reporter: Span | None = None  # who reported the figure, when attributed
    date: Timex | None = None


@dataclass(slots=True)
class Argument:
    """A role filler of an event."""

    role: str  # perpetrator_individual | perpetrator_org | target | victim | weapon
    span: Span
    entity: str | None = None  # canonical name
    responsibility: str | None = None  # claimed | accused | suspected | denied


@dataclass(slots=True)
class Event:
    """An incident reported in a document."""

    type: str  # armed_assault, bombing, arson, ... (see data/event_types.json)
    trigger: Span
    sentence: Span
    types: list[str] = field(default_factory=list)  # all types, primary first
    date: Timex | None = None
    place: Place | None = None
    arguments: list[Argument] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    background: bool = False  # historical / earlier incident mentioned in passing
    mentions: list[Span] = field(default_factory=list)  # further references to it

    @property
    def key(self) -> tuple[int, int]:
        return (self.trigger.start, self.trigger.end)


@dataclass(slots=True)
class Statement:
    """An attributed statement: who said what, how and when."""

    cue: Span
    content: Span
    source: Span | None  # the speaker mention as written
    speaker: str | None = None  # canonical speaker
    speaker_kind: str | None = None  # person | organisation | government | media | group | unknown
    mode: Mode = "indirect"
    type: StatementType = "other"
    polarity: str | None = None  # supports | rejects an attribution of responsibility
    target: Span | None = None  # who is accused / what is denied
    date: Timex | None = None
    events: list[int] = field(default_factory=list)  # indexes into Analysis.events
    chain: list[Span] = field(default_factory=list)  # relaying sources, outermost first


@dataclass(slots=True)
class Analysis:
    """Everything extracted from one document."""

    document: Document
    timexes: list[Timex] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
