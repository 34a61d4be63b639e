"""The analyst's report: per document for now (cross-document clusters come with resolve.clusters)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from rashomon.store.queries import list_documents, list_events, list_statements


def build_reports(session: Session, event_id: int | None = None) -> list[dict]:
    reports = []
    for d in list_documents(session):
        reports.append({"title": d.title or d.id, "events": list_events(session, d.id),
                        "statements": list_statements(session, doc_id=d.id),
                        "documents": [{"id": d.id, "title": d.title, "published": d.published, "source": d.source, "origin": d.origin}]})
    return reports
