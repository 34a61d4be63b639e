"""Classes read on reports_sealed5 (after its one run), each on sentences written for the test."""

from __future__ import annotations


def _perps(ev):
    return [(arg.span.text, arg.responsibility) for arg in ev.arguments if arg.role.startswith("perpetrator")]


def _main(a):
    return [ev for ev in a.events if not ev.background]


def _counted_only_in_background(a, value: int) -> None:
    """The figure ``value`` belongs to an earlier (background) incident, not to the main one."""
    main = _main(a)
    assert main and not any(f.value == value for f in main[0].figures)
    assert any(f.value == value for ev in a.events if ev.background for f in ev.figures)


def test_a_bomb_dropped_by_a_warplane_is_an_air_strike(analyze):
    a = analyze("A bomb dropped by a military helicopter killed three herders near the village of Tessit "
                "on Friday, local officials said.", published="2025-03-09")
    assert a.events and a.events[0].type == "air_strike"
    b = analyze("Villagers said a bomb they said was dropped by an aircraft destroyed the clinic in Tessit "
                "on Friday.", published="2025-03-09")
    assert b.events and b.events[0].type == "air_strike"


def test_a_bomb_planted_in_a_market_stays_a_bombing(analyze):
    a = analyze("A bomb planted in a market killed three traders in the town of Gao on Friday, police said.",
                published="2025-03-09")
    assert a.events and a.events[0].type == "bombing"


def test_the_day_of_a_reaction_after_the_incident_is_not_the_incidents(analyze):
    a = analyze("Norway summoned Ruritania's ambassador on Wednesday after a rocket killed two fishermen off "
                "the coast of Vardo. The rocket struck the boat late on Monday, the coast guard said.",
                published="2025-03-06")
    main = _main(a)
    assert len(main) == 1
    assert main[0].date is not None and main[0].date.value == "2025-03-03"


def test_the_party_a_protest_is_lodged_with_is_not_the_scene(analyze):
    a = analyze("Kenya lodged a protest with Somalia after a mortar shell killed two herders in the border "
                "town of Mandera on Sunday.", published="2025-03-04")
    assert a.events and a.events[0].place is not None
    assert a.events[0].place.city == "Mandera"


def test_the_subject_of_an_infinitive_is_not_the_scene(analyze):
    a = analyze("In March 2015, a bomb dropped by a warplane killed five farmers near Laukkai, prompting "
                "Beijing to deploy fighter jets to the border.", published="2025-03-04")
    assert a.events
    assert all(ev.place is None or ev.place.city != "Beijing" for ev in a.events)


def test_a_driver_who_kills_and_a_van_attack_are_rammings(analyze):
    a = analyze("In May 2024, a driver killed eight people at a market in Lyon.", published="2025-06-04")
    assert [ev.type for ev in a.events] == ["vehicle_ramming"]
    b = analyze("It was the deadliest attack since the Stockholm truck attack of 2017.", published="2025-06-04")
    assert any(ev.type == "vehicle_ramming" and ev.place is not None and ev.place.city == "Stockholm"
               for ev in b.events)


def test_no_group_when_acting_for_any_group_is_denied(analyze):
    a = analyze("A man stabbed three people at a railway station in Graz on Sunday. Police said there was no "
                "evidence that the man was acting on behalf of any group. Charges are expected on Monday.",
                published="2025-06-04")
    ev = a.events[0]
    assert not any(role.role == "perpetrator_org" for role in ev.arguments)
    assert not any(role.role == "weapon" and "harge" in role.span.text for role in ev.arguments)


def test_explosive_charges_stay_weapons(analyze):
    a = analyze("Attackers detonated explosive charges at a power pylon near Quetta on Sunday, police said.",
                published="2025-06-04")
    assert any(role.role == "weapon" and "charges" in role.span.text for role in a.events[0].arguments)


