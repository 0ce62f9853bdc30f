"""The analysis sandbox (issue 14): a worker process killed on timeout, on cancel and on shutdown,
memory-limited, restarted after a kill; the server keeps running and does not keep the memory."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from saidwhat.errors import SaidwhatError
from saidwhat.sandbox import Limits, WorkerPool
from saidwhat.settings import Settings
from tests.conftest import ROOT

TASK = "tests.sandbox_tasks:run"
WARM = "tests.sandbox_tasks:warm"


# both kinds of worker: a fresh interpreter each (the web server's), forked from a warm fork server
# (``preload``: ``saidwhat ingest --workers``) — the same guarantees
KINDS = pytest.mark.parametrize("preload", [False, True], ids=["exec", "forked"])


@pytest.fixture(params=[False, True], ids=["exec", "forked"])
def pool(request: pytest.FixtureRequest) -> Iterator[WorkerPool]:
    limits = Limits(timeout=1.0, memory_mb=200, recycle_mb=100, start_timeout=60)
    p = WorkerPool(TASK, WARM, limits, preload=request.param)
    yield p
    p.close(wait=True)


def error_of(
    pool: WorkerPool, payload: tuple[str, Any], cancel: threading.Event | None = None
) -> SaidwhatError:
    with pytest.raises(SaidwhatError) as err:
        pool.run(payload, cancel)
    return err.value


def gone(pid: int, within: float = 10) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:  # a zombie awaiting its reaper is gone too
            if fh.read().rsplit(")", 1)[1].split()[0] == "Z":
                return True
        time.sleep(0.05)
    return False


def test_a_warm_worker_serves_many_jobs(pool: WorkerPool) -> None:
    pid = pool.run(("pid", None))
    assert pid != os.getpid()
    assert [pool.run(("echo", i)) for i in range(5)] == list(range(5))
    assert pool.run(("pid", None)) == pid and pool.restarts == 0


def test_timeout_kills_the_worker_and_a_new_one_takes_over(pool: WorkerPool) -> None:
    pid = pool.run(("pid", None))
    t0 = time.monotonic()
    err = error_of(pool, ("sleep", 60))
    assert err.code == "E_TIMEOUT" and err.status == 422 and "1 s" in err.message
    assert time.monotonic() - t0 < 15  # wide bound: the job would sleep a minute
    assert gone(pid)
    assert pool.run(("pid", None)) != pid and pool.restarts == 1


def test_the_time_budget_is_per_item(pool: WorkerPool) -> None:
    assert pool.run(("items", (4, 0.4))) == 4  # 1.6 s in all, 0.4 s per item: within a 1 s budget
    assert error_of(pool, ("items", (2, 3.0))).code == "E_TIMEOUT"


def test_memory_limit_is_a_coded_error_and_the_memory_goes_away(pool: WorkerPool) -> None:
    pid = pool.run(("pid", None))
    err = error_of(pool, ("hog", 2000))  # 2 GB against a 200 MB allowance
    assert err.code == "E_MEMORY" and err.status == 413
    assert gone(pid)  # the worker exits: whatever it held is returned to the system
    assert pool.run(("hog", 50)) == 50 * 2**20  # a job within the allowance runs on the new worker


def test_a_worker_that_grew_is_recycled(pool: WorkerPool) -> None:
    pid = pool.run(("keep", 150))  # 150 MB kept resident, over recycle_mb=100
    assert pool.run(("pid", None)) != pid
    assert gone(pid)


def test_input_errors_pass_through_and_keep_the_worker(pool: WorkerPool) -> None:
    pid = pool.run(("pid", None))
    err = error_of(pool, ("fail", None))
    assert (err.code, err.source) == ("E_EMPTY", "x.txt")
    assert pool.run(("pid", None)) == pid
    assert error_of(pool, ("crash", None)).code == "E_INTERNAL"  # a bug: reported, worker replaced
    assert pool.run(("pid", None)) != pid


def test_a_worker_killed_from_outside_is_reported_and_replaced(pool: WorkerPool) -> None:
    err = error_of(pool, ("die", None))  # what the kernel's OOM killer does
    assert err.code == "E_MEMORY"
    assert pool.run(("echo", "ok")) == "ok"


def test_cancel_kills_the_running_job(pool: WorkerPool) -> None:
    pid = pool.run(("pid", None))
    cancel = threading.Event()
    slow = WorkerPool(TASK, WARM, Limits(timeout=600), preload=pool.preload)
    try:
        slow_pid = slow.run(("pid", None))
        threading.Timer(0.5, cancel.set).start()
        t0 = time.monotonic()
        err = error_of(slow, ("sleep", 600), cancel)
        assert err.code == "E_UNAVAILABLE" and "went away" in err.message
        assert time.monotonic() - t0 < 10
        assert gone(slow_pid)
    finally:
        slow.close(wait=True)
    assert pool.run(("pid", None)) == pid  # other pools are not touched


@KINDS
def test_close_stops_a_running_job_at_once(preload: bool) -> None:
    pool = WorkerPool(TASK, WARM, Limits(timeout=600), preload=preload)
    pid = pool.run(("pid", None))
    errors: list[SaidwhatError] = []

    def job() -> None:
        try:
            pool.run(("sleep", 600))
        except SaidwhatError as e:
            errors.append(e)

    thread = threading.Thread(target=job)
    thread.start()
    time.sleep(0.5)
    t0 = time.monotonic()
    pool.close()
    thread.join(10)
    assert not thread.is_alive() and time.monotonic() - t0 < 10
    assert errors and errors[0].code == "E_UNAVAILABLE"
    assert gone(pid) and pool.pids() == []
    assert error_of(pool, ("echo", 1)).code == "E_UNAVAILABLE"
    pool.close(wait=True)


@KINDS
def test_a_worker_that_cannot_start_is_unavailable(preload: bool) -> None:
    limits = Limits(timeout=5, start_timeout=60)
    pool = WorkerPool(TASK, "tests.sandbox_tasks:broken_warm", limits, preload=preload)
    try:
        err = error_of(pool, ("echo", 1))
        assert err.code == "E_UNAVAILABLE" and "no model" in err.message
    finally:
        pool.close(wait=True)


def test_limits_are_validated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAIDWHAT_ANALYSIS_TIMEOUT", "2.5")
    monkeypatch.setenv("SAIDWHAT_ANALYSIS_MEMORY_MB", "900")
    limits = Limits.from_settings(Settings())
    assert (limits.timeout, limits.memory_mb) == (2.5, 900)
    assert (Limits().timeout, Limits().memory_mb) == (60.0, 4096)  # the environment reaches Settings only
    monkeypatch.setenv("SAIDWHAT_ANALYSIS_TIMEOUT", "0")  # 0: no time limit
    assert Limits.from_settings(Settings()).timeout == float("inf")
    for name, bad in (("SAIDWHAT_ANALYSIS_TIMEOUT", "lots"), ("SAIDWHAT_ANALYSIS_MEMORY_MB", "-1")):
        monkeypatch.setenv(name, bad)
        with pytest.raises(SaidwhatError) as exc:
            Settings()
        assert exc.value.code == "E_SETTINGS" and exc.value.source == name
        monkeypatch.delenv(name)
    for bad in ({"timeout": 0.0}, {"timeout": float("nan")}, {"memory_mb": -1}):
        with pytest.raises(SaidwhatError):
            Limits(**bad)  # type: ignore[arg-type]


def test_too_many_waiting_jobs_are_refused_at_once() -> None:
    pool = WorkerPool(TASK, WARM, Limits(timeout=600), max_waiting=2)
    try:
        pool.run(("echo", 0))
        threads = [threading.Thread(target=lambda: pool.run(("sleep", 3)), daemon=True) for _ in range(3)]
        for t in threads:
            t.start()
            time.sleep(0.3)  # one runs, two wait
        t0 = time.monotonic()
        err = error_of(pool, ("echo", 1))
        assert err.code == "E_UNAVAILABLE" and "busy" in err.message and time.monotonic() - t0 < 1
        for t in threads:
            t.join(30)
        assert pool.run(("echo", 2)) == 2
    finally:
        pool.close()


def _parent_of(pid: int) -> int:
    with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
        return int(fh.read().rsplit(")", 1)[1].split()[1])


def test_forked_workers_come_from_one_warm_process_that_goes_with_the_pool() -> None:
    pool = WorkerPool(TASK, WARM, Limits(timeout=600), size=2, preload=True)
    barrier = threading.Barrier(2)

    def pid_of_a_busy_worker() -> int:
        barrier.wait()  # both jobs at once: one on each worker
        pid = pool.run(("pid", None))
        pool.run(("sleep", 0.3))
        return int(pid)

    try:
        with ThreadPoolExecutor(2) as ex:
            pids = set(ex.map(lambda _: pid_of_a_busy_worker(), range(2)))
        assert len(pids) == 2 and os.getpid() not in pids
        (server,) = {_parent_of(p) for p in pids}  # the fork server, a child of this process
        assert server != os.getpid() and _parent_of(server) == os.getpid()
    finally:
        pool.close(wait=True)
    assert all(gone(p) for p in pids) and gone(server)  # the fork server is stopped with the last pool


def test_a_forked_worker_exits_when_the_pool_process_is_killed(tmp_path: Path) -> None:
    script = tmp_path / "owner.py"
    script.write_text(
        textwrap.dedent(
            f"""
            import sys, threading, time
            sys.path.insert(0, {str(ROOT)!r})
            from saidwhat.sandbox import Limits, WorkerPool

            if __name__ == "__main__":
                pool = WorkerPool({TASK!r}, {WARM!r}, Limits(timeout=600), preload=True)
                print(pool.run(("pid", None)), flush=True)
                threading.Thread(target=pool.run, args=(("sleep", 600),), daemon=True).start()
                time.sleep(600)
            """
        ),
        encoding="utf-8",
    )
    owner = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    try:
        assert owner.stdout is not None
        worker = int(owner.stdout.readline())
        time.sleep(0.5)  # the worker is busy with its 600 s job
        owner.kill()  # SIGKILL: no clean-up in the pool's process
        owner.wait(10)
        assert gone(worker)
    finally:
        owner.kill()


@KINDS
def test_a_worker_imports_what_the_pool_process_imports_not_the_working_directory(
    tmp_path: Path, preload: bool
) -> None:
    # a ``saidwhat`` directory in the working directory (another checkout): the pool's process does not
    # see it (its script's folder comes first), nor may a worker (``python -m``) or the fork server
    # (``python -c``)
    work, bin_ = tmp_path / "work", tmp_path / "bin"
    (work / "saidwhat").mkdir(parents=True)
    bin_.mkdir()
    marker = tmp_path / "decoy-imported"
    (work / "saidwhat" / "__init__.py").write_text(
        f"open({str(marker)!r}, 'a').close()\nraise ImportError('the decoy saidwhat')\n", encoding="utf-8"
    )
    script = bin_ / "owner.py"
    script.write_text(
        textwrap.dedent(
            f"""
            from saidwhat.sandbox import Limits, WorkerPool

            if __name__ == "__main__":
                pool = WorkerPool({TASK!r}, {WARM!r}, Limits(timeout=600), preload={preload!r})
                try:
                    print(pool.run(("echo", 7)), flush=True)
                finally:
                    pool.close(wait=True)
            """
        ),
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, str(script)], cwd=work, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["7"]
    assert not marker.exists(), "saidwhat was imported from the working directory"
