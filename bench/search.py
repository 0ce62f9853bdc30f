"""Hostile-search benchmark (issue 14): the worst queries against a 10,000-article store.

    .venv/bin/python bench/search.py [--docs 10000] [--runs 5] [--rebuild]

Uses the store of ``bench/web.py`` (``bench/out/web-<docs>.db``, built from the sample articles when
missing). Each query runs ``--runs`` times twice: through the store with no time budget (what the
query itself costs now that it is bounded) and as ``/search.json`` through the ASGI app, with the web
app's 1 s budget (``E_SEARCH_TIMEOUT``, HTTP 503, past it). The table gives the worst time of each and
the HTTP status. Target: every search request answered within 1 s. Writes ``bench/out/search.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from saidwhat.errors import SaidwhatError  # noqa: E402
from saidwhat.store import Store  # noqa: E402
from saidwhat.store.fts import parse_query  # noqa: E402

OUT = ROOT / "bench" / "out"
TARGET_MS = 1000.0
COMMON = [
    *(
        "the",
        "said",
        "that",
        "to",
        "of",
        "and",
        "in",
        "a",
        "on",
        "for",
        "is",
        "was",
        "with",
        "by",
        "as",
        "at",
    ),
    *("it", "from", "his", "he", "be", "has", "have", "not", "are", "this", "an", "they", "will", "would"),
    *("who", "but"),
]
QUERIES: dict[str, tuple[str, int]] = {  # name -> (query, page)
    "issue: 166 x t*": (" ".join(["t*"] * 166), 1),
    "99 x tal*": (" ".join(["tal*"] * 99), 1),
    "the*": ("the*", 1),
    "4 short prefixes": ("the* con* rep* ann*", 1),
    "4 two-letter 'prefixes'": ("th* co* re* an*", 1),
    "4 prefixes + 28 common words": (" ".join(["the*", "con*", "rep*", "ann*", *COMMON[:28]]), 1),
    "32 common words": (" ".join(COMMON[:32]), 1),
    "32-word phrase": ('"' + " ".join(COMMON[:32]) + '"', 1),
    "500 chars of distinct words": (" ".join(f"w{i}x" for i in range(100)), 1),
    "one common word": ("said", 1),
    "common word, page 500": ("said", 500),
    "typical: two words": ("ceasefire hostages", 1),
}


def timed_store(store: Store, q: str, page: int, runs: int) -> tuple[float, int | str]:
    worst, n = 0.0, 0
    for _ in range(runs):
        t0 = time.perf_counter()
        try:
            n = len(store.search(q, limit=20, offset=(page - 1) * 20))
        except SaidwhatError as e:
            return (time.perf_counter() - t0) * 1000, e.code
        worst = max(worst, (time.perf_counter() - t0) * 1000)
    return worst, n


def timed_web(client: object, q: str, page: int, runs: int) -> tuple[float, int]:
    worst, status = 0.0, 0
    for _ in range(runs):
        t0 = time.perf_counter()
        r = client.get("/search.json", params={"q": q, "page": page})  # type: ignore[attr-defined]
        worst = max(worst, (time.perf_counter() - t0) * 1000)
        status = r.status_code
    return worst, status


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--rebuild", action="store_true")
    args = ap.parse_args()
    import web  # bench/web.py: the same store

    OUT.mkdir(parents=True, exist_ok=True)
    db = OUT / f"web-{args.docs}.db"
    if args.rebuild and db.exists():
        db.unlink()
    if not db.exists():
        print(f"building {db} ...", file=sys.stderr)
        web.build(db, args.docs)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from saidwhat.web import create_app

    rows = []
    with Store(db, read_only=True) as store, TestClient(create_app(store)) as client:
        stats = store.stats()
        for name, (q, page) in QUERIES.items():
            parsed = parse_query(q)
            store_ms, found = timed_store(store, q, page, args.runs)
            web_ms, status = timed_web(client, q, page, args.runs)
            rows.append(
                {
                    "query": name,
                    "chars": len(q),
                    "terms": len(parsed.terms),
                    "store_worst_ms": round(store_ms, 1),
                    "hits": found,
                    "web_worst_ms": round(web_ms, 1),
                    "http": status,
                }
            )
    print(f"{stats.documents:,} articles, {stats.statements:,} statements; worst of {args.runs} runs")
    print(f"{'query':32} {'chars':>5} {'terms':>5} {'store ms':>9} {'hits':>5} {'web ms':>8} {'HTTP':>5}")
    for r in rows:
        print(
            f"{r['query']:32} {r['chars']:>5} {r['terms']:>5} {r['store_worst_ms']:>9.1f} {r['hits']!s:>5} "
            f"{r['web_worst_ms']:>8.1f} {r['http']:>5}"
        )
    worst = max(r["web_worst_ms"] for r in rows)
    verdict = "met" if worst <= TARGET_MS else "MISSED"
    print(f"worst search request: {worst:.0f} ms (target {TARGET_MS:.0f} ms): {verdict}")
    (OUT / "search.json").write_text(
        json.dumps(
            {
                "documents": stats.documents,
                "statements": stats.statements,
                "runs": args.runs,
                "target_ms": TARGET_MS,
                "worst_web_ms": worst,
                "queries": rows,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
