"""Story pictures as plain geometry for server-rendered SVG: a sparkline of articles per day for the
stories list, and the timeline of a story (its dates on a time axis, the entries beneath each date,
speakers coloured). The templates draw them; every label reaches the page through Jinja's
autoescaping. Links go to the article, at the statement (``#st-<id>``) or, for an event or lead
sentence, at the sentence itself (a text fragment, ``#:~:text=start,end``).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import quote

SPARK_W, SPARK_H, SPARK_BARS = 120, 24, 60
WIDTH = 900
LEFT, RIGHT = 110, 20
AXIS_Y = 34
ROW_GAP, LINE_H = 16, 17
MAX_CHARS = 120  # characters of an entry drawn in the picture (the list below has all of it)
NO_SPEAKER = "#6b7280"
# speakers get a colour by name, so one voice keeps its colour on every story page
# dark enough for a speaker's name drawn in it on white (4.5:1, tests/test_contrast.py)
PALETTE = ("#1f5f99", "#c62828", "#2e7d32", "#6a3d9a", "#b3500f", "#7d5a44", "#ad1457", "#00718a", "#5f6a00")


def speaker_colour(name: str | None, colours: dict[str, str] | None = None) -> str:
    """The colour of a speaker: from ``colours`` (see :func:`speaker_colours`), else one by name."""
    if not name:
        return NO_SPEAKER
    if colours is not None and name in colours:
        return colours[name]
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return PALETTE[digest[0] % len(PALETTE)]


def speaker_colours(speakers: Sequence[str], dates: Sequence[dict[str, Any]]) -> dict[str, str]:
    """Distinct colours on one page: the speakers of the timeline in date order, then the story's
    other voices (most quoted first), one palette colour each while they last (grey afterwards)."""
    drawn = [e["speaker"] for d in dates for e in d["entries"] if e.get("speaker")]
    names = list(dict.fromkeys([*drawn, *speakers]))
    return {n: PALETTE[i] if i < len(PALETTE) else NO_SPEAKER for i, n in enumerate(names)}


def _quote_fragment(text: str) -> str:
    return quote(text, safe="").replace("-", "%2D")


def entry_href(entry: dict[str, Any]) -> str:
    """The article of a timeline entry, at its statement, or at its sentence (a text fragment)."""
    href = f"/article/{quote(entry['article'], safe='')}"
    if entry.get("statement"):
        return href + f"#st-{quote(entry['statement'], safe='')}"
    words = entry["text"].split()
    if not words:
        return href
    if len(words) <= 8:
        return href + "#:~:text=" + _quote_fragment(" ".join(words))
    return (
        href
        + "#:~:text="
        + _quote_fragment(" ".join(words[:4]))
        + ","
        + _quote_fragment(" ".join(words[-4:]))
    )


# -- the sparkline -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    w: float
    h: float
    label: str


@dataclass(slots=True)
class Sparkline:
    width: int = SPARK_W
    height: int = SPARK_H
    bars: list[Bar] = field(default_factory=list)
    label: str = ""


def sparkline(days: Sequence[str | None]) -> Sparkline:
    """Articles per day from the first to the last publication day (bucketed beyond SPARK_BARS days)."""
    dated = sorted(date.fromisoformat(d) for d in days if d)
    spark = Sparkline()
    if not dated:
        spark.label = "no dated articles"
        return spark
    first, last = dated[0], dated[-1]
    span = (last - first).days + 1
    per = max(1, -(-span // SPARK_BARS))  # days per bar
    counts = Counter((d - first).days // per for d in dated)
    n = -(-span // per)
    w = SPARK_W / n
    top = max(counts.values())
    for i in range(n):
        c = counts.get(i, 0)
        if not c:
            continue
        h = max(2.0, (SPARK_H - 2) * c / top)
        start = first.toordinal() + i * per
        day = date.fromordinal(start).isoformat()
        label = f"{day}: {c} article{'s' if c > 1 else ''}" + (f" (in {per} days)" if per > 1 else "")
        spark.bars.append(
            Bar(round(i * w, 2), round(SPARK_H - h, 2), round(max(w - 0.5, 1.0), 2), round(h, 2), label)
        )
    unit = "day" if per == 1 else f"{per} days"
    spark.label = f"{len(dated)} articles from {first} to {last}, one bar per {unit}"
    return spark


# -- the timeline picture --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Line:
    y: float
    href: str
    speaker: str | None
    colour: str
    text: str  # cut to MAX_CHARS
    full: str  # for the tooltip


@dataclass(frozen=True, slots=True)
class DateRow:
    date: str
    score: float
    x: float  # the date on the time axis
    y: float  # the row's own axis line
    lines: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class AxisTick:
    x: float
    label: str
    anchor: str = "middle"  # SVG text-anchor: the first day's label starts at it, the last one ends


@dataclass(slots=True)
class TimelinePicture:
    width: int = WIDTH
    height: int = AXIS_Y + 20
    left: int = LEFT
    right: int = WIDTH - RIGHT
    axis_y: int = AXIS_Y
    rows: list[DateRow] = field(default_factory=list)
    ticks: list[AxisTick] = field(default_factory=list)
    legend: list[tuple[str, str]] = field(default_factory=list)  # (speaker, colour)


def _cut(text: str) -> str:
    if len(text) <= MAX_CHARS:
        return text
    cut = text[: MAX_CHARS - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > MAX_CHARS // 2 else cut) + "…"


def _ticks(first: date, last: date, x_of: Any) -> list[AxisTick]:
    """The first and last day, and the first of each month between (at most about 8 labels, none
    closer than 70 pixels to the first or last day's label)."""
    months = []
    y, m = first.year, first.month
    while True:
        m += 1
        if m > 12:
            y, m = y + 1, 1
        d = date(y, m, 1)
        if d >= last:
            break
        months.append(d)
    step = max(1, -(-len(months) // 6))
    ends = [AxisTick(x_of(first), first.isoformat(), "start" if last != first else "middle")]
    if last != first:
        ends.append(AxisTick(x_of(last), last.isoformat(), "end"))
    inner = [AxisTick(x_of(d), d.strftime("%b %Y")) for d in months[step - 1 :: step]]
    return ends[:1] + [t for t in inner if all(abs(t.x - e.x) >= 70 for e in ends)] + ends[1:]


def timeline_picture(
    dates: Sequence[dict[str, Any]], colours: dict[str, str] | None = None
) -> TimelinePicture:
    """The ``dates`` of a ``saidwhat/1-timeline`` object drawn as rows under one time axis."""
    pic = TimelinePicture()
    if not dates:
        return pic
    days = [date.fromisoformat(d["date"]) for d in dates]
    first, last = min(days), max(days)
    span = max(1, (last - first).days)

    def x_of(d: date) -> float:
        return round(pic.left + (pic.right - pic.left) * (d - first).days / span, 2)

    pic.ticks = _ticks(first, last, x_of)
    y = AXIS_Y + 34.0
    seen: dict[str, str] = {}
    for d, day in zip(dates, days, strict=True):
        lines = []
        for i, e in enumerate(d["entries"]):
            who = e.get("speaker")
            colour = speaker_colour(who, colours)
            if who:
                seen.setdefault(who, colour)
            lines.append(Line(y + LINE_H * (i + 1), entry_href(e), who, colour, _cut(e["text"]), e["text"]))
        pic.rows.append(DateRow(d["date"], d["score"], x_of(day), y, tuple(lines)))
        y += LINE_H * (len(lines) + 1) + ROW_GAP
    pic.height = int(y)
    pic.legend = sorted(seen.items())
    return pic
