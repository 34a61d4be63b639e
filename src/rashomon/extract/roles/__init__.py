"""Document-level role fillers of attack reports: perpetrators, targets, victims, weapons.

``extract_role_fillers(doc)`` takes a spaCy ``Doc`` of a whole report (lower-cased or not)
and returns :class:`rashomon.models.Argument` records, one per mention kept, with a
canonical ``entity`` string shared by coreferent mentions and, for perpetrators, the
responsibility status the text attributes (claimed / accused / suspected / denied).

Method: noun-phrase candidates from the parse (several variants per head), case-free
features (syntactic relation to attack/kill/kidnap verbs, lexicons, sentence position,
priors learned from MUC-4 train), a linear classifier per role (rules-only weights when
the model file is absent), then one best mention per entity.
"""

from __future__ import annotations

from spacy.tokens import Doc

from rashomon.extract.incident_words import is_incident_noun
from rashomon.models import Argument, Span
from rashomon.nlp.model import doc_text

from .candidates import Candidate, candidates, doc_tokens, featurize, pool
from .decode import Entity, aliases, decode, related
from .encoded import add_features, doc_words
from .lexicon import MUC_ROLES, ROLES, model_weights, priors
from .model import doc_relevance, score
from .responsibility import (accused_of_attack, attributed_to, charged_people, commanders, counts_unnamed_parties, crowd_attackers,
                             held_responsible, identified_attackers, name_given, names_no_party, orderers, responsibility,
                             suspect_heads)

__all__ = ["extract_role_fillers", "extract_entities", "ROLES", "MUC_ROLES"]

_MUC_TO_ROLE = dict(zip(MUC_ROLES, ROLES))


def extract_entities(doc: Doc, use_model: bool = True, muc_style: bool = False) -> list[Entity]:
    """Scored role-filler entities (MUC role names), one best mention per entity.

    ``muc_style``: MUC-4 conventions (relevance gate on the whole report; victims are
    named people only). Otherwise rule-scored descriptive victims and targets ("three
    soldiers", "a concert hall") are added where the learned model found none.
    """
    cands = candidates(doc)
    if not cands:
        return []
    featurize(doc, cands, priors())
    keys = pool(cands)
    enc_head = None
    if use_model and ((model_weights() or {}).get("encoder") or {}).get("key_features"):
        enc_head = add_features(doc, keys, doc_words(doc))  # (a model trained on the role encoder's features)
    probs, thresholds = score(keys, use_model=use_model, doc=doc, enc_head=enc_head)
    rel = None
    if use_model and muc_style:
        rel = doc_relevance(doc, probs)
        if rel is not None and rel < thresholds.get("doc", 0.0):
            return []
    elif use_model:
        rel = thresholds.get("rel_news")  # news: taken as a relevant report (typical gate value)
    alias = aliases(doc)
    chooser = (model_weights() or {}).get("chooser") if use_model else None
    entities = decode(keys, probs, thresholds, alias, chooser=chooser, relevance=rel)
    entities = [e for e in entities if not (e.role in _PERP_ROLES and (
        names_no_party(doc, e.cand.start, e.cand.end) or counts_unnamed_parties(doc, e.cand.start, e.cand.end)
        or _names_an_incident(doc, e.cand)))
                and not (e.role == "Weapon" and _legal_charge(doc, e.cand))]
    _add_claimants(doc, keys, entities, alias)
    # "police identified the suspect as X": X is the attacker, and no victim
    _add_attackers(identified_attackers(doc), keys, entities, alias, victims_give_way=True)
    if not muc_style:  # (MUC-4 keys name the perpetrators of the incident, not whoever was later charged)
        _add_attackers(charged_people(doc) + crowd_attackers(doc), keys, entities, alias, victims_give_way=False)
    elif not any(e.role == "PerpInd" for e in entities):
        # (... but do name the people accused of the attack itself when the report names no attacker otherwise:
        # "the soldiers accused of murdering X"; "eight military men charged with ...": the men, not the count)
        _add_attackers(accused_of_attack(doc), keys, entities, alias, victims_give_way=False, kinds=("nonum", "base"))
    _add_conjuncts(doc, keys, entities, alias)
    # whoever ordered the attack, or commands the troops that did it (a body that ordered it: "the cartel planned ...")
    bosses = orderers(doc) + _commanders(doc, entities)
    _add_attackers([h for h in bosses if not _org_like(doc[h])], keys, entities, alias, victims_give_way=False)
    _add_attackers([h for h in bosses if _org_like(doc[h])], keys, entities, alias, victims_give_way=False,
                   role="PerpOrg")
    _add_member_orgs(doc, keys, entities, alias)
    if use_model and not muc_style:
        rule_probs, rule_th = score(keys, use_model=False)
        taken = {m for e in entities for m in e.members}
        for e in decode(keys, rule_probs, rule_th, alias):
            if e.role in SUPPLEMENT_ROLES and not any(related(m, t, e.role) for m in e.members for t in taken) \
                    and not (e.role == "Weapon" and _legal_charge(doc, e.cand)):
                entities.append(e)
                taken.update(e.members)
    return entities


