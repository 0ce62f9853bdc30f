"""Page models: one builder per page, from the store and the request's parameters.

A builder returns a :class:`Page`: the template and its context for HTML, the ``data`` of the JSON
twin, and for list pages the ``rows`` of the CSV twin. :func:`saidwhat.web.render.render` turns a
page into the answer the request asked for (datasette's pattern: one view, several renderings).
Builders never see the request, so they are plain functions a test can call with a store.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, TypeVar
from urllib.parse import urlencode

from saidwhat.acts import acts
from saidwhat.errors import SaidwhatError
from saidwhat.filters import build_filter
from saidwhat.model import SCHEMA, Analysis, Statement
from saidwhat.store.protocol import StoreProtocol
from saidwhat.store.types import DocumentSummary, NamedCount, SearchHit, StatementRecord
from saidwhat.titles import derived_title
from saidwhat.web.chart import build_chart
from saidwhat.web.chips import chips, url
from saidwhat.web.links import display_source
from saidwhat.web.markup import article_blocks
from saidwhat.web.views import StatementView, statement_view

T = TypeVar("T")
MODES = ("direct", "indirect", "mixed")
# the filters of the search form (and of its JSON answer), in the shared vocabulary of saidwhat.filters
SEARCH_FILTERS = (
    "speaker",
    "act",
    "mode",
    "via",
    "anonymous",
    "hedged",
    "platform",
    "min_confidence",
    "since",
    "until",
)
PER_PAGE = 20
Scalar = str | int | float | bool | None


@dataclass(slots=True)
class Page:
    """What one page shows: ``context`` for its template, ``data`` for JSON, ``rows`` for CSV."""

    template: str
    context: dict[str, Any]
    data: dict[str, Any]
    rows: list[dict[str, Scalar]] | None = None
    columns: tuple[str, ...] = ()  # the CSV header (so that an empty list still has one)
    status: int = 200


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


def paged(fetch: Callable[[int, int], Sequence[T]], page: int, per_page: int) -> tuple[list[T], Pager]:
    """One page of rows, fetching one extra to know whether a next page exists."""
    rows = list(fetch(per_page + 1, (page - 1) * per_page))
    return rows[:per_page], Pager(page, per_page, len(rows) > per_page)


def valid_date(name: str, value: str | None) -> str | None:
    """An empty form field is no filter; a full ``YYYY-MM-DD`` must be a real calendar date."""
    if not value:
        return None
    if len(value) == 10:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise SaidwhatError("E_BAD_REQUEST", f"{name} {value!r} is not a real calendar date") from None
    return value


def blank(value: str | None) -> str | None:
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


ARTICLE_COLUMNS = (
    "id",
    "source",
    "title",
    "published",
    "published_basis",
    "url",
    "author",
    "format",
    "version",
    "superseded_by",
    "ingested_at",
    "statements",
)
STATEMENT_COLUMNS = (
    "doc_id",
    "date",
    "statement_id",
    "speaker",
    "speaker_id",
    "via",
    "act",
    "mode",
    "content",
)
ENTITY_COLUMNS = ("id", "name", "type", "mentions", "statements", "documents", "relayed", "aliases")
SEARCH_COLUMNS = ("kind", "doc_id", "date", "rank", "snippet", *STATEMENT_COLUMNS[2:])


def statement_row(r: StatementRecord) -> dict[str, Scalar]:
    """One statement as a flat CSV row."""
    st = r.statement
    return {
        "doc_id": r.doc_id,
        "date": r.date,
        "statement_id": st.id,
        "speaker": (st.speaker.name or st.speaker.text) if st.speaker else None,
        "speaker_id": r.speaker_gid,
        "via": " > ".join(v.name or v.text for v in st.via),
        "act": st.act,
        "mode": st.mode,
        "content": st.content.text,
    }


# -- the pages ----------------------------------------------------------------------------------------


def home_page(store: StoreProtocol) -> Page:
    stats = store.stats()
    recent = store.documents(limit=10)
    speakers = store.speakers(limit=12)
    relays = store.relays(limit=12)
    data = {
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
    context = {"nav": "home", "stats": stats, "recent": recent, "speakers": speakers, "relays": relays}
    return Page("home.html", context, data)


@dataclass(frozen=True, slots=True)
class ArticlesForm:
    """The articles list's parameters: filters (outlet, story, publication period), sort, page."""

    outlet: str | None = None
    story: str | None = None
    since: str | None = None
    until: str | None = None
    sort: str | None = None
    page: int = 1
    per_page: int = PER_PAGE


