"""The reference article end to end: the facts the foundation issue lists, each with its span.

The article is a test, not a template: nothing in the extractors names its people,
places, numbers or phrases.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.ingest.sources import read_sources
from rashomon.models import Analysis

ARTICLE = Path(__file__).resolve().parents[1].parent / "shared" / "articles" / "moscow-steps-up-attacks-2024-04-08.txt"
AIR = {"air_strike", "missile_strike", "drone_strike"}


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    from rashomon.engine.pipeline import Pipeline

    pipeline = Pipeline()
    if not ARTICLE.exists():
        pytest.skip("shared/ not available")
    (doc,) = list(read_sources([str(ARTICLE)]))
    return pipeline.analyze(doc)


def _main(analysis: Analysis):
    return next(ev for ev in analysis.events if {"armed_assault", "arson"} <= set(ev.types))


def test_metadata(analysis):
    d = analysis.document
    assert d.title == "Moscow steps up attacks on Ukraine after IS terror attack"
    assert d.author == "Roy Landersen"
    assert d.published == "2024-04-08"


def test_main_attack(analysis):
    ev = _main(analysis)
    assert not ev.background
    assert ev.date is not None and ev.date.value == "2024-03-22"
    assert ev.place is not None and ev.place.name == "Moscow" and ev.place.country == "RU"
    figures = {(f.kind, f.value, f.qualifier) for f in ev.figures}
    assert ("attackers", 4, None) in figures
    assert ("killed", 139, "at_least") in figures
    assert ("wounded", 60, None) in figures
    assert ("arrested", 11, "exact") in figures
    assert ("charged", 4, None) in figures
    wounded = next(f for f in ev.figures if f.kind == "wounded")
    assert wounded.modifier == "critically"


def test_main_attack_claimed_by_isk(analysis):
    ev = _main(analysis)
    claimed = [a for a in ev.arguments if a.role == "perpetrator_org" and a.responsibility == "claimed"]
    assert any("Islamic State Khorasan" in a.span.text for a in claimed)
    accused = {a.span.text for a in ev.arguments if a.responsibility == "accused"}
    assert any("Ukraine" in t or "Kyiv" in t for t in accused)
    assert any(a.responsibility == "denied" and "Kyiv" in a.span.text for a in ev.arguments)


def test_air_campaign_is_a_separate_event(analysis):
    air = [ev for ev in analysis.events if AIR & set(ev.types)]
    assert len(air) == 1
    ev = air[0]
    assert ev is not _main(analysis)
    assert ev.date is not None and ev.date.value == "2024-03-25"
    assert ev.place is not None and ev.place.country == "UA"
    # the party that unleashed the bombardment is its perpetrator
    assert any(a.role == "perpetrator_org" and a.span.text == "Moscow" for a in ev.arguments)


def test_background_events(analysis):
    background = [ev for ev in analysis.events if ev.background]
    kabul = [ev for ev in background if ev.place and ev.place.name == "Kabul"]
    assert kabul and kabul[0].date.value == "2022"
    oct7 = [ev for ev in analysis.events if ev.date and ev.date.value.endswith("-10-07")]
    assert oct7 and oct7[0].date.value == "2023-10-07" and oct7[0].background
    assert not _main(analysis).background


def _statements(analysis, speaker: str):
    return [st for st in analysis.statements if st.speaker == speaker]


def test_putin_statements(analysis):
    putin = _statements(analysis, "Vladimir Putin")
    by_cue = {st.cue.text.lower(): st for st in putin}
    assert "dismissed" in by_cue and by_cue["dismissed"].type == "dismissal"
    assert "blackmail" in by_cue["dismissed"].content.text
    claims = [st for st in putin if st.cue.text.lower() == "claimed"]
    assert any("terrorist tactics" in st.content.text and st.type == "accusation" for st in claims)
    assert any("flee to Ukraine" in st.content.text for st in claims)  # "The Russian president claimed"
    assert any(st.type == "admission" and "radical Islamists" in st.content.text for st in putin)
    asked = [st for st in putin if st.type == "question"]
    assert any(st.date is not None and st.date.value == "2024-03-25" for st in asked)


def test_other_speakers(analysis):
    luka = _statements(analysis, "Alexander Lukashenko")
    assert any(st.date is not None and st.date.value == "2024-03-26" for st in luka)
    denials = [st for st in analysis.statements if st.type == "denial"]
    assert any(st.source is not None and "Kyiv officials" in st.source.text for st in denials)
    assert any(st.source is not None and "state television" in st.source.text and st.type in ("dismissal", "accusation")
               for st in analysis.statements)
    fsb = [st for st in analysis.statements if st.source is not None and "Federal Security Service" in st.source.text]
    assert fsb and fsb[0].type == "accusation"
    unions = [st for st in analysis.statements if st.source is not None and "Confederation" in st.source.text]
    assert unions and unions[0].date is not None and unions[0].date.value == "2024-03-23"
    assert any(st.type == "warning" for st in analysis.statements)
    assert any(st.type == "claim_of_responsibility" for st in analysis.statements)


def test_direct_and_reported_speech(analysis):
    modes = {st.mode for st in analysis.statements}
    assert {"direct", "indirect"} <= modes or {"mixed", "indirect"} <= modes


def test_every_span_points_at_its_text(analysis):
    text = analysis.document.text
    spans = [t.span for t in analysis.timexes]
    for ev in analysis.events:
        spans += [ev.trigger, ev.sentence, *ev.mentions, *(a.span for a in ev.arguments), *(f.span for f in ev.figures)]
        spans += [s for s in (ev.date.span if ev.date else None, ev.place.span if ev.place else None) if s]
    for st in analysis.statements:
        spans += [s for s in (st.source, st.cue, st.content, st.target) if s]
    assert spans
    for span in spans:
        assert text[span.start:span.end] == span.text


def test_polarity_toward_the_attribution(analysis):
    pol = {st.type: st.polarity for st in analysis.statements}
    assert pol.get("denial") == "rejects"
    assert pol.get("claim_of_responsibility") == "supports"
    assert pol.get("accusation") == "supports"


def test_no_relative_pronoun_speaker_and_no_accused_pursuer(analysis):
    """One attribution per quoted question ("asking people to consider, '...?'": the first cue of the chain,
    whose source is the president, not the relative pronoun of an earlier clause); and a government
    pursuing "those who ordered" the attack is not accused of it."""
    assert not any(st.speaker and st.speaker.lower() in ("who", "which", "that") for st in analysis.statements)
    accused = [st.target.text for st in analysis.statements if st.type == "accusation" and st.target is not None]
    assert not any("Kremlin" in t for t in accused)
