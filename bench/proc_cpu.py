"""CPU seconds of every process a command starts, by kind (issue 20: where Ray's extra CPU goes).

    .venv/bin/python bench/proc_cpu.py [--interval 0.1] [--json out.json] [--verbose] -- COMMAND ...

Runs COMMAND as a child subreaper (``PR_SET_CHILD_SUBREAPER``: what its daemons leave behind comes
back to this process, which waits until every descendant is gone) and samples the own CPU time
(user + system) of each descendant from ``/proc`` every ``--interval`` seconds, grouped by kind: the
command itself (the driver), Ray's GCS, raylet, dashboard (API server), dashboard and runtime-env
agents, log monitor, autoscaler monitor, actors, idle workers; the fork server and its workers of
``--workers``. The CPU a process spends after its last sample is missed (at most ``--interval``
seconds of each). ``reaped``: ``RUSAGE_CHILDREN``, which counts only the processes whose every
ancestor up to this one waited for them (not Ray's workers): for comparison only. ``--verbose``
also lists each process and its threads' CPU by thread name. Linux only.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import resource
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

PR_SET_CHILD_SUBREAPER = 36
TICK = os.sysconf("SC_CLK_TCK")
KINDS = (
    ("gcs_server", "gcs_server"),
    ("/raylet", "raylet"),
    ("dashboard/agent.py", "dashboard agent"),
    ("ray::DashboardAgent", "dashboard agent"),
    ("ray::RuntimeEnvAgent", "runtime-env agent"),
    ("runtime_env/agent", "runtime-env agent"),
    ("log_monitor", "log monitor"),
    ("dashboard/dashboard.py", "dashboard"),
    ("autoscaler/_private/monitor.py", "autoscaler monitor"),
    ("ray::IDLE", "idle Ray worker"),
    ("ray::", "actor"),
    ("default_worker.py", "idle Ray worker"),
    ("forkserver", "fork server + workers"),
)


def _stat(pid: int) -> tuple[int, float, int] | None:
    """(parent pid, own user+system CPU seconds, threads) of a live process."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            fields = fh.read().rpartition(")")[2].split()
    except OSError:
        return None
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK, int(fields[17])


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return fh.read().replace(b"\0", b" ").decode(errors="replace").strip()
    except OSError:
        return ""


def _threads(pid: int) -> dict[str, float]:
    """CPU seconds of a live process's threads, by thread name (threads of one name added)."""
    out: dict[str, float] = defaultdict(float)
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat", encoding="ascii", errors="replace") as fh:
                head, _, rest = fh.read().rpartition(")")
        except OSError:
            continue
        fields = rest.split()
        out[head.partition("(")[2]] += (int(fields[11]) + int(fields[12])) / TICK
    return out


def kind_of(cmd: str, pid: int, root: int) -> str:
    if pid == root:
        return "command (driver)"
    for mark, kind in KINDS:
        if mark in cmd:
            return kind
    return "other: " + " ".join(cmd.split()[:2])[:60]


@dataclass
class Seen:
    """What the samples saw of one process."""

    kind: str
    first: float  # seconds after the start when first seen
    cmd: str = ""
    cpu: float = 0.0  # own user + system CPU seconds, at the last sample
    threads: int = 0  # the most threads at any sample
    per_thread: dict[str, float] = field(default_factory=dict)


def sample(me: int, root: int, now: float, seen: dict[int, Seen], by_thread: bool) -> None:
    """One look at every descendant of this process."""
    parents: dict[int, int] = {}
    stats: dict[int, tuple[float, int]] = {}
    for name in os.listdir("/proc"):
        st = _stat(int(name)) if name.isdigit() else None
        if st is not None:
            parents[int(name)], stats[int(name)] = st[0], (st[1], st[2])
    for pid, (secs, nthreads) in stats.items():
        p, hops = pid, 0
        while p not in (me, 0, 1) and hops < 50:
            p, hops = parents.get(p, 0), hops + 1
        if p != me or pid == me:
            continue
        s = seen.setdefault(pid, Seen("", now))
        s.cmd = _cmdline(pid) or s.cmd  # a zombie's is empty
        if s.kind != "actor":  # an idle worker that became an actor stays an actor
            s.kind = kind_of(s.cmd, pid, root)
        s.cpu, s.threads = max(s.cpu, secs), max(s.threads, nthreads)
        if by_thread:
            s.per_thread = _threads(pid) or s.per_thread


def reap(root: int) -> tuple[bool, int | None]:
    """Reap what came back to this process: (no child left, the command's exit code if reaped now)."""
    rc = None
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:  # no child left: the command and all it left behind are done
            return True, rc
        if pid == 0:
            return False, rc
        if pid == root:
            rc = os.waitstatus_to_exitcode(status)


def report(seen: dict[int, Seen], wall: float, rc: int | None, verbose: bool) -> dict[str, Any]:
    by_kind: dict[str, list[Seen]] = defaultdict(list)
    for s in seen.values():
        by_kind[s.kind].append(s)
    total = sum(s.cpu for s in seen.values())
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        f"exit {rc}; wall {wall:.1f} s; CPU of all processes {total:.2f} s "
        f"(reaped by this process: {usage.ru_utime + usage.ru_stime:.2f} s)"
    )
    rows: dict[str, Any] = {}
    for k, group in sorted(by_kind.items(), key=lambda kv: -sum(s.cpu for s in kv[1])):
        each = sorted(round(s.cpu, 2) for s in group)
        print(
            f"  {k:<28}{sum(each):8.2f} s  n={len(group)}  each {each}  threads "
            f"{sorted(s.threads for s in group)}  first seen {min(s.first for s in group):.1f} s"
        )
        rows[k] = {"cpu_s": sum(s.cpu for s in group), "n": len(group), "each": each}
    for pid, s in sorted(seen.items(), key=lambda kv: kv[1].first) if verbose else []:
        print(f"    {pid:>7} {s.first:6.1f} s {s.cpu:7.2f} s  {s.kind:<20} {s.cmd[:120]}")
        top = sorted(s.per_thread.items(), key=lambda kv: -kv[1])[:8]
        if top:
            print("            threads: " + ", ".join(f"{n} {v:.2f}" for n, v in top if v > 0))
    return {"wall_s": wall, "cpu_s": total, "kinds": rows, "rc": rc}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--interval", type=float, default=0.1)
    ap.add_argument("--json", help="write the breakdown here")
    ap.add_argument("--verbose", action="store_true", help="each process, and its threads' CPU by name")
    ap.add_argument("command", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    cmd = args.command[1:] if args.command[:1] == ["--"] else args.command
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise SystemExit("prctl(PR_SET_CHILD_SUBREAPER) failed")
    started = time.perf_counter()
    root = subprocess.Popen(cmd).pid
    seen: dict[int, Seen] = {}
    rc: int | None = None
    while True:
        sample(os.getpid(), root, time.perf_counter() - started, seen, args.verbose)
        done, code = reap(root)
        rc = code if code is not None else rc
        if done:
            break
        time.sleep(args.interval)
    out = report(seen, time.perf_counter() - started, rc, args.verbose)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(out, fh, indent=2)
    sys.exit(rc or 0)


if __name__ == "__main__":
    main()
