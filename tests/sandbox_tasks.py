"""Small tasks for the sandbox tests (run inside worker processes; no language model needed)."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable
from typing import Any

from saidwhat.errors import SaidwhatError

_kept: list[bytearray] = []


def run(payload: tuple[str, Any], progress: Callable[[], None]) -> Any:
    """``(action, argument)``: echo, sleep, items, hog, keep, fail, crash, die, pid."""
    action, arg = payload
    if action == "echo":
        return arg
    if action == "pid":
        return os.getpid()
    if action == "sleep":
        time.sleep(arg)
        return "slept"
    if action == "items":  # arg = (n, seconds each): the budget is per item
        n, each = arg
        for _ in range(n):
            time.sleep(each)
            progress()
        return n
    if action == "hog":  # allocate arg MB at once
        block = bytearray(arg * 2**20)
        return len(block)
    if action == "keep":  # allocate arg MB and keep it (a leak the pool must not keep serving with)
        block = bytearray(arg * 2**20)
        block[::4096] = b"x" * len(block[::4096])  # touch every page: resident, not just reserved
        _kept.append(block)
        return os.getpid()
    if action == "fail":
        raise SaidwhatError("E_EMPTY", "nothing in it", "x.txt")
    if action == "crash":
        raise ValueError("a bug")
    if action == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    raise AssertionError(action)


def warm() -> None:
    time.sleep(0.1)


def broken_warm() -> None:
    raise RuntimeError("no model")


KILL_MARK = "KILL-THE-WORKER"


def ingest_or_die(job: Any, progress: Callable[[], None]) -> Any:
    """The ingest workers' task (:func:`saidwhat.ingest.parallel.run_job`), except that an article
    holding :data:`KILL_MARK` kills its worker (SIGKILL), as the kernel's OOM killer or a user would."""
    from saidwhat.ingest.parallel import run_job

    if KILL_MARK in job.source.text:
        os.kill(os.getpid(), signal.SIGKILL)
    return run_job(job, progress)


def ingest_or_die_once(job: Any) -> Any:
    """For the Ray actors: an article holding :data:`KILL_MARK` kills its worker every time; one
    holding ``DIE-ONCE:<path>`` kills it the first time only (the file ``<path>`` remembers it)."""
    from saidwhat.ingest.parallel import run_job

    text = job.source.text
    if KILL_MARK in text:
        os.kill(os.getpid(), signal.SIGKILL)
    if "DIE-ONCE:" in text:
        mark = text.split("DIE-ONCE:", 1)[1].split()[0]
        try:
            with open(mark, "x", encoding="utf-8"):
                pass
        except FileExistsError:
            return run_job(job)
        os.kill(os.getpid(), signal.SIGKILL)
    return run_job(job)


HANG_MARK = "HANG-THE-WORKER"


def ingest_or_hang(job: Any) -> Any:
    """For the Ray actors: an article holding :data:`HANG_MARK` blocks its actor (a sleep the
    pipeline's own deadline cannot stop), so the pool has to kill the actor when its budget is over."""
    from saidwhat.ingest.parallel import run_job

    if HANG_MARK in job.source.text:
        time.sleep(600)
    return run_job(job)
