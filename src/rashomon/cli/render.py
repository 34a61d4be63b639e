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
        # one line per role filler (an entity named several times has one argument per mention)
        roles = "\n".join(dict.fromkeys(f"{a['role']}: {a['entity']}" + (f" ({a['responsibility']})" if a["responsibility"] else "")
                                         for a in ev["arguments"]))
        place = ev["place"]
        table.add_row(
            str(ev["id"]), ev["doc"][:8], escape(", ".join(ev["types"]) + (" [background]" if ev["background"] else "")),
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
                      escape(st["cue"]["text"]), st["type"], st["mode"], statement_when(st),
                      escape(st["content"]["text"][:200]))
    return table


def statement_when(st: dict) -> str:
    """The date a statement was made, or, when the text gives none, "≤ <date>": it was made by the
    time the report carrying it was published."""
    if st.get("date"):
        return st["date"]["value"]
    return f"≤ {st['reported']}" if st.get("reported") else ""


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


def _side_line(side: dict) -> str:
    span = side.get("content") or side.get("span") or {}
    return (f"**{side.get('speaker') or '?'}** ({side.get('type')}, {side.get('date') or 'undated'}): "
            f"\"{span.get('text', '')}\" {_where(span) if span else ''}")


def report_markdown(reports: list[dict]) -> str:
    """The analyst's report as markdown: every item with its source span."""
    out: list[str] = []
    for rep in reports:
        out.append(f"# {rep['title']}  (cluster {rep['id']}, {rep['key']})")
        out.append("")
        out.append("## What happened")
        out.append(f"- {rep['type'].replace('_', ' ')} — {rep['date'] or 'date unknown'} — {rep['place'] or ''} ({rep['country'] or '?'})"
                   f" — {len(rep['documents'])} report(s)")
        for kind, best in sorted(rep["figures"]["best"].items()):
            if best:
                out.append(f"- **{kind}: {best['value']}** — {best['reason']} — \"{best['text']}\" ({best['source'] or '?'}) {_where(best['span'])}")
        for kind, steps in sorted(rep["figures"]["series"].items()):
            out.append(f"  - {kind} series:")
            for s in steps:
                lab = s["label"] or "first"
                out.append(f"    - {s['date']}: \"{s['text']}\" ({s['source'] or '?'}) → {lab}"
                           f"{' — ' + s['reason'] if s['label'] else ''} {_where(s['span'])}")
        for ev in rep["events"]:
            place = ev["place"]
            where = f"{place['name']}, {place['country_name'] or place['country'] or ''}" if place else "place unknown"
            tag = " (background)" if ev["background"] else ""
            out.append(f"- mention: **{', '.join(ev['types'])}**{tag} — {ev['date']['value'] if ev['date'] else 'date unknown'} — {where} "
                       f"— \"{ev['trigger']['text']}\" {_where(ev['trigger'])}")
        out.append("")
        out.append("## Who is said to be responsible, and by whom")
        for r in rep["responsibility"] or []:
            party = ", ".join(r["party"]) if r["party"] else ""
            out.append(f"- {r['status']}{': ' + party if party else ''} — by **{r['by'] or '?'}** ({r['date'] or 'undated'}): "
                       f"\"{r['span']['text']}\" {_where(r['span'])}")
        if not rep["responsibility"]:
            out.append("- none found")
        for title, key in (("Competing attributions", "competing_attributions"), ("Denials", "denials"),
                           ("Contradictions", "contradictions")):
            out.append("")
            out.append(f"## {title}")
            if not rep[key]:
                out.append("- none found")
            for ln in rep[key]:
                out.append(f"- {ln['explanation']} [{ln['proposition']}]")
                out.append(f"  - A: {_side_line(ln['a'])}")
                out.append(f"  - B: {_side_line(ln['b'])}")
        out.append("")
        out.append("## Statements by proposition and stance")
        for prop, by_type in rep["statements_by_proposition"].items():
            out.append(f"- **{prop}**")
            for stype, sts in by_type.items():
                out.append(f"  - {stype}:")
                for st in sts:
                    date = st["date"]["value"] if st["date"] else "undated"
                    chain = " via " + " → ".join(c["text"] for c in st["chain"]) if st.get("chain") else ""
                    out.append(f"    - **{st['speaker'] or (st['source'] or {}).get('text') or '?'}**{chain} {st['cue']['text']} "
                               f"({date}): \"{st['content']['text']}\" {_where(st['cue'])}")
        out.append("")
        out.append("## Reports")
        for d in rep["documents"]:
            out.append(f"- {d['id']} — {d['title'] or ''} ({d['published'] or 'undated'}, {d['source'] or d['author'] or d['origin'] or ''})")
        out.append("")
    return "\n".join(out) if out else "No events stored yet: run `rashomon ingest PATH` first."
