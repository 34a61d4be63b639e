"""Classes of error worked on in session 13, each on sentences written for the test."""

from __future__ import annotations

from rashomon.models import Document


def _story(a):
    return [e for e in a.events if not e.background]


def _perps(ev) -> set[str]:
    return {a.span.text for a in ev.arguments if a.role.startswith("perpetrator")}


def test_a_headline_clause_announcing_a_second_attack_does_not_type_the_first(pipeline):
    text = ("Bank robbed in Tarija, soldiers ambushed in second attack\n\nBy A Writer\nMay 2, 2025\n\n"
            "Armed men robbed a bank in the city of Tarija on Thursday and escaped with about $40,000, police "
            "said.\n\nOn Friday, gunmen ambushed an army patrol near the town of Bermejo, wounding three "
            "soldiers, the army said.")
    a = pipeline.analyze(Document(id="t", text=text, published="2025-05-02"))
    first, second = _story(a)
    assert first.type == "robbery" and first.types == ["robbery"]
    assert second.type == "armed_assault" and second.date.value == "2025-05-02"


def test_an_attack_told_hours_later_on_a_new_target_is_another_incident(analyze):
    a = analyze("Gunmen shot dead two shopkeepers in the town of Gao on Tuesday, residents said.\n\n"
                "Hours later, a convoy of trucks was attacked on the road to Ansongo. Three drivers were killed, "
                "the transport union said.")
    first, second = _story(a)
    assert first.date.value == second.date.value == "2025-06-03"
    assert second.trigger.text == "attacked"
    assert {(f.kind, f.value) for f in second.figures} == {("killed", 3)}


def test_the_same_target_told_hours_later_stays_one_incident(analyze):
    a = analyze("Gunmen stormed a hotel in the town of Gao on Tuesday, residents said.\n\n"
                "Hours later, the attackers set fire to the hotel before fleeing.")
    assert len(_story(a)) == 1


def test_blaming_a_party_as_the_object_makes_it_accused(analyze):
    a = analyze("A bomb exploded at a bus station in the town of Mubi on Sunday, killing four people. The "
                "governor blamed jihadists linked to the Islamic State group, which has attacked the town before.")
    (ev,) = _story(a)
    assert any("jihadists" in p for p in _perps(ev))
    assert all(a.responsibility == "accused" for a in ev.arguments if "jihadists" in a.span.text)


def test_blame_after_a_sentence_about_either_attack_reaches_both(analyze):
    a = analyze("A bomb exploded at a bus station in the town of Mubi on Sunday, killing four people.\n\n"
                "On Monday, gunmen attacked a police post in the town of Madagali, killing two officers.\n\n"
                "No group has claimed either attack. The governor blamed the Boko Haram group.")
    first, second = _story(a)
    assert any("Boko Haram" in p for p in _perps(first)) and any("Boko Haram" in p for p in _perps(second))


def test_a_source_that_names_no_party_makes_no_statement(analyze):
    a = analyze("A bomb exploded at a bus station in the town of Mubi on Sunday, killing four people. No group "
                "has claimed the bombing, and nobody has said who planted the device.")
    assert not [s for s in a.statements if s.source is not None and s.source.text.lower() in ("no group", "nobody")]


# --- classes read on reports_sealed12 (after its one run) ---------------------------------------------------


def _doc(pipeline, headline: str, body: str, published: str = "2025-06-04", byline: str = "A Writer"):
    text = f"{headline}\n\nBy {byline}\nJune 4, 2025\n\n{body}"
    return pipeline.analyze(Document(id="t", text=text, published=published))


def test_the_weapon_naming_an_attack_types_it(analyze):
    a = analyze("A grenade attack on a nightclub in the town of Kandy on Saturday wounded nine people, police said.")
    (ev,) = _story(a)
    assert ev.type == "bombing"
    b = analyze("Militants fired a volley of rockets at an army camp near the town of Kupwara on Sunday, wounding two "
                "soldiers. The rocket attack was the first in the district this year.")
    (ev,) = _story(b)
    assert ev.type == "shelling"


def test_the_reporter_of_the_byline_is_no_victim(pipeline):
    a = _doc(pipeline, "Bus attacked near Garissa", "Gunmen opened fire on a bus near the town of Garissa on Monday, "
             "killing a man and wounding his son, police said.", byline="Omar Hassan Man")
    assert not any(arg.span.text.endswith("Hassan Man") for ev in a.events for arg in ev.arguments)


