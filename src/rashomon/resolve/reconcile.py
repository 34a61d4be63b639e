"""Figure reconciliation: per cluster and figure kind, the series of reported values.

Each step is classified against what was reported before it: ``agreement`` (the same value),
``update`` (a higher figure, a revision by the same source, or a figure above an earlier
"at least"), ``conflict`` (a lower figure from another source in the same time window, or one
below an earlier "at least"/"more than"). The best current estimate is the value most sources
give in the latest reporting window (ties: official sources, then the higher value).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from rashomon.data import load_json
from rashomon.resolve.entities import norm
from rashomon.store.schema import DocumentRow, EventRow, FigureRow, FigureSeriesRow, LinkRow

LOWER_BOUND = {"at_least", "more_than"}
OFFICIAL = ("ministry", "minister", "committee", "government", "police", "official", "authorit", "prosecutor",
            "department", "service", "spokes", "agency")


def kinds() -> list[str]:
    return load_json("resolve/propositions.json")["figure_kinds"]


def _ord(iso: str | None) -> int:
    try:
        return date.fromisoformat((iso or "")[:10]).toordinal()
    except ValueError:
        return 0


def classify_step(x: dict, before: list[dict]) -> tuple[str | None, dict | None, str]:
    """(label, compared entry, reason) of a figure ``x`` against the entries reported before it."""
    if not before:
        return None, None, "first report"
    same = [p for p in before if p["value"] == x["value"] or (p.get("value_max") and p["value"] <= x["value"] <= p["value_max"])]
    if same:
        p = max(same, key=lambda p: (p["doc"] != x["doc"], _ord(p["date"])))
        return "agreement", p, f"same value {x['value']} as {p['source'] or 'an earlier report'}"
    ref = max(before, key=lambda p: (p["value"], _ord(p["date"])))
    if x["value"] > ref["value"]:
        bounded = any(p["value"] == ref["value"] and p["qualifier"] in LOWER_BOUND for p in before)
        if (_ord(x["date"]) == _ord(ref["date"]) and not bounded and ref["source"]
                and x["source"] and norm(x["source"]) != norm(ref["source"]) and x["qualifier"] not in LOWER_BOUND):
            return "conflict", ref, f"same time window, {x['value']} against {ref['value']} from a different source"
        why = "a higher figure" + (" in a later report" if _ord(x["date"]) > _ord(ref["date"]) else "")
        if ref["qualifier"] in LOWER_BOUND:
            why += f" consistent with the earlier \"{ref['text']}\""
        return "update", ref, why
    if ref["qualifier"] in LOWER_BOUND:
        return "conflict", ref, f"{x['value']} is lower than the earlier \"{ref['text']}\""
    if x["source"] and ref["source"] and norm(x["source"]) == norm(ref["source"]) and _ord(x["date"]) > _ord(ref["date"]):
        return "update", ref, "official revision by the same source"
    if abs(_ord(x["date"]) - _ord(ref["date"])) <= 1:
        return "conflict", ref, f"same time window, {x['value']} against {ref['value']} from a different source"
    return "conflict", ref, f"a later report gives a lower figure ({x['value']} against {ref['value']})"


def build_series(entries: list[dict]) -> list[dict]:
    """Order entries (date, value) and classify each step; mark the best current estimate."""
    entries = sorted(entries, key=lambda e: (_ord(e["date"]), _ord(e.get("published")), e["value"], e["doc"], e["start"]))
    out = []
    for i, x in enumerate(entries):
        label, ref, reason = classify_step(x, entries[:i])
        out.append({**x, "label": label, "compared_with": ref["figure_id"] if ref else None,
                    "compared": ref, "reason": reason, "best": False})
    if out:
        last = max(_ord(e["date"]) for e in out)
        window = [e for e in out if _ord(e["date"]) >= last - 1]
        votes: dict[int, set] = {}
        for e in window:
            votes.setdefault(e["value"], set()).add(norm(e["source"] or e["doc"]))

        def rank(v):
            official = any(any(w in (e["source"] or "").lower() for w in OFFICIAL) for e in window if e["value"] == v)
            return (len(votes[v]), official, v)

        best_v = max(votes, key=rank)
        best = [e for e in window if e["value"] == best_v][-1]
        best["best"] = True
        n = len(votes[best_v])
        others = sorted(v for v in votes if v != best_v)
        best["best_reason"] = (f"latest reports ({out[-1]['date']}): {n} source{'s' if n > 1 else ''} give {best_v}"
                               + (f"; disputed by {', '.join(map(str, others))}" if others else ""))
    return out


def cluster_entries(session: Session, cluster_id: int) -> dict[str, list[dict]]:
    """Figures of a cluster's reports by kind, one per (document, kind, value)."""
    rows = session.execute(
        select(FigureRow, EventRow, DocumentRow).join(EventRow, FigureRow.event_id == EventRow.id)
        .join(DocumentRow, DocumentRow.id == EventRow.doc_id)
        .where(EventRow.cluster_id == cluster_id, FigureRow.kind.in_(kinds()))
        .order_by(FigureRow.doc_id, FigureRow.start)).all()
    seen: dict[tuple, dict] = {}
    for f, ev, d in rows:
        key = (f.doc_id, f.kind, f.value)
        e = {"figure_id": f.id, "doc": f.doc_id, "kind": f.kind, "value": f.value, "value_max": f.value_max,
             "qualifier": f.qualifier, "text": f.text, "start": f.start, "end": f.end,
             "date": f.date_value or d.published, "published": d.published,
             "source": f.reporter_text or d.source or d.author, "background": ev.background,
             "span": {"doc": f.doc_id, "start": f.start, "end": f.end, "text": f.text}}
        old = seen.get(key)
        if old is None or (not old["source"] and e["source"]) or (old["qualifier"] is None and e["qualifier"]):
            seen[key] = e
    top: dict[tuple, int] = {}
    for e in seen.values():
        top[(e["doc"], e["kind"])] = max(top.get((e["doc"], e["kind"]), 0), e["value"])
    by_kind: dict[str, list[dict]] = {}
    for e in seen.values():
        if e["value"] * 2 < top[(e["doc"], e["kind"])]:
            continue  # a partial count inside a report that gives a larger total
        by_kind.setdefault(e["kind"], []).append(e)
    return by_kind