def test_congo_reads_as_the_country_its_towns_lie_in(analyze):
    a = analyze("Gunmen attacked a bus in Congo's Bouenza department on Saturday, killing two passengers "
                "travelling from Dolisie to Brazzaville, police said.", published="2025-06-04")
    congo = [p for ev in a.events for p in [ev.place] if p is not None]
    assert congo and all(p.country == "CG" for p in congo)
    b = analyze("Rebels killed 12 villagers in eastern Congo's Ituri province on Saturday, the army said.",
                published="2025-06-04")
    assert b.events[0].place is not None and b.events[0].place.country == "CD"


def test_a_loose_time_of_day_gives_way_to_the_day_told_later(analyze):
    a = analyze("Militants killed four soldiers in an overnight attack on an army post, the military said on "
                "Tuesday.\n\nAbout 50 fighters on motorbikes stormed the post in the village of Inates late "
                "on Sunday, the statement said.", published="2025-06-04")
    main = _main(a)
    assert len(main) == 1
    assert main[0].date is not None and main[0].date.value == "2025-06-01"


def test_a_town_deep_in_the_parse_places_an_unplaced_incident(analyze):
    a = analyze("Gunmen killed six gendarmes at a post near Tougbo late on Sunday.\n\nOn Monday morning, a "
                "roadside bomb struck a truck carrying reinforcements to the post on the outskirts of Doropo, "
                "wounding three soldiers.", published="2025-06-04")
    bomb = next(ev for ev in a.events if ev.type == "bombing")
    assert bomb.place is not None and bomb.place.city == "Doropo"


def test_a_hospital_town_of_a_speaker_does_not_split_the_incident(analyze):
    a = analyze("Armed men attacked a village in Burundi's Cibitoke province on Sunday night, killing 11 "
                "people.\n\nA nurse at a hospital in Rugombo gave a higher toll, saying at least 15 people had "
                "been killed.", published="2025-06-04")
    assert len(_main(a)) == 1


def test_a_town_followed_by_another_countrys_town_is_in_that_country(analyze):
    a = analyze("Two gunmen opened fire in a bar in Paris, Texas on Saturday night, killing three men.",
                published="2025-06-04")
    place = a.events[0].place
    assert place is not None and place.country == "US"


def test_a_dateline_with_an_abbreviated_month_is_a_dateline(analyze):
    a = analyze("HANOI, Sept. 23 (Reuters) -- Gunmen killed two police officers in the town of Lang Son on "
                "Tuesday, state media said.", published="2025-09-24")
    place = a.events[0].place
    assert place is not None and place.city != "Hanoi"


def test_the_north_is_no_place(pipeline):
    from rashomon.extract.places import find_places

    doc = pipeline.nlp("Artillery shells hit a fishing village near Hue on Tuesday, killing two people. "
                       "\"The North will pay a heavy price,\" the minister said.")
    names = [p.span.text for p in find_places(doc)]
    assert "North" not in names and "Hue" in names


def test_fire_toward_an_island_places_the_shelling(analyze):
    a = analyze("More than 80 shells were fired toward Kinmen island on Tuesday, killing two marines, "
                "the military said.", published="2025-09-24")
    place = a.events[0].place
    assert place is not None and "Kinmen" in place.name


def test_a_month_before_a_find_after_an_explosion_dates_the_explosion(analyze):
    a = analyze("A drone hit a warehouse in the port of Galati early on Thursday, killing a guard.\n\n"
                "Debris has fallen here before. In May 2024, parts of a drone were found after an explosion near "
                "the village of Grindu, but nobody was hurt.", published="2026-11-06")
    main = _main(a)
    back = [ev for ev in a.events if ev.background]
    assert len(main) == 1 and main[0].date is not None and main[0].date.value == "2026-11-05"
    assert back and back[0].date.value == "2024-05" and back[0].type == "drone_strike"


