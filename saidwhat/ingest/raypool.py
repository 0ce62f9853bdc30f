"""Analysis on Ray for ``saidwhat ingest --ray`` / ``--ray-address ADDRESS`` (the ``ray`` extra).

:class:`RayAnalyser` is an :data:`~saidwhat.ingest.service.Analyser` over an actor pool: one actor
per CPU of the cluster (fewer for a small batch), each loading the language model once
(:func:`saidwhat.ingest.parallel.warm_up`) and analysing one article per call
(:func:`saidwhat.ingest.parallel.run_job`, the same call as the worker processes of ``--workers``).
Ray is a local instance started for the run (``num_cpus`` = the cores here; no dashboard, no usage
report; without the API server, the autoscaler monitor and the log monitor, which nothing here uses:
:func:`_quick_start`; shut down at the end) or the existing cluster at ``address`` (saidwhat must
be installed on its nodes). ``ray`` is imported only when a batch has something to analyse.

The calling thread pulls the sources (at most :data:`WINDOW` ``×`` actors articles not yet
delivered: answered ones wait there for the slower ones before them) and hands the results to the
writer — :func:`~saidwhat.ingest.service.store_sources`, the one write path, in the calling thread
— **in input order**, as they come back (streaming: the first article is stored while the others
are analysed). A dispatcher thread makes the pool's calls to Ray: it gives each actor one article
at a time (:data:`QUEUED_PER_ACTOR`), the next one as soon as the actor answers — not once the
writer is done with the article before and, every batch, with the corpus stages, which left the
actors idle for 3.6–6.9 s of a 20 s run (docs/scaling.md) — and takes the answers, retries and
timeouts below.

Faults: an article whose actor died (killed, crashed, out of memory, node lost) or whose call
failed unexpectedly is **retried once** on a fresh actor; failing again, it is reported —
``E_MEMORY`` (Ray's memory monitor killed it), ``E_WORKER`` (otherwise) — and the batch goes on. An
article's own error (``E_TIMEOUT`` from the pipeline's deadline, or the actor killed after
``analysis_timeout`` plus a grace) is reported at once, without a retry. Ray missing, or a cluster
that cannot be started or reached, is ``E_RAY``.
"""

from __future__ import annotations

import contextlib
import importlib
import itertools
import logging
import math
import os
import socket
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from saidwhat.errors import SaidwhatError
from saidwhat.ingest.base import SourceDoc
from saidwhat.ingest.parallel import KILL_GRACE, MIN_PER_WORKER, TASK, ArticleJob, ErrorFn, default_workers
from saidwhat.model import Analysis
from saidwhat.settings import Settings

RETRIES = 1
START_GRACE = 120.0  # seconds a new actor may take to load the model before its first budget starts
# one article at a time per actor: when an actor dies, the article it ran is known without doubt (with a
# second one queued, an innocent article was at times blamed); the idle gap is one round trip (~ms)
QUEUED_PER_ACTOR = 1
# articles pulled and not yet delivered, per actor (answered ones wait there for the slower ones before them)
WINDOW = 8
# seconds between looks at the articles pulled while an actor has none (ray.wait cannot be woken otherwise)
IDLE_POLL = 0.02
# seconds to open a TCP connection to ``--ray-address`` before Ray is asked to join it: Ray itself
# retries an address where nothing answers for minutes (seen: over 5 minutes, printing warnings)
REACH_TIMEOUT = 10.0
# seconds between two looks for the local raylet's registration while a local Ray starts (Ray's own: 1 s)
NODE_POLL = 0.05
# seconds of those looks at most (a registration takes 1–3 s); then Ray's own wait, once a second, goes on
# (a raylet that never registers is reported by Ray that much later)
NODE_WAIT = 10.0


def _import_ray() -> Any:
    try:
        import ray
    except ImportError as exc:
        raise SaidwhatError(
            "E_RAY", f"Ray is not installed ({exc}): pip install 'saidwhat[ray]'", "--ray"
        ) from None
    return ray


