"""Responsibility status of a perpetrator mention from cue words in its sentence."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from .lexicon import lexicon


def responsibility(sent: SpacySpan, start: int, end: int) -> str | None:
    """claimed | accused | suspected | denied | None for the mention tokens [start, end)."""
    cues = lexicon()["responsibility"]
    toks = [t for t in sent]
    low = " ".join(t.lower_ for t in toks)
    words = [t.lower_ for t in toks]
    mention = set(range(start, end))

    def near(kind: str) -> tuple[bool, int]:
        for t in toks:
            if t.lower_ in cues[kind] or t.lemma_.lower() in cues[kind]:
                return True, t.i
        for phrase in cues[kind]:
            if " " in phrase and phrase in low:
                return True, toks[0].i + low[: low.index(phrase)].count(" ")
        return False, -1

    denied, di = near("denied")
    if denied:
        tok = sent.doc[di]
        # "X denied ..." : the mention is the subject of the denial
        subj = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if any(c.i in mention or any(t.i in mention for t in c.subtree) for c in subj) or start < di:
            return "denied"
    claimed, ci = near("claimed")
    if claimed and "responsib" in low or claimed and any(w in {"claimed", "admitted"} for w in words):
        if start < ci or "by" in words[: max(0, start - toks[0].i)]:
            return "claimed"
    accused, ai = near("accused")
    if accused:
        return "accused"
    suspected, si = near("suspected")
    if suspected:
        return "suspected"
    if claimed:
        return "claimed"
    return None
