"""Places (step 2): which place of a sentence is a trigger's own (``_sentence_places``: not a route's end, a street, a
country owning an actor, a demonym on attackers or victims, where someone spoke, nor the dateline), and, once
triggers are grouped, the place of an incident its sentences leave unplaced or placed only by country or region:
the lead's or the dateline's town, a settlement the lead names near an approximate place, else the report's country.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from rashomon.data import load_json
from rashomon.extract.places import BEARING, capitals, country_name, demonym_country, fold, in_dateline, lookup, place_cues
from rashomon.extract.roles.lexicon import lexicon as roles_lexicon
from rashomon.models import Place, Span
from rashomon.nlp.casing import is_cased
from rashomon.nlp.model import doc_text

from .clauses import _after_clause_of, _clause_verb
from .lead import _lead_end, _lead_start
from .lexicon import _people_nouns, _speech_verbs, _triggers, _word_nouns
from .records import AIR_FAMILY, _Incident
from .triggers import _tree_distance, _trigger_distance, is_incident_noun, is_trigger_word


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
    while node.dep_ in ("amod", "compound", "nmod", "pobj", "prep", "poss", "appos") and node.head.i != node.i:
        node = node.head
    return node.i != tok.i and node.dep_ == "nsubj" and node.head.lemma_.lower() in _speech_verbs()


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
        if _in_other_act(root, trigger):
            continue  # "struck rocket launchers that had fired into Thai territory": where the other act went
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
    scored = [(*x[:3], _placed_by(text, places, sent.start_char, x[3]), x[4]) for x in scored]
    inner = [x for x in scored if not any(
        o[3] is not x[3] and o[3].span.end <= x[3].span.start and (
            _CONTAINER.fullmatch(text, o[3].span.end, x[3].span.start)
            or _BEARING.fullmatch(text, o[3].span.end, x[3].span.start)
            or o[3].city and _NEAR.fullmatch(text, o[3].span.end, x[3].span.start))
        for o in scored)]
    scored = inner or scored  # "in Kyaukpyin village, also in Sagaing", "the village of X in northern Y": the
    # second place holds the first; "in the village of X near Y": the second only says where the first lies
    # the most specific place among those nearly as close as the closest one
    closest = min(x[1] for x in scored)
    return min(scored, key=lambda x: (x[1] > closest + 1, x[0], x[1], x[4], x[2]))[3], None


def _placed_by(text: str, places: list[Place], sent_start: int, place: Place) -> Place:
    """The town of the sentence that ``place`` only locates: "near the town of X, east of Y" (Y, close to the trigger
    in the parse, says where X lies), "in Peacehaven, East Sussex" (a region after a town of its country and a
    comma); else ``place`` itself."""
    return next((o for o in places if o.city and o.country and sent_start <= o.span.start
                 and o.span.end <= place.span.start and (
                     _BEARING.fullmatch(text, o.span.end, place.span.start)
                     or not place.city and o.country == place.country
                     and text[o.span.end:place.span.start].strip() == ",")), place)


_BEARING = re.compile(r",\s*(?:(?:a|an|the)\s+(?:[a-z-]+\s+)?(?:" + "|".join(sorted(place_cues()["place_nouns"], key=len, reverse=True)) + r")\s+)?"
                      + BEARING, re.IGNORECASE)  # "near X, north of Y", "X, 30 km east of Y", "X, a village about
# 10 km north of Y": Y only says where X lies


_NEAR = re.compile(r"\s+(?:" + "|".join(sorted(place_cues()["near_prepositions"])) + r")\s+(?:the\s+)?"
                   r"(?:(?:town|city|village|capital)\s+of\s+)?", re.IGNORECASE)  # "X near (the town of) Y"


_CONTAINER = re.compile(r"(?:,\s*(?:also\s+|both\s+)?|\s+)in\s+(?:the\s+)?(?:(?:far\s+)?(?:north|south|east|west|"
                        r"north-?east|north-?west|south-?east|south-?west|central)(?:ern)?\s+)?", re.IGNORECASE)


def _street(doc: Doc, place: Place, places: list[Place]) -> bool:
    """"ploughed into crowds on Calle X in Y": a name after "on" or "along" is a street, not a town, when the
    gazetteer lacks it or the text goes on to name the town ("in Y")."""
    if not place.city:
        return False
    span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    if span is None or span.root.dep_ != "pobj" or span.root.head.lower_ not in ("on", "along") \
            or is_trigger_word(span.root.head.head):
        return False  # ("the attack on X", "a raid on X": the place attacked)
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


def _names_people(noun: Token, people: frozenset[str]) -> bool:
    """"two Indian nationals", "killing an Egyptian engineer": a person noun, or whoever an attack
    verb kills, wounds or seizes."""
    return noun.lower_ in people or noun.lemma_.lower() in people or (
        noun.dep_ == "dobj" and noun.head.lemma_.lower() in roles_lexicon()["victim_verbs"])


def _in_other_act(tok: Token, trigger: Token) -> bool:
    """The word lies in a relative clause that tells another act than the trigger's ("launchers that had fired into
    X"); a clause of state ("a camp that lies in X") still places the target."""
    rel = next((a for a in [tok, *tok.ancestors] if a.dep_ == "relcl"), None)
    return rel is not None and rel.i != trigger.i and _tells_an_act(rel) \
        and not rel.left_edge.i <= trigger.i <= rel.right_edge.i


