"""Score predicted incident DATE, LOCATION and killed/wounded figures against the MUC-3/4 keys.

Matching rule (also in docs/notes/crossdoc-eval.md):

* Per document, relevant key templates (not ``_irrelevant``) and predicted incidents are paired
  one-to-one, greedily by decreasing agreement score (ties: file/prediction order). The score
  counts date agreement, any-level location agreement and type agreement (when the prediction
  has a ``type``; compared with the key's INCIDENT: TYPE alternatives, case-insensitive).
  Pairs with score 0 are still made, so a document with one key and one prediction is always
  paired. Extra predictions stay unpaired (they count in precision), extra keys too (recall).
* DATE: correct when the predicted ISO date falls inside one of the key's alternatives: a
  closed range ``[start, end]`` or a single day; for an open key ``- D`` ("on or before D", the
  default fill anchored on the dateline) only ``D`` itself is correct (``date``) or any date
  ``<= D`` (``date_lenient``).
* LOCATION: the prediction is a list of place names from general to specific (a string is
  split on commas and read specific-to-general, e.g. ``"San Salvador, El Salvador"``).
  ``location_exact``: the prediction's most specific name equals the most specific key place
  of one alternative (either end of a range). ``location_any``: the prediction's most specific
  name equals a key place at any level (so a correct country alone counts, a wrong city does
  not). Names compared upper-cased with whitespace collapsed.
* KILLED / WOUNDED: the key figure is the sum of HUM TGT: NUMBER over the human targets whose
  EFFECT OF INCIDENT is ``DEATH`` / ``INJURY`` (see :func:`muc4_keys.effect_counts`); a
  prediction is correct when it lies in one of the resulting ``[low, high]`` totals. Only keys
  with a bounded, positive figure are gold (``PLURAL`` or number-less targets make a figure
  undeterminable: such keys are left out of that slot). A predicted 0 counts as no figure.

For each slot: ``gold`` (keys with a value), ``pred`` (predictions with a value), ``correct``,
``p``/``r``/``f1`` and ``accuracy`` = correct / paired templates where both have a value.
"""

from __future__ import annotations

from collections.abc import Mapping

from rashomon.eval import muc4_keys as mk

SLOTS = ("date", "date_lenient", "location_exact", "location_any", "killed", "wounded")


def _norm(name: str) -> str:
    return " ".join(str(name).upper().replace(".", " ").split())


def pred_places(location) -> list[str]:
    """A predicted location -> names general to specific."""
    if not location:
        return []
    if isinstance(location, str):
        parts = [p for p in (x.strip() for x in location.split(",")) if p]
        return [_norm(p) for p in reversed(parts)]
    return [_norm(p) for p in location if p]


def key_info(template: Mapping, dateline_date: str | None = None) -> dict:
    """The scored facts of one key template."""
    year = int(dateline_date[:4]) if dateline_date else None
    types = {mk.strip_optional(a)[0].upper() for a in mk.split_top(template.get("INCIDENT: TYPE", ""))
             if not mk.is_empty(a)}
    return {
        "types": types,
        "dates": mk.parse_date(template.get("INCIDENT: DATE"), year),
        "locations": [[[_norm(n) for n, _ in level] for level in alt]
                      for alt in mk.parse_location_alternatives(template.get("INCIDENT: LOCATION"))],
        "killed": mk.effect_counts(template, "DEATH"),
        "wounded": mk.effect_counts(template, "INJURY"),
        "dateline": dateline_date,
    }


def date_correct(pred: str | None, dates, lenient: bool = False) -> bool:
    if not pred:
        return False
    for start, end in dates:
        if start is None:
            if pred == end or (lenient and end and pred <= end):
                return True
        elif start <= pred <= end:
            return True
    return False


def location_correct(pred: list[str], locations, exact: bool) -> bool:
    if not pred:
        return False
    target = pred[-1]
    for alt in locations:
        if not alt:
            continue
        if exact and target in alt[-1]:
            return True
        if not exact and any(target in level for level in alt):
            return True
    return False


def figure_gold(totals) -> bool:
    """A bounded, positive key figure (scored); ``[(0, 0)]`` or unbounded totals are not."""
    return bool(totals) and all(hi is not None for _, hi in totals) and any(hi > 0 for _, hi in totals)


def figure_correct(pred: int | None, totals) -> bool:
    return pred is not None and any(lo <= pred <= hi for lo, hi in totals if hi is not None)


def type_agrees(pred: Mapping, info: Mapping) -> bool:
    t = pred.get("type")
    return bool(t) and str(t).upper().replace("_", " ") in info["types"]


