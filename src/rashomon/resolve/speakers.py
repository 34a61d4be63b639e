"""Canonical speaker resolution inside one document (rule-based, no coreference model).

Walks the document once, in token order, over person names, organisations, role noun
phrases ("the Russian president", "the campaign", "officials") and pronouns, keeping a
small entity table:

- person names cluster by name tokens (full name <-> surname <-> title + surname); two
  people sharing a surname stay apart and a bare surname goes to the most recent one;
- titles and modifiers met next to a name ("Russian President Vladimir Putin",
  "Putin, the Russian president") are recorded, so that a later "the Russian president"
  or "the president" resolves to the nearest preceding person holding that title;
- he/she resolve to the most salient compatible person (recency in sentences, subjects
  and previous speakers preferred, gender from first names, titles and earlier pronouns);
  mentions inside quotations do not count as recent for a pronoun outside them, and a named
  main-clause subject earlier in the sentence wins ("X faced criticism after he asked");
  they/it to groups and organisations (nearest in the sentence, not places or documents);
- epithets ("the former first lady", "the 34-year-old") go to the previous main subject;
  "the film" to the latest titled work;
- an unresolved role keeps a role-based canonical ("head of the Federal Security Service").

Public API: :func:`resolve_speakers` and :func:`resolve_mentions`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace

from spacy.attrs import IS_ALPHA, IS_SPACE, LEMMA, LIKE_NUM, ORTH, POS
from spacy.symbols import AUX, NOUN, PRON, PROPN, VERB
from spacy.tokens import Doc, Token

from rashomon.data import load_json
from rashomon.extract.places import fold, in_byline, lookup, names_with_and
from rashomon.extract.roles.responsibility import name_given
from rashomon.models import Mention, Span, Statement
from rashomon.nlp.syntax import relative_antecedent
from rashomon.nlp.casing import is_cased
from rashomon.nlp.model import doc_text

__all__ = ["resolve_speakers", "resolve_mentions", "speaker_kind_of_name"]

PERSON_LABELS = {"PERSON"}
ORG_LABELS = {"ORG", "GPE", "NORP", "FAC", "LOC"}
SUBJ_DEPS = {"nsubj", "nsubjpass", "csubj"}
DETS = {"the", "a", "an", "this", "that", "these", "those", "some", "another", "its", "their", "his", "her",
        "our", "my", "your"}
NAME_TYPES = {"GPE", "LOC", "ORG", "FAC", "NORP"}
LOCATIVE_PREPS = {"in", "at", "near", "across", "throughout", "around", "outside", "inside", "from", "into"}
OPEN_QUOTES = {"“", "``", "‘‘"}
CLOSE_QUOTES = {"”", "''", "’’"}
AGE_EPITHET = re.compile(r"\b\d+ ?- ?year ?- ?old\b")
POSSESSIVE = {"'s", "’s", "'", "’"}
HEADLINE_VERBS = {"says", "said", "calls", "seeks", "urges", "slams", "rips", "warns", "gives", "hits", "wins",
                  "claims", "denies", "admits", "vows", "blasts", "backs", "defends", "hid", "hides", "breaks", "sees", "asks"}
TITLE_ALIASES = {"sen": "senator", "gov": "governor", "rep": "representative", "gen": "general", "pres": "president",
                 "col": "colonel", "lt": "lieutenant", "capt": "captain", "maj": "major", "adm": "admiral", "sgt": "sergeant",
                 "congressman": "representative", "congresswoman": "representative", "lawmaker": "representative"}


def _load(name: str) -> dict:
    return load_json(f"speakers/{name}.json")


@functools.lru_cache(maxsize=1)
def _lex() -> dict:
    roles = _load("roles")
    orgs = _load("orgs")
    names = _load("first_names")
    prons = _load("pronouns")
    titles = {t.lower() for t in roles["person_titles"]}
    return {
        "titles": titles,
        "title_heads": {t.split()[-1] for t in titles},
        "masc_titles": set(roles["gender"]["masc"]),
        "fem_titles": set(roles["gender"]["fem"]),
        "honorifics": set(roles["honorifics"]),
        "head_of": set(roles["head_of"]),
        "group_nouns": set(roles["group_nouns"]),
        "media": set(orgs["media"]),
        "government": set(orgs["government"]),
        "organisation": set(orgs["organisation"]),
        "armed": set(orgs["armed_groups"]),
        "source_nouns": set(orgs["source_nouns"]),
        "generic_org": set(orgs["generic_org_nouns"]),
        "works": set(orgs.get("works", [])),
        "masc_names": set(names["masc"]),
        "fem_names": set(names["fem"]),
        "prons": {k: set(v) for k, v in prons.items()},
        "speech_verbs": set(roles.get("speech_verbs", [])),
        "relations": set(roles.get("relation_nouns", [])),
    }


@functools.lru_cache(maxsize=8192)
def _norm(text: str) -> str:
    text = text.replace("’", "'").lower()
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w\s.-]", " ", text)
    words = [w.strip(".") for w in text.split()]
    return " ".join(w for w in words if w and w not in DETS)


def _words(text: str) -> list[str]:
    return _norm(text).split()


def _phrase_hits(words: list[str], vocab: set[str]) -> bool:
    """Whether a phrase of ``vocab`` occurs as whole words in ``words``: looked up by word n-gram
    (the same answer as searching each phrase in the joined words, without a pass over the list)."""
    if not words:
        joined = " " + " ".join(words) + " "
        return any((" " + v + " ") in joined for v in vocab)
    phrases, longest = _phrase_index(vocab)
    n = len(words)
    for size in range(1, min(longest, n) + 1):
        for i in range(n - size + 1):
            if (words[i] if size == 1 else " ".join(words[i:i + size])) in phrases:
                return True
    return False


_PHRASE_INDEX: dict[int, tuple[set[str], int, frozenset[str], int]] = {}


def _phrase_index(vocab: set[str]) -> tuple[frozenset[str], int]:
    """The phrases of a word list and the most words one has (kept per list object)."""
    entry = _PHRASE_INDEX.get(id(vocab))
    if entry is None or entry[0] is not vocab or entry[1] != len(vocab):
        longest = max((v.count(" ") + 1 for v in vocab), default=0)
        entry = _PHRASE_INDEX[id(vocab)] = (vocab, len(vocab), frozenset(vocab), longest)
    return entry[2], entry[3]


@functools.lru_cache(maxsize=8192)
def speaker_kind_of_name(text: str, label: str | None = None) -> str:
    """Kind of a non-person speaker from its words: media, government, group or organisation."""
    lx = _lex()
    words = _words(text)
    if not words:
        return "unknown"
    if _phrase_hits(words, lx["media"]):
        return "media"
    if _phrase_hits(words, lx["armed"]) and words[-1] not in lx["group_nouns"]:
        return "organisation"
    if label == "GPE" or _phrase_hits(words, lx["government"]):
        return "government"
    if label == "NORP" or words[-1] in lx["group_nouns"] or _phrase_hits(words, lx["armed"]):
        return "group"
    return "organisation"


@dataclass
class _Entity:
    id: int
    kind: str  # person | organisation | government | media | group
    name: str
    name_tokens: list[str] = field(default_factory=list)  # lower-case name words (persons)
    titles: set[str] = field(default_factory=set)
    mods: set[str] = field(default_factory=set)
    gender: str | None = None
    plural: bool = False
    aliases: set[str] = field(default_factory=set)
    count: int = 0
    last_tok: int = -1
    last_sent: int = -1
    last_subject_sent: int = -10**6
    last_speaker_sent: int = -10**6
    named: bool = True  # False for role-based canonicals
    ner: bool = False  # introduced by a named-entity mention
    last_out_sent: int = -1  # last sentence with a mention outside quotation marks
    last_main_subject_sent: int = -10**6  # subject of a sentence's main verb
    main_subject_tok: int = -1
    subject_count: int = 0  # mentions as a subject
    locative: bool = False  # last mentioned as a place ("shootings in Chicago"), not as an actor
    aside: bool = False  # last mentioned inside an apposition ("X, a division of Y": Y)
    inanimate: bool = False  # a document or work ("the statement", "the report"): not "they"/"we"
    group_name: bool = False  # the name a group goes by ("a group called X"): never a person's, even tagged so

    @property
    def surname(self) -> str | None:
        return self.name_tokens[-1] if self.name_tokens else None


@dataclass(frozen=True)
class _PronounWeights:
    """Weights of the pronoun antecedent score (set by hand), one profile per pronoun class."""

    max_distance: int  # sentences
    subject: float
    recent_speaker: float
    per_mention: float
    agreement: float
    named: float
    same_sentence: float
    main_subject: float
    nearest: float  # the closest candidate in the same sentence
    parallel: float  # a subject pronoun and the previous sentence's main subject


_PERSON_PRONOUN = _PronounWeights(12, 0.8, 0.5, 0.12, 0.6, 0.4, 0.3, 0.8, 0.0, 0.0)   # he, she
_GROUP_PRONOUN = _PronounWeights(8, 0.6, 0.5, 0.1, 0.5, 0.0, 0.0, 0.4, 0.3, 0.3)      # they, it, we


class _Resolver:
    def __init__(self, doc: Doc, speaker_heads: set[int] | None = None):
        self._text = doc_text(doc)
        self.doc = doc
        self.lx = _lex()
        self.entities: list[_Entity] = []
        self.tok_entity: dict[int, _Entity] = {}  # mention head token -> entity
        self.mentions: list[tuple[int, int, str, _Entity]] = []  # (start_tok, end_tok, label, entity)
        self.speaker_heads = speaker_heads or set()
        # tokens are made on demand (doc[i], slices are Spans): the walk looks at few of them, and
        # their attributes are read once as columns (no Token object per token)
        self.toks = toks = doc
        n = len(doc)
        orth, lemma, pos, alpha, num, space = doc.to_array(
            [ORTH, LEMMA, POS, IS_ALPHA, LIKE_NUM, IS_SPACE]).reshape(n, 6).T.tolist()
        self._orth, self._pos = orth, pos
        words = [a == 1 or b == 1 for a, b in zip(alpha, num)]  # alphabetic or number-like
        self._space = [x == 1 for x in space]
        strings = doc.vocab.strings
        self.sent_of = [0] * n
        sent_start = [0] * n
        si = 0
        for sent in doc.sents:  # a "sentence" of only quote marks or spaces does not count as distance
            a, b = sent.start, sent.end
            if any(words[a:b]):
                si += 1
            self.sent_of[a:b] = [si] * (b - a)
            sent_start[a:b] = [a] * (b - a)
        self.ent_of: dict[int, object] = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                self.ent_of[i] = ent
        self.in_quote = self._quoted(doc, toks)
        self.cased = is_cased(self._text)
        self.done: set[int] = set()  # tokens of named entities already walked
        self.surnames: set[str] = set()  # surnames of named persons met so far
        speech = {strings[v] for v in self.lx["speech_verbs"]}  # hashes: no string per token
        verb_pos = {VERB, AUX}
        for i, lem in enumerate(lemma):  # subjects of speech verbs count as speakers ("Matthews said ...")
            if lem in speech and pos[i] in verb_pos and not self.in_quote[i]:
                t = toks[i]
                subjs = [c for c in t.children if c.dep_ == "nsubj"]
                self.speaker_heads.update(c.i for c in subjs)
                # "People like Scott, he said.": words reported before a trailing "he said" are content
                for c in subjs:
                    start = sent_start[t.i]
                    if c.pos_ == "PRON" and c.i == t.i - 1 and c.i - start >= 3 and toks[c.i - 1].is_punct:
                        for i in range(start, c.i):
                            self.in_quote[i] = True

    def _quoted(self, doc: Doc, toks: list[Token]) -> list[bool]:
        """Whether each token is inside quotation marks (reset at each paragraph)."""
        strings = doc.vocab.strings
        opening = {strings[q] for q in OPEN_QUOTES}
        closing = {strings[q] for q in CLOSE_QUOTES}
        straight = strings['"']
        space = self._space
        out = [False] * len(toks)
        inside, start = False, -1
        for i, orth in enumerate(self._orth):
            closes = orth in closing or (orth == straight and inside)
            if closes and i - start - 1 <= 4:  # a quoted name or phrase ("the extraditables"), not speech
                out[start + 1:i] = [False] * (i - start - 1)
            if orth in opening or (orth == straight and not inside):
                inside, start = True, i
            elif closes:
                inside = False
            elif space[i] and "\n" in strings[orth]:
                inside = False
            else:
                out[i] = inside
        return out

    # ------------------------------------------------------------------ helpers
    def _new(self, kind: str, name: str, **kw) -> _Entity:
        e = _Entity(id=len(self.entities), kind=kind, name=name, **kw)
        self.entities.append(e)
        return e

    def _touch(self, e: _Entity, head: Token, start: int, end: int, label: str) -> _Entity:
        e.count += 1
        e.last_tok = head.i
        e.last_sent = self.sent_of[head.i]
        if head.dep_ in SUBJ_DEPS or (head.dep_ == "compound" and head.head.dep_ in SUBJ_DEPS and label != "PRON"):
            e.last_subject_sent = e.last_sent
            e.subject_count += 1
        subj = head if head.dep_ in SUBJ_DEPS else head.head if head.dep_ == "compound" and label != "PRON" else None
        quoted = self.in_quote[head.i]
        if subj is not None and subj.dep_ in SUBJ_DEPS and not quoted and (
                subj.head.dep_ == "ROOT" or (subj.head.dep_ == "conj" and subj.head.head.dep_ == "ROOT")):
            e.last_main_subject_sent, e.main_subject_tok = e.last_sent, head.i
        if not quoted:
            e.last_out_sent = e.last_sent
        up, e.aside = head, False
        for _ in range(4):
            if up.dep_ == "appos" and up.i != head.i:
                e.aside = True
                break
            if up.head == up:
                break
            up = up.head
        e.locative = label in ("GPE", "LOC", "FAC") and head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS
        if head.i in self.speaker_heads or any(i in self.speaker_heads for i in range(start, end)):
            e.last_speaker_sent = e.last_sent
        for i in range(start, end):
            self.tok_entity.setdefault(i, e)
        self.tok_entity[head.i] = e
        self.mentions.append((start, end, label, e))
        return e

    def _person_name_tokens(self, toks: list[Token]) -> tuple[list[str], set[str], list[Token]]:
        """Split an entity's tokens into name words and title words."""
        titles: set[str] = set()
        name: list[Token] = []
        for t in toks:
            low = t.text.lower()
            if t.text in POSSESSIVE or t.is_punct or low in DETS:
                continue
            if not name and (low in self.lx["honorifics"] or low in self.lx["titles"]):
                titles.add(TITLE_ALIASES.get(low.rstrip("."), low.rstrip(".")))
                continue
            name.append(t)
        while len(name) > 1 and name[-1].text.lower() in HEADLINE_VERBS:
            name.pop()
        return [t.text.lower().replace("’", "'") for t in name], titles, name

    def _context_titles(self, first: Token, last: Token) -> tuple[set[str], set[str]]:
        """Titles and modifiers written around a name: premodifiers and appositions."""
        titles: set[str] = set()
        mods: set[str] = set()
        doc = self.doc
        # premodifiers: "Russian President", "Democratic presidential nominee", "former Secretary of State"
        i = first.i - 1
        while i >= 0 and i >= first.i - 6:
            t = doc[i]
            low = t.text.lower().rstrip(".")
            if t.is_punct or t.text in POSSESSIVE:
                break
            if low in self.lx["titles"] or t.lemma_.lower() in self.lx["titles"] or low in self.lx["honorifics"]:
                titles.add(t.lemma_.lower().rstrip(".") if t.pos_ == "NOUN" else low)
            elif t.pos_ in ("ADJ", "PROPN", "NOUN") or t.ent_type_ in ("NORP", "GPE", "ORG"):
                if t.ent_type_ == "PERSON":
                    break
                mods.add(low)
            elif low in ("of", "state", "former", "then"):
                pass
            else:
                break
            i -= 1
        # appositions: "Putin, the Russian president," / "the president, Vladimir Putin"
        head = last
        while head.head != head and first.i <= head.head.i <= last.i:
            head = head.head
        cands = [c for c in head.children if c.dep_ == "appos"]
        if head.dep_ == "appos":
            cands.append(head.head)
        for c in cands:
            if c.i >= first.i and c.i <= last.i:
                continue
            lem = c.lemma_.lower()
            if lem in self.lx["titles"] or c.text.lower() in self.lx["titles"]:
                titles.add(lem)
                for m in c.children:
                    if m.dep_ in ("amod", "compound", "nmod") and m.i < c.i:
                        mods.add(m.text.lower())
                    if m.dep_ == "poss":
                        mods.add(_norm(m.text))
                    if m.dep_ == "prep" and m.text.lower() in ("of", "for"):
                        for p in m.children:
                            if p.dep_ == "pobj":
                                mods.update(w for w in _words(" ".join(x.text for x in p.subtree)))
        titles = {TITLE_ALIASES.get(t.rstrip("."), t.rstrip(".")) for t in titles if t}
        return titles, mods

    def _gender_of_name(self, toks: list[str], titles: set[str]) -> str | None:
        if titles & self.lx["masc_titles"]:
            return "masc"
        if titles & self.lx["fem_titles"]:
            return "fem"
        if toks:
            first = toks[0]
            if first in self.lx["masc_names"]:
                return "masc"
            if first in self.lx["fem_names"]:
                return "fem"
        return None

    # ------------------------------------------------------------------ persons
    def _person(self, toks: list[Token], label: str = "PERSON") -> _Entity | None:
        words, titles, name_toks = self._person_name_tokens(toks)
        if not words:
            return None
        ctx_titles, mods = self._context_titles(toks[0], toks[-1])
        titles |= ctx_titles
        words = [w for w in words if w not in ("jr.", "jr", "sr.", "sr", "iii", "ii")] or words
        ent = self._match_person(words)
        name_text = self._text[name_toks[0].idx: name_toks[-1].idx + len(name_toks[-1].text)]
        if ent is None:
            ent = self._new("person", name_text, name_tokens=words)
        elif len(words) > len(ent.name_tokens) and set(ent.name_tokens) <= set(words):
            ent.name, ent.name_tokens = name_text, words
        ent.titles |= titles
        ent.mods |= mods
        self.surnames.add(ent.surname)
        g = self._gender_of_name(words, titles | mods)
        if g and not ent.gender:
            ent.gender = g
        head = toks[-1]
        for t in toks:
            if t.head.i < toks[0].i or t.head.i > toks[-1].i or t.head == t:
                head = t
                break
        return self._touch(ent, head, toks[0].i, toks[-1].i + 1, label)

    def _match_person(self, words: list[str]) -> _Entity | None:
        persons = [e for e in self.entities if e.kind == "person" and e.named]
        if not persons:
            return None
        ws = set(words)
        # exact / subset matches, most recent first
        ordered = sorted(persons, key=lambda e: -e.last_tok)
        if len(words) >= 2:
            for e in ordered:
                if e.name_tokens == words:
                    return e
            for e in ordered:
                es = set(e.name_tokens)
                if len(es) >= 2 and (ws <= es or es <= ws) and e.surname == words[-1]:
                    return e
            for e in ordered:  # earlier bare surname, now a full name
                if len(e.name_tokens) == 1 and e.name_tokens[0] == words[-1]:
                    # only when no other full-name person shares that surname
                    others = [o for o in persons if o is not e and o.surname == words[-1]]
                    g = self._gender_of_name(words, set())
                    if not others and not (g and e.gender and g != e.gender):
                        return e
            return None
        w = words[0]
        bearers = [e for e in ordered if e.surname == w]
        if bearers:
            # shared surname: the bearer most often a subject (the story's actor), then the most recent;
            # a relative named in passing ("a photo of Heidi Cruz") does not take over "Cruz"
            return max(bearers, key=lambda e: (e.subject_count, e.last_tok))
        for e in ordered:
            if w in e.name_tokens:
                return e
        return None

    def _known_surname(self, toks: list[Token]) -> bool:
        """A one-word name (any tag) equal to the surname of a person named before: touch that person."""
        words = [t for t in toks if t.text not in POSSESSIVE and not t.is_punct]
        if len(words) != 1 or not words[0].text[:1].isupper() or words[0].is_sent_start and words[0].pos_ != "PROPN":
            return False
        low = words[0].text.lower().replace("’", "'")
        if low not in self.surnames:
            return False
        e = self._match_person([low])
        if e is None:
            return False
        self._touch(e, words[0], toks[0].i, toks[-1].i + 1, "PERSON")
        return True

    # ------------------------------------------------------------------ organisations
    def _extend_org(self, toks: list[Token]) -> list[Token]:
        """An organisation name the tagger cut at 'for/of': "U.S. Court of Appeals for the Sixth Circuit"."""
        doc, out = self.doc, list(toks)
        j = toks[-1].i + 1
        if toks[-1].lower_ in ("of", "for") and len(toks) > 1:  # "the Union of ... of" + "<Country>"
            k = j + (j < len(doc) and doc[j].lower_ == "the")
            while k < len(doc) and doc[k].is_title and doc[k].ent_type_ != "PERSON":
                k += 1
            if k > j and doc[k - 1].pos_ == "PROPN":
                out.extend(doc[j:k])
                self.done.update(range(j, k))
                j = k
        while j + 1 < len(doc) and doc[j].lower_ in ("for", "of") and self.sent_of[j] == self.sent_of[toks[0].i]:
            k = j + 1 + (doc[j + 1].lower_ == "the")
            ext: list[Token] = []
            while k < len(doc) and doc[k].ent_type_ != "PERSON" and (doc[k].is_title or (
                    doc[k].lower_ == "of" and ext and k + 1 < len(doc) and doc[k + 1].is_title)):
                ext.append(doc[k])
                k += 1
            if not ext or ext[-1].pos_ != "PROPN" or ext[-1].lower_ == "of":
                break
            out.extend(doc[j:k])
            self.done.update(range(j, k))
            j = k
        return out

    def _org(self, toks: list[Token], label: str) -> _Entity | None:
        cut = next((k for k, t in enumerate(toks) if t.text == "("), None)
        if cut and not any(t.text == ")" for t in toks[cut:]):
            toks = toks[:cut]  # "the Armed Front for X (AFX" as the tagger cut it: the acronym follows as an alias
        if label == "ORG":
            toks = self._extend_org(toks)
        # ("Al-Shabaab" as written; "Workers' Union" keeps its space)
        text = "".join(t.whitespace_ if t.text in POSSESSIVE else t.text_with_ws for t in toks).strip()
        key = _norm(text)
        if not key:
            return None
        # a bare surname tagged ORG/GPE by the tagger
        words = key.split()
        if len(words) == 1 and label in ("ORG", "GPE", "NORP"):
            for e in sorted(self.entities, key=lambda e: -e.last_tok):
                if e.kind == "person" and e.named and e.surname == words[0]:
                    return self._touch(e, toks[-1], toks[0].i, toks[-1].i + 1, "PERSON")
        ent = None
        for e in sorted(self.entities, key=lambda e: -e.last_tok):
            if e.kind == "person":
                continue
            if key in e.aliases:
                ent = e
                break
        if ent is None and len(words) == 1:
            for e in sorted(self.entities, key=lambda e: -e.last_tok):
                if e.kind in ("media", "organisation", "government") and len(_words(e.name)) > 1 \
                        and _words(e.name)[-1] == words[0] and words[0] not in self.lx["government"]:
                    ent = e
                    break
        if ent is None:
            name = text
            if name.lower().startswith("the "):
                name = name[4:]
            ent = self._new(speaker_kind_of_name(text, label), name, plural=label == "NORP", ner=True)
            ent.aliases.add(key)
            acro = "".join(w[0] for w in text.split() if w[:1].isupper() and w.lower() not in DETS)
            if len(acro) >= 2:
                ent.aliases.add(acro.lower())
        if ent.name.isupper() and not text.isupper() and key in ent.aliases:
            # a name first met in an ALL-CAPS headline takes its written case from the body ("Greenland Police")
            ent.name = text[4:] if text.lower().startswith("the ") else text
        # "(FSB)" right after the name is an alias
        nxt = toks[-1].i + 1
        if nxt + 2 < len(self.doc) and self.doc[nxt].text == "(" and self.doc[nxt + 2].text == ")":
            ent.aliases.add(self.doc[nxt + 1].text.lower())
        return self._touch(ent, toks[-1], toks[0].i, toks[-1].i + 1, label)

    # ------------------------------------------------------------------ role nouns
    def _np_tokens(self, head: Token, places_only: bool = False) -> list[Token]:
        """The head's noun phrase: left modifiers plus 'of/for/at/in X' complements; no appositions or clauses.
        ``places_only``: 'at/in X' only when X is a name ("the government in Kabul", not "in dramatic fashion")."""
        keep = [head]
        for c in head.lefts:
            keep.extend(c.subtree)
        for c in head.rights:
            low = c.text.lower()
            if c.dep_ == "prep" and low in ("at", "in") and places_only and not any(
                    p.dep_ == "pobj" and (p.ent_type_ in NAME_TYPES or p.pos_ == "PROPN") for p in c.children):
                continue
            if c.dep_ == "prep" and low in ("of", "for", "at", "in"):
                keep.extend(c.subtree)
        keep.sort(key=lambda t: t.i)
        # cut parentheses, appositions and trailing punctuation
        out: list[Token] = []
        depth = 0
        for t in keep:
            if t.text == "(":
                depth += 1
                continue
            if t.text == ")":
                depth -= 1
                continue
            if depth or (t.dep_ == "appos" and t.i > head.i):
                continue
            out.append(t)
        while out and (out[-1].is_punct or out[-1].text in POSSESSIVE):
            out.pop()
        while out and (out[0].is_punct):
            out.pop(0)
        return out

    def _role_canonical(self, toks: list[Token]) -> str:
        words = [t for t in toks if not (t.i == toks[0].i and t.lower_ in DETS)]
        if not words:
            return ""
        return self._text[words[0].idx: words[-1].idx + len(words[-1].text)].strip()

    def _role(self, head: Token) -> _Entity | None:
        """Resolve a role noun phrase headed by a title noun ('the president')."""
        toks = self._np_tokens(head) or [head]
        # a name inside the phrase or in apposition wins ("the president, Joe Biden")
        for c in list(head.children) + ([head.head] if head.dep_ == "appos" else []):
            if c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.i not in self.tok_entity and c.i in self.ent_of:
                ent = self.ent_of[c.i]  # "the minister of the economy, Mr. X, argues": walk the name now
                if not any(x.i in self.done for x in ent):
                    self._person([x for x in ent])
                    self.done.update(x.i for x in ent)
            if c.dep_ in ("appos", "compound") or c is head.head:
                if c.ent_type_ == "PERSON" and c.i in self.tok_entity:
                    return self._touch(self.tok_entity[c.i], head, toks[0].i, toks[-1].i + 1, "ROLE")
        last = toks[-1]
        ent = self.ent_of.get(last.i)
        if ent is not None and ent.label_ == "PERSON" and ent.start > head.i and ent.end - 1 == last.i:
            # "chief of staff Olena Marchuk said": a title phrase ending in the name is that person
            if last.i not in self.tok_entity and not any(x.i in self.done for x in ent):
                self._person([x for x in ent])
                self.done.update(x.i for x in ent)
            if last.i in self.tok_entity and self.tok_entity[last.i].kind == "person":
                return self._touch(self.tok_entity[last.i], head, toks[0].i, toks[-1].i + 1, "ROLE")
        title = TITLE_ALIASES.get(head.lemma_.lower(), head.lemma_.lower())
        low_words = [t.text.lower() for t in toks]
        det = toks[0].lower_ if toks else ""
        has_of = any(t.dep_ == "prep" and t.head == head and t.lower_ in ("of", "for") for t in toks)
        mods = {t.text.lower() for t in toks if t.i < head.i and t.lower_ not in DETS
                and t.pos_ in ("ADJ", "PROPN", "NOUN") and t.text.lower() not in self.lx["titles"]}
        poss = [t for t in toks if t.dep_ == "poss" and t.head == head]
        compound_title = " ".join(w for w in low_words if w not in DETS)
        definite = det in ("the", "this", "that") or bool(poss)
        plural = head.tag_ in ("NNS", "NNPS")
        if definite and not plural and not has_of:
            best = None
            for e in sorted(self.entities, key=lambda e: -e.last_tok):
                if e.kind != "person" or not e.named:
                    continue
                if title in e.titles or compound_title in e.titles:
                    if mods and e.mods and not (mods & e.mods) and not (mods <= {"former", "current", "new", "then"}):
                        continue
                    best = e
                    break
            if best is not None:
                return self._touch(best, head, toks[0].i, toks[-1].i + 1, "ROLE")
        of_objs = [p for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "for")
                   for p in c.children if p.dep_ == "pobj"]
        if det == "the" and not plural and not poss and all(p.like_num for p in of_objs) and (
                "former" in low_words or AGE_EPITHET.search(self._role_canonical(toks).lower())):
            # an epithet ("the former first lady", "the 34-year-old mother of three") for the person
            # who was the main subject a sentence ago
            g = "masc" if (title in self.lx["masc_titles"] or compound_title in self.lx["masc_titles"]) else \
                "fem" if (title in self.lx["fem_titles"] or compound_title in self.lx["fem_titles"]) else None
            sent = self.sent_of[head.i]
            for e in sorted(self.entities, key=lambda e: -e.last_tok):
                if e.kind == "person" and e.named and 0 <= sent - e.last_main_subject_sent <= 1 \
                        and e.last_tok < head.i and not (g and e.gender and g != e.gender):
                    return self._touch(e, head, toks[0].i, toks[-1].i + 1, "ROLE")
        name = self._role_canonical(toks)
        key = _norm(name)
        for e in self.entities:
            if not e.named and _norm(e.name) == key and definite:
                return self._touch(e, head, toks[0].i, toks[-1].i + 1, "ROLE")
        kind = "group" if plural else "person"
        gender = "masc" if title in self.lx["masc_titles"] else "fem" if title in self.lx["fem_titles"] else None
        ent = self._new(kind, name, titles={title}, mods=mods, gender=gender, plural=plural, named=False)
        ent.aliases.add(key)
        return self._touch(ent, head, toks[0].i, toks[-1].i + 1, "ROLE")

    def _latest_title(self, head: Token, window: int = 10) -> str | None:
        """The latest WORK_OF_ART name or short capitalised quoted title before ``head``."""
        sent = self.sent_of[head.i]
        i = head.i - 1
        close = None
        while i >= 0 and sent - self.sent_of[i] <= window:
            t = self.toks[i]
            ent = self.ent_of.get(i)
            if ent is not None and ent.label_ == "WORK_OF_ART":
                return self._text[ent.start_char:ent.end_char].strip("“”\"'‘’ ")
            if t.text in CLOSE_QUOTES or t.text in ("’", "'", '"'):
                close = i
            elif (t.text in OPEN_QUOTES or t.text in ("‘", "'", '"')) and close is not None \
                    and 1 <= close - i - 1 <= 5:
                inner = self.toks[i + 1:close]
                if (inner[0].text[:1].isupper() or inner[0].text[:1].isdigit()) and not any(
                        x.pos_ in ("VERB", "AUX") or x.is_punct for x in inner):
                    return self._text[inner[0].idx: inner[-1].idx + len(inner[-1].text)]
                close = None
            i -= 1
        return None

    def _org_noun(self, head: Token) -> _Entity | None:
        """'the campaign', 'the newspaper', 'Clinton's campaign', 'officials', 'state television'."""
        low = head.lemma_.lower()
        people = low in self.lx["group_nouns"] or head.lower_ in self.lx["group_nouns"]
        # "resigned from the network in dramatic fashion": only people nouns take 'in/at X' ("officials in Kyiv")
        toks = self._np_tokens(head, places_only=not people) or [head]
        if head.dep_ == "appos" and not people:  # "the Paris agreement, the first accord ...": the named head
            anchor = head.head
            if anchor.i in self.tok_entity and self.tok_entity[anchor.i].named:
                return self._touch(self.tok_entity[anchor.i], head, toks[0].i, toks[-1].i + 1, "ORGNOUN")
            ent_span = self.ent_of.get(anchor.i)
            if ent_span is not None and ent_span.label_ not in ("PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL",
                                                                  "MONEY", "PERCENT", "QUANTITY", "GPE", "LOC"):
                text = self._text[ent_span.start_char:ent_span.end_char]
                if text.lower().startswith("the "):
                    text = text[4:]
                key = _norm(text)
                ent = next((e for e in self.entities if key in e.aliases), None) or self._new(
                    speaker_kind_of_name(text), text, named=True, ner=True)
                ent.aliases.add(key)
                return self._touch(ent, head, toks[0].i, toks[-1].i + 1, "ORGNOUN")
        det = toks[0].lower_ if toks else ""
        name = self._role_canonical(toks)
        for c in head.children:  # "an outfit calling itself X", "a group known as X"
            if c.dep_ == "acl" and c.lemma_.lower() in ("call", "name", "know", "identify", "describe"):
                props = [t for t in c.subtree if t.pos_ == "PROPN" or (t.ent_type_ and t.ent_type_ != "PERSON" and not t.is_punct)]
                if not props and (named := name_given(head)) is not None:  # (the name hung elsewhere by the parser)
                    props = list(head.doc[named.left_edge.i:named.i + 1])
                if props:
                    text = self._text[props[0].idx: props[-1].idx + len(props[-1].text)]
                    ent = self._new(speaker_kind_of_name(text), text, named=True)
                    ent.aliases.add(_norm(text))
                    return self._touch(ent, head, toks[0].i, props[-1].i + 1, "ORGNOUN")
        key = _norm(name)
        if low in self.lx["works"] and det in ("the", "this") and key == low:
            # "the film" -> the work already called so, else the latest titled work ("13th", WORK_OF_ART)
            ent = next((e for e in reversed(self.entities) if e.named and key in e.aliases), None)
            work = self._latest_title(head) if ent is None else None
            if work is not None:
                wkey = _norm(work)
                ent = next((e for e in self.entities if wkey in e.aliases), None) \
                    or self._new("media", work, named=True)
                ent.aliases.update((wkey, key))
            if ent is not None:
                return self._touch(ent, head, toks[0].i, toks[-1].i + 1, "ORGNOUN")
        kind = speaker_kind_of_name(name)
        if head.lower_ in self.lx["group_nouns"] or head.lemma_.lower() in self.lx["group_nouns"] and head.tag_ == "NNS":
            kind = "group"
        only_head = key in (low, head.lower_)
        definite = det in ("the", "this", "that") or any(t.dep_ == "poss" and t.head == head for t in toks)
        sent = self.sent_of[head.i]
        if definite and kind != "group" and head.tag_ not in ("NNS", "NNPS"):
            mods = [w for w in key.split() if w not in (low, head.lower_)]
            recent = [e for e in sorted(self.entities, key=lambda e: -e.last_tok)
                      if e.kind != "person" and e.last_tok < head.i and (e.ner or e.named)
                      and set(_words(e.name)) - {low, head.lower_, *mods}]  # not just "Bank" tagged as a name
            for e in recent:  # an organisation whose name has the noun (and the modifiers): "the appeals court"
                if e.kind == "group" or e.plural:
                    continue  # "campaign aides" are people, not the campaign
                ew = _words(e.name) + [a for al in e.aliases for a in al.split()]
                heads = {_words(e.name)[-1]} | {al.split()[-1] for al in e.aliases if al}
                if not e.ner and not heads & {low, head.lower_}:
                    continue  # a descriptive phrase counts only by its head: not "the appeals court ruling"
                if (low in ew or head.lower_ in ew) and all(m in ew or m.rstrip("s") in ew for m in mods):
                    return self._touch(e, head, toks[0].i, toks[-1].i + 1, "ORGNOUN")
            if only_head and (low in self.lx["generic_org"] or low in self.lx["media"]):
                # else the latest named organisation nearby ("the bank" -> Wells Fargo), not one named in an
                # aside ("X, a division of Y")
                for e in sorted(recent, key=lambda e: e.aside):
                    if e.ner and e.kind in ("organisation", "media", "government") and sent - e.last_sent <= 6:
                        if e.kind == "government" and (low not in self.lx["government"] or (
                                low not in _PLACE_NOUNS and self._only_a_place(e))):
                            continue  # "killed six people in Kaduna ... The army said": no speaker yet ("the
                            # city said" is the city's)
                        if e.kind == "media" and low not in self.lx["media"]:
                            continue  # "the bank" is not the newspaper quoted before it
                        return self._touch(e, head, toks[0].i, toks[-1].i + 1, "ORGNOUN")
        for e in self.entities:
            if key in e.aliases:
                return self._touch(e, head, toks[0].i, toks[-1].i + 1, "ORGNOUN")
        ent = self._new(kind, name, plural=head.tag_ in ("NNS", "NNPS"), named=not only_head,
                        inanimate=low in self.lx["source_nouns"])
        ent.aliases.add(key)
        return self._touch(ent, head, toks[0].i, toks[-1].i + 1, "ORGNOUN")

    def _only_a_place(self, e: _Entity) -> bool:
        """A place the tagger found whose every mention so far tells where ("in Kaduna", "the town of Kaduna"),
        none acting, or that the gazetteer does not know ("Gunmen killed ..." tagged as a place)."""
        toks = [self.doc[i] for i, x in self.tok_entity.items() if x is e]
        if not toks or any(t.ent_type_ != "GPE" for t in toks):
            return False  # an agency ("the VA"), not a place the tagger saw
        if lookup(e.name) is None:
            return True
        return all(t.dep_ in ("pobj", "compound") and t.head.lower_ in _LOCATIVE or
                                  t.head.dep_ == "pobj" and t.head.head.lower_ in _LOCATIVE for t in toks)

    # ------------------------------------------------------------------ pronouns
    def _pronoun(self, tok: Token) -> _Entity | None:
        low = tok.lower_
        p = self.lx["prons"]
        if low in p["masc"] or low in p["fem"]:
            gender = "masc" if low in p["masc"] else "fem"
            people = [e for e in self.entities if e.kind == "person" and not e.plural
                      and not (e.gender and e.gender != gender)]
            best = self._antecedent(tok, people, lambda e: e.gender == gender, _PERSON_PRONOUN)
            if best is not None and not best.gender:
                best.gender = gender
        elif low in p["plural"] or low in p["neuter"] or low in p["first_pl"]:
            want_plural = low in p["plural"] or low in p["first_pl"]
            groups = [e for e in self.entities if (not (e.kind == "person" and not e.plural)
                                                   or (low in p["plural"] and self._maybe_org(e)))
                      and not (e.inanimate and low not in p["neuter"] and not e.plural)]
            def penalty(e: _Entity) -> float:  # a place named as a location is not "they"
                pen = 0.3 if low == "they" and e.kind == "government" and not e.plural else 0.0
                return pen + (0.5 if want_plural and e.locative else 0.0) + (0.3 if e.kind == "person" else 0.0)
            best = self._antecedent(tok, groups, lambda e: e.plural == want_plural, _GROUP_PRONOUN, penalty)
        else:
            return None
        return self._touch(best, tok, tok.i, tok.i + 1, "PRON") if best is not None else None

    def _maybe_org(self, e: _Entity) -> bool:
        """A one-word 'person' with no first name, title or gender: possibly an organisation the tagger
        took for a person ("Politifact did a fact-check")."""
        return e.kind == "person" and e.named and len(e.name_tokens) == 1 and not e.gender and not e.titles \
            and e.name_tokens[0] not in self.lx["masc_names"] and e.name_tokens[0] not in self.lx["fem_names"]

    def _antecedent(self, tok: Token, candidates: list[_Entity], agrees, w: "_PronounWeights",
                    penalty=None) -> _Entity | None:
        """The best-scoring earlier entity for a pronoun: recency first, then subjecthood, recent
        speech, salience, agreement (gender or number), a name, the same sentence."""
        sent = self.sent_of[tok.i]
        outside = not self.in_quote[tok.i]
        best, best_score = None, -1e9
        nearest = max((e.last_tok for e in candidates if e.last_sent == sent and 0 <= e.last_tok < tok.i), default=-1)
        for e in candidates:
            if e.last_tok < 0 or e.last_tok >= tok.i:
                continue
            # outside quotes, mentions inside quotations (another speaker's words) do not count as recent
            last = e.last_out_sent if outside and e.last_out_sent >= 0 else e.last_sent
            d = sent - last + (1 if outside and e.last_out_sent < 0 else 0)
            if d > w.max_distance:
                continue
            score = -1.0 * d
            score += w.subject if e.last_subject_sent == last else 0.0
            if outside and e.named and e.last_main_subject_sent == sent and e.main_subject_tok < tok.i:
                score += w.main_subject  # "X did Y after he asked": the main clause's subject
            elif outside and tok.dep_ in SUBJ_DEPS and e.last_main_subject_sent == sent - 1 == last:
                score += w.parallel  # "X sent a communique to Y ... They also recommend": subject to subject
            score += w.recent_speaker if sent - e.last_speaker_sent <= 2 else 0.0
            score += w.per_mention * min(e.count, 8)
            score += w.agreement if agrees(e) else 0.0
            score += w.named if e.named else 0.0
            score += w.same_sentence if d == 0 else 0.0
            score += w.nearest if d == 0 and e.last_tok == nearest else 0.0
            if penalty is not None:
                score -= penalty(e)
            if score > best_score:
                best, best_score = e, score
        return best

    # ------------------------------------------------------------------ main walk
    def _is_role_head(self, t: Token) -> bool:
        if t.pos_ not in ("NOUN", "PROPN"):
            return False
        lem = t.lemma_.lower()
        if lem in self.lx["group_nouns"] or t.lower_ in self.lx["group_nouns"]:
            return False
        return lem in self.lx["title_heads"] or t.lower_ in self.lx["title_heads"]

    def _is_org_noun(self, t: Token) -> bool:
        if t.pos_ not in ("NOUN", "PROPN"):
            return False
        lem, low = t.lemma_.lower(), t.lower_
        return (lem in self.lx["group_nouns"] or low in self.lx["group_nouns"] or lem in self.lx["source_nouns"]
                or lem in self.lx["organisation"] or lem in self.lx["media"] or lem in self.lx["government"]
                or low in self.lx["armed"])  # "the extraditables", "the guerrillas"

    def run(self) -> "_Resolver":
        done = self.done
        pronouns = set().union(*(self.lx["prons"][k] for k in ("masc", "fem", "plural", "neuter", "first_pl")))
        # only entity tokens, nouns, names and pronouns can do anything below: the others are skipped
        # without a Token object (same walk, same order)
        ent_of, pos, all_toks = self.ent_of, self._pos, self.toks
        nominal = {NOUN, PROPN, PRON}
        byline = _byline_tokens(self.doc)  # "By A Writer": the reporter is no one the story's "he" can be
        for i in range(len(all_toks)):
            if pos[i] not in nominal and i not in ent_of or i in done or i in byline:
                continue
            t = all_toks[i]
            ent = ent_of.get(i)
            if ent is not None and t.i == ent.start:
                toks = [x for x in ent]
                if self._names_a_group(ent.root) or ent.label_ in PERSON_LABELS and self._known_group(ent.text):
                    # "a group called Lyannaj Neg Mawon": not a person, whatever the tagger says (then or later)
                    if (org := self._org(toks, "ORG")) is not None:
                        org.group_name = True
                elif ent.label_ in PERSON_LABELS:
                    if not (self.cased and all(x.is_lower for x in toks)):
                        self._person(toks)  # "into the bush" tagged PERSON in cased text names nobody
                elif self._known_surname(toks):
                    pass  # "McAuliffe has said" tagged LOC: a person already named in full
                elif ent.label_ in ORG_LABELS and ent.label_ not in ("FAC", "LOC"):
                    # org name heading a role noun ("Kyiv officials", "Clinton campaign") is left to the noun
                    last = toks[-1]
                    if not (last.dep_ in ("compound", "nmod", "amod", "poss") and last.head.i > last.i
                            and (self._is_org_noun(last.head) or self._is_role_head(last.head))):
                        self._org(toks, ent.label_)
                    elif ent.label_ in ("ORG", "GPE"):
                        self._org(toks, ent.label_)
                done.update(x.i for x in ent)
                continue
            if ent is not None:
                continue
            if pos[i] == PRON and t.lower_ in pronouns:
                if t.lower_ in ("it", "its", "itself") and t.dep_ not in SUBJ_DEPS:
                    continue
                self._pronoun(t)
                continue
            if pos[i] == PROPN and i not in self.tok_entity and self._known_surname([t]):
                continue  # a capitalised word the tagger did not label that is a known person's surname
            if TITLED_NAMES and self._is_role_head(t) and (run := self._titled_name(t)):
                ent = self._person(run)
                if ent is not None:
                    ent.titles.add(TITLE_ALIASES.get(t.lemma_.lower(), t.lemma_.lower()))
                done.update(x.i for x in run)
                continue
            if self._is_role_head(t) and not (t.dep_ == "compound" and t.head.ent_type_ == "PERSON"):
                if t.dep_ in ("compound",) and t.head.pos_ in ("NOUN", "PROPN"):
                    continue
                self._role(t)
            elif self._is_org_noun(t) and t.dep_ not in ("compound", "amod"):
                self._org_noun(t)
        return self

    def _titled_name(self, title: Token) -> list[Token] | None:
        """"Commissioner of Public Safety Rosa Camacho Sablan said": a capitalised title phrase modifying a name the
        tagger missed (or split); the name is the trailing run of capitalised words after the title phrase, up to
        the name's head."""
        head = title.head
        while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ == "PROPN":
            head = head.head  # ("Minister of X Tomas Okello Baraza": the title hangs on the first name)
        if title.dep_ not in ("nmod", "compound") or not title.text[:1].isupper() or head.pos_ != "PROPN" \
                or head.i <= title.i or not self.cased:
            return None
        start = title.right_edge.i + 1
        first = self.lx["masc_names"] | self.lx["fem_names"]
        while start - 1 > title.i and self.doc[start - 1].lower_ in first and self.doc[start - 1].tag_ == "NNP" \
                and self.doc[start - 2].tag_ == "NNP":
            start -= 1  # "Director of Civil Aviation Maria Lomu": the parser put the first name in the office
        run = list(self.doc[start: head.i + 1])
        if not 2 <= len(run) <= 4 or any(x.ent_type_ == "PERSON" for x in title.subtree):
            return None
        for x in run:
            low = x.text.lower()
            if x.tag_ not in ("NNP", "NNPS") or not x.is_title or not x.is_alpha or low in self.lx["titles"] \
                    or low in self.lx["honorifics"] or self._is_org_noun(x) or self._is_role_head(x) \
                    or x.ent_type_ in ("ORG", "NORP", "FAC", "LOC") or (x.i != head.i and x.head.i != head.i and x.i >= title.right_edge.i + 1):
                return None
        return run

    def _known_group(self, text: str) -> bool:
        """A name already met as the one a group goes by (the tagger may label it PERSON the second time)."""
        key = _norm(text)
        return any(e.group_name and _norm(e.name) == key for e in self.entities)

    def _names_a_group(self, root: Token) -> bool:
        """The name is the one a group goes by ("a group called X", "a movement calling itself X")."""
        verb = root.head.head if root.head.dep_ == "prep" else root.head  # ("known as X")
        group = verb.head
        return verb.dep_ == "acl" and group.i != verb.i and group.pos_ == "NOUN" \
            and (group.lemma_.lower() in self.lx["group_nouns"] or self._is_org_noun(group)) \
            and (named := name_given(group)) is not None and named.i == root.i

    # ------------------------------------------------------------------ statement sources
    def resolve_source(self, span: Span) -> tuple[str | None, str]:
        doc = self.doc
        cs = doc.char_span(span.start, span.end, alignment_mode="expand")
        if cs is None or len(cs) == 0:
            return (span.text.strip() or None, "unknown")
        toks = [t for t in cs if not t.is_punct]
        if not toks:
            return (span.text.strip() or None, "unknown")
        head = cs.root
        ante = relative_antecedent(head) if len(toks) == 1 else None
        if ante is not None and (ante.i in self.tok_entity or ante.ent_type_):
            # "the Armed Front (AF), which said it had struck ...": the noun the clause hangs on speaks
            return self.resolve_source(Span.of(self._text, ante.left_edge.idx, ante.idx + len(ante.text)))
        if head.lemma_.lower() in _lex()["relations"] and any(c.dep_ == "poss" for c in head.children):
            # "Mr Hribar's father", "Nakau's sister": a relative of the one named, not that person
            return span.text.strip(), "person"
        # prefer a named person / entity inside the source span
        for t in toks:
            e = self.tok_entity.get(t.i)
            attached = t == head or (t.head == head and t.dep_ in ("compound", "appos", "nmod", "poss")) \
                or (t.head.head == head and t.head.dep_ in ("compound", "appos") and t.head.ent_type_ == "PERSON")
            if e is not None and e.kind == "person" and e.named and t.ent_type_ == "PERSON" and attached:
                return e.name, "person"
        e = self.tok_entity.get(head.i)
        if e is None:
            for t in toks:
                if t.i in self.tok_entity:
                    e = self.tok_entity[t.i]
                    break
        if e is None and head.pos_ == "PRON":
            e = self._pronoun(head)
        if e is None:
            if self._is_role_head(head):
                e = self._role(head)
            elif head.pos_ in ("NOUN", "PROPN"):
                e = self._org_noun(head)
        if e is None:
            text = span.text.strip()
            if head.pos_ == "PRON":
                return (text, "unknown")
            return (text or None, speaker_kind_of_name(text) if text else "unknown")
        kind = e.kind if e.kind in ("person", "organisation", "government", "media", "group") else "unknown"
        return e.name, kind


