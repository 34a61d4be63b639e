"""Noun-phrase candidates for role fillers and their features (case-independent)."""

from __future__ import annotations

import functools
import re
import string
from bisect import bisect_right
from collections import Counter
from itertools import chain
from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_ALPHA, IS_PUNCT, IS_SPACE, IS_STOP, LEMMA, LIKE_NUM, LOWER, ORTH, POS
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc

from rashomon.nlp.model import doc_text

from .lexicon import MUC_ROLES, lexicon

_LEFT_DEPS = {"compound", "amod", "nmod", "nummod", "quantmod", "poss", "npadvmod", "nn", "punct", "case"}
_DETS = {"a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "some", "any"}
_HEAD_POS = {"NOUN", "PROPN"}
_NAME_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "attr", "agent", "compound", "npadvmod", "ROOT", "dative", "oprd"}
_PUNCT = set(string.punctuation) | {"``", "''"}
_ARTICLES = re.compile(r"\b(a|an|the)\b")


_DROP_PUNCT = str.maketrans("", "", "".join(ch for ch in _PUNCT if len(ch) == 1))


@functools.lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """The CEAF-REE mention normalisation (lower, no punctuation, no articles)."""
    text = text.lower().translate(_DROP_PUNCT)
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


_CLAUSE_DEPS = {"nsubj", "nsubjpass", "aux", "auxpass"}


_ATTRS = (ORTH, LOWER, IDX, IS_PUNCT, IS_SPACE, DEP, HEAD, LIKE_NUM, IS_ALPHA, IS_STOP, POS, LEMMA, ENT_TYPE)


class _Toks:
    """Per-token attributes of a document read once (spaCy token access is slow): one
    ``doc.to_array`` call, strings looked up once per distinct value, no Token objects (``toks``,
    the Token list, is made on first use)."""

    __slots__ = ("_doc", "_toks", "text", "lower", "idx", "punct", "space", "dep", "head", "num", "alpha", "stop",
                 "sent_start", "sent_starts", "doc_text", "pos", "lemma", "lemma_lower", "ent_type", "clause_heads")

    def __init__(self, doc: Doc):
        self._doc = doc
        self._toks = None
        n = len(doc)
        arr = doc.to_array(list(_ATTRS)).reshape(n, len(_ATTRS))
        strings = doc.vocab.strings
        orth, lower, dep, lemma, ent = (arr[:, _ATTRS.index(a)].tolist() for a in (ORTH, LOWER, DEP, LEMMA, ENT_TYPE))
        names = {h: strings[h] for h in set(orth).union(lower, dep, lemma, ent)}
        get = names.__getitem__
        self.text = list(map(get, orth))
        self.lower = list(map(get, lower))
        self.dep = list(map(get, dep))
        self.lemma = list(map(get, lemma))
        lowered = {h: names[h].lower() for h in set(lemma)}
        self.lemma_lower = list(map(lowered.__getitem__, lemma))
        self.ent_type = list(map(get, ent))
        self.idx = arr[:, _ATTRS.index(IDX)].tolist()
        self.punct, self.space, self.num, self.alpha, self.stop = (
            arr[:, _ATTRS.index(a)].astype(bool).tolist() for a in (IS_PUNCT, IS_SPACE, LIKE_NUM, IS_ALPHA, IS_STOP))
        # HEAD is the offset to the head as an unsigned 64-bit integer (two's complement)
        self.head = (arr[:, _ATTRS.index(HEAD)].view(np.int64) + np.arange(n, dtype=np.int64)).tolist()
        pos = arr[:, _ATTRS.index(POS)].tolist()
        pos_names = {h: POS_NAMES[h] for h in set(pos)}
        self.pos = list(map(pos_names.__getitem__, pos))
        # verbs with a subject or an auxiliary of their own ("they were charged") head clauses, not names
        self.clause_heads = {self.head[j] for j, d in enumerate(self.dep) if d in _CLAUSE_DEPS}
        self.sent_start = [0] * n
        self.sent_starts = []  # (start, end) of each sentence
        for s in doc.sents:
            self.sent_starts.append((s.start, s.end))
            self.sent_start[s.start:s.end] = [s.start] * (s.end - s.start)
        self.doc_text = doc_text(doc)

    @property
    def toks(self) -> list:
        """The document's Token objects (made on first use)."""
        if self._toks is None:
            self._toks = list(self._doc)
        return self._toks

    def span_text(self, start: int, end: int) -> str:
        return self.doc_text[self.idx[start] : self.idx[end - 1] + len(self.text[end - 1])]


