"""Statement type (claim of responsibility, accusation, denial, ...) and its target.

Rules over the cue and its syntactic complements first ("accused X of", "blamed X for",
"denied any involvement", "dismissed X as", "warned of", "claimed responsibility for"),
then, for generic cues (said, claimed, reported ...), over the reported content
("X was behind the attack", "carried out by X", "we have nothing to do with ...",
a question mark). Word lists live in ``rashomon/data/stance/*.json``.

Public API: :func:`classify_statement`, :func:`statement_polarity`.
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from rashomon.data import load_json
from rashomon.extract.attribution import labels_in_clause
from rashomon.extract.incident_words import is_incident_noun, is_trigger_word
from rashomon.extract.places import demonym_country, in_dateline
from rashomon.extract.roles.lexicon import lexicon as roles_lexicon
from rashomon.extract.roles.responsibility import sponsors
from rashomon.models import Span, Statement
from rashomon.nlp.model import doc_text

__all__ = ["classify_statement", "statement_polarity", "STATEMENT_TYPES"]

STATEMENT_TYPES = ("claim_of_responsibility", "accusation", "denial", "dismissal",
                   "warning", "admission", "question", "other")
SUBJ = {"nsubj", "nsubjpass", "csubj", "expl"}
RESP_NOUNS = {"responsibility", "credit", "authorship", "paternity"}
ATTACK_NOUNS = {"attack", "bombing", "killing", "assassination", "kidnapping", "murder", "massacre", "abduction",
                "operation", "action", "ambush", "raid", "blast", "explosion", "shooting", "act", "sabotage"}
UNIDENTIFIED = {"unidentified", "unknown", "anonymous", "unnamed", "masked", "several", "some"}


def _load(name: str) -> dict:
    return load_json(f"stance/{name}.json")


@functools.lru_cache(maxsize=1)
def _lex() -> dict:
    cues = _load("cues")
    content = _load("content")
    orgs = load_json("speakers/orgs.json")
    roles = load_json("speakers/roles.json")
    verb_type: dict[str, str] = {}
    for typ in ("accusation", "denial", "dismissal", "warning", "admission", "question"):
        for v in cues[typ].get("verbs", []):
            verb_type.setdefault(v, typ)
    agents = set(orgs["armed_groups"]) | set(orgs["government"]) | set(orgs["organisation"]) | set(orgs["media"])
    agents |= set(content["agent_nouns"])
    agents |= {t for t in roles["person_titles"] if " " not in t}
    sets = {k: frozenset(v) for k, v in content.items() if isinstance(v, list)}
    return {"cues": cues, "content": content, "sets": sets, "verb_type": verb_type, "agents": agents,
            "bare_agents": sets["state_agents"],
            "claim_phrases": [p.split() for p in cues["claim_of_responsibility"]["phrases"]]}


# --------------------------------------------------------------------------- helpers
def _tokens(doc: Doc, span: Span | None) -> SpacySpan | None:
    if span is None or span.end <= span.start:
        return None
    return doc.char_span(span.start, span.end, alignment_mode="expand")


def _cue_head(doc: Doc, st: Statement) -> Token | None:
    cs = _tokens(doc, st.cue)
    if cs is None or not len(cs):
        return None
    verbs = [t for t in cs if t.pos_ in ("VERB",) and t.dep_ not in ("aux", "auxpass")]
    if verbs:
        return verbs[-1] if any(v.lemma_.lower() in _lex()["verb_type"] for v in verbs[-1:]) else _pick(verbs)
    nouns = [t for t in cs if t.pos_ in ("NOUN", "PROPN", "ADJ", "AUX")]
    return nouns[0] if nouns else cs.root


def _pick(verbs: list[Token]) -> Token:
    vt = _lex()["verb_type"]
    for v in verbs:
        if v.lemma_.lower() in vt or v.lemma_.lower() in ("claim", "take", "assume", "accept"):
            return v
    return verbs[0]


def _span_of(doc: Doc, toks: list[Token]) -> Span | None:
    toks = [t for t in toks if not (t.is_punct and t.text not in ("'s", "’s"))]
    if not toks:
        return None
    start, end = min(t.idx for t in toks), max(t.idx + len(t.text) for t in toks)
    return Span.of(doc_text(doc), start, end)


def _np(tok: Token) -> list[Token]:
    """A noun phrase without relative clauses, trailing participles or apposition."""
    out = [tok]
    for c in tok.lefts:
        out.extend(c.subtree)
    for c in tok.rights:
        if c.dep_ in ("relcl", "acl", "appos", "punct", "advcl") or (c.dep_ == "prep" and c.lower_ not in ("of",)):
            continue
        out.extend(c.subtree)
    out.sort(key=lambda t: t.i)
    # keep the contiguous block around tok
    block = [t for t in out if t.i >= out[0].i]
    res = []
    prev = None
    for t in block:
        if prev is not None and t.i != prev + 1:
            if t.i > tok.i:
                break
            res = []
        res.append(t)
        prev = t.i
    while res and (res[-1].is_punct or res[-1].dep_ == "cc"):
        res.pop()
    while res and res[0].is_punct:
        res.pop(0)
    return res


def _np_with_conj(tok: Token) -> list[Token]:
    toks = _np(tok)
    for c in tok.conjuncts:
        if c.i > tok.i:
            toks = toks + [x for x in c.doc[toks[-1].i + 1: c.i]] + _np(c)
    seen, out = set(), []
    for t in sorted(toks, key=lambda t: t.i):
        if t.i not in seen:
            seen.add(t.i)
            out.append(t)
    return out


def _negated(tok: Token) -> bool:
    neg = set(_lex()["content"]["negation"])
    if any(c.dep_ == "neg" or c.lower_ in ("not", "n't", "never") for c in tok.children):
        return True
    h = tok
    if h.dep_ in ("xcomp",) and h.head.lemma_.lower() in set(_lex()["content"]["negating_verbs"]):
        return True
    for c in tok.children:
        if c.dep_ in SUBJ and (c.lower_ in ("no", "nobody", "none", "noone") or
                              any(d.lower_ == "no" and d.dep_ == "det" for d in c.children)):
            return True
    return bool(neg & set()) and False


def _content_tokens(doc: Doc, st: Statement) -> SpacySpan | None:
    return _tokens(doc, st.content)


def _words(span: SpacySpan | list[Token]) -> str:
    return " " + " ".join(t.lower_ for t in span) + " "


def _lemmas(span: SpacySpan | list[Token]) -> str:
    return " " + " ".join(t.lemma_.lower() for t in span) + " "


def _predicative(span: SpacySpan, lemmas: bool) -> str:
    """Like ``_words``/``_lemmas``, with attributive adjectives blanked ("innocent people" is no "innocent")."""
    return " " + " ".join("_" if t.dep_ == "amod" else t.lemma_.lower() if lemmas else t.lower_ for t in span) + " "


def _has_phrase(text: str, phrases: list[str]) -> str | None:
    for p in phrases:
        if " " + p + " " in text:
            return p
    return None


def _after(cue: Token, n: int = 6) -> list[Token]:
    doc = cue.doc
    return [t for t in doc[cue.i + 1: min(len(doc), cue.i + 1 + n)]]


def _child(tok: Token, deps: tuple[str, ...], lower: tuple[str, ...] | None = None) -> Token | None:
    for c in tok.children:
        if c.dep_ in deps and (lower is None or c.lower_ in lower):
            return c
    return None


def _object(verb: Token) -> Token | None:
    """The verb's direct object; when the parser splits one phrase into two objects, an adjective and the name after
    it ("accused the paramilitary Rapid Support Forces (RSF) of ..."), the name."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if len(objs) > 1 and objs[0].pos_ == "ADJ" and objs[1].left_edge.i == objs[0].i + 1:
        return objs[1]
    return objs[0] if objs else None


