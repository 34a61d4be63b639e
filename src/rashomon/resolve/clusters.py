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

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from rashomon.data import load_json
from rashomon.resolve.entities import countries_in, norm, resolve
from rashomon.store.schema import (
    ArgumentRow, ClusterRow, DocumentRow, EventBlockRow, EventRow, FigureRow, MentionRow,
)

THRESHOLD = 2.5
WINDOW = 3  # days between two day intervals
OPEN_DAYS = 7  # an incident dated the day of the report may have happened up to a week earlier
MAX_SPAN = 31  # longer intervals (a year, a decade) are not used for blocking
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
        if pub is not None and d >= pub:
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
        return (pub - timedelta(days=OPEN_DAYS)).toordinal(), pub.toordinal(), False
    return None, None, False


def _words(texts) -> set[str]:
    out = set()
    for t in texts:
        for w in re.findall(r"[a-z][a-z\-]{3,}", (t or "").lower()):
            w = w.rstrip("s") if len(w) > 4 else w
            if w not in GENERIC_WORDS:
                out.add(w)
    return out


def features(ev: dict) -> dict:
    """Normalised comparable features of an event dict.

    Accepted keys: ``id, doc, type, types, date, published, place`` (dict with name/city/country or
    a string), ``country, participants`` (perpetrator names), ``targets, figures`` ([{kind, value}]),
    ``context_places`` (place names of the whole document), ``names`` (other proper names).
    """
    types = ev.get("types") or ([ev["type"]] if ev.get("type") else [])
    place = ev.get("place") or {}
    if isinstance(place, str):
        place = {"name": place}
    country = ev.get("country") or place.get("country")
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
    return {
        "id": ev.get("id"), "doc": ev.get("doc"), "types": list(types), "family": family_of(types),
        "lo": lo, "hi": hi, "precise": precise, "country": country, "specific": sorted(specific),
        "context": sorted(ctx | specific), "perps": sorted(perps),
        "targets": sorted(_words(ev.get("targets") or [])),
        "names": sorted({norm(n) for n in ev.get("names") or [] if n}),
        "figures": sorted({(f["kind"], int(f["value"])) for f in ev.get("figures") or []
                           if f.get("kind") in ("killed", "wounded", "kidnapped")}),
    }


def score(a: dict, b: dict) -> float | None:
    """Evidence that two events are the same incident; None when incompatible."""
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
    if a["country"] and b["country"]:
        if a["country"] != b["country"]:
            if not strict or len(ctx_shared) < 2:
                return None
        else:
            s += 0.5
    if set(a["specific"]) & set(b["specific"]):
        s += 2.0
    elif set(a["specific"]) & set(b["context"]) or set(b["specific"]) & set(a["context"]):
        s += 1.0
    if len(ctx_shared) >= 2:
        s += 1.5
    elif ctx_shared:
        s += 0.5
    ev = 0.0
    if set(a["perps"]) & set(b["perps"]):
        ev += 1.5
    shared_t = set(a["targets"]) & set(b["targets"])
    ev += 1.5 if len(shared_t) >= 2 else 1.0 if shared_t else 0.0
    if set(a["names"]) & set(b["names"]):
        ev += 1.0
    if set(map(tuple, a["figures"])) & set(map(tuple, b["figures"])):
        ev += 0.5
    if ev < 0.5 and len(ctx_shared) < 2:
        return 0.0  # place and date alone do not make two reports one incident
    return s + ev


def linked(a: dict, b: dict) -> bool:
    if a.get("doc") is not None and a.get("doc") == b.get("doc"):
        return False
    sc = score(a, b)
    return sc is not None and sc >= THRESHOLD


