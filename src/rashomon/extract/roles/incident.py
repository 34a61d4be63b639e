"""Incident-sentence signal for role candidates: where the incident triggers are.

Uses the event extractor's trigger finder (``rashomon.extract.events.find_triggers``,
read-only) and turns it into per-token context: the sentence distance to the nearest
trigger sentence and to the first one (the reported incident is usually told first),
the trigger types of the sentence, the token distance to the nearest trigger, whether
the candidate's governor or an ancestor is a trigger, and ``who``/``they`` subjects of
trigger verbs carried over to their antecedent ("the guerrillas, who attacked";
"the guerrillas ... they burned").
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

from spacy.tokens import Doc, Token

_PRONOUNS = {"they", "he", "she", "who", "which", "that"}
_warned = False


@dataclass(slots=True)
class IncidentContext:
    """Per-document trigger layout (token and sentence indices)."""

    sent_of: dict[int, int]  # token index -> sentence index
    trig_tokens: dict[int, str]  # token index -> trigger type (strong triggers only)
    sent_types: dict[int, set[str]]  # sentence index -> trigger types
    trig_sents: list[int]  # sentence indices with a strong trigger, sorted
    weak_sents: set[int]
    n_trig: int


def _find_triggers(doc: Doc) -> list:
    global _warned
    try:
        from rashomon.extract.events import find_triggers

        return find_triggers(doc)
    except Exception as exc:  # the event extractor is optional for role features
        if not _warned:
            warnings.warn(f"role features without incident triggers: {exc!r}", stacklevel=2)
            _warned = True
        return []


def incident_context(doc: Doc) -> IncidentContext:
    sent_of: dict[int, int] = {}
    for si, s in enumerate(doc.sents):
        for i in range(s.start, s.end):
            sent_of[i] = si
    trig_tokens: dict[int, str] = {}
    sent_types: dict[int, set[str]] = {}
    weak: set[int] = set()
    strong: set[int] = set()
    triggers = _find_triggers(doc)
    for t in triggers:
        si = sent_of.get(t.start, 0)
        if t.weak:
            weak.add(si)
        else:
            strong.add(si)
            for i in range(t.start, t.end):
                trig_tokens[i] = t.type
        sent_types.setdefault(si, set()).add(t.type)
    return IncidentContext(sent_of, trig_tokens, sent_types, sorted(strong), weak, len(triggers))


def _b(x: int, edges: tuple[int, ...]) -> int:
    for i, e in enumerate(edges):
        if x < e:
            return i
    return len(edges)


def incident_features(ctx: IncidentContext, head: Token, rel: str, gov_tok: Token | None) -> list[str]:
    """Trigger-context features of one candidate occurrence (``head`` = its head token)."""
    if not ctx.n_trig:
        return ["itrig=none"]
    si = ctx.sent_of.get(head.i, 0)
    f = []
    if ctx.trig_sents:
        d = min(abs(si - s) for s in ctx.trig_sents)
        first = ctx.trig_sents[0]
        f.append(f"itrig_sd={_b(d, (1, 2, 3))}")
        f.append(f"itrig_first={'before' if si < first else _b(si - first, (1, 2, 4))}")
        rank = sum(1 for s in ctx.trig_sents if s < si)
        f.append(f"itrig_rank={_b(rank, (1, 2, 4))}" if d == 0 else "itrig_rank=off")
    else:
        f.append("itrig_sd=weakonly")
    if si in ctx.weak_sents and si not in ctx.trig_sents:
        f.append("itrig_weak_sent")
    for ty in sorted(ctx.sent_types.get(si, ())):
        f.append(f"itrig_type={ty}")
        f.append(f"itrig_type_rel={ty}|{rel}")
    s = head.sent
    tok_d = [abs(i - head.i) for i in ctx.trig_tokens if s.start <= i < s.end and i != head.i]
    f.append(f"itrig_tokd={_b(min(tok_d), (3, 6, 12)) if tok_d else 'x'}")
    if head.i in ctx.trig_tokens:
        f.append("itrig_self")
    if gov_tok is not None and gov_tok.i in ctx.trig_tokens:
        ty = ctx.trig_tokens[gov_tok.i]
        f.append(f"igov_trig={rel}")
        f.append(f"igov_trig_type={rel}|{ty}")
    # nearest trigger among the ancestors ("the attack on the embassy", "killed ... in the raid")
    depth = 0
    t = head
    while t.head is not t and depth < 4:
        t = t.head
        depth += 1
        if t.i in ctx.trig_tokens:
            f.append(f"ianc_trig={depth}")
            break
    return f


def relcl_and_pronoun_features(doc: Doc, ctx: IncidentContext, head: Token, lex_perp: set[str]) -> list[str]:
    """Relations carried from ``who``/``they`` clauses: the antecedent gets the verb's relation."""
    f = []
    for ch in head.children:
        if ch.dep_ == "relcl":
            for g in ch.children:
                if g.lower_ in {"who", "which", "that"} and g.dep_ in {"nsubj", "nsubjpass"}:
                    trig = "T" if ch.i in ctx.trig_tokens else "-"
                    f.append(f"relcl={g.dep_}|{ch.lemma_.lower()}")
                    f.append(f"relcl_trig={g.dep_}|{trig}")
    return f


def pronoun_links(doc: Doc, ctx: IncidentContext, lex_perp: set[str]) -> dict[int, list[str]]:
    """Head token of the antecedent -> features from a later ``they``/``he`` subject.

    Antecedent: the nearest preceding noun head in the same or the previous sentence that
    agrees in number (plural for "they") and is a human/group noun or a name.
    """
    out: dict[int, list[str]] = {}
    for tok in doc:
        lw = tok.lower_
        if lw not in {"they", "he", "she"} or tok.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        verb = tok.head
        si = ctx.sent_of.get(tok.i, 0)
        plural = lw == "they"
        ante = None
        j = tok.i - 1
        while j >= 0 and ctx.sent_of.get(j, 0) >= si - 1:
            c = doc[j]
            if c.pos_ in {"NOUN", "PROPN"} and c.dep_ not in {"compound", "amod"}:
                is_pl = c.tag_ in {"NNS", "NNPS"}
                if plural == is_pl and (c.lemma_.lower() in lex_perp or c.lower_ in lex_perp or c.pos_ == "PROPN"):
                    ante = c
                    break
            j -= 1
        if ante is None:
            continue
        trig = "T" if verb.i in ctx.trig_tokens else "-"
        out.setdefault(ante.i, []).extend([f"pron={tok.dep_}|{verb.lemma_.lower()}", f"pron_trig={tok.dep_}|{trig}"])
    return out
