"""Classes of error worked on in session 20, each on sentences written for the test."""

from __future__ import annotations

import pytest


def _by_cue(a, cue: str) -> list:
    return [s for s in a.statements if s.cue.text == cue]


# --------------------------------------------------------------------------- hedges and inquiries

def test_a_negated_hedge_inside_a_statement_is_a_statement_of_its_own_and_an_accusation(analyze):
    a = analyze("The district police chief said police did not rule out the involvement of the Black Reef gang, "
                "which hijacked a ferry in 2021.")
    (inner,) = _by_cue(a, "did not rule out")
    assert inner.source.text == "police" and inner.content.text == "the involvement of the Black Reef gang"
    assert inner.type == "accusation"
    (outer,) = _by_cue(a, "said")
    assert outer.type == "accusation"


def test_a_hedge_that_names_nobody_accuses_nobody(analyze):
    a = analyze("Police did not rule out further arrests, the spokesman said.")
    assert {s.type for s in a.statements} == {"other"}


def test_a_hedge_on_a_link_to_a_party_accuses_it(analyze):
    a = analyze("The interior minister said the government did not rule out that the bombing was linked to the "
                "networks that smuggle fuel across the border.")
    (inner,) = _by_cue(a, "did not rule out")
    assert inner.source.text == "the government" and inner.type == "accusation"


def test_an_inquiry_told_with_a_pronoun_is_the_speakers_own(analyze):
    a = analyze("The prosecutor's office said it was investigating whether the two brothers had planted the device.")
    (inner,) = _by_cue(a, "investigating")
    assert inner.source.text == "The prosecutor's office"
    assert inner.content.text == "whether the two brothers had planted the device"


@pytest.mark.parametrize("sentence, cue, content", [
    ("Detectives were looking into whether the men belonged to a gang from Rotterdam, a police spokesman said.",
     "looking into", "whether the men belonged to a gang from Rotterdam"),
    ("Police were looking into whether the gang had been paid by a rival company.",
     "looking into", "whether the gang had been paid by a rival company"),
    ("Investigators were working on the theory that the teenager had been hired online by the Lynx network.",
     "working on the theory", "that the teenager had been hired online by the Lynx network"),
])
def test_looking_into_whether_and_working_on_a_theory_are_inquiries(analyze, sentence, cue, content):
    (st,) = _by_cue(analyze(sentence), cue)
    assert st.content.text == content


def test_looking_at_evidence_is_no_inquiry_statement(analyze):
    a = analyze("Police said they were looking at the footage from the cameras.")
    assert [s.cue.text for s in a.statements] == ["said"]


def test_an_attack_linked_to_a_party_accuses_it_but_a_link_to_a_dispute_does_not(analyze):
    a = analyze("Police said the shooting was linked to an extortion racket that has been demanding money from shops.")
    assert _by_cue(a, "said")[0].type == "accusation"
    b = analyze("Police said the shooting was linked to a long-running dispute over grazing land.")
    assert _by_cue(b, "said")[0].type == "other"


@pytest.mark.parametrize("sentence", [
    "He was taken to the district hospital and his life is not in danger, the police said.",
    "The officer was stabbed in the arm during the arrest, and his life is no longer in danger, the ministry said.",
])
def test_a_life_not_in_danger_is_no_warning(analyze, sentence):
    assert _by_cue(analyze(sentence), "said")[0].type != "warning"


def test_a_danger_to_civilians_is_still_a_warning(analyze):
    a = analyze("The rebels said civilians who stay near the barracks are in danger.")
    assert _by_cue(a, "said")[0].type == "warning"


# --------------------------------------------------------------------------- who named a victim

@pytest.mark.parametrize("sentence, cue, source, content", [
    ("The street vendor killed in the blast was identified by relatives as Rosa Quispe, a 41-year-old mother.",
     "identified by", "relatives", "Rosa Quispe, a 41-year-old mother"),
    ("The suspect, identified by police as Karl Wenger, 52, of Thun, is due in court on Monday.",
     "identified by", "police", "Karl Wenger, 52, of Thun"),
    ("The night watchman was named by his employer as Tomasi Vake.", "named by", "his employer", "Tomasi Vake"),
])
def test_who_identified_a_person_says_the_name(analyze, sentence, cue, source, content):
    (st,) = _by_cue(analyze(sentence), cue)
    assert st.source.text == source and st.content.text == content


