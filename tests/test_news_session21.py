"""Classes of error worked on in session 21, each on sentences written for the test."""

from __future__ import annotations

import pytest


def _places(a) -> list[tuple]:
    return [(ev.type, ev.place.name if ev.place else None, ev.place.city if ev.place else None,
             ev.place.country if ev.place else None) for ev in a.events]


def _perps(ev) -> list[tuple]:
    return [(x.span.text, x.responsibility) for x in ev.arguments if x.role.startswith("perpetrator")]


# --------------------------------------------------------------------------- places

@pytest.mark.parametrize("body, city, country", [
    ("Gunmen opened fire on worshippers at a mosque in Mazar-i-Sharif on Friday, killing seven people.",
     "Mazar-i-Sharif", "AF"),
    ("A car bomb exploded outside a market in the Tekke quarter of Mazar-i-Sharif on Friday, killing three people.",
     "Mazar-i-Sharif", "AF"),
])
def test_a_hyphenated_city_name_is_read_whole(analyze, body, city, country):
    (ev,) = analyze(body).events
    assert ev.place.city == city and ev.place.country == country


def test_a_region_whose_name_is_a_common_word_is_read_before_its_region_noun(analyze):
    (ev,) = analyze("Two soldiers were killed when a bomb went off under their truck in eastern Van province on "
                    "Sunday.").events
    assert ev.place.name == "Van" and ev.place.country == "TR"


def test_a_van_is_still_no_place(analyze):
    (ev,) = analyze("Two soldiers were killed when gunmen fired on their van near the border on Sunday.").events
    assert ev.place is None or ev.place.name != "Van"


@pytest.mark.parametrize("body", [
    "Warplanes struck a depot outside the town, the army said, accusing the Iran-backed group of storing rockets "
    "there.",
    "Gunmen killed four guards at a mine, police said, blaming a Johannesburg-based syndicate.",
])
def test_a_name_glued_to_a_participle_places_nothing(analyze, body):
    a = analyze(body)
    assert all(ev.place is None for ev in a.events)


def test_the_neighbouring_district_lies_in_the_city_of_the_district_told_before(analyze):
    a = analyze("Gunmen shot dead two men near a block of flats in the Mirail district of Toulouse on Saturday. "
                "Hours after the shooting, about 30 cars were set on fire in the neighbouring Reynerie district.")
    assert ("arson", "Reynerie", "Toulouse", "FR") in _places(a)


def test_a_new_district_without_neighbouring_keeps_its_own_reading(analyze):
    a = analyze("Gunmen shot dead two men in the Mirail district of Toulouse on Saturday. On Sunday, about 30 cars "
                "were set on fire in the Kervenanec district of Lorient.")
    assert ("arson", "Kervenanec", "Lorient", "FR") in _places(a)


# --------------------------------------------------------------------------- a later act, hours after

def test_hours_later_gunmen_ambushing_a_patrol_elsewhere_is_another_incident(analyze):
    a = analyze("Gunmen shot dead two men in Toulouse on Friday. Hours later, gunmen ambushed a patrol near "
                "Montpellier.")
    assert [p[2] for p in _places(a)] == ["Toulouse", "Montpellier"]


def test_hours_after_the_shooting_counted_cars_set_on_fire_are_another_incident(analyze):
    a = analyze("Gunmen shot dead two men in Toulouse on Friday. Hours after the shooting, about 30 cars were set "
                "on fire in the city.")
    assert [ev.type for ev in a.events] == ["armed_assault", "arson"]


def test_the_victims_counted_by_the_act_told_are_no_new_incident(analyze):
    a = analyze("Gunmen shot dead two men in Toulouse on Friday. Hours later, a roadside bomb struck a police van "
                "in Albi, killing one officer and wounding two others.")
    assert [ev.type for ev in a.events] == ["armed_assault", "bombing"]


def test_a_bomb_design_is_no_bombing(analyze):
    a = analyze("A bomb exploded at a bus station in Osh on Monday, killing four people. Investigators pointed to a "
                "bomb design used by the group in Jalalabad.")
    assert [p[2] for p in _places(a)] == ["Osh"]


# --------------------------------------------------------------------------- claims of the same group

