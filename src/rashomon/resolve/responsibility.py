"""Who is responsible, by whose word: claims, accusations and denials become perpetrator arguments of
the incidents they are about, with their status (claimed / accused / denied). A representative speaks for
the party named ("a lawyer for the gang's leader" -> the gang); a denier is a party only when it denies a
part in the incident or is itself accused in the report."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from rashomon.data import load_json
from rashomon.extract.incident_words import is_incident_noun
from rashomon.extract.places import country_name, demonym_country
from rashomon.extract.roles.responsibility import counts_unnamed_parties, name_given
from rashomon.models import Argument, Event, Span, Statement
from rashomon.nlp.model import doc_text
from rashomon.nlp.syntax import relative_antecedent

_LINKS = load_json("statements/links.json")
_ROLES = {k: frozenset(v) for k, v in load_json("roles/lexicon.json").items() if isinstance(v, list)}
RESPONSIBILITY_OF_TYPE = {"claim_of_responsibility": "claimed", "accusation": "accused", "denial": "denied"}
_NOT_AGENTS = frozenset(_LINKS["not_agents"])
_REPRESENTATIVES = frozenset(_LINKS["representative_nouns"])
_INVOLVEMENT = tuple(load_json("stance/content.json")["involvement_nouns"]) + tuple(_LINKS["accusation_nouns"]) \
    + tuple(_LINKS["involvement_phrases"])
_ACT_GERUNDS = frozenset(_LINKS["act_gerunds"]) | _ROLES["attack_verbs"]
_NEGLIGENCE = frozenset(_LINKS["negligence_gerunds"])
_ACCUSATION_NOUNS = frozenset(_LINKS["accusation_nouns"])
_ORG_HEADS = _ROLES["org_heads"]
_HEDGES = frozenset({"suspected", "alleged", "presumed", "purported", "likely"})
_RELATIONS = frozenset(load_json("speakers/roles.json")["relation_nouns"])
_NAME_STOP = frozenset({"the", "and", "for", "its", "their", "his", "her", "officials", "official", "group", "forces",
                        "spokesman", "spokeswoman", "ministry", "government", "state", "services", "service"})


def add_responsibility(doc: Doc, statements: list[Statement], events: list[Event]) -> None:
    """Claims, accusations and denials become perpetrator arguments with their status. A denier is a
    party to the incident only when it denies a part in it or an accusation, or is accused in the report
    ("prosecutors denied that the man had been in contact with the group" is no denial of a role)."""
    accused = {w for st in statements if st.type == "accusation" and st.target for w in _words(st.target.text)}
    accused |= {w for ev in events for a in ev.arguments if a.responsibility in ("accused", "suspected")
                for w in _words(a.span.text)}
    blamed_other = [st for st in statements if st.type == "accusation" and _blamed_for_something_else(doc, st)]
    other_blame = {_sentence_start(doc, st) for st in blamed_other}
    for st in statements:
        status = RESPONSIBILITY_OF_TYPE.get(st.type)
        if status and (any(st is b for b in blamed_other) or st.type != "accusation" and _bare_accusation_noun(doc, st)
                       and _answers_blame_for_failure(doc, st, statements, other_blame)):
            # "accused the government of leaving trains unguarded, a charge the ministry rejected": blame for a
            # failure, and its rejection, name no party to the attack
            continue
        if st.type == "dismissal" and _denies_a_part(doc, st):
            status = "denied"  # "the embassy dismissed the accusation as propaganda": the accused denies it
        if not status:
            continue
        if status == "accused" and _hedged(doc, st):
            status = "suspected"  # "Suspected X militants killed ...", "is believed to have been carried out by X"
        who = st.source if status in ("claimed", "denied") else st.target
        if who is not None and who is st.source:
            who = party_of_source(doc, who)
            who = _without_clauses(doc, who) if who is not None else None  # "X, which has waged ..., said"
        if who is None or (who is st.source and not st.speaker) or not _names_an_agent(doc, who, events) and not (
                st.type == "accusation" and _parties(doc, who, events)):
            continue
        who = _trimmed(doc, who)  # "... blames Tajikistan\n\n": a headline's target without the line breaks
        if status == "denied" and not (_words(who.text) & accused or _denies_a_part(doc, st)):
            continue
        if status == "denied" and _speaks_for_another(doc, who):
            continue  # "His family said he 'has nothing to do with this'": the suspect's part is denied, not theirs
        parties = _parties(doc, who, events) if st.type == "accusation" else [who]
        if status == "claimed":
            parties += _claimed_for(doc, st)  # "claimed the action in the name of a Patriotic Movement"
        for idx in st.events:
            ev = events[idx]
            for party in parties:
                if any(a.span == party and a.responsibility == status for a in ev.arguments):
                    continue
                name = st.speaker if party is st.source and st.speaker else party.text
                ev.arguments.append(Argument(role=_party_role(doc, party), span=party, entity=name, responsibility=status))
    add_told_as_fact(doc, statements, events)
    add_acknowledged(doc, statements, events)


def add_told_as_fact(doc: Doc, statements: list[Statement], events: list[Event]) -> None:
    """"In January 2024, Iran fired missiles at X, according to Pakistan": a statement of type "other" whose content
    names who did it (its ``target``, as the stance rules give it) makes that party a perpetrator the report states as
    fact (responsibility null)."""
    for st in statements:
        if st.type != "other" or st.target is None or not _names_an_agent(doc, st.target, events):
            continue
        for idx in st.events:
            ev = events[idx]
            for party in _parties(doc, st.target, events):
                if not any(a.span.start < party.end and party.start < a.span.end for a in ev.arguments):
                    ev.arguments.append(Argument(role=_party_role(doc, party), span=party, entity=party.text,
                                                 responsibility=None))


def add_acknowledged(doc: Doc, statements: list[Statement], events: list[Event]) -> None:
    """"In a statement, it said its aircraft had struck military targets": a party that says its own forces
    carried out the act acknowledges it (claimed), whatever the statement's type."""
    for n, st in enumerate(statements):
        if not st.events or st.source is None or not st.speaker or not _own_forces_acted(doc, st.content):
            continue
        party = _speaker_mention(doc, st)
        if party is None or not _names_an_agent(doc, party, events):
            continue
        # "X dismissed the accusation. In a statement, it said its aircraft had struck ...": the speaker goes on
        # about the incident its statement just before was about
        before = next((o for o in reversed(statements[:n]) if o.speaker == st.speaker and o.events
                       and o.cue.start < st.cue.start), None)
        for idx in (before.events if before is not None else st.events):
            ev = events[idx]
            if not any(a.span == party for a in ev.arguments):
                ev.arguments.append(Argument(role="perpetrator_org", span=party, entity=st.speaker,
                                             responsibility="claimed"))


