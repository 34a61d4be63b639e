"""Casualty, arrest and attacker counts with their qualifiers.

A figure is a number (digits, words or a vague quantity such as "dozens")
tied by the dependency parse, or by a short window inside its clause, to a
word that says what it counts (killed, wounded, arrested, charged ...).
Subgroups ("including two children", "three of them") take their total's kind;
one person named by a noun or pronoun ("the driver was wounded") counts 1, and
conjoined victims add up to a total; running totals of a war or a period are
left out. Word lists are in ``data/events/figures.json``.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Doc, Token

from rashomon.data import load_json
from rashomon.extract.incident_words import is_trigger_word
from rashomon.extract.numbers import fraction_words, is_number_word, parse_number, word_value
from rashomon.models import Figure, Span, Timex
from rashomon.nlp.layout import retracted, value_label
from rashomon.nlp.model import doc_text

_CLAUSE_BREAK = {";", ":", "(", ")", "—", "–"}
_SEVERITY = {"critically", "seriously", "severely", "gravely", "lightly", "slightly", "mortally", "fatally"}


@functools.lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, str], dict[str, str], dict, set[str], dict]:
    data = load_json("events/figures.json")
    kind_of = {}
    for kind, words in data["kinds"].items():
        for w in words:
            kind_of.setdefault(w, kind)
    return kind_of, data["qualifiers"], data["vague_numbers"], set(data["perpetrator_nouns"]), data


def _kind_of(token: Token) -> str | None:
    kind_of = _lexicon()[0]
    kind = kind_of.get(token.lemma_.lower()) or kind_of.get(token.lower_)
    if kind is None and token.pos_ == "VERB" and token.lemma_.lower() in _lexicon()[4]["passive_wounded_verbs"] \
            and any(c.dep_ == "auxpass" for c in token.children):
        return "wounded"  # "14 people had been admitted (to hospital)"; not "three men admitted the charges"
    if kind is None and token.pos_ == "VERB" and token.lemma_.lower() in _lexicon()[4]["carry_off_verbs"] \
            and any(c.dep_ == "prt" and c.lower_ in ("off", "away") for c in token.children) \
            and any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children):
        return "kidnapped"  # "drove off with two nurses and their driver", "made off with three hostages"
    if kind is None and token.pos_ == "VERB" and token.lemma_.lower() == "gun" \
            and any(c.dep_ == "prt" and c.lower_ == "down" for c in token.children):
        return "killed"  # "three young men gunned down at a party"
    if kind == "arrested" and token.pos_ == "VERB" and token.lemma_.lower() == "hold" and _held_captive(token):
        return "kidnapped"  # held by the attackers, not by the police
    if kind == "wounded" and any(c.dep_ == "prep" and c.lower_ == "to" and any(
            o.lemma_.lower() == "death" for o in c.children) for c in token.children):
        return "killed"  # "stabbed to death"
    if kind is None and token.pos_ == "VERB" and token.lemma_.lower() in _lexicon()[4]["captor_verbs"] \
            and _carried_off(token, _lexicon()[4]):
        return "kidnapped"  # "they took more than 60 people"
    if kind is None and token.pos_ == "VERB" and token.lemma_.lower() in _lexicon()[4]["seize_verbs"] \
            and (_held_by_attackers(token) or token.dep_ == "advcl" and _held_by_attackers(token.head)
                 or token.dep_ == "advcl" and token.head.lemma_.lower() in _lexicon()[4]["hijack_verbs"]):
        return "kidnapped"  # "hijacked two tankers, seizing their four crew members": taken by the attackers
    return kind


def _held_captive(verb: Token) -> bool:
    """"held" (a custody verb) that tells a captivity: its holders are the attackers ("pirates hijacked the tanker
    and held its 22 crew for four days", "hijacked a tanker and held its 12 crew members"), its people are hostages
    ("held 29 passengers and the driver hostage"), or a crew is held with no holder named ("Fourteen crew members
    were held on board")."""
    kind_of = _lexicon()[0]
    if _held_by_captors(verb) or any(kind_of.get(t.lemma_.lower()) == "kidnapped" and t.pos_ == "NOUN"
                                     for t in verb.subtree if verb.i < t.i <= verb.i + 12):
        return True
    if _held_by_attackers(verb) or _crew_held(verb):
        return True
    captive = _lexicon()[4]["captive_words"]
    for t in verb.doc[verb.i + 1: min(verb.i + 13, verb.sent.end)]:
        if t.is_punct or t.lower_ in ("and", "but") and t.dep_ == "cc" and t.head.pos_ == "VERB":
            break
        if t.lower_ in captive:
            return True  # (the parser may hang "hostage" on another verb)
    return False


def _crew_held(verb: Token) -> bool:
    """Passive "held" of a crew or of passengers, with no holder named ("Fourteen crew members were held on
    board"); police custody names its holder or its purpose ("held by police", "held for questioning")."""
    crew = _lexicon()[4]["crew_nouns"]["words"]
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None or not (subj.lemma_.lower() in crew or subj.lower_ in crew
                            or any(c.dep_ == "compound" and c.lower_ in crew for c in subj.children)):
        return False
    if any(c.dep_ == "agent" for c in verb.children):
        return False
    return not any(c.dep_ == "prep" and c.lower_ in ("for", "in") and any(
        o.lemma_.lower() in _lexicon()[4]["crew_nouns"]["custody_purposes"] for o in c.children)
        for c in verb.children)


def _held_by_attackers(verb: Token) -> bool:
    """"held" whose holders are the attackers: its subject is an attacker noun ("the gunmen held ..."), or it
    continues a hijacking or kidnapping verb ("hijacked a tanker and held its crew")."""
    perps = _lexicon()[3]
    first = verb
    while first.dep_ == "conj" and first.head.pos_ == "VERB" and not any(c.dep_ == "nsubj" for c in first.children):
        first = first.head  # "Gunmen stopped a bus, forced the driver off the road and held 37 passengers"
    subj = next((c for c in first.children if c.dep_ == "nsubj"), None)
    if subj is not None and (subj.lower_ in perps or subj.lemma_.lower() in perps):
        return True
    head = verb.head if verb.dep_ == "conj" else None
    if head is not None and any(c.dep_ == "nsubj" and c.lemma_.lower() in _lexicon()[4]["custody_holders"]["words"]
                                for c in head.children):
        return False  # "police stopped a boat, and its crew were held"
    return head is not None and head.pos_ == "VERB" and is_trigger_word(head) \
        and _lexicon()[0].get(head.lemma_.lower()) in (None, "kidnapped")


def _number_tokens(doc: Doc, skip: list[tuple[int, int]]) -> list[list[Token]]:
    """Maximal runs of number tokens ("two hundred", "1,200") outside times, money and percentages."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    for tok in doc:
        is_num = (tok.like_num or is_number_word(tok.text)) and (
            tok.ent_type_ not in ("MONEY", "PERCENT", "ORDINAL", "DATE", "TIME")
            or tok.ent_type_ in ("DATE", "TIME") and (_in_range(tok) or _lone_number_entity(tok)))
        if is_num and any(s <= tok.idx < e for s, e in skip):
            is_num = False
        if is_num and tok.lower_ in ("one",) and tok.dep_ in ("nsubj", "nsubjpass") and not _counted_after(tok):
            is_num = False  # "One had had his ear severed": a pronoun use
        if is_num and tok.lower_ == "one" and tok.i > 0 and doc[tok.i - 1].lower_ in ("no", "every", "any", "each"):
            is_num = False  # "No one was killed", "every one of them": nobody counted
        # "one hundred and five" is one number; "20 and 30" are two
        joins = tok.i + 1 < len(doc) and (tok.lower_ == "and" and tok.nbor(1).like_num and tok.i > 0
                                          and tok.nbor(-1).lower_ in ("hundred", "thousand", "million", "billion")
                                          or tok.text == "-" and _hyphenated(tok))
        if is_num or current and joins:
            current.append(tok)
            continue
        if current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    out = []
    for run in runs:
        first = run[0]
        if first.i > 0 and doc[first.i - 1].lower_ == "a" and first.lower_ in ("hundred", "thousand", "dozen", "million"):
            run = [doc[first.i - 1], *run]
            if first.i > 1 and doc[first.i - 2].lower_ in fraction_words():
                run = [doc[first.i - 2], *run]  # "Half a dozen residents"
        if parse_number([t.text for t in run]) is not None:
            out.append(run)
    return out


def _counted_after(one: Token) -> bool:
    """"Three other traders were wounded and one is still missing": "one" counts, after a counted clause;
    "One of them was charged": one of a group told before."""
    if any(c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in ("them", "those", "these") for g in c.children)
           for c in one.children):
        return True
    verb = one.head
    return verb.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") and any(
        n.dep_ == "nummod" or n.like_num for n in c.subtree) for c in verb.head.children)


def _in_range(tok: Token) -> bool:
    """"(rose) from seven to 11": a toll range the tagger took for a time; not "from 7 to 11 p.m."."""
    doc = tok.doc
    before = doc[tok.i - 1].lower_ if tok.i > 0 else ""
    after = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
    if after in ("a.m.", "p.m.", "am", "pm", "o'clock", "hours", "gmt", ":") or ":" in tok.text:
        return False
    if before == "from" and after == "to":
        return True
    return before == "to" and tok.i > 2 and doc[tok.i - 3].lower_ == "from"


def _lone_number_entity(tok: Token) -> bool:
    """"put the number of those abducted at 52": a bare count the tagger alone calls a date or a time, an entity of
    its own that no year, clock or time word marks (the timex tagger's dates are skipped before this)."""
    if not tok.is_digit or tok.ent_iob_ != "B" or (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].ent_iob_ == "I"):
        return False
    return not 1000 <= int(tok.text) <= 2100 and len(tok.text) <= 3


def _hyphenated(hyphen: Token) -> bool:
    """"Twenty-one" split as Twenty / - / one."""
    tens = hyphen.nbor(-1).lower_ if hyphen.i > 0 else ""
    unit = hyphen.nbor(1).lower_
    value_t, value_u = word_value(tens), word_value(unit)
    return (value_t is not None and value_u is not None and not tens.isdigit() and not unit.isdigit()
            and value_t % 10 == 0 and value_t >= 20 and 0 < value_u < 10)


def _qualifier(doc: Doc, first: Token) -> tuple[str | None, int]:
    """The qualifier phrase right before a number ("at least") and its start char."""
    qualifiers = _lexicon()[1]
    best: tuple[str | None, int] = (None, first.idx)
    for n in range(1, 5):
        if first.i - n < 0:
            break
        toks = doc[first.i - n : first.i]
        phrase = " ".join(t.lower_ for t in toks)
        if phrase in qualifiers:
            best = (qualifiers[phrase], toks[0].idx)
    return best


def _counted_noun(num: Token) -> Token:
    """The noun a number counts ("139 people" -> people) or the number itself."""
    if num.dep_ in ("nummod", "quantmod", "compound", "amod") and num.head.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"):
        return num.head
    return num


_SAYING = frozenset({"say", "report", "add", "confirm", "state"})


def _kind_from_tree(noun: Token, depth: int = 0) -> tuple[str | None, Token | None]:
    """Kind from the governing predicate, a modifier, or a nearby word in the clause."""
    perp_nouns = _lexicon()[3]
    if noun.lemma_.lower() in perp_nouns:
        verb = noun.head  # "14 attackers were captured", "police arrested two gunmen": in custody
        if noun.dep_ in ("nsubjpass", "dobj") and verb.pos_ == "VERB" and not any(c.dep_ == "neg" for c in verb.children):
            if (kind := _kind_of(verb)) in ("arrested", "charged"):
                return kind, verb
            if verb.lemma_.lower() in _lexicon()[4]["custody_verbs"]:
                return "arrested", verb
        return "attackers", noun
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _SAYING:
        # "said up to 15 people, most of them women, were still missing": the parser takes the subject of the
        # reported clause for the object of "said" when an apposition parts them
        clause = next((c for c in noun.head.children if c.dep_ == "ccomp" and c.i > noun.i
                       and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)), None)
        if clause is not None and (kind := _kind_of(clause)):
            return kind, clause
    if depth < 2 and (total := _total_of(noun)) is not None:
        # "11 people, including two policemen", "five others, three of them seriously": a subgroup
        # counts what its total counts
        if total.pos_ in ("VERB", "ADJ") and (kind := _kind_of(total)):
            return kind, total
        kind, cue = _kind_from_tree(total, depth + 1)
        if kind and kind != "attackers":
            return kind, cue
    if depth < 2 and noun.dep_ in ("conj", "appos") and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i < noun.i:
        # "one officer, three soldiers and ...", "The workers - five Egyptians, three Bangladeshis ... - were taken"
        kind, cue = _kind_from_tree(noun.head, depth + 1)
        if kind and kind != "attackers":
            return kind, cue
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        # "the death toll given by the army was 11": the subject names the kind; so do "the hostages are nine
        # Seychellois and five Sri Lankans", "the dead were two guards"
        for subj in noun.head.children:
            if subj.dep_ == "nsubj" and (subj.lemma_.lower() in ("toll", *_lexicon()[4]["tally_nouns"]) and (
                    kind := _kind_of(subj) or _kind_of_tally(subj)) or subj.pos_ in ("NOUN", "ADJ") and not any(
                    c.dep_ == "nummod" for c in subj.children) and (kind := _kind_of(subj))):
                return kind, subj
    # the noun's own predicate first: "two wounded officers died" counts the dead
    if noun.dep_ in ("nsubj", "nsubjpass") and (kind := _kind_of(noun.head)) and noun.head.pos_ in ("VERB", "ADJ"):
        return kind, noun.head
    if noun.dep_ in ("nsubj", "attr") and noun.head.lemma_ == "be":
        # "four officers were among the wounded", "among the dead were three children", "Of the dead, five were
        # children"
        holders = [noun.head, noun]
        if noun.head.dep_ == "conj":  # "Of the dead, nine were soldiers and two were labourers"
            holders += [noun.head.head, *(c for c in noun.head.head.children if c.dep_ == "nsubj")]
        for group in (g for h in holders for p in h.children if p.dep_ == "prep" and (
                p.lower_ == "among" and h.i == noun.head.i or p.lower_ == "of" and p.i < noun.i)
                for g in p.children if g.dep_ == "pobj"):
            if kind := _kind_of(group):
                return kind, group
            if kind := _kind_of_those(group):
                return kind, group
    # modifiers of the noun: "60 others critically wounded", "12 dead"
    for child in noun.children:
        if child.dep_ in ("acl", "amod", "relcl", "appos", "conj") and (kind := _kind_of(child)):
            return kind, child
    head = noun.head
    hops = 0
    while head is not None and hops < 3:
        kind = _kind_of(head)
        if kind and noun.dep_ not in ("npadvmod",):
            return kind, head
        if kind is None and (found := _kind_of_complement(head)) is not None:
            return found
        if head.dep_ == "conj" and head.pos_ in ("VERB", "AUX") and (
                _own_subject(head) or noun.head.i == head.i and noun.dep_ in ("dobj", "attr")):
            # "..., and about a dozen others were treated", "has killed thousands and driven 12 million
            # from their homes": the conjoined verb has its own subject or object
            break
        if head.dep_ in ("conj", "xcomp", "prep", "pobj", "agent") or head.pos_ in ("ADP", "AUX"):
            if head.head.i == head.i:
                break
            head, hops = head.head, hops + 1
            continue
        break
    # "the death toll rose to 23": subject of the governing verb names the kind
    if noun.dep_ == "pobj":
        verb, steps = noun.head, 0
        while (verb.pos_ not in ("VERB", "AUX") or verb.lower_ in _lexicon()[4]["subgroup_preps"]) \
                and verb.dep_ in ("prep", "pobj", "quantmod") and steps < 4:
            verb, steps = verb.head, steps + 1  # "rose from 9 to 14": 14 <- to <- from <- rose
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass", "dobj") and (kind := _kind_of(child) or _kind_of_tally(child)):
                return kind, child
    return None, None


def _kind_of_those(group: Token) -> str | None:
    """"those abducted", "those taken", "the people killed": a group named by what was done to them."""
    data = _lexicon()[4]
    for c in group.children:
        if c.dep_ not in ("acl", "amod") or c.tag_ != "VBN":
            continue
        if kind := _kind_of(c):
            return kind
        if c.lemma_.lower() in data["captor_verbs"] and not any(
                o.lemma_.lower() in data["not_captive_places"] or o.lemma_.lower() in data["state_nouns"]
                for p in c.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"):
            return "kidnapped"  # "Of those taken, 11 were women" (not "those taken to hospital")
    return None


def _total_of(noun: Token) -> Token | None:
    """The total a subgroup belongs to: "(people,) including two policemen", "two of them"."""
    counted = next((c for c in noun.children if c.dep_ == "nummod" and c.i < noun.i and _of_them(c)), None)
    if counted is not None and noun.pos_ == "NOUN":
        noun = counted  # "killing 20 people, 18 of them women": the number and its "of them" tell the subgroup
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i < noun.i:
        noun = noun.head  # "including four monks and 11 children"
    head = noun.head
    if noun.dep_ == "appos" and _has_count(noun) and head.pos_ in ("NOUN", "PROPN") and _has_count(head):
        return head  # a list the parser split: "one lieutenant, four soldiers and three civilians"
    if noun.dep_ == "pobj" and head.lower_ in _lexicon()[4]["subgroup_preps"]:
        # "nine people had died, including a girl": the parser hangs the list on the verb (or on the verb of
        # saying, or on a noun above it: "said in a statement that four had been wounded, including ..."); the
        # group is the counted subject (or object: "killing nine people, including ...") of the outcome verb
        verb = head.head if head.head.pos_ in ("VERB", "AUX") and _kind_of(head.head) else None
        if verb is None and head.i > 1 and head.doc[head.i - 1].text == ",":
            prev = head.doc[head.i - 2]
            verb = prev if prev.pos_ in ("VERB", "AUX") and _kind_of(prev) else None
        group = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and _has_count(c)), None) \
            if verb is not None else None
        if group is not None or head.head.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
            return group
        return head.head
    if (noun.like_num or is_number_word(noun.text)) \
            and any(c.lower_ == "of" and any(g.lower_ in ("them", "whom", "those", "these") for g in c.children)
                    for c in noun.children):
        if noun.dep_ in ("appos", "prep", "npadvmod") and head.pos_ in ("NOUN", "PROPN", "PRON") \
                and head.tag_ in ("NNS", "NNPS", "PRP"):
            return head  # "the wounded passengers, six of them ...", not "the clinic, six of them"
        # the parser often hangs "..., three of them seriously" on the comma or on a later verb:
        # take what comes before the comma, unless the number has an outcome verb of its own
        if not (noun.dep_.startswith("nsubj") and _kind_of(head)):
            return _counted_before_comma(noun.doc, noun.i - 1)
    among = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "among" and c.i < noun.i
                  and any(g.lower_ in ("them", "whom") for g in c.children)), None)
    if among is not None and (_has_count(noun) or noun.tag_ == "NN"):
        # "gave a figure of 21 dead, among them 14 women", "21 people were killed, among them a girl"
        return _counted_before_comma(noun.doc, among.i - 1)
    return None


