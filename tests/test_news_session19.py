"""Classes of error worked on in session 19, each on sentences written for the test."""

from __future__ import annotations

import pytest


def _by_cue(a, cue: str) -> list:
    return [s for s in a.statements if s.cue.text == cue]


def _said_type(analyze, sentence: str) -> str:
    """The type of the first statement a sentence reports with "said"."""
    return _by_cue(analyze(sentence), "said")[0].type


# --------------------------------------------------------------------------- statements

@pytest.mark.parametrize("sentence, cue, sources", [
    ("Gunmen killed four people at a bar on Monday, according to two residents and a local official.",
     "according to", ["two residents", "a local official"]),
    ("Police and paramedics said six people were hurt in the blast.", "said", ["Police", "paramedics"]),
    ("Residents, health workers and the army said the bridge was destroyed.", "said",
     ["Residents", "health workers", "the army"]),
])
def test_each_party_of_a_coordinated_source_speaks(analyze, sentence, cue, sources):
    a = analyze(sentence)
    assert [s.source.text for s in _by_cue(a, cue)] == sources


@pytest.mark.parametrize("sentence", [
    "The prefect of Siguiri and president of the security committee said calm had returned.",
    "The Minister of Internal Affairs and First Deputy Prime Minister, Nenad Jovanovic, said two men were held.",
    "The Royal Police Force of Antigua and Barbuda said two men were held.",
])
def test_one_person_with_two_titles_or_a_name_with_and_stays_one_speaker(analyze, sentence):
    a = analyze(sentence)
    assert len(_by_cue(a, "said")) == 1


def test_the_speaker_of_a_bare_relative_clause_on_an_attack_is_found_and_dated_with_it(analyze):
    a = analyze("In October 2021, a bomb killed two men at a bar in Kasese, in an attack police blamed on the ADF.",
                published="2026-03-03")
    (st,) = [s for s in a.statements if s.cue.text.startswith("blamed")]
    assert st.source.text == "police" and st.type == "accusation" and st.date.value == "2021-10"


def test_a_blame_that_came_later_takes_no_date_from_the_attack(analyze):
    a = analyze("In October 2021, a bomb killed two men at a bar in Kasese, in an attack that police later blamed "
                "on the ADF.", published="2026-03-03")
    (st,) = [s for s in a.statements if "blamed" in s.cue.text]
    assert st.source.text == "police" and st.date is None


def test_that_was_how_a_speaker_described_takes_the_quotation_before(analyze):
    quote = '"They did not say a word. They just walked in and started shooting at everyone."'
    a = analyze(f"{quote}\n\nThat was how a 31-year-old barman described the moment gunmen opened fire inside a "
                "tavern on Saturday night.")
    (st,) = _by_cue(a, "described")
    assert st.source.text == "a 31-year-old barman" and st.content.text == quote and st.mode == "direct"


def test_how_a_speaker_described_something_without_a_quotation_before_keeps_its_object(analyze):
    a = analyze('"We will win," the mayor said.\n\nThat is how the mayor described the plan.')
    (st,) = _by_cue(a, "described")
    assert st.content.text == "the plan"


@pytest.mark.parametrize("sentence, expected", [
    ("Islamic State claimed the attack on Tuesday, saying its fighters had killed 15 people it described as "
     "members of a militia.", "claim_of_responsibility"),
    ('The Group for the Support of Islam and Muslims claimed the raid, saying its fighters had "punished the '
     'militias" of the town.', "claim_of_responsibility"),
    ("The group claimed responsibility, saying it would keep burning the tools of occupation.", "other"),
])
def test_the_participle_that_tells_a_claim_claims_too_unless_it_threatens(analyze, sentence, expected):
    a = analyze(sentence)
    assert _by_cue(a, "saying")[0].type == expected


def test_claiming_a_strike_is_a_claim_of_responsibility(analyze):
    a = analyze("Ukraine's General Staff claims a drone strike overnight on an ammunition depot near Shebekino.")
    assert _by_cue(a, "claims")[0].type == "claim_of_responsibility"


# --------------------------------------------------------------------------- dates and places

def test_a_holiday_in_apposition_to_a_written_date_is_that_date():
    from rashomon.extract.timex import tag_timexes

    tx = tag_timexes("On April 13, 2025, Palm Sunday, two missiles killed 35 people.", "2026-04-14")
    assert [(t.span.text, t.value) for t in tx] == [("April 13, 2025", "2025-04-13"), ("Palm Sunday", "2025-04-13")]


