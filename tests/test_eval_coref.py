"""Coreference scorers on textbook examples, slot scoring on a tiny case, crossdoc runner."""

import pytest

from rashomon.eval import coref, muc4_slots

# Bagga & Baldwin (1998) figure: gold {1-5}, {6,7}, {8-12}
GOLD = {i: "A" for i in range(1, 6)} | {6: "B", 7: "B"} | {i: "C" for i in range(8, 13)}
# response 1 merges {6,7} into {8-12}; response 2 merges {1-5} with {8-12}
R1 = {i: "x" for i in range(1, 6)} | {i: "y" for i in range(6, 13)}
R2 = {i: "x" for i in list(range(1, 6)) + list(range(8, 13))} | {6: "y", 7: "y"}


def test_b_cubed_bagga_baldwin():
    p, r, _ = coref.b_cubed(GOLD, R1)
    assert p == pytest.approx(64 / 84)  # 76%
    assert r == 1.0
    p, r, _ = coref.b_cubed(GOLD, R2)
    assert p == pytest.approx(7 / 12)  # 58%
    assert r == 1.0


def test_muc_cannot_tell_the_two_responses_apart():
    assert coref.muc(GOLD, R1)[:2] == pytest.approx((9 / 10, 1.0))
    assert coref.muc(GOLD, R2)[:2] == pytest.approx((9 / 10, 1.0))


def test_pairwise():
    c = coref.pairwise_counts(GOLD, R1)
    assert c == {"gold": 21, "pred": 31, "correct": 21}
    p, r, f = coref.pairwise(GOLD, R1)
    assert (p, r) == pytest.approx((21 / 31, 1.0))
    # no predicted link: precision 0 by convention
    assert coref.pairwise(GOLD, {i: i for i in GOLD}) == (0.0, 0.0, 0.0)


def test_missing_and_extra_items():
    gold = {"a": 1, "b": 1, "c": 2}
    pred = {"a": 1, "x": 1, "y": 1}  # b, c missing -> singletons; x, y ignored
    p, r, _ = coref.b_cubed(gold, pred)
    assert p == 1.0
    assert r == pytest.approx((0.5 + 0.5 + 1) / 3)
    assert coref.score_all(gold, gold)["b3"]["f1"] == 1.0


KEY = {
    "MESSAGE: ID": "TST9-MUC4-0001", "MESSAGE: TEMPLATE": "1",
    "INCIDENT: DATE": "- 15 JAN 90", "INCIDENT: LOCATION": "PERU: LIMA (CITY): MIRAFLORES (NEIGHBORHOOD)",
    "INCIDENT: TYPE": "BOMBING",
    "HUM TGT: NAME": "-", "HUM TGT: DESCRIPTION": '"POLICEMEN"\n"PASSERSBY"',
    "HUM TGT: NUMBER": '3: "POLICEMEN"\n~10: "PASSERSBY"',
    "HUM TGT: EFFECT OF INCIDENT": 'DEATH: "POLICEMEN"\nINJURY: "PASSERSBY"',
    "_irrelevant": False,
}
KEY2 = dict(KEY, **{"MESSAGE: TEMPLATE": "2", "INCIDENT: DATE": "10 JAN 90 - 12 JAN 90",
                    "INCIDENT: TYPE": "KIDNAPPING", "INCIDENT: LOCATION": "PERU",
                    "HUM TGT: NUMBER": 'PLURAL: "POLICEMEN"\n1: "PASSERSBY"'})


def test_score_slots_tiny():
    keys = {"D1": [KEY, KEY2]}
    preds = {"D1": [
        {"date": "1990-01-11", "location": "Peru", "type": "kidnapping", "killed": 5},
        {"date": "1990-01-15", "location": "Miraflores, Lima, Peru", "killed": 3, "wounded": 10},
        {"date": "1990-01-01", "location": ["PERU", "CUZCO"], "killed": None},
    ]}
    m = muc4_slots.score_slots(preds, keys)
    assert m["paired"] == 2
    assert m["date"]["correct"] == 2 and m["date"]["pred"] == 3 and m["date"]["gold"] == 2
    assert m["location_exact"]["correct"] == 2  # PERU for the country-only key, MIRAFLORES
    assert m["location_any"]["correct"] == 2
    # killed: KEY2 is PLURAL (not scored); KEY -> 3 correct
    assert m["killed"]["gold"] == 1 and m["killed"]["correct"] == 1 and m["killed"]["pred"] == 2
    assert m["wounded"]["correct"] == 1  # ~10 taken at face value
    # open key "- 15 JAN 90": only the anchor is strictly right, earlier dates leniently
    assert muc4_slots.date_correct("1990-01-14", [(None, "1990-01-15")]) is False
    assert muc4_slots.date_correct("1990-01-14", [(None, "1990-01-15")], lenient=True) is True


def test_crossdoc_runner_on_real_keys():
    from rashomon.eval import crossdoc, muc4_keys
    if not muc4_keys.default_root().exists():
        pytest.skip("shared MUC-4 data missing")
    m = crossdoc.evaluate(limit=40)
    assert m["runs"]["singleton"]["b3"]["p"] == 1.0
    assert m["runs"]["oracle_type_date_loc"]["b3"]["r"] >= m["runs"]["singleton"]["b3"]["r"]
    assert "B3 P" in crossdoc.render(m)

    # a system with its own event ids: one event per doc. With alignment="best" it is aligned to every
    # gold item of its doc; with the default one-to-one alignment to one item per doc only.
    def one_event_per_doc(items):
        return {f"{it['docid']}#e1": it["docid"] for it in items}
    one_to_one = crossdoc.evaluate(limit=40, clusterer=one_event_per_doc)["runs"]["system"]
    m2 = crossdoc.evaluate(limit=40, clusterer=one_event_per_doc, alignment="best")
    run = m2["runs"]["system"]
    assert run["aligned_items"] == m2["items"]
    assert 0 < one_to_one["aligned_items"] < run["aligned_items"]  # docs with several templates
    assert run["b3"]["r"] == pytest.approx(m["runs"]["singleton"]["b3"]["r"])
