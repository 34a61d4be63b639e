"""Claims and contradictions among the statements about one incident.

Statements are grouped by the proposition they take a side on (responsibility, flight, fate of
the attackers, warning, toll; keywords in ``data/resolve/propositions.json``). Found between them:

- ``competing_attribution``: a claim of responsibility by one party against an accusation of
  (or a claim by) another party that is not on the same side;
- ``denial``: an accusation against a party and that party's denial, or a claim and its dismissal;
- ``contradicting_account``: two speakers of different sides on the attackers' flight (different
  destinations) or their fate (killed against fled or captured).

Sides come from :mod:`rashomon.resolve.entities` (aliases, capitals and demonyms, parent groups).
:func:`classify_pair` labels a pair of passages (agreement, update, conflict,
competing_attribution, denial, contradicting_account, unrelated).
"""

from __future__ import annotations

import functools
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from rashomon.data import load_json
from rashomon.resolve.entities import countries_in, norm, resolve
from rashomon.store.queries import statement_dict
from rashomon.store.schema import (
    DocumentRow, EventRow, LinkRow, StatementEventRow, StatementRow,
)

ATTACKER_WORDS = ("attacker", "assailant", "gunm", "terrorist", "bomber", "militant", "suspect", "perpetrator",
                  "men who", "fighters", "killers", "culprits", "they ", "both ")
SELF_COUNTRY = re.compile(r"\b(his|her|our|its|my|their) country\b", re.I)


@functools.lru_cache(maxsize=1)
def _props() -> dict:
    return load_json("resolve/propositions.json")


def _has(text: str, words) -> bool:
    low = " " + (text or "").lower() + " "
    return any(w in low for w in words)


def propositions(st: dict) -> list[str]:
    """Propositions a statement takes a side on, most specific first."""
    content = st["content"]["text"] if isinstance(st.get("content"), dict) else st.get("content") or ""
    props = _props()["propositions"]
    out = []
    if st.get("type") in ("claim_of_responsibility", "accusation", "denial") or _has(content, props["responsibility"]):
        out.append("responsibility")
    if _has(content, props["flight"]) and _has(content + " ", ATTACKER_WORDS):
        out.append("flight")
    if fate(st):
        out.append("fate")
    for p in ("warning", "toll"):
        if _has(content, props[p]):
            out.append(p)
    if st.get("type") == "dismissal" and "responsibility" not in out and _has(content, ["claim", "flag", "responsib"]):
        out.insert(0, "responsibility")
    return out or ["other"]


def fate(st: dict) -> str | None:
    content = _text(st, "content")
    if not _has(content + " ", ATTACKER_WORDS):
        return None
    vals = _props()["fate_values"]
    for v in ("killed", "captured", "fled"):
        if _has(content, vals[v]):
            return v
    return None


def _text(st: dict, key: str) -> str:
    v = st.get(key)
    return (v or {}).get("text") or "" if isinstance(v, dict) else v or ""


def speaker_sides(st: dict) -> set[str]:
    """The parties a statement's speaker speaks for: entity key, state, parent group."""
    sides: set[str] = set()
    for name in (st.get("speaker"), _text(st, "source")):
        if not name:
            continue
        c = resolve(name, st.get("speaker_kind"))
        if c is not None:
            sides.add(c.key)
            if c.country:
                sides.add(f"country:{c.country}")
            if c.parent:
                sides.add(c.parent)
        sides |= {f"country:{x}" for x in countries_in(name)}
    return sides


def party_sides(text: str) -> tuple[set[str], list[str]]:
    """Sides of a named party ('Western and Ukraine's special services') and display names."""
    sides, names = set(), []
    for part in re.split(r",|\band\b|\bor\b", text or ""):
        part = part.strip(" “”\"'.")
        if len(part) < 2 or len(part.split()) > 5:
            continue
        c = resolve(part)
        if c is None:
            continue
        sides.add(c.key)
        names.append(c.name)
        if c.country:
            sides.add(f"country:{c.country}")
        if c.parent:
            sides.add(c.parent)
    sides |= {f"country:{x}" for x in countries_in(text or "")}
    return sides, names


