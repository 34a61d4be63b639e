"""Triggers grouped into incidents (steps 3 and 4): an anaphoric mention ("the assault", "this attack") joins the most
salient compatible incident; a trigger with its own date or place that differs from every incident, or a type of
another family, starts a new one; an offence someone is charged with joins the incident told before it. Incidents
dated well before the main incident, or told in the past perfect, are background (``_mark_background``);
``_ranked_types`` puts an incident's main type first.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Token

from rashomon.extract.places import fold
from rashomon.models import Figure, Place, Timex
from rashomon.nlp.layout import correction_line, fact_label
from rashomon.nlp.model import doc_text

from .dates import _days_apart, _iso, _later_new_act, recent_lapse
from .lead import _lead_end
from .lexicon import _triggers
from .location import _approximate
from .records import AIR_FAMILY, Trigger, _Incident, _family


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


_ANOTHER_OPENING = re.compile(r"(?:separately|elsewhere|in (?:a|an) (?:separate|unrelated|second) (?:incident|attack)"
                              r"|(?:in addition,\s*|also\s+)?on the same day\b(?!,? (?:the|a|an) \w+ (?:died|succumbed)))\b",
                              re.IGNORECASE)


def _opens_another_incident(doc: Doc, trig: Trigger) -> bool:
    """The trigger's sentence opens with "Separately," "Elsewhere," or "In an unrelated incident,"."""
    sent = doc[trig.start].sent
    return _ANOTHER_OPENING.match(doc_text(doc), sent.start_char) is not None


def _timeline_entry(text: str, pos: int, trig: Trigger) -> bool:
    """"- Jan. 25, 2024: Drones set fire to the refinery's unit": a box line labelled by the date the trigger takes
    is an entry of a timeline, an incident of its own, not a key fact of the story's."""
    label = fact_label(text, pos)
    return label is not None and trig.date is not None and label[0] <= trig.date.span.start \
        and trig.date.span.end <= label[1]


def group_incidents(doc: Doc, triggers: list[Trigger], settlements: set[str] = frozenset(),
                    dct: date | None = None) -> list[_Incident]:
    """Triggers grouped into incidents (see the module's docstring); the offences someone is charged with
    join, once the others are grouped, the incident last told before them (or the first one)."""
    text = doc_text(doc)
    boxed = {id(t) for t in triggers if fact_label(text, doc[t.start].idx) is not None
             and not _timeline_entry(text, doc[t.start].idx, t) or correction_line(text, doc[t.start].idx) is not None}
    told = [t for t in triggers if not t.legal and id(t) not in boxed]
    incidents = _group(doc, told, settlements, dct)
    if not incidents:
        return _group(doc, triggers, settlements, dct)
    for trig in triggers:
        if trig.legal:
            before = [inc for inc in incidents if any(t.start < trig.start for t in inc.triggers)]
            # "detained four men on suspicion of links to the bombing": the last incident of that kind, if the
            # last one told is of another ("..., gunmen fired on a guard post")
            before = [inc for inc in before if trig.type in inc.types and trig.type != "attack"] or before
            target = max(before, key=lambda inc: max(t.start for t in inc.triggers if t.start < trig.start)) \
                if before else incidents[0]
            if trig.date is not None and len(trig.date.value) < 10 and _long_before(trig.date, incidents[0].date) \
                    and not any(inc.date is not None and inc.date.value[:7] == trig.date.value[:7] for inc in incidents):
                # "sentenced a gang leader for his role in the October 2021 kidnapping of 17 missionaries": an
                # offence dated long before every incident told is an earlier incident of its own
                target = _Incident(date=trig.date)
                incidents.append(target)
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


def _dead_of(doc: Doc, trig: Trigger, inc: _Incident) -> bool:
    """"The dead were a deckhand, who died at the scene, and a crew member, who died in hospital on Monday", "the toll
    rose after two more bodies were found on Wednesday": the dead of an incident told, dated by a death (or a find)
    in the days after it, not another incident."""
    tok = doc[trig.end - 1]
    told = trig.anaphoric or tok.i > 0 and doc[tok.i - 1].lower_ in ("the", "their", "his", "her")
    # ("the death toll had risen to 11 after two more bodies were found on Wednesday": the toll of the incident told)
    more_dead = tok.lemma_.lower() in ("body", "corpse") and (
        any(c.lower_ in ("more", "further", "additional") for c in tok.subtree)
        or any(t.lemma_.lower() == "toll" for t in tok.sent))
    if not (told and tok.lemma_.lower() in ("dead", "death") or more_dead) or inc.background or inc.date is None \
            or len(inc.date.value) < 10:
        return False
    later, first = _iso(trig.date.value), _iso(inc.date.value)
    return later is not None and first is not None and 0 < (later - first).days <= 7


