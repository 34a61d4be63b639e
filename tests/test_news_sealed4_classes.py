"""Classes read on reports_sealed4 (after its one run), each on sentences written for the test."""

from __future__ import annotations

import pytest


def _perps(ev):
    return [(arg.span.text, arg.responsibility) for arg in ev.arguments if arg.role.startswith("perpetrator")]


def test_a_statement_in_a_background_paragraph_is_about_the_older_incident(analyze):
    a = analyze("A bomb exploded at a bus station in the town of Kisoro on Tuesday, killing three people, "
                "police said.\n\n"
                "Such attacks are rare in the region. In May 2017, gunmen attacked a border post near "
                "Bunagana, killing five soldiers. The army blamed the Mountain Lions militia.")
    main = [ev for ev in a.events if not ev.background]
    back = [ev for ev in a.events if ev.background]
    assert len(main) == 1 and back
    assert not any("Mountain Lions" in text for text, _ in _perps(main[0]))
    assert any("Mountain Lions" in text and resp == "accused" for ev in back for text, resp in _perps(ev))
    # the attackers of the older incident are not the story's
    assert not any(text == "gunmen" for text, _ in _perps(main[0]))


def test_a_date_in_the_triggers_own_clause_keeps_two_incidents_of_one_sentence_apart(analyze):
    a = analyze("A man was stabbed to death outside a bar in the town of Lund on Saturday night, and a "
                "grenade exploded in the doorway of a shop in Malmo early on Monday, police said.",
                 published="2025-06-03")
    dates = sorted(ev.date.value for ev in a.events if ev.date)
    assert dates == ["2025-05-31", "2025-06-02"]


def test_its_spokesman_speaks_for_the_party_named_just_before(analyze):
    a = analyze("Rockets hit a market in the town of Kalehe on Sunday, killing four people, officials "
                "said. The governor accused the Kivu Liberation Army of firing the rockets.\n\n"
                "The Kivu Liberation Army rejected the accusation. Its spokesman, Jean Mbusa, said the "
                "group had nothing to do with the attack.")
    perps = _perps(a.events[0])
    assert any("Kivu Liberation Army" in text and resp == "denied" for text, resp in perps)


def test_a_spokesman_for_the_group_denying_the_act_itself_is_a_denial(analyze):
    a = analyze("A drone hit a fuel depot near the town of Zarqa on Monday, wounding two guards, the army "
                "said. Security sources said the drone was believed to have been launched by Saraya al-Nour, "
                "an armed faction based across the border. A spokesman for the group denied launching the "
                "drone.")
    perps = _perps(a.events[0])
    assert any("Saraya al-Nour" in text and resp == "denied" for text, resp in perps)


@pytest.mark.parametrize("sentence, party", [
    ("Two investigators said the killers were believed to belong to the Red Hand gang.", "Red Hand gang"),
    ('The security service said the suspect had "sworn allegiance" to the Black Banner group online.',
     "Black Banner group"),
])
def test_attackers_said_to_belong_to_a_group_make_it_a_suspect(analyze, sentence, party):
    a = analyze("Gunmen opened fire on a bus near the town of Tarija on Sunday, killing six passengers, "
                f"police said. {sentence}")
    assert any(party in text and resp == "suspected" for text, resp in _perps(a.events[0]))


def test_a_career_told_of_a_militant_names_no_sponsor(analyze):
    a = analyze("Gunmen opened fire on a bus near the town of Tarija on Sunday, killing six passengers, "
                "police said. The dead rebel commander had belonged to the navy in his youth.")
    assert not any("navy" in text for text, _ in _perps(a.events[0]))


def test_a_first_name_before_a_persons_name_is_no_place(pipeline):
    from rashomon.extract.places import find_places

    doc = pipeline.nlp("Shells struck the Rwandan town of Rubavu on Sunday, RDF spokesman Major Eugène Kabera said in "
                   "a statement.")
    places = find_places(doc)
    assert any(p.span.text == "Rubavu" and p.country == "RW" for p in places)
    assert not any(p.span.text.startswith("Eug") for p in places)


def _statements(analyze, body):
    return {st.content.text.strip('"“” '): st.type for st in analyze(body).statements}


def test_a_clause_under_whether_asserts_no_reprisal(analyze):
    types = _statements(analyze, "Gunmen killed nine villagers in the town of Kisoro on Sunday, the army said. Police "
                              "said they were investigating whether the raid was revenge for a killing last month.")
    assert all(t != "claim_of_responsibility" for t in types.values())


def test_a_commander_saying_his_units_did_not_fire_denies(analyze):
    a = analyze("Shells hit the town of Kisoro on Sunday, killing two people, officials said. The Mountain "
                "Front was blamed.\n\nIts commander, General Yves Mbala, told reporters on Monday that his "
                "units had \"not fired a single shell\" in the area.")
    assert any(st.type == "denial" and "not fired" in st.content.text for st in a.statements)


