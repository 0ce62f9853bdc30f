"""The FastAPI application: server-rendered pages, each with a JSON twin, over a :class:`Store`.

Every page answers HTML at its URL and ``saidwhat/1``-style JSON at the same URL with ``.json``
appended (or with ``Accept: application/json``). Every 4xx/5xx is ``{"error": {"code", "message"}}``
in JSON and a readable error page carrying the same code in HTML.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, TypeVar
from urllib.parse import quote

from fastapi import FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from saidwhat import __version__
from saidwhat.errors import CATALOGUE, SaidwhatError
from saidwhat.ingest.dates import parse_iso_date
from saidwhat.model import SCHEMA, Analysis, Statement
from saidwhat.sandbox import Limits
from saidwhat.settings import Settings
from saidwhat.store import Store
from saidwhat.store.types import DocumentSummary, NamedCount, SearchHit, StatementRecord
from saidwhat.titles import display_title
from saidwhat.web.cancel import Slots, run_cancellable
from saidwhat.web.chart import act_colour, build_chart
from saidwhat.web.guard import Guard
from saidwhat.web.markup import article_blocks, css_token
from saidwhat.web.security import CsrfTokens, HostPolicy, SiteGuard, csrf_token, verify_form_token
from saidwhat.web.titles import Titles
from saidwhat.web.upload import AnalysisService, UploadJob, store_all
from saidwhat.web.views import StatementView, statement_view

log = logging.getLogger("saidwhat.web")
T = TypeVar("T")

PER_PAGE = 20
MAX_PAGE = 100_000
# YYYY, YYYY-MM or YYYY-MM-DD with a real month and a day that month can have (empty: no filter)
DATE_PATTERN = (
    r"^(\d{4}(-(((0[13578]|1[02])(-(0[1-9]|[12]\d|3[01]))?)|((0[469]|11)(-(0[1-9]|[12]\d|30))?)"
    r"|(02(-(0[1-9]|1\d|2\d))?)))?)?$"
)
MODES = ("direct", "indirect", "mixed")
SEARCH_TIMEOUT = 0.8  # seconds; every search is stopped after it (E_SEARCH_TIMEOUT, 503): answered within 1 s
MAX_TITLE = 500  # the add form's maxlength, enforced for every client
SEARCH_SLOTS = 2  # searches running at once (one per core); others wait within their time budget
# multipart framing and the small form fields on top of the article itself
BODY_OVERHEAD = 64 * 1024


# query and path parameters shared by the pages (module level: FastAPI resolves them by name)
Page = Annotated[int, Query(ge=1, le=MAX_PAGE, description="1-based page number")]
PerPage = Annotated[int, Query(ge=1, le=100, description="rows per page")]
DateQ = Annotated[
    str | None,
    Query(pattern=DATE_PATTERN, max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD (inclusive)"),
]
ActQ = Annotated[str | None, Query(max_length=40, description="speech act: claim, deny, warn, ...")]
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


# -- helpers -------------------------------------------------------------------------------------------


def wants_json(request: Request) -> bool:
    """A ``.json`` URL, or an ``Accept`` header that prefers JSON over HTML."""
    if request.url.path.endswith(".json"):
        return True
    accept = request.headers.get("accept", "").lower()
    if "application/json" not in accept:
        return False
    return "text/html" not in accept or accept.index("application/json") < accept.index("text/html")


def search_timed_out(timeout: float | None) -> SaidwhatError:
    return SaidwhatError(
        "E_SEARCH_TIMEOUT",
        f"the search took longer than {timeout:g} s and was stopped: use fewer or longer words",
    )


def _valid_date(name: str, value: str | None) -> str | None:
    """An empty form field is no filter; a full ``YYYY-MM-DD`` must be a real calendar date."""
    if not value:
        return None
    if len(value) == 10:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise SaidwhatError("E_BAD_REQUEST", f"{name} {value!r} is not a real calendar date") from None
    return value


def _blank(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def doc_json(d: DocumentSummary) -> dict[str, Any]:
    return {
        "id": d.id,
        "source": d.source,
        "title": d.title,
        "published": d.published,
        "published_basis": d.published_basis,
        "url": d.url,
        "author": d.author,
        "format": d.format,
        "version": d.version,
        "superseded_by": d.superseded_by,
        "ingested_at": d.ingested_at,
        "statements": d.statements,
    }


def named_json(n: NamedCount) -> dict[str, Any]:
    return {"id": n.gid, "name": n.name, "type": n.type, "statements": n.count}


def record_view(r: StatementRecord) -> StatementView:
    return statement_view(
        r.statement,
        speaker_gid=r.speaker_gid,
        via_gids=r.via_gids,
        doc_id=r.doc_id,
        doc_title=r.doc_title,
        date=r.date,
        article_label="the article",
    )


@dataclass(frozen=True, slots=True)
class Pager:
    page: int
    per_page: int
    has_next: bool

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def json(self) -> dict[str, Any]:
        return {
            "page": self.page,
            "per_page": self.per_page,
            "next": self.page + 1 if self.has_next else None,
        }


def _paged(fetch: Callable[[int, int], Sequence[T]], page: int, per_page: int) -> tuple[list[T], Pager]:
    """One page of rows, fetching one extra to know whether a next page exists."""
    rows = list(fetch(per_page + 1, (page - 1) * per_page))
    return rows[:per_page], Pager(page, per_page, len(rows) > per_page)


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
    return Jinja2Templates(env=env)


def create_app(
    db: Path,
    *,
    read_only: bool = False,
    hosts: HostPolicy | None = None,
    search_timeout: float | None = SEARCH_TIMEOUT,
    limits: Limits | None = None,
) -> FastAPI:
    """The web application over the store at ``db`` (created when missing unless ``read_only``).

    ``hosts``: the Host names it answers to (default :meth:`HostPolicy.for_bind` of no address);
    ``search_timeout``: seconds a search may take before ``503 E_SEARCH_TIMEOUT`` (None: no limit);
    ``limits``: time and memory per added article (its analysis runs in a worker process, started at
    the first article or by ``app.state.analysis.prestart()``, killed when the app shuts down).
    """
    settings = Settings()
    settings.db = db
    store = Store(db, read_only=read_only)
    templates = _templates()
    titles = Titles(store)
    analysis = AnalysisService(limits)
    search_slots = Slots(SEARCH_SLOTS)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            analysis.close()

    templates.env.globals["doc_title"] = titles.of
    templates.env.globals["csrf_token"] = csrf_token
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
    app.state.store = store
    app.state.analysis = analysis
    app.state.read_only = read_only
    app.state.settings = settings
    static = resources.files("saidwhat.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    def render(
        request: Request, template: str, context: dict[str, Any], payload: dict[str, Any], status: int = 200
    ) -> Response:
        if wants_json(request):
            return JSONResponse(payload, status_code=status)
        ctx = {"read_only": read_only, "q": "", "nav": "", **context}
        return templates.TemplateResponse(request, template, ctx, status_code=status)

    def error(
        request: Request,
        code: str,
        message: str,
        status: int | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Response:
        status = status or CATALOGUE[code][0]
        body = {"error": {"code": code, "message": message}}
        if wants_json(request) or request.url.path.startswith("/static/"):
            return JSONResponse(body, status_code=status, headers=headers)
        ctx = {
            "read_only": read_only,
            "q": "",
            "nav": "",
            "code": code,
            "message": message,
            "status": status,
            "meaning": CATALOGUE[code][1],
        }
        return templates.TemplateResponse(request, "error.html", ctx, status_code=status, headers=headers)

    # -- errors --------------------------------------------------------------------------------------

    @app.exception_handler(SaidwhatError)
    async def on_saidwhat_error(request: Request, exc: SaidwhatError) -> Response:
        if exc.status >= 500:
            log.error("%s", exc.one_line())
        return error(request, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def on_validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for e in exc.errors()[:5]:
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
            problems.append(f"{where or 'request'}: {e.get('msg', 'invalid')}")
        return error(request, "E_BAD_REQUEST", "; ".join(problems) or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 405:
            allowed = _allowed_methods(app, request)
            message = f"{request.method} is not allowed here; use {', '.join(allowed)}"
            return error(request, "E_BAD_REQUEST", message, 405, {"Allow": ", ".join(allowed)})
        if exc.status_code == 404:
            return error(request, "E_NOT_FOUND", "there is no page at this address")
        if exc.status_code >= 500:
            return error(request, "E_INTERNAL", str(exc.detail), exc.status_code, exc.headers)
        return error(request, "E_BAD_REQUEST", str(exc.detail), exc.status_code, exc.headers)

    @app.exception_handler(Exception)
    async def on_bug(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error(request, "E_INTERNAL", "an unexpected internal error; the server log has the details")

    # -- pages ---------------------------------------------------------------------------------------

    @app.get(
        "/",
        response_class=HTMLResponse,
        responses=HTML_ERRORS,
        summary="Home: counts, recent articles, top speakers and relays",
        tags=["pages"],
    )
    @app.get("/index.json", summary="Home (JSON)", tags=["pages"])
    def home(request: Request) -> Response:
        stats = store.stats()
        recent = store.documents(limit=10)
        speakers = store.speakers(limit=12)
        relays = store.relays(limit=12)
        payload = {
            "schema": SCHEMA,
            "counts": {
                "documents": stats.documents,
                "versions": stats.versions,
                "statements": stats.statements,
                "entities": stats.entities,
                "mentions": stats.mentions,
            },
            "recent": [doc_json(d) for d in recent],
            "speakers": [named_json(n) for n in speakers],
            "relays": [named_json(n) for n in relays],
        }
        return render(
            request,
            "home.html",
            {"nav": "home", "stats": stats, "recent": recent, "speakers": speakers, "relays": relays},
            payload,
        )

    @app.get(
        "/articles",
        response_class=HTMLResponse,
        responses=HTML_ERRORS,
        summary="All articles, newest first",
        tags=["pages"],
    )
    @app.get("/articles.json", summary="All articles (JSON)", tags=["pages"])
    def articles(request: Request, page: Page = 1, per_page: PerPage = PER_PAGE) -> Response:
        rows, pager = _paged(lambda lim, off: store.documents(limit=lim, offset=off), page, per_page)
        payload = {"schema": SCHEMA, "articles": [doc_json(d) for d in rows], **pager.json()}
        return render(request, "articles.html", {"nav": "articles", "rows": rows, "pager": pager}, payload)

    @app.get(
        "/article/{doc_id}",
        response_class=HTMLResponse,
        responses=HTML_ERRORS,
        summary="One article with every statement highlighted",
        tags=["pages"],
    )
    @app.get("/article/{doc_id}.json", summary="One article as a saidwhat/1 document", tags=["pages"])
    def article(request: Request, doc_id: DocId) -> Response:
        analysis = store.get(doc_id)
        if wants_json(request):
            return JSONResponse(analysis.to_dict())
        summary = store.document(doc_id)
        links = store.entity_links(doc_id)
        return render(request, "article.html", article_context(analysis, summary, links), {})

    @app.get(
        "/entity/{gid}",
        response_class=HTMLResponse,
        responses=HTML_ERRORS,
        summary="Every statement by one speaker / entity, newest first, with a timeline",
        tags=["pages"],
    )
    @app.get("/entity/{gid}.json", summary="One speaker / entity (JSON)", tags=["pages"])
    def entity(
        request: Request,
        gid: GidQ,
        act: ActQ = None,
        since: DateQ = None,
        until: DateQ = None,
        page: Page = 1,
        per_page: PerPage = PER_PAGE,
    ) -> Response:
        act = _blank(act)
        since, until = _valid_date("since", since), _valid_date("until", until)
        ent = store.entity(gid)
        rows, pager = _paged(
            lambda lim, off: store.entity_statements(
                gid, act=act, since=since, until=until, limit=lim, offset=off
            ),
            page,
            per_page,
        )
        days = store.statements_per_day(gid)
        total = store.count_statements(speaker=gid, act=act, since=since, until=until)
        acts = sorted({d.act for d in days})
        payload = {
            "schema": SCHEMA,
            "entity": ent.to_dict(),
            "filters": {"act": act, "since": since, "until": until},
            "total": total,
            "statements": [r.to_dict() for r in rows],
            "timeline": [{"date": d.date, "act": d.act, "count": d.count} for d in days],
            **pager.json(),
        }
        chart = build_chart((d.date, d.act, d.count) for d in days)
        ctx = {
            "nav": "entities",
            "ent": ent,
            "rows": [record_view(r) for r in rows],
            "pager": pager,
            "chart": chart,
            "acts": acts,
            "total": total,
            "filters": {"act": act or "", "since": since or "", "until": until or ""},
            "params": {k: v for k, v in (("act", act), ("since", since), ("until", until)) if v},
        }
        return render(request, "entity.html", ctx, payload)

    @app.get(
        "/entities",
        response_class=HTMLResponse,
        responses=HTML_ERRORS,
        summary="Speakers and entities, most mentioned first",
        tags=["pages"],
    )
    @app.get("/entities.json", summary="Speakers and entities (JSON)", tags=["pages"])
    def entities(
        request: Request,
        q: Annotated[str | None, Query(max_length=200)] = None,
        page: Page = 1,
        per_page: PerPage = PER_PAGE,
    ) -> Response:
        q = _blank(q)
        rows, pager = _paged(lambda lim, off: store.entities(limit=lim, offset=off, query=q), page, per_page)
        payload = {"schema": SCHEMA, "query": q, "entities": [e.to_dict() for e in rows], **pager.json()}
        return render(
            request,
            "entities.html",
            {"nav": "entities", "rows": rows, "pager": pager, "eq": q or ""},
            payload,
        )

    @app.get(
        "/search",
        response_class=HTMLResponse,
        responses=SEARCH_HTML_ERRORS,
        summary="Full-text search over statements and articles",
        tags=["pages"],
    )
    @app.get("/search.json", summary="Search (JSON)", tags=["pages"], responses=SEARCH_ERRORS)
    async def search(
        request: Request,
        q: Annotated[str | None, Query(max_length=500, description='words and "quoted phrases"')] = None,
        speaker: Annotated[str | None, Query(max_length=200, description="speaker name or alias")] = None,
        act: ActQ = None,
        mode: Annotated[str | None, Query(pattern=r"^(direct|indirect|mixed)?$")] = None,
        via: Annotated[str | None, Query(max_length=200, description="relay / outlet name")] = None,
        anonymous: Annotated[bool, Query(description="only anonymous speakers")] = False,
        since: DateQ = None,
        until: DateQ = None,
        page: Page = 1,
        per_page: PerPage = PER_PAGE,
    ) -> Response:
        query = _blank(q)
        who, act_, mode_, via_ = _blank(speaker), _blank(act), _blank(mode), _blank(via)
        anon = True if anonymous else None
        since_, until_ = _valid_date("since", since), _valid_date("until", until)
        filters: dict[str, str | bool | None] = {
            "speaker": who,
            "act": act_,
            "mode": mode_,
            "via": via_,
            "anonymous": anon,
            "since": since_,
            "until": until_,
        }
        hits: list[SearchHit] = []
        pager = Pager(page, per_page, False)
        if query is not None:
            text = query
            hits, pager = await run_cancellable(
                request,
                timeout=search_timeout,
                on_timeout=lambda: search_timed_out(search_timeout),
                slots=search_slots,
                fn=lambda cancel: _paged(
                    lambda lim, off: store.search(
                        text,
                        speaker=who,
                        act=act_,
                        mode=mode_,
                        via=via_,
                        anonymous=anon,
                        since=since_,
                        until=until_,
                        limit=lim,
                        offset=off,
                        timeout=search_timeout,
                        cancel=cancel,
                    ),
                    page,
                    per_page,
                ),
            )
        payload = {
            "schema": SCHEMA,
            "query": query,
            "filters": filters,
            "results": [h.to_dict() for h in hits],
            **pager.json(),
        }
        views = [(h, record_view(h.statement) if h.statement else None) for h in hits]
        form = {k: ("" if v is None else v) for k, v in filters.items()}
        params = {k: ("1" if v is True else v) for k, v in filters.items() if v is not None}
        if query is not None:
            params["q"] = query
        return render(
            request,
            "search.html",
            {
                "nav": "search",
                "q": query or "",
                "hits": views,
                "pager": pager,
                "form": form,
                "modes": MODES,
                "params": params,
            },
            payload,
        )

    # -- adding articles -----------------------------------------------------------------------------

    @app.get(
        "/add",
        response_class=HTMLResponse,
        responses=HTML_ERRORS,
        summary="The form to add an article",
        tags=["add"],
    )
    def add_form(request: Request) -> Response:
        return render(
            request,
            "add.html",
            {"nav": "add", "max_bytes": settings.max_bytes, "form_error": None, "values": {}},
            {"read_only": read_only, "max_bytes": settings.max_bytes},
        )

    add_body = {
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

    @app.post(
        "/add",
        summary="Add an article: paste text or upload a file",
        tags=["add"],
        openapi_extra=add_body,
        status_code=303,
        response_class=RedirectResponse,
        responses=ADD_HTML_ERRORS,
    )
    @app.post(
        "/add.json",
        summary="Add an article (JSON answer)",
        tags=["add"],
        openapi_extra=add_body,
        status_code=201,
        responses=ADD_ERRORS,
    )
    async def add(request: Request) -> Response:
        if read_only:
            raise SaidwhatError("E_READ_ONLY", "this server runs read-only: articles cannot be added")
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
        title = _blank(title_raw) if isinstance(title_raw, str) else None
        if title is not None and len(title) > MAX_TITLE:
            raise SaidwhatError("E_BAD_REQUEST", f"the title is longer than {MAX_TITLE} characters")
        published = _blank(published_raw) if isinstance(published_raw, str) else None
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
        job = UploadJob(data, filename, title, published, uploaded, settings)
        analyses = await run_cancellable(request, lambda cancel: analysis.analyse(job, cancel))
        added = await run_in_threadpool(store_all, store, analyses)
        first = added[0]
        if request.url.path.endswith(".json"):
            return JSONResponse(
                {
                    "added": [
                        {"status": s, "doc_id": d, "url": f"/article/{quote(d, safe='')}"} for s, d in added
                    ]
                },
                status_code=201,
            )
        return RedirectResponse(f"/article/{quote(first[1], safe='')}", status_code=303)

    # -- API docs ------------------------------------------------------------------------------------

    @app.get(
        "/docs",
        response_class=HTMLResponse,
        responses=HTML_ERRORS,
        summary="The API reference (from the OpenAPI spec)",
        tags=["docs"],
    )
    def docs(request: Request) -> Response:
        spec = app.openapi()
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
        return render(
            request,
            "docs.html",
            {
                "nav": "docs",
                "ops": ops,
                "title": spec["info"]["title"],
                "description": spec["info"].get("description", ""),
                "codes": CATALOGUE,
            },
            spec,
        )

    app.add_middleware(SiteGuard, hosts=hosts or HostPolicy.for_bind(), tokens=CsrfTokens())
    app.add_middleware(Guard, max_body=settings.max_bytes + BODY_OVERHEAD)
    return app


def _allowed_methods(app: FastAPI, request: Request) -> list[str]:
    """Every method some route accepts at this request's path (for a 405's ``Allow`` header)."""
    methods: set[str] = set()
    for route in app.router.routes:
        match, _ = route.matches({**request.scope, "method": "GET"})
        if match != Match.NONE:
            methods |= getattr(route, "methods", None) or set()
    return sorted(methods)


def _schema_type(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " | ".join(_schema_type(s) for s in schema["anyOf"])
    t = str(schema.get("type", "any"))
    return t


def article_context(analysis: Analysis, summary: DocumentSummary, links: dict[str, int]) -> dict[str, Any]:
    title = display_title(analysis)
    views = [statement_view(st, entity_gids=links, doc_id=analysis.doc.id) for st in analysis.statements]
    acts: dict[str, int] = {}
    for st in analysis.statements:
        acts[st.act] = acts.get(st.act, 0) + 1
    return {
        "nav": "articles",
        "doc": analysis.doc,
        "summary": summary,
        "title": title,
        "blocks": article_blocks(analysis),
        "statements": views,
        "acts": sorted(acts.items(), key=lambda kv: -kv[1]),
        "n_entities": len(analysis.entities),
        "n_timexes": len(analysis.timexes),
        "voices": _voices(analysis.statements, links),
    }


def _voices(statements: Sequence[Statement], links: dict[str, int]) -> list[tuple[str, int | None, int]]:
    """Who speaks in an article: (label, gid, statements), most statements first."""
    counts: dict[str, tuple[int | None, int]] = {}
    for st in statements:
        sv = statement_view(st, entity_gids=links)
        gid, n = counts.get(sv.speaker.label, (sv.speaker.gid, 0))
        counts[sv.speaker.label] = (gid, n + 1)
    return sorted(((k, g, n) for k, (g, n) in counts.items()), key=lambda x: (-x[2], x[0]))
