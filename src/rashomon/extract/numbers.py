"""Reading numbers written in digits or words ("139", "1,200", "two hundred", "dozens")."""

from __future__ import annotations

import functools
import re

from rashomon.data import load_json

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")


def _lex() -> dict:
    return load_json("events/lexicon.json")


@functools.lru_cache(maxsize=65536)
def word_value(word: str) -> int | None:
    """Value of one number word or digit string, or None."""
    w = word.lower().strip()
    if _DIGITS.match(w):
        return int(w.replace(",", ""))
    lex = _lex()
    if w in lex["units"]:
        return lex["units"][w]
    if w in lex["tens"]:
        return lex["tens"][w]
    if "-" in w:
        parts = w.split("-")
        if len(parts) == 2 and parts[0] in lex["tens"] and parts[1] in lex["units"]:
            return lex["tens"][parts[0]] + lex["units"][parts[1]]
    if w == "dozen":
        return lex["dozen"]
    return None


def fraction_words() -> dict[str, float]:
    """Fractions that lead a number ("half" of "half a dozen")."""
    return _lex()["fractions"]


@functools.lru_cache(maxsize=65536)
def is_number_word(word: str) -> bool:
    w = word.lower()
    return word_value(w) is not None or w in _lex()["scales"]


def parse_number(words: list[str]) -> int | None:
    """Value of a sequence of number words: ["two", "hundred", "and", "five"] -> 205."""
    lex = _lex()
    total = current = 0
    seen = False
    fraction = fraction_words().get(words[0].lower().strip()) if len(words) > 2 and words[1].lower() == "a" else None
    if fraction is not None:  # "half a dozen" -> 6, "half a million"
        value = parse_number(words[1:])
        return int(value * fraction) if value is not None and (value * fraction).is_integer() else None
    for raw in words:
        w = raw.lower().strip()
        if w == "-" and seen:  # "twenty - one" as the tokenizer splits "twenty-one"
            continue
        if w in ("and", "a") and seen or (w == "a" and not seen):
            current = current or (1 if w == "a" else current)
            continue
        if w in lex["scales"]:
            scale = lex["scales"][w]
            current = (current or 1) * scale
            if scale >= 1000:
                total += current
                current = 0
            seen = True
            continue
        value = word_value(w)
        if value is None:
            return None
        if w == "dozen":
            current = (current or 1) * 12
        else:
            current += value
        seen = True
    return total + current if seen else None