def _pobj(tok: Token, preps: tuple[str, ...]) -> Token | None:
    for c in tok.children:
        if c.dep_ in ("prep", "dative", "agent") and c.lower_ in preps:
            for p in c.children:
                if p.dep_ in ("pobj", "pcomp"):
                    return p
    return None


def _is_agent(tok: Token, speaker_words: set[str]) -> bool:
    """An identifiable party: a named entity or an agent noun, not 'unidentified men' nor the place
    of a dateline ("CAIRO (AP) — Militants attacked ...")."""
    lx = _lex()
    text, end = doc_text(tok.doc), tok.idx + len(tok.text)
    if in_dateline(text, tok.idx, end) or in_dateline(text, tok.left_edge.idx, end):  # "PORT-AU-PRINCE"
        return False
    if tok.lower_ in ("who", "which", "that", "it", "this", "there", "he", "she", "they", "we", "i", "you"):
        return False
    if any(c.lower_ in UNIDENTIFIED for c in tok.children):
        return False
    if tok.lemma_.lower() in roles_lexicon()["weapon_heads"] or tok.lower_ in roles_lexicon()["weapon_heads"]:
        return False  # "Mortar rounds struck positions": a weapon, whatever NER calls it
    # a name in the phrase ("fighters of the Northern Front"), not a capitalised group word ("Gang members")
    named = any((t.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") or t.pos_ == "PROPN") and t.lower_ not in lx["agents"]
                for t in tok.subtree if t.i != tok.i) or any(c.dep_ == "poss" for c in tok.children) \
        or any(c.dep_ in ("compound", "amod") and c.lower_ in lx["bare_agents"] for c in tok.children)
    if tok.lower_ in lx["sets"]["hostile_nouns"] and not named:
        return False  # "Militants attacked a checkpoint, the army said": told, nobody is named (whatever NER
        # calls a capitalised "Gunmen" at the start of a story)
    if tok.ent_type_ in ("ORG", "GPE", "NORP", "PERSON"):
        return True
    words = (tok.lemma_.lower(), tok.lower_)
    if any(w in lx["bare_agents"] for w in words):
        return True  # "the army", "rebels", "police" name a party by themselves
    if any(w in lx["sets"]["crime_org_heads"] for w in words) and any(
            c.dep_ in ("compound", "amod") and (c.lower_ in lx["sets"]["crime_modifiers"]
                                                 or c.lower_.split("-")[-1] in lx["sets"]["crime_modifiers"])
            for c in tok.children):
        return True  # "a fuel-smuggling network", "pirate networks", "a drug cartel": described by its crime
    if any(w in lx["sets"]["crime_org_heads"] for w in words) and any(
            c.dep_ == "relcl" and not _negated(c) and _tells_a_wrong(c) for c in tok.children):
        return True  # "a gang that has robbed a dozen banks", "the cell that carried out the 2018 bombing": told by
        # its crimes
    # "the station was burning", "armed men": an organisation noun or a title needs a name
    return named and any(w in lx["agents"] for w in words)


def _first_person(tok: Token) -> bool:
    fp = set(_lex()["content"]["first_person"])
    if tok.lower_ in fp:
        return True
    if any(c.dep_ == "poss" and c.lower_ in fp | {"its"} for c in tok.children):
        return True
    # "one of its members", "some of our fighters"
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return obj is not None and any(c.dep_ == "poss" and c.lower_ in fp | {"its"} for c in obj.children)


def _refers_to_speaker(tok: Token, st: Statement, doc: Doc) -> bool:
    if st.source is None:
        return False
    if tok.lower_ in ("it", "they", "he", "she") or any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her")
                                                     for c in tok.children):
        return True
    src = {w.lower() for w in st.source.text.split() if len(w) > 2}
    words = {t.lower_ for t in tok.subtree if len(t.text) > 2}
    stop = {"the", "and", "for", "said", "officials", "sources", "spokesman"}
    return bool((src - stop) & (words - stop))


# --------------------------------------------------------------------------- content analysis
def _content_type(doc: Doc, st: Statement, cue: Token | None) -> tuple[str, Span | None] | None:
    lx = _lex()["content"]
    ct = _content_tokens(doc, st)
    if ct is None or not len(ct):
        return None
    words, lemmas = _words(ct), _lemmas(ct)
    text = ct.text.strip()
    # denial: "had nothing to do with", "was not involved", "he is innocent" (not "innocent people paid the price")
    if _has_phrase(_predicative(ct, lemmas=False), lx["denial_content"]) \
            or _has_phrase(_predicative(ct, lemmas=True), lx["denial_content"]):
        return "denial", _span_of(doc, list(ct))
    for t in ct:
        if t.lemma_.lower() in ("deny", "reject", "refute") and t.pos_ == "VERB" and t.dep_ in ("ROOT", "ccomp", "conj"):
            return "denial", _span_of(doc, list(t.subtree))
    if _denies_own_part(ct) or _not_a_combatant(ct):
        return "denial", None
    # a finite present verb is no dismissal noun ("responsibility lies with X" tells no lies)
    nominal = " " + " ".join("_" if t.tag_ in ("VBZ", "VBP") else t.lower_ for t in ct) + " "
    if _has_phrase(nominal, lx["dismissal_content"]):
        return "dismissal", None
    # question
    if text.rstrip(" \"'”’").endswith("?") or (cue is not None and "?" in text and cue.lemma_.lower() in ("ask", "wonder")):
        return "question", None
    # claim / accusation from agents of wrongdoing
    agent_parts = set(lx["agent_participles"])
    for t in ct:
        # passive with agent: "carried out by X", "facilitated by X"
        if t.lemma_.lower() in agent_parts and t.tag_ == "VBN":
            by = _child(t, ("agent",))
            if by is not None:
                obj = _child(by, ("pobj",))
                if obj is not None and _is_agent_or_named(obj):
                    if _first_person(obj) or _refers_to_speaker(obj, st, doc) and obj.lower_ in ("us", "we"):
                        return "claim_of_responsibility", None
                    if _forces_of_the_speaker(obj, st):
                        continue  # "the driver was shot dead by a soldier", told by the military: its own man's act
                    return "accusation", _span_of(doc, _np_with_conj(obj))
    resp = _has_phrase(words, lx["responsibility_predicates"])
    if resp and " consequence " not in lemmas:  # ("... bears full responsibility for the consequences": a warning)
        # subject of the responsibility predicate
        for t in ct:
            if t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_.lower() in {"be", "stand", "remain", "prove", "bear"} | set(lx["agent_participles"]):
                if _first_person(t):
                    return "claim_of_responsibility", None
                if _no_evidence(t):
                    continue  # "it had no evidence that Iran was behind the attack": nobody is accused
                if t.lower_ in ("it", "they", "we") and _group_source(doc, st) and _refers_to_speaker(t, st, doc):
                    return "claim_of_responsibility", None  # "Al-Shabaab said it was behind the attack"
                if _struck_by_the_speaker(t, st, doc):
                    return "claim_of_responsibility", None  # "it had eliminated a commander who was behind ..."
                if t.lower_ in ("it", "this", "that", "attack", "which", "those", "whoever", "anyone", "anybody"):
                    continue  # "those responsible will pay": nobody is named
                return "accusation", _span_of(doc, _np_with_conj(t))
        for t in ct:
            if t.lemma_.lower() in ("work", "handiwork", "hand", "author", "perpetrator", "mastermind"):
                of = _pobj(t, ("of",))
                if of is not None:
                    return "accusation", _span_of(doc, _np_with_conj(of))
    party = _party_behind(ct) or _fired_from_ground_of(ct)
    if party is not None:
        return "accusation", _span_of(doc, _np_with_conj(party))
    if _group_source(doc, st) and _calls_attacks_reprisal(ct):
        return "claim_of_responsibility", None
    wverbs, wnouns = set(lx["wrongdoing_verbs"]), set(lx["wrongdoing_nouns"])
    speaker_words: set[str] = set()
    for t in ct:
        if t.dep_ not in ("nsubj",) or t.head.pos_ not in ("VERB", "AUX"):
            continue
        verb = t.head
        if verb.dep_ in ("relcl", "acl"):
            continue
        own_side = _first_person(t) or (t.lower_ == "it" or _group_possessed(t)) and _group_source(doc, st) \
            or t.lower_ == "they" and _speaks_as_they(doc, st) and st.source.start < t.idx \
            or _forces_of_the_speaker(t, st)
        # ("They shot a guard and drove off with two nurses, police said": a "they" before its speaker is named
        # refers back to the attackers of the sentence before)
        if any(c.dep_ == "det" and c.lower_ == "no" for c in t.children) \
                and (verb.lemma_.lower() in wverbs or verb.lemma_.lower() in lx["projectile_verbs"]):
            return "denial", None  # "no Eritrean unit had fired a single round": nobody of theirs did it
        if _negated(verb):
            # "our fighters did not shell the camp", "it did not target civilians": a party denies its act
            if (verb.lemma_.lower() in wverbs or _projectile_attack(verb)) and (own_side or _own_units(t)):
                return "denial", None  # ... and "his units had not fired a single shell"
            continue
        if verb.lemma_.lower() in _lex()["sets"]["counter_verbs"]:
            continue  # "troops had repelled the attack": they opposed it
        own = _own_clause(verb)
        bad_verb = verb.lemma_.lower() in wverbs and not _hits_attackers(verb) or _projectile_attack(verb)

        def wrong(tokens) -> bool:
            return any(x.lemma_.lower() in wnouns or x.lower_ in wnouns for x in tokens
                       if x.i != t.i and x.pos_ in ("NOUN", "ADJ", "PROPN") and x.dep_ != "compound")

        bad_noun = wrong(own) or _did_the_act(verb)
        if not (bad_verb or bad_noun or own_side and _own_strike(verb)):
            # "we will find those who planned this attack": the wrong is done by the object's
            # relative clause; the subject pursues its authors, it is not accused of it
            pursued = wrong(verb.subtree)
            if pursued and (_first_person(t) or t.lower_ in ("it", "they")) and _future(verb):
                return "warning", None
            continue
        future = _future(verb)
        if own_side:
            if future:
                return "warning", None
            if bad_verb or _own_strike(verb) or _did_the_act(verb):
                return "claim_of_responsibility", None
            continue
        if _is_agent(t, speaker_words):
            if _refers_to_speaker(t, st, doc) and t.pos_ == "PRON":
                continue
            if future and not bad_noun:
                return "warning", _span_of(doc, _np_with_conj(t))
            if _told_as_fact(doc, st, ct, verb, cue):
                return "other", _span_of(doc, _np_with_conj(t))  # (who did it, told as fact)
            return "accusation", _span_of(doc, _np_with_conj(t))
    if _has_phrase(_unnegated(words), lx["warning_content"]) or any(_threatens(v) for v in ct if v.pos_ in ("VERB", "AUX")):
        return "warning", None
    if any(_pursues_culprits(v, ct.start) for v in ct if v.pos_ == "VERB"):
        return "warning", None
    if _no_armed_presence(ct) and not any(t.dep_ == "nsubj" and t.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")
                                          for t in ct):
        return "denial", None  # (not "There were no soldiers there. Thailand must answer for this": that accuses)
    if _complains_of_inaction(ct) or _foreign_origin(ct):
        return "accusation", None
    return None