def test_a_participle_clause_takes_the_date_of_its_act(analyze):
    a = analyze("In March 2018, a man set fire to a printing works in Nagoya, killing 12 people, and in "
                "October 2020 a former employee started a fire at a warehouse in Sendai that killed nine.",
                published="2025-06-04")
    got = sorted((ev.date.value, ev.place.city if ev.place else None) for ev in a.events if ev.date)
    assert got == [("2018-03", "Nagoya"), ("2020-10", "Sendai")]


def test_the_date_inside_an_after_clause_is_the_earlier_incidents(analyze):
    a = analyze("A missile hit an oil terminal in Kuwait's Shuaiba port area on Friday, killing two workers.\n\n"
                "The strike came a year after Iran fired missiles at a US base near Kuwait City in June 2025.",
                published="2026-06-13")
    back = [ev for ev in a.events if ev.background]
    assert back and back[0].date.value == "2025-06" and back[0].type == "missile_strike"


def test_a_name_a_country_owns_after_in_is_a_place(pipeline):
    from rashomon.extract.places import find_places

    doc = pipeline.nlp("A missile hit a gas plant in Qatar's Mesaieed Industrial City late on Friday.")
    places = {p.span.text: p.country for p in find_places(doc)}
    assert places.get("Mesaieed Industrial City") == "QA"


def test_a_landmark_distance_does_not_split_the_incident(analyze):
    a = analyze("A missile hit a gas plant in Qatar's Mesaieed Industrial City late on Friday, killing three "
                "workers.\n\nThe missile struck a storage yard at the plant, about 40 km south of Doha, shortly "
                "before midnight, the ministry said.", published="2026-06-13")
    assert len(_main(a)) == 1


def test_the_neighbour_across_the_border_is_no_scene(analyze):
    a = analyze("rebels kidnapped four road workers on sunday in angola's cabinda enclave, close to the border "
                "with the republic of congo.", published="2026-11-10")
    assert a.events and a.events[0].place is not None and a.events[0].place.country == "AO"


def test_the_hague_keeps_its_article(pipeline):
    from rashomon.extract.places import find_places

    doc = pipeline.nlp("An explosion at a block of flats in The Hague killed six people.")
    assert any(p.city == "The Hague" for p in find_places(doc))


def test_a_second_blast_in_a_coordinated_clause_has_its_own_town(analyze):
    a = analyze("A man was hurt when an explosive device wrecked a bakery in the centre of Utrecht early on "
                "Tuesday, and a second blast damaged a bar in nearby Zeist an hour later, police said.",
                published="2026-03-04")
    towns = sorted(ev.place.city for ev in a.events if ev.place and ev.place.city)
    assert towns == ["Utrecht", "Zeist"]


def test_the_owning_country_places_an_unknown_name(pipeline):
    from rashomon.extract.places import find_places

    doc = pipeline.nlp("Kuwait said on Saturday that a missile had hit a gas plant in Qatar's Mesaieed Industrial "
                       "City. Kuwait condemned the strike.")
    places = {p.span.text: p.country for p in find_places(doc)}
    assert places.get("Mesaieed Industrial City") == "QA"


def test_attackers_said_to_be_a_groups_fighters_accuse_it(analyze):
    a = analyze("Gunmen killed four guards at a mine near Kayes on Sunday. An army officer told reporters the "
                "attackers were fighters of the Macina Liberation Front.", published="2025-06-04")
    st = next(s for s in a.statements if "fighters of" in s.content.text)
    assert st.type == "accusation"
    assert any("Macina Liberation Front" in text for text, _ in _perps(a.events[0]))


def test_suspected_members_make_the_group_suspected(analyze):
    a = analyze("Pirates hijacked a fuel barge on the Niger River near Onitsha on Monday. Police said the "
                "hijackers were suspected members of a smuggling ring known as the Delta Boys.",
                published="2025-06-04")
    st = next(s for s in a.statements if "suspected members" in s.content.text)
    assert st.type == "accusation"
    perps = _perps(a.events[0])
    assert any("Delta Boys" in text and resp == "suspected" for text, resp in perps)
    assert not any("Delta Boys" in text and resp == "accused" for text, resp in perps)