def agreement(pred: Mapping, info: Mapping) -> int:
    """Pairing score: date (lenient) + location (any level) + type agreement, 0..3."""
    return (int(date_correct(pred.get("date"), info["dates"], lenient=True))
            + int(location_correct(pred_places(pred.get("location")), info["locations"], exact=False))
            + int(type_agrees(pred, info)))


def pair(preds: list[Mapping], infos: list[Mapping]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairing ``(pred_index, key_index)`` by decreasing agreement."""
    scored = sorted(((agreement(p, k), -i, -j, i, j) for i, p in enumerate(preds)
                     for j, k in enumerate(infos)), reverse=True)
    used_p, used_k, out = set(), set(), []
    for _, _, _, i, j in scored:
        if i in used_p or j in used_k:
            continue
        used_p.add(i)
        used_k.add(j)
        out.append((i, j))
    return sorted(out)


def _has(slot: str, value) -> bool:
    if slot in ("killed", "wounded"):
        return value is not None and value != 0
    return bool(value)


def score_slots(predictions: Mapping[str, list[Mapping]], keys: Mapping[str, list[Mapping]],
                texts: Mapping[str, Mapping] | None = None, docids=None) -> dict:
    """Per-slot counts and P/R/F1/accuracy (module docstring has the rule).

    ``keys`` as from :func:`muc4_keys.load_keys`; ``texts`` (optional, from ``load_texts``)
    gives each document's dateline year for key dates without a year. Documents scored:
    ``docids`` if given, else every document of ``predictions`` plus every key document.
    """
    docs = sorted(docids if docids is not None else set(predictions) | set(keys))
    counts = {s: {"gold": 0, "pred": 0, "correct": 0, "both": 0} for s in SLOTS}
    n_keys = n_pred = n_paired = 0
    for doc in docs:
        dl = (texts or {}).get(doc, {}).get("date")
        infos = [key_info(t, dl) for t in keys.get(doc, []) if not t.get("_irrelevant")]
        preds = list(predictions.get(doc, []))
        n_keys += len(infos)
        n_pred += len(preds)
        pairs = pair(preds, infos) if preds and infos else []
        n_paired += len(pairs)
        for info in infos:
            counts["date"]["gold"] += bool(info["dates"])
            counts["date_lenient"]["gold"] += bool(info["dates"])
            counts["location_exact"]["gold"] += bool(info["locations"])
            counts["location_any"]["gold"] += bool(info["locations"])
            counts["killed"]["gold"] += figure_gold(info["killed"])
            counts["wounded"]["gold"] += figure_gold(info["wounded"])
        for p in preds:
            places = pred_places(p.get("location"))
            counts["date"]["pred"] += _has("date", p.get("date"))
            counts["date_lenient"]["pred"] += _has("date", p.get("date"))
            counts["location_exact"]["pred"] += bool(places)
            counts["location_any"]["pred"] += bool(places)
            counts["killed"]["pred"] += _has("killed", p.get("killed"))
            counts["wounded"]["pred"] += _has("wounded", p.get("wounded"))
        for i, j in pairs:
            p, info = preds[i], infos[j]
            places = pred_places(p.get("location"))
            checks = {
                "date": (bool(info["dates"]) and bool(p.get("date")),
                         date_correct(p.get("date"), info["dates"])),
                "date_lenient": (bool(info["dates"]) and bool(p.get("date")),
                                 date_correct(p.get("date"), info["dates"], lenient=True)),
                "location_exact": (bool(info["locations"]) and bool(places),
                                   location_correct(places, info["locations"], exact=True)),
                "location_any": (bool(info["locations"]) and bool(places),
                                 location_correct(places, info["locations"], exact=False)),
            }
            for fig in ("killed", "wounded"):
                gold_ok = figure_gold(info[fig])
                checks[fig] = (gold_ok and _has(fig, p.get(fig)),
                               gold_ok and _has(fig, p.get(fig)) and figure_correct(p.get(fig), info[fig]))
            for slot, (both, ok) in checks.items():
                counts[slot]["both"] += both
                counts[slot]["correct"] += bool(both and ok)
    out: dict = {"documents": len(docs), "key_templates": n_keys, "predicted": n_pred,
                 "paired": n_paired}
    for slot, c in counts.items():
        p = c["correct"] / c["pred"] if c["pred"] else 0.0
        r = c["correct"] / c["gold"] if c["gold"] else 0.0
        out[slot] = dict(c, p=p, r=r, f1=2 * p * r / (p + r) if p + r else 0.0,
                         accuracy=c["correct"] / c["both"] if c["both"] else 0.0)
    return out
