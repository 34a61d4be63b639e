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


def _left_edge(head: Token) -> int:
    """First token of the pre-modifiers of ``head`` (contiguous, NP-internal)."""
    doc = head.doc
    i = head.i
    j = i - 1
    sent_start = head.sent.start
    while j >= sent_start:
        tok = doc[j]
        # the token must attach (possibly indirectly) inside [j+1, i]
        h = tok.head
        inside = j < h.i <= i
        if not inside or tok.dep_ not in _LEFT_DEPS | {"det"}:
            if tok.text in {'"', "'", "``"} and j - 1 >= sent_start and j < i:
                j -= 1
                continue
            break
        if tok.dep_ == "punct" and tok.text not in {'"', "'", "-", "``", "''"}:
            break
        j -= 1
    start = j + 1
    while start < i and (doc[start].lower_ in _DETS or doc[start].is_punct and doc[start].text not in {'"'}):
        start += 1
    return start


def _strip(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].lower_ in _DETS):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
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

    def add(start: int, end: int, head: int, kind: str) -> None:
        start, end = _strip(doc, start, end)
        if start >= end or (start, end) in seen or end - start > 9:
            return
        span = doc[start:end]
        key = norm(span.text)
        if not key or len(key) < 2:
            return
        seen.add((start, end))
        out.append(Candidate(start, end, head, kind, span.text, key))

    for tok in doc:
        if not _is_head(tok):
            continue
        left = _left_edge(tok)
        add(left, tok.i + 1, tok.i, "base")
        if left < tok.i:
            add(tok.i, tok.i + 1, tok.i, "head")
            # suffixes: drop leading numbers, titles, adjectives ("two bombs" -> "bombs")
            for k in range(left + 1, tok.i):
                kind = "nonum" if all(doc[x].like_num or doc[x].dep_ in {"nummod", "quantmod"} for x in range(left, k)) else (
                    "notitle" if all(doc[x].lower_.rstrip(".") in titles or doc[x].dep_ == "amod" for x in range(left, k)) else "suffix")
                add(k, tok.i + 1, tok.i, kind)
            # pre-modifier runs as fillers of their own ("fmln guerrillas", "bomb explosion")
            for j in range(left + 1, tok.i + 1):
                last = doc[j - 1]
                if last.is_alpha and not last.is_stop and not last.like_num:
                    for k in range(left, j):
                        add(k, j, j - 1, "pre")
        for child in tok.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    add(left, objs[0].i + 1, tok.i, "of")
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


def _sent_index(doc: Doc) -> dict[int, int]:
    idx = {}
    for n, s in enumerate(doc.sents):
        idx[s.start] = n
    return idx


def featurize(doc: Doc, cands: list[Candidate], priors: dict | None) -> None:
    """Fill ``c.feats`` for every candidate (strings; lower-cased; no capitals used)."""
    lex = lexicon()
    attack_v, victim_v, target_v, weapon_v = (lex[k] for k in ("attack_verbs", "victim_verbs", "target_verbs", "weapon_verbs"))
    sent_no = _sent_index(doc)
    # document-level cues
    n_attack = sum(1 for t in doc if t.lemma_.lower() in attack_v and t.pos_ == "VERB") + sum(
        1 for t in doc if t.lemma_.lower() in lex["attack_nouns"] and t.pos_ == "NOUN")
    doc_feat = f"docatt{_bucket(n_attack, (1, 3, 6, 12))}"
    first_seen: dict[str, int] = {}
    counts: dict[str, int] = {}
    head_counts: dict[str, int] = {}
    for c in cands:
        first_seen.setdefault(c.key, c.start)
        counts[c.key] = counts.get(c.key, 0) + 1
    for tok in doc:
        head_counts[tok.lemma_.lower()] = head_counts.get(tok.lemma_.lower(), 0) + 1
    sent_att: dict[int, bool] = {}
    for s in doc.sents:
        sent_att[s.start] = any(t.lemma_.lower() in attack_v or t.lemma_.lower() in lex["attack_nouns"] for t in s)
    pstr = (priors or {}).get("string", {})
    phead = (priors or {}).get("head", {})
    names = set((priors or {}).get("name_tokens", []))
    for c in cands:
        h = doc[c.head]
        hl = h.lemma_.lower()
        words = c.key.split()
        rel, gov, gov2 = _governor(h)
        s = h.sent
        sn = sent_no.get(s.start, 99)
        f = [
            "bias", f"kind={c.kind}", f"head={hl}", f"str={c.key}", f"pos={h.pos_}", f"ent={h.ent_type_ or '-'}",
            f"ntok={min(len(words), 5)}", f"rel={rel}", f"relgov={rel}|{gov}", f"gov={gov}",
            f"sent={_bucket(sn, (1, 2, 3, 5, 8))}", doc_feat, f"kind_rel={c.kind}|{rel}",
            f"first={words[0]}", f"prev={doc[c.start - 1].lower_ if c.start else '<s>'}",
            f"next={doc[c.end].lower_ if c.end < len(doc) else '</s>'}",
            f"cnt={_bucket(counts[c.key], (2, 3, 5))}", f"hcnt={_bucket(head_counts.get(hl, 0), (2, 3, 5, 9))}",
            f"firstocc={first_seen[c.key] == c.start}", f"satt={sent_att.get(s.start, False)}",
        ]
        if rel.startswith("pobj_"):
            f.append(f"relgov2={rel}|{gov}|{gov2}")
        for name, verbs in (("att", attack_v), ("vic", victim_v), ("tgt", target_v), ("wpn", weapon_v)):
            if gov in verbs:
                f.append(f"gv{name}={rel}")
        if any(ch.dep_ == "auxpass" for ch in h.head.children) and rel == "nsubjpass":
            f.append("passive_subj")
        if hl in lex["weapon_heads"] or c.key in lex["weapon_nouns"]:
            f.append("lex_weapon")
        if hl in lex["perp_nouns"] or h.lower_ in lex["perp_nouns"]:
            f.append("lex_perp")
        if hl in lex["org_heads"]:
            f.append("lex_orghead")
            if any(w in lex["org_words"] for w in words):
                f.append("lex_org")
        if hl in lex["human_nouns"] or h.lower_ in lex["human_nouns"]:
            f.append("lex_human")
        if hl in lex["target_heads"]:
            f.append("lex_target")
        if c.start and doc[c.start - 1].lower_.rstrip(".") in lex["victim_titles"]:
            f.append("title_before")
        if c.start and doc[c.start - 1].text == "(" and len(words) == 1:
            f.append("paren_single")
        if len(words) == 1 and len(c.key) <= 6 and not h.is_stop and h.pos_ == "PROPN":
            f.append("short_propn")
        if names:
            frac = sum(w in names for w in words) / len(words)
            f.append(f"namefrac={_bucket(frac, (0.01, 0.5, 0.99))}")
            f.append(f"namefrac_n={_bucket(frac, (0.01, 0.5, 0.99))}|{min(len(words), 4)}")
        for role in MUC_ROLES:
            ps = pstr.get(c.key)
            if ps:
                ratio = ps[role] / (ps["n"] + 1) if role in ps else 0.0
                f.append(f"pstr_{role}={_bucket(ratio, (0.001, 0.05, 0.15, 0.3, 0.6))}")
            else:
                f.append(f"pstr_{role}=unk")
            ph = phead.get(hl)
            if ph:
                ratio = ph[role] / (ph["n"] + 1) if role in ph else 0.0
                f.append(f"phead_{role}={_bucket(ratio, (0.001, 0.05, 0.15, 0.3, 0.6))}")
            else:
                f.append(f"phead_{role}=unk")
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

