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
