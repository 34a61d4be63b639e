"""The ``rashomon`` command line: ingest reports, list what was found, report, evaluate."""

from __future__ import annotations

import csv
import json
import logging
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from rashomon.cli import render
from rashomon.cli.eval import eval_app

app = typer.Typer(help="rashomon: what happened, who says so, and where the accounts disagree.",
                  no_args_is_help=True, pretty_exceptions_enable=False, add_completion=False)
app.add_typer(eval_app, name="eval")
console = Console()
err = Console(stderr=True)


class State:
    db: str | None = None
    debug: bool = False
    model: str | None = None


state = State()


@app.callback()
def main(
    db: Optional[str] = typer.Option(None, "--db", envvar="RASHOMON_DB", help="Database URL or SQLite file (default ./rashomon.db)."),
    model: Optional[str] = typer.Option(None, "--model", envvar="RASHOMON_SPACY_MODEL", help="spaCy model name or path."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks and debug logs."),
    use_encoder: bool = typer.Option(False, "--encoder", envvar="RASHOMON_ENCODER",
                                     help="Attribution cues from the fine-tuned span encoder (slower, more accurate; "
                                          "needs the 'encoder' extra)."),
) -> None:
    state.db, state.model, state.debug = db, model, debug
    if use_encoder:
        from rashomon.nlp import encoder

        try:
            encoder.enable()
        except encoder.EncoderNotInstalled as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from None
    logging.basicConfig(level=logging.DEBUG if debug else logging.ERROR, format="%(levelname)s %(name)s: %(message)s")


def _sessions():
    from rashomon.store.db import connect, session_factory

    return session_factory(connect(state.db))


from rashomon.cli.crossdoc_cmds import register as _register_crossdoc  # noqa: E402

from rashomon.cli.timeline_cmds import register as _register_timeline  # noqa: E402

_register_crossdoc(app, lambda: _sessions())
_register_timeline(app, lambda: _sessions())


def _pipeline():
    from rashomon.engine.pipeline import Pipeline

    return Pipeline(state.model)


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, directories, JSONL corpora, RSS/Atom feeds (file or URL), or '-' for stdin."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date to use (overrides the document's)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Read reports, extract events and statements, and store them (re-ingesting changes nothing)."""
    from rashomon.engine.batch import ingest as run_ingest
    from rashomon.ingest.dates import parse_date
    from rashomon.resolve.crossdoc import update_store

    if published and not parse_date(published):
        _fail(f"--published: not a date: {published!r}")
    sessions = _sessions()
    pipeline = _pipeline()
    with Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                  TimeElapsedColumn(), console=err, disable=quiet or not err.is_terminal, transient=True) as progress:
        task = progress.add_task("", total=None)

        def on_item(label: str, status: str) -> None:
            progress.update(task, advance=1, description=f"{status}: {Path(label).name}"[:60])

        result = run_ingest(paths, sessions, pipeline, published=parse_date(published) if published else None,
                            on_item=on_item, after_store=update_store)
    for skip in result.skipped:
        err.print(f"[yellow]skipped[/] {skip.origin}: {skip.reason}", highlight=False)
    for skip in result.failed:
        err.print(f"[red]failed[/] {skip.origin}: {skip.reason} (details with --debug)", highlight=False)
    console.print(f"ingested {len(result.ingested)}, unchanged {len(result.unchanged)}, "
                  f"skipped {len(result.skipped)}, failed {len(result.failed)}")
    if result.unchanged and not result.ingested:
        console.print("nothing new: every document was already stored")
    if not result.ok:
        raise typer.Exit(1)


@app.command()
def events(
    doc: Optional[str] = typer.Option(None, "--doc", help="Only this document (id or id prefix)."),
    event_type: Optional[str] = typer.Option(None, "--type", help="Only events of this type."),
    as_json: bool = typer.Option(False, "--json", help="JSON output."),
) -> None:
    """List extracted events with dates, places, roles and figures."""
    from rashomon.store.queries import list_events

    with _sessions()() as session:
        rows = list_events(session, doc, event_type=event_type)
    _emit(rows, as_json, render.events_table)


