"""The analyst's report for event clusters: what happened, who is held responsible and by whom,
statements grouped by proposition and stance, contradictions side by side, and the reports behind
it, every item with its source span."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rashomon.resolve import contradictions, reconcile
from rashomon.store.queries import event_dict
from rashomon.store.schema import ClusterRow, DocumentRow, EventRow


def list_clusters(session: Session) -> list[dict]:
    """Clusters with their members (one mention per report event), most reported first."""
    rows = session.execute(select(ClusterRow, func.count(func.distinct(EventRow.doc_id)), func.count(EventRow.id))
                           .join(EventRow, EventRow.cluster_id == ClusterRow.id).group_by(ClusterRow.id)).all()
    out = []
    for c, ndocs, nevents in rows:
        docs = sorted(set(session.execute(select(EventRow.doc_id).where(EventRow.cluster_id == c.id)).scalars()))
        out.append({"id": c.id, "key": c.key, "label": c.label, "type": c.type, "date": c.date_value,
                    "country": c.country, "place": c.place_name, "documents": docs, "reports": ndocs, "mentions": nevents})
    out.sort(key=lambda c: (-c["reports"], c["date"] or "", c["key"]))
    return out


def build_report(session: Session, cluster_id: int) -> dict | None:
    c = session.get(ClusterRow, cluster_id)
    if c is None:
        return None
    evs = list(session.execute(select(EventRow).where(EventRow.cluster_id == cluster_id)
                               .order_by(EventRow.doc_id, EventRow.idx)).scalars())
    docs = [session.get(DocumentRow, d) for d in sorted({e.doc_id for e in evs})]
    docs.sort(key=lambda d: (d.published or "", d.id))
    series = reconcile.series(session, cluster_id)
    best = {k: next((e for e in v if e["best"]), None) for k, v in series.items()}
    sts = contradictions.cluster_statements(session, cluster_id)
    links = contradictions.stored_links(session, cluster_id)
    responsibility = []
    for st in sts:
        att = contradictions.attribution(st, c.country)
        if att:
            responsibility.append({"status": att["status"], "party": att["names"], "by": st["speaker"] or (st["source"] or {}).get("text"),
                                   "statement": st["id"], "date": (st["date"] or {}).get("value") or st["published"],
                                   "span": st["content"], "cue": st["cue"]})
        elif st["type"] in ("denial", "dismissal"):
            responsibility.append({"status": "denied" if st["type"] == "denial" else "dismissed", "party": [],
                                   "by": st["speaker"] or (st["source"] or {}).get("text"), "statement": st["id"],
                                   "date": (st["date"] or {}).get("value") or st["published"], "span": st["content"], "cue": st["cue"]})
    grouped: dict[str, dict[str, list]] = {}
    for st in sts:
        grouped.setdefault(st["propositions"][0], {}).setdefault(st["type"], []).append(st)
    return {
        "id": c.id, "key": c.key, "title": c.label or c.key, "type": c.type, "date": c.date_value, "country": c.country,
        "place": c.place_name, "figures": {"best": best, "series": series},
        "responsibility": responsibility, "statements_by_proposition": grouped,
        "contradictions": [ln for ln in links if ln["kind"] == "contradicting_account"],
        "competing_attributions": [ln for ln in links if ln["kind"] == "competing_attribution"],
        "denials": [ln for ln in links if ln["kind"] == "denial"],
        "events": [event_dict(e) for e in evs], "statements": sts,
        "documents": [{"id": d.id, "title": d.title, "published": d.published, "source": d.source, "origin": d.origin,
                       "author": d.author} for d in docs],
    }


def build_reports(session: Session, event_id: int | None = None) -> list[dict]:
    """Reports for one cluster (``event_id``) or for every cluster, most reported first."""
    if event_id is not None:
        rep = build_report(session, event_id)
        return [rep] if rep else []
    reps = []
    for c in list_clusters(session):
        rep = build_report(session, c["id"])
        if rep:
            reps.append(rep)
    # clusters with the most reports and statements first; background-only ones last
    reps.sort(key=lambda r: (all(e["background"] for e in r["events"]), -len(r["documents"]), -len(r["statements"]), r["key"]))
    return reps