def _kind_of_counted_total(noun: Token, figures: list[Figure]) -> tuple[str | None, Token | None]:
    """"kidnapped at least 27 passengers, including six children": a subgroup whose total is a figure already read
    counts what that figure counts (when the parse gives the total no outcome of its own)."""
    total = _total_of(noun)
    if total is None:
        return None, None
    nums = [c.idx for c in total.children if c.dep_ == "nummod"]
    found = next((f for f in figures if any(f.span.start <= k < f.span.end for k in nums)), None)
    return (found.kind, None) if found is not None and found.kind != "attackers" else (None, None)


def _counted_before_comma(doc: Doc, i: int) -> Token | None:
    """What a subgroup after the comma at ``i`` belongs to: the counted noun or outcome verb right before it
    ("Nine were hurt, four of them ..."), else the last counted noun of the sentence before it ("41 wounded people
    were brought in by evening, nine of them ...")."""
    if i <= 0 or doc[i].text != ",":
        return None
    prev = doc[i - 1]
    if prev.pos_ in ("NOUN", "PROPN", "PRON") and prev.tag_ in ("NNS", "NNPS", "PRP") \
            or prev.pos_ in ("VERB", "ADJ") and _kind_of(prev):
        return prev
    for j in range(i - 1, doc[i].sent.start - 1, -1):
        tok = doc[j]
        if tok.pos_ in ("NOUN", "PROPN") and tok.tag_ in ("NNS", "NNPS") and _has_count(tok):
            return tok
    return None


