"""MUC-3/4 key and text parsing on real snippets and hand-made values."""

from pathlib import Path

import pytest

from rashomon.eval import muc4_keys as mk

SNIPPET = '''\
;;; gk deleted murder 2 (redundant with 1)
0.  MESSAGE: ID                     TST1-MUC3-0001
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  02 FEB 90
3.  INCIDENT: LOCATION              GUATEMALA: SANTO TOMAS (FARM)
4.  INCIDENT: TYPE                  ATTACK
10. PERP: ORGANIZATION ID           "GUATEMALAN NATIONAL REVOLUTIONARY UNITY" / "URNG"
12. PHYS TGT: ID                    "\\"SANTO TOMAS\\" PRESIDENTIAL FARM" / "PRESIDENTIAL FARM"
18. HUM TGT: NAME                   "CEREZO"
19. HUM TGT: DESCRIPTION            "PRESIDENT": "CEREZO"
                                    "CIVILIAN"
21. HUM TGT: NUMBER                 1: "CEREZO"
                                    1: "CIVILIAN"
23. HUM TGT: EFFECT OF INCIDENT     NO INJURY: "CEREZO"
                                    DEATH: "CIVILIAN"

0.  MESSAGE: ID                     DEV-MUC3-0005 (NOSC, CALSPAN)
1.  MESSAGE: TEMPLATE               *
2.  INCIDENT: DATE                  *
3.  INCIDENT: LOCATION              *
'''


def test_parse_key_text():
    t1, t2 = mk.parse_key_text(SNIPPET)
    assert t1["MESSAGE: ID"] == "TST1-MUC3-0001" and not t1["_irrelevant"]
    assert t1["HUM TGT: DESCRIPTION"] == '"PRESIDENT": "CEREZO"\n"CIVILIAN"'
    assert mk.slot_strings(t1, "PHYS TGT: ID") == ['"SANTO TOMAS" PRESIDENTIAL FARM', "PRESIDENTIAL FARM"]
    assert mk.effect_counts(t1, "DEATH") == [(1, 1)]
    assert mk.effect_counts(t1, "INJURY") == [(0, 0)]
    assert t2["MESSAGE: ID"] == "DEV-MUC3-0005" and t2["_irrelevant"]


def test_parse_date():
    assert mk.parse_date("15 JAN 90") == [("1990-01-15", "1990-01-15")]
    assert mk.parse_date("- 15 JAN 90") == [(None, "1990-01-15")]
    assert mk.parse_date("-15 JAN 90") == [(None, "1990-01-15")]
    assert mk.parse_date("10 - 15 JAN 90") == [("1990-01-10", "1990-01-15")]
    assert mk.parse_date("30 DEC 89 - 02 JAN 90") == [("1989-12-30", "1990-01-02")]
    assert mk.parse_date("(09 DEC 89) / (- 09 DEC 89)") == [
        ("1989-12-09", "1989-12-09"), (None, "1989-12-09")]
    assert mk.parse_date("? 03 MARCH 90") == [("1990-03-03", "1990-03-03")]
    assert mk.parse_date("OCT 18", default_year=1989) == [("1989-10-18", "1989-10-18")]
    assert mk.parse_date("-") == [] and mk.parse_date("*") == []


def test_parse_location():
    assert mk.parse_location("EL SALVADOR: SAN SALVADOR (CITY)") == ["EL SALVADOR", "SAN SALVADOR"]
    assert mk.parse_location("PERU: LIMA (CITY): MIRAFLORES (NEIGHBORHOOD)", with_types=True) == [
        ("PERU", "COUNTRY"), ("LIMA", "CITY"), ("MIRAFLORES", "NEIGHBORHOOD")]
    alts = mk.parse_location_alternatives(
        "(EL SALVADOR: SAN SALVADOR (CITY)) / (EL SALVADOR: SAN SALVADOR (DEPARTMENT))")
    assert [a[-1] for a in alts] == [[("SAN SALVADOR", "CITY")], [("SAN SALVADOR", "DEPARTMENT")]]
    rng = mk.parse_location_alternatives("CHILE: COPIAPO (CITY) - TALCA (CITY)")
    assert rng == [[[("CHILE", "COUNTRY")], [("COPIAPO", "CITY"), ("TALCA", "CITY")]]]
    assert mk.parse_location("EL SALVADOR: USULUTAN (CITY / COUNTY / DEPARTMENT)", True)[-1] == (
        "USULUTAN", "CITY / COUNTY / DEPARTMENT")
    assert mk.parse_location_alternatives("(COLOMBIA) / (COLOMBIA: BOGOTA (CITY))")[0] == [
        [("COLOMBIA", "COUNTRY")]]
    assert [a[0][0][0] for a in mk.parse_location_alternatives("HONDURAS / EL SALVADOR")] == [
        "HONDURAS", "EL SALVADOR"]


def test_parse_number():
    assert mk.parse_number("3") == [(3, 3)]
    assert mk.parse_number("~100") == [(100, 100)]
    assert mk.parse_number("6-8") == [(6, 8)]
    assert mk.parse_number("6-") == [(6, None)] and mk.parse_number("23 -") == [(23, None)]
    assert mk.parse_number("5/6") == [(5, 5), (6, 6)]
    assert mk.parse_number("PLURAL") == [(2, None)]
    assert mk.parse_number("? 15") == [(15, 15)]


def test_xref():
    assert mk.parse_xref('? NO INJURY OR DEATH / NO DEATH: "GUARD" / "GUARDS"') == (
        ["NO INJURY OR DEATH", "NO DEATH"], ["GUARD", "GUARDS"], True)


ROOT = mk.default_root()
needs_data = pytest.mark.skipif(not ROOT.exists(), reason="shared MUC-4 data missing")


@needs_data
def test_real_tst_keys_and_texts():
    keys = mk.load_keys(ROOT / "corpora" / "tst1")
    assert len(keys) == 100 and "TST1-MUC3-0001" in keys
    t = keys["TST1-MUC3-0001"][0]
    assert t["INCIDENT: LOCATION"] == "GUATEMALA: SANTO TOMAS (FARM)"
    assert mk.effect_counts(t, "DEATH") == [(1, 1)]
    texts = mk.load_texts(ROOT / "corpora" / "tst1")
    d = texts["TST1-MUC3-0001"]
    assert d["date"] == "1990-02-04" and d["place"] == "GUATEMALA CITY" and d["source"] == "ACAN-EFE"
    assert d["text"].lstrip().startswith("GUATEMALA CITY, 4 FEB 90")
    # a dateline without year takes the previous document's year
    assert texts["TST1-MUC3-0070"]["date"] == "1990-01-25"
    k2 = mk.load_keys(ROOT / "corpora" / "tst2")["TST2-MUC4-0002"][0]
    assert mk.parse_location(k2["INCIDENT: LOCATION"]) == ["CHILE", "SANTIAGO", "PROVIDENCIA"]


@needs_data
def test_gold_file_matches_rule():
    import json
    from rashomon.eval import crossdoc
    path = Path(__file__).parent / "data" / "muc4_crossdoc_gold.json"
    gold = json.loads(path.read_text())
    assert gold["items"] == crossdoc.derive_gold(ROOT)["items"]
    assert gold["stats"]["multi_document_clusters"] >= 5