def _tells_an_act(verb: Token) -> bool:
    """An incident verb, weak ones included ("fired", "shot", "struck")."""
    lex = _triggers()
    lemma = verb.lemma_.lower()
    return is_trigger_word(verb) or lemma in lex["weak"] or lemma in lex["verb_lemmas"]


def _demonym_place(doc: Doc, sent, trigger: Token) -> Place | None:
    """"against Ukrainian cities": a demonym on a target noun gives the country; on people ("two
    Indian nationals") it tells where they come from."""
    people = _people_nouns()
    words = _word_nouns()
    for tok in sent:
        if tok.head.dep_ == "pobj" and tok.head.head.lower_ == "from":
            continue  # "a drone launched from Russian territory": where it came from, not the scene
        if _in_other_act(tok, trigger):
            continue  # "struck launchers that had fired into Thai territory"
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
    name = capitals().get(code)
    entry = lookup(name) if name else None
    if entry is None or entry.country != code:
        return None
    return Place(span=Span.of(doc_text(doc), tok.idx, tok.idx + len(tok.text)), name=entry.name, city=entry.name,
                 country=code, country_name=country_name(code), latitude=entry.latitude, longitude=entry.longitude)


def lead_settlements(doc: Doc, places: list[Place]) -> set[str]:
    """Towns the lead calls a settlement ("the village of Y", "Y village")."""
    lead_end = _lead_end(doc_text(doc))
    return {p.city for p in places if p.city and p.span.start < lead_end and _settlement_named(doc, p)}


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
    (the dateline's, else the one its places name most), or, in a cased report filed from a town that is no
    capital, in that town. Taking the previous sentence's town instead was measured worse on MUC-4 DEV
    (docs/notes/muc4-incidents.md)."""
    country = _document_country(doc, places)
    if country is None:
        return
    # a cased report filed from a town that is no capital ("BELEDWEYNE, Somalia --"): its current incidents told
    # without a place happened there
    cased = is_cased(doc_text(doc))
    town = next((p for p in places if p.city and _in_dateline(doc, p) and p.country == country.country
                 and not _is_capital(p)), None) if cased else None
    main = next((inc for inc in incidents if not inc.background), None)
    if town is None and cased and main is not None and main.place is not None and main.place.city \
            and main.place.country == country.country:
        town = main.place  # "At least 14 buses were torched in eight neighbourhoods": the story's town
    for inc in incidents:
        if inc.place is None:
            inc.place = town if town is not None and not inc.background else country


_BULLET = re.compile(r"[ \t]*[-–•·*▪●][ \t]+\S")


def _timeline_heading_town(doc: Doc, incidents: list[_Incident], places: list[Place]) -> None:
    """"Timeline: previous strikes on the Tuapse refinery / - May 17, 2024: A drone attack damaged the refinery's
    port terminal ...": an incident told on a bullet line, placed no finer than its country, happened in the town the
    heading of its list names (the line before the list's first bullet)."""
    text = doc_text(doc)
    for inc in incidents:
        if inc.place is not None and (inc.place.city or inc.place.region) or not inc.triggers:
            continue
        line_start = text.rfind("\n", 0, doc[inc.triggers[0].start].idx) + 1
        if not _BULLET.match(text, line_start):
            continue
        while line_start > 0:  # up the list (blank lines between bullets too) to the line before its first bullet
            prev = text.rfind("\n", 0, line_start - 1) + 1
            heading = bool(text[prev:line_start].strip()) and not _BULLET.match(text, prev)
            line_start = prev
            if heading:
                break
        heading_end = text.find("\n", line_start)
        party = inc.place is not None and (_acts(doc, inc.place) or _is_modifier(doc, inc.place))  # ("Ukraine's SBU")
        towns = [p for p in places if p.city and line_start <= p.span.start < heading_end
                 and (inc.place is None or party or p.country == inc.place.country)]
        if len(towns) == 1:
            inc.place = towns[0]


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


TOWN_BACK_SENTENCES = 2  # "the town" refers to a town named this many sentences back at most


def town_told_before(doc: Doc, places: list[Place], start: int, end: int) -> Place | None:
    """"Gangs seized Mirebalais, a town of 90,000, in March. On March 31, gang members stormed the town and its
    prison": a trigger whose clause names "the town" (or "the village", "the city") without a name happened in the
    last town named before that noun, within ``TOWN_BACK_SENTENCES`` sentences; a town named with the same noun
    ("the village of X") first. Not a town that acts ("Moscow said"), one named as a bearing ("70 km east of Y"),
    a party ("in contact with Warsaw") or a town in a speaker's phrase ("Residents of the village said")."""
    nouns = set(load_json("events/places.json")["dateline_nouns"]) - {"capital", "hub", "port", "district"}
    sent = doc[start].sent
    trigger = doc[end - 1]
    own = trigger if trigger.pos_ in ("VERB", "AUX") else _nearest_verb(trigger)
    above = {a.i for a in trigger.ancestors}
    told = [t for t in sent if t.lower_ in nouns and t.tag_ == "NN" and any(
        c.dep_ == "det" and c.lower_ == "the" for c in t.children) and not any(
        c.dep_ in ("compound", "amod", "appos", "prep", "relcl", "acl") for c in t.children)
        and (t.dep_ != "poss" or _possessed(t).dep_ in ("dobj", "pobj", "nsubjpass"))  # ("hit the city's hospital")
        and not _in_speaker(t) and (v := _nearest_verb(t)) is not None
        and (own is not None and any(a.i == own.i for a in t.ancestors) or v.i in above)]
    if not told:
        return None
    first = sent
    for _ in range(TOWN_BACK_SENTENCES):
        if first.start == 0:
            break
        first = doc[first.start - 1].sent
    text = doc_text(doc)
    named = [p for p in places if p.city and first.start_char <= p.span.start < told[0].idx]
    before = [p for p in named if not _in_dateline(doc, p) and not _acts(doc, p) and not _of_the_speaker(doc, p)
              and not _BEARING_BEFORE.search(text, max(0, p.span.start - 60), p.span.start)]
    kinds = {t.lower_ for t in told}
    # the town named with the same noun ("the village of Kamango in Beni territory ... in the village": Kamango)
    same = [p for p in before if any(re.search(rf"\b{k}\s+of\s+(?:the\s+)?$", text[max(0, p.span.start - 30):p.span.start])
                                     or re.match(rf"\s+{k}\b|\s*,\s*an?\s+(?:[a-z-]+\s+)?{k}\b", text[p.span.end:p.span.end + 30])
                                     for k in kinds)]
    return (same or before)[-1] if before else None


def _possessed(tok: Token) -> Token:
    """What a possessor ends up owning ("the city's children's hospital": the hospital)."""
    while tok.dep_ == "poss" and tok.head.i != tok.i:
        tok = tok.head
    return tok


_BEARING_BEFORE = re.compile(r"\b" + BEARING + r"$", re.IGNORECASE)  # "a rail hub about 70 kilometres east of Y": Y


def _of_the_speaker(doc: Doc, place: Place) -> bool:
    """"Sources in X told ...", "she told reporters in X": where the speaker is or speaks, not the scene."""
    span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    return span is not None and (_in_speaker(span.root) or _where_spoken(span.root))


def _nearest_verb(tok: Token) -> Token | None:
    return next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)


def _acts(doc: Doc, place: Place) -> bool:
    """"Moscow said ...", "Kyiv's forces", "in close contact with Warsaw": a place as an active subject, a possessor
    or a party stands for its government ("Manbij has been hit before", "Ra'anana was the scene" are the towns)."""
    span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ == "nsubj" and root.head.pos_ == "VERB" or root.dep_ == "poss" \
        or root.dep_ == "pobj" and root.head.lower_ in ("with", "from", "to", "against", "by")


def _this_town(sent) -> bool:
    """"... a clinic in this city", "off this oil hub": the sentence points at the dateline's town."""
    nouns = load_json("events/places.json")["dateline_nouns"]
    return any(t.lower_ == "this" and t.head.lemma_.lower() in nouns for t in sent)


def _is_capital(place: Place) -> bool:
    capital = capitals().get(place.country or "")
    return capital is not None and fold(capital) == fold(place.city or "")


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
                or _is_agent(doc, p) or _is_modifier(doc, p) or _route_end(doc, p) \
                or _acts(doc, p):  # ("rejected Islamabad's accusation": a party, not a town)
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


TAKING_TYPES = ("kidnapping", "robbery", "hijacking")  # incidents that take people or goods from a place


def _route_end(doc: Doc, place: Place) -> bool:
    """"a bus from Quetta to Karachi": the ends of a route are not where something happened."""
    span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    if node.dep_ == "poss" and node.head.pos_ in ("NOUN", "PROPN"):
        node = node.head  # "fired from Russia's Belgorod region"
    data = load_json("events/places.json")
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.dep_ == "pobj":
        node = node.head.head  # "to the port city of Karachi"
    elif node.dep_ == "pobj" and node.head.lower_ in ("at", "in") and node.head.head.dep_ == "pobj" \
            and node.head.head.pos_ == "NOUN" and any(a.lemma_.lower() in data["travel_verbs"]
                                                      for a in node.head.head.ancestors):
        node = node.head.head  # "(travelling) to the ferry point at Mokowe"
    elif node.dep_ == "pobj" and node.head.lower_ in ("at", "in") and node.head.head.dep_ == "pobj" \
            and node.head.head.lemma_.lower() in data["care_places"]["nouns"] \
            and node.head.head.head.lower_ in ("to", "toward", "towards"):
        node = node.head.head  # "(airlifted) to the military hospital in Chattogram"
    if node.dep_ == "pobj" and node.head.lower_ in ("to", "toward", "towards") \
            and node.head.head.lemma_.lower() in data["fire_verbs"] and any(
                c.dep_ in ("nsubj", "nsubjpass", "dobj") and (c.lemma_.lower() in _triggers()["remote_weapons"]
                                                              or c.lemma_.lower() in ("round", "projectile"))
                for c in node.head.head.children):
        return False  # "rounds were fired toward X island": where the fire fell, not a route's end
    if node.dep_ == "pobj" and node.head.lower_ == "from" \
            and _triggers()["lemmas"].get(node.head.head.lemma_.lower()) in TAKING_TYPES:
        return False  # "abducted six women from X", "stole cash from X": where they were taken
    if node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.head.lower_ in data["route_prepositions"]:
        return True  # "shells fired from across the river": where they came from
    # "at the entrance to the village of X" is at X
    return node.dep_ == "pobj" and node.head.lower_ in data["route_prepositions"] \
        and node.head.head.lower_ not in data["at_place_nouns"]


def _region_key(name: str) -> str:
    drop = load_json("events/places.json")["region_words"]
    return " ".join(w for w in name.lower().replace("-", " ").split() if w not in drop)


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
