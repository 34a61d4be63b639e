"""Cross-document event coreference on MUC-4 TST1+TST2: gold clustering, baselines, runner.

Items are the relevant key templates (``"TST1-MUC3-0001#1"`` = docid#template number). The
gold clustering (``tests/data/muc4_crossdoc_gold.json``, re-derivable with
:func:`derive_gold`) links two templates of *different* documents when (RULE):

1. their INCIDENT: TYPE alternatives intersect;
2. their LOCATIONs are compatible: same country, and the most specific place of the less
   specific path appears somewhere in the other path (any alternative pair);
3. their DATEs are compatible: closed ranges overlap with ±1 day of slack; an open ``- D``
   ("on or before D") is compatible with anything starting by ``D + 1``; no date = compatible;
4. they share evidence. Strings are normalised as in CEAF-REE (lower-case, no punctuation or
   articles) and match when equal or when the shorter (>= 2 words) is a whole-word part of the
   longer ("administrative department of security" in "building that houses administrative
   department of security"); in the exact tier two shared word stems (first 5 letters of words
   of >= 4 letters) also match ("bank branch offices" / "bank branches", but not
   "presidential candidate" / "liberal party candidate"):
   * *exact tier* (both dates closed and overlapping): one shared target/victim string
     (PHYS TGT: ID, HUM TGT: NAME, HUM TGT: DESCRIPTION) or one shared PERP: ORGANIZATION ID;
   * *loose tier* (a date open or missing): a shared HUM TGT: NAME, a matching multi-word
     target/victim string, or at least two pieces of shared evidence, counting matched target
     filler lines (a key line with its ``/`` alternatives; counted on the side with fewer) and
     the perpetrator organisations once (a lone "civilians", "car" or "FMLN" / "FARABUNDO MARTI ..." is not enough).
Links are applied strongest first (shared victim name, then more fully matching evidence, then
exact tier, then stem-matched evidence) with union-find,
refusing any merge that would put two templates of the same document in one cluster.

System clusterings are aligned to gold items (see :func:`align`): each gold item takes the
cluster of the best-matching predicted event of its own document (date/location/type
agreement as in :mod:`muc4_slots`; ties -> the document's first event), so a document with a
single predicted event maps all its gold items to it; a document without predicted events
leaves its items as singletons. Scores are then B³, pairwise and MUC on the gold items.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path

from rashomon.eval import coref
from rashomon.eval import muc4_keys as mk
from rashomon.eval import muc4_slots as ms
from rashomon.eval.ceaf import normalize
from rashomon.models import Document
from rashomon.resolve import clusters

PREFIXES = ("TST1", "TST2")
TARGET_SLOTS = ("PHYS TGT: ID", "HUM TGT: NAME", "HUM TGT: DESCRIPTION")
RULE = (
    "Two relevant key templates of different TST1/TST2 documents are coreferent when: "
    "(1) INCIDENT: TYPE alternatives intersect; (2) locations compatible (same country; the most "
    "specific place of the less specific path occurs in the other path); (3) dates compatible "
    "(closed ranges overlap within +-1 day; open '- D' = on or before D; missing = compatible); "
    "(4) evidence, strings normalised as in CEAF-REE and matching when equal or when the shorter "
    "(>= 2 words) is a whole-word part of the longer (exact tier: or two shared 5-letter word "
    "stems): if both dates are closed (exact tier) one "
    "shared PHYS TGT: ID / HUM TGT: NAME / HUM TGT: DESCRIPTION string or one shared PERP: "
    "ORGANIZATION ID; otherwise (loose tier) a shared HUM TGT: NAME, a shared multi-word "
    "target/victim string, or >= 2 pieces of shared evidence (each target/victim filler line with "
    "its '/' alternatives counts once, shared perpetrator organisations count once). "
    "Links applied strongest first (shared name > full-string evidence > exact tier > stem evidence) with union-find; no cluster may hold two templates of one "
    "document. Clusters = connected components."
)


def repo_root() -> Path:
    return Path(__file__).resolve().parents[3]


def default_gold_path() -> Path:
    return repo_root() / "tests" / "data" / "muc4_crossdoc_gold.json"


# ---------------------------------------------------------------- items

def build_items(keys: Mapping[str, list], texts: Mapping[str, Mapping],
                prefixes=PREFIXES) -> list[dict]:
    """Relevant key templates of the given collections as clusterer items.

    Each item: ``id, docid, template, text, dateline, dateline_date`` (what a system may use)
    and key-derived ``type, date, location, key_dates, key_locations, targets, perp_orgs,
    names`` (for oracle baselines and alignment only).
    """
    items = []
    for docid in sorted(keys):
        if not docid.startswith(tuple(prefixes)):
            continue
        doc = texts.get(docid, {})
        for t in keys[docid]:
            if t.get("_irrelevant"):
                continue
            info = ms.key_info(t, doc.get("date"))
            num = t.get("MESSAGE: TEMPLATE", "").split()[0]
            loc = mk.parse_location(t.get("INCIDENT: LOCATION"))
            dates = info["dates"]
            items.append({
                "id": f"{docid}#{num}", "docid": docid, "template": num,
                "text": doc.get("text", ""), "dateline": doc.get("dateline"),
                "dateline_date": doc.get("date"),
                "type": sorted(info["types"])[0] if info["types"] else None,
                "types": sorted(info["types"]),
                "date": (dates[0][0] or dates[0][1]) if dates else None,
                "location": loc,
                "key_dates": dates, "key_locations": info["locations"],
                "targets": sorted({normalize(s) for sl in TARGET_SLOTS
                                   for s in mk.slot_strings(t, sl)} - {""}),
                "names": sorted({normalize(s) for s in mk.slot_strings(t, "HUM TGT: NAME")} - {""}),
                "perp_orgs": sorted({normalize(s) for s in mk.slot_strings(t, "PERP: ORGANIZATION ID")}
                                    - {""}),
                "target_fillers": [sorted({normalize(x) for x in mk.parse_xref(ln)[1]} - {""})
                                   for sl in TARGET_SLOTS for ln in mk.lines(t.get(sl))],
                "optional": bool(t.get("_optional")),
            })
    return items


# ---------------------------------------------------------------- gold rule

def _ord(iso: str) -> int:
    return date.fromisoformat(iso).toordinal()


def dates_compatible(a: list, b: list) -> tuple[bool, bool]:
    """(compatible, exact): exact when a pair of closed ranges overlaps (±1 day)."""
    if not a or not b:
        return True, False
    compatible = exact = False
    for s1, e1 in a:
        for s2, e2 in b:
            lo1 = _ord(s1) if s1 else -10**9
            lo2 = _ord(s2) if s2 else -10**9
            if lo1 <= _ord(e2) + 1 and lo2 <= _ord(e1) + 1:
                compatible = True
                exact = exact or (s1 is not None and s2 is not None)
    return compatible, exact


def locations_compatible(a: list, b: list) -> bool:
    if not a or not b:
        return True
    for pa in a:
        for pb in b:
            if not pa or not pb or not set(pa[0]) & set(pb[0]):
                continue
            short, long_ = (pa, pb) if len(pa) <= len(pb) else (pb, pa)
            if any(set(short[-1]) & set(level) for level in long_):
                return True
    return False


def _stems(x: str) -> set[str]:
    return {w[:5] for w in x.split() if len(w) >= 4}


def strings_match(x: str, y: str, tokens: bool = False) -> bool:
    """Equal, or the shorter (>= 2 words) is a whole-word part of the longer; with ``tokens``
    also two shared word stems (first 5 letters of words of >= 4 letters)."""
    if x == y:
        return True
    short, long_ = sorted((x, y), key=len)
    if " " in short and f" {short} " in f" {long_} ":
        return True
    return tokens and len(_stems(x) & _stems(y)) >= 2


def _matched_fillers(fa: list, fb: list, tokens: bool) -> int:
    """Filler lines matched across the two templates, counted on the side with fewer."""
    hits_a = sum(1 for f in fa if any(strings_match(x, y, tokens) for x in f for g in fb for y in g))
    hits_b = sum(1 for g in fb if any(strings_match(x, y, tokens) for y in g for f in fa for x in f))
    return min(hits_a, hits_b)


def link_strength(a: Mapping, b: Mapping) -> tuple | None:
    """None if the rule does not link ``a`` and ``b``, else a sortable strength."""
    if a["docid"] == b["docid"] or not set(a["types"]) & set(b["types"]):
        return None
    if not locations_compatible(a["key_locations"], b["key_locations"]):
        return None
    ok, exact = dates_compatible(a["key_dates"], b["key_dates"])
    if not ok:
        return None
    fa = a.get("target_fillers") or [[x] for x in a["targets"]]
    fb = b.get("target_fillers") or [[x] for x in b["targets"]]
    names = set(a["names"]) & set(b["names"])
    orgs = any(strings_match(x, y) for x in a["perp_orgs"] for y in b["perp_orgs"])
    multiword = any(" " in x and strings_match(x, y) for f in fa for x in f for g in fb for y in g)
    full = _matched_fillers(fa, fb, tokens=False)
    evidence = (_matched_fillers(fa, fb, tokens=True) if exact else full) + int(orgs)
    if exact:
        linked = evidence >= 1
    else:
        linked = bool(names) or multiword or evidence >= 2
    return (int(bool(names)), full + int(orgs), int(exact), evidence) if linked else None


def cluster_by_rule(items: list[Mapping], strength: Callable = link_strength
                    ) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """Union-find over rule links (strongest first, no two templates of one doc together).

    Returns ``({item_id: cluster_id}, accepted links)``; cluster ids number clusters by their
    first item in ``items`` order.
    """
    links = []
    for a, b in itertools.combinations(items, 2):
        s = strength(a, b)
        if s is not None:
            links.append((s, a["id"], b["id"]))
    links.sort(key=lambda x: (tuple(-v for v in x[0]), x[1], x[2]))
    parent = {it["id"]: it["id"] for it in items}
    docs = {it["id"]: {it["docid"]} for it in items}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    accepted = []
    for _, x, y in links:
        rx, ry = find(x), find(y)
        if rx == ry:
            accepted.append((x, y))
            continue
        if docs[rx] & docs[ry]:
            continue
        parent[ry] = rx
        docs[rx] |= docs[ry]
        accepted.append((x, y))
    ids: dict[str, int] = {}
    out = {}
    for it in items:
        root = find(it["id"])
        out[it["id"]] = ids.setdefault(root, len(ids))
    return out, accepted


def derive_gold(root: str | Path | None = None) -> dict:
    """The gold clustering of TST1+TST2 key templates as written to the gold JSON file."""
    keys, texts = mk.load_keys(root), mk.load_texts(root)
    items = build_items(keys, texts)
    clustering, links = cluster_by_rule(items)
    groups: dict[int, list[str]] = {}
    for iid, cid in clustering.items():
        groups.setdefault(cid, []).append(iid)
    multi = {str(c): sorted(m) for c, m in groups.items() if len({i.split("#")[0] for i in m}) > 1}
    return {
        "rule": RULE,
        "items": clustering,
        "clusters": multi,
        "stats": {
            "items": len(items), "documents": len({it["docid"] for it in items}),
            "clusters": len(groups), "multi_document_clusters": len(multi),
            "items_in_multi_document_clusters": sum(len(m) for m in multi.values()),
            "coreferent_pairs": sum(len(m) * (len(m) - 1) // 2 for m in multi.values()),
            "largest_cluster": max((len(m) for m in multi.values()), default=1),
        },
    }


def load_gold(path: str | Path | None = None, root=None) -> dict:
    """The gold JSON (default ``tests/data/muc4_crossdoc_gold.json``), derived if missing."""
    p = Path(path) if path else default_gold_path()
    if p.exists():
        return json.loads(p.read_text())
    return derive_gold(root)


# ---------------------------------------------------------------- baselines

def singleton_clusterer(items: list[Mapping]) -> dict[str, str]:
    """Every item alone (B³ precision 1, pairwise recall 0)."""
    return {it["id"]: it["id"] for it in items}


def oracle_attributes_clusterer(items: list[Mapping]) -> dict[str, int]:
    """Upper-bound-style sanity baseline from KEY attributes: type + date + location only.

    Same rule as the gold clustering minus the shared-evidence condition (4), so it shows how
    far gold attributes alone go; it is not a system.
    """
    def strength(a, b):
        if a["docid"] == b["docid"] or not set(a["types"]) & set(b["types"]):
            return None
        if not locations_compatible(a["key_locations"], b["key_locations"]):
            return None
        ok, exact = dates_compatible(a["key_dates"], b["key_dates"])
        return (int(exact),) if ok else None
    return cluster_by_rule(items, strength)[0]


def oracle_rule_clusterer(items: list[Mapping]) -> dict[str, int]:
    """The gold rule itself on key attributes (must score 1.0: a runner sanity check)."""
    return cluster_by_rule(items)[0]


def dateline_clusterer(items: list[Mapping], days: int = 3) -> dict[str, int]:
    """Text-only baseline: each document is one event; two documents are linked when their
    dateline places are equal and their dateline dates are within ``days`` days."""
    def strength(a, b):
        if a["docid"] == b["docid"]:
            return (1,)
        if not a.get("dateline_date") or not b.get("dateline_date"):
            return None
        if (a.get("dateline") or "").split(",")[0] != (b.get("dateline") or "").split(",")[0]:
            return None
        return (0,) if abs(_ord(a["dateline_date"]) - _ord(b["dateline_date"])) <= days else None
    reps = {}
    for it in items:
        reps.setdefault(it["docid"], it)
    doc_clusters = cluster_by_rule(list(reps.values()), strength)[0]
    return {it["id"]: doc_clusters[reps[it["docid"]]["id"]] for it in items}


def pipeline_clusterer(items: list[dict], analyses: dict | None = None) -> dict:
    """MUC-4 style runner: analyse each document's text, cluster its events with :func:`cluster_events`.

    Returns ``{"DOCID#idx": cluster}`` and sets ``pipeline_clusterer.events`` (docid, date,
    location, type) for the evaluation's alignment. ``analyses`` ({docid: Analysis}) skips the
    analysis step (for repeated runs).
    """
    docs: dict[str, dict] = {}
    for it in items:
        docs.setdefault(it["docid"], it)
    pipe = None
    evs, meta = [], {}
    for docid, it in sorted(docs.items()):
        an = (analyses or {}).get(docid)
        if an is None:
            if pipe is None:
                from rashomon.engine.pipeline import Pipeline  # the whole pipeline, loaded on first use

                pipe = Pipeline()
            an = pipe.analyze(Document(id=docid, text=it.get("text") or "", published=it.get("dateline_date")))
        evs += clusters.analysis_events(an, docid, it.get("dateline_date"), it.get("text") or "")
        for i, ev in enumerate(an.events):
            meta[f"{docid}#{i}"] = {"docid": docid, "date": ev.date.value if ev.date else None,
                                    "location": [ev.place.country_name, ev.place.name] if ev.place else [],
                                    "type": ev.type, "types": ev.types}
    pipeline_clusterer.events = meta
    return clusters.cluster_events(evs)


BASELINES: dict[str, Callable] = {
    "singleton": singleton_clusterer,
    "doc_dateline": dateline_clusterer,
    "oracle_type_date_loc": oracle_attributes_clusterer,
    "oracle_gold_rule": oracle_rule_clusterer,
}


# ---------------------------------------------------------------- alignment

def align(items: list[Mapping], events: Mapping[str, Mapping], one_to_one: bool = True) -> dict[str, str]:
    """Gold item id -> id of the best-matching predicted event of the same document.

    ``events``: ``{event_id: {"docid", "date", "location", "type", ...}}`` (docid defaults to
    the part of the id before ``#``). Score = date + location + type agreement as in
    :func:`muc4_slots.agreement`. With ``one_to_one`` (default) items and events of a document
    are paired greedily one-to-one as in the slot scoring (:func:`muc4_slots.pair`; ties -> first
    event, first item), so a predicted event stands for at most one gold template and surplus
    items stay singletons; without it every item takes its best event (ties -> the document's
    first event) and several items of one document may share an event. Items whose document
    has no event are left out (scored as singletons).
    """
    by_doc: dict[str, list[tuple[str, Mapping]]] = {}
    for eid, ev in events.items():
        by_doc.setdefault(ev.get("docid") or str(eid).split("#")[0], []).append((eid, ev))
    items_by_doc: dict[str, list[Mapping]] = {}
    for it in items:
        items_by_doc.setdefault(it["docid"], []).append(it)
    out = {}
    for docid, its in items_by_doc.items():
        cands = by_doc.get(docid)
        if not cands:
            continue
        infos = [{"types": set(it["types"]), "dates": it["key_dates"], "locations": it["key_locations"]} for it in its]
        if one_to_one:
            for i, j in ms.pair([ev for _, ev in cands], infos):
                out[its[j]["id"]] = cands[i][0]
            continue
        for it, info in zip(its, infos):
            best = max(range(len(cands)), key=lambda k: (ms.agreement(cands[k][1], info), -k))
            out[it["id"]] = cands[best][0]
    return out


def system_to_gold_items(items: list[Mapping], result: Mapping, events: Mapping | None,
                         one_to_one: bool = True) -> tuple[dict, dict]:
    """A clusterer's output -> (clustering of gold item ids, alignment used)."""
    gold_ids = {it["id"] for it in items}
    if all(k in gold_ids for k in result):
        return dict(result), {}
    events = dict(events or {})
    for eid in result:
        events.setdefault(eid, {"docid": str(eid).split("#")[0]})
    alignment = align(items, {e: events[e] for e in result}, one_to_one)
    return {gid: result[eid] for gid, eid in alignment.items()}, alignment


# ---------------------------------------------------------------- runner

def evaluate(path=None, predictions_out=None, limit=None, clusterer=None, gold_path=None,
             events=None, alignment="one_to_one", with_system=False) -> dict:
    """Score clusterers against the gold clustering of TST1+TST2 key templates.

    ``path``: MUC-4 data root (default ``<repo>/../shared/data/muc4``). ``limit``: first N
    documents with relevant templates (sorted docids). ``clusterer(items) -> {id: cluster}``;
    without one, the :data:`BASELINES` are run (``with_system``: rashomon's own pipeline too). A clusterer may return gold item ids or its own
    event ids (``"DOCID#anything"``) with attributes in ``events`` or ``clusterer.events``;
    those are aligned with :func:`align` (``alignment="one_to_one"``, or ``"best"``: every item
    takes its best event). ``predictions_out``: JSON with every clustering.
    """
    root = Path(path) if path else mk.default_root()
    keys, texts = mk.load_keys(root), mk.load_texts(root)
    items = build_items(keys, texts)
    gold = load_gold(gold_path, root)["items"]
    if limit:
        docs = sorted({it["docid"] for it in items})[: int(limit)]
        items = [it for it in items if it["docid"] in docs]
    gold = {it["id"]: gold[it["id"]] for it in items if it["id"] in gold}
    runs = {"system": clusterer} if clusterer else (
        {"rashomon": pipeline_clusterer, **BASELINES} if with_system else BASELINES)
    metrics: dict = {"items": len(items), "documents": len({it["docid"] for it in items}),
                     "gold_clusters": len(set(gold.values())),
                     "gold_multi_document_clusters": _multi_doc(gold),
                     "gold_pairs": coref.pairwise_counts(gold, gold)["gold"], "runs": {}}
    dump = {"gold": gold, "runs": {}}
    for name, fn in runs.items():
        result = fn([dict(it) for it in items])
        evs = events if events is not None else getattr(fn, "events", None)
        pred, aligned = system_to_gold_items(items, result, evs, alignment != "best")
        metrics["runs"][name] = coref.score_all(gold, pred)
        if aligned:
            metrics["runs"][name]["aligned_items"] = len(aligned)
        dump["runs"][name] = {"clustering": pred, "alignment": aligned}
    if predictions_out:
        Path(predictions_out).write_text(json.dumps(dump, indent=1, default=str))
    return metrics


def _multi_doc(clustering: Mapping[str, object]) -> int:
    docs: dict[object, set] = {}
    for iid, cid in clustering.items():
        docs.setdefault(cid, set()).add(iid.split("#")[0])
    return sum(len(d) > 1 for d in docs.values())


def render(metrics: Mapping) -> str:
    """Plain-text table of B³ / pairwise / MUC per run."""
    head = (f"MUC-4 TST1+TST2 cross-document event coreference: {metrics['items']} items, "
            f"{metrics['documents']} docs, {metrics['gold_clusters']} gold clusters "
            f"({metrics['gold_multi_document_clusters']} multi-document, "
            f"{metrics['gold_pairs']} coreferent pairs)")
    lines = [head, f"{'run':<22} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6}  {'pw P':>6} {'pw R':>6} "
             f"{'pw F1':>6}  {'MUC P':>6} {'MUC R':>6} {'MUC F1':>6}"]
    for name, m in metrics["runs"].items():
        row = [m[k][x] * 100 for k in ("b3", "pairwise", "muc") for x in ("p", "r", "f1")]
        lines.append(f"{name:<22} " + "  ".join(" ".join(f"{v:6.1f}" for v in row[i:i + 3])
                                                for i in (0, 3, 6)))
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    print(render(evaluate()))