ARTICLE_LIST_COLUMNS = ("id", "title", "outlet", "published", "story", "statements", "url", "source")


def articles_page(store: StoreProtocol, form: ArticlesForm) -> Page:
    """Current articles with outlet, date, story and statement count; newest or most statements first."""
    f = build_filter(since=form.since, until=form.until, outlet=form.outlet, story=form.story)
    sort = blank(form.sort) or "date"
    rows, total = store.browse_articles(
        outlet=f.outlet,
        story=f.story,
        since=f.since,
        until=f.until,
        sort="date" if sort == "date" else "statements",
        limit=form.per_page + 1,
        offset=(form.page - 1) * form.per_page,
    )
    pager = Pager(form.page, form.per_page, len(rows) > form.per_page)
    rows = rows[: form.per_page]
    params = {
        k: v
        for k, v in (("outlet", f.outlet), ("story", f.story), ("since", f.since), ("until", f.until))
        if v
    }
    if sort != "date":
        params["sort"] = sort
    docs = [r.to_dict() for r in rows]
    data = {
        "schema": SCHEMA,
        "filters": {k: params.get(k) for k in ("outlet", "story", "since", "until")},
        "sort": sort,
        "total": total,
        "articles": docs,
        **pager.json(),
    }
    csv_rows: list[dict[str, Scalar]] = [{k: d[k] for k in ARTICLE_LIST_COLUMNS} for d in docs]
    context = {
        "nav": "articles",
        "rows": rows,
        "pager": pager,
        "total": total,
        "form": {**{k: "" for k in ("outlet", "story", "since", "until")}, **params, "sort": sort},
        "outlets": store.article_outlets(),
        "params": params,
        "chips": chips("/articles", params),
    }
    return Page("articles.html", context, data, rows=csv_rows, columns=ARTICLE_LIST_COLUMNS)


def article_page(store: StoreProtocol, doc_id: str, *, as_json: bool) -> Page:
    analysis = store.get(doc_id)
    if as_json:  # the JSON twin is the saidwhat/1 document itself
        return Page("article.html", {}, analysis.to_dict())
    context = article_context(analysis, store.document(doc_id), store.entity_links(doc_id))
    return Page("article.html", context, {})


def entity_page(
    store: StoreProtocol,
    gid: int,
    *,
    act: str | None,
    since: str | None,
    until: str | None,
    page: int,
    per_page: int,
) -> Page:
    f = build_filter(act=act, since=since, until=until)
    act, since, until = f.act, f.since, f.until
    ent = store.entity(gid)
    rows, pager = paged(
        lambda lim, off: store.entity_statements(
            gid, act=act, since=since, until=until, limit=lim, offset=off
        ),
        page,
        per_page,
    )
    days = store.statements_per_day(gid)
    total = store.count_statements(speaker=gid, act=act, since=since, until=until)
    data = {
        "schema": SCHEMA,
        "entity": ent.to_dict(),
        "filters": {"act": act, "since": since, "until": until},
        "total": total,
        "statements": [r.to_dict() for r in rows],
        "timeline": [{"date": d.date, "act": d.act, "count": d.count} for d in days],
        **pager.json(),
    }
    context = {
        "nav": "entities",
        "ent": ent,
        "rows": [record_view(r) for r in rows],
        "pager": pager,
        "chart": build_chart(
            ((d.date, d.act, d.count) for d in days),
            # a bar opens its statements in the statements browser (speaker id, act, the bar's days)
            lambda a, first, last: statements_url(gid, a, first, last),
        ),
        "acts": sorted({d.act for d in days}),
        "total": total,
        "filters": {"act": act or "", "since": since or "", "until": until or ""},
        "params": {k: v for k, v in (("act", act), ("since", since), ("until", until)) if v},
    }
    return Page(
        "entity.html", context, data, rows=[statement_row(r) for r in rows], columns=STATEMENT_COLUMNS
    )


def statements_url(gid: int, act: str, first: str, last: str) -> str:
    """The statements browser's view of one timeline bar: the speaker's statements of an act in a period."""
    return f"/statements?{urlencode({'speaker': gid, 'act': act, 'since': first, 'until': last})}"


