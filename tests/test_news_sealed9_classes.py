"""Classes read on reports_sealed9 (after its one run), each on sentences written for the test."""

from __future__ import annotations

import pytest


def _perps(event) -> set[str]:
    return {a.span.text for a in event.arguments if a.role.startswith("perpetrator")}


def _victims(event) -> set[str]:
    return {a.span.text for a in event.arguments if a.role == "victim"}


@pytest.mark.parametrize("body, name", [
    ("Two people were shot dead at a bar in the town of Tema on Sunday. Police identified the gunman on Monday "
     "as Kwame Mensah, a 28-year-old former soldier.", "Kwame Mensah"),
    ("A man drove a van into shoppers in the city of Graz on Friday, killing two people. Police named the driver "
     "as Thomas Berger, 34, of Linz.", "Thomas Berger"),
    ("A man stabbed three passengers on a train near Utrecht on Tuesday. The suspect, identified by prosecutors "
     "as Jan de Vries, was arrested at the next station.", "Jan de Vries"),
])
def test_the_person_a_report_identifies_as_the_attacker_is_a_perpetrator(analyze, body, name):
    (ev,) = [e for e in analyze(body).events if not e.background]
    assert name in _perps(ev)
    assert name not in _victims(ev)


def test_the_dead_identified_by_name_stay_victims(analyze):
    a = analyze("Gunmen shot dead a shopkeeper in the town of Kumasi on Sunday. The dead man was identified by his "
                "family as Kofi Boateng, 41.")
    (ev,) = [e for e in a.events if not e.background]
    assert "Kofi Boateng" not in _perps(ev)


@pytest.mark.parametrize("body", [
    "A man stabbed the class teacher several times before turning on the children at a school in the town of "
    "Sisak on Monday, police said. The teacher died in hospital.",
    "Gunmen fired several rounds at a bus in the town of Kumasi on Sunday, wounding two passengers, police said.",
])
def test_how_often_an_attacker_struck_is_no_casualty_figure(analyze, body):
    (ev,) = [e for e in analyze(body).events if not e.background]
    assert all(f.span.text.lower() != "several" for f in ev.figures)
    assert ev.figures  # the real figure is still read


def test_people_admitted_to_hospital_are_wounded(analyze):
    a = analyze("A mortar shell hit a market in the town of Soma on Monday, killing three people. A doctor at the "
                "district hospital said 14 people had been admitted, including five children.")
    (ev,) = [e for e in a.events if not e.background]
    assert ("wounded", 14) in {(f.kind, f.value) for f in ev.figures}


def test_men_who_admitted_the_charges_are_not_wounded(analyze):
    a = analyze("Gunmen attacked a bar in the town of Tema on Sunday, killing two people. Three men admitted the "
                "charges in court on Monday.")
    (ev,) = [e for e in a.events if not e.background]
    assert all(f.kind != "wounded" for f in ev.figures)


def test_attackers_who_drive_off_with_people_kidnap_them(analyze):
    a = analyze("Armed men stormed a clinic in the village of Tuzon on Monday. They shot and wounded a security guard "
                "and drove off with two nurses, a doctor and their driver in the clinic's pickup truck, police said.")
    (ev,) = [e for e in a.events if not e.background]
    kinds = {(f.kind, f.value) for f in ev.figures}
    assert ("kidnapped", 2) in kinds and ("wounded", 2) not in kinds


def test_they_before_the_speaker_is_named_are_not_the_speaker(analyze):
    a = analyze("Armed men stormed a clinic in the village of Tuzon on Monday. They shot and wounded a security guard "
                "and drove off with two nurses, police said.")
    (st,) = [s for s in a.statements if s.cue.text == "said"]
    assert st.type != "claim_of_responsibility"
    ev = next(e for e in a.events if not e.background)
    assert not any(a.role.startswith("perpetrator") and a.span.text == "police" for a in ev.arguments)


def test_a_district_of_the_city_is_placed_in_the_city_and_tells_the_same_incident(analyze):
    # the scene is in the "when" clause of two conjoined passive outcomes; the second paragraph tells the same
    # attack from a district of that city ("a district in the east of the city")
    a = analyze("A nurse was killed and three patients were wounded on Monday morning when a man armed with a kitchen "
                "knife burst into a clinic in the western Hungarian city of Gyor, police and hospital officials "
                "said.\n\nThe attacker entered the clinic in Marcalvaros, a district in the east of the city, "
                "shortly after 9 a.m. and stabbed the nurse several times.")
    main = [ev for ev in a.events if not ev.background]
    assert len(main) == 1
    (ev,) = main
    assert ev.place is not None and ev.place.city == "Győr"
    assert ev.date is not None and ev.date.value == "2025-06-02"


def test_hostages_wounded_in_the_rescue_are_counted_as_wounded(analyze):
    a = analyze("A gunman took 11 people hostage at a bank in the town of Tema on Wednesday. Two hostages were "
                "wounded when police stormed the building.")
    (ev,) = [e for e in a.events if not e.background]
    kinds = {(f.kind, f.value) for f in ev.figures}
    assert ("wounded", 2) in kinds and ("kidnapped", 2) not in kinds


