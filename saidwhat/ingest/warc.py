"""WARC files (``.warc``, ``.warc.gz``) with warcio: one article per HTML response record.

Only ``response`` records whose HTTP ``Content-Type`` is HTML are read; each goes through
:func:`saidwhat.ingest.html.page_doc` with ``url`` = ``WARC-Target-URI``. The page's own metadata
date wins; else ``WARC-Date`` gives the date (basis ``metadata``). A truncated or malformed file is
E_WARC, and the articles read before the fault are kept. Documents get ``source = "path#N"`` and
``stem = "<filestem>-N"`` (N counts the HTML responses from 1).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from saidwhat.errors import SaidwhatError
from saidwhat.ingest.base import SourceDoc
from saidwhat.ingest.dates import parse_iso_date
from saidwhat.ingest.decode import check_text
from saidwhat.ingest.html import page_doc
from saidwhat.settings import Settings

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# what warcio raises on damaged input (AttributeError: a record header it half-parsed)
_FAULTS = (ArchiveLoadFailed, zlib.error, EOFError, ValueError, KeyError, AttributeError)


def _sniff_warc(head: bytes) -> bool:
    """Whether the file starts with a WARC record header (gzip members decompressed first)."""
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, 16)
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


def file_stem(path: Path) -> str:
    """The file name without its suffix (both suffixes of ``.warc.gz``)."""
    if path.name.lower().endswith(".warc.gz"):
        return path.name[: -len(".warc.gz")]
    return path.stem


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    return any(t in ctype for t in _HTML_TYPES)


def _truncated(where: str, count: int) -> SaidwhatError:
    return SaidwhatError("E_WARC", f"the WARC file is truncated or malformed after {count} record(s)", where)


def read_warc_file(path: Path, settings: Settings, source: str) -> Iterator[SourceDoc | SaidwhatError]:
    size = path.stat().st_size
    if size > settings.max_container_bytes:
        raise SaidwhatError(
            "E_TOO_LARGE",
            f"the file is {size} bytes, over the limit of {settings.max_container_bytes}",
            source,
        )
    with path.open("rb") as fh:
        yield from read_warc_stream(fh, settings, source, file_stem(path))


def read_warc_stream(
    fh: IO[bytes], settings: Settings, source: str, stem: str
) -> Iterator[SourceDoc | SaidwhatError]:
    """The articles of a seekable binary stream holding a WARC file."""
    if not _sniff_warc(fh.read(512)):
        raise SaidwhatError("E_WARC", "not a WARC file (no WARC/1.x header at the start)", source)
    fh.seek(0)
    records = html_count = end = 0
    it = ArchiveIterator(fh)
    stream = iter(it)
    while True:
        try:  # only warcio's own reading is guarded: a fault here means a damaged file
            record = next(stream)
            if record.rec_type is None:
                raise _truncated(source, records)
            wanted = _is_html_response(record)
            payload = record.content_stream().read(settings.max_bytes + 1) if wanted else b""
            it.read_to_end(record)
            if getattr(record.raw_stream, "limit", 0):
                raise _truncated(source, records)
            end = it.get_record_offset() + it.get_record_length()
        except StopIteration:
            break
        except _FAULTS as exc:
            raise _truncated(source, records) from exc
        records += 1
        if wanted:
            html_count += 1
            yield from _page(record, payload, settings, source, f"{stem}-{html_count}", html_count)
    fh.seek(end)
    if fh.read(64).strip():  # bytes after the last complete record: a cut-off one
        raise _truncated(source, records)
    if records == 0:
        raise SaidwhatError("E_WARC", "the file holds no WARC records", source)
    if html_count == 0:
        raise SaidwhatError("E_EMPTY", "the WARC file holds no HTML responses", source)


def _page(
    record: Any, payload: bytes, settings: Settings, source: str, stem: str, n: int
) -> Iterator[SourceDoc | SaidwhatError]:
    where = f"{source}#{n}"
    if len(payload) > settings.max_bytes:
        yield SaidwhatError("E_TOO_LARGE", f"the page is over the limit of {settings.max_bytes} bytes", where)
        return
    if not payload.strip():
        yield SaidwhatError("E_EMPTY", "the HTML response has an empty body", where)
        return
    uri = record.rec_headers.get_header("WARC-Target-URI")
    try:
        doc = page_doc(payload, source=where, stem=stem, fmt="warc", url=uri or None)
        check_text(doc.text, where, settings.max_bytes)
    except SaidwhatError as exc:
        yield exc
        return
    if doc.published is None:
        warc_date = record.rec_headers.get_header("WARC-Date")
        day = parse_iso_date(warc_date, allow_time=True) if warc_date else None
        if day is not None:
            doc.published, doc.published_basis = day, "metadata"
    yield doc
