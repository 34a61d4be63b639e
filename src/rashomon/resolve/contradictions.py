"""Claims and contradictions among the statements about one incident.

Statements are grouped by the proposition they take a side on (responsibility, flight, fate of
the attackers, warning, toll; keywords in ``data/resolve/propositions.json``). Found between them:

- ``competing_attribution``: a claim of responsibility by one party against an accusation of
  (or a claim by) another party that is not on the same side;
- ``denial``: an accusation against a party and that party's denial, or a claim and its dismissal;
- ``contradicting_account``: two speakers of different sides on the attackers' flight (different
  destinations) or their fate (killed against fled or captured).

Sides come from :mod:`rashomon.resolve.entities` (aliases, capitals and demonyms, parent groups).
:func:`classify_pair` labels a pair of passages (agreement, update, conflict,
competing_attribution, denial, contradicting_account, unrelated).
"""

from __future__ import annotations

import functools
import re

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from rashomon.data import load_json
from rashomon.resolve.entities import countries_in, named_in, resolve
from rashomon.store.queries import statement_dict
from rashomon.store.schema import (
    DocumentRow, EventRow, LinkRow, StatementEventRow, StatementRow,
)

ATTACKER_WORDS = ("attacker", "assailant", "gunm", "terrorist", "bomber", "militant", "suspect", "perpetrator",
                  "men who", "fighters", "killers", "culprits", "they ", "both ")
SELF_COUNTRY = re.compile(r"\b(his|her|our|its|my|their) country\b", re.I)


@functools.lru_cache(maxsize=1)
def _props() -> dict:
    return load_json("resolve/propositions.json")


def _has(text: str, words) -> bool:
    low = " " + (text or "").lower() + " "
    return any(w in low for w in words)


def propositions(st: dict) -> list[str]:
    """Propositions a statement takes a side on, most specific first."""
    content = st["content"]["text"] if isinstance(st.get("content"), dict) else st.get("content") or ""
    props = _props()["propositions"]
    out = []
    if st.get("type") in ("claim_of_responsibility", "accusation", "denial") or _has(content, props["responsibility"]):
        out.append("responsibility")
    if _has(content, props["flight"]) and _has(content + " ", ATTACKER_WORDS):
        out.append("flight")
    if fate(st):
        out.append("fate")
    for p in ("warning", "toll"):
        if _has(content, props[p]):
            out.append(p)
    if st.get("type") == "dismissal" and "responsibility" not in out and _has(content, ["claim", "flag", "responsib"]):
        out.insert(0, "responsibility")
    return out or ["other"]


def fate(st: dict) -> str | None:
    content = _text(st, "content")
    if not _has(content + " ", ATTACKER_WORDS):
        return None
    vals = _props()["fate_values"]
    for v in ("killed", "captured", "fled"):
        if _has(content, vals[v]):
            return v
    return None


def _text(st: dict, key: str) -> str:
    v = st.get(key)
    return (v or {}).get("text") or "" if isinstance(v, dict) else v or ""


def speaker_sides(st: dict) -> set[str]:
    """The parties a statement's speaker speaks for: entity key, state, parent group."""
    sides: set[str] = set()
    for name in (st.get("speaker"), _text(st, "source")):
        if not name:
            continue
        c = resolve(name, st.get("speaker_kind"))
        if c is not None:
            sides.add(c.key)
            if c.country:
                sides.add(f"country:{c.country}")
            if c.parent:
                sides.add(c.parent)
        sides |= {f"country:{x}" for x in countries_in(name)}
        for e in named_in(name):  # affiliation named in the phrase: 'spokesman for the Taliban government'
            sides.add(e.key)
            if e.country:
                sides.add(f"country:{e.country}")
            if e.parent:
                sides.add(e.parent)
    return sides


def party_sides(text: str) -> tuple[set[str], list[str]]:
    """Sides of a named party ('Western and Ukraine's special services') and display names."""
    sides, names = set(), []
    for part in re.split(r",|\band\b|\bor\b", text or ""):
        part = part.strip(" “”\"'.")
        if len(part) < 2 or len(part.split()) > 5:
            continue
        c = resolve(part)
        if c is None:
            continue
        sides.add(c.key)
        names.append(c.name)
        if c.country:
            sides.add(f"country:{c.country}")
        if c.parent:
            sides.add(c.parent)
    sides |= {f"country:{x}" for x in countries_in(text or "")}
    return sides, names


