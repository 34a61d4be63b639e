"""Attribution extraction: who (source) said/thought what (content), signalled how (cue).

Dependency-parse rules over a spaCy ``Doc`` of the whole document:

* cue candidates: verbs from the cue lexicon (``data/attribution/cues.json``),
  "according to"-style phrases, and cue nouns with a possessor or content clause;
* source: the cue's subject (inherited through ``conj``/``xcomp``/``advcl``),
  a passive ``by`` agent, the object of "according to", a possessor;
* content: clausal complement, infinitive, object (+ its prepositional
  complements), or the clause the cue is parenthetical to; extended to whole
  quotations, and to quoted sentences that continue a direct quote;
* only outermost attributions are kept (PolNeAR annotates no nesting).

Public API: :func:`extract_attributions`.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from importlib import resources

from spacy.tokens import Doc, Token

from rashomon.models import Span, Statement


# --------------------------------------------------------------------------- lexicon


@functools.lru_cache(maxsize=1)
def _lexicon() -> dict:
    raw = resources.files("rashomon.data").joinpath("attribution/cues.json").read_text("utf-8")
    data = json.loads(raw)
    verbs = set()
    for words in data["verbs"].values():
        verbs.update(words)
    data["verb_set"] = frozenset(verbs)
    data["noun_set"] = frozenset(data["nouns"])
    try:
        learned = resources.files("rashomon.data").joinpath("attribution/learned.json").read_text("utf-8")
        data["learned"] = json.loads(learned)
    except (FileNotFoundError, OSError):
        data["learned"] = None
    return data


# --------------------------------------------------------------------------- quotes

_OPEN = {"\u201c", "\u00ab"}
_CLOSE = {"\u201d", "\u00bb"}


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Character ranges ``[start, end)`` of quotations, quote marks included.

    Curly/guillemet quotes pair by direction; straight ``"`` and ``''``/````
    alternate. A quotation left open at a paragraph end runs to that end (a
    quoted paragraph continued by the next one).
    """
    quotes: list[tuple[int, int]] = []
    i, n = 0, len(text)
    open_at: int | None = None
    while i < n:
        ch = text[i]
        two = text[i:i + 2]
        if ch == "\n" and text[i:i + 2] == "\n\n" and open_at is not None:
            quotes.append((open_at, i))
            open_at = None
        if two in ("``", "''"):
            if two == "``" or open_at is None and _opens_here(text, i, 2):
                if open_at is None:
                    open_at = i
            elif open_at is not None:
                quotes.append((open_at, i + 2))
                open_at = None
            i += 2
            continue
        if ch in _OPEN:
            if open_at is None:
                open_at = i
        elif ch in _CLOSE:
            if open_at is not None:
                quotes.append((open_at, i + 1))
                open_at = None
        elif ch == '"':
            if open_at is None:
                open_at = i
            else:
                quotes.append((open_at, i + 1))
                open_at = None
        i += 1
    if open_at is not None:
        quotes.append((open_at, n))
    return [(s, e) for s, e in quotes if e - s > 2]


