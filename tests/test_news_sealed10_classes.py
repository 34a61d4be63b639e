"""Classes read on reports_sealed10 (after its one run), each on sentences written for the test."""

from __future__ import annotations

import pytest

from rashomon.extract.places import find_places


@pytest.fixture(scope="module")
def nlp():
    from rashomon.nlp.model import load_nlp

    return load_nlp()


def _places(nlp, text: str) -> dict[str, tuple]:
    return {p.span.text: (p.city, p.region, p.country) for p in find_places(nlp(text))}


def _story(analyze, body: str):
    return [e for e in analyze(body).events if not e.background]


def test_a_town_runs_on_over_the_words_that_make_its_known_name(nlp):
    places = _places(nlp, "The injured officer died in hospital in Katima Mulilo late on Tuesday, police said.")
    assert places.get("Katima Mulilo", (None,))[0] == "Katima Mulilo"
    assert "Katima" not in places


@pytest.mark.parametrize("text, name, area", [
    ("Four prisoners escaped from Naboro prison in 2012.", "Naboro", False),  # the town's prison
    ("Fighters shelled a Kordofan camp on Monday.", "Kordofan", True),  # a camp named after its region
    ("Worshippers gathered at the Imam Sadiq mosque on Friday.", "Imam Sadiq", True),  # the building's own name
])
def test_an_unlisted_name_before_a_prison_names_a_town(nlp, text, name, area):
    from rashomon.extract.places import _modifies_noun
    from rashomon.models import Span

    start = text.index(name)
    assert _modifies_noun(nlp(text), Span.of(text, start, start + len(name))) is area


def test_a_small_town_of_the_storys_own_country_beats_a_namesake_abroad(nlp):
    places = _places(nlp, "Hostage siege on Príncipe\n\nSÃO TOMÉ (Lusa) - Gunmen stormed a hotel in Santo António, "
                          "on the island of Príncipe, on Thursday, holding 30 Portuguese tourists.")
    assert places["Santo António"][2] == "ST"


def test_a_place_near_a_known_town_is_in_its_country_when_every_namesake_is_far_away(nlp):
    places = _places(nlp, "New Caledonia has seen unrest since May. Several churches were burned, including one in "
                          "Saint-Louis, near Nouméa, in July, after riots in France.")
    assert places["Saint-Louis"][2] == "NC"
    far = _places(nlp, "Riots spread from Paris to Saint-Louis, near Mulhouse, on Friday.")
    assert far["Saint-Louis"][2] == "FR"  # a namesake close to the town named stays


def test_this_town_points_the_headline_incident_at_the_dateline(analyze):
    a = analyze("HOUAÏLOU, New Caledonia — Arsonists burned down the church in this coastal town late on Saturday, "
                "authorities said. A man who tried to fight the fire was taken to the hospital in Poindimié.")
    (ev,) = _story(lambda b: a, "")
    assert ev.place is not None and ev.place.city.lower() == "houaïlou"


def test_an_undated_mention_in_the_incidents_town_is_that_incident(analyze):
    a = analyze("9:40 p.m. Police say three people were killed in the shooting in Ponce this evening.\n\n"
                "8:35 p.m. We are receiving reports of gunfire in downtown Ponce.\n\n"
                "The shooting recalls the attack in October 2017, when a gunman in Las Vegas killed 60 people.")
    story = _story(lambda b: a, "")
    assert len(story) == 1 and story[0].place.city == "Ponce"
    older = [e for e in a.events if e.background]
    assert [e.place.city for e in older] == ["Las Vegas"]


def test_a_road_through_a_town_places_an_ambush_in_caseless_text(pipeline):
    from rashomon.models import Document

    text = ("school bus ambushed, town hall burned\n\nby a writer\njune 4, 2025\n\n"
            "a gang ambushed a school bus on the main road through koungou, in the north of mayotte, yesterday "
            "morning. late yesterday evening, hooded men set fire to the town hall in tsingoni.")
    a = pipeline.analyze(Document(id="t", text=text, published="2025-06-04"))
    places = sorted((e.type, e.place.city.lower()) for e in a.events
                    if not e.background and e.place and e.place.city)
    assert places == [("armed_assault", "koungou"), ("arson", "tsingoni")]


