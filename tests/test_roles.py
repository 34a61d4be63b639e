"""Role-filler extraction on sentences written for these tests (normal and lower case)."""

from __future__ import annotations

import pytest

from rashomon.extract.roles import ROLES, extract_role_fillers
from rashomon.models import Argument
from rashomon.nlp.model import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _run(nlp, text: str) -> list[Argument]:
    doc = nlp(text)
    args = extract_role_fillers(doc)
    for a in args:
        assert a.role in ROLES
        assert doc.text[a.span.start : a.span.end] == a.span.text
        assert a.entity
    return args


def _by_role(args, role):
    return {a.span.text.lower() for a in args if a.role == role}


PASSIVE = ("A powerful bomb was detonated by urban guerrillas outside the headquarters of the "
           "electoral council in the capital last night, police sources said. Two guards were wounded.")


def test_passive_agent_is_perpetrator_and_bomb_is_weapon(nlp):
    args = _run(nlp, PASSIVE)
    assert any("guerrillas" in s for s in _by_role(args, "perpetrator_individual"))
    assert any("bomb" in s for s in _by_role(args, "weapon"))
    assert not any("guerrillas" in s for s in _by_role(args, "victim") | _by_role(args, "target"))


def test_lowercase_text_gives_the_same_roles(nlp):
    upper = _run(nlp, PASSIVE)
    lower = _run(nlp, PASSIVE.lower())
    for role in ("perpetrator_individual", "weapon"):
        assert _by_role(upper, role) == _by_role(lower, role)


def test_claimed_organisation_and_weapons_in_words(nlp):
    text = ("three masked gunmen opened fire on worshippers at a mosque on friday, killing twelve people. "
            "the islamic resistance front claimed responsibility for the attack in a statement. "
            "the gunmen carried assault rifles and hand grenades.")
    args = _run(nlp, text)
    orgs = [a for a in args if a.role == "perpetrator_org"]
    assert any("islamic resistance front" in a.span.text for a in orgs)
    assert all(a.responsibility == "claimed" for a in orgs if "islamic" in a.span.text)
    weapons = _by_role(args, "weapon")
    assert any("rifles" in w for w in weapons) and any("grenades" in w for w in weapons)
    assert any("gunmen" in s for s in _by_role(args, "perpetrator_individual"))


def test_suspected_and_denied_perpetrators(nlp):
    text = ("Police said the ambush on an army convoy near the border was carried out by suspected militants. "
            "Two soldiers were wounded when a roadside bomb struck their armored vehicle.")
    args = _run(nlp, text)
    perps = [a for a in args if a.role == "perpetrator_individual" and "militants" in a.span.text]
    assert perps and perps[0].responsibility == "suspected"
    from rashomon.extract.roles.responsibility import responsibility

    doc = nlp("the guerrillas denied that they had attacked the bridge.")
    start = [t.i for t in doc if t.text == "guerrillas"][0]
    assert responsibility(doc, start, start + 1) == "denied"
    doc = nlp("the army accused the rebels of the massacre.")
    start = [t.i for t in doc if t.text == "rebels"][0]
    assert responsibility(doc, start, start + 1) == "accused"


def test_victims_versus_targets(nlp):
    text = ("Two soldiers were wounded when a roadside bomb struck their armored vehicle on the highway. "
            "Rebels later burned a bus and kidnapped mayor jorge ramirez.")
    args = _run(nlp, text)
    targets, victims = _by_role(args, "target"), _by_role(args, "victim")
    assert any("vehicle" in t or "bus" in t for t in targets)
    assert any("soldiers" in v or "ramirez" in v for v in victims)
    assert not (targets & victims)


def test_one_entity_string_per_entity(nlp):
    text = ("members of the farabundo marti national liberation front (fmln) attacked a power substation. "
            "the fmln urban commandos also dynamited two electricity pylons.")
    args = _run(nlp, text)
    orgs = [a for a in args if a.role == "perpetrator_org"]
    assert orgs
    assert len({a.entity for a in orgs}) == 1


