"""Perpetrators told around an incident's triggers: a trigger that names the attackers ("a suicide bomber"), the
subject or passive agent of a trigger verb (``_subject_agents``), the group an attacker mention names ("members of
the X gang"), people charged with the act (``_accused_people``), and the party that launched a strike from afar
("Moscow unleashed ...", "a Russian missile hit ...").
"""

from __future__ import annotations

import functools
from dataclasses import replace

from spacy.tokens import Doc, Token

from rashomon.data import load_json
from rashomon.extract.places import country_name, demonym_country, lookup
from rashomon.extract.roles.lexicon import lexicon as roles_lexicon
from rashomon.models import Argument, Event, Span
from rashomon.nlp.model import doc_text

from .lexicon import _people_nouns, _triggers
from .records import AIR_FAMILY, _Incident
from .triggers import is_trigger_word


def _noun_modifiers(noun: Token) -> list[Token]:
    """The noun's determiner, adjectives, compounds and numbers before it, not a time phrase the parser hung
    on it ("and a day later gunmen ambushed ...")."""
    return [c for c in noun.children if c.dep_ in ("det", "amod", "compound", "nummod") and c.i < noun.i
            and c.lower_ not in _TIME_ADVERBS and not any(t.dep_ == "npadvmod" for t in c.subtree)]


_TIME_ADVERBS = frozenset({"later", "earlier", "ago", "before", "after"})


def _agent_trigger(doc: Doc, inc: _Incident) -> Argument | None:
    """The first trigger of the incident that names its perpetrator ("a suicide bomber", "gunmen"),
    with its determiner and modifiers, as a perpetrator individual."""
    agents = _triggers()["agents"]
    for trig in inc.triggers:
        tok = doc[trig.end - 1]
        if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in agents:
            mods = _noun_modifiers(tok)
            start = min([tok.i, *(m.left_edge.i for m in mods)])
            first, last = doc[start], tok
            return Argument(role="perpetrator_individual",
                            span=Span.of(doc_text(doc), first.idx, last.idx + len(last.text)), entity=tok.lemma_.lower())
    return None


def _agent_mentions(doc: Doc, inc: _Incident) -> list[Argument]:
    """Every mention of the attackers the incident's triggers tell: a trigger that names them ("a suicide
    bomber") and the subject or passive agent of a trigger verb (``_subject_agents``)."""
    out: list[Argument] = []
    first = _agent_trigger(doc, inc)
    if first is not None:
        out.append(first)
    agents = _triggers()["agents"]
    for trig in inc.triggers:
        tok = doc[trig.end - 1]
        if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in agents:
            out.append(_agent_span(doc, tok))
    orgs = roles_lexicon()["org_heads"]
    for subj in _subject_agents(doc, inc):
        arg = _agent_span(doc, subj)
        if subj.lemma_.lower() in orgs or subj.ent_type_ == "ORG":
            arg = replace(arg, role="perpetrator_org")
        out.append(arg)
    seen: set[tuple[int, int]] = set()
    return [a for a in out if (a.span.start, a.span.end) not in seen and not seen.add((a.span.start, a.span.end))]


