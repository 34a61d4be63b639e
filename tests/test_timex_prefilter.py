"""The timex rules' literal prefilter skips only scans that would find nothing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rashomon.extract import timex as T
from rashomon.extract.timex.prefilter import gate_of
from rashomon.extract.timex.rules import RULES

WORDS = ["On", "monday", "March", "4,", "2024", "at", "10:30", "a.m.", "two", "days", "ago", "the", "1990s",
         "mid-April", "14-16", "May", "last", "year's", "fourth", "quarter", "Q3", "FY2021", "every", "week",
         "since", "1998", "Christmas", "Eve", "TONIGHT", "next", "48", "hours", "early", "12/25/2019", "spring",
         "of", "1945", "\u0130STANBUL", "\u017fome", "day", "twenty-first", "century", "yesterday", "noon",
         "Tuesday", "winter", "decade", "recent", "months", "later", "earlier", "this", "morning", "\n"]


def _ungated(text: str) -> list:
    saved = dict(T._GATES)
    try:
        T._GATES.update({rx: None for _, rx, _ in RULES})
        return [(s, e, o) for s, e, o, _ in T._candidates(text)]
    finally:
        T._GATES.clear()
        T._GATES.update(saved)


def _gated(text: str) -> list:
    return [(s, e, o) for s, e, o, _ in T._candidates(text)]


def test_most_rules_have_a_gate():
    assert sum(gate_of(rx) is not None for _, rx, _ in RULES) >= len(RULES) // 2


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25), st.sampled_from([str, str.upper, str.title]))
def test_the_gate_never_loses_a_match(words, case):
    text = case(" ".join(words))
    assert _gated(text) == _ungated(text)
