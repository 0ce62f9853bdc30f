"""``saidwhat copy SRC DST``: move a store exactly between backends (SQLite ↔ PostgreSQL, or the same).

Every row of every table is copied with its keys -- documents and their versions, the analysis
tables, the entity registry (global ids, aliases, match keys, counters), the totals and the corpus
stages' tables -- in one read transaction of the source and one write transaction of the
destination, so a failed copy leaves the destination as it was. The destination must be empty (a
new file or schema; it is created and migrated). Afterwards each backend rebuilds what it derives
(SQLite's FTS5 indexes; PostgreSQL's identity counters); ``tsvector`` columns are generated,
and PostgreSQL's ``documents_ranking`` is filled by its trigger (never copied: migration 9).
Exports of the source and the destination are then byte for byte the same.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from saidwhat.errors import SaidwhatError
from saidwhat.store.protocol import Connection, StoreProtocol
from saidwhat.store.sql.dialect import Dialect, py_number
from saidwhat.store.sql.store import SQLStore

# the store's own tables, parents before children (foreign keys are checked row by row)
CORE_TABLES = (
    "documents",
    "segments",
    "registry_entities",
    "registry_aliases",
    "registry_keys",
    "entities",
    "entity_aliases",
    "entity_attributes",
    "mentions",
    "statements",
    "statement_parts",
    "statement_via",
    "timexes",
    "quantities",
    "totals",
)
# bookkeeping each store keeps itself; generated columns
_OWN = frozenset({"schema_migrations", "stage_migrations"})
_GENERATED = frozenset({"fts"})
_NUMBERS = {"quantities": ("value", "value_max")}
BATCH = 1000


@dataclass(frozen=True, slots=True)
class CopyResult:
    """What was copied: table → rows."""

    rows: dict[str, int]

    @property
    def documents(self) -> int:
        return self.rows.get("documents", 0)


def _columns(conn: Connection, table: str) -> list[str]:
    cur = conn.execute(f"SELECT * FROM {table} WHERE 1 = 0")
    return [str(d[0]) for d in cur.description]


def _rows(conn: Connection, table: str, columns: Sequence[str]) -> Iterator[tuple[Any, ...]]:
    quoted = ", ".join(f'"{c}"' for c in columns)
    order = "pk" if "pk" in columns else ("gid" if "gid" in columns else "1")
    for row in conn.execute(f"SELECT {quoted} FROM {table} ORDER BY {order}"):
        yield tuple(row)


def _copy_table(src: Connection, dst: Connection, table: str, dd: Dialect) -> int:
    columns = [c for c in _columns(src, table) if c not in _GENERATED]
    wanted = set(_columns(dst, table))
    columns = [c for c in columns if c in wanted]
    numbers = [i for i, c in enumerate(columns) if c in _NUMBERS.get(table, ())]
    late = columns.index("superseded_by") if table == "documents" else None  # a key to a later row
    quoted = ", ".join(f'"{c}"' for c in columns)
    sql = f"INSERT INTO {table} ({quoted}) VALUES ({', '.join('?' * len(columns))})"
    links: list[tuple[Any, Any]] = []
    batch: list[tuple[Any, ...]] = []
    n = 0
    for row in _rows(src, table, columns):
        values = list(row)
        for i in numbers:
            values[i] = dd.sql_number(py_number(values[i]))
        if late is not None and values[late] is not None:
            links.append((values[late], values[columns.index("pk")]))
            values[late] = None
        batch.append(tuple(values))
        if len(batch) >= BATCH:
            dst.executemany(sql, batch)
            n, batch = n + len(batch), []
    dst.executemany(sql, batch)
    dst.executemany("UPDATE documents SET superseded_by = ? WHERE pk = ?", links)
    return n + len(batch)


def copy_store(src: StoreProtocol, dst: StoreProtocol) -> CopyResult:
    """Copy every row of ``src`` into the empty store ``dst`` (see the module docstring).

    ``E_BAD_REQUEST`` when ``dst`` is not empty or a store is not an SQL store.
    """
    if not isinstance(src, SQLStore) or not isinstance(dst, SQLStore):
        raise SaidwhatError("E_BAD_REQUEST", "copy works between SQL stores (SQLite, PostgreSQL)")
    from saidwhat.corpus import CORPUS_STAGES  # the stages' tables must exist in the destination

    CORPUS_STAGES.prepare(dst)
    copied: dict[str, int] = {}
    with src.snapshot() as sconn, dst.transaction() as dconn:
        used = dconn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        used += dconn.execute("SELECT COUNT(*) FROM registry_entities").fetchone()[0]
        if used:
            raise SaidwhatError("E_BAD_REQUEST", "the destination store is not empty", dst.location)
        source_tables = src.dialect.tables(sconn)
        target_tables = dst.dialect.tables(dconn)
        internal = (*src.dialect.internal, *dst.dialect.internal)
        stage_tables = sorted(
            t
            for t in source_tables & target_tables
            if t not in CORE_TABLES and t not in _OWN and not t.startswith(internal)
        )
        for table in ("totals", *stage_tables):  # the one totals row, anything a stage wrote at creation
            dconn.execute(f"DELETE FROM {table}")
        for table in (*CORE_TABLES, *stage_tables):
            copied[table] = _copy_table(sconn, dconn, table, dst.dialect)
        for sql in dst.dialect.after_copy:
            dconn.execute(sql)
    return CopyResult(copied)