def _foreign_origin(ct: SpacySpan) -> bool:
    """"the attackers were armed bandits from across the border", "the bomber had been trained in camps on Pakistani
    soil", "the missile was Iranian in design and origin", "the aircraft was a Russian-made drone": an attacker or a
    weapon (``foreign_origin``) that a clause, not negated nor in the future, says came from abroad."""
    lx = _lex()["content"]["foreign_origin"]
    for subj in ct:
        attacker = subj.lemma_.lower() in lx["attackers"]
        if subj.dep_ not in ("nsubj", "nsubjpass") or not (attacker or subj.lemma_.lower() in lx["weapons"]):
            continue
        verb = subj.head
        if _negated(verb) or _future(verb) or _has_modal(verb, ("could", "might", "may")):
            continue
        inside_subject = {t.i for t in subj.subtree}  # ("shells fired from across the border hit the town": told)
        clause = [t for t in _own_clause(verb) if ct.start <= t.i < ct.end and t.i not in inside_subject]
        for t in clause:
            if attacker and t.lower_ == "border" and any(a.lower_ == "across" for a in t.ancestors if a.i < t.i):
                return True  # "from across the border", "camps across the border"
            if t.lemma_.lower() in lx["ground_nouns"] and any(
                    c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in ("NORP", "GPE") for c in t.children):
                return True  # "on Pakistani soil", "from the comfort of Venezuelan territory"
            if t.ent_type_ == "NORP" and (t.i + 2 < len(t.doc) and t.doc[t.i + 1].text == "-"
                                          and t.doc[t.i + 2].lower_ == "made" or any(
                    c.dep_ == "prep" and c.lower_ == "in" and any(o.lemma_.lower() in lx["origin_nouns"] for o in c.children)
                    for c in t.children)):
                return True  # "a Russian-made drone", "Iranian in design and origin"
    return False


def _complains_of_inaction(ct: SpacySpan) -> bool:
    """"We told the police and nothing was done", "nobody protected him", "they have done nothing", "they leave us
    alone with them": a complaint that those meant to protect did not is an accusation (not "I could do nothing
    for him", "we did nothing": one's own helplessness or innocence)."""
    protect = _lex()["sets"]["protection_verbs"]
    for t in ct:
        verb = t.head
        if verb.pos_ not in ("VERB", "AUX") or _future(verb) or _has_modal(verb, ("could", "can", "might", "may")):
            continue
        nobody = t.lower_ in ("nobody", "no-one") or t.lower_ == "one" and any(
            c.dep_ == "det" and c.lower_ == "no" for c in t.children)
        if nobody and t.dep_ == "nsubj" and verb.lemma_.lower() in protect:
            return True  # "nobody protected him", "no one listened", "nobody came"
        if t.lower_ == "nothing" and verb.lemma_.lower() == "do" and (
                t.dep_ == "nsubjpass" or t.dep_ == "dobj" and verb.dep_ != "xcomp" and not any(
                    c.dep_ == "nsubj" and _first_person(c) for c in verb.children)):
            return True  # "nothing was done", "the police ... did nothing"
        if verb.lemma_.lower() == "leave" and t.dep_ == "dobj" and t.lower_ == "us" \
                and any(c.lower_ == "alone" for c in verb.children):
            return True  # "then they leave us alone with them again"
    return False


def _told_as_fact(doc: Doc, st: Statement, ct: SpacySpan, verb: Token, cue: Token | None) -> bool:
    """"Separately, Fano fighters attacked a police station in X on Tuesday, a resident said": the story told in
    the reporter's words, its source put after it with a plain reporting verb, tells what happened rather than
    accuses (not a quotation, not a belief, not who ordered it: "the attack was ordered by a network, police said")."""
    if cue is None or cue.lemma_.lower() not in ("say", "tell", "report", "add", "accord") \
            or st.content.end > st.cue.start or any(q in ct.text for q in ('"', "\u201c", "\u201d")):
        return False
    main = ct.root
    return (verb.i == main.i or verb.dep_ == "conj" and verb.head.i == main.i) and verb.tag_ in ("VBD", "VBN") \
        and verb.lemma_.lower() not in _lex()["sets"]["instigation_verbs"]


def _struck_by_the_speaker(rel: Token, st: Statement, doc: Doc) -> bool:
    """The subject of a relative clause ("who was responsible for ...") whose antecedent the speaker's own side
    struck: "the army said it had eliminated a commander who was behind the attacks" claims the strike."""
    if rel.lower_ not in ("who", "that", "which") or rel.head.dep_ != "relcl":
        return False
    verb = rel.head.head.head
    subj = _child(verb, ("nsubj",)) if verb.pos_ == "VERB" else None
    own_side = subj is not None and (_first_person(subj) or subj.lower_ == "it" and _group_source(doc, st)
                                     or _forces_of_the_speaker(subj, st))
    return own_side and (_own_strike(verb) or verb.lemma_.lower() in _lex()["sets"]["wrongdoing_verbs"])


