"""Calendar arithmetic on TIMEX3 values and the choice of year/week for underspecified dates."""

from __future__ import annotations

import calendar
import datetime as dt
import re

Date = dt.date

# A tense-directed reading of a yearless date is kept only this close to the reference;
# beyond it the nearest occurrence wins ("payable Nov. 16" in a past-tense sentence).
DIRECTED_MAX_DAYS = 250
DIRECTED_MAX_MONTHS = 8
# With the past tense of a finite verb the month directly modifies (from the parse), the past reading holds
# for a whole year: "the senator first stirred crowds in March" written in January is last March (the
# future is left at the limits above: a misattached "will" would throw a date a year ahead).
PARSED_MAX_MONTHS = 11
PARSED_MAX_DAYS = 340
# Without tense, a past reading is preferred unless the future one is this much nearer.
PAST_BIAS_DAYS = 30
PAST_BIAS_MONTHS = 1


def parse_dct(dct: str | None) -> Date | None:
    if not dct:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", dct)
    if not m:
        m2 = re.match(r"(\d{4})(\d{2})(\d{2})", dct)
        if not m2:
            return None
        m = m2
    try:
        return Date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def fmt_day(d: Date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def fmt_month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def fmt_week(d: Date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def quarter_of(d: Date) -> int:
    return (d.month - 1) // 3 + 1


def shift(ref: Date, unit: str, n: int) -> str:
    """``ref`` moved by ``n`` units, formatted at the unit's granularity."""
    if unit == "D":
        return fmt_day(ref + dt.timedelta(days=n))
    if unit == "W":
        return fmt_week(ref + dt.timedelta(weeks=n))
    if unit == "WE":
        return fmt_week(ref + dt.timedelta(weeks=n)) + "-WE"
    if unit == "M":
        return fmt_month(*add_months(ref.year, ref.month, n))
    if unit == "Q":
        y, m = add_months(ref.year, ref.month, 3 * n)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}"
    if unit == "H":  # half year
        y, m = add_months(ref.year, ref.month, 6 * n)
        return f"{y:04d}-H{1 if m <= 6 else 2}"
    if unit == "Y":
        return f"{ref.year + n:04d}"
    if unit == "DE":
        return f"{(ref.year + 10 * n) // 10:03d}"
    if unit == "CE":
        return f"{(ref.year + 100 * n) // 100:02d}"
    return fmt_day(ref)


def shift_value(value: str, unit: str, n: int) -> str | None:
    """Shift a TIMEX3 value by n units, keeping the value's own granularity when coarser."""
    m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if m:
        if unit == "Y":
            return f"{int(m.group(1)) + n:04d}-Q{m.group(2)}"
        if unit == "Q":
            y, mm = add_months(int(m.group(1)), (int(m.group(2)) - 1) * 3 + 1, 3 * n)
            return f"{y:04d}-Q{(mm - 1) // 3 + 1}"
    m = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if m and unit in ("Y", "M"):
        y, mm = add_months(int(m.group(1)), int(m.group(2)), n * (12 if unit == "Y" else 1))
        return fmt_month(y, mm)
    m = re.fullmatch(r"(\d{4})", value)
    if m and unit == "Y":
        return f"{int(value) + n:04d}"
    d = value_to_date(value)
    if d is None:
        return None
    return shift(d, unit, n)


def value_to_date(value: str | None) -> Date | None:
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return Date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def safe_date(y: int, m: int, d: int) -> Date | None:
    try:
        return Date(y, m, d)
    except ValueError:
        return None


def choose_year_for_day(month: int, day: int, ref: Date, direction: str | None, same_year: bool = False,
                        whole_year: bool = False) -> int:
    """Year putting month/day closest to ``ref``: past -> on/before, future -> on/after, else nearest.

    ``same_year``: the direction is reliable (from the parse), so a directed reading in ``ref``'s own
    year is kept even beyond ``DIRECTED_MAX_DAYS``."""
    cands = [(y, safe_date(y, month, day)) for y in (ref.year - 1, ref.year, ref.year + 1)]
    cands = [(y, d) for y, d in cands if d is not None]
    if not cands:
        return ref.year
    # the tense decides unless it would put the date more than ~250 days away
    if direction == "past":
        ok = [(y, d) for y, d in cands
              if d <= ref and ((ref - d).days <= DIRECTED_MAX_DAYS or (same_year and y == ref.year)
                               or (whole_year and (ref - d).days <= PARSED_MAX_DAYS))]
        if ok:
            return max(ok, key=lambda t: t[1])[0]
    elif direction == "future":
        ok = [(y, d) for y, d in cands
              if d >= ref and ((d - ref).days <= DIRECTED_MAX_DAYS or (same_year and y == ref.year))]
        if ok:
            return min(ok, key=lambda t: t[1])[0]
    # no usable tense: nearest occurrence, with a news prior for the past (reports mostly look
    # back) -- the past reading wins unless the future one is more than PAST_BIAS_DAYS nearer
    return min(cands, key=lambda t: (abs((t[1] - ref).days) + (PAST_BIAS_DAYS if t[1] > ref else 0)))[0]


def choose_year_for_month(month: int, ref: Date, direction: str | None, same_year: bool = False,
                          whole_year: bool = False) -> int:
    """``whole_year``: the tense is that of a finite verb the month directly modifies (from the parse), so a
    past reading holds up to ``PARSED_MAX_MONTHS`` back."""
    cands = [ref.year - 1, ref.year, ref.year + 1]
    here = ref.year * 12 + ref.month - 1
    key = {y: y * 12 + month - 1 for y in cands}
    if direction == "past":
        ok = [y for y in cands
              if key[y] <= here and (here - key[y] <= DIRECTED_MAX_MONTHS
                                     or (same_year and y == ref.year) or (whole_year and here - key[y] <= PARSED_MAX_MONTHS))]
        if ok:
            return max(ok, key=lambda y: key[y])
    if direction == "future":
        ok = [y for y in cands
              if key[y] >= here and (key[y] - here <= DIRECTED_MAX_MONTHS
                                     or (same_year and y == ref.year))]
        if ok:
            return min(ok, key=lambda y: key[y])
    return min(cands, key=lambda y: (abs(key[y] - here) + (PAST_BIAS_MONTHS if key[y] > here else 0) - 0.01 * (key[y] <= here)))


def weekday_date(wd: int, ref: Date, direction: str | None, strict: bool = False) -> Date:
    """Date of ISO weekday ``wd`` (1=Mon) relative to ``ref``."""
    back = (ref.isoweekday() - wd) % 7
    fwd = (wd - ref.isoweekday()) % 7
    if strict:
        back = back or 7
        fwd = fwd or 7
    if direction == "past":
        return ref - dt.timedelta(days=back)
    if direction == "future":
        return ref + dt.timedelta(days=fwd)
    if back <= fwd:
        return ref - dt.timedelta(days=back)
    return ref + dt.timedelta(days=fwd)


def nth_weekday(year: int, month: int, wd: int, n: int) -> Date:
    if n > 0:
        d = Date(year, month, 1)
        d += dt.timedelta(days=(wd - d.isoweekday()) % 7)
        return d + dt.timedelta(weeks=n - 1)
    last = Date(year, month, calendar.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.isoweekday() - wd) % 7)


def easter(year: int) -> Date:
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return Date(year, month, day)


def month_end(year: int, month: int) -> Date:
    """The last day of a month."""
    return Date(year, month, calendar.monthrange(year, month)[1])
