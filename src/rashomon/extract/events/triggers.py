"""Incident triggers (step 1): ``find_triggers`` matches the lexicon's lemmas and phrases and types each trigger;
per-token tests keep out what tells no incident (generic plurals, hypotheticals, questions, words such as "the
senator attacked the plan", police action, figurative uses, negated acts, yearly counts, riots) and mark the
offences someone is charged with; ``names_claimed_act`` and ``is_verbal_attack`` serve other stages (the bare
word tests ``is_trigger_word`` and ``is_incident_noun`` live in ``rashomon.extract.incident_words``), and
``_trigger_distance`` measures how far a word is from a trigger in the parse.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from rashomon.data import load_json
from rashomon.extract.incident_words import is_incident_noun, is_trigger_word
from rashomon.extract.figures import is_war_toll
from rashomon.extract.numbers import parse_number
from rashomon.extract.places import demonym_country, place_cues
from rashomon.extract.roles.lexicon import lexicon as roles_lexicon
from rashomon.models import Timex

from .clauses import _clause_verb
from .lexicon import _date_words, _people_nouns, _triggers
from .records import AIR_FAMILY, Trigger


_DETERMINERS_ANAPHORIC = {"the", "this", "that", "these", "its", "their", "his", "her", "such"}


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
            if n > 1 and i + 1 < len(doc) and doc[i + 1].text == "-":  # "petrol-bomb attacks"
                window = [t for t in doc[i : i + 2 * n - 1] if t.text != "-"]
                if len(window) >= n and all(w in (t.lower_, t.lemma_.lower()) for w, t in zip(words, window)):
                    matched = (window[n - 1].i - i + 1, etype)
                    break
        if matched:
            n, etype = matched
            if _is_incident(doc[i + n - 1], lex) and not (etype == "vehicle_ramming" and (
                    _takes_people(doc[i]) or doc[i].dep_ == "conj" and _takes_people(doc[i].head))):
                # ("The three drivers were forced into a minibus and driven into the bush": people taken, no ramming)
                out.append(Trigger(i, i + n, etype, False, _anaphoric(doc[i + n - 1], lex), sent_of[i]))
            i += n
            continue
        lemma = tok.lemma_.lower()
        if (mistagged := lex["mistagged"].get(tok.lower_)) and tok.pos_ != "VERB" and tok.i + 1 < len(doc) \
                and doc[tok.i + 1].lower_ in mistagged["before"]:
            lemma = mistagged["lemma"]  # "gunmen on a motorcycle shot dead two volunteers", "shot" taken for a noun
        if tok.tag_ in ("NNP", "NNPS") and (tok.is_sent_start or tok.i > 0 and "\n" in doc[tok.i - 1].text) \
                and tok.is_title and lemma == tok.lower_ and lemma.endswith("s") \
                and lemma not in lex["lemmas"] and lemma[:-1] in lex["lemmas"]:
            lemma = lemma[:-1]  # "Missiles hit a depot ...": a plural the tagger took for a name after a line break
        etype = lex["lemmas"].get(lemma) or lex["lemmas"].get(tok.lower_)
        if etype is None and lemma in lex["people_taking"] and tok.pos_ == "VERB" and _takes_people(tok):
            etype = "kidnapping"  # "the students were seized on Wednesday"
        if etype is None and lemma in lex["vehicle_taking"]["lemmas"] and tok.pos_ == "VERB" \
                and _takes_vehicle(tok, lex["vehicle_taking"]["vehicles"]):
            etype = "hijacking"  # "a tanker was seized near X" (not by the police)
        if etype is None and tok.pos_ == "VERB" and lemma in lex["vehicle_taking"]["off_with"] \
                and _off_with_vehicle(tok, lex["vehicle_taking"]["vehicles"]):
            etype = "hijacking"  # "gunmen stopped three trucks and drove off with the vehicles"
        if etype is None and tok.pos_ == "VERB":
            etype = lex["verb_lemmas"].get(lemma) or lex["joining"].get(lemma)  # "militants overran the garrison"
        if etype is None and tok.pos_ == "VERB" and lemma == "go" and any(
                c.dep_ == "prt" and c.lower_ == "off" for c in tok.children) and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in lex["going_off"] for c in tok.children):
            etype = "bombing"  # "the device went off under its front wheels"
        thrown = _thrown_weapon(tok, lex["thrown"]) if tok.pos_ == "VERB" and lemma in lex["thrown"]["verbs"] else None
        mine = tok.pos_ == "VERB" and lemma in lex["mine_hits"]["verbs"] and _hits_mine(tok, lex["mine_hits"]["mines"])
        if thrown or mine:
            etype = thrown or "bombing"  # "a grenade was thrown into a bar", "a truck struck a landmine"
            if thrown == "bombing" and any(lex["lemmas"].get(c.lemma_.lower()) == "armed_assault" or _fires_shots(
                    c, lex["firing_shots"]) or _opens_fire(c) for c in tok.conjuncts):
                etype = "armed_assault"  # "shot their way past the guards and hurled grenades into the hall": a raid
        if etype is None and tok.pos_ == "VERB" and _rams(tok, lex["ramming"]):
            etype = "vehicle_ramming"  # "drove a car into shoppers"
        if etype is None and tok.pos_ == "VERB" and _sets_fire(tok, lex["setting_fire"]):
            etype = "arson"  # "set it alight", "set several cars on fire"
        if etype is None and tok.pos_ == "VERB" and _fires_shots(tok, lex["firing_shots"]):
            # "shots were fired at a patrol car"; rounds a state fires are shells ("North Korea fired some 170
            # rounds at the island")
            etype = "shelling" if any(c.dep_ == "nsubj" and c.ent_type_ in ("GPE", "NORP") for c in tok.children) \
                else "armed_assault"
        to_death = tok.pos_ == "VERB" and lemma in lex["to_death_verbs"]["verbs"] and any(
            c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children) for c in tok.children)
        if to_death:
            etype = "armed_assault"  # "hacked four farmers to death": a killing
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
            out.append(Trigger(i, i + 1, etype, lemma in lex["weak"] and not (thrown or mine), _anaphoric(tok, lex), sent_of[i],
                               outcome=lemma in lex["outcome"] or lemma in lex["people_taking"] or to_death))
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
        elif trig.type == "arson" and (fired := _fire_set_by_weapon(doc[trig.start], lex)) is not None:
            trig.type = fired  # "Drones set fire to the refinery's unit", "debris from downed drones set fire to ..."
        elif trig.type == "attack" and doc[trig.end - 1].pos_ == "NOUN" and any(
                c.dep_ == "compound" and c.lower_ in lex["ramming"]["vehicles"] for c in doc[trig.end - 1].children):
            trig.type = "vehicle_ramming"  # "the Toronto van attack", "a car attack"
        elif trig.type == "armed_assault" and trig.end - trig.start > 1 \
                and (kind := _fired_from(doc[trig.start:trig.end], lex["weapon_types"])) is not None:
            trig.type = kind  # "opened fire from mortars on the city": the weapon's type
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
    phrases = _triggers()["phrases"]
    for c in tok.children:
        if c.dep_ in deps and (c.lemma_.lower() in types or c.lower_ in types):
            # "petrol-bomb attacks": the weapon's own phrase ("petrol bomb", an arson) before its head word's type
            words = [w.lemma_.lower() for w in c.subtree if w.is_alpha]
            own = next((etype for cand, etype in phrases.get(words[0], []) if cand == words[-len(cand):]),
                       None) if words else None
            return own or types.get(c.lemma_.lower()) or types[c.lower_]
    return None


def _fired_from(phrase, types: dict[str, str]) -> str | None:
    """The type of a weapon of the air family the fire of a phrase ("opened fire") comes from or is opened with
    ("opened fire from mortars", "opened fire with artillery"), None otherwise."""
    for tok in phrase:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("from", "with"):
                for g in c.children:
                    kind = types.get(g.lemma_.lower()) if g.dep_ == "pobj" else None
                    if kind in AIR_FAMILY:
                        return kind
    return None


def _thrown_weapon(verb: Token, thrown: dict) -> str | None:
    """The type of the bomb or grenade a throwing verb has as its object or passive subject ("a hand grenade was
    thrown into a bar": a bombing; "hurled petrol bombs": an arson), None if it throws no such weapon."""
    for o in verb.children:
        if o.dep_ in ("dobj", "nsubjpass") and (kind := thrown["weapons"].get(o.lemma_.lower())):
            incendiary = any(c.dep_ in ("compound", "amod") and c.lower_ in thrown["incendiary"] for c in o.children)
            return "arson" if incendiary else kind
    return None


def _opens_fire(verb: Token) -> bool:
    """"opened fire": the verb "open" with "fire" as its object."""
    return verb.lemma_.lower() == "open" and any(c.dep_ == "dobj" and c.lower_ == "fire" for c in verb.children)


def _hits_mine(verb: Token, mines: frozenset[str]) -> bool:
    """"a truck struck a landmine", "stepped on a mine", "ran over an IED": the verb's object, or the object of
    its "on"/"over"/"into" phrase, is a mine."""
    for c in verb.children:
        if c.dep_ == "dobj" and c.lemma_.lower() in mines:
            return True
        if c.dep_ == "prep" and c.lower_ in ("on", "over", "into") and any(
                g.dep_ == "pobj" and g.lemma_.lower() in mines for g in c.children):
            return True
    return False


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


_DEBRIS = frozenset({"debris", "fragment", "shrapnel", "wreckage"})


def _fire_set_by_weapon(verb: Token, lex: dict) -> str | None:
    """The type of the remote weapon that set a fire ("Drones set fire to X"; "Debris from downed drones set fire
    to a tanker"; "a drone struck a tank, starting a fire"): the fire is the strike's, not an arson."""
    if verb.pos_ != "VERB":
        return None
    for _ in range(2):  # "a drone struck a tank, killing two workers and starting a fire": the strike's fire
        if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj") and verb.head.pos_ == "VERB":
            verb = verb.head
    for subj in verb.children:
        if subj.dep_ != "nsubj":
            continue
        nouns = [subj] + ([t for t in subj.subtree if t.i > subj.i] if subj.lemma_.lower() in _DEBRIS else [])
        for noun in nouns:
            etype = lex["lemmas"].get(noun.lemma_.lower()) if noun.lemma_.lower() in lex["remote_weapons"] else None
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


def _fires_shots(verb: Token, firing: dict) -> bool:
    """"shots were fired at a car", "fired several rounds into the house": the verb "fire" with shots as its
    object or passive subject, aimed at or into something (not "fired warning shots" nor shots fired back)."""
    if verb.lemma_.lower() not in firing["verbs"]:
        return False
    shots = []
    for o in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
        of = next((g for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                   if g.dep_ == "pobj"), None)
        if of is not None and o.lemma_.lower() in firing["amounts"]:
            o = of  # "dozens of rounds", "a volley of shots" ("a volley of rockets" is no shooting)
        if o.lemma_.lower() in firing["shots"] or o.lower_ in firing["shots"]:
            shots.append(o)
    if not shots or any(m.lower_ == "warning" for s in shots for m in s.children):
        return False
    if any(c.lower_ == "back" for c in verb.children):
        return False
    # aimed at something ("at a taxi", "into the house"); "fired three shots but hit no one" while being
    # arrested, or shots fired in the air, attack nothing
    return any(c.dep_ == "prep" and c.lower_ in ("at", "into", "on", "through", "towards", "toward")
               and any(g.dep_ == "pobj" for g in c.children) for c in verb.children)


def _takes_people(verb: Token) -> bool:
    """The verb's object (or passive subject) is people: a person noun or a named person."""
    people = _people_nouns()
    places = place_cues()["place_nouns"]
    return any(c.dep_ in ("dobj", "nsubjpass") and (c.ent_type_ == "PERSON" or c.lemma_.lower() in people
                                                     or c.lower_ in people)
               and not any(a.dep_ == "appos" and a.lemma_.lower() in places for a in c.children)
               for c in verb.children)  # ("Gangs seized Mirebalais, a town of 90,000": a town the tagger named a person)


def _takes_vehicle(verb: Token, vehicles: list[str]) -> bool:
    """The verb's object (or passive subject) is a vehicle or vessel, and no police force takes it."""
    police = _triggers()["police"]
    if any(c.dep_ in ("nsubj", "agent") and (c.lemma_.lower() in police["police_nouns"] or any(
            g.lemma_.lower() in police["police_nouns"] for g in c.children)) for c in verb.children):
        return False
    return any(c.dep_ in ("dobj", "nsubjpass") and (c.lemma_.lower() in vehicles or c.lower_ == "it" and any(
        t.lemma_.lower() in vehicles and t.pos_ == "NOUN" for t in verb.doc[verb.sent.start:c.i]))
               for c in verb.children)  # ("landed on the car carrier X and seized it": the vessel told before)


def _off_with_vehicle(verb: Token, vehicles: frozenset[str]) -> bool:
    """"drove off with the vehicles", "made away with a tanker": the verb, with "off" or "away", takes a vehicle
    along."""
    return any(c.dep_ in ("prt", "advmod") and c.lower_ in ("off", "away") for c in verb.children) and any(
        c.dep_ == "prep" and c.lower_ == "with" and any(g.dep_ == "pobj" and g.lemma_.lower() in vehicles
                                                       for g in c.children) for c in verb.children)


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
        and head.lemma_.lower() in _triggers()["naming"] and head.i != tok.i and (
            tok.dep_ != "dobj" or any(c.dep_ == "dobj" and c.i < tok.i for c in head.children))


def _is_incident(tok: Token, lex: dict) -> bool:
    """Reject generic plurals, hypotheticals, questions and non-incident compounds."""
    if "?" in tok.doc[tok.i: tok.sent.end].text:
        return False  # inside a question
    if tok.lemma_.lower() == "steal" and not (tok.pos_ == "VERB" and tok.tag_ != "VBN" and any(
            c.dep_ == "nsubj" for v in [tok, *list(tok.ancestors)[:3]] if v.pos_ == "VERB" for c in v.children)):
        return False  # "5 men boarded a ship and stole spare parts" is a robbery; "stolen fuel", "was stolen" are not
    mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "det", "compound", "nummod")}
    if tok.dep_ == "compound":  # "any further rocket fire": the head's words say it of the compound too
        mods |= {c.lower_ for c in tok.head.children if c.dep_ in ("amod", "det") and c.i < tok.i}
    if mods & lex["hypothetical"] or mods & lex["pattern_modifiers"]:
        return False  # "a possible attack", "repeated missile attacks since 2022"
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in lex["not_heads"]:
        return False
    if tok.dep_ in ("compound", "amod") and lex["lemmas"].get(tok.lemma_.lower()) == "attack" \
            and tok.head.lemma_.lower() in roles_lexicon()["weapon_heads"]:
        return False  # "police found assault rifles": a kind of weapon
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in lex["not_heads"] \
            and not _told_series(tok, lex):
        return False  # "an escalation of bombardment", "a history of attacks"
    if _generic_plural(tok, lex) or tok.dep_ in ("compound", "amod") and _generic_plural(tok.head, lex):
        return False  # "threatened terror attacks", "Arson attacks have been frequent"
    if _generic_subject(tok):
        return False  # "kidnapping for ransom has become a lucrative business"
    if _over_a_period(tok):
        return False  # "has dynamited the pipeline 125 times", "have been murdered since 1954"
    if _characterises(tok):
        return False  # "Codeco, a coalition of militias that has attacked camps in Djugu": what the group does
    if tok.lemma_.lower() in lex["police"]["lemmas"] and _police_action(tok, lex["police"]):
        return False  # "officers arrested four suspects in a raid"
    if tok.lemma_.lower() in lex["outcome"] and is_war_toll(tok):
        return False  # "five days of fighting along the border killed more than 40 people"
    if _figurative(tok, lex["figurative"]):
        return False  # "tensions exploded into open fighting", "treated for burns"
    if is_verbal_attack(tok):
        return False  # "the senator attacked the plan": words
    if _interception(tok, lex):
        return False  # "air defences shot down 14 drones"
    if _neutralised_device(tok, lex):
        return False  # "police defused a bomb", "Bomb disposal officers"
    if any(c.dep_ == "amod" and c.lower_ in lex["neutralised"]["safe"] for c in tok.children):
        return False  # "destroyed in a controlled explosion"
    if _in_condition(tok):
        return False  # "If that bomb had gone off, we would be counting more bodies"
    if tok.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ in ("will", "would", "could", "might", "may") for c in tok.children):
        return False
    if tok.dep_ in ("xcomp",) and tok.head.lemma_.lower() in ("threaten", "plan", "intend", "try", "want", "vow"):
        return False
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("begin", "start", "continue", "resume", "keep") and any(
            c.dep_ == "dobj" and c.tag_ in ("NN", "NNS") and not any(d.dep_ in ("det", "poss", "nummod") for d in c.children)
            for c in tok.children):
        return False  # "The Houthis began attacking shipping in November 2023": a campaign, no one incident
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