def _not_a_combatant(ct: SpacySpan) -> bool:
    """"Jaber was a father of three, not a military commander", "a shopkeeper, not a militant", "fishermen, not
    pirates", "these boys are not gangsters": someone is called one thing and denied to be a combatant or a culprit."""
    nouns = _lex()["sets"]["combatant_nouns"] | _lex()["sets"]["culprit_nouns"]
    if any(t.dep_ == "attr" and any(c.dep_ == "neg" for c in t.children) and any(
            c.dep_ in ("appos", "conj") and c.lemma_.lower() in nouns for c in t.children) for t in ct):
        return True
    # "These boys are not gangsters": a copula denied of a culprit noun
    return any(t.dep_ == "attr" and t.lemma_.lower() in _lex()["sets"]["culprit_nouns"] and t.head.lemma_ == "be"
               and _negated(t.head) and not _future(t.head) for t in ct)


def _attack_object(tok: Token) -> bool:
    """A weapon or an attack ("missiles", "a drone strike", "the raid")."""
    lem = tok.lemma_.lower()
    return lem in ATTACK_NOUNS or lem in _lex()["sets"]["strike_nouns"] or lem in roles_lexicon()["weapon_heads"] \
        or tok.lower_ in roles_lexicon()["weapon_heads"] or lem in _lex()["sets"]["wrongdoing_nouns"]


def _projectile_attack(verb: Token) -> bool:
    """"fired two missiles at the city", "launched a drone attack", "carried out a strike": verbs that
    attack only with a weapon or an attack as object, or aimed "at" something ("launched an inquiry",
    "carried out repairs" attack nothing)."""
    lem = verb.lemma_.lower()
    if lem not in _lex()["sets"]["projectile_verbs"]:
        return False
    if lem == "carry" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
        return False
    at = _pobj(verb, ("at",))
    if at is not None and at.lower_ in _lex()["sets"]["hostile_nouns"]:
        return False  # "troops fired at the gunmen": fighting back
    if any(_attack_object(c) for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
        return True
    return lem != "carry" and at is not None


def _own_strike(verb: Token) -> bool:
    """A party telling its own strike ("its aircraft struck a camp of the militia", "our forces
    launched missiles at military targets"), whatever the target; not an interception."""
    if verb.lemma_.lower() not in _lex()["sets"]["strike_verbs"]:
        return False
    if verb.lemma_.lower() in _lex()["sets"]["projectile_verbs"] and not _projectile_attack(verb):
        return False
    intercepted = _lex()["sets"]["interceptable_nouns"]
    return not any(c.lower_ in intercepted for c in verb.children if c.dep_ == "dobj")


def _group_possessed(tok: Token) -> bool:
    """"the group's fighters", "the movement's members": a group speaking of its own people through an
    anaphoric possessor ("the" + a group noun)."""
    groups = _lex()["sets"]["self_group_nouns"]
    return any(c.dep_ == "poss" and c.lemma_.lower() in groups and any(d.lower_ == "the" for d in c.children)
               and not any(d.dep_ in ("compound", "amod") and d.pos_ == "PROPN" for d in c.children)  # "the X militia's"
               for c in tok.children)


def _culprits(tok: Token) -> bool:
    """Who did the act: "those behind it", "the people responsible", "the killers", "whoever did this",
    "anyone who hides them", "anyone found selling ..."."""
    if tok.lower_ in _lex()["sets"]["hostile_nouns"] or tok.lower_ == "whoever":
        return True
    return any(c.lower_ in ("behind", "responsible") for c in tok.children) or (
        tok.lower_ in ("those", "people") and any(c.dep_ == "relcl" for c in tok.children)) or (
        tok.lower_ in ("anyone", "anybody") and any(c.dep_ in ("relcl", "acl") for c in tok.children))


def _they_culprits(tok: Token, start: int) -> bool:
    """"They will be found", "we will find every one of them": the culprits as a pronoun, when the content
    names a wrong or its authors ("These murderers will not rule the town. We will find every one of them")."""
    if tok.lower_ == "one" and any(c.lower_ in ("every", "each") for c in tok.children):
        tok = _pobj(tok, ("of",)) or tok
    if tok.lower_ not in ("they", "them"):
        return False
    lx = _lex()["sets"]
    wrong = lx["hostile_nouns"] | lx["wrongdoing_nouns"] | lx["wrongdoing_verbs"]
    return any(t.lower_ in wrong or t.lemma_.lower() in wrong for t in tok.doc[start:tok.i]
               if t.pos_ in ("NOUN", "VERB", "ADJ"))


def _pursues_culprits(verb: Token, start: int | None = None) -> bool:
    """"those behind the attack will be found", "we will catch the killers", "they will answer for it": a
    future pursuit of the culprits (not "the city will find the money")."""
    if not _future(verb) or _negated(verb):
        return False
    lem = verb.lemma_.lower()
    if lem == "answer" and _child(verb, ("prep",), ("for",)) is not None:
        return True  # "they will answer for it", "those responsible will answer for this"
    if lem not in _lex()["sets"]["pursuit_verbs"]:
        return False
    if lem == "charge" and _child(verb, ("prep",), ("with",)) is not None:
        return False  # "they will be charged with murder": what is done to the arrested
    if any(_culprits(x) or start is not None and _they_culprits(x, start)
           for x in verb.children if x.dep_ in ("nsubjpass", "dobj")):
        return True
    # "anyone caught looting shops would be prosecuted", parsed without the passive subject
    return start is not None and any(c.dep_ == "auxpass" for c in verb.children) \
        and not any(c.dep_ == "nsubjpass" for c in verb.children) \
        and any(t.lower_ in ("anyone", "anybody", "whoever") for t in verb.doc[start:verb.i])


def _calls_attacks_reprisal(ct: SpacySpan) -> bool:
    """"the attacks were a response to the repression", "the strike was revenge for ...": a group telling
    why it attacked claims the attack."""
    sets = _lex()["sets"]
    for t in ct:
        if t.dep_ != "nsubj" or not (t.lemma_.lower() in ATTACK_NOUNS or t.lemma_.lower() in sets["strike_nouns"]
                                     or t.lower_ in ("it", "they", "this", "these")):
            continue  # (a group speaking: "it was revenge for ...", "they were a response to ...")
        if t.head.lemma_.lower() != "be" or _negated(t.head) or _hypothetical(t.head):
            continue  # "investigating whether the raid was revenge for ...": nothing is told
        told = [x for x in t.head.children if x.dep_ == "attr"]  # "were a response", "were in retaliation"
        told += [x for a in t.head.children if a.dep_ == "prep" for x in a.children if x.dep_ == "pobj"]
        if any(x.lemma_.lower() in sets["reprisal_nouns"] for x in told):
            return True
    return False


def _no_evidence(tok: Token) -> bool:
    """The clause is what there is no evidence, proof or sign of ("had no evidence that X was behind it",
    "did not find any proof that ...")."""
    for anc in list(tok.ancestors)[:5]:
        if anc.lemma_.lower() in ("evidence", "proof", "indication", "sign", "suggestion"):
            return any(c.dep_ == "det" and c.lower_ == "no" for c in anc.children) or _negated(anc.head)
    return False


def _own_or_defended(tok: Token) -> bool:
    """The speaker's own side ("we", "its employees", "none of our members", "his men", "the group's units") or the
    people it speaks for ("my client", "her son", "my boys")."""
    defended = _lex()["sets"]["defended_nouns"]
    return _first_person(tok) or _own_units(tok) or _group_possessed(tok) or tok.lemma_.lower() in defended and any(
        c.dep_ == "poss" and c.lower_ in ("my", "his", "her", "our", "their") for c in tok.children)


def _denies_own_part(ct: SpacySpan) -> bool:
    """The speaker's side, or its client, took no part in the act: "none of its employees had been
    involved", "its members were nowhere near the village", "her client firmly contests any role in
    this robbery", "the arrested men were innocent villagers"."""
    sets = _lex()["sets"]
    for t in ct:
        if t.dep_ == "attr" and t.head.lemma_.lower() == "be" \
                and any(c.dep_ == "amod" and c.lower_ == "innocent" for c in t.children):
            return True
        if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("he", "she", "they") and t.head.lemma_.lower() == "be" \
                and _with_the_speaker(t.head) and _alibi(t.head, at_home=True):
            return True  # "He was home with me the whole night"
        if t.dep_ not in ("nsubj", "nsubjpass") or not _own_or_defended(t):
            continue
        pred = t.head
        lem = pred.lemma_.lower()
        complements = [c for c in pred.children if c.dep_ in ("acomp", "prep", "advmod")]
        if _negated(pred) and (lem in sets["involvement_predicates"]
                               or any(c.lower_ in sets["involvement_predicates"] for c in complements)):
            return True
        if any(t.lower_ == "nowhere" for c in complements for t in (c, *c.children)):
            return True
        if lem == "be" and not _negated(pred) and _alibi(pred, at_home=_kin(t)):
            return True  # "its fighters were at their camps all day": elsewhere at the time (kin: at home)
        if lem == "be" and any(c.lower_ == "far" for c in complements):
            return True  # "the group's units were far to the south"
        if lem == "be" and _negated(pred) and any(c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "inside")
                                                   for c in pred.children):
            return True  # "Our fighters were not in the town"
        if lem in sets["contest_verbs"] and any(
                c.dep_ == "dobj" and (c.lemma_.lower() in sets["involvement_nouns"] or c.lemma_.lower() in sets["contested_objects"])
                for c in pred.children):
            return True
    return False