class Analyst:
    """The actor: the model loaded once, one article per :meth:`analyse` call.

    Answers are plain tuples (``("ok", Analysis, peak RSS in bytes, CPU seconds so far)``,
    ``("crash", text)``,
    ``("error", code, message, source, line)``) so that nothing depends on how Ray pickles exceptions."""

    def __init__(self, task: str = TASK) -> None:
        from saidwhat.ingest.parallel import warm_up

        module, _, name = task.partition(":")
        self.task = getattr(importlib.import_module(module), name)
        warm_up()

    def analyse(self, job: ArticleJob) -> tuple[Any, ...]:
        try:
            return ("ok", self.task(job), self.peak_rss(), time.process_time())
        except SaidwhatError as e:
            return ("error", e.code, e.message, e.source, e.line)
        except MemoryError:
            return ("error", "E_MEMORY", "the article needs more memory to analyse than there is", None, None)
        except Exception as e:  # a bug in the analysis: retried once, then E_WORKER
            return ("crash", f"{type(e).__name__}: {e}")

    def peak_rss(self) -> int:
        from saidwhat.ingest.parallel import _peak_rss

        return _peak_rss(os.getpid()) or 0


@dataclass(slots=True)
class RayStats:
    """What the last run used: actors, retries, actors replaced, peak resident memory per actor."""

    actors: int = 0
    retries: int = 0
    restarts: int = 0
    retried: list[str] = field(default_factory=list)  # the sources retried, in the order of their retries
    peak_rss: list[int] = field(default_factory=list)
    cpu_s: float = 0.0  # CPU time of the actors (as they last reported it), replaced ones included


@dataclass(slots=True)
class _Slot:
    """One article in flight."""

    src: SourceDoc
    job: ArticleJob
    attempt: int = 0
    ref: Any = None
    actor: int = -1
    done: bool = False
    outcome: Analysis | SaidwhatError | None = None


class _Feed:
    """What the calling thread and the dispatcher thread share (under :attr:`cond`): the articles pulled
    and not yet given to an actor, and how the dispatcher ended."""

    def __init__(self) -> None:
        self.cond = threading.Condition()
        self.pending: deque[_Slot] = deque()
        self.closing = False
        self.failure: BaseException | None = None

    def put(self, slot: _Slot) -> None:
        with self.cond:
            self.pending.append(slot)
            self.cond.notify_all()

    def wait_done(self, slot: _Slot) -> None:
        """Until ``slot`` has its outcome; what the dispatcher raised, if it failed."""
        with self.cond:
            while not slot.done and self.failure is None:
                self.cond.wait()
            if not slot.done and self.failure is not None:
                raise self.failure

    def close(self) -> None:
        with self.cond:
            self.closing = True
            self.cond.notify_all()


def _submit(pool: _Pool, slot: _Slot, by_ref: dict[Any, _Slot]) -> None:
    pool.submit(slot)
    by_ref[slot.ref] = slot


class _Pool:
    """The actors, the articles queued on each, and their time budgets (driver side)."""

    def __init__(self, ray: Any, size: int, limit: float, task: str) -> None:
        self.ray = ray
        self.remote = ray.remote(num_cpus=1, max_restarts=0)(Analyst)
        self.task = task
        self.limit = limit
        self.actors: list[Any] = []
        self.queues: list[deque[_Slot]] = []
        self.since: list[float] = []  # when the head of each queue started (or may start) running
        self.restarts = 0
        self.peaks = [0] * size  # the largest peak RSS each actor (or its replacement) reported
        self.cpu = [0.0] * size  # CPU seconds each actor last reported
        self.cpu_done = 0.0  # ... and those of the actors replaced
        for _ in range(size):
            self.actors.append(self.remote.remote(task))
            self.queues.append(deque())
            self.since.append(time.monotonic() + START_GRACE)

    def free(self) -> bool:
        return any(len(q) < QUEUED_PER_ACTOR for q in self.queues)

    def submit(self, slot: _Slot) -> None:
        i = min(range(len(self.actors)), key=lambda k: len(self.queues[k]))
        slot.actor, slot.done, slot.outcome = i, False, None
        slot.ref = self.actors[i].analyse.remote(slot.job)
        if not self.queues[i]:
            self.since[i] = max(self.since[i], time.monotonic())
        self.queues[i].append(slot)

    def refs(self) -> list[Any]:
        return [s.ref for q in self.queues for s in q]

    def finished(self, slot: _Slot) -> None:
        q = self.queues[slot.actor]
        if slot in q:
            q.remove(slot)
        # the actor answered, so its model is loaded: the next article's budget starts now, not only once
        # the start's grace is over (a hanging article was stopped up to START_GRACE late)
        self.since[slot.actor] = time.monotonic()

    def replace(self, i: int) -> list[_Slot]:
        """Kill actor ``i`` and start a fresh one; the articles queued on it (to resubmit)."""
        self.ray.kill(self.actors[i], no_restart=True)
        self.cpu_done += self.cpu[i]
        self.cpu[i] = 0.0
        self.actors[i] = self.remote.remote(self.task)
        self.restarts += 1
        orphans = list(self.queues[i])
        self.queues[i].clear()
        self.since[i] = time.monotonic() + START_GRACE
        return orphans

    def overdue(self) -> int | None:
        now = time.monotonic()
        for i, q in enumerate(self.queues):
            if q and now - self.since[i] > self.limit:
                return i
        return None

    def wait_budget(self) -> float:
        ends = [self.since[i] + self.limit for i, q in enumerate(self.queues) if q]
        left = min(ends, default=math.inf) - time.monotonic()
        return min(max(left, 0.0), 1.0)

    def close(self) -> None:
        for a in self.actors:
            self.ray.kill(a, no_restart=True)


