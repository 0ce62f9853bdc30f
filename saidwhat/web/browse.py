"""Browsing pages (issue 19): ``/statements`` (every filter without a query, facets, keyset pages,
streamed CSV / JSON downloads of the whole view) and ``/speakers`` (the entities that speak).

The URL is the state: every filter, the words, the sort and the cursor are query parameters, so each
view has a permalink, and each facet value and each active-filter chip is a link that adds or
removes one parameter. Values are validated by :func:`saidwhat.filters.build_filter` (the one filter
vocabulary of the CLI, the API and the web pages): a bad value is ``422 E_BAD_REQUEST`` with a
sentence, in HTML and JSON alike.

``/statements.csv`` and ``/statements.json?all=true`` stream every statement of the view (not one
page): the store reads them in keyset batches (:meth:`StoreProtocol.iter_statement_rows`), and CSV
cells are neutralised against formula injection (:func:`saidwhat.store.export.csv_cell`).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, fields
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response, StreamingResponse

from saidwhat.acts import acts
from saidwhat.errors import SaidwhatError
from saidwhat.filters import MODES, StatementFilter, build_filter
from saidwhat.model import SCHEMA, SEGMENT_KINDS
from saidwhat.store.browse import DEFAULT_FACETS, ROW_COLUMNS, FacetValue, Keyset
from saidwhat.store.export import csv_cell
from saidwhat.store.protocol import StoreProtocol
from saidwhat.web.chips import chips, url
from saidwhat.web.pages import Page, Pager, Scalar, blank, record_view
from saidwhat.web.params import (
    PAGE_ERRORS,
    ActQ,
    ConfidenceQ,
    DateQ,
    FlagQ,
    ModeQ,
    confidence,
    csv_answer,
    flag,
)
from saidwhat.web.params import current_store as _store
from saidwhat.web.render import render, wanted_format

# the filter parameters of the statements browser, in the order the chips show them
FILTER_PARAMS = (
    "speaker",
    "via",
    "act",
    "mode",
    "anonymous",
    "hedged",
    "platform",
    "segment",
    "outlet",
    "story",
    "since",
    "until",
    "min_confidence",
)
# facet → the filter parameter its values set
FACET_PARAM = {"relay": "via"}
FACET_LABELS = {
    "act": "Act",
    "mode": "Mode",
    "anonymous": "Anonymous",
    "hedged": "Hedged",
    "platform": "Platform",
    "segment": "Part of the article",
    "speaker": "Speakers",
    "relay": "Relayed by",
    "outlet": "Outlet",
    "story": "Story",
}
PER_PAGE = 20
FACET_TOP = 10
Flag = Literal["true", "false"]


@dataclass(frozen=True, slots=True)
class BrowseForm:
    """The statements browser's parameters as the URL gives them (strings; blank is no filter)."""

    q: str | None = None
    speaker: str | None = None
    via: str | None = None
    act: str | None = None
    mode: str | None = None
    anonymous: bool | None = None
    hedged: bool | None = None
    platform: str | None = None
    segment: str | None = None
    outlet: str | None = None
    story: str | None = None
    since: str | None = None
    until: str | None = None
    min_confidence: float | None = None
    sort: str | None = None
    cursor: str | None = None
    per_page: int = PER_PAGE


def parse_sort(value: str | None, q: str | None) -> Literal["date", "relevance"]:
    """``date`` or ``relevance``; the default is relevance with words, date without (relevance needs
    words: without them the order is by date, and the answer's ``sort`` says so)."""
    value = blank(value)
    if value == "date" or q is None:
        return "date"
    if value is None or value == "relevance":
        return "relevance"
    raise SaidwhatError("E_BAD_REQUEST", f"sort must be date or relevance, not {value!r}")


