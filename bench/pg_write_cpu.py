"""CPU per article of the PostgreSQL write path: the client's and the server backend's.

    python bench/pg_write_cpu.py --analyses bench/out/store_pg_analyses.jsonl [--articles 120]
        [--pg postgresql://postgres@127.0.0.1:5432/test] [--stages [--parts]] [--profile FILE] [--sqlite]
        [--no-ranking-trigger] [--no-foreign-keys [TABLE ...]]

Stores the cached analyses (``bench/store_pg.py --analyses``) into a fresh PostgreSQL schema with
``add()`` (and, with ``--stages``, the corpus stages per batch of 16, as ``saidwhat ingest`` does),
and prints per article: wall ms, the client's CPU ms (``time.process_time``), and the CPU ms of the
server backends serving this process (``/proc/PID/stat`` of the backends whose ``application_name``
is this run's; 10 ms ticks, summed over the run) and of the WAL writer. The measure does not depend
on the machine's load the way wall time does. ``--profile FILE`` writes the client's cProfile.
``--sqlite``: the same into a fresh SQLite file (client CPU only: SQLite works in process).
``--no-ranking-trigger`` / ``--no-foreign-keys [TABLE ...]``: drop migration 9's trigger, or the foreign
keys referring to the TABLEs (all of them when none is named), in the fresh schema: what they cost.
``--parts``: the corpus stages' per-article parts (``CorpusRegistry.article_parts``) are made before
the clock starts, as an ingest's analysis workers make them, and handed to the stages with each batch
(the writer's share of an ingest with workers); without it the stages compute them from the stored
articles (as a rebuild does).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from saidwhat.corpus import CORPUS_STAGES  # noqa: E402
from saidwhat.model import Analysis  # noqa: E402
from saidwhat.store import open_store  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")
BATCH = 16


def proc_cpu(pid: int) -> float:
    """Seconds of CPU (user + system) of process ``pid``; 0 when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICK


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--analyses", type=Path, required=True)
    ap.add_argument("--articles", type=int, default=120)
    ap.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test")
    ap.add_argument("--stages", action="store_true", help="run the corpus stages per batch of 16")
    ap.add_argument("--profile", type=Path, default=None)
    ap.add_argument("--sqlite", action="store_true")
    ap.add_argument("--parts", action="store_true", help="the stages' parts made beforehand (as by workers)")
    ap.add_argument(
        "--no-ranking-trigger", action="store_true", help="drop migration 9's trigger (to measure its cost)"
    )
    ap.add_argument(
        "--no-foreign-keys",
        nargs="*",
        metavar="TABLE",
        default=None,
        help="drop the foreign keys referring to TABLEs (none named: all of them), to measure their checks",
    )
    args = ap.parse_args()
    import psycopg

    lines = args.analyses.read_text(encoding="utf-8").splitlines()[1 : args.articles + 1]
    analyses = [Analysis.from_dict(json.loads(line)) for line in lines]
    parts = {a.doc.id: CORPUS_STAGES.article_parts(a) for a in analyses} if args.parts else {}
    app = f"pgwcpu_{uuid.uuid4().hex[:8]}"
    schema = f"pgwcpu_{uuid.uuid4().hex[:8]}"
    tmp = tempfile.TemporaryDirectory()
    url = str(Path(tmp.name) / "w.db") if args.sqlite else f"{args.pg}?application_name={app}&schema={schema}"
    admin = psycopg.connect(args.pg, autocommit=True)
    walwriter = admin.execute("SELECT pid FROM pg_stat_activity WHERE backend_type = 'walwriter'").fetchone()
    store = open_store(url)
    try:
        store.count_documents()  # the pool's connection is open
        if args.no_ranking_trigger:
            admin.execute(f"DROP TRIGGER documents_ranking_sync ON {schema}.documents")
        if args.no_foreign_keys is not None:
            for table, name, parent in admin.execute(
                "SELECT conrelid::regclass::text, conname, confrelid::regclass::text FROM pg_constraint "
                "WHERE contype = 'f' AND connamespace = %s::regnamespace",
                (schema,),
            ).fetchall():
                if not args.no_foreign_keys or parent.split(".")[-1] in args.no_foreign_keys:
                    admin.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')

        def backends() -> dict[int, float]:
            rows = admin.execute("SELECT pid FROM pg_stat_activity WHERE application_name = %s", (app,))
            return {int(p): proc_cpu(int(p)) for (p,) in rows}

        wal0 = proc_cpu(walwriter[0]) if walwriter else 0.0
        before = backends()
        if os.environ.get("PGW_PIDS"):  # for a profiler of the server: the backends, then a pause
            Path(os.environ["PGW_PIDS"]).write_text(",".join(map(str, before)))
            time.sleep(2)
        prof = cProfile.Profile(time.process_time) if args.profile else None
        c0, t0 = time.process_time(), time.perf_counter()
        if prof:
            prof.enable()
        for i in range(0, len(analyses), BATCH):
            ids = [store.add(a).doc_id for a in analyses[i : i + BATCH]]
            if args.stages:
                CORPUS_STAGES.on_added(store, ids, {d: parts[d] for d in ids if d in parts})
        if args.stages:
            CORPUS_STAGES.finish(store)
        if prof:
            prof.disable()
            prof.dump_stats(str(args.profile))
        c1, t1 = time.process_time(), time.perf_counter()
        after = backends()
        wal1 = proc_cpu(walwriter[0]) if walwriter else 0.0
    finally:
        store.close()
        if not args.sqlite:
            admin.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        admin.close()
        tmp.cleanup()
    n = len(analyses)
    server = sum(after[p] - before.get(p, 0.0) for p in after)
    print(
        json.dumps(
            {
                "articles": n,
                "stages": args.stages,
                "parts": args.parts,
                "backend": "sqlite" if args.sqlite else "postgresql",
                "wall_ms": round((t1 - t0) * 1000 / n, 2),
                "client_cpu_ms": round((c1 - c0) * 1000 / n, 2),
                "server_cpu_ms": round(server * 1000 / n, 2),
                "walwriter_cpu_ms": round((wal1 - wal0) * 1000 / n, 2),
                "backends": len(after),
                "load": Path("/proc/loadavg").read_text().split()[:3],
            }
        )
    )


if __name__ == "__main__":
    main()