def entities_page(store: StoreProtocol, q: str | None, page: int, per_page: int) -> Page:
    q = blank(q)
    rows, pager = paged(lambda lim, off: store.entities(limit=lim, offset=off, query=q), page, per_page)
    data = {"schema": SCHEMA, "query": q, "entities": [e.to_dict() for e in rows], **pager.json()}
    csv_rows: list[dict[str, Scalar]] = [
        {
            "id": e.gid,
            "name": e.name,
            "type": e.type,
            "mentions": e.mentions,
            "statements": e.statements,
            "documents": e.documents,
            "relayed": e.relayed,
            "aliases": "; ".join(e.aliases),
        }
        for e in rows
    ]
    context = {"nav": "entities", "rows": rows, "pager": pager, "eq": q or ""}
    return Page("entities.html", context, data, rows=csv_rows, columns=ENTITY_COLUMNS)


@dataclass(frozen=True, slots=True)
class SearchForm:
    """The search page's parameters, as the form sends them."""

    q: str | None = None
    speaker: str | None = None
    act: str | None = None
    mode: str | None = None
    via: str | None = None
    anonymous: bool = False
    since: str | None = None
    until: str | None = None
    page: int = 1
    per_page: int = 20
    hedged: bool | None = None
    platform: str | None = None
    min_confidence: float | None = None
    sort: Literal["relevance", "date"] = "relevance"


def search_page(
    store: StoreProtocol,
    form: SearchForm,
    *,
    timeout: float | None = None,
    cancel: threading.Event | None = None,
) -> Page:
    """The search page; ``timeout`` / ``cancel`` bound the store's search (see ``StoreProtocol.search``)."""
    query = blank(form.q)
    f = build_filter(
        speaker=form.speaker,
        act=form.act,
        mode=form.mode,
        via=form.via,
        anonymous=True if form.anonymous else None,
        hedged=form.hedged,
        platform=form.platform,
        min_confidence=form.min_confidence,
        since=form.since,
        until=form.until,
    )
    filters: dict[str, Any] = {k: v for k, v in f.to_dict().items() if k in SEARCH_FILTERS}
    hits: list[SearchHit] = []
    pager = Pager(form.page, form.per_page, False)
    if query is not None:
        text = query
        hits, pager = paged(
            lambda lim, off: store.search(
                text, **f.query(), sort=form.sort, limit=lim, offset=off, timeout=timeout, cancel=cancel
            ),
            form.page,
            form.per_page,
        )
    data = {
        "schema": SCHEMA,
        "query": query,
        "filters": filters,
        "sort": form.sort,
        "results": [h.to_dict() for h in hits],
        **pager.json(),
    }
    params: dict[str, str] = {}
    if query is not None:
        params["q"] = query
    for k, v in filters.items():
        if v is not None:
            params[k] = (
                ("true" if v else "false")
                if isinstance(v, bool)
                else (f"{v:g}" if isinstance(v, float) else str(v))
            )
    if form.sort != "relevance":
        params["sort"] = form.sort
    context = {
        "nav": "search",
        "q": query or "",
        "hits": [(h, record_view(h.statement) if h.statement else None) for h in hits],
        "pager": pager,
        "form": {**{k: "" for k in SEARCH_FILTERS}, **params, "sort": form.sort},
        "modes": MODES,
        "acts": list(acts()),
        "params": params,
        "chips": chips("/search", params),
        "browse_url": url("/statements", {k: v for k, v in params.items() if k != "sort"}),
    }
    rows: list[dict[str, Scalar]] = [
        {
            "kind": h.kind,
            "doc_id": h.doc_id,
            "date": h.date,
            "rank": h.rank,
            "snippet": "".join(part for part, _ in h.snippet),
            **(
                {k: v for k, v in statement_row(h.statement).items() if k not in ("doc_id", "date")}
                if h.statement
                else {}
            ),
        }
        for h in hits
    ]
    return Page("search.html", context, data, rows=rows, columns=SEARCH_COLUMNS)


def add_page(read_only: bool, max_bytes: int) -> Page:
    context = {"nav": "add", "max_bytes": max_bytes, "form_error": None, "values": {}}
    return Page("add.html", context, {"read_only": read_only, "max_bytes": max_bytes})


def article_context(analysis: Analysis, summary: DocumentSummary, links: dict[str, int]) -> dict[str, Any]:
    title = analysis.doc.title or derived_title(analysis) or display_source(analysis.doc.source)
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
