"""Responsibility status of a perpetrator mention from cue words around it in its sentence."""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Span, Token

from rashomon.extract.incident_words import is_incident_noun

from .candidates import doc_tokens
from .lexicon import lexicon

_SUBJ = {"nsubj", "nsubjpass", "csubj", "expl"}
_CUE_KINDS = ("denied", "claimed", "accused", "suspected")


@functools.lru_cache(maxsize=1)
def _cue_sets() -> tuple[tuple[str, frozenset[str]], ...]:
    cues = lexicon()["responsibility"]
    return tuple((kind, frozenset(cues[kind])) for kind in _CUE_KINDS)


def _cue_kind_of(low: str, lemma: str) -> str | None:
    """The responsibility cue kind of a word (its lower-cased form and lemma), first kind first."""
    for kind, words in _cue_sets():
        if low in words or lemma in words:
            return kind
    return None


_TAKING = frozenset({"take", "assume", "accept"})


def _cue_kind(tok: Token) -> str | None:
    return _cue_kind_of(tok.lower_, tok.lemma_.lower())


def _scope(tokens: Doc | Span) -> tuple[Doc, range]:
    if isinstance(tokens, Doc):
        return tokens, range(len(tokens))
    return tokens.doc, range(tokens.start, tokens.end)


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
        if v.dep_ in {"conj", "xcomp"} and v.head is not v and not (
                v.dep_ == "conj" and any(c.dep_ in _SUBJ for c in v.children)):
            v = v.head  # (not past a conjoined clause with a subject of its own: "..., and no group claimed it")
        else:
            break
    return False


def held_responsible(verb: Token) -> list[int]:
    """"held the FMLN responsible (for ...)": the party held responsible (the parser hangs "responsible" on the
    verb, on the object, or makes the object its subject)."""
    for c in verb.children:
        if c.lower_ == "responsible":  # oprd, or a clause "the gang responsible"
            party = next((g for g in verb.children if g.dep_ == "dobj"), None) or next(
                (g for g in c.children if g.dep_ == "nsubj"), None)
        elif c.dep_ == "dobj" and any(g.lower_ == "responsible" for g in c.subtree):
            party = c  # (also "hold X and the Y command responsible": hung on a conjunct or an apposition)
        else:
            continue
        if party is not None and party.pos_ in ("NOUN", "PROPN"):
            return [t.i for t in (party, *party.conjuncts) if t.pos_ in ("NOUN", "PROPN")]
    return []


def _blamed_act(tok: Token) -> bool:
    """An attack or incident noun, or a word for the deed ("the action", "these crimes")."""
    lex = lexicon()
    return is_incident_noun(tok) or tok.lemma_.lower() in lex["attack_nouns"] | lex["blame_act_nouns"]


def attributed_to(verb: Token) -> list[int]:
    """"attributed the attacks to X", "the attack was ascribed to X" (``blame_to_verbs``): X and its conjuncts
    when X is a person or group (not "attributed the attack to the fact that ...")."""
    if not any(c.dep_ in ("dobj", "nsubjpass") and _blamed_act(c) for c in verb.children):
        return []
    return [t.i for p in verb.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children
            if o.dep_ == "pobj" and not _that_clause(o) for t in (o, *o.conjuncts) if t.pos_ in ("NOUN", "PROPN")]


def _that_clause(tok: Token) -> bool:
    """"the fact that ...", "the belief that ...": a noun with a complement clause names no party."""
    return any(c.dep_ == "acl" and any(g.dep_ == "mark" for g in c.children) for c in tok.children)


def responsibility(doc: Doc, start: int, end: int) -> str | None:
    """claimed | accused | suspected | denied | None for the mention tokens [start, end)."""
    span = range(start, end)
    sent = doc[start].sent
    if any(h in span for h in suspect_heads(doc)):
        return "suspected"
    found: dict[str, bool] = {}
    table = doc_tokens(doc)
    lower, lemmas = table.lower, table.lemma_lower
    for i in range(sent.start, sent.end):
        if lemmas[i] == "hold" and any(h in span for h in held_responsible(doc[i])):
            return "accused"  # "held the FMLN responsible"
        kind = _cue_kind_of(lower[i], lemmas[i])
        if kind is None and lemmas[i] in _TAKING and i + 1 < len(doc) and (
                lemmas[i + 1] == "responsibility" or i + 2 < len(doc) and lemmas[i + 2] == "responsibility"):
            kind = "claimed"  # "took (full) responsibility", "accepted responsibility"
        if kind is None:
            continue
        tok = doc[i]
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