def _own_forces_acted(doc: Doc, content: Span) -> bool:
    """The content has an attack verb whose subject is the speaker's own forces ("its aircraft", "our troops",
    "we"), not negated."""
    span = doc.char_span(content.start, content.end, alignment_mode="expand")
    if span is None:
        return False
    own = frozenset(_ROLES["own_force_nouns"])
    attack = _ROLES["attack_verbs"]
    for tok in span:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in attack or any(c.dep_ == "neg" for c in tok.children):
            continue
        for subj in tok.children:
            if subj.dep_ != "nsubj":
                continue
            if subj.lower_ == "we" or subj.lemma_.lower() in own and any(
                    c.dep_ == "poss" and c.lower_ in ("its", "our", "their") for c in subj.children):
                return True
    return False


def _speaker_mention(doc: Doc, st: Statement) -> Span | None:
    """The speaker as named: the source unless a pronoun, else the canonical name's last mention before it."""
    source = st.source
    if source.text.strip().lower() not in ("it", "they", "we", "he", "she"):
        return party_of_source(doc, source)
    text = doc_text(doc)
    at = text.rfind(st.speaker, 0, source.start)
    return Span.of(text, at, at + len(st.speaker)) if at >= 0 else None


def _parties(doc: Doc, target: Span, events: list[Event]) -> list[Span]:
    """The parties an accusation names: the target without the act it is accused of ("X of carrying out the
    strike"), each conjunct ("X and their allies", "the work of X and of Y") and the name a party goes by ("a
    gang known as X"). The target itself when it cannot be split."""
    span = doc.char_span(target.start, target.end, alignment_mode="expand")
    if span is None:
        return [target] if _names_an_agent(doc, target, events) else []
    root = span.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return [target] if _names_an_agent(doc, target, events) else []
    heads = [root, *root.conjuncts]
    if root.dep_ == "pobj" and root.head.dep_ == "prep":  # "the work of X and of Y"
        heads += [o for p in root.head.conjuncts for o in p.children if o.dep_ == "pobj"]
    heads += [name for h in list(heads) if (name := name_given(h)) is not None]
    text = doc_text(doc)
    out: list[Span] = []
    for h in heads:  # a conjunct or a name may lie past the target's span ("blamed a gang known as X")
        toks = [t for t in _own_words(h) if t.i >= span.start and (h is not root or t.i < span.end)]
        while toks and (toks[0].is_punct or toks[0].is_space):
            toks.pop(0)
        while toks and (toks[-1].is_punct or toks[-1].is_space):
            toks.pop()
        if not toks:
            continue
        part = Span.of(text, toks[0].idx, toks[-1].idx + len(toks[-1].text))
        if _names_an_agent(doc, part, events) and part not in out:
            out.append(part)
    if not out and _names_an_agent(doc, target, events):
        return [target]
    return out