def _held_by_captors(verb: Token) -> bool:
    """The subject of "held" (its own, or that of the verb it is conjoined to) is the attackers: pirates, gunmen,
    "armed men" - not the police."""
    for _ in range(2):
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None) or next(
            (g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        # ("are being held by armed men": the holders in the agent phrase of the passive)
        if subj is not None:
            words = _lexicon()[4]["captor_subjects"]["words"]
            lemma = subj.lemma_.lower()
            return lemma in _lexicon()[3] or lemma in words and (lemma != "man" or any(
                c.lower_ == "armed" for c in subj.children))
        if verb.dep_ != "conj":
            return False
        verb = verb.head
    return False


def _kind_of_tally(noun: Token) -> str | None:
    """"the number of dead", "the tally of people killed": a tally noun names its kind through "of"."""
    if noun.lemma_.lower() not in _lexicon()[4]["tally_nouns"]:
        return None
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and (kind := _kind_of(pobj) or next(
                        (_kind_of(c) for c in pobj.children if c.dep_ in ("acl", "amod", "relcl") and _kind_of(c)), None)):
                    return kind
    return None


def _counts_things(tok: Token) -> bool:
    """"four counts", "two hospitals", "one of the deadliest attacks": not a count of people."""
    things = _lexicon()[4]["not_counted_nouns"]
    if tok.lemma_.lower() in things or tok.lower_ in things:
        return True
    if (tok.like_num or is_number_word(tok.text)) and tok.dep_ == "conj" and tok.head.i != tok.i \
            and (_counts_things(tok.head) or _counts_things(_counted_noun(tok.head))):
        return True  # "charged with two counts of murder and five of attempted murder"
    if tok.like_num or is_number_word(tok.text):
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                if any(g.dep_ == "pobj" and g.lemma_.lower() in things for g in prep.children):
                    return True
    return False


_RECENT_DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
                          "dawn", "morning", "night", "weekend"})


def _since_the_incident(since: Token) -> bool:
    """"arrested since Monday night", "died since the attack": a count since the incident's days (or the incident),
    not a running total of a period ("since 2019")."""
    pobj = next((c for c in since.children if c.dep_ == "pobj"), None)
    return pobj is not None and (pobj.lower_ in _RECENT_DAYS or any(c.lower_ in _RECENT_DAYS for c in pobj.children)
                                 or is_trigger_word(pobj) and any(c.lower_ in ("the", "that", "this") for c in pobj.children))


def is_war_toll(verb: Token) -> bool:
    """The subject of the verb is a war or its fighting ("the war has killed 7,000", "five days of fighting along the
    border killed more than 40 people"): a conflict's toll, not one incident's."""
    wars = _lexicon()[4]["conflict_nouns"]
    for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        of = [g for p in subj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        if any(n.lemma_.lower() in wars for n in [subj, *of]):
            return True
    return False


def _cumulative(cue: Token | None) -> bool:
    """"the war has killed 7,000", "killed 300 people since 2019", "died during ten years of
    conflict": a running total of a conflict or a period, not the count of one incident."""
    if cue is None:
        return False
    data = _lexicon()[4]
    verb = cue if cue.pos_ in ("VERB", "AUX") else cue.head
    if is_war_toll(verb):
        return True
    for child in verb.children:
        if child.dep_ == "nsubj" and child.lower_ in ("which", "that") and verb.dep_ == "relcl" \
                and verb.head.lemma_.lower() in data["conflict_nouns"]:
            return True  # "the conflict, which has killed ..."
        if child.dep_ == "prep" and child.lower_ == "since" and not _since_the_incident(child):
            return True
        if child.dep_ == "prep" and child.lower_ in ("during", "over", "in", "throughout"):
            if child.lower_ == "in" and any(t.tag_ == "JJS" for t in child.doc[verb.i:child.i]):
                continue  # "killing seven in the deadliest attack in two decades": the period is the superlative's
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.lemma_.lower() in data["long_conflict_nouns"]:
                    return True  # "7,000 people have been killed in the conflict"
                if pobj.dep_ == "pobj" and pobj.lemma_.lower() in data["period_nouns"] and (
                        pobj.tag_ == "NNS" or any(c.lower_ in ("past", "last", "previous") for c in pobj.children)) \
                        and not any(c.lower_ in ("following", "next", "ensuing", "subsequent") for c in pobj.children):
                    # ("arrested five men in the following weeks": the days after the incident, not a running total)
                    return True
    return False


def _unrealised(cue: Token | None) -> bool:
    """"gendarmes went to the house to arrest a man", "tried to kill the mayor": an aim, not what happened."""
    if cue is None:
        return False
    verb = cue if cue.pos_ in ("VERB", "AUX") else cue.head
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children) and (
        verb.dep_ == "advcl" or verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _lexicon()[4]["aim_verbs"])


