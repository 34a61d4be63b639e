"""Classes found by probing the pipeline with short wire-style paragraphs written for the purpose (session 6),
each on sentences written for the test."""

from __future__ import annotations

import pytest

from rashomon.engine.pipeline import Pipeline
from rashomon.models import Document


@pytest.fixture(scope="module")
def pipe():
    return Pipeline()


def _analyze(pipe, body: str, published: str = "2025-06-04"):
    text = f"Headline\n\nBy A Writer\nJune 4, 2025\n\n{body}"
    return pipe.analyze(Document(id="t", text=text, published=published))


def test_the_army_is_not_the_town_where_the_attack_happened(pipe):
    a = _analyze(pipe, "Gunmen killed six people in Kaduna on Sunday. The army said troops were pursuing the "
                       "attackers. The government said it would send more police.")
    speakers = {st.source.text: st.speaker for st in a.statements}
    assert speakers["The army"] != "Kaduna" and speakers["The government"] != "Kaduna"
    assert "Gunmen" not in speakers.values()