def _attackers_group(doc: Doc, ev: Event) -> list[Argument]:
    """"the attackers from the X Front", "fighters of the Y group", "Members of the Z gang", "gunmen belonging
    to X", "CODECO militiamen", "The FDLR, a rebel group, attacked": the group an attacker mention names."""
    out: list[Argument] = []
    perp_nouns, text = _perp_nouns(), doc_text(doc)
    members, belonging = _perp_words()["member_nouns"], _belonging()
    for arg in [a for a in ev.arguments if a.role == "perpetrator_individual"]:
        span = doc.char_span(arg.span.start, arg.span.end, alignment_mode="expand")
        if span is None:
            continue
        noun = span.root
        if noun.dep_ == "appos" and _names_group(noun.head):  # "The FDLR, a Rwandan Hutu rebel group, ..."
            out.append(_group_argument(doc, noun.head, arg.responsibility))
            continue
        if not ({noun.lemma_.lower(), noun.lower_} & (perp_nouns | members)):
            continue
        preps = [p for p in noun.children if p.dep_ == "prep" and p.lower_ in ("from", "of")]
        named = []  # "loyal to warlord X", "linked to X", "led by X": a name there is the party, whatever NER calls it
        for mod in noun.children:  # "belonging to X", "loyal to X", "linked to X"
            prep = belonging.get(mod.lemma_.lower())
            if mod.dep_ in ("acl", "amod") and prep:
                named += [g for p in mod.children if p.dep_ == "prep" and p.lower_ == prep
                          for g in p.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
                preps += [p for p in mod.children if p.dep_ == "prep" and p.lower_ == prep]
            if mod.dep_ == "acl" and mod.lemma_.lower() == "lead":
                named += [g for a in mod.children if a.dep_ == "agent" for g in a.children
                          if g.dep_ == "pobj" and g.pos_ == "PROPN"]
        groups = [g for p in preps for g in p.children if g.dep_ == "pobj"]
        groups += [c for c in noun.children if c.dep_ == "poss" and _names_group(c)]  # "The X militia's fighters"
        for name in named:
            if not _names_group(name):
                out.append(_group_argument(doc, name, arg.responsibility))
        groups += [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ in ("ORG", "")
                   and c.is_upper and len(c) > 2]  # "CODECO militiamen"
        for group in groups:
            if _names_group(group):
                out.append(_group_argument(doc, group, arg.responsibility))
    return out


def _names_group(tok: Token) -> bool:
    return tok.ent_type_ in ("ORG", "NORP") and tok.pos_ == "PROPN" or tok.lemma_.lower() in roles_lexicon()["org_heads"] \
        or tok.lower_ in _perp_words()["group_heads"] or tok.pos_ == "PROPN" and tok.is_upper and len(tok) > 2


def _group_argument(doc: Doc, group: Token, responsibility: str | None) -> Argument:
    first = min([group.i, *(c.left_edge.i for c in group.children
                            if c.dep_ in ("det", "amod", "compound", "poss", "nmod") and c.i < group.i)])
    return Argument(role="perpetrator_org", entity=doc[first:group.i + 1].text, responsibility=responsibility,
                    span=Span.of(doc_text(doc), doc[first].idx, group.idx + len(group.text)))


@functools.lru_cache(maxsize=1)
def _belonging() -> dict[str, str]:
    return dict(load_json("events/perpetrators.json")["belonging_words"])


def _agent_span(doc: Doc, noun: Token) -> Argument:
    mods = _noun_modifiers(noun)
    start = min([noun.i, *(m.left_edge.i for m in mods)])
    return Argument(role="perpetrator_individual", entity=noun.lemma_.lower(),
                    span=Span.of(doc_text(doc), doc[start].idx, noun.idx + len(noun.text)))


@functools.lru_cache(maxsize=1)
def _perp_words() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in load_json("events/perpetrators.json").items()
            if not k.startswith("_") and isinstance(v, list)}


