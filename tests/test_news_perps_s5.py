"""Session 5, second round: classes of perpetrator and figure error on news, on sentences written for
these tests (docs/notes/news-errors-session5.md, "Second round")."""

from __future__ import annotations

import pytest

from rashomon.engine.pipeline import Pipeline
from rashomon.extract.figures import extract_figures
from rashomon.extract.roles.responsibility import sponsors
from rashomon.models import Document
from rashomon.nlp.model import load_nlp


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def events(pipe: Pipeline, text: str, published: str = "2025-05-14"):
    return pipe.analyze(Document(id="t", text=text, published=published)).events


def perps(ev) -> list[str]:
    return [a.span.text for a in ev.arguments if a.role.startswith("perpetrator")]


def figs(nlp, text: str) -> set[tuple]:
    return {(f.kind, f.value, f.qualifier) for f in extract_figures(nlp(text))}


# --- perpetrators -----------------------------------------------------------------------------------

def test_every_counted_mention_of_the_attackers_is_kept(pipe):
    text = ("Gunmen attacked a police post in the hill town of Varesk on Sunday, officials said.\n\n"
            "About 30 gunmen opened fire with rifles on the post before dawn, a police officer said.")
    (ev,) = [e for e in events(pipe, text) if not e.background]
    assert any("30 gunmen" in p for p in perps(ev))


def test_people_who_did_it_as_the_subject_of_a_trigger_verb(pipe):
    text = ("Two farmers from a nearby valley drove a truck into a crowd at a livestock fair in the town "
            "of Merrow on Saturday, killing a boy, police said.")
    (ev,) = events(pipe, text)
    assert any("farmers" in p for p in perps(ev))


def test_people_who_suffer_are_no_attackers(pipe):
    text = "Three soldiers died and four others were wounded when a bomb exploded in the town of Kelso on Monday."
    for ev in events(pipe, text):
        assert not any("soldiers" in p for p in perps(ev))


def test_those_who_kill_the_attackers_are_no_perpetrators(nlp):
    from rashomon.extract.events import find_triggers, group_incidents
    from rashomon.extract.events.agents import _subject_agents

    doc = nlp("Rebels attacked an army post near the town of Sorel on Monday. Soldiers killed nine of the "
              "attackers in a gunfight that lasted two hours, the army said.")
    found = [t.text for inc in group_incidents(doc, find_triggers(doc, [])) for t in _subject_agents(doc, inc)]
    assert found == ["Rebels"]


def test_an_armed_group_as_the_subject_of_an_attack_verb(pipe):
    text = "The Red Hills militia overran an army outpost near the town of Dorrin on Friday, killing six soldiers."
    (ev,) = events(pipe, text)
    assert any("militia" in a.span.text for a in ev.arguments if a.role == "perpetrator_org")


def test_guards_who_fire_back_are_no_perpetrators(pipe):
    text = ("A car packed with explosives blew up at the gate of a barracks in the port of Lunda on Monday "
            "when guards opened fire on it, killing three soldiers.")
    for ev in events(pipe, text):
        assert "guards" not in perps(ev)


def test_the_group_the_attackers_come_from(pipe):
    text = ("Fighters from the Northern Liberation Front raided the village of Tessa on Sunday night, "
            "killing nine people, local officials said.")
    (ev,) = events(pipe, text)
    assert any("Northern Liberation Front" in a.span.text for a in ev.arguments if a.role == "perpetrator_org")


def test_a_person_charged_with_the_act(pipe):
    text = ("A 52-year-old man has been charged with murder after he stabbed two nurses at a clinic in the "
            "town of Arlow on Tuesday, prosecutors said.")
    (ev,) = events(pipe, text)
    assert any("52-year-old man" in p for p in perps(ev))


def test_the_attacker_named_by_an_apposition(pipe):
    text = ("A van ploughed into shoppers on a busy street in the city of Tarnow on Saturday, injuring eight "
            "people. Officers detained the driver, a 41-year-old local man, at the scene.")
    (ev,) = events(pipe, text)
    assert any("41-year-old local man" in p for p in perps(ev))