def _own_words(head: Token) -> list[Token]:
    """The head's phrase without its conjuncts, a relative or naming clause, and the act it is accused of."""
    cut = {c.i for c in head.children if c.dep_ in ("conj", "cc", "relcl", "acl", "appos")
           or c.dep_ == "prep" and c.lower_ in ("of", "for", "over", "in") and any(
               o.tag_ == "VBG" or o.pos_ == "VERB" or is_incident_noun(o) for o in c.children)}
    return [t for t in head.subtree if not any(a.i in cut for a in [t, *t.ancestors])]


def _party_role(doc: Doc, party: Span) -> str:
    """perpetrator_individual for a person ("Sipho Dlamini, 32, shot dead four people"; "he", "One of them" of
    the men held), else perpetrator_org."""
    toks = doc.char_span(party.start, party.end, alignment_mode="expand")
    if toks is None:
        return "perpetrator_org"
    root = toks.root
    one_of = root.lower_ == "one" and any(c.lower_ == "of" for c in root.children)
    return "perpetrator_individual" if root.ent_type_ == "PERSON" or root.lower_ in ("he", "she") or one_of \
        else "perpetrator_org"


def _without_clauses(doc: Doc, span: Span) -> Span:
    """The span without the relative clause on its head ("Al-Shabaab, which has waged an insurgency since
    2006" -> "Al-Shabaab"; an apposition naming it stays)."""
    toks = doc.char_span(span.start, span.end, alignment_mode="expand")
    if toks is None:
        return span
    cut = {c.i for c in toks.root.children if c.dep_ == "relcl"}
    if not cut:
        return span
    own = [t for t in toks if not any(a.i in cut for a in [t, *t.ancestors])]
    while own and (own[-1].text in (",", ";", ":", "-", "\u2014", "\u2013") or own[-1].is_space):
        own.pop()
    if not own or own[-1].i - own[0].i + 1 != len(own):
        return span
    return Span.of(doc_text(doc), own[0].idx, own[-1].idx + len(own[-1].text))


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