def _has_count(noun: Token) -> bool:
    return any(c.dep_ == "nummod" for c in noun.children)


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _kind_of_complement(verb: Token) -> tuple[str, Token] | None:
    """A predicate without a kind word that says one in its complement: "were shot dead", "were
    missing", "was taken into custody", "remain in hospital"."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in _lexicon()[4]["not_outcome_verbs"]:
        return None
    states = _lexicon()[4]["state_nouns"]
    data = _lexicon()[4]
    if verb.lemma_.lower() in data["limb_verbs"] and any(c.dep_ == "auxpass" for c in verb.children):
        for child in verb.children:  # "was shot in the leg": wounded
            if child.dep_ == "prep" and child.lower_ in ("in", "through"):
                limb = next((o for o in child.children if o.dep_ == "pobj" and o.lower_ in data["limb_nouns"]), None)
                if limb is not None and not any(c.lemma_.lower() in ("dead", "kill") for c in verb.children):
                    return "wounded", limb
    for child in verb.children:
        if child.dep_ in ("oprd", "acomp") and (kind := _kind_of(child)):
            return kind, child
        if child.dep_ == "advmod" and child.lower_ == "dead" and child.i == verb.i + 1 and (kind := _kind_of(child)):
            return kind, child  # "gunmen shot dead a judge" (the parser takes "dead" for an adverb)
        if (verb.lemma_.lower() in data["captor_verbs"] or verb.lemma_.lower() in data["seize_verbs"]) \
                and child.dep_ == "nsubjpass" and _taken_away(verb, data) and not _held_by_the_law(verb, data):
            return "kidnapped", verb  # "up to 40 people had been taken (into the forest)", "38 people were seized"
        if child.dep_ == "dobj" and verb.lemma_.lower() in data["injury_verbs"] and child.lemma_.lower() in data["injury_nouns"]:
            return "wounded", child  # "suffered burns"
        if child.dep_ == "advcl" and child.tag_ == "VBN" and child.i > verb.i and (kind := _kind_of(child)) \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in child.children):
            return kind, child  # "two of them appeared in court on Monday, charged with murder"
        if child.dep_ == "prep" and child.lower_ == "on" and any(
                g.dep_ == "pobj" and g.lower_ == "charges" for g in child.children):
            return "charged", child  # "were referred to the court on charges of terrorism"
        if child.dep_ == "prep" and child.lower_ in ("in", "into", "under", "to"):
            for pobj in child.children:
                if pobj.dep_ == "pobj" and (kind := states.get(pobj.lower_) or states.get(pobj.lemma_.lower())):
                    if pobj.lower_ == "hands" and not _in_hands_of(pobj):
                        continue  # "in safe hands", "in their hands"
                    if pobj.lower_ == "hands" and _in_hands_of(pobj).lower_ in data["custody_holders"]["words"]:
                        kind = "arrested"  # "in the hands of the police"
                    return kind, pobj
    return None


def _in_hands_of(hands: Token) -> Token | None:
    """"in the hands of the terrorists": who holds them."""
    of = next((c for c in hands.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


def _own_kind(doc: Doc, last: Token, noun: Token) -> tuple[str | None, Token | None]:
    """A number told with its outcome word, which says its kind before any governing verb does: "seven
    dead and up to 12 wounded" (the parser may hang "12" on "dead" and "wounded" on the verb)."""
    if noun.i != last.i:
        if noun.pos_ in ("ADJ", "NOUN") and noun.i == last.i + 1 and (kind := _kind_of(noun)):
            if kind == "kidnapped" and noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ == "VERB" \
                    and (told := _kind_of(noun.head)) in ("killed", "wounded"):
                return told, noun.head  # "two hostages were wounded when police moved in": what befell them
            return kind, noun  # "seven dead", "about 40 hurt"
        return None, None
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and (nxt.pos_ == "ADJ" or nxt.tag_ == "VBN") and (kind := _kind_of(nxt)):
        return kind, nxt  # "up to 12 wounded"
    return None, None


def _labelled_kind(doc: Doc, first: Token) -> tuple[str | None, Token | None]:
    """The kind a "Label: value" cell gives its number ("Dead: 2 | Injured: 5 | Arrested: 1")."""
    span = value_label(doc_text(doc), first.idx)
    if span is None:
        return None, None
    label = doc.char_span(span[0], span[1], alignment_mode="expand")
    for tok in label or ():
        if kind := _kind_of(tok):
            return kind, tok
    return None, None


def _kind_from_window(doc: Doc, first: Token, last: Token) -> tuple[str | None, Token | None]:
    sent = first.sent
    for i in range(last.i + 1, min(sent.end, last.i + 6)):
        tok = doc[i]
        if tok.text in _CLAUSE_BREAK or tok.like_num or tok.lower_ in (",", "and", "while") and i > last.i + 2:
            break
        if kind := _kind_of(tok):
            return kind, tok
    own_clause = last.dep_ in ("nsubj", "nsubjpass") and last.head.pos_ in ("VERB", "AUX") and last.head.i > last.i
    for i in range(first.i - 1, max(sent.start, first.i - 4) - 1, -1):
        tok = doc[i]
        if tok.text in _CLAUSE_BREAK or tok.text == "," or tok.like_num or own_clause and tok.pos_ == "CCONJ":
            break  # ("Two people died and 40 were evacuated": the 40 are the subject of their own verb)
        if kind := _kind_of(tok):
            if tok.pos_ == "VERB" or tok.lemma_.lower() in ("toll",):
                return kind, tok
    return None, None


_REVISING = frozenset({"revise", "raise", "lower", "update", "adjust", "increase", "reduce", "cut", "put", "bring"})


def _revised_tally(doc: Doc, first: Token, figures: list[Figure]) -> tuple[str | None, Token | None]:
    """"it had buried 41 bodies, but on Tuesday it revised its figure down to 35": a bare tally noun ("its figure",
    "the count") revised to a number counts what the figure told just before it counted."""
    prep = first.head if first.dep_ == "pobj" else first.head.head if first.dep_ == "nummod" else None
    if prep is None or prep.lower_ != "to":
        return None, None
    verb = prep.head.head if prep.head.dep_ == "prt" else prep.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _REVISING:
        return None, None
    tally = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _lexicon()[4]["tally_nouns"]
                  and not any(g.dep_ == "prep" for g in c.children)), None)
    before = [f for f in figures if f.span.end <= tally.idx and tally.idx - f.span.end < 400] if tally is not None else []
    return (before[-1].kind, tally) if before else (None, None)


def _an_age(doc: Doc, first: Token, last: Token) -> bool:
    """"Esther Dhessa, 34, who lost her husband": a bare number set off by commas after a name is the person's age."""
    return first.i > 1 and doc[first.i - 1].text == "," and doc[first.i - 2].pos_ == "PROPN" \
        and doc[first.i - 2].ent_type_ == "PERSON" and last.i + 1 < len(doc) and doc[last.i + 1].text in (",", ")") \
        and last.i == first.i and first.text.isdigit() and int(first.text) < 120