def doc_tokens(doc: Doc) -> _Toks:
    """The token table of ``doc``, built once and kept on the document (candidates, features and the
    claimant rule of one document share it)."""
    t = doc.user_data.get("rashomon_role_tokens")
    if t is None or len(t.text) != len(doc):
        t = doc.user_data["rashomon_role_tokens"] = _Toks(doc)
    return t


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


def _is_head(t: _Toks, i: int) -> bool:
    if t.punct[i] or t.space[i] or t.num[i] or len(t.text[i]) < 2:
        return False
    pos, dep = t.pos[i], t.dep[i]
    if pos in _HEAD_POS:
        # a compound modifier is not a head unless it is the last of a name run
        if dep in {"compound", "nmod"} and t.head[i] == i + 1:
            return False
        return True
    # lower-cased names are often mis-tagged; accept nominal positions
    if dep in {"compound", "amod", "nmod"} and t.head[i] > i:
        return False
    if pos == "VERB" and i in t.clause_heads:
        return False
    return pos in {"X", "ADJ", "VERB", "ADV"} and dep in _NAME_DEPS | {"acl", "prep"} and t.alpha[i] and not t.stop[i]


def candidates(doc: Doc) -> list[Candidate]:
    """All candidate spans of ``doc`` (several variants per head)."""
    lex = lexicon()
    titles = lex["victim_titles"]
    out: list[Candidate] = []
    seen: set[tuple[int, int]] = set()
    t = doc_tokens(doc)

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

    # each head's "of" complements to the right, in order, by the first object of each ("the killing of X")
    first_pobj: dict[int, int] = {}
    for j, (d, h) in enumerate(zip(t.dep, t.head)):
        if d == "pobj" and h != j:
            first_pobj.setdefault(h, j)
    of_objs: dict[int, list[int]] = {}
    for j, (d, w, h) in enumerate(zip(t.dep, t.lower, t.head)):
        if d == "prep" and w == "of" and j > h and j in first_pobj:
            of_objs.setdefault(h, []).append(first_pobj[j])
    for i in range(len(t.text)):
        if not _is_head(t, i):
            continue
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
        for obj in of_objs.get(i, ()):
            add(left, obj + 1, i, "of")
    return out


def _bucket(x: float, edges: tuple[float, ...]) -> int:
    """Index of the first edge above ``x`` (``len(edges)`` if none); edges ascending."""
    return bisect_right(edges, x)


def _governor(t: _Toks, lemmas: list[str], i: int) -> tuple[str, str, str]:
    """(relation, governing lemma, second-order lemma) for head token ``i``; climbs conj/appos."""
    for _ in range(3):
        if t.dep[i] in {"conj", "appos"}:
            i = t.head[i]
        else:
            break
    dep = t.dep[i]
    gov = t.head[i]
    if dep == "pobj":  # the preposition, then what it attaches to
        return f"pobj_{t.lower[gov]}", lemmas[t.head[gov]], t.dep[t.head[gov]]
    if dep == "agent":
        return "agent", lemmas[t.head[gov]], ""
    return dep, lemmas[gov], t.dep[gov]


