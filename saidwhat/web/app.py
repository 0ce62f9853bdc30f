"""The FastAPI application: server-rendered pages, each with a JSON twin, over a store.

Every page answers HTML at its URL and ``saidwhat/1``-style JSON at the same URL with ``.json``
appended (or with ``Accept: application/json``); list pages also answer CSV with ``.csv``. Every
4xx/5xx is ``{"error": {"code": ..., "message": ...}}`` in JSON and a readable error page carrying
the same code in HTML.

The routes below are module-level views: each parses its parameters, asks a builder of
:mod:`saidwhat.web.pages` for the page model, and hands it to the one renderer
(:func:`saidwhat.web.render.render`). :func:`create_app` only wires the store, the settings, the
templates, the error handlers and the middleware.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from contextlib import asynccontextmanager
from importlib import resources
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from pydantic import BaseModel
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import BaseRoute, Match

from saidwhat import __version__
from saidwhat.errors import CATALOGUE, SaidwhatError
from saidwhat.ingest.dates import parse_iso_date
from saidwhat.ingest.service import Upload
from saidwhat.model import SEGMENT_KINDS
from saidwhat.sandbox import Limits
from saidwhat.settings import Settings
from saidwhat.store import StoreProtocol
from saidwhat.web.browse import router as browse_router
from saidwhat.web.cancel import Slots, run_cancellable
from saidwhat.web.chart import act_colour
from saidwhat.web.claims import router as across_router
from saidwhat.web.guard import Guard, HeadAsGet
from saidwhat.web.links import LINK_REL, display_source, safe_url
from saidwhat.web.markup import css_token
from saidwhat.web.pages import (
    PER_PAGE,
    ArticlesForm,
    Page,
    SearchForm,
    add_page,
    article_page,
    articles_page,
    blank,
    entities_page,
    entity_page,
    home_page,
    search_page,
)
from saidwhat.web.params import (
    ACT_NAMES,
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
from saidwhat.web.render import render, render_error, wants_json
from saidwhat.web.security import CsrfTokens, HostPolicy, SiteGuard, csrf_token, verify_form_token
from saidwhat.web.stories import router as stories_router
from saidwhat.web.titles import Titles
from saidwhat.web.upload import AnalysisService

log = logging.getLogger("saidwhat.web")

MAX_PAGE = 100_000
# multipart framing and the small form fields on top of the article itself
BODY_OVERHEAD = 64 * 1024
SEARCH_TIMEOUT = 0.8  # seconds; every search is stopped after it (E_SEARCH_TIMEOUT, 503): answered within 1 s
SEARCH_SLOTS = 2  # searches running at once (one per core); others wait within their time budget
MAX_TITLE = 500  # the add form's maxlength, enforced for every client


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _analysis(request: Request) -> AnalysisService:
    analysis: AnalysisService = request.app.state.analysis
    return analysis


# query and path parameters shared by the pages (module level: FastAPI resolves them by name)
StoreDep = Annotated[StoreProtocol, Depends(_store)]
SettingsDep = Annotated[Settings, Depends(_settings)]
AnalysisDep = Annotated[AnalysisService, Depends(_analysis)]
Page_ = Annotated[int, Query(ge=1, le=MAX_PAGE, description="1-based page number")]
PerPage = Annotated[int, Query(ge=1, le=100, description="rows per page")]
DocId = Annotated[str, PathParam(min_length=1, max_length=200, description="the article's id")]
GidQ = Annotated[int, PathParam(ge=1, le=2**62, description="the entity's global id")]


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorBody(BaseModel):
    """The one error shape of every 4xx/5xx answer."""

    error: ErrorDetail


def _errors(*statuses: int, html: bool = False) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for error answers: the JSON error shape (and the HTML error page for pages)."""
    out: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        codes = ", ".join(c for c, (st, _) in CATALOGUE.items() if st == status) or "E_BAD_REQUEST"
        entry: dict[str, Any] = {"model": ErrorBody, "description": codes}
        if html:
            entry["content"] = {"text/html": {"schema": {"type": "string"}}}
        out[status] = entry
    return out


ERROR_RESPONSES = _errors(400, 404, 405, 422, 500)
HTML_ERRORS = _errors(400, 404, 405, 422, 500, html=True)
SEARCH_ERRORS = _errors(400, 404, 405, 422, 500, 503)
SEARCH_HTML_ERRORS = _errors(400, 404, 405, 422, 500, 503, html=True)
ADD_ERRORS = _errors(400, 403, 404, 405, 413, 415, 422, 500, 503)
ADD_HTML_ERRORS = _errors(400, 403, 404, 405, 413, 415, 422, 500, 503, html=True)
CSV_ANSWER = csv_answer()

