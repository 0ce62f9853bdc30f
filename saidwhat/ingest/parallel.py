"""Parallel analysis for ``saidwhat ingest --workers N``: an :data:`~saidwhat.ingest.service.Analyser`
that runs the articles in ``N`` worker processes, each with the language model loaded once.

The workers are the analysis sandbox of the web server (:class:`saidwhat.sandbox.WorkerPool`),
forked from a warm fork server (``preload=True``): spaCy is loaded and every stage run on a short
text once, in the fork server (:func:`warm_up`), and the workers share those pages; each limits its
own address space (``Settings.analysis_memory_mb``) and answers one job at a time. A job is one
article (:func:`run_job`), so

* an article over the time budget (``Settings.analysis_timeout``) is ``E_TIMEOUT`` — stopped inside
  the worker by the pipeline's own deadline, or, as a last resort, by killing the worker;
* an article over the memory limit is ``E_MEMORY``, a worker that dies (killed, crashed) reports
  its article as ``E_MEMORY`` (killed by SIGKILL, as the kernel's OOM killer does) or
  ``E_INTERNAL``; the pool starts a fresh worker and the batch goes on.

Results come back **in input order** (a bounded window of articles in flight, ``4 × N``), so
:func:`~saidwhat.ingest.service.store_sources` — the one write path, in the calling process and
thread — stores exactly what ``--workers 1`` stores, in the same order: the export is byte for byte
the same.

The pulling of sources (which asks the store for each text's content hash) stays in the calling
thread; only the waits for the workers run in threads. A batch with fewer than
:data:`MIN_PER_WORKER` articles to analyse per worker uses fewer workers, and one that needs a single
worker is analysed in the calling process (the fork server loads the model: about as long as
analysing 5–10 articles).
"""

from __future__ import annotations

import dataclasses
import gc
import itertools
import math
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from saidwhat.errors import SaidwhatError
from saidwhat.ingest.base import SourceDoc
from saidwhat.model import Analysis
from saidwhat.settings import Settings

TASK = "saidwhat.ingest.parallel:run_job"
WARM_UP = "saidwhat.ingest.parallel:warm_up"
# articles to analyse per worker below which fewer workers are started (see the module docstring)
MIN_PER_WORKER = 4
# seconds the pool waits beyond the per-article budget before it kills a worker: the pipeline's own
# deadline stops an article in time and keeps the worker (and its loaded model)
KILL_GRACE = 5.0

ErrorFn = Callable[[SaidwhatError], None]


def default_workers() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def warm_up() -> None:
    """Load the language model and run every stage once (in the fork server before any worker is
    forked, and in each worker before its first job: cheap once warm). Through the time-bounded path
    of the jobs, so that its once-per-process warm-up (:func:`saidwhat.bounded.warm_once`) is done."""
    from saidwhat.ingest.service import prepare
    from saidwhat.pipeline import analyze

    text = "The minister said on Monday that talks would resume.\n"
    for analysis in analyze([SourceDoc("warm-up", text, "warm-up")], timeout=600.0):
        prepare(analysis)  # the corpus stages' lexicons, loaded once (in the fork server: shared)
    gc.freeze()  # as saidwhat.bounded.warm_once does: what is loaded by now lives as long as the process


@dataclass(frozen=True, slots=True)
class ArticleJob:
    """One article to analyse in a worker, with the settings of the run."""

    source: SourceDoc
    settings: Settings


def run_job(job: ArticleJob, progress: Callable[[], None] = lambda: None) -> Analysis:
    """The worker's task: the analysis of one article with the corpus stages' parts of it
    (:func:`~saidwhat.ingest.service.prepare`; its :class:`SaidwhatError` is raised)."""
    from saidwhat.ingest.service import analyse_prepared

    del progress  # one article per job: the pool's budget is per job
    for _src, analysis in analyse_prepared([job.source], dataclasses.replace(job.settings, batch_size=1)):
        return analysis
    raise SaidwhatError("E_INTERNAL", "the analysis gave no result", job.source.source)


@dataclass(slots=True)
class PoolStats:
    """What a run of :class:`ProcessAnalyser` used: workers started, peak resident memory of each."""

    workers: int = 0
    in_process: bool = False
    restarts: int = 0
    peak_rss: dict[int, int] = field(default_factory=dict)  # pid → VmHWM in bytes
    # pid → proportional set size at the end (Pss, bytes): the pages shared with the fork server and the
    # other workers (the model) counted once in all, not once per worker as in the resident sizes
    pss: dict[int, int] = field(default_factory=dict)


