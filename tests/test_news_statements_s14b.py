"""Statements on wire news (session 14b): a figure given with "put" whose "at <figure>" hangs on a participle
or that is a bare comparative ("put the toll higher"); sources named with "citing"/"quoting" after the report
or inside a toll clause, and a subject the parser took for a fronted clause ("The agency X, quoting Y,
said ..."); a name after a capitalised title phrase the tagger missed. All sentences are written for these
tests."""

from __future__ import annotations

import pytest

from rashomon.engine.pipeline import Pipeline
from rashomon.models import Document


@pytest.fixture(scope="module")
def pipe():
    return Pipeline()


def _statements(pipe, text: str):
    return pipe.analyze(Document(id="t", text=text, published="2025-11-03")).statements


def _find(sts, cue: str, source_word: str):
    return next((st for st in sts if st.cue.text == cue and st.source is not None
                 and source_word in st.source.text), None)


# ---------------------------------------------------------------- 1. "put" a figure


def test_put_number_of_people_participle_at(pipe):
    sts = _statements(pipe, "Gunmen stormed a market in Dorvale on Sunday. The Red Crescent put the number of "
                            "people abducted at at least 22, including six women.")
    st = _find(sts, "put", "Red Crescent")
    assert st is not None
    assert st.content.text.startswith("the number of people abducted at at least 22")


def test_put_number_held_with_trailing_saying(pipe):
    sts = _statements(pipe, "The hotel, in a statement late Friday, put the number of guests trapped at 40 "
                            "tourists and staff, saying two cooks had escaped through a kitchen door.")
    st = _find(sts, "put", "hotel")
    assert st is not None and "the number of guests trapped at 40" in st.content.text


def test_put_toll_comparative(pipe):
    sts = _statements(pipe, "A bomb exploded near a bus depot in Karsov, killing five people, police said. "
                            "The regional health department put the toll higher.")
    st = _find(sts, "put", "health department")
    assert st is not None and st.content.text == "the toll higher"


def test_put_needs_a_figure(pipe):  # (a guard: passes before and after)
    sts = _statements(pipe, "The driver put the number plate at the back of the truck before leaving.")
    assert _find(sts, "put", "driver") is None


# ---------------------------------------------------------------- 2. "citing" / "quoting"


def test_citing_after_the_report(pipe):
    sts = _statements(pipe, "Two soldiers were wounded when a mine exploded near Pelmar, the daily Novy Kurier "
                            "reported, citing a nurse at the district clinic.")
    st = _find(sts, "citing", "nurse")
    assert st is not None and "Two soldiers were wounded" in st.content.text
    assert "district clinic" in st.source.text


def test_quoting_after_the_report(pipe):
    sts = _statements(pipe, "A fourth guard died in hospital on Tuesday, the agency TNA reported, quoting a "
                            "surgeon at the military hospital.")
    st = _find(sts, "quoting", "surgeon")
    assert st is not None and "A fourth guard died" in st.content.text
    assert st.source.text == "a surgeon at the military hospital"


def test_citing_after_said_content(pipe):
    sts = _statements(pipe, "A local rights group, the Karst Monitor, said the number of dead was higher, "
                            "citing hospital workers.")
    assert _find(sts, "citing", "hospital workers") is not None
    assert _find(sts, "said", "Karst Monitor") is not None


def test_citing_cuts_toll_content(pipe):
    sts = _statements(pipe, "The news site Vesti24 put the death toll at nine on Friday, citing a local "
                            "police source.")
    put = _find(sts, "put", "Vesti24")
    cited = _find(sts, "citing", "police source")
    assert put is not None and cited is not None
    assert "citing" not in put.content.text
    assert cited.content.text.startswith("the death toll at nine")


def test_quoting_between_agency_and_said(pipe):
    sts = _statements(pipe, "Norland's state news agency NTB, quoting a navy source, said the patrol boat had "
                            "fired warning shots at the trawler before boarding it.")
    said = _find(sts, "said", "NTB")
    assert said is not None and said.content.text.startswith("the patrol boat had fired")
    assert _find(sts, "quoting", "navy source") is not None


# ---------------------------------------------------------------- 3. names after a title


def test_name_after_title_phrase(pipe):
    sts = _statements(pipe, "Commissioner of Public Safety Rosa Camacho Sablan said the road would stay "
                            "closed. Sablan added that two officers were hurt.")
    st = _find(sts, "said", "Sablan")
    assert st is not None and st.speaker == "Rosa Camacho Sablan"
    assert _find(sts, "added", "Sablan").speaker == "Rosa Camacho Sablan"


def test_name_after_title_phrase_split_by_tagger(pipe):
    sts = _statements(pipe, "Minister of Interior Affairs Tomas Okello Baraza told reporters that four men had "
                            "been arrested.")
    st = _find(sts, "told", "Baraza")
    assert st is not None and st.speaker == "Tomas Okello Baraza"


def test_first_name_not_dropped(pipe):
    sts = _statements(pipe, "Secretary of Public Works Ahmed Kavala said the bridge was closed.")
    st = _find(sts, "said", "Kavala")
    assert st is not None and st.speaker == "Ahmed Kavala"
