"""The PostgreSQL connection's multi-row INSERTs (saidwhat/store/postgres/connection.py) and the
write path's registry ids on both backends (tests against the real server; skipped without one)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from saidwhat.store import open_store
from saidwhat.store.postgres import connection
from saidwhat.store.postgres.connection import _chunks, _multi_row, _values_sql
from tests.pg_fixtures import pg_store_url
from tests.test_store import Quote, article


def test_only_plain_inserts_become_multi_row() -> None:
    sql = 'INSERT INTO mentions(entity, ord, start, "end", text) VALUES (?, ?, ?, ?, ?)'
    head, tail = _multi_row(sql) or ("", "")
    assert _values_sql(head, tail, 5, 2) == (
        'INSERT INTO mentions(entity, ord, start, "end", text) VALUES '
        "(%s, %s, %s, %s, %s), (%s, %s, %s, %s, %s)"
    )
    assert _multi_row("INSERT INTO k(a, b) VALUES (?, ?) ON CONFLICT DO NOTHING") is not None
    assert _multi_row("INSERT INTO k(a, b) VALUES (?, ?) ON CONFLICT(a) DO UPDATE SET b = 1") is None
    assert _multi_row("INSERT INTO k(a) VALUES (?) RETURNING a") is None
    assert _multi_row("UPDATE k SET a = ? WHERE b = ?") is None


def test_rows_go_in_statements_of_power_of_two_sizes() -> None:
    """A table's rows take a few statement texts only (converted once, prepared by the server)."""
    for step in (1, 2, 8, 256):
        for n in range(0, 600):
            sizes = _chunks(n, step)
            assert sum(sizes) == n
            assert all(s & (s - 1) == 0 and s <= step for s in sizes)
            assert sizes == sorted(sizes, reverse=True)
            assert len(sizes) <= n // step + step.bit_length()
    assert _chunks(37, 256) == [32, 4, 1]


def test_multi_row_inserts_keep_every_row_and_value(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(connection, "MAX_PARAMETERS", 9)  # 3 rows of 3 values per statement
    with pg_store_url() as url:
        store = open_store(url)
        try:
            with store.transaction() as conn:
                conn.execute("CREATE TABLE t (a BIGINT PRIMARY KEY, b TEXT, c DOUBLE PRECISION)")
                rows: list[tuple[Any, ...]] = [
                    (i, None if i % 3 else f"x{i}", i / 7 if i % 2 else i) for i in range(8)
                ]
                conn.executemany("INSERT INTO t(a, b, c) VALUES (?, ?, ?)", rows)
                # duplicates within one statement and with stored rows: skipped, as row by row
                conn.executemany(
                    "INSERT INTO t(a, b, c) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    [(8, "y", 1.5), (8, "z", 2.5), (0, "w", 0.0), (9, "%s?", None)],
                )
                got = conn.execute("SELECT a, b, c FROM t ORDER BY a").fetchall()
        finally:
            store.close()
    assert got == [*[(a, b, float(c)) for a, b, c in rows], (8, "y", 1.5), (9, "%s?", None)]


def _registry(target: Any) -> list[list[tuple[Any, ...]]]:
    quotes = [
        [Quote("Benjamin Netanyahu", "talks go on", via=["Reuters"]), Quote("Netanyahu", "a vote")],
        [Quote("Binyamin Netanyahu", "close", via=["Haaretz"]), Quote("Hamas", "no deal")],
        [Quote("Jake Sullivan", "it holds"), Quote("Sullivan", "progress", via=["Reuters", "KAN"])],
    ]
    store = open_store(target)
    try:
        for round_ in range(2):
            for i, q in enumerate(quotes):
                store.add(article(f"a{i}.txt", f"2025-06-0{i + 1}", q, title=f"t{round_}"))
        with store.transaction() as conn:
            return [
                [tuple(r) for r in conn.execute(sql).fetchall()]
                for sql in (
                    "SELECT gid, name, type, n_statements, n_relayed, n_mentions, n_documents "
                    "FROM registry_entities ORDER BY gid",
                    "SELECT key, gid, name, type, uses FROM registry_keys ORDER BY gid, key",
                    "SELECT pk, gid FROM entities ORDER BY pk",
                    "SELECT pk, speaker_gid FROM statements ORDER BY pk",
                )
            ]
    finally:
        store.close()


def test_registry_ids_are_the_same_on_both_backends(tmp_path: Path) -> None:
    """The write path gives the same registry ids, keys and counters on SQLite and PostgreSQL (new
    entities take the next key of the table or of the identity sequence without asking for it), and
    PostgreSQL's sequence goes on after them."""
    with pg_store_url() as url:
        pg = _registry(url)
        store = open_store(url)
        try:
            with store.transaction() as conn:
                nxt = conn.execute("SELECT nextval(pg_get_serial_sequence('registry_entities', 'gid'))")
                next_gid = int(nxt.fetchone()[0])
        finally:
            store.close()
    sqlite = _registry(tmp_path / "s.db")
    assert pg == sqlite
    assert len(sqlite[0]) > 4 and next_gid == max(r[0] for r in sqlite[0]) + 1
