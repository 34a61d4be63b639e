"""Classes of error worked on in session 16, each on sentences written for the test."""

from __future__ import annotations

import pytest


def _main(a):
    return next(e for e in a.events if not e.background)


def _types(a) -> dict[str, str]:
    return {s.content.text if s.content else s.cue.text: s.type for s in a.statements}


def _perps(ev) -> dict[str, str | None]:
    return {arg.span.text: arg.responsibility for arg in ev.arguments if arg.role.startswith("perpetrator")}


@pytest.mark.parametrize("body, content", [
    ("Militants shot dead a policeman in Quetta on Friday. A spokesman for the Baloch Liberation Army said its "
     "fighters were at their camps all day.", "its fighters were at their camps all day"),
    ("Rebels burned a school near Beni on Monday. A rebel commander told reporters his men were nowhere near the "
     "town that day.", "his men were nowhere near the town that day"),
])
def test_an_alibi_of_the_speakers_own_side_is_a_denial(analyze, body, content):
    assert _types(analyze(body))[content] == "denial"


def test_being_somewhere_when_the_attack_came_is_no_alibi(analyze):
    a = analyze("Gunmen stormed a mosque in Kano on Friday, killing five worshippers. The imam said his members were "
                "in the mosque when the gunmen opened fire.")
    assert _types(a)["his members were in the mosque when the gunmen opened fire"] != "denial"


@pytest.mark.parametrize("body, content", [
    ("Two gunmen robbed a bank in Recife on Friday, killing a guard. Police said both men were part of a gang that "
     "has robbed a dozen banks in the state.", "both men were part of a gang that has robbed a dozen banks in the state"),
    ("Gunmen killed a chief in Bawku on Friday. His family said the killers were part of the gang that attacked the "
     "village last year.", "the killers were part of the gang that attacked the village last year"),
])
def test_attackers_said_to_belong_to_a_gang_told_by_its_crimes_is_an_accusation(analyze, body, content):
    assert _types(analyze(body))[content] == "accusation"


def test_a_group_saying_its_fighters_carried_it_out_claims_the_attack(analyze):
    a = analyze("A car bomb killed nine soldiers at a checkpoint near Gao on Friday. The Macina Liberation Front said "
                "on Telegram that its fighters had carried it out.")
    assert _types(a)["that its fighters had carried it out"] == "claim_of_responsibility"
    assert _perps(_main(a)).get("The Macina Liberation Front") == "claimed"


def test_a_count_of_unnamed_groups_is_no_perpetrator_but_still_a_statement(analyze):
    a = analyze("A car bomb killed nine soldiers at a checkpoint near Gao on Friday. Two groups claimed the attack.")
    assert not any(p.lower() == "two groups" for p in _perps(_main(a)))
    assert any(s.type == "claim_of_responsibility" and s.source.text == "Two groups" for s in a.statements)


def test_a_party_police_ask_about_is_suspected_not_accused(analyze):
    a = analyze("Gunmen killed a trader in Onitsha on Monday. Police are investigating whether the Black Axe gang "
                "was behind the killing.")
    assert _perps(_main(a)).get("the Black Axe gang") == "suspected"


@pytest.mark.parametrize("body", [
    "A police station in Tonj was attacked on Sunday night.",
    "The village of Tonj was attacked on Sunday.",
])
def test_a_passive_attack_without_agent_is_an_incident_not_a_statement(analyze, body):
    a = analyze(body)
    assert not a.statements
    assert _main(a).date.value == "2025-06-01"


@pytest.mark.parametrize("sentence, verb", [
    ("The mayor recalled July 2016 in Nice, in mainland France, when a man drove a truck into a crowd.", "drove"),
    ("The mayor recalled July 2016, when a man drove a truck into a crowd.", "drove"),
    ("The mayor recalled July 2016 and the crowd that gathered.", None),
])
def test_the_when_clause_of_a_date_is_found_past_the_dates_place(pipeline, sentence, verb):
    from rashomon.extract.events import when_clause_verb

    doc = pipeline.nlp(sentence)
    date = next(e for e in doc.ents if e.label_ == "DATE")
    found = when_clause_verb(doc, date)
    assert (found.text if found is not None else None) == verb