def _with_the_speaker(pred: Token) -> bool:
    """"was home with me", "were with us": the speaker vouches for where someone was."""
    return any(c.dep_ == "prep" and c.lower_ == "with" and any(o.lower_ in ("me", "us") for o in c.children)
               for c in pred.subtree)


def _no_armed_presence(ct: SpacySpan) -> bool:
    """"There were no soldiers in this building", "there were no fighters there": the place hit held no armed party."""
    sets = _lex()["sets"]
    nouns = sets["armed_presence_nouns"]
    nouns = nouns | {n.rstrip("s") for n in nouns}
    sites = sets["military_site_nouns"]

    def armed(t: Token) -> bool:
        return t.lemma_.lower() in nouns or t.lower_ in nouns or t.lemma_.lower() in sites and (
            t.lemma_.lower() in ("base", "presence") or any(
                c.dep_ in ("amod", "compound") and (c.lemma_.lower() in nouns or c.lower_ in sites) for c in t.children))

    def none_of(t: Token) -> bool:  # "no soldiers", "not a single soldier", "not one fighter"
        return any(c.dep_ == "det" and c.lower_ == "no" for c in t.children) or any(
            c.lower_ == "single" for c in t.children) and any(c.dep_ in ("neg", "preconj") or c.lower_ == "not"
                                                              for c in (*t.children, *t.head.children))

    for t in ct:
        if not armed(t):
            continue
        head = t.head
        if t.dep_ == "attr" and head.lemma_.lower() == "be" and (
                none_of(t) and any(c.dep_ == "expl" for c in head.children)  # "there were no soldiers there"
                or any(c.dep_ == "nsubj" and c.lower_ in ("nobody", "none", "no one") for c in head.children)):
            return True  # ("Nobody here is a soldier")
        if t.dep_ in ("nsubj", "dobj") and none_of(t) and head.lemma_.lower() in sets["presence_verbs"]:
            return True  # "we had no fighters in that area", "no Rwandan troops were present"
    return False


def _kin(tok: Token) -> bool:
    """"her son", "my husband": a relative, whom a witness may place anywhere; only "at home" is an alibi."""
    return tok.lemma_.lower() in _lex()["sets"]["defended_nouns"] and tok.lemma_.lower() not in ("client", "boy")


def _alibi(pred: Token, at_home: bool = False) -> bool:
    """"were at their camps all day", "had been at home with his children that night": the copula places its
    subject somewhere for the whole time of the act (a "when" clause tells what happened there instead: "we were
    in the mosque when they opened fire"); ``at_home``: only at home ("My husband was at the market with me all
    morning" is a witness's account)."""
    alibi = _lex()["content"]["alibi"]
    if at_home:
        if not any(c.dep_ == "advmod" and c.lower_ == "home" or c.dep_ == "prep" and c.lower_ == "at" and any(
                o.lower_ == "home" for o in c.children) for c in pred.children):
            return False
    elif not any(c.dep_ == "prep" and c.lower_ in alibi["places"] or c.dep_ == "advmod" and c.lower_ in ("home", "away")
                 for c in pred.children):
        return False
    if any(c.dep_ == "advcl" for c in pred.children):
        return False
    return any(t.lower_ in alibi["spans"] and t.head.lower_ in alibi["times"]
               or t.lower_ in alibi["times"] and t.head.i == pred.i and t.dep_ == "npadvmod"
               and any(d.lower_ in alibi["spans"] for d in t.children)
               for t in pred.subtree)


def _hypothetical(verb: Token) -> bool:
    """The verb's clause is opened by "whether" / "if": it asks, it does not assert."""
    return any(c.dep_ == "mark" and c.lower_ in _lex()["sets"]["hypothetical_marks"] for c in verb.children)


def _fired_from_ground_of(ct: SpacySpan) -> Token | None:
    """"the shelling had come from positions held by X", "rockets were fired from areas controlled by X", "fired
    from AA positions": the party holding the ground the fire came from."""
    sets = _lex()["sets"]
    for t in ct:
        if t.dep_ != "prep" or t.lower_ != "from" or t.head.lemma_.lower() not in sets["origin_verbs"]:
            continue
        for ground in t.children:
            if ground.dep_ == "pobj" and ground.lemma_.lower() in sets["ground_nouns"]:
                # "fired from AA positions", "from the rebels' positions": whose positions they are
                owner = next((c for c in ground.children if c.dep_ in ("compound", "poss") and c.pos_ in ("PROPN", "NOUN")
                              and c.i < ground.i), None)
                if owner is not None and _is_agent_or_named(owner) and not _first_person(owner):
                    return owner
            for part in ground.children:
                if part.dep_ == "amod" and part.tag_ == "VBN" and part.lemma_.lower() in sets["origin_participles"]:
                    holder = _child(part, ("npadvmod", "compound"))  # "from Houthi-held territory"
                    if holder is not None and _is_agent_or_named(holder) and not _first_person(holder):
                        return holder
                if part.dep_ == "acl" and part.tag_ == "VBN" and part.lemma_.lower() in sets["origin_participles"]:
                    by = _child(part, ("agent",))
                    obj = _child(by, ("pobj",)) if by is not None else None
                    if obj is not None and _is_agent_or_named(obj):
                        return obj
    return None


def _own_units(tok: Token) -> bool:
    """"his units", "our troops", "its aircraft": a speaker's own forces, by a possessive pronoun."""
    return tok.lower_ in _lex()["sets"]["own_unit_nouns"] and any(
        c.dep_ == "poss" and c.lower_ in ("his", "her", "our", "its", "their", "my") for c in tok.children)