router = APIRouter()


# -- pages ---------------------------------------------------------------------------------------------


@router.get(
    "/",
    response_class=HTMLResponse,
    responses=HTML_ERRORS,
    summary="Home: counts, recent articles, top speakers and relays",
    tags=["pages"],
)
@router.get("/index.json", summary="Home (JSON)", tags=["pages"])
def home(request: Request, store: StoreDep) -> Response:
    return render(request, home_page(store))


@router.get(
    "/articles",
    response_class=HTMLResponse,
    responses=HTML_ERRORS,
    summary="Articles with outlet, date, story and statement count; filters and sort",
    tags=["pages"],
)
@router.get("/articles.json", summary="Articles (JSON)", tags=["pages"])
@router.get("/articles.csv", summary="Articles (CSV)", tags=["pages"], responses=CSV_ANSWER)
def articles(
    request: Request,
    store: StoreDep,
    outlet: Annotated[
        str | None, Query(max_length=200, description="the article's host: reuters.com")
    ] = None,
    story: Annotated[str | None, Query(max_length=40, description="a story id")] = None,
    since: DateQ = None,
    until: DateQ = None,
    sort: Annotated[
        Literal["date", "statements"], Query(description="date (newest first) or statements (most first)")
    ] = "date",
    page: Page_ = 1,
    per_page: PerPage = PER_PAGE,
) -> Response:
    form = ArticlesForm(outlet, story, since, until, sort, page, per_page)
    return render(request, articles_page(store, form))


@router.get(
    "/article/{doc_id}",
    response_class=HTMLResponse,
    responses=HTML_ERRORS,
    summary="One article with every statement highlighted",
    tags=["pages"],
)
@router.get("/article/{doc_id}.json", summary="One article as a saidwhat/1 document", tags=["pages"])
def article(request: Request, store: StoreDep, doc_id: DocId) -> Response:
    return render(request, article_page(store, doc_id, as_json=wants_json(request)))


@router.get(
    "/entity/{gid}",
    response_class=HTMLResponse,
    responses=HTML_ERRORS,
    summary="Every statement by one speaker / entity, newest first, with a timeline",
    tags=["pages"],
)
@router.get("/entity/{gid}.json", summary="One speaker / entity (JSON)", tags=["pages"])
@router.get(
    "/entity/{gid}.csv", summary="One speaker's statements (CSV)", tags=["pages"], responses=CSV_ANSWER
)
def entity(
    request: Request,
    store: StoreDep,
    gid: GidQ,
    act: ActQ = None,
    since: DateQ = None,
    until: DateQ = None,
    page: Page_ = 1,
    per_page: PerPage = PER_PAGE,
) -> Response:
    built = entity_page(store, gid, act=act, since=since, until=until, page=page, per_page=per_page)
    return render(request, built)


@router.get(
    "/entities",
    response_class=HTMLResponse,
    responses=HTML_ERRORS,
    summary="Speakers and entities, most mentioned first",
    tags=["pages"],
)
@router.get("/entities.json", summary="Speakers and entities (JSON)", tags=["pages"])
@router.get("/entities.csv", summary="Speakers and entities (CSV)", tags=["pages"], responses=CSV_ANSWER)
def entities(
    request: Request,
    store: StoreDep,
    q: Annotated[str | None, Query(max_length=200)] = None,
    page: Page_ = 1,
    per_page: PerPage = PER_PAGE,
) -> Response:
    return render(request, entities_page(store, q, page, per_page))


def search_timed_out(timeout: float | None) -> SaidwhatError:
    return SaidwhatError(
        "E_SEARCH_TIMEOUT",
        f"the search took longer than {timeout:g} s and was stopped: use fewer or longer words",
    )