def _analyze_headline(pipeline, headline: str, body: str, published: str = "2025-06-04"):
    from rashomon.models import Document

    return pipeline.analyze(Document(id="t", text=f"{headline}\n\nBy A Writer\nJune 4, 2025\n\n{body}", published=published))


def test_a_headline_clause_of_the_other_family_does_not_type_the_first_incident(pipeline):
    a = _analyze_headline(pipeline, "Dozens killed in militant assault on Kaya, army drone strike hits market",
                          "Militants attacked an army post and several districts of Kaya on Monday, killing dozens of "
                          "soldiers and civilians, local sources said. On Tuesday a drone struck the market of Dablo, "
                          "killing at least 12 people.")
    assert _main(a).type == "armed_assault"


def test_an_attack_claimed_on_a_later_day_stays_one_incident(analyze):
    a = analyze("Militants attacked an army post in Kaya on Monday, killing dozens of soldiers. The group claimed the "
                "attack on Tuesday in a statement.")
    current = [e for e in a.events if not e.background]
    assert len(current) == 1 and current[0].date.value == "2025-06-02"


def test_a_killing_told_first_types_a_raid_before_the_fires_set_later(analyze):
    a = analyze("Militants attacked the town of Kaya on Monday, killing more than 60 people. Before withdrawing, the "
                "assailants set fire to the main market and to a fuel depot, a resident said.")
    assert _main(a).type == "armed_assault"


def test_fires_set_by_gunmen_who_kill_nobody_stay_an_arson(analyze):
    a = analyze("Arsonists set fire to a mosque in Zaria on Friday, killing two worshippers.")
    assert _main(a).type == "arson"


@pytest.mark.parametrize("body, kind, values", [
    ("A car bomb hit an army camp in Turbat on Monday, killing 11 people. Of the dead, nine were soldiers and two "
     "were labourers, a doctor said.", "killed", {11, 9, 2}),
    ("Gunmen abducted dozens of worshippers from a mosque in Zaria on Sunday. Of those taken, 11 were women and six "
     "were children, police said.", "kidnapped", {11, 6}),
    ("Seven miners and two guards were among the dead after gunmen raided a camp near Obuasi on Sunday.", "killed",
     {7, 2}),
])
def test_subgroups_told_with_a_fronted_of_or_among_count_their_kind(analyze, body, kind, values):
    a = analyze(body)
    assert values <= {f.value for f in _main(a).figures if f.kind == kind}


@pytest.mark.parametrize("body", [
    "Police defused a bomb near the railway station in Quetta on Tuesday.",
    "Bomb disposal officers defused an explosive device hidden in a rickshaw near the railway station in Quetta, "
    "police said.",
])
def test_a_defused_bomb_is_no_incident(analyze, body):
    assert not analyze(body).events


def test_a_bomb_that_went_off_beside_a_defused_one_is_an_incident(analyze):
    a = analyze("A bomb exploded near the railway station in Quetta on Tuesday, killing two people. A second bomb was "
                "defused.")
    assert [e.type for e in a.events if not e.background] == ["bombing"]


def test_assault_rifles_are_a_weapon_not_an_assault(analyze):
    a = analyze("Gunmen killed nine people at a rehab center in Hermosillo late Monday. Three men were arrested on "
                "Tuesday afternoon at a house where police found assault rifles.")
    current = [e for e in a.events if not e.background]
    assert len(current) == 1 and {("arrested", 3), ("killed", 9)} <= {(f.kind, f.value) for f in current[0].figures}


def test_no_one_killed_counts_nobody(analyze):
    a = analyze("Gunmen set fire to at least 20 houses in Nasko on Monday. No one was killed, an official said.")
    assert not [f for f in _main(a).figures if f.kind == "killed"]


def test_shot_dead_with_the_victim_after_it_counts_one(analyze):
    a = analyze("Gunmen shot dead a judge outside his home in Kaduna on Monday.")
    assert ("killed", 1) in {(f.kind, f.value) for f in _main(a).figures}


def test_a_bare_count_the_tagger_calls_a_date_is_still_a_count(analyze):
    a = analyze("Niger state police spokesman Bala Musa said on Monday that at least 40 worshippers had been taken "
                "into the forest north of the town. By Tuesday morning, after community leaders had gone from house "
                "to house, police put the number of those abducted at 52. Of those taken, 11 were women.")
    assert 52 in {f.value for e in a.events for f in e.figures if f.kind == "kidnapped"}