def test_who_dismisses_someone_elses_claim_is_no_party(analyze):
    a = analyze("A gunman stormed a bank in the town of Tema on Wednesday and shot dead a guard. In a phone call to "
                "a radio station, the gunman said he belonged to a group he called the Coastal Front. Police "
                "dismissed the claim, saying there was no evidence that such a group exists.")
    ev = next(e for e in a.events if not e.background)
    assert not any(x.role.startswith("perpetrator") and x.span.text.lower() == "police" for x in ev.arguments)


def test_in_what_x_called_y_is_a_statement_of_x(analyze):
    a = analyze("A drone struck a port in the town of Kotka late on Monday, killing a crane operator, police said, in "
                "what the government called a deliberate attack on its territory.")
    called = [s for s in a.statements if s.cue.text == "called"]
    assert len(called) == 1
    assert called[0].source.text == "the government"
    assert called[0].content.text == "a deliberate attack on its territory"


def test_an_event_that_recalls_another_is_no_speaker_and_hides_no_statement(analyze):
    a = analyze("The blast recalled an explosion at a depot in the town of Vrbetice in October 2014, for which the "
                "government in 2021 blamed officers of a foreign intelligence service, an accusation which the "
                "neighbouring country has always denied.")
    cues = {s.cue.text for s in a.statements}
    assert not any(c.startswith("recall") for c in cues)
    assert any("blamed" in c for c in cues)


@pytest.mark.parametrize("body, who", [
    ("A bomb exploded at a party office in the town of Zvolen on Thursday, killing two people. On Monday "
     "prosecutors charged three men with terrorism and murder over the bombing.", "three men"),
    ("An arson attack destroyed an ammunition warehouse in the town of Ostrava on Wednesday. Two foreign nationals "
     "were charged on Thursday with general endangerment in connection with the fire, police said.",
     "Two foreign nationals"),
])
def test_people_charged_over_the_attack_are_its_suspects(analyze, body, who):
    (ev,) = [e for e in analyze(body).events if not e.background]
    assert who in _perps(ev)


def test_the_gang_robbers_are_said_to_belong_to_is_a_suspect(analyze):
    a = analyze("Heavily armed robbers blocked a motorway near the town of Daillens with burning cars on Tuesday and "
                "blew open a cash van, wounding its two guards, police said. A police spokesman said investigators "
                "believed the robbers belonged to a gang from the suburbs of Lyon.")
    ev = next(e for e in a.events if not e.background)
    assert any(x.role.startswith("perpetrator") and x.span.text == "gang" and x.responsibility == "suspected"
               for x in ev.arguments)


def test_an_earlier_attack_told_after_after_keeps_its_own_month(analyze):
    a = analyze("A teacher was stabbed to death at a school in the city of Osijek on Monday, police said.\n\n"
                "The attack came little more than a year after a 19-year-old former pupil stabbed children and a "
                "teacher at a primary school in Zagreb in December 2024, killing a seven-year-old girl.",
                published="2026-03-24")
    earlier = [e for e in a.events if e.background]
    assert [e.date.value if e.date else None for e in earlier] == ["2024-12"]


@pytest.mark.parametrize("body, place, country", [
    ("Heavily armed robbers blocked a motorway near Daillens, north of Lausanne, with burning cars on Tuesday and "
     "attacked a cash van, wounding its two guards, police said. The gang fled to France.", "Daillens", "CH"),
    ("Gunmen attacked a bus near Dosso, 140 km east of Niamey, on Sunday, killing four passengers, police said.",
     "Dosso", "NE"),
])
def test_a_place_said_to_lie_north_of_another_is_the_scene(analyze, body, place, country):
    ev = next(e for e in analyze(body).events if not e.background)
    assert ev.place is not None and ev.place.name == place and ev.place.country == country


def test_a_district_a_city_owns_lies_in_that_city(analyze):
    a = analyze("Gunmen attacked a bank in Lisbon's Campolide district on Friday, wounding two clerks, police said.")
    ev = next(e for e in a.events if not e.background)
    assert ev.place is not None and ev.place.name == "Campolide" and ev.place.city == "Lisbon"


def test_cars_found_burnt_out_are_no_arson_of_their_own(analyze):
    a = analyze("Robbers attacked a cash van near the town of Daillens on Tuesday, wounding two guards. Police arrested "
                "five people on Tuesday evening after two of the getaway cars were found burnt out near the border "
                "town of Divonne-les-Bains.")
    assert len([e for e in a.events if not e.background]) == 1


def test_a_crowd_that_attacks_is_the_attacker_and_one_fired_into_is_not(analyze):
    a = analyze("A man was found dead in the ruins of a store in the town of Auki after a crowd set fire to at least "
                "five shops and a police post late on Saturday, police said.")
    ev = next(e for e in a.events if not e.background)
    assert "crowd" in _perps(ev)
    b = analyze("Soldiers fired into a crowd in the town of Kasese on Sunday, killing three people, witnesses said.")
    ev = next(e for e in b.events if not e.background)
    assert "crowd" not in _perps(ev)
