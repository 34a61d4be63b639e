"""Responsibility status of a perpetrator mention from cue words around it in its sentence."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import lexicon

_SUBJ = {"nsubj", "nsubjpass", "csubj", "expl"}


def _cue_kind(tok: Token) -> str | None:
    cues = lexicon()["responsibility"]
    for kind in ("denied", "claimed", "accused", "suspected"):
        if tok.lower_ in cues[kind] or tok.lemma_.lower() in cues[kind]:
            return kind
    return None


def _covers(tok: Token, span: range) -> bool:
    return any(t.i in span for t in tok.subtree)


def _subject_of(verb: Token, span: range) -> bool:
    """The mention is the verb's subject (directly, via a relative pronoun or a conjoined verb)."""
    v = verb
    for _ in range(3):
        for c in v.children:
            if c.dep_ in _SUBJ or c.dep_ == "agent":
                if _covers(c, span):
                    return True
                if c.tag_ in {"WDT", "WP"} or c.lower_ in {"which", "who", "that"}:
                    if v.dep_ == "relcl" and v.head.i in span:
                        return True
        if v.dep_ == "relcl" and v.head.i in span:
            return True
        if v.dep_ in {"conj", "xcomp"} and v.head is not v:
            v = v.head
        else:
            break
    return False


def responsibility(doc: Doc, start: int, end: int) -> str | None:
    """claimed | accused | suspected | denied | None for the mention tokens [start, end)."""
    span = range(start, end)
    sent = doc[start].sent
    found: dict[str, bool] = {}
    for tok in sent:
        kind = _cue_kind(tok)
        if kind is None:
            continue
        if kind == "denied" and tok.pos_ in {"VERB", "AUX"} and _subject_of(tok, span):
            return "denied"
        if kind == "claimed":
            if "responsib" in sent.text.lower() or tok.pos_ == "VERB":
                if _subject_of(tok, span) or any(
                        c.dep_ == "agent" and _covers(c, span) for c in tok.children):
                    return "claimed"
                found["claimed"] = True
        if kind == "accused":
            if not _subject_of(tok, span) and _covers(tok, span) and tok.i not in span:
                return "accused"
            found["accused"] = True
        if kind == "suspected":
            if tok.i in span or tok.head.i in span or tok.i == start - 1:
                return "suspected"
            found["suspected"] = True
    # "suspected" directly modifying the mention from outside, e.g. "suspected leftist rebels"
    for kind in ("accused", "suspected"):
        if found.get(kind):
            return kind
    return None
