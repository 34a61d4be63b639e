"""Classes of error worked on in session 14, each on sentences written for the test."""

from __future__ import annotations

import pytest


def _types(a) -> dict[str, str]:
    return {s.content.text: s.type for s in a.statements if s.content}


@pytest.mark.parametrize("sentence, content", [
    ("The haulage firm said none of its drivers had been involved in the ambush.",
     "none of its drivers had been involved in the ambush"),
    ("The union said in a statement it had \"nothing at all to do with the arson\".",
     "it had \"nothing at all to do with the arson\""),
    ("A spokesman for the militia said its fighters were nowhere near the market that day.",
     "its fighters were nowhere near the market that day"),
    ("Their lawyer said his clients firmly dispute any involvement in the kidnapping.",
     "his clients firmly dispute any involvement in the kidnapping"),
    ("The village chief said the detained youths were innocent farmers.",
     "the detained youths were innocent farmers"),
])
def test_a_speaker_saying_its_side_took_no_part_denies(analyze, sentence, content):
    a = analyze("Gunmen attacked a police post in the town of Kidal on Monday, killing two officers.\n\n" + sentence)
    assert _types(a)[content] == "denial"


@pytest.mark.parametrize("sentence, content", [
    ("Police said no one else was involved in the shooting.", "no one else was involved in the shooting"),
    ("The mayor said the fire was nowhere near the school.", "the fire was nowhere near the school"),
    ("Doctors said the innocent victims had been shot at close range.",
     "the innocent victims had been shot at close range"),
])
def test_no_part_of_others_or_of_things_is_no_denial(analyze, sentence, content):
    a = analyze("Gunmen attacked a police post in the town of Kidal on Monday, killing two officers.\n\n" + sentence)
    assert _types(a)[content] != "denial"


def _story(a):
    return [e for e in a.events if not e.background]


def test_shots_fired_at_a_target_are_a_shooting(analyze):
    a = analyze("Shots were fired at a minibus on the coast road near the town of Kilifi on Tuesday, police said.")
    (ev,) = _story(a)
    assert ev.type == "armed_assault" and ev.trigger.text == "fired"


def test_shots_fired_at_nothing_or_in_warning_are_no_incident(analyze):
    a = analyze("A suspect fired two shots but hit no one before officers arrested him in Kilifi on Tuesday.\n\n"
                "Soldiers fired warning shots at the crowd in Malindi on Tuesday.")
    assert not _story(a)


def test_rounds_a_state_fires_are_shelling(analyze):
    a = analyze("Azerbaijan fired dozens of rounds at a border village on Tuesday, killing a farmer, the ministry said.")
    (ev,) = _story(a)
    assert ev.type == "shelling"


def test_a_clause_told_hours_later_on_a_new_target_is_a_second_incident(analyze):
    a = analyze("Gunmen robbed a pharmacy in Somerset on Tuesday and about three hours later shots were fired at a "
                "taxi in Pembroke, the Bermuda Police Service said.")
    first, second = _story(a)
    assert first.type == "robbery" and second.type == "armed_assault"
    assert second.date.value == first.date.value == "2025-06-03"
    assert (second.place.name, second.place.country) == ("Pembroke", "BM")


def test_a_country_named_only_in_its_police_force_places_the_story(analyze):
    # "Pembroke" is a council of Malta in the gazetteer and a town in Britain, Canada and the US: the
    # Bermuda parish is none of them
    a = analyze("Two men set a car alight outside a bar in Pembroke early on Tuesday, the Bermuda Police Service "
                "said. It was the third arson in Hamilton this year.")
    countries = {e.place.country for e in a.events if e.place}
    assert countries == {"BM"}
    assert any(e.place.name == "Hamilton" for e in a.events if e.place)


def test_a_name_before_a_comma_and_a_known_town_is_a_place_there(analyze):
    a = analyze("Gunmen opened fire on a bar in Seven Wells, Providenciales, early on Tuesday, the Royal Turks and "
                "Caicos Islands Police Force said.")
    (ev,) = _story(a)
    assert (ev.place.name, ev.place.country) == ("Seven Wells", "TC")


def test_a_capitalised_town_word_is_part_of_the_name(analyze):
    a = analyze("A car was driven into a crowd outside a church in Wheeler Town on Tuesday, police in the Cayman "
                "Islands said. A bar in Bodden Town was set alight last year.")
    cities = {e.place.name for e in a.events if e.place}
    assert {"Wheeler Town", "Bodden Town"} <= cities
    assert {e.place.country for e in a.events if e.place} == {"KY"}


def _figures(ev) -> set[tuple[str, int]]:
    return {(f.kind, f.value) for f in ev.figures}


def test_a_crew_held_without_a_holder_named_is_kidnapped(analyze):
    a = analyze("Armed men seized a cargo ship off the port of Mombasa on Tuesday. Eleven crew members were held "
                "on board, six Kenyans, three Indians and two Filipinos, the port authority said.")
    (ev,) = _story(a)
    assert {("kidnapped", 11), ("kidnapped", 6), ("kidnapped", 3), ("kidnapped", 2)} <= _figures(ev)
    assert ("kidnapped", 22) not in _figures(ev)  # the list breaks the eleven down; it adds nothing


