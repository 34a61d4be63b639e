"""Classes read on reports_sealed8 (after its one run), each on sentences written for the test."""

from __future__ import annotations

import pytest

from rashomon.extract.events import location as events
from rashomon.extract.places import find_places
from rashomon.nlp.model import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.mark.parametrize("text, trigger, place", [
    # "... killed N and wounded M in the village of X": the conjoined outcome verb tells the same incident, so
    # its place is the trigger's; the speaker's nationality or office ("the Syrian Civil Defence said", "the
    # governor of Y said") places nothing
    ("A drone strike on Sunday afternoon killed at least six people, including two women, and wounded about 15 "
     "in the village of Kafr Nabl in northern Syria, near the border with Turkey, the Syrian Civil Defence said "
     "on Monday.", "strike", "Kafr Nabl"),
    ("An air strike on Friday killed at least five people, including three children, and wounded about 30 in "
     "the village of Tessit in eastern Mali, near the border with Niger, the Malian Red Cross said on Saturday.",
     "strike", "Tessit"),
    ("Gunmen on motorbikes killed four traders and wounded nine in the market town of Dosso, the governor of "
     "Tahoua said.", "killed", "Dosso"),
])
def test_the_scene_of_a_trigger_told_with_a_conjoined_outcome(nlp, text, trigger, place):
    doc = nlp(text)
    tok = next(t for t in doc if t.lower_ == trigger)
    near, far = events._sentence_places(doc, find_places(doc), tok.i, tok.i + 1)
    got = near or far
    assert got is not None and got.span.text == place


def test_a_conjoined_outcome_with_its_own_subject_is_another_incident(nlp):
    doc = nlp("A bomb killed two soldiers in Gao, and a second blast wounded five in Kidal.")
    bomb = next(t for t in doc if t.lower_ == "bomb")
    near, far = events._sentence_places(doc, find_places(doc), bomb.i, bomb.i + 1)
    assert (near or far) is not None and (near or far).span.text == "Gao"


@pytest.mark.parametrize("text, places", [
    ("A grenade was thrown into the Argana cafe in Marrakech on Thursday.", ["Marrakech"]),
    ("Gunmen opened fire outside the Slovenska Plaza hotel complex in Budva.", ["Budva"]),
    ("A gunman killed three people at the Field's shopping centre in Copenhagen in 2022.", ["Copenhagen"]),
    ("A bomb exploded outside the Moscow hotel on Friday.", ["Moscow"]),  # a big city's name stays a place
])
def test_a_name_before_a_facility_noun_is_the_buildings(nlp, text, places):
    assert [p.span.text for p in find_places(nlp(text))] == places


def test_an_incident_the_clause_time_is_measured_from_keeps_its_own_date(analyze):
    a = analyze("Gunmen killed six people at a nightclub in Mombasa late on Friday, police said.\n\n"
                "Hours after the shooting in Mombasa, early on Saturday, three men were shot dead at a petrol "
                "station in Malindi.", published="2026-03-08")
    main = [ev for ev in a.events if not ev.background]
    assert len(main) == 2
    by_place = {ev.place.span.text: ev.date.value for ev in main if ev.place and ev.date}
    assert by_place == {"Mombasa": "2026-03-06", "Malindi": "2026-03-07"}