def test_fire_from_ground_held_by_a_party_accuses_it(analyze):
    a = analyze("Shells hit the town of Kisoro on Sunday, killing two people, officials said. A "
                "spokesman said the shelling had come from positions held by the Youth Guard.")
    st = next(st for st in a.statements if "positions held" in st.content.text)
    assert st.type == "accusation" and st.target is not None and "Youth Guard" in st.target.text


def test_an_attack_claimed_in_a_background_paragraph_is_the_older_one(analyze):
    a = analyze("A drone hit an army post near the town of Mafraq on Monday, killing two soldiers, the army "
                "said.\n\n"
                "In March 2023, a drone strike on a base near Mafraq killed three soldiers. The Northern "
                "Brigades claimed the attack.")
    main = [ev for ev in a.events if not ev.background]
    back = [ev for ev in a.events if ev.background]
    assert len(main) == 1 and len(back) == 1
    assert any("Northern Brigades" in text and resp == "claimed" for text, resp in _perps(back[0]))
    assert not any("Northern Brigades" in text for text, _ in _perps(main[0]))


def test_the_nationality_of_the_victims_is_not_the_scene(analyze):
    a = analyze("A drone hit an army post near the town of Zarqa on Monday, killing two soldiers, the army "
                "said.\n\nIn January 2024, a drone strike on the Tower 22 logistics base near Zarqa killed "
                "three U.S. soldiers and wounded more than 40.")
    assert [(ev.background, ev.place.country if ev.place else None) for ev in a.events] == [(False, "JO"), (True, "JO")]


def test_an_act_said_not_to_have_happened_is_no_incident(analyze):
    a = analyze("Shells hit the town of Kisoro on Sunday, killing two people, officials said. The army said "
                "its gunners had not fired a single shell towards Kisoro.")
    assert len(a.events) == 1


def test_a_name_with_digits_is_no_place_and_a_town_found_once_is_found_again(pipeline):
    doc = pipeline.nlp("Shelling hit the Rwandan town of Rubavu on Sunday. In January 2025, as M23 fighters entered "
                   "Goma, shells killed at least nine people in Rubavu, according to Rwandan authorities.")
    from rashomon.extract.places import find_places

    places = find_places(doc)
    assert not any("M23" in p.span.text for p in places)
    assert [p.country for p in places if p.span.text == "Rubavu"] == ["RW", "RW"]


@pytest.mark.parametrize("body, expected", [
    ("Government jets bombed a cattle market in the town of Kutum on Sunday, killing nine people, residents said.",
     "air_strike"),
    ("The rebels accused the air force on Monday of bombing the town of Kutum on Sunday, killing nine people.",
     "air_strike"),
    ("A suicide bomber detonated a vest at a market in the town of Kutum on Sunday, killing nine people.", "bombing"),
])
def test_a_bombing_by_aircraft_is_an_air_strike(analyze, body, expected):
    a = analyze(body)
    assert [ev.type for ev in a.events if not ev.background] == [expected]


def test_figures_carried_by_pronouns(pipeline):
    from rashomon.extract.figures import extract_figures

    doc = pipeline.nlp("Firefighters needed three hours to put out the fire. Police said on Monday they had arrested "
                   "two men aged 19 and 23. A prosecutor said both had been charged with arson.")
    figs = {(f.kind, f.value) for f in extract_figures(doc)}
    assert ("arrested", 3) not in figs  # the police arrested; hours are no people
    assert ("arrested", 2) in figs and ("charged", 2) in figs


def test_an_arrest_in_a_paragraph_about_a_second_incident_is_that_incidents(analyze):
    a = analyze("Two men were shot dead outside a bar in Lund on Saturday night, police said.\n\n"
                "In Malmo, a grenade exploded at the entrance of a shop early on Monday, wounding two "
                "people. A man in his thirties was arrested on Monday evening.", published="2025-06-03")
    by_type = {ev.type: {(f.kind, f.value) for f in ev.figures} for ev in a.events}
    assert ("arrested", 1) in by_type["bombing"] and ("arrested", 1) not in by_type["armed_assault"]


@pytest.mark.parametrize("sentence, speaker_word", [
    ("The union accused the company of sending crews out unprotected, a charge the company denied.", "company"),
    ("The mayor blamed the Red Hand gang, an accusation that was rejected by a lawyer for the gang.", "lawyer"),
])
def test_an_accusation_noun_rejected_in_a_relative_clause_is_a_denial(analyze, sentence, speaker_word):
    a = analyze(f"Gunmen killed four farmers near the town of Kasese on Monday, police said. {sentence}")
    denials = [st for st in a.statements if st.type == "denial"]
    assert any(speaker_word in (st.source.text if st.source else "") for st in denials)
    assert not any(st.content.text.strip() in ("Tuesday", "on Tuesday") for st in a.statements)
