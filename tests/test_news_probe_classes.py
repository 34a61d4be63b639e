"""Classes found by probing the pipeline with short wire-style paragraphs written for the purpose (session 6),
each on sentences written for the test."""

from __future__ import annotations

import pytest

from rashomon.models import Document


def test_the_army_is_not_the_town_where_the_attack_happened(analyze):
    a = analyze("Gunmen killed six people in Kaduna on Sunday. The army said troops were pursuing the "
                "attackers. The government said it would send more police.")
    speakers = {st.source.text: st.speaker for st in a.statements}
    assert speakers["The army"] != "Kaduna" and speakers["The government"] != "Kaduna"
    assert "Gunmen" not in speakers.values()


def _main(a):
    return next(ev for ev in a.events if not ev.background)


def test_a_definite_trigger_keeps_its_own_place(analyze):
    ev = _main(analyze("The blast in Kirkuk killed five people on Monday, a police officer said."))
    assert ev.place is not None and ev.place.city == "Kirkuk"


def test_the_dateline_town_places_an_incident_told_no_finer_than_its_country(analyze):
    ev = _main(analyze("MAIDUGURI, Nigeria (Reuters) - Gunmen killed 11 farmers on Monday, residents said."))
    assert ev.place is not None and ev.place.city == "Maiduguri"
    assert any(arg.span.text == "Gunmen" for arg in ev.arguments if arg.role.startswith("perpetrator"))


def test_a_capital_dateline_is_where_the_reporter_files_from(analyze):
    ev = _main(analyze("ABUJA, Nigeria (Reuters) - Gunmen killed 11 farmers in northern Nigeria on Monday, "
                       "residents said."))
    assert ev.place is None or ev.place.city != "Abuja"


def test_the_attackers_nationality_does_not_choose_the_towns_country(analyze):
    ev = _main(analyze("Russian shelling killed two people in Kherson on Monday, officials said."))
    assert ev.place is not None and (ev.place.city, ev.place.country) == ("Kherson", "UA")


def test_a_city_the_tagger_takes_for_a_person_is_the_place_attacked(analyze):
    a = analyze("A Russian missile strike on Kharkiv killed three people on Monday, officials said. "
                "Russian troops shelled Kherson on Tuesday, killing two.")
    assert [ev.place.city if ev.place else None for ev in a.events] == ["Kharkiv", "Kherson"]


@pytest.mark.parametrize("sentence, expected", [
    ("Gunmen killed between 20 and 30 villagers near Kaduna on Monday.", [("killed", 20, 30)]),
    ("The blast killed between twenty and thirty people on Monday.", [("killed", 20, 30)]),
    ("Police arrested one hundred and five people on Monday.", [("arrested", 105, None)]),
    ("Dozens of gunmen killed 11 farmers near Gusau on Monday.", [("killed", 11, None)]),
])
def test_ranges_totals_and_counted_attackers(pipeline, sentence, expected):
    from rashomon.extract.figures import extract_figures

    figs = [(f.kind, f.value, f.value_max) for f in extract_figures(pipeline.nlp(sentence))]
    assert figs == expected


def test_responsibility_wordings(analyze):
    a = analyze("A car bomb killed nine people at a market in Baidoa on Monday, police said. Al-Shabaab "
                "said it was behind the attack.\n\n"
                "Gunmen killed 20 villagers near Djibo on Wednesday. Officials pointed the finger at JNIM. "
                "Responsibility for the raid was claimed by the Islamic State Sahel Province.")
    types = {st.content.text: st.type for st in a.statements}
    assert types["it was behind the attack"] == "claim_of_responsibility"
    first, second = [ev for ev in a.events if not ev.background]
    perps1 = {(arg.span.text, arg.responsibility) for arg in first.arguments if arg.role.startswith("perpetrator")}
    perps2 = {(arg.span.text, arg.responsibility) for arg in second.arguments if arg.role.startswith("perpetrator")}
    assert ("Al-Shabaab", "claimed") in perps1
    assert ("JNIM", "accused") in perps2 and not any(text == "the finger" for text, _ in perps2)
    assert any("Sahel Province" in text and resp == "claimed" for text, resp in perps2)
    assert not any("Sahel Province" in text for text, _ in perps1)


def test_an_attack_that_came_weeks_after_another_keeps_them_apart(analyze):
    a = analyze("Gunmen killed 12 worshippers at a mosque in Katsina on Friday, police said. The attack "
                "came two weeks after militants killed 40 people in a nearby village.")
    main = [ev for ev in a.events if not ev.background]
    back = [ev for ev in a.events if ev.background]
    assert len(main) == 1 and len(back) == 1
    assert {(f.kind, f.value) for f in main[0].figures} == {("killed", 12)}
    assert ("killed", 40) in {(f.kind, f.value) for f in back[0].figures}
    assert back[0].date is None or back[0].date.value != main[0].date.value


@pytest.mark.parametrize("body, party, expected", [
    ("Suspected Boko Haram militants killed nine farmers near Maiduguri on Monday, residents said.",
     "Boko Haram", "suspected"),
    ("The bombing in Quetta on Tuesday is believed to have been carried out by the Balochistan Liberation Army, "
     "officials said.", "Balochistan Liberation Army", "suspected"),
    ("The Pentagon said it had no evidence that Iran was behind the rocket attack on a base near Erbil on "
     "Wednesday.", "Iran", None),
])
def test_hedged_and_disavowed_accusations(analyze, body, party, expected):
    a = analyze(body)
    statuses = {arg.responsibility for ev in a.events for arg in ev.arguments
                if arg.role.startswith("perpetrator") and party in arg.span.text}
    assert statuses == ({expected} if expected else set())


