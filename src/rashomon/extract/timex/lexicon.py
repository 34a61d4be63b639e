"""Word lists for the timex tagger (loaded from ``rashomon/data/timex/*.json``) and regex fragments."""

from __future__ import annotations

import functools
import importlib.resources
import json
import re


def _load(name: str) -> dict:
    path = importlib.resources.files("rashomon").joinpath("data", "timex", name)
    return json.loads(path.read_text(encoding="utf-8"))


def _alt(words) -> str:
    """Regex alternation of ``words`` (longest first); spaces match any whitespace."""
    items = sorted(set(words), key=len, reverse=True)
    parts = []
    for w in items:
        p = re.escape(w).replace(r"\ ", r"\s+").replace(" ", r"\s+")
        parts.append(p)
    return "(?:" + "|".join(parts) + ")"


class Lexicon:
    """All vocabularies plus derived regex fragments."""

    def __init__(self) -> None:
        cal = _load("calendar.json")
        num = _load("numbers.json")
        units = _load("units.json")
        cues = _load("cues.json")
        self.months: dict[str, int] = cal["months"]
        self.ambiguous_months = set(cal["ambiguous_months"])
        self.weekdays: dict[str, int] = cal["weekdays"]
        self.seasons: dict[str, str] = cal["seasons"]
        self.parts_of_day: dict[str, str] = cal["parts_of_day"]
        self.timezones: list[str] = cal["timezones"]
        self.holidays: dict[str, str] = cal["holidays"]
        self.cardinals: dict[str, float] = num["cardinals"]
        self.vague: list[str] = num["vague"]
        self.ordinals: dict[str, int] = num["ordinals"]
        self.decade_words: dict[str, int] = num["decade_words"]
        self.units: dict[str, str] = units["units"]
        self.sets: dict[str, str] = units["sets"]
        self.sets_disabled = set(units.get("sets_disabled", []))
        self.fuzzy: dict[str, str] = cues["fuzzy"]
        self.fuzzy_enabled = set(cues["fuzzy_enabled"])
        self.modifiers: dict[str, str | None] = cues["modifiers"]
        self.position_modifiers: dict[str, str] = cues["position_modifiers"]
        self.future_markers = set(cues["future_markers"])
        self.past_irregular = set(cues["past_markers_irregular"])
        self.past_ed_exceptions = set(cues["past_ed_exceptions"])
        self.counted_nouns = set(cues["counted_nouns"])
        self.deferral_verbs = set(cues.get("deferral_verbs", []))
        self.generic_after_today = set(cues.get("generic_after_today", []))

        full_months = [m for m in self.months
                       if not any(o != m and o.startswith(m) and self.months[o] == self.months[m] for o in self.months)]
        abbr_months = [m for m in self.months if m not in full_months]
        # "sept." / "jan." / "jan" ; full names never take a dot.
        self.MONTH = "(?:" + _alt(full_months) + "|" + _alt(abbr_months) + r"\.?)(?![a-z])"
        full_wd = [w for w in self.weekdays if len(w) > 4]
        self.WEEKDAY = _alt(full_wd) + r"(?![a-z])"
        self.DAYNUM = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
        ords = [o for o, v in self.ordinals.items() if v > 0]
        self.ORDW = _alt(ords) + r"(?![a-z])"
        self.YEAR4 = r"(?:1[5-9]\d\d|20\d\d)(?![\d,]\d)(?!s\b)(?!'s\b)"
        tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        ones = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
        teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                 "seventeen", "eighteen", "nineteen"]
        self.tens, self.ones, self.teens = tens, ones, teens
        numword = ("(?:" + _alt(tens) + r"(?:[\s-]+" + _alt(ones) + ")?|" + _alt(teens) + "|" + _alt(ones) + ")")
        self.NUMWORD = numword + r"(?![a-z])"
        self.SPOKEN_YEAR = (r"(?:(?:nineteen|eighteen|twenty)[\s-]+(?:" + _alt(tens) + r"(?:[\s-]+" + _alt(ones)
                            + r")?|" + _alt(teens) + r"|oh[\s-]+" + _alt(ones) + r")|two\s+thousand(?:\s+(?:and\s+)?"
                            + "(?:" + _alt(ones) + "|" + _alt(teens) + r"))?)(?![a-z])")
        self.NUMDIGIT = r"(?:\d+(?:,\d{3})*(?:\.\d+)?(?:\s+1/2)?)"
        extra = [k for k in self.cardinals if k not in ones + teens + tens]
        self.NUM = "(?:" + self.NUMDIGIT + "|" + numword + "(?:[\\s-]+(?:hundred|thousand))?|" + _alt(extra) + r")(?![a-z])"
        self.VAGUE = _alt(self.vague) + r"(?![a-z])"
        self.UNIT = _alt(self.units) + r"(?![a-z])"
        self.SEASON = _alt(self.seasons) + r"(?![a-z])"
        pods = ["morning", "afternoon", "evening", "night"]
        self.POD = _alt(pods) + r"(?![a-z])"
        self.TZ = r"(?:" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in self.timezones) + r")(?![a-z])"
        self.HOLIDAY = _alt(self.holidays).replace("'", "['\u2019]") + r"(?![a-z])"  # "St. Patrick\u2019s Day"

    # -- word values -------------------------------------------------------
    def month_of(self, word: str) -> int | None:
        return self.months.get(word.lower().rstrip("."))

    def weekday_of(self, word: str) -> int | None:
        return self.weekdays.get(word.lower().rstrip("."))

    def number_of(self, phrase: str) -> float | None:
        """Value of a number phrase: digits, words ("twenty-four", "two hundred"), "a", "a couple of"."""
        p = re.sub(r"\s+", " ", phrase.lower().strip()).replace(",", "")
        if not p:
            return None
        if re.fullmatch(r"\d+(?:\.\d+)?", p):
            return float(p)
        mh = re.fullmatch(r"(\d+) 1/2", p)  # "5 1/2 hours"
        if mh:
            return float(mh.group(1)) + 0.5
        if p in self.cardinals:
            return float(self.cardinals[p])
        total = 0.0
        current = 0.0
        for w in re.split(r"[\s-]+", p):
            if w == "and":
                continue
            v = self.cardinals.get(w)
            if v is None:
                return None
            if v == 100:
                current = (current or 1) * 100
            elif v == 1000:
                total += (current or 1) * 1000
                current = 0
            else:
                current += v
        return total + current

    def spoken_year(self, phrase: str) -> int | None:
        words = [w for w in re.split(r"[\s-]+", phrase.lower()) if w and w != "and"]
        if not words:
            return None
        if words[:2] == ["two", "thousand"]:
            rest = self.number_of(" ".join(words[2:])) if words[2:] else 0
            return 2000 + int(rest or 0)
        head = self.cardinals.get(words[0])
        if head is None:
            return None
        tail_words = words[1:]
        if tail_words and tail_words[0] == "oh":
            tail_words = tail_words[1:]
        tail = self.number_of(" ".join(tail_words)) if tail_words else 0
        if tail is None:
            return None
        return int(head) * 100 + int(tail)


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon()