def _names_an_incident(doc: Doc, c: Candidate) -> bool:
    """"Two arson attacks in X claimed by a group": a mention headed by an incident noun is no perpetrator
    (an attacker noun, "gunmen", "bombers", is)."""
    from .lexicon import lexicon

    head = doc[c.head]
    agents = lexicon()["perp_nouns"]
    return is_incident_noun(head) and head.lemma_.lower() not in agents and head.lower_ not in agents


def _legal_charge(doc: Doc, c: Candidate) -> bool:
    """"Charges are expected tomorrow", "faces charges": a charge is a weapon only when something says it
    explodes ("explosive charges", "a dynamite charge") or a weapon verb takes it ("planted a charge")."""
    from .lexicon import lexicon

    head = doc[c.head]
    if head.lemma_.lower() != "charge":
        return False
    lex = lexicon()
    explosive = any(t.lemma_.lower() in lex["weapon_nouns"] or t.lower_ in lex["weapon_nouns"]
                    for t in head.children if t.dep_ in ("amod", "compound", "nmod"))
    return not explosive and head.head.lemma_.lower() not in lex["weapon_verbs"]


SUPPLEMENT_ROLES = ("Target", "Victim", "Weapon")
_PERP_ROLES = ("PerpInd", "PerpOrg")
_CLAIM_VERBS = {"claim", "assume", "accept", "take", "admit"}


def _claimant_heads(doc: Doc) -> list[int]:
    """Head tokens of whoever claims responsibility ("X claimed responsibility", "... claimed by X")."""
    heads = []
    pos = doc_tokens(doc).pos
    for i, lemma in enumerate(doc_tokens(doc).lemma_lower):
        if lemma not in _CLAIM_VERBS or pos[i] not in ("VERB", "AUX"):
            continue
        tok = doc[i]  # (one Token for a candidate, not the document's Token list)
        objs = [c for c in tok.subtree if c.lower_.startswith("responsib") or c.lower_ in {"attack", "attacks", "bombing"}]
        if tok.dep_ == "acl" and (tok.head.lemma_.lower() in ("attack", "bombing", "killing", "kidnapping", "massacre")
                                  or is_incident_noun(tok.head)):
            objs.append(tok.head)  # "a suicide car bombing claimed by a PKK offshoot", "a truck bomb claimed by X"
        if tok.lemma_.lower() != "claim" and not any(c.lower_.startswith("responsib") for c in objs):
            continue
        if not objs:
            continue
        for c in tok.children:
            if c.dep_ == "nsubj":
                heads.append(_named_as(c))
            if c.dep_ == "agent":
                heads.extend(_named_as(g) for g in c.children if g.dep_ == "pobj")
    return heads