def _subject_agents(doc: Doc, inc: _Incident) -> list[Token]:
    """Subjects and passive agents of the trigger verbs that are attackers: a perpetrator noun ("gunmen"),
    or people ("a man", "two farmers", a nationality plural) as the subject of an active trigger verb with
    an object ("a man hijacked a bus"); a conjoined verb shares its subject ("broke in and set it alight")."""
    perp_nouns, words = _perp_nouns(), _perp_words()
    out: list[Token] = []
    for trig in inc.triggers:
        verb = doc[trig.start]
        if verb.pos_ != "VERB" or trig.legal:
            continue
        own, v = [c for c in verb.children if c.dep_ == "nsubj"], verb
        while not own and (v.dep_ == "conj" or v.dep_ == "advcl" and v.tag_ == "VBG") and v.head.pos_ == "VERB" \
                and v.head is not v:
            # "smashed the door, threw in petrol and set it alight", "stormed the market, killing 14": the
            # conjoined verb or the participle shares the subject
            v = v.head
            own = [c for c in v.children if c.dep_ == "nsubj"]
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        if any(o.lemma_.lower() in perp_nouns or o.lower_ in perp_nouns for d in objects
               for o in (d, *(g for p in d.children if p.lower_ == "of" for g in p.children))):
            continue  # "troops killed 12 of the attackers": who fought back
        transitive = any(c.dep_ in ("dobj", "obj") for c in verb.children) or any(
            c.dep_ == "prep" and c.lower_ in ("into", "on", "at") for c in verb.children)
        for subj in own + agents:
            lemma = subj.lemma_.lower()
            if subj.pos_ != "NOUN" and not (subj.pos_ == "PROPN" and (subj.ent_type_ in ("NORP", "ORG", "PERSON")
                                                                    or subj.lower_ in perp_nouns
                                                                    or subj.is_upper and 2 < len(subj) <= 8)):
                continue  # (a capitalised "Gunmen" after a dateline is tagged a proper noun; "The KNLA ambushed")
            people = lemma in words["subject_people"] or subj.lower_ in words["subject_people"] \
                or subj.ent_type_ == "PERSON" and subj.pos_ == "PROPN" \
                or (subj.lower_ in roles_lexicon()["human_nouns"] and subj.lower_ not in words["not_subject_people"]) \
                or subj.ent_type_ == "NORP" and subj.tag_ in ("NNS", "NNPS") \
                or subj.lower_ in words["member_nouns"] and any(  # "Members of the X gang shot dead ..."
                    p.lower_ == "of" and any(g.dep_ == "pobj" and _names_group(g) for g in p.children)
                    for p in subj.children if p.dep_ == "prep")
            org = (lemma in roles_lexicon()["org_heads"] or subj.ent_type_ == "ORG") and subj.ent_type_ not in ("GPE", "LOC", "FAC")
            if lemma in perp_nouns or subj.lower_ in perp_nouns:
                out.append(subj)
            elif org and not passive and transitive and verb.lemma_.lower() not in words["intransitive_lemmas"] \
                    and lemma not in words["not_org_agents"]:
                out.append(subj)  # "the militia overran an army post"
            elif people and (subj in agents or not passive and transitive
                             and verb.lemma_.lower() not in words["intransitive_lemmas"]):
                out.append(subj)
    return out


def _accused_people(doc: Doc) -> list[Argument]:
    """People the report says are charged with the act ("A 52-year-old man has been charged with murder
    after he ...", "Three men have been charged after ...") and the person an apposition gives for an
    attacker held or charged ("police detained the driver, a 41-year-old man", "the suspect, X, has been
    charged"): perpetrator individuals."""
    words = _perp_words()
    custody = words["charge_verbs"] | _triggers()["police"]["arrest_verbs"] | {"identify", "name", "hold"}
    out: list[Argument] = []
    text = doc_text(doc)
    for tok in doc:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in words["charge_verbs"]:
            for subj in tok.children:
                if subj.dep_ == "nsubjpass" and subj.lower_ == "one":  # "One of them, a 24-year-old from X, was charged"
                    subj = next((c for c in subj.children if c.dep_ in ("appos", "amod") and c.i > subj.i), subj)
                if _aged(subj) or subj.dep_ in ("nsubjpass", "appos") and subj.pos_ in ("NOUN", "PROPN") and (
                        subj.lemma_.lower() in words["charged_people"] or subj.ent_type_ == "PERSON"):
                    start = min([subj.i, *(m.left_edge.i for m in _noun_modifiers(subj))])
                    out.append(Argument(role="perpetrator_individual", entity=subj.lemma_.lower(),
                                        span=Span.of(text, doc[start].idx, subj.idx + len(subj.text))))
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in words["attacker_nouns"] and tok.dep_ in ("dobj", "nsubjpass") \
                and tok.head.lemma_.lower() in custody:
            for app in tok.children:
                if app.dep_ == "appos" and (app.ent_type_ == "PERSON" or app.lemma_.lower() in _people_nouns()):
                    first = app.left_edge
                    last = app.right_edge
                    while last.i > app.i and last.is_punct:
                        last = doc[last.i - 1]
                    out.append(Argument(role="perpetrator_individual", entity=app.lemma_.lower(),
                                        span=Span.of(text, first.idx, last.idx + len(last.text))))
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in custody and _held_for_the_act(tok):
            # "detained a 41-year-old man who they believe left a box containing the bomb"
            first = min([tok.i, *(c.left_edge.i for c in tok.children if c.i < tok.i)])
            out.append(Argument(role="perpetrator_individual", entity=tok.lemma_.lower(),
                                span=Span.of(text, doc[first].idx, tok.idx + len(tok.text))))
        if tok.pos_ == "VERB" and tok.lemma_.lower() in ("identify", "name") and (named := _named_attacker(tok)):
            out.append(Argument(role="perpetrator_individual", entity=named[-1].lower_,
                                span=Span.of(text, named[0].idx, named[-1].idx + len(named[-1].text))))
    return out