def test_identified_by_a_test_names_nobody(analyze):
    a = analyze("The bodies were identified by DNA tests, the coroner said.")
    assert [s.cue.text for s in a.statements] == ["said"]


# --------------------------------------------------------------------------- statement dates

def test_a_date_between_the_cue_and_a_clause_without_that_dates_the_statement(analyze):
    a = analyze("Police said on Monday they had arrested two men in the port and were looking for a third.",
                published="2026-07-21")
    (st,) = _by_cue(a, "said")
    assert st.content.text.startswith("they had arrested") and st.date.value == "2026-07-20"


def test_a_year_that_opens_the_subject_stays_in_the_content(analyze):
    a = analyze("He said last year's bombing had been planned abroad.", published="2026-07-21")
    (st,) = _by_cue(a, "said")
    assert st.content.text == "last year's bombing had been planned abroad"


@pytest.mark.parametrize("sentence, second", [
    ("The ministry denied on Wednesday that its troops had fired and called the report \"a fabrication\".", "called"),
    ("The governor said on Wednesday that 40 more officers would be sent and rejected claims that the road had "
     "been ignored.", "rejected"),
])
def test_a_cue_coordinated_with_a_dated_cue_shares_its_date(analyze, sentence, second):
    a = analyze(sentence, published="2026-10-08")
    (st,) = _by_cue(a, second)
    assert st.date is not None and st.date.value == "2026-10-07"


@pytest.mark.parametrize("sentence, value", [
    ("In February 2022, soldiers killed 30 villagers near the river. The UN said at the time that the killings "
     "might amount to crimes against humanity.", "2022-02"),
    ("In March 2019, a bomb killed nine people at the same market, police said at the time.", "2019-03"),
])
def test_said_at_the_time_is_dated_by_the_incident_it_refers_to(analyze, sentence, value):
    a = analyze(sentence, published="2026-06-09")
    (st,) = _by_cue(a, "said")
    assert st.date is not None and st.date.value == value
    assert not st.content.text.startswith(("the time", "at the time"))


def test_the_date_said_at_the_time_still_dates_the_incident(analyze):
    a = analyze("In September 2021, a man stabbed seven people at a supermarket in Auckland before police shot him "
                "dead; the attack was inspired by the Islamic State group, police said at the time.",
                published="2026-04-11")
    (st,) = _by_cue(a, "said")
    assert st.date.value == "2021-09"
    assert [ev.date.value for ev in a.events if ev.date] == ["2021-09"]


def test_a_year_the_cue_takes_with_in_dates_the_statement_but_a_years_noun_does_not(analyze):
    a = analyze("Prosecutors said in 2021 that they were examining a foreign role in that blast.", published="2026-07-28")
    assert _by_cue(a, "said")[0].date.value == "2021"
    b = analyze("He said the 2021 coup had been a disaster.", published="2026-07-28")
    assert _by_cue(b, "said")[0].date is None


@pytest.mark.parametrize("sentence, cue, value", [
    ("In a video that circulated on social media on Tuesday, a man who gave his name as Musa said his fighters "
     "were holding 30 people.", "said", "2026-05-12"),
    ("A spokesman for the front denied the accusation in a phone call with a local radio station on Tuesday "
     "morning.", "denied", "2026-05-12"),
])
def test_the_day_of_the_medium_a_statement_came_in_dates_it(analyze, sentence, cue, value):
    a = analyze(sentence, published="2026-05-13")
    (st,) = _by_cue(a, cue)
    assert st.date is not None and st.date.value == value


@pytest.mark.parametrize("sentence, source, content", [
    ("The prefecture had said that three people were killed. On Sunday it revised the toll down to two.",
     "it", "the toll down to two"),
    ("Relatives of the dead gave a very different account of the toll.", "Relatives of the dead",
     "a very different account of the toll"),
])
def test_revising_a_toll_and_giving_an_account_are_statements(analyze, sentence, source, content):
    a = analyze(sentence)
    st = next(s for s in a.statements if s.cue.text in ("revised", "gave"))
    assert st.source.text == source and st.content.text.startswith(content)


# --------------------------------------------------------------------------- figures

