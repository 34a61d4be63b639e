"""Casualty, arrest and attacker counts with their qualifiers.

A figure is a number (digits, words or a vague quantity such as "dozens")
tied by the dependency parse, or by a short window inside its clause, to a
word that says what it counts (killed, wounded, arrested, charged ...).
"""

from __future__ import annotations

from bisect import bisect_right

import functools

from spacy.tokens import Doc, Token

from rashomon.data import load_json
from rashomon.extract.numbers import is_number_word, parse_number
from rashomon.models import Figure, Span, Timex
from rashomon.nlp.model import doc_text

_CLAUSE_BREAK = {";", ":", "(", ")", "—", "–"}
_SEVERITY = {"critically", "seriously", "severely", "gravely", "lightly", "slightly", "mortally", "fatally"}


@functools.lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, str], dict[str, str], dict, set[str]]:
    data = load_json("events/figures.json")
    kind_of = {}
    for kind, words in data["kinds"].items():
        for w in words:
            kind_of.setdefault(w, kind)
    return kind_of, data["qualifiers"], data["vague_numbers"], set(data["perpetrator_nouns"])


def _kind_of(token: Token) -> str | None:
    kind_of = _lexicon()[0]
    return kind_of.get(token.lemma_.lower()) or kind_of.get(token.lower_)


def _number_tokens(doc: Doc, skip: list[tuple[int, int]]) -> list[list[Token]]:
    """Maximal runs of number tokens ("two hundred", "1,200") outside times, money and percentages."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    for tok in doc:
        is_num = (tok.like_num or is_number_word(tok.text)) and tok.ent_type_ not in ("MONEY", "PERCENT", "ORDINAL", "DATE", "TIME")
        if is_num and any(s <= tok.idx < e for s, e in skip):
            is_num = False
        if is_num and tok.lower_ in ("one",) and tok.dep_ in ("nsubj", "nsubjpass"):
            is_num = False  # "One had had his ear severed": a pronoun use
        if is_num or (current and tok.lower_ == "and" and tok.nbor(1).like_num if tok.i + 1 < len(doc) else False):
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
        if parse_number([t.text for t in run]) is not None:
            out.append(run)
    return out


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


def _kind_from_tree(noun: Token) -> tuple[str | None, Token | None]:
    """Kind from the governing predicate, a modifier, or a nearby word in the clause."""
    perp_nouns = _lexicon()[3]
    if noun.lemma_.lower() in perp_nouns:
        return "attackers", noun
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
        if head.dep_ in ("conj", "xcomp", "prep", "pobj", "agent") or head.pos_ in ("ADP", "AUX"):
            head, hops = head.head, hops + 1
            continue
        break
    # "the death toll rose to 23": subject of the governing verb names the kind
    if noun.dep_ == "pobj" and noun.head.head is not None:
        verb = noun.head.head
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and (kind := _kind_of(child)):
                return kind, child
    return None, None


def _kind_from_window(doc: Doc, first: Token, last: Token) -> tuple[str | None, Token | None]:
    sent = first.sent
    for i in range(last.i + 1, min(sent.end, last.i + 6)):
        tok = doc[i]
        if tok.text in _CLAUSE_BREAK or tok.like_num or tok.lower_ in (",", "and", "while") and i > last.i + 2:
            break
        if kind := _kind_of(tok):
            return kind, tok
    for i in range(first.i - 1, max(sent.start, first.i - 4) - 1, -1):
        tok = doc[i]
        if tok.text in _CLAUSE_BREAK or tok.text == "," or tok.like_num:
            break
        if kind := _kind_of(tok):
            if tok.pos_ == "VERB" or tok.lemma_.lower() in ("toll",):
                return kind, tok
    return None, None


def extract_figures(doc: Doc, timexes: list[Timex] | None = None) -> list[Figure]:
    """All counts in the document that say how many were killed, wounded, held, charged..."""
    text = doc_text(doc)
    skip = [(t.span.start, t.span.end) for t in timexes or []]
    vague = _lexicon()[2]
    figures: list[Figure] = []
    taken: set[int] = set()
    for run in _number_tokens(doc, skip):
        value = parse_number([t.text for t in run])
        first, last = run[0], run[-1]
        noun = _counted_noun(last)
        if noun.lemma_.lower() in ("year", "age", "percent", "%", "time", "attack", "incident", "hour", "minute"):
            continue
        if first.i > 0 and doc[first.i - 1].lower_ in ("aged", "age", "ages", "$", "£", "€", "no.", "number"):
            continue
        kind, cue = _kind_from_tree(noun)
        if kind is None:
            kind, cue = _kind_from_window(doc, first, last)
        if kind is None:
            continue
        qualifier, qstart = _qualifier(doc, first)
        figures.append(_figure(text, kind, value, qstart, last, qualifier, noun, cue))
        taken.add(first.i)
    last_words = {word.split()[-1]: word for word in vague}
    for tok in doc:
        word = last_words.get(tok.lower_)
        if word is None:
            continue
        n = len(word.split())
        if " ".join(t.lower_ for t in doc[max(0, tok.i - n + 1): tok.i + 1]) != word:
            continue
        val, vmax, qual = vague[word]
        kind, cue = _kind_from_tree(tok)
        if kind is None:
            nxt = tok.i + 1
            if nxt < len(doc) and doc[nxt].lower_ == "of" and nxt + 1 < len(doc):
                kind, cue = _kind_from_tree(doc[nxt + 1])
            if kind is None:
                kind, cue = _kind_from_window(doc, tok, tok)
        if kind and kind != "attackers":
            start = doc[tok.i - n + 1].idx
            figures.append(Figure(kind=kind, value=val, value_max=vmax, qualifier=qual,
                                  span=Span.of(text, start, tok.idx + len(tok.text))))
    figures.extend(_pronoun_figures(doc, figures))
    return sorted(figures, key=lambda f: f.span.start)


def _figure(text: str, kind: str, value: int, start: int, last: Token, qualifier: str | None,
            noun: Token, cue: Token | None) -> Figure:
    modifier = None
    if cue is not None:
        modifier = next((c.lower_ for c in cue.children if c.lower_ in _SEVERITY), None)
    counted = Span.of(text, noun.idx, noun.idx + len(noun.text)) if noun is not last else None
    return Figure(kind=kind, value=value, qualifier=qualifier, modifier=modifier,
                  span=Span.of(text, start, last.idx + len(last.text)), counted=counted)


def _pronoun_figures(doc: Doc, found: list[Figure]) -> list[Figure]:
    """"Four captives appeared ... They were charged": carry the count across a pronoun subject."""
    text = doc_text(doc)
    out: list[tuple[int, Figure]] = []
    sents: list | None = None
    starts: list[int] = []
    # from each "they"/"all" subject to its verb (cheaper than looking at every verb of the text)
    for pron in doc:
        if pron.lower_ not in ("they", "all") or pron.dep_ not in ("nsubj", "nsubjpass"):
            continue
        tok = pron.head
        kind = _kind_of(tok)
        if not kind or kind == "attackers" or tok.pos_ not in ("VERB", "ADJ"):
            continue
        first_subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if first_subject is None or first_subject.i != pron.i:
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
                if value is None or any(f.kind == kind and f.span.start <= num.idx < f.span.end for f in found):
                    break
                qualifier, qstart = _qualifier(doc, num)
                out.append((tok.i, _figure(text, kind, value, qstart, num, qualifier, noun, tok)))
                break
    return [f for _, f in sorted(out, key=lambda x: x[0])]