def test_both_attacks_claimed_by_one_group(pipe):
    text = ("Unknown attackers set fire to a bank branch in the city of Korvel early on Sunday. "
            "Late on Monday, a car dealership in the same city was also set on fire.\n\n"
            "Responsibility for both attacks was claimed by the Black Ember Collective in a post online.")
    evs = [e for e in events(pipe, text, "2025-05-14") if not e.background]
    assert len(evs) == 2
    for ev in evs:
        assert any("Black Ember" in p for p in perps(ev))


def test_that_attack_refers_to_the_incident_told_just_before(pipe):
    text = ("A man stabbed four people at a bus station in the city of Hollen on Monday, police said.\n\n"
            "It came a year after a bombing at a concert in the port of Serin in June 2024, in which "
            "a young man killed five people. That attack was claimed by the Grey Wolves Brigade.")
    evs = events(pipe, text, "2025-05-14")
    told = [e for e in evs if not e.background]
    old = [e for e in evs if e.background]
    assert old and any("Grey Wolves" in p for p in perps(old[0]))
    assert not any("Grey Wolves" in p for p in perps(told[0]))


@pytest.mark.parametrize("sentence, party", [
    ("The bombing was carried out on the orders of a rebel commander, police said.", "commander"),
    ("She had acted on the instructions of handlers from a foreign intelligence agency.", "agency"),
    ("The suspects were paid to plant the device by people acting for a rival cartel.", "cartel"),
    ("Investigators suspect the robbers are linked to a network behind several heists.", "network"),
    ("Officials believe the gunmen worked for a drug ring.", "ring"),
])
def test_the_party_behind_the_attackers(nlp, sentence, party):
    assert [t.text for t in sponsors(nlp(sentence))] == [party]


@pytest.mark.parametrize("sentence", [
    "A lawyer spoke on behalf of the family.",
    "He has worked for the ministry for years.",
])
def test_no_party_behind_ordinary_work(nlp, sentence):
    assert sponsors(nlp(sentence)) == []


def test_each_accused_party_of_a_coordinated_accusation(pipe):
    text = ("Artillery shells hit a market in the border town of Salvo on Tuesday, killing seven people. "
            "The opposition accused the army and its foreign allies of shelling civilians.")
    (ev,) = events(pipe, text)
    found = perps(ev)
    assert any(p.endswith("army") for p in found) and "its foreign allies" in found


def test_the_name_a_blamed_gang_goes_by(pipe):
    text = ("Gunmen robbed a cash van on a highway near the town of Caldo on Monday, killing a guard. "
            "The governor blamed a gang known as Los Tigres del Norte.")
    (ev,) = events(pipe, text)
    assert any("Los Tigres del Norte" in p for p in perps(ev))


def test_a_party_that_says_its_own_forces_struck_acknowledges_the_strike(pipe):
    text = ("An air strike hit a village near the border town of Kavo on Monday, killing six farmers, "
            "officials said.\n\nThe Northland Air Force rejected the accusation. In a statement, it said its "
            "jets had struck military depots and that no civilians were hurt.")
    (ev,) = events(pipe, text)
    assert any(a.span.text.endswith("Northland Air Force") and a.responsibility == "claimed"
               for a in ev.arguments if a.role == "perpetrator_org")


def test_a_party_that_denies_its_forces_struck_acknowledges_nothing(pipe):
    text = ("An air strike hit a village near the border town of Kavo on Monday, killing six farmers, "
            "officials said.\n\nThe Northland Air Force rejected the accusation. In a statement, it said its "
            "jets had not struck the village.")
    (ev,) = events(pipe, text)
    assert not any(a.responsibility == "claimed" for a in ev.arguments)


# --- figures ----------------------------------------------------------------------------------------

