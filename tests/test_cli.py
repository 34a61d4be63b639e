"""The ``rashomon`` command line, run in-process on a temporary SQLite store."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import click
import pytest
import typer

from rashomon.cli.main import app
from rashomon.ingest.decode import content_id

pytestmark = pytest.mark.usefixtures("isolated_env")

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour Post World</title>
<item><title>Gunmen attack checkpoint near Goma</title><link>https://example.org/goma-checkpoint</link>
<pubDate>Sat, 13 May 2023 18:00:00 GMT</pubDate>
<description>Gunmen attacked an army checkpoint near Goma on Saturday and killed three soldiers, a military
spokesman said.</description></item>
<item><title>Link only</title><link>https://example.org/link-only</link></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Courier</title><id>urn:x</id>
<updated>2023-05-15T09:00:00Z</updated>
<entry><title>Car bomb kills four in Mogadishu</title><link href="https://courier.example.com/mogadishu"/>
<id>urn:x:1</id><updated>2023-05-15T09:00:00Z</updated>
<summary>A car bomb exploded outside a hotel in Mogadishu on Monday, killing four people, a police officer
said.</summary></entry></feed>
"""

HTML = """<!DOCTYPE html><html><head><title>Rocket hits fuel depot in Aden</title>
<meta property="article:published_time" content="2023-05-16"></head><body><article>
<h1>Rocket hits fuel depot in Aden</h1>
<p>A rocket struck a fuel depot in Aden on Tuesday night, setting two storage tanks on fire and injuring three
workers, the port authority said in a statement.</p>
<p>Firefighters worked through the night to contain the blaze, which sent thick smoke over the harbour.</p>
</article></body></html>"""


def flat(s: str) -> str:
    return " ".join(s.split())


def summary(result) -> str:
    return result.stdout.strip().splitlines()[0]