def _told_as_just_happened(doc: Doc, trig: Trigger) -> bool:
    """The trigger's clause is in the present perfect ("An explosion has torn through the fish market", "gunmen
    have attacked a village"): an act that has just happened, not one of years ago."""
    tok = doc[trig.end - 1]
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head if tok.dep_ in ("nsubj", "nsubjpass") else None
    if verb is None or verb.tag_ != "VBN":
        return False
    return any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children)


def _group(doc: Doc, triggers: list[Trigger], settlements: set[str] = frozenset(),
           dct: date | None = None) -> list[_Incident]:
    incidents: list[_Incident] = []
    last: _Incident | None = None
    lead_end = _lead_end(doc_text(doc))
    for trig in triggers:
        effect = trig.date is None and trig.effect
        fam = "any" if trig.weak or effect else _family(trig.type)  # "explosions were heard overnight"
        fits = "any" if trig.side_act else fam  # "missiles struck the ship, starting a fire": either family's
        compatible = [inc for inc in incidents
                      if (fits == "any" or inc.family() in ("any", fits))
                      and (_compatible_date(trig.date, inc.date) or inc.loose and _days_apart(trig.date, inc.date) <= 7)
                      and (_compatible_place(trig.place, inc.place) or _relative_to(doc, trig.place, inc.place))]
        if trig.date is None and not trig.anaphoric and incidents and incidents[0].date is not None \
                and _told_as_just_happened(doc, trig):
            # "An explosion has torn through the market": news, not the older incident told just before it
            compatible = [inc for inc in compatible
                          if inc.date is None or _days_apart(inc.date, incidents[0].date) <= BACKGROUND_DAYS]
        if not trig.anaphoric and _opens_another_incident(doc, trig):
            # "Separately, four soldiers were wounded on Saturday when explosives were dropped from drones near X": a
            # sentence that opens on another incident joins none told before it
            compatible = [inc for inc in compatible if all(t.sent_index == trig.sent_index for t in inc.triggers)]
        same_sentence = [inc for inc in compatible if any(t.sent_index == trig.sent_index for t in inc.triggers)]
        same_date = [inc for inc in compatible if trig.date and inc.date and inc.date.value == trig.date.value]
        undated = [inc for inc in compatible if (inc.date is None or inc.loose) and not inc.background]
        target: _Incident | None = None
        if (told := _act_of_its_subject(doc, trig, incidents)) is not None:
            target = told  # "The blast struck the terminal in the X district": the act the subject names
        elif trig.earlier:
            # "The attack came two weeks after militants killed 40 people": an earlier incident of its own
            target = next((inc for inc in incidents if inc.background and any(
                t.earlier and t.sent_index == trig.sent_index for t in inc.triggers)), None)
            if target is None and trig.hours_earlier:
                # "Trial opens hours after witness's house is torched" / "..., hours after the house was burned"
                # ("Lebanon condemns strike after drone kills three / ... The statement came hours after a drone struck
                # a car": the reaction lead's headline incident, which the body tells only there)
                told = [inc for inc in incidents if not inc.background and (fam == "any" or inc.family() in ("any", fam))
                        and all(t.in_headline for t in inc.triggers)]
                target = next((inc for inc in told if all(t.hours_earlier for t in inc.triggers)), None) or next(
                    (inc for inc in told if not trig.in_headline and not any(t.hours_earlier for t in inc.triggers)),
                    None)
            if target is None:
                target = _Incident(background=not (trig.hours_earlier or recent_lapse(doc[trig.end - 1])))
                incidents.append(target)
        elif same_sentence and not trig.in_headline and not trig.anaphoric and doc[trig.end - 1].dep_ == "conj" \
                and _later_new_act(doc, trig):
            target = None  # "... threw petrol bombs at the station, and two hours later shots were fired at a car"
        elif same_sentence and not trig.in_headline and not trig.anaphoric and not trig.weak \
                and all(t.weak or t.anaphoric for inc in same_sentence for t in inc.triggers
                        if t.sent_index == trig.sent_index) \
                and all(any(t.sent_index != trig.sent_index for t in inc.triggers) for inc in same_sentence) \
                and _later_new_act(doc, trig):
            # "Hours later, gunmen ambushed a patrol near Y", "Hours after the shooting, 20 cars were set on fire": the
            # act is another incident, and the weak word of its sentence ("gunmen"), which joined the incident told
            # before, goes with it (the anaphor, "the shooting", stays)
            target = _Incident()
            incidents.append(target)
            for inc in same_sentence:
                moved = [t for t in inc.triggers if t.sent_index == trig.sent_index and t.weak and not t.anaphoric]
                inc.triggers[:] = [t for t in inc.triggers if not any(t is m for m in moved)]
                target.triggers.extend(moved)
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
        elif trig.date is not None and (dead := [inc for inc in incidents if _dead_of(doc, trig, inc)]):
            target = dead[0]  # "The dead were ..., who died in hospital on Monday": the dead of Sunday's attack
        elif trig.date is not None:
            # the story's own (first) incident takes a day, not a bare month or year ("In March 2025, a
            # bomber ..." tells an earlier attack)
            target = same_date[0] if same_date else (
                undated[0] if undated and (len(trig.date.value) >= 10 and not _years_before(trig.date, dct)
                                           or undated[0] is not incidents[0]
                                           and not _long_before(trig.date, incidents[0].date)) else None)
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


