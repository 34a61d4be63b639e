"""Event clustering across documents: reports of one incident become one cluster.

Two events (of different documents) are linked when their type families match, their dates are
compatible (day intervals at most 3 days apart), their countries agree (or, when they differ, the
types intersect and the documents share specific place names), and the evidence (same specific
place, shared place names in the documents, shared targets, perpetrators, names, same day, same
figures) reaches :data:`THRESHOLD`. Clusters are the connected components of these links, so the
result does not depend on the order documents arrive in. Cluster keys derive from the smallest
member (``doc_id:idx``), also order independent.

:func:`cluster_events` is the pure version (a list of event dicts -> cluster ids); the store path
(:func:`assign_document`) uses the same :func:`features` and :func:`score`, looking only at the
candidates that :func:`blocking` finds through the ``event_blocks`` index.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from rashomon.data import load_json
from rashomon.resolve.entities import countries_in, norm, resolve
from rashomon.store.schema import (
    ArgumentRow, ClusterRow, DocumentRow, EventBlockRow, EventRow, FigureRow, MentionRow,
)

THRESHOLD = 2.5
WINDOW = 3  # days between two day intervals
OPEN_DAYS = 7  # an incident dated the day of the report may have happened up to a week earlier
UNDATED_DAYS = 365  # an undated incident happened on or before its report, within a year
MAX_SPAN = UNDATED_DAYS + 1  # no interval is longer, so a date-range query bounds the candidates
MAX_CANDIDATES = 400  # candidate retrieval never returns more (nearest in time first)
GENERIC_WORDS = {"people", "person", "persons", "civilians", "civilian", "building", "buildings", "house", "houses",
                 "area", "town", "city", "village", "place", "members", "member", "others", "victims", "victim",
                 "police", "soldiers", "troops", "forces", "security", "government", "official", "officials",
                 "attack", "group", "there", "their", "which", "where", "those", "these", "target", "targets"}


@functools.lru_cache(maxsize=1)
def _props() -> dict:
    return load_json("resolve/propositions.json")


def family_of(types: list[str]) -> str:
    fams = _props()["type_families"]
    for t in types:
        for fam, members in fams.items():
            if t in members:
                return fam
    return types[0] if types else "unknown"


def _day(iso: str | None) -> date | None:
    if not iso or not re.match(r"^\d{4}-\d{2}-\d{2}", iso):
        return None
    try:
        return date.fromisoformat(iso[:10])
    except ValueError:
        return None


def interval(date_value: str | None, published: str | None) -> tuple[int | None, int | None, bool]:
    """(lo, hi, precise) ordinal days the incident may have happened on."""
    pub = _day(published)
    d = _day(date_value)
    if d is not None:
        if pub is not None and d > pub:  # a date after its report is not trusted
            return (pub - timedelta(days=OPEN_DAYS)).toordinal(), d.toordinal(), False
        return d.toordinal(), d.toordinal(), True
    if date_value and re.match(r"^\d{4}-\d{2}$", date_value):
        try:
            first = date.fromisoformat(date_value + "-01")
        except ValueError:
            first = None
        if first is not None:
            last = (first.replace(day=28) + timedelta(days=4))
            last = last - timedelta(days=last.day)
            return first.toordinal(), last.toordinal(), False
    if pub is not None:
        return (pub - timedelta(days=UNDATED_DAYS)).toordinal(), pub.toordinal(), False
    return None, None, False


def _words(texts) -> set[str]:
    out = set()
    for t in texts:
        for w in re.findall(r"[a-z][a-z\-]{3,}", (t or "").lower()):
            w = w.rstrip("s") if len(w) > 4 else w
            if w not in GENERIC_WORDS:
                out.add(w)
    return out


@functools.lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(load_json("resolve/common_words.json")["words"]) | frozenset(STOP_WORDS) | frozenset(GENERIC_WORDS)


def _stem(w: str) -> str:
    for suf in ("ies", "es", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            return w[: -len(suf)] + ("y" if suf == "ies" else "")
    return w


@functools.lru_cache(maxsize=1)
def _trigger_prefixes() -> tuple[str, ...]:
    trig = load_json("events/triggers.json")
    words = {w for k in ("lemmas", "weak_lemmas") for w in trig[k]} | {w for p in trig["phrases"] for w in p.split()}
    return tuple(sorted({w.lower()[:6] for w in words if len(w) >= 5}))


@functools.lru_cache(maxsize=50000)
def _rare(w: str) -> bool:
    """Not a common word, an incident-type word ('kidnapping') or a country / demonym ('peruvian')."""
    common = _common()
    if len(w) < 4 or w in common or _stem(w) in common or w.startswith(_trigger_prefixes()):
        return False
    return not countries_in(w)


_DATELINE = re.compile(r"^[^\n]{0,80}?\([^)]{1,40}\)\s*--\s*")


def _undateline(text: str) -> str:
    """A sentence without a leading wire dateline (``PLACE, DATE (SOURCE) --``): agencies are no participants."""
    return _DATELINE.sub("", text or "")


def terms(texts) -> set[str]:
    """Rare words (stems) of some texts, case-insensitive: words that may identify an incident.

    A word counts when it is not in the common-word table (frequent in general news or in MUC-4
    train texts), not a stop word and has at least 4 letters ('jesuits', 'avianca', 'tascon').
    """
    out = set()
    for t in texts:
        for w in re.findall(r"[a-z][a-z'\-]{3,}", (t or "").lower()):
            w = w.strip("'-")
            if _rare(w):
                out.add(_stem(w))
    return out


def places_in(text: str) -> set[str]:
    """Cities and regions a text names, case-insensitive (gazetteer on word n-grams; common words skipped)."""
    from rashomon.extract.places import gazetteer

    gz, common = gazetteer(), _common()
    words = re.findall(r"[a-z][a-z'\-]*", (text or "").lower())
    out = set()
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            w = " ".join(words[i:i + n])
            if len(words) < i + n or len(w) < 4 or (n == 1 and w in common):
                continue
            ents = gz.get(w)
            if ents and ents[0].kind in ("city", "region"):
                out.add(w)
                i += n - 1
                break
        i += 1
    return out


def features(ev: dict) -> dict:
    """Normalised comparable features of an event dict (all strings compared lower-cased).

    Accepted keys: ``id, doc, type, types, date, published, place`` (dict with name/city/country or
    a string), ``country, participants`` (perpetrator names), ``targets`` (target and victim
    strings), ``figures`` ([{kind, value}]), ``context_places`` (place names of the whole
    document), ``names`` (other proper names), ``sentence`` (the event's sentence) and
    ``doc_country`` (the country a document is mostly about, used when the event has none).
    """
    types = ev.get("types") or ([ev["type"]] if ev.get("type") else [])
    place = ev.get("place") or {}
    if isinstance(place, str):
        place = {"name": place}
    sentence = " ".join(_undateline(x) for x in (ev.get("sentence"), ev.get("lead")) if x)
    country = ev.get("country") or place.get("country")
    if not country:
        named = countries_in(sentence)
        country = next(iter(named)) if len(named) == 1 else ev.get("doc_country")
    specific = {norm(x) for x in (place.get("city"), place.get("name")) if x}
    specific = {s for s in specific if s and countries_in(s) == set()}
    date_value = ev.get("date")
    if isinstance(date_value, dict):
        date_value = date_value.get("value")
    lo, hi, precise = interval(date_value, ev.get("published"))
    ctx = {norm(p) for p in ev.get("context_places") or [] if p}
    ctx = {p for p in ctx if p and not countries_in(p)}
    perps = set()
    for name in ev.get("participants") or []:
        c = resolve(name)
        if c is not None and c.kind != "person" or (c is not None and len(name.split()) >= 2):
            perps.add(c.key)
    targets = [t for t in ev.get("targets") or [] if t]
    return {
        "id": ev.get("id"), "doc": ev.get("doc"), "types": list(types), "family": family_of(types),
        "lo": lo, "hi": hi, "precise": precise, "country": country, "specific": sorted(specific),
        "context": sorted(ctx | specific), "perps": sorted(perps),
        "targets": sorted(_words(targets)),
        "terms": sorted(terms([sentence, *targets])),
        "names": sorted({norm(n) for n in ev.get("names") or [] if n}),
        "figures": sorted({(f["kind"], int(f["value"])) for f in ev.get("figures") or []
                           if f.get("kind") in ("killed", "wounded", "kidnapped")}),
    }


def score(a: dict, b: dict) -> float | None:
    """Evidence that two events are the same incident; None when incompatible.

    Precision first: the families must match, the dates lie within :data:`WINDOW` days, the
    places agree (same country, or the same specific place) and the two share a specific
    participant string (perpetrator, target or victim words, a proper name or a rare word of
    the event sentences); without such a participant the score is 0.
    """
    if a["family"] != b["family"]:
        return None
    s = 0.0
    ta, tb = set(a["types"]), set(b["types"])
    generic = set(_props()["generic_types"])
    strict = (ta - generic) & (tb - generic)
    if strict:
        s += 0.5
    if a["lo"] is not None and b["lo"] is not None:
        gap = max(a["lo"], b["lo"]) - min(a["hi"], b["hi"])
        if gap > WINDOW:
            return None
        if a["precise"] and b["precise"]:
            s += 1.0 if gap == 0 else 0.5 if gap <= 1 else 0.0
    ctx_shared = set(a["context"]) & set(b["context"])
    same_place = bool(set(a["specific"]) & set(b["specific"]))
    if a["country"] and b["country"]:
        if a["country"] != b["country"]:
            if not strict or len(ctx_shared) < 2:
                return None
        else:
            s += 0.5
    if same_place:
        s += 2.0
    elif set(a["specific"]) & set(b["context"]) or set(b["specific"]) & set(a["context"]):
        s += 1.0
    if len(ctx_shared) >= 2:
        s += 1.5
    elif ctx_shared:
        s += 0.5
    ev = 0.0
    shared_perps = set(a["perps"]) & set(b["perps"])
    if shared_perps:
        ev += 1.5
    shared_t = set(a["targets"]) & set(b["targets"])
    ev += 1.5 if len(shared_t) >= 2 else 1.0 if shared_t else 0.0
    shared_names = set(a["names"]) & set(b["names"])
    if shared_names:
        ev += 1.0
    shared_terms = set(a.get("terms") or ()) & set(b.get("terms") or ())
    ev += 1.5 if len(shared_terms) >= 2 else 1.0 if shared_terms else 0.0
    # a specific participant: two rare words or a proper name in common, or one rare word backed
    # by the same perpetrator, the same specific place or the same precise day; a perpetrator
    # organisation alone is not one (groups carry out many attacks)
    same_day = a["precise"] and b["precise"] and a["lo"] is not None and b["lo"] is not None \
        and abs(a["lo"] - b["lo"]) <= 1
    participant = len(shared_terms) >= 2 or bool(shared_names) or (
        bool(shared_terms or shared_t) and bool(shared_perps or same_place or same_day)) or (
        # the same town named in both, the same day, the same kind of attack
        bool(ctx_shared) and same_day and bool(strict))
    if not participant:
        return 0.0  # place, date or a perpetrator alone do not make two reports one incident
    if not (same_place or ctx_shared or (a["country"] and a["country"] == b["country"])):
        return 0.0  # nor does a participant without a common place
    if set(map(tuple, a["figures"])) & set(map(tuple, b["figures"])):
        ev += 0.5
    return s + ev


def linked(a: dict, b: dict) -> bool:
    if a.get("doc") is not None and a.get("doc") == b.get("doc"):
        return False
    sc = score(a, b)
    return sc is not None and sc >= THRESHOLD


def blocks_overlap(a: dict, b: dict) -> bool:
    """The blocking rule of the store path, on features (family, date window or, timeless, country)."""
    if a["family"] != b["family"]:
        return False
    if a["lo"] is None or b["lo"] is None:
        return a["country"] == b["country"]
    return max(a["lo"], b["lo"]) - min(a["hi"], b["hi"]) <= WINDOW


def cluster_events(items: list[dict]) -> dict:
    """Pure clustering: ``{item id: cluster id}`` (cluster id = smallest member id)."""
    feats = [features(it) for it in items]
    for it, f in zip(items, feats):
        f["id"] = it["id"]
        f["doc"] = it.get("doc") or it.get("docid") or str(it["id"]).split("#")[0]
    parent = {f["id"]: f["id"] for f in feats}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_family: dict[str, list[dict]] = {}
    for f in feats:
        by_family.setdefault(f["family"], []).append(f)
    for group in by_family.values():
        group.sort(key=lambda f: (f["lo"] if f["lo"] is not None else -1, str(f["id"])))
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if blocks_overlap(a, b) and linked(a, b):
                    ra, rb = find(a["id"]), find(b["id"])
                    if ra != rb:
                        parent[max(ra, rb, key=str)] = min(ra, rb, key=str)
    members: dict = {}
    for f in feats:
        members.setdefault(find(f["id"]), []).append(str(f["id"]))
    return {f["id"]: min(members[find(f["id"])]) for f in feats}


# ---------------------------------------------------------------- store

def event_features(session: Session, ev: EventRow, doc: DocumentRow, context: list[str],
                   names: list[str] | None = None, country: str | None = None, lead: str | None = None) -> dict:
    args = list(session.execute(select(ArgumentRow).where(ArgumentRow.event_id == ev.id)).scalars())
    figs = list(session.execute(select(FigureRow).where(FigureRow.event_id == ev.id)).scalars())
    return features({
        "id": ev.id, "doc": ev.doc_id, "types": ev.types.split(",") if ev.types else [ev.type],
        "date": ev.date_value, "published": doc.published,
        "place": {"name": ev.place_name, "city": ev.city, "country": ev.country},
        "participants": [a.entity or a.text for a in args if a.role.startswith("perpetrator")],
        "targets": [a.text for a in args if a.role in ("target", "victim")],
        "figures": [{"kind": f.kind, "value": f.value} for f in figs],
        "context_places": context, "names": names, "sentence": doc.text[ev.sentence_start:ev.sentence_end],
        "doc_country": country, "lead": lead,
    })


_CAP = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}")


def text_places(text: str) -> set[str]:
    """Cities and regions a text names (capitalised names found in the gazetteer; mixed-case text only)."""
    from rashomon.extract.places import gazetteer

    gz = gazetteer()
    out = set()
    for m in _CAP.finditer(text or ""):
        name = m.group(0)
        parts = [name] + name.replace("-", " ").split()
        for p in parts:
            for e in gz.get(p.lower(), [])[:1]:
                if e.kind in ("city", "region"):
                    out.add(p)
    return out


def doc_country(text: str) -> str | None:
    """The country a document is mostly about: named in most of its paragraphs (ties: first named)."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for i, para in enumerate(p for p in re.split(r"\n\s*\n|(?<=[.!?])\s+", text or "") if p.strip()):
        for c in countries_in(para):
            counts[c] = counts.get(c, 0) + 1
            first.setdefault(c, i)
    return min(counts, key=lambda c: (-counts[c], first[c])) if counts else None


def text_names(text: str) -> set[str]:
    """Multi-word proper names of a text ('Crocus City Hall', 'Jamaat Ansar al-Furqan')."""
    return {norm(m.group(0)) for m in re.finditer(r"\b[A-Z][a-z]+(?: (?:al-|de |del )?[A-Z][a-z\-]+){1,4}", text or "")
            if not countries_in(m.group(0))}


def _doc_context(session: Session, doc_id: str) -> list[str]:
    rows = session.execute(select(MentionRow.text).where(MentionRow.doc_id == doc_id,
                                                         MentionRow.label.in_(("GPE", "LOC", "FAC")))).scalars()
    places = session.execute(select(EventRow.place_name).where(EventRow.doc_id == doc_id)).scalars()
    doc = session.get(DocumentRow, doc_id)
    return sorted({*rows, *(p for p in places if p), *text_places(doc.text)})


def candidates(session: Session, f: dict, doc_id: str) -> list[EventBlockRow]:
    """Stored events that may be the same incident: same family and an overlapping date window.

    Every stored interval is at most :data:`MAX_SPAN` days long, so ``lo`` lies in a bounded range
    and the ``(family, lo)`` index answers the query without scanning the store; events without
    any date (no date, no publication date) look only at the same country. At most
    :data:`MAX_CANDIDATES` rows come back, the nearest in time first.
    """
    q = select(EventBlockRow).where(EventBlockRow.family == f["family"], EventBlockRow.doc_id != doc_id)
    if f["lo"] is not None:
        q = q.where(EventBlockRow.lo >= f["lo"] - WINDOW - MAX_SPAN, EventBlockRow.lo <= f["hi"] + WINDOW,
                    EventBlockRow.hi >= f["lo"] - WINDOW).order_by(EventBlockRow.hi.desc())
    else:
        q = q.where(EventBlockRow.lo.is_(None), EventBlockRow.country == f["country"]).order_by(EventBlockRow.event_id.desc())
    return list(session.execute(q.limit(MAX_CANDIDATES)).scalars())


def cluster_key(member_keys: list[str]) -> str:
    return "ev-" + hashlib.sha1(min(member_keys).encode()).hexdigest()[:12]


def assign_document(session: Session, doc_id: str, info: dict | None = None) -> set[int]:
    """Cluster a newly stored document's events; returns the ids of the clusters touched.

    ``info`` (optional) receives, per touched cluster, ``{"grown": bool, "country": before}``:
    grown = an existing cluster that only gained this document's events (no merge), so its
    figure series and statement links can be updated incrementally."""
    doc = session.get(DocumentRow, doc_id)
    events = list(session.execute(select(EventRow).where(EventRow.doc_id == doc_id).order_by(EventRow.idx)).scalars())
    context = _doc_context(session, doc_id)
    names = sorted(text_names(without_byline(doc.text)[:1500]))
    country = doc_country(doc.text)
    main = next((e.idx for e in events if not e.background), events[0].idx if events else None)
    touched: set[int] = set()
    for ev in events:
        f = event_features(session, ev, doc, context, names, country,
                           lead_sentence(doc.text) if ev.idx == main else None)
        session.add(EventBlockRow(event_id=ev.id, doc_id=doc_id, family=f["family"], lo=f["lo"], hi=f["hi"],
                                  country=f["country"], features=json.dumps(f)))
        hits = [cand.event_id for cand in candidates(session, f, doc_id) if linked(f, json.loads(cand.features))]
        linked_clusters = set(session.execute(select(EventRow.cluster_id).where(
            EventRow.id.in_(hits), EventRow.cluster_id.is_not(None))).scalars()) if hits else set()
        if info is not None:
            for cid in linked_clusters:
                if cid not in info:
                    info[cid] = {"grown": cid not in touched, "country": session.get(ClusterRow, cid).country}
            if len(linked_clusters) > 1:
                for cid in linked_clusters:
                    info[cid]["grown"] = False
        target = _merge(session, sorted(linked_clusters)) if linked_clusters else None
        if target is None:
            target = ClusterRow(key=f"tmp-{ev.id}", type=ev.type, date_value=ev.date_value, country=ev.country,
                                place_name=ev.place_name)
            session.add(target)
            session.flush()
        ev.cluster_id = target.id
        session.flush()
        touched.add(target.id)
    for cid in touched:
        refresh_cluster(session, cid)
    return touched


def _merge(session: Session, cluster_ids: list[int]) -> ClusterRow:
    keep = session.get(ClusterRow, cluster_ids[0])
    for cid in cluster_ids[1:]:
        for ev in session.execute(select(EventRow).where(EventRow.cluster_id == cid)).scalars():
            ev.cluster_id = keep.id
        session.flush()
        from rashomon.store.schema import FigureSeriesRow, LinkRow

        session.execute(FigureSeriesRow.__table__.delete().where(FigureSeriesRow.cluster_id == cid))
        session.execute(LinkRow.__table__.delete().where(LinkRow.cluster_id == cid))
        session.delete(session.get(ClusterRow, cid))
        session.flush()
    return keep


def refresh_cluster(session: Session, cluster_id: int) -> None:
    """Deterministic key, type, date, place and label of a cluster from its members."""
    row = session.get(ClusterRow, cluster_id)
    members = list(session.execute(select(EventRow).where(EventRow.cluster_id == cluster_id)).scalars())
    if not members:
        return
    keys = [f"{m.doc_id}:{m.idx:04d}" for m in members]
    row.key = cluster_key(keys)

    def vote(values):
        counts: dict = {}
        for v in values:
            if v:
                counts[v] = counts.get(v, 0) + 1
        return max(sorted(counts), key=lambda v: counts[v]) if counts else None

    precise = [m.date_value for m in members if m.date_value and _day(m.date_value)]
    row.type = vote(m.type for m in members) or members[0].type
    row.date_value = min(precise) if precise else vote(m.date_value for m in members)
    row.country = vote(m.country for m in members)
    cities = [m.city for m in members if m.city and m.country == row.country]
    row.place_name = vote(cities) or vote(m.place_name for m in members if m.country == row.country)
    row.label = f"{row.type.replace('_', ' ')} in {row.place_name or row.country or '?'} on {row.date_value or '?'}"
    session.flush()


def without_byline(text: str) -> str:
    """The text without its byline and date lines: a reporter's name is no shared participant."""
    from rashomon.ingest.dates import DATE_LINE
    from rashomon.ingest.text import BYLINE

    lines = (text or "").split("\n")
    head = [ln for ln in lines[:8] if not (BYLINE.match(ln) or DATE_LINE.match(ln))]
    return "\n".join(head + lines[8:])


def lead_sentence(text: str) -> str:
    """A report's first sentence after its dateline (``PLACE, DATE (SOURCE) --``), at most 400
    characters, when it tells of an incident (has an incident word); else ''."""
    text = without_byline(text)
    body = re.split(r"\)\s*--\s*", text or "", maxsplit=1)[-1] if re.search(r"\)\s*--", (text or "")[:300]) else text or ""
    body = re.sub(r"\[[^\]]*\]", " ", body).strip()
    m = re.search(r"[.!?](\s|$)", body)
    lead = body[: m.end() if m else 400][:400]
    words = re.findall(r"[a-z]{4,}", lead.lower())
    return lead if any(w.startswith(_trigger_prefixes()) for w in words) else ""


def main_event(events) -> int | None:
    """Index of a report's main incident: the first non-background event (else the first)."""
    for i, ev in enumerate(events):
        if not getattr(ev, "background", False):
            return i
    return 0 if events else None


def analysis_events(an, docid: str, published: str | None, text: str) -> list[dict]:
    """Event dicts (for :func:`features`) of an :class:`Analysis`."""
    ctx = sorted(text_places(text) | places_in(text[:0]))
    country = doc_country(text)
    names = sorted(text_names(without_byline(text)[:1500]))
    main = main_event(an.events)
    out = []
    for i, ev in enumerate(an.events):
        out.append({"id": f"{docid}#{i}", "doc": docid, "types": ev.types or [ev.type],
                    "date": ev.date.value if ev.date else None, "published": published,
                    "place": {"name": ev.place.name, "city": ev.place.city, "country": ev.place.country} if ev.place else None,
                    "participants": [a.entity or a.span.text for a in ev.arguments if a.role.startswith("perpetrator")],
                    "targets": [a.span.text for a in ev.arguments if a.role in ("target", "victim")],
                    "figures": [{"kind": f.kind, "value": f.value} for f in ev.figures], "context_places": ctx,
                    "names": names, "sentence": ev.sentence.text, "doc_country": country,
                    "lead": lead_sentence(text) if i == main else None})
    return out
