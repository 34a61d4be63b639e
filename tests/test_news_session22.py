"""Classes of error worked on in session 22, each on sentences written for the test."""

from __future__ import annotations

import pytest

from rashomon.extract.figures import extract_figures
from rashomon.models import Document
from rashomon.nlp.model import load_nlp


def _kinds(a) -> list[tuple]:
    return [(ev.type, ev.date.value if ev.date else None, ev.background) for ev in a.events]


# --------------------------------------------------------------------------- incidents

@pytest.mark.parametrize("body, etype", [
    ("Shortly before midnight on Friday, a hand grenade was hurled at the gate of a police station in Kisumu, "
     "shattering windows. Nobody was hurt, police said.", "bombing"),
    ("Youths threw petrol bombs at a police station in Kisumu on Friday night, police said.", "arson"),
    ("Gunmen opened fire on drinkers outside a bar in Kisumu on Friday night and threw grenades into the crowd, "
     "police said.", "armed_assault"),
])
def test_a_bomb_or_grenade_thrown_is_an_incident_of_its_kind(analyze, body, etype):
    (ev,) = analyze(body).events
    assert ev.type == etype


def test_stones_thrown_are_no_incident(analyze):
    assert analyze("Protesters threw stones at riot police in Kisumu on Friday, police said.").events == []


def test_a_truck_that_struck_a_landmine_a_day_later_is_a_bombing_of_its_own(analyze):
    a = analyze("Three soldiers were killed when their patrol was ambushed near Bignona on Saturday, the army said. "
                "A day later, on Sunday, a minibus carrying traders struck a landmine on a track outside the town, "
                "killing two passengers, local sources said.")
    kinds = _kinds(a)
    assert ("armed_assault", "2025-05-31", False) in kinds and ("bombing", "2025-06-01", False) in kinds


def test_a_killing_told_in_a_relative_clause_of_an_attack_is_that_attack(analyze):
    a = analyze("The two countries closed the border in March 2019 after an attack on Jan. 14, 2019, in Kayanza, "
                "in which rebels killed 12 villagers. On Saturday, gunmen killed four traders near Ruhororo.")
    assert sorted(k for k in _kinds(a) if k[2]) == [("armed_assault", "2019-01-14", True)]


def test_a_heart_attack_is_no_incident(analyze):
    a = analyze("Gunmen killed four people at a party in Arima on Saturday, police said. A neighbour who was grazed "
                "by a bullet died of a heart attack at his home on Monday.")
    assert [ev.type for ev in a.events] == ["armed_assault"]


def test_rockets_that_open_a_live_blog_entry_are_a_shelling(analyze):
    a = analyze("Border fighting - live\n\n14:05 GMT\n\nRockets fired from across the border have hit a bus station in "
                "Kantharalak this afternoon, killing two people, the army says.")
    assert [ev.type for ev in a.events] == ["shelling"]


def test_fire_opened_from_mortars_is_one_shelling(analyze):
    a = analyze("On Sunday, at about 09:10, the other side opened fire from mortars on the village of Ak-Sai, the "
                "border service said. Two residents were wounded.")
    assert [ev.type for ev in a.events] == ["shelling"]


def test_the_day_a_claim_was_made_does_not_split_the_incident(analyze):
    a = analyze("Two soldiers were killed when their patrol was ambushed near Sindian on Sunday afternoon, the army "
                "said.\n\nOn Monday evening, a man presenting himself as a spokesman for the rebels claimed the attack "
                "in an audio message sent to a local radio station.")
    assert _kinds(a) == [("armed_assault", "2025-06-01", False)]


def test_the_same_day_opens_another_incident(analyze):
    a = analyze("At about 08:30 on Sunday, the neighbouring army shelled the town of Isfana, killing two civilians, "
                "the border service said.\n\nOn the same day at about 11:20, a drone attacked a border outpost near "
                "the village of Ak-Say, wounding two guards.")
    assert sorted(ev.type for ev in a.events) == ["drone_strike", "shelling"]


