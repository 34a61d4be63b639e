"""Timeline of the store (issue 9): date order with granularity, filters, undated items, CLI."""

from __future__ import annotations

import json
from datetime import date

import pytest

from rashomon.engine.batch import ingest
from rashomon.resolve.crossdoc import update_store
from rashomon.resolve.timeline import build_timeline, date_range

pytestmark = pytest.mark.usefixtures("isolated_env")

# Two short reports written for this test (invented incident).
REPORT_A = """Rebels bomb power station in Mosul
By Ana Ruiz
June 12, 2023

A bomb destroyed a power station in Mosul on Saturday, killing two guards, police said. \
The governor said on Sunday that the Northern Brigades carried out the attack.
"""

REPORT_B = """Militia denies role in Mosul blast
June 14, 2023

The Northern Brigades denied on Tuesday that they had bombed the Mosul power station. \
"We had nothing to do with it," a spokesman for the group said.
"""


def test_date_range_keeps_granularity():
    assert date_range("2024-03-22") == (date(2024, 3, 22), date(2024, 3, 22), "day", "")
    assert date_range("2024-03")[:3] == (date(2024, 3, 1), date(2024, 3, 31), "month")
    assert date_range("2024")[:3] == (date(2024, 1, 1), date(2024, 12, 31), "year")
    assert date_range("2024-W12")[:3] == (date(2024, 3, 18), date(2024, 3, 24), "week")
    assert date_range("2024-Q2")[:3] == (date(2024, 4, 1), date(2024, 6, 30), "quarter")
    assert date_range("2024-03-22T14:30")[2:] == ("time", "14:30")
    assert date_range("199")[:3] == (date(1990, 1, 1), date(1999, 12, 31), "decade")
    for not_on_calendar in (None, "", "PAST_REF", "PRESENT_REF", "XXXX-10-07", "P2D", "2024-02-30"):
        assert date_range(not_on_calendar) is None


@pytest.fixture
def store(write, sessions, pipeline):
    paths = [write("a.txt", REPORT_A), write("b.txt", REPORT_B)]
    result = ingest([str(p) for p in paths], sessions, pipeline, after_store=update_store)
    assert len(result.ingested) == 2 and result.ok
    return sessions


def _check_spans(sessions, rows):
    from rashomon.store.schema import DocumentRow

    with sessions() as s:
        for r in rows:
            text = s.get(DocumentRow, r["doc"]).text
            for sp in (r["date_span"], r["trigger"]):
                if sp:
                    assert text[sp["start"]:sp["end"]] == sp["text"]


def test_whole_store_in_date_order_with_spans(store):
    with store() as s:
        tl = build_timeline(s)
    dated, undated = tl["dated"], tl["undated"]
    assert dated and undated
    keys = [(r["earliest"], r["granularity"]) for r in dated]
    assert [k[0] for k in keys] == sorted(k[0] for k in keys)
    # the bombing (Saturday before the June 12 report) comes first; the denial (Tuesday) later
    bombing = next(r for r in dated if r["kind"] == "event" and r["type"] == "bombing")
    assert bombing["date"] == "2023-06-10" and bombing["granularity"] == "day"
    assert bombing["date_span"]["text"] == "Saturday" and "Mosul" in bombing["what"]
    denial = next(r for r in dated if r["kind"] == "statement" and r["type"] == "denial")
    assert denial["date"] == "2023-06-13" and denial["trigger"]["text"] == "denied"
    assert dated.index(bombing) < dated.index(denial)
    # undated items are listed under their document's publication date
    assert all(r["reported"] in ("2023-06-12", "2023-06-14") for r in undated)
    assert [r["reported"] for r in undated] == sorted(r["reported"] for r in undated)
    _check_spans(store, dated + undated)