def test_a_town_placed_by_a_bearing_with_a_converted_distance_is_that_town(analyze):
    a = analyze("Gunmen killed nine people at a rehab center in Ciudad Obregón late Monday. Early on Tuesday, armed "
                "men set fire to a passenger bus on the federal highway near Navojoa, about 65 kilometers (40 miles) "
                "south of Ciudad Obregón.")
    arson = next(e for e in a.events if e.type == "arson")
    assert arson.place.name == "Navojoa"


@pytest.mark.parametrize("body, content, kind", [
    ("A bomb hit a bus in Isulan on Monday. The group claimed to have killed 25 soldiers.",
     "to have killed 25 soldiers", "claim_of_responsibility"),
    ("A bomb hit a bus in Isulan on Monday. The faction said on Facebook it was revenge for military operations "
     "against its fighters.", "it was revenge for military operations against its fighters", "claim_of_responsibility"),
    ("Shells hit Sittwe on Monday. Khaing Thura said the group's artillery units were far to the south on Monday.",
     "the group's artillery units were far to the south on Monday", "denial"),
    ("Gunmen shot four people at a party in Greenwood. Police arrested a 19-year-old. \"He was home with me the whole "
     "night,\" his mother said.", "\"He was home with me the whole night,\"", "denial"),
    ("A missile hit a building in Sumy. \"There were no soldiers in this building. There were pensioners and "
     "children,\" he told reporters.", "\"There were no soldiers in this building. There were pensioners and children,\"",
     "denial"),
    ("A bomb hit a bus in Isulan on Monday. Investigators believed the bomb had been assembled by members of the "
     "Dawlah Islamiyah.", "the bomb had been assembled by members of the Dawlah Islamiyah", "accusation"),
])
def test_claims_denials_and_accusations_told_without_their_usual_words(analyze, body, content, kind):
    assert _types(analyze(body))[content] == kind


def test_a_relative_placed_at_the_scene_by_a_witness_is_no_alibi(analyze):
    a = analyze("A bomb hit a market in Kano on Monday, killing 12. \"My husband was at the market with me all "
                "morning,\" a woman said.")
    assert _types(a)["\"My husband was at the market with me all morning,\""] != "denial"


def test_the_day_a_toll_rose_is_not_the_day_of_the_strike(pipeline):
    a = _analyze_headline(pipeline, "Missile strike on Sumy: death toll rises to 17",
                          "The death toll from a missile strike on the city of Sumy rose to 17 on Wednesday, regional "
                          "officials said. Missiles hit a residential area in Sumy late on Tuesday.",
                          published="2025-06-04")
    current = [e for e in a.events if not e.background]
    assert len(current) == 1 and current[0].date.value == "2025-06-03"


def test_an_air_raid_alert_is_no_air_raid(analyze):
    a = analyze("Missiles hit a bus depot in Sumy late on Tuesday, about 20 minutes after an air raid alert was "
                "declared in the region.")
    assert [e.type for e in a.events] == ["missile_strike"]


def test_a_live_pages_clock_is_no_part_of_the_heading_after_it(pipeline):
    doc = pipeline.nlp("Updates.\n\n09:50 GMT - BLA claims all three attacks\nThe group said it carried out the attacks.")
    heading = next(s for s in doc.sents if "claims" in s.text)
    assert heading.text.startswith("BLA")


def test_a_headline_that_defuses_a_bomb_tells_no_incident(analyze):
    a = analyze("10:42 GMT - Police defuse bomb near Quetta railway station\nBomb disposal officers defused an "
                "explosive device hidden in a rickshaw, police said.")
    assert not a.events


def test_a_count_of_unnamed_groups_with_an_adjective_is_no_perpetrator(analyze):
    a = analyze("Militants hijacked a bus near Kalat on Tuesday as two separatist groups claimed the attack.")
    assert not any("groups" in p for p in _perps(_main(a)))


def test_no_soldiers_there_beside_a_named_culprit_stays_an_accusation(analyze):
    a = analyze("Jets bombed a temple near Preah Vihear on Monday. \"These were families taking shelter in a holy "
                "place. There were no soldiers there and no weapons. Thailand must answer for this before the world,\" "
                "the spokeswoman said.")
    assert next(s for s in a.statements if s.source.text == "the spokeswoman").type == "accusation"


