"""Publication dates from metadata: validated calendar dates, ``YYYY-MM-DD``."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_iso_date(value: str, *, allow_time: bool = False) -> str | None:
    """``value`` as ``YYYY-MM-DD`` when it is a real calendar date, else None.

    With ``allow_time`` an ISO 8601 timestamp (``2025-10-06T10:00:00Z``) is accepted too and its
    date part (as written, in the timestamp's own time zone) is kept.
    """
    value = value.strip()
    m = _ISO.match(value)
    if m is None:
        return None
    rest = value[m.end() :]
    if rest and not (allow_time and rest[0] in "T "):
        return None
    try:
        day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if rest:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return day.isoformat()


def parse_feed_date(value: str) -> str | None:
    """An RSS (RFC 822) or Atom (ISO 8601) date as ``YYYY-MM-DD``, local to the date as written."""
    iso = parse_iso_date(value, allow_time=True)
    if iso is not None:
        return iso
    try:
        return parsedate_to_datetime(value.strip()).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None
