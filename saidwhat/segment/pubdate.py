"""Publication date from the text alone (:func:`find_published`), before any parse.

1. An explicit date line near the top ("date 2025-10-06", "Published: October 6, 2025",
   an ISO timestamp on its own line, "Updated 6 Oct 2025") gives basis ``"text"``.
2. Otherwise the date is inferred when an embedded post is dated: the latest post date (raised by
   a later past date written in the headline/body) is a lower bound, the anchor. Weekday references
   in the headline/body are read as past ("confirmed on Saturday", "On Sunday, he reiterated") or
   future ("will hold a meeting on Sunday", "upcoming visit ... on Monday") from the nearest tense
   cue in their sentence, and each candidate day from the anchor to ``max_days_after_anchor`` days
   later is scored by how far those weekdays fall from it (a past weekday read back from the day,
   a future one ahead). The single best candidate wins, and only when there are both past and future
   references (so the day is bracketed, not just bounded from below). Basis ``"inferred"``.
   A news dateline with month and day ("LOS ANGELES, Sept. 28 (UPI) — ") comes before that: its
   year is the latest full date's (or the next), when that puts it at most ``dateline_max_days``
   after that date. Basis ``"inferred"`` (the year is).
3. ``(None, None)`` without such evidence: null rather than wrong.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from saidwhat.model import Segment
from saidwhat.segment.patterns import DatePatterns, date_patterns

_SENTENCE_END = re.compile(r"[.!?][\"”’')]*\s+|\n")
_WORD = re.compile(r"\S+")
# segments whose dates may anchor the inference (comments are written after publication)
_ANCHOR_KINDS = frozenset({"headline", "body", "embed"})
_WEEKDAY_KINDS = frozenset({"headline", "body"})
# segments whose date lines are not the article's own
_FOREIGN_KINDS = frozenset({"embed", "comment", "related"})


@dataclass(frozen=True, slots=True)
class _Compiled:
    full_date: re.Pattern[str]
    weekday: re.Pattern[str]


@cache
def _compiled() -> _Compiled:
    p = date_patterns()
    months = "|".join(sorted(p.months, key=len, reverse=True))
    full = (
        rf"\b(?P<m1>{months})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})\b"
        rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{months})\.?,?\s+(?P<y2>\d{{4}})\b"
        r"|\b(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})\b"
    )
    days = "|".join(p.weekdays)
    return _Compiled(re.compile(full, re.IGNORECASE), re.compile(rf"\b(?P<day>{days})\b(?!s)", re.IGNORECASE))


def _to_date(m: re.Match[str], p: DatePatterns) -> date | None:
    """The calendar date of a ``full_date`` match, or None when it is not a real day."""
    try:
        if m.group("y1"):
            y, mo, d = int(m.group("y1")), p.months[m.group("m1").lower()], int(m.group("d1"))
        elif m.group("y2"):
            y, mo, d = int(m.group("y2")), p.months[m.group("m2").lower()], int(m.group("d2"))
        else:
            y, mo, d = int(m.group("y3")), int(m.group("m3")), int(m.group("d3"))
        return date(y, mo, d)
    except (KeyError, ValueError):
        return None


def parse_date(s: str) -> date | None:
    """The first full date written in ``s`` ("June 29, 2025", "6 Oct 2025", "2025-10-06"), validated."""
    p = date_patterns()
    for m in _compiled().full_date.finditer(s):
        d = _to_date(m, p)
        if d is not None:
            return d
    return None


def _explicit(text: str, segments: Sequence[Segment], p: DatePatterns) -> date | None:
    top = text[: p.top_chars]
    for pattern in p.explicit:
        for m in pattern.finditer(top):
            if _kind_at(segments, m.start("date")) in _FOREIGN_KINDS:
                continue
            d = parse_date(m.group("date"))
            if d is not None:
                return d
    return None


def _dateline(text: str, segments: Sequence[Segment], p: DatePatterns) -> date | None:
    """The date of a "PLACE, Month D (Agency) —" dateline, its year from the latest full date."""
    m = p.dateline.search(text, 0, p.top_chars)
    if m is None or _kind_at(segments, m.start("month")) != "body":
        return None
    month = p.months.get(m.group("month").lower())
    if month is None:
        return None
    latest = None
    for fm in _compiled().full_date.finditer(text):
        d = _to_date(fm, p)
        kind = _kind_at(segments, fm.start())
        if d is None or kind not in _ANCHOR_KINDS:
            continue
        if kind == "embed" or _tense(text, fm.start(), fm.end(), p) != "future":
            latest = d if latest is None or d > latest else latest
    if latest is None:
        return None
    for year in (latest.year, latest.year + 1):
        try:
            d = date(year, month, int(m.group("day")))
        except ValueError:
            continue
        if 0 <= (d - latest).days <= p.dateline_max_days:
            return d
    return None


def _kind_at(segments: Sequence[Segment], pos: int) -> str | None:
    for s in segments:
        if s.start <= pos < s.end:
            return s.kind
    return None


def _sentence(text: str, pos: int) -> tuple[int, int]:
    """Bounds of the sentence around ``pos`` (a rough split: end punctuation or a line break)."""
    start = 0
    for m in _SENTENCE_END.finditer(text, max(0, pos - 600), pos):
        start = m.end()
    m2 = _SENTENCE_END.search(text, pos)
    return start, (m2.start() if m2 else len(text))


def _nearest_cue(text: str, start: int, end: int, p: DatePatterns, from_end: bool) -> str | None:
    """Tense of the tense cue in ``text[start:end]`` nearest to one end of it (None without a cue)."""
    found: list[tuple[int, str]] = []
    for tense, cues in (("future", p.future_cues), ("past", p.past_cues)):
        for cue in cues:
            found.extend((m.end() if from_end else -m.start(), tense) for m in cue.finditer(text, start, end))
    return max(found)[1] if found else None


def _tense(text: str, start: int, end: int, p: DatePatterns) -> str | None:
    """``"future"``, ``"past"`` or None for the reference at ``text[start:end]``, from the nearest tense
    cue within ``window_words`` words in its sentence: before it first ("will hold a meeting on Sunday"),
    after it first when it opens the sentence or a comma follows it ("On Sunday, he reiterated")."""
    s0, s1 = _sentence(text, start)
    before = list(_WORD.finditer(text, s0, start))[-p.window_words :]
    after = list(_WORD.finditer(text, end, s1))[: p.window_words]
    prefix = before[-1].group().lower() if before else ""
    if prefix == "next":
        return "future"
    if prefix == "last":
        return "past"
    b0 = before[0].start() if before else start
    a1 = after[-1].end() if after else end
    fronted = len(_WORD.findall(text, s0, start)) <= 1 or text.startswith(",", end)
    order = [(end, a1, False), (b0, start, True)]
    if not fronted:
        order.reverse()
    for a, b, from_end in order:
        tense = _nearest_cue(text, a, b, p, from_end)
        if tense is not None:
            return tense
    return None


def _weekday_refs(
    text: str, segments: Sequence[Segment], dates: list[tuple[int, int]], p: DatePatterns
) -> list[tuple[int, str]]:
    """(weekday number, tense) of each weekday reference in the headline/body with a known tense."""
    refs: list[tuple[int, str]] = []
    for m in _compiled().weekday.finditer(text):
        if _kind_at(segments, m.start()) not in _WEEKDAY_KINDS:
            continue
        # "Sunday, June 29, 2025": the weekday of a written date is not a reference of its own
        if any(a - 3 <= m.end() <= a or a <= m.start() < b for a, b in dates):
            continue
        tense = _tense(text, m.start(), m.end(), p)
        if tense is not None:
            refs.append((p.weekdays.index(m.group("day").lower()), tense))
    return refs


def _cost(day: date, refs: list[tuple[int, str]]) -> int:
    """Days between ``day`` and each weekday reference read from it (past: back, future: ahead)."""
    wd = day.weekday()
    return sum((wd - w) % 7 if tense == "past" else (w - wd) % 7 for w, tense in refs)


def _infer(text: str, segments: Sequence[Segment], p: DatePatterns) -> date | None:
    embed_dates: list[date] = []
    other_dates: list[date] = []
    spans: list[tuple[int, int]] = []
    for m in _compiled().full_date.finditer(text):
        spans.append((m.start(), m.end()))
        kind = _kind_at(segments, m.start())
        d = _to_date(m, p)
        if d is None or kind not in _ANCHOR_KINDS:
            continue
        if kind == "embed":
            embed_dates.append(d)
        elif _tense(text, m.start(), m.end(), p) != "future":
            other_dates.append(d)
    if not embed_dates:
        return None
    # the latest dated post is a lower bound; a later (past) date in the body raises it
    anchor = max([*embed_dates, *other_dates])
    refs = _weekday_refs(text, segments, spans, p)
    # weekday references on both sides of the date pin it down; one side alone does not
    if not any(t == "past" for _, t in refs) or not any(t == "future" for _, t in refs):
        return None
    candidates = sorted(
        (_cost(d, refs), d) for d in (anchor + timedelta(days=k) for k in range(p.max_days_after_anchor + 1))
    )
    if len(candidates) > 1 and candidates[0][0] == candidates[1][0]:
        return None
    return candidates[0][1]


def find_published(text: str, segments: Sequence[Segment]) -> tuple[str | None, str | None]:
    """``(YYYY-MM-DD, basis)`` with basis ``"text"`` (an explicit date line) or ``"inferred"``;
    ``(None, None)`` when the text gives no evidence."""
    p = date_patterns()
    explicit = _explicit(text, segments, p)
    if explicit is not None:
        return explicit.isoformat(), "text"
    inferred = _dateline(text, segments, p) or _infer(text, segments, p)
    if inferred is not None:
        return inferred.isoformat(), "inferred"
    return None, None