def _blamed_heads(doc: Doc) -> list[int]:
    """Whom an act is blamed on: "blamed the attack on X", "had been blamed by a spokesman on X", "held X
    responsible", "attributed the attack to X"."""
    from .lexicon import lexicon

    verbs = lexicon()["blame_on_verbs"]
    heads: list[int] = []
    pos = doc_tokens(doc).pos
    for i, lemma in enumerate(doc_tokens(doc).lemma_lower):
        if lemma == "hold" and pos[i] == "VERB":
            heads.extend(held_responsible(doc[i]))
            continue
        if lemma in lexicon()["blame_to_verbs"] and pos[i] == "VERB":
            heads.extend(attributed_to(doc[i]))
            continue
        if lemma not in verbs or pos[i] != "VERB":
            continue
        tok = doc[i]
        # (the parser may hang "on X" on the agent: "blamed by a spokesman on X")
        agents = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        found = False
        for prep in [*tok.children, *(c for a in agents for c in a.children)]:
            if prep.dep_ == "prep" and prep.lower_ in ("on", "upon"):
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN"):
                        found = True
                        heads.extend(t.i for t in (obj, *obj.conjuncts) if t.pos_ in ("NOUN", "PROPN"))
        if not found and lemma in lexicon()["blame_whom_verbs"]:
            # "The army blamed jihadists linked to X (for the raid)": whom it blames is the object
            heads.extend(t.i for obj in tok.children if obj.dep_ == "dobj" and obj.pos_ in ("NOUN", "PROPN")
                         and not is_incident_noun(obj) for t in (obj, *obj.conjuncts) if t.pos_ in ("NOUN", "PROPN"))
    return heads


def _named_as(tok) -> int:
    """"a group calling itself X", "a group known as X": the name the claimant goes by, else the claimant."""
    name = name_given(tok)
    return name.i if name is not None else tok.i


def _add_claimants(doc: Doc, keys, entities: list[Entity], alias) -> None:
    """A group that claims responsibility, or that the report names as the suspect ("suspicion fell
    on X"), is a perpetrator, whatever the classifier says."""
    from .lexicon import lexicon

    lex = lexicon()
    taken = [(e.role, m) for e in entities if e.role in _PERP_ROLES for m in e.members]
    for head in _claimant_heads(doc) + sorted(suspect_heads(doc)) + _blamed_heads(doc):
        tok = doc[head]
        if tok.pos_ in {"PRON", "DET"} or tok.lower_ in {"who", "which", "that", "it", "they", "one", "someone"} \
                or names_no_party(doc, tok.left_edge.i, tok.i + 1) \
                or counts_unnamed_parties(doc, tok.left_edge.i, tok.i + 1) \
                or is_incident_noun(tok) \
                and tok.lemma_.lower() not in lex["perp_nouns"]:
            continue  # ("Two arson attacks claimed by X": a headline's attacks claim nothing; "Two groups claimed it")
        best = _base_occurrence(keys, head)
        if best is None:
            continue
        kc, c = best
        # (people blamed or suspected are individuals: "blames certain officers of the armed forces", "army elements")
        role = "PerpInd" if tok.lemma_.lower() in lex["perp_nouns"] or tok.lower_ in lex["perp_nouns"] \
            or tok.lower_ in lex["human_nouns"] or tok.lower_ in lex["member_nouns"] else "PerpOrg"
        whose = _base_occurrence(keys, head, kind="of") if tok.lower_ in lex["human_nouns"] else None
        if whose is not None:
            kc, c = whose  # people named by the body they belong to: "certain officers of the armed forces"
        if any((r == role or whose is None) and related(kc.key, m, r, alias) for r, m in taken):
            # "... claimed by Islamic State" after "The Islamic State group claimed ...": the claimant is the party
            # already found; its mention joins that party's, so the incident this sentence tells gets it too.
            # (People of a body are not the body: "officers of the armed forces" blamed beside the armed forces)
            same = next((e for e in entities if e.role in _PERP_ROLES and (e.role == role or whose is None) and any(
                related(kc.key, m, e.role, alias) for m in e.members)), None)
            if same is not None:
                have = {(o.start, o.end) for o in same.occurrences}
                same.occurrences.extend(o for o in kc.occurrences if (o.start, o.end) not in have)
            continue
        entities.append(Entity(role, kc.key, c, 1.0, [kc.key], list(kc.occurrences)))
        taken.append((role, kc.key))


