"""Ingest: find the input files and read each into :class:`SourceDoc` records.

Formats, chosen by file suffix:

- ``.txt``, ``.text`` → plain text (optional ``X.meta.json`` sidecar), see :mod:`.text`;
- ``.html``, ``.htm``, ``.xhtml`` → an HTML page, see :mod:`.html`;
- ``.jsonl``, ``.ndjson`` → JSON Lines, one article per line, see :mod:`.jsonl`;
- ``.xml``, ``.rss``, ``.atom`` → an RSS/Atom feed, see :mod:`.feed`;
- ``.warc``, ``.warc.gz`` → a web archive, see :mod:`.warc`;
- ``-`` → stdin.

Sniffing: a file named explicitly whose suffix is none of these is sniffed from its first 4 KB
(WARC magic ``WARC/1.`` or a gzip member holding one → warc; ``<rss``/``<feed``/``<rdf:RDF`` →
feed; ``<!doctype html``/``<html`` → html); if nothing matches it is E_UNSUPPORTED. stdin is
sniffed as HTML when it starts (after blanks and comments) with an HTML tag, as a feed when it
starts with an XML declaration or feed element, as JSON Lines when its first non-blank line (or at
least half of them) is a JSON object, else as plain text; its articles get the source
``<stdin:H>`` derived from their text (:func:`.base.stdin_source`). In directories only the
suffix counts: other files are skipped with a note; hidden entries (``.name``) and ``X.meta.json``
sidecars are passed over; FIFOs, sockets, dangling links and links out of the directory are
errors, links to directories are notes (:mod:`.walk`).

Errors never escape as exceptions: :func:`read_input` yields a :class:`SaidwhatError` for each bad
input or record and goes on with the rest.
"""

from __future__ import annotations

import re
import sys
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from saidwhat.errors import SaidwhatError
from saidwhat.ingest.base import SourceDoc, stdin_source
from saidwhat.ingest.dates import parse_iso_date
from saidwhat.ingest.decode import decode_bytes, read_stream_capped
from saidwhat.ingest.feed import read_feed_bytes
from saidwhat.ingest.html import page_doc
from saidwhat.ingest.jsonl import looks_like_jsonl, read_jsonl_text
from saidwhat.ingest.readers import READERS, RawInput
from saidwhat.ingest.text import SIDECAR_SUFFIX
from saidwhat.ingest.walk import walk_files
from saidwhat.ingest.warc import file_stem
from saidwhat.settings import Settings

__all__ = [
    "InputFile",
    "SourceDoc",
    "discover",
    "given_date",
    "iter_sources",
    "kind_by_suffix",
    "read_input",
    "sniff_head",
]

_SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".warc": "warc",
    ".warc.gz": "warc",
}
STDIN_SOURCE = "<stdin>"
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_FEED_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.I | re.S)
_XML_DECL = re.compile(rb"^\s*<\?xml\b", re.I)


@dataclass(frozen=True)
class InputFile:
    """One input: a file (``path``) of a given ``kind``, or stdin (``path=None``, ``kind="stdin"``)."""

    path: Path | None
    kind: str


def kind_by_suffix(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return "warc"
    return _SUFFIXES.get(path.suffix.lower())


def _is_sidecar(path: Path) -> bool:
    return path.name.lower().endswith(SIDECAR_SUFFIX)


def sniff_head(head: bytes) -> str | None:
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, 64)
        except zlib.error:
            return None
    body = head.removeprefix(b"\xef\xbb\xbf")
    if body.startswith(b"WARC/1."):
        return "warc"
    if _FEED_START.match(body):
        return "feed"
    if _HTML_START.match(body):
        return "html"
    return None


def _sniff_file(path: Path) -> str | None:
    try:
        with path.open("rb") as fh:
            return sniff_head(fh.read(4096))
    except OSError:
        return None


def _walk(
    root: Path, on_skip: Callable[[str], None] | None, follow_links: bool
) -> Iterator[InputFile | SaidwhatError]:
    for path in walk_files(root, follow_links=follow_links, on_skip=on_skip):
        if isinstance(path, SaidwhatError):
            yield path
        elif not _is_sidecar(path):
            kind = kind_by_suffix(path)
            if kind is not None:
                yield InputFile(path, kind)
            elif on_skip is not None:
                on_skip(f"skipped {path}: unsupported file type")


