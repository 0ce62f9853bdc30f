"""Benchmark the claims corpus stage and its readers on a store of the Timeline17 H1N1 articles.

    .venv/bin/python bench/claims_stage.py [--cache DIR] [--batch N]

Needs the analyses cached by ``bench/claims.py`` (``--cache``, default ``/work/cache-claims/h1n1`` or
``$SAIDWHAT_CLAIMS_CACHE``). Stores them in a temporary SQLite store, then times: the stage's
``on_added`` over batches of ``--batch`` articles and ``on_finished`` once (what an ingest does:
facts of each batch, then one grouping of the stories the batches touched; here every article is
in one story), against
the articles' analysis time (from the cache) plus ``store.add``; ``rebuild``; the three reports over
the whole store (what ``saidwhat claims|positions|promises`` do); and each web page and its twins,
``--repeat`` times (median wall and CPU time; CPU time is what a loaded machine does not inflate).
Prints a table and writes ``bench/out/claims_stage.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from saidwhat.corpus.claims import ClaimsStage, claims_report, positions_report, promises_report  # noqa: E402
from saidwhat.ingest.service import keep_confident  # noqa: E402
from saidwhat.model import Analysis  # noqa: E402
from saidwhat.settings import Settings  # noqa: E402
from saidwhat.store import open_store  # noqa: E402

CACHE = Path(os.environ.get("SAIDWHAT_CLAIMS_CACHE", "/work/cache-claims/h1n1"))
PAGES = (
    "/claims", "/claims.json", "/claims.csv", "/positions", "/positions.json", "/positions.csv",
    "/promises", "/promises.json", "/promises.csv",
)  # fmt: skip


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, default=CACHE)
    ap.add_argument(
        "--batch", type=int, default=16, help="articles per on_added (ingest: SAIDWHAT_BATCH, 16)"
    )
    ap.add_argument("--repeat", type=int, default=7)
    a = ap.parse_args()
    files = sorted(a.cache.glob("*.json"))
    if not files:
        print(f"no cached analyses in {a.cache}: run bench/claims.py --analyze-only first", file=sys.stderr)
        return 1
    cached = [json.loads(p.read_text(encoding="utf-8")) for p in files]
    # the statements an ingest stores (Settings.min_confidence), as store.add receives them
    cut = Settings().min_confidence
    analyses = [keep_confident(Analysis.from_dict(d["analysis"]), cut) for d in cached]
    analysis_secs = sum(float(d["seconds"]) for d in cached)
    rows: list[tuple[str, float]] = [("analysis, all articles (s, cached)", analysis_secs)]
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "bench.db") as store:
        stage = ClaimsStage()
        store.migrate_stage(stage.name, stage.migrations)
        t_add = t_stage = 0.0
        for i in range(0, len(analyses), a.batch):
            t0 = time.perf_counter()
            ids = [store.add(x).doc_id for x in analyses[i : i + a.batch]]
            t1 = time.perf_counter()
            stage.on_added(store, ids)
            t_add, t_stage = t_add + t1 - t0, t_stage + time.perf_counter() - t1
        t0 = time.perf_counter()
        stage.on_finished(store)
        t_finish = time.perf_counter() - t0
        total = t_stage + t_finish
        rows += [
            ("store.add, all articles (s)", t_add),
            ("on_added, all batches (s)", t_stage),
            ("on_finished, once (s)", t_finish),
            ("claims stage share of ingest (%)", 100 * total / (analysis_secs + t_add + total)),
        ]
        t0 = time.perf_counter()
        stage.rebuild(store)
        rows.append(("rebuild (s)", time.perf_counter() - t0))
        for name, fn in (
            ("claims report (s)", lambda: claims_report(store)),
            ("positions report (s)", lambda: positions_report(store)),
            ("promises report (s)", lambda: promises_report(store)),
        ):
            t0 = time.perf_counter()
            fn()
            rows.append((name, time.perf_counter() - t0))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from fastapi.testclient import TestClient

            from saidwhat.web import create_app

            client = TestClient(create_app(store))
            for page in PAGES:
                wall, cpu = [], []
                for _ in range(a.repeat):
                    t0, c0 = time.perf_counter(), time.process_time()
                    assert client.get(page).status_code == 200
                    wall.append(time.perf_counter() - t0)
                    cpu.append(time.process_time() - c0)
                rows.append((f"GET {page} median wall (s)", statistics.median(wall)))
                rows.append((f"GET {page} median CPU (s)", statistics.median(cpu)))
    print(f"{len(analyses)} articles, batches of {a.batch}")
    print(f"{'step':<40} {'time':>8}")
    for name, secs in rows:
        print(f"{name:<40} {secs:>8.3f}")
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "claims_stage.json").write_text(
        json.dumps({"articles": len(analyses), "batch": a.batch, "seconds": dict(rows)}, indent=2) + "\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
