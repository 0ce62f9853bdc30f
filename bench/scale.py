"""Scale-out benchmark (issue 20): articles/s of ``ingest --workers 1``, ``--workers 2`` and Ray local
on the same articles, ratios from one run; peak memory per worker; per-article cost by stage.

    .venv/bin/python bench/scale.py [--articles 120] [--input articles.jsonl] [--no-ray]
                                    [--db postgresql://...] [--rounds N]

Input: the first ``--articles`` lines of ``../shared/timeline17/articles.jsonl`` (or ``--input``).
Each configuration runs in a fresh child process (model loading included, as for a user), into a
fresh SQLite store in ``bench/out/``; the parent measures its wall time and, through ``wait4``, the
CPU time of the child and of the worker processes it reaped (Ray's workers are children of Ray's
own daemons: each actor reports its own CPU time with its answers, which is added). On a machine
shared with other jobs the wall-clock ratios understate the speed-up: the CPU seconds per article,
the speed-up they give were each worker given a whole core (``CPU ×``) and the machine's load
(``uptime``, before and after) are printed and stored with them.

``--db postgresql://...``: also ingest with ``--workers 2`` into that store (it should be empty) and
compare with SQLite, and print its size per article (the schema's tables, TOAST and indexes).

``--rounds N``: every configuration N times, interleaved (round 1: workers1, workers2, Ray, PostgreSQL;
round 2: the same again, ...), each ratio taken against its own round's baseline, then each ratio's
values, median and the rounds meeting its target. On a VM whose speed drifts by 10-20 % from minute to
minute one round's ratio is worth about ±0.15; the median of interleaved rounds is what to compare
with a target. With ``--db`` each round stores into a schema of its own, the URL's schema (default
``scale``) + ``_r<k>``, dropped before and after the round.

Targets: ``--workers 2`` ≥ 1.7× and Ray local (2 CPUs) ≥ 1.6× the articles/s of ``--workers 1``.
Two rates per configuration: over the whole run (start-up included, as a user waits for it), and
steady (``steady``: the articles after the first over the time from the first analysis reaching
the writer to the last; ``1st s`` is when the first one reached it) — what a long batch
approaches, start-up (Ray's daemons, worker processes, model loads) amortised.
Prints a table and writes ``bench/out/scale.json``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"
SHARED = Path(os.environ.get("SAIDWHAT_SHARED", ROOT.parent / "shared"))
DEFAULT_INPUT = SHARED / "timeline17" / "articles.jsonl"


# -- the child: one configuration -------------------------------------------------------------------


def child(config: str, db: str, inp: str) -> dict[str, Any]:
    """Ingest ``inp`` into ``db`` with ``config`` (workers1, workers2, ray); what it used."""
    from saidwhat.ingest.service import Analyser, analyse, read_paths, store_sources
    from saidwhat.settings import Settings
    from saidwhat.store import open_store

    settings = Settings(db=db)
    errors: list[str] = []
    analyser: Analyser | None = None
    if config == "workers2":
        from saidwhat.ingest.parallel import ProcessAnalyser

        analyser = ProcessAnalyser(2)
    elif config == "ray":
        from saidwhat.ingest.raypool import RayAnalyser

        analyser = RayAnalyser(num_cpus=2)
    arrivals: list[float] = []  # when each analysis reached the writer
    inner: Analyser = analyser if analyser is not None else analyse

    def timed(sources: Any, settings: Any, on_error: Any) -> Iterator[Any]:
        for item in inner(sources, settings, on_error):
            arrivals.append(time.perf_counter())
            yield item

    started = time.perf_counter()
    with open_store(db) as store:
        docs = read_paths([inp], settings, on_error=lambda e: errors.append(e.one_line()))
        report = store_sources(
            store, docs, settings, analyser=timed, on_error=lambda e: errors.append(e.one_line())
        )
    wall = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF)
    # steady state: the articles after the first over the time from the first analysis to the last
    # (start-up — Ray, the worker processes, the model loads — and the first article left out)
    span = arrivals[-1] - arrivals[0] if len(arrivals) > 1 else 0.0
    steady = (len(arrivals) - 1) / span if span > 0 else 0.0
    stats = getattr(analyser, "stats", None)
    peaks: list[int]
    if stats is None or getattr(stats, "in_process", False):
        peaks = [resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024]
    else:
        raw = stats.peak_rss
        peaks = list(raw.values()) if isinstance(raw, dict) else list(raw)
    return {
        "config": config,
        "inner_wall_s": wall,
        "first_analysis_s": (arrivals[0] - started) if arrivals else None,
        "steady_articles_per_s": steady,
        "new": report.count("new"),
        "unchanged": report.count("unchanged"),
        "errors": errors,
        "workers": getattr(stats, "workers", getattr(stats, "actors", 1)) if stats else 1,
        "peak_rss_mb": [round(p / 2**20) for p in peaks],
        "pss_mb": [round(p / 2**20) for p in getattr(stats, "pss", {}).values()],
        "retries": getattr(stats, "retries", 0) if stats else 0,
        "actor_cpu_s": getattr(stats, "cpu_s", 0.0) if stats else 0.0,
        # this process alone: reading, the writer (store, corpus stages), the messages; with
        # --workers 1 also the analysis
        "main_cpu_s": own.ru_utime + own.ru_stime,
    }


# -- the parent ------------------------------------------------------------------------------------


def uptime() -> str:
    try:
        return Path("/proc/loadavg").read_text(encoding="ascii").split(" 1")[0].strip()
    except OSError:
        return "unknown"


def run_config(config: str, db: Path | str, inp: Path) -> dict[str, Any]:
    if isinstance(db, Path):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RAY_USAGE_STATS_ENABLED": "0"}
    result_file = OUT / f"scale-{config}.result.json"
    started = time.perf_counter()
    proc = subprocess.Popen(
        [
            sys.executable,
            __file__,
            "--child",
            config,
            "--child-db",
            str(db),
            "--input",
            str(inp),
            "--child-out",
            str(result_file),
        ],
        env=env,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{config}: the child failed ({proc.returncode})")
    row: dict[str, Any] = json.loads(result_file.read_text(encoding="utf-8"))
    row["wall_s"] = wall
    # the child and the workers it reaped (Ray's actors report their own)
    row["cpu_s"] = usage.ru_utime + usage.ru_stime + row["actor_cpu_s"]
    row["articles_per_s"] = row["new"] / wall
    row["cpu_s_per_article"] = row["cpu_s"] / max(row["new"], 1)
    row["main_cpu_s_per_article"] = row["main_cpu_s"] / max(row["new"], 1)
    return row


def _timed(table: dict[str, list[float]], name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        cpu = time.process_time()
        try:
            result = fn(*args, **kwargs)
            # a generator (the chunked parse) does its work when consumed: consume it here
            return list(result) if isinstance(result, Iterator) else result
        finally:
            table[name].append(time.process_time() - cpu)

    return wrapper


class _TimedStage:
    """A corpus stage whose ``on_added`` is timed (the stages are slotted classes: no patching)."""

    def __init__(self, stage: Any, table: dict[str, list[float]]) -> None:
        self._stage = stage
        self.on_added = _timed(table, f"corpus: {stage.name}", stage.on_added)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stage, name)


def profile_stages(inp: Path, limit: int) -> dict[str, float]:
    """CPU ms per article by stage, in this process, over the first ``limit`` articles (model loaded
    before)."""
    import saidwhat.bounded as bounded
    import saidwhat.pipeline as pipeline
    from saidwhat.corpus import CORPUS_STAGES
    from saidwhat.ingest.service import read_paths, store_sources
    from saidwhat.nlp import load_nlp
    from saidwhat.settings import Settings
    from saidwhat.stages import DOCUMENT_STAGES
    from saidwhat.store import open_store

    load_nlp()
    table: dict[str, list[float]] = defaultdict(list)
    for module, attr, name in (
        (pipeline, "prepare", "segment + publication date"),
        (bounded, "pipe_bounded", "spaCy parse"),
        (bounded, "learned_for", "learned tagger"),
    ):
        setattr(module, attr, _timed(table, name, getattr(module, attr)))
    DOCUMENT_STAGES.stages = [
        dataclasses.replace(s, run=_timed(table, f"stage: {s.name}", s.run)) for s in DOCUMENT_STAGES.stages
    ]
    CORPUS_STAGES.stages = [_TimedStage(stage, table) for stage in CORPUS_STAGES.stages]
    db = OUT / "scale-profile.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    sub = OUT / "scale-profile.jsonl"
    with inp.open(encoding="utf-8") as fh:
        sub.write_text("".join(line for _, line in zip(range(limit), fh, strict=False)), encoding="utf-8")
    settings = Settings(db=str(db))
    with open_store(db) as store:
        store.add = _timed(table, "store (write path)", store.add)  # type: ignore[method-assign]
        docs = list(read_paths([str(sub)], settings, on_error=print))
        n = len(docs)
        store_sources(store, docs, settings)
    # the warm-up analysis of analyze_within is one call of each document stage more: drop it
    return {name: 1000 * sum(v[1:] if len(v) > n else v) / n for name, v in table.items()}


def store_bytes(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db.stat().st_size


def pg_store_bytes(url: str) -> int:
    """The PostgreSQL store's size: every table of its schema with its TOAST data and indexes
    (``VACUUM``ed first, so that dead rows of the ingest's updates are not counted)."""
    import psycopg

    from saidwhat.store.postgres.store import parse_url

    conninfo, schema, _ = parse_url(url)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute("VACUUM")
        row = conn.execute(
            "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c"
            " JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = %s AND c.relkind IN ('r', 'm')",
            (schema or "public",),
        ).fetchone()
    return int(row[0]) if row else 0


def round_url(url: str, k: int) -> str:
    """The PostgreSQL store of round ``k`` of several: the URL's schema (default ``scale``) + ``_r<k>``."""
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    schema = next((v for key, v in query if key == "schema"), None) or "scale"
    query = [(key, v) for key, v in query if key != "schema"] + [("schema", f"{schema}_r{k}")]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), parts.fragment))


