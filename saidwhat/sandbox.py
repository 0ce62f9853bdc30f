"""Run work in a long-lived worker process that can be killed: time and memory bounds (issue 14).

A :class:`WorkerPool` keeps ``size`` worker processes (``python -m saidwhat.sandbox``). Each worker
imports a *task* (``"module:function"``), runs an optional *warm-up* once (loading spaCy takes
seconds; a warm worker answers at once), then limits its own address space (``RLIMIT_AS``: what it
uses after the warm-up plus :attr:`Limits.memory_mb`) and serves jobs one at a time over a pipe:
``task(payload, progress)`` returns a picklable value; ``progress()`` tells the pool one more item
(article) is done, which restarts the per-item time budget.

The pool, in the calling thread, waits for the answer and

- kills the worker when an item takes longer than :attr:`Limits.timeout` seconds → ``E_TIMEOUT``;
- kills it when the caller's ``cancel`` event is set (the client went away) → ``E_UNAVAILABLE``;
- reports ``E_MEMORY`` when the task ran out of its memory (the worker then exits);
- restarts a worker that was killed, died, or holds more than :attr:`Limits.recycle_mb` over its
  warmed-up size after a job (so the server does not keep the memory of one large article);
- kills every worker at once on :meth:`WorkerPool.close` (server shutdown) → ``E_UNAVAILABLE``.

:class:`saidwhat.errors.SaidwhatError` raised by the task reaches the caller unchanged; any other
exception in the task is logged by the worker (stderr) and reported as ``E_INTERNAL``.
Workers exit when the parent process is gone (a watch thread) or closes their input pipe.

With ``preload=True`` (``saidwhat ingest --workers N``) the workers are not started as fresh
interpreters but forked from one warm process: multiprocessing's *fork server*, which imports the
task and runs the warm-up once (:mod:`saidwhat.sandbox_preload`, then ``gc.freeze()``). The model is
loaded once instead of once per worker, a worker (or its replacement after a kill) is ready in
milliseconds, and the workers share the model's pages copy-on-write. The fork server is a fresh
single-threaded interpreter (no thread of this process is forked); each forked worker still runs the
warm-up (cheap once warm), limits its own address space, starts its own session, and exits when the
pool's process is gone (its input pipe hangs up). Everything above holds for both kinds of worker.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import logging
import math
import multiprocessing
import multiprocessing.connection
import multiprocessing.forkserver
import os
import pickle
import queue
import resource
import select
import selectors
import signal
import struct
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from saidwhat.errors import SaidwhatError

if TYPE_CHECKING:
    from saidwhat.settings import Settings

log = logging.getLogger("saidwhat.sandbox")

_HEADER = struct.Struct(">Q")
_POLL = 0.05  # seconds between checks of the deadline and the cancel event while waiting
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
# one thread per library in a worker: a predictable address space and no oversubscription of the cores
WORKER_ENV = {
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "MALLOC_ARENA_MAX": "2",
}
PRELOAD_ENV = "SAIDWHAT_SANDBOX_PRELOAD"  # what the fork server preloads (saidwhat.sandbox_preload)


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds for one job of a :class:`WorkerPool`.

    ``timeout``: seconds per item (article) of a job (default 60); ``memory_mb``: address space a
    worker may add to its warmed-up size (default 4096; 0: no limit); ``recycle_mb``: a worker whose
    resident memory has grown by more than this after a job is restarted (default 512);
    ``start_timeout``: seconds a new worker may take to warm up (default 120). The server's come
    from its :class:`~saidwhat.settings.Settings` (:meth:`from_settings`).
    """

    timeout: float = 60.0
    memory_mb: int = 4096
    recycle_mb: int = 512
    start_timeout: float = 120.0

    @classmethod
    def from_settings(cls, settings: Settings) -> Limits:
        """``analysis_timeout`` and ``analysis_memory_mb`` of ``settings`` (``SAIDWHAT_ANALYSIS_*``)."""
        timeout = settings.analysis_timeout or math.inf  # 0: no time limit
        return cls(timeout=timeout, memory_mb=settings.analysis_memory_mb)

    def __post_init__(self) -> None:
        if not self.timeout > 0:  # math.inf: no time limit
            raise SaidwhatError(
                "E_BAD_REQUEST", f"the analysis timeout must be a positive number, not {self.timeout}"
            )
        if self.memory_mb < 0 or self.recycle_mb < 0:
            raise SaidwhatError("E_BAD_REQUEST", "memory limits must not be negative")


