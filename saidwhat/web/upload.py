"""Articles added through the web: read and analysed in the sandbox's worker, stored by the server.

:class:`AnalysisService` owns a :class:`saidwhat.sandbox.WorkerPool` whose task is
:func:`analyse_upload` (read one pasted text or uploaded file the CLI's way, analyse every article
in it) after :func:`warm_up` (spaCy loaded once per worker). The server stores the analyses it gets
back through the store's one write path; nothing the worker does can take the server down: an
article over the time budget is ``E_TIMEOUT``, over the memory limit ``E_MEMORY``, and the worker is
killed when the client goes away or the server shuts down.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from saidwhat.errors import SaidwhatError
from saidwhat.model import Analysis
from saidwhat.sandbox import Limits, WorkerPool
from saidwhat.settings import Settings
from saidwhat.store import Store

_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
TASK = "saidwhat.web.upload:analyse_upload"
WARM_UP = "saidwhat.web.upload:warm_up"


@dataclass(frozen=True, slots=True)
class UploadJob:
    """One pasted text (``uploaded=False``) or uploaded file, with the form's optional metadata."""

    data: bytes
    filename: str
    title: str | None
    published: str | None
    uploaded: bool
    settings: Settings


def warm_up() -> None:
    """Load the language model and run every stage once, so the first real article is fast."""
    from saidwhat.ingest.base import SourceDoc
    from saidwhat.pipeline import analyze

    list(analyze([SourceDoc("warm-up", "The minister said on Monday that talks would resume.\n", "warm-up")]))


def analyse_upload(job: UploadJob, progress: Callable[[], None] = lambda: None) -> list[Analysis]:
    """Read ``job`` through the CLI's ingest path and analyse each article in it (in the worker).

    Raises the first input error (:class:`SaidwhatError`); calls ``progress()`` after each article.
    """
    from saidwhat.ingest import discover, read_input
    from saidwhat.pipeline import analyze

    safe = _SAFE_NAME.sub("_", Path(job.filename).name)[-100:].lstrip(".") or "upload.txt"
    digest = hashlib.sha256(job.data).hexdigest()[:16]
    with tempfile.TemporaryDirectory(prefix="saidwhat-web-") as tmp:
        path = Path(tmp) / safe
        path.write_bytes(job.data)
        found = discover([str(path)])
        docs = []
        for f in found:
            if isinstance(f, SaidwhatError):
                raise SaidwhatError(f.code, f.message, job.filename)
            for item in read_input(f, job.settings, published=job.published):
                if isinstance(item, SaidwhatError):
                    raise SaidwhatError(item.code, item.message, job.filename, item.line)
                item.source = (
                    f"upload:{safe}{item.source[len(str(path)) :]}" if job.uploaded else f"paste:{digest}"
                )
                if job.title is not None:
                    item.title = job.title
                docs.append(item)
    if not docs:
        raise SaidwhatError("E_EMPTY", "the input holds no article", job.filename)
    out: list[Analysis] = []
    for analysis in analyze(docs, batch_size=1):  # one at a time: the time budget is per article
        out.append(analysis)
        progress()
    return out


class AnalysisService:
    """The server's analysis sandbox: ``analyse`` in a worker process, ``store`` in the server."""

    def __init__(self, limits: Limits | None = None, size: int = 1) -> None:
        self.pool = WorkerPool(TASK, WARM_UP, limits, size)

    @property
    def limits(self) -> Limits:
        return self.pool.limits

    def prestart(self) -> None:
        self.pool.prestart()

    def close(self) -> None:
        self.pool.close()

    def analyse(self, job: UploadJob, cancel: threading.Event | None = None) -> list[Analysis]:
        analyses = self.pool.run(job, cancel)
        if not isinstance(analyses, list) or not all(isinstance(a, Analysis) for a in analyses):
            raise SaidwhatError("E_INTERNAL", "the analysis worker answered something other than analyses")
        return analyses


def store_all(store: Store, analyses: list[Analysis]) -> list[tuple[str, str]]:
    """``(status, doc_id)`` of each analysis added to ``store`` (the one write path)."""
    out: list[tuple[str, str]] = []
    for analysis in analyses:
        result = store.add(analysis)
        out.append((result.status, result.doc_id))
    return out