def attribution(st: dict, incident_country: str | None = None) -> dict | None:
    """Who the statement holds responsible: {status, sides, names} or None."""
    t = st.get("type")
    content = _text(st, "content")
    if t == "claim_of_responsibility":
        best = None
        for name in (_text(st, "source"), st.get("speaker")):
            if name:
                c = resolve(name, "organisation")
                if c is not None and (best is None or c.kind != "organisation"):
                    best = c
        if best is None:
            return None
        sides = {best.key} | ({best.parent} if best.parent else set())
        return {"status": "claimed", "sides": sides, "names": [best.name]}
    if t == "accusation" or (t in ("dismissal", "other", "question") and _has(content, ["false flag", "facilitat", "behind", "ordered", "orchestrat", "sponsor"])):
        if t == "accusation" and _text(st, "target"):
            sides, names = party_sides(_text(st, "target"))
            if not sides:
                sides = {f"country:{c}" for c in countries_in(content)}
        else:
            sides, names = {f"country:{c}" for c in countries_in(content)}, []
        sides.discard(f"country:{incident_country}") if incident_country and len(sides) > 1 else None
        sides -= speaker_sides(st)
        if not sides:
            return None
        if not names or any(len(n.split()) > 5 for n in names):
            from rashomon.extract.places import country_name

            names = sorted(country_name(x.split(":", 1)[1]) or x.split(":", 1)[1] for x in sides if x.startswith("country:"))
        return {"status": "accused", "sides": sides, "names": names or ["another party"]}
    return None


def _country_of_speaker(st: dict) -> str | None:
    for s in sorted(speaker_sides(st)):
        if s.startswith("country:"):
            return s.split(":", 1)[1]
    return None


def destinations(st: dict, incident_country: str | None = None) -> set[str]:
    content = _text(st, "content")
    out = countries_in(content)
    if SELF_COUNTRY.search(content):
        c = _country_of_speaker(st)
        if c:
            out.add(c)
    if incident_country and len(out) > 1:
        out.discard(incident_country)
    return out


def _side(st: dict) -> dict:
    return {"statement": st.get("id"), "speaker": st.get("speaker") or _text(st, "source") or "unknown",
            "type": st.get("type"), "date": (st.get("date") or {}).get("value") if isinstance(st.get("date"), dict) else st.get("date"),
            "published": st.get("published"), "doc": st.get("doc"),
            "span": st.get("content") if isinstance(st.get("content"), dict) else None,
            "cue": st.get("cue") if isinstance(st.get("cue"), dict) else None}


def _who(st: dict) -> str:
    return st.get("speaker") or _text(st, "source") or "a source"


def _order(st: dict) -> tuple[str, str]:
    return str(st.get("doc")), str(st.get("id"))