@router.get(
    "/search",
    response_class=HTMLResponse,
    responses=SEARCH_HTML_ERRORS,
    summary="Full-text search over statements and articles",
    tags=["pages"],
)
@router.get("/search.json", summary="Search (JSON)", tags=["pages"], responses=SEARCH_ERRORS)
@router.get("/search.csv", summary="Search (CSV)", tags=["pages"], responses={**SEARCH_ERRORS, **CSV_ANSWER})
async def search(
    request: Request,
    store: StoreDep,
    q: Annotated[str | None, Query(max_length=500, description='words and "quoted phrases"')] = None,
    speaker: Annotated[str | None, Query(max_length=200, description="speaker name or alias")] = None,
    act: ActQ = None,
    mode: ModeQ = None,
    via: Annotated[str | None, Query(max_length=200, description="relay / outlet name")] = None,
    anonymous: Annotated[bool, Query(description="only anonymous speakers")] = False,
    since: DateQ = None,
    until: DateQ = None,
    hedged: FlagQ = None,
    platform: Annotated[str | None, Query(max_length=200, description="Truth Social, X, ...")] = None,
    min_confidence: ConfidenceQ = None,
    sort: Annotated[
        Literal["relevance", "date"], Query(description="relevance (best first) or date")
    ] = "relevance",
    page: Page_ = 1,
    per_page: PerPage = PER_PAGE,
) -> Response:
    form = SearchForm(
        q,
        speaker,
        act,
        mode,
        via,
        anonymous,
        since,
        until,
        page,
        per_page,
        hedged=flag(hedged),
        platform=platform,
        min_confidence=confidence(min_confidence),
        sort=sort,
    )
    # stopped after its time budget or when the client goes away; at most SEARCH_SLOTS at once
    timeout: float | None = request.app.state.search_timeout
    built = await run_cancellable(
        request,
        lambda cancel: search_page(store, form, timeout=timeout, cancel=cancel),
        timeout=timeout,
        on_timeout=lambda: search_timed_out(timeout),
        slots=request.app.state.search_slots,
    )
    return render(request, built)


# the across-articles pages (claims, positions, promises): saidwhat/web/claims.py
router.include_router(across_router)


# -- adding articles -----------------------------------------------------------------------------------


@router.get(
    "/add",
    response_class=HTMLResponse,
    responses=HTML_ERRORS,
    summary="The form to add an article",
    tags=["add"],
)
def add_form(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    if store.read_only:
        raise read_only_add()
    return render(request, add_page(store.read_only, settings.max_bytes))


def read_only_add() -> SaidwhatError:
    return SaidwhatError(
        "E_NOT_FOUND",
        "this server runs read-only: there is no page to add articles (start it without --read-only)",
    )


ADD_BODY = {
    "requestBody": {
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "text": {"type": "string", "description": "pasted article text"},
                        "file": {
                            "type": "string",
                            "format": "binary",
                            "description": "an article file (.txt, .html, .jsonl, feed, WARC)",
                        },
                        "title": {"type": "string"},
                        "published": {"type": "string", "description": "YYYY-MM-DD"},
                    },
                }
            },
        },
    },
}


async def _upload(request: Request, settings: Settings) -> Upload:
    """The article of an add form: an uploaded file or pasted text, with its title and date."""
    ctype = request.headers.get("content-type", "")
    if not ctype.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
        raise SaidwhatError("E_BAD_REQUEST", "send the article as a form (multipart/form-data)")
    try:
        form = await request.form(max_files=1, max_fields=10, max_part_size=settings.max_bytes + 1024)
    except StarletteHTTPException as exc:
        raise SaidwhatError("E_BAD_REQUEST", f"the form cannot be read: {exc.detail}") from None
    verify_form_token(request, form)
    text_field = form.get("text")
    file_field = form.get("file")
    title_raw, published_raw = form.get("title"), form.get("published")
    title = blank(title_raw) if isinstance(title_raw, str) else None
    if title is not None and len(title) > MAX_TITLE:
        raise SaidwhatError("E_BAD_REQUEST", f"the title is longer than {MAX_TITLE} characters")
    published = blank(published_raw) if isinstance(published_raw, str) else None
    if published is not None:
        day = parse_iso_date(published)
        if day is None:
            raise SaidwhatError("E_DATE", f"published {published!r} is not a valid YYYY-MM-DD date")
        published = day
    data: bytes | None = None
    filename, uploaded = "pasted.txt", False
    if isinstance(file_field, UploadFile) and file_field.filename:
        data = await file_field.read(settings.max_bytes + 1)
        filename, uploaded = file_field.filename, True
    elif isinstance(text_field, str) and text_field.strip():
        data = text_field.replace("\r\n", "\n").encode("utf-8")
    if data is None:
        raise SaidwhatError("E_EMPTY", "paste the article text or choose a file")
    if len(data) > settings.max_bytes:
        raise SaidwhatError("E_TOO_LARGE", f"the article is over the limit of {settings.max_bytes} bytes")
    return Upload(data, filename, uploaded, title, published)