@pytest.mark.parametrize("sentence, expected", [
    ("Gunmen attacked a market in the town on Monday. A monitoring group gave a higher figure of 23 dead, among "
     "them 15 women.", ("killed", 15)),
    ("Gunmen kidnapped 41 people from a bus on Monday, among them eight women and a boy, police said.",
     ("kidnapped", 8)),
])
def test_a_count_among_them_is_a_subgroup_of_the_total(analyze, sentence, expected):
    a = analyze(sentence)
    assert expected in {(f.kind, f.value) for ev in a.events for f in ev.figures}


@pytest.mark.parametrize("sentence, person", [
    ("Gunmen attacked the market on Monday. Nineteen people were killed, among them a seven-year-old girl.",
     "a seven-year-old girl"),
    ("Gunmen attacked the market on Monday. Four people, among them a novice nun, were killed.", "a novice nun"),
])
def test_one_person_among_them_counts_one_of_the_totals_kind(analyze, sentence, person):
    a = analyze(sentence)
    assert ("killed", 1, person) in {(f.kind, f.value, f.span.text) for ev in a.events for f in ev.figures}


@pytest.mark.parametrize("sentence, expected", [
    ("Gunmen raided the village on Sunday. The governor said 41 people had been seized.", ("kidnapped", 41, None)),
    ("Gunmen raided the village on Sunday. \"They took more than 50 people,\" a farmer said.",
     ("kidnapped", 50, "more_than")),
    ("Gunmen raided the village on Sunday and took away between six and nine herders.", ("kidnapped", 6, "at_least")),
])
def test_people_the_attackers_took_or_seized_are_kidnapped(analyze, sentence, expected):
    a = analyze(sentence)
    assert expected in {(f.kind, f.value, f.qualifier) for ev in a.events for f in ev.figures}


@pytest.mark.parametrize("sentence", [
    "Gunmen raided the village on Sunday. Police said two suspects had been seized by officers.",
    "Gunmen raided the village on Sunday. Neighbours took the five wounded to hospital.",
])
def test_people_seized_by_police_or_taken_to_hospital_are_not_kidnapped(analyze, sentence):
    a = analyze(sentence)
    assert "kidnapped" not in {f.kind for ev in a.events for f in ev.figures}


# --------------------------------------------------------------------------- admissions told by another

def test_an_admission_and_a_denial_told_by_police_are_the_suspects(analyze):
    a = analyze("Police arrested two men on Monday. One of them has admitted driving the getaway car but denied "
                "firing any shots, the spokeswoman said.")
    (adm,) = [s for s in a.statements if s.cue.text.endswith("admitted")]
    assert adm.source.text == "One of them" and adm.type == "admission"
    (den,) = _by_cue(a, "denied")
    assert den.source.text == "One of them" and den.type == "denial"
    (said,) = _by_cue(a, "said")
    assert said.source.text == "the spokeswoman"


def test_a_pronoun_that_admitted_is_a_third_person(analyze):
    a = analyze("The suspect was arrested at his home on Friday and he has admitted the stabbing, police said.")
    (adm,) = [s for s in a.statements if s.cue.text.endswith("admitted")]
    assert adm.source.text == "he" and adm.content.text == "the stabbing"


def test_a_second_verb_after_a_that_clause_stays_the_speakers(analyze):
    a = analyze("The ministry denied that its forces had opened fire and called the report a lie.")
    (called,) = _by_cue(a, "called")
    assert called.source.text == "The ministry"


def test_a_suspect_who_denies_stays_beside_the_suspected_group(analyze):
    a = analyze("Gunmen killed four taxi drivers at a rank in the town on Saturday. Two men suspected of the "
                "shooting were arrested on Sunday. One of them has admitted driving the car but denied firing any "
                "shots, police said.")
    perps = {(x.role, x.span.text, x.responsibility) for ev in a.events for x in ev.arguments
             if x.role.startswith("perpetrator")}
    assert ("perpetrator_individual", "One of them", "denied") in perps
    assert any(text.startswith("Two men") for _, text, _ in perps)


# --------------------------------------------------------------------------- contents

def test_the_one_told_by_phone_is_no_content_the_quotation_is(analyze):
    a = analyze('"There was a bang and then everybody was screaming. Glass and ice everywhere," a stallholder told us '
                'by phone.')
    (st,) = _by_cue(a, "told")
    assert st.content.text.startswith('"There was a bang') and st.source.text == "a stallholder"


def test_a_clause_after_the_cue_beats_one_before_a_colon(analyze):
    a = analyze("The army gave a lower figure still: Lt Paul Ilunga, a spokesman for the armed forces, said 24 "
                "civilians had been killed.")
    (st,) = _by_cue(a, "said")
    assert st.content.text == "24 civilians had been killed"


