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


# ---- classes fixed in session 3 (sentences written for these tests)


def _resolve_cued(nlp, text, phrases):
    """Sources given as unique 'source cue' phrases ("he said"): the last word is the cue."""
    sts = []
    for ph in phrases:
        i = text.index(ph)
        src, cue = ph.rsplit(" ", 1)
        cs = i + len(src) + 1
        sts.append(Statement(cue=Span.of(text, cs, cs + len(cue)), content=Span.of(text, cs + len(cue), len(text)),
                             source=Span.of(text, i, i + len(src))))
    resolve_speakers(nlp(text), sts)
    return [(st.speaker, st.speaker_kind) for st in sts]


def test_pronoun_after_quote_goes_to_the_quoted_speaker_not_people_in_the_quote(nlp):
    text = ("\"I thought that Carl Benson did all the things right,\" said radio host Daniel Okafor. "
            "\"His answers were excellent. He looked like a leader.\"\n\n"
            "\"I thought he was very effective,\" Okafor said.\n\n"
            "Okafor said Benson's performance should help the party.\n\n"
            "\"I thought he was very effective at winning the farmers,\" he said.")
    got = _resolve_cued(nlp, text, ["he said"])
    assert got[0][0] == "Daniel Okafor"


def test_main_clause_subject_beats_a_salient_name_in_an_embedded_clause(nlp):
    text = ("Governor Martin Hale unveiled a budget. Hale said it was fair. Hale thanked voters. "
            "Hale's aides praised it. Critics attacked Hale. Hale replied on Monday.\n\n"
            "Campaign spokesman Peter Lund told reporters that Hale's plan would cut taxes. "
            "However, he could not explain the numbers.")
    got = _resolve_cued(nlp, text, ["he could"])
    assert got[0][0] == "Peter Lund"


def test_pronoun_in_subordinate_clause_goes_to_the_subject_of_its_sentence(nlp):
    text = ("Rush Hill said the debate was unfair. "
            "Hill continued: \"The moderators failed. Hill is right about that.\" "
            "Hill added that viewers noticed it.\n\nHe concluded: \"Nobody checked the facts, and Hill knows it.\"\n\n"
            "Hill's colleague Samuel Ortiz faced heavy criticism from rival outlets after he asked the mayor "
            "about the contracts.")
    got = _resolve_cued(nlp, text, ["he asked"])
    assert got[0][0] == "Samuel Ortiz"


def test_unisex_first_name_and_gendered_premodifier(nlp):
    text = ("Minister Paul Brennan defended the law. \"It is wrong,\" said war widow Terry Dalton. "
            "She added that families had waited for years.")
    got = _resolve(nlp, text, [("She", 0)])
    assert got[0][0] == "Terry Dalton"


def test_shared_surname_keeps_the_main_actor(nlp):
    text = ("Senator Mark Ellison said he would not endorse the nominee. "
            "Ellison said the nominee had insulted his family. "
            "The nominee had mocked a photo of Laura Ellison, his wife. "
            "\"This became personal,\" Ellison said.")
    got = _resolve(nlp, text, [("Ellison", 3)])
    assert got[0][0] == "Mark Ellison"


def test_known_surname_missed_by_the_tagger(nlp):
    text = ("Rep. Adam McKinnon criticised the agency on Monday. \"It failed,\" McKinnon told reporters.\n\n"
            "McKinnon's allies agreed. McKinnon called on the administration to act. That could include sanctions.\n\n"
            "\"We cannot wait,\" he said.")
    got = _resolve_cued(nlp, text, ["he said"])
    assert got[0][0] == "Adam McKinnon"


def test_trailing_he_said_after_reported_words(nlp):
    text = ("Thomas Reed has served in Congress for 20 years. Reed is a hard worker. Reed voted against the bill. "
            "Reed was one of three members who opposed it.\n\n"
            "\"There are many people in Congress whose knowledge is thin,\" said Michael Brandt, president of the "
            "teachers' union. \"We need people of substance.\"\n\nPeople like Reed, he said.")
    got = _resolve_cued(nlp, text, ["he said"])
    assert got[0][0] == "Michael Brandt"


def test_epithets_for_the_previous_subject(nlp):
    text = ("Helen Marsh, the former foreign minister, defended her record on Tuesday. "
            "The former senator said the emails were harmless. "
            "Asked about her plans, the 58-year-old mother of two replied that she would run again.")
    got = _resolve(nlp, text, [("The former senator", 0), ("the 58-year-old mother of two", 0)])
    assert [g[0] for g in got] == ["Helen Marsh", "Helen Marsh"]


def test_org_noun_matches_an_organisation_not_people_or_rulings(nlp):
    text = ("The Green Alliance campaign hired new staff. Campaign aides said turnout would rise. "
            "A later court ruling could change that. The campaign said it would hold a rally.")
    got = _resolve_cued(nlp, text, ["The campaign said"])
    assert got[0][0] == "Green Alliance campaign"


