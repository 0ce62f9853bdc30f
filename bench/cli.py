"""Command-line benchmark: first ingest vs re-ingest of unchanged inputs, and start-up of the readers.

    .venv/bin/python bench/cli.py [--runs 5]

Every number is the wall time of a real ``python -m saidwhat ...`` subprocess (interpreter start,
imports, work), the median of ``--runs`` runs:

* ``ingest`` of the sample articles (``../shared/samples``, or ``examples/`` without it) into a new
  store (analysis: spaCy and the model are loaded), then ``ingest`` of the same, unchanged inputs
  (a content-hash look-up: nothing is analysed). Target: re-ingest <= 0.2 x the first ingest.
* start-up of ``--version``, ``statements``, ``search``, ``export`` and ``entities`` on that store
  (none of them loads spaCy: ``tests/test_cli_imports.py``);
* warm ``make run`` (issue 21): the target's three commands on that store, which already holds the
  inputs (``ingest`` of the unchanged inputs, ``summary``, ``serve``), from the start of the first
  to the server's first answer of ``GET /``; wall and CPU seconds (the CPU of the first two
  commands and of the server up to its answer). Target: < 2 s.

Writes ``bench/out/cli.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
SAMPLES = ROOT.parent / "shared" / "samples"
TARGET_RATIO = 0.2
TARGET_MAKE_RUN = 2.0


def _env() -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("SAIDWHAT_DB", None)
    return env


def run(*args: str) -> float:
    """Seconds one ``saidwhat`` command takes (it must succeed)."""
    env = _env()
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "saidwhat", *args], capture_output=True, text=True, env=env)
    took = time.perf_counter() - t0
    if r.returncode != 0:
        sys.exit(f"saidwhat {' '.join(args)} failed:\n{r.stderr}")
    return took


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _cpu_of(pid: int) -> float:
    """User + system CPU seconds of a running process (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def make_run_warm(source: Path, db: str) -> tuple[float, float]:
    """Wall and CPU seconds of ``make run`` on a store that holds ``source`` already: ``ingest``
    (unchanged: a hash look-up), ``summary``, then ``serve`` until it answers ``GET /``."""
    env = _env()
    cmd = [sys.executable, "-m", "saidwhat"]
    port = _free_port()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    for args in (("ingest", str(source), "--db", db), ("summary", "--db", db)):
        subprocess.run([*cmd, *args], capture_output=True, env=env, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    server = subprocess.Popen(
        [*cmd, "serve", "--db", db, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    try:
        while True:
            if server.poll() is not None:
                sys.exit(f"saidwhat serve exited with {server.returncode}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as resp:
                    if resp.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.02)
        wall = time.perf_counter() - t0
        cpu += _cpu_of(server.pid)  # the server's CPU up to its answer
    finally:
        server.terminate()
        server.wait(timeout=60)
    return wall, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    source = SAMPLES if SAMPLES.is_dir() else ROOT / "examples"
    first: list[float] = []
    warm: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.runs):
            db = str(Path(tmp) / f"s{i}.db")
            first.append(run("ingest", str(source), "--db", db, "-q"))
            warm.append(run("ingest", str(source), "--db", db, "-q"))
        db = str(Path(tmp) / "s0.db")
        readers = {
            "--version": ("--version",),
            "statements": ("statements", "--db", db),
            "search": ("search", "said", "--db", db),
            "export": ("export", "--db", db),
            "entities": ("entities", "--db", db),
        }
        startup = {name: statistics.median(run(*a) for _ in range(args.runs)) for name, a in readers.items()}
        make_runs = [make_run_warm(source, db) for _ in range(args.runs)]
    f, w = statistics.median(first), statistics.median(warm)
    mr_wall = statistics.median(m[0] for m in make_runs)
    mr_cpu = statistics.median(m[1] for m in make_runs)
    ratio = w / f
    rows = [("ingest (first)", f), ("ingest (unchanged)", w)] + [(k, v) for k, v in startup.items()]
    print(f"inputs: {source}  ({args.runs} runs, median wall seconds)")
    print(f"{'command':<22}{'seconds':>9}")
    for name, sec in rows:
        print(f"{name:<22}{sec:>9.3f}")
    verdict = "ok" if ratio <= TARGET_RATIO else "MISSED"
    print(f"re-ingest / first ingest = {ratio:.3f} (target <= {TARGET_RATIO}: {verdict})")
    load = os.getloadavg()[0]
    mr_verdict = "ok" if mr_wall < TARGET_MAKE_RUN else "MISSED"
    print(
        f"make run (warm) until the server answers: {mr_wall:.3f} s wall, {mr_cpu:.3f} s CPU"
        f" (target < {TARGET_MAKE_RUN:g} s: {mr_verdict}; load average {load:.1f})"
    )
    OUT.mkdir(parents=True, exist_ok=True)
    result = {
        "inputs": str(source),
        "runs": args.runs,
        "ingest_first_s": f,
        "ingest_unchanged_s": w,
        "ratio": ratio,
        "target_ratio": TARGET_RATIO,
        "startup_s": startup,
        "make_run_warm_s": mr_wall,
        "make_run_warm_cpu_s": mr_cpu,
        "target_make_run_s": TARGET_MAKE_RUN,
        "load_avg_1min": load,
    }
    (OUT / "cli.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
