"""Entity resolution across documents: names, offices and capitals to canonical entities.

A name is resolved, in order, by the alias table (``data/resolve/aliases.json``: organisations,
armed groups, governments and their capitals, offices and their holders), by fuzzy matching
(rapidfuzz) against that table within the same kind, and otherwise by its own normalised key.
Persons are never merged on a surname alone: a bare surname resolves only to a full name met in
the same document; two full names with different first names stay apart.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from rashomon.data import load_json
from rashomon.store.repository import entity_key
from rashomon.store.schema import (
    ArgumentRow, EntityAliasRow, EntityRow, MentionRow, StatementRow,
)

KINDS = ("person", "organisation", "government", "media", "armed_group", "place")
_LEADING = re.compile(r"^(the|a|an|this|that|its|their|his|her)\s+")
_TITLES = {"president", "minister", "prime", "interior", "foreign", "defence", "defense", "spokesman",
           "spokeswoman", "chief", "head", "director", "general", "gen", "col", "colonel", "mr", "mrs", "ms",
           "dr", "sen", "senator", "governor", "mayor", "commander", "leader", "adviser", "advisor",
           "police", "officer", "provincial", "opposition", "interior", "official", "deputy", "secretary", "king", "queen", "prince", "sheikh"}


@dataclass(frozen=True, slots=True)
class Canon:
    """A canonical entity: stable key, display name, kind, the state it speaks for."""

    key: str
    name: str
    kind: str
    country: str | None = None
    parent: str | None = None

    def to_dict(self) -> dict:
        return {"key": self.key, "name": self.name, "kind": self.kind, "country": self.country}


def norm(name: str) -> str:
    """Normalised alias form: lower case, punctuation and leading determiners dropped."""
    key = entity_key(name)
    while True:
        new = _LEADING.sub("", key)
        if new == key:
            return key
        key = new


def slug(name: str) -> str:
    return norm(name).replace(" ", "-")[:200]


@functools.lru_cache(maxsize=1)
def _table() -> tuple[dict[str, Canon], dict[str, dict[str, Canon]]]:
    data = load_json("resolve/aliases.json")
    by_alias: dict[str, Canon] = {}
    by_kind: dict[str, dict[str, Canon]] = {}
    for e in data["entities"]:
        c = Canon(f"{e['kind']}:{slug(e['name'])}", e["name"], e["kind"], e.get("country"),
                  f"armed_group:{slug(e['parent'])}" if e.get("parent") else None)
        for a in [e["name"], *e["aliases"]]:
            k = norm(a)
            by_alias.setdefault(k, c)
            by_kind.setdefault(c.kind, {}).setdefault(k, c)
    return by_alias, by_kind


@functools.lru_cache(maxsize=1)
def _places() -> tuple[dict[str, str], dict[str, str]]:
    """Demonyms (the countries' table of data/places plus blocs such as 'western') and capitals."""
    data = load_json("resolve/aliases.json")
    return {**load_json("places/demonyms.json")["demonyms"], **data["blocs"]}, data["capitals"]


def country_of_name(name: str) -> str | None:
    """The country a name stands for: a country name, its capital, a demonym or an alias."""
    n = norm(name)
    if not n:
        return None
    demonyms, capitals = _places()
    if n in capitals:
        return capitals[n]
    if n in demonyms:
        return demonyms[n]
    c = _table()[0].get(n)
    if c is not None and c.kind == "government" and c.country:
        return c.country
    from rashomon.extract.places import lookup

    entry = lookup(n)
    if entry is not None and entry.kind == "country":
        return entry.country
    return None


def countries_in(text: str) -> set[str]:
    """Countries a passage names: country names, capitals, demonyms ('Ukrainian', 'Western')."""
    out: set[str] = set()
    demonyms, capitals = _places()
    low = norm(text)
    words = low.split()
    for i in range(len(words)):
        for n in (3, 2, 1):
            if i + n > len(words):
                continue
            w = " ".join(words[i:i + n])
            if w in capitals:
                out.add(capitals[w])
                break
            code = demonyms.get(w) or (demonyms.get(w[:-1]) if w.endswith("s") else None)  # 'Afghans'
            if code:
                out.add(code)
                break
            if len(w) >= 4:
                c = _country_ngram(w)
                if c is not None:
                    out.add(c)
                    break
    return out


@functools.lru_cache(maxsize=200_000)
def _country_ngram(w: str) -> str | None:
    """The country a lower-cased word n-gram names in the gazetteer (cached: n-grams repeat across reports)."""
    from rashomon.extract.places import lookup

    entry = lookup(w)
    return entry.country if entry is not None and entry.kind == "country" else None


def named_in(text: str | None) -> list[Canon]:
    """Non-person entities of the alias table named inside a phrase, longest alias first
    ('a spokesman for the Taliban government in Kabul' -> Afghan government; 'Pakistan's interior
    minister' -> Pakistani government). Aliases under 4 letters ('is', 'us', 'ap') count only
    when written in capitals."""
    if not text:
        return []
    raw = re.findall(r"[^\W_]+", text)
    words = [w.lower() for w in raw]
    by_alias = _table()[0]
    out: list[Canon] = []
    i = 0
    while i < len(words):
        for n in range(min(6, len(words) - i), 0, -1):
            alias = " ".join(words[i:i + n])
            c = by_alias.get(alias)
            if c is None or c.kind == "person" or alias in ("the", "a", "an"):
                continue
            if len(alias) < 4 and not all(w.isupper() for w in raw[i:i + n]):
                continue
            if c not in out:
                out.append(c)
            i += n - 1
            break
        i += 1
    return out


def _strip_titles(words: list[str]) -> list[str]:
    i = 0
    while i < len(words) - 1 and (words[i] in _TITLES or words[i] in _places()[0]):
        i += 1
    return words[i:]


def resolve(name: str | None, kind: str | None = None, doc_people: dict[str, str] | None = None) -> Canon | None:
    """Canonical entity of a name as written; ``doc_people``: surname -> full name in this document."""
    if not name:
        return None
    if not doc_people:
        return _resolve_cached(name, kind)
    return _resolve(name, kind, doc_people)


@functools.lru_cache(maxsize=50_000)
def _resolve_cached(name: str, kind: str | None) -> Canon | None:
    return _resolve(name, kind, None)


def _resolve(name: str, kind: str | None, doc_people: dict[str, str] | None) -> Canon | None:
    n = norm(name)
    if not n:
        return None
    by_alias, by_kind = _table()
    if n in by_alias:
        return by_alias[n]
    if kind == "person":
        words = _strip_titles(n.split())
        if len(words) == 1 and doc_people and words[0] in doc_people:
            words = norm(doc_people[words[0]]).split()
        full = " ".join(words)
        if full in by_alias and by_alias[full].kind == "person":
            return by_alias[full]
        return Canon(f"person:{full.replace(' ', '-')}", " ".join(w.capitalize() for w in words), "person")
    # fuzzy match within the kinds that are not persons
    pool = {}
    for k, aliases in by_kind.items():
        if k != "person" and (kind in (None, "unknown") or _compatible_kind(kind, k)):
            pool.update(aliases)
    if len(n) >= 5 and pool:
        hit = process.extractOne(n, list(pool), scorer=fuzz.token_sort_ratio, score_cutoff=90)
        if hit is not None:
            return pool[hit[0]]
    c = country_of_name(n)
    if c is not None:
        return Canon(f"government:{c.lower()}", name, "government", c)
    k = _kind_of(kind, n)
    return Canon(f"{k}:{slug(n)}", name.strip(), k)


def _compatible_kind(hint: str, kind: str) -> bool:
    groups = {"organisation": {"organisation", "armed_group", "government", "media"}, "group": {"armed_group", "government"},
              "government": {"government"}, "media": {"media"}, "armed_group": {"armed_group"}}
    return kind in groups.get(hint, {kind})


def _kind_of(hint: str | None, n: str) -> str:
    if hint in KINDS:
        return hint
    if hint == "group":
        return "armed_group" if any(w in n for w in ("militant", "rebel", "guerrilla", "front", "army", "brigade", "jihad", "jamaat", "ansar")) else "organisation"
    return "organisation"


def same_side(a: Canon | None, b: Canon | None) -> bool:
    """Two entities speak for the same party (same key, same state, or parent and branch)."""
    if a is None or b is None:
        return False
    if a.key == b.key:
        return True
    if a.country and b.country and a.country == b.country and "person" not in (a.kind, b.kind):
        return True
    if a.country and b.country and a.country == b.country and {a.kind, b.kind} <= {"person", "government"}:
        return True
    return bool(a.parent and a.parent == b.key or b.parent and b.parent == a.key)


# ---------------------------------------------------------------- store

def _doc_people(session: Session, doc_id: str) -> dict[str, str]:
    people: dict[str, set[str]] = {}
    for m in session.execute(select(MentionRow).where(MentionRow.doc_id == doc_id, MentionRow.label == "PERSON")).scalars():
        words = _strip_titles(norm(m.text).split())
        if len(words) >= 2:
            people.setdefault(words[-1], set()).add(" ".join(words))
    return {s: next(iter(full)) for s, full in people.items() if len(full) == 1}


def _canonical_row(session: Session, c: Canon, cache: dict[str, EntityRow]) -> EntityRow:
    key = f"@{c.key}"[:255]
    row = cache.get(key) or session.execute(select(EntityRow).where(EntityRow.key == key)).scalar_one_or_none()
    if row is None:
        row = EntityRow(key=key, name=c.name, kind=c.kind)
        session.add(row)
        session.flush()
    cache[key] = row
    return row


def link_document(session: Session, doc_id: str) -> int:
    """Link a stored document's mentions, speakers and role fillers to canonical entities."""
    people = _doc_people(session, doc_id)
    cache: dict[str, EntityRow] = {}
    n = 0
    label_kind = {"PERSON": "person", "ORG": "organisation", "NORP": "group", "GPE": "place", "LOC": "place", "FAC": "place"}
    for m in session.execute(select(MentionRow).where(MentionRow.doc_id == doc_id)).scalars():
        kind = label_kind.get(m.label)
        if kind == "place":
            c = country_of_name(m.text)
            canon = Canon(f"place:{slug(m.text)}", m.text, "place", c)
        else:
            canon = resolve(m.text, kind, people)
        if canon is None:
            continue
        row = _canonical_row(session, canon, cache)
        session.add(EntityAliasRow(entity_id=row.id, doc_id=doc_id, alias=norm(m.text), role="mention",
                                   start=m.start, end=m.end, text=m.text))
        n += 1
    for st in session.execute(select(StatementRow).where(StatementRow.doc_id == doc_id)).scalars():
        if st.source_start is None:
            continue
        canon = resolve(st.speaker or st.source_text, st.speaker_kind, people)
        if canon is None:
            continue
        row = _canonical_row(session, canon, cache)
        session.add(EntityAliasRow(entity_id=row.id, doc_id=doc_id, alias=norm(st.source_text or ""), role="speaker",
                                   start=st.source_start, end=st.source_end, text=st.source_text))
        n += 1
    for a in session.execute(select(ArgumentRow).where(ArgumentRow.doc_id == doc_id,
                                                       ArgumentRow.role.in_(("perpetrator_org", "perpetrator_individual")))).scalars():
        canon = resolve(a.entity or a.text, "person" if a.role == "perpetrator_individual" and a.text[:1].isupper() and " " in a.text.strip() else "organisation", people)
        if canon is None:
            continue
        row = _canonical_row(session, canon, cache)
        session.add(EntityAliasRow(entity_id=row.id, doc_id=doc_id, alias=norm(a.text), role="argument",
                                   start=a.start, end=a.end, text=a.text))
        n += 1
    session.flush()
    return n


def list_entities(session: Session, name: str | None = None) -> list[dict]:
    """Canonical entities with their aliases and spans (optionally those matching ``name``)."""
    q = select(EntityRow).where(EntityRow.key.startswith("@"))
    rows = list(session.execute(q.order_by(EntityRow.key)).scalars())
    if name:
        want = norm(name)
        keep = {r.id for r in rows if want in norm(r.name) or want in r.key}
        for al in session.execute(select(EntityAliasRow.entity_id).where(EntityAliasRow.alias.contains(want))).scalars():
            keep.add(al)
        c = resolve(name)
        if c is not None:
            keep |= {r.id for r in rows if r.key == f"@{c.key}"}
        rows = [r for r in rows if r.id in keep]
    out = []
    for r in rows:
        aliases = list(session.execute(select(EntityAliasRow).where(EntityAliasRow.entity_id == r.id)
                                       .order_by(EntityAliasRow.doc_id, EntityAliasRow.start)).scalars())
        out.append({"id": r.key[1:], "row": r.id, "name": r.name, "kind": r.kind,
                    "aliases": sorted({a.text for a in aliases}),
                    "spans": [{"doc": a.doc_id, "start": a.start, "end": a.end, "text": a.text, "role": a.role} for a in aliases]})
    return out
