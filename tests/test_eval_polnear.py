"""PolNeAR scorer: hand-made gold/prediction cases, and a small dev sample with floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rashomon.eval.polnear import evaluate, metrics_from_counts, parse_ann, render, score_document

POLNEAR = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "polnear"

TEXT = 'Ann Lee said "the vote is off." Bob agreed, she added.'
#       0123456789012345678901234567890123456789012345678901234


def span(sub: str, start: int = 0) -> tuple[int, int]:
    i = TEXT.index(sub, start)
    return (i, i + len(sub))


GOLD = [{"source": span("Ann Lee"), "cue": span("said"), "content": span('"the vote is off."')}]


def score(gold, pred) -> dict:
    return metrics_from_counts(score_document(TEXT, gold, pred), 1)


def test_exact_ignores_quote_marks_and_punctuation():
    pred = [{"source": span("Ann Lee "), "cue": span(" said"), "content": span("the vote is off")}]
    m = score(GOLD, pred)
    for key in ("source/exact", "cue/exact", "content/exact", "attribution/exact"):
        assert m[key]["f1"] == 100.0, key


def test_overlap_but_not_exact():
    pred = [{"source": span("Lee"), "cue": span("said"), "content": span("vote is")}]
    m = score(GOLD, pred)
    assert m["source/exact"]["tp"] == 0 and m["source/overlap"]["tp"] == 1
    assert m["content/exact"]["tp"] == 0 and m["content/overlap"]["tp"] == 1
    assert m["attribution/exact"]["tp"] == 0 and m["attribution/overlap"]["tp"] == 1


def test_punctuation_only_overlap_does_not_count():
    # shares only the closing quote mark and full stop with the gold content
    pred = [{"source": None, "cue": span("agreed"), "content": span('." Bob')}]
    assert score(GOLD, pred)["content/overlap"]["tp"] == 0
    # shares one word
    pred = [{"source": None, "cue": span("agreed"), "content": span('off." Bob')}]
    assert score(GOLD, pred)["content/overlap"]["tp"] == 1


def test_missing_source_matches_only_missing_source():
    gold = [{"source": None, "cue": span("added"), "content": span("Bob agreed")}]
    good = [{"source": None, "cue": span("added"), "content": span("Bob agreed")}]
    bad = [{"source": span("she"), "cue": span("added"), "content": span("Bob agreed")}]
    assert score(gold, good)["attribution/exact"]["f1"] == 100.0
    m = score(gold, bad)
    assert m["attribution/exact"]["tp"] == 0 and m["attribution/overlap"]["tp"] == 0
    assert m["source/exact"]["pred"] == 1 and m["source/exact"]["gold"] == 0


def test_shared_source_counts_once_and_one_to_one():
    gold = [GOLD[0], {"source": span("Ann Lee"), "cue": span("added"), "content": span("Bob agreed")}]
    pred = [{"source": span("Ann Lee"), "cue": span("said"), "content": span("the vote is off")}]
    m = score(gold, pred)
    assert m["source/exact"]["gold"] == 1 and m["source/exact"]["tp"] == 1
    assert m["cue/exact"]["gold"] == 2 and m["cue/exact"]["tp"] == 1
    # two predictions overlapping one gold span: only one is paired
    pred2 = pred + [{"source": span("Lee"), "cue": span("sai"), "content": span("vote")}]
    m = score(GOLD, pred2)
    assert m["cue/overlap"]["tp"] == 1 and m["cue/overlap"]["pred"] == 2


def test_linked_requires_overlapping_cue():
    # right source and content, but attached to the wrong cue
    pred = [{"source": span("Ann Lee"), "cue": span("added"), "content": span("the vote is off")}]
    m = score(GOLD, pred)
    assert m["source/exact"]["tp"] == 1 and m["content/exact"]["tp"] == 1
    assert m["source-linked/exact"]["tp"] == 0 and m["content-linked/exact"]["tp"] == 0


def test_parse_ann_merges_discontinuous_and_content2():
    ann = "\n".join([
        "T1\tSource 0 7\tAnn Lee",
        "T2\tCue 8 12\tsaid",
        "T3\tContent 13 20;25 31\tx",
        "T4\tContent 40 45\ty",
        "T5\tAttribution 8 12\tsaid",
        "E1\tAttribution:T5 Source:T1 Cue:T2 Content:T3 Content2:T4",
        "T6\tCue 46 51\tadded",
        "T7\tContent 32 42\tBob agreed",
        "T8\tAttribution-no-source 46 51\tadded",
        "E2\tAttribution-no-source:T8 Cue:T6 Content:T7",
        "T9\tDiscuss 0 3\tAnn",
    ])
    attrs = parse_ann(ann)
    assert attrs[0] == {"source": (0, 7), "cue": (8, 12), "content": (13, 45)}
    assert attrs[1] == {"source": None, "cue": (46, 51), "content": (32, 42)}


@pytest.mark.skipif(not POLNEAR.is_dir(), reason="shared PolNeAR data not available")
def test_dev_sample_floors(tmp_path):
    out = tmp_path / "pred.jsonl"
    m = evaluate(POLNEAR / "dev", predictions_out=out, limit=10)
    text = render(m)
    assert "cue/exact" in text
    lines = out.read_text().splitlines()
    assert len(lines) == 10 and json.loads(lines[0])["attributions"]
    # measured (sixth pass): cue 75.2, source 81.9, content 62.4, attribution 54.8 (exact F1), content
    # overlap 86.2 (fifth pass: 74.7, 80.3, 61.2, 54.5, 84.8); full dev in docs/notes/attribution.md
    assert m["cue/exact"]["f1"] >= 75
    assert m["source/exact"]["f1"] >= 81.5
    assert m["content/exact"]["f1"] >= 62
    assert m["attribution/exact"]["f1"] >= 54.5
    assert m["content/overlap"]["f1"] >= 86


@pytest.mark.skipif(not POLNEAR.is_dir(), reason="shared PolNeAR data not available")
def test_dev_sample_floors_with_the_span_encoder():
    encoder = pytest.importorskip("rashomon.nlp.encoder")
    try:
        encoder.load()
    except encoder.EncoderNotInstalled as exc:
        pytest.skip(str(exc))
    encoder.set_enabled(True)
    try:
        m = evaluate(POLNEAR / "dev", limit=10)
    finally:
        encoder.set_enabled(None)
    # measured (session 8): cue 76.1, source 84.8, content 62.0, attribution 55.4 (exact F1), cue overlap
    # 84.5 -- the default pipeline on the same sample: 75.2, 81.9, 62.4, 54.8, and cue overlap below 84
    assert m["cue/exact"]["f1"] >= 75.5
    assert m["source/exact"]["f1"] >= 84
    assert m["attribution/exact"]["f1"] >= 54.5
    assert m["cue/overlap"]["f1"] >= 84