def test_court_name_cut_at_for_is_extended(nlp):
    text = ("A panel of the U.S. Court of Appeals for the Ninth Circuit heard the case in March. "
            "The appeals court ruled that the law was valid.")
    got = _resolve(nlp, text, [("The appeals court", 0)])
    assert got[0][0] == "U.S. Court of Appeals for the Ninth Circuit"


def test_org_name_ending_in_of_takes_the_following_name(nlp):
    text = ("The strike closed three plants. The Federation of Independent Miners of Bolivia said the stoppage "
            "would continue until wages were paid.")
    got = _resolve(nlp, text, [("The Federation of Independent Miners of Bolivia", 0)])
    assert got[0][0] == "Federation of Independent Miners of Bolivia"


def test_they_prefers_the_nearest_group_and_not_a_place(nlp):
    text = ("Democrats want higher taxes, and Republicans want lower rates because they say growth will follow.")
    got = _resolve_cued(nlp, text, ["they say"])
    assert got[0][0] == "Republicans"
    text = ("The Harbor Institute published a study on crime in Denver. "
            "On Monday they said the figures were accurate.")
    got = _resolve_cued(nlp, text, ["they said"])
    assert got[0][0] == "Harbor Institute"


def test_they_is_not_a_document(nlp):
    text = ("The Security Council issued a statement on Friday. "
            "The statement noted that further measures were possible. "
            "\"We will act,\" they said.")
    got = _resolve_cued(nlp, text, ["they said"])
    assert got[0][0] == "Security Council"


def test_org_noun_skips_an_organisation_named_in_an_aside(nlp):
    text = ("Officials at the Border Crimes Unit, a division of the National Customs Service, "
            "said smugglers were adapting. In a 2019 memo, the agency asked for more funding.")
    got = _resolve(nlp, text, [("the agency", 0)])
    assert got[0][0] == "Border Crimes Unit"


def test_title_phrase_ending_in_a_name_is_that_person(nlp):
    text = ("A military spokesman, Colonel Ivan Petrenko, called the claim a lie.\n\n"
            "Presidential chief of staff Oleh Marchuk said three missiles had been fired at the city. "
            "\"Every strike is an answer to those who ask us to give in,\" he said in a video address.")
    got = _resolve_cued(nlp, text, ["he said"])
    assert got[0][0] == "Oleh Marchuk"


def test_org_noun_keeps_a_named_place_but_not_a_manner_phrase(nlp):
    text = ("Volunteer militias patrol the north. The government in Ouagadougou said the army had retaken the town.")
    got = _resolve(nlp, text, [("The government in Ouagadougou", 0)])
    assert got[0][0] == "government in Ouagadougou"
    text = ("Ella Brandt resigned from the network in dramatic fashion. The Coastal Broadcasting Network said it "
            "regretted her decision. Later the network said it would send a reporter to the region.")
    got = _resolve_cued(nlp, text, ["the network said"])
    assert got[0][0] == "Coastal Broadcasting Network"


def test_work_noun_goes_to_the_latest_titled_work(nlp):
    text = ("Director Anna Kovac spent four years on \u201cSilent Harbour\u201d, which follows dock workers in Gdansk. "
            "Kovac said most viewers did not know the history. "
            "The film argues that the strikes changed the country. Critics praised the film for its restraint.")
    got = _resolve(nlp, text, [("The film", 0), ("the film", 0)])
    assert [g[0] for g in got] == ["Silent Harbour", "Silent Harbour"]


def test_quoted_group_name_and_subject_parallelism_for_they(nlp):
    text = ("Today \"the militias,\" the armed wing of the cartel, ordered its commanders to seize trucks. "
            "\"The militias\" sent a communique to several radio stations in the capital, calling on their fighters "
            "to block the roads. They also recommend that drivers should leave their vehicles.")
    got = _resolve_cued(nlp, text, ["They also recommend"])
    assert got[0][0].lower() == "militias"


def test_gold_set_floor():
    if not (SHARED / "data" / "polnear" / "dev" / "text").is_dir():
        pytest.skip("shared PolNeAR data missing")
    from rashomon.eval.speakers import evaluate

    m = evaluate(limit=60)
    assert m["n"] == 60
    assert m["accuracy"] >= 0.85  # 0.90 at session 3


def test_a_lowercase_word_tagged_person_in_cased_text_is_no_antecedent():
    from rashomon.resolve.speakers import _Resolver

    nlp = load_nlp()
    doc = nlp("A teacher who escaped said the gunmen herded the children into the bush. \"We ran,\" he said.")
    r = _Resolver(doc).run()
    assert not any(e.kind == "person" and "bush" in " ".join(e.name_tokens).lower() for e in r.entities)


@pytest.mark.parametrize("source", ["Mr Hribar's father", "Nakau's sister"])
def test_a_relative_of_the_named_person_is_not_that_person(source):
    from rashomon.engine.pipeline import Pipeline
    from rashomon.models import Document

    text = (f"Police named the attacker as Luka Hribar and said Josefa Nakau had escaped. {source} told a local "
            "newspaper that he had asked doctors for help.")
    a = Pipeline().analyze(Document(id="t", text=text, published="2025-06-04"))
    (st,) = [s for s in a.statements if s.source is not None and s.source.text == source]
    assert st.speaker == source
