"""Arson told with the object between the verb and the burning state ("set it alight")."""

from __future__ import annotations

import pytest

from rashomon.engine.pipeline import Pipeline
from rashomon.extract.events import find_triggers
from rashomon.models import Document
from rashomon.nlp.model import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.mark.parametrize("text", [
    "Two masked men poured diesel into the hall and set it alight shortly after midnight.",
    "Protesters set the mayor's office ablaze on Thursday.",
    "The attackers set three lorries on fire outside the depot.",
])
def test_set_with_object_and_burning_state_is_arson(nlp, text):
    doc = nlp(text)
    assert any(t.type == "arson" and doc[t.start].lemma_ == "set" for t in find_triggers(doc))


@pytest.mark.parametrize("text", [
    "The board set the meeting for Friday.",
    "Officials set up a fire station in the district.",
])
def test_other_uses_of_set_are_not(nlp, text):
    doc = nlp(text)
    assert not any(doc[t.start].lemma_ == "set" for t in find_triggers(doc))


def test_a_fire_another_attack_caused_is_not_a_second_incident(nlp):
    doc = nlp("In 2023 rebels fired rockets at the port, setting two fuel tankers ablaze and killing five people.")
    assert not any(doc[t.start].lemma_ == "set" for t in find_triggers(doc))


def test_the_lead_sentence_dates_the_arson():
    text = ("Shop firebombed in Ballarat\n\nNovember 12, 2026\n\n"
            "Two men smashed the window of a shop on Main Street in Ballarat about 2am yesterday, poured petrol "
            "inside and set it alight, police said.")
    analysis = Pipeline().analyze(Document(id="t", text=text, published="2026-11-12"))
    main = [e for e in analysis.events if not e.background]
    assert main and main[0].type == "arson" and main[0].date is not None and main[0].date.value == "2026-11-11"