def find_links(statements: list[dict], incident_country: str | None = None, new: set | None = None) -> list[dict]:
    """Competing attributions, denials and contradicting accounts among statements of one incident.

    ``new`` (statement ids): only the links with at least one side among them (incremental update
    after a report joins the incident; links among the other statements are unchanged).
    """
    links: list[dict] = []

    def fresh(*sts) -> bool:
        return new is None or any(st.get("id") in new for st in sts)

    atts = [(st, attribution(st, incident_country)) for st in statements]
    atts = [(st, a) for st, a in atts if a]
    claims = [(st, a) for st, a in atts if a["status"] == "claimed"]
    accs = [(st, a) for st, a in atts if a["status"] == "accused"]
    for sc, ac in claims:
        for sa, aa in accs + [c for c in claims if c[0] is not sc]:
            if ac["sides"] & aa["sides"] or (aa["status"] == "claimed" and _order(sa) < _order(sc)):
                continue
            if aa["status"] == "claimed" and sa.get("doc") == sc.get("doc"):
                continue
            if not fresh(sc, sa):
                continue
            links.append({"kind": "competing_attribution", "proposition": "responsibility", "a": _side(sc), "b": _side(sa),
                          "explanation": f"{', '.join(ac['names'])} claims responsibility, while {_who(sa)} "
                                         f"{'blames' if aa['status'] == 'accused' else 'says it was'} {', '.join(aa['names'])}"})
    denials = [st for st in statements if st.get("type") in ("denial", "dismissal")]
    for sd in denials:
        dsides = speaker_sides(sd)
        content = _text(sd, "content") + " " + _text(sd, "target")
        for sa, aa in accs:
            if sa is sd or not dsides or not (dsides & aa["sides"]) or not fresh(sa, sd):
                continue
            if sd.get("type") == "dismissal" and not _has(content, ["alleg", "accus", "charge", "involve", "claim"]):
                continue
            links.append({"kind": "denial", "proposition": "responsibility", "a": _side(sa), "b": _side(sd),
                          "explanation": f"{_who(sa)} accuses {', '.join(aa['names'])}; {_who(sd)} "
                                         f"({', '.join(aa['names'])}'s side) denies it"})
        if _has(content, ["claim"]) and sd.get("type") == "dismissal":
            for sc, ac in claims:
                if not (dsides & ac["sides"]) and fresh(sc, sd):
                    links.append({"kind": "denial", "proposition": "responsibility", "a": _side(sc), "b": _side(sd),
                                  "explanation": f"{_who(sd)} dismisses the claim of responsibility by {', '.join(ac['names'])}"})
    # contradicting accounts: flight and fate
    flights = [(st, destinations(st, incident_country)) for st in statements if "flight" in propositions(st)]
    flights = [(st, d) for st, d in flights if d]
    for i, (s1, d1) in enumerate(flights):
        for s2, d2 in flights[i + 1:]:
            if not fresh(s1, s2) or d1 & d2 or speaker_sides(s1) & speaker_sides(s2):
                continue
            links.append({"kind": "contradicting_account", "proposition": "flight", "a": _side(s1), "b": _side(s2),
                          "explanation": f"{_who(s1)} says the attackers headed to {', '.join(sorted(d1))}; "
                                         f"{_who(s2)} says to {', '.join(sorted(d2))}"})
    fates = [(st, fate(st)) for st in statements]
    fates = [(st, f) for st, f in fates if f]
    for i, (s1, f1) in enumerate(fates):
        for s2, f2 in fates[i + 1:]:
            if not fresh(s1, s2) or f1 == f2 or "killed" not in (f1, f2) or speaker_sides(s1) & speaker_sides(s2):
                continue
            links.append({"kind": "contradicting_account", "proposition": "fate", "a": _side(s1), "b": _side(s2),
                          "explanation": f"{_who(s1)} says the attackers {f1}; {_who(s2)} says they {f2}"})
    return links


# ---------------------------------------------------------------- store

REFERENCE = re.compile(r"^(?:the|these|those|such|this|that|its|their|his|her|an?)?\s*(?:\w+\s)?"
                       r"(?:accusations?|charges?|claims?|allegations?|reports?|suggestions?|assertions?|"
                       r"statements?|remarks?|comments?|it|this|that|them)$", re.I)
RESPONSIBILITY_TYPES = ("accusation", "claim_of_responsibility")


def answered(statements: list[dict]) -> dict[int, int]:
    """Within one report (statements in text order): position of a denial or dismissal -> position of
    the accusation or claim it answers.

    A denier answers the nearest accusation against its own side (before it, else after it: a
    headline may come first); a denial of a reference ('rejected the accusation', 'denied the
    charge') or without a target answers the nearest accusation or claim before it.
    """
    out: dict[int, int] = {}
    accs = [(j, st, attribution(st)) for j, st in enumerate(statements) if st.get("type") in RESPONSIBILITY_TYPES]
    if not accs:
        return out
    for i, sd in enumerate(statements):
        if sd.get("type") not in ("denial", "dismissal"):
            continue
        dsides = speaker_sides(sd)
        own = [j for j, st, a in accs if j != i and a and dsides & a["sides"]]
        before = [j for j in own if j < i]
        if before or own:
            out[i] = max(before) if before else min(own)
            continue
        target = _text(sd, "target").strip(" .,\"'")
        if not target or REFERENCE.match(target):
            prev = [j for j, _, _ in accs if j < i]
            if prev:
                out[i] = max(prev)
    return out


def _same_report_incident(f: dict, g: dict) -> bool:
    """Two events of one report that may tell of one incident (the extractor split it): same type
    family, overlapping dates, and the same country unless one has no specific place."""
    from rashomon.resolve.clusters import blocks_overlap

    if not blocks_overlap(f, g):
        return False
    return f["country"] == g["country"] or not (f["specific"] and g["specific"])


