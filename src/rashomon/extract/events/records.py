"""The records passed from stage to stage: a ``Trigger`` (a word or phrase that tells an incident, with the date and
place its sentence gives it), an ``_Incident`` (triggers grouped as one incident, with its date and place), and the
families of incident types (from the air or on the ground) that keep incidents apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rashomon.models import Place, Timex


AIR_FAMILY = {"air_strike", "missile_strike", "drone_strike", "shelling"}


@dataclass
class Trigger:
    start: int  # token index
    end: int
    type: str
    weak: bool
    anaphoric: bool
    sent_index: int
    outcome: bool = False  # "killed": says what happened to the victims, not the means
    loose_date: Timex | None = None  # a date of the sentence not tied to an anaphoric trigger
    clock_date: bool = False  # the loose date is a time of day without a day of its own ("overnight")
    date: Timex | None = None
    place: Place | None = None
    headline_place: Place | None = None  # a headline's place: used only when the story gives none
    far_place: Place | None = None  # a town far from the trigger in the parse: places an unplaced incident, never splits
    in_headline: bool = False
    legal: bool = False  # an offence someone is charged with ("charged with murder"): an incident told elsewhere
    joins_only: bool = False  # "stormed the church": part of an incident told otherwise, never one of its own
    side_act: bool = False  # "looted shops", "set fire to houses": done on the way in a raid
    earlier: bool = False  # "(came) two weeks after militants killed 40": an incident before the one told
    hours_earlier: bool = False  # "..., hours after the house was burned": earlier, but the same days
    effect: bool = False  # a word for what was heard or seen ("explosion", "blast"), not the means


@dataclass
class _Incident:
    triggers: list[Trigger] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    date: Timex | None = None
    place: Place | None = None
    background: bool = False
    loose: bool = False  # the date is only a loose one (a time of day, a statement's day): a firm one replaces it

    def family(self) -> str:
        """The family of the incident's means: an outcome word alone ("IDF says it killed commander") names none, so
        the strike told next ("in an airstrike on a car") may join it."""
        # ("Two civilians killed as a result of shelling of X": the shelling's family)
        means = [s for s in self.types if s != "attack" and not (
            s == "armed_assault" and all(t.outcome for t in self.triggers if t.type == s))]
        return _family(means[0]) if means else "any"


def _family(etype: str) -> str:
    if etype == "attack":
        return "any"
    return "air" if etype in AIR_FAMILY else "ground"