class RayAnalyser:
    """An :data:`~saidwhat.ingest.service.Analyser` on a Ray actor pool (see the module docstring).

    ``address``: an existing cluster (None: a local Ray with ``num_cpus`` CPUs, default the cores
    here). When Ray is already initialised in this process (a test, a notebook) it is used as is and
    left running."""

    def __init__(
        self,
        address: str | None = None,
        *,
        num_cpus: int | None = None,
        retries: int = RETRIES,
        task: str = TASK,
    ) -> None:
        self.address = address
        self.task = task  # "module:function" of one ArticleJob (a test may wrap run_job)
        self.num_cpus = num_cpus or default_workers()
        self.retries = retries
        self.stats = RayStats()

    def __call__(
        self, sources: Iterable[SourceDoc], settings: Settings, on_error: ErrorFn | None = None
    ) -> Iterator[tuple[SourceDoc, Analysis]]:
        todo = iter(sources)
        first = next(todo, None)
        if first is None:  # nothing to analyse (a re-ingest of unchanged inputs): Ray is not started
            return
        ray = _import_ray()
        started = self._connect(ray)
        try:
            cpus = int(ray.cluster_resources().get("CPU", 1))
            head = [first, *itertools.islice(todo, cpus * MIN_PER_WORKER - 1)]
            size = max(1, min(cpus, math.ceil(len(head) / MIN_PER_WORKER)))
            timeout = settings.analysis_timeout
            limit = timeout + max(KILL_GRACE, timeout / 10) if timeout else math.inf
            pool = _Pool(ray, size, limit, self.task)
            self.stats = RayStats(actors=size)
            try:
                yield from self._run(pool, itertools.chain(head, todo), settings, on_error)
            finally:
                self.stats.peak_rss = [p for p in pool.peaks if p]
                self.stats.cpu_s = pool.cpu_done + sum(pool.cpu)
                self.stats.restarts = pool.restarts
                pool.close()
        finally:
            if started:
                _shutdown(ray)

    def _connect(self, ray: Any) -> bool:
        """Start or join Ray; True when this call started it (and must shut it down). A cluster
        address where nothing answers is ``E_RAY`` at once."""
        if self.address is not None:
            why = unreachable(self.address)
            if why is not None:
                raise SaidwhatError(
                    "E_RAY", f"cannot reach the Ray cluster at {self.address}: {why}", "--ray"
                )
        if ray.is_initialized():
            return False
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # no usage report over the network
        common: dict[str, Any] = {
            "include_dashboard": False,
            "log_to_driver": False,
            "logging_level": logging.WARNING,
        }
        try:
            if self.address is not None:
                ray.init(address=self.address, **common)
            else:
                # on the loopback interface only: nothing of this Ray is reachable from the network
                with _quick_start(ray):
                    ray.init(address="local", num_cpus=self.num_cpus, _node_ip_address="127.0.0.1", **common)
        except Exception as exc:
            where = self.address or "a local Ray"
            raise SaidwhatError("E_RAY", f"cannot start or reach {where}: {exc}", "--ray") from None
        return True

    def _run(
        self, pool: _Pool, sources: Iterator[SourceDoc], settings: Settings, on_error: ErrorFn | None
    ) -> Iterator[tuple[SourceDoc, Analysis]]:
        """The calling thread: pulls the sources (up to :data:`WINDOW` × actors articles not yet
        delivered), hands them to the dispatcher thread, and delivers the answers in input order."""
        feed = _Feed()
        thread = threading.Thread(
            target=self._dispatch, args=(pool, feed, settings), name="saidwhat-ray-dispatch", daemon=True
        )
        thread.start()
        window: deque[_Slot] = deque()
        more = True
        try:
            while True:
                while more and len(window) < WINDOW * len(pool.actors):
                    src = next(sources, None)  # here: pulling a source asks the store for its text's hash
                    if src is None:
                        more = False
                        break
                    window.append(_Slot(src, ArticleJob(src, settings)))
                    feed.put(window[-1])
                if not window:
                    return
                feed.wait_done(window[0])
                yield from _deliver(window.popleft(), on_error)
        finally:
            feed.close()
            thread.join()

    def _dispatch(self, pool: _Pool, feed: _Feed, settings: Settings) -> None:
        """The dispatcher thread: gives each free actor its next article, takes the answers, retries,
        times out; all the pool's calls to Ray are made here, so that an actor gets its next article
        as soon as it answers, not when the writer is done with the article before (the writer runs in
        the calling thread, between two deliveries)."""
        by_ref: dict[Any, _Slot] = {}
        try:
            while True:
                with feed.cond:
                    if feed.closing:
                        return
                    while feed.pending and pool.free():
                        _submit(pool, feed.pending.popleft(), by_ref)
                    refs = pool.refs()
                    if not refs:  # nothing in flight: wait for the calling thread's next article
                        feed.cond.wait(1.0)
                        continue
                    # an actor without an article (none pulled yet): look again soon
                    timeout = min(pool.wait_budget(), IDLE_POLL) if pool.free() else pool.wait_budget()
                ready, _ = pool.ray.wait(refs, num_returns=1, timeout=timeout)
                with feed.cond:
                    self._answers(pool, ready, by_ref, settings)
                    feed.cond.notify_all()
        except BaseException as exc:  # Ray failed under us: the calling thread raises it
            with feed.cond:
                feed.failure = exc
                feed.cond.notify_all()

    def _answers(self, pool: _Pool, ready: list[Any], by_ref: dict[Any, _Slot], settings: Settings) -> None:
        """Take the answers in ``ready``, then stop an actor over its budget; resubmit what needs it."""
        for ref in ready:
            slot = by_ref.pop(ref)
            if slot.ref is not ref:  # resubmitted meanwhile (its actor was replaced)
                continue
            for again in self._settle(pool, slot):
                _submit(pool, again, by_ref)
        late = pool.overdue()
        if late is not None:
            for again in self._time_out(pool, late, settings):
                _submit(pool, again, by_ref)

    def _settle(self, pool: _Pool, slot: _Slot) -> list[_Slot]:
        """Take the answer of ``slot``; the articles to (re)submit."""
        ray = pool.ray
        try:
            answer = ray.get(slot.ref)
        except ray.exceptions.RayError as exc:
            return self._actor_died(pool, slot, exc)
        pool.finished(slot)
        return self._take(pool, slot, answer)

    def _actor_died(self, pool: _Pool, slot: _Slot, exc: Exception) -> list[_Slot]:
        """``slot``'s actor died (killed, crashed, out of memory, node lost) while running the first
        article of its queue without an answer: that one is retried (once); the answers already there
        are taken; the other articles go to a fresh actor as they are."""
        ray = pool.ray
        again: list[_Slot] = []
        culprit = slot
        for queued in list(pool.queues[slot.actor]):
            try:
                answer = ray.get(queued.ref, timeout=5)
            except ray.exceptions.RayError:
                culprit = queued
                break
            pool.finished(queued)
            again += self._take(pool, queued, answer)
        orphans = [s for s in pool.replace(slot.actor) if s is not culprit]
        code = "E_MEMORY" if isinstance(exc, ray.exceptions.OutOfMemoryError) else "E_WORKER"
        why = f"the Ray worker analysing it died: {_first_line(exc)}"
        return [*again, *orphans, *self._retry(culprit, code, why)]

    def _take(self, pool: _Pool, slot: _Slot, answer: tuple[Any, ...]) -> list[_Slot]:
        """Record the actor's answer for ``slot``; the articles to (re)submit."""
        kind = answer[0]
        if kind == "ok":
            slot.done, slot.outcome = True, answer[1]
            pool.peaks[slot.actor] = max(pool.peaks[slot.actor], int(answer[2]))
            pool.cpu[slot.actor] = max(pool.cpu[slot.actor], float(answer[3]))
            return []
        if kind == "error":
            _, code, message, source, line = answer
            slot.done, slot.outcome = True, SaidwhatError(code, message, source or slot.src.source, line)
            # after a MemoryError the actor's heap may be in pieces: start a fresh one
            return pool.replace(slot.actor) if code == "E_MEMORY" else []
        return self._retry(slot, "E_WORKER", f"the analysis failed in the Ray worker: {answer[1]}")

    def _retry(self, slot: _Slot, code: str, message: str) -> list[_Slot]:
        if slot.attempt < self.retries:
            slot.attempt += 1
            self.stats.retries += 1
            self.stats.retried.append(slot.src.source)
            return [slot]
        slot.done = True
        slot.outcome = SaidwhatError(code, f"{message} (tried {slot.attempt + 1} times)", slot.src.source)
        return []

    def _time_out(self, pool: _Pool, i: int, settings: Settings) -> list[_Slot]:
        """Actor ``i`` ran over the article's budget: kill it; the article is E_TIMEOUT, the others queued on
        it are resubmitted."""
        late, *others = pool.queues[i]
        pool.replace(i)
        late.done = True
        late.outcome = SaidwhatError(
            "E_TIMEOUT",
            f"the analysis took longer than the time budget of {settings.analysis_timeout:g} s "
            "and its Ray worker was stopped",
            late.src.source,
        )
        return others