def cluster_statements(session: Session, cluster_id: int, docs: list[str] | None = None) -> list[dict]:
    """Statements about a cluster, from each of its reports (or only from ``docs``).

    A report's statement is gathered when it is linked to one of the report's events in the
    cluster, or to another event of the report that may tell of the same incident (same family,
    overlapping dates: the extractor split one incident), or when it is unlinked and the cluster is
    the report's main incident. A denial comes with the accusation it answers and an accusation
    with its denials (:func:`answered`), wherever the extractor attached them. A fixed number of
    queries per cluster (not per report).
    """
    import json

    from rashomon.store.schema import EventBlockRow

    if docs is None:
        docs = sorted(set(session.execute(select(EventRow.doc_id).where(EventRow.cluster_id == cluster_id)).scalars()))
    if not docs:
        return []
    doc_events: dict[str, list[EventRow]] = {}
    for e in session.execute(select(EventRow).options(selectinload(EventRow.figures)).where(EventRow.doc_id.in_(docs))
                             .order_by(EventRow.doc_id, EventRow.idx)).scalars():
        doc_events.setdefault(e.doc_id, []).append(e)
    feats = {b.event_id: json.loads(b.features) for b in
             session.execute(select(EventBlockRow).where(EventBlockRow.doc_id.in_(docs))).scalars()}
    published = dict(session.execute(select(DocumentRow.id, DocumentRow.published).where(DocumentRow.id.in_(docs))).all())
    rows_by_doc: dict[str, list[StatementRow]] = {}
    for r in session.execute(select(StatementRow).where(StatementRow.doc_id.in_(docs))
                             .order_by(StatementRow.doc_id, StatementRow.idx)).scalars():
        rows_by_doc.setdefault(r.doc_id, []).append(r)
    links: dict[int, list[int]] = {}
    ids_all = [r.id for rs in rows_by_doc.values() for r in rs]
    if ids_all:
        for se in session.execute(select(StatementEventRow).where(StatementEventRow.statement_id.in_(ids_all))).scalars():
            links.setdefault(se.statement_id, []).append(se.event_id)
    out = []
    for d in sorted(docs):
        evs = doc_events.get(d, [])
        inside = {e.id for e in evs if e.cluster_id == cluster_id}
        if not inside:
            continue
        main = _main_cluster(evs)
        ids = set(inside)
        for e in evs:
            if e.id in inside or e.background or e.id not in feats:
                continue
            if any(not x.background and x.id in feats and _same_report_incident(feats[e.id], feats[x.id])
                   for x in evs if x.id in inside):
                ids.add(e.id)
        sts = [statement_dict(r, links.get(r.id, [])) for r in rows_by_doc.get(d, [])]
        keep = [bool((st["events"] and set(st["events"]) & ids) or (not st["events"] and main == cluster_id)) for st in sts]
        for i, j in answered(sts).items():
            if keep[i] or keep[j]:
                keep[i] = keep[j] = True
        for st, k in zip(sts, keep):
            if k:
                st["published"] = published.get(d)
                st["propositions"] = propositions(st)
                out.append(st)
    return out


def _main_cluster(evs: list[EventRow]) -> int | None:
    """The cluster of a report's main incident: its first non-background event with the most figures."""
    if not evs:
        return None
    best = max(evs, key=lambda e: (not e.background, bool(e.date_value), len(e.figures), -e.idx))
    return best.cluster_id


def rebuild(session: Session, cluster_id: int, country: str | None = None, new_docs: list[str] | None = None) -> list[dict]:
    """Recompute the statement links of a cluster; with ``new_docs`` (reports that just joined an
    existing cluster whose members and country are otherwise unchanged) only the links that
    involve their statements are added."""
    sts = cluster_statements(session, cluster_id)
    if new_docs:
        new = {st["id"] for st in sts if st["doc"] in set(new_docs)}
        if new:
            session.execute(LinkRow.__table__.delete().where(
                LinkRow.cluster_id == cluster_id, LinkRow.a_table == "statements",
                LinkRow.a_id.in_(new) | LinkRow.b_id.in_(new)))
        links = find_links(sts, country, new) if new else []
    else:
        session.execute(LinkRow.__table__.delete().where(LinkRow.cluster_id == cluster_id, LinkRow.a_table == "statements"))
        links = find_links(sts, country)
    for ln in links:
        session.add(LinkRow(kind=ln["kind"], cluster_id=cluster_id, a_table="statements", a_id=ln["a"]["statement"],
                            b_table="statements", b_id=ln["b"]["statement"], explanation=ln["explanation"],
                            proposition=ln["proposition"]))
    session.flush()
    return links