def documents(cli) -> list[dict]:
    result = cli("documents", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# --- ingest: each input kind --------------------------------------------------------------------


def test_ingest_plain_text(cli, write, texts):
    path = write("kaduna.txt", texts["short"])
    result = cli("ingest", str(path))
    assert result.exit_code == 0, result.output
    assert summary(result) == "ingested 1, unchanged 0, skipped 0, failed 0"
    [doc] = documents(cli)
    assert doc == {"id": content_id(texts["short"]), "title": "Bomb hits bus depot in Kaduna",
                   "published": "2023-05-14", "source": None, "origin": str(path)}


def test_ingest_html_feeds_jsonl_and_directory_in_one_batch(cli, write, texts, tmp_path):
    html = write("pages/aden.html", HTML)
    write("reports/a.txt", texts["short"])
    write("reports/sub/b.txt", texts["other"])
    write("reports/.hidden/c.txt", texts["third"])
    rss = write("world.rss", RSS)
    atom = write("courier.atom", ATOM)
    jsonl = write("corpus.jsonl", json.dumps({"text": texts["third"], "title": "Hotel bombing", "url": "https://x.org/h",
                                              "published": "2023-05-15", "source": "Wire"}) + "\n")
    result = cli("ingest", str(html), str(tmp_path / "inputs" / "reports"), str(rss), str(atom), str(jsonl))
    assert result.exit_code == 1, result.output  # the link-only feed item is skipped
    assert summary(result) == "ingested 6, unchanged 0, skipped 1, failed 0"
    assert f"skipped {rss}#2: item has no text" in flat(result.stderr)
    docs = {d["origin"]: d for d in documents(cli)}
    assert docs[str(html)]["title"] == "Rocket hits fuel depot in Aden"
    assert docs[str(html)]["published"] == "2023-05-16"
    assert str(tmp_path / "inputs" / "reports" / "sub" / "b.txt") in docs
    assert not any(".hidden" in origin for origin in docs)
    assert docs[f"{rss}#1"]["title"] == "Gunmen attack checkpoint near Goma"
    assert docs[f"{rss}#1"]["published"] == "2023-05-13"
    assert docs[f"{atom}#1"]["published"] == "2023-05-15"
    assert docs[f"{jsonl}:1"] | {"id": None} == {"id": None, "title": "Hotel bombing", "published": "2023-05-15",
                                                  "source": "Wire", "origin": f"{jsonl}:1"}


def test_ingest_stdin(cli, texts):
    result = cli("ingest", "-", input=texts["other"])
    assert result.exit_code == 0, result.output
    assert summary(result) == "ingested 1, unchanged 0, skipped 0, failed 0"
    [doc] = documents(cli)
    assert doc["origin"] == "-" and doc["id"] == content_id(texts["other"])


def test_published_option_overrides_the_date_line(cli, write, texts):
    result = cli("ingest", "--published", "June 1, 2023", str(write("kaduna.txt", texts["short"])))
    assert result.exit_code == 0, result.output
    [doc] = documents(cli)
    assert doc["published"] == "2023-06-01"


def test_published_option_must_be_a_date(cli, write, texts):
    result = cli("ingest", "--published", "someday", str(write("kaduna.txt", texts["short"])))
    assert result.exit_code == 2
    assert flat(result.stderr) == "error: --published: not a date: 'someday'"
    assert documents(cli) == []


# --- idempotence and bad input ------------------------------------------------------------------


def test_reingest_reports_unchanged(cli, write, texts, sessions, row_counts):
    path = write("mombasa.txt", texts["full"])
    assert summary(cli("ingest", str(path))) == "ingested 1, unchanged 0, skipped 0, failed 0"
    counts = row_counts(sessions)
    again = cli("ingest", str(path))
    assert again.exit_code == 0
    assert again.stdout.strip().splitlines() == ["ingested 0, unchanged 1, skipped 0, failed 0",
                                                 "nothing new: every document was already stored"]
    assert row_counts(sessions) == counts


def test_same_text_in_two_files_is_one_document(cli, write, texts):
    a, b = write("a.txt", texts["other"]), write("b/copy.txt", texts["other"])
    result = cli("ingest", str(a), str(b))
    assert summary(result) == "ingested 1, unchanged 1, skipped 0, failed 0"
    assert len(documents(cli)) == 1


def test_bad_inputs_are_skipped_and_the_batch_goes_on(cli, write, texts, monkeypatch):
    stored = write("stored.txt", texts["short"])
    assert cli("ingest", str(stored)).exit_code == 0
    bad = {
        "empty.txt": (b"", "empty document"),
        "image.png.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file (contains NUL bytes)"),
        "garbled.txt": (b"\x81\x8d\x8f\x90\x9d" * 20, "undecodable bytes: not UTF-8 or Windows-1252 (at byte 0)"),
        "broken.html": (b"<html><body><div><p></div></span>", "no main text found in HTML"),
        "spanish.txt": ("Unos hombres armados atacaron un mercado de la ciudad el sábado y la policía dijo que al "
                        "menos doce personas murieron en el ataque, mientras los atacantes huyeron en dos camionetas "
                        "hacia el norte del país.".encode(), "not English (English function-word ratio"),
        "big.txt": (("Gunmen attacked a bank in the town, the police said. " * 30).encode(), "too large ("),
    }
    paths = {name: write(name, content) for name, (content, _) in bad.items()}
    jsonl = write("lines.jsonl", json.dumps({"text": texts["third"]}) + "\n{broken json\n")
    good = write("zz_good.txt", texts["other"])
    monkeypatch.setenv("RASHOMON_MAX_BYTES", "1000")
    result = cli("ingest", *map(str, paths.values()), str(jsonl), str(stored), str(good))
    assert result.exit_code == 1, result.output
    assert summary(result) == "ingested 2, unchanged 1, skipped 7, failed 0"
    err_lines = result.stderr.strip().splitlines()
    assert len(err_lines) == 7
    for name, (_, reason) in bad.items():
        assert f"skipped {paths[name]}: {reason}" in result.stderr
    assert f"skipped {jsonl}:2: malformed JSON (" in result.stderr
    assert "Traceback" not in result.output
    origins = {d["origin"] for d in documents(cli)}
    assert origins == {str(stored), f"{jsonl}:1", str(good)}