def _add_conjuncts(doc: Doc, keys, entities: list[Entity], alias) -> None:
    """"a man and a woman left the suitcase", "killed by security forces or death squads": a person or group
    coordinated with a kept individual perpetrator is one too (the classifier scores each string on its own)."""
    from .lexicon import lexicon

    lex = lexicon()
    agents = lex["perp_nouns"] | lex["human_nouns"] | lex["conj_agent_heads"]
    taken = [m for e in entities if e.role == "PerpInd" for m in e.members]
    others = {m for e in entities if e.role not in _PERP_ROLES for m in e.members}
    heads = {c.head for e in entities if e.role == "PerpInd" for c in e.occurrences}
    for head in sorted(heads):
        for tok in doc[head].conjuncts:
            if tok.i in heads or not (tok.lower_ in agents or tok.lemma_.lower() in agents or tok.ent_type_ == "PERSON") \
                    or not _acts(tok):
                continue
            found = _base_occurrence(keys, tok.i)
            if found is None or found[0].key in others or any(related(found[0].key, m, "PerpInd", alias) for m in taken):
                continue
            kc, c = found
            entities.append(Entity("PerpInd", kc.key, c, 1.0, [kc.key], list(kc.occurrences)))
            taken.append(kc.key)


def _commanders(doc: Doc, entities: list[Entity]) -> list[int]:
    """Heads of the commanders of a kept individual perpetrator ("army troops commanded by colonel X")."""
    heads = sorted({c.head for e in entities if e.role == "PerpInd" for c in e.occurrences if c.key == e.key})
    return [i for h in heads for i in commanders(doc[h])]


def _add_member_orgs(doc: Doc, keys, entities: list[Entity], alias) -> None:
    """"farc members", "guatemalan army troops", "members of X", "terrorists from X": the organisation named
    inside a kept individual perpetrator is the perpetrating organisation (its acronym when one follows it)."""
    from .lexicon import lexicon

    lex = lexicon()
    others = {m for e in entities if e.role not in _PERP_ROLES for m in e.members}
    # (occurrences of the mention given, not of strings grouped into it: "members" of "death squad members")
    heads = sorted({c.head for e in entities if e.role == "PerpInd" for c in e.occurrences if c.key == e.key})
    for head in heads:
        for tok in _member_orgs(doc[head]):
            found = _name_occurrence(keys, tok)
            if found is None or found[0].key in lex["org_heads"] and found[0].key not in lex["standalone_org_nouns"]:
                continue  # ("13th brigade members" -> "brigade": a body not named)
            kc, c = _acronym_after(doc, keys, tok.i) or found
            if kc.key in others or any(e.role == "PerpOrg" and any(related(kc.key, m, "PerpOrg", alias)
                                                                   for m in e.members) for e in entities):
                continue
            entities.append(Entity("PerpOrg", kc.key, c, 1.0, [kc.key], list(kc.occurrences)))