def _party_behind(ct: SpacySpan) -> Token | None:
    """The party a content names as behind an act: "bore the hallmarks of X", "acted on the orders of X",
    "responsibility lies with X", "the evidence pointed to X", "police suspect X", "held X responsible", "the
    attack was linked to X". Only in a sentence that tells of an attack or a wrong, and never the speaker's own
    side ("on behalf of our people")."""
    sets = _lex()["sets"]
    found, lem = None, ""
    for t in ct:
        lem = t.lemma_.lower()
        cand = None
        if (lem in sets["party_of_nouns"] or t.lower_ in sets["party_of_nouns"]) and t.pos_ == "NOUN":
            cand = _pobj(t, ("of",))
        elif t.lower_ == "behind" and t.dep_ == "prep" \
                and (deed := _child(t, ("pobj",))) is not None and _attack_object(deed):
            # "broke up the Islamic State cell behind last week's bombing" (the parser may hang "behind" on the verb)
            obj = _child(t.head, ("dobj",)) if t.head.pos_ == "VERB" else t.head
            cand = obj if obj is not None and obj.pos_ in ("NOUN", "PROPN") and obj.right_edge.i == t.i - 1 else None
        elif lem in sets["lies_with"] and t.dep_ == "nsubj" and t.head.lemma_.lower() in ("lie", "rest"):
            cand = _pobj(t.head, ("with",))
        elif t.dep_ == "nsubj" and (t.lower_ in sets["hostile_nouns"] or t.lemma_.lower() in ("cell", "gang")) \
                and t.head.lemma_.lower() in _lex()["content"]["affiliation"]:
            cand = _pobj(t.head, (_lex()["content"]["affiliation"][t.head.lemma_.lower()],))  # "the gunmen belonged to X"
        elif lem in sets["linking_verbs"] and t.tag_ == "VBN" and not _negated(t) \
                and any(c.dep_ == "nsubjpass" and _attack_object(c) for c in t.children):
            cand = _pobj(t, ("to", "with"))  # "the attack was linked to the gangs that steal timber"
        elif lem in sets["pointing_verbs"] and t.pos_ == "VERB" and not _negated(t):
            cand = _pobj(t, ("to",)) if lem == "point" else _child(t, ("dobj",))
            clause = _child(t, ("ccomp",)) if lem == "suspect" and cand is None else None
            if clause is not None:  # "suspected that the gang worked for X"
                cand = _child(clause, ("nsubj", "nsubjpass"))
            if cand is not None and cand.lemma_.lower() in sets["involvement_nouns"]:
                cand = _pobj(cand, ("of",))  # "the investigations point to the participation of X"
        elif lem == "hold" and t.pos_ == "VERB" and not _negated(t) and any(
                d.lower_ in ("responsible", "accountable") for d in t.subtree if d.i > t.i):
            cand = _child(t, ("dobj",))  # "Lebanon held Israel fully responsible for the escalation"
        if cand is not None and _is_agent_or_named(cand) and not _first_person(cand):
            found = cand
            break
    if found is None:
        # "the assailants were fighters of X", "the men were recruited by X", "acting on behalf of X": the party
        # the attackers belong to or act for (the role extractor's own test)
        behind = next((p for p in sponsors(ct) if _is_agent_or_named(p) and not _first_person(p)), None)
        if behind is not None:
            return behind  # (the attackers named there tell of the attack)
    if found is None:
        return None
    if lem == "suspect":
        return found  # a suspect is suspected of a wrong
    sent = found.sent  # the sentence, or the one before it, tells of an attack or a wrong
    doc = sent.doc
    window = doc[doc[sent.start - 1].sent.start if sent.start else 0:sent.end]
    wrong = sets["wrongdoing_nouns"] | sets["wrongdoing_verbs"]
    if any(x.lemma_.lower() in wrong or x.lemma_.lower() in ATTACK_NOUNS or x.lower_ in wrong for x in window):
        return found
    return None


def _unnegated(words: str) -> str:
    """The words without negated or lessened nouns ("there is no threat to residents", "steps to reduce
    the risk of harming civilians", "the others were out of danger", "his life is not in danger" warn of nothing)."""
    words = re.sub(r"\b(?:no longer in|not in|not a|not any|no|without|out of|free from|free of)\s+(?:\w+\s+)?\w+",
                   " ", words)
    return re.sub(r"\b(?:reduce|reduced|reducing|minimi[sz]e|lower|limit|avoid|avert|prevent)\s+(?:the\s+|any\s+)?\w+",
                  " ", words)


def _threatens(verb: Token) -> bool:
    """"These acts will not go unpunished", "nobody will be spared", "we will not allow provocations":
    a future clause that promises punishment, or a first-person refusal to yield."""
    if not _future(verb):
        return False
    lx = _lex()["sets"]
    words = {w for t in (verb, *(c for c in verb.children if c.dep_ in ("acomp", "xcomp", "oprd")))
             for w in (t.lemma_.lower(), t.lower_)}
    if words & lx["threat_verbs"] or _negated(verb) and words & lx["escape_verbs"]:
        return True  # "... will be hunted down", "those behind it will not escape justice"
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return _negated(verb) and subject is not None and _first_person(subject) and bool(words & lx["resolve_verbs"])


def _group_source(doc: Doc, st: Statement) -> bool:
    """A source that can speak of itself as "it" or "they": a group or a body, not a person ("a
    resident said they shot him" tells what others did)."""
    src = _tokens(doc, st.source)
    if src is None:
        return False
    root = src.root
    if root.lower_ in ("he", "she", "i", "him", "her"):
        return False  # a person: "he said they ..." tells what others did
    return root.ent_type_ != "PERSON" and root.lemma_.lower() not in _person_nouns() and root.lower_ not in _person_nouns()


def _speaks_as_they(doc: Doc, st: Statement) -> bool:
    """A source that calls itself "they": a plural one ("the rebels said they ...", "police said they") or a
    named group ("the Northern Front said they ..."), not a singular body named by a common noun ("the
    border service said they ..." speaks of others: a ministry or a service calls itself "it")."""
    src = _tokens(doc, st.source)
    if src is None or not _group_source(doc, st):
        return False
    root = src.root
    return root.tag_ in ("NNS", "NNPS", "NNP") or root.pos_ == "PROPN" or root.lower_ in ("police", "they") \
        or any(c.dep_ == "conj" for c in root.children)


@functools.lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    return frozenset(roles_lexicon()["human_nouns"]) | _lex()["sets"]["witness_nouns"]


def _names_a_wrong(tok: Token) -> bool:
    """A noun phrase that names a wrong ("this missile terrorism", "the massacre"), not a party."""
    lx = _lex()["sets"]
    if tok.lower_ in lx["hostile_nouns"]:
        return False  # "Amba terrorists" are people
    wnouns = lx["wrongdoing_nouns"]
    return tok.lemma_.lower() in wnouns or tok.lower_ in wnouns or tok.lemma_.lower() in ATTACK_NOUNS


def _hits_attackers(verb: Token) -> bool:
    """"Troops killed 12 of the attackers", "destroyed 57 drones", "targeting those who ordered it": an act
    against the attackers, their weapons in flight or the culprits is told, not a wrong."""
    lx = _lex()["sets"]
    hostile = lx["hostile_nouns"] | lx["interceptable_nouns"]  # "destroyed 57 drones": an interception
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    # "targeting those who ordered the attack": pursuing the culprits is no wrong of the pursuer
    return any(t.lower_ in hostile for c in objects for t in c.subtree) or any(_culprits(c) for c in objects)


def _future(verb: Token) -> bool:
    return any(c.lower_ in ("will", "would", "shall", "'ll") for c in verb.children) or \
        any(c.dep_ == "xcomp" for c in verb.children if verb.lemma_.lower() in ("plan", "intend", "threaten"))


def _has_modal(verb: Token, modals: tuple[str, ...]) -> bool:
    """The verb's clause is only possible, not told as done ("could have come", "may be")."""
    return any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children)


def _own_clause(verb: Token) -> list[Token]:
    """The verb's clause without the relative clauses inside it: in "the Kremlin was targeting those
    who ordered the attack" the attack is not the Kremlin's."""
    out, stack = [], [verb]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in ("relcl", "acl"))
    return out