def test_a_group_claiming_the_story_and_an_older_attack_is_the_claimant_of_both(analyze):
    a = analyze("A bomb exploded at a bus station in Cotabato on Monday, killing nine people. The Islamic State "
                "group claimed responsibility for the attack on Tuesday. In March 2019, a bomb at a market in Jolo "
                "killed 12 people in an attack claimed by Islamic State.")
    main, older = a.events
    assert ("Islamic State", "claimed") in _perps(older)
    assert any(r == "claimed" for _, r in _perps(main))


def _claims(a) -> list[tuple]:
    return [(s.source.text, s.cue.text) for s in a.statements if s.type == "claim_of_responsibility"]


@pytest.mark.parametrize("body, source", [
    ("In May 2020, a car bomb killed six soldiers outside a barracks in Gao in an attack claimed by the Sahel branch "
     "of Islamic State.", "the Sahel branch of Islamic State"),
    ("A grenade killed two officers in 2018, in an attack claimed by an offshoot of the FLNC, which later disbanded.",
     "an offshoot of the FLNC"),
    ("The ambush, claimed by the Macina Liberation Front, killed nine soldiers.", "the Macina Liberation Front"),
])
def test_an_incident_noun_claimed_by_a_party_is_its_claim(analyze, body, source):
    assert source in [s for s, cue in _claims(analyze(body)) if cue.startswith("claimed")]


def test_a_figure_claimed_by_a_ministry_is_no_claim_of_responsibility(analyze):
    a = analyze("Gunmen killed four people in Gao on Monday. The figure was claimed by the ministry.")
    assert _claims(a) == []


@pytest.mark.parametrize("body, source", [
    ("The checkpoint had been attacked with drones in April, an attack that left two soldiers wounded and was also "
     "claimed by the Northern Front.", "the Northern Front"),
    ("In May 2021, gunmen attacked a hotel in the city, killing 12 people, in an attack also claimed by the Northern "
     "Front.", "the Northern Front"),
    ("In June 2022, a fire that destroyed a fish farm near the harbour was also claimed by the Sea Shield group.",
     "the Sea Shield group"),
])
def test_a_claim_told_in_a_passive_clause_on_the_act_is_one_of_responsibility(analyze, body, source):
    a = analyze(body)
    assert source in [s for s, _ in _claims(a)]


# --------------------------------------------------------------------------- where, when the sentence names two places

def test_the_island_a_town_lies_on_is_no_town(analyze):
    a = analyze("A bomb exploded at a ferry terminal in Zamboanga on Monday. Hours after the blast, early on Tuesday, "
                "gunmen ambushed an army patrol near the town of Sumisip on the nearby island of Basilan, killing two "
                "soldiers.")
    assert [p[2] for p in _places(a)] == ["Zamboanga", "Sumisip"]


def test_the_town_a_village_lies_near_only_says_where_it_is(analyze):
    a = analyze("Gunmen killed 12 people at a clinic in Butembo on Friday. In October 2024, attackers killed at least "
                "17 people in the village of Ngele near Butembo.")
    assert [p[2] for p in _places(a)] == ["Butembo", "Ngele"]


def test_the_blast_that_struck_a_district_is_the_bombing_told(analyze):
    a = analyze("A bomb hidden in a parked van exploded outside a bus terminal in the southern city of Zamboanga on "
                "Monday evening, killing at least nine people, police said on Tuesday. The blast struck the Central "
                "Terminal in the Divisoria district shortly after 6 p.m., as commuters queued for the last buses.")
    assert [ev.type for ev in a.events] == ["bombing"]


@pytest.mark.parametrize("tally", [
    "The ADF, an armed group based in eastern Congo since the 1990s, have killed thousands of civilians in Beni and "
    "Lubero territories.",
    "The militia has killed thousands of villagers across the province.",
])
def test_thousands_killed_in_the_present_perfect_are_a_tally_not_an_incident(analyze, tally):
    a = analyze("Gunmen killed 12 people at a clinic in Butembo on Friday. " + tally)
    assert len(a.events) == 1


def test_thousands_killed_on_a_day_are_an_incident(analyze):
    a = analyze("Gunmen killed 12 people at a clinic in Butembo on Friday. In March 2011, troops had killed "
                "thousands of civilians in Abidjan.")
    assert len(a.events) == 2


def test_a_speaker_after_a_fronted_phrase_is_the_source(analyze):
    a = analyze("In a statement carried by KCNA, the General Staff of the Northern Army said artillery units had been "
                "ordered to be ready.")
    (st,) = [s for s in a.statements if s.cue.text == "said"]
    assert st.source.text == "the General Staff of the Northern Army"