def _characterises(tok: Token) -> bool:
    """A relative clause in the present or the present perfect whose object is a bare plural ("a coalition of
    militias that has attacked camps for displaced families", "a gang which kidnaps farmers", "criminals who kill
    anyone they find") says what a group does, not an incident."""
    if tok.pos_ != "VERB" or tok.dep_ != "relcl" or tok.tag_ in ("VBD", "VBG") \
            or not any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in tok.children):
        return False
    if tok.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in tok.children):
        return False
    return any(c.dep_ == "dobj" and (c.tag_ in ("NNS", "NN") and not any(d.dep_ in ("det", "poss", "nummod")
                                                                          for d in c.children)
                                     or c.lower_ in ("anyone", "anybody", "everyone", "everybody", "people"))
               for c in tok.children)  # ("criminals who kill anyone they find", "the networks that steal timber")


def _generic_plural(tok: Token, lex: dict) -> bool:
    """A bare plural (no article, possessive or number) in a sentence without a day's date speaks of
    a kind of incident, unless it is the subject of a past-tense verb; a counted plural of incidents
    ("at least 15 attacks since ...") counts incidents."""
    if tok.pos_ != "NOUN" or tok.tag_ not in ("NNS", "NNPS"):
        return False
    head = tok.head
    if _told_series(tok, lex) or tok.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() != "be" and (
            _past_act(head) or head.lemma_.lower() in lex["outcome"] and _counted_toll(head)):
        # ("murders were down compared with last year": a copula tells a state of a kind, no act)
        return False  # "Israeli strikes on the camp killed 17" (a past tense the tagger may call VBN), "air strikes
        # have killed at least nine civilians": told
    if tok.dep_ == "pobj" and head.dep_ == "agent" and any(
            c.dep_ == "auxpass" and c.tag_ == "VBD" for c in head.head.children):
        return False  # "a sailor was shot dead by robbers aboard his catamaran": the agents of a past act, told
    if tok.dep_ == "dobj" and head.tag_ == "VBD" and (head.lemma_.lower() in lex["launch_verbs"]
                                                      or head.lemma_.lower() in load_json("events/places.json")["fire_verbs"]) \
            and tok.lemma_.lower() in lex["remote_weapons"] and any(c.dep_ == "nsubj" for c in head.children):
        return False  # "Houthi forces launched drones and missiles at the city", "X fired missiles at Y": told
    has_det = any(c.dep_ in ("det", "poss", "nummod") and c.lower_ not in ("any",) for c in tok.children)
    if not has_det and lex.get("sent_of", {}).get(tok.i) not in lex.get("dated", ()):
        return True
    # "at least 15 attacks since ...": a count of incidents; "two rockets hit ..." counts weapons
    return tok.lemma_.lower() not in lex["weak"] and any(c.dep_ == "nummod" for c in tok.children)