def test_acting_on_orders_from_a_service_accuses_it(analyze):
    a = analyze("Two men set fire to a depot in Klaipeda on Friday. Prosecutors said on Monday they had acted "
                "on orders from a foreign intelligence service.", published="2025-06-04")
    st = next(s for s in a.statements if "orders from" in s.content.text)
    assert st.type == "accusation"


def test_another_spelling_of_a_known_city_is_found_and_kept_as_written(pipeline):
    from rashomon.extract.places import find_places

    doc = pipeline.nlp("An air strike hit a house in Khan Younis on Monday, and shells hit a market in Wad Madani.")
    places = {p.span.text: (p.city, p.country) for p in find_places(doc)}
    assert places.get("Khan Younis") == ("Khan Younis", "PS")
    assert places.get("Wad Madani") == ("Wad Madani", "SD")


def test_an_alternate_spelling_needs_to_be_close_to_the_name():
    from rashomon.extract.places import _alternate_keys

    keys = _alternate_keys("Khān Yūnis", ["Khan Younis", "Yunus", "Hanut Yona", "KYS", "khan ywns"])
    assert keys == {"khan younis"}


def test_a_place_in_the_subject_of_a_passive_claim_is_the_incidents(analyze):
    a = analyze("The bombing of a checkpoint in Quetta, which killed four policemen, was carried out by the "
                "Balochistan Liberation Army, officials said.", published="2025-06-04")
    assert a.events[0].place is not None and a.events[0].place.city == "Quetta"


def test_bodies_found_tell_a_killing(analyze):
    a = analyze("The bodies of 11 people were found in a ditch outside Culiacan on Saturday, prosecutors said.",
                published="2025-06-04")
    main = _main(a)
    assert len(main) == 1
    assert any(f.kind == "killed" and f.value == 11 for f in main[0].figures)
    b = analyze("Police found the body of a man in a car park in Leeds on Saturday.", published="2025-06-04")
    assert not b.events  # one body, uncounted: not a counted killing


def test_gunmen_told_by_a_source_accuse_nobody(analyze):
    # (after a byline the tagger may call a capitalised "Gunmen" a place)
    a = analyze("Gunmen killed six people in Zaria on Monday, local media reported.", published="2025-06-04")
    assert all(st.type != "accusation" for st in a.statements)
    assert not any(arg.responsibility == "accused" for ev in a.events for arg in ev.arguments)


def test_innocent_people_deny_nothing_and_bearing_responsibility_accuses(analyze):
    a = analyze("Gunmen killed four men in a bar in Arima on Saturday. \"This was a targeted hit, and innocent "
                "people paid the price,\" Superintendent Ian Walcott told reporters.", published="2025-06-04")
    st = next(s for s in a.statements if "targeted hit" in s.content.text)
    assert st.type != "denial"
    b = analyze("A drone hit a warehouse in Galati on Thursday, killing a guard. \"Russia bears full "
                "responsibility for this death,\" Defence Minister Ion Popa told reporters.", published="2025-06-06")
    st = next(s for s in b.statements if "responsibility" in s.content.text)
    assert st.type == "accusation"


# --- classes read on a second set of blind probe paragraphs (session 7) --------------------------------


def test_an_anniversary_recalls_an_earlier_incident(analyze):
    a = analyze("Residents on Wednesday marked the fifth anniversary of the attack on the Kukawa market, in which "
                "62 people were killed.", published="2025-06-04")
    assert a.events and all(ev.background for ev in a.events)


def test_a_figure_goes_to_the_trigger_that_governs_it(analyze):
    a = analyze("Gunmen killed five people in Oyo on Tuesday. It was the second attack on the town in a month, "
                "after seven traders were killed there on April 1.", published="2025-06-04")
    _counted_only_in_background(a, 7)


