"""Dates (step 2): which date of a sentence is a trigger's own (``_owns_date``, ``_sentence_date``: not one that opens a
period, modifies another noun, belongs to another clause, a court's act, a statement or a message, nor the
dateline's filing day); when a trigger tells an earlier incident ("two weeks after militants killed 40"); and, once
triggers are grouped, an undated incident's day from the sentence before, from the lead, or from the incident it is
told "hours after".
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Token

from rashomon.extract.numbers import parse_number
from rashomon.extract.places import in_dateline
from rashomon.models import Span, Timex
from rashomon.nlp.model import doc_text

from .clauses import _after_clause_of, _clause_verb
from .lead import _lead_end, _lead_start
from .lexicon import _date_words, _speech_verbs, _triggers, _word_nouns
from .records import Trigger, _Incident
from .triggers import _trigger_distance, is_incident_noun, is_trigger_word, is_verbal_attack


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
             and _iso(t.value) is not None and _owns_date(doc, t, own, timexes)
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


def _root_of(doc: Doc, timex: Timex) -> Token | None:
    span = doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
    return span.root if span is not None else None


def when_clause_verb(doc: Doc, date_span) -> Token | None:
    """The verb of a clause that opens with "when" right after the date (", when ..."), past the place of the date
    ("July 2016 in Nice, in mainland France, when a man drove ..."): the clause tells what happened then."""
    nxt = date_span.end
    while nxt < len(doc) and nxt - date_span.end <= 8 and doc[nxt].lower_ != "when" and (
            doc[nxt].is_punct or doc[nxt].is_space or doc[nxt].pos_ in ("ADP", "PROPN", "DET")
            or doc[nxt].ent_type_ in ("GPE", "LOC") or doc[nxt].dep_ in ("compound", "amod") and doc[nxt].head.pos_ == "PROPN"):
        nxt += 1
    if nxt >= len(doc) or doc[nxt].lower_ != "when" or nxt - date_span.end > 8 or any(
            t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "LOC", "FAC", "") for t in doc[date_span.end:nxt]):
        return None
    return doc[nxt].head


def _when_clause_of(doc: Doc, date_span, own: range) -> bool:
    """The trigger's clause is the date's when-clause (``when_clause_verb``): it tells what happened then."""
    verb = when_clause_verb(doc, date_span)
    if verb is None:
        return False
    if verb.i not in own and verb.lemma_.lower() in _speech_verbs():
        return False  # "early on Saturday, when a group said it had struck the yacht": the day of the saying
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


def _owns_date(doc: Doc, timex: Timex, own: range, timexes: list[Timex] = ()) -> bool:
    """Whether a date of the trigger's sentence can be the trigger's own. Not a date that opens a period
    ("the deadliest bombing since the 2003 invasion", "since a ceasefire ended the fighting last year"),
    a date that modifies a common noun ("the Christmas lights", "the 2021 coup"), or a date of a clause
    coordinated after the trigger ("one man was shot dead, and three others escaped the next morning")."""
    span = doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
    if span is None:
        return True
    root = span.root
    if root.i in own:
        return True
    if any(root.i == a.i for a in doc[own.start].ancestors):
        # "since January 2024, when masked gunmen stormed ...": the date the clause tells of -- not through a
        # saying ("early on Saturday, when a group said it had struck the yacht": the day of the claim)
        return not _through_saying(doc, own, root)
    if _right_after_incident_phrase(doc, span, own):
        return True  # "issued an account of an armed robbery at a shop in X on Saturday afternoon"
    gov = root.head.head if root.dep_ == "pobj" else root.head
    if gov.pos_ == "VERB" and gov.lemma_.lower() in _speech_verbs() and _in_fronted_content(doc, root, gov, own.start):
        return True  # "... stabbed in Tunis last Friday, police said on Wednesday" (hung on "said")
    if _when_clause_of(doc, span, own):
        return True  # "since October 2020, when fighters raided ..." (the parser hangs "when" elsewhere)
    if len(timex.value) <= 7 and span.text.lower().startswith("this ") \
            and any(t.tag_ == "JJS" for t in doc[max(span.sent.start, span.start - 8):span.start]):
        return False  # "in the worst mass shooting in the city this year": the span of a comparison, not a date
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
    if root.dep_ in ("compound", "amod", "nummod", "nmod") and head.pos_ == "NOUN" and head.i not in own \
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
    if clause and _dated_before(clause[-1], span, own, timexes):
        return True  # "pleaded not guilty on Wednesday over a shooting that wounded two people in X, a village
        # north of Y, on 12 November": a verb dated already; the parser hung the incident's date on it
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
    if clause and any(a.i == clause[-1].i for a in doc[own.start].ancestors) and _through_saying(doc, own, clause[-1]):
        return False  # "The first claim came early on Saturday, when a group said it had struck the yacht"
    said = clause[-1] if clause else None
    while said is not None and said.dep_ == "conj" and said.head.pos_ in ("VERB", "AUX"):
        said = said.head  # "said bodies were pulled ... and several of the wounded died overnight"
    if said is not None and said.dep_ == "ccomp" and said.head.lemma_.lower() in _speech_verbs() \
            and not any(a.i == said.i for a in doc[own.start].ancestors):
        # neither governs the other and the date is in what someone said, apart from the trigger
        # ("... after the strike, but said bodies were pulled from the stalls on Tuesday")
        return False
    return True


def _through_saying(doc: Doc, own: range, top: Token) -> bool:
    """On the way up from the trigger to ``top`` (one of its ancestors) lies a speech verb whose clausal complement
    holds the trigger: the trigger is what someone said, and a date of ``top`` dates the saying (not a verb the
    trigger is coordinated with: "stopped a bus on Monday, ordered the passengers off and set it on fire")."""
    prev = doc[own.start]
    for a in doc[own.start].ancestors:
        if a.i == top.i:
            return False
        if a.pos_ == "VERB" and a.lemma_.lower() in _speech_verbs() and prev.dep_ in ("ccomp", "xcomp"):
            return True
        prev = a
    return False


def _dated_before(verb: Token, span, own: range, timexes: list[Timex]) -> bool:
    """The verb a date hangs on has a day of its own told before the trigger, and the trigger, which it
    governs, comes between the two: a verb is not dated twice, so the later date is the trigger's clause's."""
    doc = verb.doc
    if not any(a.i == verb.i for a in doc[own.start].ancestors):
        return False
    for t in timexes:
        if t.type != "DATE" or len(t.value) < 10 or _iso(t.value) is None \
                or not (verb.sent.start_char <= t.span.start and t.span.end <= doc[own.start].idx):
            continue
        root = _root_of(doc, t)
        if root is not None and root.i < span.start and any(a.i == verb.i for a in root.ancestors) \
                and not any(a.i in own for a in root.ancestors):
            return True
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


def _time_relation_object(tok: Token, date: Span) -> bool:
    """"Hours after the shooting in X, early on Sunday, two men were shot": an incident told as what the
    clause's time is measured from; a date outside its own phrase is the clause's, not that incident's
    ("since the van attack of 2018" keeps its year)."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("after", "before", "since"):
        return False
    return not any(date.start <= t.idx < date.end for t in tok.subtree)


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


