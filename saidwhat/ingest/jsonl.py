"""JSON Lines (``.jsonl``, ``.ndjson``): one article per line.

Each non-blank line is an object with ``text`` (plain text, held as given, newlines normalised)
or ``html`` (a page, read as :mod:`saidwhat.ingest.html` reads files), plus optional ``title``,
``url``, ``author`` and ``published`` (``YYYY-MM-DD`` or an ISO 8601 timestamp; it wins over a
date in the page's metadata). A bad line is E_JSONL (E_DATE for a bad date, E_EMPTY / E_TOO_LARGE /
E_HTML for its text) with its line number, and the other lines are still read. Documents get
``source = "path:N"`` and ``stem = "<filestem>-N"``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from saidwhat.errors import SaidwhatError
from saidwhat.ingest.base import SourceDoc
from saidwhat.ingest.dates import parse_iso_date
from saidwhat.ingest.decode import check_text, normalize_newlines
from saidwhat.ingest.html import page_doc
from saidwhat.settings import Settings

_OPTIONAL = ("title", "url", "author", "published")


def looks_like_jsonl(text: str) -> bool:
    """Every non-blank line is a JSON object (and there is at least one)."""
    seen = False
    for raw in text.split("\n"):
        if not raw.strip():
            continue
        try:
            if not isinstance(json.loads(raw), dict):
                return False
        except json.JSONDecodeError:
            return False
        seen = True
    return seen


def _record(obj: Any, n: int, settings: Settings, source: str, stem: str) -> SourceDoc:
    where = f"{source}:{n}"
    if not isinstance(obj, dict):
        raise SaidwhatError(
            "E_JSONL", f"the line holds a JSON {type(obj).__name__}, not an object", source, n
        )
    fields: dict[str, str] = {}
    for key in _OPTIONAL:
        value = obj.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise SaidwhatError("E_JSONL", f'"{key}" must be a string, not {type(value).__name__}', source, n)
        if value.strip():
            fields[key] = value.strip()
    published = None
    if "published" in fields:
        published = parse_iso_date(fields["published"], allow_time=True)
        if published is None:
            raise SaidwhatError(
                "E_DATE", f'"published" is {fields["published"]!r}, not a valid YYYY-MM-DD date', source, n
            )
    text, html = obj.get("text"), obj.get("html")
    if isinstance(text, str) and text.strip():
        body = normalize_newlines(text)
        check_text(body, source, settings.max_bytes, n)
        doc = SourceDoc(
            source=where, text=body, stem=f"{stem}-{n}", title=fields.get("title"), format="jsonl"
        )
    elif isinstance(html, str) and html.strip():
        if len(html.encode("utf-8")) > settings.max_bytes:
            raise SaidwhatError(
                "E_TOO_LARGE", f"the html is over the limit of {settings.max_bytes} bytes", source, n
            )
        try:
            doc = page_doc(html, source=where, stem=f"{stem}-{n}", fmt="jsonl", title=fields.get("title"))
        except SaidwhatError as exc:
            raise SaidwhatError(exc.code, exc.message, source, n) from exc
        check_text(doc.text, source, settings.max_bytes, n)
    else:
        raise SaidwhatError("E_JSONL", 'the record has no non-empty "text" or "html" string', source, n)
    doc.line = n
    doc.url = fields.get("url") or doc.url
    doc.author = fields.get("author") or doc.author
    if published is not None:
        doc.published, doc.published_basis = published, "metadata"
    return doc


def read_jsonl_text(
    text: str, settings: Settings, source: str, stem: str
) -> Iterator[SourceDoc | SaidwhatError]:
    """The articles of a JSON Lines text, an error for each bad line."""
    for n, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            yield SaidwhatError("E_JSONL", f"malformed JSON: {exc.msg} at column {exc.colno}", source, n)
            continue
        try:
            yield _record(obj, n, settings, source, stem)
        except SaidwhatError as exc:
            yield exc
