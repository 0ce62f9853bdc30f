"""The PostgreSQL backend beyond the shared contract: URLs and errors, several processes writing at
once, kill -9 mid-batch, ``saidwhat copy`` round trips. Skipped with a reason when no server answers
(``tests/pg_fixtures.py``)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from saidwhat.cli import app
from saidwhat.corpus import CORPUS_STAGES
from saidwhat.errors import SaidwhatError
from saidwhat.store import export, open_store
from tests.conftest import ROOT
from tests.pg_fixtures import pg_store_url, require_server
from tests.pg_writer import batch
from tests.store_checks import assert_store_consistent, rows
from tests.test_store import Quote, article


@pytest.fixture
def url() -> Iterator[str]:
    with pg_store_url() as u:
        yield u


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def _writer(url: str, first: int, last: int, variant: str = "") -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.pg_writer", url, str(first), str(last), variant],
        cwd=ROOT,
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_bad_urls_and_an_unreachable_server_are_clear_errors() -> None:
    require_server()
    with pytest.raises(SaidwhatError) as e:
        open_store("postgresql://u:secret@localhost/x?nosuchoption=1")
    assert e.value.code == "E_DB_URL" and "secret" not in e.value.one_line()
    with pytest.raises(SaidwhatError) as e:
        open_store("postgresql://localhost/x?schema=Bad-Name")
    assert e.value.code == "E_DB_URL"
    with pytest.raises(SaidwhatError) as e:
        open_store("postgresql://nobody:pw@127.0.0.1:1/none")
    assert e.value.code == "E_DB_OPEN" and "pw@" not in e.value.one_line()


def test_sqlite_commands_never_import_psycopg(tmp_path: Path) -> None:
    code = (
        "import sys; from saidwhat.store import open_store\n"
        f"open_store({str(tmp_path / 's.db')!r}).close()\n"
        "assert not [m for m in sys.modules if m.startswith('psycopg')], 'psycopg imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, env=_env())


def test_a_foreign_schema_and_a_read_only_open_of_a_new_one_are_refused(url: str) -> None:
    with pytest.raises(SaidwhatError) as e:
        open_store(url, read_only=True)
    assert e.value.code in ("E_DB_OPEN", "E_DB_CORRUPT")
    with open_store(url) as store, store.transaction() as conn:
        conn.execute("CREATE TABLE other_things (x INTEGER)")
        conn.execute("DROP TABLE schema_migrations")
    with pytest.raises(SaidwhatError) as e:
        open_store(url)
    assert e.value.code == "E_DB_CORRUPT"


def test_writers_in_three_processes_and_a_reader_lose_and_duplicate_nothing(url: str) -> None:
    open_store(url).close()  # migrated once; the writers then race on the rows, not the schema
    # three writers over overlapping ranges: articles 10-29 are added by two processes at once
    procs = [_writer(url, 0, 30), _writer(url, 10, 40), _writer(url, 25, 45, "")]
    seen_errors: list[str] = []
    with open_store(url, read_only=True) as reader:
        while any(p.poll() is None for p in procs):  # the web server's reads, meanwhile
            try:
                reader.statements(limit=20)
                reader.search("ceasefire", limit=5)
                reader.stats()
            except SaidwhatError as exc:  # pragma: no cover - reported below
                seen_errors.append(exc.one_line())
            time.sleep(0.02)
    outputs = [p.communicate() for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], [err for _, err in outputs]
    assert seen_errors == []
    statuses = [line.split()[1] for out, _ in outputs for line in out.splitlines()]
    assert statuses.count("new") == 45 and statuses.count("unchanged") == len(statuses) - 45
    with open_store(url) as store:
        assert store.count_documents() == store.stats().versions == 45
        assert_store_consistent(store)
        # one registry entity per person and outlet, whichever process created it first
        names = rows(store, "SELECT norm, COUNT(*) FROM registry_entities GROUP BY norm HAVING COUNT(*) > 1")
        assert names == []
        assert {c.name for c in store.speakers(limit=10)} == set(
            ("Donald Trump", "Benjamin Netanyahu", "Yair Lapid", "Ursula von der Leyen", "Kaja Kallas")
        )


def test_kill_9_mid_batch_loses_no_committed_article_and_a_rerun_completes_it(url: str) -> None:
    open_store(url).close()
    proc = _writer(url, 0, 80)
    assert proc.stdout is not None
    committed: list[int] = []
    for line in proc.stdout:
        committed.append(int(line.split()[0]))
        if len(committed) >= 10:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    committed += [int(line.split()[0]) for line in proc.stdout.read().splitlines() if line.strip()]
    with open_store(url) as store:
        stored = {d.source for d in store.documents(limit=1000)}
        assert {f"wire/{n:04d}.txt" for n in committed} <= stored  # every reported commit is there
        assert len(stored) < 80
        assert_store_consistent(store)
    rerun = _writer(url, 0, 80)
    out, err = rerun.communicate()
    assert rerun.returncode == 0, err
    statuses = dict(line.split() for line in out.splitlines())
    assert sum(s == "unchanged" for s in statuses.values()) == len(stored)
    with open_store(url) as store:
        assert store.count_documents() == store.stats().versions == 80
        assert_store_consistent(store)


def _exports(target: str) -> list[str]:
    runner = CliRunner()
    outs = []
    for fmt in ("jsonl", "csv"):
        result = runner.invoke(app, ["export", "-f", fmt, "--db", target])
        assert result.exit_code == 0, result.output
        outs.append(result.stdout)
    return outs


def _everything(target: str) -> dict[str, object]:
    """What a store holds beyond the export: every version, the registry, the stages' tables."""
    import io

    with open_store(target, read_only=True) as store:
        buf = io.StringIO()
        export(store, "jsonl", buf, all_versions=True)
        return {
            "versions": buf.getvalue(),
            "registry": rows(
                store,
                "SELECT gid, name, norm, type, created_at, n_statements, n_relayed, "
                "n_mentions, n_documents FROM registry_entities ORDER BY gid",
            ),
            "aliases": rows(
                store, "SELECT norm, gid, alias, origin FROM registry_aliases ORDER BY norm, gid"
            ),
            "keys": rows(store, "SELECT key, gid, name, type, uses FROM registry_keys ORDER BY key, gid"),
            "docs": [d for s in ("a.txt", "b.txt", "c.txt") for d in store.versions(s)],
            "stories": rows(store, "SELECT doc_id, story, features FROM story_articles ORDER BY doc_id"),
            "claims": rows(store, "SELECT * FROM claim_facts ORDER BY doc_id"),
            "stats": store.stats(),
            "search": [(h.kind, h.doc_id) for h in store.search("ceasefire", limit=50)],
        }


