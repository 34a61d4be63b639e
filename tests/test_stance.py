"""Statement types on sentences written for these tests, plus a gold-set floor."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.extract.stance import classify_statement, statement_polarity
from rashomon.models import Span, Statement
from rashomon.nlp.model import load_nlp

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _classify(nlp, text: str, source: str, cue: str, content: str):
    cs = text.index(cue)
    ct = text.index(content)
    s = text.index(source)
    st = Statement(cue=Span.of(text, cs, cs + len(cue)), content=Span.of(text, ct, ct + len(content)),
                   source=Span.of(text, s, s + len(source)))
    doc = nlp(text)
    typ, target = classify_statement(doc, st)
    st.type = typ
    return typ, (target.text if target else None), statement_polarity(doc, st)


CASES = [
    ("A little-known militia calling itself the Northern Front claimed responsibility for the ambush on Sunday.",
     "A little-known militia calling itself the Northern Front", "claimed", "responsibility for the ambush on Sunday",
     "claim_of_responsibility", None),
    ("The defence ministry accused the rebels of shelling the market.",
     "The defence ministry", "accused", "of shelling the market", "accusation", "the rebels"),
    ("Police blamed the blast on a separatist cell.", "Police", "blamed", "the blast on a separatist cell",
     "accusation", "a separatist cell"),
    ("The governor said the bombing was carried out by the Red Hand militia.", "The governor", "said",
     "the bombing was carried out by the Red Hand militia", "accusation", "the Red Hand militia"),
    ("The group denied any role in the killing of the journalist.", "The group", "denied",
     "any role in the killing of the journalist", "denial", "any role in the killing of the journalist"),
    ("A rebel spokesman said the movement had nothing to do with the attack.", "A rebel spokesman", "said",
     "the movement had nothing to do with the attack", "denial", None),
    ("The minister dismissed the report as propaganda.", "The minister", "dismissed", "the report as propaganda",
     "dismissal", "the report"),
    ("The embassy warned citizens to avoid the border region.", "The embassy", "warned",
     "citizens to avoid the border region", "warning", None),
    ("The army admitted that two civilians died in the raid.", "The army", "admitted",
     "that two civilians died in the raid", "admission", None),
    ("\"Who gave the order to fire?\" the senator asked.", "the senator", "asked", "Who gave the order to fire?",
     "question", None),
    ("The mayor said the bridge would reopen next week.", "The mayor", "said", "the bridge would reopen next week",
     "other", None),
    ("The president asked the parties to return to the talks.", "The president", "asked",
     "the parties to return to the talks", "other", None),
    ("No group has claimed responsibility for the explosion.", "No group", "claimed",
     "responsibility for the explosion", "other", None),
]


@pytest.mark.parametrize("text,source,cue,content,typ,target", CASES)
def test_types(nlp, text, source, cue, content, typ, target):
    got_type, got_target, _ = _classify(nlp, text, source, cue, content)
    assert got_type == typ
    if target is not None:
        assert got_target is not None and (target in got_target or got_target in target)


def test_polarity(nlp):
    assert _classify(nlp, *CASES[1][:4])[2] == "supports"
    assert _classify(nlp, *CASES[4][:4])[2] == "rejects"
    assert _classify(nlp, *CASES[10][:4])[2] is None


def test_gold_set_floor():
    if not (SHARED / "data" / "muc4" / "processed" / "train.json").is_file():
        pytest.skip("shared MUC-4 data missing")
    from rashomon.eval.stance import evaluate

    m = evaluate(use_extractor=False)
    assert m["n"] >= 100
    assert m["accuracy"] >= 0.75


@pytest.mark.parametrize("text, source, cue, content, typ", [
    ("The group said in a statement that one of its members had detonated an explosive belt among the worshippers.",
     "The group", "said", "one of its members had detonated an explosive belt among the worshippers", "claim_of_responsibility"),
    ("The governor said the bomber had been sent by the Revolutionary Front from across the border.",
     "The governor", "said", "the bomber had been sent by the Revolutionary Front from across the border", "accusation"),
])
def test_claims_and_accusations_in_reported_content(nlp, text, source, cue, content, typ):
    assert _classify(nlp, text, source, cue, content)[0] == typ


def test_pursuing_the_authors_is_no_accusation_of_the_pursuer(nlp):
    text = "The president said the security services were tracking those who ordered the bombing."
    typ, target, _ = _classify(nlp, text, "The president", "said",
                               "the security services were tracking those who ordered the bombing")
    assert typ != "accusation"
    text = '"We will find every one of those who planned this attack," the minister said.'
    assert _classify(nlp, text, "the minister", "said",
                     "We will find every one of those who planned this attack")[0] == "warning"


@pytest.mark.parametrize("text, source, content", [
    ("The governor said the report of a massacre in the valley was completely false.", "The governor",
     "the report of a massacre in the valley was completely false"),
    ("A police spokesman said the anonymous claim of responsibility lacked credibility and sounded like a joke.",
     "A police spokesman", "the anonymous claim of responsibility lacked credibility and sounded like a joke"),
])
def test_content_that_discredits_a_report_is_a_dismissal(nlp, text, source, content):
    assert _classify(nlp, text, source, "said", content)[0] == "dismissal"


@pytest.mark.parametrize("text, content", [
    ("Police said the gunmen had used false identity papers.", "the gunmen had used false identity papers"),
    ("The minister said there was no basis for negotiations with the rebels.",
     "there was no basis for negotiations with the rebels"),
])
def test_a_false_thing_is_no_dismissal(nlp, text, content):
    source = text.split(" said")[0]
    assert _classify(nlp, text, source, "said", content)[0] != "dismissal"


def test_told_attack_by_unnamed_attackers_is_no_accusation(nlp):
    # a neutral report of what unnamed attackers did, or of troops hitting back, accuses nobody
    for text, source, content in [
        ("KANO, Nigeria (AP) — Gunmen stormed a village and killed nine farmers, police said.", "police",
         "KANO, Nigeria (AP) — Gunmen stormed a village and killed nine farmers"),
        ("Soldiers killed seven of the attackers in a gunfight, the army said.", "the army",
         "Soldiers killed seven of the attackers in a gunfight"),
        ("Officers recovered two assault rifles at the scene, police said.", "police",
         "Officers recovered two assault rifles at the scene"),
    ]:
        assert _classify(nlp, text, source, "said", content)[0] == "other", text
    # a named group doing the same, told in the reporter's words before its source, is told as fact: "other", with
    # the group as who did it (session 19: the report gold of every set reads these so); put after the cue, it accuses
    text = "Fighters of the Northern Front killed nine farmers, police said."
    typ, who, _ = _classify(nlp, text, "police", "said", "Fighters of the Northern Front killed nine farmers")
    assert typ == "other" and who is not None and "Northern Front" in who
    text = "Police said fighters of the Northern Front killed nine farmers."
    assert _classify(nlp, text, "Police", "said", "fighters of the Northern Front killed nine farmers")[0] == "accusation"


def test_promised_punishment_and_refusal_to_yield_are_warnings(nlp):
    for text, source, content in [
        ('"This crime will not go unpunished," the governor said.', "the governor", "This crime will not go unpunished,"),
        ('"Nobody involved will be spared," the minister said.', "the minister", "Nobody involved will be spared,"),
        ('"We will not be intimidated by these murderers," she said.', "she", "We will not be intimidated by these murderers,"),
    ]:
        assert _classify(nlp, text, source, "said", content)[0] == "warning", text
    # a future without a threat or a refusal stays "other"
    text = '"We will not comment while the inquiry goes on," the spokesman said.'
    assert _classify(nlp, text, "the spokesman", "said", "We will not comment while the inquiry goes on,")[0] == "other"


def test_a_bare_organisation_noun_or_unnamed_men_accuse_nobody(nlp):
    for text, source, content in [
        ('"The whole depot was burning when we arrived," a driver told reporters.', "a driver",
         "The whole depot was burning when we arrived,"),
        ("Armed men on motorbikes abducted two nurses near the clinic, officials said.", "officials",
         "Armed men on motorbikes abducted two nurses near the clinic"),
    ]:
        cue = "told" if "told" in text else "said"
        assert _classify(nlp, text, source, cue, content)[0] == "other", text
    # a state body names a party by itself: told after the cue it accuses (before it, it is told as fact, with the
    # army as who did it)
    text = "Residents said the army shelled the village for two days."
    assert _classify(nlp, text, "Residents", "said", "the army shelled the village for two days")[0] == "accusation"
    text = "The army shelled the village for two days, residents said."
    typ, who, _ = _classify(nlp, text, "residents", "said", "The army shelled the village for two days")
    assert typ == "other" and who == "The army"


def test_a_witness_telling_what_they_did_is_no_claim(nlp):
    text = '"They came at night and they shot him in front of everybody," a resident said.'
    content = "They came at night and they shot him in front of everybody,"
    assert _classify(nlp, text, "a resident", "said", content)[0] == "other"
    # a group speaking of itself is
    text = "The Northern Front said they shot the officer because he was an informer."
    assert _classify(nlp, text, "The Northern Front", "said",
                     "they shot the officer because he was an informer")[0] == "claim_of_responsibility"


def test_a_hyphenated_dateline_and_a_capitalised_group_word_accuse_nobody(nlp):
    text = ("PORT-AU-PRINCE, Haiti (AP) — Gang members hijacked a bus on the northern highway on Tuesday, "
            "police said.")
    content = "PORT-AU-PRINCE, Haiti (AP) — Gang members hijacked a bus on the northern highway on Tuesday"
    assert _classify(nlp, text, "police", "said", content)[0] == "other"


def test_a_passive_claim_is_a_claim(nlp):
    text = "That attack was also claimed by the Northern Front."
    assert _classify(nlp, text, "the Northern Front", "was also claimed", "That attack")[0] == "claim_of_responsibility"


def test_an_accused_wrong_is_no_accused_party(nlp):
    text = "The union denounced this drone terrorism against the city's workers."
    typ, target, _ = _classify(nlp, text, "The union", "denounced", "this drone terrorism against the city's workers")
    assert typ == "accusation" and target is None
    text = "The governor blamed Amba terrorists for the abduction."
    typ, target, _ = _classify(nlp, text, "The governor", "blamed", "Amba terrorists for the abduction")
    assert typ == "accusation" and target is not None and "terrorists" in target


def test_a_group_saying_its_fighters_targeted_someone_claims_it(nlp):
    text = "The Northern Front said its fighters had targeted an army convoy near the border."
    assert _classify(nlp, text, "The Northern Front", "said",
                     "its fighters had targeted an army convoy near the border")[0] == "claim_of_responsibility"


def test_blamed_the_wrong_on_a_party_targets_the_party(nlp):
    text = "Officials have blamed such raids on armed gangs known locally as bandits."
    typ, target, _ = _classify(nlp, text, "Officials", "have blamed", "such raids on armed gangs known locally as bandits")
    assert typ == "accusation" and target is not None and "gangs" in target and "raids" not in target


def test_those_responsible_will_pay_is_a_warning(nlp):
    text = 'The governor said those responsible "will pay a heavy price".'
    assert _classify(nlp, text, "The governor", "said", 'those responsible "will pay a heavy price"')[0] == "warning"


def test_interceptions_reassurance_and_claims_of_a_hit(nlp):
    text = "The ministry said its forces had destroyed 57 drones over seven regions during the night."
    assert _classify(nlp, text, "The ministry", "said",
                     "its forces had destroyed 57 drones over seven regions during the night")[0] == "other"
    text = '"The fire is out. There is no threat to residents," he wrote.'
    assert _classify(nlp, text, "he", "wrote", "The fire is out. There is no threat to residents,")[0] == "other"
    text = "The General Staff confirmed that its forces had hit the fuel depot."
    assert _classify(nlp, text, "The General Staff", "confirmed",
                     "that its forces had hit the fuel depot")[0] == "claim_of_responsibility"
    text = "Mortar rounds struck army positions for an hour, a ministry spokeswoman said."
    assert _classify(nlp, text, "a ministry spokeswoman", "said",
                     "Mortar rounds struck army positions for an hour")[0] == "other"


def test_those_behind_it_will_not_escape_justice_is_a_warning(nlp):
    text = 'The minister said those behind the blast "will not escape justice".'
    assert _classify(nlp, text, "The minister", "said", 'those behind the blast "will not escape justice"')[0] == "warning"


def test_reducing_a_risk_warns_of_nothing(nlp):
    text = "The army said it had taken steps to reduce the risk of harming civilians."
    assert _classify(nlp, text, "The army", "said",
                     "it had taken steps to reduce the risk of harming civilians")[0] == "other"
    text = "The embassy warned of a risk of further attacks on hotels."
    assert _classify(nlp, text, "The embassy", "warned", "of a risk of further attacks on hotels")[0] == "warning"


@pytest.mark.parametrize("text, source, cue, content, typ, target_word", [
    # a third party firing weapons or carrying out a strike is accused; an inquiry or fighting back is no wrong
    ("The mayor said the enemy had fired four rockets at the harbour overnight.", "The mayor", "said",
     "the enemy had fired four rockets at the harbour overnight", "accusation", "enemy"),
    ("The foreign minister said Norland had launched a wave of drones at the capital.", "The foreign minister", "said",
     "Norland had launched a wave of drones at the capital", "accusation", "Norland"),
    ("Police launched an investigation into the fire, the mayor said.", "the mayor", "said",
     "Police launched an investigation into the fire", "other", None),
    ("Border guards fired at the gunmen, a spokesman said.", "a spokesman", "said",
     "Border guards fired at the gunmen", "other", None),
    # a party telling its own strike claims it, whoever the target
    ("The navy said its jets had struck a training camp of the rebel militia.", "The navy", "said",
     "its jets had struck a training camp of the rebel militia", "claim_of_responsibility", None),
    # a party denying its own act
    ("The militia said in a statement that its fighters do not attack aid convoys.", "The militia", "said",
     "its fighters do not attack aid convoys", "denial", None),
    # the party behind the act
    ("The blast tore through the depot. The police chief said the device bore the hallmarks of the Red Hand.",
     "The police chief", "said", "the device bore the hallmarks of the Red Hand", "accusation", "Red Hand"),
    ("Prosecutors said the arson was committed on the orders of a gang leader, Tomas Rell.", "Prosecutors", "said",
     "the arson was committed on the orders of a gang leader, Tomas Rell", "accusation", "gang leader"),
    ('"Full responsibility for this massacre lies with the junta," the spokeswoman said.', "the spokeswoman", "said",
     "Full responsibility for this massacre lies with the junta,", "accusation", "junta"),
    ("Gunmen shot dead two guards at the mine. The governor said the evidence pointed to the Eastern Brigade.",
     "The governor", "said", "the evidence pointed to the Eastern Brigade", "accusation", "Brigade"),
    ("Officials said they suspected the Coastal Liberation Army, which operates in the delta.", "Officials", "said",
     "they suspected the Coastal Liberation Army, which operates in the delta", "accusation", "Coastal"),
    ("Investigators suspect a local gang.", "Investigators", "suspect", "a local gang", "accusation", "gang"),
    # no wrong told: pointing to a party is no accusation
    ("The analyst said the figures pointed to Germany as the main buyer.", "The analyst", "said",
     "the figures pointed to Germany as the main buyer", "other", None),
    # state agents named by their body
    ("The union said the warehouse was set on fire by government agents.", "The union", "said",
     "the warehouse was set on fire by government agents", "accusation", "agents"),
])
def test_acts_parties_and_suspicions_in_reported_content(nlp, text, source, cue, content, typ, target_word):
    got, target, _ = _classify(nlp, text, source, cue, content)
    assert got == typ
    if target_word:
        assert target is not None and target_word in target


@pytest.mark.parametrize("content", ["The video is a lie meant to hide the truth.",
                                     "The report is fake news spread by the rebels."])
def test_a_lie_and_fake_news_are_dismissals(nlp, content):
    text = f'"{content}" the minister said.'
    assert _classify(nlp, text, "the minister", "said", content)[0] == "dismissal"


def test_a_suspect_who_speaks_is_no_suspicion(nlp):
    text = "The suspect told reporters he was innocent."
    assert _classify(nlp, text, "The suspect", "told", "he was innocent")[0] != "accusation"


@pytest.mark.parametrize("text, source, content, typ", [
    ("The militia's spokesman said the group's fighters do not attack aid convoys.", "The militia's spokesman",
     "the group's fighters do not attack aid convoys", "denial"),
    ("The police chief said those behind the blast will be found and punished.", "The police chief",
     "those behind the blast will be found and punished", "warning"),
    ("The minister said the people responsible would be tracked down.", "The minister",
     "the people responsible would be tracked down", "warning"),
    ('"We will catch the killers," the governor said.', "the governor", "We will catch the killers,", "warning"),
    ("The mayor said the city will find the money for repairs.", "The mayor",
     "the city will find the money for repairs", "other"),
])
def test_own_people_and_pursuit_of_culprits(nlp, text, source, content, typ):
    assert _classify(nlp, text, source, "said", content)[0] == typ


@pytest.mark.parametrize("text, source, content, typ", [
    ("The army said the mortar rounds were fired by rebel troops near the lake.", "The army",
     "the mortar rounds were fired by rebel troops near the lake", "accusation"),
    ('The rebels\' spokeswoman said: "Our units did not fire a single shot near the lake."', "The rebels' spokeswoman",
     "Our units did not fire a single shot near the lake.", "denial"),
    ("The group said the bombings were a response to the arrests of its leaders.", "The group",
     "the bombings were a response to the arrests of its leaders", "claim_of_responsibility"),
    ("The rebels said they had shelled the army base.", "The rebels", "they had shelled the army base",
     "claim_of_responsibility"),
    # a body named by a common noun calls itself "it": its "they" are others (no rule types it; the learned
    # model may read an accusation of those others)
    ("The border service said they had shelled the outskirts of the town.", "The border service",
     "they had shelled the outskirts of the town", "not claim_of_responsibility"),
    # a person's "they" are others, never the speaker's own side
    ('"They are wrong. They came to terrorise this town," he said.', "he",
     "They are wrong. They came to terrorise this town,", "other"),
    ("The ministry said the country reserved the right to respond.", "The ministry",
     "the country reserved the right to respond", "warning"),
    ("The minister said the ambush was carried out by gunmen who belonged to the Hill Brigade.", "The minister",
     "the ambush was carried out by gunmen who belonged to the Hill Brigade", "accusation"),
    ("The mayor said the gunmen belonged to the Hill Brigade, which has attacked the town before.", "The mayor",
     "the gunmen belonged to the Hill Brigade, which has attacked the town before", "accusation"),
])
def test_reprisals_affiliations_and_whose_they(nlp, text, source, content, typ):
    got = _classify(nlp, text, source, "said", content)[0]
    assert got != typ[4:] if typ.startswith("not ") else got == typ


def test_pursuing_the_culprits_accuses_nobody(nlp):
    text = "The president said the government was also targeting those who ordered the attack."
    typ, target, _ = _classify(nlp, text, "The president", "said",
                               "the government was also targeting those who ordered the attack")
    assert typ == "other" and target is None
    text = "The president said the army was targeting the villagers who fled the town."
    typ, target, _ = _classify(nlp, text, "The president", "said", "the army was targeting the villagers who fled the town")
    assert typ == "accusation" and "army" in target
