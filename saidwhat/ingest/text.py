"""Plain-text files (``.txt``, ``.text``) with their optional ``X.meta.json`` sidecar.

The sidecar is a JSON object ``{"published": "YYYY-MM-DD", "title": ..., "url": ..., "author": ...}``
(every key optional, ``null`` allowed, other keys ignored); its values win, and a date from it has
``published_basis = "metadata"``. A sidecar that is not such an object is E_SIDECAR, an invalid
date in it is E_DATE; either way the error names the sidecar and the article is not read (fix the
sidecar and run again) so that nothing is analysed against a wrong date.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from saidwhat.errors import SaidwhatError
from saidwhat.ingest.base import SourceDoc
from saidwhat.ingest.dates import parse_iso_date
from saidwhat.ingest.decode import decode_bytes, read_capped
from saidwhat.ingest.safejson import JSONInputError, loads_bounded
from saidwhat.settings import Settings

SIDECAR_SUFFIX = ".meta.json"
_SIDECAR_LIMIT = 1024 * 1024
_STRING_KEYS = ("title", "url", "author")


def sidecar_path(path: Path) -> Path:
    """``a.txt`` → ``a.meta.json``."""
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> dict[str, str]:
    """The sidecar's values (absent keys and nulls left out)."""
    src = str(path)
    data = read_capped(path, _SIDECAR_LIMIT, src)
    try:
        meta = loads_bounded(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, JSONInputError) as exc:
        raise SaidwhatError("E_SIDECAR", f"the sidecar is not valid UTF-8 JSON: {exc}", src) from exc
    if not isinstance(meta, dict):
        raise SaidwhatError("E_SIDECAR", "the sidecar must hold a JSON object", src)
    out: dict[str, str] = {}
    for key in (*_STRING_KEYS, "published"):
        value = meta.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise SaidwhatError(
                "E_SIDECAR", f'"{key}" must be a string or null, not {type(value).__name__}', src
            )
        if value.strip():
            out[key] = value.strip()
    if "published" in out:
        day = parse_iso_date(out["published"], allow_time=True)
        if day is None:
            raise SaidwhatError(
                "E_DATE", f'"published" is {out["published"]!r}, not a valid YYYY-MM-DD calendar date', src
            )
        out["published"] = day
    return out


def read_text_file(path: Path, settings: Settings, source: str) -> Iterator[SourceDoc]:
    side = sidecar_path(path)
    meta = read_sidecar(side) if side.is_file() else {}
    text = decode_bytes(read_capped(path, settings.max_bytes, source), source, check_limit=settings.max_bytes)
    yield text_doc(text, source, path.stem, meta)


def text_doc(text: str, source: str, stem: str, meta: dict[str, str] | None = None) -> SourceDoc:
    """A plain-text article, with the values of its sidecar (``meta``) if it has one."""
    meta = meta or {}
    return SourceDoc(
        source=source,
        text=text,
        stem=stem,
        title=meta.get("title"),
        url=meta.get("url"),
        author=meta.get("author"),
        published=meta.get("published"),
        published_basis="metadata" if "published" in meta else None,
        format="text",
    )
