"""How a text is cased: normal mixed case, all upper (MUC-4 originals, wire headlines) or all lower
(the processed MUC-4 corpus). Extractors that read capitals ask here, so they agree."""

from __future__ import annotations

_WINDOW = 5000  # the opening of a text tells its casing


def capital_share(text: str) -> float | None:
    """Share of capitals among the letters of the text's opening; None when it has no letters."""
    head = text[:_WINDOW]
    n_letters = sum(map(str.isalpha, head))  # counted in C, not a generator per character
    return sum(map(str.isupper, filter(str.isalpha, head))) / n_letters if n_letters else None


def is_cased(text: str) -> bool:
    """True for normal mixed-case text; False for all-lower or all-upper copy."""
    share = capital_share(text)
    return share is not None and 0.01 < share < 0.5
