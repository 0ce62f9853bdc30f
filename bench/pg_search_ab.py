"""Search on two checkouts' PostgreSQL code against SQLite, alternated; and their hits compared.

    python bench/pg_search_ab.py time --sqlite bench/out/store_pg_scaled-10000.db \\
        --a /work/main --a-url 'postgresql://postgres@127.0.0.1:5432/test?schema=pgs6' \\
        --b . --b-url 'postgresql://postgres@127.0.0.1:5432/test?schema=pgs6b' [--rounds 12] [--reps 5]
    python bench/pg_search_ab.py dump --code DIR --url URL --out FILE   (then diff two dumps)

``time``: three worker processes (SQLite with checkout B's code; PostgreSQL with checkout A's code
and with B's, each on its own URL: two copies of one store when B migrates it); each round runs
every query of ``bench/store_pg.py`` ``--reps`` times on each worker, the workers in a shuffled
order per query, and keeps each one's median wall ms and median client CPU ms (``time.thread_time``).
Prints per query the medians over the rounds of the ms and of the rounds' ratios (A/SQLite,
B/SQLite, B/A), and the load average before and after. ``dump``: the hits of :data:`VARIANTS` x
:data:`WORDS` (300 searches) as JSON lines (kind, document, rank, ranked, snippet, statement), to
compare two checkouts' results on one store byte for byte.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

QUERIES = ("ceasefire", "said", "hostage*", '"prime minister"', "iraq war", "presid*", "oil price")
WORDS = (
    *QUERIES,
    "police",
    "minister*",
    "government",
    "Obama",
    "election",
    "protest*",
    '"white house"',
    "killed",
    "army",
    "bank",
    "court",
    "health",
    "vaccine",
    "flu",
    "oil",
    "price*",
    "economy",
    "war",
    "attack",
    "terror*",
    "united nations",
    "syria",
    "egypt",
    "libya",
    "iran nuclear",
    "market*",
    "report",
    "spokesman",
    "official*",
    '"according to"',
    "children",
    "school",
    "hospital",
    "rebel*",
    "troops",
    "percent",
    "water",
    "storm",
    "fire",
    "Mubarak",
    "Gaddafi",
    "energy",
    "BP spill",
)
VARIANTS: dict[str, dict[str, Any]] = {
    "alone": {},
    "articles": {"kind": "article"},
    "articles 21-40": {"kind": "article", "offset": 20},
    "by date": {"sort": "date"},
    "50 hits": {"limit": 50},
    "since 2011": {"since": "2011-01-01"},
}


def _open(code: str, url: str) -> Any:
    sys.path.insert(0, str(Path(code).resolve()))
    import saidwhat
    from saidwhat.store import open_store

    print(f"saidwhat from {saidwhat.__file__}", file=sys.stderr)
    return open_store(url, read_only=not url.startswith("postgresql"))


def dump(code: str, url: str, out: Path) -> None:
    store = _open(code, url)
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for word in WORDS:
            for name, kw in VARIANTS.items():
                hits = store.search(word, **kw)
                for h in hits:
                    row = {
                        "q": word,
                        "v": name,
                        "kind": h.kind,
                        "doc": h.doc_id,
                        "rank": repr(h.rank),
                        "ranked": h.ranked,
                        "snippet": [list(p) for p in h.snippet],
                        "statement": None if h.statement is None else h.statement.statement.id,
                    }
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")
                    n += 1
    store.close()
    print(f"{n} hits -> {out}", file=sys.stderr)


def worker(code: str, url: str) -> None:
    store = _open(code, url)
    for line in sys.stdin:
        query, reps = json.loads(line)
        store.search(query, limit=20)  # warm
        walls, cpus = [], []
        for _ in range(reps):
            t0, c0 = time.perf_counter(), time.thread_time()
            store.search(query, limit=20)
            cpus.append((time.thread_time() - c0) * 1000)
            walls.append((time.perf_counter() - t0) * 1000)
        print(json.dumps([statistics.median(walls), statistics.median(cpus)]), flush=True)


def timing(args: argparse.Namespace) -> None:
    me = str(Path(__file__).resolve())
    specs = {"sqlite": (args.b, args.sqlite), "A": (args.a, args.a_url), "B": (args.b, args.b_url)}
    procs = {
        name: subprocess.Popen(
            [sys.executable, me, "worker", "--code", code, "--url", url],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
        )
        for name, (code, url) in specs.items()
    }
    load0 = os.getloadavg()
    res: dict[str, dict[str, list[tuple[float, float]]]] = {q: {n: [] for n in procs} for q in QUERIES}
    rng = random.Random(args.seed)
    for rnd in range(args.rounds):
        for q in QUERIES:
            order = list(procs)
            rng.shuffle(order)
            for name in order:
                p = procs[name]
                assert p.stdin is not None and p.stdout is not None
                p.stdin.write(json.dumps([q, args.reps]) + "\n")
                p.stdin.flush()
                wall, cpu = json.loads(p.stdout.readline())
                res[q][name].append((wall, cpu))
        print(f"round {rnd + 1}/{args.rounds} load {os.getloadavg()[0]:.2f}", file=sys.stderr)
    load1 = os.getloadavg()
    for p in procs.values():
        assert p.stdin is not None
        p.stdin.close()
        p.wait()

    def med(q: str, name: str, i: int) -> float:
        return statistics.median(r[i] for r in res[q][name])

    def ratio(q: str, x: str, y: str) -> float:
        return statistics.median(a[0] / b[0] for a, b in zip(res[q][x], res[q][y], strict=True))

    print(f"load average before {load0[0]:.2f} {load0[1]:.2f}, after {load1[0]:.2f} {load1[1]:.2f}")
    print("| query | SQLite ms | A ms | B ms | A cpu | B cpu | A / SQLite | B / SQLite | B / A |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    report = {}
    for q in QUERIES:
        row = [med(q, n, 0) for n in ("sqlite", "A", "B")] + [med(q, n, 1) for n in ("A", "B")]
        rat = [ratio(q, "A", "sqlite"), ratio(q, "B", "sqlite"), ratio(q, "B", "A")]
        report[q] = {"ms": row, "ratios": rat}
        cells = [f"{x:.1f}" for x in row] + [f"{x:.2f}" for x in rat]
        print(f"| `{q}` | " + " | ".join(cells) + " |")
    if args.json:
        Path(args.json).write_text(json.dumps({"load": [load0, load1], "queries": report}, indent=1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("time")
    t.add_argument("--sqlite", required=True)
    t.add_argument("--a", required=True, help="checkout A (its saidwhat package)")
    t.add_argument("--a-url", required=True)
    t.add_argument("--b", required=True)
    t.add_argument("--b-url", required=True)
    t.add_argument("--rounds", type=int, default=12)
    t.add_argument("--reps", type=int, default=5)
    t.add_argument("--seed", type=int, default=1)
    t.add_argument("--json", default="")
    d = sub.add_parser("dump")
    d.add_argument("--code", required=True)
    d.add_argument("--url", required=True)
    d.add_argument("--out", type=Path, required=True)
    w = sub.add_parser("worker")
    w.add_argument("--code", required=True)
    w.add_argument("--url", required=True)
    args = ap.parse_args()
    if args.cmd == "time":
        timing(args)
    elif args.cmd == "dump":
        dump(args.code, args.url, args.out)
    else:
        worker(args.code, args.url)


if __name__ == "__main__":
    main()
