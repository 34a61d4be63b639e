"""Cross-document resolution after each stored document (inside its transaction).

Incremental: the new document's statements get their reporting chains, its names are linked to
canonical entities, its events join (or merge) the clusters found through the blocking index, and
only the clusters it touched get their figure series and contradiction links rebuilt.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from rashomon.resolve import chains, clusters, contradictions, entities, reconcile
from rashomon.store.schema import ClusterRow


def update_store(session: Session, doc_id: str) -> set[int]:
    """Link a newly stored document to the rest of the store; returns the clusters touched.

    A cluster that only gained this document (no merge, same country) keeps its statement links
    and gets only those involving the new statements; its figure series is rewritten only where
    it changed. Merged and new clusters are rebuilt."""
    chains.fill_chains(session, doc_id)
    entities.link_document(session, doc_id)
    info: dict[int, dict] = {}
    touched = clusters.assign_document(session, doc_id, info)
    for cid in sorted(touched):
        row = session.get(ClusterRow, cid)
        if row is None:
            continue
        before = info.get(cid)
        grown = before is not None and before["grown"] and before["country"] == row.country
        reconcile.rebuild(session, cid)
        contradictions.rebuild(session, cid, row.country, new_docs=[doc_id] if grown else None)
    return touched