@pytest.mark.parametrize("body, group", [
    ("Gunmen belonging to the Zama Zama gang killed four miners near Rustenburg on Tuesday.", "Zama Zama gang"),
    ("Members of the Mara Salvatrucha gang shot dead three bus drivers in San Pedro Sula on Wednesday.",
     "Mara Salvatrucha gang"),
    ("CODECO militiamen killed 12 people at a camp near Bunia on Thursday.", "CODECO"),
    ("The FDLR, a Rwandan Hutu rebel group, attacked a village near Rutshuru on Friday, killing six.", "FDLR"),
])
def test_the_group_named_on_the_attackers_is_a_perpetrator_organisation(analyze, body, group):
    a = analyze(body)
    assert any(group in arg.span.text for ev in a.events for arg in ev.arguments if arg.role == "perpetrator_org")


@pytest.mark.parametrize("sentence, expected", [
    ("A 17-year-old was shot dead outside a school in Malmo on Monday, police said.", [("killed", 1)]),
    ("A man stabbed three people at a market on Tuesday.", [("wounded", 3)]),
    ("A man stabbed to death two people and stabbed four others on Tuesday.", [("killed", 2), ("wounded", 4)]),
])
def test_single_victims_and_stabbings(pipeline, sentence, expected):
    from rashomon.extract.figures import extract_figures

    assert [(f.kind, f.value) for f in extract_figures(pipeline.nlp(sentence))] == expected


def test_aircraft_that_struck_make_an_air_strike_with_its_state(analyze):
    ev = _main(analyze("Israeli aircraft struck a house in Jenin on Friday, killing four people."))
    assert ev.type == "air_strike"
    assert any(arg.role == "perpetrator_org" and arg.entity == "Israel" for arg in ev.arguments)


def test_a_town_the_tagger_calls_an_event_is_still_a_place(analyze):
    ev = _main(analyze("Gunmen killed four people in Tumaco on Monday, police said."))
    assert ev.place is not None and (ev.place.city, ev.place.country) == ("Tumaco", "CO")


def test_troops_that_repelled_the_attack_are_not_accused(analyze):
    a = analyze("Insurgents attacked an army base in Monguno on Monday. Army spokesman Colonel Ibrahim Musa "
                "said troops had repelled the attack.")
    assert not any(arg.span.text == "troops" for ev in a.events for arg in ev.arguments
                   if arg.role.startswith("perpetrator"))
    assert all(st.type != "accusation" for st in a.statements if "repelled" in st.content.text)


def test_an_anniversary_tells_a_background_incident(analyze):
    a = analyze("Residents of Beslan on Tuesday marked 20 years since the school siege in which 334 people "
                "were killed.")
    assert a.events and all(ev.background for ev in a.events)
    assert all(ev.date is None or not ev.date.value.startswith("2025") for ev in a.events)


def test_a_drone_that_exploded_is_the_headlines_drone_strike(pipeline):
    text = ("Drone crashes into barn in northern village, killing herder\n\nBy A Writer\nJune 4, 2025\n\n"
            "A drone exploded on a farm in the village of Kalety on Monday, killing a herder and wounding his "
            "brother, officials said.")
    a = pipeline.analyze(Document(id="t", text=text, published="2025-06-04"))
    main = [ev for ev in a.events if not ev.background]
    assert len(main) == 1 and main[0].type == "drone_strike"


def test_whose_army_and_the_border_neighbour_are_not_the_scene(pipeline):
    from rashomon.extract.events.location import _beyond_border, _possessor_of_actor
    from rashomon.extract.places import find_places

    doc = pipeline.nlp("Gunmen killed five guards near the town of Chaman, close to the border with Afghanistan, on "
                   "Monday. Pakistan's army said troops were hunting the attackers.")
    places = find_places(doc)
    border = [p for p in places if p.span.text == "Afghanistan"]
    owner = [p for p in places if p.span.text == "Pakistan"]
    assert border and _beyond_border(doc, border[0])
    assert owner and _possessor_of_actor(doc, owner[0])


def test_the_reporter_in_the_byline_is_nobodys_he_and_anonymity_is_no_statement(analyze):
    a = analyze("Gunmen killed four people at a bar in Tumaco on Monday. \"We will find those responsible,\" he "
                "said.\n\nA police source who asked not to be named told AFP the attackers fled on motorbikes.")
    assert all(st.speaker != "Writer" for st in a.statements)
    assert not any("not to be named" == st.content.text.strip() for st in a.statements)
    assert any(st.cue.text == "told" for st in a.statements)


@pytest.mark.parametrize("sentence", [
    "The provincial government held the Pakistani Taliban responsible.",
    "Police held the Pakistani Taliban responsible for the bombing.",
])
def test_a_party_held_responsible_is_accused(analyze, sentence):
    a = analyze(f"A suicide bomber killed 12 policemen in Bannu on Tuesday. {sentence}")
    assert any("Pakistani Taliban" in arg.span.text and arg.responsibility == "accused"
               for ev in a.events for arg in ev.arguments if arg.role.startswith("perpetrator"))


def test_a_yearly_count_is_a_statistic_not_an_incident(analyze):
    a = analyze("Gang members hijacked a bus near Cabaret on Monday and seized about 30 passengers, police said. "
                "More than 1,400 people were kidnapped in Haiti last year, according to the United Nations.")
    assert len(a.events) == 1 and a.events[0].type == "hijacking"