def _forces_of_the_speaker(tok: Token, st: Statement) -> bool:
    """"the air force had carried out a strike", told by a military or defence spokesman: the speaker's own forces."""
    forces = _lex()["content"]["speaking_forces"]
    if st.source is None or tok.lemma_.lower() not in forces["units"] or any(
            c.dep_ in ("poss", "compound", "amod") and (c.pos_ == "PROPN" or c.ent_type_) for c in tok.children):
        return False  # ("the Ukrainian air force": another's)
    source = st.source.text.lower()
    return any(w in source for w in forces["speakers"])


def _did_the_act(verb: Token) -> bool:
    """"carried it out", "had committed it", "staged this": an act verb whose object is a pronoun for the act
    told before (not "we support it": the verbs are kept to those of doing a deed)."""
    return verb.lemma_.lower() in _lex()["sets"]["pronoun_act_verbs"] and any(
        c.dep_ == "dobj" and c.lower_ in ("it", "this", "them", "these") for c in verb.children) and (
        verb.lemma_.lower() != "carry" or any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children))


def _tells_a_wrong(clause: Token) -> bool:
    """The clause tells an attack or a wrong ("bombed a mosque", "carried out the bombing", "supplied the
    assailants", "has been terrorizing the town")."""
    sets = _lex()["sets"]
    return any(t.lemma_.lower() in sets["wrongdoing_verbs"] or t.lemma_.lower() in sets["wrongdoing_nouns"]
               or t.lower_ in sets["hostile_nouns"] or is_trigger_word(t) for t in clause.subtree)


def _is_agent_or_named(tok: Token) -> bool:
    if any(c.lower_ in UNIDENTIFIED for c in tok.children):
        return False
    named_mod = any(c.dep_ in ("compound", "amod", "poss") and (c.pos_ == "PROPN" or c.ent_type_) for c in tok.children)
    return _is_agent(tok, set()) or tok.pos_ == "PROPN" or named_mod or _first_person(tok)


def _what_it_called(cue: Token) -> Token | None:
    """"rejected what it called 'baseless allegations'": the noun the speaker's own words give the object."""
    said = next((c for c in cue.children if c.dep_ == "ccomp" and c.lemma_.lower() in ("call", "describe", "term")
                 and any(w.lower_ == "what" for w in c.children)), None)
    return _child(said, ("oprd", "attr", "xcomp")) if said is not None else None


# --------------------------------------------------------------------------- cue analysis
def _claim_of_responsibility(cue: Token) -> tuple[bool, Token | None]:
    lem = cue.lemma_.lower()
    nxt = _after(cue, 5)
    if lem in ("claim", "take", "assume", "accept", "acknowledge", "bear", "admit"):
        obj = _child(cue, ("dobj", "attr"))
        objs = [obj] if obj is not None else []
        objs += [t for t in nxt if t.pos_ == "NOUN"][:2]
        for o in objs:
            if o.lemma_.lower() in RESP_NOUNS:
                what = _pobj(o, ("for",)) or _pobj(cue, ("for",))
                return True, what
        if lem == "claim" and obj is not None and (obj.lemma_.lower() in ATTACK_NOUNS or is_incident_noun(obj)) \
                and not _child(cue, ("ccomp",)):
            return True, obj
        deed = _child(cue, ("xcomp",))
        if lem == "claim" and deed is not None and (deed.lemma_.lower() in _lex()["sets"]["wrongdoing_verbs"]
                                                    or _own_strike(deed)) and not _hits_attackers(deed):
            return True, None  # "the group claimed to have killed 25 soldiers"
        told = _child(cue, ("ccomp",))
        if lem == "claim" and cue.pos_ == "VERB" and told is not None and not _negated(told) \
                and told.lemma_.lower() in _lex()["sets"]["wrongdoing_verbs"] \
                and _child(told, ("nsubjpass",)) is not None and _child(told, ("agent",)) is None:
            return True, None  # "he claimed that more than 30 traitors had been killed": the attackers' toll
        # "That attack was also claimed by X", "a bombing claimed by X"
        patient = _child(cue, ("nsubjpass",)) or (cue.head if cue.dep_ == "acl" else None)
        if patient is None and cue.dep_ == "conj":
            # "an attack that left three soldiers wounded and was also claimed by X": the first verb's subject
            patient = _child(cue.head, ("nsubj", "nsubjpass"))
            if patient is not None and patient.lower_ in ("that", "which") and cue.head.dep_ == "relcl":
                patient = cue.head.head
        if patient is None and cue.dep_ == "advcl" and cue.i > 0:
            # "..., in an attack also claimed by X" parsed as a clause: the noun right before the participle
            k = cue.i - 1
            while k > 0 and cue.doc[k].dep_ == "advmod":
                k -= 1
            patient = cue.doc[k] if cue.doc[k].pos_ == "NOUN" else None
        if patient is not None and patient.lower_ in ("that", "which") and cue.dep_ == "relcl":
            patient = cue.head  # "an attack that was also claimed by X": the noun the clause is on
        if lem == "claim" and _child(cue, ("agent",)) is not None and patient is not None \
                and (patient.lemma_.lower() in ATTACK_NOUNS or is_incident_noun(patient)
                     or patient.lemma_.lower() in _lex()["sets"]["claimed_fire_nouns"]):
            return True, patient
        if patient is not None and patient.lemma_.lower() in RESP_NOUNS and _child(cue, ("agent",)) is not None:
            return True, _pobj(patient, ("for",))  # "Responsibility for the raid was claimed by X"
    if cue.pos_ == "NOUN" and cue.lemma_.lower() in ("claim", "responsibility"):
        if any(t.lemma_.lower() == "responsibility" for t in nxt[:3]) or cue.lemma_.lower() == "responsibility":
            return True, None
    return False, None


