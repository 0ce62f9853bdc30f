"""``saidwhat ingest --ray``: the analysis on a real local Ray (2 CPUs, no dashboard, no usage report),
results streamed back to the one write path in input order; an article whose actor dies is retried
once on a fresh actor, then reported (``E_WORKER``), and the batch goes on."""

from __future__ import annotations

import io
import os
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from saidwhat.errors import SaidwhatError
from saidwhat.ingest.raypool import RayAnalyser
from saidwhat.ingest.service import read_paths, store_sources
from saidwhat.settings import Settings
from saidwhat.store import export, open_store
from tests.conftest import ROOT, SAMPLES
from tests.sandbox_tasks import HANG_MARK, KILL_MARK
from tests.test_ingest_service import stage_tables

ray = pytest.importorskip("ray", reason="ray is not installed (the 'ray' extra): Ray ingest tests skipped")


@pytest.fixture(scope="module")
def local_ray() -> Iterator[Any]:
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    ray.init(
        address="local",
        num_cpus=2,
        _node_ip_address="127.0.0.1",
        include_dashboard=False,
        log_to_driver=False,
        logging_level="WARNING",
        runtime_env={"env_vars": {"PYTHONPATH": str(ROOT)}},
    )
    try:
        yield ray
    finally:
        ray.shutdown()


def _ingest(
    db: Path, paths: list[str], analyser: RayAnalyser | None
) -> tuple[list[str], list[SaidwhatError]]:
    settings = Settings(db=str(db))
    errors: list[SaidwhatError] = []
    with open_store(db) as store:
        report = store_sources(
            store,
            read_paths(paths, settings, on_error=errors.append),
            settings,
            analyser=analyser,
            on_error=errors.append,
        )
    return [r.status for r in report.results], errors


def _export(db: Path) -> str:
    out = io.StringIO()
    with open_store(db, read_only=True) as store:
        export(store, "jsonl", out)
    return out.getvalue()


def test_ray_missing_is_a_coded_error_and_nothing_to_analyse_needs_no_ray(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from saidwhat.ingest.base import SourceDoc

    monkeypatch.setitem(sys.modules, "ray", None)  # as if the 'ray' extra were not installed
    pool = RayAnalyser()
    assert list(pool([], Settings())) == []  # a re-ingest of unchanged inputs: Ray is never imported
    with pytest.raises(SaidwhatError) as exc:
        list(pool([SourceDoc("a.txt", "The mayor said so.\n", "a")], Settings()))
    assert exc.value.code == "E_RAY" and "saidwhat[ray]" in exc.value.message


def test_ray_stores_what_one_process_stores_retrying_a_dead_actor_once(
    local_ray: Any, tmp_path: Path
) -> None:
    doomed = tmp_path / "doomed.txt"
    doomed.write_text(f"Doomed\n\nThe mayor said on Monday that {KILL_MARK} was near.\n", encoding="utf-8")
    lucky = tmp_path / "lucky.txt"
    lucky.write_text(
        f"Lucky\n\nThe mayor said on Monday that DIE-ONCE:{tmp_path / 'died'} was near.\n", encoding="utf-8"
    )
    plain = [str(ROOT / "examples"), *([str(SAMPLES)] if SAMPLES.is_dir() else [])]
    here, there = tmp_path / "one.db", tmp_path / "ray.db"
    statuses, errors = _ingest(here, [plain[0], str(lucky), *plain[1:]], None)
    assert errors == [] and set(statuses) == {"new"}

    pool = RayAnalyser(task="tests.sandbox_tasks:ingest_or_die_once")
    statuses2, errors2 = _ingest(there, [plain[0], str(doomed), str(lucky), *plain[1:]], pool)
    assert [(e.code, e.source) for e in errors2] == [("E_WORKER", str(doomed))]
    assert "tried 2 times" in errors2[0].message
    assert statuses2 == statuses  # the lucky article was stored at its second try
    # doomed died twice, lucky once (on a loaded machine Ray may also lose an actor for other reasons,
    # which costs a retry, never an article)
    assert pool.stats.retried.count(str(doomed)) == 1 and pool.stats.retried.count(str(lucky)) == 1
    assert pool.stats.restarts >= 3 and pool.stats.retries == len(pool.stats.retried)
    assert _export(there) == _export(here)  # same documents, same order, byte for byte
    # the corpus stages' tables too: made from the parts the workers sent (tests/test_ingest_service.py:
    # the same as from the stored articles)
    with open_store(here, read_only=True) as one, open_store(there, read_only=True) as other:
        assert stage_tables(other) == stage_tables(one) and stage_tables(one)["claim_facts"]
    assert len(pool.stats.peak_rss) == pool.stats.actors == 2
    with sqlite3.connect(there) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert local_ray.is_initialized()  # a Ray this process had started is left running


def test_an_article_over_its_budget_is_e_timeout_and_the_batch_goes_on(
    local_ray: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dispatcher thread stops an actor over the article's budget (plus the grace): that article is
    E_TIMEOUT at once, without a retry; the articles after it go to a fresh actor and are stored."""
    import saidwhat.ingest.raypool as raypool

    monkeypatch.setattr(raypool, "KILL_GRACE", 1.0)  # the actor is killed 2 s after the article started
    texts = {
        "a.txt": "Talks\n\nThe mayor said on Monday that talks would resume.\n",
        "hang.txt": f"Hang\n\nThe mayor said on Monday that {HANG_MARK} was near.\n",
        "b.txt": "Rain\n\nThe minister said on Tuesday that rain would come.\n",
        "c.txt": "Roads\n\nOfficials said the roads would reopen on Friday.\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    settings = Settings(db=str(tmp_path / "t.db"), analysis_timeout=1.0)
    errors: list[SaidwhatError] = []
    pool = RayAnalyser(task="tests.sandbox_tasks:ingest_or_hang")
    with open_store(tmp_path / "t.db") as store:
        report = store_sources(
            store,
            read_paths([str(tmp_path / n) for n in texts], settings, on_error=errors.append),
            settings,
            analyser=pool,
            on_error=errors.append,
        )
    assert [(e.code, Path(e.source or "").name) for e in errors] == [("E_TIMEOUT", "hang.txt")]
    assert [r.status for r in report.results] == ["new", "new", "new"]
    assert pool.stats.retries == 0 and pool.stats.restarts >= 1


def _closed_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port  # closed again: nothing listens there


def test_an_address_where_nothing_answers_is_e_ray_at_once() -> None:
    """Ray retries an address where nothing answers for minutes; saidwhat tries a TCP connection first."""
    from saidwhat.ingest.base import SourceDoc
    from saidwhat.ingest.raypool import unreachable

    port = _closed_port()
    assert unreachable(f"127.0.0.1:{port}", timeout=2) is not None
    assert unreachable(f"ray://127.0.0.1:{port}", timeout=2) is not None
    assert unreachable("auto") is None  # Ray resolves that one itself
    pool = RayAnalyser(f"127.0.0.1:{port}")
    with pytest.raises(SaidwhatError) as exc:
        list(pool([SourceDoc("a.txt", "The mayor said so.\n", "a")], Settings()))
    assert exc.value.code == "E_RAY" and f"127.0.0.1:{port}" in exc.value.message


def test_an_address_that_answers_is_reachable() -> None:
    import socket

    from saidwhat.ingest.raypool import unreachable

    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        assert unreachable(f"127.0.0.1:{server.getsockname()[1]}", timeout=2) is None