def extract_figures(doc: Doc, timexes: list[Timex] | None = None) -> list[Figure]:
    """All counts in the document that say how many were killed, wounded, held, charged..."""
    text = doc_text(doc)
    skip = [(t.span.start, t.span.end) for t in timexes or []]
    vague = _lexicon()[2]
    figures: list[Figure] = []
    taken: set[int] = set()
    runs = _number_tokens(doc, skip)
    for run in runs:
        value = parse_number([t.text for t in run])
        first, last = run[0], run[-1]
        noun = _counted_noun(last)
        if _counts_things(noun) or _counts_things(last):
            continue
        if first.i > 0 and doc[first.i - 1].lower_ in ("aged", "age", "ages", "$", "£", "€", "no.", "number") \
                or _an_age(doc, first, last):
            continue
        kind, cue = _labelled_kind(doc, first)
        if kind is None:
            kind, cue = _own_kind(doc, last, noun)
        if kind is None:
            kind, cue = _kind_from_tree(noun)
        if kind is None:
            kind, cue = _kind_of_counted_total(noun, figures)
        if kind is None:
            kind, cue = _kind_from_window(doc, first, last)
        if kind is None:
            kind, cue = _revised_tally(doc, first, figures)
        if kind is None:
            continue
        if _cumulative(cue):
            continue
        qualifier, qstart = _qualifier(doc, first)
        figures.append(_figure(text, kind, value, qstart, last, qualifier, noun, cue))
        taken.add(first.i)
    last_words: dict[str, list[str]] = {}
    for word in sorted(vague, key=lambda w: -len(w.split())):  # "tens of thousands" before "thousands"
        last_words.setdefault(word.split()[-1], []).append(word)
    for tok in doc:
        word = next((w for w in last_words.get(tok.lower_, [])
                     if " ".join(t.lower_ for t in doc[max(0, tok.i - len(w.split()) + 1): tok.i + 1]) == w), None)
        if word is None:
            continue
        n = len(word.split())
        if tok.i + 1 < len(doc) and (doc[tok.i + 1].like_num or is_number_word(doc[tok.i + 1].text)):
            continue  # "several hundred": a number follows
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "NOUN" and _counts_things(doc[tok.i + 1]):
            continue  # "stabbed him several times", "several shops": not a count of people
        val, vmax, qual = vague[word]
        if any(f.span.start <= tok.idx < f.span.end for f in figures):
            continue  # already read as a number ("about a dozen")
        if tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of" and (
                doc[tok.i + 2].lemma_.lower() in _lexicon()[4]["perpetrator_nouns"]
                or doc[tok.i + 2].lower_ in _lexicon()[4]["perpetrator_nouns"]):
            continue  # "Dozens of gunmen killed 11 farmers": the attackers, not the dead
        kind, cue = _kind_from_tree(tok)
        if kind is None:
            nxt = tok.i + 1
            if nxt < len(doc) and doc[nxt].lower_ == "of" and nxt + 1 < len(doc):
                kind, cue = _kind_from_tree(doc[nxt + 1])
            if kind is None:
                kind, cue = _kind_from_window(doc, tok, tok)
        if kind and kind != "attackers" and not _cumulative(cue) and not _unrealised(cue):
            start = doc[tok.i - n + 1].idx
            figures.append(Figure(kind=kind, value=val, value_max=vmax, qualifier=qual,
                                  span=Span.of(text, start, tok.idx + len(tok.text))))
    figures = _between(text, figures)
    figures.extend(_bare_tallies(doc, figures, runs))
    figures.extend(_subgroups_told_after(doc, figures, skip))
    figures.extend(_of_the_group(doc, figures, skip))
    figures.extend(_pronoun_figures(doc, figures))
    figures.extend(_subgroup_singles(doc, figures))
    figures.extend(_single_figures(doc, figures))
    figures.extend(_copular_singles(doc, figures))
    figures.extend(_group_members(doc, figures))
    figures.extend(_coordinated_totals(doc))
    figures.extend(_parallel_parts(doc, figures))
    figures = [f for f in figures if not retracted(text, f.span.start, f.span.end)]  # "Correction: ... said 12"
    # a total before the parts it sums when both start at the same place
    return sorted(figures, key=lambda f: (f.span.start, -f.span.end))


def _bare_tallies(doc: Doc, found: list[Figure], runs: list[list[Token]]) -> list[Figure]:
    """"first reported nine dead ... By Wednesday morning he put the number at 14": a tally noun without "of"
    (the number, the figure) put at or raised to a count counts what the paragraph's last figure before it counts."""
    text = doc_text(doc)
    tallies = _lexicon()[4]["tally_nouns"]
    out: list[Figure] = []
    for run in runs:  # (the document's number runs, read once by extract_figures)
        first, last = run[0], run[-1]
        if any(f.span.start <= first.idx < f.span.end for f in found):
            continue
        prep = last.head
        if last.dep_ != "pobj" or prep.lower_ not in ("at", "to") or prep.head.pos_ != "VERB":
            continue
        tally = next((c for c in prep.head.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")
                      and c.lemma_.lower() in tallies and not any(p.dep_ == "prep" for p in c.children)), None)
        if tally is None:
            continue
        para = text.rfind("\n\n", 0, first.idx)
        before = [f for f in found if para < f.span.start < first.idx]
        if not before or len({f.kind for f in before}) != 1:
            continue
        value = parse_number([t.text for t in run])
        qualifier, qstart = _qualifier(doc, first)
        out.append(_figure(text, before[-1].kind, value, qstart, last, qualifier, last, tally))
    return out


_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_AND_NUMBER = re.compile(r"\s+and\s+([\w,-]+)")


_PARTITIVE = re.compile(r"\s+of\s+(?:the|those)\s+\w+", re.IGNORECASE)


def _parallel_parts(doc: Doc, figures: list[Figure]) -> list[Figure]:
    """"Eight of the injured were visitors from China, four were residents and two came from Hong Kong": bare
    numbers that go on the list a partitive part opens, in its sentence, count the same kind."""
    text = doc_text(doc)
    out: list[Figure] = []
    taken = {f.span.start for f in figures}
    for f in figures:
        if not _PARTITIVE.match(text, f.span.end):
            continue
        first = doc.char_span(f.span.start, f.span.end, alignment_mode="expand")
        if first is None:
            continue
        sent = first[0].sent
        for tok in doc[first.end:sent.end]:
            if not (tok.like_num or is_number_word(tok.text)) or tok.idx in taken or tok.dep_ not in ("nsubj", "conj") \
                    or doc[tok.i - 1].text not in (",", "and") or tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "NOUN":
                continue
            value = parse_number([tok.text])
            if value is None:
                continue
            out.append(Figure(kind=f.kind, value=value, span=Span.of(text, tok.idx, tok.idx + len(tok.text))))
            taken.add(tok.idx)
    return out


def _between(text: str, figures: list[Figure]) -> list[Figure]:
    """"between 20 and 30 villagers": one figure, 20 to 30 (its value is the lower bound, so at least 20)."""
    out: list[Figure] = []
    dropped: set[int] = set()  # starts of the figures read as an upper bound
    for f in figures:
        before = _BETWEEN.search(text, max(0, f.span.start - 12), f.span.start)
        after = _AND_NUMBER.match(text, f.span.end)
        upper = parse_number([after.group(1)]) if before and after else None
        if upper is not None and upper > f.value:
            end = after.end(1)
            dropped.update(g.span.start for g in figures if g.kind == f.kind and after.start(1) <= g.span.start < end)
            f = replace(f, value_max=upper, qualifier="at_least", span=Span.of(text, before.start(), end))
        out.append(f)
    return [f for f in out if f.span.start not in dropped]


def _figure(text: str, kind: str, value: int, start: int, last: Token, qualifier: str | None,
            noun: Token, cue: Token | None) -> Figure:
    modifier = None
    if cue is not None:
        modifier = next((c.lower_ for c in cue.children if c.lower_ in _SEVERITY), None)
    counted = Span.of(text, noun.idx, noun.idx + len(noun.text)) if noun is not last else None
    return Figure(kind=kind, value=value, qualifier=qualifier, modifier=modifier,
                  span=Span.of(text, start, last.idx + len(last.text)), counted=counted)