def test_failure_mid_batch_exit_code_and_resume(cli, write, texts, pipeline, monkeypatch):
    paths = [str(write(f"{i}.txt", texts[k])) for i, k in enumerate(("short", "other", "third"))]
    real, calls = pipeline.analyze_doc, []

    def flaky(document, doc):
        calls.append(document.id)
        if len(calls) == 2:
            raise RuntimeError("parser exploded")
        return real(document, doc)

    monkeypatch.setattr(pipeline, "analyze_doc", flaky)
    first = cli("ingest", *paths)
    assert first.exit_code == 1
    assert summary(first) == "ingested 2, unchanged 0, skipped 0, failed 1"
    assert f"failed {paths[1]}: RuntimeError: parser exploded" in first.stderr
    monkeypatch.setattr(pipeline, "analyze_doc", real)
    second = cli("ingest", *paths)
    assert second.exit_code == 0
    assert summary(second) == "ingested 1, unchanged 2, skipped 0, failed 0"
    assert len(documents(cli)) == 3


_FAILING_RUN = """
import rashomon.cli.main as main
class Broken:
    batch_size = 4
    class nlp:
        vocab = None
    def parse_batch(self, documents, tag=True):
        return [RuntimeError("parser exploded") for _ in documents]
    def tag_batch(self, parsed):
        pass
    def analyze_parsed(self, documents, parsed):
        yield from zip(documents, parsed)
main._pipeline = lambda: Broken()
main.run()
"""