def _cue_type(doc: Doc, st: Statement, cue: Token) -> tuple[str, Span | None] | None:
    lx = _lex()
    cues = lx["cues"]
    lem = cue.lemma_.lower()
    vt = lx["verb_type"].get(lem)
    neg = _negated(cue)
    after = _after(cue, 4)
    after_lem = [t.lemma_.lower() for t in after]
    obj = _object(cue)
    if obj is None and cue.dep_ == "relcl" and cue.head.pos_ in ("NOUN", "PROPN") and cue.head.i < cue.i \
            and not any(c.dep_ == "nsubjpass" and c.lower_ not in ("that", "which") for c in cue.children):
        obj = cue.head  # "..., an accusation (that was) rejected by X": the noun the clause is about

    if lem == "plead" and any(t.lower_ == "guilty" for t in after):
        # "pleaded not guilty" / "pleaded innocent" denies the charge; "pleaded guilty" admits it
        return ("denial" if neg or any(t.lower_ in ("not", "innocent") for t in after[:2]) else "admission"), None
    if lem == "plead" and any(t.lower_ == "innocent" for t in after[:2]):
        return "denial", None
    is_claim, what = _claim_of_responsibility(cue)
    if is_claim:
        if neg:
            return "other", None  # "no group has claimed responsibility" is not a denial
        return "claim_of_responsibility", _span_of(doc, list(what.subtree)) if what is not None else None

    if vt is None:
        # "called it propaganda", "described the charges as lies"
        if lem in ("call", "describe", "term", "label", "brand", "characterize", "characterise", "qualify",
                   "consider", "deem", "regard"):
            tail = _lemmas(list(cue.subtree))
            if _has_phrase(tail, cues["dismissal"]["call_words"]) or obj is not None and not neg \
                    and obj.lemma_.lower() in cues["dismissal"]["called_objects"] and any(
                        c.dep_ in ("oprd", "attr", "xcomp", "ccomp") or c.dep_ == "prep" and c.lower_ == "as"
                        for c in cue.children):
                # "called the accusation 'a cheap trick'": what an accusation is called dismisses it
                return "dismissal", _span_of(doc, _np(obj)) if obj is not None else None
        return None

    req = cues.get(vt, {}).get("require_complement", {}).get(lem)
    if req:
        near = {t.lower_ for t in after} | set(after_lem) | {c.lower_ for c in cue.children}
        if not (near & set(req)):
            return None

    if vt == "accusation":
        if cue.pos_ != "VERB" and lem == "suspect":
            return None  # "the suspect told police": a person, not a suspicion
        if neg:
            return "other", None
        target = None
        if lem in ("blame", "attribute", "pin", "link", "tie"):
            # "blamed the attack on X" (the parser may hang "on X" on the object)
            on = _pobj(cue, ("on", "to")) or (_pobj(obj, ("on",)) if obj is not None else None)
            target = on if on is not None else obj
        elif lem in ("denounce", "condemn") and obj is None:
            return None  # "denounced that ..." -> decided by the content
        elif lem in ("charge", "allege", "denounce") and obj is None:
            return "accusation", None
        else:
            target = obj
            if target is None and cue.dep_ in ("acl", "relcl"):
                target = None
            if target is None:
                target = _child(cue, ("nsubjpass",))
        if lem == "hold" and obj is not None:
            target = obj
        if obj is not None and obj.lemma_.lower() == "finger":  # "pointed the finger at X"
            target = _pobj(cue, ("at",)) or _pobj(obj, ("at",))
        if target is not None and _names_a_wrong(target):
            target = None  # "denounced this missile terrorism": the wrong, not who is accused of it
        return "accusation", _span_of(doc, _np_with_conj(target)) if target is not None else None

    if vt == "denial":
        if lem == "reject":
            if _child(cue, ("prep",), ("as",)) is not None or obj is not None and _child(obj, ("prep",), ("as",)):
                # ("rejected that suggestion as "insulting ..."": the parser may hang "as" on the object)
                return "dismissal", _span_of(doc, _np(obj)) if obj is not None else None
            obj = _what_it_called(cue) or obj  # "rejected what it called baseless allegations": the allegations
            if obj is not None and obj.lemma_.lower() in cues["dismissal"]["rejected_objects"] and not neg:
                return "dismissal", _span_of(doc, _np(obj))  # "rejected that account", "rejected the criticism"
            objs = set(cues["denial"]["reject_objects"])
            if obj is None or obj.lemma_.lower() not in objs:
                return None
        if neg:
            return "other", None
        if obj is not None:
            return "denial", _span_of(doc, _np(obj) + [t for t in obj.subtree if t.i > obj.i and t.dep_ != "punct"])
        return "denial", None

    if vt == "dismissal":
        if neg:
            return "other", None
        if obj is not None:
            return "dismissal", _span_of(doc, _np(obj))
        return "dismissal", None

    if vt == "warning":
        if neg:
            return "other", None
        tgt = obj if obj is not None and obj.pos_ in ("NOUN", "PROPN", "PRON") else None
        return "warning", _span_of(doc, _np(tgt)) if tgt is not None else None

    if vt == "admission":
        if neg:
            return "other", None
        return "admission", None

    if vt == "question":
        if lem == "question" and cue.pos_ == "VERB" and obj is not None:
            return "dismissal", _span_of(doc, _np(obj))  # "questioned the report" casts doubt
        content = _content_tokens(doc, st)
        ctext = content.text if content is not None else ""
        xcomp = _child(cue, ("xcomp", "ccomp"))
        if "?" in ctext or "?" in doc[cue.sent.start: cue.sent.end].text:
            return "question", None
        qstarts = set(lx["content"]["question_starts"])
        wh = any(t.lower_ in qstarts and t.i > cue.i for t in cue.subtree if t.dep_ in ("mark", "advmod", "nsubj", "dobj", "attr", "pobj", "nsubjpass"))
        if lem == "ask" and not wh:
            if _pobj(cue, ("for",)) is not None or (xcomp is not None and any(c.lower_ == "to" for c in xcomp.children)):
                return "other", None  # a request: "asked for time", "asked people to ..."
            if obj is not None and xcomp is None:
                return "other", None
        return "question", None
    return None


def classify_statement(doc: Doc, statement: Statement) -> tuple[str, Span | None]:
    """Return ``(type, target)`` for one statement whose cue/content spans are set: the rules' answer where
    a rule decides, else the learned type model's (:mod:`rashomon.extract.stance_model`), "other" when it
    is unsure."""
    res = rule_type(doc, statement)
    if res is not None:
        return res
    from rashomon.extract.stance_model import refine

    return refine(doc, statement), None


def rule_type(doc: Doc, statement: Statement) -> tuple[str, Span | None] | None:
    """``(type, target)`` by the rules alone; None when no rule decides (the words match none of them)."""
    cue = _cue_head(doc, statement)
    if cue is not None and labels_in_clause(cue):
        # 'condemned what it called "a cowardly attack"', 'whom it described as the commander': a label only
        # characterises, unless it names a state as the attacker ("in what X called a deliberate Russian attack")
        ct = _tokens(doc, statement.content)
        actor = next((m for t in ct or () if t.lemma_.lower() in ATTACK_NOUNS or is_incident_noun(t)
                      for m in t.children if m.dep_ == "amod" and m.i < t.i and demonym_country(m.text)), None)
        return ("accusation", _span_of(doc, [actor])) if actor is not None else ("other", None)
    if cue is not None:
        res = _cue_type(doc, statement, cue)
        if res is not None:
            return res
    if cue is not None and (res := _not_ruled_out(doc, statement, cue)) is not None:
        return res
    res = _content_type(doc, statement, cue)
    if res is not None:
        if cue is not None and _negated(cue) and res[0] in ("accusation", "claim_of_responsibility"):
            return "other", None
        return res
    if cue is not None and _elaborates_a_claim(cue):
        return "claim_of_responsibility", None
    return None


def _not_ruled_out(doc: Doc, st: Statement, cue: Token) -> tuple[str, Span | None] | None:
    """"police did not rule out the involvement of X", "the government did not exclude that X ordered it": a
    negated hedge (``hedge_verbs``) keeps X a suspect, an accusation, told by the cue or inside the content ("said
    police did not rule out ..."); None when there is no such hedge or the content names nobody's part in the act."""
    sets = _lex()["sets"]

    def hedge(v: Token) -> bool:
        lem = v.lemma_.lower()
        return lem in sets["hedge_verbs"] and _negated(v) \
            and (lem != "rule" or any(c.dep_ == "prt" and c.lower_ == "out" for c in v.children))

    ct = _tokens(doc, st.content)
    if not hedge(cue) and not any(v.pos_ == "VERB" and v.dep_ in ("ROOT", "ccomp") and hedge(v) for v in ct or ()):
        return None
    res = _content_type(doc, st, cue)
    if res is not None and res[0] in ("accusation", "claim_of_responsibility"):
        return "accusation", res[1]
    for t in ct or ():
        party = next((p for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"), None)
        if t.lemma_.lower() in sets["involvement_nouns"] and party is not None:
            return "accusation", _span_of(doc, _np_with_conj(party))
    return None


def _elaborates_a_claim(cue: Token) -> bool:
    """"X claimed the attack, saying its fighters had killed 15 ...": the participle that tells the claim
    (one the content rules read as no warning, denial or accusation) claims it too."""
    head = cue.head
    return cue.tag_ == "VBG" and cue.lemma_.lower() in ("say", "add") and cue.dep_ in ("advcl", "xcomp", "conj") \
        and head.i < cue.i and head.pos_ == "VERB" and not _negated(head) and _claim_of_responsibility(head)[0] \
        and not any(_future(v) for v in cue.subtree if v.pos_ in ("VERB", "AUX") and v.i > cue.i)


def statement_polarity(doc: Doc, statement: Statement) -> str | None:
    """'supports' / 'rejects' an attribution of responsibility, or None when it does neither. Reads the
    statement's type as classified (``classify_statement``); ``doc`` is kept for callers."""
    typ = statement.type
    if typ in ("claim_of_responsibility", "accusation", "admission"):
        return "supports"
    if typ in ("denial", "dismissal"):
        return "rejects"
    return None
