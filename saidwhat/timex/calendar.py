"""Calendar arithmetic and TimeML value formatting (no invalid date is ever formatted)."""

from __future__ import annotations

import calendar as _cal
import re
from datetime import date, timedelta


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist (31 February, day 45)."""
    if not (1 <= month <= 12) or not (1 <= year <= 9999):
        return None
    if not (1 <= day <= _cal.monthrange(year, month)[1]):
        return None
    return date(year, month, day)


def add_months(d: date, n: int) -> tuple[int, int]:
    """(year, month) ``n`` months after ``d``'s month."""
    m = d.year * 12 + (d.month - 1) + n
    return m // 12, m % 12 + 1


def week_value(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def weekend_value(d: date) -> str:
    return week_value(d) + "-WE"


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def fmt_date(d: date) -> str:
    return d.isoformat()


def fmt_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def nth_weekday(year: int, month: int, weekday: int, nth: int, first_day: int = 1) -> date | None:
    """The ``nth`` ISO ``weekday`` of a month (negative ``nth`` counts from the end), counting from
    day ``first_day`` (U.S. Election Day: the first Tuesday from November 2)."""
    days = [date(year, month, d) for d in range(first_day, _cal.monthrange(year, month)[1] + 1)]
    hits = [d for d in days if d.isoweekday() == weekday]
    idx = nth - 1 if nth > 0 else nth
    return hits[idx] if -len(hits) <= idx < len(hits) else None


def weekday_near(anchor: date, weekday: int, direction: str) -> date:
    """The ``weekday`` (ISO number) relative to ``anchor``.

    ``past``: latest on or before the anchor; ``future``: earliest on or after it;
    ``last``: strictly before; ``next``: strictly after.
    """
    delta = weekday - anchor.isoweekday()
    if direction == "past":
        return anchor + timedelta(days=delta if delta <= 0 else delta - 7)
    if direction == "future":
        return anchor + timedelta(days=delta if delta >= 0 else delta + 7)
    if direction == "last":
        return anchor + timedelta(days=delta if delta < 0 else delta - 7)
    return anchor + timedelta(days=delta if delta > 0 else delta + 7)


def shift(anchor: date, amount: int, unit: str) -> str | None:
    """The value of the period ``amount`` units from ``anchor`` (None when outside years 1-9999)."""
    try:
        value = _shift(anchor, amount, unit)
    except (OverflowError, ValueError):
        return None
    return value if value is not None and in_range(value) else None


_YEAR_OK = re.compile(r"^(?!0000)\d{2,4}(?!\d)")


def in_range(value: str) -> bool:
    """A year between 0001 and 9999 (or a decade / century of one): no negative or 5-digit years."""
    return _YEAR_OK.match(value) is not None


def _shift(anchor: date, amount: int, unit: str) -> str | None:
    """The period ``amount`` units from ``anchor`` at that unit's granularity.

    Weeks are ISO weeks (Monday to Sunday), so on a Sunday "this week" is the week ending that day.
    """
    if unit == "D":
        return fmt_date(anchor + timedelta(days=amount))
    if unit == "W":
        return week_value(anchor + timedelta(weeks=amount))
    if unit == "WE":
        return weekend_value(anchor + timedelta(weeks=amount))
    if unit == "M":
        y, m = add_months(anchor, amount)
        return fmt_month(y, m) if 1 <= y <= 9999 else None
    if unit == "Q":
        q = (anchor.year * 4 + quarter_of(anchor.month) - 1) + amount
        return f"{q // 4:04d}-Q{q % 4 + 1}"
    if unit == "H":
        h = (anchor.year * 2 + (anchor.month - 1) // 6) + amount
        return f"{h // 2:04d}-H{h % 2 + 1}"
    if unit == "Y":
        return f"{anchor.year + amount:04d}"
    if unit == "DE":
        return f"{(anchor.year // 10) + amount:03d}"
    if unit == "CE":
        return f"{(anchor.year // 100) + amount:02d}"
    return None


def duration(amount: float | None, unit: str, time_unit: bool) -> str:
    """ISO-8601 duration: ``P3Y``, ``PT5H``, ``PXD`` (unknown amount); decades and centuries in years."""
    if unit == "DE":
        return "PXDE" if amount is None else f"P{_num(amount * 10)}Y"
    if unit == "CE":
        return "PXCE" if amount is None else f"P{_num(amount * 100)}Y"
    if unit == "2W":
        return "PXW" if amount is None else f"P{_num(amount * 2)}W"
    if amount is not None and not float(amount).is_integer() and (unit, time_unit) in _SPLIT:
        # "5 1/2 hours" -> PT5H30M, "2 1/2 years" -> P2Y6M, "a day and a half" -> P1DT12H
        sub, factor, sub_time = _SPLIT[(unit, time_unit)]
        whole = int(amount)
        frac = round((amount - whole) * factor)
        head = f"{whole}{unit}" if whole else ""
        if time_unit:
            return f"PT{head}{frac}{sub}"
        return f"P{head}T{frac}{sub}" if sub_time else f"P{head}{frac}{sub}"
    n = "X" if amount is None else _num(amount)
    return f"PT{n}{unit}" if time_unit else f"P{n}{unit}"


# a fractional amount of a unit, in the next smaller unit: (unit, is time) -> (smaller, factor, is time)
_SPLIT = {
    ("Y", False): ("M", 12, False),
    ("M", False): ("D", 30, False),
    ("W", False): ("D", 7, False),
    ("D", False): ("H", 24, True),
    ("H", True): ("M", 60, True),
    ("M", True): ("S", 60, True),
}


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


_VALUE = re.compile(r"^(\d{4})(?:-(?:(\d\d)(?:-(\d\d))?|Q([1-4])|W(\d\d)))?$")


def shift_value(value: str, amount: int, unit: str) -> str | None:
    """Shift a calendar value by ``amount`` units, keeping its granularity (None if it cannot)."""
    try:
        out = _shift_value(value, amount, unit)
    except (OverflowError, ValueError):
        return None
    return out if out is not None and in_range(out) else None


def _shift_value(value: str, amount: int, unit: str) -> str | None:
    m = _VALUE.match(value)
    if not m:
        return None
    y, mo, d, q, w = m.groups()
    year = int(y)
    if d:
        base = safe_date(year, int(mo), int(d))
        if base is None:
            return None
        if unit in ("D", "W"):
            return fmt_date(base + timedelta(days=amount * (7 if unit == "W" else 1)))
        if unit not in ("M", "Q", "Y"):
            return None
        ny, nm = add_months(base, amount * {"M": 1, "Q": 3, "Y": 12}[unit])
        last = _cal.monthrange(ny, nm)[1]
        return fmt_date(date(ny, nm, min(base.day, last)))
    if mo:
        if unit not in ("M", "Q", "Y"):
            return None
        ny, nm = add_months(date(year, int(mo), 1), amount * {"M": 1, "Q": 3, "Y": 12}[unit])
        return fmt_month(ny, nm)
    if q:
        if unit not in ("Q", "Y"):
            return None
        n = year * 4 + int(q) - 1 + amount * {"Q": 1, "Y": 4}[unit]
        return f"{n // 4:04d}-Q{n % 4 + 1}"
    if w:
        if unit != "W" and unit != "Y":
            return None
        if unit == "Y":
            return f"{year + amount:04d}-W{w}"
        monday = date.fromisocalendar(year, int(w), 1) if 1 <= int(w) <= 53 else None
        return week_value(monday + timedelta(weeks=amount)) if monday else None
    if unit == "Y":
        return f"{year + amount:04d}"
    return None


def to_granularity(value: str, unit: str) -> str | None:
    """``value`` (a calendar value) cut to ``unit``: "1996-05-22" at "Y" is "1996"."""
    m = _VALUE.match(value)
    if not m:
        return None
    y, mo, d, q, w = m.groups()
    if unit == "Y":
        return y
    if unit == "M":
        return f"{y}-{mo}" if mo else None
    if unit == "Q":
        if q:
            return value
        return f"{y}-Q{quarter_of(int(mo))}" if mo else None
    if unit in ("W", "WE"):
        if w:
            return value if unit == "W" else value + "-WE"
        day = safe_date(int(y), int(mo), int(d)) if (mo and d) else None
        if day is None:
            return None
        return week_value(day) if unit == "W" else weekend_value(day)
    if unit == "D":
        return value if d else None
    return None


_COARSE = re.compile(r"^(\d{4})(?:-(\d\d))?$")


def pad_to(value: str, unit: str) -> str | None:
    """A year or month ``value`` written at the finer ``unit`` with the unknown part as X:
    "1998-10" at "D" is "1998-10-XX", "1998" at "M" is "1998-XX" (TimeML's unspecified digits)."""
    m = _COARSE.match(value)
    if not m:
        return None
    y, mo = m.groups()
    if unit == "D":
        return f"{y}-{mo or 'XX'}-XX"
    if unit == "M" and not mo:
        return f"{y}-XX"
    return None
