"""Command-line benchmark: first ingest vs re-ingest of unchanged inputs, and start-up of the readers.

    .venv/bin/python bench/cli.py [--runs 5]

Every number is the wall time of a real ``python -m saidwhat ...`` subprocess (interpreter start,
imports, work), the median of ``--runs`` runs:

* ``ingest`` of the sample articles (``../shared/samples``, or ``examples/`` without it) into a new
  store (analysis: spaCy and the model are loaded), then ``ingest`` of the same, unchanged inputs
  (a content-hash look-up: nothing is analysed). Target: re-ingest <= 0.2 x the first ingest.
* start-up of ``--version``, ``statements``, ``search``, ``export`` and ``entities`` on that store
  (none of them loads spaCy: ``tests/test_cli_imports.py``).

Writes ``bench/out/cli.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
SAMPLES = ROOT.parent / "shared" / "samples"
TARGET_RATIO = 0.2


def run(*args: str) -> float:
    """Seconds one ``saidwhat`` command takes (it must succeed)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("SAIDWHAT_DB", None)
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "saidwhat", *args], capture_output=True, text=True, env=env)
    took = time.perf_counter() - t0
    if r.returncode != 0:
        sys.exit(f"saidwhat {' '.join(args)} failed:\n{r.stderr}")
    return took


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
    f, w = statistics.median(first), statistics.median(warm)
    ratio = w / f
    rows = [("ingest (first)", f), ("ingest (unchanged)", w)] + [(k, v) for k, v in startup.items()]
    print(f"inputs: {source}  ({args.runs} runs, median wall seconds)")
    print(f"{'command':<22}{'seconds':>9}")
    for name, sec in rows:
        print(f"{name:<22}{sec:>9.3f}")
    verdict = "ok" if ratio <= TARGET_RATIO else "MISSED"
    print(f"re-ingest / first ingest = {ratio:.3f} (target <= {TARGET_RATIO}: {verdict})")
    OUT.mkdir(parents=True, exist_ok=True)
    result = {
        "inputs": str(source),
        "runs": args.runs,
        "ingest_first_s": f,
        "ingest_unchanged_s": w,
        "ratio": ratio,
        "target_ratio": TARGET_RATIO,
        "startup_s": startup,
    }
    (OUT / "cli.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