def test_a_holiday_alone_is_still_the_one_of_the_story_s_year():
    from rashomon.extract.timex import tag_timexes

    (t,) = tag_timexes("On Palm Sunday, two missiles killed 35 people.", "2026-04-14")
    assert t.value == "2026-03-29"


def test_the_city_s_building_hit_is_in_the_city_named_before(analyze):
    a = analyze("A Russian missile struck the centre of Sumy, Ukraine, on Monday, killing 20 people. Sumy has been "
                "attacked regularly. In March 2025, a drone hit the city's children's hospital, injuring four "
                "people.")
    drone = next(e for e in a.events if e.type == "drone_strike")
    assert drone.place.city == "Sumy"


# --------------------------------------------------------------------------- the report eval

def test_a_short_content_matches_at_any_of_its_occurrences():
    from types import SimpleNamespace as NS

    from rashomon.eval.reports import match_statement
    from rashomon.models import Span

    text = "Residents said the attack lasted an hour. Later, the group claimed the attack in a video."
    i = text.rindex("the attack")
    st = NS(cue=Span.of(text, text.index("claimed"), text.index("claimed") + 7),
            source=Span.of(text, text.index("the group"), text.index("the group") + 9),
            content=Span.of(text, i, i + 10))
    exp = {"source_text": "the group", "cue": "claimed", "content": "the attack"}
    assert match_statement(text, exp, [st]) is st


# --------------------------------------------------------------------------- figures

def _figs(pipeline, text):
    from rashomon.extract.figures import extract_figures

    return [(f.kind, f.value, f.span.text) for f in extract_figures(pipeline.nlp(text))]


@pytest.mark.parametrize("sentence, expected", [
    ("A French yachtsman has been shot dead after armed men boarded his boat.", ("killed", 1, "A French yachtsman")),
    ("Gunmen killed a 74-year-old usher and wounded four other people.", ("killed", 1, "a 74-year-old usher")),
])
def test_a_person_the_list_lacks_is_known_by_an_age_or_a_nationality(pipeline, sentence, expected):
    assert expected in _figs(pipeline, sentence)


def test_a_vessel_of_a_nationality_is_nobody(pipeline):
    assert _figs(pipeline, "Pirates seized a Chinese vessel off the coast.") == []


def test_people_held_by_gunmen_told_in_a_list_of_their_acts_are_taken(pipeline):
    assert _figs(pipeline, "Gunmen stopped a bus before dawn, forced the driver onto a dirt track and held 37 "
                           "passengers, officials said.") == [("kidnapped", 37, "37")]
    assert _figs(pipeline, "Police stopped the car, searched it and held two men for questioning.") == [
        ("arrested", 2, "two")]


@pytest.mark.parametrize("sentence, expected", [
    ('"He told the gendarmerie about the threats, and nobody protected him," his brother said.', "accusation"),
    ('"We told the police about these gangs for two years. Nothing was done," he said.', "accusation"),
    ('"The police come for one day, take photos, and then leave us alone with them again," a grocer said.',
     "accusation"),
    ('"I lay next to a man who was dying and I could do nothing for him," she said.', "other"),
    ('"They asked for names. When nobody answered, they started shooting," he said.', "other"),
])
def test_a_complaint_that_nobody_protected_the_victims_accuses(analyze, sentence, expected):
    assert _said_type(analyze, sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ('Government spokesman Alhassane Kaba said the attackers were "armed bandits from across the border."',
     "accusation"),
    ('An interior ministry spokesman said the bomber had been trained "in camps on Pakistani soil".', "accusation"),
    ('The information minister said the missile was "Iranian in design and origin".', "accusation"),
    ("The army said five civilians were killed when shells fired from across the border hit the town.", "other"),
    ("The ministry said no attackers had come from Ivorian soil.", "other"),
])
def test_attackers_or_weapons_said_to_come_from_abroad_accuse(analyze, sentence, expected):
    assert _said_type(analyze, sentence) == expected