def _pronoun_figures(doc: Doc, found: list[Figure]) -> list[Figure]:
    """"Four captives appeared ... They were charged": carry the count across a pronoun subject; "both
    had been charged" counts two."""
    text = doc_text(doc)
    out: list[tuple[int, Figure]] = []
    sents: list | None = None
    starts: list[int] = []
    # from each "they"/"all" subject to its verb (cheaper than looking at every verb of the text)
    for pron in doc:
        if pron.lower_ not in ("they", "all", "both") or pron.dep_ not in ("nsubj", "nsubjpass"):
            continue
        tok = pron.head
        kind = _kind_of(tok)
        if not kind or kind == "attackers" or tok.pos_ not in ("VERB", "ADJ"):
            continue
        first_subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if first_subject is None or first_subject.i != pron.i:
            continue
        if pron.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in tok.children):
            continue  # "they had arrested two men": the pronoun did it; it was not done to them
        if pron.lower_ == "both":  # "two men were arrested ... both had been charged": two, whoever they are
            if not any(f.kind == kind and f.span.start <= pron.idx < f.span.end for f in found):
                out.append((tok.i, _figure(text, kind, 2, pron.idx, pron, None, pron, tok)))
            continue
        if sents is None:
            sents = list(doc.sents)
            starts = [s.start for s in sents]
        si = bisect_right(starts, tok.i) - 1
        sent = sents[si]
        for prev in reversed(sents[max(0, si - 5): si]):
            if "\n\n" in text[prev.end_char: sent.start_char]:
                break  # stay inside the paragraph
            nouns = [t for t in prev if t.dep_ in ("nsubj", "nsubjpass", "dobj") and t.tag_ in ("NNS", "NNPS")
                     and any(c.dep_ == "nummod" for c in t.children)]
            if nouns:
                noun = nouns[-1]
                num = next(c for c in noun.children if c.dep_ == "nummod")
                value = parse_number([num.text])
                if value is None or _counts_things(noun) or any(
                        f.kind == kind and f.span.start <= num.idx < f.span.end for f in found):
                    break  # ("needed three hours": no people)
                qualifier, qstart = _qualifier(doc, num)
                out.append((tok.i, _figure(text, kind, value, qstart, num, qualifier, noun, tok)))
                break
    return [f for _, f in sorted(out, key=lambda x: x[0])]


def _is_person(tok: Token) -> bool:
    data = _lexicon()[4]
    if tok.lower_ in data["person_pronouns"]:
        return True
    if tok.lower_ == "old" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "conj", "pobj") and any(
            c.lemma_.lower() == "year" for c in tok.children):
        return True  # "A 17-year-old was shot dead": the adjective used as a noun
    if any(c.dep_ == "nummod" for c in tok.children):
        return False
    if _person_by_form(tok):
        return True
    titled = any(c.dep_ in ("compound", "nmod") and c.lower_ in data["person_nouns"] and c.i < tok.i for c in tok.children)
    if titled and tok.pos_ in ("PROPN", "NOUN") and (tok.tag_ not in ("NNS", "NNPS") or tok.ent_type_ == "PERSON"):
        return True  # a name after a title: "inspector eulogio flores", "journalist roberto navas"
    if tok.tag_ in ("NNS", "NNPS"):
        return False
    if tok.tag_ not in ("NN", "NNP"):  # the tagger's slips ("a cleaner" as JJR) on a listed person noun
        return tok.lower_ in data["person_nouns"] and tok.dep_ in ("nsubjpass", "dobj", "conj")
    if tok.tag_ == "NNP":  # a full name ("Guard Wilson Armijos"), not a lone capitalised word
        return tok.ent_type_ == "PERSON" and any(c.dep_ == "compound" and c.ent_type_ == "PERSON" for c in tok.children)
    lemma = tok.lemma_.lower()
    return lemma in data["person_nouns"] or lemma in _lexicon()[3] or tok.lower_ in data["person_nouns"]


_AGENT_NOUN = re.compile(r"[a-z]{3,}(?:er|ier|eer|ee|or|ist|ian|ant|eur|man|woman)$")


def _person_by_form(tok: Token) -> bool:
    """A singular noun the person list lacks but its modifiers make a person: an age ("a 74-year-old usher", even
    when the tagger reads the noun as an adjective) or a nationality on an agent noun ("a French yachtsman", not
    "a Chinese vessel")."""
    if tok.tag_ in ("NNS", "NNPS") or tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "conj", "pobj", "appos", "attr"):
        return False
    mods = [c for c in tok.children if c.dep_ == "amod" and c.i < tok.i]
    aged = any(m.lower_ == "old" and any(c.lemma_.lower() == "year" for c in m.children) for m in mods)
    return aged or any(m.ent_type_ == "NORP" for m in mods) and tok.tag_ == "NN" and _AGENT_NOUN.match(tok.lower_) is not None


def _dies(verb: Token, noun: Token) -> bool:
    """"a croupier and a gambler had died": who dies is someone named by an agent noun the person list lacks (a
    singular common noun with an article, -er/-or/-ist/-ian ...; "the plan died" names no one)."""
    return verb.lemma_.lower() in ("die", "perish") and noun.tag_ == "NN" and noun.dep_ in ("nsubj", "conj") \
        and any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in noun.children) \
        and _AGENT_NOUN.match(noun.lower_) is not None and not _counts_things(noun)


