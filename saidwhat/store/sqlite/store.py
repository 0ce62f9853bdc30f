"""The :class:`Store`: an SQLite database of analysed articles (see ``docs/store.md``)."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Literal, cast
from urllib.parse import quote

from saidwhat.errors import SaidwhatError
from saidwhat.store.browse import TextMatch
from saidwhat.store.fts import fts_query
from saidwhat.store.migrations import LATEST_VERSION, MIGRATIONS, Migration
from saidwhat.store.protocol import Connection
from saidwhat.store.sql.dialect import SQLITE
from saidwhat.store.sql.store import SQLStore, Where, apply_migrations, now_iso
from saidwhat.store.sqlite.errors import db_error
from saidwhat.store.sqlite.search import fts_errors, query_budget, search_page
from saidwhat.store.types import SearchHit

BUSY_TIMEOUT_MS = 10_000
# after SQLite's own busy timeout, a write transaction that cannot start is retried with a bounded
# backoff (another process may hold the write lock for a corpus stage's long transaction); past
# BUSY_RETRY_SECONDS in all, the write fails with E_DB_BUSY and nothing is written
BUSY_RETRY_SECONDS = 60.0
BUSY_BACKOFF = (0.05, 2.0)  # first and largest pause between two tries, seconds


def _is_busy(exc: sqlite3.Error) -> bool:
    low = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in low or "busy" in low)


def begin_immediate(conn: sqlite3.Connection, where: str) -> None:
    """``BEGIN IMMEDIATE`` (take the write lock now), waiting for another writer: SQLite's busy
    timeout, then tries with a growing pause for up to :data:`BUSY_RETRY_SECONDS` (``E_DB_BUSY``)."""
    started = time.monotonic()
    pause, largest = BUSY_BACKOFF
    while True:
        try:
            conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            waited = time.monotonic() - started
            if not _is_busy(exc):
                raise
            if waited >= BUSY_RETRY_SECONDS:
                raise SaidwhatError(
                    "E_DB_BUSY",
                    f"another process has been writing to the database for over {waited:.0f} s "
                    "(nothing was written); try again when it is done",
                    where,
                ) from exc
            time.sleep(min(pause, max(BUSY_RETRY_SECONDS - waited, 0.0)))
            pause = min(pause * 2, largest)


SQLITE_MAGIC = b"SQLite format 3\x00"


def migrate(conn: sqlite3.Connection, target: int = LATEST_VERSION) -> int:
    """Apply the pending migrations up to ``target``, all in one ``BEGIN IMMEDIATE`` transaction.

    The version is re-read inside the transaction, so two processes opening a database at once cannot
    both migrate it; a failing migration leaves the database as it was. Returns the version afterwards.
    ``conn`` must be in autocommit mode (``isolation_level=None``).
    """
    begin_immediate(conn, "migrations")
    try:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
            "applied_at TEXT NOT NULL, description TEXT NOT NULL)"
        )
        current = conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()[0]
        current = apply_migrations(
            conn, SQLITE, MIGRATIONS, int(current), lambda m: record_migration(conn, m), target
        )
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return int(current)


def record_migration(conn: Connection, m: Migration) -> None:
    """One row of ``schema_migrations`` for migration ``m`` (just applied)."""
    conn.execute(
        "INSERT INTO schema_migrations(version, applied_at, description) VALUES (?, ?, ?)",
        (m.version, now_iso(), m.description),
    )


def _schema_version(conn: sqlite3.Connection, path: Path) -> int:
    """The recorded schema version: 0 for an empty database; E_DB_CORRUPT for a foreign one."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return 0
    if "schema_migrations" not in tables:
        raise SaidwhatError(
            "E_DB_CORRUPT", "an SQLite database, but not a saidwhat one (no schema_migrations)", str(path)
        )
    version = conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0]
    if not isinstance(version, int):
        raise SaidwhatError("E_DB_CORRUPT", "the schema_migrations table is empty or damaged", str(path))
    if version > 0 and "documents" not in tables:
        raise SaidwhatError("E_DB_CORRUPT", "the documents table is missing", str(path))
    return version