def _opens_here(text: str, i: int, width: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    return (before.isspace() or before in "([—-") and not after.isspace()


# --------------------------------------------------------------------------- candidates


@dataclass
class _Cand:
    cue: tuple[int, int]  # token range [start, end)
    content: tuple[int, int] | None
    source: tuple[int, int] | None
    head: int  # cue head token index
    score: float = 1.0
    key: str = ""
    tokens: set[int] = field(default_factory=set)


_SUBJ = {"nsubj", "nsubjpass", "csubj"}
_CONTENT_DEPS = {"ccomp", "xcomp"}
_RIGHT_OBJ_DEPS = {"dobj", "dative", "prep", "oprd", "attr", "acomp", "xcomp", "ccomp", "advcl", "npadvmod"}
_PRON_SOURCE_SKIP = {"it", "there"}


def _subtree_range(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def _trim(doc: Doc, rng: tuple[int, int] | None) -> tuple[int, int] | None:
    """Drop punctuation (except quote marks) and conjunction glue at both ends."""
    if rng is None:
        return None
    s, e = rng
    while s < e and (doc[s].is_punct and not doc[s].is_quote or doc[s].is_space
                     or doc[s].dep_ == "cc" and s == rng[0]):
        s += 1
    while e > s and (doc[e - 1].is_punct and not doc[e - 1].is_quote or doc[e - 1].is_space
                     or doc[e - 1].dep_ in ("cc",)):
        e -= 1
    return (s, e) if s < e else None


def _subject(tok: Token, depth: int = 0) -> tuple[int, int] | None:
    for child in tok.children:
        if child.dep_ in _SUBJ:
            if child.lower_ in _PRON_SOURCE_SKIP and child.dep_ != "csubj":
                return None
            if child.dep_ == "nsubjpass":
                continue
            return _subtree_range(child)
    for child in tok.children:
        if child.dep_ == "agent":
            pobj = [c for c in child.children if c.dep_ == "pobj"]
            if pobj:
                return _subtree_range(pobj[0])
    if depth < 3 and tok.dep_ in ("conj", "xcomp", "advcl") and tok.head is not tok:
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" for c in tok.children):
            return None
        return _subject(tok.head, depth + 1)
    if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return None
    return None


_CUE_PREPS = {"about", "to", "for", "on", "of", "with", "against", "at", "over"}


def _cue_range(doc: Doc, v: Token, content: tuple[int, int] | None = None) -> tuple[int, int]:
    s = v.i
    while s > 0 and doc[s - 1].dep_ in ("aux", "auxpass", "neg", "advmod") and doc[s - 1].head.i == v.i:
        s -= 1
    e = v.i + 1
    while e < len(doc) and doc[e].dep_ == "prt" and doc[e].head.i == v.i:
        e += 1
    if (e < len(doc) and doc[e].dep_ == "prep" and doc[e].head.i == v.i and doc[e].lower_ in _CUE_PREPS
            and content is not None and content[0] == e + 1):
        e += 1
    if e < len(doc) and doc[e].text == ":":
        e += 1
    return s, e


def _content_of_verb(doc: Doc, v: Token, quotes_tok) -> tuple[tuple[int, int] | None, str]:
    kids = list(v.children)
    for c in kids:
        if c.dep_ == "ccomp":
            return _subtree_range(c), "ccomp"
    xcomps = [c for c in kids if c.dep_ == "xcomp" and c.i > v.i]
    objs = [c for c in kids if c.dep_ in ("dobj", "dative") and c.i > v.i]
    if xcomps:
        start = objs[0].left_edge.i if objs and objs[0].i < xcomps[0].i else xcomps[0].left_edge.i
        return (start, xcomps[0].right_edge.i + 1), "xcomp"
    if objs:
        if v.lemma_ == "tell" and len(objs) == 1 and not any(c.dep_ == "prep" for c in kids):
            return None, ""
        end = objs[-1].right_edge.i + 1
        for c in kids:
            if c.i > objs[0].i and (c.dep_ in ("oprd", "xcomp") or c.dep_ == "prep" and c.lower_ in (
                    "as", "of", "for", "to", "with", "on", "about")):
                end = max(end, c.right_edge.i + 1)
        return (objs[0].left_edge.i, end), "obj"
    for c in kids:
        if c.dep_ == "prep" and c.i > v.i and c.lower_ in _CUE_PREPS:
            pobj = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if pobj:
                return (pobj[0].left_edge.i, c.right_edge.i + 1), "prep"
    return None, ""


def _parenthetical_content(doc: Doc, v: Token) -> tuple[int, int] | None:
    """'X, officials said, ...' / '..., he said.' with ``v`` attached under the clause."""
    head = v.head
    if head is v or v.dep_ not in ("parataxis", "ccomp", "advcl", "conj") or head.pos_ not in ("VERB", "AUX"):
        return None
    if v.i < head.i and v.dep_ != "parataxis":
        return None
    s, e = _subtree_range(head)
    vs, ve = _subtree_range(v)
    if vs <= s:
        return None
    return s, e


def _in_quote(doc: Doc, tok: Token, quotes) -> tuple[int, int] | None:
    for q in quotes:
        if q[0] < tok.idx < q[1]:
            return q
    return None


def _inverted_subject(doc: Doc, v: Token) -> tuple[int, int] | None:
    """'..., said X' where the parser made X an object or attached it elsewhere."""
    for c in v.children:
        if c.i > v.i and c.dep_ in ("dobj", "attr", "npadvmod") and c.pos_ in ("PROPN", "PRON", "NOUN"):
            prev = doc[v.i - 1] if v.i > 0 else None
            if prev is not None and (prev.is_punct or prev.is_quote):
                return _subtree_range(c)
    return None


_GAP_OK = set(",:;—–- \n\t")


def _quote_adjacent(doc: Doc, v: Token, source, quotes) -> tuple[int, int] | None:
    """Token range of a quotation right before or after the cue (and its source)."""
    text = doc.text
    lo_tok = min(v.i, source[0]) if source else v.i
    hi_tok = max(v.i + 1, source[1]) if source else v.i + 1
    lo, hi = doc[lo_tok].idx, doc[hi_tok - 1].idx + len(doc[hi_tok - 1])
    for qs, qe in quotes:
        if qe <= lo and all(ch in _GAP_OK for ch in text[qe:lo]):
            return _char_to_tokens(doc, qs, qe)
        if qs >= hi and all(ch in _GAP_OK for ch in text[hi:qs]):
            return _char_to_tokens(doc, qs, qe)
    return None


def _char_to_tokens(doc: Doc, s: int, e: int) -> tuple[int, int] | None:
    span = doc.char_span(s, e, alignment_mode="expand")
    return (span.start, span.end) if span is not None and len(span) else None


def _score(lex: dict, key: str, lemma: str, in_lexicon: bool) -> float:
    """P(cue) of a candidate: learned from PolNeAR train counts, lexicon prior otherwise."""
    learned = lex.get("learned")
    prior = 0.5 if in_lexicon else 0.0
    if not learned:
        return prior
    alpha = learned["alpha"]
    for k in (key, lemma):
        if k in learned["counts"]:
            pos, tot = learned["counts"][k]
            return (pos + alpha * prior) / (tot + alpha)
    return prior


def _verb_candidates(doc: Doc, lex: dict, quotes, threshold: float) -> list[_Cand]:
    out = []
    verbs = lex["verb_set"]
    for v in doc:
        if v.pos_ != "VERB" or v.lower_ == "according":
            continue
        lemma = v.lemma_.lower()
        content, kind = _content_of_verb(doc, v, None)
        if content is None:
            content, kind = _parenthetical_content(doc, v), "paren"
        source = _subject(v)
        if source is None:
            source = _inverted_subject(doc, v)
        if kind in ("prep", "paren") or content is None:
            q = _quote_adjacent(doc, v, source, quotes) if _in_quote(doc, v, quotes) is None else None
            if q is not None:
                content, kind = q, "quote"
        if content is None:
            continue
        key = f"{lemma}|{kind}"
        score = _score(lex, key, lemma, lemma in verbs)
        if score < threshold:
            continue
        out.append(_Cand(cue=_cue_range(doc, v, content), content=content, source=source, head=v.i,
                         score=score, key=key))
    return out


def _phrase_candidates(doc: Doc, lex: dict) -> list[_Cand]:
    out = []
    lowers = [t.lower_ for t in doc]
    for phrase in lex["phrases"]:
        n = len(phrase)
        for i in range(len(doc) - n + 1):
            if lowers[i:i + n] != phrase:
                continue
            last = doc[i + n - 1]
            pobj = [c for c in last.children if c.dep_ == "pobj"]
            if not pobj:
                continue
            source = _subtree_range(pobj[0])
            anchor = doc[i]
            head = anchor.head
            while head.dep_ not in ("ROOT",) and head.pos_ not in ("VERB", "AUX") and head.head is not head:
                head = head.head
            hs, he = _subtree_range(head)
            ps, pe = i, source[1]
            while he > pe and doc[he - 1].is_punct:
                he -= 1
            if ps <= hs:
                content = (pe, he)
            elif pe >= he:
                content = (hs, ps)
            else:
                content = (hs, he)
            out.append(_Cand(cue=(i, i + n), content=content, source=source, head=i,
                             key="phrase|" + " ".join(phrase)))
    return out


def _noun_candidates(doc: Doc, lex: dict, threshold: float) -> list[_Cand]:
    out = []
    for n in doc:
        if n.pos_ != "NOUN" or n.lemma_.lower() not in lex["noun_set"]:
            continue
        kids = list(n.children)
        clause = [c for c in kids if c.dep_ in ("acl", "ccomp") and c.i > n.i and
                  any(g.dep_ == "mark" and g.lower_ == "that" or g.lower_ == "to" for g in c.children)]
        if not clause:
            continue
        poss = [c for c in kids if c.dep_ == "poss"]
        source = _subtree_range(poss[0]) if poss else None
        if source is not None and doc[source[1] - 1].dep_ == "case":
            source = (source[0], source[1] - 1)
        key = f"noun|{n.lemma_.lower()}"
        score = _score(lex, key, key, True)
        if score < threshold:
            continue
        out.append(_Cand(cue=(n.i, n.i + 1), content=_subtree_range(clause[0]), source=source, head=n.i,
                         score=score, key=key))
    return out


# --------------------------------------------------------------------------- assembly


def _char(doc: Doc, rng: tuple[int, int]) -> tuple[int, int]:
    return doc[rng[0]].idx, doc[rng[1] - 1].idx + len(doc[rng[1] - 1])


def _extend_to_quotes(cs: int, ce: int, quotes: list[tuple[int, int]]) -> tuple[int, int]:
    for qs, qe in quotes:
        if qs < ce and cs < qe:
            cs, ce = min(cs, qs), max(ce, qe)
    return cs, ce


def _mode(text: str, quotes: list[tuple[int, int]], cs: int, ce: int,
          skip: tuple[tuple[int, int] | None, ...] = ()) -> str:
    """direct: all words of the content are quoted (the cue/source in between aside)."""
    inside = [q for q in quotes if q[0] < ce and cs < q[1]]
    if not inside:
        return "indirect"
    quoted = [False] * (ce - cs)
    for rng in list(inside) + [r for r in skip if r]:
        for k in range(max(cs, rng[0]), min(ce, rng[1])):
            quoted[k - cs] = True
    unquoted = "".join(ch for k, ch in enumerate(text[cs:ce]) if not quoted[k])
    return "direct" if not any(ch.isalnum() for ch in unquoted) else "mixed"


def _continue_quote(doc: Doc, cue, content, quotes, cue_chars) -> tuple[int, int]:
    """Extend a content ending with a quotation over quotations that continue it.

    After the sentence holding the cue, a quotation that starts right away (or
    in the next paragraph when the previous quoted paragraph was left open)
    continues the content, unless a cue of its own follows it.
    """
    text = doc.text
    cs, ce = content
    if not any(qe == ce for _, qe in quotes):
        return content
    pos = max(ce, cue[1])
    m = next((k for k in range(pos, min(len(text), pos + 200)) if text[k] in ".!?\n"), None)
    if m is None or text[m] == "\n" and pos != ce:
        return content
    pos = m + 1 if text[m] != "\n" else m
    while True:
        gap_end = pos
        while gap_end < len(text) and text[gap_end] in " \t\n\u00a0":
            gap_end += 1
        nxt = next(((qs, qe) for qs, qe in quotes if qs == gap_end), None)
        if nxt is None:
            return (cs, ce)
        if "\n" in text[pos:gap_end] and (text[ce - 1] in "\"\u201d'\u00bb" or "\n" not in text[ce:gap_end]):
            return (cs, ce)
        tail = nxt[1]
        while tail < len(text) and text[tail] not in "\n.!?":
            tail += 1
        if any(nxt[1] <= a < tail for a, _ in cue_chars):
            return (cs, ce)
        ce = nxt[1]
        pos = nxt[1]


def extract_attributions(doc: Doc) -> list[Statement]:
    """Attributed statements of a parsed document (outermost attributions only)."""
    return [st for st, _ in _extract(doc)]


def _extract(doc: Doc, threshold: float | None = None, prune: bool = True) -> list[tuple[Statement, str]]:
    """Statements with the candidate key each came from (for training/analysis)."""
    lex = _lexicon()
    if threshold is None:
        threshold = (lex.get("learned") or {}).get("threshold", 0.5)
    text = doc.text
    quotes = find_quotes(text)
    cands = _verb_candidates(doc, lex, quotes, threshold) + _phrase_candidates(doc, lex) + _noun_candidates(doc, lex, threshold)

    # a content clause must stop before a conjoined cue verb ("... momentum and said that ...")
    heads = {c.head: c for c in cands}
    for c in cands:
        for h, other in heads.items():
            if other is c or c.content is None or not (c.content[0] <= h < c.content[1]):
                continue
            tok = doc[h]
            if tok.dep_ == "conj" and tok.i > c.content[0] and _in_quote(doc, tok, quotes) is None:
                c.content = (c.content[0], min(c.content[1], tok.left_edge.i if tok.left_edge.i > c.content[0] else tok.i))

    # char ranges; extend content over the quotations it touches
    resolved = []
    for c in cands:
        content = _trim(doc, c.content)
        if content is None:
            continue
        cue = _char(doc, c.cue)
        cs, ce = _char(doc, content)
        if cs <= cue[0] < ce:
            # content must not swallow its own cue unless the cue is parenthetical
            pass
        cs, ce = _extend_to_quotes(cs, ce, quotes)
        src = _trim(doc, c.source)
        src_chars = _char(doc, src) if src else None
        resolved.append((cue, (cs, ce), src_chars, c))

    # direct quotes continued in the following sentences
    cue_chars = [r[0] for r in resolved]
    for k, (cue, content, src, c) in enumerate(resolved):
        content = _continue_quote(doc, cue, content, quotes, cue_chars)
        resolved[k] = (cue, content, src, c)

    # outermost only: drop a candidate whose cue lies inside another's content
    kept = []
    for i, (cue, content, src, c) in enumerate(resolved):
        nested = prune and any(j != i and o[1][0] <= cue[0] and cue[1] <= o[1][1] and
                     not (o[1][0] <= content[0] and content[1] <= o[1][1] and o[0] == cue)
                     for j, o in enumerate(resolved))
        if not nested:
            kept.append((cue, content, src, c.key))
    # one attribution per cue
    seen: set = set()
    statements = []
    for cue, content, src, key in sorted(kept):
        if prune and cue in seen:
            continue
        seen.add(cue)
        statements.append((Statement(
            cue=Span.of(text, *cue),
            content=Span.of(text, *content),
            source=Span.of(text, *src) if src else None,
            mode=_mode(text, quotes, *content, skip=(cue, src)),
        ), key))
    return statements