# --------------------------------------------------------------------------- denials of an armed presence

@pytest.mark.parametrize("sentence", [
    "Camp officials said there were no military positions inside the camp.",
    '"There is no army base here. Only bread and vegetables," a baker said.',
    '"There is not a single soldier in this village," the chief said.',
    '"Nobody here is a fighter," the elder said.',
    "Its spokesman said the movement had no fighters in that district.",
    "The spokeswoman said no foreign troops were present in the province.",
])
def test_saying_no_armed_party_was_there_is_a_denial(analyze, sentence):
    assert _by_cue(analyze(sentence), "said")[0].type == "denial"


def test_no_soldiers_killed_is_no_denial(analyze):
    assert _by_cue(analyze("Police said no soldiers were killed in the attack."), "said")[0].type != "denial"


def test_an_attack_that_was_claimed_by_a_group_is_its_claim(analyze):
    a = analyze("In 2019 a bomb killed nine people at a hotel in the port, an attack that was also claimed by the "
                "Red Dawn group.")
    (st,) = [s for s in a.statements if "claimed" in s.cue.text]
    assert st.type == "claim_of_responsibility" and st.source.text == "the Red Dawn group"


def test_a_lower_case_quote_before_a_misparsed_tell_is_its_content(analyze):
    a = analyze('"they came from the hills and went from house to house. we hid in the reeds until the soldiers '
                'came," a farmer who gave his name only as musa told reporters by telephone.')
    (st,) = _by_cue(a, "told")
    assert st.content.text.startswith('"they came from the hills') and st.mode == "direct"


@pytest.mark.parametrize("sentence, expected", [
    ("Gunmen killed 18 people at the market on Monday. Of the victims, five were children, the official said.",
     {("killed", 5)}),
    ("A bomb hit a bus on Monday. Of the nine dead, three were police officers who had been escorting the bus and "
     "six were civilians.", {("killed", 3), ("killed", 6)}),
    ("Gunmen opened fire at a party on Saturday. The hospital treated nine people for gunshot wounds. Of the "
     "wounded, five were teenagers, a spokeswoman said.", {("wounded", 5)}),
])
def test_counts_of_a_group_named_at_the_head_of_the_sentence(analyze, sentence, expected):
    a = analyze(sentence)
    assert expected <= {(f.kind, f.value) for ev in a.events for f in ev.figures}


# --------------------------------------------------------------------------- statistics are no incidents

@pytest.mark.parametrize("sentence", [
    "According to a rights group, more than 60 drivers were killed in the country last year.",
    "The ombudsman said at least 17 community leaders had been killed in the province so far this year.",
    "Officials have said the group fired more than 400 ballistic missiles at the kingdom between 2015 and 2022.",
])
def test_a_count_over_a_period_after_the_story_is_a_statistic(analyze, sentence):
    a = analyze("Gunmen shot dead a bus driver in the capital on Monday, police said. " + sentence)
    assert len(a.events) == 1


def test_a_days_toll_that_is_the_highest_so_far_this_year_stays_an_incident(analyze):
    a = analyze("Gunmen shot dead a bus driver in the capital on Monday, police said. On Tuesday, 14 people were "
                "killed in a village nearby, the highest toll so far this year.")
    assert len(a.events) == 2


@pytest.mark.parametrize("sentence, cue, value", [
    ("By Tuesday afternoon the death toll had risen to 19, a police official told Reuters.", "told", "2026-10-06"),
    ("The interior minister, speaking in the capital on Monday, blamed the militants.", "blamed", "2026-10-05"),
    ("The governor, who visited the scene on Sunday morning, warned against speculation.", "warned against",
     "2026-10-04"),
])
def test_the_occasion_or_the_as_of_day_dates_the_statement(analyze, sentence, cue, value):
    a = analyze(sentence, published="2026-10-07")
    (st,) = [s for s in a.statements if s.cue.text == cue]
    assert st.date is not None and st.date.value == value


# --------------------------------------------------------------------------- places

def test_the_citys_district_lies_in_the_city_named_before(analyze):
    a = analyze("Russian missiles hit Kharkiv overnight. One of them struck an apartment block in the city's "
                "Saltivka district, killing three people, the mayor said.")
    assert {ev.place.city for ev in a.events if ev.place} == {"Kharkiv"}