def _date_governor(doc: Doc, span: Span):
    """The date's tokens and the word it modifies, past a preposition ("said on Monday" -> said), or (None, None)."""
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None:
        return None, None
    head = tokens.root.head
    if head.dep_ == "prep" or head.pos_ == "ADP":
        head = head.head
    return tokens, head


def _dates_the_toll(doc: Doc, span: Span) -> bool:
    """"The death toll from a missile strike on X rose to 17 on Wednesday": the day the count rose, not the strike's."""
    tokens, verb = _date_governor(doc, span)
    if tokens is None:
        return False
    words = _date_words()
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in words["toll_verbs"] and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in words["toll_nouns"] for c in verb.children)


def _dates_the_saying_of_it(doc: Doc, span: Span, trig: Trigger) -> bool:
    """"The group claimed the attack on Tuesday", "condemned the bombing on Friday": an incident told again as the
    object of a speech verb, with the date hung on it by the parser; the day is the saying's, as the sentence is
    read ("claimed Tuesday's attack" would tell the attack's)."""
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    noun = doc[trig.end - 1]
    verb = noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "for":
        verb = next((a for a in noun.head.ancestors if a.pos_ in ("VERB", "AUX")), noun.head)
    # ("blamed X for the attack on Monday": the object of "for" after a verb of blame is told again too)
    if tokens is None or noun.dep_ not in ("dobj", "pobj") or noun.dep_ == "pobj" and verb.i == noun.head.i \
            or verb.lemma_.lower() not in _speech_verbs() or is_trigger_word(verb) and not is_verbal_attack(verb):
        return False
    if noun.dep_ == "dobj" and tokens.root.i < verb.i and not noun.left_edge.i <= tokens.root.i <= noun.right_edge.i:
        return True  # "On Monday evening, a man presenting himself as its spokesman claimed the attack": the claim's day
    prep = tokens.root.head
    return prep.dep_ == "prep" and prep.lower_ in ("on", "in", "at") and prep.head.i == noun.i and prep.i == noun.i + 1