def _prior_feats(key_or_head: str, table: dict, kind: str) -> list[str]:
    """``pstr_<role>=bucket`` / ``phead_<role>=bucket`` of a string or head lemma."""
    names = _PRIOR_NAMES.get(kind)
    if names is None:
        names = _PRIOR_NAMES[kind] = [[f"{kind}_{role}={b}" for b in range(len(_PRIOR_EDGES) + 1)] + [f"{kind}_{role}=unk"]
                                      for role in MUC_ROLES]
    ps = table.get(key_or_head)
    if not ps:
        return [row[-1] for row in names]
    n1 = ps["n"] + 1
    return [row[bisect_right(_PRIOR_EDGES, ps[role] / n1 if role in ps else 0.0)] for row, role in zip(names, MUC_ROLES)]


_PRIOR_EDGES = (0.001, 0.05, 0.15, 0.3, 0.6)
_PRIOR_NAMES: dict[str, list[list[str]]] = {}  # kind -> per role: the feature of each bucket, then "unk"
_PRIOR_CACHES: dict[int, tuple] = {}


def _prior_caches(priors: dict | None) -> tuple[set[str], dict[str, list[str]], dict[str, list[str]]]:
    """Name-token set and prior-feature caches (string, head lemma) of a priors table, kept across
    documents (the table is kept alive with them, so its id stays its own)."""
    entry = _PRIOR_CACHES.get(id(priors))
    if entry is None or entry[0] is not priors:
        if len(_PRIOR_CACHES) > 4:
            _PRIOR_CACHES.clear()
        entry = _PRIOR_CACHES[id(priors)] = (priors, set((priors or {}).get("name_tokens", [])), {}, {})
    return entry[1], entry[2], entry[3]