def drop_schema(url: str) -> None:
    """Drop the schema a round's URL names (the bench's own, see :func:`round_url`)."""
    import psycopg

    from saidwhat.store.postgres.store import parse_url

    conninfo, schema, _ = parse_url(url)
    if schema:
        with psycopg.connect(conninfo, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def one_round(args: argparse.Namespace, inp: Path, db: str | None) -> dict[str, Any]:
    """Every configuration once, ``--workers 1`` first; the rows with their ratios to it."""
    load_before = uptime()
    rows = [
        run_config("workers1", OUT / "scale-workers1.db", inp),
        run_config("workers2", OUT / "scale-workers2.db", inp),
    ]
    notes: list[str] = []
    pg_bytes = 0
    if args.no_ray:
        notes.append("Ray: skipped (--no-ray)")
    else:
        try:
            import ray  # noqa: F401
        except ImportError:
            notes.append("Ray: skipped (ray is not installed: the 'ray' extra)")
        else:
            rows.append(run_config("ray", OUT / "scale-ray.db", inp))
    if db:
        from saidwhat.errors import SaidwhatError
        from saidwhat.store import open_store

        try:
            open_store(db).close()
        except SaidwhatError as e:
            notes.append(f"PostgreSQL row skipped: {e.one_line()} (no PostgreSQL backend in this tree yet?)")
        else:
            pg = run_config("workers2", db, inp)
            pg["config"] = "workers2 + PostgreSQL"
            if pg["unchanged"]:
                notes.append(
                    f"PostgreSQL: {pg['unchanged']} articles were already stored: give an empty store"
                )
            rows.append(pg)
            pg_bytes = pg_store_bytes(db)
    base = rows[0]
    for r in rows:
        r["ratio_wall"] = r["articles_per_s"] / base["articles_per_s"]
        r["ratio_steady"] = r["steady_articles_per_s"] / base["steady_articles_per_s"]
        # the speed-up were each worker given a whole core: workers × CPU s per article of workers1 / of this
        r["cpu_ratio"] = r["workers"] * base["cpu_s_per_article"] / r["cpu_s_per_article"]
    return {
        "load_before": load_before,
        "load_after": uptime(),
        "rows": rows,
        "notes": notes,
        "ratios": target_ratios(rows),
        "pg_bytes": pg_bytes,
    }


def target_ratios(rows: list[dict[str, Any]]) -> dict[str, float]:
    """The issue's ratios in one round: workers2 and Ray over workers1, PostgreSQL over SQLite (both
    ``--workers 2``), over the whole run and steady."""
    by = {r["config"]: r for r in rows}
    out: dict[str, float] = {}
    for name, num, den in (
        ("workers2 / workers1", "workers2", "workers1"),
        ("ray / workers1", "ray", "workers1"),
        ("postgresql / sqlite", "workers2 + PostgreSQL", "workers2"),
    ):
        if num in by and den in by:
            out[name] = by[num]["articles_per_s"] / by[den]["articles_per_s"]
            out[name + " (steady)"] = by[num]["steady_articles_per_s"] / by[den]["steady_articles_per_s"]
    return out


TARGETS = {"workers2 / workers1": 1.7, "ray / workers1": 1.6, "postgresql / sqlite": 0.9}


def print_round(result: dict[str, Any]) -> None:
    rows = result["rows"]
    base = rows[0]
    print(
        f"{len(rows)} configurations on {base['new']} articles; "
        f"load average before {result['load_before']}, after {result['load_after']}"
    )
    print(
        f"{'config':<24}{'workers':>8}{'wall s':>9}{'art/s':>8}{'× w1':>7}{'1st s':>7}{'steady':>8}"
        f"{'× w1':>7}{'CPU s':>9}{'CPU s/art':>10}{'main':>7}{'CPU ×':>7}  peak RSS MB per worker"
    )
    for r in rows:
        cpu = (
            f"{r['cpu_s']:9.1f}{r['cpu_s_per_article']:10.3f}{r['main_cpu_s_per_article']:7.3f}"
            f"{r['cpu_ratio']:7.2f}"
        )
        steady = f"{r['first_analysis_s'] or 0:7.1f}{r['steady_articles_per_s']:8.2f}{r['ratio_steady']:7.2f}"
        print(
            f"{r['config']:<24}{r['workers']:>8}{r['wall_s']:9.1f}{r['articles_per_s']:8.2f}"
            f"{r['ratio_wall']:7.2f}{steady}{cpu}  {r['peak_rss_mb']}"
            + (f" (Pss at the end {r['pss_mb']})" if r.get("pss_mb") else "")
        )
        for line in r["errors"]:
            print(f"    {line}")
    for n in result["notes"]:
        print("note:", n)


def summary(rounds: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Each ratio over the rounds: every round's value, the median, and the target where there is one."""
    out: dict[str, dict[str, Any]] = {}
    for name in rounds[0]["ratios"]:
        values = [r["ratios"][name] for r in rounds if name in r["ratios"]]
        target = TARGETS.get(name)
        out[name] = {
            "values": values,
            "median": statistics.median(values),
            "target": target,
            "rounds_meeting_target": sum(v >= target for v in values) if target else None,
        }
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=120)
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    ap.add_argument("--no-ray", action="store_true")
    ap.add_argument("--profile", type=int, default=40, help="articles for the per-stage profile (0: none)")
    ap.add_argument("--db", help="also measure this store (postgresql://...) with --workers 2")
    ap.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="run every configuration this many times, interleaved; each ratio's median over the rounds",
    )
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--child-db", help=argparse.SUPPRESS)
    ap.add_argument("--child-out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        result = child(args.child, args.child_db, str(args.input))
        args.child_out.write_text(json.dumps(result), encoding="utf-8")
        return
    if not args.input.is_file():
        raise SystemExit(f"no input: {args.input} (../shared missing?) — give --input")
    if args.rounds < 1:
        raise SystemExit("--rounds must be 1 or more")
    OUT.mkdir(parents=True, exist_ok=True)
    inp = OUT / "scale-input.jsonl"
    with args.input.open(encoding="utf-8") as fh:
        inp.write_text(
            "".join(line for _, line in zip(range(args.articles), fh, strict=False)), encoding="utf-8"
        )
    rounds: list[dict[str, Any]] = []
    scratch = bool(args.db) and args.rounds > 1  # each round in a schema of the bench's own
    for k in range(1, args.rounds + 1):
        db = round_url(args.db, k) if scratch else args.db
        if scratch:
            drop_schema(db)  # empty, whatever a run before left
        if args.rounds > 1:
            print(f"round {k} of {args.rounds}")
        try:
            rounds.append(one_round(args, inp, db))
        finally:
            if scratch:
                drop_schema(db)
        print_round(rounds[-1])
        sys.stdout.flush()
    print(
        "CPU s/art: all processes (child, workers, actors); main: the ingesting process alone (reading, "
        "writer, messages; with workers1 also the analysis). steady: articles after the 1st / time from "
        "the 1st analysis to the last"
    )
    ratios = summary(rounds)
    if args.rounds > 1:
        print(f"\nratios over {args.rounds} rounds (each against its own round's baseline):")
        for name, s in ratios.items():
            target = (
                f"  target {s['target']}: {s['rounds_meeting_target']} of {len(s['values'])} rounds"
                if s["target"]
                else ""
            )
            values = " / ".join(f"{v:.2f}" for v in s["values"])
            print(f"  {name:<30} median {s['median']:.2f}  [{values}]{target}")
    last = rounds[-1]
    base, pg_bytes = last["rows"][0], last["pg_bytes"]
    stages = profile_stages(inp, args.profile) if args.profile else {}
    if stages:
        print(f"\nper-article CPU cost by stage (ms, in process, {args.profile} articles):")
        for name, ms in sorted(stages.items(), key=lambda kv: -kv[1]):
            print(f"  {name:<34}{ms:9.1f}")
        print(f"  {'total':<34}{sum(stages.values()):9.1f}")
    w1_bytes = store_bytes(OUT / "scale-workers1.db")
    print(
        f"\nSQLite store: {w1_bytes / base['new'] / 1024:.1f} KiB per article "
        f"({w1_bytes / 2**20:.1f} MiB for {base['new']})"
    )
    if pg_bytes:
        print(
            f"PostgreSQL store: {pg_bytes / base['new'] / 1024:.1f} KiB per article "
            f"({pg_bytes / 2**20:.1f} MiB for {base['new']}: tables, TOAST and indexes of its schema)"
        )
    out = {
        "articles": base["new"],
        "cores": os.cpu_count(),
        "load_before": rounds[0]["load_before"],
        "load_after": last["load_after"],
        "rows": last["rows"],
        "notes": last["notes"],
        "rounds": [{k: v for k, v in r.items() if k != "pg_bytes"} for r in rounds],
        "ratios": ratios,
        "stage_cpu_ms_per_article": stages,
        "sqlite_bytes_per_article": w1_bytes / base["new"],
        "postgresql_bytes_per_article": pg_bytes / base["new"] if pg_bytes else None,
    }
    (OUT / "scale.json").write_text(json.dumps(out, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