def test_copy_round_trips_sqlite_postgresql_sqlite_exactly(url: str, tmp_path: Path) -> None:
    first, back = tmp_path / "first.db", tmp_path / "back.db"
    with open_store(first) as store:
        store.add(article("a.txt", "2025-06-01", [Quote("Donald Trump", "the ceasefire holds", via=["KAN"])]))
        store.add(
            article(
                "b.txt", None, [Quote("DJT", "a deal is near"), Quote("an official", "no", anonymous=True)]
            )
        )
        store.add(article("a.txt", "2025-06-02", [Quote("Yair Lapid", "the ceasefire is over")]))  # v2
        store.add(batch(7))
        store.add(
            article(
                "c.txt",
                "2025-06-03",
                [Quote("Kaja Kallas", "more talks", said_on=("2025-06-02", "on Monday"))],
            )
        )
        CORPUS_STAGES.rebuild(store)
    runner = CliRunner()
    for src, dst in ((str(first), url), (url, str(back))):
        result = runner.invoke(app, ["copy", src, dst])
        assert result.exit_code == 0, result.output
    assert _exports(str(first)) == _exports(url) == _exports(str(back))
    assert _everything(str(first)) == _everything(str(back))
    with open_store(url) as store:  # the copy goes on like the original: keys continue, versions too
        assert store.add(article("a.txt", "2025-06-05", [Quote("Yair Lapid", "third")])).version == 3
        assert_store_consistent(store)
    refused = runner.invoke(app, ["copy", str(first), url])
    assert refused.exit_code == 1 and "E_BAD_REQUEST" in refused.output


