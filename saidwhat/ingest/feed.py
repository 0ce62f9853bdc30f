"""RSS / Atom feed files with feedparser: one article per entry.

An entry's text is its first ``content`` value, else its ``summary`` (HTML turned into text with
:func:`saidwhat.ingest.html.fragment_text`). The held text is ``title + "\\n\\n" + text`` with
``headline`` / ``body`` hints, as for HTML pages. Its date is the entry's ``published`` (else
``updated``) date as written (basis ``metadata``). A file in which feedparser recognises no RSS/Atom
version is E_FEED; an entry without text is E_EMPTY. Documents get ``source = "path#N"`` and
``stem = "<filestem>-N"`` (N counts entries from 1).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from saidwhat.errors import SaidwhatError
from saidwhat.ingest.base import SourceDoc
from saidwhat.ingest.dates import parse_feed_date
from saidwhat.ingest.decode import check_text, normalize_newlines
from saidwhat.ingest.html import assemble, fragment_text
from saidwhat.settings import Settings

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _one_line(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _entry_text(entry: Any) -> str | None:
    candidates: list[Any] = list(entry.get("content") or [])
    if entry.get("summary_detail"):
        candidates.append(entry["summary_detail"])
    for item in candidates:
        value = item.get("value")
        if not isinstance(value, str) or not value.strip():
            continue
        if item.get("type", "text/html") in _HTML_TYPES:
            text = fragment_text(value)
        else:
            text = normalize_newlines(value).strip()
        if text:
            return text
    return None


def _entry_date(entry: Any) -> str | None:
    for key in ("published", "updated"):
        raw = entry.get(key)
        day = parse_feed_date(raw) if isinstance(raw, str) else None
        if day is not None:
            return day
        parsed = entry.get(f"{key}_parsed")
        if isinstance(parsed, time.struct_time):
            return time.strftime("%Y-%m-%d", parsed)
    return None


def read_feed_bytes(
    data: bytes, settings: Settings, source: str, stem: str
) -> Iterator[SourceDoc | SaidwhatError]:
    import feedparser  # on first use: a run of text files never loads it

    parsed = feedparser.parse(data)
    entries = list(parsed.get("entries") or [])
    if not parsed.get("version"):
        reason = parsed.get("bozo_exception")
        detail = f": {reason}" if reason else ""
        raise SaidwhatError("E_FEED", f"not an RSS or Atom feed{detail}", source)
    if not entries:
        raise SaidwhatError("E_EMPTY", "the feed holds no entries", source)
    for n, entry in enumerate(entries, start=1):
        where = f"{source}#{n}"
        title = _one_line(entry.get("title"))
        body = _entry_text(entry)
        if body is None:
            yield SaidwhatError("E_EMPTY", "the feed entry has no content or summary text", where)
            continue
        first, _, rest = body.partition("\n")
        if title and " ".join(first.split()) == title and rest.strip():
            body = rest.lstrip("\n")
        text, hints = assemble([("headline", title), ("body", body)])
        try:
            check_text(text, where, settings.max_bytes)
        except SaidwhatError as exc:
            yield exc
            continue
        published = _entry_date(entry)
        link = entry.get("link")
        author = (entry.get("author_detail") or {}).get("name") or entry.get("author")
        yield SourceDoc(
            source=where,
            text=text,
            stem=f"{stem}-{n}",
            title=title,
            url=link if isinstance(link, str) and link else None,
            author=_one_line(author),
            published=published,
            published_basis="metadata" if published else None,
            format="feed",
            hints=hints,
        )