@contextlib.contextmanager
def _quick_start(ray: Any) -> Iterator[None]:
    """Within: ``ray.init`` starts a local Ray sooner, by three changes to Ray's own start (Ray 2.60;
    docs/scaling.md). Where Ray's internals are not as expected (another version), Ray starts as it
    does by itself.

    - **No API server** (the ``dashboard`` process), while usage stats are off
      (``RAY_USAGE_STATS_ENABLED=0``, as saidwhat sets it unless told otherwise): with
      ``include_dashboard=False`` Ray still starts it to serve one module, the usage-stats report,
      and waits for it to publish its address (0.8–2 s on 2 cores) before it starts the raylet;
      nothing of a saidwhat run uses it (no dashboard, no job submission, no state API).
    - **No autoscaler monitor and no log monitor**: a single local node has nothing to scale, and
      the log monitor only forwards the workers' output to the driver, which ``log_to_driver=False``
      turns off. Both are Python processes that started with the raylet's two agents, which the
      raylet waits for: on 2 cores they slowed that start by up to a second.
    - **The raylet's registration seen within** :data:`NODE_POLL` **seconds**, not up to a second
      late: Ray asks the GCS whether the new raylet has registered once a second (its C++
      ``GetNode`` sleeps a whole second between two looks), and the raylet takes 1.5–2.5 s to
      register (it waits for its two agents, Python processes, to start). This looks every
      :data:`NODE_POLL` seconds first, then lets Ray's own call find the raylet at once."""
    private = getattr(ray, "_private", None)
    node_class: Any = getattr(getattr(private, "node", None), "Node", None)
    services: Any = getattr(private, "services", None)
    patches: list[tuple[Any, str, Any]] = []
    api_server = getattr(node_class, "start_api_server", None)
    usage_stats = os.environ.get("RAY_USAGE_STATS_ENABLED", "1").strip().lower() not in ("0", "false")
    if api_server is not None and not usage_stats:

        def start_api_server(self: Any, *_: Any, **__: Any) -> None:
            return None

        patches.append((node_class, "start_api_server", start_api_server))
    if all(hasattr(node_class, name) for name in ("start_monitor", "start_log_monitor")):

        def start_nothing(self: Any, *_: Any, **__: Any) -> None:  # any signature of another version
            return None

        patches += [
            (node_class, "start_monitor", start_nothing),
            (node_class, "start_log_monitor", start_nothing),
        ]
    get_node = getattr(services, "get_node", None)
    state_class = getattr(getattr(private, "state", None), "GlobalState", None)
    if get_node is not None and state_class is not None and hasattr(services, "_get_gcs_client_options"):

        def get_node_soon(*args: Any, **kwargs: Any) -> Any:
            # Ray 2.60 calls get_node(gcs_address, node_id)
            if len(args) == 2 and not kwargs and all(isinstance(a, str) for a in args):
                _wait_for_node(state_class, services._get_gcs_client_options(args[0]), args[1])
            return get_node(*args, **kwargs)  # another version's call: Ray's own wait

        patches.append((services, "get_node", get_node_soon))
    saved = [(owner, name, getattr(owner, name)) for owner, name, _ in patches]
    for owner, name, value in patches:
        setattr(owner, name, value)
    try:
        yield
    finally:
        for owner, name, value in saved:
            setattr(owner, name, value)


