"""Ingest: every input kind, bad input with clear reasons, idempotent and resumable batches.

Inputs are written per test under tmp_path; the news texts are invented for these tests (see conftest).
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from rashomon.engine.batch import ingest
from rashomon.ingest.decode import InputError, check_text, content_id, decode, normalise_text
from rashomon.ingest.sources import Skip, iter_files, read_sources
from rashomon.models import Document
from rashomon.store.schema import Base, DocumentRow

pytestmark = pytest.mark.usefixtures("isolated_env")

SPANISH = ("Unos hombres armados atacaron un mercado en el centro de la ciudad el sábado por la mañana. "
           "La policía dijo que al menos doce personas murieron y que los atacantes huyeron en dos camionetas "
           "hacia las montañas del norte, donde el ejército los busca desde entonces con helicópteros.")
GERMAN = ("Bewaffnete Männer haben am Samstag auf einem Markt in der Stadt das Feuer eröffnet. Nach Angaben "
          "der Polizei wurden mindestens zwölf Menschen getötet, und die Angreifer sind mit zwei Fahrzeugen "
          "in die Berge geflohen, wo die Armee sie seitdem mit Hubschraubern sucht.")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"
UNDECODABLE = b"\x81\x8d\x8f\x90\x9d" * 40  # invalid UTF-8, and bytes Windows-1252 leaves undefined

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Bomb hits bus depot in Kaduna | The Daily Ledger</title>
<meta property="og:title" content="Bomb hits bus depot in Kaduna">
<meta property="article:published_time" content="2023-05-14T08:30:00Z">
<meta name="author" content="Tomas Reyes">
<meta property="og:site_name" content="The Daily Ledger">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe now</a></nav>
<article>
<h1>Bomb hits bus depot in Kaduna</h1>
<p>A bomb hidden in a parked minibus exploded at a bus depot in Kaduna early on Sunday, wounding at least nine
passengers who were waiting for the morning buses to the capital.</p>
<p>The state police commissioner said investigators had recovered fragments of the device and that two men seen
leaving the minibus shortly before the blast were being sought.</p>
</article>
<footer>Copyright 2023 The Daily Ledger. All rights reserved. Cookie settings.</footer>
</body></html>
"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Harbour Post World</title><link>https://example.org/</link><description>World news</description>
<item><title>Gunmen attack checkpoint near Goma</title><link>https://example.org/goma-checkpoint</link>
<pubDate>Sat, 13 May 2023 18:00:00 GMT</pubDate>
<description>Gunmen attacked an army checkpoint near Goma on Saturday and killed three soldiers, a military
spokesman said. The attackers escaped into the forest.</description></item>
<item><title>Grenade thrown at police post in Bujumbura</title><link>https://example.org/bujumbura-grenade</link>
<pubDate>Sun, 14 May 2023 07:15:00 GMT</pubDate>
<description>&lt;p&gt;A grenade was thrown at a police post in Bujumbura on Sunday morning, injuring two
officers, the police said.&lt;/p&gt;</description></item>
<item><title>Link only</title><link>https://example.org/link-only</link></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Valley Courier</title><id>urn:example:courier</id><updated>2023-05-15T09:00:00Z</updated>
<entry><title>Car bomb kills four in Mogadishu</title>
<link href="https://courier.example.com/mogadishu-car-bomb"/>
<id>urn:example:1</id><updated>2023-05-15T09:00:00Z</updated><published>2023-05-15T08:00:00Z</published>
<author><name>Amina Yusuf</name></author>
<content type="html">&lt;p&gt;A car bomb exploded outside a hotel in Mogadishu on Monday, killing four people
and wounding eleven others, a police officer said.&lt;/p&gt;</content>
</entry></feed>
"""


def read(*paths, published: str | None = None) -> tuple[list[Document], list[Skip]]:
    items = list(read_sources([str(p) for p in paths], published=published))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Skip)]


# --- each input kind -------------------------------------------------------------------------


def test_plain_text_header_lines_become_metadata(write, texts):
    path = write("kaduna.txt", texts["short"])
    docs, skips = read(path)
    assert skips == []
    [doc] = docs
    assert doc.title == "Bomb hits bus depot in Kaduna"
    assert doc.author == "Tomas Reyes"
    assert doc.published == "2023-05-14"
    assert doc.kind == "text"
    assert doc.origin == str(path)
    assert doc.text == texts["short"].strip()
    assert doc.text.startswith("Bomb hits bus depot in Kaduna\nBy Tomas Reyes\nMay 14, 2023\n\nA bomb hidden")
    assert doc.id == content_id(doc.text)