def test_a_crew_held_for_questioning_is_in_custody(analyze):
    a = analyze("Gunmen attacked a ferry off Mombasa on Tuesday, killing a guard. Police later stopped a fishing "
                "boat, and its four crew members were held for questioning.")
    (ev,) = _story(a)
    assert ("kidnapped", 4) not in _figures(ev)


def test_an_act_told_in_the_present_perfect_is_news_not_the_older_incident_before_it(analyze):
    a = analyze("A bomb exploded at the bus station in the town of Kisumu on Tuesday, killing four people, police "
                "said.\n\nThe town has seen such violence before. In March 2019, a grenade attack on a bar there "
                "killed two people.\n\nWitnesses said an explosion has torn through the station's waiting room and "
                "that at least six people were hurt.")
    (ev,) = _story(a)
    old = next(e for e in a.events if e.background)
    assert ("wounded", 6) in _figures(ev) and ("wounded", 6) not in _figures(old)


def _perps(ev) -> set[str]:
    return {a.span.text for a in ev.arguments if a.role.startswith("perpetrator")}


@pytest.mark.parametrize("sentence, name", [
    ("The gunman, whom prosecutors named as Tomas Havel, was shot dead by officers.", "Tomas Havel"),
    ("The suspect, identified by police as Maria Lindqvist, 29, of Gothenburg, appeared in court on Friday.",
     "Maria Lindqvist"),
])
def test_the_name_an_attacker_is_given_is_a_perpetrator(analyze, sentence, name):
    a = analyze("A man opened fire on shoppers at a market in the town of Kolin on Tuesday, killing two people.\n\n"
                + sentence)
    (ev,) = _story(a)
    assert name in _perps(ev)


def test_one_of_those_arrested_charged_by_age_is_a_perpetrator(analyze):
    a = analyze("A man was stabbed outside a pub in the town of Tralee on Tuesday. Three men were arrested. One of "
                "them, a 31-year-old from Killarney, was charged on Wednesday with assault.")
    (ev,) = _story(a)
    assert any("31-year-old" in p for p in _perps(ev))


def test_a_person_held_whose_clause_tells_the_act_is_a_perpetrator(analyze):
    a = analyze("A grenade exploded in a bar in the town of Kandy on Tuesday, wounding five people. Officers detained a "
                "woman who they believe threw the grenade.")
    (ev,) = _story(a)
    assert "a woman" in _perps(ev)
    b = analyze("A grenade exploded in a bar in the town of Kandy on Tuesday, wounding five people. Officers detained a "
                "woman who had overstayed her visa.")
    (ev,) = _story(b)
    assert "a woman" not in _perps(ev)


def test_two_names_tagged_apart_that_make_a_known_place_are_one_place(analyze):
    a = analyze("Gunmen shot dead a bus driver in the town of Mandeville on Tuesday, police said. A similar attack "
                "killed two people in Spanish Town, Jamaica, in July 2023.")
    old = next(e for e in a.events if e.background)
    assert (old.place.name, old.place.country) == ("Spanish Town", "JM")


def test_a_relative_denying_for_a_suspect_is_no_party_to_the_attack(analyze):
    a = analyze("A bomb exploded at a bus stop in the town of Kandy on Tuesday, killing two people. Police detained a "
                "28-year-old man who they believe planted the bomb. His family said he \"has nothing to do with this\".")
    (ev,) = _story(a)
    assert not any("family" in p for p in _perps(ev))


def test_the_dead_dated_by_a_later_death_are_the_dead_of_the_attack(analyze):
    a = analyze("Gunmen attacked a fishing boat off the town of Kilifi on Sunday night, police said on Tuesday.\n\n"
                "The dead were a deckhand, who died at the scene, and the cook, who died in hospital on Monday.")
    (ev,) = _story(a)
    assert ev.date.value == "2025-06-01"


def test_men_who_say_they_belong_to_a_group_claim_for_the_group(analyze):
    a = analyze("A bomb exploded outside a police station in the town of Kandy on Tuesday. In a video, two masked men "
                "who said they belonged to the Red Hand Brigade claimed responsibility for the bombing.")
    (ev,) = _story(a)
    assert any(a.span.text == "the Red Hand Brigade" and a.responsibility == "claimed" for a in ev.arguments)


def test_an_unlisted_town_takes_the_country_its_sentence_names_before_it(analyze):
    a = analyze("Arsonists set fire to a warehouse in the town of Kisii in western Kenya on Tuesday, police said.\n\n"
                "The fire recalled an attack "
                "in Uganda in May 2023, when a truck was set alight at a depot in Nyakabaale.")
    old = next(e for e in a.events if e.date and e.date.value.startswith("2023"))
    assert (old.place.name, old.place.country) == ("Nyakabaale", "UG")
    b = analyze("Arsonists set fire to a warehouse in the town of Kisii on Tuesday, police said.\n\nIt was the first death "
                "in Kenya linked to the war in Uganda since May 2023, when a truck was set alight in the village of Nyakabaale.")
    old = next(e for e in b.events if e.date and e.date.value.startswith("2023"))
    assert old.place.country == "KE"  # "in Uganda" hangs on "the war": it places no act