def discover(
    paths: Sequence[str], on_skip: Callable[[str], None] | None = None, *, follow_links: bool = False
) -> list[InputFile | SaidwhatError]:
    """The inputs named by ``paths``: files as given, directories recursively in name order.

    Directory walks report what they skip and stay inside the directory (see :mod:`.walk`).
    """
    found: list[InputFile | SaidwhatError] = []
    for raw in paths:
        if raw == "-":
            found.append(InputFile(None, "stdin"))
            continue
        path = Path(raw)
        if not path.exists():
            found.append(SaidwhatError("E_PATH_MISSING", "no such file or directory", raw))
        elif path.is_dir():
            found.extend(_walk(path, on_skip, follow_links))
        elif not path.is_file():
            found.append(SaidwhatError("E_UNSUPPORTED", "not a regular file or directory", raw))
        elif _is_sidecar(path):
            if on_skip is not None:
                on_skip(f"skipped {path}: a metadata sidecar, read with its .txt file")
        else:
            kind = kind_by_suffix(path) or _sniff_file(path)
            if kind is None:
                found.append(
                    SaidwhatError(
                        "E_UNSUPPORTED",
                        "unsupported file type (expected .txt, .html, .jsonl, .xml/.rss/.atom, .warc[.gz])",
                        raw,
                    )
                )
            else:
                found.append(InputFile(path, kind))
    return found


def _read_stdin(stream: IO[bytes], settings: Settings) -> Iterator[SourceDoc | SaidwhatError]:
    data = read_stream_capped(stream, settings.max_container_bytes, STDIN_SOURCE)
    kind = sniff_head(data[:4096])
    if kind == "feed" or (kind is None and _XML_DECL.match(data)):
        yield from read_feed_bytes(data, settings, STDIN_SOURCE, "stdin")
        return
    if kind == "warc":
        raise SaidwhatError(
            "E_UNSUPPORTED", "WARC data on stdin is not supported: give the file path", STDIN_SOURCE
        )
    if kind == "html":
        if len(data) > settings.max_bytes:
            raise SaidwhatError(
                "E_TOO_LARGE", f"the input is over the limit of {settings.max_bytes} bytes", STDIN_SOURCE
            )
        yield page_doc(data, source=STDIN_SOURCE, stem="stdin")
        return
    text = decode_bytes(data, STDIN_SOURCE)
    if looks_like_jsonl(text):
        yield from read_jsonl_text(text, settings, STDIN_SOURCE, "stdin")
        return
    if len(text.encode("utf-8")) > settings.max_bytes:
        raise SaidwhatError(
            "E_TOO_LARGE", f"the input is over the limit of {settings.max_bytes} bytes", STDIN_SOURCE
        )
    yield SourceDoc(source=STDIN_SOURCE, text=text, stem="stdin", format="text")


def _dispatch(
    f: InputFile, settings: Settings, stdin: IO[bytes] | None
) -> Iterator[SourceDoc | SaidwhatError]:
    if f.path is None:
        for item in _read_stdin(stdin if stdin is not None else sys.stdin.buffer, settings):
            # a JSONL line's own id stays its source (the article's stable id)
            if isinstance(item, SourceDoc) and item.source.startswith(STDIN_SOURCE):
                item.source = stdin_source(item.text)
            yield item
        return
    reader = READERS.get(f.kind)
    if reader is None:
        raise SaidwhatError("E_UNSUPPORTED", f"unknown input kind {f.kind!r}", str(f.path))
    yield from reader(RawInput(str(f.path), file_stem(f.path), path=f.path), settings)


def given_date(published: str | None) -> str | None:
    """A ``--published`` date checked (E_DATE when it is not a valid ``YYYY-MM-DD``), or None."""
    if published is None:
        return None
    day = parse_iso_date(published)
    if day is None:
        raise SaidwhatError(
            "E_DATE", f"--published {published!r} is not a valid YYYY-MM-DD date", "--published"
        )
    return day


def read_input(
    f: InputFile, settings: Settings, *, published: str | None = None, stdin: IO[bytes] | None = None
) -> Iterator[SourceDoc | SaidwhatError]:
    """The articles of one input, and an error for each bad input or record (never raised).

    ``published`` (``YYYY-MM-DD``, from ``--published``) dates the documents that have no date
    from their metadata, with ``published_basis = "given"``; an invalid one is E_DATE and nothing
    is read.
    """
    try:
        given = given_date(published)
    except SaidwhatError as exc:
        yield exc
        return
    source = STDIN_SOURCE if f.path is None else str(f.path)
    try:
        for item in _dispatch(f, settings, stdin):
            if isinstance(item, SourceDoc) and item.published is None and given is not None:
                item.published, item.published_basis = given, "given"
            yield item
    except SaidwhatError as exc:
        yield exc
    except OSError as exc:
        yield SaidwhatError("E_READ", f"cannot read the input: {exc.strerror or exc}", source)


def iter_sources(
    paths: Sequence[str],
    settings: Settings,
    *,
    published: str | None = None,
    on_skip: Callable[[str], None] | None = None,
    stdin: IO[bytes] | None = None,
) -> Iterator[SourceDoc | SaidwhatError]:
    """:func:`discover` then :func:`read_input` for each input, in order."""
    try:
        given_date(published)
    except SaidwhatError as exc:
        yield exc
        return
    for item in discover(paths, on_skip, follow_links=settings.follow_links):
        if isinstance(item, SaidwhatError):
            yield item
        else:
            yield from read_input(item, settings, published=published, stdin=stdin)