def test_filters(store):
    with store() as s:
        by_actor = build_timeline(s, actor="northern brigades")
        fuzzy = build_timeline(s, actor="Nothern Brigade")
        by_place = build_timeline(s, place="mosul")
        nowhere = build_timeline(s, place="Reykjavik")
        nobody = build_timeline(s, actor="Jane Doe")
    rows = by_actor["dated"] + by_actor["undated"]
    assert any(r["kind"] == "statement" and r["speaker"] == "Northern Brigades" for r in rows)
    assert all(r["kind"] == "event" or r["speaker"] == "Northern Brigades" for r in rows)
    assert [r["id"] for r in fuzzy["dated"]] == [r["id"] for r in by_actor["dated"]]
    place_rows = by_place["dated"] + by_place["undated"]
    assert any(r["kind"] == "event" for r in place_rows)
    assert all(r["kind"] == "statement" or "Mosul" in (r["place"] or "") for r in place_rows)
    assert nowhere == {"dated": [], "undated": []} and nobody == {"dated": [], "undated": []}


def test_event_filter_by_event_and_cluster_id(store):
    with store() as s:
        whole = build_timeline(s)
        bombing = next(r for r in whole["dated"] if r["kind"] == "event" and r["type"] == "bombing")
        one = build_timeline(s, event=f"e{bombing['id']}")
        ids = {r["id"] for r in one["dated"] + one["undated"] if r["kind"] == "event"}
        assert bombing["id"] in ids
        if bombing["cluster"] is not None:
            by_cluster = build_timeline(s, event=str(bombing["cluster"]))
            assert {r["id"] for r in by_cluster["dated"] + by_cluster["undated"] if r["kind"] == "event"} == ids
        assert build_timeline(s, event="e999999") == {"dated": [], "undated": []}


def test_month_sorts_before_its_days(sessions):
    from rashomon.store.schema import DocumentRow, EventRow

    with sessions.begin() as s:
        s.add(DocumentRow(id="d1", text="x" * 50, published="2024-04-08"))
        for idx, value in enumerate(["2024-03-22", "2024-03", "2024-03-01", "2024", None, "2023-12-31"]):
            s.add(EventRow(doc_id="d1", idx=idx, type="bombing", trigger_start=idx, trigger_end=idx + 1,
                           trigger_text="x", sentence_start=0, sentence_end=50, date_value=value))
    with sessions() as s:
        tl = build_timeline(s)
    assert [r["date"] for r in tl["dated"]] == ["2023-12-31", "2024", "2024-03", "2024-03-01", "2024-03-22"]
    assert [r["granularity"] for r in tl["dated"]] == ["day", "year", "month", "day", "day"]
    assert [(r["date"], r["reported"]) for r in tl["undated"]] == [(None, "2024-04-08")]


def test_cli_timeline(cli, write):
    a, b = write("a.txt", REPORT_A), write("b.txt", REPORT_B)
    assert cli("ingest", str(a), str(b)).exit_code == 0
    res = cli("timeline")
    assert res.exit_code == 0, res.output
    assert "2023-06-10" in res.output and "reported 2023-06-14" in res.output and "Saturday" in res.output
    res = cli("timeline", "--actor", "northern brigades", "--json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert any(r["kind"] == "statement" and r["type"] == "denial" for r in data["dated"])
    res = cli("timeline", "--place", "Atlantis")
    assert res.exit_code == 0 and "nothing matches" in res.output


# --- MUC-4 incident dates (rashomon.eval.muc4_incidents) -----------------------------------------

def test_muc4_prepare_unwraps_hard_line_breaks_and_keeps_offsets():
    from rashomon.eval.muc4_incidents import day_of, prepare

    text = "SAN SALVADOR, 3 JAN 90 -- [TEXT] GUERRILLAS ATTACKED\nTHE BASE YESTERDAY.\n\nPOLICE SAID."
    out = prepare(text, "lower")
    assert len(out) == len(text) and "attacked the base" in out.replace("  ", " ") and "\n\n" in out
    assert day_of("1990-01-02T20:30") == "1990-01-02" and day_of("1990-01") is None and day_of(None) is None


def test_muc4_dates_small_sample(shared_dir, pipeline):
    from rashomon.eval.muc4_incidents import evaluate, render

    m = evaluate(limit=12, pipeline=pipeline)
    assert m["documents"] == 12 and m["key_templates"] > 0
    # full TST1+TST2: strict 85.9 / lenient 94.4 accuracy (docs/notes/timex.md)
    assert m["date"]["both"] > 0 and m["date"]["accuracy"] >= 0.6
    assert m["date_lenient"]["accuracy"] >= m["date"]["accuracy"]
    assert "lenient" in render(m)