@router.post(
    "/add",
    summary="Add an article: paste text or upload a file",
    tags=["add"],
    openapi_extra=ADD_BODY,
    status_code=303,
    response_class=RedirectResponse,
    responses=ADD_HTML_ERRORS,
)
@router.post(
    "/add.json",
    summary="Add an article (JSON answer)",
    tags=["add"],
    openapi_extra=ADD_BODY,
    status_code=201,
    responses=ADD_ERRORS,
)
async def add(request: Request, store: StoreDep, settings: SettingsDep, analysis: AnalysisDep) -> Response:
    if store.read_only:
        raise read_only_add()
    upload = await _upload(request, settings)
    # read and analysed in the sandbox's worker (killed if the client goes away), stored here
    added = await run_cancellable(request, lambda cancel: analysis.ingest(store, upload, settings, cancel))
    if request.url.path.endswith(".json"):
        return JSONResponse(
            {
                "added": [
                    {"status": r.status, "doc_id": r.doc_id, "url": _article_url(r.doc_id)} for r in added
                ]
            },
            status_code=201,
        )
    return RedirectResponse(_article_url(added[0].doc_id), status_code=303)


# -- API docs ------------------------------------------------------------------------------------------


@router.get(
    "/docs",
    response_class=HTMLResponse,
    responses=HTML_ERRORS,
    summary="The API reference (from the OpenAPI spec)",
    tags=["docs"],
)
def docs(request: Request) -> Response:
    spec = request.app.openapi()
    ops = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [
                {
                    "name": p["name"],
                    "in": p["in"],
                    "required": p.get("required", False),
                    "type": _schema_type(p.get("schema", {})),
                    "description": p.get("description") or p.get("schema", {}).get("description", ""),
                }
                for p in op.get("parameters", [])
            ]
            body = op.get("requestBody", {}).get("content", {})
            ops.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "params": params,
                    "body": sorted(body),
                    "responses": sorted(op.get("responses", {})),
                }
            )
    context = {
        "nav": "docs",
        "ops": ops,
        "title": spec["info"]["title"],
        "description": spec["info"].get("description", ""),
        "codes": CATALOGUE,
    }
    return render(request, Page("docs.html", context, spec))


# the stories pages (/stories, /story/{id}): saidwhat/web/stories.py
router.include_router(stories_router)
# the statements browser and the speakers page (/statements, /speakers): saidwhat/web/browse.py
router.include_router(browse_router)


# -- the app -------------------------------------------------------------------------------------------