def test_a_long_headline_is_still_a_headline(pipeline):
    text = ("Two civilians killed as a result of shelling of the town by the neighbouring side, border guard wounded "
            "by drone near the outpost\n\nBy A Writer\nMay 27, 2025\n\nBishkek, May 27 /Kabar/. On May 26, at about "
            "08:40, the neighbouring side opened fire from mortars on the residential sector of the city of Isfana, "
            "the press service informed.\n\nIn addition, on the same day at about 11:20, a strike drone attacked a "
            "border outpost near the village of Ak-Say. One border guard received wounds.")
    a = pipeline.analyze(Document(id="t", text=text, published="2025-05-27"))
    assert sorted(ev.type for ev in a.events) == ["drone_strike", "shelling"]


# --------------------------------------------------------------------------- places

def test_a_country_named_only_as_a_neighbour_does_not_own_the_story_towns(analyze):
    a = analyze("Gunmen opened fire at the central market in Yendi on Tuesday "
                "evening, killing five traders, police said. Traders said the market, which serves farmers from "
                "across the district and neighbouring Togo, would stay closed.")
    (ev,) = a.events
    assert ev.place.country == "GH"


# --------------------------------------------------------------------------- figures

@pytest.mark.parametrize("sentence, expected", [
    ("Two people died and 40 were evacuated.", [("killed", 2)]),
    ("Two soldiers were killed and three were wounded.", [("killed", 2), ("wounded", 3)]),
])
def test_a_number_with_its_own_verb_after_and_is_not_counted_by_the_verb_before(sentence, expected):
    figs = extract_figures(load_nlp()(sentence))
    assert [(f.kind, f.value) for f in figs] == expected


# --------------------------------------------------------------------------- dates and places of the lead

@pytest.mark.parametrize("text, word", [
    ("Dhaka, June 4 (PTI) Suspected members of an armed group stormed a bank late on Monday.", "June 4"),
    ("Bishkek, June 4 /Kabar/. On June 3, at about 08:40, the other side opened fire from mortars.", "June 4"),
    ("NAIROBI, Feb 11 (Reuters) - Gunmen killed four people.", "Feb 11"),
    ("CONCEPCION, Chile, Jun 2 (EFE).- A group of hooded men set fire to nine trucks.", "Jun 2"),
])
def test_a_dateline_with_an_agency_and_no_dash_is_a_dateline(text, word):
    from rashomon.extract.places import in_dateline
    start = text.index(word)
    assert in_dateline(text, start, start + len(word))
    later = text.index("June 3") if "June 3" in text else None
    assert later is None or not in_dateline(text, later, later + 6)


def test_the_hospital_a_victim_was_flown_to_does_not_place_the_incident(analyze):
    a = analyze("Gunmen raided a bank in Ruma on Monday night, police said. A guard was shot in the leg and was "
                "airlifted to the Combined Military Hospital in Chattogram.")
    assert [ev.place.name for ev in a.events] == ["Ruma"]


def test_the_area_in_a_speakers_title_does_not_place_the_incident(analyze):
    a = analyze("Gunmen abducted 11 pupils from a school in Ndop on Monday, police said. A teacher was shot dead as "
                "he tried to stop them, Ngoketunjia divisional officer Paul Mbah told reporters.")
    assert [(ev.type, ev.place.name) for ev in a.events] == [("kidnapping", "Ndop")]


@pytest.mark.parametrize("text, value", [
    ("In March 2021, rebels seized the town. A day later, they executed the mayor.", "2021-03"),
    ("Police said on Wednesday that gunmen raided a bank. In April 2024, gunmen looted a bank in Ruma, and the next "
     "day robbed two banks in Thanchi.", "2024-04"),
    ("Gunmen raided a bank on Tuesday. The next day, they robbed a bus.", "2027-05-05"),
])
def test_a_day_after_a_month_told_falls_in_that_month(text, value):
    from rashomon.extract.timex import tag_timexes
    assert tag_timexes(text, "2027-05-06")[-1].value == value


