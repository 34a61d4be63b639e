"""Figures and role fillers attached to incidents (step 5): each goes to the incident of its sentence, else to the
incident last referred to (``incident_at``); arrests told apart go to the story's incident or to their paragraph's,
a sentence about "both attacks" speaks of each, and the killing of one named victim adds a figure of one
(``_single_victim``).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc

from rashomon.extract.figures import counts_nobody
from rashomon.models import Argument, Event, Figure, Span
from rashomon.nlp.model import doc_text

from .agents import _perp_words
from .records import _Incident
from .triggers import is_trigger_word


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
            if v.tag_ in ("NN", "NNP") and v.ent_type_ not in ("ORG", "GPE", "NORP") and not counts_nobody(v) \
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
    if (placed := _named_town_incident(doc, events, char)) is not None:
        return placed  # "The toll in Anlong Veng has risen to four dead": the incident of the town it names
    if best is not None and events[best].background and _background_passage(doc, events, char):
        return best  # "In June 2016, gunmen attacked ... The authorities blamed X": still the older incident
    if best is None or events[best].background:
        return main
    return best


def _named_town_incident(doc: Doc, events: list[Event], char: int) -> int | None:
    """The one current incident whose town the sentence at ``char`` names, when the current incidents lie in
    different towns."""
    towns = {i: ev.place.city for i, ev in enumerate(events) if not ev.background and ev.place and ev.place.city}
    if len(set(towns.values())) < 2:
        return None
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    sent = span[0].sent.text
    # (in a place phrase: "the toll in Anlong Veng", not "Batken regional governor ... put the toll at four")
    named = [i for i, town in towns.items()
             if re.search(r"\b(?:in|at|near|outside)\s+(?:the\s+(?:\w+\s+){0,2}of\s+)?" + re.escape(town) + r"\b", sent)]
    return named[0] if len({towns[i] for i in named}) == 1 else None


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