class SQLiteStore(SQLStore):
    dialect = SQLITE
    """An SQLite store of :class:`~saidwhat.model.Analysis` documents.

    ``Store(path)`` opens (creating and migrating as needed) the database at ``path``;
    ``read_only=True`` opens it with ``mode=ro`` and never writes (an outdated schema is then an
    ``E_DB_OPEN`` error). ``aliases`` is the alias file (default ``$SAIDWHAT_ALIASES``, else none).
    Use it as a context manager or call :meth:`close`.

    Threads: each thread gets its own SQLite connection (created on first use, closed by :meth:`close`
    or when a later connection is made after that thread ended); writes are serialised by a lock (and
    across processes by SQLite's own lock with a busy timeout). Readers never block on
    the writer (WAL). One ``Store`` can therefore be shared by all worker threads of a web server.

    Errors: opening raises ``SaidwhatError`` ``E_DB_OPEN`` (path not usable/writable),
    ``E_DB_CORRUPT`` (not SQLite, damaged, or not a saidwhat database), ``E_DB_VERSION`` (written by a
    newer saidwhat). Queries turn SQLite errors into the same codes.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False, aliases: Path | None = None) -> None:
        super().__init__(read_only=read_only, aliases=aliases)
        self.path = Path(path)
        self._local = threading.local()
        self._conns: list[tuple[threading.Thread, sqlite3.Connection]] = []
        self._conns_lock = threading.Lock()
        self._write_lock = threading.RLock()
        self._closed = False
        self._precheck()
        try:
            conn = self._conn()
            version = _schema_version(conn, self.path)
            if version > LATEST_VERSION:
                raise SaidwhatError(
                    "E_DB_VERSION",
                    f"schema version {version} is newer than this saidwhat knows ({LATEST_VERSION}): "
                    f"upgrade saidwhat",
                    str(self.path),
                )
            if not read_only:
                conn.execute("PRAGMA journal_mode = WAL")
                if version < LATEST_VERSION:
                    migrate(conn)
                self._backfill_match_keys()
            elif version < LATEST_VERSION:
                raise SaidwhatError(
                    "E_DB_OPEN",
                    f"schema version {version} needs migrating to {LATEST_VERSION}: open it once read-write",
                    str(self.path),
                )
        except sqlite3.Error as exc:
            self.close()
            err = db_error(exc, self.path)
            if err is None:
                raise
            raise err from exc
        except BaseException:
            self.close()
            raise

    # -- connections ---------------------------------------------------------------------------------

    def _precheck(self) -> None:
        p = self.path
        where = str(p)
        if p.is_dir():
            raise SaidwhatError("E_DB_OPEN", "the database path is a directory", where)
        if p.exists():
            try:
                with p.open("rb") as fh:
                    head = fh.read(len(SQLITE_MAGIC))
            except OSError as exc:
                raise SaidwhatError("E_DB_OPEN", f"cannot read the database: {exc.strerror}", where) from exc
            if head and head != SQLITE_MAGIC:
                raise SaidwhatError("E_DB_CORRUPT", "the file is not an SQLite database", where)
        elif self.read_only:
            raise SaidwhatError("E_DB_OPEN", "the database does not exist (opened read-only)", where)
        if self.read_only:
            return
        parent = p.absolute().parent
        if not parent.is_dir():
            raise SaidwhatError("E_DB_OPEN", f"the directory {parent} does not exist", where)
        if not os.access(parent, os.W_OK | os.X_OK):
            raise SaidwhatError("E_DB_OPEN", f"the directory {parent} is not writable", where)
        if p.exists() and not os.access(p, os.W_OK):
            raise SaidwhatError(
                "E_DB_OPEN", "the database file is read-only (use read_only=True to read it)", where
            )

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is not None:
            return conn
        if self._closed:
            raise SaidwhatError("E_DB_OPEN", "the store is closed", str(self.path))
        mode = "ro" if self.read_only else "rwc"
        uri = f"file:{quote(str(self.path.absolute()))}?mode={mode}"
        try:
            conn = sqlite3.connect(
                uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise SaidwhatError("E_DB_OPEN", f"cannot open the database: {exc}", str(self.path)) from exc
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not self.read_only:
            conn.execute("PRAGMA synchronous = NORMAL")
        self._local.conn = conn
        with self._conns_lock:  # close the connections of threads that have ended, keep this one
            alive = []
            for thread, other in self._conns:
                if thread.is_alive():
                    alive.append((thread, other))
                else:
                    other.close()
            self._conns = [*alive, (threading.current_thread(), conn)]
        return conn

    def close(self) -> None:
        """Close every connection of every thread. The store is unusable afterwards."""
        self._closed = True
        with self._conns_lock:
            for _, conn in self._conns:
                conn.close()
            self._conns.clear()
        self._local = threading.local()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            raise SaidwhatError("E_READ_ONLY", "the store is open read-only", str(self.path))
        with self._write_lock:
            conn = self._conn()
            begin_immediate(conn, str(self.path))
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    @property
    def location(self) -> str:
        """The database file, as given."""
        return str(self.path)

    @contextmanager
    def _snapshot(self, conn: sqlite3.Connection) -> Iterator[None]:
        """A read transaction, so multi-query reads see one consistent state."""
        if conn.in_transaction:
            yield
            return
        conn.execute("BEGIN")
        try:
            yield
        finally:
            conn.execute("COMMIT")

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        conn = self._conn()
        with self._snapshot(conn):
            yield conn

    @contextmanager
    def _search_session(
        self, query: str, timeout: float | None, cancel: threading.Event | None
    ) -> Iterator[sqlite3.Connection]:
        conn = self._conn()
        with fts_errors(query), query_budget(conn, timeout, cancel), self._snapshot(conn):
            yield conn

    def _search_page(
        self,
        conn: Connection,
        query: str,
        statements: Where | None,
        articles: Where | None,
        limit: int,
        offset: int,
        sort: Literal["relevance", "date"],
    ) -> list[SearchHit]:
        match = fts_query(query)
        assert match is not None  # search() returns [] before for a query with nothing to find
        return search_page(
            cast(sqlite3.Connection, conn),
            match,
            statements=statements,
            articles=articles,
            limit=limit,
            offset=offset,
            sort=sort,
        )

    def _text_match(self, conn: Connection, q: str) -> TextMatch | None:
        match = fts_query(q)
        if match is None:
            return None
        return TextMatch(
            "JOIN statements_fts f ON f.rowid = s.pk AND statements_fts MATCH ?", (match,), "f.rank"
        )

    def _budget(self, conn: Connection, seconds: float) -> AbstractContextManager[object]:
        return query_budget(cast(sqlite3.Connection, conn), seconds)

    def _map_error(self, exc: BaseException) -> SaidwhatError | None:
        return db_error(exc, self.path) if isinstance(exc, sqlite3.Error) else None
