"""The across-articles pages: claims (a chart per measure), positions (a matrix), promises.

Each page's JSON twin is the contract's object (``saidwhat/1-claims``, ``-positions``, ``-promises``,
built from the facts the claims corpus stage stored) and its CSV twin has one row per value, cell or
promise, as ``saidwhat claims|positions|promises --csv``. The routes live on their own router, which
:mod:`saidwhat.web.app` includes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, TypeVar
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from saidwhat.claims.model import show_amount
from saidwhat.corpus.claims import (
    CLAIM_COLUMNS,
    POSITION_COLUMNS,
    PROMISE_COLUMNS,
    claim_rows,
    claims_report,
    position_rows,
    positions_report,
    promise_rows,
    promises_report,
)
from saidwhat.errors import SaidwhatError
from saidwhat.store.protocol import StoreProtocol
from saidwhat.web.claimchart import ClaimChart, build_claim_chart, charted, source_name, value_href
from saidwhat.web.pages import Page, Pager, blank
from saidwhat.web.params import PAGE_ERRORS, csv_answer
from saidwhat.web.params import current_store as _store
from saidwhat.web.render import Format, render, wanted_format

# stance → colour of the positions matrix (the CSS classes stance-<name> in style.css use the same)
STANCES: tuple[tuple[str, str], ...] = (
    ("demands", "demands something"),
    ("proposes", "proposes or offers it"),
    ("supports", "supports it"),
    ("accepts", "accepts or agrees to it"),
    ("rejects", "rejects or refuses it"),
    ("opposes", "opposes, condemns or threatens"),
    ("denies", "denies it"),
    ("undecided", "undecided"),
)
MATRIX_ACTORS, MATRIX_ISSUES = 15, 12
# a real calendar date YYYY-MM-DD, or empty (no lookarounds: pydantic's regex engine)
_YEAR = r"([1-9]\d{3}|0[1-9]\d\d|00[1-9]\d|000[1-9])"
_LEAP = r"(\d\d(0[48]|[2468][048]|[13579][26])|([2468][048]|[13579][26]|0[48])00)"
FULL_DATE = (
    rf"^({_YEAR}-((0[13578]|1[02])-(0[1-9]|[12]\d|3[01])|(0[469]|11)-(0[1-9]|[12]\d|30)|02-(0[1-9]|1\d|2[0-8]))"
    rf"|{_LEAP}-02-29)?$"
)


CSV_ANSWER = csv_answer()
StoreDep = Annotated[StoreProtocol, Depends(_store)]
StoryQ = Annotated[str | None, Query(max_length=200, description="only this story (its id)")]
PageQ = Annotated[int, Query(ge=1, le=100_000, description="page of the HTML list (JSON and CSV: all)")]
CLAIMS_PER_PAGE, CELLS_PER_PAGE, PROMISES_PER_PAGE = 25, 100, 100

router = APIRouter()
T = TypeVar("T")


# -- view models ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ValueRow:
    index: int
    date: str | None
    amount: str
    source: str
    via: str
    text: str
    href: str
    article: str
    notes: str
    contradicted: bool


@dataclass(frozen=True, slots=True)
class ClaimView:
    id: str
    kind: str
    title: str
    about: str
    chart: ClaimChart | None
    values: list[ValueRow]
    n_updates: int
    n_contradictions: int


def _notes(claim: dict[str, Any], i: int) -> tuple[str, bool]:
    parts = [f"{u['kind']} (from #{u['from'] + 1})" for u in claim["updates"] if u["to"] == i]
    contra = [c for c in claim["contradictions"] if i in (c["a"], c["b"])]
    parts += [f"contradicts #{(c['b'] if c['a'] == i else c['a']) + 1}" for c in contra]
    return "; ".join(parts), bool(contra)


def claim_view(claim: dict[str, Any]) -> ClaimView:
    key = claim["key"]
    rows = []
    for i, v in enumerate(claim["values"]):
        notes, contradicted = _notes(claim, i)
        rows.append(
            ValueRow(
                i,
                v.get("said_on") or v.get("published"),
                show_amount(v) if claim["kind"] == "quantity" else str(v["stance"]),
                source_name(v),
                " > ".join(h["name"] for h in v.get("via", [])),
                str(v["text"]),
                value_href(v),
                str(v["article"]),
                notes,
                contradicted,
            )
        )
    title = key.get("measure") or f"“{key.get('proposition') or ''}”"
    return ClaimView(
        claim["id"],
        claim["kind"],
        str(title),
        "; ".join(key.get("about", [])),  # as the CLI and the CSV: a joint giver holds commas
        build_claim_chart(claim),
        rows,
        len(claim["updates"]),
        len(claim["contradictions"]),
    )


def _stories(store: StoreProtocol) -> list[tuple[str, int]]:
    return [(s, n) for s, n in store.claim_stories() if s is not None]


def _params(**kw: str | None) -> dict[str, str]:
    return {k: v for k, v in kw.items() if v}


# -- page builders -------------------------------------------------------------------------------------


def _page_of(items: list[T], page: int, per_page: int) -> tuple[list[T], Pager]:
    start = (page - 1) * per_page
    return items[start : start + per_page], Pager(page, per_page, len(items) > start + per_page)


def claims_page(
    store: StoreProtocol, story: str | None, about: str | None, fmt: Format = "html", page: int = 1
) -> Page:
    """The claims of a story (or of all); HTML shows ``CLAIMS_PER_PAGE`` claims a page, the charted
    ones first; the JSON and CSV twins have them all."""
    story, about = blank(story), blank(about)
    report = claims_report(store, story, about)
    if fmt == "json":
        return Page("claims.html", {}, report)
    if fmt == "csv":
        return Page("claims.html", {}, report, rows=claim_rows(report), columns=CLAIM_COLUMNS)
    charted_claims = [c for c in report["claims"] if charted(c)]
    ids = {c["id"] for c in charted_claims}
    ordered = [*charted_claims, *(c for c in report["claims"] if c["id"] not in ids)]
    shown, pager = _page_of(ordered, page, CLAIMS_PER_PAGE)
    views = [claim_view(c) for c in shown]
    context = {
        "nav": "claims",
        "story": story or "",
        "about": about or "",
        "stories": _stories(store),
        "charted": [c for c in views if c.chart is not None],
        "single": [c for c in views if c.chart is None],
        "n_articles": len(report["articles"]),
        "n_claims": len(ordered),
        "pager": pager,
        "params": _params(story=story, about=about),
    }
    return Page("claims.html", context, report)


@dataclass(frozen=True, slots=True)
class CellView:
    actor: str
    issue: str
    stance: str
    first: str | None
    last: str | None
    changes: list[str]
    evidence: list[tuple[str, str, str]]  # (href, date, text)


def _cell_view(c: dict[str, Any]) -> CellView:
    ev = [
        (
            f"/article/{quote(e['article'], safe='')}"
            + (f"#st-{quote(e['statement'], safe='')}" if e.get("statement") else ""),
            e.get("date") or "",
            e.get("text") or "",
        )
        for e in c["evidence"]
    ]
    changes = [f"{x['on'] or 'undated'}: {x['from']} → {x['to']}" for x in c["changes"]]
    return CellView(c["actor"], c["issue"], c["stance"], c["first"], c["last"], changes, ev)


def positions_page(store: StoreProtocol, story: str | None, fmt: Format = "html", page: int = 1) -> Page:
    """The matrix of the actors and issues with the most cells, and ``CELLS_PER_PAGE`` cells a page
    (HTML); the JSON and CSV twins have every cell."""
    story = blank(story)
    report = positions_report(store, story)
    if fmt == "json":
        return Page("positions.html", {}, report)
    if fmt == "csv":
        return Page("positions.html", {}, report, rows=position_rows(report), columns=POSITION_COLUMNS)
    all_cells = report["cells"]
    actor_n = Counter(c["actor"] for c in all_cells)
    issue_n = Counter(c["issue"] for c in all_cells)
    actors = sorted(actor_n, key=lambda a: (-actor_n[a], a))[:MATRIX_ACTORS]
    issues = sorted(issue_n, key=lambda i: (-issue_n[i], i))[:MATRIX_ISSUES]
    wanted = set(actors), set(issues)
    grid = {
        (c["actor"], c["issue"]): _cell_view(c)
        for c in all_cells
        if c["actor"] in wanted[0] and c["issue"] in wanted[1]
    }
    shown, pager = _page_of(all_cells, page, CELLS_PER_PAGE)
    context = {
        "nav": "positions",
        "story": story or "",
        "stories": _stories(store),
        "cells": [_cell_view(c) for c in shown],
        "n_cells": len(all_cells),
        "actors": actors,
        "issues": issues,
        "grid": grid,
        "stances": STANCES,
        "partial": len(actors) < len(actor_n) or len(issues) < len(issue_n),
        "pager": pager,
        "params": _params(story=story),
    }
    return Page("positions.html", context, report)


def promises_page(
    store: StoreProtocol, story: str | None, as_of: str | None, fmt: Format = "html", page: int = 1
) -> Page:
    """``PROMISES_PER_PAGE`` promises a page (HTML); the JSON and CSV twins have them all."""
    story, as_of = blank(story), blank(as_of)
    day = None
    if as_of is not None:
        try:
            day = date.fromisoformat(as_of)
        except ValueError:
            raise SaidwhatError("E_BAD_REQUEST", f"as_of {as_of!r} is not a real YYYY-MM-DD date") from None
    report = promises_report(store, story, day)
    if fmt == "json":
        return Page("promises.html", {}, report)
    if fmt == "csv":
        return Page("promises.html", {}, report, rows=promise_rows(report), columns=PROMISE_COLUMNS)
    shown, pager = _page_of(report["promises"], page, PROMISES_PER_PAGE)
    views = [
        {
            **p,
            "href": f"/article/{quote(p['article'], safe='')}"
            + (f"#st-{quote(p['statement'], safe='')}" if p.get("statement") else ""),
        }
        for p in shown
    ]
    context = {
        "nav": "promises",
        "story": story or "",
        "as_of": as_of or "",
        "stories": _stories(store),
        "promises": views,
        "n_promises": len(report["promises"]),
        "report_as_of": report["as_of"],
        "pager": pager,
        "params": _params(story=story, as_of=as_of),
    }
    return Page("promises.html", context, report)


# -- routes --------------------------------------------------------------------------------------------


@router.get(
    "/claims",
    response_class=HTMLResponse,
    responses=PAGE_ERRORS,
    summary="Claims across articles: each measure's values over time by source, updates, contradictions",
    tags=["across articles"],
)
@router.get("/claims.json", summary="Claims (saidwhat/1-claims JSON)", tags=["across articles"])
@router.get(
    "/claims.csv", summary="Claims (CSV, one row per value)", tags=["across articles"], responses=CSV_ANSWER
)
def claims(
    request: Request,
    store: StoreDep,
    story: StoryQ = None,
    about: Annotated[
        str | None,
        Query(max_length=200, description="only claims whose place, measure or words contain this"),
    ] = None,
    page: PageQ = 1,
) -> Response:
    return render(request, claims_page(store, story, about, wanted_format(request), page))


@router.get(
    "/positions",
    response_class=HTMLResponse,
    responses=PAGE_ERRORS,
    summary="Positions: each actor's stance on each issue, with changes and evidence",
    tags=["across articles"],
)
@router.get("/positions.json", summary="Positions (saidwhat/1-positions JSON)", tags=["across articles"])
@router.get(
    "/positions.csv",
    summary="Positions (CSV, one row per cell)",
    tags=["across articles"],
    responses=CSV_ANSWER,
)
def positions(request: Request, store: StoreDep, story: StoryQ = None, page: PageQ = 1) -> Response:
    return render(request, positions_page(store, story, wanted_format(request), page))


@router.get(
    "/promises",
    response_class=HTMLResponse,
    responses=PAGE_ERRORS,
    summary="Promises, predictions, threats and deadlines with due dates and status",
    tags=["across articles"],
)
@router.get("/promises.json", summary="Promises (saidwhat/1-promises JSON)", tags=["across articles"])
@router.get(
    "/promises.csv",
    summary="Promises (CSV, one row per promise)",
    tags=["across articles"],
    responses=CSV_ANSWER,
)
def promises(
    request: Request,
    store: StoreDep,
    story: StoryQ = None,
    as_of: Annotated[
        str | None,
        Query(pattern=FULL_DATE, max_length=10, description="YYYY-MM-DD for the status"),
    ] = None,
    page: PageQ = 1,
) -> Response:
    return render(request, promises_page(store, story, as_of, wanted_format(request), page))