def test_plain_text_without_header_has_no_metadata(write, texts):
    [doc], _ = read(write("goma.txt", texts["other"]))
    assert (doc.title, doc.author, doc.published) == (None, None, None)
    assert doc.text == texts["other"].strip()


def test_wire_dateline_gives_date_and_agency(write):
    text = ("NAIROBI, 14 MAY 23 (KNA) -- Gunmen attacked a police post in the north of the country on "
            "Saturday, killing two officers, the police said.")
    [doc], _ = read(write("wire.txt", text))
    assert doc.published == "2023-05-14"
    assert doc.source == "KNA"


def test_line_ends_and_bom_do_not_change_the_document(write, texts):
    lf = texts["other"]
    crlf = b"\xef\xbb\xbf" + lf.replace("\n", "\r\n").encode("utf-8")
    [a], _ = read(write("lf.txt", lf))
    [b], _ = read(write("crlf.txt", crlf))
    assert a.text == b.text and a.id == b.id
    assert "\r" not in b.text and not b.text.startswith("\ufeff")


@pytest.mark.parametrize("encoding", ["utf-16", "cp1252"])
def test_other_encodings_are_decoded(write, encoding):
    text = "A café owner in Bamako said gunmen set fire to his shop on Friday; nobody was hurt, the police said."
    [doc], skips = read(write(f"{encoding}.txt", text.encode(encoding)))
    assert skips == [] and doc.text == text


def test_html_main_text_and_metadata(write):
    path = write("kaduna.html", HTML_PAGE)
    docs, skips = read(path)
    assert skips == []
    [doc] = docs
    assert doc.kind == "html"
    assert doc.title == "Bomb hits bus depot in Kaduna"
    assert doc.published == "2023-05-14"
    assert doc.author == "Tomas Reyes"
    assert doc.source == "The Daily Ledger"
    assert doc.text.split("\n")[0] == "Bomb hits bus depot in Kaduna"
    assert "A bomb hidden in a parked minibus exploded" in doc.text
    assert "two men seen" in doc.text and "being sought." in doc.text
    for boilerplate in ("Subscribe", "Copyright", "Cookie"):
        assert boilerplate not in doc.text
    assert doc.id == content_id(doc.text)


def test_html_is_recognised_by_content_whatever_the_suffix(write):
    [doc], _ = read(write("page.txt", HTML_PAGE))
    assert doc.kind == "html" and "<p>" not in doc.text


def test_html_with_unclosed_tags_keeps_its_text(write):
    html = ("<html><head><title>Raid in Kano</title></head><body><div><p>Soldiers raided a hideout in Kano on "
            "Tuesday and arrested six suspects, an army spokesman said.<p>Two rifles were seized during the raid"
            "<div><span>")
    [doc], skips = read(write("unclosed.html", html))
    assert skips == []
    assert "arrested six suspects" in doc.text and "Two rifles were seized" in doc.text


def test_directory_is_read_recursively_and_hidden_files_are_skipped(write, texts, tmp_path):
    write("batch/a.txt", texts["short"])
    write("batch/sub/b.txt", texts["other"])
    write("batch/sub/deeper/c.txt", texts["third"])
    write("batch/.hidden.txt", "Hidden notes that must not be read: a bomb exploded somewhere.")
    write("batch/.git/d.txt", "Repository internals that must not be read: a bomb exploded somewhere.")
    write("batch/sub/.DS_Store", b"\x00\x00\x00\x01Bud1")
    root = tmp_path / "inputs" / "batch"
    docs, skips = read(root)
    assert skips == []
    assert [Path(d.origin).relative_to(root).as_posix() for d in docs] == ["a.txt", "sub/b.txt", "sub/deeper/c.txt"]
    assert list(iter_files([str(root)])) == [d.origin for d in docs]


