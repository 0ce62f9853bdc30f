"""Benchmark the claims corpus stage and its readers on a store of the Timeline17 H1N1 articles.

    .venv/bin/python bench/claims_stage.py [--cache DIR] [--batch N]

Needs the analyses cached by ``bench/claims.py`` (``--cache``, default ``/work/cache-claims/h1n1`` or
``$SAIDWHAT_CLAIMS_CACHE``). Stores them in a temporary SQLite store, then times: the stage's
``on_added`` over batches of ``--batch`` articles (what ingest adds), ``rebuild``, the three reports
over all stored facts (what ``saidwhat claims|positions|promises`` and the pages do), and the web
pages. Prints a table and writes ``bench/out/claims_stage.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from saidwhat.corpus.claims import ClaimsStage, claims_report, positions_report, promises_report  # noqa: E402
from saidwhat.model import Analysis  # noqa: E402
from saidwhat.store import open_store  # noqa: E402

CACHE = Path(os.environ.get("SAIDWHAT_CLAIMS_CACHE", "/work/cache-claims/h1n1"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, default=CACHE)
    ap.add_argument("--batch", type=int, default=32)
    a = ap.parse_args()
    files = sorted(a.cache.glob("*.json"))
    if not files:
        print(f"no cached analyses in {a.cache}: run bench/claims.py --analyze-only first", file=sys.stderr)
        return 1
    analyses = [Analysis.from_dict(json.loads(p.read_text(encoding="utf-8"))["analysis"]) for p in files]
    rows: list[tuple[str, float]] = []
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
        rows += [("store.add, all articles (s)", t_add), ("on_added, all batches (s)", t_stage)]
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
            for page in ("/claims", "/claims.json", "/positions", "/promises"):
                t0 = time.perf_counter()
                assert client.get(page).status_code == 200
                rows.append((f"GET {page} (s)", time.perf_counter() - t0))
    print(f"{len(analyses)} articles, batches of {a.batch}")
    print(f"{'step':<32} {'time':>8}")
    for name, secs in rows:
        print(f"{name:<32} {secs:>8.2f}")
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "claims_stage.json").write_text(
        json.dumps({"articles": len(analyses), "batch": a.batch, "seconds": dict(rows)}, indent=2) + "\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
