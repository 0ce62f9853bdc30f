"""What the pages show of where an article came from: a link to its URL, never a server path.

A stored document keeps its ``source`` as it was ingested (a file path, ``paste:<hash>``,
``upload:<name>`` or a URL) and the JSON twins give it unchanged: it is provenance, and the
``saidwhat/1`` document is the same in the CLI and the API. The HTML pages show only
:func:`display_source`: a URL as is, a paste or an upload by its label, a file by its base name —
never the directory it was read from on the server. An article's ``url`` becomes a link only with an
``http``/``https`` scheme and a host (:func:`safe_url`); anything else is shown as text.
"""

from __future__ import annotations

from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import urlsplit

LINK_REL = "noopener noreferrer nofollow"


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an absolute ``http``/``https`` URL with a host (a link may point there)."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    if any(c.isspace() or ord(c) < 32 for c in url):
        return None
    return url


def display_source(source: str) -> str:
    """A document's source as a page shows it: no server directory, ever."""
    if safe_url(source) is not None or source.startswith(("paste:", "upload:")):
        return source
    name = PureWindowsPath(source).name if "\\" in source else PurePosixPath(source).name
    return name or source.rstrip("/\\").rsplit("/", 1)[-1] or "a local file"