def _member_orgs(head) -> list:
    """Org-like words naming the body of the people ``head`` heads: its compound modifiers ("farc members",
    "an fmln guerrilla unit") and "of"/"from" objects ("members of X", "terrorists from X"); for a unit of a
    body ("members of the 8th front of the farc", "the 8th farc front"), that body."""
    from .lexicon import lexicon

    lex = lexicon()
    people = lex["perp_nouns"] | lex["member_nouns"] | lex["conj_agent_heads"] | lex["serving_nouns"]
    if head.lower_ not in people and head.lemma_.lower() not in people:
        return []
    if head.dep_ == "nsubjpass" and head.head.lemma_.lower() in lex["victim_verbs"] | lex["target_verbs"] \
            or head.head.lemma_.lower() in lex["casualty_words"]:
        return []  # ("one fmln militant was killed in the action": a casualty)
    bodies = _named_bodies(head, ("compound", "nmod", "of", "from"))
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in people:
        bodies += _named_bodies(head.head.head, ("from",))  # "a group of terrorists from X"
    out = []
    for org in bodies:
        if org.lower_ in lex["unit_nouns"]:  # (the unit itself when the body is a modifier: "the farc 12th front")
            org = next(iter(_named_bodies(org, ("of",))), org)
        out.append(org)
    return out


def _named_bodies(tok, links: tuple[str, ...]) -> list:
    """The org-like modifiers (``links`` "compound", "nmod") and preposition objects (``links`` "of", "from")
    of ``tok``."""
    out = []
    for c in tok.children:
        if c.dep_ in ("compound", "nmod") and c.dep_ in links:
            # (a modifier of a modifier when the first names no body: "an fmln guerrilla unit", not "farc 12th front")
            out.extend([c] if _org_like(c) else [g for g in c.children if g.dep_ in ("compound", "nmod") and _org_like(g)])
        elif c.dep_ == "prep" and c.lower_ in links:
            out.extend(o for o in c.children if o.dep_ == "pobj" and _org_like(o))
    return out


def _org_like(tok) -> bool:
    """An organisation's name or noun ("army", "battalion", a name the priors know as a perpetrating
    organisation), never a person, a place, a title, a word for people or a body told before ("that
    organization", "our group")."""
    from .lexicon import lexicon, priors

    lex = lexicon()
    low = tok.lower_
    if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in ("PERSON", "GPE", "LOC", "FAC") \
            or low in lex["victim_titles"] or low in lex["human_nouns"] or low in lex["perp_nouns"] \
            or low in lex["member_nouns"] or any(c.dep_ in ("det", "poss", "amod") and c.lower_ in lex["anaphoric_dets"]
                                                 for c in tok.children):
        return False
    if low in lex["org_heads"] or tok.lemma_.lower() in lex["org_heads"]:
        return True
    return bool(((priors() or {}).get("string", {}).get(low) or {}).get("PerpOrg"))


def _name_occurrence(keys, tok) -> tuple | None:
    """The pooled candidate and occurrence naming ``tok`` with its own modifiers: the ``base`` one, else (a
    compound modifier: "the farc members") the pre-modifier run that ends with it and starts at its left edge."""
    found = _base_occurrence(keys, tok.i)
    if found is not None:
        return found
    best = None
    for kc in keys:
        for c in kc.occurrences:
            if c.head == tok.i and c.end == tok.i + 1 and c.start >= tok.left_edge.i \
                    and (best is None or c.start < best[1].start):
                best = (kc, c)
    return best


def _acronym_after(doc: Doc, keys, head: int) -> tuple | None:
    """"members of the revolutionary armed forces of colombia (farc)": the candidate of the acronym in brackets
    right after an occurrence headed by token ``head``, or None."""
    ends = sorted({c.end for kc in keys for c in kc.occurrences if c.head == head})
    for end in ends:
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
            return _base_occurrence(keys, end + 1)
    return None