def test_a_fire_a_missile_strike_started_is_part_of_the_strike(analyze):
    a = analyze("Two missiles struck a bulk carrier off the port of Mokha on Tuesday, starting a fire in its "
                "engine room and killing two crew members, the operator said.")
    assert [ev.type for ev in a.events] == ["missile_strike"]


# --------------------------------------------------------------------------- statements

def test_a_fronted_day_dates_the_claim_of_a_clausal_subject(analyze):
    a = analyze("Two soldiers were killed in an ambush near Sindian on Saturday.\n\nOn Monday evening, a man "
                "presenting himself as a spokesman for the rebels claimed the attack in an audio message.")
    (st,) = [s for s in a.statements if s.cue.text == "claimed"]
    assert st.source.text == "a man presenting himself as a spokesman for the rebels"
    assert st.date is not None and st.date.value == "2025-06-02"


@pytest.mark.parametrize("sentence", [
    'The minister rejected that suggestion as "insulting to the families of the victims."',
    "A senior police officer across the border rejected the suggestion that weapons were flowing from his state.",
])
def test_rejecting_a_suggestion_is_a_dismissal(analyze, sentence):
    a = analyze("Gunmen robbed a bank in Ruma on Monday, killing a guard, police said. " + sentence)
    (st,) = [s for s in a.statements if s.cue.text == "rejected"]
    assert st.type == "dismissal"


def test_rejecting_the_accusation_stays_a_denial(analyze):
    a = analyze("Gunmen robbed a bank in Ruma on Monday, killing a guard, police said. Police blamed the KNF. The "
                "group rejected the accusation.")
    (st,) = [s for s in a.statements if s.cue.text == "rejected"]
    assert st.type == "denial"


# --------------------------------------------------------------------------- figures and tolls

def test_people_held_by_armed_men_are_kidnapped():
    figs = extract_figures(load_nlp()("Four construction workers are being held by armed men in the forest."))
    assert [(f.kind, f.value) for f in figs] == [("kidnapped", 4)]


def test_people_held_by_the_police_stay_arrested():
    figs = extract_figures(load_nlp()("Two suspects are being held by police in the provincial capital."))
    assert [(f.kind, f.value) for f in figs] == [("arrested", 2)]


def test_days_of_fighting_that_killed_people_are_no_incident(analyze):
    a = analyze("Shells hit the border town of Anlong Veng on Saturday, killing two civilians, officials said. In July "
                "2025, five days of fighting along the border killed more than 40 people.")
    assert [ev.type for ev in a.events] == ["shelling"]
    assert all(f.value != 40 for ev in a.events for f in ev.figures)


def test_murders_that_were_down_are_no_incident(analyze):
    a = analyze("Gunmen killed four people at a party in Arima on Saturday, police said. The minister rejected the "
                "criticism, telling reporters that murders were down compared with last year.")
    assert [ev.type for ev in a.events] == ["armed_assault"]


def test_a_toll_that_names_a_town_goes_to_the_incident_in_that_town(analyze):
    a = analyze("Rockets hit a market in Phu Sing on Saturday morning, killing three people, the army said. Hours "
                "later, shells hit the town of Anlong Veng, killing two civilians, officials said. Police said the "
                "toll in Phu Sing had risen to five.")
    by_town = {ev.place.name: sorted(f.value for f in ev.figures if f.kind == "killed") for ev in a.events}
    assert 5 in by_town["Phu Sing"] and 5 not in by_town["Anlong Veng"]


def test_boys_seized_by_gunmen_are_a_kidnapping(analyze):
    a = analyze("Gunmen stormed a boarding school in Kankara on Friday night and seized more than 300 boys, police "
                "said.")
    assert [ev.type for ev in a.events] == ["kidnapping"]


def test_robbers_who_shot_a_man_make_a_robbery(analyze):
    a = analyze("Gunmen killed two guards at a mine on Saturday, police said. In March 2016, a German sailor was shot "
                "dead by robbers aboard his catamaran at Wallilabou.")
    assert ("robbery", "2016-03", True) in _kinds(a)