# --------------------------------------------------------------------------- quotations in a paragraph of their own

def _contents(a, source: str) -> list[str]:
    return [s.content.text for s in a.statements if s.source is not None and s.source.text == source]


def test_a_quoted_paragraph_after_a_colon_is_what_the_verb_before_it_introduces(analyze):
    a = analyze('The statement, released by the regional police on Monday, read in part:\n\n"Officers found two men '
                'with gunshot wounds. Both died at the scene."\n\nThe investigation continues.')
    assert _contents(a, "The statement") == ['"Officers found two men with gunshot wounds. Both died at the scene."']


def test_said_in_a_statement_and_a_colon_takes_the_quoted_paragraph(analyze):
    a = analyze('Maria Lopez, the charity\'s director, said in a statement:\n\n"There is no excuse for an attack on '
                'a clinic."')
    assert _contents(a, "Maria Lopez, the charity's director") == ['"There is no excuse for an attack on a clinic."']


def test_a_quoted_paragraph_goes_on_quoting_the_speaker_of_the_paragraph_before(analyze):
    a = analyze('"The roof fell in. Nobody was armed," a teacher who survived the attack told the BBC by phone. She '
                'asked not to be named.\n\n"We carried the children out through the window."\n\nThe army said it had '
                'struck a militant camp.')
    assert '"We carried the children out through the window."' in _contents(a, "a teacher who survived the attack")


def test_a_quoted_paragraph_after_another_speaker_in_between_is_not_the_first_ones(analyze):
    a = analyze('"The roof fell in," a teacher told the BBC. The army said it had struck a militant camp.\n\n'
                '"We carried the children out through the window."')
    assert '"We carried the children out through the window."' not in _contents(a, "a teacher")


# --------------------------------------------------------------------------- figures

def test_a_subgroup_of_a_figure_counts_what_the_figure_counts_when_the_parse_loses_the_verb(analyze):
    a = analyze("Gunmen stopped a bus on a highway outside the northern city of Hinche and kidnapped at least 23 "
                "passengers, including five children and a Catholic nun, police and church officials said Wednesday.")
    figs = {(f.kind, f.value) for ev in a.events for f in ev.figures}
    assert {("kidnapped", 23), ("kidnapped", 5)} <= figs


def test_a_release_issued_on_a_day_is_dated_that_day(analyze):
    a = analyze('Police arrested two men on Friday. The press release, issued by the regional police on Sunday, read '
                'in part:\n\n"Officers arrested two local men. They are being held."', published="2026-01-12")
    (st,) = [s for s in a.statements if s.cue.text == "read"]
    assert st.date is not None and st.date.value == "2026-01-11"


@pytest.mark.parametrize("sentence, singles", [
    ("The two people killed were a guard at the mosque and a man who tried to run away, the police chief said.",
     ["a guard", "a man"]),
    ("The dead were named locally as a 64-year-old retired nurse and a student from Kranj.",
     ["a 64-year-old retired nurse", "a student"]),
    ("Police first reported three dead. Two more victims, a fisherman and a 12-year-old pupil, died overnight in "
     "hospital.", ["a fisherman", "a 12-year-old pupil"]),
])
def test_each_person_a_counted_or_named_group_of_the_dead_is_told_to_be_counts_one(sentence, singles):
    from rashomon.extract.figures import extract_figures
    from rashomon.nlp.model import load_nlp

    figs = extract_figures(load_nlp()(sentence))
    assert [f.span.text for f in figs if f.kind == "killed" and f.value == 1] == singles


def test_a_town_a_big_city_owns_close_by_is_a_part_of_it(analyze):
    a = analyze("Gunmen killed two people in Kabul on Monday. In July 2021, a suicide bomber killed more than 30 people "
                "at a crowded market in Baghdad's Sadr City.")
    assert ("Sadr City", "Baghdad") in [(p[1], p[2]) for p in _places(a)]


def test_thousands_killed_in_a_whole_year_are_a_statistic(analyze):
    a = analyze("Gunmen killed 12 people in Gonaives on Monday. According to UN figures, more than 5,600 people were "
                "killed in Haiti in 2024.")
    assert len(a.events) == 1


