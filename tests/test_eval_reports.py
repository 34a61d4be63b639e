"""The own-reports evaluation runs on a sample and stays above the floor the full run justifies."""

from rashomon.eval.reports import evaluate, render


def test_own_reports_sample_floor():
    m = evaluate(limit=6)
    assert m["documents"] == 6
    assert m["event_recall"] >= 90.0
    assert m["figure_accuracy"] >= 55.0
    assert m["statement_recall"] >= 50.0
    assert "event recall" in render(m)


def test_a_cue_matches_its_leading_words():
    from rashomon.eval.reports import _same_cue
    assert _same_cue("claimed", "claimed responsibility") and _same_cue("Said", "said")
    assert not _same_cue("claimed", "denied") and not _same_cue("claimed", "responsibility")
    assert not _same_cue("", "said")
    assert _same_cue("was later claimed", "claimed") and _same_cue("said:", "said") and _same_cue("were said", "said")
    assert not _same_cue("was", "said")
    assert _same_cue("now says", "says") and _same_cue("had initially said", "said") and _same_cue("still say", "say")
    assert not _same_cue("now says", "denies")
    assert _same_cue("have long accused", "accused") and _same_cue("has recently warned", "warned")
    assert not _same_cue("have long accused", "denied")
