"""Articles added through the web: read and analysed in the sandbox's worker, stored by the server.

:class:`AnalysisService` owns a :class:`saidwhat.sandbox.WorkerPool` whose task is :func:`run_job`
(after :func:`warm_up`: spaCy loaded once per worker). An upload goes through the one ingest
service (:mod:`saidwhat.ingest.service`) in two worker jobs:

1. :class:`ReadJob` — :func:`~saidwhat.ingest.service.read_upload` in the worker (the readers see
   hostile bytes: HTML, feeds, WARC), which hands back the :class:`SourceDoc` s;
2. :func:`~saidwhat.ingest.service.store_sources` in the server, with the sandboxed analyser of
   :meth:`AnalysisService.analyser`: the texts the store does not hold yet go to the worker as one
   :class:`AnalyseJob` (:func:`~saidwhat.ingest.service.analyse`, one article at a time), and the
   server stores the analyses it gets back and runs the corpus stages, as ``saidwhat ingest`` does.

Nothing the worker does can take the server down: an article over the time budget is
``E_TIMEOUT``, over the memory limit ``E_MEMORY``, and the worker is killed when the client goes
away or the server shuts down (``E_UNAVAILABLE``). Nothing is stored unless every article of the
upload was analysed.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from saidwhat.errors import SaidwhatError
from saidwhat.ingest.base import SourceDoc
from saidwhat.ingest.service import Analyser, Upload, analyse, read_upload, store_sources
from saidwhat.model import Analysis
from saidwhat.sandbox import Limits, WorkerPool
from saidwhat.settings import Settings
from saidwhat.store.protocol import StoreProtocol
from saidwhat.store.types import AddResult

TASK = "saidwhat.web.upload:run_job"
WARM_UP = "saidwhat.web.upload:warm_up"
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ReadJob:
    """Read one pasted text or uploaded file (worker side: :func:`read_upload`)."""

    upload: Upload
    settings: Settings


@dataclass(frozen=True, slots=True)
class AnalyseJob:
    """Analyse these articles, one at a time (worker side: :func:`analyse`)."""

    sources: tuple[SourceDoc, ...]
    settings: Settings


def warm_up() -> None:
    """Load the language model and run every stage once, so the first real article is fast."""
    from saidwhat.pipeline import analyze

    list(analyze([SourceDoc("warm-up", "The minister said on Monday that talks would resume.\n", "warm-up")]))


def run_job(job: ReadJob | AnalyseJob, progress: Callable[[], None] = lambda: None) -> list[object]:
    """The worker's task: the articles of a :class:`ReadJob`, the analyses of an :class:`AnalyseJob`.

    Raises the first input error (:class:`SaidwhatError`); calls ``progress()`` after each article
    analysed (the time budget is per article, so articles are parsed one at a time).
    """
    if isinstance(job, ReadJob):
        return list(read_upload(job.upload, job.settings))
    out: list[object] = []
    for _src, analysis in analyse(job.sources, dataclasses.replace(job.settings, batch_size=1)):
        out.append(analysis)
        progress()
    return out


class AnalysisService:
    """The server's analysis sandbox: reading and analysis in a worker process, storing in the server."""

    def __init__(self, limits: Limits | None = None, size: int = 1) -> None:
        self.pool = WorkerPool(TASK, WARM_UP, limits, size)

    @property
    def limits(self) -> Limits:
        return self.pool.limits

    def prestart(self) -> None:
        self.pool.prestart()

    def close(self) -> None:
        self.pool.close()

    def _run(self, job: ReadJob | AnalyseJob, kind: type[T], cancel: threading.Event | None) -> list[T]:
        value = self.pool.run(job, cancel)
        if not isinstance(value, list) or not all(isinstance(v, kind) for v in value):
            raise SaidwhatError(
                "E_INTERNAL", f"the analysis worker answered something other than {kind.__name__}"
            )
        return value

    def read(
        self, upload: Upload, settings: Settings, cancel: threading.Event | None = None
    ) -> list[SourceDoc]:
        """The articles of ``upload``, read in the worker (the first input error is raised)."""
        return self._run(ReadJob(upload, settings), SourceDoc, cancel)

    def analyser(self, cancel: threading.Event | None = None) -> Analyser:
        """An :data:`~saidwhat.ingest.service.Analyser` running its sources in the worker as one job."""

        def sandboxed(
            sources: Iterable[SourceDoc],
            settings: Settings,
            on_error: Callable[[SaidwhatError], None] | None = None,
        ) -> Iterator[tuple[SourceDoc, Analysis]]:
            # an upload is stored whole or not at all: an article's error (E_TIMEOUT) is raised
            del on_error
            batch = tuple(sources)
            if batch:
                analyses = self._run(AnalyseJob(batch, settings), Analysis, cancel)
                if len(analyses) != len(batch):
                    raise SaidwhatError("E_INTERNAL", "the analysis worker answered for other articles")
                yield from zip(batch, analyses, strict=True)

        return sandboxed

    def ingest(
        self,
        store: StoreProtocol,
        upload: Upload,
        settings: Settings,
        cancel: threading.Event | None = None,
    ) -> list[AddResult]:
        """Read, analyse (both in the worker) and store (here) ``upload`` through the ingest service."""
        sources = self.read(upload, settings, cancel)
        return store_sources(store, sources, settings, analyser=self.analyser(cancel)).results