def stored_links(session: Session, cluster_id: int | None = None) -> list[dict]:
    """Stored statement links (competing attributions, denials, contradicting accounts) with both sides."""
    q = select(LinkRow).where(LinkRow.a_table == "statements")
    if cluster_id is not None:
        q = q.where(LinkRow.cluster_id == cluster_id)
    out = []
    for ln in session.execute(q.order_by(LinkRow.cluster_id, LinkRow.id)).scalars():
        sides = []
        for sid in (ln.a_id, ln.b_id):
            r = session.get(StatementRow, sid)
            doc = session.get(DocumentRow, r.doc_id)
            st = statement_dict(r)
            sides.append({"statement": r.id, "speaker": r.speaker or r.source_text, "type": r.type,
                          "date": (st["date"] or {}).get("value") or doc.published, "doc": r.doc_id,
                          "document": doc.title, "cue": st["cue"], "content": st["content"], "source": st["source"]})
        out.append({"id": ln.id, "cluster": ln.cluster_id, "kind": ln.kind, "proposition": ln.proposition,
                    "explanation": ln.explanation, "a": sides[0], "b": sides[1]})
    return out


# ---------------------------------------------------------------- pairs of passages

@functools.lru_cache(maxsize=1)
def _cues() -> dict:
    c = load_json("resolve/pair_cues.json")
    return {k: [re.compile(x) for x in v] if k in ("denial", "responsibility", "update", "contrast", "reported") else v
            for k, v in c.items() if not k.startswith("_")}


