"""Turn scored candidates into one mention per entity and role."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

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


def _acronym(words: list[str]) -> str:
    return "".join(w[0] for w in words if w not in _STOP)


def _is_acronym(short: str, words: list[str]) -> bool:
    """``short`` is made of the initials of ``words``, in any order (fmln, das, eln-like)."""
    content = [w for w in words if w not in _STOP] or words
    if len(short) < 2 or len(short) < len(content) - 1 or len(short) > len(words):
        return False
    pool = Counter(w[0] for w in words)
    need = Counter(short)
    return all(pool[ch] >= n for ch, n in need.items()) and short[0] in {w[0] for w in content}


def aliases(doc) -> set[frozenset[str]]:
    """Pairs ``long name (short)`` written in the document, normalised."""
    from .candidates import norm

    out: set[frozenset[str]] = set()
    for tok in doc:
        if tok.text == "(" and tok.i + 2 < len(doc) and doc[tok.i + 2].text == ")" and tok.i > 0:
            short = norm(doc[tok.i + 1].text)
            # the preceding noun phrase: walk back over its tokens
            j = tok.i - 1
            start = j
            while start > tok.sent.start and not doc[start - 1].is_punct and doc[start - 1].lower_ not in {"the", "a", "an", "by", "of", "that", "and", "to", "in", "for", "from", "with", "said", "by"} and tok.i - start < 8:
                start -= 1
            for k in range(start, j + 1):
                long = norm(doc[k : j + 1].text)
                if long and short and long != short:
                    out.add(frozenset((long, short)))
    return out


def related(a: str, b: str, role: str, alias: set[frozenset[str]] | None = None) -> bool:
    """Whether two normalised mentions plausibly denote the same entity."""
    if alias and frozenset((a, b)) in alias:
        return True
    wa, wb = a.split(), b.split()
    sa, sb = set(wa), set(wb)
    if sa <= sb or sb <= sa:
        return True
    if len(wa) == 1 and len(wb) > 1 and _is_acronym(wa[0], wb):
        return True
    if len(wb) == 1 and len(wa) > 1 and _is_acronym(wb[0], wa):
        return True
    if role not in SAME_HEAD_ROLES:
        return False
    return wa[-1] == wb[-1] or wa[-1].rstrip("s") == wb[-1].rstrip("s")


def decode(keys: list[KeyCandidate], probs, thresholds: dict[str, float], alias=None) -> list[Entity]:
    """Per role: rank strings by score, group related strings into entities, threshold."""
    out: list[Entity] = []
    for r, role in enumerate(MUC_ROLES):
        tau = thresholds.get(role, 0.5)
        ranked = sorted(((float(p[r]), k) for k, p in zip(keys, probs)), key=lambda sk: -sk[0])
        clusters: list[Entity] = []
        for score, kc in ranked:
            if score < tau * 0.5:
                break
            target = next((e for e in clusters if any(related(kc.key, m, role, alias) for m in e.members)), None)
            if target is None:
                first = min(kc.occurrences, key=lambda c: c.start)
                clusters.append(Entity(role, kc.key, first, score, [kc.key], list(kc.occurrences)))
            else:
                target.members.append(kc.key)
                target.occurrences.extend(kc.occurrences)
        out.extend(e for e in clusters if e.score >= tau)
    return out
