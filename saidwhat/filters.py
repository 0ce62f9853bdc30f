"""One filter vocabulary for statements: the command line, the JSON API and the web pages.

:func:`build_filter` turns what a user typed (options, query parameters, form fields: strings,
blanks allowed) into a validated :class:`StatementFilter`, and every store query that filters
statements takes :meth:`StatementFilter.query` (``store.statements(**f.query(), limit=...)``):

* ``speaker`` / ``via`` — a registry id, or a name matched case-insensitively by word prefix
  against canonical names and aliases (``Donald``, ``Benjamin``, ``official``; the store also
  matches the names of speakers without a registry entity, such as anonymous ones);
  :meth:`saidwhat.store.StoreProtocol.match_names` says what a name matched;
* ``act`` — one of the speech acts of ``saidwhat/data/acts.toml`` (another value is an
  ``E_BAD_REQUEST`` error listing them);
* ``mode`` — direct, indirect or mixed; ``anonymous`` / ``hedged`` — True or False; ``platform`` —
  a platform name (``Truth Social``, ``X``), case-insensitive;
* ``since`` / ``until`` — ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, real calendar dates, inclusive:
  ``since`` from the first day of the period, ``until`` to its last day;
* ``min_confidence`` — only statements whose ``confidence`` (in [0, 1]) is at least this;
* ``segment`` — the part of the article (body, headline, embed, …: ``saidwhat.model.SEGMENT_KINDS``);
* ``outlet`` — the publishing outlet of the article: its URL's host without ``www.``
  (``reuters.com``), case-insensitive;
* ``story`` — a story id of the stories stage (``/story/{id}``).

``speaker`` / ``via`` given as digits (``"12"``) are registry ids, as the web pages' facet links
write them. ``segment``, ``outlet`` and ``story`` are read by the browsing queries
(:meth:`saidwhat.store.StoreProtocol.browse_statements`), which take the whole filter;
:meth:`StatementFilter.query` keeps the ten keyword arguments of the older queries.

Nothing here imports the store or the NLP stack.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, TypedDict

from saidwhat.errors import SaidwhatError

MODES = ("direct", "indirect", "mixed")
_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class StatementQuery(TypedDict):
    """The statement filters as keyword arguments of the store's queries."""

    speaker: int | str | None
    act: str | None
    mode: str | None
    via: int | str | None
    anonymous: bool | None
    hedged: bool | None
    platform: str | None
    since: str | None
    until: str | None
    min_confidence: float | None


@dataclass(frozen=True, slots=True)
class StatementFilter:
    """Validated statement filters (None: no filter on that field)."""

    speaker: int | str | None = None
    act: str | None = None
    mode: str | None = None
    via: int | str | None = None
    anonymous: bool | None = None
    hedged: bool | None = None
    platform: str | None = None
    since: str | None = None
    until: str | None = None
    min_confidence: float | None = None
    segment: str | None = None
    outlet: str | None = None
    story: str | None = None

    def query(self) -> StatementQuery:
        return StatementQuery(
            speaker=self.speaker,
            act=self.act,
            mode=self.mode,
            via=self.via,
            anonymous=self.anonymous,
            hedged=self.hedged,
            platform=self.platform,
            since=self.since,
            until=self.until,
            min_confidence=self.min_confidence,
        )

    @property
    def statement_only(self) -> bool:
        """Whether a filter other than the dates is set (search then leaves articles out)."""
        return any(
            v is not None
            for v in (
                self.speaker,
                self.act,
                self.mode,
                self.via,
                self.anonymous,
                self.hedged,
                self.platform,
                self.min_confidence,
                self.segment,
                self.outlet,
                self.story,
            )
        )

    @property
    def empty(self) -> bool:
        """Whether no filter at all is set."""
        return all(v is None for v in self.to_dict().values())

    def to_dict(self) -> dict[str, Any]:
        """The filters as the JSON answers echo them."""
        return asdict(self)


