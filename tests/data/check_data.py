"""Consistency check for the hand-written test data under tests/data/.

Run: python tests/data/check_data.py   (exit status 1 on any problem)

Checks every exact-text value against its report, the enums, dates and the
counts promised in tests/data/README.md, for reports/, reports_unseen/,
reports_sealed/, reports_sealed2/, reports_sealed3/, reports_sealed4/, reports_sealed5/, reports_sealed6/,
reports_sealed7/, reports_sealed8/, reports_sealed9/, reports_sealed10/, reports_sealed11/,
reports_sealed12/, reports_sealed13/, reports_sealed14/, reports_sealed15/, reports_sealed16/,
reports_sealed17/, reports_sealed18/, reports_sealed19/, reports_sealed20/, reports_sealed21/,
reports_sealed22/, reports_sealed23/, reports_sealed24/, crossdoc/ and pairs.jsonl.
reports_sealed15/ to reports_sealed24/ (450-850 words) may repeat main countries, but no main
city of an earlier set.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[2] / "shared"  # <repo>/../shared
MUC4_TRAIN = SHARED / "data" / "muc4" / "processed" / "train.json"

EVENT_TYPES = {
    "armed_assault", "bombing", "arson", "kidnapping", "hijacking", "robbery",
    "forced_work_stoppage", "air_strike", "missile_strike", "drone_strike",
    "shelling", "vehicle_ramming",
}
FIGURE_KINDS = {"killed", "wounded", "kidnapped", "missing", "arrested", "charged"}
QUALIFIERS = {"at_least", "more_than", "about", "up_to", None}
RESPONSIBILITY = {"claimed", "accused", "suspected", "denied", None}
STATEMENT_TYPES = {
    "claim_of_responsibility", "accusation", "denial", "dismissal",
    "warning", "admission", "question", "other",
}
MODES = {"direct", "indirect", "mixed"}
PAIR_LABELS = {
    "agreement", "update", "conflict", "competing_attribution", "denial",
    "contradicting_account", "unrelated",
}
SERIES_LABELS = {"update", "conflict", "agreement", None}
WEEKDAY_RE = re.compile(r"monday|tuesday|wednesday|thursday|friday|saturday|sunday", re.I)
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

errors: list[str] = []


def err(where: str, msg: str) -> None:
    errors.append(f"{where}: {msg}")


def check_date(where: str, value, allow_none: bool = False) -> None:
    if value is None and allow_none:
        return
    if not isinstance(value, str) or not DATE_RE.match(value):
        err(where, f"bad date {value!r}")
        return
    parts = value.split("-")
    try:
        dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1,
                int(parts[2]) if len(parts) > 2 else 1)
    except ValueError:
        err(where, f"impossible date {value!r}")


def check_in(where: str, text: str, value) -> None:
    if not isinstance(value, str) or not value:
        err(where, f"empty or non-string text {value!r}")
    elif value not in text:
        err(where, f"not verbatim in report: {value!r}")


def parse_layout(path: Path) -> tuple[str, str]:
    """Return (byline name, date line) and check the layout of a report."""
    lines = path.read_text(encoding="utf-8").split("\n")
    where = path.name
    if len(lines) < 6 or not lines[0].strip() or lines[1] != "" or lines[4] != "":
        err(where, "layout must be: headline, blank, By line, date line, blank, body")
        return "", ""
    if not lines[2].lower().startswith("by "):
        err(where, f"third line is not a byline: {lines[2]!r}")
    try:
        dt.datetime.strptime(lines[3].strip().title(), "%B %d, %Y")
    except ValueError:
        err(where, f"bad date line {lines[3]!r}")
    return lines[2][3:], lines[3]


def date_line_iso(path: Path) -> str | None:
    line = path.read_text(encoding="utf-8").split("\n")[3]
    try:
        return dt.datetime.strptime(line.strip().title(), "%B %d, %Y").date().isoformat()
    except ValueError:
        return None


def body_words(path: Path) -> int:
    return len(" ".join(path.read_text(encoding="utf-8").split("\n")[5:]).split())


def check_markup(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if re.search(r"<[a-zA-Z/][^>]*>|\*\*|^#|\[[^\]]*\]\(", text, re.M):
        err(path.name, "contains markup")


def check_report(txt: Path, gold: Path, words: tuple[int, int] = (120, 300)) -> dict:
    text = txt.read_text(encoding="utf-8")
    where = gold.name
    parse_layout(txt)
    check_markup(txt)
    n = body_words(txt)
    if not words[0] <= n <= words[1]:
        err(txt.name, f"body has {n} words (want {words[0]}-{words[1]})")
    data = json.loads(gold.read_text(encoding="utf-8"))
    check_date(where + " published", data.get("published"))
    if data.get("published") != date_line_iso(txt):
        err(where, "published does not match the date line")
    if not data.get("events"):
        err(where, "no events")
    for i, ev in enumerate(data.get("events", [])):
        w = f"{where} events[{i}]"
        if ev.get("type") not in EVENT_TYPES:
            err(w, f"bad type {ev.get('type')!r}")
        check_date(w + " date", ev.get("date"))
        check_in(w + " date_text", text, ev.get("date_text"))
        place = ev.get("place") or {}
        check_in(w + " place.text", text, place.get("text"))
        if not re.fullmatch(r"[A-Z]{2}", place.get("country") or ""):
            err(w, f"bad country {place.get('country')!r}")
        if not isinstance(ev.get("background"), bool):
            err(w, "background must be a bool")
        for p in ev.get("perpetrators", []):
            check_in(w + " perpetrator", text, p.get("text"))
            if p.get("kind") not in {"individual", "organisation"}:
                err(w, f"bad perpetrator kind {p.get('kind')!r}")
            if p.get("responsibility") not in RESPONSIBILITY:
                err(w, f"bad responsibility {p.get('responsibility')!r}")
        for role in ("targets", "victims", "weapons"):
            for t in ev.get(role, []):
                check_in(f"{w} {role}", text, t)
        for f in ev.get("figures", []):
            check_in(w + " figure", text, f.get("text"))
            if f.get("kind") not in FIGURE_KINDS:
                err(w, f"bad figure kind {f.get('kind')!r}")
            if f.get("qualifier") not in QUALIFIERS:
                err(w, f"bad qualifier {f.get('qualifier')!r}")
            if not isinstance(f.get("value"), int):
                err(w, f"figure value must be int: {f.get('value')!r}")
    for i, st in enumerate(data.get("statements", [])):
        w = f"{where} statements[{i}]"
        if not st.get("speaker"):
            err(w, "no speaker")
        check_in(w + " source_text", text, st.get("source_text"))
        check_in(w + " cue", text, st.get("cue"))
        if "content" in st:
            check_in(w + " content", text, st.get("content"))
        if st.get("type") not in STATEMENT_TYPES:
            err(w, f"bad type {st.get('type')!r}")
        if st.get("mode") not in MODES:
            err(w, f"bad mode {st.get('mode')!r}")
        check_date(w + " date", st.get("date"), allow_none=True)
    return data


def check_reports() -> int:
    folder = HERE / "reports"
    txts = sorted(folder.glob("*.txt"))
    for txt in txts:
        gold = txt.with_suffix(".json")
        if not gold.exists():
            err(txt.name, "missing .json")
            continue
        check_report(txt, gold)
    for gold in folder.glob("*.json"):
        if not gold.with_suffix(".txt").exists():
            err(gold.name, "missing .txt")
    if len(txts) < 14:
        err("reports", f"only {len(txts)} reports (want >= 14)")
    return len(txts)


def check_unseen(name: str = "reports_unseen", expected: int = 16,
                 words: tuple[int, int] = (180, 450)) -> int:
    """reports_unseen/ (16) and reports_sealed*/ (14 each): same gold format, 180-450 words
    (250-420 for reports_sealed3/ to reports_sealed14/, 450-850 for reports_sealed15/ to
    reports_sealed24/), one main country per report."""
    folder = HERE / name
    txts = sorted(folder.glob("*.txt"))
    countries: Counter[str] = Counter()
    for txt in txts:
        gold = txt.with_suffix(".json")
        if not gold.exists():
            err(txt.name, "missing .json")
            continue
        where = f"{name}/{gold.name}"
        data = check_report(txt, gold, words=words)
        events = data.get("events", [])
        main_events = [ev for ev in events if ev.get("background") is False]
        if not main_events:
            err(where, "no main (background: false) event")
        else:
            countries[(main_events[0].get("place") or {}).get("country")] += 1
        pub = data.get("published", "")
        for i, ev in enumerate(events):
            d = ev.get("date") or ""
            day = WEEKDAY_RE.search(ev.get("date_text") or "")
            if day and len(d) == 10:
                if dt.date.fromisoformat(d).strftime("%A").lower() != day.group(0).lower():
                    err(where, f"events[{i}] date {d} is not a {day.group(0)}")
            if not ev.get("background") and len(d) == 10 and len(pub) == 10 and d > pub:
                err(where, f"events[{i}] date {d} is after published {pub}")
    for gold in folder.glob("*.json"):
        if not gold.with_suffix(".txt").exists():
            err(gold.name, "missing .txt")
    if len(txts) != expected:
        err(name, f"{len(txts)} reports (want {expected})")
    for c, k in countries.items():
        if k > 1:
            err(name, f"country {c} is the main country of {k} reports (want 1)")
    return len(txts)


def main_countries(name: str) -> set[str]:
    """Country of the first main (background: false) event of each report in a folder."""
    out: set[str] = set()
    for gold in (HERE / name).glob("*.json"):
        events = json.loads(gold.read_text(encoding="utf-8")).get("events", [])
        main = [ev for ev in events if ev.get("background") is False]
        if main:
            out.add((main[0].get("place") or {}).get("country"))
    return out


def main_cities(name: str) -> set[tuple[str, str]]:
    """(country, city) of the first main (background: false) event of each report in a folder,
    with the city case-folded."""
    out: set[tuple[str, str]] = set()
    for gold in (HERE / name).glob("*.json"):
        events = json.loads(gold.read_text(encoding="utf-8")).get("events", [])
        main = [ev for ev in events if ev.get("background") is False]
        if main:
            place = main[0].get("place") or {}
            out.add((place.get("country"), (place.get("city") or "").casefold()))
    return out


def resolve_member(name: str) -> Path:
    if name.startswith("shared:"):
        return SHARED / name.split(":", 1)[1]
    return HERE / "crossdoc" / name


def check_crossdoc() -> int:
    folder = HERE / "crossdoc"
    exp = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    txts = sorted(folder.glob("*.txt"))
    for txt in txts:
        parse_layout(txt)
        check_markup(txt)
        n = body_words(txt)
        if not 100 <= n <= 250:
            err(txt.name, f"body has {n} words (want 100-250)")
    seen: Counter[str] = Counter()
    for c in exp["clusters"]:
        cid = c["id"]
        for m in c["members"]:
            seen[m] += 1
            p = resolve_member(m)
            if not p.exists() and not (m.startswith("shared:") and not SHARED.exists()):
                err(f"crossdoc {cid}", f"missing member {m}")
        texts = {m: resolve_member(m).read_text(encoding="utf-8")
                 for m in c["members"] if resolve_member(m).exists()}
        for s in c.get("toll_series", []):
            w = f"crossdoc {cid} toll_series"
            if s["file"] not in c["members"]:
                err(w, f"{s['file']} not a member")
            if s.get("label") not in SERIES_LABELS:
                err(w, f"bad label {s.get('label')!r}")
            if s.get("qualifier") not in QUALIFIERS:
                err(w, f"bad qualifier {s.get('qualifier')!r}")
            check_date(w, s.get("date"))
            if s["file"] in texts:
                check_in(w, texts[s["file"]], s["text"])
                if s.get("source_text"):
                    check_in(w + " source_text", texts[s["file"]], s["source_text"])
        for key in ("competing_attributions", "denials", "contradictions"):
            for item in c.get(key, []):
                sides = item.get("sides") or [item]
                for side in sides:
                    w = f"crossdoc {cid} {key}"
                    if side["file"] not in c["members"]:
                        err(w, f"{side['file']} not a member")
                    elif side["file"] in texts:
                        check_in(w, texts[side["file"]], side["quote"])
                        if side.get("perpetrator"):
                            check_in(w + " perpetrator", texts[side["file"]], side["perpetrator"])
    for txt in txts:
        if seen[txt.name] != 1:
            err("crossdoc", f"{txt.name} is in {seen[txt.name]} clusters (want 1)")
    return len(txts)


def muc4_docs() -> dict[str, str] | None:
    if not MUC4_TRAIN.exists():
        return None
    docs = {}
    with MUC4_TRAIN.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                docs[d["docid"]] = d["doctext"]
    return docs


def check_pairs() -> Counter:
    docs = muc4_docs()
    labels: Counter[str] = Counter()
    ids: set[str] = set()
    n_muc = 0
    for ln, line in enumerate((HERE / "pairs.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        w = f"pairs.jsonl line {ln}"
        try:
            p = json.loads(line)
        except json.JSONDecodeError as e:
            err(w, f"bad json: {e}")
            continue
        if p.get("id") in ids:
            err(w, f"duplicate id {p.get('id')}")
        ids.add(p.get("id"))
        if p.get("label") not in PAIR_LABELS:
            err(w, f"bad label {p.get('label')!r}")
        labels[p.get("label")] += 1
        if not p.get("note"):
            err(w, "no note")
        is_muc = False
        for side in ("a", "b"):
            s = p.get(side) or {}
            if not s.get("text") or not s.get("source"):
                err(w, f"{side} lacks text or source")
            check_date(f"{w} {side}.date", s.get("date"))
            if "docid" in s:
                is_muc = True
                if docs is not None:
                    if s["docid"] not in docs:
                        err(w, f"unknown docid {s['docid']}")
                    elif s["text"] not in docs[s["docid"]]:
                        err(w, f"{side}.text not verbatim in {s['docid']}")
        n_muc += is_muc
        if s.get("text") == (p.get("a") or {}).get("text"):
            err(w, "a and b are the same text")
    for lab in PAIR_LABELS:
        if labels[lab] < 10:
            err("pairs", f"only {labels[lab]} pairs labelled {lab} (want >= 10)")
    if sum(labels.values()) < 84:
        err("pairs", f"only {sum(labels.values())} pairs (want >= 84)")
    labels["_muc4"] = n_muc
    return labels


def main() -> int:
    n_reports = check_reports()
    n_unseen = check_unseen()
    # sealed sets, oldest first: each with its word range, and no main country of any earlier set
    sealed: dict[str, int] = {}
    earlier = main_countries("reports") | main_countries("reports_unseen")
    for name, words in (("reports_sealed", None), ("reports_sealed2", None), ("reports_sealed3", (250, 420)),
                        ("reports_sealed4", (250, 420)), ("reports_sealed5", (250, 420)),
                        ("reports_sealed6", (250, 420)), ("reports_sealed7", (250, 420)),
                        ("reports_sealed8", (250, 420)), ("reports_sealed9", (250, 420)),
                        ("reports_sealed10", (250, 420)), ("reports_sealed11", (250, 420)),
                        ("reports_sealed12", (250, 420)), ("reports_sealed13", (250, 420)),
                        ("reports_sealed14", (250, 420))):
        sealed[name] = check_unseen(name, 14) if words is None else check_unseen(name, 14, words=words)
        overlap = main_countries(name) & earlier
        if overlap:
            err(name, f"main countries already used in an earlier set: {sorted(overlap)}")
        earlier |= main_countries(name)
    # reports_sealed15/ to reports_sealed24/: longer reports; countries may repeat, but no main
    # city of any earlier set
    earlier_cities: set[tuple[str, str]] = set()
    for name in ("reports", "reports_unseen", *sealed):
        earlier_cities |= main_cities(name)
    for name in ("reports_sealed15", "reports_sealed16", "reports_sealed17", "reports_sealed18",
                 "reports_sealed19", "reports_sealed20", "reports_sealed21", "reports_sealed22",
                 "reports_sealed23", "reports_sealed24"):
        sealed[name] = check_unseen(name, 14, words=(450, 850))
        overlap_cities = main_cities(name) & earlier_cities
        if overlap_cities:
            err(name, f"main cities already used in an earlier set: {sorted(overlap_cities)}")
        earlier_cities |= main_cities(name)
    # reports_sealed23/ also avoids the main countries of the two sets before it
    overlap = main_countries("reports_sealed23") & (main_countries("reports_sealed21")
                                                    | main_countries("reports_sealed22"))
    if overlap:
        err("reports_sealed23", f"main countries of reports_sealed21/22: {sorted(overlap)}")
    # reports_sealed24/ also avoids the main countries of the two sets before it
    overlap = main_countries("reports_sealed24") & (main_countries("reports_sealed22")
                                                    | main_countries("reports_sealed23"))
    if overlap:
        err("reports_sealed24", f"main countries of reports_sealed22/23: {sorted(overlap)}")
    (n_sealed, n_sealed2, n_sealed3, n_sealed4, n_sealed5, n_sealed6, n_sealed7, n_sealed8,
     n_sealed9, n_sealed10, n_sealed11, n_sealed12, n_sealed13, n_sealed14, n_sealed15,
     n_sealed16, n_sealed17, n_sealed18, n_sealed19, n_sealed20, n_sealed21,
     n_sealed22, n_sealed23, n_sealed24) = sealed.values()
    n_cross = check_crossdoc()
    labels = check_pairs()
    muc = labels.pop("_muc4")
    print(f"reports: {n_reports}  unseen reports: {n_unseen}  sealed reports: {n_sealed}  "
          f"sealed2 reports: {n_sealed2}  sealed3 reports: {n_sealed3}  "
          f"sealed4 reports: {n_sealed4}  sealed5 reports: {n_sealed5}  "
          f"sealed6 reports: {n_sealed6}  sealed7 reports: {n_sealed7}  "
          f"sealed8 reports: {n_sealed8}  sealed9 reports: {n_sealed9}  "
          f"sealed10 reports: {n_sealed10}  sealed11 reports: {n_sealed11}  "
          f"sealed12 reports: {n_sealed12}  sealed13 reports: {n_sealed13}  "
          f"sealed14 reports: {n_sealed14}  sealed15 reports: {n_sealed15}  "
          f"sealed16 reports: {n_sealed16}  sealed17 reports: {n_sealed17}  "
          f"sealed18 reports: {n_sealed18}  sealed19 reports: {n_sealed19}  "
          f"sealed20 reports: {n_sealed20}  sealed21 reports: {n_sealed21}  "
          f"sealed22 reports: {n_sealed22}  sealed23 reports: {n_sealed23}  "
          f"sealed24 reports: {n_sealed24}  "
          f"crossdoc reports: {n_cross}  "
          f"pairs: {sum(labels.values())} ({muc} with MUC-4 text) {dict(sorted(labels.items()))}")
    if not MUC4_TRAIN.exists():
        print("note: MUC-4 train not found; pair texts not checked against it")
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