_NUM_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
              "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
              "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
              "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12}
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[a-z][a-z'\-]*")


def _any(pats, text: str) -> list[re.Match]:
    return [m for p in pats for m in p.finditer(text)]


def passage_figures(text: str) -> list[tuple[str, int]]:
    """(kind, value) figures of a passage: a number next to a casualty / arrest / abduction word."""
    toks = [(m.group(0), m.start()) for m in _TOKEN.finditer(text.lower())]
    kinds = _cues()["figure_kinds"]
    words = [t for t, _ in toks]
    out = []
    for i, w in enumerate(words):
        if w[0].isdigit():
            if re.fullmatch(r"(19|20)\d\d", w) or (i + 1 < len(words) and words[i + 1] in _MONTHS) \
                    or (i and words[i - 1] in _MONTHS):
                continue
            value = int(float(w.replace(",", "")))
        elif w in _NUM_WORDS and not (w == "one" and i + 1 < len(words) and words[i + 1] == "of"):
            value = _NUM_WORDS[w]
        else:
            continue
        best = None
        for j in list(range(i + 1, min(len(words), i + 8))) + list(range(i - 1, max(-1, i - 7), -1)):
            for kind, cues in kinds.items():
                if any(" ".join(words[j:j + len(c.split())]) == c for c in cues):
                    best = kind
                    break
            if best:
                break
        if best:
            out.append((best, value))
    return out


def _content(text: str) -> set[str]:
    from rashomon.resolve.clusters import _common, _stem

    stop = _common()
    out = set()
    for w in re.findall(r"[a-z][a-z'\-]{3,}", text.lower()):
        w = w.strip("'-")
        if w not in stop or w in ("attack", "police", "soldiers", "troops", "building", "victims"):
            out.add(_stem(w))
    return out


def _topic(text: str) -> set[str]:
    """Content words of a passage (stems), common function and reporting words left out."""
    from spacy.lang.en.stop_words import STOP_WORDS

    skip = STOP_WORDS | {"said", "says", "told", "according", "reported", "report", "today", "tonight", "yesterday",
                         "people", "also", "later", "first", "after", "saying"}
    return {w[:5] for w in re.findall(r"[a-z][a-z\-]{3,}", text.lower()) if w not in skip}


def _party_words(text: str, matches: list[re.Match]) -> set[str]:
    """Words around responsibility cues (the parties named), common words left out."""
    out = set()
    for m in matches:
        window = text[max(0, m.start() - 60): m.end() + 70]
        out |= _content(window)
    return out


_DAY = re.compile(r"\b(\d{1,2}) (january|february|march|april|may|june|july|august|september|october|november|december)\b|"
                  r"\b(january|february|march|april|may|june|july|august|september|october|november|december) (\d{1,2})\b")


def _days(text: str) -> set[tuple[str, int]]:
    out = set()
    for m in _DAY.finditer(text):
        if m.group(1):
            out.add((m.group(2), int(m.group(1))))
        else:
            out.add((m.group(3), int(m.group(4))))
    return out


def _date_gap(a: dict, b: dict) -> int | None:
    from datetime import date

    try:
        return abs((date.fromisoformat(b["date"][:10]) - date.fromisoformat(a["date"][:10])).days)
    except (KeyError, TypeError, ValueError):
        return None


def classify_pair(a: dict, b: dict) -> str:
    """Label two passages ({text, date, source}) about an incident: how do they relate?

    Rules, in order (cues in ``data/resolve/pair_cues.json``, case-insensitive):
    unrelated when the passages share no content word, tell of an attack and of a non-attack
    incident (flood, crash), or lie more than a year apart; denial when one side rejects (and
    does not blame another party instead) what the other asserts; competing_attribution when
    both attribute responsibility and the parties named around the cues differ (same party:
    agreement); figures of one kind: equal -> agreement, different -> update when the later
    passage revises upwards or uses a revision cue, else conflict; contradicting_account when
    one side contradicts a shared circumstance (a contrast cue, another day for the same
    happening, or two attributed accounts that barely overlap); else agreement.
    """
    ta, tb = (a.get("text") or "").lower(), (b.get("text") or "").lower()
    cues = _cues()
    topic_a, topic_b = _topic(ta), _topic(tb)
    shared = topic_a & topic_b
    gap = _date_gap(a, b)
    other = re.compile(r"\b(%s)s?\b" % "|".join(cues["other_incidents"]))
    oa, ob = bool(other.search(ta)), bool(other.search(tb))
    if (oa != ob) or (gap is not None and gap > 366):
        return "unrelated"
    den_a, den_b = _any(cues["denial"], ta), _any(cues["denial"], tb)
    resp_a, resp_b = _any(cues["responsibility"], ta), _any(cues["responsibility"], tb)
    if not shared and not ((den_a or resp_a) and (den_b or resp_b)):
        return "unrelated"
    if bool(den_a) != bool(den_b):
        den_side, resp_den = (ta, resp_a) if den_a else (tb, resp_b)
        blames_other = [m for m in resp_den if re.match(r"blam|accus|attributed|behind", m.group(0))]
        if blames_other:
            return "competing_attribution"
        return "denial"
    if resp_a and resp_b:
        pa, pb = _party_words(ta, resp_a), _party_words(tb, resp_b)
        return "agreement" if pa & pb - {"attack", "responsibility", "claimed"} and not (
            _any(cues["contrast"], ta) or _any(cues["contrast"], tb)) else "competing_attribution"
    fa, fb = passage_figures(ta), passage_figures(tb)
    labels = []
    for kind in sorted({k for k, _ in fa} & {k for k, _ in fb}):
        va = {v for k, v in fa if k == kind}
        vb = {v for k, v in fb if k == kind}
        if va & vb:
            labels.append("agreement")
            continue
        first, second, t_second = (va, vb, tb) if (a.get("date") or "") <= (b.get("date") or "") else (vb, va, ta)
        later = (a.get("date") or "") != (b.get("date") or "")
        if _any(cues["update"], t_second) or (later and max(second) > max(first)):
            labels.append("update")
        else:
            labels.append("conflict")
    if labels:
        for k in ("conflict", "update", "agreement"):
            if k in labels:
                return k
    if _any(cues["contrast"], ta) or _any(cues["contrast"], tb):
        return "contradicting_account"
    da, db = _days(ta), _days(tb)
    if da and db and not da & db and gap is not None and gap <= 31:
        return "contradicting_account"
    if len(shared) < 2:
        return "unrelated"  # one common word (a country, 'attack') is no shared circumstance
    jacc = len(shared) / max(1, len(topic_a | topic_b))
    if _any(cues["reported"], ta) and _any(cues["reported"], tb) and jacc < 0.2 and not (fa and fb):
        return "contradicting_account"
    return "agreement"
