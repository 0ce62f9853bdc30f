"""One error type with stable codes; the catalogue lives in ``docs/errors.md``.

User errors (bad input, bad arguments, an unusable database) are :class:`SaidwhatError`: the CLI
prints them as one line ``error[CODE] source:line: message`` and the API answers them as
``{"error": {"code": ..., "message": ...}}``. Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

from dataclasses import dataclass

# code -> (HTTP status, one-line meaning). docs/errors.md lists the same codes; a test keeps them in step.
CATALOGUE: dict[str, tuple[int, str]] = {
    "E_PATH_MISSING": (404, "the input path does not exist"),
    "E_EMPTY": (422, "the input holds no text"),
    "E_BINARY": (415, "the input is a binary file, not text"),
    "E_ENCODING": (415, "the input is not text in any encoding we can detect"),
    "E_TOO_LARGE": (413, "the input is over the size limit"),
    "E_HTML": (422, "no article text could be extracted from the HTML"),
    "E_JSONL": (422, "a JSON Lines record is malformed or lacks text"),
    "E_FEED": (422, "the file is not a readable RSS/Atom feed"),
    "E_WARC": (422, "the WARC file is truncated or malformed"),
    "E_SIDECAR": (422, "the .meta.json sidecar is malformed or holds an invalid value"),
    "E_DATE": (422, "a date is not a valid YYYY-MM-DD calendar date"),
    "E_UNSUPPORTED": (415, "the file type is not supported"),
    "E_LINK_OUTSIDE": (403, "a symbolic link leads outside the directory being read"),
    "E_READ": (500, "the input could not be read"),
    "E_DB_OPEN": (500, "the database cannot be opened or written"),
    "E_DB_CORRUPT": (500, "the database file is corrupt or not a saidwhat database"),
    "E_DB_VERSION": (500, "the database was written by a newer saidwhat"),
    "E_DB_URL": (500, "the store URL is malformed"),
    "E_DB_BUSY": (503, "the database is busy: another process has been writing to it for too long"),
    "E_ALIASES": (422, "the alias file is malformed"),
    "E_LEXICON": (500, "a data file of saidwhat (lexicon, acts) is malformed"),
    "E_SETTINGS": (422, "a setting (environment variable or option) has an invalid value"),
    "E_NOT_FOUND": (404, "no such record"),
    "E_BAD_REQUEST": (422, "a request parameter is invalid"),
    "E_READ_ONLY": (403, "the server runs read-only"),
    "E_INTERNAL": (500, "an unexpected internal error"),
    # -- the server's guards (issue 14): Host / CSRF checks, analysis sandbox, search budget --
    "E_HOST": (400, "the request's Host name is not one this server answers to"),
    "E_CSRF": (403, "a state-changing request came from another site or without its form token"),
    "E_TIMEOUT": (422, "the article took longer than the time budget to analyse"),
    "E_MEMORY": (413, "the article needs more memory than the per-article limit to analyse"),
    "E_SEARCH_TIMEOUT": (503, "the search took longer than its time budget"),
    "E_UNAVAILABLE": (503, "the server is shutting down or its analysis worker is unavailable"),
    "E_PORT": (500, "the server cannot listen on the address and port asked for"),
    # -- parallel ingest (issue 20): worker processes and Ray --
    "E_WORKER": (500, "the analysis worker failed on the article, also when retried"),
    "E_RAY": (503, "Ray is not installed, or the Ray cluster cannot be started or reached"),
}


@dataclass
class SaidwhatError(Exception):
    code: str
    message: str
    source: str | None = None
    line: int | None = None

    def __post_init__(self) -> None:
        if self.code not in CATALOGUE:
            raise ValueError(f"unknown error code {self.code}")
        Exception.__init__(self, self.one_line())

    @property
    def status(self) -> int:
        return CATALOGUE[self.code][0]

    def where(self) -> str:
        if self.source is None:
            return ""
        return f"{self.source}:{self.line}" if self.line is not None else self.source

    def one_line(self) -> str:
        where = self.where()
        msg = " ".join(self.message.split())
        return f"error[{self.code}] {where}: {msg}" if where else f"error[{self.code}] {msg}"

    def to_dict(self) -> dict[str, dict[str, str | int | None]]:
        err: dict[str, str | int | None] = {"code": self.code, "message": self.message}
        if self.source is not None:
            err["source"] = self.source
        if self.line is not None:
            err["line"] = self.line
        return {"error": err}