def _act_of_its_subject(doc: Doc, trig: Trigger, incidents: list[_Incident]) -> _Incident | None:
    """The incident a verb trigger's subject already stands for, when that subject is an anaphoric incident noun of
    the same sentence ("The blast struck the terminal in the X district", "The attack killed ..."), or that the
    incident noun its clause describes tells ("an attack in X, in which gunmen killed 20 people")."""
    verb = doc[trig.end - 1]
    if verb.pos_ != "VERB" or trig.earlier:
        return None
    if verb.dep_ == "relcl" and (told := next((inc for inc in incidents for t in inc.triggers
                                               if not t.anaphoric and t.start <= verb.head.i < t.end), None)):
        return told  # "after an attack on Dec. 22 in X, in which fighters killed 20 people": the attack it tells of
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    return next((inc for inc in incidents for t in inc.triggers
                 if t.anaphoric and t.start <= subj.i < t.end and t.sent_index == trig.sent_index), None)


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
                # ... with the outcome words of its sentence ("the strike had killed four civilians")
                moved = [trig] + [t for t in inc.triggers if t is not trig and t.sent_index == trig.sent_index
                                  and t.outcome and t.weak and doc[trig.end - 1].head.i == doc[t.end - 1].i
                                  and doc[trig.end - 1].dep_ == "nsubj"]
                if len(moved) == len(inc.triggers):
                    moved = [trig]
                for t in moved:
                    inc.triggers.remove(t)
                    told[-1][1].triggers.append(t)
                told[-1][1].triggers.sort(key=lambda t: t.start)


def _relative_to(doc: Doc, place: Place | None, other: Place | None) -> bool:
    """A place told as a landmark ("about 80 km north of X") fits an incident placed elsewhere in its country."""
    return place is not None and other is not None and place.country == other.country and _approximate(doc, place) \
        and not place.span.start == other.span.start


def _long_before(coarse: Timex, story: Timex | None) -> bool:
    """A bare month or year that ends more than ``BACKGROUND_DAYS`` before the story's day ("In March 2025, its
    fighters hijacked a train", in a story of March 2026): an earlier incident, not one the story tells undated."""
    start, day = _iso(coarse.value), _iso(story.value) if story is not None else None
    if start is None or day is None or story is None or len(story.value.split("T")[0]) < 10:
        return False
    end = date(start.year, 12, 31) if len(coarse.value) == 4 else date(start.year + start.month // 12,
                                                                       start.month % 12 + 1, 1)
    return (day - end).days > BACKGROUND_DAYS


def _years_before(day: Timex, dct: date | None) -> bool:
    """A day more than ``YEARS_BEFORE_DAYS`` before the report ("On September 17, 2024, ..." in a story of October
    2026): an earlier incident, never the one the story (its headline) tells undated."""
    when = _iso(day.value)
    return dct is not None and when is not None and (dct - when).days > YEARS_BEFORE_DAYS


YEARS_BEFORE_DAYS = 365
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


MASS_TAKING = 3  # people taken at least this many times the number killed: the taking types the incident


