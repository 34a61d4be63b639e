"""The analysis pipeline for one document: nlp -> extract -> resolve (within the document).

``Pipeline.analyze`` turns a :class:`Document` into an :class:`Analysis`:
time expressions, places, figures, role fillers, incidents, and attributed
statements with canonical speakers, types, dates and the incidents they are
about. Cross-document resolution happens in ``rashomon.resolve`` at store time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Token

from rashomon.data import load_json
from rashomon.extract.attribution import (cited_sources, claimed_by, colon_quote_paragraphs, conjoined_reports,
                                          extract_attributions, named_by, nested_beliefs, quote_before_the_one_told,
                                          quote_told_before, quoted_paragraph_after, quotes_around_cue, tag_cues_batch,
                                          what_it_called)
from rashomon.extract.events import (closes_own_phrase, extract_events, incident_at, is_incident_noun, is_trigger_word,
                                     is_verbal_attack, names_claimed_act, when_clause_verb)
from rashomon.extract.figures import extract_figures
from rashomon.extract.places import find_places
from rashomon.extract.roles import extract_role_fillers
from rashomon.extract.roles.responsibility import names_no_party
from rashomon.extract.stance import classify_statement, statement_polarity
from rashomon.extract.timex import tag_timexes
from rashomon.models import Analysis, Argument, Document, Event, Mention, Span, Statement, Timex
from rashomon.nlp.model import doc_text, load_nlp
from rashomon.resolve.responsibility import add_responsibility
from rashomon.resolve.speakers import resolve_speakers, split_conjoined_sources



class Pipeline:
    """Runs every extraction stage on documents; one spaCy model per pipeline."""

    def __init__(self, model: str | None = None, batch_size: int = 16):
        self.nlp = load_nlp(model)
        self.batch_size = batch_size

    def analyze(self, document: Document) -> Analysis:
        return self.analyze_doc(document, self.nlp(document.text))

    def analyze_batch(self, documents: list[Document]) -> Iterator[tuple[Document, Analysis | Exception]]:
        """Parse a batch together (spaCy is faster on batches), then analyse each document on its own:
        one document's failure is yielded as its exception and the others go on."""
        return self.analyze_parsed(documents, self.parse_batch(documents))

    def parse_batch(self, documents: list[Document], tag: bool = True) -> list[Doc | Exception]:
        """The parse of each document in one ``nlp.pipe`` over the batch, and (``tag``) its cues tagged;
        when a document breaks the batch, each is parsed on its own and a failure is kept as its
        exception. The only step that runs the spaCy model (``engine.parse_ahead`` runs it a batch ahead
        in a worker, and tags the cues itself with :meth:`tag_batch`)."""
        try:
            parsed: list[Doc | Exception] = list(self.nlp.pipe((d.text for d in documents), batch_size=self.batch_size))
        except Exception:  # a document that breaks the batch: parse one by one to find it
            parsed = []
            for document in documents:
                try:
                    parsed.append(self.nlp(document.text))
                except Exception as exc:
                    parsed.append(exc)
        if tag:
            self.tag_batch(parsed)
        return parsed

    @staticmethod
    def tag_batch(parsed: list[Doc | Exception]) -> None:
        """Tag the attribution cues of parsed documents (kept on each Doc); a document the tagger
        fails on becomes its exception, in place."""
        docs = [d for d in parsed if isinstance(d, Doc)]
        try:
            tag_cues_batch(docs)
            return
        except Exception:
            pass
        for i, doc in enumerate(parsed):
            if isinstance(doc, Doc):
                try:
                    tag_cues_batch([doc])
                except Exception as exc:
                    parsed[i] = exc

    def analyze_parsed(self, documents: list[Document],
                       parsed: list[Doc | Exception]) -> Iterator[tuple[Document, Analysis | Exception]]:
        """Analyse parsed documents one by one (see :meth:`parse_batch`); a failure is yielded as its exception."""
        for document, doc in zip(documents, parsed, strict=True):
            if isinstance(doc, Exception):
                yield document, doc
                continue
            try:
                yield document, self.analyze_doc(document, doc)
            except Exception as exc:
                yield document, exc

    def analyze_doc(self, document: Document, doc: Doc) -> Analysis:
        dct = (document.published or "")[:10] or None
        timexes = tag_timexes(document.text, dct, doc=doc)
        places = find_places(doc)
        figures = extract_figures(doc, timexes)
        arguments = extract_role_fillers(doc)
        statements = [st for st in extract_attributions(doc, turns_nested=True)
                      if not _physical_act(doc, st) and not _nobody_speaks(doc, st)]
        statements = claimed_by(doc, named_by(doc, conjoined_reports(doc, colon_quote_paragraphs(doc, statements))))
        statements = what_it_called(doc, statements)
        statements = sorted(cited_sources(doc, statements + nested_beliefs(doc, statements)), key=lambda st: st.cue.start)
        statements = quote_told_before(doc, quotes_around_cue(doc, split_conjoined_sources(doc, statements)))
        statements = quoted_paragraph_after(doc, quote_before_the_one_told(doc, statements))
        resolve_speakers(doc, statements)
        for st in statements:
            st.type, st.target = classify_statement(doc, st)
            st.polarity = statement_polarity(doc, st)
            st.date = statement_date(doc, st, timexes)
        carry_statement_dates(doc, statements)
        said_on = {(st.date.span.start, st.date.span.end) for st in statements if st.date and not _dates_the_act(doc, st)}
        event_timexes = [t for t in timexes if (t.span.start, t.span.end) not in said_on]
        events = extract_events(doc, event_timexes, places, figures, arguments, dct, all_timexes=timexes)
        for st in statements:
            st.events = linked_events(doc, st, events)
        add_responsibility(doc, statements, events)
        tidy_roles(doc, statements, events)
        add_reporters(statements, events)
        text = document.text
        mentions = [Mention(Span.of(text, e.start_char, e.end_char), e.label_, e.text)
                    for e in doc.ents if e.label_ in ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC")]
        return Analysis(document=document, timexes=timexes, mentions=mentions, events=events, statements=statements)


_LINKS = load_json("statements/links.json")
STATEMENT_NOUNS = frozenset(_LINKS["statement_nouns"])
ISSUING_NOUNS = STATEMENT_NOUNS | frozenset(_LINKS["issued_nouns"])  # ("a press release, issued on Sunday")
_GENERAL = frozenset(_LINKS["general_markers"])
_OCCASION_VERBS = frozenset(_LINKS["occasion_verbs"])
_PRONOUN_SOURCES = frozenset({"it", "he", "she", "they"})
_SEQUENCE_PREPS = frozenset(_LINKS["sequence_prepositions"])


def statement_date(doc: Doc, st: Statement, timexes: list[Timex]) -> Timex | None:
    """The date a statement was made, at day (or month) level: a date next to its cue, or one the
    parse ties to the cue or to a statement noun ("In a March 23 statement", "said in a statement on
    its news agency on Saturday"), never a bare year, nor a date inside the source, nor one that
    dates another verb ("a driver rammed a bus stop on Wednesday, police said")."""
    cue = doc.char_span(st.cue.start, st.cue.end, alignment_mode="expand")
    if cue is None:
        return None
    s = cue.sent
    best, best_dist = None, 10**9
    for t in timexes:
        if t.type not in ("DATE", "TIME") or not (s.start_char <= t.span.start < s.end_char):
            continue
        if not t.value[:4].isdigit() or len(t.value) < 7 and not _in_year_of_cue(doc, t, cue):
            continue  # "the 2021 coup": a bare year is no statement's date (but "said in 2021 that ...")
        if st.source is not None and (noun := _issued_on(doc, t)) is not None \
                and st.source.start <= noun.idx < st.source.end:
            best, best_dist = t, 0  # "Its press release, issued by the police on Sunday, read ...": its day
            break
        if st.source is not None and st.source.start <= t.span.start < st.source.end:
            continue
        inside = st.content.start <= t.span.start < st.content.end
        as_of = inside and _as_of(doc, s, t)
        if inside and st.content.end <= st.cue.start and not as_of:
            continue  # "A guide was stabbed in Tunis last Friday, police said on Wednesday": the content's date
        if _dates_a_when_clause(doc, t):
            continue  # "recall April 1988, when separatists killed four gendarmes": what the clause after it tells
        tspan = doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
        claimed = tspan is not None and _claimed_object(cue.root, tspan)
        link = "cue" if claimed or as_of or _right_after_cue(doc, st, t) or _fronted_on_source(st, t, tspan) \
            else _date_link(tspan, cue)
        if link == "other" or link is None and inside:
            continue
        if inside and tspan is not None and _closes_incident_phrase(doc, tspan) and not claimed:
            continue  # "issued an account of an armed robbery at a shop in X on Saturday afternoon": the robbery's
        dist = 1 if link == "cue" else min(abs(t.span.start - st.cue.end), abs(t.span.end - st.cue.start))
        if dist < best_dist and dist <= 40:
            best, best_dist = t, dist
    if best is None and _on_an_incident(cue.root):
        # "In October 2021, a bomb killed two men in an attack police blamed on X": a blame told inside the
        # incident's own noun phrase is dated with it
        best = next((t for t in timexes if t.type in ("DATE", "TIME") and s.start_char <= t.span.start < st.cue.start
                     and t.value[:4].isdigit() and len(t.value) >= 7), None)
    if best is None and _at_the_time(doc, cue):
        best = _time_referred_to(doc, st, cue, timexes)
    if best is not None and "T" in best.value:  # "said on Friday evening": the day it was said
        best = replace(best, value=best.value.split("T")[0])
    return best


def _fronted_on_source(st: Statement, t: Timex, tspan) -> bool:
    """"On Monday evening, a man presenting himself as a spokesman ... claimed the attack": a date before the source
    that the parser hangs on a verb inside the source dates the cue's clause."""
    if tspan is None or st.source is None or not t.span.end <= st.source.start:
        return False
    gov = tspan.root.head.head if tspan.root.head.dep_ == "prep" else tspan.root.head
    return gov.pos_ == "VERB" and st.source.start <= gov.idx < st.source.end


def _issued_on(doc: Doc, t: Timex) -> Token | None:
    """The statement noun whose participle clause holds the date ("a press release, issued by the police on
    Sunday"), if it sits in one."""
    tspan = doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
    return None if tspan is None else next((a.head for a in tspan.root.ancestors if a.dep_ == "acl" and a.tag_ == "VBN"
                                            and a.head.lemma_.lower() in ISSUING_NOUNS), None)


def _as_of(doc: Doc, sent, t: Timex) -> bool:
    """"By Tuesday afternoon the death toll had risen to 19, an official told Reuters": a day the sentence opens
    with "By" is when the figure was given (and told)."""
    before = doc_text(doc)[sent.start_char:t.span.start].strip().lower()
    return before == "by" and len(t.value) >= 10


def _in_year_of_cue(doc: Doc, t: Timex, cue) -> bool:
    """"Prosecutors said in 2021 that ...", "the government in 2021 blamed X": a year the cue itself takes with
    "in"."""
    tspan = doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
    if tspan is None or len(t.value) != 4:
        return False
    prep = tspan.root.head
    return tspan.root.dep_ == "pobj" and prep.lower_ == "in" and prep.head.i == cue.root.i


def _at_the_time(doc: Doc, cue) -> bool:
    """"said at the time", "blamed the SDF at the time", "at that time claimed": the statement is dated by the
    earlier incident the story tells."""
    s = cue.sent
    for t in doc[max(s.start, cue.start - 3):min(s.end, cue.end + 8)]:
        if t.lower_ == "at" and t.i + 2 < s.end and doc[t.i + 1].lower_ in ("the", "that") \
                and doc[t.i + 2].lower_ == "time":
            return True
    return False


def _time_referred_to(doc: Doc, st: Statement, cue, timexes: list[Timex]) -> Timex | None:
    """The date nearest before the cue in its sentence or the two sentences before it in the paragraph."""
    first = cue.sent
    for _ in range(2):
        first = doc[first.start - 1].sent if first.start > 0 else first
    lo = max(first.start_char, doc_text(doc).rfind("\n\n", 0, st.cue.start) + 1)
    before = [t for t in timexes if t.type == "DATE" and lo <= t.span.start < st.cue.start and t.value[:4].isdigit()
              and not (st.source is not None and st.source.start <= t.span.start < st.source.end)]
    return before[-1] if before else None


def _right_after_cue(doc: Doc, st: Statement, t: Timex) -> bool:
    """"Police said on Monday they had arrested two men": a date between the cue and its content, with only time
    prepositions before it, is the statement's, whatever verb the parser hangs it on."""
    text = doc_text(doc)
    cue_end, content_start = st.cue.end, st.content.start
    if (m := _CLAIMED_OBJECT.match(text, st.content.start, st.content.end)) is not None:
        cue_end = content_start = m.end()  # "claimed responsibility late on Friday in a statement" read as content
    between = text[cue_end:t.span.start].lower().split()
    return cue_end <= t.span.start and (t.span.end <= content_start or m is not None) \
        and all(w in ("on", "late", "early", "at", "in", "this", "last") for w in between)


_CLAIMED_OBJECT = re.compile(r"(?:responsibility|credit)\b\s*", re.IGNORECASE)


def _on_an_incident(cue) -> bool:
    """A cue in a relative clause on an incident noun ("an attack (that) police blamed on X"; the parser may read
    "attack police" as one noun with the cue on it)."""
    head = cue.head
    if any(c.dep_ == "advmod" and c.lower_ in ("later", "subsequently", "since", "afterwards") for c in cue.children):
        return False  # "an attack police later blamed on X": the blame came after
    return cue.dep_ in ("relcl", "acl") and head.i < cue.i and (is_incident_noun(head) or any(
        c.dep_ == "compound" and is_incident_noun(c) for c in head.children))


def _dates_a_when_clause(doc: Doc, t: Timex) -> bool:
    """The date is followed by ", when" and a clause that tells an incident ("in July 1985, when agents bombed
    the ship"): it dates that incident."""
    tspan = doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
    verb = when_clause_verb(doc, tspan) if tspan is not None else None
    return verb is not None and (is_trigger_word(verb) or any(
        is_trigger_word(c) for c in verb.children if c.dep_ == "conj"))


def _claimed_object(cue, tspan) -> bool:
    """"X claimed the attack on Monday (in a statement)": the day after the claimed incident noun is the claim's (the
    incident's own day is told where the incident is)."""
    obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
    return cue.lemma_.lower() == "claim" and obj is not None and is_incident_noun(obj) \
        and obj.i < tspan.start and tspan.start - obj.right_edge.i <= 2


def _closes_incident_phrase(doc: Doc, tspan) -> bool:
    """The date follows right on the noun phrase of an incident noun ("a robbery at a shop in X on Saturday")."""
    return any(is_incident_noun(t) and closes_own_phrase(t, tspan) for t in doc[tspan.sent.start:tspan.start])


def carry_statement_dates(doc: Doc, statements: list[Statement]) -> None:
    """"X said in a statement on Tuesday that ... It warned that ...": a statement whose source is a
    pronoun, told in the sentence right after a dated statement of the same speaker in the same
    paragraph, was made on the same occasion."""
    text = doc_text(doc)
    _carry_to_conjoined_cues(doc, statements)
    def source(o: Statement) -> tuple[int, int] | None:
        return (o.source.start, o.source.end) if o.source is not None else None

    for k, (prev, st) in enumerate(zip(statements, statements[1:])):
        # the statement of the same source right before it, past any told inside that one's content ("rejected what it
        # called 'baseless allegations', saying ...")
        j = k
        while j > 0 and source(st) is not None and source(statements[j]) not in (None, source(st)) \
                and statements[j - 1].content.start <= statements[j].cue.start < statements[j - 1].content.end:
            j -= 1
        same = statements[j]
        if st.date is None and same.date is not None and source(st) is not None and source(same) == source(st) \
                and "\n" not in text[same.cue.end:st.cue.start] and _participle(doc, st):
            st.date = same.date  # "X claimed the raid late yesterday, saying ...": the participle's occasion is the cue's
            continue
        if st.date is not None or prev.date is None or st.source is None or not st.speaker \
                or st.speaker != prev.speaker or st.source.text.lower() not in _PRONOUN_SOURCES:
            continue
        between = text[prev.cue.end:st.cue.start]
        if "\n\n" in between or between.count(". ") > 1 or len(between) > 600:
            continue
        st.date = prev.date


def _carry_to_conjoined_cues(doc: Doc, statements: list[Statement]) -> None:
    """"X denied on Wednesday that ... and called the statement disinformation", "warned on Sunday that ... and
    said ...": a cue verb coordinated with a dated cue verb of the same source (or, as the parser often reads it,
    with that cue's clause) was said on the same occasion."""
    roots = {}
    for st in statements:
        cue = doc.char_span(st.cue.start, st.cue.end, alignment_mode="expand")
        if cue is not None and len(cue):
            roots[st.cue.start] = cue.root
    dated = {roots[st.cue.start].i: st for st in statements if st.date is not None and st.cue.start in roots}
    for st in statements:
        root = roots.get(st.cue.start)
        if st.date is not None or root is None or root.dep_ != "conj" \
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
            continue
        head = root.head
        first = dated.get(head.i) or (dated.get(head.head.i) if head.dep_ == "ccomp" else None)
        if first is not None and st.source is not None and first.source is not None \
                and (st.source.start, st.source.end) == (first.source.start, first.source.end):
            st.date = first.date


def _participle(doc: Doc, st: Statement) -> bool:
    """The statement's cue is a participle ("saying", "adding", "threatening")."""
    cue = doc.char_span(st.cue.start, st.cue.end, alignment_mode="expand")
    return cue is not None and len(cue) > 0 and cue.root.tag_ == "VBG"


def _date_link(tspan, cue) -> str | None:
    """What the parse hangs a date on, climbing through prepositions and nouns: "cue" (the cue, a
    statement noun, or a verb describing one: "in a video posted late Tuesday"), "other" (another
    verb, unless the cue hangs on it: "praised the attack on Thursday, calling it ..."; or an incident
    noun: "after the strike on Monday"), or None."""
    if tspan is None:
        return None
    node, direct = tspan.root, True  # direct: only prepositions so far ("said on Friday")
    for _ in range(6):
        if node.head is node:
            return None
        node = node.head
        if direct and cue.start <= node.i < cue.end or node.lemma_.lower() in STATEMENT_NOUNS:
            return "cue"
        if node.pos_ in ("VERB", "AUX"):
            if node.dep_ in ("acl", "relcl") and node.head.lemma_.lower() in STATEMENT_NOUNS:
                return "cue"
            if node.dep_ == "advcl" and cue.start <= node.head.i < cue.end and node.lemma_.lower() in _OCCASION_VERBS:
                return "cue"  # "Speaking to reporters on Wednesday, he said ..."
            subj = next((c for c in cue.root.children if c.dep_ == "nsubj"), None)
            if node.dep_ in ("acl", "relcl") and node.lemma_.lower() in _OCCASION_VERBS and subj is not None \
                    and subj.left_edge.i <= node.head.i <= subj.right_edge.i:
                return "cue"  # "The minister, speaking in Mogadishu on Monday, blamed ...", "X, who visited the
                # scene on Sunday, warned ..."
            if cue.root.head.i == node.i:
                # "praised the attack on Thursday, calling it ...": the cue's own occasion, unless the verb it is
                # coordinated with tells an incident ("kidnapped five tourists on Sunday and have demanded ...")
                # ("... killed three people in Nabatieh on Wednesday, while the ministry said ...": a clause the cue
                # opens with "while", "as" is subordinate; the date is the main verb's)
                return "other" if cue.root.dep_ == "conj" and is_trigger_word(node) or cue.root.dep_ == "advcl" \
                    and any(c.dep_ == "mark" for c in cue.root.children) else None
            return "other"
        if node.pos_ != "ADP" and not (node.dep_ == "acomp" and cue.start <= node.head.i < cue.end):
            # ("pleaded not guilty on Tuesday": the cue's complement is the cue's)
            direct = False  # "... in response to the group's May 2 raid": the date of a noun, not of the cue
            if is_incident_noun(node) and node.head.lower_ in _SEQUENCE_PREPS:
                return "other"  # "put the toll at 19 after the strike on Monday, but said ...": the strike's day
    return None


def _dates_the_act(doc: Doc, st: Statement) -> bool:
    """"In March 2021, a fire that destroyed a hatchery was claimed by X": a date told before the claimed act, which
    is the statement's content, dates the act (too); so does the date a blame inside the incident's noun phrase
    takes from it, or one said "at the time"."""
    if st.date is None:
        return False
    cue = doc.char_span(st.cue.start, st.cue.end, alignment_mode="expand")
    if cue is not None and (_on_an_incident(cue.root) or _at_the_time(doc, cue)):
        return True  # "In October 2021, a bomb ..., in an attack police blamed on X" ("..., police said at the
        # time"): the attack's date first
    tspan = doc.char_span(st.date.span.start, st.date.span.end, alignment_mode="expand")
    if cue is not None and tspan is not None and _claimed_object(cue.root, tspan):
        return True  # "X claimed the attack on Saturday": the claim's day, and maybe the attack's
    if st.date.span.end > st.content.start:
        return False
    content = doc.char_span(st.content.start, st.content.end, alignment_mode="expand")
    return content is not None and names_claimed_act(content.root)


def _nobody_speaks(doc: Doc, st: Statement) -> bool:
    """"No group has claimed the attack", "Nobody has claimed it": a source that names no party says nothing."""
    if st.source is None:
        return False
    src = doc.char_span(st.source.start, st.source.end, alignment_mode="expand")
    return src is not None and names_no_party(doc, src.start, src.end)


def _physical_act(doc: Doc, st: Statement) -> bool:
    """"Rebels attacked the army base": a cue that is an incident trigger word, with no clause or
    quotation as content, reports an act, not speech -- unless it is a verbal attack ("Trump attacked
    Cruz", "the senator attacked the plan")."""
    cue = doc.char_span(st.cue.start, st.cue.end, alignment_mode="expand")
    if cue is None or not is_trigger_word(cue.root) or is_verbal_attack(cue.root):
        return False
    content = doc.char_span(st.content.start, st.content.end, alignment_mode="expand")
    return content is not None and not any(t.dep_ in ("mark", "nsubj", "nsubjpass") or t.is_quote for t in content)


def linked_events(doc: Doc, st: Statement, events: list[Event]) -> list[int]:
    """Incidents a statement is about: those mentioned in it, else the one in context."""
    if not events:
        return []
    lo, hi = min(st.cue.start, st.content.start), max(st.cue.end, st.content.end)
    inside = [i for i, ev in enumerate(events)
              if any(lo <= m.start < hi for m in [ev.trigger, *ev.mentions])]
    if inside:
        return inside
    if st.type in ("claim_of_responsibility", "accusation", "denial", "dismissal", "admission") \
            and not _speaks_of_a_pattern(doc, st):
        idx = incident_at(doc, events, st.cue.start)
        return [idx] if idx is not None else []
    return []


def _speaks_of_a_pattern(doc: Doc, st: Statement) -> bool:
    """"Pakistan has rejected similar accusations in the past": a statement about a pattern, not
    about the incident being told (a marker word in the clause of its cue or in its content)."""
    cue = doc.char_span(st.cue.start, st.cue.end, alignment_mode="expand")
    if cue is None:
        return False
    words = [t.lower_ for t in cue.root.subtree if not (st.source and st.source.start <= t.idx < st.source.end)]
    text = f" {' '.join(words)} "
    return any(f" {marker} " in text for marker in _GENERAL)


def tidy_roles(doc: Doc, statements: list[Statement], events: list[Event]) -> None:
    """A named person who speaks in the report ("President X said ...") is not a victim where they are
    the statement's source or are mentioned without an attack acting on them ("Gunmen wounded Maria
    Lopez" stays); an unnamed "survivor" may be both. A party the role model gives both perpetrator
    roles is kept as the organisation only; an attacker is no victim of his own attack ("before
    fatally shooting himself")."""
    sources = [(st.source.start, st.source.end) for st in statements if st.source]
    speakers = {st.speaker.lower() for st in statements if st.speaker and " " in st.speaker.strip()}

    def speaking_person(a: Argument) -> bool:
        span = doc.char_span(a.span.start, a.span.end, alignment_mode="expand")
        if span is None or span.root.ent_type_ != "PERSON":
            return False
        if any(s <= a.span.start < e for s, e in sources):
            return True  # the mention is a statement's source
        # a named speaker mentioned elsewhere, not as what an attack verb or noun acts on
        hit = span.root.dep_ in ("dobj", "nsubjpass", "pobj") and is_trigger_word(
            span.root.head.head if span.root.dep_ == "pobj" else span.root.head)
        names = f"{span.text.lower()} | {(a.entity or '').lower()}"
        return not hit and any(sp in names for sp in speakers)

    for ev in events:
        orgs = {(a.entity or a.span.text).lower() for a in ev.arguments if a.role == "perpetrator_org"}
        attackers = {(a.entity or a.span.text).lower() for a in ev.arguments if a.role == "perpetrator_individual"}
        ev.arguments = [a for a in ev.arguments if not (
            a.role == "victim" and (speaking_person(a) or (a.entity or a.span.text).lower() in attackers)
            or a.role == "perpetrator_individual" and (a.entity or a.span.text).lower() in orgs)]


def add_reporters(statements: list[Statement], events: list[Event]) -> None:
    """A figure inside a statement's content was reported by that statement's source."""
    for ev in events:
        for fig in ev.figures:
            for st in statements:
                if st.source and st.content.start <= fig.span.start < st.content.end:
                    fig.reporter = st.source
                    break
