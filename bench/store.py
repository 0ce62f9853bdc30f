"""Store micro-benchmark: build a 10,000-article store from synthetic analyses, time the queries.

    .venv/bin/python bench/store.py [--docs 10000] [--rebuild]

Prints a table (median / p95 ms per query over repeated runs) and writes ``bench/out/store.json``.
The target (issue 6): every listing/search/entity query well under 200 ms median at 10k articles.
The database is kept in ``bench/out/store-<docs>.db`` and reused unless ``--rebuild``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from saidwhat.model import (  # noqa: E402
    Analysis,
    Content,
    Cue,
    DocMeta,
    Entity,
    Mention,
    Quantity,
    SaidOn,
    Segment,
    Speaker,
    Statement,
    Timex,
    Via,
)
from saidwhat.store import Store  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from names import FIRST, LAST  # noqa: E402

OUT = ROOT / "bench" / "out"
OUTLETS = [
    "Haaretz",
    "KAN",
    "Walla",
    "Channel 12",
    "Channel 13",
    "Al Jazeera",
    "Anadolu",
    "Reuters",
    "AP",
    "AFP",
    "WAFA",
    "Yedioth Ahronoth",
    "Times of Israel",
    "Axios",
    "CNN",
    "BBC",
    "Ynet",
    "Maariv",
]
ACTS = ["claim", "claim", "claim", "demand", "deny", "warn", "threaten", "promise", "confirm"]
WORDS = [
    "ceasefire",
    "hostages",
    "deal",
    "talks",
    "negotiators",
    "Gaza",
    "Qatar",
    "Egypt",
    "release",
    "prisoners",
    "aid",
    "border",
    "withdrawal",
    "proposal",
    "framework",
    "phase",
    "agreement",
    "security",
    "cabinet",
    "vote",
    "strike",
    "humanitarian",
    "corridor",
    "delegation",
    "Doha",
    "Cairo",
    "mediation",
    "guarantees",
    "sanctions",
    "election",
    "coalition",
    "budget",
    "court",
    "ruling",
    "protest",
]


def synth(i: int, rng: random.Random) -> Analysis:
    """One synthetic article with ~12 statements, relays, entities, dates and numbers."""
    people = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(6)]
    year, month, day = 2024 + (i % 2), 1 + (i * 7) % 12, 1 + (i * 13) % 28
    published = f"{year}-{month:02d}-{day:02d}"
    text = f"Headline number {i}: {' '.join(rng.choices(WORDS, k=8))}\n"
    segments = [Segment("headline", 0, len(text))]
    ents: dict[str, Entity] = {}

    def mention(name: str, etype: str, start: int) -> str:
        e = ents.setdefault(name, Entity(f"e{len(ents) + 1}", name, etype, [name]))
        e.mentions.append(Mention(start, start + len(name), name))
        return e.id

    statements: list[Statement] = []
    for k in range(rng.randint(8, 16)):
        vias: list[Via] = []
        if rng.random() < 0.4:
            outlet = rng.choice(OUTLETS)
            text += "According to "
            vias.append(
                Via(
                    outlet,
                    len(text),
                    len(text) + len(outlet),
                    outlet,
                    mention(outlet, "OUTLET", len(text)),
                    "outlet",
                )
            )
            text += outlet + ", "
        anonymous = rng.random() < 0.15
        who = "a senior official" if anonymous else rng.choice(people)
        s0 = len(text)
        eid = None if anonymous else mention(who, "PERSON", s0)
        speaker = Speaker(
            who,
            s0,
            s0 + len(who),
            None if anonymous else who,
            eid,
            anonymous,
            "unknown" if anonymous else "person",
        )
        text += who + " said "
        cue = Cue("said", len(text) - 5, len(text) - 1, "say")
        said_on = None
        if rng.random() < 0.3:
            said_on = SaidOn(
                f"{year}-{month:02d}-{max(1, day - 2):02d}", "on Friday", len(text), len(text) + 9
            )
            text += "on Friday "
        c0 = len(text)
        body = " ".join(rng.choices(WORDS, k=rng.randint(10, 30)))
        text += body
        statements.append(
            Statement(
                f"s{k + 1}",
                Content(body, c0, len(text)),
                speaker,
                cue,
                rng.choice(["direct", "indirect", "mixed"]),
                rng.choice(ACTS),
                vias,
                rng.random() < 0.1,
                None,
                said_on,
                "body",
            )
        )
        text += ". " + " ".join(rng.choices(WORDS, k=rng.randint(5, 40))) + ".\n"
    segments.append(Segment("body", segments[-1].end, len(text)))
    timexes = (
        [Timex("Friday", text.index("Friday"), text.index("Friday") + 6, "DATE", published)]
        if "Friday" in text
        else []
    )
    quantities = [Quantity("number", 9, 15, i, None, "headlines")]
    doc = DocMeta(
        hashlib.sha256(text.encode()).hexdigest(),
        f"synthetic/{i}.txt",
        text,
        f"Article {i}",
        published,
        "metadata",
    )
    return Analysis(doc, segments, statements, list(ents.values()), timexes, quantities)


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float, int]:
    times = []
    n = 0
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
        n = len(result) if isinstance(result, list) else 1
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))], n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--rebuild", action="store_true")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"store-{args.docs}.db"
    build_s = None
    if args.rebuild or not path.exists():
        for p in path.parent.glob(path.name + "*"):
            p.unlink()
        rng = random.Random(7)
        t0 = time.perf_counter()
        with Store(path) as store:
            for i in range(args.docs):
                store.add(synth(i, rng))
                if (i + 1) % 1000 == 0:
                    print(f"  stored {i + 1} articles ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
        build_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    Store(path).close()  # migrates a database built by an older version of the store
    open_s = time.perf_counter() - t0
    with Store(path, read_only=True) as store:
        stats = store.stats()
        top = store.speakers(1)[0]
        relay = store.relays(1)[0]
        some_doc = store.documents(1, 5000)[0].id if stats.documents > 5000 else store.documents(1)[0].id
        queries: list[tuple[str, Callable[[], object]]] = [
            ("stats()", store.stats),
            ("count_documents()", store.count_documents),
            ("documents(50, 0)", lambda: store.documents(50, 0)),
            ("documents(50, 5000)", lambda: store.documents(50, 5000)),
            ("get(doc)", lambda: store.get(some_doc)),
            ("statements(50)", lambda: store.statements(limit=50)),
            ("statements(offset=5000)", lambda: store.statements(limit=50, offset=5000)),
            ("statements(speaker=name)", lambda: store.statements(speaker=top.name)),
            ("statements(act=deny, since)", lambda: store.statements(act="deny", since="2025-03")),
            ("statements(via=outlet)", lambda: store.statements(via=relay.gid)),
            ("statements(anonymous)", lambda: store.statements(anonymous=True)),
            ("count_statements(speaker)", lambda: store.count_statements(speaker=top.gid)),
            ("speakers(10)", lambda: store.speakers(10)),
            ("relays(10)", lambda: store.relays(10)),
            ("entities(50)", lambda: store.entities(50)),
            ("entities(query)", lambda: store.entities(50, query="netan")),
            ("entity(gid)", lambda: store.entity(top.gid)),
            ("entity_statements(gid)", lambda: store.entity_statements(top.gid)),
            ("statements_per_day(gid)", lambda: store.statements_per_day(top.gid)),
            ("search(common word)", lambda: store.search("ceasefire")),
            ("search(two words)", lambda: store.search("hostages Doha")),
            ("search(phrase)", lambda: store.search('"release prisoners"')),
            ("search(rare)", lambda: store.search("Headline number 4242")),
            ("search(word, speaker)", lambda: store.search("ceasefire", speaker=top.gid)),
            ("search(word, kind=article)", lambda: store.search("ceasefire", kind="article")),
        ]
        results = []
        print(
            f"\nstore with {stats.documents} articles, {stats.statements} statements, {stats.entities} "
            f"registry entities ({path.stat().st_size / 1e6:.0f} MB)"
            + (f", built in {build_s:.0f} s ({args.docs / build_s:.0f} articles/s)" if build_s else "")
        )
        print(f"opened read-write (and migrated if needed) in {open_s:.2f} s")
        print(f"{'query':32} {'median ms':>10} {'p95 ms':>9} {'rows':>6}  < 200 ms")
        for name, fn in queries:
            fn()  # warm
            med, p95, n = timed(fn, args.runs)
            ok = med < 200
            results.append(
                {"query": name, "median_ms": round(med, 2), "p95_ms": round(p95, 2), "rows": n, "ok": ok}
            )
            print(f"{name:32} {med:10.1f} {p95:9.1f} {n:6}  {'yes' if ok else 'NO'}")
    report = {
        "documents": stats.documents,
        "statements": stats.statements,
        "registry_entities": stats.entities,
        "db_mb": round(path.stat().st_size / 1e6, 1),
        "build_seconds": round(build_s, 1) if build_s else None,
        "open_migrate_seconds": round(open_s, 2),
        "queries": results,
        "all_under_200ms": all(r["ok"] for r in results),
    }
    (OUT / "store.json").write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nwrote {OUT / 'store.json'}")


if __name__ == "__main__":
    main()