def test_failed_document_prints_no_traceback_without_debug(write, texts, db_url):
    path = write("kaduna.txt", texts["short"])
    proc = subprocess.run([sys.executable, "-c", _FAILING_RUN, "--db", db_url, "ingest", str(path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stdout.strip() == "ingested 0, unchanged 0, skipped 0, failed 1"
    assert "parser exploded" in proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr


# --- reading the store back ---------------------------------------------------------------------


@pytest.fixture
def stored(cli, write, texts) -> str:
    """The full report, ingested; returns its document id."""
    result = cli("ingest", str(write("mombasa.txt", texts["full"])))
    assert result.exit_code == 0, result.output
    return content_id(texts["full"])


def test_events_json(cli, stored, texts):
    result = cli("events", "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows and all(r["doc"] == stored for r in rows)
    text = texts["full"].strip()
    for r in rows:
        t = r["trigger"]
        assert text[t["start"]:t["end"]] == t["text"]
    figures = [(f["kind"], f["span"]["text"]) for r in rows for f in r["figures"]]
    assert ("killed", "at least 12") in figures
    assert json.loads(cli("events", "--json", "--doc", "0000000").stdout) == []


def test_events_table(cli, stored):
    result = cli("events")
    assert result.exit_code == 0 and "Events" in result.stdout and stored[:8] in result.stdout


def test_statements_json_and_filters(cli, stored):
    rows = json.loads(cli("statements", "--json").stdout)
    assert rows and all(r["doc"] == stored for r in rows)
    chief = json.loads(cli("statements", "--json", "--speaker", "police chief").stdout)
    assert [r["source"]["text"] for r in chief] == ["the police chief"]
    assert chief[0]["mode"] == "direct"
    assert all(r["type"] == "accusation" for r in json.loads(cli("statements", "--json", "--type", "accusation").stdout))
    assert cli("statements").exit_code == 0


def test_documents_json_and_table(cli, stored):
    [doc] = json.loads(cli("documents", "--json").stdout)
    assert doc["id"] == stored and doc["title"] == "Gunmen kill 12 at market in Mombasa"
    table = cli("documents")
    assert table.exit_code == 0 and stored in table.stdout


def test_show_prints_the_text_and_spans(cli, stored, texts):
    result = cli("show", stored[:10])
    assert result.exit_code == 0, result.output
    out = flat(result.stdout)
    assert flat(texts["full"]) in out
    assert "Spans:" in out and "'at least 12'" in out


def test_show_unknown_document_is_a_one_line_error(cli, stored):
    result = cli("show", "does-not-exist")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == ["error: no document 'does-not-exist'"]
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_show_unknown_document_via_the_entry_point(db_url):
    """The installed entry point (rashomon.cli.main:run): exit code 2, one line, no traceback."""
    proc = subprocess.run(
        [sys.executable, "-c", "from rashomon.cli.main import run; run()", "--db", db_url, "show", "nope"],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == ["error: no document 'nope'"]


@pytest.mark.parametrize("what", ["events", "statements"])
def test_export_jsonl(cli, stored, tmp_path, what):
    out = tmp_path / f"{what}.jsonl"
    result = cli("export", "--format", "jsonl", "--what", what, "-o", str(out))
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows and all(r["doc"] == stored for r in rows)
    stdout_rows = [json.loads(line) for line in cli("export", "--what", what).stdout.splitlines()]
    assert stdout_rows == rows


@pytest.mark.parametrize("what", ["events", "statements"])
def test_export_csv(cli, stored, tmp_path, what, texts):
    out = tmp_path / f"{what}.csv"
    result = cli("export", "--format", "csv", "--what", what, "-o", str(out))
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows and all(r["doc"] == stored for r in rows)
    key = "trigger" if what == "events" else "cue"
    text = texts["full"].strip()
    for r in rows:
        assert text[int(r[f"{key}.start"]):int(r[f"{key}.end"])] == r[f"{key}.text"]


def test_export_rejects_unknown_format(cli, stored):
    result = cli("export", "--format", "xml")
    assert result.exit_code == 2 and "error:" in result.stderr


def test_report_runs(cli, stored):
    result = cli("report", "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert result.stdout.lstrip().startswith("# ")
    assert "Gunmen kill 12 at market in Mombasa" in result.stdout and "Mombasa" in result.stdout
    assert json.loads(cli("report", "--format", "json").stdout)


def test_commands_on_an_empty_store(cli):
    assert json.loads(cli("events", "--json").stdout) == []
    assert json.loads(cli("statements", "--json").stdout) == []
    assert json.loads(cli("documents", "--json").stdout) == []
    assert cli("export").stdout == ""


# --- help -----------------------------------------------------------------------------------------


def _command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    paths = []
    for name, command in group.commands.items():
        paths.append((*prefix, name))
        if isinstance(command, click.Group):
            paths += _command_paths(command, (*prefix, name))
    return paths


COMMANDS = _command_paths(typer.main.get_command(app))


def test_every_documented_command_exists():
    for name in ("ingest", "events", "statements", "documents", "show", "export", "report", "eval"):
        assert (name,) in COMMANDS


@pytest.mark.parametrize("path", [(), *COMMANDS], ids=lambda p: " ".join(p) or "rashomon")
def test_help(cli, path):
    result = cli(*path, "--help")
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.stdout


def test_tables_show_background_undated_statements_and_each_filler_once(cli, write):
    text = ("Gunmen attacked a police post in Kidal, Mali, on Tuesday, killing three officers, the army said. "
            "The gunmen fled on motorbikes. Residents said the gunmen had attacked the same post before.\n\n"
            "In 2019, a bombing at a market in Kidal killed 12 people.")
    path = write("kidal.txt", "Gunmen attack police post in Mali\n\nJune 5, 2024\n\n" + text)
    assert cli("ingest", str(path)).exit_code == 0
    events = cli("events", env={"COLUMNS": "200"}).stdout
    assert "[background]" in events
    roles = [line for line in events.splitlines() if "perpetrator" in line]
    assert len(roles) == len(set(roles)), events
    statements = cli("statements", env={"COLUMNS": "200"}).stdout
    assert "≤ 2024-06-05" in statements