def test_a_cased_report_filed_from_a_town_places_its_unplaced_incidents_there(pipeline):
    from rashomon.models import Document

    text = ("Blast kills 14 at checkpoint\n\nBy A Writer\nApril 21, 2026\n\nBELEDWEYNE, Somalia, April 21 (Xinhua) -- "
            "At least 14 people were killed when a suicide bomber drove a minibus into a checkpoint in the town on "
            "Monday evening, police said.\n\nOn Tuesday, militants fired five mortar shells at a military base, "
            "a resident said.")
    a = pipeline.analyze(Document(id="t", text=text, published="2026-04-21"))
    current = [e for e in a.events if not e.background]
    assert len(current) == 2 and {e.place.name for e in current} == {"Beledweyne"}


def test_a_plural_the_tagger_takes_for_a_name_after_a_line_break_is_still_a_trigger(analyze):
    a = analyze("Missiles hit a bus depot in Sumy on Tuesday, killing four people.")
    assert _main(a).type == "missile_strike"


def test_a_military_spokesman_telling_the_air_forces_strike_claims_it(analyze):
    a = analyze("A monastery in Kyauktaw was hit on Monday. A military spokesman said that the air force had carried "
                "out \"a precision strike\" on a rebel camp near Kyauktaw.")
    assert next(s for s in a.statements if s.cue.text == "said").type == "claim_of_responsibility"


def test_a_spokesman_telling_anothers_army_accuses_it(analyze):
    a = analyze("Shells hit Kharkiv on Monday. A Ukrainian military spokesman said the Russian army had shelled the city.")
    assert next(s for s in a.statements if s.cue.text == "said").type == "accusation"


def test_a_named_party_the_parser_splits_after_an_adjective_is_the_accused(analyze):
    a = analyze("Shells hit a market in El Obeid on Sunday, killing 19. The Sudanese army accused the paramilitary "
                "Rapid Support Forces (RSF) of firing the shells from positions west of the city.")
    assert any(text.endswith("Rapid Support Forces") and resp == "accused" for text, resp in _perps(_main(a)).items())


def test_a_number_put_at_a_count_counts_what_the_paragraph_counted(analyze):
    a = analyze("A missile hit a block of flats in Sumy late on Tuesday. Governor Ivan Petrenko first reported nine "
                "dead shortly after midnight. By Wednesday morning he put the number at 14.")
    assert {("killed", 9), ("killed", 14)} <= {(f.kind, f.value) for f in _main(a).figures}


def test_an_attack_of_a_year_ago_does_not_join_an_undated_one_of_the_story(pipeline):
    a = _analyze_headline(pipeline, "Attacks across the province",
                          "Militants bombed a camp in Turbat early on Tuesday, killing five soldiers.\n\n"
                          "In Mastung, gunmen attacked the city police station, killing three policemen.\n\n"
                          "In March 2025, the group's fighters hijacked a train near Sibi and held 400 passengers.",
                          published="2026-03-17")
    places = {e.place.name: e.background for e in a.events if e.place is not None}
    assert places.get("Mastung") is False and places.get("Sibi") is True


def test_a_name_with_an_age_after_it_is_a_person_not_a_place(pipeline):
    from rashomon.extract.places import find_places

    doc = pipeline.nlp("a bus helper, md rakib hossain, 19, was burnt to death as he slept inside one of the buses.")
    assert not [p for p in find_places(doc) if "hossain" in p.span.text]


def test_petrol_bomb_attacks_are_arson(analyze):
    a = analyze("In early 2015, petrol-bomb attacks on buses and trucks killed more than 100 people.")
    assert a.events and a.events[0].type == "arson"


@pytest.mark.parametrize("body", [
    "Gunmen killed nine people in Hermosillo on Monday. Prosecutors are also investigating whether a local cell leader "
    "ordered the attack, a spokesman said.",
    "Gunmen killed nine people in Hermosillo on Monday. Police are investigating whether the gang ordered the attack.",
])
def test_an_inquiry_into_whether_someone_did_it_is_a_statement_of_the_inquirers(analyze, body):
    a = analyze(body)
    assert any(s.cue.text.endswith("investigating") and s.content.text.startswith("whether") for s in a.statements)


