"""CLI command: ``rashomon timeline``."""

from __future__ import annotations

import json
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

console = Console()


def _src(span: dict | None) -> str:
    return f"{span['doc'][:8]} {span['start']}:{span['end']} \"{span['text']}\"" if span else ""


def render_table(timeline: dict) -> Table:
    t = Table(title="Timeline", show_lines=False)
    for col in ("date", "gran.", "kind", "what", "date span", "trigger / cue span"):
        t.add_column(col, overflow="fold")
    for r in timeline["dated"]:
        t.add_row(r["date"], r["granularity"], r["kind"], escape(r["what"]), escape(_src(r["date_span"])),
                  escape(_src(r["trigger"])))
    if timeline["undated"]:
        t.add_section()
        for r in timeline["undated"]:
            date = f"reported {r['reported'] or '?'}"
            if r["date"]:
                date += f" ({r['date']})"
            t.add_row(date, "", r["kind"], escape(r["what"]), escape(_src(r["date_span"])), escape(_src(r["trigger"])))
    return t


def register(app: typer.Typer, sessions) -> None:
    """Add the timeline command to the main app; ``sessions()`` returns a sessionmaker."""

    @app.command()
    def timeline(
        event: Optional[str] = typer.Option(None, "--event", help="Event cluster id (or event id; cN / eN force one)."),
        actor: Optional[str] = typer.Option(None, "--actor", help="Speaker or event participant (fuzzy, any case)."),
        place: Optional[str] = typer.Option(None, "--place", help="Event place, city or country (fuzzy, any case)."),
        as_json: bool = typer.Option(False, "--json", help="JSON output."),
    ) -> None:
        """Events and statements in date order (granularity kept); undated ones last, as reported."""
        from rashomon.resolve.timeline import build_timeline

        with sessions()() as session:
            rows = build_timeline(session, event=event, actor=actor, place=place)
        if as_json:
            print(json.dumps(rows, ensure_ascii=False, indent=1, default=str))
        elif not rows["dated"] and not rows["undated"]:
            console.print("nothing matches")
        else:
            console.print(render_table(rows))
