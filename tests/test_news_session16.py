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