def _said_on(doc: Doc, span: Span, trig: Trigger) -> bool:
    """A date that modifies a speech verb other than the trigger ("police said on Monday")."""
    tokens, head = _date_governor(doc, span)
    if tokens is None:
        return False
    if _right_after_incident_phrase(doc, tokens, range(trig.start, trig.end)):
        return False  # "issued an account of an armed robbery in X on Saturday afternoon": the robbery's day
    if _when_clause_of(doc, tokens, range(trig.start, trig.end)):
        return False  # "residents recall March 1994, when rebels killed eleven soldiers": the killing's date
    if head.lemma_.lower() in _date_words()["resemblance_verbs"] and any(
            c.dep_ in ("nsubj", "nsubjpass") and is_incident_noun(c) for c in head.children):
        return False  # "The robbery recalled an attack in Miri in 2019": no one spoke
    # "In June 2016, gunmen attacked ...": a verb that tells an attack is no speech verb there
    return head.pos_ == "VERB" and not (trig.start <= head.i < trig.end) and head.lemma_.lower() in _speech_verbs() \
        and not (is_trigger_word(head) and not is_verbal_attack(head)) \
        and (not _subject_holds(head, trig) or _told_again_as_passive_subject(head, trig)) \
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


def _told_again_as_passive_subject(verb: Token, trig: Trigger) -> bool:
    """"Late Wednesday, the attack was claimed by X": an incident told before ("the attack"), the passive subject of
    a speech verb; the day is the saying's."""
    return trig.anaphoric and any(c.dep_ == "nsubjpass" and c.left_edge.i <= trig.start and trig.end - 1 <= c.right_edge.i
                                  for c in verb.children)


