"""Rendering records for the terminal (rich tables, marked text, markdown reports)."""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table
from rich.text import Text

QUALIFIER_WORDS = {"at_least": "at least", "more_than": "more than", "about": "about", "up_to": "up to", "exact": ""}


def figure_text(f: dict) -> str:
    q = QUALIFIER_WORDS.get(f.get("qualifier") or "", "")
    mod = f" {f['modifier']}" if f.get("modifier") else ""
    return f"{q + ' ' if q else ''}{f['value']}{mod} {f['kind']}"


def events_table(rows: list[dict]) -> Table:
    table = Table(title="Events", show_lines=True)
    for col in ("id", "doc", "type", "date", "place", "roles", "figures"):
        table.add_column(col)
    for ev in rows:
        roles = "\n".join(f"{a['role']}: {a['entity']}" + (f" ({a['responsibility']})" if a["responsibility"] else "")
                          for a in ev["arguments"])
        place = ev["place"]
        table.add_row(
            str(ev["id"]), ev["doc"][:8], ", ".join(ev["types"]) + (" [background]" if ev["background"] else ""),
            ev["date"]["value"] if ev["date"] else "", escape(f"{place['name']} ({place['country'] or '?'})") if place else "",
            escape(roles), escape("\n".join(figure_text(f) for f in ev["figures"])),
        )
    return table


def statements_table(rows: list[dict]) -> Table:
    table = Table(title="Statements", show_lines=True)
    for col in ("id", "speaker", "cue", "type", "mode", "date", "content"):
        table.add_column(col, overflow="fold")
    for st in rows:
        table.add_row(str(st["id"]), escape(st["speaker"] or (st["source"] or {}).get("text") or "?"),
                      escape(st["cue"]["text"]), st["type"], st["mode"], st["date"]["value"] if st["date"] else "",
                      escape(st["content"]["text"][:200]))
    return table


def documents_table(rows: list[dict]) -> Table:
    table = Table(title="Documents")
    for col in ("id", "published", "title", "source", "origin"):
        table.add_column(col, overflow="fold")
    for d in rows:
        table.add_row(d["id"], d["published"] or "", escape(d["title"] or ""), escape(d["source"] or ""), escape(d["origin"] or ""))
    return table


def marked_document(row, spans: list[tuple[int, int, str]]) -> Text:
    """The document text with extracted spans highlighted and labelled."""
    text = Text()
    text.append(f"{row.title or row.id}  ({row.published or 'undated'}, {row.id})\n\n", style="bold")
    styles = {"event": "bold red", "figure": "bold magenta", "date": "cyan", "timex": "cyan", "place": "green",
              "source": "bold blue", "cue": "underline blue"}
    body = Text(row.text)
    for start, end, label in spans:
        body.stylize(styles.get(label.split(":")[0], "yellow"), start, end)
    text.append(body)
    text.append("\n\nSpans:\n", style="bold")
    for start, end, label in spans:
        text.append(f"  [{start}:{end}] {label}: {row.text[start:end]!r}\n")
    return text


def flatten(record: dict, prefix: str = "") -> dict:
    """Nested dicts to flat columns for CSV ("place.country", "date.span.start")."""
    flat: dict = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, name + "."))
        elif isinstance(value, list):
            import json

            flat[name] = json.dumps(value, ensure_ascii=False)
        else:
            flat[name] = value
    return flat


def _where(span: dict | None) -> str:
    return f"[{span['doc'][:8]} {span['start']}:{span['end']}]" if span else ""


def report_markdown(reports: list[dict]) -> str:
    """The analyst's report as markdown: every item with its source span."""
    out: list[str] = []
    for rep in reports:
        out.append(f"# {rep['title']}")
        out.append("")
        out.append("## What happened")
        for ev in rep["events"]:
            place = ev["place"]
            where = f"{place['name']}, {place['country_name'] or place['country'] or ''}" if place else "place unknown"
            tag = " (background)" if ev["background"] else ""
            out.append(f"- **{', '.join(ev['types'])}**{tag} — {ev['date']['value'] if ev['date'] else 'date unknown'} — {where} "
                       f"— \"{ev['trigger']['text']}\" {_where(ev['trigger'])}")
            for a in ev["arguments"]:
                resp = f" ({a['responsibility']})" if a["responsibility"] else ""
                out.append(f"  - {a['role']}: {a['entity']}{resp} {_where(a['span'])}")
            for f in ev["figures"]:
                out.append(f"  - {figure_text(f)}: \"{f['span']['text']}\" {_where(f['span'])}")
        for section, items in rep.get("sections", {}).items():
            out.append("")
            out.append(f"## {section}")
            out.extend(f"- {line}" for line in items) if items else out.append("- none found")
        out.append("")
        out.append("## Who said what")
        for st in rep["statements"]:
            date = st["date"]["value"] if st["date"] else "undated"
            target = f" → {st['target']['text']}" if st.get("target") else ""
            out.append(f"- **{st['speaker'] or (st['source'] or {}).get('text') or '?'}** {st['cue']['text']} "
                       f"[{st['type']}{target}, {st['mode']}, {date}]: \"{st['content']['text']}\" {_where(st['cue'])}")
        out.append("")
        out.append("## Reports")
        for d in rep["documents"]:
            out.append(f"- {d['id']} — {d['title'] or ''} ({d['published'] or 'undated'}, {d['source'] or d['origin'] or ''})")
        out.append("")
    return "\n".join(out) if out else "No events stored yet: run `rashomon ingest PATH` first."