@app.command()
def statements(
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Only statements by this speaker."),
    stype: Optional[str] = typer.Option(None, "--type", help="claim_of_responsibility, accusation, denial, dismissal, warning, admission, question, other."),
    doc: Optional[str] = typer.Option(None, "--doc", help="Only this document."),
    as_json: bool = typer.Option(False, "--json", help="JSON output."),
) -> None:
    """List who said what, with cue, content, type and date."""
    from rashomon.store.queries import list_statements

    with _sessions()() as session:
        rows = list_statements(session, speaker, stype, doc)
    _emit(rows, as_json, render.statements_table)


@app.command()
def documents(as_json: bool = typer.Option(False, "--json", help="JSON output.")) -> None:
    """List stored documents."""
    from rashomon.store.queries import list_documents

    with _sessions()() as session:
        rows = [{"id": d.id, "title": d.title, "published": d.published, "source": d.source, "origin": d.origin}
                for d in list_documents(session)]
    _emit(rows, as_json, render.documents_table)


@app.command()
def show(doc_id: str = typer.Argument(..., help="Document id (or a unique prefix).")) -> None:
    """Print a document with every extracted span marked."""
    from rashomon.store.queries import document_spans, get_document

    with _sessions()() as session:
        row = get_document(session, doc_id)
        if row is None:
            _fail(f"no document {doc_id!r}")
        console.print(render.marked_document(row, document_spans(session, row.id)))


@app.command()
def export(
    fmt: str = typer.Option("jsonl", "--format", help="jsonl or csv."),
    what: str = typer.Option("events", "--what", help="events or statements."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (default stdout)."),
) -> None:
    """Export events or statements, each value with its source span."""
    from rashomon.store.queries import list_events, list_statements

    if fmt not in ("jsonl", "csv") or what not in ("events", "statements"):
        _fail("--format must be jsonl or csv; --what events or statements")
    with _sessions()() as session:
        rows = list_events(session) if what == "events" else list_statements(session)
    out = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if fmt == "jsonl":
            for r in rows:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
        else:
            flat = [render.flatten(r) for r in rows]
            fields = sorted({k for r in flat for k in r})
            writer = csv.DictWriter(out, fieldnames=fields)
            writer.writeheader()
            writer.writerows(flat)
    finally:
        if output:
            out.close()


@app.command()
def report(
    event_id: Optional[int] = typer.Argument(None, help="Event cluster id (default: every cluster)."),
    fmt: str = typer.Option("text", "--format", help="text, markdown or json."),
) -> None:
    """The analyst's report: what happened, who is said to be responsible, who says what, where accounts disagree."""
    from rashomon.resolve.report import build_reports

    with _sessions()() as session:
        reports = build_reports(session, event_id)
    if event_id is not None and not reports:
        _fail(f"no event cluster {event_id}")
    if fmt == "json":
        console.print_json(json.dumps(reports, ensure_ascii=False, default=str))
    elif fmt == "markdown":
        print(render.report_markdown(reports))
    else:
        console.print(render.report_markdown(reports), markup=False, highlight=False)


def _emit(rows: list[dict], as_json: bool, table) -> None:
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=1, default=str))
    else:
        console.print(table(rows))


def _fail(message: str) -> None:
    err.print(f"[red]error:[/] {message}", highlight=False)
    raise typer.Exit(2)


def run() -> None:
    """Entry point that hides tracebacks unless --debug."""
    try:
        app()
    except Exception as exc:  # noqa: BLE001 - last-resort handler for the CLI
        if state.debug or "--debug" in sys.argv:
            raise
        err.print(f"[red]error:[/] {type(exc).__name__}: {exc}", highlight=False)
        sys.exit(2)
