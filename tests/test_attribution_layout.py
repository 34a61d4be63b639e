"""Attributions that the page layout makes, not a speech verb: a pull quote signed with a dash, an embedded
post signed "— Name (@handle) date", a headline "Name: words" and the speaker turns of a transcript."""

from __future__ import annotations

import pytest

from rashomon.extract.attribution import extract_attributions


@pytest.fixture(scope="module")
def nlp():
    from rashomon.nlp.model import load_nlp

    return load_nlp()


def run(nlp, text: str):
    statements = extract_attributions(nlp(text))
    for st in statements:
        for span in (st.cue, st.content, st.source):
            if span is not None:
                assert text[span.start:span.end] == span.text
    return statements


def by_cue(statements, cue: str):
    return [st for st in statements if st.cue.text == cue]


def plain(span) -> str:
    return span.text.strip(" \"'“”‘’,.:;?!") if span is not None else ""


@pytest.mark.parametrize("line, cue, source, content", [
    ("“We will rebuild this market, stone by stone.” ― Maria Lopez, shop owner", "―", "Maria Lopez",
     "We will rebuild this market, stone by stone"),  # a pull quote signed with a dash
    ("\"Nobody came to help us for two hours.\" - Tomas Berg.", "-", "Tomas Berg",
     "Nobody came to help us for two hours"),
    ("Our thoughts are with the families in Dover tonight. pic.twitter.com/x1y2z3 — Ann Cole (@anncole) March 23, "
     "2024", "—", "Ann Cole", "Our thoughts are with the families in Dover tonight"),  # an embedded post
])
def test_a_line_signed_after_a_dash(nlp, line, cue, source, content):
    sts = by_cue(run(nlp, f"Shopkeepers swept glass from the pavement on Sunday.\n\n{line}\n"), cue)
    assert len(sts) == 1 and plain(sts[0].source) == source and plain(sts[0].content) == content


def test_a_credit_or_a_gloss_after_a_dash_signs_nothing(nlp):
    text = ("\"It was an act of cowardice.\" - Reuters.\n\n"
            "\"Do svidaniya!\" - Russian for goodbye.\n\n"
            "\"Stay inside.\" - The police repeated the warning all night.\n")
    sts = run(nlp, text)
    assert not [st for st in sts if st.cue.text in ("-", "―", "—")]


def test_headline_name_colon_words(nlp):
    text = ("Governor: Floods Will Not Delay The Vote\n\n"
            "By Sam Reed\nMay 2, 2024\n\nThe governor spoke after visiting the flooded districts.\n")
    sts = run(nlp, text)
    head = by_cue(sts, ":")
    assert head and plain(head[0].source) == "Governor"
    assert plain(head[0].content) == "Floods Will Not Delay The Vote"


def test_transcript_turns_are_the_speakers_statements(nlp):
    text = ("Part of the interview follows.\n\n"
            "\"HARPER: Will the ceasefire hold through the weekend?\n\n"
            "\"OKAFOR: Nobody can promise that, but the convoys are moving again.\n\n"
            "HARPER: And the airport?\n\n"
            "OKAFOR: It stays closed until the runway is repaired.\n")
    sts = by_cue(run(nlp, text), ":")
    assert [plain(st.source) for st in sts] == ["HARPER", "OKAFOR", "HARPER", "OKAFOR"]
    assert plain(sts[1].content) == "Nobody can promise that, but the convoys are moving again"
    assert plain(sts[3].content) == "It stays closed until the runway is repaired"


def test_a_bare_q_and_a_or_a_tally_is_no_speaker_turn(nlp):
    text = ("Q: Did you see the attackers?\n\nA: Yes, three men with rifles.\n\n"
            "Q: What did they do?\n\nA: They fired at the gate.\n\n"
            "Provisional count.\n\nHassan: 1,769.\n\nOduya: 1,501.\n\nHassan: 2,316.\n")
    sts = by_cue(run(nlp, text), ":")
    assert not [st for st in sts if plain(st.source) in ("Q", "A", "Hassan", "Oduya")]


def test_a_reporting_clause_with_an_apposed_name_and_a_speech_participle(nlp):
    text = ("Gendarmes detained three young men in Houaïlou on Sunday morning, the public prosecutor in Nouméa, Yves Dupas, "
            "said, adding that the investigation remained \"open to all hypotheses\".")
    sts = run(nlp, text)
    said = by_cue(sts, "said")
    adding = by_cue(sts, "adding")
    assert said and plain(said[0].source) == "the public prosecutor in Nouméa, Yves Dupas"
    assert plain(said[0].content) == "Gendarmes detained three young men in Houaïlou on Sunday morning"
    assert adding and adding[0].source == said[0].source


@pytest.mark.parametrize("headline", ["Ukraine war: Russia shells Kharkiv overnight",
                                      "Moscow attack: What we know so far",
                                      "The Latest: Rescuers search the rubble"])
def test_a_headline_topic_before_a_colon_is_no_speaker(nlp, headline):
    text = f"{headline}\n\nBy Sam Reed\nMay 2, 2024\n\nThe statement came after a night of shelling.\n"
    assert not by_cue(run(nlp, text), ":")
