"""WCAG AA contrast, computed from the stylesheets and the act registry (no browser).

Every rule of ``style.css`` / ``stories.css`` that sets a text ``color`` (or an SVG text ``fill``) is
checked against the background it is drawn on: its own ``background``, else the background of the
rule its selector descends from (``.top nav a`` on ``.top``), else every page background (the paper
and the page colour). A rule that only sets a background is checked against the ``color`` of its
base class (``.act-claim`` against ``.act``'s white). Normal text needs 4.5:1.
"""

from __future__ import annotations

import itertools
import math
import re
from pathlib import Path

import pytest

from saidwhat.acts import acts
from saidwhat.web import claimchart, storychart

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "saidwhat/web/static"
AA = 4.5
GRAPHICS = 3.0  # WCAG 1.4.11: chart marks against their background
HEX = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")
# colours that are not text on a plain background: decoration, translucent or inherited values
NOT_TEXT = ("transparent", "inherit", "currentcolor", "rgba(")
# where the markup puts an element whose selector does not say it (base.html: the header's parts)
INSIDE = {
    ".brand": ".top",
    ".brand-mark": ".top",
    ".quick-search": ".top",
    # _macros.html chip_list: a filter chip's name, value and remove link sit on the chip
    ".chip-name": ".chip",
    ".chip-value": ".chip",
    "main a.chip-remove": ".chip",
}