def test_mention_choice_prefers_learned_member():
    """The learned chooser can make a lower-scoring member of an entity its mention."""
    from rashomon.extract.roles.candidates import Candidate, KeyCandidate
    from rashomon.extract.roles.decode import decode

    def kc(key, start):
        return KeyCandidate(key, [Candidate(start, start + len(key.split()), start, "base", key, key)], [])

    keys = [kc("two powerful bombs", 0), kc("bombs", 10)]
    probs = [[0, 0, 0, 0, 0.9], [0, 0, 0, 0, 0.5]]
    plain = decode(keys, probs, {"Weapon": 0.3})
    assert [(e.key, e.members) for e in plain] == [("two powerful bombs", ["two powerful bombs", "bombs"])]
    chosen = decode(keys, probs, {"Weapon": 0.3}, chooser={"shortest=True": 2.0})
    assert [e.key for e in chosen] == ["bombs"] and chosen[0].cand.start == 10


def _key(key, start, feats=()):
    from rashomon.extract.roles.candidates import Candidate, KeyCandidate

    return KeyCandidate(key, [Candidate(start, start + len(key.split()), start, "base", key, key)], list(feats))


def test_soft_gate_and_threshold_for_further_entities():
    """Scores are scaled by relevance ** alpha; entities after a role's best one need ``<role>_rest``."""
    from rashomon.extract.roles.decode import decode

    keys = [_key("car bomb", 0), _key("rifles", 10), _key("grenades", 20)]
    probs = [[0, 0, 0, 0, 0.8], [0, 0, 0, 0, 0.5], [0, 0, 0, 0, 0.3]]
    th = {"Weapon": 0.2, "Weapon_rest": 0.4}
    assert [e.key for e in decode(keys, probs, th)] == ["car bomb", "rifles"]
    th_soft = dict(th, alpha=1.0)
    assert [e.key for e in decode(keys, probs, th_soft, relevance=0.5)] == ["car bomb"]
    assert decode(keys, probs, th_soft, relevance=0.1) == []
    assert len(decode(keys, probs, th_soft)) == 2  # no relevance given: no scaling


def test_multi_instance_score_takes_the_best_occurrence():
    """The occurrence model scores each occurrence of a string and keeps the maximum."""
    import numpy as np

    from rashomon.extract.roles.candidates import Candidate, KeyCandidate
    from rashomon.extract.roles.model import Linear, score_learned

    occ = [Candidate(0, 1, 0, "base", "rebels", "rebels", ["rel=nsubj", "gvatt=nsubj"]),
           Candidate(9, 10, 9, "base", "rebels", "rebels", ["rel=pobj_with"])]
    keys = [KeyCandidate("rebels", occ, ["bias", "lex_perp"]), _key("city", 5, ["bias"])]
    pooled = Linear({"bias": [-2.0] * 5, "lex_perp": [1.0, 0, 0, 0, 0]})
    context = Linear({"gvatt=nsubj": [2.0, 0, 0, 0, 0], "rel=pobj_with": [-1.0, 0, 0, 0, 0]})
    p = score_learned(keys, pooled, context)
    assert p.shape == (2, 5)
    assert np.isclose(p[0, 0], 1 / (1 + np.exp(-1.0)))  # -2 + 1 + max(2, -1)
    assert np.isclose(p[1, 0], 1 / (1 + np.exp(2.0)))  # no occurrence feature: + 0
    assert np.allclose(score_learned(keys, pooled), 1 / (1 + np.exp(-pooled.z([k.feats for k in keys]))))


def test_relevance_gate_features_and_ranking(nlp):
    """The gate's document features are lower-cased counts and lemmas, and an attack report scores as more
    relevant than political commentary (texts written for this test)."""
    from rashomon.extract.roles.candidates import candidates, featurize, pool
    from rashomon.extract.roles.lexicon import priors
    from rashomon.extract.roles.model import doc_features, doc_relevance, score

    attack = ("gunmen shot and killed two police officers and wounded three civilians in a "
              "bomb attack on a bus station last night, police said. the rebels claimed "
              "responsibility for the attack.")
    talk = ("the finance minister said in an interview that the government will present its "
            "budget to congress next week. opposition parties criticized the plan for "
            "raising taxes on small businesses.")
    parts = ("lemma", "lead", "bigram", "count")
    fa = doc_features(nlp(attack), parts)
    assert all(f == f.lower() for f in fa)
    assert "natt=0" not in fa and "nfig=0" not in fa and any(f.startswith("f=") for f in fa)
    assert "natt=0" in doc_features(nlp(talk), parts)

    def rel(text):
        doc = nlp(text)
        cs = candidates(doc)
        featurize(doc, cs, priors())
        probs, _ = score(pool(cs), doc=doc)
        return doc_relevance(doc, probs)

    r_attack, r_talk = rel(attack), rel(talk)
    if r_attack is None:
        pytest.skip("no learned model")
    assert r_attack > r_talk