def _objects(verb: Token, preps: set[str]) -> list[Token]:
    """Objects of the verb's prepositions in ``preps`` ("fell on X", "pointed to X")."""
    return [o for p in verb.children if p.dep_ == "prep" and p.lower_ in preps
            for o in p.children if o.dep_ == "pobj"]


def _party(tok: Token) -> Token:
    """"the hallmarks of an IS attack": the party that names the attack, else the noun itself."""
    lex = lexicon()
    if tok.lemma_.lower() in lex["attack_nouns"]:
        for c in tok.children:
            if c.dep_ in ("compound", "poss", "nmod") and c.pos_ == "PROPN":
                return c
    return tok


def _keyed_tokens(tokens: Doc | Span, keys: tuple[frozenset[str], frozenset[str]]):
    """(token, lower-case form, lemma) of the words whose form or lemma is one of ``keys`` (forms, lemmas);
    no Token object is made for the others."""
    doc, scope = _scope(tokens)
    table = doc_tokens(doc)
    lower, lemmas = table.lower, table.lemma_lower
    low_keys, lemma_keys = keys
    for i in scope:
        if lower[i] in low_keys or lemmas[i] in lemma_keys:
            yield doc[i], lower[i], lemmas[i]


def suspected_parties(tokens: Doc | Span) -> list[int]:
    """Head tokens of parties a report names as suspects without a claim or a formal accusation:
    "police suspect X", "suspicion fell on X", "evidence pointed to X", "bore the hallmarks of X",
    "X is believed to be behind the attack"."""
    lex = lexicon()
    preps = lex["suspicion_preps"]
    heads: list[Token] = []
    for tok, low, lemma in _keyed_tokens(tokens, _suspicion_keys()):
        if tok.pos_ == "VERB" and lemma in lex["suspicion_verbs"] and tok.dep_ not in ("acl", "amod", "relcl"):
            heads.extend(c for c in tok.children if c.dep_ in ("dobj", "nsubjpass"))
        elif tok.dep_ == "nsubj" and (low in lex["suspicion_nouns"] or lemma in lex["evidence_nouns"]) \
                and tok.head.lemma_.lower() in lex["suspicion_noun_verbs"]:
            if low in lex["suspicion_nouns"] or tok.head.lemma_.lower() == "point":
                heads.extend(_objects(tok.head, preps))
        elif low in lex["hallmark_nouns"]:
            heads.extend(_party(o) for o in _objects(tok, {"of"}))
        elif tok.pos_ == "VERB" and lemma in lex["belief_verbs"] and any(c.dep_ == "auxpass" for c in tok.children):
            # "X is believed to be behind ..." / "... to have carried out ..."
            comp = [c for c in tok.children if c.dep_ == "xcomp"]
            if any(t.lower_ == "behind" or t.lemma_.lower() in lex["attack_verbs"] for c in comp for t in c.subtree):
                heads.extend(c for c in tok.children if c.dep_ == "nsubjpass")
    heads.extend(sponsors(tokens))
    out: list[int] = []
    for h in heads:
        out.extend(t.i for t in (h, *h.conjuncts) if t.pos_ in ("NOUN", "PROPN"))
    return out


@functools.lru_cache(maxsize=1)
def _suspicion_keys() -> tuple[frozenset[str], frozenset[str]]:
    """Lower-cased forms and lemmas one of which a token needs for ``suspected_parties`` to look at it."""
    lex = lexicon()
    return (frozenset(lex["suspicion_nouns"] | lex["hallmark_nouns"]),
            frozenset(lex["suspicion_verbs"] | lex["evidence_nouns"] | lex["belief_verbs"]))


@functools.lru_cache(maxsize=1)
def _sponsor_keys() -> tuple[frozenset[str], frozenset[str]]:
    """Lower-cased forms and lemmas one of which a token needs for ``sponsors`` to look at it."""
    lex = lexicon()
    return (frozenset(lex["sponsor_nouns"] | lex["allegiance_nouns"] | lex["member_nouns"]),
            frozenset(lex["sponsor_verbs"] | lex["link_verbs"] | lex["membership_verbs"]))


