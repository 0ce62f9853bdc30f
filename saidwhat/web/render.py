"""The one renderer: a :class:`~saidwhat.web.pages.Page` as HTML, JSON or CSV.

The format is the URL's suffix (``.json``, ``.csv``) or, without one, the ``Accept`` header (JSON when
it prefers ``application/json`` to ``text/html``). CSV exists for list pages (those with ``rows``);
its header is the page's ``columns`` (then any other key of the rows, in first-seen order), and its
text cells are neutralised against formula injection (:func:`saidwhat.store.export.csv_cell`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import Any, Literal

from fastapi import Request
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates

from saidwhat.errors import CATALOGUE
from saidwhat.store.export import csv_cell
from saidwhat.web.pages import Page, Scalar

Format = Literal["html", "json", "csv"]


def wants_json(request: Request) -> bool:
    """A ``.json`` URL, or an ``Accept`` header that prefers JSON over HTML."""
    if request.url.path.endswith(".json"):
        return True
    accept = request.headers.get("accept", "").lower()
    if "application/json" not in accept:
        return False
    return "text/html" not in accept or accept.index("application/json") < accept.index("text/html")


def wanted_format(request: Request) -> Format:
    if request.url.path.endswith(".csv"):
        return "csv"
    return "json" if wants_json(request) else "html"


def _base_context(request: Request) -> dict[str, Any]:
    return {"read_only": request.app.state.store.read_only, "q": "", "nav": ""}


def csv_text(rows: list[dict[str, Scalar]], header: tuple[str, ...] = ()) -> str:
    """A header (``header``, else the rows' keys in first-seen order), then one line per row."""
    columns: dict[str, None] = dict.fromkeys(header)
    for row in rows:
        columns.update(dict.fromkeys(row))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                k: (
                    "true"
                    if v is True
                    else "false"
                    if v is False
                    else csv_cell(v)
                    if isinstance(v, str)
                    else v
                )
                for k, v in row.items()
            }
        )
    return out.getvalue()


def negotiated(request: Request) -> bool:
    """Whether the answer's format depends on ``Accept`` (no ``.json`` / ``.csv`` suffix): ``Vary``."""
    return not request.url.path.endswith((".json", ".csv"))


def _vary(request: Request, response: Response) -> Response:
    if negotiated(request):
        response.headers["Vary"] = "Accept"
    return response


def render(request: Request, page: Page) -> Response:
    fmt = wanted_format(request)
    if fmt == "json":
        return _vary(request, JSONResponse(page.data, status_code=page.status))
    if fmt == "csv" and page.rows is not None:
        return Response(
            csv_text(page.rows, page.columns), status_code=page.status, media_type="text/csv; charset=utf-8"
        )
    templates: Jinja2Templates = request.app.state.templates
    ctx = {**_base_context(request), **page.context}
    return _vary(request, templates.TemplateResponse(request, page.template, ctx, status_code=page.status))


def render_error(
    request: Request,
    code: str,
    message: str,
    status: int | None = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """The one error shape: ``{"error": {"code", "message"}}`` in JSON, a readable page in HTML."""
    status = status or CATALOGUE[code][0]
    body = {"error": {"code": code, "message": message}}
    path = request.url.path
    if path.startswith("/static/"):
        return JSONResponse(body, status_code=status, headers=headers)
    if wants_json(request) or path.endswith(".csv"):
        return _vary(request, JSONResponse(body, status_code=status, headers=headers))
    ctx = {
        **_base_context(request),
        "code": code,
        "message": message,
        "status": status,
        "meaning": CATALOGUE[code][1],
    }
    templates: Jinja2Templates = request.app.state.templates
    page = templates.TemplateResponse(request, "error.html", ctx, status_code=status, headers=headers)
    return _vary(request, page)