SMALL_ARREST = 5  # a group at most this large arrested after an incident is held as suspects (a sweep is not)


def arrested_suspects(doc: Doc, ev: Event) -> list[Argument]:
    """People an incident's arrest figures count, held as suspects ("arrested three people suspected of helping
    the bomber", "four suspects", "two suspected militiamen", "on suspicion of taking part"; a small group arrested
    with no other reason given, "Three men were arrested on Monday"): perpetrator individuals, ``suspected``."""
    text = doc_text(doc)
    words = _perp_words()
    people = words["charged_people"] | {"people", "person", "suspect", "suspects"} | _perp_nouns()
    custody = _triggers()["police"]["arrest_verbs"] | set(load_json("events/figures.json")["custody_verbs"])
    out: list[Argument] = []
    for fig in ev.figures:
        span = doc.char_span(fig.span.start, fig.span.end, alignment_mode="expand") if fig.kind == "arrested" else None
        noun = span.root if span is not None else None
        if noun is not None and noun.pos_ == "NUM" and noun.dep_ == "nummod":
            noun = noun.head  # "arrested four suspects": the figure is the number
        if noun is None or noun.pos_ not in ("NOUN", "PROPN") or not (
                noun.lemma_.lower() in people or noun.lower_ in people):
            continue
        verb = noun.head
        if noun.dep_ not in ("dobj", "nsubjpass") or verb.lemma_.lower() not in custody \
                or any(c.dep_ == "neg" for c in verb.children):
            continue
        clause = doc[min(noun.left_edge.i, verb.i):max(noun.right_edge.i, verb.right_edge.i) + 1]
        suspected = noun.lemma_.lower() == "suspect" or any(
            t.lower_ in ("suspected", "suspicion", "believe", "believed") for t in clause)
        other_reason = any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children) \
            or any(c.dep_ == "relcl" for c in noun.children)  # ("a woman who had overstayed her visa")
        if not suspected and (other_reason or fig.value is None or fig.value > SMALL_ARREST):
            continue
        first = min(noun.i, *(c.left_edge.i for c in noun.children if c.i < noun.i))
        out.append(Argument(role="perpetrator_individual", entity=noun.lemma_.lower(), responsibility="suspected",
                            span=Span.of(text, doc[first].idx, noun.idx + len(noun.text))))
    return out


def _aged(tok: Token) -> bool:
    """"a 24-year-old" (tokens "24 - year - old", headed by "old"): a person told by age."""
    return tok.lower_ in ("old", "olds") and any(c.lower_ in ("year", "years") for c in tok.children)


def _held_for_the_act(person: Token) -> bool:
    """A person held whose relative clause tells the act ("a woman who threw the grenade", "a man who they believe
    left a box containing the bomb"): a weapon or an attack word in the clause."""
    if not (_aged(person) or person.lemma_.lower() in _perp_words()["charged_people"] or person.ent_type_ == "PERSON"):
        return False
    weapons = roles_lexicon()["weapon_heads"]
    return any(t.lemma_.lower() in weapons or t.lower_ in weapons or is_trigger_word(t)
               for c in person.children if c.dep_ == "relcl" for t in c.subtree)


def _named_attacker(verb: Token) -> list[Token]:
    """The name an attacker is given ("The suspect, identified by police as Jared Ebanks, 34, ...", "the driver,
    whom she named as X", "police named the gunman as X"): the tokens of the name, or none. Read off the words
    around the verb, as the parser often hangs the "as" phrase or the clause elsewhere."""
    words = _perp_words()["attacker_nouns"]
    doc, sent = verb.doc, verb.sent
    before = doc[max(sent.start, verb.i - 6):verb.i]
    if not any(t.lemma_.lower() in words and t.pos_ == "NOUN" for t in before) and not any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in words for c in verb.children):
        return []
    after = doc[verb.i + 1:min(sent.end, verb.i + 7)]
    at = next((t.i for t in after if t.lower_ == "as"), None)
    if at is None:
        return []
    name = []
    for t in doc[at + 1:sent.end]:
        if not (t.ent_type_ == "PERSON" or t.pos_ == "PROPN") or not t.text[:1].isupper():
            break
        name.append(t)
    return name if len(name) >= 2 or name and name[0].ent_type_ == "PERSON" else []