def _hedged(doc: Doc, st: Statement) -> bool:
    """An accusation told as a suspicion: the accused is "suspected"/"alleged" ("Suspected X militants
    killed ..."), or the act "is believed"/"is thought" to have been theirs, or someone believes it was, or asks
    whether it was."""
    target = doc.char_span(st.target.start, st.target.end, alignment_mode="expand") if st.target else None
    if target is not None and len(target) and target[0].lower_ in _HEDGES:
        return True
    cue = _cue_root(doc, st)
    if cue is not None and cue.lemma_.lower() in _ROLES["belief_verbs"]:
        return True  # "investigators believe the attack was ordered by X" (a belief told as its own statement)
    content = doc.char_span(st.content.start, st.content.end, alignment_mode="expand")
    if content is None:
        return False
    if len(content) and content[0].lower_ in ("whether", "if"):
        return True  # "police are investigating whether X was behind the killing": a question, not a charge
    if any(t.lower_ in _HEDGES and t.dep_ == "amod" and t.head.lower_ in _ROLES["member_nouns"] for t in content):
        return True  # "the hijackers were suspected members of X"
    return any(t.lemma_.lower() in _ROLES["belief_verbs"] and any(
        c.dep_ == "auxpass" or c.dep_ == "ccomp" and c.i > t.i for c in t.children) for t in content)
    # ("is believed to have been carried out by X"; "police believed the breakout had been organised by X")


def _cue_root(doc: Doc, st: Statement) -> Token | None:
    """The head token of a statement's cue."""
    span = doc.char_span(st.cue.start, st.cue.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _claimed_for(doc: Doc, st: Statement) -> list[Span]:
    """The party a claim is made for: "claimed the attack in the name of X", "on behalf of X"."""
    cue = _cue_root(doc, st)
    text = doc_text(doc)
    out = []
    for tok in (cue.subtree if cue is not None else ()):
        if tok.lower_ in ("name", "behalf") and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "on"):
            for of in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
                for party in (o for o in of.children if o.dep_ == "pobj" and o.pos_ in ("PROPN", "NOUN")):
                    toks = list(party.subtree)
                    while len(toks) > 1 and (toks[0].is_punct or toks[0].is_quote or toks[0].pos_ == "DET"):
                        toks.pop(0)  # 'a "Patriotic Movement of 25 November"': the name as written
                    left = toks[0]
                    right = party.right_edge
                    while right.i > left.i and (right.is_punct or right.is_quote):
                        right = right.nbor(-1)
                    out.append(Span.of(text, left.idx, right.idx + len(right.text)))
    return out


def _sentence_start(doc: Doc, st: Statement) -> int:
    cue = _cue_root(doc, st)
    return cue.sent.start if cue is not None else -1


def _blamed_for_something_else(doc: Doc, st: Statement) -> bool:
    """"accused the government of leaving trains without police", "blamed the mayor for failing to act": the
    accused is blamed for a failure (a negligence gerund of links.json), not for the act or for backing it."""
    cue = _cue_root(doc, st)
    if cue is None:
        return False
    # (the parser may hang "of" on the object or its apposition: "accused the distributor, X, of ignoring ...")
    heads = [cue, *(o for o in cue.children if o.dep_ == "dobj"),
             *(a for o in cue.children if o.dep_ == "dobj" for a in o.children if a.dep_ == "appos")]
    return any(o.tag_ == "VBG" and o.lemma_.lower() in _NEGLIGENCE
               for head in heads for prep in head.children if prep.dep_ == "prep" and prep.lower_ in ("of", "for")
               for o in prep.children if o.dep_ in ("pobj", "pcomp"))


