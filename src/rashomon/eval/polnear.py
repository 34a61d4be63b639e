"""PolNeAR attribution evaluation (source / cue / content spans).

Metric (see shared/README.md, PolNeAR section):

* spans are compared by the characters they cover that are neither whitespace
  nor punctuation; a role with several arguments (``Content2``) or a
  discontinuous span is merged into one span covering all its parts;
* exact = identical character sets; overlap = at least one shared character,
  predicted and gold spans paired one-to-one (maximum bipartite matching);
* per role, identical spans are counted once (a source shared by several
  attributions counts once);
* whole attribution: source, cue and content all match (exact or overlap);
  a missing source matches only a missing source;
* linked source/content: a role span counts only inside a predicted
  attribution whose cue overlaps the gold attribution's cue.

Only attributions (``E`` lines) are scored; unlinked ``T`` spans and
``Discuss``/``Discard`` annotations are ignored.
"""

from __future__ import annotations

import json
import string
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

ROLES = ("source", "cue", "content")
Attr = dict  # {"source": (s, e) | None, "cue": (s, e) | None, "content": (s, e) | None}


# --------------------------------------------------------------------------- gold


def parse_ann(ann_text: str) -> list[Attr]:
    """Attributions of a brat standoff ``.ann`` file as character ranges."""
    spans: dict[str, list[tuple[int, int]]] = {}
    events: list[list[tuple[str, str]]] = []
    for line in ann_text.splitlines():
        if not line.strip():
            continue
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            parts = fields[1].split(" ", 1)
            if len(parts) < 2:
                continue
            ranges = []
            for chunk in parts[1].split(";"):
                bits = chunk.split()
                if len(bits) == 2:
                    ranges.append((int(bits[0]), int(bits[1])))
            spans[fields[0]] = ranges
        elif line.startswith("E") and len(fields) >= 2:
            args = []
            for arg in fields[1].split():
                if ":" in arg:
                    role, tid = arg.split(":", 1)
                    args.append((role, tid))
            events.append(args)
    attrs: list[Attr] = []
    for args in events:
        pieces: dict[str, list[tuple[int, int]]] = {r: [] for r in ROLES}
        for role, tid in args:
            base = role.rstrip("0123456789").lower()
            if base in pieces and tid in spans:
                pieces[base].extend(spans[tid])
        attr = {
            r: (min(s for s, _ in p), max(e for _, e in p)) if p else None
            for r, p in pieces.items()
        }
        if attr["cue"] is None and attr["content"] is None:
            continue
        attrs.append(attr)
    return attrs


def list_documents(path: str | Path) -> list[tuple[str, Path, Path | None]]:
    """(stem, text file, first .ann in sorted order) for every text of a split."""
    path = Path(path)
    anns = sorted((path / "attributions").glob("*.ann"))
    docs = []
    for txt in sorted((path / "text").glob("*.txt")):
        stem = txt.stem
        ann = next((a for a in anns if a.stem.rsplit("_", 1)[0] == stem), None)
        docs.append((stem, txt, ann))
    return docs


# --------------------------------------------------------------------------- scoring


def _is_content_char(ch: str) -> bool:
    return not (ch.isspace() or ch in string.punctuation
                or unicodedata.category(ch).startswith("P"))


class _Text:
    """Prefix counts of content characters, for fast span normalisation."""

    def __init__(self, text: str):
        self.text = text
        self.flags = [_is_content_char(c) for c in text]
        self.prefix = [0]
        for f in self.flags:
            self.prefix.append(self.prefix[-1] + f)

    def key(self, span: tuple[int, int] | None):
        """Trimmed range (first..last content char) or None / an empty marker."""
        if span is None:
            return None
        s, e = max(0, span[0]), min(len(self.text), span[1])
        while s < e and not self.flags[s]:
            s += 1
        while e > s and not self.flags[e - 1]:
            e -= 1
        if s >= e:
            return ("empty", span[0], span[1])
        return (s, e)

    def overlaps(self, a, b) -> bool:
        if a is None or b is None:
            return False
        if a[0] == "empty" or b[0] == "empty":
            return a[0] == b[0] == "empty" and a[1] < b[2] and b[1] < a[2]
        lo, hi = max(a[0], b[0]), min(a[1], b[1])
        return lo < hi and self.prefix[hi] - self.prefix[lo] > 0


def _max_matching(n_left: int, n_right: int, edges: dict[int, list[int]]) -> int:
    """Size of a maximum bipartite matching (Kuhn's augmenting paths)."""
    match_right = [-1] * n_right

    def augment(u: int, seen: set[int]) -> bool:
        for v in edges.get(u, ()):
            if v in seen:
                continue
            seen.add(v)
            if match_right[v] < 0 or augment(match_right[v], seen):
                match_right[v] = u
                return True
        return False

    return sum(augment(u, set()) for u in range(n_left))


@dataclass
class _Counts:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, tp: int, pred: int, gold: int) -> None:
        self.tp += tp
        self.pred += pred
        self.gold += gold

    def prf(self) -> dict:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": 100 * p, "r": 100 * r, "f1": 100 * f,
                "tp": self.tp, "pred": self.pred, "gold": self.gold}


