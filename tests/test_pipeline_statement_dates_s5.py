"""A date on an incident noun after 'after/before/since' dates the incident, not the statement beside it."""

from __future__ import annotations

import pytest

from rashomon.engine.pipeline import Pipeline
from rashomon.models import Document


@pytest.fixture(scope="module")
def pipe():
    return Pipeline()


def test_the_strike_keeps_its_day_when_a_toll_is_put_after_it(pipe):
    text = ("Air strike hits market in Kodok\n\n"
            "An air strike hit a crowded market in the town of Kodok, witnesses said.\n\n"
            "The county commissioner had put the toll at 12 after the strike on Monday afternoon, but said "
            "more bodies were found on Tuesday.")
    a = pipe.analyze(Document(id="t", text=text, published="2025-06-04"))
    main = [e for e in a.events if not e.background]
    assert main and main[0].date is not None and main[0].date.value.startswith("2025-06-02")
    said = [st for st in a.statements if st.cue.text == "said" and "bodies" in st.content.text]
    assert said and (said[0].date is None or said[0].date.value != "2025-06-02")


def test_a_claim_for_the_attack_on_a_day_is_dated_by_it(pipe):
    text = ("A bomb tore through a bus near Garsen, killing six people, police said.\n\n"
            "The Coast Brigade claimed responsibility for the attack on Sunday evening in a statement.")
    a = pipe.analyze(Document(id="t", text=text, published="2025-11-18"))
    claims = [st for st in a.statements if st.type == "claim_of_responsibility"]
    assert claims and claims[0].date is not None and claims[0].date.value == "2025-11-16"