def test_a_group_told_by_its_name_and_then_which_said_claims(analyze):
    a = analyze("Gunmen shot dead a police officer in the town of Tapachula on Friday. A video released on Saturday "
                "showed two hooded men reading a statement in the name of the Southern Liberation Army (SLA), which "
                "said it had carried out the attack.")
    (ev,) = _story(a)
    assert any(arg.responsibility == "claimed" and "Southern Liberation Army" in arg.span.text for arg in ev.arguments)
    (st,) = [s for s in a.statements if s.source is not None and s.source.text == "which"]
    assert st.speaker == "Southern Liberation Army"


def test_the_sender_of_a_statement_to_a_newspaper_is_its_source(analyze):
    a = analyze("A bomb damaged a court house in the town of Bastia on Sunday. A few hours later, on Sunday evening, a "
                "group called Ghjustizia Corsa had sent a statement to the radio station RCFM saying its \"fighters\" "
                "had carried out the attack.")
    (st,) = [s for s in a.statements if s.cue.text == "saying"]
    assert st.source.text.endswith("Ghjustizia Corsa")
    (ev,) = _story(a)
    assert any(arg.responsibility == "claimed" and "Ghjustizia Corsa" in arg.span.text for arg in ev.arguments)


def test_a_group_dismissing_a_rival_claim_does_not_deny_its_part(analyze):
    a = analyze("A bomb damaged a court house in the town of Bastia on Sunday. The Corsican Front said it had planted "
                "the device. In its message, the Corsican Front dismissed the rival claim as \"the work of liars\".")
    (ev,) = _story(a)
    assert not any(arg.responsibility == "denied" for arg in ev.arguments)


def test_a_she_after_a_group_named_like_a_person_is_the_person(analyze):
    a = analyze("A bomb damaged a court house in the town of Bastia on Sunday. A group called Lyannaj Kò Mawon said "
                "it planted the device. Marie Costa, a historian, said the claim was doubtful. Lyannaj Kò Mawon, by "
                "contrast, had put out angry statements since 2024 but had never used explosives. \"It is possible "
                "that they did not do it,\" she said.")
    assert all(s.speaker == "Marie Costa" for s in a.statements if s.source is not None and s.source.text == "she")


def test_businesses_left_looted_by_unrest_are_no_robbery(analyze):
    a = analyze("Gunmen shot dead two shopkeepers in the town of Gao on Tuesday. The riots that erupted in March over "
                "fuel prices left four people dead and dozens of shops looted.")
    assert not any(ev.type == "robbery" for ev in a.events)


def test_one_of_a_string_of_bombings_is_a_bombing(analyze):
    a = analyze("Gunmen shot dead two shopkeepers in the town of Gao on Tuesday. In the 1990s, the group carried out "
                "a wave of bombings in the region, including one in June 1996 that wounded five people at a market.")
    (old,) = [e for e in a.events if e.background]
    assert old.type == "bombing" and old.date.value == "1996-06"


def test_a_town_of_a_territory_named_only_through_its_state_keeps_the_territory(analyze):
    a = analyze("Gunmen shot dead a shopkeeper in Faa'a on Monday, the French High Commission said. A second man was "
                "wounded in Uturoa, on the island of Raiatea, the French interior ministry said.")
    places = {e.place.country for e in a.events if e.place}
    assert places == {"PF"}


def test_a_day_of_last_year_is_one_date_and_dates_the_incident(analyze):
    a = analyze("Residents gathered on Tuesday to remember the victims of last year's market bombing. The bombing, on "
                "March 3 last year, killed nine people in the town of Kasese. No group ever claimed the attack.",
                published="2025-06-04")
    (old,) = a.events
    assert old.date.value == "2024-03-03" and old.date.span.text == "March 3 last year"


def test_the_date_of_a_claim_or_an_arrest_splits_no_incident(analyze):
    a = analyze("A bomb exploded outside a police station in the town of Kasese on Monday, wounding three officers.\n\n"
                "A group calling itself the Rwenzori Front claimed responsibility for the Kasese bombing in an email "
                "sent to a radio station on Tuesday morning.\n\n"
                "Two men were arrested on Wednesday but released without charge, and no group has claimed the "
                "earlier attack in the town.")
    assert len(_story(a)) == 1