def test_a_massacre_dated_by_its_year_stays_an_incident(analyze):
    a = analyze("Gunmen killed 12 people in Gonaives on Monday. In 2019, more than 150 people were killed in an "
                "attack on a village near Jeremie.")
    assert len(a.events) == 2


# --------------------------------------------------------------------------- which type comes first

@pytest.mark.parametrize("body, first", [
    ("Suspected militants hacked four farmers to death and set fire to their huts in a remote area of the province, "
     "police said Wednesday.", "armed_assault"),
    ("About 15 men armed with machetes stormed a polling station in the village of Triolet on Sunday, wounding six "
     "people and setting fire to two ballot boxes, police said.", "armed_assault"),
    ("Gang members set fire to a bus in the capital on Sunday, killing 12 passengers.", "arson"),
])
def test_people_killed_before_the_burning_make_an_assault(analyze, body, first):
    (ev,) = analyze(body).events
    assert ev.type == first


def test_beaten_to_death_is_a_killing(analyze):
    (ev,) = analyze("A man was beaten to death by a mob in Lagos on Sunday.").events
    assert ev.type == "armed_assault" and ev.place.city == "Lagos"


def test_an_unlisted_district_after_the_is_a_part_of_the_town_told_before(analyze):
    a = analyze("A car bomb exploded in Homs on Friday, killing two people. On Sunday, a bomb exploded during prayers "
                "at a mosque in the Bab Qebli district, killing eight worshippers.")
    assert ("bombing", "Bab Qebli", "Homs", "SY") in _places(a)


def test_the_town_of_a_name_the_gazetteer_holds_only_as_a_region_is_a_town(analyze):
    (ev,) = analyze("Gunmen killed two people in the eastern town of Baucau on Saturday.").events
    assert ev.place.city == "Baucau" and ev.place.country == "TL"


def test_a_district_of_a_region_is_no_part_of_the_town_told_before(analyze):
    a = analyze("Mortar shells hit the village of Bwiam on Monday, killing three people, the government said in "
                "Banjul. At least four shells landed in the village, in the Foni Kansala district of the West Coast "
                "Region.")
    assert all(p[2] != "Banjul" for p in _places(a))


def test_a_claim_late_on_a_day_is_dated_that_day(analyze):
    a = analyze("A bomb killed nine worshippers at a mosque in Kunduz on Friday. The Islamic State Khorasan Province "
                "(ISKP) claimed responsibility late on Friday in a statement carried by its news agency.",
                published="2025-12-06")
    (st,) = [s for s in a.statements if s.type == "claim_of_responsibility"]
    assert st.date is not None and st.date.value == "2025-12-05"


@pytest.mark.parametrize("body, cue, content", [
    ('Gunmen raided a clinic on Tuesday. The council condemned what it called "a cowardly attack on the sick."',
     "called", '"a cowardly attack on the sick."'),
    ("A strike killed a man near the border on Tuesday. The strike targeted Ali Haidar, whom it described as the "
     "commander of the unit, the army said.", "described", "the commander of the unit"),
    ('Gunmen attacked a checkpoint on Sunday. The army said it had killed four militants it described as "involved '
     'in the crime."', "described", '"involved in the crime."'),
])
def test_the_label_a_speaker_gives_in_a_relative_clause_is_a_statement(analyze, body, cue, content):
    a = analyze(body)
    assert [(s.source.text, s.content.text) for s in a.statements if s.cue.text == cue] == [("it", content)]


def test_calling_the_attack_something_stays_one_statement(analyze):
    a = analyze("Police called the attack an act of terrorism.")
    assert [s.cue.text for s in a.statements] == ["called"]


def test_a_participle_after_a_label_keeps_the_date_of_its_statement(analyze):
    a = analyze('The foreign ministry on Wednesday rejected what it called "baseless allegations", saying the country '
                'had no troops in the region.', published="2026-07-09")
    (st,) = [s for s in a.statements if s.cue.text == "saying"]
    assert st.date is not None and st.date.value == "2026-07-08"


def test_a_label_that_names_a_state_as_the_attacker_accuses_it(analyze):
    a = analyze("A drone struck a container terminal at the port of Kotka late on Monday, killing a crane operator, "
                "police said, in what the government called a deliberate Russian attack on NATO territory.")
    (st,) = [s for s in a.statements if s.cue.text == "called"]
    assert st.type == "accusation" and st.target is not None and st.target.text == "Russian"
