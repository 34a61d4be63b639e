"""Incidents: triggers, types, dates, places, figures; background incidents kept apart.

1. Triggers come from a lexicon of lemmas and phrases (``data/events/triggers.json``).
   Generic plurals ("a history of attacks"), hypotheticals ("a possible attack")
   and questions are not incidents.
2. Each trigger gets the date and place written in its own sentence.
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
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc, Token

from rashomon.data import load_json
from rashomon.extract.places import country_name, demonym_country, in_dateline, place_cues
from rashomon.extract.roles.lexicon import lexicon as roles_lexicon
from rashomon.models import Argument, Event, Figure, Place, Span, Timex
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
            "agents": set(data["anaphoric_agents"]["lemmas"]),
            "remote_weapons": set(data["remote_weapons"]), "launch_verbs": set(data["launch_verbs"]),
            "launching_parties": set(data["launching_parties"]),
            "other_incident_words": set(data["other_incident_words"]),
            "explosive_words": set(data["explosive_words"]),
            "interception_verbs": set(data["interception_verbs"]),
            "pattern_modifiers": set(data["pattern_modifiers"]),
            "people_taking": set(data["people_taking"]["lemmas"]),
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
    date: Timex | None = None
    place: Place | None = None
    headline_place: Place | None = None  # a headline's place: used only when the story gives none
    in_headline: bool = False


@dataclass
class _Incident:
    triggers: list[Trigger] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    date: Timex | None = None
    place: Place | None = None
    background: bool = False

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
        if lemma in lex["participle"] and tok.tag_ != "VBG":
            etype = None  # "..., wounding 11 people" reports an attack; "were wounded" alone does not
        if etype and tok.pos_ in ("NOUN", "VERB", "PROPN") and _is_incident(tok, lex):
            # people seized say what happened to them, like "killed", not the means ("hijacked a bus")
            out.append(Trigger(i, i + 1, etype, lemma in lex["weak"], _anaphoric(tok, lex), sent_of[i],
                               outcome=lemma in lex["outcome"] or lemma in lex["people_taking"]))
        i += 1
    for trig in out:
        if trig.type == "vehicle_ramming" and _explosive_vehicle(doc[trig.start], lex["explosive_words"]):
            trig.type = "bombing"  # "an explosive-laden vehicle was driven into the wall": a car bomb
        elif trig.type == "attack" and doc[trig.end - 1].lemma_.lower() == "strike" and any(
                c.dep_ in ("amod", "poss") and demonym_country(c.text) for c in doc[trig.end - 1].children):
            trig.type = "air_strike"  # "an Israeli strike on a motorcycle": a state's strike from the air
    return _merge_compounds(out, doc)


def _takes_people(verb: Token) -> bool:
    """The verb's object (or passive subject) is people: a person noun or a named person."""
    people = _people_nouns()
    return any(c.dep_ in ("dobj", "nsubjpass") and (c.ent_type_ == "PERSON" or c.lemma_.lower() in people
                                                     or c.lower_ in people) for c in verb.children)


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
    mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "det", "compound", "nummod")}
    if mods & lex["hypothetical"] or mods & lex["pattern_modifiers"]:
        return False  # "a possible attack", "repeated missile attacks since 2022"
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in lex["not_heads"]:
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in lex["not_heads"]:
        return False  # "an escalation of bombardment", "a history of attacks"
    if _generic_plural(tok, lex) or tok.dep_ in ("compound", "amod") and _generic_plural(tok.head, lex):
        return False  # "threatened terror attacks", "Arson attacks have been frequent"
    if _generic_subject(tok):
        return False  # "kidnapping for ransom has become a lucrative business"
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


