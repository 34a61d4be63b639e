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
    """Link a newly stored document to the rest of the store; returns the clusters touched."""
    chains.fill_chains(session, doc_id)
    entities.link_document(session, doc_id)
    touched = clusters.assign_document(session, doc_id)
    for cid in sorted(touched):
        row = session.get(ClusterRow, cid)
        if row is None:
            continue
        reconcile.rebuild(session, cid)
        contradictions.rebuild(session, cid, row.country)
    return touched
