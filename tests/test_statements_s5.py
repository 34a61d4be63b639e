"""Statements on wire news: one statement per coordinated named speaker; a live blog's clock time is no
part of a source."""

from __future__ import annotations

import pytest

from rashomon.engine.pipeline import Pipeline
from rashomon.models import Document


@pytest.fixture(scope="module")
def pipe():
    return Pipeline()


def _statements(pipe, text: str):
    return pipe.analyze(Document(id="t", text=text, published="2025-06-04")).statements


def test_coordinated_named_speakers_each_make_a_statement(pipe):
    sts = _statements(pipe, "Norland and Estovia also condemned the strike on the power plant.")
    assert sorted(st.speaker for st in sts if st.cue.text.endswith("condemned")) == ["Estovia", "Norland"]
    assert all(st.content.text == "the strike on the power plant" for st in sts)


@pytest.mark.parametrize("text, source", [
    # ("Police and medics said ..." is two statements since session 19: each party of a coordinated source speaks)
    ("Hamas or Islamic Jihad said it fired the rockets.", "Hamas or Islamic Jihad"),  # "or" names no one for sure
])
def test_other_coordinations_stay_one_statement(pipe, text, source):
    sts = [st for st in _statements(pipe, text) if st.cue.text == "said"]
    assert len(sts) == 1 and sts[0].source.text == source


def test_a_live_blog_clock_time_is_no_part_of_the_source(pipe):
    text = "Live: blasts in Kodok\n\n09:40 — Residents of Kodok said they heard two loud blasts near the port."
    sts = [st for st in _statements(pipe, text) if st.cue.text == "said"]
    assert sts and sts[0].source.text == "Residents of Kodok"


@pytest.mark.parametrize("text, speaker", [
    ('"The windows shook," a worker at the site told reporters.', "worker at the site"),
    ("A nurse at the clinic said six bodies had arrived.", "nurse at the clinic"),
])
def test_a_worker_or_a_nurse_is_a_person_not_their_workplace(pipe, text, speaker):
    sts = _statements(pipe, text)
    assert sts and sts[0].speaker == speaker and sts[0].speaker_kind == "person"
