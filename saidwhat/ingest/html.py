"""HTML pages to a :class:`SourceDoc` with trafilatura.

The held text is ``title + "\\n\\n" + body (+ "\\n\\n" + comments)``: the page title (collapsed to
one line), the main text trafilatura extracts (its first line is dropped when it repeats the
title, as pages usually print their headline), and the reader comments trafilatura finds. The
``hints`` mark these parts as ``headline``, ``body`` and ``comment`` segments, in order, covering
the whole text; each separator belongs to the segment before it.

Dates come only from the page's metadata (htmldate without its extensive text search), so that
``published_basis = "metadata"`` is honest; dates written in the text are left to the segmenter.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from typing import Any

import lxml.html
from lxml import etree

from saidwhat.errors import SaidwhatError
from saidwhat.ingest.base import SourceDoc
from saidwhat.ingest.dates import parse_iso_date
from saidwhat.ingest.decode import normalize_newlines
from saidwhat.model import Segment

_WORDY = re.compile(r"\w")
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


@dataclass(slots=True)
class Extracted:
    title: str | None
    body: str
    comments: str | None
    url: str | None
    author: str | None
    published: str | None


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _block(value: Any) -> str | None:
    """A multi-line extracted block, newlines normalised, outer blank lines dropped."""
    if not isinstance(value, str):
        return None
    value = normalize_newlines(value).strip()
    return value if _WORDY.search(value) else None


def _drop_repeated_title(body: str, title: str | None) -> str:
    if title is None:
        return body
    first, _, rest = body.partition("\n")
    if " ".join(first.split()) == title and _WORDY.search(rest):
        return rest.lstrip("\n")
    return body


def extract_page(html: str | bytes, source: str, url: str | None = None) -> Extracted:
    """Main text, title, comments and metadata of a page; E_HTML when there is no text."""
    import trafilatura  # on first use: a run of text files never loads it

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # lxml FutureWarnings raised inside trafilatura
        try:
            doc = trafilatura.bare_extraction(
                html,
                url=url,
                include_comments=True,
                with_metadata=True,
                date_extraction_params=_DATE_PARAMS,
            )
        except (ValueError, TypeError, etree.LxmlError) as exc:
            raise SaidwhatError("E_HTML", f"the HTML cannot be parsed: {exc}", source) from exc
    if doc is None:
        raise SaidwhatError("E_HTML", "no article text could be extracted from the HTML", source)
    body = _block(getattr(doc, "text", None))
    if body is None:
        raise SaidwhatError("E_HTML", "no article text could be extracted from the HTML", source)
    title = _clean(getattr(doc, "title", None))
    date = getattr(doc, "date", None)
    return Extracted(
        title=title,
        body=_drop_repeated_title(body, title),
        comments=_block(getattr(doc, "comments", None)),
        url=_clean(getattr(doc, "url", None)),
        author=_clean(getattr(doc, "author", None)),
        published=parse_iso_date(date) if isinstance(date, str) else None,
    )


def fragment_text(html: str) -> str | None:
    """The text of an HTML fragment (a feed entry's content): paragraphs on their own lines."""
    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = trafilatura.bare_extraction(f"<html><body>{html}</body></html>", favor_recall=True)
        text = _block(getattr(doc, "text", None)) if doc is not None else None
        if text is None:  # too short for trafilatura: all the fragment's text
            try:
                root = lxml.html.fragment_fromstring(html, create_parent="div")
            except (ValueError, etree.LxmlError):
                return None
            text = _block(root.text_content())
    return text


def assemble(
    parts: list[tuple[str, str | None]],
) -> tuple[str, list[Segment]]:
    """Join ``(kind, text)`` parts with blank lines; the hints cover the whole text."""
    present = [(kind, t) for kind, t in parts if t]
    text = ""
    hints: list[Segment] = []
    for i, (kind, part) in enumerate(present):
        start = len(text)
        text += part
        if i < len(present) - 1:
            text += "\n\n"
        hints.append(Segment(kind=kind, start=start, end=len(text)))
    return text, hints


def page_doc(
    html: str | bytes,
    *,
    source: str,
    stem: str,
    fmt: str = "html",
    url: str | None = None,
    title: str | None = None,
    line: int | None = None,
) -> SourceDoc:
    """A :class:`SourceDoc` for one HTML page (``title``/``url`` given by a container win)."""
    ex = extract_page(html, source, url)
    head = _clean(title) or ex.title
    body = _drop_repeated_title(ex.body, head)
    text, hints = assemble([("headline", head), ("body", body), ("comment", ex.comments)])
    return SourceDoc(
        source=source,
        text=text,
        stem=stem,
        title=head,
        url=url or ex.url,
        author=ex.author,
        published=ex.published,
        published_basis="metadata" if ex.published else None,
        format=fmt,
        hints=hints,
        line=line,
    )
