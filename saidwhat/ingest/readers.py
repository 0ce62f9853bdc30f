"""The table of input formats: one reader signature for files and for uploaded bytes.

A reader turns one :class:`RawInput` (a file on disk, or the bytes of an upload) into the articles
it holds, yielding a :class:`SaidwhatError` for a bad record and raising one for a bad input. Every
format is one entry of :data:`READERS`, keyed by the kind :func:`saidwhat.ingest.kind_by_suffix`
gives; to add a format, write a reader with this signature and add its suffixes and its entry.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from saidwhat.errors import SaidwhatError
from saidwhat.ingest.base import SourceDoc
from saidwhat.ingest.decode import decode_bytes, looks_binary, read_capped, read_stream_capped
from saidwhat.ingest.feed import read_feed_bytes
from saidwhat.ingest.html import page_doc
from saidwhat.ingest.jsonl import read_jsonl_text
from saidwhat.ingest.text import read_text_file, text_doc
from saidwhat.ingest.warc import read_warc_file, read_warc_stream
from saidwhat.settings import Settings


@dataclass(frozen=True, slots=True)
class RawInput:
    """One input before reading: a file (``path``) or bytes already in memory (``data``).

    ``source`` names it in the documents and errors (``path``, ``upload:name``, ``paste:hash``);
    ``stem`` is the base of ``analyze --out`` file names."""

    source: str
    stem: str
    path: Path | None = None
    data: bytes | None = None

    def read(self, limit: int) -> bytes:
        """The bytes, E_TOO_LARGE over ``limit``."""
        if self.data is not None:
            return read_stream_capped(io.BytesIO(self.data), limit, self.source)
        assert self.path is not None
        return read_capped(self.path, limit, self.source)


Reader = Callable[[RawInput, Settings], Iterator[SourceDoc | SaidwhatError]]
_NO_TEXT = "the input holds no text (empty or only whitespace)"


def read_text(raw: RawInput, settings: Settings) -> Iterator[SourceDoc]:
    if raw.path is not None:  # a file may have a .meta.json sidecar
        yield from read_text_file(raw.path, settings, raw.source)
        return
    data = raw.read(settings.max_bytes)
    yield text_doc(decode_bytes(data, raw.source, check_limit=settings.max_bytes), raw.source, raw.stem)


def read_html(raw: RawInput, settings: Settings) -> Iterator[SourceDoc]:
    data = raw.read(settings.max_bytes)
    if not data.strip():
        raise SaidwhatError("E_EMPTY", _NO_TEXT, raw.source)
    if looks_binary(data):  # refuse binary junk before trafilatura guesses at it
        raise SaidwhatError(
            "E_BINARY", "the input looks like a binary file (control bytes), not HTML", raw.source
        )
    yield page_doc(data, source=raw.source, stem=raw.stem)


def read_jsonl(raw: RawInput, settings: Settings) -> Iterator[SourceDoc | SaidwhatError]:
    data = raw.read(settings.max_container_bytes)
    yield from read_jsonl_text(decode_bytes(data, raw.source), settings, raw.source, raw.stem)


def read_feed(raw: RawInput, settings: Settings) -> Iterator[SourceDoc | SaidwhatError]:
    data = raw.read(settings.max_container_bytes)
    if not data.strip():
        raise SaidwhatError("E_EMPTY", _NO_TEXT, raw.source)
    yield from read_feed_bytes(data, settings, raw.source, raw.stem)


def read_warc(raw: RawInput, settings: Settings) -> Iterator[SourceDoc | SaidwhatError]:
    if raw.path is not None:  # streamed from disk: WARC files can be large
        yield from read_warc_file(raw.path, settings, raw.source)
        return
    data = raw.read(settings.max_container_bytes)
    yield from read_warc_stream(io.BytesIO(data), settings, raw.source, raw.stem)


READERS: dict[str, Reader] = {
    "text": read_text,
    "html": read_html,
    "jsonl": read_jsonl,
    "feed": read_feed,
    "warc": read_warc,
}