@pytest.mark.parametrize("body, day", [
    # an undated story takes the first day its lead names
    ("Two people have been killed and seven injured in a knife attack on a passenger train near the town of Celje, "
     "police have said.\n\nThe attacker, a 27-year-old man, was overpowered by passengers before the train pulled "
     "into Celje station on Friday evening, according to police.", "2025-05-30"),
    # ... not the day of a charge
    ("A man was charged on Tuesday with murder after he drove a car into shoppers on a busy street in Ghent, killing "
     "a woman, prosecutors said.\n\nThe man drove a rented van at speed along the pedestrian street at about 5.40 "
     "p.m. on Monday, hitting people before crashing into a shelter, the prosecutor's office said in a statement.",
     "2025-06-02"),
    # a dateline's date is the filing day, not the incident's
    ("MOMBASA, 4 June (AFP) – A security guard was killed in the siege of a hotel, police said.\n\n"
     "The siege ended on Monday afternoon with the intervention of special forces.", "2025-06-02"),
])
def test_the_story_day(analyze, body, day):
    (ev,) = _story(lambda b: analyze(body), "")
    assert ev.date is not None and ev.date.value == day


def test_the_date_inside_an_after_clause_is_the_earlier_attacks(analyze):
    a = analyze("A man stabbed two passengers on a train near Celje on Monday, police said. The attack came months "
                "after a man stabbed 11 people on a train near Huntingdon in England in November 2024.")
    older = [e for e in a.events if e.background]
    assert [(e.place.city, e.date.value) for e in older] == [("Huntingdon", "2024-11")]


def test_the_nationality_of_hostages_does_not_place_the_siege(analyze):
    a = analyze("Gunmen stormed a hotel on the island on Monday and held 40 people hostage, among them 11 foreign "
                "tourists, seven of whom of Portuguese nationality, police said.")
    (ev,) = _story(lambda b: a, "")
    assert ev.place is None or ev.place.country != "PT"


def _perp_status(event) -> dict[str, str | None]:
    return {a.span.text: a.responsibility for a in event.arguments if a.role.startswith("perpetrator")}


def test_blame_for_a_failure_names_no_perpetrator_nor_its_rejection_a_denier(analyze):
    a = analyze("A man stabbed two passengers on a train near Celje on Friday, police said. The leader of the "
                "opposition accused the government of leaving trains without a single police officer, a charge the "
                "ministry rejected.")
    (ev,) = _story(lambda b: a, "")
    status = _perp_status(ev)
    assert "the government" not in status and "the ministry" not in status


def test_blame_for_backing_the_attackers_still_accuses(analyze):
    a = analyze("Gunmen killed 12 soldiers at an army post near Tillaberi on Tuesday. The defence minister accused "
                "foreign sponsors of providing the jihadists with drones.")
    (ev,) = _story(lambda b: a, "")
    assert _perp_status(ev).get("foreign sponsors") == "accused"


@pytest.mark.parametrize("sentence", [
    "Police dismissed claims circulating online that the attacker was an asylum seeker as false.",
    "Police said they had found no link between the driver and any extremist group.",
])
def test_police_rejecting_rumours_about_the_attacker_are_no_party(analyze, sentence):
    a = analyze("A man drove a car into a Christmas market in the town of Esch-sur-Alzette on Thursday evening, "
                "killing a woman, police said. " + sentence)
    (ev,) = _story(lambda b: a, "")
    assert not any(w.lower().startswith("police") for w in _perp_status(ev))


def test_the_person_police_identified_him_as_is_the_attacker(analyze):
    a = analyze("A man drove a car into a Christmas market in the town of Esch-sur-Alzette on Thursday evening, "
                "killing a woman. The driver was detained at the scene. On Friday police identified him as Marc S., "
                "a 38-year-old French citizen.")
    (ev,) = _story(lambda b: a, "")
    assert "Marc S." in _perp_status(ev)


def test_what_police_believe_a_gang_organised_makes_it_a_suspect(analyze):
    a = analyze("Fourteen inmates escaped from the prison in Lautoka early on Sunday after guards were overpowered, "
                "killing two officers. The police commissioner said police believed the breakout had been organised "
                "by a drug syndicate whose leader, Josefa Nakau, was among the men still at large.")
    (ev,) = _story(lambda b: a, "")
    assert _perp_status(ev).get("a drug syndicate") == "suspected"


def _figures(event) -> set[tuple[str, int]]:
    return {(f.kind, f.value) for f in event.figures}


def test_a_copular_list_of_hostages_splits_into_groups(analyze):
    a = analyze("Suspected pirates hijacked a fishing vessel north of Praslin on Saturday and are holding its 14 crew "
                "members hostage. The hostages are nine Seychellois and five Sri Lankans, the owner said.")
    (ev,) = _story(lambda b: a, "")
    assert {("kidnapped", 14), ("kidnapped", 9), ("kidnapped", 5)} <= _figures(ev)


def test_recaptured_escapees_are_arrested(analyze):
    a = analyze("Gunmen stormed the prison in Lautoka on Sunday, killing two guards, and 14 inmates escaped. Police "
                "said nine of the escapees had been recaptured by Monday night.")
    (ev,) = _story(lambda b: a, "")
    assert ("arrested", 9) in _figures(ev)