def _counted_toll(verb: Token) -> bool:
    """A verb with a counted object and no period ("have killed at least nine civilians", not "have killed
    thousands since 2015"): one incident's toll."""
    return verb.pos_ == "VERB" and not _over_a_period(verb) and any(
        c.dep_ == "dobj" and any(n.dep_ == "nummod" and n.like_num for n in c.children) for c in verb.children)


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


def _in_condition(tok: Token) -> bool:
    """The word lies in an "if" / "unless" clause: a condition, not an act told."""
    for a in [tok, *tok.ancestors]:
        if a.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in a.children):
            return True
        if a.dep_ in ("ROOT", "ccomp"):
            return False
    return False


def _neutralised_device(tok: Token, lex: dict) -> bool:
    """A bomb made safe or found before it went off ("defused a bomb", "a bomb was found under the car"), or a bomb
    word that only names the unit sent for it ("Bomb disposal officers", "a bomb scare")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("NOUN", "PROPN") or lex["lemmas"].get(lemma) != "bombing" and lemma not in lex["neutralised"]["devices"]:
        return False
    if tok.dep_ == "compound" and tok.head.lower_ in lex["neutralised"]["squads"]:
        return True
    if any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in lex["neutralised"]["verbs"] for c in tok.children):
        return True  # a headline's "Police defuse bomb near X", parsed as a noun phrase
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in ("make", "render") and any(
            c.lower_ == "safe" for c in (*tok.head.children, *tok.children)):
        return True  # "army bomb disposal officers made safe a pipe bomb", "the device was rendered safe"
    return tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in lex["neutralised"]["verbs"] \
        and not any(c.dep_ == "neg" for c in tok.head.children)


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
    if lemma == "strike" and tok.pos_ == "NOUN" and any(
            c.dep_ in ("compound", "amod") and c.lower_.rstrip("'’") in fig["protest_strike_modifiers"] for c in tok.children):
        return True  # "died in a hunger strike", "a doctors' strike": a stoppage, no attack
    if lemma == "attack" and tok.pos_ == "NOUN" and any(
            c.dep_ in ("compound", "amod") and c.lower_ in fig["medical_attack_modifiers"] for c in tok.children):
        return True  # "died of a heart attack": an illness
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


def _yearly_count(doc: Doc, trig: Trigger, triggers: list[Trigger], timexes: list[Timex]) -> bool:
    """"More than 1,400 people were kidnapped in Haiti last year": a count of hundreds over a whole year, with
    no other incident word in its sentence, is a statistic, not an incident; so is a count of ten or more over a
    period a ``statistic_periods`` phrase names ("17 social leaders had been killed so far this year", "the group
    fired more than 400 missiles at the kingdom between 2015 and 2022"), and so are "thousands" killed in the present
    perfect with no date ("have killed thousands of civilians")."""
    tok = doc[trig.end - 1]
    if any(t is not trig and t.sent_index == trig.sent_index for t in triggers):
        return False
    if tok.pos_ == "VERB":
        passive = any(c.dep_ == "auxpass" for c in tok.children)
        counted = next((c for c in tok.children if c.dep_ == ("nsubjpass" if passive else "dobj")), None)
    else:
        passive, counted = False, tok  # "fired more than 400 ballistic missiles"
    if counted is not None and counted.lower_ in _TALLY_WORDS and any(
            c.dep_ == "aux" and c.lower_ in ("has", "have") for c in tok.children) \
            and not any(t.ent_type_ in ("DATE", "TIME") and not any(a.lower_ == "since" for a in t.ancestors)
                        for t in tok.sent):
        return True  # "The ADF, ... since the 1990s, have killed thousands of civilians": a campaign's tally
    nums = [n for n in (counted.children if counted is not None else []) if n.dep_ == "nummod"]
    value = parse_number([t.text for t in nums[0].subtree if t.like_num or t.text == ","]) if nums else None
    if value is None or value < 10:
        return False
    sent = tok.sent
    words = sent.text.lower()
    if (passive or tok.pos_ != "VERB") and any(re.search(p, words) for p in _statistic_periods()) \
            and not re.search(_ONE_DAY, words) and any(t.sent_index < trig.sent_index for t in triggers):
        return True  # (after the incident the story tells; not "14 people were killed on Monday, the highest toll
        # so far this year")
    # ("more than 5,600 people were killed in Haiti in 2024", "850 homicides last year": a whole year's count)
    return (passive or tok.pos_ != "VERB") and value >= 100 and any(
        t.type == "DATE" and len(t.value) == 4 and t.value.isdigit()
        and ("year" in t.span.text.lower() or t.span.text.strip() == t.value
             and re.search(r"\bin\s+$", doc.text[max(0, t.span.start - 4):t.span.start]))
        and sent.start_char <= t.span.start < sent.end_char for t in timexes)


_TALLY_WORDS = frozenset({"thousands", "millions"})
_ONE_DAY = r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|overnight)\b"


def _statistic_periods() -> list[str]:
    return load_json("events/triggers.json")["statistic_periods"]["patterns"]


def _negated_act(tok: Token) -> bool:
    """"had not fired a single shell", "did not attack the convoy": an act said not to have happened (a
    negated trigger verb, or a trigger noun that is the object of one; "the attack did not stop them" stays)."""
    verb = tok if tok.pos_ == "VERB" else tok.head if tok.dep_ == "dobj" else None
    return verb is not None and any(c.dep_ == "neg" for c in verb.children)