def attribution(st: dict, incident_country: str | None = None) -> dict | None:
    """Who the statement holds responsible: {status, sides, names} or None."""
    t = st.get("type")
    content = _text(st, "content")
    if t == "claim_of_responsibility":
        best = None
        for name in (_text(st, "source"), st.get("speaker")):
            if name:
                c = resolve(name, "organisation")
                if c is not None and (best is None or c.kind != "organisation"):
                    best = c
        if best is None:
            return None
        sides = {best.key} | ({best.parent} if best.parent else set())
        return {"status": "claimed", "sides": sides, "names": [best.name]}
    if t == "accusation" or (t in ("dismissal", "other", "question") and _has(content, ["false flag", "facilitat", "behind", "ordered", "orchestrat", "sponsor"])):
        if t == "accusation":
            sides, names = party_sides(_text(st, "target") or content)
            if not sides:
                sides = {f"country:{c}" for c in countries_in(content)}
        else:
            sides, names = {f"country:{c}" for c in countries_in(content)}, []
        sides.discard(f"country:{incident_country}") if incident_country and len(sides) > 1 else None
        sides -= speaker_sides(st)
        if not sides:
            return None
        if not names or any(len(n.split()) > 5 for n in names):
            from rashomon.extract.places import country_name

            names = sorted(country_name(x.split(":", 1)[1]) or x.split(":", 1)[1] for x in sides if x.startswith("country:"))
        return {"status": "accused", "sides": sides, "names": names or ["another party"]}
    return None


def _country_of_speaker(st: dict) -> str | None:
    for s in sorted(speaker_sides(st)):
        if s.startswith("country:"):
            return s.split(":", 1)[1]
    return None


def destinations(st: dict, incident_country: str | None = None) -> set[str]:
    content = _text(st, "content")
    out = countries_in(content)
    if SELF_COUNTRY.search(content):
        c = _country_of_speaker(st)
        if c:
            out.add(c)
    if incident_country and len(out) > 1:
        out.discard(incident_country)
    return out


def _side(st: dict) -> dict:
    return {"statement": st.get("id"), "speaker": st.get("speaker") or _text(st, "source") or "unknown",
            "type": st.get("type"), "date": (st.get("date") or {}).get("value") if isinstance(st.get("date"), dict) else st.get("date"),
            "published": st.get("published"), "doc": st.get("doc"),
            "span": st.get("content") if isinstance(st.get("content"), dict) else None,
            "cue": st.get("cue") if isinstance(st.get("cue"), dict) else None}


def _who(st: dict) -> str:
    return st.get("speaker") or _text(st, "source") or "a source"


def find_links(statements: list[dict], incident_country: str | None = None) -> list[dict]:
    """Competing attributions, denials and contradicting accounts among statements of one incident."""
    links: list[dict] = []
    atts = [(st, attribution(st, incident_country)) for st in statements]
    atts = [(st, a) for st, a in atts if a]
    claims = [(st, a) for st, a in atts if a["status"] == "claimed"]
    accs = [(st, a) for st, a in atts if a["status"] == "accused"]
    for sc, ac in claims:
        for sa, aa in accs + [c for c in claims if c[0] is not sc]:
            if ac["sides"] & aa["sides"] or (aa["status"] == "claimed" and id(sa) < id(sc)):
                continue
            if aa["status"] == "claimed" and sa.get("doc") == sc.get("doc"):
                continue
            links.append({"kind": "competing_attribution", "proposition": "responsibility", "a": _side(sc), "b": _side(sa),
                          "explanation": f"{', '.join(ac['names'])} claims responsibility, while {_who(sa)} "
                                         f"{'blames' if aa['status'] == 'accused' else 'says it was'} {', '.join(aa['names'])}"})
    denials = [st for st in statements if st.get("type") in ("denial", "dismissal")]
    for sd in denials:
        dsides = speaker_sides(sd)
        content = _text(sd, "content") + " " + _text(sd, "target")
        for sa, aa in accs:
            if sa is sd or not dsides or not (dsides & aa["sides"]):
                continue
            if sd.get("type") == "dismissal" and not _has(content, ["alleg", "accus", "charge", "involve", "claim"]):
                continue
            links.append({"kind": "denial", "proposition": "responsibility", "a": _side(sa), "b": _side(sd),
                          "explanation": f"{_who(sa)} accuses {', '.join(aa['names'])}; {_who(sd)} "
                                         f"({', '.join(aa['names'])}'s side) denies it"})
        if _has(content, ["claim"]) and sd.get("type") == "dismissal":
            for sc, ac in claims:
                if not (dsides & ac["sides"]):
                    links.append({"kind": "denial", "proposition": "responsibility", "a": _side(sc), "b": _side(sd),
                                  "explanation": f"{_who(sd)} dismisses the claim of responsibility by {', '.join(ac['names'])}"})
    # contradicting accounts: flight and fate
    flights = [(st, destinations(st, incident_country)) for st in statements if "flight" in propositions(st)]
    flights = [(st, d) for st, d in flights if d]
    for i, (s1, d1) in enumerate(flights):
        for s2, d2 in flights[i + 1:]:
            if d1 & d2 or speaker_sides(s1) & speaker_sides(s2):
                continue
            links.append({"kind": "contradicting_account", "proposition": "flight", "a": _side(s1), "b": _side(s2),
                          "explanation": f"{_who(s1)} says the attackers headed to {', '.join(sorted(d1))}; "
                                         f"{_who(s2)} says to {', '.join(sorted(d2))}"})
    fates = [(st, fate(st)) for st in statements]
    fates = [(st, f) for st, f in fates if f]
    for i, (s1, f1) in enumerate(fates):
        for s2, f2 in fates[i + 1:]:
            if f1 == f2 or "killed" not in (f1, f2) or speaker_sides(s1) & speaker_sides(s2):
                continue
            links.append({"kind": "contradicting_account", "proposition": "fate", "a": _side(s1), "b": _side(s2),
                          "explanation": f"{_who(s1)} says the attackers {f1}; {_who(s2)} says they {f2}"})
    return links