def test_jsonl_records_with_metadata(write, texts):
    lines = [
        {"text": texts["other"], "title": "Checkpoint attacked near Goma", "url": "https://example.org/goma",
         "published": "2023-05-13", "source": "Harbour Post", "author": "Jean Bosco"},
        {"text": texts["third"], "title": "Hotel bombing in Mogadishu", "url": "https://example.org/mogadishu",
         "published": "May 15, 2023", "source": "Valley Courier"},
        {"html": HTML_PAGE, "url": "https://example.org/kaduna", "source": "Daily Ledger"},
    ]
    path = write("corpus.jsonl", "\n".join(json.dumps(rec) for rec in lines) + "\n\n")
    docs, skips = read(path)
    assert skips == []
    assert [d.origin for d in docs] == [f"{path}:1", f"{path}:2", f"{path}:3"]
    a, b, c = docs
    assert (a.title, a.url, a.published, a.source, a.author, a.kind) == (
        "Checkpoint attacked near Goma", "https://example.org/goma", "2023-05-13", "Harbour Post", "Jean Bosco", "jsonl")
    assert a.text == texts["other"].strip()
    assert (b.title, b.published, b.source) == ("Hotel bombing in Mogadishu", "2023-05-15", "Valley Courier")
    assert c.kind == "jsonl" and "A bomb hidden in a parked minibus" in c.text and c.source == "Daily Ledger"


def test_rss_items_become_documents(write):
    path = write("world.rss", RSS)
    docs, skips = read(path)
    assert [(d.title, d.url, d.published) for d in docs] == [
        ("Gunmen attack checkpoint near Goma", "https://example.org/goma-checkpoint", "2023-05-13"),
        ("Grenade thrown at police post in Bujumbura", "https://example.org/bujumbura-grenade", "2023-05-14"),
    ]
    assert all(d.kind == "feed" and d.source == "Harbour Post World" for d in docs)
    assert docs[0].origin == f"{path}#1"
    assert "killed three soldiers" in docs[0].text
    assert "injuring two officers" in docs[1].text and "<p>" not in docs[1].text
    assert skips == [Skip(f"{path}#3", "item has no text (link only: https://example.org/link-only)")]


def test_atom_entries_become_documents(write):
    path = write("courier.atom", ATOM)
    [doc], skips = read(path)
    assert skips == []
    assert doc.title == "Car bomb kills four in Mogadishu"
    assert doc.url == "https://courier.example.com/mogadishu-car-bomb"
    assert doc.published == "2023-05-15"
    assert doc.author == "Amina Yusuf"
    assert doc.source == "Valley Courier"
    assert doc.text.startswith("Car bomb kills four in Mogadishu\n")
    assert "killing four people" in doc.text


def test_feed_is_recognised_by_content(write):
    [doc], _ = read(write("feed.txt", ATOM))
    assert doc.kind == "feed"


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_text(monkeypatch, texts):
    _stdin(monkeypatch, texts["short"].encode())
    [doc], skips = read("-")
    assert skips == [] and doc.origin == "-"
    assert doc.title == "Bomb hits bus depot in Kaduna" and doc.published == "2023-05-14"


def test_stdin_jsonl(monkeypatch, texts):
    _stdin(monkeypatch, (json.dumps({"text": texts["other"], "title": "Goma"}) + "\n").encode())
    [doc], _ = read("-")
    assert doc.kind == "jsonl" and doc.title == "Goma" and doc.origin == "-:1"


def test_published_override_wins_everywhere(write, texts):
    txt = write("kaduna.txt", texts["short"])
    feed = write("world.rss", RSS)
    jsonl = write("c.jsonl", json.dumps({"text": texts["third"], "published": "2023-05-15"}))
    docs, _ = read(txt, feed, jsonl, published="2023-06-01")
    assert len(docs) == 4
    assert {d.published for d in docs} == {"2023-06-01"}


# --- bad input: a clear reason per input, the rest goes on -----------------------------------------