def _subject_holds(verb: Token, trig: Trigger) -> bool:
    """The trigger is in the verb's subject ("a drone slammed into a warehouse", "parts of a drone were found"):
    the verb tells what the trigger's thing did or underwent, not what someone said."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.left_edge.i <= trig.start and trig.end - 1 <= c.right_edge.i
               for c in verb.children)


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
        if verb is not None and verb.lemma_.lower() in not_the_act or _dates_the_toll(doc, t.span):
            continue  # "was charged on Sunday", "police said on Monday", "the toll rose to 17 on Wednesday": a later
            # step's day
        main.date = replace(t, value=t.value.split("T")[0])
        return


_HOURS_AFTER = re.compile(r"(?:(?:just|only|barely|a\s+few|several|some|about|around|nearly|almost)\s+)?"
                          r"(?:(?:an?|\d+|[a-z]+(?:-[a-z]+)?)\s+)?(?:hours?|minutes?|moments|shortly)\s+"
                          r"(?:later|after\s+(?:the|that|this)\b)|later\s+that\s+(?:day|night|evening|afternoon)\b"
                          r"|(?:on\s+)?the\s+same\s+(?:day|night|evening)\b", re.IGNORECASE)


def _opens_hours_after(sent) -> bool:
    """The sentence opens by placing what it tells hours after what was told ("Hours later, ...", "Later that day",
    "Hours after the shooting, ...")."""
    return _HOURS_AFTER.match(sent.text.lstrip("\"'\u201c ")) is not None


_INDEFINITE = frozenset({"a", "an", "another", "some"})


def _later_new_act(doc: Doc, trig: Trigger) -> bool:
    """An attack verb in a sentence that opens "Hours later" ("Later that day", "Hours after the shooting") and
    whose patient is a new, indefinite or counted one ("a patrol was ambushed", "gunmen attacked another village",
    "20 cars were set on fire"): a further act, not the incident told again ("Hours later, the attackers set fire to the building")."""
    tok = doc[trig.end - 1]
    if tok.pos_ != "VERB" and tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ == "VERB" \
            and tok.head.head.i >= trig.start:
        tok = tok.head.head  # "were set on fire": the verb of a phrasal trigger
    elif tok.pos_ != "VERB" and tok.dep_ == "dobj" and trig.start <= tok.head.i < trig.end:
        tok = tok.head  # "set fire to 12 houses"
    if tok.pos_ != "VERB" or not (_opens_hours_after(tok.sent) or _conjoined_hours_after(tok)):
        return False
    patient = next((c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")), None)
    if patient is None and tok.dep_ == "xcomp":
        patient = next((c for c in tok.head.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    aimed = [o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("at", "on", "to") for o in p.children
             if o.dep_ == "pobj"]
    # ("shots were fired at a patrol car": the new target is what the shots were aimed at)
    # ("about 20 cars were set on fire": a counted patient of the sentence's main verb is a new one too; "..., killing
    # one officer and wounding two others" counts the victims of the act told)
    counted = tok.dep_ == "ROOT" or tok.dep_ == "ccomp" and tok.head.dep_ == "ROOT" and tok.head.i > tok.i
    # (the main clause of a report: "..., a group of young men set fire to at least 12 houses ..., residents said")
    return any(any(c.dep_ == "det" and c.lower_ in _INDEFINITE or counted and c.dep_ == "nummod" and c.like_num
                   for c in p.children)
               for p in ([patient] if patient is not None else []) + aimed)


def _conjoined_hours_after(verb: Token) -> bool:
    """A clause joined to the one before that opens by placing its act hours after ("..., and about two hours
    later shots were fired at a patrol car")."""
    if verb.dep_ != "conj":
        return False
    return _HOURS_AFTER.match(verb.doc.text[verb.left_edge.idx:verb.idx + len(verb.text)]) is not None


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


def _lapse_nouns(tok: Token):
    """The lapses of time on the way up from the trigger ("hours after the house was burned", "a day after militants
    killed ..."): npadvmod nouns of the trigger's first ancestors or of their "after" words, nearest first."""
    for anc in [tok, *tok.ancestors][:4]:
        for c in [*anc.children, *(g for m in anc.children if m.dep_ in ("mark", "prep") for g in m.children)]:
            if c.dep_ == "npadvmod":
                yield c  # (the lapse hangs on "after" or on the verb)


def _hours_lapse(tok: Token) -> bool:
    """The lapse that makes the trigger's incident an earlier one is of hours or minutes ("hours after the
    house was burned")."""
    return any(c.lemma_.lower() in ("hour", "minute", "moment") for c in _lapse_nouns(tok))


RECENT_LAPSE_DAYS = 2  # "a day after", "two days after": an incident of the story's own days, not background


def recent_lapse(tok: Token) -> bool:
    """The lapse that makes the trigger's incident an earlier one is of a day or two ("a day after Sunni militants
    killed nine border guards"): it is told with the story, not as its background."""
    day = next((c for c in _lapse_nouns(tok) if c.lemma_.lower() == "day"), None)
    if day is None:
        return False
    n = next((d for d in day.children if d.dep_ in ("nummod", "det")), None)
    value = 1 if n is None or n.lower_ in ("a", "one") else parse_number([n.lower_])
    return value is not None and value <= RECENT_LAPSE_DAYS


def _lapsed_after(after: Token) -> bool:
    """"a year after", "two weeks after": the word (or the clause verb after it) carries a lapse of time."""
    return any(c.dep_ == "npadvmod" and _lapse(c) for c in after.children)


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
    mark = next((c.i for c in clause.children if c.dep_ == "mark"), clause.i)
    return clause.left_edge.i <= span.start and span.end - 1 <= clause.right_edge.i \
        and not any(c.dep_ == "npadvmod" and span.start <= c.i < span.end and c.i < mark for c in clause.children)
    # (the lapse before "after" is not the clause's day: "hours after ..."; "... tore through a party late Saturday" is)


def _lapse(tok: Token) -> bool:
    """A span of time: "two weeks", "20 years", "days"."""
    return tok.lemma_.lower() in ("day", "week", "month", "year", "decade", "hour", "anniversary")


def _agent_of_other_act(tok: Token, trig: Trigger) -> bool:
    """"the gunmen released the driver": a definite attacker noun as the subject of a verb that is no trigger;
    "a gunman ... gave himself up on Sunday": any attacker noun as the subject of an aftermath verb."""
    return (trig.anaphoric or tok.head.lemma_.lower() in _triggers()["aftermath"]) and tok.pos_ == "NOUN" \
        and tok.lemma_.lower() in _triggers()["agents"] \
        and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ == "VERB" and not is_trigger_word(tok.head)
