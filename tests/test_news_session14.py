"""Classes of error worked on in session 14, each on sentences written for the test."""

from __future__ import annotations

import pytest


def _types(a) -> dict[str, str]:
    return {s.content.text: s.type for s in a.statements if s.content}


@pytest.mark.parametrize("sentence, content", [
    ("The haulage firm said none of its drivers had been involved in the ambush.",
     "none of its drivers had been involved in the ambush"),
    ("The union said in a statement it had \"nothing at all to do with the arson\".",
     "it had \"nothing at all to do with the arson\""),
    ("A spokesman for the militia said its fighters were nowhere near the market that day.",
     "its fighters were nowhere near the market that day"),
    ("Their lawyer said his clients firmly dispute any involvement in the kidnapping.",
     "his clients firmly dispute any involvement in the kidnapping"),
    ("The village chief said the detained youths were innocent farmers.",
     "the detained youths were innocent farmers"),
])
def test_a_speaker_saying_its_side_took_no_part_denies(analyze, sentence, content):
    a = analyze("Gunmen attacked a police post in the town of Kidal on Monday, killing two officers.\n\n" + sentence)
    assert _types(a)[content] == "denial"


@pytest.mark.parametrize("sentence, content", [
    ("Police said no one else was involved in the shooting.", "no one else was involved in the shooting"),
    ("The mayor said the fire was nowhere near the school.", "the fire was nowhere near the school"),
    ("Doctors said the innocent victims had been shot at close range.",
     "the innocent victims had been shot at close range"),
])
def test_no_part_of_others_or_of_things_is_no_denial(analyze, sentence, content):
    a = analyze("Gunmen attacked a police post in the town of Kidal on Monday, killing two officers.\n\n" + sentence)
    assert _types(a)[content] != "denial"