def test_ordering_an_attack_is_no_statement(analyze):
    a = analyze("Gunmen killed nine people in Hermosillo on Monday. Police are investigating whether the gang ordered "
                "the attack.")
    assert not any(s.cue.text == "ordered" for s in a.statements)


def test_an_investigation_of_the_attack_itself_is_no_statement(analyze):
    a = analyze("A bus bomb killed nine people in Garissa on Monday. Detectives are investigating the attack.")
    assert not any("investigating" in s.cue.text for s in a.statements)


def test_a_second_report_joined_by_and_inside_a_content_is_a_statement_of_its_own(analyze):
    a = analyze("On Tuesday evening, a local official said at least 47 bodies had been buried in Djibo, and on "
                "Wednesday a humanitarian worker in the town told AFP that more than 60 people had been killed.")
    got = {(s.source.text, s.content.text) for s in a.statements}
    assert ("a local official", "at least 47 bodies had been buried in Djibo") in got
    assert ("a humanitarian worker in the town", "more than 60 people had been killed") in got


def test_fire_from_a_named_partys_positions_accuses_it(analyze):
    a = analyze("Shells hit Sittwe on Monday. State media said the shells had been fired from AA positions across the "
                "river.")
    assert next(s for s in a.statements if s.source.text == "State media").type == "accusation"


def test_a_place_of_another_act_in_a_relative_clause_does_not_place_the_strike(analyze):
    a = analyze("Thai jets bombed a village near Anlong Veng in northern Cambodia on Monday, killing five people. In a "
                "statement, the air force "
                "said its aircraft had struck \"legitimate military targets\", namely Cambodian rocket launchers that "
                "had fired into Thai territory earlier in the day.")
    current = [e for e in a.events if not e.background]
    assert len(current) == 1 and current[0].place.country == "KH"


def test_any_further_rocket_fire_is_no_incident(analyze):
    a = analyze("Thailand's defence minister warned that the military would respond decisively to any further rocket "
                "fire on Thai villages.")
    assert not a.events


def test_a_device_that_went_off_is_a_bombing_on_its_day(analyze):
    a = analyze("At least nine people have been killed after a roadside bomb hit a passenger bus near the town of "
                "Mpeketoni in Kenya's Lamu county, police have said.\n\nThe bus was travelling from Mpeketoni to the "
                "ferry point at Mokowe on Monday morning when the device went off under its front wheels, officials "
                "say.\n\nA second device was found further along the road. \"If that bomb had gone off, we would be "
                "counting many more bodies today,\" the commissioner said.")
    current = [e for e in a.events if not e.background]
    assert len(current) == 1 and current[0].date.value == "2025-06-02" and current[0].place.name == "Mpeketoni"


@pytest.mark.parametrize("body", [
    "\"If that bomb had gone off, we would be counting many more bodies today,\" the commissioner said.",
    "A second device was destroyed in a controlled explosion by the army.",
])
def test_a_bomb_in_a_condition_or_a_controlled_explosion_is_no_incident(analyze, body):
    assert not analyze(body).events


def test_a_headline_clause_told_a_day_later_is_another_incident_and_keeps_its_date(pipeline):
    a = _analyze_headline(pipeline, "Gang kidnaps clinic staff in central Haiti, hijacks fuel truck a day later",
                          "Gunmen stormed a clinic in the central Haitian town of Mirebalais on Tuesday afternoon and "
                          "kidnapped at least 14 people, police said.", published="2026-07-23")
    current = [e for e in a.events if not e.background]
    assert [(e.type, e.date.value) for e in current] == [("kidnapping", "2026-07-21")]


@pytest.mark.parametrize("sentence, part, city", [
    ("Gunmen opened fire inside a tavern in KwaZakhele, Gqeberha, on Sunday night.", "KwaZakhele", "Gqeberha"),
    ("In July 2022, 16 people were shot dead at a tavern in Soweto, Johannesburg.", "Soweto", "Johannesburg"),
])
def test_a_township_named_with_its_city_lies_in_that_city(pipeline, sentence, part, city):
    from rashomon.extract.places import find_places

    places = {p.span.text: p.city for p in find_places(pipeline.nlp(sentence))}
    assert places[part] == city