def _answers_blame_for_failure(doc: Doc, st: Statement, statements: list[Statement], other_blame: set[int]) -> bool:
    """The denial answers an accusation of a failure: in its sentence ("..., a charge the ministry rejected"), or
    as the first accusation told before it, within two sentences ("X accused the company of ignoring requests.
    ... The company denied the accusation")."""
    here = _sentence_start(doc, st)
    if here in other_blame:
        return True
    before = [s for s in statements if s.type == "accusation" and s.cue.start < st.cue.start]
    if not before:
        return False
    last = _sentence_start(doc, max(before, key=lambda s: s.cue.start))
    return last in other_blame and sum(1 for sent in doc.sents if last < sent.start <= here) <= 2


def _bare_accusation_noun(doc: Doc, st: Statement) -> bool:
    """The content is only an accusation noun phrase ("a charge", "the accusation"): it points back."""
    words = st.content.text.lower().split()
    return 0 < len(words) <= 3 and words[-1].strip(".,;:\"'") in _ACCUSATION_NOUNS


def _speaks_for_another(doc: Doc, who: Span) -> bool:
    """A source that is someone's relative or lawyer ("His family", "her lawyer", "relatives of the accused"):
    what it denies is that person's part, not its own."""
    span = doc.char_span(who.start, who.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    head = span.root
    return head.lemma_.lower() in _RELATIONS and any(
        c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of" for c in head.children)


def _denies_a_part(doc: Doc, st: Statement) -> bool:
    """The denial's content names a part in something ("any involvement", "a role", "had nothing to do
    with"), an accusation ("rejects the accusation") or the act itself ("denied firing the shells")."""
    text = st.content.text.lower()
    if re.match(r"(?:the|this|that|these|those|such)\s+(?:[\w-]+['’]s\s+)?(?:(?:rival|other|competing|second|first|"
                r"earlier|later|new|online|latest)\s+)?claims?(?:\s+(?:as|of)\b|\s*$)", text.strip()):
        # "Police dismissed the claim", "the group dismissed the rival claim as the work of opportunists", "the
        # company dismissed the group's claims of cruelty as nonsense":
        # someone else's claim, no part of the speaker's
        return False
    span = doc.char_span(st.content.start, st.content.end, alignment_mode="expand")
    if span is not None and _claim_about_another(span):
        return False  # "dismissed claims that the attacker was an asylum seeker": not the speaker's part
    if any(re.search(rf"\b{re.escape(n)}\b", text) for n in _INVOLVEMENT):
        return True
    return span is not None and len(span) > 0 and span[0].tag_ == "VBG" and span[0].lemma_.lower() in _ACT_GERUNDS


_SELF_SUBJECTS = frozenset({"it", "they", "we", "he", "she", "its", "their", "our", "his", "her", "i"})


def _claim_about_another(span) -> bool:
    """"claims that the attacker was an asylum seeker": an accusation noun whose clause is about someone other
    than the speaker (its subject no pronoun: "claims that it was behind the attack" is about the speaker);
    "no link between the driver and any group": a tie between others."""
    for tok in span:
        if any(c.dep_ == "prep" and c.lower_ == "between" for c in tok.children) \
                and any(tok.lower_.startswith(n) for n in _INVOLVEMENT):
            return True  # "found no link between the driver and any group": a tie between others
        if tok.lower_ not in _ACCUSATION_NOUNS:
            continue
        for clause in (c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX")):
            subj = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
            if any(c.lower_ == "that" and c.dep_ == "mark" for c in clause.children) and subj \
                    and subj[0].lower_ not in _SELF_SUBJECTS:
                return True
    return False


def party_of_source(doc: Doc, source: Span) -> Span | None:
    """The party a source speaks for: "a lawyer for the gang's leader" -> "the gang", "Iran's foreign
    ministry spokesman, X" -> "Iran", "Taliban spokesman X" -> "Taliban"; the source itself when it is
    no representative; None for a representative whose party is not named ("its spokesman")."""
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    if span is None:
        return source
    if len(span) == 1 and (ante := relative_antecedent(span.root)) is not None:
        # "the Armed Front (AF), which said it had struck ...": the party the clause hangs on
        ent = next((e for e in doc.ents if e.start <= ante.i < e.end), None)
        if ent is not None:  # (the whole name: "the Armed Front for the Liberation of X")
            toks = [t for t in ent if t.i <= ante.i]
            return Span.of(doc_text(doc), toks[0].idx, ante.idx + len(ante.text))
        start = min(t.idx for t in ante.subtree if t.i <= ante.i)
        return Span.of(doc_text(doc), start, ante.idx + len(ante.text))
    belonged = next((o for t in span if t.lemma_.lower() == "belong" for p in t.children
                     if p.dep_ == "prep" and p.lower_ == "to" for o in p.children if o.dep_ == "pobj"), None)
    if belonged is not None and belonged.i < span.end:  # "three masked men who said they belonged to X": X
        ent = next((e for e in doc.ents if e.start <= belonged.i < e.end), None)
        toks = [t for t in ent if t.i <= belonged.i] if ent is not None else \
            [t for t in belonged.subtree if t.i <= belonged.i]
        return Span.of(doc_text(doc), toks[0].idx, belonged.idx + len(belonged.text))
    named = name_given(span.root)
    if named is not None and span.start <= named.i and named.left_edge.i <= span.end:  # "a group calling itself X": X
        # (X right after the span when the parser hung it elsewhere)
        return Span.of(doc_text(doc), named.left_edge.idx, named.right_edge.idx + len(named.right_edge.text))
    heads = [span.root, *(t for t in span.root.children if t.dep_ in ("appos", "compound"))]
    rep = next((h for h in heads if h.lemma_.lower() in _REPRESENTATIVES or h.lower_ in _REPRESENTATIVES), None)
    if rep is None:
        return source
    for _ in range(3):  # "a lawyer for the gang's alleged leader": the leader's gang
        party = _represented(rep)
        if party is not None and (party.pos_ == "PRON" or _generic_party(party)):
            # "X rejected the accusation. Its spokesman said ...", "a spokesman for the group": the party told
            # just before
            return _antecedent_party(doc, party)
        if party is None:
            return None
        if party.lemma_.lower() not in _REPRESENTATIVES:
            start = min(t.idx for t in party.subtree if t.i <= party.i)
            return Span.of(doc_text(doc), start, party.idx + len(party.text))
        rep = party
    return None


def _generic_party(tok: Token) -> bool:
    """"the group", "the movement": a definite organisation noun without a name of its own."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in _ORG_HEADS and any(
        c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and not any(
        c.dep_ in ("compound", "amod", "poss") for c in tok.children)


def _antecedent_party(doc: Doc, ref: Token) -> Span | None:
    """The organisation a possessive pronoun or "the group" refers to: the last named organisation or
    organisation noun phrase before it, in its own sentence or the one before (None when there is none)."""
    sent = ref.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    chunks = {c.root.i: c for c in doc[start:ref.i].noun_chunks}
    best = None
    for chunk in chunks.values():
        root = chunk.root
        if root.pos_ == "PRON" or not (root.ent_type_ == "ORG" or root.lemma_.lower() in _ORG_HEADS and (
                root.pos_ == "PROPN" or any(c.dep_ in ("compound", "amod") for c in root.children))):
            continue
        if root.dep_ == "appos":  # "X, an armed faction based across the border": the name it describes
            chunk = chunks.get(root.head.i, chunk)
        best = chunk
    return None if best is None else Span.of(doc_text(doc), best.start_char, best.end_char)


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
    toks = doc.char_span(span.start, span.end, alignment_mode="expand")
    if toks is not None and len(toks) and counts_unnamed_parties(doc, toks.start, toks.end):
        return False  # "Two groups claimed the attack": no party is named yet
    for ev in events:
        for m in [ev.trigger, *ev.mentions]:
            if span.start <= m.start < span.end:
                return False
    return True