def test_token_table_follows_the_document_and_rule_scores_match_a_plain_sum(nlp):
    """The token table shared by candidates, features and the claimant rule is rebuilt for each
    new document; the memoised rule scorer gives exactly the plain per-candidate sums."""
    from rashomon.extract.roles.candidates import candidates, doc_tokens, featurize, pool
    from rashomon.extract.roles.lexicon import MUC_ROLES
    from rashomon.extract.roles.model import RULE_WEIGHTS, _sigmoid, score_rules

    a = nlp("rebels burned two buses near the border.")
    b = nlp("a car bomb exploded outside the police station.")
    assert doc_tokens(a).text[0] == "rebels" and doc_tokens(a) is doc_tokens(a)
    assert doc_tokens(b).text[1] == "car" and doc_tokens(b).lower[0] == "a"
    cands = candidates(b)
    featurize(b, cands, None)
    keys = pool(cands)
    got = score_rules(keys)
    for i, k in enumerate(keys):
        fs = set(k.feats)
        for r, role in enumerate(MUC_ROLES):
            assert got[i, r] == _sigmoid(sum(v for f, v in RULE_WEIGHTS[role].items() if f in fs))
    weapons = {k.key for i, k in enumerate(keys) if got[i, MUC_ROLES.index("Weapon")] >= 0.5}
    assert "car bomb" in weapons or "bomb" in weapons


def test_a_verb_with_its_own_subject_is_no_role_filler_candidate():
    import importlib

    from rashomon.nlp.model import load_nlp

    cands = importlib.import_module("rashomon.extract.roles.candidates")
    doc = load_nlp()("Gunmen killed 12 people at a concert hall on Friday. Four men were arrested. "
                     "They were charged with murder.")
    texts = {doc[c.start:c.end].text for c in cands.candidates(doc)}
    assert "charged" not in texts and "Gunmen" in texts


SUSPICION = [
    ("A car bomb exploded outside a police station in the port town on Sunday, killing six officers. "
     "No group has claimed the bombing, but suspicion fell on the Northern Liberation Front, which has "
     "attacked police posts before.", "Northern Liberation Front"),
    ("Gunmen killed four farmers in a village on Friday. Local officials said they suspected the Red Hand "
     "militia, which has been fighting over grazing land.", "Red Hand"),
    ("A grenade blast wounded nine shoppers at a market on Tuesday. A police spokesman said early evidence "
     "pointed to the Sahel Brigades, a group active near the border.", "Sahel Brigades"),
    ("Two bombs went off at a bus depot on Monday, killing three people. A minister said the blasts bore "
     "the hallmarks of the Crescent Army.", "Crescent Army"),
]


@pytest.mark.parametrize("text,party", SUSPICION)
def test_suspected_party_is_a_perpetrator(nlp, text, party):
    for t in (text, text.lower()):
        args = _run(nlp, t)
        perps = [a for a in args if a.role.startswith("perpetrator") and party.lower() in a.span.text.lower()]
        assert perps, (t, [(a.role, a.span.text) for a in args])
        assert all(a.responsibility == "suspected" for a in perps)


def test_no_group_names_no_perpetrator(nlp):
    text = ("An explosion tore through a bus station on Sunday, killing eleven people. No group has claimed "
            "responsibility, and nobody has been arrested. Whoever planted the device fled, police said.")
    args = _run(nlp, text)
    perps = {a.span.text.lower() for a in args if a.role.startswith("perpetrator")}
    assert not any(p.startswith(("no ", "nobody", "whoever")) for p in perps), perps


def test_a_bombing_claimed_by_a_group_names_the_group(nlp):
    text = ("In March 2019, a suicide car bombing claimed by a splinter faction of the Red Army killed 37 people "
            "in the capital.")
    perps = [a for a in _run(nlp, text) if a.role.startswith("perpetrator") and "faction" in a.span.text]
    assert perps and perps[0].responsibility == "claimed", [(a.role, a.span.text) for a in _run(nlp, text)]