@functools.lru_cache(maxsize=1)
def _perp_nouns() -> frozenset[str]:
    return frozenset(roles_lexicon()["perp_nouns"] - {"suspect", "suspects", "unit", "column"})


def _launcher(doc: Doc, inc: _Incident) -> Argument | None:
    """The party that launches, unleashes or carries out the incident ("Moscow unleashed its latest round
    of aerial bombardment", "air strikes carried out by the coalition"), when it is a named party or a
    state body, not a pronoun."""
    data = _triggers()
    for trig in inc.triggers:
        noun = doc[trig.end - 1]
        if noun.pos_ != "NOUN":
            continue
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
            noun = noun.head.head  # "a round of aerial bombardment", "a wave of strikes"
        verb = noun.head
        if noun.dep_ not in ("dobj", "nsubjpass") or verb.lemma_.lower() not in data["launch_verbs"]:
            continue
        if noun.dep_ == "dobj":
            agents = [c for c in verb.children if c.dep_ == "nsubj"]
        else:
            agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        for agent in agents:
            if agent.pos_ == "PRON" or any(c.dep_ == "poss" and c.pos_ == "PRON" or c.lower_ == "no" for c in agent.children) \
                    or not (agent.ent_type_ in ("GPE", "ORG", "NORP") or agent.pos_ == "PROPN"
                            or agent.lemma_.lower() in data["launching_parties"]):
                continue  # "its forces" names nobody here
            start = min([agent.i, *(c.left_edge.i for c in agent.children if c.dep_ in ("det", "amod", "compound", "poss")
                                    and c.i < agent.i)])
            return Argument(role="perpetrator_org", entity=agent.text if agent.ent_type_ else agent.lemma_.lower(),
                            span=Span.of(doc_text(doc), doc[start].idx, agent.idx + len(agent.text)))
    return None


def _state_agent(doc: Doc, inc: _Incident) -> Argument | None:
    """The party a strike from afar is told of: a demonym on the strike or its weapon ("Azerbaijani
    shelling", "a Russian missile hit ...", "Israeli drones struck ..."), or a possessor ("Russia's
    missile strike"). A proper-noun compound is a place ("a Kharkiv missile strike") and is left out."""
    weapons = _triggers()["remote_weapons"]
    for trig in inc.triggers:
        if trig.type not in AIR_FAMILY:
            continue
        head = doc[trig.end - 1]
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None) if head.pos_ == "VERB" else None
        if subj is not None and subj.ent_type_ == "GPE" and (country := lookup(doc[subj.left_edge.i:subj.i + 1].text)) \
                and country.kind == "country":
            # "North Korea shelled Yeonpyeong Island": the state that fired
            return Argument(role="perpetrator_org", entity=country_name(country.country) or subj.text,
                            span=Span.of(doc_text(doc), doc[subj.left_edge.i].idx, subj.idx + len(subj.text)))
        nouns = [head] + [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in weapons]
        for noun in nouns:
            for mod in noun.children:
                # "North Korean shells": the whole demonym, when the words before it are of its name
                same_name = all(t.dep_ == "compound" or t.ent_type_ == "NORP" == mod.ent_type_
                                for t in doc[mod.left_edge.i:mod.i])
                first = mod.left_edge if mod.dep_ == "amod" and same_name else mod
                whole = doc[first.i:mod.i + 1].text
                code = (demonym_country(whole) or demonym_country(mod.text)) if mod.dep_ == "amod" else None
                if mod.dep_ == "compound" and mod.lemma_.lower() in roles_lexicon()["org_heads"]:
                    # "a Saudi-led coalition air strike", "an army drone strike": the force named on the strike
                    start = min(t.idx for t in mod.subtree)
                    return Argument(role="perpetrator_org", entity=doc_text(doc)[start:mod.idx + len(mod.text)],
                                    span=Span.of(doc_text(doc), start, mod.idx + len(mod.text)))
                if code or mod.dep_ == "poss" and mod.ent_type_ in ("GPE", "NORP", "ORG") \
                        or mod.dep_ in ("amod", "compound") and mod.ent_type_ == "NORP":
                    name = country_name(code) if code else mod.text
                    return Argument(role="perpetrator_org", entity=name,
                                    span=Span.of(doc_text(doc), first.idx, mod.idx + len(mod.text)))
    return None
