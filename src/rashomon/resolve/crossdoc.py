"""Cross-document resolution after each stored document (placeholder until clustering lands)."""

from __future__ import annotations

from sqlalchemy.orm import Session


def update_store(session: Session, doc_id: str) -> None:
    """Link a newly stored document's events, entities and statements to the rest of the store."""
    return None