def featurize(doc: Doc, cands: list[Candidate], priors: dict | None) -> None:
    """Fill ``c.feats`` for every candidate (strings; lower-cased; no capitals used).

    Head-token, string and head-lemma features are computed once per document and shared
    by the candidates (several variants per head, several occurrences per string)."""
    lex = lexicon()
    attack_v, victim_v, target_v, weapon_v = (lex[k] for k in ("attack_verbs", "victim_verbs", "target_verbs", "weapon_verbs"))
    attack_n = lex["attack_nouns"]
    tt = doc_tokens(doc)
    lemmas = tt.lemma_lower
    lowers = tt.lower
    pos = tt.pos
    # document-level cues
    n_attack = sum(1 for l, p in zip(lemmas, pos) if (l in attack_v and p == "VERB") or (l in attack_n and p == "NOUN"))
    doc_feat = f"docatt{_bucket(n_attack, (1, 3, 6, 12))}"
    first_seen: dict[str, int] = {}
    counts: dict[str, int] = {}
    for c in cands:
        first_seen.setdefault(c.key, c.start)
        counts[c.key] = counts.get(c.key, 0) + 1
    head_counts = Counter(lemmas)
    # token index -> (its sentence's ``sent=`` feature, has the sentence an attack word)
    sent_of: list[tuple[str, bool]] = [(_SENT_FEATS[-1], False)] * len(tt.text)
    for n, (s_start, s_end) in enumerate(tt.sent_starts):
        att = any(lemmas[i] in attack_v or lemmas[i] in attack_n for i in range(s_start, s_end))
        sent_of[s_start:s_end] = [(_SENT_FEATS[min(n, 8)], att)] * (s_end - s_start)
    pstr = (priors or {}).get("string", {})
    phead = (priors or {}).get("head", {})
    names, pstr_cache, phead_cache = _prior_caches(priors)
    head_cache: dict[int, tuple] = {}
    kh_cache: dict[tuple[str, str, str, str], tuple] = {}
    weapon_heads, weapon_nouns, perp_nouns = lex["weapon_heads"], lex["weapon_nouns"], lex["perp_nouns"]
    org_heads, org_words, human_nouns = lex["org_heads"], lex["org_words"], lex["human_nouns"]
    target_heads, victim_titles = lex["target_heads"], lex["victim_titles"]
    texts = tt.text
    n_toks = len(texts)
    ent_types, stops = tt.ent_type, tt.stop
    heads = tt.head
    auxpass_heads = {h for j, (d, h) in enumerate(zip(tt.dep, heads)) if d == "auxpass" and h != j}  # have an auxpass child
    prev_cache: dict[int, tuple[str, bool, bool]] = {}
    next_cache: dict[int, str] = {}
    kind_cache: dict[tuple[str, str], tuple[str, str]] = {}
    namefrac_cache: dict[tuple[int, int], tuple[str, str]] = {}
    for c in cands:
        hc = head_cache.get(c.head)
        if hc is None:
            hl = lemmas[c.head]
            rel, gov, gov2 = _governor(tt, lemmas, c.head)
            sent_feat, att = sent_of[c.head]
            pre = [f"head={hl}", f"pos={pos[c.head]}", f"ent={ent_types[c.head] or '-'}"]
            post = [f"rel={rel}", f"relgov={rel}|{gov}", f"gov={gov}", sent_feat, doc_feat]
            tail = [_HCNT_FEATS[min(head_counts.get(hl, 0), 9)]]
            ctx = [f"satt={att}"]
            if rel.startswith("pobj_"):
                ctx.append(f"relgov2={rel}|{gov}|{gov2}")
            for name, verbs in (("att", attack_v), ("vic", victim_v), ("tgt", target_v), ("wpn", weapon_v)):
                if gov in verbs:
                    ctx.append(f"gv{name}={rel}")
            if rel == "nsubjpass" and heads[c.head] in auxpass_heads:
                ctx.append("passive_subj")
            hc = head_cache[c.head] = (pre, post, tail, ctx, rel, hl)
        pre, post, tail, ctx, rel, hl = hc
        h_lower = lowers[c.head]
        kh_key = (c.key, hl, h_lower, pos[c.head])  # is_stop follows the lower-cased form
        kh = kh_cache.get(kh_key)
        if kh is None:  # features of the string and its head word, shared by the string's occurrences
            words = c.key.split()
            lexf = []
            if hl in weapon_heads or c.key in weapon_nouns:
                lexf.append("lex_weapon")
            if hl in perp_nouns or h_lower in perp_nouns:
                lexf.append("lex_perp")
            if hl in org_heads:
                lexf.append("lex_orghead")
                if any(w in org_words for w in words):
                    lexf.append("lex_org")
            if hl in human_nouns or h_lower in human_nouns:
                lexf.append("lex_human")
            if hl in target_heads:
                lexf.append("lex_target")
            tailf = []
            if len(words) == 1 and len(c.key) <= 6 and pos[c.head] == "PROPN" and not stops[c.head]:
                tailf.append("short_propn")
            if names:
                nf_key = (sum(w in names for w in words), len(words))
                nf = namefrac_cache.get(nf_key)
                if nf is None:
                    frac = nf_key[0] / nf_key[1]
                    nf = namefrac_cache[nf_key] = (f"namefrac={_bucket(frac, (0.01, 0.5, 0.99))}",
                                                   f"namefrac_n={_bucket(frac, (0.01, 0.5, 0.99))}|{min(len(words), 4)}")
                tailf += nf
            ps = pstr_cache.get(c.key)
            if ps is None:
                ps = pstr_cache[c.key] = _prior_feats(c.key, pstr, "pstr")
            ph = phead_cache.get(hl)
            if ph is None:
                ph = phead_cache[hl] = _prior_feats(hl, phead, "phead")
            tailf += chain.from_iterable(zip(ps, ph))  # pstr, phead of each role in turn
            kh = kh_cache[kh_key] = (f"str={c.key}", _NTOK_FEATS[min(len(words), 5)], f"first={words[0]}",
                                     _CNT_FEATS[min(counts[c.key], 5)], lexf, tailf, len(words) == 1)
        s_key, s_ntok, s_first, s_cnt, lexf, tailf, single = kh
        start, end = c.start, c.end
        before = prev_cache.get(start)
        if before is None:  # the token before the span: its feature, a title?, an opening bracket?
            before = prev_cache[start] = (f"prev={lowers[start - 1] if start else '<s>'}",
                                          bool(start) and lowers[start - 1].rstrip(".") in victim_titles,
                                          bool(start) and texts[start - 1] == "(")
        prev, title_before, paren_before = before
        nxt = next_cache.get(end)
        if nxt is None:
            nxt = next_cache[end] = f"next={lowers[end] if end < n_toks else '</s>'}"
        kind = c.kind
        kf = kind_cache.get((kind, rel))
        if kf is None:
            kf = kind_cache[(kind, rel)] = (f"kind={kind}", f"kind_rel={kind}|{rel}")
        f = ["bias", kf[0], pre[0], s_key, pre[1], pre[2], s_ntok,
             *post, kf[1],
             s_first, prev, nxt,
             s_cnt, *tail,
             "firstocc=True" if first_seen[c.key] == start else "firstocc=False", *ctx, *lexf]
        if title_before:
            f.append("title_before")
        if paren_before and single:
            f.append("paren_single")
        f.extend(tailf)
        c.feats = f