def _patients(verb: Token) -> list[Token]:
    """Who undergoes a passive or transitive outcome verb, with conjoined nouns ("two guards and a vendor")."""
    passive = any(c.dep_ == "auxpass" for c in verb.children) or verb.tag_ == "VBN" and not any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)  # "had arrested a man": active
    if verb.lemma_.lower() in _lexicon()[4]["intransitive_outcomes"]:  # "the inspector (and his driver) died"
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        return subjects + [t for s in subjects for t in s.conjuncts if t.i > s.i]
    out = [c for c in verb.children if c.dep_ == "nsubjpass" or c.dep_ == "dobj" and not passive]
    if not out and passive and verb.dep_ in ("pcomp", "advcl", "conj", "xcomp"):
        # "A man drove into the crowd ... before being arrested": the governing clause's subject
        gov = verb.head
        for _ in range(3):
            out = [c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")]
            if out or gov.head.i == gov.i or gov.dep_ not in ("prep", "pcomp", "advcl", "conj", "xcomp"):
                break
            gov = gov.head
    if not out and verb.tag_ == "VBN" and verb.dep_ == "conj":
        out = [c for c in verb.head.children if c.dep_ == "nsubjpass"]  # "He was taken into custody and charged"
    for tok in list(out):
        out.extend(t for t in tok.conjuncts if t.i > tok.i)
    return out


def _phrase_start(doc: Doc, person: Token, reach: int) -> Token:
    """Where a person's noun phrase starts ("a retired dock worker"): its left edge when that lies within
    ``reach`` tokens and no comma or bracket comes between, else the noun itself."""
    left = person.left_edge if person.left_edge.i >= person.i - reach else person
    return person if any(t.text in (",", "(") for t in doc[left.i: person.i]) else left


def _single_figures(doc: Doc, found: list[Figure]) -> list[Figure]:
    """"the driver was wounded", "police arrested the gunman", "He was taken into custody": one
    person named by a singular noun or a pronoun counts as a figure of 1."""
    text = doc_text(doc)
    data = _lexicon()[4]
    single_kinds = set(data["single_person_kinds"])
    out: list[Figure] = []
    for verb in doc:
        if verb.pos_ != "VERB" or any(c.dep_ == "neg" for c in verb.children):
            continue
        kind, cue = _kind_of(verb), verb
        if kind is None and (comp := _kind_of_complement(verb)) is not None:
            kind, cue = comp
        if kind not in single_kinds or verb.lemma_.lower() in data["not_outcome_verbs"]:
            continue
        if verb.lemma_.lower() in data["single_person_unsure_verbs"] or _unrealised(verb):
            continue
        for p in _patients(verb):
            if not (_is_person(p) or _dies(verb, p)) or any(f.span.start <= p.idx < f.span.end for f in found + out):
                continue
            if counts_nobody(p):
                continue  # "No one was killed"
            if p.lemma_.lower() in _lexicon()[3] and kind not in ("arrested", "charged"):
                continue  # a killed or wounded attacker is no casualty of the attack
            left = _phrase_start(doc, p, 8)
            out.append(Figure(kind=kind, value=1, span=Span.of(text, left.idx, p.idx + len(p.text)),
                              counted=Span.of(text, p.idx, p.idx + len(p.text))))
    return out


def _copular_singles(doc: Doc, found: list[Figure]) -> list[Figure]:
    """"A third worker was still missing": one person whom "be" gives a kind; "the dead men were a welder and a
    mechanic", "the two people killed were ...", "the dead were named as ...": each person a subject with a kind
    ("the dead", "the injured") is said to be."""
    text = doc_text(doc)
    single_kinds = set(_lexicon()[4]["single_person_kinds"])
    out: list[Figure] = []
    for verb in doc:
        missing = verb.lower_ == "missing" and verb.pos_ == "VERB"  # (the parser's "was still missing")
        named = verb.lemma_.lower() in ("name", "identify") and verb.tag_ == "VBN"  # "the dead were named as ..."
        if not (verb.lemma_ == "be" and verb.pos_ == "AUX" or missing or named) \
                or any(c.dep_ == "neg" for c in verb.children):
            continue
        subj = next((c for c in verb.children if c.dep_ == ("nsubjpass" if named else "nsubj")), None)
        if subj is None:
            continue
        comp = None if named else ("missing", verb) if missing else _kind_of_complement(verb)
        said_of_people = False
        if comp is not None and comp[0] in single_kinds and subj.tag_ == "NN":
            kind, people = comp[0], [subj]  # "a third worker was still missing"
        else:
            # ("the dead", "the dead men", "the two people killed")
            kind = _kind_of(subj) or next((k for c in subj.children if c.dep_ in ("amod", "acl")
                                           and (k := _kind_of(c))), None)
            attr = next((c for c in verb.children if c.dep_ == "attr"), None) if not named else next(
                (o for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for o in c.children
                 if o.dep_ == "pobj"), None)
            if kind not in single_kinds or attr is None or subj.tag_ not in ("NNS", "JJ"):
                continue
            # "the dead men were a welder ... and a mechanic" (the second may hang on a name inside the first)
            people = [attr, *(t for t in attr.subtree if t.dep_ == "conj" and t.pos_ == "NOUN")]
            said_of_people = True  # (what "the dead" are is a person, whatever the noun: "a welder")
        for p in people:
            if not (_is_person(p) or said_of_people and p.pos_ == "NOUN") or p.tag_ != "NN" \
                    or any(c.dep_ == "nummod" for c in p.children) \
                    or any(f.span.start <= p.idx < f.span.end for f in found + out) \
                    or p.lemma_.lower() in _lexicon()[3]:
                continue
            left = _phrase_start(doc, p, 8)
            out.append(Figure(kind=kind, value=1, span=Span.of(text, left.idx, p.idx + len(p.text)),
                              counted=Span.of(text, p.idx, p.idx + len(p.text))))
    return out


def _subgroup_singles(doc: Doc, found: list[Figure]) -> list[Figure]:
    """"nine people, including a nurse and four pupils", "four women and a young waiter": one person
    told by a singular noun beside or inside a counted group counts as a figure of 1, of the group's kind."""
    text = doc_text(doc)
    out: list[Figure] = []
    for p in doc:
        if p.pos_ != "NOUN" or p.tag_ != "NN" or not _is_person(p) \
                or any(f.span.start <= p.idx < f.span.end for f in found + out):
            continue
        conjunct = p.dep_ == "conj" and p.head.pos_ == "NOUN" and p.head.i < p.i
        if not any(c.dep_ == "det" and (c.lower_ in ("a", "an") or conjunct and c.lower_ == "the") for c in p.children):
            continue  # "12 workers and the foreman": the foreman is one more
        if (kind := _kind_of_includer(p)) is not None:
            left = _np_start(p)  # "The wounded, who include a young boy"
            out.append(Figure(kind=kind, value=1, span=Span.of(text, left.idx, p.idx + len(p.text)),
                              counted=Span.of(text, p.idx, p.idx + len(p.text))))
            continue
        first = p
        while first.dep_ == "conj" and first.head.pos_ == "NOUN" and first.head.i < first.i:
            first = first.head
        group = _total_of(p) or (first.head if first.dep_ == "appos" and first.head.i < first.i
                                 else p.head if conjunct else None)
        # ("Two more victims, a vendor and a student, died": the counted group the list stands beside)
        end = p
        if p.lower_ in _lexicon()[4]["captive_words"]:  # "... and the foreman hostage": the foreman
            end = max((c for c in p.children if c.dep_ == "compound"), key=lambda c: c.i, default=p)
        if group is not None and group.pos_ in ("VERB", "ADJ") and (kind := _kind_of(group)) is not None:
            # "21 people were killed, among them a girl": the outcome verb before the comma, of a counted figure
            fig = next((f for f in found if f.kind == kind and group.sent.start_char <= f.span.start < group.idx),
                       None)
        elif group is None or not (_has_count(group) or group.like_num or is_number_word(group.text)):
            continue  # ("two of them, including a girl": the number itself is the group)
        else:
            fig = next((f for f in found if f.span.start <= group.idx < f.span.end + 1
                        or f.counted is not None and f.counted.start <= group.idx < f.counted.end), None)
        if fig is None or fig.kind not in _lexicon()[4]["single_person_kinds"]:
            continue
        left = _np_start(p)
        out.append(Figure(kind=fig.kind, value=1, span=Span.of(text, left.idx, end.idx + len(end.text)),
                          counted=Span.of(text, end.idx, end.idx + len(end.text))))
    return out


def _np_start(p: Token) -> Token:
    """The first word of a person's noun phrase before it ("a five-year-old girl"; not a leading ", among them")."""
    mods = [t for c in p.children if c.i < p.i and c.dep_ in ("det", "amod", "compound", "nummod", "poss", "nmod")
            for t in c.subtree]
    first = min(mods, key=lambda t: t.i, default=p)
    return first if first.i >= p.i - 6 else p


def _group_members(doc: Doc, found: list[Figure]) -> list[Figure]:
    """"Among the dead were a 17-year-old boy and a dock worker", "the wounded included a nurse and her two
    sons": each member of a group that names its outcome counts, one person as 1, a counted one as its number."""
    text = doc_text(doc)
    single = set(_lexicon()[4]["single_person_kinds"])
    out: list[Figure] = []
    for verb in doc:
        lemma = verb.lemma_.lower()
        if lemma == "be":  # "among the dead were X and Y"
            groups = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "among"
                      for g in c.children if g.dep_ == "pobj"]
            members = [c for c in verb.children if c.dep_ in ("nsubj", "attr")]
        elif lemma == "include" and verb.pos_ == "VERB" and verb.dep_ != "relcl":  # "the dead included X and Y"
            groups = [c for c in verb.children if c.dep_ == "nsubj"]
            members = [c for c in verb.children if c.dep_ == "dobj"]
        else:
            continue
        kind = next((k for g in groups if (k := _kind_of(g)) in single), None)
        if kind is None or not members:
            continue
        for m in [x for first in members for x in (first, *first.conjuncts)]:
            if m.pos_ not in ("NOUN", "PROPN") or not (_is_person(m) or _is_person_plural(m)):
                continue
            value = _conjunct_value(m)
            if value is None:
                continue
            left = _phrase_start(doc, m, 6)
            if any(f.span.start < m.idx + len(m.text) and left.idx < f.span.end for f in found + out):
                continue  # ("three children": already counted)
            out.append(Figure(kind=kind, value=value[0], qualifier=value[1],
                              span=Span.of(text, left.idx, m.idx + len(m.text)),
                              counted=Span.of(text, m.idx, m.idx + len(m.text))))
    return out


