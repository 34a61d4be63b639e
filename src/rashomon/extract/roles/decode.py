"""Turn scored candidates into one mention per entity and role."""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field

import numpy

from .candidates import Candidate, KeyCandidate
from .lexicon import MUC_ROLES

# roles where two strings with the same head noun are taken as one entity (chosen on train
# cross-validation: it helps PerpOrg/Weapon, hurts PerpInd/Target, and victims are names)
SAME_HEAD_ROLES = {"PerpOrg", "Weapon"}
_STOP = {"of", "the", "and", "for", "de", "del", "la", "el", "y", "los", "las", "in"}


@dataclass(slots=True)
class Entity:
    role: str  # MUC role name
    key: str  # normalised text of the chosen mention
    cand: Candidate  # best-scoring occurrence
    score: float
    members: list[str]  # normalised strings grouped into it
    occurrences: list[Candidate]
    member_scores: list[float] = field(default_factory=list)  # role score of each member
    member_keys: list[KeyCandidate] = field(default_factory=list)


def _is_acronym(short: str, words: list[str]) -> bool:
    """``short`` is made of the initials of ``words``, in any order (fmln, das, eln-like)."""
    content = [w for w in words if w not in _STOP] or words
    if len(short) < 2 or len(short) < len(content) - 1 or len(short) > len(words):
        return False
    pool = Counter(w[0] for w in words)
    need = Counter(short)
    return all(pool[ch] >= n for ch, n in need.items()) and short[0] in {w[0] for w in content}


_ALIAS_STOP = {"the", "a", "an", "by", "of", "that", "and", "to", "in", "for", "from", "with", "said"}


def aliases(doc) -> set[frozenset[str]]:
    """Pairs ``long name (short)`` written in the document, normalised."""
    from .candidates import doc_tokens, norm

    out: set[frozenset[str]] = set()
    t = doc_tokens(doc)
    if "(" not in t.doc_text:
        return out
    text, n = t.text, len(t.text)
    for i in range(1, n - 2):
        if text[i] == "(" and text[i + 2] == ")":
            short = norm(text[i + 1])
            # the preceding noun phrase: walk back over its tokens
            j = i - 1
            start = j
            while start > t.sent_start[i] and not t.punct[start - 1] and t.lower[start - 1] not in _ALIAS_STOP and i - start < 8:
                start -= 1
            for k in range(start, j + 1):
                long = norm(t.span_text(k, j + 1))
                if long and short and long != short:
                    out.add(frozenset((long, short)))
    return out


@functools.lru_cache(maxsize=65536)
def _split(text: str) -> tuple[list[str], frozenset[str]]:
    """Words of a normalised mention and their set (shared: never modified)."""
    words = text.split()
    return words, frozenset(words)


def related(a: str, b: str, role: str, alias: set[frozenset[str]] | None = None) -> bool:
    """Whether two normalised mentions plausibly denote the same entity."""
    if alias and frozenset((a, b)) in alias:
        return True
    wa, sa = _split(a)
    wb, sb = _split(b)
    if sa <= sb or sb <= sa:
        return True
    if len(wa) == 1 and len(wb) > 1 and _is_acronym(wa[0], wb):
        return True
    if len(wb) == 1 and len(wa) > 1 and _is_acronym(wb[0], wa):
        return True
    if role not in SAME_HEAD_ROLES:
        return False
    return wa[-1] == wb[-1] or wa[-1].rstrip("s") == wb[-1].rstrip("s")


