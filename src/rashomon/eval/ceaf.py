"""CEAF-REE scorer for document-level role-filler entity extraction (pure, no I/O).

The metric of Du, Rush & Cardie (GRIT, EACL 2021) as specified in the shared README:
templates are merged role by role (an entity whose lower-cased mention set is a subset or
superset of an entity already kept is dropped), mentions are normalised (lower-cased, ASCII
punctuation deleted, a/an/the removed, whitespace collapsed), a predicted entity matches a
gold entity iff all its mentions are among the gold entity's mentions, entities are paired
one-to-one to maximise matches per document and role, and counts are summed (micro).
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping

from .metrics import prf

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
_PUNCT = set(string.punctuation)
_ARTICLES = re.compile(r"\b(a|an|the)\b")


def normalize(mention: str) -> str:
    """Lower-case, delete ASCII punctuation, remove articles, collapse whitespace."""
    text = "".join(ch for ch in mention.lower() if ch not in _PUNCT)
    return " ".join(_ARTICLES.sub(" ", text).split())


def _mention_text(mention) -> str:
    """A mention is a string or a ``[string, offset]`` pair."""
    if isinstance(mention, (list, tuple)):
        return str(mention[0])
    return str(mention)


def merge_templates(templates: Iterable[Mapping]) -> dict[str, list[list[str]]]:
    """Merge a document's templates role by role (subset/superset rule), in file order."""
    merged: dict[str, list[list[str]]] = {role: [] for role in ROLES}
    kept: dict[str, list[set[str]]] = {role: [] for role in ROLES}
    for template in templates:
        for role in ROLES:
            for entity in template.get(role) or []:
                mentions = [_mention_text(m) for m in entity]
                if not mentions:
                    continue
                lowered = {m.lower() for m in mentions}
                if any(lowered <= k or lowered >= k for k in kept[role]):
                    continue
                kept[role].append(lowered)
                merged[role].append(mentions)
    return merged


def max_matching(adj: list[list[int]], n_right: int) -> int:
    """Size of a maximum bipartite matching (Kuhn's augmenting paths); adj[i] = right nodes."""
    match_right = [-1] * n_right

    def augment(i: int, seen: list[bool]) -> bool:
        for j in adj[i]:
            if not seen[j]:
                seen[j] = True
                if match_right[j] == -1 or augment(match_right[j], seen):
                    match_right[j] = i
                    return True
        return False

    return sum(augment(i, [False] * n_right) for i in range(len(adj)))


def match_entities(gold: list[list[str]], pred: list[list[str]]) -> int:
    """Number of one-to-one matches between predicted and gold entities (normalised mentions)."""
    gold_sets = [{normalize(m) for m in e} for e in gold]
    adj = []
    for entity in pred:
        mentions = {normalize(m) for m in entity}
        adj.append([j for j, g in enumerate(gold_sets) if mentions <= g])
    return max_matching(adj, len(gold_sets))


def _prf(matched: int, n_pred: int, n_gold: int) -> dict:
    p, r, f = prf(matched, n_pred, n_gold)
    return {"p": p, "r": r, "f1": f, "matched": matched, "predicted": n_pred, "gold": n_gold}


def _as_role_lists(doc: Mapping) -> dict[str, list[list[str]]]:
    """Accept ``{"templates": [...]}``, a list of templates, or already merged role lists."""
    if isinstance(doc, Mapping) and "templates" in doc:
        return merge_templates(doc["templates"])
    if isinstance(doc, list):
        return merge_templates(doc)
    return merge_templates([doc])


def score(gold: Mapping, pred: Mapping) -> dict:
    """CEAF-REE over documents: ``gold``/``pred`` map docid -> templates (see ``_as_role_lists``).

    Documents absent from ``pred`` count as empty predictions; documents only in ``pred``
    are ignored. Returns per-role and ``micro`` P/R/F1 with counts.
    """
    counts = {role: [0, 0, 0] for role in ROLES}
    for docid, gold_doc in gold.items():
        g = _as_role_lists(gold_doc)
        p = _as_role_lists(pred.get(docid, []))
        for role in ROLES:
            pred_entities = [e for e in p[role] if e]
            counts[role][0] += match_entities(g[role], pred_entities)
            counts[role][1] += len(pred_entities)
            counts[role][2] += len(g[role])
    result = {role: _prf(*counts[role]) for role in ROLES}
    total = [sum(counts[r][i] for r in ROLES) for i in range(3)]
    result["micro"] = _prf(*total)
    return result