def sponsors(tokens: Doc | Span) -> list[Token]:
    """The party behind the attackers: "carried out on behalf of X", "on the orders of X", "people
    acting for X", "the gunmen worked for X", "the gang is linked to X". The act or the acting party must
    be an attack verb or an attacker noun; an intermediary ("handlers from X") gives way to its party."""
    lex = lexicon()
    attackers = set(lex["perp_nouns"]) | set(lex["intermediary_nouns"]) | set(lex["sponsored_agents"])
    out: list[Token] = []
    for tok, low, lemma in _keyed_tokens(tokens, _sponsor_keys()):
        party = None
        if low in lex["sponsor_nouns"] and tok.dep_ == "pobj" and tok.head.lower_ in ("on", "at", "under"):
            verb = tok.head.head
            vl = verb.lemma_.lower()
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if verb.pos_ == "VERB" and (vl in lex["attack_verbs"] or vl in lex["sponsored_acts"] or vl in lex["sponsor_verbs"]
                                        and subj is not None and (subj.pos_ == "PRON" or subj.lemma_.lower() in attackers)):
                party = next(iter(_objects(tok, {"of", "from"})), None)  # ("a lawyer acted on behalf of the family": no)
        elif tok.pos_ == "VERB" and lemma in lex["sponsor_verbs"]:
            agent = tok.head if tok.dep_ == "acl" else next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if agent is not None and (agent.lemma_.lower() in attackers or agent.lower_ in attackers):
                party = next(iter(_objects(tok, {"for"})), None)
        elif tok.pos_ == "VERB" and lemma in lex["link_verbs"]:
            agent = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            if agent is not None and (agent.lemma_.lower() in attackers or agent.lower_ in attackers):
                party = next(iter(_objects(tok, {"to", "with"})), None)
        elif tok.pos_ == "VERB" and lemma in lex["membership_verbs"]:
            party = _membership(tok, lex["member_subjects"])
        elif low in lex["member_nouns"] and tok.dep_ == "attr" and tok.head.lemma_ == "be" and any(
                c.dep_ == "nsubj" and (c.lower_ in lex["member_subjects"] or c.lemma_.lower() in lex["member_subjects"])
                for c in tok.head.children):
            party = next(iter(_objects(tok, {"of"})), None)  # "the assailants were fighters of X"
            party = name_given(party) or party if party is not None else None  # "... of a gang known as X"
        elif low in lex["allegiance_nouns"] and any(c.dep_ == "amod" and c.lemma_.lower() in ("swear", "pledge")
                                                    for c in tok.children):
            party = _membership(tok, lex["member_subjects"])  # 'had "sworn allegiance" to X': the parser makes the oath the head
        if party is None or any(c.dep_ == "det" and c.lower_ in ("any", "no") for c in party.children):
            continue  # "no evidence that he was acting on behalf of any group": no party
        if party.lower_ in lex["intermediary_nouns"] or party.lemma_.lower() in lex["intermediary_nouns"]:
            # "the instructions of handlers from X": the parser may hang "from X" on either noun
            party = next(iter(_objects(party, {"from", "of", "for"}) + _objects(party.head.head, {"from"})), party)
        out.append(party)
    return out


NAMING_VERBS = frozenset({"call", "name", "know", "identify", "dub"})


def name_given(tok: Token) -> Token | None:
    """"a gang known as X", "a group calling itself X", "a cell identified as X": X (None without such a name)."""
    for c in tok.children:
        if c.dep_ == "acl" and c.lemma_.lower() in NAMING_VERBS:
            for g in c.children:
                if g.dep_ in ("oprd", "attr", "xcomp") and g.pos_ in ("PROPN", "NOUN"):
                    return g
                if g.dep_ == "prep" and g.lower_ == "as":
                    return next((o for o in g.children if o.dep_ == "pobj" and o.pos_ in ("PROPN", "NOUN")), None)
            # "a group calling itself Terra Andorrana", the name hung elsewhere by the parser: the proper nouns
            # right after the reflexive pronoun
            refl = next((g for g in c.children if g.dep_ == "dobj" and g.lower_ in _REFLEXIVES), None)
            if refl is not None:
                end = refl.i + 1
                while end < len(tok.doc) and tok.doc[end].pos_ == "PROPN":
                    end += 1
                if end > refl.i + 1:
                    return tok.doc[end - 1]
    return None


_REFLEXIVES = frozenset({"itself", "themselves"})