# ---------------------------------------------------------------- store

def cluster_statements(session: Session, cluster_id: int) -> list[dict]:
    """Statements about a cluster: linked to one of its events, or unlinked in a report whose main incident it is."""
    evs = list(session.execute(select(EventRow).where(EventRow.cluster_id == cluster_id)).scalars())
    ids = {e.id for e in evs}
    docs = sorted({e.doc_id for e in evs})
    out, seen = [], set()
    for d in docs:
        main = _main_cluster(session, d)
        doc = session.get(DocumentRow, d)
        rows = list(session.execute(select(StatementRow).where(StatementRow.doc_id == d).order_by(StatementRow.idx)).scalars())
        links: dict[int, list[int]] = {}
        for se in session.execute(select(StatementEventRow).where(StatementEventRow.statement_id.in_([r.id for r in rows]))).scalars():
            links.setdefault(se.statement_id, []).append(se.event_id)
        for r in rows:
            evl = links.get(r.id, [])
            if (evl and set(evl) & ids) or (not evl and main == cluster_id):
                if r.id not in seen:
                    seen.add(r.id)
                    st = statement_dict(r, evl)
                    st["published"] = doc.published
                    st["propositions"] = propositions(st)
                    out.append(st)
    return out


def _main_cluster(session: Session, doc_id: str) -> int | None:
    """The cluster of a report's main incident: its first non-background event with the most figures."""
    evs = list(session.execute(select(EventRow).where(EventRow.doc_id == doc_id).order_by(EventRow.idx)).scalars())
    if not evs:
        return None
    fg = {e.id: len(e.figures) for e in evs}
    best = max(evs, key=lambda e: (not e.background, bool(e.date_value), fg[e.id], -e.idx))
    return best.cluster_id


def rebuild(session: Session, cluster_id: int, country: str | None = None) -> list[dict]:
    session.execute(LinkRow.__table__.delete().where(LinkRow.cluster_id == cluster_id, LinkRow.a_table == "statements"))
    sts = cluster_statements(session, cluster_id)
    links = find_links(sts, country)
    for ln in links:
        session.add(LinkRow(kind=ln["kind"], cluster_id=cluster_id, a_table="statements", a_id=ln["a"]["statement"],
                            b_table="statements", b_id=ln["b"]["statement"], explanation=ln["explanation"],
                            proposition=ln["proposition"]))
    session.flush()
    return links


def stored_links(session: Session, cluster_id: int | None = None) -> list[dict]:
    """Stored statement links (competing attributions, denials, contradicting accounts) with both sides."""
    q = select(LinkRow).where(LinkRow.a_table == "statements")
    if cluster_id is not None:
        q = q.where(LinkRow.cluster_id == cluster_id)
    out = []
    for ln in session.execute(q.order_by(LinkRow.cluster_id, LinkRow.id)).scalars():
        sides = []
        for sid in (ln.a_id, ln.b_id):
            r = session.get(StatementRow, sid)
            doc = session.get(DocumentRow, r.doc_id)
            st = statement_dict(r)
            sides.append({"statement": r.id, "speaker": r.speaker or r.source_text, "type": r.type,
                          "date": (st["date"] or {}).get("value") or doc.published, "doc": r.doc_id,
                          "document": doc.title, "cue": st["cue"], "content": st["content"], "source": st["source"]})
        out.append({"id": ln.id, "cluster": ln.cluster_id, "kind": ln.kind, "proposition": ln.proposition,
                    "explanation": ln.explanation, "a": sides[0], "b": sides[1]})
    return out


