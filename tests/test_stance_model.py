"""The learned statement type (extract/stance_model.py): it types only what no rule decides."""

from __future__ import annotations

import pytest

from rashomon.extract import stance_model
from rashomon.extract.stance import rule_type
from rashomon.models import Document


def _statements(pipeline, text):
    doc = pipeline.nlp(text)
    analysis = pipeline.analyze_doc(Document(id="t", text=text, published="2026-01-01"), doc)
    return doc, analysis.statements


def test_shipped_model_is_small_and_gives_only_well_attested_types():
    model = stance_model._model()
    assert model is not None
    assert set(model["trusted"]) <= set(model["labels"])
    assert "admission" not in model["trusted"] and "question" not in model["trusted"]
    assert 0.0 <= model["margin"] < 1.0
    assert all(not f.startswith(("c:PROPN", "c:NOUN", "c:ENT")) for f in model["features"])  # no topic words


def test_an_account_no_rule_reads_is_typed_by_the_model(pipeline):
    text = '"It was a rebel rocket fired at a crowded market," the defence minister told reporters on Monday.'
    doc, (st,) = _statements(pipeline, text)
    assert rule_type(doc, st) is None
    assert st.type == "accusation"


def test_without_a_model_what_no_rule_decides_is_other(pipeline, monkeypatch):
    monkeypatch.setattr(stance_model, "_model", lambda: None)
    text = '"It was a rebel rocket fired at a crowded market," the defence minister told reporters on Monday.'
    _, (st,) = _statements(pipeline, text)
    assert st.type == "other"


@pytest.mark.parametrize("text, typ", [
    ("The army denied that its troops had fired on the village.", "denial"),
    ('"We do not attack civilians. These are lies," a spokesman for the movement said.', "dismissal"),
])
def test_what_a_rule_decides_the_model_leaves_alone(pipeline, text, typ):
    doc, statements = _statements(pipeline, text)
    decided = [st for st in statements if rule_type(doc, st) is not None]
    assert decided and all(st.type == rule_type(doc, st)[0] for st in decided)
    assert typ in {st.type for st in decided}
