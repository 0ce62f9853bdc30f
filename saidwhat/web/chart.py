"""The speaker timeline: statements per day, stacked by speech act, as plain geometry for an SVG.

The template draws the bars; this module only computes positions, so every label that reaches
the page goes through Jinja's autoescaping. Long ranges are bucketed by week, then by month, so the
chart keeps a readable number of bars.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from saidwhat.acts import acts
from saidwhat.web.markup import css_token

# every registered act has its colour (saidwhat/data/acts.toml); an unknown one gets a spare by name
_SPARE = ("#9c755f", "#bab0ac", "#86bcb6", "#d4a6c8", "#a0cbe8", "#f1ce63")

WIDTH, HEIGHT = 720, 150
LEFT, RIGHT, TOP, BOTTOM = 34, 8, 10, 28
MAX_BARS = 90


def act_colour(act: str) -> str:
    registered = acts().get(act)
    if registered is not None:
        return registered.colour
    return _SPARE[sum(map(ord, act)) % len(_SPARE)]


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    colour: str
    act: str
    label: str  # tooltip text, e.g. "2025-06-27: 3 claim"
    href: str | None = None  # the statements of this bar (act, bucket's first and last day)


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str


@dataclass(slots=True)
class Chart:
    width: int = WIDTH
    height: int = HEIGHT
    rects: list[Rect] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    y_ticks: list[tuple[float, int]] = field(default_factory=list)
    legend: list[tuple[str, str, str]] = field(default_factory=list)  # (act, css token, colour)
    bucket: str = "day"
    baseline: float = HEIGHT - BOTTOM
    left: int = LEFT
    right: int = WIDTH - RIGHT
    empty: bool = True


def _parse(day: str) -> date | None:
    try:
        return date.fromisoformat(day[:10])
    except ValueError:
        return None


def _bucket_start(d: date, bucket: str) -> date:
    if bucket == "week":
        return d - timedelta(days=d.weekday())
    if bucket == "month":
        return d.replace(day=1)
    return d


def _next(d: date, bucket: str) -> date:
    if bucket == "week":
        return d + timedelta(days=7)
    if bucket == "month":
        return (d.replace(day=28) + timedelta(days=4)).replace(day=1)
    return d + timedelta(days=1)


def _bucket_end(start: date, bucket: str) -> date:
    return _next(start, bucket) - timedelta(days=1)


# the URL of one bar: (act, first day, last day) -> a view of exactly those statements
BarLink = Callable[[str, str, str], str]


def build_chart(points: Iterable[tuple[str, str, int]], link: BarLink | None = None) -> Chart:
    """Geometry for ``(date, act, count)`` points (dates ``YYYY-MM-DD``; others are skipped).

    With ``link``, every bar links to its statements: ``link(act, first day, last day)``."""
    raw = [(d, act, n) for day, act, n in points if (d := _parse(day)) is not None and n > 0]
    chart = Chart()
    if not raw:
        return chart
    first, last = min(d for d, _, _ in raw), max(d for d, _, _ in raw)
    span = (last - first).days + 1
    bucket = "day" if span <= MAX_BARS else "week" if span <= MAX_BARS * 7 else "month"
    counts: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for d, act, n in raw:
        counts[_bucket_start(d, bucket)][act] += n
    buckets: list[date] = []
    cur = _bucket_start(first, bucket)
    while cur <= last:
        buckets.append(cur)
        cur = _next(cur, bucket)
    acts = sorted({a for _, a, _ in raw}, key=lambda a: (-sum(n for _, x, n in raw if x == a), a))
    peak = max(sum(c.values()) for c in counts.values())
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    slot = plot_w / len(buckets)
    bar_w = max(1.0, slot * 0.8)
    for i, b in enumerate(buckets):
        x = LEFT + i * slot + (slot - bar_w) / 2
        y = float(HEIGHT - BOTTOM)
        for act in acts:
            n = counts.get(b, {}).get(act, 0)
            if not n:
                continue
            h = plot_h * n / peak
            y -= h
            label = f"{b.isoformat()}{'' if bucket == 'day' else ' (' + bucket + ')'}: {n} {act}"
            href = link(act, b.isoformat(), _bucket_end(b, bucket).isoformat()) if link else None
            chart.rects.append(
                Rect(
                    round(x, 1), round(y, 1), round(bar_w, 1), round(h, 1), act_colour(act), act, label, href
                )
            )
    step = max(1, len(buckets) // 6)
    for i in range(0, len(buckets), step):
        label = buckets[i].strftime("%Y-%m") if bucket == "month" else buckets[i].isoformat()
        chart.ticks.append(Tick(round(LEFT + i * slot + slot / 2, 1), label))
    chart.y_ticks = [(float(TOP), peak), (float(HEIGHT - BOTTOM), 0)]
    chart.legend = [(a, css_token(a), act_colour(a)) for a in acts]
    chart.bucket = bucket
    chart.empty = False
    return chart
