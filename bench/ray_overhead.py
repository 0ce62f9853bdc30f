"""Ray's own CPU per call and per run, the analysis taken out (issue 20).

    .venv/bin/python bench/proc_cpu.py --verbose -- .venv/bin/python bench/ray_overhead.py \\
        [--jobs 600] [--sleep 0.02] [--ray-env task_events_report_interval_ms=0 ...]

``--jobs`` articles (the bench's input, repeated) through
:class:`~saidwhat.ingest.raypool.RayAnalyser` on a local Ray of 2 CPUs, as ``saidwhat ingest --ray``
starts it, with actors that analyse their first article and then, for every call, sleep ``--sleep``
seconds and return that first analysis again: what is left is Ray's own work per call (submitting,
executing, returning ~17 KB, ``ray.wait``/``ray.get`` in the dispatcher) and its daemons' over the
run. Under ``bench/proc_cpu.py --verbose`` the actors' threads are listed by name: the main thread's
CPU as ``ray::Analyst.__init__`` (``ray::Analyst.__``) is the start, the rest (``ray::Analyst``) is
the calls. ``--ray-env NAME=VALUE``: a Ray setting (``RAY_NAME`` in the environment of the local Ray,
which its daemons and workers read; an unknown name is ignored) to compare with and without.

Prints the wall time, the first answer, the mean time per answer after it (2 actors: half an actor's
cycle of sleep + overhead), the driver's CPU and the actors' as they report it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("SAIDWHAT_SHARED", ROOT.parent / "shared"))
DEFAULT_INPUT = SHARED / "timeline17" / "articles.jsonl"

_FIRST: list[Any] = []  # in an actor: the analysis of its first article


def sleep_job(job: Any) -> Any:
    """The actors' task: the first article analysed, then a sleep and that analysis for every call."""
    from saidwhat.ingest.parallel import run_job

    if not _FIRST:
        _FIRST.append(run_job(job))
    time.sleep(float(os.environ.get("SAIDWHAT_BENCH_SLEEP", "0.02")))
    return _FIRST[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jobs", type=int, default=600)
    ap.add_argument("--sleep", type=float, default=0.02)
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    ap.add_argument("--ray-env", action="append", default=[], metavar="NAME=VALUE")
    args = ap.parse_args()
    # the actors import this module as ``ray_overhead``: the local Ray's processes inherit this environment
    paths = [str(ROOT), str(ROOT / "bench"), os.environ.get("PYTHONPATH", "")]
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
    os.environ["SAIDWHAT_BENCH_SLEEP"] = str(args.sleep)
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    for item in args.ray_env:
        name, _, value = item.partition("=")
        os.environ[f"RAY_{name}"] = value

    from saidwhat.ingest.raypool import RayAnalyser
    from saidwhat.ingest.service import read_paths
    from saidwhat.settings import Settings

    settings = Settings(db=str(ROOT / "bench" / "out" / "ray-overhead.db"))
    docs = list(read_paths([str(args.input)], settings, on_error=print))
    jobs = [docs[i % len(docs)] for i in range(args.jobs)]
    analyser = RayAnalyser(num_cpus=2, task="ray_overhead:sleep_job")
    started, cpu = time.perf_counter(), time.process_time()
    arrivals = [time.perf_counter() - started for _ in analyser(jobs, settings, print)]
    wall = time.perf_counter() - started
    per_answer = (arrivals[-1] - arrivals[0]) / (len(arrivals) - 1) if len(arrivals) > 1 else 0.0
    print(
        json.dumps(
            {
                "answers": len(arrivals),
                "wall_s": round(wall, 2),
                "first_s": round(arrivals[0], 2) if arrivals else None,
                "per_answer_ms": round(1000 * per_answer, 1),
                "driver_cpu_s": round(time.process_time() - cpu, 2),
                "actor_cpu_s": round(analyser.stats.cpu_s, 2),
                "ray_env": args.ray_env,
            }
        )
    )


if __name__ == "__main__":
    main()