def _acts(tok) -> bool:
    """Whether the coordination ``tok`` belongs to acts: subject of a verb (not of "died", "were reported dead",
    nor of a passive victim or target verb), by-agent of an attack verb, or a noun with an active verbal
    modifier ("a man and a woman leaving a suitcase"); not the sides of "clashes between X and Y" nor a
    casualty list."""
    from .lexicon import lexicon

    lex = lexicon()
    while tok.dep_ == "conj":
        tok = tok.head
    verb = tok.head
    casualty = verb.lemma_.lower() in lex["casualty_words"] or any(
        c.dep_ in ("acomp", "oprd", "attr") and c.lower_ in lex["casualty_words"] for c in verb.children)
    if tok.dep_ == "nsubj":
        return not casualty
    if tok.dep_ == "nsubjpass":
        return not casualty and verb.lemma_.lower() not in lex["victim_verbs"] | lex["target_verbs"]
    if tok.dep_ == "pobj" and verb.dep_ == "agent":  # ("the chaos created by X and Y": no act)
        return verb.head.lemma_.lower() in lex["attack_verbs"] | lex["victim_verbs"] | lex["target_verbs"]
    return any((c.dep_ == "acl" and c.tag_ == "VBG" or c.dep_ == "relcl" and not any(
        g.dep_ == "nsubjpass" for g in c.children)) and c.lemma_.lower() not in lex["casualty_words"]
        for t in (tok, *tok.conjuncts) for c in t.children)


def _base_occurrence(keys, head: int, kind: str = "base") -> tuple | None:
    """The pooled candidate and its plain (``base``) occurrence headed by token ``head`` (the last one), or None;
    ``kind="of"`` asks for the occurrence that runs on through an "of" phrase."""
    found = None
    for kc in keys:
        for c in kc.occurrences:
            if c.head == head and c.kind == kind:
                found = (kc, c)
    return found


def _add_attackers(heads: list[int], keys, entities: list[Entity], alias, victims_give_way: bool,
                   role: str = "PerpInd", kinds: tuple[str, ...] = ("base",)) -> None:
    """The people the rules name as attackers (the suspect identified by name, the people charged over the
    attack, a crowd that attacks, whoever ordered it) join as perpetrators (``role``; the occurrence of the first
    of ``kinds`` found) unless already one. ``victims_give_way``: a victim entity for the same people is dropped;
    else such people stay victims only."""
    taken = [(e.role, m) for e in entities if e.role in _PERP_ROLES for m in e.members]
    for head in heads:
        found = next((f for f in (_base_occurrence(keys, head, kind) for kind in kinds) if f is not None), None)
        if found is None:
            continue
        kc, c = found

        def victim(e: Entity) -> bool:
            return e.role == "Victim" and any(related(kc.key, m, e.role, alias) for m in e.members)

        if victims_give_way:
            entities[:] = [e for e in entities if not victim(e)]
        elif any(victim(e) for e in entities):
            continue
        if any(related(kc.key, m, r, alias) for r, m in taken):
            continue
        entities.append(Entity(role, kc.key, c, 1.0, [kc.key], list(kc.occurrences)))
        taken.append((role, kc.key))


def _span(doc: Doc, c: Candidate) -> Span:
    s, e = doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1].text)
    return Span.of(doc_text(doc), s, e)


def extract_role_fillers(doc: Doc, use_model: bool = True, muc_style: bool = False) -> list[Argument]:
    """Role-filler Arguments of the document: per entity, its chosen mention first, then the
    other mentions grouped into it (same ``entity`` string)."""
    from rashomon.extract.places import in_byline

    out: list[Argument] = []
    text = doc_text(doc)
    for ent in extract_entities(doc, use_model=use_model, muc_style=muc_style):
        if in_byline(text, doc[ent.cand.start].idx):
            continue  # "By Leila Haddad": the reporter, and whatever was pooled with the name
        role = _MUC_TO_ROLE[ent.role]
        canonical = ent.cand.text.lower().strip()
        occs = sorted({(c.start, c.end): c for c in ent.occurrences}.values(), key=lambda c: c.start)
        ordered = [ent.cand] + [c for c in occs if (c.start, c.end) != (ent.cand.start, ent.cand.end)]
        resp = None
        if role.startswith("perpetrator"):
            for c in occs:
                resp = responsibility(doc, c.start, c.end)
                if resp:
                    break
        for c in ordered:
            if role.startswith("perpetrator") and names_no_party(doc, c.start, c.end):
                continue  # "No group has claimed it": a mention of nobody

            out.append(Argument(role=role, span=_span(doc, c), entity=canonical, responsibility=resp))
    return out