def decode(keys: list[KeyCandidate], probs, thresholds: dict[str, float], alias=None, roles=None,
           chooser: dict[str, float] | None = None, relevance: float | None = None) -> list[Entity]:
    """Per role (all, or those in ``roles``): rank strings by score, group related strings
    into entities, threshold; the mention of each entity is the best-scoring string, or the
    member the learned ``chooser`` prefers.

    Thresholds: ``thresholds[role]`` for the role's best entity, ``thresholds[role + "_rest"]``
    (default: the same) for the others. With a document ``relevance`` and
    ``thresholds["alpha"]``, scores are multiplied by ``relevance ** alpha`` (soft gate)."""
    out: list[Entity] = []
    alpha = thresholds.get("alpha", 0.0)
    gain = relevance**alpha if relevance is not None and alpha else 1.0
    table = numpy.asarray(probs, dtype=numpy.float64)[: len(keys)] if len(keys) else None
    for r, role in enumerate(MUC_ROLES):
        if roles is not None and role not in roles:
            continue
        tau = thresholds.get(role, 0.5)
        tau_rest = thresholds.get(role + "_rest", tau)
        cut = min(tau, tau_rest) * 0.5
        # only strings scoring at least ``cut`` are ever looked at: drop the rest before sorting
        # (a stable sort of the kept ones gives them in the same order as sorting all of them)
        ranked = []
        if table is not None:
            col = table[:, r] * gain
            kept = numpy.flatnonzero(col >= cut)
            ranked = sorted(zip(col[kept].tolist(), [keys[i] for i in kept.tolist()]), key=lambda sk: -sk[0])
        clusters: list[Entity] = []
        for score, kc in ranked:
            target = next((e for e in clusters if any(related(kc.key, m, role, alias) for m in e.members)), None)
            if target is None:
                first = min(kc.occurrences, key=lambda c: c.start)
                clusters.append(Entity(role, kc.key, first, score, [kc.key], list(kc.occurrences), [score], [kc]))
            else:
                target.members.append(kc.key)
                target.occurrences.extend(kc.occurrences)
                target.member_scores.append(score)
                target.member_keys.append(kc)
        kept = [e for n, e in enumerate(clusters) if e.score >= (tau if n == 0 else tau_rest)]
        if chooser:
            for e in kept:
                choose_mention(e, chooser)
        out.extend(kept)
    return out


def _nb(x: float, edges: tuple[float, ...]) -> int:
    return next((i for i, e in enumerate(edges) if x < e), len(edges))


def member_features(e: Entity, j: int) -> list[str]:
    """Features of member ``j`` of entity ``e`` relative to the other members (mention choice)."""
    kc = e.member_keys[j]
    words = kc.key.split()
    lens = [len(m.split()) for m in e.members]
    top = e.member_scores[0]
    p = e.member_scores[j]
    n_occ = [len(k.occurrences) for k in e.member_keys]
    first = [min(c.start for c in k.occurrences) for k in e.member_keys]
    kinds = sorted({c.kind for c in kc.occurrences})
    f = [f"rank={min(j, 3)}", f"ratio={_nb(p / max(top, 1e-9), (0.3, 0.5, 0.7, 0.9, 0.999))}",
         f"ntok={min(len(words), 5)}", f"longest={len(words) == max(lens)}", f"shortest={len(words) == min(lens)}",
         f"vs_top={'eq' if len(words) == lens[0] else 'longer' if len(words) > lens[0] else 'shorter'}",
         f"num_first={words[0].isdigit() or words[0] in _NUMBER_WORDS}", f"has_of={'of' in words}",
         f"most_occ={len(kc.occurrences) == max(n_occ)}", f"earliest={first[j] == min(first)}",
         f"nmem={min(len(e.members), 4)}", f"sub_of_top={set(words) < set(e.members[0].split())}",
         f"super_of_top={set(words) > set(e.members[0].split())}"]
    f += [f"kind={k}" for k in kinds]
    f += [x for x in kc.feats if x.startswith((f"pstr_{e.role}=", f"phead_{e.role}="))]
    return ["bias"] + f + [f"{e.role}|{x}" for x in f]


_NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several",
                 "some", "many", "dozens", "hundreds", "other", "various", "numerous", "few"}


def choose_mention(e: Entity, chooser: dict[str, float]) -> None:
    """Make the member with the highest chooser score the entity's mention."""
    if len(e.members) < 2:
        return
    zs = [sum(chooser.get(f, 0.0) for f in member_features(e, j)) for j in range(len(e.members))]
    j = max(range(len(zs)), key=lambda k: (zs[k], -k))
    if j == 0:
        return
    kc = e.member_keys[j]
    e.key = kc.key
    e.cand = min(kc.occurrences, key=lambda c: c.start)

