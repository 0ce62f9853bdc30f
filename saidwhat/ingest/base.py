"""What ingest hands to the pipeline: one :class:`SourceDoc` per article."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from saidwhat.model import Segment


@dataclass(slots=True)
class SourceDoc:
    """An article as read from its container, before analysis.

    ``text`` is the text saidwhat holds: every offset of the analysis points into it.
    ``hints`` are segments known from the structure of the input (an HTML page's title and its
    reader comments); the segmenter keeps them and refines the rest.
    """

    source: str  # path or URL it came from ("feed.xml#3" for the 3rd entry, "a.jsonl:12" for a line)
    text: str
    stem: str  # file name (without suffix) for `analyze --out DIR`
    title: str | None = None
    url: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD
    published_basis: str | None = None  # "metadata" | "given"
    format: str = "text"  # text | html | jsonl | feed | warc
    hints: list[Segment] = field(default_factory=list)
    line: int | None = None  # JSONL line number


def content_hash(text: str) -> str:
    """A document's id: the SHA-256 of its text (as saidwhat holds it)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def stdin_source(text: str) -> str:
    """The source of an article read from stdin: ``<stdin:H>``, H the first 16 hex digits of its id.

    Derived from the text (the document id is the SHA-256 of the text), so two different articles
    piped in one after the other are two documents, never two versions of one source ``<stdin>``.
    """
    return f"<stdin:{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}>"
