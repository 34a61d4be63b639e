"""Fewer scans of the rule patterns, with the same matches (a literal prefilter, as RE2 and Hyperscan do).

Worked out once per pattern from its parse tree: *required strings*, a set of strings one of which every
match (or its lookarounds) must contain, compared lower-cased with a case-folded text. A text that contains
none of them cannot match, so its scan is skipped (:func:`gate_of`, :func:`required_strings`). Patterns for
which no such set is found (or whose tree is not the expected one) are always scanned.
"""

from __future__ import annotations

import re

try:  # the stdlib regex parser (private; its name changed in Python 3.11)
    from re import _constants as _C, _parser as _P
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _C  # type: ignore[no-redef]
    import sre_parse as _P  # type: ignore[no-redef]

_MAX_ALTS = 64  # largest set of alternatives expanded from a run of fixed strings
_REPEATS = (_C.MAX_REPEAT, _C.MIN_REPEAT) + ((_C.POSSESSIVE_REPEAT,) if hasattr(_C, "POSSESSIVE_REPEAT") else ())

# non-ASCII characters that IGNORECASE matching takes for an ASCII letter
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def fold(text: str) -> str:
    """The text as the gates read it (lower case; the non-ASCII look-alikes of ASCII letters folded)."""
    return (text if text.isascii() else text.translate(_FOLD)).lower()


def _fixed(op, av) -> set[str] | None:
    """The strings (lower-cased, ASCII) an item matches, when they are few and fixed; else None."""
    if op is _C.LITERAL:
        return {chr(av).lower()} if av < 128 else None
    if op is _C.IN:
        if len(av) <= 8 and all(o is _C.LITERAL and a < 128 for o, a in av):
            return {chr(a).lower() for _, a in av}
        return None
    if op is _C.SUBPATTERN:
        return _fixed_seq(av[-1])
    if op is _C.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            s = _fixed_seq(branch)
            if s is None or len(out | s) > _MAX_ALTS:
                return None
            out |= s
        return out
    return None


def _fixed_seq(items) -> set[str] | None:
    out = {""}
    for op, av in items:
        s = _fixed(op, av)
        if s is None or len(out) * len(s) > _MAX_ALTS:
            return None
        out = {a + b for a in out for b in s}
    return out


def _required_seq(items) -> set[str] | None:
    """One of these strings occurs in any text the sequence matches (None: none found)."""
    cands: list[set[str]] = []
    run: set[str] | None = None
    for op, av in items:
        s = _fixed(op, av)
        if s is not None and run is not None and len(run) * len(s) <= _MAX_ALTS:
            run = {a + b for a in run for b in s}
            continue
        if run is not None:
            cands.append(run)
        run = s
        if s is None:
            r = _required_item(op, av)
            if r:
                cands.append(r)
    if run is not None:
        cands.append(run)
    cands = [c for c in cands if c and "" not in c]
    if not cands:
        return None
    return max(cands, key=lambda c: (min(map(len, c)), -len(c)))


def _required_item(op, av) -> set[str] | None:
    if op is _C.SUBPATTERN:
        return _required_seq(av[-1])
    if op is _C.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            r = _required_seq(branch)
            if not r:
                return None
            out |= r
        return out
    if op in _REPEATS:
        return _required_seq(av[2]) if av[0] >= 1 else None
    if op is getattr(_C, "ATOMIC_GROUP", None):
        return _required_seq(av)
    if op is _C.ASSERT:  # a positive lookahead or lookbehind: its text is in the document too
        return _required_seq(av[1])
    return None


def required_strings(rx: re.Pattern, tree=None) -> tuple[str, ...] | None:
    """Strings one of which any match of ``rx`` needs in the (folded) text; None if none is found.
    ``tree``: the pattern already parsed."""
    try:
        r = _required_seq(tree if tree is not None else _P.parse(rx.pattern, rx.flags))
    except Exception:  # an unexpected parse tree: no gate, always scan
        return None
    return tuple(sorted(r, key=lambda s: (len(s), s))) if r else None


def gate_of(rx: re.Pattern) -> tuple[str, ...] | None:
    """:func:`required_strings` of a pattern; None (always scan) when its parse tree is not the expected one."""
    try:
        return required_strings(rx, _P.parse(rx.pattern, rx.flags))
    except Exception:
        return None
