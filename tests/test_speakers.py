"""Speaker resolution on short news paragraphs written for these tests, plus a gold-set floor."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rashomon.models import Span, Statement
from rashomon.nlp.model import load_nlp
from rashomon.resolve.speakers import resolve_mentions, resolve_speakers

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _statements(text: str, sources: list[tuple[str, int]]) -> list[Statement]:
    """Statements whose source is the n-th occurrence of a string; cue = the next word."""
    out = []
    for s, nth in sources:
        m = [x for x in re.finditer(re.escape(s), text)][nth]
        cue = re.compile(r"(\w+)").search(text, m.end())
        c = Span.of(text, cue.start(1), cue.end(1))
        out.append(Statement(cue=c, content=Span.of(text, c.end, len(text)), source=Span.of(text, m.start(), m.end())))
    return out


def _resolve(nlp, text, sources):
    sts = _statements(text, sources)
    resolve_speakers(nlp(text), sts)
    return [(st.speaker, st.speaker_kind) for st in sts]


def test_name_surname_title_pronoun_chain(nlp):
    text = ("Brazilian President Marta Oliveira arrived in Lisbon on Monday for talks on trade. "
            "Oliveira said the agreement was close. The Brazilian president added that farmers would benefit. "
            "Later she told reporters that a deal could be signed within weeks.")
    got = _resolve(nlp, text, [("Oliveira", 1), ("The Brazilian president", 0), ("she", 0)])
    assert [g[0] for g in got] == ["Marta Oliveira"] * 3
    assert all(k == "person" for _, k in got)


def test_male_pronoun_skips_female_candidate(nlp):
    text = ("Interior Minister Daniel Reyes met Senator Laura Quintero in the capital. "
            "Quintero criticised the police budget. He said the cuts were necessary.")
    got = _resolve(nlp, text, [("He", 0)])
    assert got[0][0] == "Daniel Reyes"


def test_shared_surname_stays_apart(nlp):
    text = ("Opposition leader Ahmed Khan accused the government of fraud. "
            "Hours later, Prime Minister Imran Khan rejected the charge in a televised address. "
            "Khan said the vote had been fair.")
    got = _resolve(nlp, text, [("Ahmed Khan", 0), ("Imran Khan", 0), ("Khan said", 0)])
    assert got[0][0] == "Ahmed Khan" and got[1][0] == "Imran Khan"
    assert got[2][0] == "Imran Khan"  # a bare surname goes to the most recent bearer


def test_role_with_complement_without_name(nlp):
    text = ("The head of the National Intelligence Agency (NIA), the country's spy service, "
            "said the bombing had been planned abroad.")
    got = _resolve(nlp, text, [("The head of the National Intelligence Agency (NIA)", 0)])
    assert got[0] == ("head of the National Intelligence Agency", "person")


def test_organisations_media_and_groups(nlp):
    text = ("The Interior Ministry said 12 people were arrested. "
            "Kenyan police officials said the suspects were held in Mombasa. "
            "State television reported that the blast damaged a bridge. "
            "The Daily Nation newspaper said the attackers had fled.")
    got = _resolve(nlp, text, [("The Interior Ministry", 0), ("Kenyan police officials", 0),
                               ("State television", 0), ("The Daily Nation newspaper", 0)])
    assert got[0] == ("Interior Ministry", "government")
    assert got[1] == ("Kenyan police officials", "group")
    assert got[2][1] == "media"
    assert got[3][1] == "media"


def test_definite_org_noun_goes_to_named_org(nlp):
    text = ("Harbor Bank reported record profits on Tuesday. "
            "Regulators questioned its lending. The bank said its accounts were sound.")
    got = _resolve(nlp, text, [("The bank", 0)])
    assert got[0][0] == "Harbor Bank"


def test_a_common_noun_tagged_as_a_name_is_no_named_org(nlp):
    # the parser tags the sentence-initial "Bank" as an organisation name; "the bank" still means the named one
    text = ("Regulators fined Harlow Fargo $185 million on Monday.\n\n"
            "Bank said in a filing that the fine was unfair, according to the Journal.\n\n"
            "The bank said that it had fired 5,300 employees.")
    got = _resolve(nlp, text, [("The bank", 0)])
    assert got[0][0] == "Harlow Fargo"


def test_resolve_mentions_links_pronoun(nlp):
    text = "Senator Laura Quintero spoke in Bogota. She said the law would pass."
    doc = nlp(text)
    ms = resolve_mentions(doc)
    she = [m for m in ms if m.span.text == "She"]
    assert she and she[0].entity == "Laura Quintero"
    assert all(m.span.text == text[m.span.start:m.span.end] for m in ms)


def test_gold_set_floor():
    if not (SHARED / "data" / "polnear" / "dev" / "text").is_dir():
        pytest.skip("shared PolNeAR data missing")
    from rashomon.eval.speakers import evaluate

    m = evaluate(limit=60)
    assert m["n"] == 60
    assert m["accuracy"] >= 0.72
