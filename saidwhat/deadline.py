"""A per-article time budget: a cooperative deadline checked between stages and chunks, with a
hard stop (``SIGALRM``) where the platform and thread allow it.

The library facility behind ``--timeout`` / ``SAIDWHAT_ANALYSIS_TIMEOUT``: :func:`saidwhat.pipeline.analyze`
gives each article a fresh budget and reports an article over it as ``E_TIMEOUT``; the batch goes on
with the next article. A caller that runs analyses in a worker process (the web server) can use the
same :class:`Deadline` inside the worker and kill the worker from outside as a last resort.

* :meth:`Deadline.check` raises :class:`AnalysisTimeout` once the budget is spent; the pipeline calls
  it before every parse batch or chunk and between the stages after the parse.
* :meth:`Deadline.hard_stop` arms a real-time timer for the rest of the budget in the main thread
  of a POSIX process: when it fires, the Python code running at that moment (spaCy's tokenizer
  callbacks, numpy calls between the model's layers, our own stages) raises :class:`AnalysisTimeout`.
  Elsewhere (another thread, Windows) it does nothing and the cooperative checks remain.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType

from saidwhat.errors import SaidwhatError


class AnalysisTimeout(SaidwhatError):
    """The article ran over its time budget (code ``E_TIMEOUT``)."""


def timeout_error(seconds: float, stage: str, source: str | None = None) -> AnalysisTimeout:
    return AnalysisTimeout(
        "E_TIMEOUT",
        f"the analysis took longer than the time budget of {seconds:g} s (stopped during {stage})",
        source,
    )


@dataclass(slots=True)
class Deadline:
    """A time budget of ``seconds`` (``None``: no limit) from :meth:`restart` (or creation).

    ``clock`` is injectable for tests. ``checks`` counts the calls to :meth:`check` (a cheap
    operation count for tests and benchmarks)."""

    seconds: float | None
    clock: Callable[[], float] = time.monotonic
    started: float = field(default=0.0)
    checks: int = 0
    source: str | None = None
    # the stage under way (named by the last check), for the message of a hard stop
    stage: str = "the analysis"

    def __post_init__(self) -> None:
        if self.seconds is not None and self.seconds <= 0:
            self.seconds = None
        self.started = self.clock()

    @property
    def enabled(self) -> bool:
        return self.seconds is not None

    def restart(self, source: str | None = None) -> None:
        """Start the budget again (for the next article)."""
        self.started = self.clock()
        self.source = source
        self.stage = "the analysis"

    def start_item(self) -> None:
        self.restart(self.source)

    def remaining(self) -> float | None:
        if self.seconds is None:
            return None
        return self.seconds - (self.clock() - self.started)

    def expired(self) -> bool:
        left = self.remaining()
        return left is not None and left <= 0

    def check(self, stage: str) -> None:
        """Raise :class:`AnalysisTimeout` if the budget is spent; else ``stage`` (what starts now)
        is the stage a hard stop names."""
        self.checks += 1
        if self.seconds is not None and self.expired():
            raise timeout_error(self.seconds, self.stage, self.source)
        self.stage = stage

    @contextmanager
    def hard_stop(self) -> Iterator[None]:
        """Within the block, raise :class:`AnalysisTimeout` in the running code when the budget runs
        out (``SIGALRM``; main thread of a POSIX process only, else a no-op)."""
        left = self.remaining()
        usable = (
            left is not None
            and hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread()
        )
        if not usable:
            yield
            return
        seconds = self.seconds if self.seconds is not None else 0.0

        def fire(signum: int, frame: FrameType | None) -> None:
            raise timeout_error(seconds, self.stage, self.source)

        previous = signal.signal(signal.SIGALRM, fire)
        try:
            signal.setitimer(signal.ITIMER_REAL, max(left or 0.0, 0.001))
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