def luminance(colour: str) -> float:
    h = colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    channels = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def ratio(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def lab(colour: str) -> tuple[float, float, float]:
    h = colour.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) / 255 for i in (0, 2, 4))
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def rules(css: str) -> list[tuple[str, dict[str, str]]]:
    """(selector, declarations) of every rule, @media blocks flattened, comments dropped."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"@media[^{]*\{", "", css)
    out = []
    for m in re.finditer(r"([^{}]+)\{([^{}]*)\}", css):
        decls = {}
        for d in m.group(2).split(";"):
            if ":" in d:
                k, v = d.split(":", 1)
                decls[k.strip().lower()] = v.strip().replace("!important", "").strip()
        for sel in m.group(1).split(","):
            out.append((" ".join(sel.split()), decls))
    return out


def sheet() -> list[tuple[str, dict[str, str]]]:
    return rules((STATIC / "style.css").read_text(encoding="utf-8")) + rules(
        (STATIC / "stories.css").read_text(encoding="utf-8")
    )


def variables(all_rules: list[tuple[str, dict[str, str]]]) -> dict[str, str]:
    return {k: v for sel, d in all_rules if sel == ":root" for k, v in d.items() if k.startswith("--")}


def resolve(value: str, var: dict[str, str]) -> str | None:
    """The one solid colour of a declaration (``var(--x)`` resolved), None for anything else."""
    value = re.sub(r"var\((--[\w-]+)\)", lambda m: var.get(m.group(1), ""), value).strip()
    if any(t in value.lower() for t in NOT_TEXT):
        return None
    if value.lower() in ("#fff", "white"):
        return "#ffffff"
    found = HEX.findall(value)
    return found[0] if len(found) == 1 else None


def background(decls: dict[str, str], var: dict[str, str]) -> str | None:
    for key in ("background-color", "background"):
        if key in decls:
            return resolve(decls[key], var)
    return None


def text_pairs() -> list[tuple[str, str, str]]:
    """(selector, text colour, background) for every text colour in the stylesheets."""
    all_rules = sheet()
    var = variables(all_rules)
    backgrounds: dict[str, str] = {}
    colours: dict[str, str] = {}
    for sel, d in all_rules:
        if (bg := background(d, var)) is not None:
            backgrounds[sel] = bg
        for key in ("color", "fill"):
            if key in d and (c := resolve(d[key], var)) is not None and (key == "color" or " text" in sel):
                colours[sel] = c
    page = [var["--paper"], var["--bg"]]
    pairs = []
    for sel, d in all_rules:
        fg = colours.get(sel) if ("color" in d or "fill" in d) else None
        if fg is not None:
            own = background(d, var)
            if own is not None:
                under = [own]
            elif any(o.startswith(sel + "-") for o in backgrounds):
                continue  # a base class whose variants set the background (.stance): checked there
            else:
                element = sel.split("::")[0].split(":")[0]
                parts = element.split(" ")
                ancestors = [element] + [" ".join(parts[:i]) for i in range(len(parts) - 1, 0, -1)]
                ancestors += [INSIDE[a] for a in ancestors if a in INSIDE]
                under = next(([backgrounds[a]] for a in ancestors if a in backgrounds), page)
            pairs.extend((sel, fg, bg) for bg in under)
        elif (bg := background(d, var)) is not None and re.fullmatch(r"\.[\w]+-[\w-]+", sel):
            base = sel.rsplit("-", 1)[0]
            while base not in colours and "-" in base:
                base = base.rsplit("-", 1)[0]
            if base in colours:
                pairs.append((sel, colours[base], bg))
    return pairs


def test_the_parser_finds_the_badges_and_the_header() -> None:
    pairs = {sel: (fg, bg) for sel, fg, bg in text_pairs()}
    assert pairs[".act-claim"] == ("#ffffff", acts()["claim"].background)
    assert pairs[".top nav a"][1] == "#1d2330"  # the header's links on the header's ink
    assert ".muted" in pairs and ".stance-demands" in pairs and ".mode-direct" in pairs
    assert len(pairs) > 60
    # the statements browser: chips, the active facet value, the facets-skipped notice
    assert pairs[".chip-name"] == ("#475467", "#eef2f7")
    assert pairs["main a.chip-remove"] == ("#475467", "#eef2f7")
    assert pairs["main a.chip-remove:hover"] == ("#1d2330", "#dfe5ee")
    assert pairs[".facet li.active a"] == ("#1d2330", "#fdece7")
    assert pairs[".facet li.active .count"] == ("#4a4f5c", "#fdece7")
    assert pairs[".facets-skipped"] == ("#1d2330", "#fff7e0")


def test_every_text_colour_reaches_aa() -> None:
    low = sorted(
        {(round(ratio(fg, bg), 2), sel, fg, bg) for sel, fg, bg in text_pairs() if ratio(fg, bg) < AA}
    )
    assert low == [], "text below 4.5:1 (ratio, selector, colour, background): " + repr(low)


@pytest.mark.parametrize("name", list(acts()))
def test_act_badges_reach_aa_with_white_text(name: str) -> None:
    act = acts()[name]
    assert ratio("#ffffff", act.background) >= AA, (name, act.background, ratio("#ffffff", act.background))
    # the act's colour itself marks borders and chart bars on white: at least the graphics contrast
    assert ratio("#ffffff", act.colour) >= GRAPHICS


def test_every_act_has_its_own_colour() -> None:
    colours = {a.name: a.colour.lower() for a in acts().values()}
    assert len(set(colours.values())) == len(colours)
    closest = min(
        (math.dist(lab(a), lab(b)), x, y) for (x, a), (y, b) in itertools.combinations(colours.items(), 2)
    )
    assert closest[0] >= 15, f"{closest[1]} and {closest[2]} look alike (ΔE {closest[0]:.1f} < 15)"
    assert colours["accuse"] != colours["question"]


def test_chart_palettes() -> None:
    # a story timeline writes each speaker's name in its colour; claim charts draw points and lines
    for colour in (*storychart.PALETTE, storychart.NO_SPEAKER):
        assert ratio(colour, "#ffffff") >= AA, colour
    for colour in claimchart.PALETTE:
        assert ratio(colour, "#ffffff") >= GRAPHICS, colour


def test_ratio_matches_wcag_reference_values() -> None:
    assert ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert ratio("#667085", "#eef2f7") < AA  # the grey "this article" of issue 19 (4.42:1)
