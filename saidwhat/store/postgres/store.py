"""The :class:`PostgresStore`: the store protocol on PostgreSQL (see ``docs/store.md``).

URL: ``postgresql://[user[:password]@][host][:port][/database][?param=value&...]`` (``postgres://``
too), libpq's parameters plus ``schema=NAME``: the store's tables live in that schema (created on a
read-write open; default: the user's ``search_path``, normally ``public``), so several stores can
share one database.

Connections come from a ``psycopg_pool.ConnectionPool`` shared by the threads of a process; each read
method runs in one ``REPEATABLE READ READ ONLY`` transaction (nested reads of a thread share it), each
write in one transaction that first takes a transaction-level advisory lock of the store
(:data:`LOCK_CLASS`, the schema): writes of every process and thread are serialised, exactly like
SQLite's write lock, so the registry, counters and versions never race, while readers never wait.
Migrations take the same lock, so two processes opening a new store cannot both migrate it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

import psycopg
from psycopg import errors as pg
from psycopg_pool import ConnectionPool

from saidwhat.errors import SaidwhatError
from saidwhat.model import Analysis
from saidwhat.store.browse import TextMatch
from saidwhat.store.migrations import LATEST_VERSION, MIGRATIONS, Migration
from saidwhat.store.postgres.connection import PGConnection
from saidwhat.store.postgres.errors import db_error
from saidwhat.store.postgres.search import search_page, text_match
from saidwhat.store.protocol import Connection
from saidwhat.store.sql.dialect import POSTGRESQL
from saidwhat.store.sql.store import SQLStore, Where, apply_migrations, now_iso, search_stopped
from saidwhat.store.types import AddResult, SearchHit

LOCK_CLASS = 0x5A1D  # first key of the store's advisory lock; the second is hashtext(schema)
CONNECT_TIMEOUT_S = 10
POOL_SIZE = 10
_LOCK = f"SELECT pg_advisory_xact_lock({LOCK_CLASS}, hashtext(current_schema()))"
_READ = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
# a words query finds its rows through the GIN indexes: the planner prices a sequential scan of
# ``documents`` by its 5 MB of rows per 10,000 articles, not by the 150 MB of TOASTed tsvectors that
# ``@@`` decompresses row by row (250 ms instead of 1-20 ms through the index)
# ``enable_seqscan = off`` prices any sequential scan left in a plan at 10^10, far above
# ``jit_above_cost``: without ``jit = off`` such a query of a few ms would first compile itself (JIT
# code generation alone took ~60 ms in an EXPLAIN ANALYZE of a nested-loop article query).
# ``plan_cache_mode = force_custom_plan``: psycopg prepares a statement run 5 times, and after 5 more
# the server may keep a generic plan, blind to how many rows the tsquery matches (an articles query
# of 100 ms took 1.9 s once its plan went generic)
_BY_INDEX = "SET LOCAL enable_seqscan = off; SET LOCAL jit = off"
_INDEXED = f"{_BY_INDEX}; SET LOCAL plan_cache_mode = force_custom_plan"
# ``add()``'s own transaction: every query of the write path finds its rows by key, but in a new store
# (tables never analysed: autovacuum analyses a table a minute or more after it grew) the planner,
# without statistics, scanned the registry tables whole for the document's look-ups (``= ANY`` of 20-100
# values, the counters' UPDATE joined to its deltas): ~10 % of the server's CPU per article, growing
# with the registry until the first ANALYZE. ``jit = off`` for the reason above. SET LOCAL: the
# settings end with the transaction.
_ADD = f"BEGIN; {_BY_INDEX}"
_SCHEMA_OK = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


def parse_url(url: str) -> tuple[str, str | None, str]:
    """``(libpq conninfo URL, schema or None, the URL for messages without its password)``.

    ``E_DB_URL`` for a URL that is not a PostgreSQL URL or names an invalid schema."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise SaidwhatError("E_DB_URL", f"not a valid PostgreSQL URL: {exc}", _masked(url)) from exc
    if parts.scheme.lower() not in ("postgresql", "postgres") or parts.fragment:
        raise SaidwhatError("E_DB_URL", "a PostgreSQL URL is postgresql://user@host:port/database", url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    schema = next((v for k, v in query if k == "schema"), None)
    if schema is not None and (not schema or not set(schema) <= _SCHEMA_OK or schema[0].isdigit()):
        raise SaidwhatError(
            "E_DB_URL", f"schema must be lower-case letters, digits and _, not {schema!r}", _masked(url)
        )
    rest = [(k, v) for k, v in query if k != "schema"]
    if schema is not None:
        rest.append(("options", f"-c search_path={schema}"))
    del port
    conninfo = urlunsplit(("postgresql", parts.netloc, parts.path, urlencode(rest, quote_via=quote), ""))
    try:
        psycopg.conninfo.conninfo_to_dict(conninfo)
    except psycopg.ProgrammingError as exc:
        raise SaidwhatError("E_DB_URL", f"not a valid PostgreSQL URL: {exc}", _masked(url)) from exc
    return conninfo, schema, _masked(url)


def _masked(url: str) -> str:
    try:
        parts = urlsplit(url)
    except ValueError:
        return url.split("@")[-1]
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def _schema_version(conn: Connection, where: str) -> int:
    """The recorded schema version: 0 for an empty schema; E_DB_CORRUPT for a foreign one."""
    tables = POSTGRESQL.tables(conn)
    if not tables:
        return 0
    if "schema_migrations" not in tables:
        raise SaidwhatError(
            "E_DB_CORRUPT", "the schema has tables, but not a saidwhat store's (no schema_migrations)", where
        )
    version = conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0]
    if not isinstance(version, int):
        raise SaidwhatError("E_DB_CORRUPT", "the schema_migrations table is empty", where)
    if version > 0 and "documents" not in tables:
        raise SaidwhatError("E_DB_CORRUPT", "the documents table is missing", where)
    return version