def test_a_bullet_of_a_timeline_happened_in_the_town_its_heading_names(analyze):
    a = analyze("Ukrainian drones struck the Tuapse oil refinery in Russia's Krasnodar Krai early on Monday, killing "
                "two workers, regional authorities said.\n\nPrevious strikes on the Tuapse refinery\n\n- Jan. 25, 2024: "
                "Drones launched by Ukraine's SBU set fire to the refinery's vacuum distillation unit.\n\n- May 17, "
                "2024: A drone attack damaged the refinery's port terminal, local authorities said.\n",
                published="2026-10-20")
    earlier = [e for e in a.events if e.background]
    assert len(earlier) == 2 and all(e.place is not None and e.place.city == "Tuapse" for e in earlier)


def test_an_unplaced_incident_of_the_story_happened_in_the_story_s_town(analyze):
    a = analyze("Gang members torched buses across Fortaleza, in Brazil's Ceara state, on Tuesday after a drug faction "
                "ordered shops to close, officials said.\n\nAt least 14 buses and two vans were torched in eight "
                "neighbourhoods on Monday night, according to the state security department.", published="2026-09-29")
    monday = next(e for e in a.events if e.date is not None and e.date.value == "2026-09-28")
    assert monday.place.city == "Fortaleza"


@pytest.mark.parametrize("sentence, expected", [
    ("Separately, Fano fighters attacked a police station in the town of Dejen on Tuesday, freeing prisoners, a "
     "resident said.", "other"),
    ("The attack on the shop was ordered by a criminal network, police said.", "accusation"),
    ('"Azerbaijani forces shelled our positions," the ministry said.', "accusation"),
    ("The army said Azerbaijani forces shelled its positions.", "accusation"),
])
def test_the_attack_told_in_the_reporter_s_words_before_its_source_is_told_not_alleged(analyze, sentence, expected):
    assert _said_type(analyze, sentence) == expected


def test_who_did_it_told_as_fact_is_a_perpetrator_of_null_responsibility(analyze):
    a = analyze("Gunmen killed a farmer on Monday. In January 2024, Iran fired missiles and drones at militant targets "
                "near Panjgur, killing two children, according to Pakistan.", published="2026-06-04")
    earlier = next(e for e in a.events if e.background)
    assert [(x.span.text, x.responsibility) for x in earlier.arguments if x.role.startswith("perpetrator")] == [
        ("Iran", None)]


def test_the_day_after_a_claimed_attack_is_the_claim_s_and_may_date_the_attack(analyze):
    a = analyze("Gunmen killed 12 soldiers on Saturday. The Islamic State Sahel Province claimed the attack on Monday in "
                "a statement released by its propaganda agency, saying its fighters had killed 40 soldiers.",
                published="2026-06-04")
    dates = {s.cue.text: s.date.value if s.date else None for s in a.statements}
    assert dates["claimed"] == dates["saying"] == "2026-06-01"
    assert [e.date.value for e in a.events] == ["2026-05-30"]
    alone = analyze("The Islamic State claimed the attack on the market on Saturday.", published="2026-06-04")
    assert [e.date.value for e in alone.events] == ["2026-05-30"]


@pytest.mark.parametrize("sentence, expected", [
    ('"Our people are fishermen, not pirates. The police took the first young men they found," she said.', "denial"),
    ('"These boys are not gangsters," she said.', "denial"),
])
def test_people_denied_to_be_culprits_deny(analyze, sentence, expected):
    assert _said_type(analyze, sentence) == expected


def test_a_future_denied_of_a_culprit_noun_denies_nothing(analyze):
    assert _said_type(analyze, '"They will not be gangsters much longer," he said.') != "denial"


def test_a_capital_named_as_a_party_in_the_lead_does_not_move_the_headline_s_town(pipeline):
    from rashomon.models import Document

    text = ("Quetta attack live: gunmen storm the provincial assembly, toll rises to five\n\nBy A Writer\nMarch 24, 2026\n\n"
            "21:20 PKT\nThe death toll from this morning's attack on the assembly has risen to five, a health department "
            "spokesman tells reporters, and nine people are still being treated in hospital.\n\n"
            "20:45 PKT\nIndia has rejected Islamabad's accusation that it sponsored the attack, calling it baseless and "
            "telling Pakistan to look inward instead of blaming its neighbours.\n")
    a = pipeline.analyze(Document(id="t", text=text, published="2026-03-24"))
    main = next(e for e in a.events if not e.background)
    assert main.place.city == "Quetta"
