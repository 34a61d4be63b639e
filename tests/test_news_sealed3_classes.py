"""Classes read on reports_sealed3 (after its one run), each on sentences written for the test."""

from __future__ import annotations

import pytest


def test_pirates_who_hijack_are_the_attackers_and_the_crew_they_hold_is_kidnapped(analyze):
    a = analyze("Armed pirates hijacked a tanker off the port of Kuala Selat early on Sunday and held its 12 "
                "crew members for six hours, the coast guard said. Police later held 11 suspects in the port.")
    ev = a.events[0]
    assert ev.type == "hijacking"
    assert any("pirates" in arg.span.text for arg in ev.arguments if arg.role.startswith("perpetrator"))
    kinds = {(f.kind, f.value) for f in ev.figures}
    assert ("kidnapped", 12) in kinds and ("arrested", 12) not in kinds and ("arrested", 11) in kinds


def test_an_accused_party_dismissing_the_accusation_denies_it(analyze):
    a = analyze("A drone exploded on a farm near the village of Ostrova on Monday, killing a farmer, police "
                "said. The interior minister accused the Northern Front of the attack. The Northern Front "
                "dismissed the accusation as propaganda.")
    perps = [(arg.span.text, arg.responsibility) for ev in a.events for arg in ev.arguments
             if arg.role.startswith("perpetrator")]
    assert ("Northern Front", "accused") in perps or ("the Northern Front", "accused") in perps
    assert any("Northern Front" in text and resp == "denied" for text, resp in perps)


def test_debris_from_a_foreign_missile_places_nothing_abroad(analyze):
    a = analyze("Missile debris hits village\n\nIn October 2022, debris from a Belarusian missile fell in a "
                "field, damaging two barns but causing no casualties, officials said.")
    assert all(ev.place is None or ev.place.country != "BY" for ev in a.events)


def test_shells_fired_from_across_a_river_strike_where_they_land(analyze):
    a = analyze("Mortar shells fired from across the Prut River struck a farm near the town of Cahul late "
                "on Tuesday, killing two workers, officials said.")
    main = [ev for ev in a.events if not ev.background]
    assert len(main) == 1 and main[0].place is not None and main[0].place.country == "MD"


def test_since_a_date_when_something_happened_dates_that_background_incident(analyze):
    a = analyze("Gunmen killed four farmers near the town of Kasulu on Wednesday, police said.\n\n"
                "It was the worst attack in Kenya since June 2014, when gunmen raided the coastal town of "
                "Mpeketoni, killing about 50 people.")
    back = [ev for ev in a.events if ev.background]
    assert back and back[0].date is not None and back[0].date.value == "2014-06"