def _types(a) -> dict[str, str]:
    return {st.cue.text: st.type for st in a.statements}


def test_rejecting_any_connection_denies_and_considering_it_baseless_dismisses(analyze):
    a = analyze("Gunmen stormed a hotel in Santo Antonio on Thursday, killing a guard. The Prime Minister accused the "
                "opposition MRD of financing the group. The MRD rejected \"categorically\" any connection with the "
                "assailants, considering the accusations \"irresponsible, dangerous and without any proof\".")
    types = _types(a)
    assert types["rejected"] == "denial" and types["considering"] == "dismissal"


def test_being_out_of_danger_is_no_warning(analyze):
    a = analyze("Gunmen stormed a hotel in Santo Antonio on Thursday, killing a guard. The director of the hospital "
                "told reporters that it had received six injured hostages and that all the others were \"out of "
                "danger\".")
    assert _types(a)["told"] != "warning"


def test_one_person_still_missing_and_the_dead_named_one_by_one(analyze):
    a = analyze("A drone struck a shipyard in Kirkenes on Monday night, killing two workers. A third worker was still "
                "missing on Tuesday afternoon. Police said the dead men were a 44-year-old welder from Kirkenes and a "
                "Lithuanian mechanic in his thirties.")
    (ev,) = _story(lambda b: a, "")
    singles = sorted((f.kind, f.span.text) for f in ev.figures if f.value == 1)
    assert singles == [("killed", "a 44-year-old welder"), ("killed", "a Lithuanian mechanic"),
                       ("missing", "A third worker")]


def test_a_copula_without_a_casualty_subject_counts_nobody(analyze):
    a = analyze("A drone struck a shipyard in Kirkenes on Monday night, killing two workers. The shipyard's owner is "
                "a local businessman, and the manager was a former sailor.")
    (ev,) = _story(lambda b: a, "")
    assert {(f.kind, f.value) for f in ev.figures} == {("killed", 2)}


@pytest.mark.parametrize("sentence, party, status", [
    ("Two people familiar with the inquiry said investigators believe the attack was ordered by a fuel-smuggling "
     "network that had fallen out with him.", "a fuel-smuggling network", "suspected"),
    ("The interior minister said the attack had been carried out by a drug cartel.", "a drug cartel", "accused"),
])
def test_a_network_described_by_its_crime_is_a_party(analyze, sentence, party, status):
    a = analyze("A car bomb exploded at a market in Marsaxlokk on Sunday, killing a fuel trader. " + sentence)
    (ev,) = _story(lambda b: a, "")
    assert _perp_status(ev).get(party) == status


def test_a_network_without_a_crime_is_no_party(analyze):
    a = analyze("A car bomb exploded at a market in Marsaxlokk on Sunday, killing a fuel trader. The minister said "
                "the attack had been filmed by a television network.")
    (ev,) = _story(lambda b: a, "")
    assert "a television network" not in _perp_status(ev)


@pytest.mark.parametrize("sentence, party", [
    ("A group calling itself the Kanak Youth Resistance Collective claimed the shooting in a message posted on "
     "Facebook late on Sunday.", "the Kanak Youth Resistance Collective"),
    ("In a video posted on Facebook on Thursday night, Adilson Menezes claimed the action in the name of a "
     "\"Patriotic Movement of 25 November\".", "Patriotic Movement of 25 November"),
])
def test_the_claimant_is_the_name_a_group_gives_itself_or_claims_for(analyze, sentence, party):
    a = analyze("Gunmen fired on gendarmes near Poindimie on Sunday afternoon, wounding two. " + sentence)
    (ev,) = _story(lambda b: a, "")
    assert _perp_status(ev).get(party) == "claimed"


def test_where_a_quote_was_said_does_not_place_the_attack_it_tells(analyze):
    a = analyze("A drone struck a shipyard in Kirkenes on Monday night, killing two workers. The defence minister "
                "said fragments showed the aircraft was a Russian-made attack drone launched from Russian territory. "
                "\"This was not an accident. Russia has struck a Norwegian town and killed Norwegian citizens,\" she "
                "told reporters in Oslo.")
    story = _story(lambda b: a, "")
    assert [e.place.city for e in story] == ["Kirkenes"]


def test_an_event_that_recalls_another_still_places_it(analyze):
    a = analyze("Crowds set fire to shops in Auki on Saturday. The violence recalled the riots of November 2021 in "
                "Honiara, when crowds burned much of the business district.")
    older = [e for e in a.events if e.background]
    assert [e.place.city for e in older] == ["Honiara"]