def test_held_hostage_however_parsed(nlp):
    text = "The hijacking recalled a case in 2019, when a man seized a ferry and held 45 passengers hostage for six hours."
    assert ("kidnapped", 45, None) in figs(nlp, text)
    assert ("arrested", 45, None) not in figs(nlp, text)


def test_one_more_hostage_beside_a_counted_group(nlp):
    assert ("kidnapped", 1, None) in figs(nlp, "Gunmen held 12 workers and the foreman hostage.")


def test_shot_in_a_limb_is_wounded(nlp):
    assert figs(nlp, "A guard was shot in the arm during the robbery.") == {("wounded", 1, None)}
    assert ("wounded", 1, None) in figs(nlp, "One passenger, a 60-year-old man, was shot in the leg.")


def test_charged_told_by_a_participle(nlp):
    text = ("Detectives arrested five suspects on Friday. Two of them appeared in a magistrate's court on "
            "Monday, charged with murder and robbery.")
    assert ("charged", 2, None) in figs(nlp, text)


def test_a_subgroup_charged_stays_with_the_arrests(pipe):
    text = ("Masked men set fire to a bank branch in the city of Korvel early on Sunday. Late on Monday, "
            "a car dealership in the same city was set on fire.\n\n"
            "Police said officers had detained five people in raids on Tuesday. Three of them were later "
            "charged with arson.")
    evs = [e for e in events(pipe, text) if not e.background]
    holder = [e for e in evs if any(f.kind == "arrested" and f.value == 5 for f in e.figures)]
    assert holder and any(f.kind == "charged" and f.value == 3 for f in holder[0].figures)


def test_one_more_after_a_counted_clause(nlp):
    assert ("missing", 1, None) in figs(nlp, "Three other traders were wounded and one is still missing, the mayor said.")
    assert not figs(nlp, "One had his ear cut off.")


def test_in_a_critical_condition_and_burns_are_wounds(nlp):
    assert ("wounded", 2, None) in figs(nlp, "He said two of the victims were in a critical condition.")
    assert ("wounded", 4, None) in figs(nlp, "Four others, a guard and three cooks, suffered burns.")


def test_a_single_arrest_in_the_perfect(nlp):
    text = "Police also said they had arrested a man in the town on Friday on suspicion of helping the gang."
    assert ("arrested", 1, None) in figs(nlp, text)


def test_one_person_a_relative_clause_includes(nlp):
    assert ("wounded", 1, None) in figs(nlp, "The wounded, who include a young boy, were taken to hospital.")


def test_a_toll_told_with_a_copula(nlp):
    assert ("killed", 17, None) in figs(nlp, "The death toll given by the governor was 17.")
    assert not figs(nlp, "The total was 40 vehicles.")


def test_people_taken_away_are_kidnapped(nlp):
    assert ("kidnapped", 25, "up_to") in figs(nlp, "Villagers said up to 25 people had been taken into the hills.")
    assert ("kidnapped", 12, None) not in figs(nlp, "Twelve people were taken to hospital.")
    assert not figs(nlp, "Four men were taken in for questioning.")


def test_the_party_an_act_is_blamed_on(pipe):
    text = ("A bomb exploded at a bus depot in the town of Harlo on Monday, killing four people. "
            "The bombing was later blamed by a provincial official on \"armed cells backed by the smugglers\".")
    (ev,) = events(pipe, text)
    assert any("armed cells" in p for p in perps(ev))


def test_a_subgroup_told_in_the_next_sentence(nlp):
    assert ("killed", 3, None) in figs(nlp, "Eleven people were killed. Three of them were children waiting for a bus.")
    assert figs(nlp, "Eleven people were killed. Three of them were in the market.") == {("killed", 11, None)}


# --- places -----------------------------------------------------------------------------------------

def test_a_place_after_also_in_holds_the_scene(pipe):
    text = ("On Monday, an air strike on a school in Kyaukpyin village, also in Sagaing, killed 12 pupils, "
            "residents said.")
    (ev,) = [e for e in events(pipe, text) if not e.background]
    assert ev.place is not None and ev.place.city == "Kyaukpyin"