TITLED_NAMES = True  # a name after a capitalised title phrase, tagged or not, is that person


def _speaker_heads(doc: Doc, statements: list[Statement]) -> set[int]:
    heads: set[int] = set()
    for st in statements:
        if st.source is None:
            continue
        cs = doc.char_span(st.source.start, st.source.end, alignment_mode="expand")
        if cs is not None and len(cs):
            heads.add(cs.root.i)
    return heads


def _byline_tokens(doc: Doc) -> range:
    """Token indices of the byline ("By Ana Ortiz", as ``places.in_byline`` reads it) among the first lines."""
    text = doc_text(doc)
    start = 0
    for line in text[:600].split("\n")[:6]:
        if in_byline(text, start):
            span = doc.char_span(start, start + len(line), alignment_mode="expand")
            return range(span.start, span.end) if span is not None else range(0)
        start += len(line) + 1
    return range(0)


_NAMED = ("GPE", "ORG", "NORP", "PERSON")
_PLACE_NOUNS = frozenset({"city", "town", "state", "county", "municipality", "province", "country", "village",
                          "region", "district", "capital", "kingdom", "republic"})
_LOCATIVE = frozenset({"in", "near", "at", "from", "outside", "around", "of", "to", "into", "across", "inside"})


def split_conjoined_sources(doc: Doc, statements: list[Statement]) -> list[Statement]:
    """"Saudi Arabia and Qatar condemned the strike": one statement per named speaker, each with its own
    source span (same cue, content and mode). Only when every conjunct is a named entity ("police and
    medics said" stays one statement)."""
    out: list[Statement] = []
    text = doc_text(doc)
    for st in statements:
        parts = _conjoined_names(doc, st.source) if st.source is not None else []
        if len(parts) < 2:
            if (last := _last_conjoined_kind(doc, st.source) if st.source is not None else None) is not None:
                # "security and local sources said": the local sources speak too
                out.extend((st, replace(st, source=Span.of(text, *last), events=list(st.events), chain=list(st.chain))))
                continue
            parts = _conjoined_parties(doc, st.source) if st.source is not None else []
            if len(parts) < 2:
                out.append(st)
                continue
        out.extend(replace(st, source=Span.of(text, a, b), events=list(st.events), chain=list(st.chain))
                   for a, b in parts)
    return out


