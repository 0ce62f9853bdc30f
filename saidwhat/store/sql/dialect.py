"""What differs between the SQL backends, in one small object (everything else is shared SQL).

The shared query layer (:mod:`saidwhat.store.sql`) writes SQLite-flavoured portable SQL with ``?``
placeholders; the PostgreSQL backend's connection translates the placeholders, and its schema
(``POSTGRES_STATEMENTS`` of the migrations) provides ``instr`` and ``tsvector`` columns. What
remains is here: how to list tables, whether the write path feeds FTS5 tables itself, and how a
quantity value (an int of any size, or a float) is held.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from saidwhat.store.protocol import Connection

_INT64 = (-(2**63), 2**63 - 1)
_FLOAT_MARKS = frozenset(".eEnN")  # repr(float) always has one of these: "1.0", "1e+300", "inf", "nan"


@dataclass(frozen=True, slots=True)
class Dialect:
    """One SQL backend's differences (see the module docstring)."""

    name: Literal["sqlite", "postgresql"]
    tables_sql: str  # one column: the names of the tables of the store
    has_table_sql: str  # one row when the table named by the parameter exists in the store
    fts5: bool  # the write path inserts rows into the FTS5 tables (PostgreSQL: generated tsvectors)
    text_numbers: bool  # quantity values are text (PostgreSQL has no untyped column)
    after_copy: tuple[str, ...] = ()  # run after rows were copied in with their keys (saidwhat copy)
    internal: tuple[str, ...] = ()  # prefixes of tables that are the engine's (FTS5 index tables)

    def tables(self, conn: Connection) -> set[str]:
        return {str(r[0]) for r in conn.execute(self.tables_sql)}

    def has_table(self, conn: Connection, table: str) -> bool:
        return conn.execute(self.has_table_sql, (table,)).fetchone() is not None

    def new_keys(self, conn: Connection, table: str, column: str, n: int) -> list[int]:
        """Keys for ``n`` new rows of ``table`` (inside the write transaction), increasing, in one query:
        SQLite's next rowids (what it would give the rows itself: one more than the largest, under
        the write lock), PostgreSQL's identity sequence. The write path then inserts each table's
        rows in one ``executemany``."""
        if n <= 0:
            return []
        if self.name == "sqlite":
            start = int(conn.execute(f"SELECT COALESCE(MAX({column}), 0) FROM {table}").fetchone()[0]) + 1
            return list(range(start, start + n))
        rows = conn.execute(
            f"SELECT nextval(pg_get_serial_sequence('{table}', '{column}')) FROM generate_series(1, ?)", (n,)
        ).fetchall()
        return sorted(int(r[0]) for r in rows)

    def keys_taken(self, conn: Connection, table: str, column: str, last: int) -> None:
        """Keys up to ``last`` of ``table`` were given to rows by the caller (after :meth:`new_keys`):
        PostgreSQL's identity sequence continues after it (SQLite's next rowid follows the largest by
        itself). Sends one statement and reads no answer (pipelined)."""
        if self.name == "postgresql":
            conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), ?)", (last,))

    def sql_number(self, value: float | int | None) -> float | int | str | None:
        """A quantity value as the backend holds it: SQLite keeps ints and floats, except ints beyond
        64 bits (their decimal string); PostgreSQL keeps the ``repr`` text of every value."""
        if value is None or isinstance(value, bool):
            return value
        if self.text_numbers:
            return repr(value)
        if isinstance(value, int) and not _INT64[0] <= value <= _INT64[1]:
            return str(value)
        return value


def py_number(value: Any) -> float | int | None:
    """The inverse of :meth:`Dialect.sql_number`, for either backend."""
    if isinstance(value, str):
        return float(value) if _FLOAT_MARKS & set(value) else int(value)
    if value is None or isinstance(value, int | float):
        return value
    raise TypeError(f"unexpected quantity value {value!r}")


SQLITE = Dialect(
    "sqlite",
    "SELECT name FROM sqlite_master WHERE type = 'table'",
    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
    fts5=True,
    text_numbers=False,
    after_copy=(  # external-content FTS5 indexes are rebuilt from their tables
        "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')",
        "INSERT INTO statements_fts(statements_fts) VALUES ('rebuild')",
    ),
    internal=("documents_fts", "statements_fts", "sqlite_"),
)
POSTGRESQL = Dialect(
    "postgresql",
    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
    "AND table_type = 'BASE TABLE'",
    # the catalogue itself: information_schema's views check privileges row by row (milliseconds)
    "SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = current_schema() AND c.relname = ? AND c.relkind IN ('r', 'p')",
    fts5=False,
    text_numbers=True,
    internal=("documents_ranking",),  # kept by a trigger on documents (migration 9)
    after_copy=tuple(  # identity columns continue after the copied keys
        f"SELECT setval(pg_get_serial_sequence('{table}', '{key}'), COALESCE(MAX({key}), 0) + 1, false) "
        f"FROM {table}"
        for table, key in (
            ("documents", "pk"),
            ("entities", "pk"),
            ("statements", "pk"),
            ("registry_entities", "gid"),
        )
    ),
)