def browse_filter(form: BrowseForm) -> StatementFilter:
    return build_filter(
        speaker=form.speaker,
        via=form.via,
        act=form.act,
        mode=form.mode,
        anonymous=form.anonymous,
        hedged=form.hedged,
        platform=form.platform,
        segment=form.segment,
        outlet=form.outlet,
        story=form.story,
        since=form.since,
        until=form.until,
        min_confidence=form.min_confidence,
    )


def filter_params(f: StatementFilter) -> dict[str, str]:
    """The active filters as URL parameters (the permalink's part that selects statements)."""
    out: dict[str, str] = {}
    values = f.to_dict()
    for name in FILTER_PARAMS:
        v = values[name]
        if v is None:
            continue
        out[name] = (
            ("true" if v else "false")
            if isinstance(v, bool)
            else (f"{v:g}" if isinstance(v, float) else str(v))
        )
    return out


def _entity_names(matched: Mapping[str, Any], params: Mapping[str, str]) -> dict[str, str]:
    """``"speaker:12" → "Donald Trump"``: the names the chips show for entity ids."""
    out: dict[str, str] = {}
    for role in ("speaker", "via"):
        m = matched.get(role)
        value = params.get(role)
        if m is not None and value is not None and value.isdigit():
            for e in m.entities:
                if str(e.gid) == value:
                    out[f"{role}:{value}"] = e.name
    return out


def facet_json(name: str, values: Iterable[FacetValue], params: Mapping[str, str]) -> list[dict[str, Any]]:
    param = FACET_PARAM.get(name, name)
    return [
        {
            "value": v.value,
            "label": v.label,
            "count": v.count,
            "url": url("/statements", {**{k: x for k, x in params.items() if k != "cursor"}, param: v.param}),
            "active": params.get(param) == v.param,
        }
        for v in values
    ]


def statements_page(store: StoreProtocol, form: BrowseForm) -> Page:
    """The statements browser: one keyset page, the total, the facets, chips and download links."""
    q = blank(form.q)
    f = browse_filter(form)
    sort = parse_sort(form.sort, q)
    after = Keyset.parse(form.cursor)
    found = store.browse_statements(
        f, q=q, sort=sort, after=after, limit=form.per_page, facets=DEFAULT_FACETS, top=FACET_TOP
    )
    params = filter_params(f)
    if q is not None:
        params = {"q": q, **params}
    if blank(form.sort) is not None:
        params["sort"] = sort
    view = dict(params)  # the view without its position: what downloads and facets use
    nxt = found.next.token if found.next is not None else None
    next_url = url("/statements", {**view, "cursor": nxt}) if nxt is not None else None
    if form.per_page != PER_PAGE and next_url is not None:
        next_url += f"&per_page={form.per_page}"
    facets = {name: facet_json(name, values, view) for name, values in found.facets.items()}
    skipped = not found.facets and found.total > 0  # over the store's facet time budget
    matched = {
        role: {
            "query": m.query,
            "entities": [{"id": e.gid, "name": e.name, "type": e.type, "count": e.count} for e in m.entities],
            "names": m.names,
        }
        for role, m in found.matched.items()
    }
    data = {
        "schema": SCHEMA,
        "query": q,
        "filters": f.to_dict(),
        "sort": sort,
        "total": found.total,
        "statements": [r.to_dict() for r in found.records],
        "next": nxt,
        "next_url": next_url,
        "facets": facets,
        "facets_skipped": skipped,
        "matched": matched,
        "download": {
            "csv": url("/statements.csv", view),
            "json": url("/statements.json", {**view, "all": "true"}),
        },
    }
    context = {
        "nav": "statements",
        "q": q or "",
        "form": {**{k: "" for k in FILTER_PARAMS}, **params, "q": q or "", "sort": blank(form.sort) or ""},
        "rows": [record_view(r) for r in found.records],
        "total": found.total,
        "facets": [(name, FACET_LABELS[name], vals) for name, vals in facets.items() if vals],
        "facets_skipped": skipped,
        "chips": chips("/statements", view, _entity_names(found.matched, view)),
        "next_url": next_url,
        "first_url": url("/statements", view) if after is not None else None,
        "download": data["download"],
        "acts": list(acts()),
        "modes": MODES,
        "segments": SEGMENT_KINDS,
        "sort": sort,
        "params": view,
        "json_url": url("/statements.json", {**view, **({"cursor": form.cursor} if form.cursor else {})}),
        "matched": found.matched,
    }
    return Page("statements.html", context, data)