def _last_conjoined_kind(doc: Doc, source: Span) -> tuple[int, int] | None:
    """"security and local sources", "local officials and hospital sources in X": a source of two kinds of
    ``conjoined_kind_heads`` speakers; the characters of the last kind ("local sources", "hospital sources in X")."""
    cs = doc.char_span(source.start, source.end, alignment_mode="expand")
    heads = _load("roles")["conjoined_kind_heads"]
    if cs is None:
        return None
    if cs.root.lower_ not in heads:
        last = next((c for c in cs.root.children if c.dep_ == "conj" and c.lower_ in heads and c.i < cs.end), None)
        return (last.left_edge.idx, cs.end_char) if last is not None and last.left_edge.i > cs.start else None
    cc = next((t for t in cs if t.dep_ == "cc" and t.lower_ == "and" and t.i < cs.root.i), None)
    if cc is None or cc.i + 1 >= cs.end:
        return None
    return doc[cc.i + 1].idx, cs.end_char


def _conjoined_parties(doc: Doc, source: Span) -> list[tuple[int, int]]:
    """"police and paramedics", "according to two residents and a local official": character ranges of each
    coordinated party of a source, or [] when the "and" joins no parties: inside a name ("Antigua and
    Barbuda"), two titles of one person ("the prefect of X and president of Y", a name in apposition) or
    an "or"."""
    cs = doc.char_span(source.start, source.end, alignment_mode="expand")
    if cs is None or not len(cs):
        return []
    root = cs.root
    conjs = [c for c in root.children if c.dep_ == "conj" and cs.start <= c.i < cs.end]
    while conjs and (more := [c for c in conjs[-1].children if c.dep_ == "conj" and c.i < cs.end]):
        conjs.extend(more)  # "A, B and C": each conjunct hangs on the one before it
    ccs = [t for t in cs if t.dep_ == "cc" and t.head in (root, *conjs)]
    if not conjs or not ccs or any(t.lower_ != "and" for t in ccs) or conjs[0].i < root.i:
        return []
    if any(e.start <= cc.i < e.end for e in doc.ents for cc in ccs):
        return []  # "the Royal Police Force of Antigua and Barbuda": one name
    if any(c.dep_ == "appos" for c in root.children) or any(e.label_ == "PERSON" for e in cs.ents
                                                            if not any(e.start <= h.i < e.end for h in (root, *conjs))):
        return []  # a name in apposition: one person with two titles
    if _holds_a_name_with_and(cs):
        return []
    if root.tag_ in ("NN", "NNP") and any(c.tag_ == "NN" and not _determined(c) for c in conjs):
        return []  # "the director of X and head of Y": one person
    if any(t.pos not in (NOUN, PROPN, PRON) for t in (root, *conjs)) or root.pos == PRON:
        return []
    heads = [root, *conjs]
    spans = []
    for k, h in enumerate(heads):
        start = h.left_edge.i if k else cs.start
        end = heads[k + 1].left_edge.i if k + 1 < len(heads) else cs.end
        toks = list(doc[max(start, cs.start):min(end, cs.end)])
        while toks and (toks[-1].is_punct and not (toks[-1].text == ")" and any(t.text == "(" for t in toks))
                        or toks[-1].dep_ == "cc" or toks[-1].is_space):
            toks.pop()
        while toks and (toks[0].is_punct or toks[0].dep_ in ("cc", "preconj") or toks[0].lower_ == "both"):
            toks.pop(0)
        if not toks:
            return []
        spans.append((toks[0].idx, toks[-1].idx + len(toks[-1].text)))
    return spans if len(set(spans)) == len(spans) else []


