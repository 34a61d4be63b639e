"""CLI commands over cross-document links (clusters, contradictions, figures, entities)."""

from __future__ import annotations

import json
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

console = Console()


def _emit(rows, as_json: bool, table) -> None:
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=1, default=str))
    else:
        console.print(table(rows))


def _where(span: dict | None) -> str:
    return f"[{span['doc'][:8]} {span['start']}:{span['end']}]" if span else ""


def register(app: typer.Typer, sessions) -> None:
    """Add the cross-document commands to the main app; ``sessions()`` returns a sessionmaker."""

    @app.command()
    def clusters(as_json: bool = typer.Option(False, "--json", help="JSON output.")) -> None:
        """Event clusters: one incident, the reports (mentions) behind it."""
        from rashomon.resolve.report import list_clusters

        with sessions()() as session:
            rows = list_clusters(session)

        def table(rows):
            t = Table(title="Event clusters")
            for col in ("id", "key", "label", "reports", "mentions", "documents"):
                t.add_column(col, overflow="fold")
            for c in rows:
                t.add_row(str(c["id"]), c["key"], escape(c["label"] or ""), str(c["reports"]), str(c["mentions"]),
                          " ".join(d[:8] for d in c["documents"]))
            return t

        _emit(rows, as_json, table)

    @app.command()
    def contradictions(
        event: Optional[int] = typer.Option(None, "--event", help="Only this event cluster."),
        as_json: bool = typer.Option(False, "--json", help="JSON output."),
    ) -> None:
        """Competing attributions, denials and contradicting accounts, both sides with spans."""
        from rashomon.resolve.contradictions import stored_links

        with sessions()() as session:
            rows = stored_links(session, event)

        def table(rows):
            t = Table(title="Contradictions", show_lines=True)
            for col in ("cluster", "kind", "about", "side A", "side B", "why"):
                t.add_column(col, overflow="fold")
            for r in rows:
                side = lambda s: escape(f"{s['speaker']} ({s['date'] or '?'}): {s['content']['text'][:160]} {_where(s['content'])}")
                t.add_row(str(r["cluster"]), r["kind"], r["proposition"] or "", side(r["a"]), side(r["b"]), escape(r["explanation"]))
            return t

        _emit(rows, as_json, table)

    @app.command()
    def figures(
        event: int = typer.Option(..., "--event", help="Event cluster id."),
        as_json: bool = typer.Option(False, "--json", help="JSON output."),
    ) -> None:
        """The reported figures of a cluster as series (update / conflict / agreement) with the best estimate."""
        from rashomon.resolve.reconcile import series

        with sessions()() as session:
            rows = series(session, event)

        def table(rows):
            t = Table(title=f"Figures of cluster {event}", show_lines=True)
            for col in ("kind", "date", "value", "source", "label", "reason", "span"):
                t.add_column(col, overflow="fold")
            for kind, steps in rows.items():
                for s in steps:
                    t.add_row(kind, s["date"] or "", escape(s["text"]) + (" *best*" if s["best"] else ""), escape(s["source"] or ""),
                              s["label"] or "first", escape(s["reason"] or ""), _where(s["span"]))
            return t

        _emit(rows, as_json, table)

    @app.command()
    def entities(
        name: Optional[str] = typer.Option(None, "--name", help="Only entities with this name or alias."),
        as_json: bool = typer.Option(False, "--json", help="JSON output."),
    ) -> None:
        """Canonical entities across reports with their aliases and spans."""
        from rashomon.resolve.entities import list_entities

        with sessions()() as session:
            rows = list_entities(session, name)

        def table(rows):
            t = Table(title="Entities")
            for col in ("id", "kind", "name", "aliases", "mentions"):
                t.add_column(col, overflow="fold")
            for e in rows:
                t.add_row(e["id"], e["kind"], escape(e["name"]), escape("; ".join(e["aliases"])), str(len(e["spans"])))
            return t

        _emit(rows, as_json, table)