def test_an_acronym_subject_of_an_attack_is_the_attacker(analyze):
    a = analyze("The TNLA ambushed an army convoy near Lashio on Friday, killing six soldiers.", published="2025-06-04")
    assert any("TNLA" in text for text, _ in _perps(a.events[0]))


def test_a_groups_fighters_a_leaders_men_and_a_linked_cell_name_the_party(analyze):
    a = analyze("The Amhara militia's fighters attacked a prison in Gondar on Thursday, killing four guards.",
                published="2025-06-04")
    assert any("Amhara militia" in text for text, _ in _perps(a.events[0]))
    assert a.events[0].place is not None and a.events[0].place.city == "Gondar"
    b = analyze("Militiamen led by Kasereka Muhindo attacked a police post in Butembo on Tuesday, killing two "
                "officers.", published="2025-06-04")
    assert any("Kasereka Muhindo" in text for text, _ in _perps(b.events[0]))
    c = analyze("A cell linked to Ansar al-Furqan attacked a checkpoint in Chabahar on Friday, killing three "
                "guards.", published="2025-06-04")
    assert any("Ansar al-Furqan" in text for text, _ in _perps(c.events[0]))


def test_taking_responsibility_is_a_claim(analyze):
    a = analyze("A car bomb exploded near a police bus in Van on Saturday, wounding 11 officers. The Free Kurdistan "
                "Brigades took responsibility in a statement on their website.", published="2025-06-04")
    assert any("Free Kurdistan Brigades" in text and resp == "claimed" for text, resp in _perps(a.events[0]))


def test_apostrophes_do_not_keep_a_town_from_its_name():
    from rashomon.extract.places import fold, lookup

    assert fold("Nek\u2019emt\u0113") == "nekemte"
    entry = lookup("Debre Markos")
    assert entry is not None and entry.country == "ET"


def test_a_date_of_the_fronted_content_is_the_incidents_not_the_statements(analyze):
    a = analyze("A shopkeeper was stabbed to death in Sfax last Friday, police said on Wednesday.",
                published="2025-06-04")
    assert a.events[0].date is not None and a.events[0].date.value == "2025-05-30"
    st = a.statements[0]
    assert st.date is not None and st.date.value == "2025-06-04"


def test_a_weapon_that_wounded_people_tells_an_incident(analyze):
    a = analyze("A grenade thrown into a crowd in Medellin on Saturday afternoon wounded eight people, police said.",
                published="2025-06-04")
    assert _main(a) and any(f.kind == "wounded" and f.value == 8 for f in _main(a)[0].figures)
    b = analyze("Eight people were wounded, police said.", published="2025-06-04")
    assert not b.events


def test_said_in_a_statement_keeps_its_subject_as_source(analyze):
    a = analyze("The Russian defence ministry said in a statement that air defences had shot down 12 drones over "
                "the Kursk region overnight.", published="2025-06-04")
    assert a.statements and a.statements[0].source is not None
    assert "defence ministry" in a.statements[0].source.text


def test_a_named_person_accused_is_an_individual(analyze):
    a = analyze("Peter Mokoena, 32, shot dead four people at a tavern in Durban on Saturday before fleeing, police said.",
                published="2025-06-04")
    roles = {arg.role for arg in a.events[0].arguments if "Peter Mokoena" in arg.span.text}
    assert roles and "perpetrator_org" not in roles


def test_a_countrys_capital_by_its_demonym(analyze):
    a = analyze("A hand grenade exploded in a cafe in the Kenyan capital on Friday, wounding five people.",
                published="2025-06-04")
    assert a.events[0].place is not None and a.events[0].place.city == "Nairobi"