def _blank(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def parse_period(value: str | None, name: str = "date") -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a real calendar date) as given; blank is None."""
    value = _blank(value)
    if value is None:
        return None
    m = _PERIOD.match(value)
    bad = SaidwhatError(
        "E_BAD_REQUEST", f"{name} must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}"
    )
    if m is None:
        raise bad
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        date(year, month, day)
    except ValueError:
        raise bad from None
    return value


def period_bounds(value: str) -> tuple[str, str]:
    """The first and last day of a period ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    parse_period(value)
    if len(value) == 10:
        return value, value
    if len(value) == 4:
        return f"{value}-01-01", f"{value}-12-31"
    year, month = int(value[:4]), int(value[5:7])
    nxt = date(year + month // 12, month % 12 + 1, 1)
    return f"{value}-01", date.fromordinal(nxt.toordinal() - 1).isoformat()


def valid_act(value: str | None, name: str = "act") -> str | None:
    """A registered speech act (case-insensitive); another value is an error listing them."""
    from saidwhat.acts import acts

    value = _blank(value)
    if value is None:
        return None
    known = acts()
    if value.lower() not in known:
        raise SaidwhatError(
            "E_BAD_REQUEST", f"{name} {value!r} is not a speech act; the acts are: {', '.join(known)}"
        )
    return value.lower()


def _who(value: int | str | None) -> int | str | None:
    """A registry id (an int, or digits as a URL writes it) or a name."""
    if isinstance(value, int):
        return value
    value = _blank(value)
    if value is not None and value.isascii() and value.isdigit() and len(value) <= 18:
        return int(value)
    return value


def valid_segment(value: str | None) -> str | None:
    """A segment kind of ``saidwhat/1`` (case-insensitive); another value is an error listing them."""
    from saidwhat.model import SEGMENT_KINDS

    value = _blank(value)
    if value is None:
        return None
    if value.lower() not in SEGMENT_KINDS:
        raise SaidwhatError(
            "E_BAD_REQUEST",
            f"segment {value!r} is not a part of an article; the parts are: {', '.join(SEGMENT_KINDS)}",
        )
    return value.lower()


def outlet_of(url: str | None) -> str | None:
    """The outlet of an article's URL: its host, lower case, without ``www.`` and a port."""
    if not url or "://" not in url:
        return None
    host = url.split("://", 1)[1].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    host = host.rsplit("@", 1)[-1].split(":", 1)[0].lower()
    if host.startswith("www."):
        host = host[4:]
    return host or None


def build_filter(
    *,
    speaker: int | str | None = None,
    act: str | None = None,
    mode: str | None = None,
    via: int | str | None = None,
    anonymous: bool | None = None,
    hedged: bool | None = None,
    platform: str | None = None,
    since: str | None = None,
    until: str | None = None,
    min_confidence: float | None = None,
    segment: str | None = None,
    outlet: str | None = None,
    story: str | None = None,
) -> StatementFilter:
    """A validated :class:`StatementFilter` from user input (blank strings are no filter)."""
    m = _blank(mode)
    if m is not None and m.lower() not in MODES:
        raise SaidwhatError("E_BAD_REQUEST", f"mode {m!r} must be one of {', '.join(MODES)}")
    s, u = parse_period(since, "since"), parse_period(until, "until")
    if s is not None and u is not None and period_bounds(s)[0] > period_bounds(u)[1]:
        raise SaidwhatError("E_BAD_REQUEST", f"since {s} is after until {u}")
    if min_confidence is not None and not 0.0 <= min_confidence <= 1.0:
        raise SaidwhatError(
            "E_BAD_REQUEST", f"min_confidence must be a number from 0 to 1, not {min_confidence!r}"
        )
    o = _blank(outlet)
    return StatementFilter(
        speaker=_who(speaker),
        act=valid_act(act),
        mode=m.lower() if m is not None else None,
        via=_who(via),
        anonymous=anonymous,
        hedged=hedged,
        platform=_blank(platform),
        since=s,
        until=u,
        min_confidence=min_confidence,
        segment=valid_segment(segment),
        outlet=o.lower().removeprefix("www.") if o is not None else None,
        story=_blank(story),
    )