# ---------------------------------------------------------------- pairs of passages

@functools.lru_cache(maxsize=1)
def _pipeline():
    from rashomon.engine.pipeline import Pipeline

    return Pipeline()


def _analyse(p: dict):
    from rashomon.models import Document

    doc = Document(id=str(abs(hash(p["text"]))), text=p["text"], published=(p.get("date") or None), source=p.get("source"))
    return _pipeline().analyze(doc)


def _st_dicts(an, tag: str) -> list[dict]:
    out = []
    for i, st in enumerate(an.statements):
        out.append({"id": f"{tag}{i}", "doc": tag, "speaker": st.speaker, "speaker_kind": st.speaker_kind,
                    "source": st.source.to_dict() if st.source else None, "cue": st.cue.to_dict(),
                    "content": st.content.to_dict(), "type": st.type,
                    "target": st.target.to_dict() if st.target else None,
                    "date": st.date.value if st.date else None, "published": an.document.published})
    return out


def _figs(an, source: str | None) -> list[dict]:
    out = []
    for ev in an.events:
        for f in ev.figures:
            if f.kind in ("killed", "wounded", "missing", "arrested", "charged", "kidnapped"):
                out.append({"kind": f.kind, "value": f.value, "value_max": f.value_max, "qualifier": f.qualifier,
                            "text": f.span.text, "source": f.reporter.text if f.reporter else source,
                            "date": an.document.published, "doc": an.document.id, "start": f.span.start,
                            "published": an.document.published, "figure_id": id(f)})
    return out


def _ev_dicts(an) -> list[dict]:
    ctx = [m.span.text for m in an.mentions if m.label in ("GPE", "LOC", "FAC")]
    return [{"id": f"{an.document.id}#{i}", "doc": an.document.id, "types": ev.types or [ev.type],
             "date": ev.date.value if ev.date else None, "published": an.document.published,
             "place": {"name": ev.place.name, "city": ev.place.city, "country": ev.place.country} if ev.place else None,
             "participants": [a.entity or a.span.text for a in ev.arguments if a.role.startswith("perpetrator")],
             "targets": [a.span.text for a in ev.arguments if a.role in ("target", "victim")],
             "figures": [{"kind": f.kind, "value": f.value} for f in ev.figures], "context_places": ctx}
            for i, ev in enumerate(an.events)]


def classify_pair(a: dict, b: dict) -> str:
    """Label two passages ({text, date, source}) about an incident: how do they relate?"""
    from rashomon.resolve.clusters import features, score

    an_a, an_b = _analyse(a), _analyse(b)
    sts = _st_dicts(an_a, "a") + _st_dicts(an_b, "b")
    country = next((ev.place.country for an in (an_a, an_b) for ev in an.events if ev.place and ev.place.country), None)
    cross = [ln for ln in find_links(sts, country) if ln["a"]["doc"] != ln["b"]["doc"] or True]
    kinds = {ln["kind"] for ln in cross}
    for k in ("denial", "competing_attribution", "contradicting_account"):
        if k in kinds:
            return k
    fa, fb = _figs(an_a, a.get("source")), _figs(an_b, b.get("source"))
    labels = []
    for kind in sorted({f["kind"] for f in fa} & {f["kind"] for f in fb}):
        ea = [f for f in fa if f["kind"] == kind]
        eb = [f for f in fb if f["kind"] == kind]
        for x in eb:
            lab, _, _ = __import__("rashomon.resolve.reconcile", fromlist=["classify_step"]).classify_step(
                x | {"date": b.get("date"), "doc": "b"}, [e | {"date": a.get("date"), "doc": "a"} for e in ea])
            if lab:
                labels.append(lab)
    if labels:
        for k in ("conflict", "update", "agreement"):
            if k in labels:
                return k
    evs_a, evs_b = [features(e) for e in _ev_dicts(an_a)], [features(e) for e in _ev_dicts(an_b)]
    best = max((score(x, y) or 0.0 for x in evs_a for y in evs_b), default=0.0)
    words_a = set(re.findall(r"[A-Z][a-z]{3,}", a["text"]))
    words_b = set(re.findall(r"[A-Z][a-z]{3,}", b["text"]))
    if best >= 1.5 or len(words_a & words_b) >= 2:
        return "agreement"
    return "unrelated"