def test_the_place_of_an_incidents_target(analyze):
    a = analyze("No group claimed the bombing of a gymnasium in Cotabato on Sunday.", published="2025-06-04")
    assert a.events and a.events[0].place is not None and "Cotabato" in a.events[0].place.name


def test_a_year_after_a_bombing_is_an_earlier_incident(analyze):
    a = analyze("A suicide bomber killed nine people at a market in Baidoa on Monday. The attack came a year after "
                "a bombing at the same market killed 27 people.", published="2025-06-04")
    _counted_only_in_background(a, 27)


def test_quoted_as_saying_gives_the_quoted_source_and_citing_says_nothing(analyze):
    a = analyze("The IRNA news agency quoted the provincial governor as saying that two border guards had been "
                "killed near Zahedan.", published="2025-06-04")
    st = next(s for s in a.statements if "border guards" in s.content.text)
    assert "governor" in st.source.text and st.content.text.startswith("that two border guards")
    assert st.chain and "IRNA" in st.chain[0].text
    b = analyze("Gunmen killed six people in Zaria on Monday, local media reported, citing police.",
                published="2025-06-04")
    assert not any(s.content.text == "police" for s in b.statements)


def test_an_agency_acronym_is_no_town_and_a_city_tagged_as_a_nationality_is_one(pipeline):
    from rashomon.extract.places import find_places

    doc = pipeline.nlp("Headline\n\nBy A\nJune 4, 2025\n\nState news agency SANA said rebels had shelled "
                       "residential areas of Aleppo.")
    names = {p.span.text: p.country for p in find_places(doc)}
    assert "SANA" not in names and names.get("Aleppo") == "SY"


# --- classes read on reports_sealed6 after its one run (session 7) ------------------------------------


def test_a_hyphenated_dateline_town_places_the_story(analyze):
    a = analyze("PORT-AU-PRINCE, Haiti (AP) — Armed men attacked a clinic in this city before dawn Wednesday, "
                "killing two nurses, police said. Similar gangs had raided clinics in Jacmel in recent months.",
                published="2025-06-05")
    main = _main(a)
    assert main and main[0].place is not None and main[0].place.city == "Port-au-Prince"


def test_a_demonym_on_the_border_names_the_neighbour(analyze):
    a = analyze("Artillery shells fired from across the Eritrean border hit army positions in northern Djibouti "
                "late on Sunday, killing four people, the defence ministry said.", published="2025-06-04")
    assert a.events and a.events[0].place is not None and a.events[0].place.country == "DJ"


def test_a_year_in_a_relative_clause_of_another_noun_is_not_the_incidents(analyze):
    a = analyze("The shells struck the area around Obock, near the stretch of frontier that the two countries "
                "fought over in 2008, on Sunday, the ministry said.", published="2025-06-04")
    assert all(ev.date is None or ev.date.value != "2008" for ev in a.events)


def test_nobody_of_a_side_having_fired_is_a_denial_and_rejecting_criticism_a_dismissal(analyze):
    # (session 18: rejecting a criticism or an account dismisses it, rejecting an accusation denies it, as the
    # annotation rules of tests/data/README.md say; sealed5's gold had typed this one a denial)
    a = analyze("Shells hit a camp in Obock on Sunday. Information Minister Osman Saleh said that no Eritrean "
                "unit had fired a single round. Police spokesman Ali Hassan rejected that criticism.",
                published="2025-06-04")
    st = next(s for s in a.statements if "no Eritrean unit" in s.content.text)
    assert st.type == "denial"
    st = next(s for s in a.statements if "criticism" in s.content.text)
    assert st.type == "dismissal"


def test_one_of_them_counts(analyze):
    a = analyze("Arsonists set fire to a hotel in Thurles on Sunday. Police said two men had been arrested. One of "
                "them was charged on Tuesday with arson.", published="2025-06-04")
    figs = {(f.kind, f.value) for ev in a.events for f in ev.figures}
    assert ("arrested", 2) in figs and ("charged", 1) in figs
