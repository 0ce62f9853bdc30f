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
``ANALYZE``d after the load (autovacuum would; the test server runs without it, and without
statistics the planner guesses a handful of rows and skips the indexes). ``--analyses FILE``: read the
analyses from FILE (JSON lines) when it exists, else write them there after analysing (the analysis
takes minutes; the stores' timings do not depend on it).
"""

from __future__ import annotations

import argparse
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
        f"search {q}": (lambda q=q: store.search(q, limit=20)) for q in QUERIES  # type: ignore[misc]
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
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        analyses, analysis_s = analysed(args.timeline, tmp, args.analyses)
        n = len(analyses)
        schema = f"bench_{uuid.uuid4().hex[:10]}"
        targets = {"sqlite": str(tmp / "bench.db"), "postgresql": f"{args.pg}?schema={schema}"}
        report: dict[str, Any] = {"articles": n, "analysis_s": round(analysis_s, 2), "backends": {}}
        stores = {name: open_store(t) for name, t in targets.items()}
        try:
            for name, store in stores.items():
                store_s = ingest(store, analyses)
                report["backends"][name] = {
                    "store_s": round(store_s, 3),
                    "store_articles_per_s": round(n / store_s, 1),
                    "ingest_articles_per_s": round(n / (analysis_s + store_s), 2),
                    "statements": store.stats().statements,
                }
                if name == "postgresql":  # the planner's statistics, as autovacuum gathers them after a load
                    with store.transaction() as conn:
                        conn.execute("ANALYZE")
            results: dict[str, dict[str, tuple[float, float]]] = {name: {} for name in stores}
            for label in queries(stores["sqlite"]):
                for name, store in stores.items():  # interleaved: both backends see the same machine load
                    fn = queries(store).get(label)
                    if fn is not None:
                        results[name][label] = timed(fn, args.runs)
            for name in stores:
                report["backends"][name]["queries_ms"] = {
                    k: {"median": round(m, 2), "p95": round(p, 2)} for k, (m, p) in results[name].items()
                }
        finally:
            for store in stores.values():
                store.close()
            import psycopg

            with psycopg.connect(args.pg, autocommit=True) as conn:
                conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    sq, pg = report["backends"]["sqlite"], report["backends"]["postgresql"]
    print(f"{n} articles, analysis {analysis_s:.1f} s ({n / analysis_s:.2f} articles/s)")
    print(f"{'':28} {'sqlite':>12} {'postgresql':>12} {'pg/sqlite':>10}")
    for key in ("store_articles_per_s", "ingest_articles_per_s"):
        print(f"{key:28} {sq[key]:>12} {pg[key]:>12} {pg[key] / sq[key]:>10.2f}")
    for label, v in sq["queries_ms"].items():
        p = pg["queries_ms"][label]["median"]
        print(f"{label + ' (median ms)':28} {v['median']:>12} {p:>12} {p / max(v['median'], 1e-3):>10.2f}")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "store_pg.json").write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
