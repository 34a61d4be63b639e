"""Who is responsible, by whose word: claims, accusations and denials become perpetrator arguments of
the incidents they are about, with their status (claimed / accused / denied). A representative speaks for
the party named ("a lawyer for the gang's leader" -> the gang); a denier is a party only when it denies a
part in the incident or is itself accused in the report."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from rashomon.data import load_json
from rashomon.extract.places import country_name, demonym_country
from rashomon.models import Argument, Event, Span, Statement
from rashomon.nlp.model import doc_text

_LINKS = load_json("statements/links.json")
RESPONSIBILITY_OF_TYPE = {"claim_of_responsibility": "claimed", "accusation": "accused", "denial": "denied"}
_NOT_AGENTS = frozenset(_LINKS["not_agents"])
_REPRESENTATIVES = frozenset(_LINKS["representative_nouns"])
_INVOLVEMENT = tuple(load_json("stance/content.json")["involvement_nouns"]) + tuple(_LINKS["accusation_nouns"])
_NAME_STOP = frozenset({"the", "and", "for", "its", "their", "his", "her", "officials", "official", "group", "forces",
                        "spokesman", "spokeswoman", "ministry", "government", "state", "services", "service"})


def add_responsibility(doc: Doc, statements: list[Statement], events: list[Event]) -> None:
    """Claims, accusations and denials become perpetrator arguments with their status. A denier is a
    party to the incident only when it denies a part in it or an accusation, or is accused in the report
    ("prosecutors denied that the man had been in contact with the group" is no denial of a role)."""
    accused = {w for st in statements if st.type == "accusation" and st.target for w in _words(st.target.text)}
    accused |= {w for ev in events for a in ev.arguments if a.responsibility in ("accused", "suspected")
                for w in _words(a.span.text)}
    for st in statements:
        status = RESPONSIBILITY_OF_TYPE.get(st.type)
        if not status:
            continue
        who = st.source if st.type in ("claim_of_responsibility", "denial") else st.target
        if who is not None and who is st.source:
            who = party_of_source(doc, who)
        if who is None or not _names_an_agent(doc, who, events) or (who is st.source and not st.speaker):
            continue
        who = _trimmed(doc, who)  # "... blames Tajikistan\n\n": a headline's target without the line breaks
        if st.type == "denial" and not (_words(who.text) & accused or _denies_a_part(st)):
            continue
        for idx in st.events:
            ev = events[idx]
            if any(a.span == who and a.responsibility == status for a in ev.arguments):
                continue
            name = st.speaker if who is st.source and st.speaker else who.text
            ev.arguments.append(Argument(role="perpetrator_org", span=who, entity=name, responsibility=status))


def _trimmed(doc: Doc, span: Span) -> Span:
    """The span without surrounding white space."""
    text = span.text
    start = span.start + len(text) - len(text.lstrip())
    end = span.end - (len(text) - len(text.rstrip()))
    return span if (start, end) == (span.start, span.end) or start >= end else Span.of(doc_text(doc), start, end)


def _words(text: str) -> set[str]:
    """Content words of a party's name, demonyms as their country ("Azerbaijani" = "Azerbaijan"), for
    matching an accused party with a denier."""
    words = set(re.findall(r"[a-z]{3,}", text.lower())) - _NAME_STOP
    return {(country_name(code) or w).lower() if (code := demonym_country(w)) else w for w in words}


def _denies_a_part(st: Statement) -> bool:
    """The denial's content names a part in something ("any involvement", "a role") or an accusation
    ("rejects the accusation")."""
    text = st.content.text.lower()
    return any(re.search(rf"\b{re.escape(n)}\b", text) for n in _INVOLVEMENT)


def party_of_source(doc: Doc, source: Span) -> Span | None:
    """The party a source speaks for: "a lawyer for the gang's leader" -> "the gang", "Iran's foreign
    ministry spokesman, X" -> "Iran", "Taliban spokesman X" -> "Taliban"; the source itself when it is
    no representative; None for a representative whose party is not named ("its spokesman")."""
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    if span is None:
        return source
    heads = [span.root, *(t for t in span.root.children if t.dep_ in ("appos", "compound"))]
    rep = next((h for h in heads if h.lemma_.lower() in _REPRESENTATIVES or h.lower_ in _REPRESENTATIVES), None)
    if rep is None:
        return source
    for _ in range(3):  # "a lawyer for the gang's alleged leader": the leader's gang
        party = _represented(rep)
        if party is None or party.pos_ == "PRON":
            return None
        if party.lemma_.lower() not in _REPRESENTATIVES:
            start = min(t.idx for t in party.subtree if t.i <= party.i)
            return Span.of(doc_text(doc), start, party.idx + len(party.text))
        rep = party
    return None


def _represented(rep: Token) -> Token | None:
    """Who a representative noun speaks for: its possessor, its "of"/"for" object, or a proper-noun
    compound ("Taliban spokesman"), looking through compounds ("Iran's foreign ministry spokesman")."""
    tok = rep
    while tok is not None:
        party = next((c for c in tok.children if c.dep_ == "poss"), None) or next(
            (o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("of", "for")
             for o in p.children if o.dep_ == "pobj"), None)
        if party is not None:
            return party
        compound = next((c for c in tok.children if c.dep_ == "compound"), None)
        if compound is not None and compound.pos_ == "PROPN" and not any(c.dep_ == "poss" for c in compound.children):
            return compound
        tok = compound
    return None


def _names_an_agent(doc: Doc, span: Span, events: list[Event]) -> bool:
    """A party can be responsible; an event noun ("this missile terrorism") or a bare pronoun cannot."""
    words = [w.strip("“”\"'").lower() for w in span.text.split()]
    if not words or all(w in _NOT_AGENTS for w in words):
        return False
    for ev in events:
        for m in [ev.trigger, *ev.mentions]:
            if span.start <= m.start < span.end:
                return False
    return True