def test_a_car_driven_into_a_demonstration_is_a_ramming(analyze):
    a = analyze("Gunmen killed a guard on Saturday, police said. In February 2025, a man drove a car into a union "
                "demonstration in Munich, killing a mother and her daughter.")
    assert ("vehicle_ramming", "2025-02", True) in _kinds(a)


def test_two_towns_tagged_as_one_name_are_two_places(analyze):
    a = analyze("Gunmen abducted at least 31 passengers from two buses in Nigeria's northwestern Katsina state late "
                "on Monday, police said.\n\nThe attackers stopped the buses on the highway between Funtua and Gusau "
                "shortly after 9 p.m., a police spokesman said.")
    (ev,) = a.events
    assert ev.place.city == "Funtua"


def test_a_toll_in_a_speakers_title_is_not_the_town_of_the_incident(analyze):
    a = analyze("Shells hit the town of Batken on Monday, killing two border guards, officials said. Hours later, a "
                "drone struck a house in Kara-Bak, killing three people.\n\nThe ministry said a woman was among the "
                "dead. Batken regional governor Kubanychbek Osmonov later put the toll at four.")
    by_town = {ev.place.name: sorted(f.value for f in ev.figures if f.kind == "killed") for ev in a.events}
    assert 4 not in by_town.get("Batken", [])


def test_houses_set_on_fire_hours_after_the_shooting_are_another_incident(analyze):
    a = analyze("Gunmen opened fire at the central market in Yendi on Tuesday evening, killing six traders, police "
                "said.\n\nHours after the shooting, on Tuesday night, a crowd of youths set fire to at least 20 houses "
                "in a suburb of the town, residents said.")
    assert sorted(ev.type for ev in a.events) == ["armed_assault", "arson"]


def test_a_pipe_bomb_made_safe_is_no_bombing(analyze):
    a = analyze("Separately, army technicians made safe a pipe bomb left at the front door of a house in Omagh on "
                "Wednesday morning, police said.")
    assert a.events == []


def test_more_bodies_found_the_next_day_raise_the_toll_of_the_raid(analyze):
    a = analyze("Insurgents killed at least nine people in a raid on the outskirts of Tandahimba late on Monday, "
                "police said.\n\nA local lawmaker said the death toll had risen to 11 after two more bodies were found "
                "in a cashew plantation on Tuesday afternoon.")
    assert [ev.type for ev in a.events] == ["armed_assault"]


def test_criminals_who_kill_anyone_is_what_they_do_not_an_incident(analyze):
    a = analyze("Insurgents killed at least nine people in a raid near Tandahimba late on Monday, police said. \"These "
                "are criminals who kill anyone they find,\" the police chief said in Dar es Salaam on Tuesday.")
    assert [ev.place.name for ev in a.events] == ["Tandahimba"]


def test_a_present_relative_clause_on_anyone_is_no_trigger():
    from rashomon.extract.events import find_triggers
    assert find_triggers(load_nlp()("These are criminals who kill anyone they find."), []) == []


def test_a_country_name_ending_a_town_name_names_no_country(analyze):
    a = analyze("Gunmen shot dead two men in Laventille, east Port of Spain, on Sunday, police said.")
    (ev,) = a.events
    assert ev.place.country == "TT"


def test_trucks_driven_off_with_are_a_hijacking_and_drivers_driven_into_the_bush_no_ramming(analyze):
    a = analyze("Gunmen in police uniforms stopped three fuel trucks near Solwezi on Tuesday night and drove off with "
                "the vehicles and their cargo, police said. The drivers were forced into a minibus and driven into the "
                "bush.")
    assert [ev.type for ev in a.events] == ["hijacking"]


def test_networks_that_steal_timber_is_what_they_do_not_a_robbery():
    from rashomon.extract.events import find_triggers
    doc = load_nlp()("The minister said the fire was linked to the networks that steal timber in the area.")
    assert [t.type for t in find_triggers(doc, [])] == []