def _mass_taking(doc: Doc, figures: list[Figure], killing: Trigger, taking: Trigger) -> bool:
    """"killing two people and abducting dozens of worshippers": the count taken, told in the taking's sentence, is
    ``MASS_TAKING`` times the count killed told in the killing's: a mass abduction in which some were killed."""
    def first(kind: str, trig: Trigger) -> Figure | None:
        sent = doc[trig.start].sent
        return next((f for f in figures if f.kind == kind and sent.start_char <= f.span.start < sent.end_char), None)

    killed, taken = first("killed", killing), first("kidnapped", taking)
    dead = killed.value if killed is not None else _one_victim(doc[killing.end - 1])
    return dead is not None and taken is not None and taken.value >= MASS_TAKING * dead


def _one_victim(verb: Token) -> int | None:
    """"to kill a wounded gang member": a killing of one person told without a number."""
    victim = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    return 1 if victim is not None and victim.tag_ == "NN" and any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in victim.children) else None


def _ranked_types(inc: _Incident, doc: Doc, figures: list[Figure]) -> list[str]:
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
    # "Jihadists attacked the town, killing dozens ... They set fire to the market": the killing told first types
    # the raid before the acts done on its way, told later
    told_first = [t.type for t in inc.triggers if t.outcome and t.type != "attack"
                  and t.sent_index == inc.triggers[0].sent_index and not any(s.sent_index == t.sent_index for s in side)]
    # "gunmen" says who, not what was done: after the outcome told first ("gunmen ... seized more than 300 boys")
    agents = [t for t in means if t.weak and t.type == "armed_assault" and doc[t.end - 1].pos_ == "NOUN"
              and doc[t.end - 1].lemma_.lower() in _triggers()["agents"]]
    first = [t for t in first if not any(t is a for a in agents)]
    means = [t for t in means if not any(t is a for a in agents)]
    ranked = [t.type for t in first if not t.weak] + [t.type for t in first if t.weak] \
        + [t.type for t in means if not t.weak] + [t.type for t in means] + told_first + [t.type for t in agents] \
        + [t.type for t in side] + [t for t in inc.types if t != "attack"]
    ranked = list(dict.fromkeys(ranked)) or ["attack"]
    if ranked[0] == "kidnapping" and {t.type for t in means if not t.side_act} <= {"kidnapping", "armed_assault"}:
        # people killed and others taken (houses burnt, shots fired on the way), nothing else naming the means: the
        # outcome the body tells first types it ("gunmen killed 11 and abducted dozens" is an assault, "seized 27
        # ..., one was shot dead" a kidnapping); a headline's order is the headline writer's
        body = [t for t in inc.triggers if not t.in_headline] or inc.triggers
        killing = next((t for t in body if t.outcome and t.type == "armed_assault"), None)
        taking = next((t for t in body if t.type == "kidnapping"), None) or next(
            t for t in inc.triggers if t.type == "kidnapping")
        if killing is not None and killing.start < taking.start \
                and not _mass_taking(doc, figures, killing, taking):
            ranked = ["armed_assault"] + [t for t in ranked if t != "armed_assault"]
    if ranked[0] == "bombing" and all(t.effect for t in inc.triggers if t.type == "bombing") and (
            remote := next((t.type for t in inc.triggers if t.type in AIR_FAMILY), None)):
        # "parts of a drone were found after an explosion": the drone's strike; only a bomb named is a bombing
        ranked = [remote] + [t for t in ranked if t != remote]
    if ranked[0] == "arson" and "armed_assault" in ranked:
        # "hacked four farmers to death and set fire to their huts", "..., killing 11 people and burning 40 homes": people
        # killed or hurt, the burning joined to it as a second act, make it an assault ("set fire to a bus, killing 12
        # passengers" and "Caretaker killed as arsonists burn stores" stay arsons)
        fire = next(t for t in inc.triggers if t.type == "arson")
        joined = doc[fire.start] if doc[fire.start].dep_ == "conj" else None  # ("killed as arsonists burn ...": no)
        if joined is not None and any(t.outcome and t.type == "armed_assault" and t.start <= joined.head.i < t.end
                                      for t in inc.triggers):
            ranked = ["armed_assault"] + [t for t in ranked if t != "armed_assault"]
    if ranked[0] == "armed_assault" and any(t.type == "robbery" and not t.side_act for t in inc.triggers):
        # guards shot dead in a robbery told as such ("the robbery", "charged with robbery"): a robbery;
        # shops looted in a raid leave it an assault
        ranked = ["robbery"] + [t for t in ranked if t != "robbery"]
    return ranked