def _membership(verb: Token, attackers: set[str]) -> Token | None:
    """"the killers were believed to belong to X", "the suspect had sworn allegiance to X", "he was
    recruited by X": the party an attacker named by the act (or, with an oath or a recruiter, a pronoun) is said
    to belong to ("the communist militant had belonged to the navy" tells a career, not a sponsor)."""
    lex = lexicon()
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and verb.dep_ == "xcomp":  # "were believed to belong to X"
        subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    lemma = verb.lemma_.lower()
    # a pronoun only with an oath or a recruiter ("he belonged to the ruling party" may be anyone)
    if subj is None or not (subj.pos_ == "PRON" and subj.lower_ in ("he", "she", "they") and lemma != "belong"
                            or subj.lemma_.lower() in attackers or subj.lower_ in attackers):
        return None
    if lemma == "recruit":
        if not any(c.dep_ == "auxpass" for c in verb.children):
            return None
        return next((o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"), None)
    if verb.lower_ in lex["allegiance_nouns"]:
        return next(iter(_objects(verb, {"to"})), None)
    if lemma in ("swear", "pledge"):
        oath = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in lex["allegiance_nouns"]]
        if not oath:
            return None
        return next(iter(_objects(verb, {"to"}) + _objects(oath[0], {"to"})), None)
    return next(iter(_objects(verb, {"to"})), None)  # belong


def suspect_heads(doc: Doc) -> frozenset[int]:
    """``suspected_parties`` of the whole document, computed once per Doc."""
    heads = doc.user_data.get("rashomon_suspect_heads")
    if heads is None:
        heads = doc.user_data["rashomon_suspect_heads"] = frozenset(suspected_parties(doc))
    return heads


def identified_attackers(doc: Doc) -> list[int]:
    """Heads of the people a report names as the attacker: "police identified the suspect as X",
    "the gunman was named as X", "the suspect, identified by prosecutors as X"."""
    lex = lexicon()
    heads: list[int] = []
    for tok in doc:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in lex["identify_verbs"]:
            continue
        noun = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if noun is None and tok.dep_ == "acl":
            noun = tok.head
        if noun is not None and noun.lower_ in ("him", "her"):  # "police identified him as X": who he is
            noun = _antecedent(doc, noun, lex["identified_nouns"])
        if noun is None or (noun.lower_ not in lex["identified_nouns"] and noun.lemma_.lower() not in lex["identified_nouns"]):
            continue
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "as":
                heads.extend(o.i for o in prep.children if o.dep_ == "pobj" and o.pos_ in ("PROPN", "NOUN"))
    return heads


def _antecedent(doc: Doc, pronoun: Token, nouns) -> Token | None:
    """The last attacker noun ("the driver", "the attacker") told before a pronoun, in its sentence or the two
    before it, unless a person's name comes between (then the pronoun may be that person)."""
    sent = pronoun.sent
    start = sent.start
    for _ in range(2):
        if start > 0:
            start = doc[start - 1].sent.start
    for t in reversed(doc[start:pronoun.i]):
        if t.ent_type_ == "PERSON":
            return None
        if t.pos_ == "NOUN" and (t.lower_ in nouns or t.lemma_.lower() in nouns):
            return t
    return None


def orderers(doc: Doc) -> list[int]:
    """Heads of whoever ordered or planned an attack: "the killing had been ordered by X and Y", "X ordered the
    massacre" (``order_verbs``; the thing ordered an attack noun)."""
    lex = lexicon()
    heads: list[int] = []
    for tok in doc:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in lex["order_verbs"] or any(c.dep_ == "neg" for c in tok.children):
            continue
        if any(c.dep_ == "nsubjpass" and _attack_noun(c) for c in tok.children):
            people = [o for a in tok.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
        elif any(c.dep_ == "dobj" and _attack_noun(c) and any(c.lefts) for c in tok.children):
            # (a determined act, "ordered the massacre"; not a title misparsed, "the books planned crime")
            people = [c for c in tok.children if c.dep_ == "nsubj"]
        else:
            continue
        # ("the chief of the gang, pablo escobar gaviria, ordered ...": the person named in apposition)
        heads.extend(next((a for a in t.children if a.dep_ == "appos" and a.pos_ == "PROPN"), t).i
                     for p in people for t in (p, *p.conjuncts) if t.pos_ in ("NOUN", "PROPN"))
    return heads


def _attack_noun(tok: Token) -> bool:
    """An attack noun of ``attack_nouns`` ("the killing", "the massacres"; not "a strike", "the operation")."""
    nouns = lexicon()["attack_nouns"]
    return tok.pos_ == "NOUN" and (tok.lemma_.lower() in nouns or tok.lower_ in nouns)


def commanders(tok: Token) -> list[int]:
    """"troops commanded by X", "a patrol led by X": the heads of X and its conjuncts (``command_verbs``)."""
    lex = lexicon()
    return [t.i for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in lex["command_verbs"]
            for a in c.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"
            for t in (o, *o.conjuncts) if t.pos_ in ("NOUN", "PROPN")]


def charged_people(doc: Doc) -> list[int]:
    """Heads of the people a report says were charged over the attack ("Two foreign nationals were charged
    with ... in connection with the fire", "prosecutors charged three men with murder"): its suspects."""
    from rashomon.extract.figures import is_person_noun

    lex = lexicon()
    heads: list[int] = []
    for tok in doc:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in lex["charge_verbs"] \
                or not any(c.dep_ == "prep" and c.lower_ in lex["charge_preps"] for c in tok.children):
            continue
        people = [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")]
        gov = tok.head
        if tok.dep_ == "acl" and gov.lemma_.lower() in lex["court_nouns"]:  # "appear in court charged with" (misparsed)
            while gov.pos_ not in ("VERB", "AUX") and gov.head.i != gov.i:
                gov = gov.head
        if not people and tok.tag_ == "VBN" and tok.dep_ in ("advcl", "xcomp", "oprd", "acl") and gov.pos_ in ("VERB", "AUX"):
            # "X, 23, will appear before magistrates on Wednesday charged with murder": the one who appears
            people = [c for c in gov.children if c.dep_ == "nsubj"]
        people += [g for c in people for g in c.children if g.dep_ == "conj"]  # "X, 19, and a 16-year-old boy"
        for c in people:
            if c.pos_ in ("NOUN", "PROPN") and (c.ent_type_ == "PERSON" or is_person_noun(c)):
                heads.append(c.i)
    return heads


def accused_of_attack(doc: Doc) -> list[int]:
    """Heads of the people accused, charged, arrested or suspected for an attack: "the soldiers accused of
    murdering the priests", "X was arrested for killing six clergymen", "three persons suspected of
    participating in the attack" (``accusation_verbs``; the charge an attack noun, or a gerund that is an attack
    verb or tells of one; not "arrested for carrying weapons")."""
    from rashomon.extract.figures import is_person_noun

    lex = lexicon()
    heads: list[int] = []
    for tok in doc:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in lex["accusation_verbs"] or any(c.dep_ == "neg" for c in tok.children) \
                or not any(c.dep_ == "prep" and c.lower_ in lex["accusation_preps"] and _charges_attack(c) for c in tok.children):
            continue
        people = [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")]
        if not people and tok.dep_ == "acl" and tok.tag_ == "VBN":
            people = [tok.head]  # "the soldiers accused of murdering the priests"
        for p in people:
            for t in (p, *p.conjuncts):
                if t.pos_ in ("NOUN", "PROPN") and (t.ent_type_ == "PERSON" or is_person_noun(t) or t.pos_ == "PROPN"
                                                    or t.lower_ in lex["perp_nouns"] | lex["human_nouns"]):
                    heads.append(t.i)
    return heads


def _charges_attack(prep: Token) -> bool:
    """The object of "of"/"for"/"with" is an attack noun ("for the murder") or a gerund that is an attack verb
    ("of murdering"), or one of taking part whose clause holds an attack noun ("of participating in the attack")."""
    lex = lexicon()
    for o in prep.children:
        if o.dep_ == "pobj" and _attack_noun(o):
            return True
        if o.dep_ == "pcomp" and o.tag_ == "VBG" and (o.lemma_.lower() in lex["attack_verbs"] | lex["victim_verbs"]
                                                      or o.lemma_.lower() in lex["participation_verbs"]
                                                      and any(_attack_noun(t) for t in o.subtree)):
            return True
    return False


def crowd_attackers(doc: Doc) -> list[int]:
    """Heads of crowds that are the subject of an attack verb ("a crowd set fire to five shops", "crowds
    burned much of the town"): a crowd that acts is the attacker; one fired into or attacked is not."""
    lex = lexicon()
    heads: list[int] = []
    for tok in doc:
        if tok.dep_ == "nsubj" and tok.lower_ in lex["crowd_nouns"] and tok.head.pos_ == "VERB" \
                and tok.head.lemma_.lower() in lex["attack_verbs"] \
                and not any(c.dep_ == "neg" for c in tok.head.children):
            heads.append(tok.i)
    return heads


def names_no_party(doc: Doc, start: int, end: int) -> bool:
    """"No group", "nobody", "whoever": a mention that names no party at all."""
    words = lexicon()["no_party_words"]
    first = doc[start]
    return first.lower_ in words or (first.lower_ == "no" and end - start > 1)


def counts_unnamed_parties(doc: Doc, start: int, end: int) -> bool:
    """"two groups", "two different groups", "two separatist groups", "rival factions": a count of parties that names
    none of them."""
    lex = lexicon()
    words = [t for t in doc[start:end] if not t.is_punct]
    return len(words) > 1 and words[-1].lower_ in lex["counted_party_nouns"] and all(
        t.lower_ in lex["party_counters"] or t.like_num for t in words[:1]) and all(
        t.lower_ in lex["party_counters"] or t.like_num or t.pos_ == "ADJ" and t.is_lower for t in words[1:-1])
