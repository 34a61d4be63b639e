"""Pure cross-document functions: entity resolution, clustering rule, figure steps, chains."""

from __future__ import annotations

from rashomon.resolve.chains import chains_of
from rashomon.resolve.clusters import cluster_events
from rashomon.resolve.entities import resolve, same_side
from rashomon.resolve.reconcile import build_series


def test_aliases_resolve_to_one_entity():
    keys = {resolve(n).key for n in ("Islamic State Khorasan", "IS-K", "ISIS-K", "the Islamic State group's Afghan branch")}
    assert len(keys) == 1
    assert resolve("the Kremlin").country == "RU" and resolve("Kyiv officials").country == "UA"
    assert same_side(resolve("Kyiv"), resolve("Ukraine"))
    assert not same_side(resolve("IS-K"), resolve("Kyiv"))


def test_people_sharing_a_surname_stay_apart():
    a = resolve("Interior Minister Ahmed Khan", "person")
    b = resolve("opposition leader Imran Khan", "person")
    assert a.key != b.key
    assert resolve("Khan", "person", {"khan": "imran khan"}).key == b.key
    assert resolve("Khan", "person").key not in (a.key, b.key)


def _ev(i, doc, date, city, country, types=("bombing",), targets=(), published=None):
    return {"id": i, "doc": doc, "types": list(types), "date": date, "published": published or date,
            "place": {"name": city, "city": city, "country": country}, "targets": list(targets),
            "context_places": [city]}


def test_cluster_events_rule_and_order():
    items = [_ev("a#1", "a", "2021-05-01", "Jalalabad", "AF", targets=["mosque"], published="2021-05-02"),
             _ev("b#1", "b", "2021-05-02", "Jalalabad", "AF", targets=["mosque"], published="2021-05-03"),
             _ev("c#1", "c", "2021-05-01", "Lagos", "NG"),
             _ev("d#1", "d", "2021-06-20", "Jalalabad", "AF", targets=["mosque"], published="2021-06-21")]
    out = cluster_events(items)
    assert out["a#1"] == out["b#1"] and out["c#1"] != out["a#1"] and out["d#1"] != out["a#1"]
    assert cluster_events(items[::-1]) == out


def test_figure_steps():
    def f(i, v, d, q=None, src="police", doc="x"):
        return {"figure_id": i, "doc": doc + str(i), "value": v, "qualifier": q, "text": str(v), "date": d,
                "published": d, "source": src, "start": 0}
    s = build_series([f(1, 8, "2025-01-01", "at_least"), f(2, 11, "2025-01-01", "at_least", "minister"),
                      f(3, 23, "2025-01-03", None, "government"), f(4, 19, "2025-01-03", None, "hospital")])
    labels = {e["value"]: e["label"] for e in s}
    assert labels[11] == "update"
    assert "conflict" in (labels[19], labels[23])
    assert sum(e["best"] for e in s) == 1


def test_reporting_chain():
    sts = [{"id": 1, "cue": {"start": 20, "end": 28}, "content": {"start": 29, "end": 120},
            "source": {"start": 0, "end": 19, "text": "Russian state media"}, "speaker": "Russian state media"},
           {"id": 2, "cue": {"start": 50, "end": 54}, "content": {"start": 55, "end": 110},
            "source": {"start": 34, "end": 49, "text": "the FSB head"}, "speaker": "FSB head"}]
    ch = chains_of(sts)
    assert [c["text"] for c in ch[2]] == ["Russian state media"] and 1 not in ch


def test_air_strike_stays_apart_from_ground_attack():
    """A bombardment of another country three days later is another incident, even when the reports share names."""
    def ev(i, doc, date, types, city, country, sentence):
        return {"id": i, "doc": doc, "types": types, "date": date, "published": "2024-04-08",
                "place": {"name": city, "city": city, "country": country}, "context_places": ["Moscow", "Kyiv"],
                "names": ["Islamic State"], "targets": ["concertgoers"], "sentence": sentence}
    items = [ev("r#0", "r", "2024-03-22", ["armed_assault", "arson"], "Moscow", "RU",
                "Gunmen sprayed gunfire on concertgoers at the Moscow concert hall."),
             ev("s#0", "s", "2024-03-22", ["armed_assault"], "Moscow", "RU",
                "The gunmen who attacked concertgoers in Moscow were arrested."),
             ev("r#3", "r", "2024-03-25", ["air_strike", "missile_strike"], None, "UA",
                "Moscow unleashed missile strikes on Ukrainian cities after the concert hall attack."),
             ev("t#0", "t", "2024-03-24", ["attack"], "Moscow", "RU",
                "Mourners laid flowers for the concertgoers killed in the Moscow concert hall attack.")]
    out = cluster_events(items)
    assert out["r#0"] == out["s#0"]
    assert out["r#3"] not in (out["r#0"], out["t#0"])


def _st(i, stype, speaker, kind, content, target=None):
    return {"id": i, "doc": "d", "type": stype, "speaker": speaker, "speaker_kind": kind, "source": speaker,
            "content": content, "target": target}


def test_denial_of_a_reference_answers_the_accusation():
    """'denied the charge': the target names no party; the denier's affiliation (alias table) and the
    accusation it answers make the link."""
    from rashomon.resolve.contradictions import answered, find_links, speaker_sides
    from rashomon.resolve.entities import named_in

    assert [c.name for c in named_in("A spokesman for the Taliban government, Zabiullah Noori")] == ["Afghan government"]
    assert not named_in("the man who is said to lead us")  # short aliases only in capitals
    sts = [_st(1, "accusation", "Interior Minister Bilal Aziz", "person",
               "Afghanistan of harbouring the men who bombed the bus station", "Afghanistan"),
           _st(2, "other", "Bilal Aziz", "person", "the toll had risen to 12"),
           _st(3, "denial", "spokesman for the Taliban government, Zabiullah Noori", "person", "the charge", "the charge"),
           _st(4, "denial", "a shopkeeper", "person", "the rumours", "the rumours")]
    assert "government:afghan-government" in speaker_sides(sts[2])
    assert answered(sts) == {2: 0}
    links = [ln for ln in find_links(sts, "PK") if ln["kind"] == "denial"]
    assert [(ln["a"]["statement"], ln["b"]["statement"]) for ln in links] == [(1, 3)]
    # a headline denial before the accusation answers it too; so does a bare 'rejected it'
    head = [_st(5, "denial", "Kabul", "government", "the accusation", "the accusation"), *sts[:1],
            _st(6, "denial", "the embassy", "organisation", "it", "it")]
    assert answered(head) == {0: 1, 2: 1}


def test_an_accusation_that_names_no_party_accuses_nobody():
    from rashomon.resolve.contradictions import attribution

    union = {"type": "accusation", "speaker": "Federation of Dock Workers of Ruritania",
             "source": {"text": "the Federation of Dock Workers of Ruritania"},
             "content": {"text": "this drone terrorism, which is wrecking the port and its workers' jobs"}, "target": None}
    assert attribution(union) is None
    named = dict(union, content={"text": "the strikes were ordered by Moscow"}, target={"text": "Moscow"})
    got = attribution(named)
    assert got is not None and got["status"] == "accused" and "country:RU" in got["sides"]