def _held_by_the_law(verb: Token, data: dict) -> bool:
    """A passive verb whose agent holds people in custody ("seized by police")."""
    return any(g.lemma_.lower() in data["custody_holders"]["words"] or g.lower_ in data["custody_holders"]["words"]
               for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj")


def _carried_off(verb: Token, data: dict) -> bool:
    """"They took more than 60 people", "the raiders took five people with them", "gunmen seized 12 residents": an
    active taking verb whose subject is the attackers (or "they") and whose object is people, not taken to hospital
    or into custody."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or not (_held_by_attackers(verb) or subj is not None and subj.lower_ == "they") \
            or not (_is_person_plural(obj) or obj.lemma_.lower() in data["person_nouns"]):
        return False
    return not any(c.dep_ == "prep" and c.lower_ in ("to", "into") and any(
        o.lemma_.lower() in data["not_captive_places"] or o.lemma_.lower() in data["state_nouns"]
        for o in c.children if o.dep_ == "pobj") for c in verb.children)


def _taken_away(verb: Token, data: dict) -> bool:
    """A passive "taken" that says people were carried off: not to hospital, into custody, for questioning."""
    if not any(c.dep_ == "auxpass" for c in verb.children) or any(c.dep_ in ("oprd", "acomp", "dobj") for c in verb.children):
        return False
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "by"):
            return False
        if c.dep_ == "prep" and c.lower_ in ("to", "into", "in", "inside"):
            if any(o.lemma_.lower() in data["not_captive_places"] or o.lemma_.lower() in data["state_nouns"]
                   for o in c.children if o.dep_ == "pobj"):
                return False
        if c.dep_ == "advmod" and c.lower_ in ("in", "aback"):
            return False
    return True


def _subgroups_told_after(doc: Doc, found: list[Figure], skip: list[tuple[int, int]]) -> list[Figure]:
    """"Nine people were killed. Two of them were women": "N of them were <people>" opening the next sentence
    counts a subgroup of the last casualty figure of the sentence before, with its kind."""
    text = doc_text(doc)
    single = _lexicon()[4]["single_person_kinds"]
    out: list[Figure] = []
    for tok in doc:
        if not (tok.like_num or is_number_word(tok.text)) or tok.dep_ != "nsubj" or tok.head.lemma_ != "be" \
                or any(f.span.start <= tok.idx < f.span.end for f in found) or any(s <= tok.idx < e for s, e in skip):
            continue
        if not any(c.lower_ == "of" and any(g.lower_ == "them" for g in c.children) for c in tok.children):
            continue
        if not any(c.dep_ == "attr" and c.tag_ == "NNS" and (_is_person_plural(c)) for c in tok.head.children):
            continue
        sent = tok.sent
        if sent.start == 0:
            continue
        before = doc[sent.start - 1].sent
        prior = [f for f in found if before.start_char <= f.span.start < before.end_char and f.kind in single]
        value = parse_number([tok.text])
        if not prior or value is None or value >= prior[-1].value:
            continue
        out.append(Figure(kind=prior[-1].kind, value=value, span=Span.of(text, tok.idx, tok.idx + len(tok.text))))
    return out


def _of_the_group(doc: Doc, found: list[Figure], skip: list[tuple[int, int]]) -> list[Figure]:
    """"Of the nine dead, three were police officers and six were civilians", "Of the wounded, five were
    teenagers", "Of the victims, five were children": counts of a group named at the head of the sentence, of the
    group's kind (the victims: the kind of the last casualty figure told before)."""
    text = doc_text(doc)
    single = _lexicon()[4]["single_person_kinds"]
    out: list[Figure] = []
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        if len(toks) < 6 or toks[0].lower_ != "of" or toks[1].lower_ not in ("the", "those"):
            continue
        comma = next((k for k, t in enumerate(toks[:8]) if t.text == ","), None)
        if comma is None or comma < 3:
            continue
        group = toks[2:comma]
        kind = next((k for t in group if (k := _kind_of(t)) in single), None)
        if kind is None and any(t.lemma_.lower() in ("victim", "casualty") for t in group):
            prior = [f for f in found if f.span.start < sent.start_char and f.kind in ("killed", "wounded")]
            kind = prior[-1].kind if prior else None
        if kind is None:
            continue
        total = next((parse_number([t.text]) for t in group if t.like_num or is_number_word(t.text)), None)
        for k in range(comma + 1, len(toks) - 1):
            tok, nxt = toks[k], toks[k + 1]
            if not (tok.like_num or is_number_word(tok.text)) or nxt.lemma_ != "be" \
                    or any(f.span.start <= tok.idx < f.span.end for f in found + out) \
                    or any(a <= tok.idx < b for a, b in skip):
                continue
            value = parse_number([tok.text])
            if value is None or total is not None and value >= total:
                continue
            out.append(Figure(kind=kind, value=value, span=Span.of(text, tok.idx, tok.idx + len(tok.text))))
    return out


def counts_nobody(tok: Token) -> bool:
    """"No one was killed", "nobody was hurt", "no passenger": a person word that counts nobody."""
    return tok.lower_ in ("nobody", "none", "noone", "no-one") or any(c.dep_ == "det" and c.lower_ == "no"
                                                                       for c in tok.children)


def is_person_noun(tok: Token) -> bool:
    """A noun that names people ("nationals", "men", "teenager"), by the figures' person nouns."""
    return _is_person_plural(tok)


def _is_person_plural(tok: Token) -> bool:
    data = _lexicon()[4]
    lemma = tok.lemma_.lower()
    return lemma in data["person_nouns"] or tok.lower_ in data["person_nouns"] or lemma in (
        "woman", "man", "child", "people", "civilian", "soldier", "policeman", "student", "worker")


def _kind_of_includer(p: Token) -> str | None:
    """"The wounded, who include a young boy": the kind of the group a relative "include" clause names."""
    verb = p.head
    if p.dep_ != "dobj" or verb.lemma_.lower() not in ("include", "comprise") or verb.dep_ != "relcl":
        return None
    kind = _kind_of(verb.head)
    return kind if kind in _lexicon()[4]["single_person_kinds"] else None


def _conjunct_value(tok: Token) -> tuple[int, str | None] | None:
    """How many one conjunct counts: "four soldiers" 4, "one of his bodyguards" 1, "his driver" 1."""
    if tok.like_num or is_number_word(tok.text):
        nums = [tok]
    else:
        nums = [c for c in tok.children if c.dep_ == "nummod"]
        if not nums:
            return (1, None) if _is_person(tok) and tok.lower_ not in _lexicon()[4]["person_pronouns"] else None
    num = nums[0]
    run = [t for t in num.subtree if t.like_num or is_number_word(t.text) or t.text == "-"]
    value = parse_number([t.text for t in run]) if run else None
    if value is None:
        return None
    first = min(run, key=lambda t: t.i)
    return value, _qualifier(tok.doc, first)[0]


def _a_subgroup(noun: Token, data: dict) -> bool:
    """"among them 11 children", "six of them children": a phrase that says its count is part of another."""
    return any(c.dep_ == "prep" and c.lower_ in data["subgroup_preps"] for c in noun.children) \
        or any(_of_them(t) for t in (noun, *[c for c in noun.children if c.dep_ == "nummod"]))


def _of_them(tok: Token) -> bool:
    """The token has an "of them" / "of whom" child: "18 of them", "six of whom"."""
    return any(o.lower_ == "of" and any(g.lower_ in ("them", "whom") for g in o.children) for o in tok.children)


def _coordinated_totals(doc: Doc) -> list[Figure]:
    """"his driver and one of his bodyguards were killed", "one lieutenant, four soldiers and three
    civilians were killed": conjoined victims of one outcome verb add up to a total (the parts
    are figures of their own)."""
    text = doc_text(doc)
    data = _lexicon()[4]
    out: list[Figure] = []
    for verb in doc:
        if verb.pos_ != "VERB" or any(c.dep_ == "neg" for c in verb.children):
            continue
        kind = _kind_of(verb)
        if kind is None and (comp := _kind_of_complement(verb)) is not None:
            kind = comp[0]
        if kind not in data["single_person_kinds"] or verb.lemma_.lower() in data["not_outcome_verbs"]:
            continue
        passive = any(c.dep_ == "auxpass" for c in verb.children) or verb.tag_ == "VBN"
        for p in verb.children:
            if not (p.dep_ == "nsubjpass" or p.dep_ == "dobj" and not passive):
                continue
            parts = [p, *[c for c in p.conjuncts if c.i > p.i]]
            for ap in p.children:
                if ap.dep_ == "appos" and _has_count(ap) and _has_count(p) and not _a_subgroup(ap, data):
                    # (", among them 11 children", ", six of them children": a subgroup of the count, not a part)
                    parts += [ap, *[c for c in ap.conjuncts if c.i > ap.i]]
            parts = sorted(set(parts), key=lambda t: t.i)
            if len(parts) < 2:
                continue
            values = [_conjunct_value(c) for c in parts]
            if any(v is None for v in values) or any(_own_kind(doc, c, _counted_noun(c))[0] for c in parts):
                continue  # ("seven dead and 12 wounded": tallies of their own, no sum)
            if len(values) > 2 and values[0][0] == sum(v[0] for v in values[1:]):
                continue  # "Fourteen crew members, nine Indonesians, three Filipinos and two Vietnamese": a breakdown
            total = sum(v[0] for v in values)
            qualifier = "at_least" if any(v[1] in ("at_least", "more_than") for v in values) else None
            start = p.left_edge if p.left_edge.i >= p.i - 6 else p
            last = parts[-1]
            inner = [t for c in last.children if c.i > last.i and (
                c.dep_ in ("det", "amod", "compound", "nummod", "poss") or c.dep_ == "prep" and c.lower_ == "of")
                for t in c.subtree if not t.is_space and "\n" not in t.text]
            end = max([last, *inner], key=lambda t: t.i)
            out.append(Figure(kind=kind, value=total, qualifier=qualifier,
                              span=Span.of(text, start.idx, end.idx + len(end.text))))
    return out