def test_copy_postgresql_to_postgresql_rebuilds_the_ranking_vectors(url: str, tmp_path: Path) -> None:
    """documents_ranking (migration 9) is the destination's own: filled by its trigger as the
    documents are copied in, never copied as a table (which would insert every row twice)."""
    with open_store(url) as store:
        store.add(article("a.txt", "2025-06-01", [Quote("Donald Trump", "the ceasefire holds")]))
        store.add(article("a.txt", "2025-06-02", [Quote("Yair Lapid", "the ceasefire is over")]))  # v2
        store.add(batch(3))
        CORPUS_STAGES.rebuild(store)
    with pg_store_url() as other:
        result = CliRunner().invoke(app, ["copy", url, other])
        assert result.exit_code == 0, result.output
        assert _exports(url) == _exports(other)
        assert _everything(url) == _everything(other)
        with open_store(other) as copy:
            assert_store_consistent(copy)
            assert rows(copy, "SELECT COUNT(*) FROM documents_ranking") == [(3,)]


def test_search_budget_stops_a_running_query_by_timeout_and_by_cancel(url: str) -> None:
    import threading

    with open_store(url) as store:
        store.add(article("a.txt", "2025-06-01", [Quote("Donald Trump", "the ceasefire holds")]))
        session = store._search_session  # type: ignore[attr-defined]
        started = time.monotonic()
        with pytest.raises(SaidwhatError) as e, session("x", 0.2, None) as conn:
            conn.execute("SELECT pg_sleep(5)")  # a query running long: statement_timeout stops it
        assert e.value.code == "E_SEARCH_TIMEOUT" and time.monotonic() - started < 3
        cancel = threading.Event()
        threading.Timer(0.2, cancel.set).start()
        with pytest.raises(SaidwhatError) as e, session("x", None, cancel) as conn:
            conn.execute("SELECT pg_sleep(5)")  # the client went away: the query is cancelled
        assert e.value.code == "E_UNAVAILABLE" and time.monotonic() - started < 6
        # the article is found through its statement (one hit per statement); alone, it is a hit
        assert [h.kind for h in store.search("ceasefire", timeout=5)] == ["statement"]
        assert [h.kind for h in store.search("ceasefire", kind="article", timeout=5)] == ["article"]
        # the facets' budget: a statement stopped by it leaves the read transaction usable
        with store._reading() as conn:  # type: ignore[attr-defined]
            conn.execute("SET LOCAL statement_timeout = 4000")
            with pytest.raises(SaidwhatError) as e, store._budget(conn, 0.1):  # type: ignore[attr-defined]
                conn.execute("SELECT pg_sleep(3)")
            assert e.value.code == "E_SEARCH_TIMEOUT"
            assert conn.execute("SELECT COUNT(*) FROM statements").fetchone()[0] == 1
            assert conn.execute("SHOW statement_timeout").fetchone()[0] == "4s"
            with store._budget(conn, 2):  # type: ignore[attr-defined]
                conn.execute("SELECT 1")
            assert conn.execute("SHOW statement_timeout").fetchone()[0] == "4s"


def test_every_command_takes_the_url_from_saidwhat_db(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(url) as store:
        store.add(article("a.txt", "2025-06-01", [Quote("Donald Trump", "the ceasefire holds")]))
    monkeypatch.setenv("SAIDWHAT_DB", url)
    runner = CliRunner()
    found = runner.invoke(app, ["statements", "--speaker", "Donald", "--json"])
    assert found.exit_code == 0, found.output
    assert "the ceasefire holds" in found.stdout
    assert runner.invoke(app, ["rebuild"]).exit_code == 0