def _wait_for_node(state_class: Any, options: Any, node_id: str) -> None:
    """Until the GCS lists ``node_id`` alive (at most :data:`NODE_WAIT` seconds), looking every
    :data:`NODE_POLL` seconds; whatever fails here is left to Ray's own wait."""
    state = state_class()
    try:
        state._initialize_global_state(options)
        deadline = time.monotonic() + NODE_WAIT
        while time.monotonic() < deadline:
            if any(n.get("NodeID") == node_id and n.get("Alive") for n in state.node_table()):
                return
            time.sleep(NODE_POLL)
    except Exception:  # Ray's own get_node reports it
        return
    finally:
        with contextlib.suppress(Exception):
            state.disconnect()


def _shutdown(ray: Any) -> None:
    """``ray.shutdown()`` of the local Ray this run started, its autoscaler monitor stopped first.

    ``ray.shutdown()`` stops the GCS before the monitor, which, sent SIGTERM, then spends the whole
    second of grace Ray gives it trying to report its own end to the stopped GCS (Ray 2.60: the
    shutdown took 1.1–1.6 s, 0.08 s without the monitor; docs/scaling.md). A single local node
    started for one run has nothing to scale and the monitor no state to keep: it is killed first,
    as Ray itself kills it a second later. Where Ray's internals are not as expected, a plain
    ``ray.shutdown()``. (A local Ray started through :func:`_quick_start` has no monitor to kill:
    this is for the Ray versions where that start falls back to Ray's own.)"""
    try:
        node = ray._private.worker._global_node
        monitors = [info.process for info in node.all_processes.get("monitor", [])]
    except Exception:  # another Ray version: nothing to speed up
        monitors = []
    for proc in monitors:
        try:
            proc.kill()
            proc.wait(timeout=1.0)
        except Exception:  # gone already, or not reaped in time: Ray's shutdown deals with it
            pass
    ray.shutdown()


def unreachable(address: str, timeout: float = REACH_TIMEOUT) -> str | None:
    """Why nothing answers at a ``HOST:PORT`` Ray address (``ray://`` client addresses too), or None
    when a TCP connection opens there — or when the address is not of that form (``auto``, which
    Ray resolves itself)."""
    host, sep, port = address.removeprefix("ray://").rpartition(":")
    if not sep or not host or not port.isdigit():
        return None
    try:
        with socket.create_connection((host.strip("[]"), int(port)), timeout=timeout):
            return None
    except OSError as exc:
        return f"no connection to {host}:{port} ({exc.strerror or exc})"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _deliver(slot: _Slot, on_error: ErrorFn | None) -> Iterator[tuple[SourceDoc, Analysis]]:
    if isinstance(slot.outcome, Analysis):
        yield slot.src, slot.outcome
        return
    err = slot.outcome or SaidwhatError("E_INTERNAL", "no answer for the article", slot.src.source)
    if on_error is None:
        raise err
    on_error(err)