def _generic_plural(tok: Token, lex: dict) -> bool:
    """A bare plural (no article, possessive or number) in a sentence without a day's date speaks of
    a kind of incident, unless it is the subject of a past-tense verb; a counted plural of incidents
    ("at least 15 attacks since ...") counts incidents."""
    if tok.pos_ != "NOUN" or tok.tag_ not in ("NNS", "NNPS"):
        return False
    head = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass") and (head.tag_ == "VBD" or head.tag_ == "VBN" and not any(
            c.dep_ in ("aux", "auxpass") for c in head.children)):
        return False  # "Israeli strikes on the camp killed 17" (a past tense the tagger may call VBN): told
    has_det = any(c.dep_ in ("det", "poss", "nummod") and c.lower_ not in ("any",) for c in tok.children)
    if not has_det and lex.get("sent_of", {}).get(tok.i) not in lex.get("dated", ()):
        return True
    # "at least 15 attacks since ...": a count of incidents; "two rockets hit ..." counts weapons
    return tok.lemma_.lower() not in lex["weak"] and any(c.dep_ == "nummod" for c in tok.children)


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
    "convicted of murder", "arrested on suspicion of arson", "faces charges of terrorism"."""
    node = tok
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


def _sentence_date(doc: Doc, sent_index: int, timexes: list[Timex], token_i: int) -> Timex | None:
    sent = doc[token_i].sent
    dates = [t for t in timexes if t.type in ("DATE", "TIME") and sent.start_char <= t.span.start < sent.end_char
             and _iso(t.value) is not None]
    if not dates:
        return None
    anchor = doc[token_i].idx
    best = min(dates, key=lambda t: abs(t.span.start - anchor))
    if "T" in best.value:  # an event is dated by its day: "Monday morning" -> the Monday
        best = replace(best, value=best.value.split("T")[0])
    return best


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
            if any(p.i != b.i and p.lemma_.lower() in lemmas and (own is None or p.i not in own) for p in up_a[1:k]):
                return 99
            return sum(0.5 if p.dep_ in _LIGHT_EDGES else 1.0 for p in path)
    return 99


def _tied(doc: Doc, span: Span, trig: Trigger, max_distance: float = 3) -> bool:
    """A span syntactically close to a trigger ("the attack on Friday", "Friday's attack")."""
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    return tokens is not None and _trigger_distance(tokens.root, doc, trig.start, trig.end) <= max_distance


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
    return head.pos_ == "VERB" and not (trig.start <= head.i < trig.end) and head.lemma_.lower() in _speech_verbs()


def _sentence_place(doc: Doc, sent_index: int, places: list[Place], token_i: int,
                    token_end: int | None = None) -> Place | None:
    """The place syntactically tied to the trigger ("in a Moscow hall", "attack on Kabul")."""
    trigger = doc[token_i]
    token_end = token_end or token_i + 1
    sent = trigger.sent
    scored = []
    for p in places:
        if not (sent.start_char <= p.span.start < sent.end_char and p.country) or _is_agent(doc, p) \
                or _route_end(doc, p) or _names_the_attacker(doc, p):
            continue  # "missiles fired from the Belgorod region": a route's end is not the scene
        span = doc.char_span(p.span.start, p.span.end, alignment_mode="expand")
        if span is None:
            continue
        dist = _trigger_distance(span.root, doc, token_i, token_end)
        if dist <= 4:
            level = 0 if p.city else 1 if p.region else 2  # town, region, country
            scored.append((level, dist, p.span.start, p))
    if not scored:
        return _demonym_place(doc, sent, trigger)
    # the most specific place among those nearly as close as the closest one
    closest = min(d for _, d, _, _ in scored)
    return min(scored, key=lambda x: (x[1] > closest + 1, x[0], x[1], x[2]))[3]


def _names_the_attacker(doc: Doc, place: Place) -> bool:
    """"Ukrainian drones struck ...", "a Russian missile attack": a demonym on the weapon or the strike
    tells who fired, not where."""
    if place.city:
        return False
    span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    if span is None or span.root.dep_ not in ("amod", "compound"):
        return False
    head = span.root.head
    lex = _triggers()
    return head.lemma_.lower() in lex["remote_weapons"] or lex["lemmas"].get(head.lemma_.lower()) in AIR_FAMILY


def _is_agent(doc: Doc, place: Place) -> bool:
    """"Moscow unleashed ...": a place that is the subject of a clause acts; it is not where things happen."""
    span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass", "poss") and root.head.pos_ == "VERB":
        return True
    # "blames Afghanistan for the bombing": the accused party, not the scene
    return root.dep_ == "dobj" and root.head.lemma_.lower() in _triggers()["agent_verbs"]


@functools.lru_cache(maxsize=1)
def _people_nouns() -> frozenset[str]:
    return frozenset(load_json("events/places.json")["nationality_nouns"]) | roles_lexicon()["human_nouns"]


def _names_people(noun: Token, people: frozenset[str]) -> bool:
    """"two Indian nationals", "killing an Egyptian engineer": a person noun, or whoever an attack
    verb kills, wounds or seizes."""
    return noun.lower_ in people or noun.lemma_.lower() in people or (
        noun.dep_ == "dobj" and noun.head.lemma_.lower() in roles_lexicon()["victim_verbs"])


def _demonym_place(doc: Doc, sent, trigger: Token) -> Place | None:
    """"against Ukrainian cities": a demonym on a target noun gives the country; on people ("two
    Indian nationals") it tells where they come from."""
    people = _people_nouns()
    for tok in sent:
        if tok.dep_ in ("amod", "compound") and tok.head.dep_ in ("pobj", "dobj") and tok.text[:1].isalpha() \
                and _tree_distance(tok, trigger) <= 4 and not _names_people(tok.head, people):
            code = demonym_country(tok.text)
            if code and tok.ent_type_ in ("NORP", "GPE", ""):
                name = country_name(code) or tok.text
                return Place(span=Span.of(doc_text(doc), tok.idx, tok.idx + len(tok.text)), name=name,
                             country=code, country_name=name)
    return None


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
    incidents: list[_Incident] = []
    last: _Incident | None = None
    lead_end = _lead_end(doc_text(doc))
    for trig in triggers:
        fam = "any" if trig.weak else _family(trig.type)
        compatible = [inc for inc in incidents
                      if (fam == "any" or inc.family() in ("any", fam))
                      and _compatible_date(trig.date, inc.date) and _compatible_place(trig.place, inc.place)]
        same_sentence = [inc for inc in compatible if any(t.sent_index == trig.sent_index for t in inc.triggers)]
        same_date = [inc for inc in compatible if trig.date and inc.date and inc.date.value == trig.date.value]
        undated = [inc for inc in compatible if inc.date is None and not inc.background]
        target: _Incident | None = None
        if same_sentence and not (trig.date and not same_date and all(inc.date for inc in same_sentence)):
            target = same_sentence[-1]
        elif trig.anaphoric and compatible:
            target = max(compatible, key=lambda inc: (len(inc.triggers), incidents.index(inc)))
        elif not trig.in_headline and compatible and all(t.in_headline for t in compatible[0].triggers) \
                and compatible[0] is incidents[0]:
            target = compatible[0]  # the lead tells the headline's incident
        elif trig.date is not None:
            # the story's own (first) incident takes a day, not a bare month or year ("In March 2025, a
            # bomber ..." tells an earlier attack)
            target = same_date[0] if same_date else (
                undated[0] if undated and (len(trig.date.value) >= 10 or undated[0] is not incidents[0]) else None)
        elif compatible and (trig.weak or fam == "any" or trig.place is None):
            target = last if last in compatible else compatible[-1]
        elif trig.date is None and trig.place is not None and incidents \
                and (fam == "any" or incidents[0].family() in ("any", fam)) \
                and _told_near(doc, trig, incidents[0], settlements, lead_end):
            # "... shelled a village near the town of X, the ministry said. Rounds struck positions
            # outside the village of Y ...": the lead places the story's incident more precisely
            target = incidents[0]
        elif trig.date is None and trig.place is None and last is not None and not last.background:
            # "villagers called it a massacre": an undated, unplaced mention is about the
            # incident being told, whatever word it uses
            target = last
        if target is None:
            if trig.weak and incidents and not trig.date and not trig.place:
                continue  # a weak word ("killed") alone does not make a new incident
            target = _Incident()
            incidents.append(target)
        target.triggers.append(trig)
        if trig.type not in target.types:
            target.types.append(trig.type)
        target.date = target.date or trig.date or trig.loose_date
        if target.place is None or (trig.place and trig.place.city and not target.place.city
                                    and trig.place.country == target.place.country):
            target.place = trig.place or target.place
        last = target
    return incidents


def _date_from_context(doc: Doc, incidents: list[_Incident], timexes: list[Timex]) -> None:
    """An undated incident told right after a dated sentence of the same paragraph takes that date
    ("Guerrillas attacked the farm on 30 December. They burned the facilities ...")."""
    dated = [t for t in timexes if t.type in ("DATE", "TIME") and _iso(t.value) and len(t.value) >= 7]
    for inc in incidents:
        if inc.date is not None:
            continue
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


def _region_key(name: str) -> str:
    drop = load_json("events/places.json")["region_words"]
    return " ".join(w for w in name.lower().replace("-", " ").split() if w not in drop)


def _mark_background(doc: Doc, incidents: list[_Incident], dct: date | None) -> None:
    main = next((inc for inc in incidents if inc.date and _iso(inc.date.value)), None)
    main_date = _iso(main.date.value) if main else dct
    for inc in incidents:
        d = _iso(inc.date.value) if inc.date else None
        first = doc[inc.triggers[0].start]
        past_perfect = any(c.dep_ == "aux" and c.lower_ == "had" for c in first.head.children) or \
            any(c.dep_ == "aux" and c.lower_ == "had" for c in first.children)
        granular_year = inc.date is not None and len(inc.date.value) == 4
        granular_month = inc.date is not None and len(inc.date.value) == 7
        if d and main_date and (main_date - d).days > 45:
            inc.background = True
        elif granular_month and d and main_date and (d.year, d.month) < (main_date.year, main_date.month):
            inc.background = True  # "Last month, an air strike on ...": an earlier month, an earlier incident
        elif granular_year and dct and d and d.year < dct.year:
            inc.background = True
        elif past_perfect and inc is not incidents[0]:
            inc.background = True


def extract_events(doc: Doc, timexes: list[Timex], places: list[Place], figures: list[Figure],
                   arguments: list[Argument] | None = None, dct: str | None = None) -> list[Event]:
    """Incidents of the document with their dates, places, figures and role fillers."""
    text = doc_text(doc)
    headline_end = _headline_end(text)
    triggers = find_triggers(doc, timexes)
    for trig in triggers:
        trig.date = _sentence_date(doc, trig.sent_index, timexes, trig.start)
        if trig.date is not None and (_said_on(doc, trig.date.span, trig)
                                      or trig.anaphoric and not _tied(doc, trig.date.span, trig)):
            # "the attack was claimed in a statement on Friday", "..., police said on Monday": the date
            # may be the statement's, so it neither splits the incident nor overrides its date
            trig.date, trig.loose_date = None, trig.date
        if not trig.anaphoric:  # "this attack" refers back; places around it tell other things
            trig.place = _sentence_place(doc, trig.sent_index, places, trig.start, trig.end)
        trig.in_headline = doc[trig.start].idx < headline_end
        if trig.in_headline:
            # a headline names the story's incident more coarsely ("... in Zabul" / "in the city of
            # Qalat"): its place must not keep the lead's account of it apart
            trig.place, trig.headline_place = None, trig.place
    incidents = group_incidents(doc, triggers, lead_settlements(doc, places))
    if not incidents:
        return []
    for inc in incidents:
        inc.place = inc.place or next((t.headline_place for t in inc.triggers if t.headline_place), None)
    _date_from_context(doc, incidents, timexes)
    _refine_main_place(doc, incidents, places, headline_end)
    _place_from_context(doc, incidents, places)
    _mark_background(doc, incidents, _iso(dct))
    events: list[Event] = []
    for inc in incidents:
        first = inc.triggers[0]
        sent = doc[first.start].sent
        specific = _ranked_types(inc)
        events.append(Event(
            type=specific[0], types=specific, background=inc.background,
            trigger=Span.of(text, doc[first.start].idx, doc[first.end - 1].idx + len(doc[first.end - 1].text)),
            sentence=Span.of(text, sent.start_char, sent.end_char),
            date=inc.date, place=inc.place,
            mentions=[Span.of(text, doc[t.start].idx, doc[t.end - 1].idx + len(doc[t.end - 1].text)) for t in inc.triggers[1:]],
        ))
    _attach(doc, events, incidents, figures, arguments or [])
    for ev, inc in zip(events, incidents):
        if not any(a.role == "perpetrator_individual" for a in ev.arguments) and (
                agent := _agent_trigger(doc, inc) or _subject_agent(doc, inc)):
            # "A suicide bomber blew himself up ...", "Three men set fire to ...": who did it
            ev.arguments.append(agent)
        if not any(a.role == "perpetrator_org" for a in ev.arguments) and (
                state := _launcher(doc, inc) or _state_agent(doc, inc)):
            # "Moscow unleashed a round of aerial bombardment", "a Russian missile hit ...": who fired it
            ev.arguments.append(state)
        if not any(f.kind == "killed" for f in ev.figures) and (fig := _single_victim(doc, inc)) is not None:
            ev.figures.append(fig)
    return events


def _agent_trigger(doc: Doc, inc: _Incident) -> Argument | None:
    """The first trigger of the incident that names its perpetrator ("a suicide bomber", "gunmen"),
    with its determiner and modifiers, as a perpetrator individual."""
    agents = _triggers()["agents"]
    for trig in inc.triggers:
        tok = doc[trig.end - 1]
        if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in agents:
            mods = [c for c in tok.children if c.dep_ in ("det", "amod", "compound", "nummod") and c.i < tok.i]
            start = min([tok.i, *(m.left_edge.i for m in mods)])
            first, last = doc[start], tok
            return Argument(role="perpetrator_individual",
                            span=Span.of(doc_text(doc), first.idx, last.idx + len(last.text)), entity=tok.lemma_.lower())
    return None


def _subject_agent(doc: Doc, inc: _Incident) -> Argument | None:
    """The attackers a trigger verb has as its subject, or as the agent of its passive ("About 15 gunmen
    ambushed ...", "the depot was set on fire by three men"), when they are told by a perpetrator
    noun ("gunmen", "militants", "men"), with their modifiers."""
    perp_nouns = _perp_nouns()
    for trig in inc.triggers:
        verb = doc[trig.start]
        if verb.pos_ != "VERB":
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"] + [
            g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        for subj in subjects:
            if subj.pos_ == "NOUN" and subj.lemma_.lower() in perp_nouns:
                mods = [c for c in subj.children if c.dep_ in ("det", "amod", "compound", "nummod") and c.i < subj.i]
                start = min([subj.i, *(m.left_edge.i for m in mods)])
                return Argument(role="perpetrator_individual", entity=subj.lemma_.lower(),
                                span=Span.of(doc_text(doc), doc[start].idx, subj.idx + len(subj.text)))
    return None


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
        nouns = [head] + [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in weapons]
        for noun in nouns:
            for mod in noun.children:
                code = demonym_country(mod.text) if mod.dep_ == "amod" else None
                if code or mod.dep_ == "poss" and mod.ent_type_ in ("GPE", "NORP", "ORG") \
                        or mod.dep_ in ("amod", "compound") and mod.ent_type_ == "NORP":
                    name = country_name(code) if code else mod.text
                    return Argument(role="perpetrator_org", entity=name,
                                    span=Span.of(doc_text(doc), mod.idx, mod.idx + len(mod.text)))
    return None


def _ranked_types(inc: _Incident) -> list[str]:
    """The incident's types, the main one first: the means named where the incident is first told
    (strong words before weak ones), else a strong word anywhere in it; an outcome word ("killed")
    types it only when nothing names the means ("a bomb killed ..." is a bombing, "gunmen
    abducted ..." a kidnapping)."""
    means = [t for t in inc.triggers if t.type != "attack" and not t.outcome]
    first = [t for t in means if t.sent_index == inc.triggers[0].sent_index]
    ranked = [t.type for t in first if not t.weak] + [t.type for t in first if t.weak] \
        + [t.type for t in means if not t.weak] + [t.type for t in means] + [t for t in inc.types if t != "attack"]
    return list(dict.fromkeys(ranked)) or ["attack"]


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
    for idx, ev in enumerate(events):
        for m in [ev.trigger, *ev.mentions]:
            if _same_sentence(doc, m.start, char):
                return idx
    main = next((i for i, ev in enumerate(events) if not ev.background), 0)
    if best is None or events[best].background:
        return main
    return best


def _same_sentence(doc: Doc, a: int, b: int) -> bool:
    ta = doc.char_span(a, a + 1, alignment_mode="expand")
    tb = doc.char_span(b, b + 1, alignment_mode="expand")
    return ta is not None and tb is not None and ta[0].sent.start == tb[0].sent.start


def _attach(doc: Doc, events: list[Event], incidents: list[_Incident], figures: list[Figure], arguments: list[Argument]) -> None:
    for fig in figures:
        idx = incident_at(doc, events, fig.span.start)
        if idx is not None:
            events[idx].figures.append(fig)
    for arg in arguments:
        idx = incident_at(doc, events, arg.span.start)
        if idx is not None and not any(a.span == arg.span and a.role == arg.role for a in events[idx].arguments):
            events[idx].arguments.append(arg)