def blocks_overlap(a: dict, b: dict) -> bool:
    """The blocking rule of the store path, on features (family, date window or country)."""
    if a["family"] != b["family"]:
        return False
    if a["lo"] is None or b["lo"] is None or a["hi"] - a["lo"] > MAX_SPAN or b["hi"] - b["lo"] > MAX_SPAN:
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
                   names: list[str] | None = None) -> dict:
    args = list(session.execute(select(ArgumentRow).where(ArgumentRow.event_id == ev.id)).scalars())
    figs = list(session.execute(select(FigureRow).where(FigureRow.event_id == ev.id)).scalars())
    return features({
        "id": ev.id, "doc": ev.doc_id, "types": ev.types.split(",") if ev.types else [ev.type],
        "date": ev.date_value, "published": doc.published,
        "place": {"name": ev.place_name, "city": ev.city, "country": ev.country},
        "participants": [a.entity or a.text for a in args if a.role.startswith("perpetrator")],
        "targets": [a.text for a in args if a.role in ("target", "victim")],
        "figures": [{"kind": f.kind, "value": f.value} for f in figs],
        "context_places": context, "names": names,
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
    """Stored events that may be the same incident (same family; date window or, undated, same country)."""
    q = select(EventBlockRow).where(EventBlockRow.family == f["family"], EventBlockRow.doc_id != doc_id)
    dated = f["lo"] is not None and f["hi"] - f["lo"] <= MAX_SPAN
    if dated:
        cond = and_(EventBlockRow.lo >= f["lo"] - WINDOW - MAX_SPAN, EventBlockRow.lo <= f["hi"] + WINDOW,
                    EventBlockRow.hi >= f["lo"] - WINDOW, EventBlockRow.hi - EventBlockRow.lo <= MAX_SPAN)
        undated = and_(or_(EventBlockRow.lo.is_(None), EventBlockRow.hi - EventBlockRow.lo > MAX_SPAN),
                       EventBlockRow.country == f["country"])
        q = q.where(or_(cond, undated))
    else:
        q = q.where(EventBlockRow.country == f["country"])
    return list(session.execute(q).scalars())


def cluster_key(member_keys: list[str]) -> str:
    return "ev-" + hashlib.sha1(min(member_keys).encode()).hexdigest()[:12]


def assign_document(session: Session, doc_id: str) -> set[int]:
    """Cluster a newly stored document's events; returns the ids of the clusters touched."""
    doc = session.get(DocumentRow, doc_id)
    events = list(session.execute(select(EventRow).where(EventRow.doc_id == doc_id).order_by(EventRow.idx)).scalars())
    context = _doc_context(session, doc_id)
    names = sorted(text_names(doc.text[:1500]))
    touched: set[int] = set()
    for ev in events:
        f = event_features(session, ev, doc, context, names)
        session.add(EventBlockRow(event_id=ev.id, doc_id=doc_id, family=f["family"], lo=f["lo"], hi=f["hi"],
                                  country=f["country"], features=json.dumps(f)))
        linked_clusters: set[int] = set()
        for cand in candidates(session, f, doc_id):
            g = json.loads(cand.features)
            if linked(f, g):
                cid = session.execute(select(EventRow.cluster_id).where(EventRow.id == cand.event_id)).scalar_one()
                if cid is not None:
                    linked_clusters.add(cid)
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


def pipeline_clusterer(items: list[dict]) -> dict:
    """MUC-4 style runner: analyse each document's text, cluster its events with :func:`cluster_events`.

    Returns ``{"DOCID#idx": cluster}`` and sets ``pipeline_clusterer.events`` (docid, date,
    location, type) for the evaluation's alignment.
    """
    from rashomon.engine.pipeline import Pipeline
    from rashomon.models import Document

    docs: dict[str, dict] = {}
    for it in items:
        docs.setdefault(it["docid"], it)
    pipe = Pipeline()
    evs, meta = [], {}
    for docid, it in sorted(docs.items()):
        an = pipe.analyze(Document(id=docid, text=it.get("text") or "", published=it.get("dateline_date")))
        ctx = sorted(text_places(it.get("text") or ""))
        for i, ev in enumerate(an.events):
            eid = f"{docid}#{i}"
            evs.append({"id": eid, "doc": docid, "types": ev.types or [ev.type], "date": ev.date.value if ev.date else None,
                        "published": it.get("dateline_date"),
                        "place": {"name": ev.place.name, "city": ev.place.city, "country": ev.place.country} if ev.place else None,
                        "participants": [a.entity or a.span.text for a in ev.arguments if a.role.startswith("perpetrator")],
                        "targets": [a.span.text for a in ev.arguments if a.role in ("target", "victim")],
                        "figures": [{"kind": f.kind, "value": f.value} for f in ev.figures], "context_places": ctx})
            meta[eid] = {"docid": docid, "date": ev.date.value if ev.date else None,
                         "location": [ev.place.country_name, ev.place.name] if ev.place else [],
                         "type": ev.type, "types": ev.types}
    pipeline_clusterer.events = meta
    return cluster_events(evs)