def _match(t: _Text, a, b, mode: str) -> bool:
    return a == b if mode == "exact" else t.overlaps(a, b)


def score_document(text: str, gold: Sequence[Attr], pred: Sequence[Attr],
                   counts: dict[str, _Counts] | None = None) -> dict[str, _Counts]:
    """Add one document's counts to ``counts`` (created if None) and return it."""
    counts = counts if counts is not None else {}
    t = _Text(text)
    g = [{r: t.key(a.get(r)) for r in ROLES} for a in gold]
    p = [{r: t.key(a.get(r)) for r in ROLES} for a in pred]
    for mode in ("exact", "overlap"):
        for role in ROLES:
            gu = sorted({a[role] for a in g if a[role] is not None}, key=str)
            pu = sorted({a[role] for a in p if a[role] is not None}, key=str)
            edges = {i: [j for j, y in enumerate(pu) if _match(t, x, y, mode)]
                     for i, x in enumerate(gu)}
            counts.setdefault(f"{role}/{mode}", _Counts()).add(
                _max_matching(len(gu), len(pu), edges), len(pu), len(gu))
            if role == "cue":
                continue
            # linked: supported by a (gold, pred) attribution pair whose cues overlap
            gi = {x: i for i, x in enumerate(gu)}
            pj = {y: j for j, y in enumerate(pu)}
            ledges: dict[int, set[int]] = {}
            for ga in g:
                if ga[role] is None:
                    continue
                for pa in p:
                    if pa[role] is None or not t.overlaps(ga["cue"], pa["cue"]):
                        continue
                    if _match(t, ga[role], pa[role], mode):
                        ledges.setdefault(gi[ga[role]], set()).add(pj[pa[role]])
            counts.setdefault(f"{role}-linked/{mode}", _Counts()).add(
                _max_matching(len(gu), len(pu), {k: sorted(v) for k, v in ledges.items()}),
                len(pu), len(gu))

        def role_ok(x, y, role):
            if role == "source" and (x is None or y is None):
                return x is None and y is None
            return x is not None and y is not None and _match(t, x, y, mode)

        edges = {i: [j for j, pa in enumerate(p)
                     if all(role_ok(ga[r], pa[r], r) for r in ROLES)]
                 for i, ga in enumerate(g)}
        counts.setdefault(f"attribution/{mode}", _Counts()).add(
            _max_matching(len(g), len(p), edges), len(p), len(g))
    return counts


def metrics_from_counts(counts: dict[str, _Counts], n_docs: int) -> dict:
    return {"documents": n_docs, **{k: c.prf() for k, c in sorted(counts.items())}}


# --------------------------------------------------------------------------- driver


def _statements_to_attrs(statements: Iterable) -> list[Attr]:
    out = []
    for st in statements:
        out.append({
            "source": (st.source.start, st.source.end) if st.source is not None else None,
            "cue": (st.cue.start, st.cue.end),
            "content": (st.content.start, st.content.end),
        })
    return out


def _default_predictor() -> Callable[[str], list[Attr]]:
    from rashomon.extract.attribution import extract_attributions
    from rashomon.nlp.model import load_nlp

    nlp = load_nlp()
    return lambda text: _statements_to_attrs(extract_attributions(nlp(text)))


def evaluate(path: str | Path, predictions_out: str | Path | None = None,
             limit: int | None = None, predictor: Callable[[str], list[Attr]] | None = None,
             **_opts) -> dict:
    """Run the extractor on a PolNeAR split (``text/`` + ``attributions/``) and score it.

    ``predictor`` (text -> list of {"source", "cue", "content"} ranges) defaults to
    :func:`rashomon.extract.attribution.extract_attributions` on the spaCy parse.
    """
    docs = list_documents(path)
    if limit is not None:
        docs = docs[:limit]
    predictor = predictor or _default_predictor()
    counts: dict[str, _Counts] = {}
    out = open(predictions_out, "w", encoding="utf-8") if predictions_out else None
    try:
        for stem, txt, ann in docs:
            text = txt.read_text(encoding="utf-8")
            gold = parse_ann(ann.read_text(encoding="utf-8")) if ann else []
            pred = predictor(text)
            score_document(text, gold, pred, counts)
            if out:
                out.write(json.dumps({"doc": stem, "attributions": [
                    {r: list(a[r]) if a[r] is not None else None for r in ROLES}
                    for a in pred]}) + "\n")
    finally:
        if out:
            out.close()
    return metrics_from_counts(counts, len(docs))


def render(metrics: dict) -> str:
    """Plain-text table of the metrics."""
    lines = [f"PolNeAR attribution ({metrics.get('documents', '?')} documents)",
             f"{'':24}{'P':>7}{'R':>7}{'F1':>7}{'tp':>7}{'pred':>7}{'gold':>7}"]
    order = [f"{r}/{m}" for m in ("exact", "overlap") for r in
             ("cue", "source", "content", "attribution", "source-linked", "content-linked")]
    for key in order:
        if key in metrics:
            m = metrics[key]
            lines.append(f"{key:24}{m['p']:7.1f}{m['r']:7.1f}{m['f1']:7.1f}"
                         f"{m['tp']:7d}{m['pred']:7d}{m['gold']:7d}")
    return "\n".join(lines)