def _proc_kb(pid: int, file: str, key: str) -> int | None:
    """A ``key: N kB`` line of ``/proc/<pid>/<file>`` of a live process, in bytes (None where unknown)."""
    try:
        with open(f"/proc/{pid}/{file}", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(key):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        return None
    return None


def _peak_rss(pid: int) -> int | None:
    """The peak resident set size (``VmHWM``) of a live process, in bytes (None where unknown)."""
    return _proc_kb(pid, "status", "VmHWM:")


class ProcessAnalyser:
    """An :data:`~saidwhat.ingest.service.Analyser` over ``workers`` processes (see the module docstring).

    Each call starts its workers and stops them before it returns; :attr:`stats` tells what the
    last call used."""

    def __init__(
        self, workers: int, *, min_per_worker: int = MIN_PER_WORKER, task: str = TASK, warmup: str = WARM_UP
    ) -> None:
        if workers < 1:
            raise SaidwhatError("E_BAD_REQUEST", f"--workers must be 1 or more, not {workers}")
        self.workers = workers
        self.task, self.warmup = task, warmup  # "module:function" (a test may wrap run_job)
        self.min_per_worker = max(1, min_per_worker)
        self.stats = PoolStats()

    def __call__(
        self, sources: Iterable[SourceDoc], settings: Settings, on_error: ErrorFn | None = None
    ) -> Iterator[tuple[SourceDoc, Analysis]]:
        from saidwhat.ingest.service import analyse_prepared

        todo = iter(sources)
        head = list(itertools.islice(todo, self.workers * self.min_per_worker))
        size = min(self.workers, math.ceil(len(head) / self.min_per_worker))
        self.stats = PoolStats(workers=size, in_process=size <= 1)
        if size <= 1:
            yield from analyse_prepared(itertools.chain(head, todo), settings, on_error)
            return
        yield from self._parallel(itertools.chain(head, todo), settings, on_error, size)

    def _parallel(
        self, sources: Iterator[SourceDoc], settings: Settings, on_error: ErrorFn | None, size: int
    ) -> Iterator[tuple[SourceDoc, Analysis]]:
        from saidwhat.sandbox import Limits, WorkerPool

        timeout = settings.analysis_timeout
        limits = Limits(
            timeout=timeout + max(KILL_GRACE, timeout / 10) if timeout else math.inf,
            memory_mb=settings.analysis_memory_mb,
        )
        pool = WorkerPool(self.task, self.warmup, limits, size=size, max_waiting=size, preload=True)
        pool.prestart()
        window: deque[tuple[SourceDoc, Future[Analysis]]] = deque()
        threads = ThreadPoolExecutor(max_workers=size, thread_name_prefix="saidwhat-ingest")
        try:
            for src in sources:
                window.append((src, threads.submit(pool.run, ArticleJob(src, settings))))
                if len(window) >= 4 * size:
                    yield from self._deliver(window.popleft(), on_error)
            while window:
                yield from self._deliver(window.popleft(), on_error)
        finally:
            for _src, fut in window:
                fut.cancel()
            self.stats.restarts = pool.restarts
            for pid in pool.pids():
                peak, pss = _peak_rss(pid), _proc_kb(pid, "smaps_rollup", "Pss:")
                if peak is not None:
                    self.stats.peak_rss[pid] = peak
                if pss is not None:
                    self.stats.pss[pid] = pss
            pool.close(wait=True)
            threads.shutdown(wait=True, cancel_futures=True)

    @staticmethod
    def _deliver(
        item: tuple[SourceDoc, Future[Analysis]], on_error: ErrorFn | None
    ) -> Iterator[tuple[SourceDoc, Analysis]]:
        src, fut = item
        try:
            analysis = fut.result()
        except SaidwhatError as exc:
            err = SaidwhatError(exc.code, exc.message, exc.source or src.source, exc.line)
            if on_error is None:
                raise err from None
            on_error(err)
            return
        if not isinstance(analysis, Analysis) or analysis.doc.source != src.source:
            raise SaidwhatError("E_INTERNAL", "an analysis worker answered for another article", src.source)
        yield src, analysis
