"""Statements on wire news (session 14): a Q&A transcript's answers are statements of the official it
introduces; warnings told without a warning verb ("they will answer for it", "anyone caught ... will be
prosecuted"); "pleaded not guilty" is a denial. All sentences are written for these tests."""

from __future__ import annotations

import pytest

from rashomon.engine.pipeline import Pipeline
from rashomon.models import Document


@pytest.fixture(scope="module")
def pipe():
    return Pipeline()


def _statements(pipe, text: str):
    return pipe.analyze(Document(id="t", text=text, published="2025-09-14")).statements


_PRESS = """Harbour chief questioned after fire on fuel barge

By Tomas Reyes
September 14, 2025

A fuel barge burned for six hours at the port of Vallen on Saturday night, the port authority said.

Harbour Master Ingrid Solberg took questions from reporters on Sunday. An edited transcript follows.

Q: How did the fire start?

A: A crewman saw smoke in the engine room at about 11 p.m. The crew left the barge and nobody was hurt.

Q: Was it deliberate?

A: We believe two men who were seen on the quay set the fire. They will answer for it.

Q: When will the port reopen?

A: The berths on the east side reopen on Tuesday.
"""

_INTERVIEW = """Interview: Fire chief on the Mallow Bay warehouse blaze

By Ana Petrov
September 14, 2025

A warehouse in Mallow Bay burned down on Friday. The Coast Gazette spoke to Fire Chief Daniel Okafor Brennan on Saturday.

Gazette: Was anyone inside?

Brennan: No. The night guard had left at ten and the doors were locked.

Gazette: Do you know the cause?

Brennan: Not yet. Our investigators are still at the site.
"""


def test_press_conference_answers_are_statements_of_the_official(pipe):
    sts = [st for st in _statements(pipe, _PRESS) if st.cue.text == "A:"]
    assert len(sts) == 3
    assert all(st.source is not None and "Ingrid Solberg" in st.source.text for st in sts)
    assert sts[0].content.text.startswith("A crewman saw smoke")
    assert sts[1].type in ("accusation", "warning")
    assert all(st.date is None for st in sts)  # not dated by the day of the briefing


def test_interview_answers_take_the_named_label_and_the_introduced_mention(pipe):
    sts = _statements(pipe, _INTERVIEW)
    answers = [st for st in sts if st.cue.text == "Brennan:"]
    assert len(answers) == 2
    assert all(st.source is not None and st.source.text.endswith("Daniel Okafor Brennan") for st in answers)
    assert not any("?" in st.content.text for st in sts)  # the question lines say nothing
    # labelled lines that ask nothing ("Claim:" / "Verdict:") make no transcript
    text = ("A fisherman said a photo of the burned boat was old.\n\nClaim: A photo shows the boat burning.\n\n"
            "Verdict: False.\n\nClaim: Two men died.\n\nVerdict: Misleading.\n")
    assert not any(st.cue.text in ("Claim:", "Verdict:") for st in _statements(pipe, text))


@pytest.mark.parametrize("text", [
    '"Arsonists burned two warehouses on our quay. They will answer for it," the mayor of Lindale said.',
    'The interior minister said those who planted the bomb would answer for the deaths.',
    '"Three of our soldiers were killed on our own land. This will not go unanswered," the defence minister said.',
    '"Those who think they can scare this valley with guns are wrong. They will be found, one by one," '
    'the governor said.',
    'The regional police chief said anyone caught looting the damaged shops would be prosecuted.',
    'A ministry spokesman said the country reserves the right to take all necessary measures to protect '
    'its fishermen.',
    'The president said those who ordered the ambush would pay a heavy price.',
])
def test_warnings_without_a_warning_verb(pipe, text):
    sts = [st for st in _statements(pipe, text) if st.cue.text.endswith("said")]
    assert sts and sts[-1].type == "warning"


def test_a_warning_names_the_culprits_not_a_plan(pipe):
    text = ('The minister said the state would pay for new street lights in the port. Police said the two men '
            'would be charged with arson on Friday. "They will answer for it," the mayor said of the arsonists.')
    assert [st.type for st in _statements(pipe, text) if st.cue.text == "said"] == ["other", "other", "warning"]


def test_pleaded_not_guilty_is_a_denial(pipe):
    sts = _statements(pipe, "Two brothers pleaded not guilty on Tuesday to setting fire to the mosque in Arlon.")
    assert [st.type for st in sts if st.cue.text.startswith("pleaded")] == ["denial"]
