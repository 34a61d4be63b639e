"""Cross-document resolution on the store: clusters, figure series, contradictions, order independence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from rashomon.engine.batch import ingest
from rashomon.engine.pipeline import Pipeline
from rashomon.resolve.contradictions import stored_links
from rashomon.resolve.crossdoc import update_store
from rashomon.resolve.reconcile import series
from rashomon.resolve.report import build_reports, list_clusters
from rashomon.store.db import connect, session_factory
from rashomon.store.schema import DocumentRow, EventRow

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "crossdoc"
ARTICLE = ROOT / ".." / "shared" / "articles" / "moscow-steps-up-attacks-2024-04-08.txt"
pytestmark = pytest.mark.skipif(not DATA.exists(), reason="tests/data/crossdoc missing")


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def _store(tmp_path, pipeline, paths, name="db"):
    sessions = session_factory(connect(f"sqlite:///{tmp_path}/{name}.sqlite"))
    res = ingest([str(p) for p in paths], sessions, pipeline, after_store=update_store)
    assert not res.failed
    return sessions


def _clusters_by_file(sessions) -> set[frozenset]:
    with sessions() as s:
        names = {d.id: Path(d.origin).name for d in s.execute(select(DocumentRow)).scalars()}
        return {frozenset(names[d] for d in c["documents"]) for c in list_clusters(s)}, {
            frozenset(names[d] for d in c["documents"]): c["key"] for c in list_clusters(s)}


def _cluster_of(sessions, filename):
    with sessions() as s:
        for c in list_clusters(s):
            names = {Path(s.get(DocumentRow, d).origin).name for d in c["documents"]}
            if filename in names and c["reports"] > 1:
                return c, names
    return None, set()


def test_reference_article_alone(tmp_path, pipeline):
    if not ARTICLE.exists():
        pytest.skip("reference article missing")
    sessions = _store(tmp_path, pipeline, [ARTICLE])
    with sessions() as s:
        links = stored_links(s)
    kinds = {ln["kind"] for ln in links}
    assert "competing_attribution" in kinds and "denial" in kinds
    flight = [ln for ln in links if ln["kind"] == "contradicting_account" and ln["proposition"] == "flight"]
    speakers = {frozenset((ln["a"]["speaker"], ln["b"]["speaker"])) for ln in flight}
    assert frozenset(("Vladimir Putin", "Alexander Lukashenko")) in speakers
    # competing attributions: IS-K's claim against the accusations (Ukraine, Western services)
    comp = [ln for ln in links if ln["kind"] == "competing_attribution"]
    assert any("Khorasan" in ln["explanation"] and "Western" in ln["explanation"] for ln in comp)
    assert any(ln["kind"] == "denial" and "Kyiv" in ln["b"]["speaker"] for ln in links)
    with sessions() as s:
        text = s.get(DocumentRow, links[0]["a"]["doc"]).text
    for ln in links:  # every side carries its stored span
        for side in (ln["a"], ln["b"]):
            c = side["content"]
            assert text[c["start"]:c["end"]] == c["text"]


def test_companions_one_cluster_with_toll_series(tmp_path, pipeline):
    paths = sorted(DATA.glob("moscow_*.txt")) + sorted(DATA.glob("other_*.txt"))
    if ARTICLE.exists():
        paths.append(ARTICLE)
    sessions = _store(tmp_path, pipeline, paths)
    c, names = _cluster_of(sessions, "moscow_1_early.txt")
    assert c is not None
    assert {"moscow_1_early.txt", "moscow_2_is_claim.txt", "moscow_3_kyiv_denial.txt", "moscow_4_toll_139.txt"} <= names
    assert not any(n.startswith("other_") for n in names)
    with sessions() as s:
        killed = series(s, c["id"])["killed"]
        links = stored_links(s, c["id"])
    values = [e["value"] for e in killed]
    assert values[0] == 60 and 93 in values and 133 in values
    assert [e["label"] for e in killed][1] == "update"
    assert sum(e["best"] for e in killed) == 1
    kinds = {ln["kind"] for ln in links}
    assert {"competing_attribution", "denial", "contradicting_account"} <= kinds
    with sessions() as s:  # the reference article's air strikes on Ukraine (25 March) are another incident
        types = {t for e in s.execute(select(EventRow).where(EventRow.cluster_id == c["id"])).scalars()
                 for t in (e.types or e.type).split(",")}
    assert not types & {"air_strike", "missile_strike", "drone_strike", "shelling"}
    # unrelated reports stay alone
    clusters, _ = _clusters_by_file(sessions)
    for other in ("other_mexico_bar_shooting.txt", "other_afghanistan_earthquake.txt"):
        assert all(cl == {other} for cl in clusters if other in cl)


def test_chaman_conflict_and_contradiction(tmp_path, pipeline):
    sessions = _store(tmp_path, pipeline, sorted(DATA.glob("chaman_*.txt")) + [DATA / "other_afghanistan_earthquake.txt"])
    c, names = _cluster_of(sessions, "chaman_1_early.txt")
    assert len(names) == 5
    with sessions() as s:
        killed = series(s, c["id"])["killed"]
        links = stored_links(s, c["id"])
    labels = {e["label"] for e in killed}
    assert {"update", "conflict"} <= labels
    assert any(e["value"] == 19 and e["label"] == "conflict" or e["value"] == 23 and e["label"] == "conflict" for e in killed)
    assert any(ln["kind"] == "contradicting_account" and ln["proposition"] == "fate" for ln in links)
    assert any(ln["kind"] == "denial" for ln in links)


def test_ingest_order_independent(tmp_path, pipeline):
    files = [DATA / "moscow_1_early.txt", DATA / "moscow_3_kyiv_denial.txt", DATA / "chaman_1_early.txt",
             DATA / "chaman_4_toll_rises.txt", DATA / "other_mexico_bar_shooting.txt"]
    results = []
    for k, perm in enumerate([files, files[::-1], files[2:] + files[:2]]):
        sessions = _store(tmp_path, pipeline, perm, name=f"perm{k}")
        results.append(_clusters_by_file(sessions))
    assert results[0][0] == results[1][0] == results[2][0]
    assert results[0][1] == results[1][1] == results[2][1]  # cluster keys too


def test_report_markdown_and_json(tmp_path, pipeline):
    from rashomon.cli.render import report_markdown

    sessions = _store(tmp_path, pipeline, [DATA / "moscow_3_kyiv_denial.txt", DATA / "moscow_4_toll_139.txt"])
    with sessions() as s:
        reps = build_reports(s)
    md = report_markdown(reps)
    assert "## Contradictions" in md and "## Who is said to be responsible" in md
    json.dumps(reps, default=str)


def _sp(text, phrase, nth=0):
    i = -1
    for _ in range(nth + 1):
        i = text.index(phrase, i + 1)
    from rashomon.models import Span

    return Span(i, i + len(phrase), phrase)


def test_split_report_statements_reach_the_incident(tmp_path):
    """A report whose incident the extractor split in two (one half placed in another country, so it
    stays alone) still brings its accusation and the denial of it to the shared incident; the
    figure series and links written incrementally equal a full rebuild. Records built by hand."""
    from rashomon.models import Analysis, Document, Event, Figure, Place, Statement, Timex
    from rashomon.resolve import contradictions, reconcile
    from rashomon.store.repository import save_analysis
    from rashomon.store.schema import ClusterRow, FigureSeriesRow, LinkRow

    a = ("A bomb hidden on a motorcycle tore through the vegetable market of Gulzar on Friday, killing 9 people, "
         "police said.")
    b = ("Pakistan's interior minister accused Afghanistan of sheltering the militants. The bomb on the motorcycle "
         "in the vegetable market of Gulzar killed 12 people. A spokesman for the Taliban government, "
         "Zabiullah Noori, denied the charge.")
    an_a = Analysis(document=Document(id="a", text=a, published="2025-02-14"), events=[Event(
        type="bombing", trigger=_sp(a, "bomb"), sentence=_sp(a, a), types=["bombing"],
        date=Timex(_sp(a, "Friday"), "DATE", "2025-02-14"), place=Place(_sp(a, "Gulzar"), "Gulzar", "PK", city="Gulzar"),
        figures=[Figure("killed", 9, _sp(a, "killing 9 people"))])])
    s1 = b[:b.index(".") + 1]
    s2 = b[len(s1) + 1:b.index("people.") + 7]
    an_b = Analysis(document=Document(id="b", text=b, published="2025-02-15"), events=[
        Event(type="bombing", trigger=_sp(b, "militants"), sentence=_sp(b, s1), types=["bombing"],
              date=Timex(_sp(b, "Pakistan"), "DATE", "2025-02-14"), place=Place(_sp(b, "Afghanistan"), "Afghanistan", "AF")),
        Event(type="bombing", trigger=_sp(b, "bomb"), sentence=_sp(b, s2), types=["bombing"],
              date=Timex(_sp(b, "Pakistan"), "DATE", "2025-02-14"), place=Place(_sp(b, "Gulzar"), "Gulzar", "PK", city="Gulzar"),
              figures=[Figure("killed", 12, _sp(b, "killed 12 people"))])],
        statements=[
            Statement(cue=_sp(b, "accused"), content=_sp(b, "Afghanistan of sheltering the militants"),
                      source=_sp(b, "Pakistan's interior minister"), speaker="Pakistan's interior minister",
                      speaker_kind="person", type="accusation", target=_sp(b, "Afghanistan"), events=[0]),
            Statement(cue=_sp(b, "denied"), content=_sp(b, "the charge"),
                      source=_sp(b, "A spokesman for the Taliban government, Zabiullah Noori"),
                      speaker="spokesman for the Taliban government, Zabiullah Noori", speaker_kind="person",
                      type="denial", target=_sp(b, "the charge"), events=[0])])
    sessions = session_factory(connect(f"sqlite:///{tmp_path}/split.sqlite"))
    for an in (an_a, an_b):
        with sessions.begin() as s:
            save_analysis(s, an)
            update_store(s, an.document.id)
    with sessions.begin() as s:
        cid = s.execute(select(EventRow.cluster_id).where(EventRow.doc_id == "a")).scalar_one()
        assert s.execute(select(EventRow.cluster_id).where(EventRow.doc_id == "b", EventRow.idx == 1)).scalar_one() == cid
        assert s.execute(select(EventRow.cluster_id).where(EventRow.doc_id == "b", EventRow.idx == 0)).scalar_one() != cid
        links = stored_links(s, cid)
        assert any(ln["kind"] == "denial" and "Taliban" in ln["b"]["speaker"] for ln in links)
        stored = sorted((ln["kind"], ln["a"]["statement"], ln["b"]["statement"]) for ln in links)
        steps = [(r.kind, r.position, r.figure_id, r.label, r.best) for r in
                 s.execute(select(FigureSeriesRow).where(FigureSeriesRow.cluster_id == cid)).scalars()]
        assert [v["value"] for v in series(s, cid)["killed"]] == [9, 12]
        reconcile.rebuild(s, cid)  # a full rebuild changes nothing
        contradictions.rebuild(s, cid, s.get(ClusterRow, cid).country)
        assert sorted((ln["kind"], ln["a"]["statement"], ln["b"]["statement"]) for ln in stored_links(s, cid)) == stored
        assert sorted((r.kind, r.position, r.figure_id, r.label, r.best) for r in
                      s.execute(select(FigureSeriesRow).where(FigureSeriesRow.cluster_id == cid)).scalars()) == sorted(steps)
        assert s.execute(select(LinkRow).where(LinkRow.cluster_id == cid, LinkRow.kind.startswith("figure_"))).first()