# -- framing -------------------------------------------------------------------------------------------


def _send(out: IO[bytes], message: object) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(_HEADER.pack(len(data)) + data)
    out.flush()


class _Died(Exception):
    """The worker's pipe closed: it exited or was killed."""


class _Expired(Exception):
    """The deadline passed or the cancel event was set while waiting."""

    def __init__(self, why: str) -> None:
        super().__init__(why)
        self.why = why


class _Reader:
    """Reads framed messages from a worker's stdout without blocking past a deadline or a cancel event."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.buf = bytearray()
        self.sel = selectors.DefaultSelector()
        self.sel.register(fd, selectors.EVENT_READ)

    def close(self) -> None:
        self.sel.close()

    def _fill(self, n: int, deadline: float, cancel: threading.Event | None, stop: threading.Event) -> None:
        while len(self.buf) < n:
            if stop.is_set():
                raise _Died()
            if cancel is not None and cancel.is_set():
                raise _Expired("cancelled")
            left = deadline - time.monotonic()
            if left <= 0:
                raise _Expired("timeout")
            if not self.sel.select(min(left, _POLL)):
                continue
            chunk = os.read(self.fd, max(65536, n - len(self.buf)))
            if not chunk:
                raise _Died()
            self.buf += chunk

    def read(self, deadline: float, cancel: threading.Event | None, stop: threading.Event) -> Any:
        self._fill(_HEADER.size, deadline, cancel, stop)
        (size,) = _HEADER.unpack(self.buf[: _HEADER.size])
        self._fill(_HEADER.size + size, deadline, cancel, stop)
        data = bytes(self.buf[_HEADER.size : _HEADER.size + size])
        del self.buf[: _HEADER.size + size]
        return pickle.loads(data)  # from our own worker process


# -- workers forked from a warm process (preload=True) ------------------------------------------------


@contextlib.contextmanager
def _environ(extra: dict[str, str]) -> Iterator[None]:
    """``extra`` in ``os.environ`` within the block (what a process started in it inherits)."""
    saved = {k: os.environ.get(k) for k in extra}
    os.environ.update(extra)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _import_path_env() -> dict[str, str]:
    """The environment that gives a worker's interpreter this process's import path. A worker is
    started as ``python -m saidwhat.sandbox`` and the fork server as ``python -c``: both put the
    working directory first on ``sys.path`` (and Python 3.11's fork server does not apply the
    ``sys_path`` it is given), so a ``saidwhat`` directory in the working directory (another checkout)
    would be what the worker runs. So they get ``sys.path`` as ``PYTHONPATH`` (the working directory in
    it only where it is in ours) and ``PYTHONSAFEPATH`` (nothing put before it)."""
    paths = [os.path.abspath(p) if p else os.getcwd() for p in sys.path]
    return {"PYTHONSAFEPATH": "1", "PYTHONPATH": os.pathsep.join(dict.fromkeys(paths))}


class _Forked:
    """A worker forked by multiprocessing's fork server, behind the part of :class:`subprocess.Popen`
    that :class:`Worker` uses (``pid``, ``stdin``, ``stdout``, ``poll``, ``kill``, ``wait``).

    The fork server is one per process (multiprocessing's): started by the first pool with
    ``preload=True`` (its warm-up then runs in it, :mod:`saidwhat.sandbox_preload`), stopped when the
    last such pool is closed with ``wait`` (so its memory goes, and its CPU time and that of the
    workers it reaped count in this process's ``RUSAGE_CHILDREN``)."""

    _server_lock = threading.Lock()
    _users = 0

    def __init__(
        self, process: multiprocessing.process.BaseProcess, stdin: IO[bytes], stdout: IO[bytes]
    ) -> None:
        self.process = process
        self.pid = process.pid
        self.stdin, self.stdout = stdin, stdout
        self._lock = threading.RLock()  # the exit status is read once from the fork server's pipe

    @classmethod
    def acquire(cls) -> None:
        with cls._server_lock:
            cls._users += 1

    @classmethod
    def release(cls) -> None:
        with cls._server_lock:
            cls._users = max(0, cls._users - 1)
            stop = getattr(multiprocessing.forkserver._forkserver, "_stop", None)
            if cls._users == 0 and stop is not None:
                stop()

    @classmethod
    def start(cls, config: str, task: str, warmup: str | None) -> _Forked:
        with cls._server_lock:
            # the fork server inherits the environment of this moment: the workers' thread limits and
            # what to preload; it is a fresh interpreter, single-threaded when it forks
            extra = {k: v for k, v in WORKER_ENV.items() if k not in os.environ}
            extra[PRELOAD_ENV] = json.dumps({"task": task, "warmup": warmup})
            extra.update(_import_path_env())
            multiprocessing.set_forkserver_preload(["__main__", "saidwhat.sandbox_preload"])
            with _environ(extra):
                multiprocessing.forkserver.ensure_running()
        job_r, job_w = os.pipe()
        answer_r, answer_w = os.pipe()
        child_in = multiprocessing.connection.Connection(job_r, writable=False)
        child_out = multiprocessing.connection.Connection(answer_w, readable=False)
        ctx = multiprocessing.get_context("forkserver")
        process = ctx.Process(
            target=forked_main, args=(config, child_in, child_out), name="saidwhat-sandbox", daemon=True
        )
        try:
            process.start()
        except BaseException:
            os.close(job_w)
            os.close(answer_r)
            raise
        finally:
            child_in.close()
            child_out.close()
        return cls(process, os.fdopen(job_w, "wb"), os.fdopen(answer_r, "rb"))

    def poll(self) -> int | None:
        with self._lock:
            return self.process.exitcode

    def kill(self) -> None:
        self.process.kill()

    def wait(self, timeout: float | None = None) -> int:
        with self._lock:
            self.process.join(timeout)
            code = self.process.exitcode
        if code is None:
            raise subprocess.TimeoutExpired("saidwhat-sandbox", timeout or 0.0)
        return code


# -- the parent's side ---------------------------------------------------------------------------------


class Worker:
    """One worker process (see the module docstring); used by :class:`WorkerPool`, one job at a time."""

    def __init__(self, task: str, warmup: str | None, limits: Limits, preload: bool = False) -> None:
        self.task, self.warmup, self.limits = task, warmup, limits
        self.preload = preload
        self.proc: subprocess.Popen[bytes] | _Forked | None = None
        self.reader: _Reader | None = None
        self.ready: dict[str, Any] | None = None
        self.killed = threading.Event()  # set when the pool killed it on purpose
        self.started_at = 0.0

    def start(self) -> Worker:
        config = json.dumps({"task": self.task, "warmup": self.warmup, "memory_mb": self.limits.memory_mb})
        if self.preload:
            self.proc = _Forked.start(config, self.task, self.warmup)
            self.reader = _Reader(self.proc.stdout.fileno())
            self.started_at = time.monotonic()
            return self
        env = dict(os.environ)
        env.update(_import_path_env())
        for var, value in WORKER_ENV.items():
            env.setdefault(var, value)
        self.proc = subprocess.Popen(  # our own interpreter and module
            [sys.executable, "-m", "saidwhat.sandbox", config],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            start_new_session=True,  # a ^C in the terminal goes to the server, which then kills us
            close_fds=True,
        )
        assert self.proc.stdout is not None
        self.reader = _Reader(self.proc.stdout.fileno())
        self.started_at = time.monotonic()
        return self

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc is not None else None

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def kill(self) -> None:
        """Kill the process now (idempotent, safe from any thread and from a signal handler)."""
        self.killed.set()
        if self.proc is not None and self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                self.proc.kill()

    def reap(self) -> None:
        if self.proc is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(timeout=5)
            for stream in (self.proc.stdin, self.proc.stdout):
                if stream is not None:
                    with contextlib.suppress(OSError):
                        stream.close()
        if self.reader is not None:
            self.reader.close()

    def exit_note(self) -> str:
        """How the process ended (waiting a moment for it: its pipe closes just before it is reaped)."""
        code = None
        if self.proc is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                code = self.proc.wait(timeout=2)
        if code is None:
            return "still running"
        if code < 0:
            try:
                return f"killed by {signal.Signals(-code).name}"
            except ValueError:
                return f"killed by signal {-code}"
        return f"exit status {code}"


class WorkerPool:
    """Workers running ``task`` (``"module:function"``) after ``warmup``, within ``limits``.

    Thread-safe: :meth:`run` blocks the calling thread (call it from a worker thread of a server);
    :meth:`close` may be called from any thread, including a signal handler.
    """

    def __init__(
        self,
        task: str,
        warmup: str | None = None,
        limits: Limits | None = None,
        size: int = 1,
        max_waiting: int = 8,
        preload: bool = False,
    ) -> None:
        self.task, self.warmup = task, warmup
        self.preload = preload  # fork the workers from a warm fork server (see the module docstring)
        self.limits = limits or Limits()
        self.size = max(1, size)
        self._lock = threading.RLock()
        self._idle: queue.Queue[Worker | None] = queue.Queue()
        self._all: list[Worker] = []
        self._started = False
        self._holds_server = False  # counted among the fork server's users (preload)
        self.closed = threading.Event()
        self.restarts = 0  # workers replaced after a kill, a death or too much memory
        self.jobs = 0
        # jobs waiting for a worker (each holds a server thread): more are refused at once
        self.max_waiting = max_waiting
        self._waiting = 0

    # -- life cycle --

    def prestart(self) -> None:
        """Start the workers now (they warm up in the background) instead of at the first job."""
        with self._lock:
            if self._started or self.closed.is_set():
                return
            self._started = True
            if self.preload:
                _Forked.acquire()
                self._holds_server = True
            for _ in range(self.size):
                self._idle.put(self._spawn())

    def _spawn(self) -> Worker:
        w = Worker(self.task, self.warmup, self.limits, self.preload).start()
        self._all.append(w)
        return w

    def _replace(self, old: Worker) -> None:
        """Put a fresh worker in ``old``'s place (unless the pool is closed)."""
        old.kill()
        old.reap()
        with self._lock:
            if old in self._all:
                self._all.remove(old)
            if self.closed.is_set():
                self._idle.put(None)  # wakes a waiter, which then sees the pool closed
                return
            self.restarts += 1
            self._idle.put(self._spawn())

    def close(self, wait: bool = False) -> None:
        """Kill every worker now; running and later jobs fail with ``E_UNAVAILABLE``. With ``wait``,
        also reap them (so their CPU time counts in this process's ``RUSAGE_CHILDREN``)."""
        self.closed.set()
        with self._lock:
            workers = list(self._all)
        for w in workers:
            w.kill()
        if wait:
            for w in workers:
                w.reap()
        for _ in range(self.size + 1):
            self._idle.put(None)
        if wait:
            with self._lock:
                holds, self._holds_server = self._holds_server, False
            if holds:
                _Forked.release()

    def pids(self) -> list[int]:
        with self._lock:
            return [w.pid for w in self._all if w.pid is not None and w.alive()]

    # -- jobs --

    def _unavailable(self, why: str) -> SaidwhatError:
        return SaidwhatError("E_UNAVAILABLE", why)

    def _acquire(self, cancel: threading.Event | None) -> Worker:
        self.prestart()
        with self._lock:
            if self._waiting >= self.max_waiting:
                raise self._unavailable(
                    f"the server is busy: {self._waiting} articles wait to be analysed; try again later"
                )
            self._waiting += 1
        try:
            return self._wait_for_worker(cancel)
        finally:
            with self._lock:
                self._waiting -= 1

    def _wait_for_worker(self, cancel: threading.Event | None) -> Worker:
        while True:
            if self.closed.is_set():
                raise self._unavailable("the server is shutting down")
            if cancel is not None and cancel.is_set():
                raise self._unavailable("cancelled: the client went away")
            try:
                w = self._idle.get(timeout=_POLL)
            except queue.Empty:
                continue
            if w is not None:
                return w

    def run(self, payload: object, cancel: threading.Event | None = None) -> Any:
        """``task(payload, progress)`` in a worker, within the limits (see the module docstring)."""
        w = self._acquire(cancel)
        healthy = False
        try:
            outcome, healthy = self._run_on(w, payload, cancel)
        finally:
            if healthy and not self.closed.is_set():
                self._idle.put(w)
            else:
                self._replace(w)
        if isinstance(outcome, SaidwhatError):
            raise outcome
        return outcome

    def _wait_ready(self, w: Worker, cancel: threading.Event | None) -> SaidwhatError | None:
        """None once ``w`` is warm; the error to report otherwise."""
        if w.ready is not None:
            return None
        assert w.reader is not None
        deadline = w.started_at + self.limits.start_timeout
        try:
            kind, info = w.reader.read(deadline, cancel, self.closed)
        except _Expired as exc:
            if exc.why == "cancelled":
                return self._unavailable("cancelled: the client went away")
            return self._unavailable(
                f"the analysis worker did not start within {self.limits.start_timeout:g} s"
            )
        except _Died:
            return self._died(w)
        if kind != "ready":
            return self._unavailable(f"the analysis worker failed to start: {info}")
        w.ready = info
        return None

    def _run_on(self, w: Worker, payload: object, cancel: threading.Event | None) -> tuple[Any, bool]:
        """The job's value (or the error to raise) and whether the worker may serve another job."""
        not_ready = self._wait_ready(w, cancel)
        if not_ready is not None:
            # a client that left while the worker warms up leaves the worker warming for the next one
            return not_ready, bool(cancel is not None and cancel.is_set() and w.alive())
        assert (
            w.proc is not None and w.proc.stdin is not None and w.reader is not None and w.ready is not None
        )
        self.jobs += 1
        try:
            _send(w.proc.stdin, ("job", payload))
        except OSError:
            return self._died(w), False
        deadline = time.monotonic() + self.limits.timeout
        while True:
            try:
                kind, body = w.reader.read(deadline, cancel, self.closed)
            except _Expired as exc:
                w.kill()
                if exc.why == "cancelled":
                    return self._unavailable("the analysis was stopped: the client went away"), False
                message = (
                    f"the analysis took longer than {self.limits.timeout:g} s for one article and was stopped"
                )
                return SaidwhatError("E_TIMEOUT", message), False
            except _Died:
                return self._died(w), False
            if kind == "progress":
                deadline = time.monotonic() + self.limits.timeout
            elif kind == "result":
                value, rss = body
                grown = (rss - int(w.ready.get("rss", 0))) / 2**20
                return value, grown <= self.limits.recycle_mb
            elif kind == "error":
                code, message, source, line, fatal = body
                return SaidwhatError(code, message, source, line), not fatal
            else:
                return SaidwhatError("E_INTERNAL", f"the analysis failed: {body}"), False

    def _died(self, w: Worker) -> SaidwhatError:
        if self.closed.is_set() or w.killed.is_set():
            return self._unavailable("the server is shutting down: the analysis was stopped")
        note = w.exit_note()
        log.error("the analysis worker died (%s)", note)
        if note in ("killed by SIGKILL", "killed by SIGSEGV", "killed by SIGABRT", "killed by SIGBUS"):
            return SaidwhatError(
                "E_MEMORY",
                f"the analysis worker ran out of memory and was stopped ({note}); the article is too large",
            )
        return SaidwhatError("E_INTERNAL", f"the analysis worker died ({note})")


# -- the worker's side ---------------------------------------------------------------------------------


def _import(spec: str) -> Callable[..., Any]:
    module, _, name = spec.partition(":")
    fn = getattr(importlib.import_module(module), name)
    if not callable(fn):
        raise TypeError(f"{spec} is not callable")
    return fn  # type: ignore[no-any-return]


def _statm() -> tuple[int, int]:
    """(virtual size, resident size) of this process in bytes."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            vsz, rss = fh.read().split()[:2]
        return int(vsz) * PAGE, int(rss) * PAGE
    except OSError:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        return peak, peak


def _die_with_parent() -> None:
    """Exit as soon as the process that started us is gone (checked twice a second, in a thread).

    Not ``PR_SET_PDEATHSIG``: that fires when the parent *thread* ends, and servers start workers
    from short-lived threads.
    """
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _read_message(inp: IO[bytes]) -> Any:
    head = inp.read(_HEADER.size)
    if len(head) < _HEADER.size:
        return None
    (size,) = _HEADER.unpack(head)
    data = inp.read(size)
    if len(data) < size:
        return None
    return pickle.loads(data)  # from our parent process


def _exit_on_hang_up(fd: int) -> None:
    """Exit as soon as the input pipe ``fd`` hangs up: the pool's process closed it or is gone (a
    thread; a forked worker's parent is the fork server, not the pool's process)."""

    def watch() -> None:
        poller = select.poll()
        poller.register(fd, 0)  # hang-ups and errors are always reported
        while True:
            for _fd, event in poller.poll():
                if event & (select.POLLHUP | select.POLLERR | select.POLLNVAL):
                    os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def worker_main(argv: list[str]) -> int:
    """The worker process: warm up, limit memory, answer jobs until the input pipe closes."""
    _die_with_parent()
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # whatever the task prints goes to stderr, never into the answers
    return _serve(json.loads(argv[0]), sys.stdin.buffer, out)


def forked_main(
    config: str, inp: multiprocessing.connection.Connection, out: multiprocessing.connection.Connection
) -> None:
    """A worker forked by the fork server (``preload=True``): its own session, then as
    :func:`worker_main` over the two pipes it was given."""
    os.setsid()  # a ^C in the terminal goes to the pool's process, which then kills us
    inp_fd, out_fd = os.dup(inp.fileno()), os.dup(out.fileno())
    inp.close()
    out.close()
    _exit_on_hang_up(inp_fd)
    os.dup2(2, 1)
    sys.exit(_serve(json.loads(config), os.fdopen(inp_fd, "rb"), os.fdopen(out_fd, "wb")))


def _serve(config: dict[str, Any], inp: IO[bytes], out: IO[bytes]) -> int:
    """Warm up, limit memory, answer jobs read from ``inp`` on ``out`` until ``inp`` closes."""
    try:
        task = _import(config["task"])
        if config.get("warmup"):
            _import(config["warmup"])()
    except Exception as exc:  # the parent reports it
        traceback.print_exc()
        _send(out, ("failed", f"{type(exc).__name__}: {exc}"))
        return 1
    vsz, rss = _statm()
    if config.get("memory_mb"):
        limit = vsz + int(config["memory_mb"]) * 2**20
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    _send(out, ("ready", {"pid": os.getpid(), "vsz": vsz, "rss": rss}))

    def progress() -> None:
        _send(out, ("progress", None))

    while True:
        message = _read_message(inp)
        if message is None:
            return 0
        _, payload = message
        try:
            value = task(payload, progress)
        except SaidwhatError as err:
            _send(out, ("error", (err.code, err.message, err.source, err.line, False)))
            continue
        except MemoryError:
            value = None
            _send(out, ("error", ("E_MEMORY", _MEMORY_MESSAGE, None, None, True)))
            return 3  # the heap may be in pieces: the pool starts a fresh worker
        except Exception as exc:
            traceback.print_exc()
            _send(out, ("crash", f"{type(exc).__name__}: {exc}"))
            continue
        _send(out, ("result", (value, _statm()[1])))


_MEMORY_MESSAGE = "the article needs more memory to analyse than the limit allows and was stopped"


if __name__ == "__main__":
    sys.exit(worker_main(sys.argv[1:]))