# bucketed-count features by count (the last entry serves all larger counts)
_SENT_FEATS = tuple(f"sent={_bucket(n, (1, 2, 3, 5, 8))}" for n in range(9))
_HCNT_FEATS = tuple(f"hcnt={_bucket(n, (2, 3, 5, 9))}" for n in range(10))
_CNT_FEATS = tuple(f"cnt={_bucket(n, (2, 3, 5))}" for n in range(6))
_NTOK_FEATS = tuple(f"ntok={n}" for n in range(6))

_SENT_AT = 10  # index of the ``sent=`` feature in a featurized candidate's list


@dataclass(slots=True)
class KeyCandidate:
    """All occurrences of one normalised string in a document, with pooled features."""

    key: str
    occurrences: list[Candidate]
    feats: list[str]


_NOCC_ONE = f"nocc={_bucket(1, (2, 3, 5, 9))}"


def pool(cands: list[Candidate]) -> list[KeyCandidate]:
    """Group candidates by normalised text; features are the union over occurrences."""
    groups: dict[str, list[Candidate]] = {}
    for c in cands:
        g = groups.get(c.key)
        if g is None:
            groups[c.key] = [c]
        else:
            g.append(c)
    out = []
    for key, occ in groups.items():
        # sorted lists, not sets: a feature list is in good part ordered already, which the sort uses
        if len(occ) == 1:  # most strings occur once
            fs = occ[0].feats
            if len(fs) > _SENT_AT and fs[_SENT_AT].startswith("sent="):  # where featurize puts it
                sent = fs[_SENT_AT]
            else:
                sent = min((f for f in fs if f.startswith("sent=")), default=None)
            # the two pooled features sorted in with the rest (a repeat of one is dropped below)
            feats = sorted([*fs, "minsent=" + (sent[5:] if sent else "?"), _NOCC_ONE])
            if len(set(feats)) != len(feats):
                feats = list(dict.fromkeys(feats))  # drop repeats (stays sorted)
        else:
            sents = set()
            for c in occ:
                fs = c.feats
                if len(fs) > _SENT_AT and fs[_SENT_AT].startswith("sent="):
                    sents.add(fs[_SENT_AT])
                else:
                    sents.update(f for f in fs if f.startswith("sent="))
            extras = ("minsent=" + (min(sents)[5:] if sents else "?"), f"nocc={_bucket(len(occ), (2, 3, 5, 9))}")
            feats = list(dict.fromkeys(sorted(chain(chain.from_iterable(c.feats for c in occ), extras))))
        out.append(KeyCandidate(key, occ, feats))
    return out