def test_a_house_burned_hours_before_a_trial_opened_is_the_news(analyze):
    a = analyze("Two men pleaded not guilty in the High Court in the town of Lira on Monday to the murder of a "
                "journalist, hours after the house of a key witness was burned down.\n\nThe journalist was shot dead "
                "in the town of Gulu on March 2 last year. Police arrested three men in the following weeks; two of "
                "them were charged with murder.", published="2025-06-04")
    (news,) = _story(a)
    assert news.type == "arson" and news.date.value == "2025-06-02"
    (old,) = [e for e in a.events if e.background]
    assert old.date.value == "2024-03-02"
    assert {(f.kind, f.value) for f in old.figures} >= {("arrested", 3), ("charged", 2)}


def test_a_claimed_fire_is_an_arson_dated_by_its_own_clause(analyze):
    a = analyze("A fire that gutted a timber yard in the town of Tromso early on Sunday was claimed on Monday by an "
                "environmental group, police said.")
    (ev,) = _story(a)
    assert ev.type == "arson" and ev.date.value == "2025-06-01"


def test_a_fire_claimed_years_ago_is_a_background_arson(analyze):
    a = analyze("Gunmen shot dead a guard at a fish farm in the town of Alta on Sunday. In May 2019, a fire that "
                "destroyed a hatchery near Bodo was also claimed by the same group.")
    (old,) = [e for e in a.events if e.background]
    assert old.type == "arson" and old.date.value == "2019-05"


def test_dismissing_a_groups_claims_denies_nothing(analyze):
    a = analyze("A fire destroyed a fish farm in the town of Alta on Sunday. An animal-rights group said it had set "
                "the fire. The company's chief executive dismissed the group's claims of cruelty as \"nonsense\".")
    assert not any(arg.responsibility == "denied" for ev in a.events for arg in ev.arguments)


def test_marches_are_not_counted_people(analyze):
    a = analyze("Rioters set fire to a police post in the town of Auki on Saturday. \"We have held three peaceful "
                "marches and never told anyone to burn anything,\" the group's leader said.")
    assert all(f.value != 3 for ev in a.events for f in ev.figures)


def test_a_month_some_years_ago_is_one_date():
    from rashomon.extract.timex import tag_timexes

    assert [(t.span.text, t.value) for t in tag_timexes("In March three years ago, a store burned.", "2026-10-05")] \
        == [("March three years ago", "2023-03")]


def test_what_burned_during_riots_is_no_incident(analyze):
    a = analyze("Gunmen shot dead a shopkeeper in the town of Auki on Saturday. Much of the market was burned during "
                "the riots of 2019.")
    assert len(a.events) == 1


def test_memories_of_a_month_do_not_date_the_attack_and_the_when_clause_does(analyze):
    a = analyze("A man drove a van into a crowd in the town of Le Port on Sunday, killing two people.\n\n"
                "The attack revived memories of August 2017 in Barcelona, in Spain, when a man drove a van into "
                "crowds celebrating the summer on Las Ramblas, killing 13 people. The Islamic State group claimed "
                "that attack.")
    (news,) = _story(a)
    assert news.date.value == "2025-06-01"
    (old,) = [e for e in a.events if e.background]
    assert old.date.value == "2017-08" and old.place.city == "Barcelona"
    assert any(arg.responsibility == "claimed" for arg in old.arguments)
    assert not any(arg.responsibility == "claimed" for arg in news.arguments)


def test_a_table_line_gives_each_number_its_label(analyze):
    a = analyze("A man with a knife attacked people outside a bar in the town of Ilulissat late on Saturday, police "
                "said.\n\nThe toll, according to police:\n\nDead: 3 | Injured: 4 | Arrested: 2")
    (ev,) = _story(a)
    assert {("killed", 3), ("wounded", 4), ("arrested", 2)} <= {(f.kind, f.value) for f in ev.figures}


def test_stab_wounds_tell_no_incident_and_counts_are_no_charged_people(analyze):
    a = analyze("A man with a knife attacked people outside a bar in the town of Ilulissat late on Saturday. A nurse "
                "said four people had been treated for stab wounds in Nuuk on Sunday. The man was charged with two "
                "counts of murder and three of attempted murder.")
    assert len(a.events) == 1
    assert not any(f.kind == "charged" and f.value == 3 for f in a.events[0].figures)


def test_an_older_attack_of_a_similar_kind_keeps_its_own_place(analyze):
    a = analyze("A man with a knife attacked people outside a bar in the town of Ilulissat late on Saturday. The last "
                "attack of a similar kind was in May 2021, when a gunman killed two people at a shopping centre in "
                "Aarhus.")
    (old,) = [e for e in a.events if e.background]
    assert old.place is not None and old.place.city == "Aarhus"