def _holds_a_name_with_and(cs) -> bool:
    """A source span holding a place name written with "and" ("Trinidad and Tobago"): its "and" joins no parties."""
    folded = fold(cs.text)
    return any(name in folded for name in names_with_and())


def _determined(tok: Token) -> bool:
    """A noun with its own determiner, possessor or number ("the aid group", "its staff", "two residents")."""
    return any(c.dep_ in ("det", "poss", "nummod") for c in tok.children)


def _conjoined_names(doc: Doc, source: Span) -> list[tuple[int, int]]:
    """Character ranges of the named entities coordinated as a source's head, or [] when it is not that."""
    cs = doc.char_span(source.start, source.end, alignment_mode="expand")
    if cs is None or not len(cs):
        return []
    heads, todo = [], [cs.root]
    while todo:
        tok = todo.pop()
        heads.append(tok)
        todo.extend(c for c in tok.children if c.dep_ == "conj" and cs.start <= c.i < cs.end)
    if len(heads) < 2 or any(c.lower_ == "or" for h in heads for c in h.children if c.dep_ == "cc"):
        return []
    if _holds_a_name_with_and(cs):
        return []  # "The St Vincent and the Grenadines Yachting Association": one name
    ents = []
    for tok in sorted(heads, key=lambda t: t.i):
        ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
        if ent is None or ent.label_ not in _NAMED or not (cs.start <= ent.start and ent.end <= cs.end):
            return []
        ents.append(ent)
    spans = [(e.start_char, e.end_char) for e in ents]
    inside = {i for e in ents for i in range(e.start, e.end)}
    if any(t.i not in inside and not (t.dep_ == "cc" or t.is_punct or t.is_space or t.lower_ in ("the", "both"))
           for t in cs):
        return []  # the names and their glue only ("Saudi Arabia and Qatar", "both Hamas and Fatah")
    return spans if len(set(spans)) == len(spans) else []


def resolve_speakers(doc: Doc, statements: list[Statement]) -> None:
    """Fill ``speaker`` (canonical name) and ``speaker_kind`` of each statement in place."""
    res = _Resolver(doc, _speaker_heads(doc, statements)).run()
    for st in statements:
        if st.source is None:
            st.speaker, st.speaker_kind = None, "unknown"
            continue
        st.speaker, st.speaker_kind = res.resolve_source(st.source)


def resolve_mentions(doc: Doc) -> list[Mention]:
    """Named entities, role nouns and resolved pronouns with their canonical entity in the document."""
    res = _Resolver(doc).run()
    out: list[Mention] = []
    seen: set[tuple[int, int]] = set()
    for start, end, label, e in res.mentions:
        sp = doc[start:end]
        key = (sp.start_char, sp.end_char)
        if key in seen:
            continue
        seen.add(key)
        lab = label
        if label == "PERSON":
            lab = "PERSON"
        elif label in ("ORG", "GPE", "NORP"):
            lab = label
        out.append(Mention(Span.of(doc_text(doc), sp.start_char, sp.end_char), lab, e.name))
    return out
