"""A quantity claim's values over time, by source, as plain geometry for an inline SVG.

Like :mod:`saidwhat.web.chart`, this module only computes positions and labels: the template draws
them, so every text reaching the page goes through Jinja's autoescaping. A range is a band from its
low to its high value; a contradiction is a dashed line between its two values; each source's values
are joined in date order. Values without a date are left out of the chart (the table lists them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any
from urllib.parse import quote

from saidwhat.claims.model import show_amount, show_number

WIDTH, HEIGHT = 720, 200
LEFT, RIGHT, TOP, BOTTOM = 54, 12, 12, 28
# points and lines on white: at least 3:1 (WCAG non-text contrast; tests/test_contrast.py)
PALETTE = ("#3b6a9c", "#b3500f", "#2e7d32", "#8a3f7d", "#1f7a73", "#8a6100", "#7d5a44", "#c2185b")
ARTICLE_ITSELF = "the article itself"


@dataclass(frozen=True, slots=True)
class Point:
    index: int
    x: float
    y: float
    band: tuple[float, float] | None  # (top y, bottom y) of a range
    colour: str
    href: str
    label: str


@dataclass(frozen=True, slots=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    label: str = ""


@dataclass(slots=True)
class ClaimChart:
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = WIDTH - RIGHT
    baseline: float = HEIGHT - BOTTOM
    points: list[Point] = field(default_factory=list)
    paths: list[tuple[str, str]] = field(default_factory=list)  # (colour, SVG points "x,y x,y")
    contradictions: list[Line] = field(default_factory=list)
    x_ticks: list[tuple[float, str]] = field(default_factory=list)
    y_ticks: list[tuple[float, str]] = field(default_factory=list)
    legend: list[tuple[str, str]] = field(default_factory=list)  # (source, colour)
    summary: str = ""  # the text alternative of the whole chart


def value_href(v: dict[str, Any]) -> str:
    """The article of a value, at its statement when it has one."""
    href = f"/article/{quote(v['article'], safe='')}"
    return href + (f"#st-{quote(v['statement'], safe='')}" if v.get("statement") else "")


def source_name(v: dict[str, Any]) -> str:
    return str(v["source"]["name"]) if v.get("source") else ARTICLE_ITSELF


def _day(v: dict[str, Any]) -> date | None:
    raw = v.get("said_on") or v.get("published")
    try:
        return date.fromisoformat(str(raw)[:10]) if raw else None
    except ValueError:
        return None


def _nice(top: float) -> float:
    """A round upper bound of the y axis at or above ``top``."""
    if top <= 0:
        return 1.0
    step = 10 ** (len(str(int(top))) - 1)
    for m in (1, 2, 2.5, 5, 10):
        if top <= m * step:
            return float(m * step)
    return float(10 * step)


def charted(claim: dict[str, Any]) -> bool:
    """Whether :func:`build_claim_chart` draws the claim: a quantity claim with two dated values."""
    if claim.get("kind") != "quantity":
        return False
    return sum(1 for v in claim["values"] if _day(v) is not None and show_amount(v)) >= 2


def build_claim_chart(claim: dict[str, Any]) -> ClaimChart | None:
    """Geometry for a quantity claim with at least two dated values (else None: a table is enough)."""
    dated = [
        (i, v, d) for i, v in enumerate(claim["values"]) if (d := _day(v)) is not None and show_amount(v)
    ]
    if claim.get("kind") != "quantity" or len(dated) < 2:
        return None
    chart = ClaimChart()
    first, last = min(d for _, _, d in dated), max(d for _, _, d in dated)
    if first == last:
        first, last = first - timedelta(days=1), last + timedelta(days=1)
    span = (last - first).days
    top = _nice(max(float(v["high"] if v.get("value") is None else v["value"]) for _, v, _ in dated))
    plot_w, plot_h = chart.right - LEFT, chart.baseline - TOP

    def x(d: date) -> float:
        return round(LEFT + plot_w * (d - first).days / span, 1)

    def y(n: float) -> float:
        return round(chart.baseline - plot_h * n / top, 1)

    colours: dict[str, str] = {}
    for _, v, _ in dated:
        colours.setdefault(source_name(v), PALETTE[len(colours) % len(PALETTE)])
    at: dict[int, tuple[float, float]] = {}
    by_source: dict[str, list[tuple[float, float]]] = {}
    for i, v, d in dated:
        src = source_name(v)
        if v.get("value") is None:
            low, high = float(v["low"]), float(v["high"])
            py, band = y((low + high) / 2), (y(high), y(low))
        else:
            py, band = y(float(v["value"])), None
        px = x(d)
        at[i] = (px, py)
        by_source.setdefault(src, []).append((px, py))
        label = f"{d.isoformat()}: {show_amount(v)} according to {src}" + (
            f" (via {', '.join(h['name'] for h in v['via'])})" if v.get("via") else ""
        )
        chart.points.append(Point(i, px, py, band, colours[src], value_href(v), label))
    chart.paths = [
        (colours[s], " ".join(f"{a},{b}" for a, b in pts)) for s, pts in by_source.items() if len(pts) > 1
    ]
    for c in claim.get("contradictions", []):
        if c["a"] in at and c["b"] in at:
            (x1, y1), (x2, y2) = at[c["a"]], at[c["b"]]
            chart.contradictions.append(Line(x1, y1, x2, y2, str(c.get("why", ""))))
    chart.x_ticks = [(x(first), first.isoformat()), (x(last), last.isoformat())]
    chart.y_ticks = [(y(top), show_number(top)), (y(top / 2), show_number(top / 2)), (chart.baseline, "0")]
    chart.legend = list(colours.items())
    n_contra = len(chart.contradictions)
    chart.summary = (
        f"{len(dated)} values from {len(colours)} source{'s' if len(colours) != 1 else ''} between "
        f"{min(d for _, _, d in dated)} and {max(d for _, _, d in dated)}"
        + (f"; {n_contra} contradiction{'s' if n_contra != 1 else ''} marked" if n_contra else "")
        + ". The table below lists every value."
    )
    return chart