def test_an_incident_that_recalls_an_older_one_keeps_its_own_day(analyze):
    a = analyze("Police have issued a detailed account of an armed robbery at a jeweller's shop in the town of Seria "
                "on Saturday afternoon, in which a guard was shot.\n\nThe robbery recalled an attack in Tutong in "
                "2018, when three men raided a bank and shot dead a cashier.")
    (news,) = _story(a)
    assert news.date.value == "2025-05-31"
    (old,) = [e for e in a.events if e.background]
    assert old.date.value == "2018"


def test_a_tanker_seized_is_a_hijacking_and_police_seizing_a_car_is_not(analyze):
    a = analyze("Gunmen robbed a bank in the town of Gouyave on Saturday. It was the second such attack since May "
                "2023, when a fuel tanker was seized near Sauteurs and its driver held for a day.")
    assert [e.type for e in a.events if e.background] == ["hijacking"]
    b = analyze("Gunmen robbed a bank in the town of Gouyave on Saturday. Police seized a car near the bank.")
    assert not any(e.type == "hijacking" for e in b.events)


def test_men_who_board_a_ship_and_steal_rob_it_and_stolen_goods_are_no_robbery(analyze):
    a = analyze("Pirates hijacked a tanker off the island of Batam on Sunday.\n\nIn a second incident, four men "
                "boarded a cargo ship anchored off Karimun early on Monday and stole engine parts before escaping, "
                "police said. Police also found stolen fuel in a warehouse.")
    assert [e.type for e in _story(a)] == ["hijacking", "robbery"]


def test_a_company_denying_an_accusation_of_a_failure_is_no_perpetrator(analyze):
    a = analyze("Gunmen hijacked a fuel truck near the town of Grenville on Monday. The drivers' union accused the "
                "fuel distributor, Island Petroleum, of ignoring requests for escorts. \"We warned them,\" the union's "
                "president said. The company denied the accusation.")
    (ev,) = _story(a)
    assert not any(arg.responsibility == "denied" for arg in ev.arguments)
    assert any(s.speaker == "drivers' union" or s.speaker and "union" in s.speaker for s in a.statements)


def test_a_cited_source_says_what_the_outlet_reports(analyze):
    a = analyze("A man with a knife attacked people outside a bar in the town of Ilulissat late on Saturday. The "
                "broadcaster KNR, citing a nurse at the town hospital, reported that six people had been treated.")
    (st,) = [s for s in a.statements if s.cue.text == "citing"]
    assert st.source.text == "a nurse at the town hospital"
    assert st.content.text == "that six people had been treated"
    assert [c.text for c in st.chain] == ["The broadcaster KNR"]


def test_it_was_confirmed_by_the_agent(analyze):
    a = analyze("Two men were abducted from a store in the town of Salelologa late on Saturday, it was confirmed by "
                "police on Monday. Shops were not being targeted, it was insisted by the commissioner.")
    assert {s.source.text for s in a.statements if s.source is not None} >= {"police", "the commissioner"}


def test_a_name_from_an_all_caps_headline_takes_the_bodys_case(pipeline):
    a = _doc(pipeline, "TWO DEAD IN KNIFE ATTACK AS ICELAND POLICE CHARGE MAN",
             "A man with a knife attacked people outside a bar in the town of Akureyri late on Saturday, Iceland Police "
             "said.")
    assert any(s.speaker == "Iceland Police" for s in a.statements)


def test_who_died_counts_whatever_the_noun_and_with_its_conjuncts(analyze):
    a = analyze("A grenade exploded in a gaming room in the town of Taipa on Saturday. The health bureau said on Sunday "
                "that a croupier and a gambler from Guangdong had died.")
    (ev,) = _story(a)
    assert [(f.kind, f.value, f.span.text) for f in ev.figures if f.kind == "killed"] == [
        ("killed", 1, "a croupier"), ("killed", 1, "a gambler")]


def test_bare_numbers_going_on_a_partitive_list_count_the_same_kind():
    from rashomon.extract.figures import extract_figures
    from rashomon.nlp.model import load_nlp

    doc = load_nlp()("Nine of the wounded were pilgrims from Kerala, three were local traders and one came from "
                     "Nepal, the hospital said. Five of the dead were police officers, and two soldiers were arrested.")
    found = [(f.kind, f.value) for f in extract_figures(doc)]
    assert [k for k in found if k[0] == "wounded"] == [("wounded", 9), ("wounded", 3), ("wounded", 1)]
    assert ("arrested", 2) in found and ("killed", 2) not in found