def _templates() -> Jinja2Templates:
    folder = resources.files("saidwhat.web") / "templates"
    env = Environment(
        loader=FileSystemLoader(str(folder)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["act_colour"] = act_colour
    env.globals["css_token"] = css_token
    env.globals["version"] = __version__
    env.globals["safe_url"] = safe_url
    env.globals["display_source"] = display_source
    env.globals["link_rel"] = LINK_REL
    return Jinja2Templates(env=env)


async def on_saidwhat_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, SaidwhatError)
    if exc.status >= 500:
        log.error("%s", exc.one_line())
    return render_error(request, exc.code, exc.message)


# what a parameter that does not match its pattern must be (never the pattern itself)
PATTERN_HINTS = {
    "since": "is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date)",
    "until": "is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date)",
    "act": f"is not a speech act; the acts are: {', '.join(ACT_NAMES)}",
    "mode": "is not a mode; the modes are: direct, indirect, mixed",
    "segment": f"is not a part of an article; the parts are: {', '.join(SEGMENT_KINDS)}",
    "cursor": "is not a cursor of this page: start again from the first page",
    "anonymous": "must be true or false",
    "hedged": "must be true or false",
    "min_confidence": "must be a number from 0 to 1",
    "sort": "is not an order of this page",
    "as_of": "is not a date: write YYYY-MM-DD",
    "story_id": "is not a story id such as st3",
}


def problem_sentence(e: Mapping[str, Any]) -> str:
    """One validation error as a sentence a reader understands (no regular expression in it)."""
    where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body")) or "request"
    kind, value, ctx = str(e.get("type", "")), e.get("input"), e.get("ctx") or {}
    shown = repr(value) if isinstance(value, str) else "missing" if value is None else str(value)
    if kind == "string_pattern_mismatch":
        return f"{where} {shown} {PATTERN_HINTS.get(where, 'is not in the expected form')}"
    if kind.startswith("bool"):
        return f"{where} must be true or false, not {shown}"
    if kind.startswith("int"):
        return f"{where} must be a whole number, not {shown}"
    if kind.startswith("float"):
        return f"{where} must be a number, not {shown}"
    if kind in ("greater_than_equal", "greater_than"):
        return f"{where} must be at least {ctx.get('ge', ctx.get('gt'))}, not {shown}"
    if kind in ("less_than_equal", "less_than"):
        return f"{where} must be at most {ctx.get('le', ctx.get('lt'))}, not {shown}"
    if kind in ("literal_error", "enum"):
        return f"{where} must be {ctx.get('expected', 'one of the listed values')}, not {shown}"
    if kind == "string_too_long":
        return f"{where} is too long (at most {ctx.get('max_length')} characters)"
    if kind == "string_too_short":
        return f"{where} is too short (at least {ctx.get('min_length')} characters)"
    return f"{where}: {e.get('msg', 'invalid')}"


async def on_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = [problem_sentence(e) for e in exc.errors()[:5]]
    return render_error(request, "E_BAD_REQUEST", "; ".join(problems) or "invalid request")


async def on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 405:
        allowed = _allowed_methods(request)
        message = f"{request.method} is not allowed here; use {', '.join(allowed)}"
        return render_error(request, "E_BAD_REQUEST", message, 405, {"Allow": ", ".join(allowed)})
    if exc.status_code == 404:
        return render_error(request, "E_NOT_FOUND", "there is no page at this address")
    if exc.status_code >= 500:
        return render_error(request, "E_INTERNAL", str(exc.detail), exc.status_code, exc.headers)
    return render_error(request, "E_BAD_REQUEST", str(exc.detail), exc.status_code, exc.headers)


async def on_bug(request: Request, exc: Exception) -> Response:
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return render_error(request, "E_INTERNAL", "an unexpected internal error; the server log has the details")


def create_app(
    store: StoreProtocol,
    *,
    settings: Settings | None = None,
    hosts: HostPolicy | None = None,
    search_timeout: float | None = SEARCH_TIMEOUT,
    limits: Limits | None = None,
) -> FastAPI:
    """The web application over ``store`` (any backend; see :func:`saidwhat.store.open_store`).

    A read-only store serves without the Add-article page. ``settings`` (default: from the
    environment) gives the size limit of added articles; ``hosts``: the Host names it answers to
    (default :meth:`HostPolicy.for_bind` of no address); ``search_timeout``: seconds a search may
    take before ``503 E_SEARCH_TIMEOUT`` (None: no limit); ``limits``: time and memory per added
    article (default from ``settings``; its analysis runs in a worker process, started at the first
    article or by ``app.state.analysis.prestart()``, killed when the app shuts down)."""
    settings = settings if settings is not None else Settings()
    analysis = AnalysisService(limits if limits is not None else Limits.from_settings(settings))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            analysis.close()

    app = FastAPI(
        title="saidwhat",
        version=__version__,
        description="Who said what, according to whom, and when. Every HTML page has a JSON twin at the "
        "same URL with .json appended (or with the header Accept: application/json). Every error answers "
        "with one shape, shown below.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        responses=ERROR_RESPONSES,
        lifespan=lifespan,
    )
    templates = _templates()
    templates.env.globals["doc_title"] = Titles(store).of
    templates.env.globals["csrf_token"] = csrf_token
    app.state.store = store
    app.state.analysis = analysis
    app.state.search_timeout = search_timeout
    app.state.search_slots = Slots(SEARCH_SLOTS)
    app.state.read_only = store.read_only
    app.state.settings = settings
    app.state.templates = templates
    static = resources.files("saidwhat.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.add_exception_handler(SaidwhatError, on_saidwhat_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(Exception, on_bug)
    app.include_router(router)
    app.add_middleware(HeadAsGet)  # innermost: HEAD runs every check a GET runs
    app.add_middleware(SiteGuard, hosts=hosts or HostPolicy.for_bind(), tokens=CsrfTokens())
    app.add_middleware(Guard, max_body=settings.max_bytes + BODY_OVERHEAD)
    return app


def _article_url(doc_id: str) -> str:
    return f"/article/{quote(doc_id, safe='')}"


def leaf_routes(routes: Iterable[BaseRoute]) -> Iterator[BaseRoute]:
    """Every route of an app, through the routers it includes (FastAPI keeps an included router as
    one entry holding the original router; none of ours has a prefix)."""
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            yield from leaf_routes(inner.routes)
        else:
            yield route


def _allowed_methods(request: Request) -> list[str]:
    """Every method some route accepts at this request's path (for a 405's ``Allow`` header)."""
    methods: set[str] = set()
    for route in leaf_routes(request.app.router.routes):
        match, _ = route.matches({**request.scope, "method": "GET"})
        if match != Match.NONE:
            methods |= getattr(route, "methods", None) or set()
    if "GET" in methods:
        methods.add("HEAD")  # HeadAsGet answers HEAD on every GET route
    return sorted(methods)


def _schema_type(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " | ".join(_schema_type(s) for s in schema["anyOf"])
    return str(schema.get("type", "any"))
