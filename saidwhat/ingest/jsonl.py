"""JSON Lines (``.jsonl``, ``.ndjson``): one article per line.

Each non-blank line is an object with ``text`` (plain text, held as given, newlines normalised)
or ``html`` (a page, read as :mod:`saidwhat.ingest.html` reads files), plus optional ``title``,
``url``, ``author`` and ``published`` (``YYYY-MM-DD`` or an ISO 8601 timestamp; it wins over a
date in the page's metadata), and an optional ``id`` (a string or an integer). A bad line is E_JSONL
(E_DATE for a bad date, E_EMPTY / E_TOO_LARGE / E_HTML for its text) with its line number, and the
other lines are still read. Documents get ``stem = "<filestem>-N"`` and ``source = "path:N"``, or,
when the line has an ``id``, ``source = id``: the article's stable id, kept in every output that
names the article (the store's versions follow it: a line with a known id and another text is a new
version of that article, wherever it comes from).

Hostile lines stay one line's error: a line nested more than :data:`~.safejson.MAX_DEPTH` levels deep
is E_JSONL (checked without recursion before parsing), and a line longer than :func:`line_limit`
is E_TOO_LARGE without being parsed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from saidwhat.errors import SaidwhatError
from saidwhat.ingest.base import SourceDoc
from saidwhat.ingest.dates import parse_iso_date
from saidwhat.ingest.decode import check_text, normalize_newlines
from saidwhat.ingest.html import page_doc
from saidwhat.ingest.safejson import JSONInputError, loads_bounded
from saidwhat.settings import Settings

_OPTIONAL = ("title", "url", "author", "published")


def line_limit(max_bytes: int) -> int:
    """The longest JSONL line (in characters) that is parsed: 6 × ``max_bytes`` + 1 MiB.

    JSON escaping writes a character in at most 6 per UTF-8 byte (``\\u0001`` for one byte), so a
    record whose text or HTML is within ``max_bytes`` always fits, with room for its other fields.
    """
    return 6 * max_bytes + 1024 * 1024


def _is_object(raw: str) -> bool:
    if not raw.lstrip().startswith("{"):  # most lines of a plain text: no parse needed
        return False
    try:
        return isinstance(loads_bounded(raw), dict)
    except JSONInputError:
        return False


def looks_like_jsonl(text: str) -> bool:
    """JSON Lines: the first non-blank line is a JSON object, or at least half of them are.

    So a JSON Lines stream with a broken line (even a broken first line) is still read as JSON Lines,
    and the broken line is reported, while a plain text (which never has a line that is a JSON
    object) stays plain text.
    """
    lines = [raw for raw in text.split("\n") if raw.strip()]
    if not lines:
        return False
    if _is_object(lines[0]):
        return True
    objects = 0
    for i, raw in enumerate(lines[1:], start=1):
        objects += _is_object(raw)
        if 2 * (objects + len(lines) - 1 - i) < len(lines):  # even if every rest line is one: too few
            return False
        if 2 * objects >= len(lines):
            return True
    return False


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
    ident = obj.get("id")
    if ident is not None and (isinstance(ident, bool) or not isinstance(ident, (str, int))):
        raise SaidwhatError(
            "E_JSONL", f'"id" must be a string or an integer, not {type(ident).__name__}', source, n
        )
    stable = str(ident).strip() if ident is not None else ""
    if stable:
        where = stable
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
    longest = line_limit(settings.max_bytes)
    for n, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        if len(raw) > longest:
            yield SaidwhatError(
                "E_TOO_LARGE", f"the line is {len(raw)} characters, over the limit of {longest}", source, n
            )
            continue
        try:
            obj = loads_bounded(raw)
        except JSONInputError as exc:
            yield SaidwhatError("E_JSONL", str(exc), source, n)
            continue
        try:
            yield _record(obj, n, settings, source, stem)
        except SaidwhatError as exc:
            yield exc
