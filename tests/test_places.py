"""Places: caseless look-up, cue words, accent folding, registered gazetteer entries."""

from __future__ import annotations

import pytest

from rashomon.extract import places as pl
from rashomon.nlp.model import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _found(nlp, text):
    return {p.span.text: p for p in pl.find_places(nlp(text))}


def test_fold_and_accented_names(nlp):
    assert pl.fold("Bogotá") == "bogota"
    found = _found(nlp, "police in bogota said a bomb exploded near medellin.")
    assert found["bogota"].country == "CO" and found["medellin"].country == "CO"


def test_caseless_common_words_are_not_towns(nlp):
    found = _found(nlp, "the officer said the man was taken to the airport at that time by the army.")
    assert not {"officer", "man", "airport", "time"} & set(found)


def test_cued_unlisted_town_takes_the_report_country(nlp):
    found = _found(nlp, "guerrillas in colombia attacked the village of zzyzxville and burned the town hall.")
    assert "zzyzxville" in found and found["zzyzxville"].country == "CO"


def test_department_cue_resolves_a_region(nlp):
    found = _found(nlp, "soldiers clashed with rebels in the department of chalatenango, el salvador.")
    place = found["chalatenango"]
    assert place.country == "SV" and place.city is None


def test_register_places_and_env_tsv(nlp, tmp_path, monkeypatch):
    added = pl.register_places([("Quuxtepeque", "town", "El Salvador", "Usulutan")])
    assert added == 1
    found = _found(nlp, "a bomb exploded in quuxtepeque on monday.")
    assert found["quuxtepeque"].country == "SV" and found["quuxtepeque"].city == "Quuxtepeque"
    tsv = tmp_path / "extra.tsv"
    tsv.write_text("# name\tkind\tcountry\tparent\nFrobnia Nueva\tvillage\tPE\tAyacucho\n", encoding="utf-8")
    monkeypatch.setenv(pl.GAZETTEER_ENV, str(tsv))
    entry = pl.lookup("frobnia nueva")
    assert entry is not None and entry.country == "PE" and entry.region == "Ayacucho"