def rebuild(session: Session, cluster_id: int) -> None:
    """Recompute the figure series and figure links of one cluster, writing only what changed
    (a new report usually appends a step and moves the best estimate)."""
    want_rows: dict[tuple, tuple] = {}
    want_links: dict[tuple, str] = {}
    for kind, entries in sorted(cluster_entries(session, cluster_id).items()):
        for pos, e in enumerate(build_series(entries)):
            want_rows[(kind, pos)] = (e["figure_id"], e["label"], e["compared_with"],
                                      e.get("best_reason") if e["best"] else e["reason"], bool(e["best"]))
            if e["label"] and e["compared_with"]:
                want_links[(f"figure_{e['label']}", e["compared_with"], e["figure_id"], f"toll:{kind}")] = e["reason"]
    for row in session.execute(select(FigureSeriesRow).where(FigureSeriesRow.cluster_id == cluster_id)).scalars():
        want = want_rows.pop((row.kind, row.position), None)
        if want is None:
            session.delete(row)
        elif (row.figure_id, row.label, row.compared_with, row.reason, bool(row.best)) != want:
            row.figure_id, row.label, row.compared_with, row.reason, row.best = want
    for (kind, pos), (fid, label, cmp, reason, best) in sorted(want_rows.items()):
        session.add(FigureSeriesRow(cluster_id=cluster_id, kind=kind, position=pos, figure_id=fid, label=label,
                                    compared_with=cmp, reason=reason, best=best))
    for ln in session.execute(select(LinkRow).where(LinkRow.cluster_id == cluster_id, LinkRow.kind.startswith("figure_"))).scalars():
        key = (ln.kind, ln.a_id, ln.b_id, ln.proposition)
        if key in want_links and want_links[key] == ln.explanation:
            del want_links[key]
        else:
            session.delete(ln)
    for (kind, a, b, prop), why in want_links.items():
        session.add(LinkRow(kind=kind, cluster_id=cluster_id, a_table="figures", a_id=a, b_table="figures", b_id=b,
                            explanation=why, proposition=prop))
    session.flush()


def series(session: Session, cluster_id: int) -> dict[str, list[dict]]:
    """The stored series of a cluster, with spans, by kind."""
    out: dict[str, list[dict]] = {}
    rows = session.execute(select(FigureSeriesRow, FigureRow, DocumentRow)
                           .join(FigureRow, FigureRow.id == FigureSeriesRow.figure_id)
                           .join(DocumentRow, DocumentRow.id == FigureRow.doc_id)
                           .where(FigureSeriesRow.cluster_id == cluster_id)
                           .order_by(FigureSeriesRow.kind, FigureSeriesRow.position)).all()
    for s, f, d in rows:
        out.setdefault(s.kind, []).append({
            "figure": f.id, "value": f.value, "qualifier": f.qualifier, "text": f.text, "label": s.label,
            "compared_with": s.compared_with, "reason": s.reason, "best": s.best,
            "date": f.date_value or d.published, "source": f.reporter_text or d.source or d.author,
            "document": {"id": d.id, "title": d.title, "published": d.published},
            "span": {"doc": f.doc_id, "start": f.start, "end": f.end, "text": f.text}})
    return out
