"""SQLite vs PostgreSQL store: ingest throughput and query latencies, in one run.

    .venv/bin/python bench/store_pg.py [--timeline 200] [--runs 15] [--pg postgresql://postgres@127.0.0.1/test]
        [--analyses bench/out/store_pg_analyses.jsonl]

Reads ``../shared/samples``, ``examples/`` and the first ``--timeline`` articles of
``../shared/timeline17/articles.jsonl``, analyses them once (the analysis is the same for both
stores), then stores them into a fresh SQLite file and a fresh PostgreSQL schema the way
``saidwhat ingest`` does (``add`` per article, the corpus stages per batch of 16), and times search
queries and listings on both (median and p95 ms over ``--runs``). Prints a table and writes
``bench/out/store_pg.json``. Target (issue 20): PostgreSQL ingest >= 0.9x SQLite's articles/s;
search and the statements listing within 1.5x of SQLite's medians. The PostgreSQL store is
``VACUUM ANALYZE``d after the load (autovacuum would; the test server runs without it, and without
statistics the planner guesses a handful of rows and skips the indexes, without the visibility map
it cannot count from an index alone). ``--scale N`` times the queries on stores of N articles instead:
the analyses stored again under other sources and ids until there are N (SQLite, kept in
``bench/out/store_pg_scaled-N.db`` and reused), copied into PostgreSQL with ``saidwhat copy``.
``--analyses FILE``: read the analyses from FILE (JSON lines) when it exists, else write them there
after analysing (the analysis takes minutes; the stores' timings do not depend on it).
``--pg-schema NAME`` (with ``--scale``): keep the PostgreSQL copy in schema NAME and reuse it when it
already holds the articles (the copy takes minutes), so that runs of two checkouts time the same
stores; it is not dropped afterwards.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from saidwhat.corpus import CORPUS_STAGES  # noqa: E402
from saidwhat.filters import build_filter  # noqa: E402
from saidwhat.ingest.service import read_paths  # noqa: E402
from saidwhat.model import Analysis  # noqa: E402
from saidwhat.pipeline import analyze  # noqa: E402
from saidwhat.settings import Settings  # noqa: E402
from saidwhat.store import StoreProtocol, open_store  # noqa: E402
from saidwhat.store.copy import copy_store  # noqa: E402
from saidwhat.store.postgres import PostgresStore  # noqa: E402, F401 - loaded before the long analysis

OUT = ROOT / "bench" / "out"
SHARED = ROOT.parent / "shared"
QUERIES = ("ceasefire", "said", "hostage*", '"prime minister"', "iraq war", "presid*", "oil price")
BATCH = 16


def sources(timeline: int, tmp: Path) -> list[Any]:
    paths = [str(p) for p in (SHARED / "samples", ROOT / "examples") if p.is_dir()]
    t17 = SHARED / "timeline17" / "articles.jsonl"
    if timeline and t17.is_file():
        part = tmp / "timeline17.jsonl"
        with t17.open(encoding="utf-8") as src, part.open("w", encoding="utf-8") as dst:
            for i, line in enumerate(src):
                if i >= timeline:
                    break
                dst.write(line)
        paths.append(str(part))
    if not paths:
        sys.exit("no inputs: ../shared is not beside this checkout")
    return list(read_paths(paths, Settings(), on_error=lambda e: print(e.one_line(), file=sys.stderr)))


def analysed(timeline: int, tmp: Path, cache: Path | None) -> tuple[list[Analysis], float]:
    """The analyses and the seconds analysing them took (read from ``cache`` when it exists)."""
    if cache is not None and cache.is_file():
        lines = cache.read_text(encoding="utf-8").splitlines()
        head = json.loads(lines[0])
        return [Analysis.from_dict(json.loads(line)) for line in lines[1:]], float(head["analysis_s"])
    srcs = sources(timeline, tmp)
    t0 = time.perf_counter()
    analyses = list(analyze(srcs))
    analysis_s = time.perf_counter() - t0
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        lines = [json.dumps({"analysis_s": analysis_s}), *(json.dumps(a.to_dict()) for a in analyses)]
        cache.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return analyses, analysis_s


def ingest(store: StoreProtocol, analyses: list[Analysis]) -> float:
    """Seconds to store ``analyses`` as ``saidwhat ingest`` does (corpus stages per batch)."""
    t0 = time.perf_counter()
    for i in range(0, len(analyses), BATCH):
        ids = [store.add(a).doc_id for a in analyses[i : i + BATCH]]
        CORPUS_STAGES.on_added(store, ids)
    return time.perf_counter() - t0


def replicas(analyses: list[Analysis], start: int, n: int) -> list[Analysis]:
    """Copies ``start`` ... ``n - 1`` of the analyses (round robin) as other articles: the same
    analysis under another source and id, so a store grows to ``n`` articles of the real shape."""
    out = []
    for i in range(start, n):
        a = analyses[i % len(analyses)]
        k = i // len(analyses)
        if k == 0:
            out.append(a)
            continue
        source = f"{a.doc.source}#copy{k}"
        key = hashlib.sha256(f"{a.doc.id}/{k}".encode()).hexdigest()
        doc = dataclasses.replace(a.doc, id=key, source=source)
        out.append(dataclasses.replace(a, doc=doc))
    return out


def scaled(path: Path, analyses: list[Analysis], n: int) -> float:
    """An SQLite store at ``path`` with ``n`` articles (the analyses, then copies of them), stored as
    ``saidwhat ingest`` does; kept and reused when it exists. Seconds it took to build (0: reused)."""
    if path.is_file():
        return 0.0
    part = path.with_suffix(".part")
    for p in part.parent.glob(part.name + "*"):
        p.unlink()
    t0 = time.perf_counter()
    store = open_store(str(part))
    try:
        for i in range(0, n, 1000):
            batch = replicas(analyses, i, min(n, i + 1000))
            ingest(store, batch)
            print(
                f"  scaled store: {min(n, i + 1000)} articles ({time.perf_counter() - t0:.0f} s)",
                file=sys.stderr,
            )
    finally:
        store.close()
    part.rename(path)
    return time.perf_counter() - t0


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    fn()  # warm
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def queries(store: StoreProtocol) -> dict[str, Callable[[], object]]:
    out: dict[str, Callable[[], object]] = {
        f"search {q}": (lambda q=q: store.search(q, limit=20))
        for q in QUERIES  # type: ignore[misc]
    }
    top = store.speakers(1)
    out["statements page"] = lambda: store.statements(limit=50)
    out["count_statements"] = lambda: store.count_statements()
    if top:
        out["statements of top speaker"] = lambda: store.statements(speaker=top[0].gid, limit=50)
    out["entities page"] = lambda: store.entities(limit=50)
    facets = ("act", "mode", "anonymous", "platform", "speaker", "relay", "outlet", "story")
    out["browse statements"] = lambda: store.browse_statements(build_filter(), limit=20, facets=facets)
    out["browse words"] = lambda: store.browse_statements(
        build_filter(), q="said", sort="relevance", limit=20, facets=facets
    )
    out["browse articles"] = lambda: store.browse_articles(limit=20)
    out["documents page"] = lambda: store.documents(limit=50)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--timeline", type=int, default=200)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test")
    ap.add_argument("--analyses", type=Path, default=None, help="cache of the analyses (JSON lines)")
    ap.add_argument(
        "--scale",
        type=int,
        default=0,
        help="time the queries on stores of this many articles (the analyses and copies of them)",
    )
    ap.add_argument("--skip-ingest", action="store_true", help="only the queries (with --scale)")
    ap.add_argument(
        "--pg-schema", default="", help="with --scale: keep (and reuse) the PostgreSQL copy in this schema"
    )
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        analyses, analysis_s = analysed(args.timeline, tmp, args.analyses)
        n = len(analyses)
        schemas: list[str] = []  # dropped at the end
        kept: list[str] = []  # --pg-schema
        report: dict[str, Any] = {"articles": n, "analysis_s": round(analysis_s, 2), "backends": {}}

        def pg_url() -> str:
            schemas.append(f"bench_{uuid.uuid4().hex[:10]}")
            return f"{args.pg}?schema={schemas[-1]}"

        stores: dict[str, StoreProtocol] = {}
        try:
            if not (args.skip_ingest and args.scale):
                stores = {"sqlite": open_store(str(tmp / "bench.db")), "postgresql": open_store(pg_url())}
                for name, store in stores.items():
                    store_s = ingest(store, analyses)
                    report["backends"][name] = {
                        "store_s": round(store_s, 3),
                        "store_articles_per_s": round(n / store_s, 1),
                        "ingest_articles_per_s": round(n / (analysis_s + store_s), 2),
                        "statements": store.stats().statements,
                    }
            if args.scale:
                for store in stores.values():
                    store.close()
                path = OUT / f"store_pg_scaled-{args.scale}.db"
                OUT.mkdir(parents=True, exist_ok=True)
                build_s = scaled(path, analyses, args.scale)
                if args.pg_schema:
                    kept.append(args.pg_schema)
                    pg_store = open_store(f"{args.pg}?schema={args.pg_schema}")
                else:
                    pg_store = open_store(pg_url())
                stores = {"sqlite": open_store(str(path), read_only=True), "postgresql": pg_store}
                t0 = time.perf_counter()
                if pg_store.count_documents() != stores["sqlite"].count_documents():
                    if pg_store.count_documents():
                        sys.exit(f"schema {args.pg_schema} holds another store: drop it first")
                    copy_store(stores["sqlite"], pg_store)
                report["scaled"] = {
                    "articles": stores["sqlite"].stats().documents,
                    "statements": stores["sqlite"].stats().statements,
                    "sqlite_build_s": round(build_s, 1),
                    "copy_to_pg_s": round(time.perf_counter() - t0, 1),
                }
                print(f"scaled stores: {report['scaled']}", file=sys.stderr)
            # the planner's statistics and the visibility map, as autovacuum leaves them after a load
            import psycopg

            with psycopg.connect(args.pg, autocommit=True) as conn:
                conn.execute(f"SET search_path = {(schemas + kept)[-1]}")
                conn.execute("VACUUM ANALYZE")
            results: dict[str, dict[str, tuple[float, float]]] = {name: {} for name in stores}
            for label in queries(stores["sqlite"]):
                for name, store in stores.items():  # interleaved: both backends see the same machine load
                    fn = queries(store).get(label)
                    if fn is not None:
                        results[name][label] = timed(fn, args.runs)
            for name in stores:
                report["backends"].setdefault(name, {})["queries_ms"] = {
                    k: {"median": round(m, 2), "p95": round(p, 2)} for k, (m, p) in results[name].items()
                }
        finally:
            for store in stores.values():
                store.close()
            import psycopg

            with psycopg.connect(args.pg, autocommit=True) as conn:
                for schema in schemas:
                    conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    report["loadavg"] = (
        Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else None
    )
    sq, pg = report["backends"]["sqlite"], report["backends"]["postgresql"]
    print(f"{n} articles, analysis {analysis_s:.1f} s ({n / analysis_s:.2f} articles/s)")
    print(f"{'':28} {'sqlite':>12} {'postgresql':>12} {'pg/sqlite':>10}")
    for key in ("store_articles_per_s", "ingest_articles_per_s"):
        if key in sq:
            print(f"{key:28} {sq[key]:>12} {pg[key]:>12} {pg[key] / sq[key]:>10.2f}")
    if "scaled" in report:
        big = report["scaled"]
        print(f"queries on {big['articles']} articles ({big['statements']} statements)")
    for label, v in sq["queries_ms"].items():
        p = pg["queries_ms"][label]["median"]
        print(f"{label + ' (median ms)':28} {v['median']:>12} {p:>12} {p / max(v['median'], 1e-3):>10.2f}")
    print(f"load average {report['loadavg']}")
    OUT.mkdir(parents=True, exist_ok=True)
    suffix = f"-{args.scale}" if args.scale else ""
    (OUT / f"store_pg{suffix}.json").write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