BAD_INPUTS = {
    "empty.txt": (b"", "empty document"),
    "blank.txt": (b"  \n\n \t \n", "empty document"),
    "image.txt": (PNG, "binary file (contains NUL bytes)"),
    "garbled.txt": (UNDECODABLE, "undecodable bytes: not UTF-8 or Windows-1252 (at byte 0)"),
    "broken.html": (b"<html><head><title></title></head><body><div><p></div></span></table>", "no main text found in HTML"),
    "spanish.txt": (SPANISH.encode(), "not English"),
    "german.txt": (GERMAN.encode(), "not English"),
    "cyrillic.txt": ("Вооружённые люди напали на рынок в субботу.".encode(), "not English (no Latin-script words)"),
    "numbers.txt": (b"12 34 56 78 -- 90", "no readable text"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_skipped_with_its_reason(write, texts, name):
    content, reason = BAD_INPUTS[name]
    good_before = write("a_good.txt", texts["short"])
    bad = write(name, content)
    good_after = write("z_good.txt", texts["other"])
    items = list(read_sources([str(good_before), str(bad), str(good_after)]))
    assert [type(i).__name__ for i in items] == ["Document", "Skip", "Document"]
    skip = items[1]
    assert skip.origin == str(bad)
    assert skip.reason.startswith(reason), skip.reason


def test_decode_refuses_undecodable_bytes_with_the_offset():
    with pytest.raises(InputError, match=r"^undecodable bytes: not UTF-8 or Windows-1252 \(at byte 5\)$"):
        decode(b"Hello" + UNDECODABLE)


def test_decode_refuses_control_character_soup():
    with pytest.raises(InputError, match="too many control characters"):
        decode(bytes(range(1, 9)) * 20 + b"some text")


def test_non_english_reason_names_the_ratio():
    with pytest.raises(InputError, match=r"^not English \(English function-word ratio 0\.\d\d\)$"):
        check_text(SPANISH)
    check_text("Gunmen attacked a market on Saturday, the police said.")  # English passes


def test_missing_file_is_skipped(tmp_path):
    docs, skips = read(tmp_path / "nowhere.txt")
    assert docs == [] and skips == [Skip(str(tmp_path / "nowhere.txt"), "no such file")]


def test_malformed_json_lines_are_skipped_with_their_line_numbers(write, texts):
    path = write("corpus.jsonl", "\n".join([
        json.dumps({"text": texts["other"]}),
        '{"text": "Gunmen attacked a bank", ',
        "[1, 2, 3]",
        json.dumps({"title": "No body here"}),
        json.dumps({"text": texts["third"]}),
    ]))
    items = list(read_sources([str(path)]))
    docs = [i for i in items if isinstance(i, Document)]
    skips = [i for i in items if isinstance(i, Skip)]
    assert [d.origin for d in docs] == [f"{path}:1", f"{path}:5"]
    assert [s.origin for s in skips] == [f"{path}:2", f"{path}:3", f"{path}:4"]
    assert skips[0].reason.startswith("malformed JSON (")
    assert skips[1].reason == "expected a JSON object"
    assert skips[2].reason == "no 'text' field"


def test_malformed_feed_is_skipped(write):
    path = write("broken.rss", "<?xml version='1.0'?><rss version='2.0'><chan")
    docs, skips = read(path)
    assert docs == []
    assert len(skips) == 1 and skips[0].origin == str(path) and skips[0].reason.startswith("malformed feed")


def test_input_over_the_limit_is_refused(write, texts, monkeypatch):
    path = write("long.txt", texts["short"] * 3)
    monkeypatch.setenv("RASHOMON_MAX_BYTES", "100")
    [skip] = list(read_sources([str(path)]))
    assert isinstance(skip, Skip) and skip.reason.startswith("too large (")
    assert "RASHOMON_MAX_BYTES" in skip.reason
    monkeypatch.setenv("RASHOMON_MAX_BYTES", str(path.stat().st_size))
    [doc] = list(read_sources([str(path)]))  # exactly at the limit is fine
    assert isinstance(doc, Document)


def test_stdin_over_the_limit_is_refused(monkeypatch, texts):
    monkeypatch.setenv("RASHOMON_MAX_BYTES", "50")
    _stdin(monkeypatch, texts["short"].encode())
    [skip] = list(read_sources(["-"]))
    assert isinstance(skip, Skip) and skip.origin == "-" and skip.reason.startswith("too large")


def test_50mb_file_is_refused_without_being_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: no disk cost
    reads = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: reads.append(self) or real(self))
    [skip] = list(read_sources([str(path)]))
    assert isinstance(skip, Skip)
    assert skip.reason == "too large (52.4 MB > limit 10.5 MB; set RASHOMON_MAX_BYTES)"
    assert reads == []


# --- batches: idempotent, resumable, never losing stored documents ----------------------------------


def test_reingest_is_idempotent(write, texts, sessions, pipeline, row_counts):
    path = write("mombasa.txt", texts["full"])
    first = ingest([str(path)], sessions, pipeline)
    assert len(first.ingested) == 1 and first.ok
    counts = row_counts(sessions)
    assert counts["documents"] == 1 and counts["events"] > 0 and counts["statements"] > 0
    second = ingest([str(path)], sessions, pipeline)
    assert (second.ingested, second.unchanged, second.skipped, second.failed) == ([], first.ingested, [], [])
    assert row_counts(sessions) == counts


def test_same_text_in_two_files_is_one_document(write, texts, sessions, pipeline, row_counts):
    a = write("a.txt", texts["other"])
    b = write("copy/b.txt", texts["other"].replace("\n", "\r\n") + "\n\n")
    result = ingest([str(a), str(b)], sessions, pipeline)
    assert len(result.ingested) == 1 and result.unchanged == result.ingested
    assert row_counts(sessions)["documents"] == 1
    with sessions() as s:
        assert s.execute(select(DocumentRow.origin)).scalar_one() == str(a)


def test_bad_inputs_do_not_stop_the_batch_or_lose_stored_documents(write, texts, sessions, pipeline, row_counts):
    stored = write("stored.txt", texts["short"])
    assert len(ingest([str(stored)], sessions, pipeline).ingested) == 1
    before = row_counts(sessions)
    paths = [write(name, content) for name, (content, _) in sorted(BAD_INPUTS.items())]
    new = write("zz_new.txt", texts["other"])
    result = ingest([str(p) for p in [*paths, stored, new]], sessions, pipeline)
    assert not result.ok
    assert [s.origin for s in result.skipped] == [str(p) for p in paths]
    for skip, name in zip(result.skipped, sorted(BAD_INPUTS)):
        assert skip.reason.startswith(BAD_INPUTS[name][1])
    assert result.unchanged == [content_id(texts["short"])]
    assert result.ingested == [content_id(texts["other"])]
    after = row_counts(sessions)
    assert after["documents"] == before["documents"] + 1
    assert all(after[t] >= before[t] for t in before)


def _failing_on(pipeline, monkeypatch, nth: int, exc: BaseException):
    calls = []
    real = pipeline.analyze_doc

    def analyze_doc(document, doc):
        calls.append(document.id)
        if len(calls) == nth:
            raise exc
        return real(document, doc)

    monkeypatch.setattr(pipeline, "analyze_doc", analyze_doc)
    return calls


def test_failure_mid_batch_is_reported_and_a_rerun_resumes(write, texts, sessions, pipeline, monkeypatch):
    paths = [str(write(f"{i}.txt", texts[k])) for i, k in enumerate(("short", "other", "third"))]
    ids = [content_id(texts[k]) for k in ("short", "other", "third")]
    _failing_on(pipeline, monkeypatch, 2, RuntimeError("model crashed"))
    first = ingest(paths, sessions, pipeline)
    assert first.ingested == [ids[0], ids[2]]
    assert first.failed == [Skip(paths[1], "RuntimeError: model crashed")]
    assert not first.ok
    monkeypatch.undo()
    second = ingest(paths, sessions, pipeline)
    assert second.ingested == [ids[1]]
    assert second.unchanged == [ids[0], ids[2]]
    assert second.ok


def test_interrupted_batch_keeps_what_it_stored_and_resumes(write, texts, sessions, pipeline, monkeypatch, row_counts):
    paths = [str(write(f"{i}.txt", texts[k])) for i, k in enumerate(("short", "other", "third"))]
    ids = [content_id(texts[k]) for k in ("short", "other", "third")]
    _failing_on(pipeline, monkeypatch, 2, KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        ingest(paths, sessions, pipeline)
    with sessions() as s:
        assert list(s.execute(select(DocumentRow.id)).scalars()) == [ids[0]]
    monkeypatch.undo()
    result = ingest(paths, sessions, pipeline)
    assert result.unchanged == [ids[0]]
    assert result.ingested == ids[1:]
    assert row_counts(sessions)["documents"] == 3


def test_failure_while_storing_leaves_no_partial_document(write, texts, sessions, pipeline, row_counts):
    paths = [str(write("a.txt", texts["short"])), str(write("b.txt", texts["full"]))]
    bad_id = content_id(texts["full"])

    def after_store(session, doc_id):
        if doc_id == bad_id:
            raise RuntimeError("link step failed")

    result = ingest(paths, sessions, pipeline, after_store=after_store)
    assert result.ingested == [content_id(texts["short"])]
    assert result.failed == [Skip(paths[1], "RuntimeError: link step failed")]
    with sessions() as s:
        for table in Base.metadata.sorted_tables:
            if "doc_id" in table.c:
                assert s.execute(select(table).where(table.c.doc_id == bad_id)).first() is None, table.name
        assert s.get(DocumentRow, bad_id) is None
    assert ingest(paths, sessions, pipeline).ingested == [bad_id]


def test_normalised_text_is_what_is_stored(write, sessions, pipeline):
    raw = "\r\n  Gunmen attacked a bank in Kano on Friday, the police said.\r\nTwo guards were hurt.  \r\n"
    path = write("crlf.txt", raw.encode())
    [doc_id] = ingest([str(path)], sessions, pipeline).ingested
    with sessions() as s:
        assert s.get(DocumentRow, doc_id).text == normalise_text(raw)


def test_unchanged_means_stored_even_after_a_failure(write, texts, sessions, pipeline, monkeypatch):
    a, b = str(write("a.txt", texts["other"])), str(write("b.txt", texts["other"]))
    _failing_on(pipeline, monkeypatch, 1, RuntimeError("transient"))
    result = ingest([a, b], sessions, pipeline)
    assert result.failed == [Skip(a, "RuntimeError: transient")]
    with sessions() as s:
        stored = set(s.execute(select(DocumentRow.id)).scalars())
    assert set(result.unchanged) <= stored, "reported unchanged but not in the store"


def test_skip_origin_survives_a_colon_in_the_file_name(write, texts):
    path = write("notes: may.jsonl", json.dumps({"text": texts["other"]}) + "\n{broken\n")
    skips = [i for i in read_sources([str(path)]) if isinstance(i, Skip)]
    assert [s.origin for s in skips] == [f"{path}:2"]
    assert skips[0].reason.startswith("malformed JSON (")


def test_non_english_jsonl_line_is_skipped_with_its_line_number(write, texts):
    path = write("mixed.jsonl", json.dumps({"text": SPANISH}) + "\n" + json.dumps({"text": texts["other"]}) + "\n")
    items = list(read_sources([str(path)]))
    assert isinstance(items[0], Skip) and items[0].origin == f"{path}:1" and items[0].reason.startswith("not English")
    assert isinstance(items[1], Document) and items[1].origin == f"{path}:2"


def test_same_feed_item_twice_is_one_document(write, sessions, pipeline):
    item = ("<item><title>Shots fired at patrol in Gao</title><description>Gunmen fired on an army patrol near Gao "
            "on Friday, wounding one soldier, the army said.</description></item>")
    path = write("dup.rss", f"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>{item}{item}"
                            "</channel></rss>")
    result = ingest([str(path)], sessions, pipeline)
    assert len(result.ingested) == 1 and result.unchanged == result.ingested




@pytest.mark.parametrize("header", [
    "Bus depot bombed\nMay 14, 2023",
    "By Tomas Reyes\nJune 14, 2023",
    "By Tomas Reyes\nMay 14, 2023",
    "Bus depot bombed in Kaduna\nMay 14, 2023",
    "Death toll in Kaduna rises to 12\nMay 14, 2023",
])
def test_date_line_is_tagged_with_the_publication_date(pipeline, header):
    """The header date line is a DATE timex valued as the publication date; no timex crosses a line break."""
    from rashomon.ingest.text import parse_text

    doc = parse_text(header + "\n\nA bomb exploded at a bus depot in Kaduna on Sunday, wounding nine passengers.")
    date_line = header.split("\n")[1]
    value = doc.published
    assert value in ("2023-05-14", "2023-06-14")
    timexes = pipeline.analyze(doc).timexes
    assert all("\n" not in t.span.text for t in timexes), [t.span.text for t in timexes]
    assert (date_line, value) in [(t.span.text, t.value) for t in timexes]


def test_batched_parsing_stores_what_one_by_one_analysis_finds(write, texts, sessions, pipeline, monkeypatch):
    from rashomon.store.schema import EventRow, StatementRow

    names = ("short", "other", "third", "full")
    paths = [str(write(f"{i}.txt", texts[k])) for i, k in enumerate(names)]
    monkeypatch.setattr(pipeline, "batch_size", 3)  # one full batch and a remainder
    result = ingest(paths, sessions, pipeline)
    assert result.ingested == [content_id(texts[k]) for k in names] and result.ok
    with sessions() as s:
        for k in names:
            doc_id = content_id(texts[k])
            row = s.get(DocumentRow, doc_id)
            alone = pipeline.analyze(Document(id=doc_id, text=row.text, published=row.published))
            events = s.execute(select(EventRow.trigger_start).where(EventRow.doc_id == doc_id)).scalars().all()
            said = s.execute(select(StatementRow.cue_start).where(StatementRow.doc_id == doc_id)).scalars().all()
            assert sorted(events) == sorted(ev.trigger.start for ev in alone.events)
            assert sorted(said) == sorted(st.cue.start for st in alone.statements)


# --- parse-ahead: the next batch parsed in a worker thread ----------------------------------------------


def _stored_rows(sessions) -> dict[str, list]:
    from rashomon.store.schema import EventRow, StatementRow

    with sessions() as s:
        return {"documents": sorted(s.execute(select(DocumentRow.id, DocumentRow.origin)).all()),
                "events": sorted(s.execute(select(EventRow.doc_id, EventRow.trigger_start, EventRow.type)).all()),
                "statements": sorted(s.execute(select(StatementRow.doc_id, StatementRow.cue_start,
                                                      StatementRow.type)).all())}


def test_parse_ahead_stores_what_parsing_in_turn_stores(write, texts, pipeline, monkeypatch, tmp_path):
    from rashomon.store.db import connect, session_factory

    names = ("short", "other", "third", "full")
    paths = [str(write(f"{i}.txt", texts[k])) for i, k in enumerate(names)]
    monkeypatch.setattr(pipeline, "batch_size", 1)  # every document a batch: several queued at once
    rows = []
    for ahead in ("process", "thread", False):
        sessions = session_factory(connect(f"sqlite:///{tmp_path}/ahead_{ahead}.db"))
        result = ingest(paths, sessions, pipeline, parse_ahead=ahead)
        assert result.ingested == [content_id(texts[k]) for k in names] and result.ok
        rows.append(_stored_rows(sessions))
    assert rows[0] == rows[2] and rows[1] == rows[2] and rows[0]["events"] and rows[0]["statements"]


def test_parse_ahead_judges_a_repeat_after_the_first_is_stored(write, texts, sessions, pipeline, monkeypatch):
    monkeypatch.setattr(pipeline, "batch_size", 1)  # the copy comes while the first is still being parsed
    a, other, b = write("a.txt", texts["short"]), write("b.txt", texts["other"]), write("c.txt", texts["short"])
    result = ingest([str(a), str(other), str(b)], sessions, pipeline)
    assert result.ingested == [content_id(texts["short"]), content_id(texts["other"])]
    assert result.unchanged == [content_id(texts["short"])]


@pytest.mark.parametrize("worker", ["process", "thread"])
def test_parse_ahead_interrupted_stops_its_worker_and_restores_the_switch_interval(
        write, texts, sessions, pipeline, monkeypatch, worker):
    import multiprocessing
    import threading

    paths = [str(write(f"{i}.txt", texts[k])) for i, k in enumerate(("short", "other", "third"))]
    monkeypatch.setattr(pipeline, "batch_size", 1)
    _failing_on(pipeline, monkeypatch, 2, KeyboardInterrupt())
    interval = sys.getswitchinterval()
    with pytest.raises(KeyboardInterrupt):
        ingest(paths, sessions, pipeline, parse_ahead=worker)
    assert sys.getswitchinterval() == interval
    assert not any(t.name.startswith("rashomon-parse") for t in threading.enumerate())
    assert not multiprocessing.active_children()
    with sessions() as s:  # the first document, stored before the interruption; nothing after it
        assert list(s.execute(select(DocumentRow.id)).scalars()) == [content_id(texts["short"])]


def _killed_worker(documents):
    import os

    os._exit(1)  # the parse-ahead process dies (as if killed for lack of memory)


def test_parse_ahead_worker_killed_mid_batch_loses_nothing(write, texts, sessions, pipeline, monkeypatch, caplog):
    import rashomon.engine.parse_ahead as parse_ahead

    names = ("short", "other", "third")
    paths = [str(write(f"{i}.txt", texts[k])) for i, k in enumerate(names)]
    monkeypatch.setattr(pipeline, "batch_size", 1)
    monkeypatch.setattr(parse_ahead, "_parse_packed", _killed_worker)
    with caplog.at_level("WARNING", logger="rashomon.engine.parse_ahead"):
        result = ingest(paths, sessions, pipeline, parse_ahead="process")
    assert result.ingested == [content_id(texts[k]) for k in names] and result.ok
    assert "parse-ahead worker failed" in caplog.text