# -- streamed downloads -------------------------------------------------------------------------------


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return csv_cell(value) if isinstance(value, str) else value


def csv_stream(rows: Iterable[tuple[Any, ...]], columns: tuple[str, ...] = ROW_COLUMNS) -> Iterator[str]:
    """A header, then the rows, in chunks of about 500 rows (RFC 4180 line ends, neutralised cells)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(columns)
    for n, row in enumerate(rows, 1):
        writer.writerow([_cell(v) for v in row])
        if n % 500 == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def json_stream(
    store: StoreProtocol, f: StatementFilter, q: str | None, sort: Literal["date", "relevance"]
) -> Iterator[str]:
    """``{"schema", "query", "filters", "sort", "statements": [...]}``, one statement at a time."""
    head = json.dumps(
        {"schema": SCHEMA, "query": q, "filters": f.to_dict(), "sort": sort}, ensure_ascii=False
    )
    yield head[:-1] + ', "statements": ['
    first = True
    chunk: list[str] = []
    for record in store.iter_statement_records(f, q=q, sort=sort):
        chunk.append(("\n" if first else ",\n") + json.dumps(record.to_dict(), ensure_ascii=False))
        first = False
        if len(chunk) >= 200:
            yield "".join(chunk)
            chunk = []
    yield "".join(chunk) + "\n]}\n"


def download(store: StoreProtocol, form: BrowseForm, fmt: Literal["csv", "json"]) -> StreamingResponse:
    """The whole view (every page) as CSV or JSON, streamed; the filters are checked before it starts."""
    q = blank(form.q)
    f = browse_filter(form)
    sort = parse_sort(form.sort, q)
    if fmt == "csv":
        body: Iterator[str] = csv_stream(store.iter_statement_rows(f, q=q, sort=sort))
        media, name = "text/csv; charset=utf-8", "statements.csv"
    else:
        body, media, name = json_stream(store, f, q, sort), "application/json", "statements.json"
    return StreamingResponse(
        body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


# -- the speakers page ---------------------------------------------------------------------------------

SPEAKER_COLUMNS = ("id", "name", "type", "statements", "articles")


def speakers_page(store: StoreProtocol, type_: str | None, page: int, per_page: int) -> Page:
    kind = blank(type_)
    types = store.speaker_types()
    if kind is not None:
        kind = kind.upper()
    rows, total = store.browse_speakers(type=kind, limit=per_page + 1, offset=(page - 1) * per_page)
    pager = Pager(page, per_page, len(rows) > per_page)
    rows = rows[:per_page]
    out = [r.to_dict() for r in rows]
    data = {"schema": SCHEMA, "type": kind, "total": total, "speakers": out, **pager.json()}
    context = {
        "nav": "speakers",
        "rows": rows,
        "total": total,
        "pager": pager,
        "types": types,
        "type": kind or "",
        "params": {"type": kind} if kind else {},
    }
    csv_rows: list[dict[str, Scalar]] = [dict(r) for r in out]
    return Page("speakers.html", context, data, rows=csv_rows, columns=SPEAKER_COLUMNS)


# -- routes --------------------------------------------------------------------------------------------


# a Keyset token: d<date>~<key>, r<rank>~<key> or n~<key>
CURSOR_PATTERN = r"^(d\d{4}(-\d{2}){0,2}|r-?\d{1,20}(\.\d{1,20})?(e[+-]?\d{1,3})?|n)~\d{1,18}$"
SegmentQ = Annotated[
    str | None, Query(pattern=f"^({'|'.join(SEGMENT_KINDS)})?$", description=", ".join(SEGMENT_KINDS))
]
StoreDep = Annotated[StoreProtocol, Depends(_store)]
Text = Annotated[str | None, Query(max_length=200)]
router = APIRouter()


def _form(
    q: Annotated[str | None, Query(max_length=500, description='words and "quoted phrases"')] = None,
    speaker: Annotated[
        str | None, Query(max_length=200, description="speaker name, alias or entity id")
    ] = None,
    via: Annotated[str | None, Query(max_length=200, description="a relay anywhere in the chain")] = None,
    act: ActQ = None,
    mode: ModeQ = None,
    anonymous: FlagQ = None,
    hedged: FlagQ = None,
    platform: Annotated[str | None, Query(max_length=200, description="Truth Social, X, ...")] = None,
    segment: SegmentQ = None,
    outlet: Annotated[
        str | None, Query(max_length=200, description="the article's host: reuters.com")
    ] = None,
    story: Annotated[str | None, Query(max_length=40, description="a story id")] = None,
    since: DateQ = None,
    until: DateQ = None,
    min_confidence: ConfidenceQ = None,
    sort: Annotated[
        str | None, Query(pattern="^(date|relevance)?$", description="date (default) or relevance (with q)")
    ] = None,
    cursor: Annotated[
        str | None, Query(max_length=80, pattern=CURSOR_PATTERN, description="the next page's cursor")
    ] = None,
    per_page: Annotated[int, Query(ge=1, le=100, description="statements per page")] = PER_PAGE,
) -> BrowseForm:
    return BrowseForm(
        q,
        speaker,
        via,
        act,
        mode,
        flag(anonymous),
        flag(hedged),
        platform,
        segment,
        outlet,
        story,
        since,
        until,
        confidence(min_confidence),
        sort,
        cursor,
        per_page,
    )


FormDep = Annotated[BrowseForm, Depends(_form)]
FORM_FIELDS = tuple(x.name for x in fields(BrowseForm))


@router.get(
    "/statements",
    response_class=HTMLResponse,
    responses=PAGE_ERRORS,
    summary="Statements: every filter without a query, facets, keyset pages",
    tags=["pages"],
)
@router.get("/statements.json", summary="Statements (JSON; all=true streams the whole view)", tags=["pages"])
@router.get(
    "/statements.csv",
    summary="Every statement of the view (CSV, streamed)",
    tags=["pages"],
    responses=csv_answer("one row per statement"),
)
def statements(
    request: Request,
    store: StoreDep,
    form: FormDep,
    all: Annotated[bool, Query(description="with .json: every statement of the view, streamed")] = False,
) -> Response:
    fmt = wanted_format(request)
    if fmt == "csv":
        return download(store, form, "csv")
    if fmt == "json" and all:
        return download(store, form, "json")
    return render(request, statements_page(store, form))


@router.get(
    "/speakers",
    response_class=HTMLResponse,
    responses=PAGE_ERRORS,
    summary="Speakers: the entities that speak, most statements first",
    tags=["pages"],
)
@router.get("/speakers.json", summary="Speakers (JSON)", tags=["pages"])
@router.get(
    "/speakers.csv",
    summary="Speakers (CSV)",
    tags=["pages"],
    responses=csv_answer("one row per speaker"),
)
def speakers(
    request: Request,
    store: StoreDep,
    type: Annotated[str | None, Query(max_length=40, description="entity type: PERSON, ORG, ...")] = None,
    page: Annotated[int, Query(ge=1, le=100_000, description="1-based page number")] = 1,
    per_page: Annotated[int, Query(ge=1, le=100, description="rows per page")] = PER_PAGE,
) -> Response:
    return render(request, speakers_page(store, type, page, per_page))
