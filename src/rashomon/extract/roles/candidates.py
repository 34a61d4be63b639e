"""Noun-phrase candidates for role fillers and their features (case-independent)."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .lexicon import MUC_ROLES, lexicon

_LEFT_DEPS = {"compound", "amod", "nmod", "nummod", "quantmod", "poss", "npadvmod", "nn", "punct", "case"}
_DETS = {"a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "some", "any"}
_HEAD_POS = {"NOUN", "PROPN"}
_NAME_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "attr", "agent", "compound", "npadvmod", "ROOT", "dative", "oprd"}
_PUNCT = set(string.punctuation) | {"``", "''"}
_ARTICLES = re.compile(r"\b(a|an|the)\b")


def norm(text: str) -> str:
    """The CEAF-REE mention normalisation (lower, no punctuation, no articles)."""
    text = "".join(ch for ch in text.lower() if ch not in _PUNCT)
    return " ".join(_ARTICLES.sub(" ", text).split())


@dataclass(slots=True)
class Candidate:
    """One possible filler string: a token span around a head token."""

    start: int  # token index
    end: int  # token index (exclusive)
    head: int  # token index of the head noun
    kind: str  # base | head | of | notitle | nonum
    text: str = ""
    key: str = ""  # normalised text
    feats: list[str] = field(default_factory=list)


class _Toks:
    """Per-token attributes of a document read once (spaCy token access is slow)."""

    __slots__ = ("text", "lower", "idx", "punct", "space", "dep", "head", "num", "alpha", "stop", "sent_start", "doc_text")

    def __init__(self, doc: Doc):
        toks = list(doc)
        self.text = [t.text for t in toks]
        self.lower = [t.lower_ for t in toks]
        self.idx = [t.idx for t in toks]
        self.punct = [t.is_punct for t in toks]
        self.space = [t.is_space for t in toks]
        self.dep = [t.dep_ for t in toks]
        self.head = [t.head.i for t in toks]
        self.num = [t.like_num for t in toks]
        self.alpha = [t.is_alpha for t in toks]
        self.stop = [t.is_stop for t in toks]
        self.sent_start = [0] * len(toks)
        for s in doc.sents:
            for i in range(s.start, s.end):
                self.sent_start[i] = s.start
        self.doc_text = doc.text

    def span_text(self, start: int, end: int) -> str:
        return self.doc_text[self.idx[start] : self.idx[end - 1] + len(self.text[end - 1])]


_LEFT_OK = _LEFT_DEPS | {"det"}
_QUOTES = {'"', "'", "``"}
_PUNCT_OK = {'"', "'", "-", "``", "''"}


def _left_edge(t: _Toks, i: int) -> int:
    """First token of the pre-modifiers of token ``i`` (contiguous, NP-internal)."""
    j = i - 1
    sent_start = t.sent_start[i]
    while j >= sent_start:
        # the token must attach (possibly indirectly) inside [j+1, i]
        inside = j < t.head[j] <= i
        dep = t.dep[j]
        if not inside or dep not in _LEFT_OK:
            if t.text[j] in _QUOTES and j - 1 >= sent_start and j < i:
                j -= 1
                continue
            break
        if dep == "punct" and t.text[j] not in _PUNCT_OK:
            break
        j -= 1
    start = j + 1
    while start < i and (t.lower[start] in _DETS or t.punct[start] and t.text[start] != '"'):
        start += 1
    return start


def _strip(t: _Toks, start: int, end: int) -> tuple[int, int]:
    while start < end and (t.punct[start] or t.space[start] or t.lower[start] in _DETS):
        start += 1
    while end > start and (t.punct[end - 1] or t.space[end - 1]):
        end -= 1
    return start, end


def _is_head(tok: Token) -> bool:
    if tok.is_punct or tok.is_space or tok.like_num or len(tok.text) < 2:
        return False
    if tok.pos_ in _HEAD_POS:
        # a compound modifier is not a head unless it is the last of a name run
        if tok.dep_ in {"compound", "nmod"} and tok.head.i == tok.i + 1:
            return False
        return True
    # lower-cased names are often mis-tagged; accept nominal positions
    if tok.dep_ in {"compound", "amod", "nmod"} and tok.head.i > tok.i:
        return False
    return tok.pos_ in {"X", "ADJ", "VERB", "ADV"} and tok.dep_ in _NAME_DEPS | {"acl", "prep"} and tok.is_alpha and not tok.is_stop


def candidates(doc: Doc) -> list[Candidate]:
    """All candidate spans of ``doc`` (several variants per head)."""
    lex = lexicon()
    titles = lex["victim_titles"]
    out: list[Candidate] = []
    seen: set[tuple[int, int]] = set()
    t = _Toks(doc)

    def add(start: int, end: int, head: int, kind: str) -> None:
        start, end = _strip(t, start, end)
        if start >= end or (start, end) in seen or end - start > 9:
            return
        text = t.span_text(start, end)
        key = norm(text)
        if not key or len(key) < 2:
            return
        seen.add((start, end))
        out.append(Candidate(start, end, head, kind, text, key))

    for tok in doc:
        if not _is_head(tok):
            continue
        i = tok.i
        left = _left_edge(t, i)
        add(left, i + 1, i, "base")
        if left < i:
            add(i, i + 1, i, "head")
            # suffixes: drop leading numbers, titles, adjectives ("two bombs" -> "bombs")
            for k in range(left + 1, i):
                kind = "nonum" if all(t.num[x] or t.dep[x] in {"nummod", "quantmod"} for x in range(left, k)) else (
                    "notitle" if all(t.lower[x].rstrip(".") in titles or t.dep[x] == "amod" for x in range(left, k)) else "suffix")
                add(k, i + 1, i, kind)
            # pre-modifier runs as fillers of their own ("fmln guerrillas", "bomb explosion")
            for j in range(left + 1, i + 1):
                if t.alpha[j - 1] and not t.stop[j - 1] and not t.num[j - 1]:
                    for k in range(left, j):
                        add(k, j, j - 1, "pre")
        for child in tok.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    add(left, objs[0].i + 1, i, "of")
    return out


def _bucket(x: float, edges: tuple[float, ...]) -> int:
    for i, e in enumerate(edges):
        if x < e:
            return i
    return len(edges)


def _governor(tok: Token) -> tuple[str, str, str]:
    """(relation, governing lemma, second-order lemma) for the head token; climbs conj/appos."""
    t = tok
    for _ in range(3):
        if t.dep_ in {"conj", "appos"} and t.head is not t:
            t = t.head
        else:
            break
    dep = t.dep_
    gov = t.head
    if dep == "pobj":
        prep = gov
        return f"pobj_{prep.lower_}", prep.head.lemma_.lower(), prep.head.dep_
    if dep == "agent" or (dep == "pobj" and gov.lower_ == "by"):
        return "agent", gov.head.lemma_.lower(), ""
    if dep in {"compound", "nmod", "amod"}:
        return dep, gov.lemma_.lower(), gov.dep_
    return dep, gov.lemma_.lower(), gov.dep_


def _prior_feats(key_or_head: str, table: dict, kind: str) -> list[str]:
    """``pstr_<role>=bucket`` / ``phead_<role>=bucket`` of a string or head lemma."""
    ps = table.get(key_or_head)
    out = []
    for role in MUC_ROLES:
        if ps:
            ratio = ps[role] / (ps["n"] + 1) if role in ps else 0.0
            out.append(f"{kind}_{role}={_bucket(ratio, (0.001, 0.05, 0.15, 0.3, 0.6))}")
        else:
            out.append(f"{kind}_{role}=unk")
    return out


def featurize(doc: Doc, cands: list[Candidate], priors: dict | None) -> None:
    """Fill ``c.feats`` for every candidate (strings; lower-cased; no capitals used).

    Head-token, string and head-lemma features are computed once per document and shared
    by the candidates (several variants per head, several occurrences per string)."""
    lex = lexicon()
    attack_v, victim_v, target_v, weapon_v = (lex[k] for k in ("attack_verbs", "victim_verbs", "target_verbs", "weapon_verbs"))
    attack_n = lex["attack_nouns"]
    toks = list(doc)
    lemmas = [t.lemma_.lower() for t in toks]
    lowers = [t.lower_ for t in toks]
    pos = [t.pos_ for t in toks]
    # document-level cues
    n_attack = sum(1 for l, p in zip(lemmas, pos) if (l in attack_v and p == "VERB") or (l in attack_n and p == "NOUN"))
    doc_feat = f"docatt{_bucket(n_attack, (1, 3, 6, 12))}"
    first_seen: dict[str, int] = {}
    counts: dict[str, int] = {}
    for c in cands:
        first_seen.setdefault(c.key, c.start)
        counts[c.key] = counts.get(c.key, 0) + 1
    head_counts: dict[str, int] = {}
    for l in lemmas:
        head_counts[l] = head_counts.get(l, 0) + 1
    sent_of: dict[int, tuple[int, bool]] = {}  # token index -> (sentence number, has attack word)
    for n, s in enumerate(doc.sents):
        att = any(lemmas[i] in attack_v or lemmas[i] in attack_n for i in range(s.start, s.end))
        for i in range(s.start, s.end):
            sent_of[i] = (n, att)
    pstr = (priors or {}).get("string", {})
    phead = (priors or {}).get("head", {})
    names = set((priors or {}).get("name_tokens", []))
    head_cache: dict[int, tuple] = {}
    pstr_cache: dict[str, list[str]] = {}
    phead_cache: dict[str, list[str]] = {}
    weapon_heads, weapon_nouns, perp_nouns = lex["weapon_heads"], lex["weapon_nouns"], lex["perp_nouns"]
    for c in cands:
        hc = head_cache.get(c.head)
        if hc is None:
            h = toks[c.head]
            hl = lemmas[c.head]
            rel, gov, gov2 = _governor(h)
            sn, att = sent_of.get(c.head, (99, False))
            pre = [f"head={hl}", f"pos={h.pos_}", f"ent={h.ent_type_ or '-'}"]
            post = [f"rel={rel}", f"relgov={rel}|{gov}", f"gov={gov}", f"sent={_bucket(sn, (1, 2, 3, 5, 8))}", doc_feat]
            tail = [f"hcnt={_bucket(head_counts.get(hl, 0), (2, 3, 5, 9))}"]
            ctx = [f"satt={att}"]
            if rel.startswith("pobj_"):
                ctx.append(f"relgov2={rel}|{gov}|{gov2}")
            for name, verbs in (("att", attack_v), ("vic", victim_v), ("tgt", target_v), ("wpn", weapon_v)):
                if gov in verbs:
                    ctx.append(f"gv{name}={rel}")
            if rel == "nsubjpass" and any(ch.dep_ == "auxpass" for ch in h.head.children):
                ctx.append("passive_subj")
            hc = head_cache[c.head] = (pre, post, tail, ctx, rel, hl)
        pre, post, tail, ctx, rel, hl = hc
        h_lower = lowers[c.head]
        words = c.key.split()
        f = ["bias", f"kind={c.kind}", pre[0], f"str={c.key}", pre[1], pre[2], f"ntok={min(len(words), 5)}",
             *post, f"kind_rel={c.kind}|{rel}",
             f"first={words[0]}", f"prev={lowers[c.start - 1] if c.start else '<s>'}",
             f"next={lowers[c.end] if c.end < len(toks) else '</s>'}",
             f"cnt={_bucket(counts[c.key], (2, 3, 5))}", *tail,
             f"firstocc={first_seen[c.key] == c.start}", *ctx]
        if hl in weapon_heads or c.key in weapon_nouns:
            f.append("lex_weapon")
        if hl in perp_nouns or h_lower in perp_nouns:
            f.append("lex_perp")
        if hl in lex["org_heads"]:
            f.append("lex_orghead")
            if any(w in lex["org_words"] for w in words):
                f.append("lex_org")
        if hl in lex["human_nouns"] or h_lower in lex["human_nouns"]:
            f.append("lex_human")
        if hl in lex["target_heads"]:
            f.append("lex_target")
        if c.start and lowers[c.start - 1].rstrip(".") in lex["victim_titles"]:
            f.append("title_before")
        if c.start and toks[c.start - 1].text == "(" and len(words) == 1:
            f.append("paren_single")
        if len(words) == 1 and len(c.key) <= 6 and pos[c.head] == "PROPN" and not toks[c.head].is_stop:
            f.append("short_propn")
        if names:
            frac = sum(w in names for w in words) / len(words)
            f.append(f"namefrac={_bucket(frac, (0.01, 0.5, 0.99))}")
            f.append(f"namefrac_n={_bucket(frac, (0.01, 0.5, 0.99))}|{min(len(words), 4)}")
        ps = pstr_cache.get(c.key)
        if ps is None:
            ps = pstr_cache[c.key] = _prior_feats(c.key, pstr, "pstr")
        ph = phead_cache.get(hl)
        if ph is None:
            ph = phead_cache[hl] = _prior_feats(hl, phead, "phead")
        for a, b in zip(ps, ph):
            f.append(a)
            f.append(b)
        c.feats = f


@dataclass(slots=True)
class KeyCandidate:
    """All occurrences of one normalised string in a document, with pooled features."""

    key: str
    occurrences: list[Candidate]
    feats: list[str]


def pool(cands: list[Candidate]) -> list[KeyCandidate]:
    """Group candidates by normalised text; features are the union over occurrences."""
    groups: dict[str, list[Candidate]] = {}
    for c in cands:
        groups.setdefault(c.key, []).append(c)
    out = []
    for key, occ in groups.items():
        feats = set()
        for c in occ:
            feats.update(c.feats)
        sents = sorted(f for f in feats if f.startswith("sent="))
        feats.add("minsent=" + (sents[0][5:] if sents else "?"))
        feats.add(f"nocc={_bucket(len(occ), (2, 3, 5, 9))}")
        out.append(KeyCandidate(key, occ, sorted(feats)))
    return out