def migrate(conn: Connection, target: int = LATEST_VERSION) -> int:
    """Apply the pending migrations up to ``target`` inside the caller's transaction, which holds the
    store's advisory lock. Returns the version afterwards."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
        "applied_at TEXT NOT NULL, description TEXT NOT NULL)"
    )
    current = int(conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()[0])

    def record(m: Migration) -> None:
        conn.execute(
            "INSERT INTO schema_migrations(version, applied_at, description) VALUES (?, ?, ?)",
            (m.version, now_iso(), m.description),
        )

    return apply_migrations(conn, POSTGRESQL, MIGRATIONS, current, record, target)


class PostgresStore(SQLStore):
    """A store in a PostgreSQL database (schema); see the module docstring.

    Opening connects once (``E_DB_OPEN`` when the server does not answer or refuses), checks the
    schema (``E_DB_CORRUPT`` / ``E_DB_VERSION``) and migrates it unless ``read_only``.
    """

    dialect = POSTGRESQL
    pipelines = True

    def __init__(self, url: str, *, read_only: bool = False, aliases: Path | None = None) -> None:
        super().__init__(read_only=read_only, aliases=aliases)
        self.conninfo, self.schema, self._where = parse_url(url)
        self._local = threading.local()
        self._pool: ConnectionPool[Any] | None = None
        try:
            with psycopg.connect(self.conninfo, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S) as raw:
                self._prepare(PGConnection(raw, writable=not read_only))
            self._pool = ConnectionPool(
                self.conninfo,
                min_size=1,
                max_size=POOL_SIZE,
                kwargs={"autocommit": True, "connect_timeout": CONNECT_TIMEOUT_S},
                timeout=30,
                name="saidwhat",
                open=True,
            )
            if not read_only:
                try:
                    self._backfill_match_keys()
                except BaseException:
                    self.close()
                    raise
        except psycopg.Error as exc:
            err = db_error(exc, self._where)
            if err is None:
                raise
            raise err from exc

    def _prepare(self, conn: PGConnection) -> None:
        """Check the schema version and migrate (read-write) under the store's advisory lock."""
        conn.execute("BEGIN")
        try:
            if self.schema is not None and not self.read_only:
                conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"')
            conn.execute(_LOCK)
            version = _schema_version(conn, self._where)
            if version > LATEST_VERSION:
                raise SaidwhatError(
                    "E_DB_VERSION",
                    f"schema version {version} is newer than this saidwhat knows ({LATEST_VERSION}): "
                    "upgrade saidwhat",
                    self._where,
                )
            if version < LATEST_VERSION:
                if self.read_only:
                    raise SaidwhatError(
                        "E_DB_OPEN",
                        f"schema version {version} needs migrating to {LATEST_VERSION}: "
                        "open it once read-write",
                        self._where,
                    )
                migrate(conn)
            conn.execute("COMMIT")
        except BaseException:
            conn.raw.rollback()
            raise

    @property
    def location(self) -> str:
        """The URL, without its password."""
        return self._where

    def close(self) -> None:
        """Close the pool: every connection. The store is unusable afterwards."""
        if self._pool is not None:
            self._pool.close()

    # -- transactions --------------------------------------------------------------------------------

    @contextmanager
    def _session(self, begin: str, *, write: bool) -> Iterator[PGConnection]:
        current: PGConnection | None = getattr(self._local, "conn", None)
        if current is not None:
            if write and not current.writable:
                raise RuntimeError("a write transaction cannot start inside a read transaction")
            yield current
            return
        if self._pool is None or self._pool.closed:
            raise SaidwhatError("E_DB_OPEN", "the store is closed", self._where)
        with self._pool.connection() as raw:
            conn = PGConnection(raw, writable=write)
            raw.execute(begin)
            self._local.conn = conn
            try:
                if write:
                    raw.execute(_LOCK)
                yield conn
            except BaseException:
                self._local.conn = None
                if not raw.closed and not raw.broken:
                    raw.execute("ROLLBACK")
                raise
            self._local.conn = None
            raw.execute("COMMIT")

    def add(self, analysis: Analysis) -> AddResult:
        """:meth:`SQLStore.add`, its transaction begun with :data:`_ADD`'s settings (when it is its own)."""
        self._local.adding = True
        try:
            return super().add(analysis)
        finally:
            self._local.adding = False

    def _reading(self) -> Any:
        return self._session(_READ, write=False)

    def _transaction(self) -> Any:
        if self.read_only:
            raise SaidwhatError("E_READ_ONLY", "the store is open read-only", self._where)
        if getattr(self._local, "adding", False):
            return self._session(_ADD, write=True)
        return self._session("BEGIN", write=True)

    # -- search --------------------------------------------------------------------------------------

    @contextmanager
    def _search_session(
        self, query: str, timeout: float | None, cancel: threading.Event | None
    ) -> Iterator[Connection]:
        if cancel is not None and cancel.is_set():
            raise search_stopped("cancelled", timeout)
        settings = [_INDEXED] if query.strip() else []
        if timeout is not None:
            settings.append(f"SET LOCAL statement_timeout = {max(1, int(timeout * 1000))}")
        nested = getattr(self._local, "conn", None) is not None
        # a new transaction sends its settings with its BEGIN (one round trip instead of two)
        begin = "; ".join([_READ, *settings]) if settings and not nested else _READ
        with self._session(begin, write=False) as conn:
            if settings and nested:
                conn.execute("; ".join(settings))
            done = threading.Event()
            watcher = None
            if cancel is not None:
                watcher = threading.Thread(target=_watch, args=(conn.raw, cancel, done), daemon=True)
                watcher.start()
            try:
                yield conn
            except pg.QueryCanceled:
                raise search_stopped(
                    "cancelled" if cancel is not None and cancel.is_set() else "timeout", timeout
                ) from None
            finally:
                done.set()
                if watcher is not None:
                    watcher.join()

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
        return search_page(
            conn, query, statements=statements, articles=articles, limit=limit, offset=offset, sort=sort
        )

    def _pipelined(self, conn: Connection) -> AbstractContextManager[object]:
        """psycopg's pipeline mode: a write's INSERTs and UPDATEs go out without waiting for their
        answers (an error surfaces at the next read or at the end, and the transaction rolls back)."""
        assert isinstance(conn, PGConnection)
        return conn.raw.pipeline()

    def _text_match(self, conn: Connection, q: str) -> TextMatch | None:
        return text_match(conn, q)

    @contextmanager
    def _budget(self, conn: Connection, seconds: float) -> Iterator[object]:
        """``statement_timeout`` inside a savepoint, rolled back to afterwards (the block only reads):
        a stopped statement does not end the read transaction, and its own timeout, if any, is back.
        Two round trips (statements without parameters go out together)."""
        conn.execute(f"SAVEPOINT budget; SET LOCAL statement_timeout = {max(1, int(seconds * 1000))}")
        try:
            yield None
        except pg.QueryCanceled:
            conn.execute("ROLLBACK TO SAVEPOINT budget; RELEASE SAVEPOINT budget")
            raise search_stopped("timeout", seconds) from None
        conn.execute("ROLLBACK TO SAVEPOINT budget; RELEASE SAVEPOINT budget")

    def _map_error(self, exc: BaseException) -> SaidwhatError | None:
        return db_error(exc, self._where)


def _watch(raw: psycopg.Connection[Any], cancel: threading.Event, done: threading.Event) -> None:
    """Cancel the running query of ``raw`` once ``cancel`` is set (until ``done``)."""
    while not done.wait(0.02):
        if cancel.is_set():
            raw.cancel_safe()
            return
