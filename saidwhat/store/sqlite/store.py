"""The :class:`Store`: an SQLite database of analysed articles (see ``docs/store.md``)."""

from __future__ import annotations

import os
import re
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Literal
from urllib.parse import quote

from saidwhat.claims import ArticleFacts
from saidwhat.errors import SaidwhatError
from saidwhat.filters import StatementFilter
from saidwhat.model import Analysis
from saidwhat.store import browse
from saidwhat.store.fts import fts_query
from saidwhat.store.migrations import LATEST_VERSION, MIGRATIONS, Migration
from saidwhat.store.protocol import SearchKind
from saidwhat.store.registry import (
    AliasRules,
    Resolver,
    entity_variants,
    load_rules,
    normalise,
    rebuild_registry,
)
from saidwhat.store.sqlite.claims import read_claim_facts, read_claim_stories
from saidwhat.store.sqlite.errors import db_error, guard
from saidwhat.store.sqlite.names import Role, match_names, name_clause, named_counts
from saidwhat.store.sqlite.read import load_analysis, load_records
from saidwhat.store.sqlite.search import (
    article_filters,
    fts_errors,
    query_budget,
    search_page,
)
from saidwhat.store.sqlite.stories import (
    has_story_tables,
    read_stories,
    read_story_features,
    read_story_of,
    read_story_state,
)
from saidwhat.store.sqlite.write import insert_analysis
from saidwhat.store.types import (
    AddResult,
    DayCount,
    DocumentSummary,
    NamedCount,
    NameMatch,
    RegistryEntity,
    SearchHit,
    StatementRecord,
    Stats,
)
from saidwhat.stories import ArticleFeatures

BUSY_TIMEOUT_MS = 10_000
FACET_BUDGET = 0.5  # seconds the facet counts of one statements view may take (then: no facets)
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
_DATE_ARG = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_REGISTRY_COLUMNS = "gid, name, type, n_mentions, n_statements, n_documents, n_relayed"
_DOC_COLUMNS = (
    "d.id, d.source, d.title, d.published, d.published_basis, d.url, d.author, d.format, d.version, "
    "d.superseded_by, d.ingested_at, d.n_statements, d.display_title"
)


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
        for m in MIGRATIONS:
            if current < m.version <= target:
                for sql in m.statements:
                    conn.execute(sql)
                conn.execute(
                    "INSERT INTO schema_migrations(version, applied_at, description) VALUES (?, ?, ?)",
                    (m.version, datetime.now(UTC).isoformat(timespec="seconds"), m.description),
                )
                current = m.version
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return int(current)


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


def _check_date(name: str, value: str | None) -> None:
    if value is not None and not _DATE_ARG.match(value):
        raise SaidwhatError("E_BAD_REQUEST", f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")


def _check_page(limit: int, offset: int) -> None:
    if limit < 0 or offset < 0:
        raise SaidwhatError("E_BAD_REQUEST", "limit and offset must not be negative")


def _summary(row: tuple[object, ...]) -> DocumentSummary:
    return DocumentSummary(*row)  # type: ignore[arg-type]


class SQLiteStore:
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
        self.path = Path(path)
        self.read_only = read_only
        self.rules: AliasRules = load_rules(aliases)
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
                self._backfill_match_keys(conn)
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

    def _backfill_match_keys(self, conn: sqlite3.Connection) -> None:
        """Fill the registry's match-key index of a store written before it existed (v6), once.

        Such a store has registry entities and an empty ``registry_keys``: new articles could then
        join old entities only by exact name. The registry is re-resolved as ``entities --aliases``
        would (:func:`rebuild_registry`, the alias file given at open); the index is never empty again
        afterwards, so the check costs two indexed look-ups on every later read-write open."""
        needed = "SELECT EXISTS(SELECT 1 FROM registry_entities) AND NOT EXISTS(SELECT 1 FROM registry_keys)"
        if not conn.execute(needed).fetchone()[0]:
            return
        with self._transaction() as tx:
            if tx.execute(needed).fetchone()[0]:  # re-read inside the write lock: one process fills it
                rebuild_registry(tx, self.rules)

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

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

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

    # -- corpus-stage tables -------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction for a corpus stage's own tables (``E_READ_ONLY`` on a read-only store).

        SQLite errors inside it become ``E_DB_OPEN`` / ``E_DB_CORRUPT`` like everywhere else."""
        try:
            with self._transaction() as conn:
                yield conn
        except sqlite3.Error as exc:
            err = db_error(exc, self.path)
            if err is None:
                raise
            raise err from exc

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: several queries see one consistent state."""
        conn = self._conn()
        try:
            with self._snapshot(conn):
                yield conn
        except sqlite3.Error as exc:
            err = db_error(exc, self.path)
            if err is None:
                raise
            raise err from exc

    @guard
    def migrate_stage(self, stage: str, migrations: Sequence[Migration]) -> int:
        """Apply a corpus stage's pending migrations (recorded per stage in ``stage_migrations``).

        All pending ones run in one transaction; returns the stage's schema version afterwards."""
        with self._transaction() as conn:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS stage_migrations (stage TEXT NOT NULL, version INTEGER NOT NULL, "
                "applied_at TEXT NOT NULL, description TEXT NOT NULL, PRIMARY KEY (stage, version))"
            )
            current = int(
                conn.execute(
                    "SELECT COALESCE(MAX(version), 0) FROM stage_migrations WHERE stage = ?", (stage,)
                ).fetchone()[0]
            )
            for m in migrations:
                if m.version <= current:
                    continue
                for sql in m.statements:
                    conn.execute(sql)
                conn.execute(
                    "INSERT INTO stage_migrations(stage, version, applied_at, description) "
                    "VALUES (?, ?, ?, ?)",
                    (stage, m.version, datetime.now(UTC).isoformat(timespec="seconds"), m.description),
                )
                current = m.version
        return current

    # -- writing -------------------------------------------------------------------------------------

    @guard
    def add(self, analysis: Analysis) -> AddResult:
        """Store one analysed article in its own transaction (the one write path).

        Same ``doc.id`` (content hash) as a stored document → ``"unchanged"``, nothing written.
        Same ``doc.source`` as a stored document but another id → ``"updated"``: a new version, the
        previous one kept and marked superseded. Otherwise ``"new"``. Entities are resolved to global
        registry ids on the way in.
        """
        with self._transaction() as conn:
            names = [(e.name, e.type) for e in analysis.entities]
            return insert_analysis(conn, Resolver(conn, self.rules, document=names), analysis)

    @guard
    def reapply_aliases(self, aliases: Path | None = None) -> int:
        """Re-resolve every stored entity, speaker and relay against the registry and alias file.

        ``aliases`` replaces the alias file given at open (None: re-read that file, or
        ``$SAIDWHAT_ALIASES``). Registry entities no longer used are removed; the others keep their ids.
        Returns how many per-document entities changed global id.
        """
        rules = load_rules(aliases if aliases is not None else self.rules.path)
        with self._transaction() as conn:
            changed = rebuild_registry(conn, rules)
        self.rules = rules
        return changed

    # -- documents -----------------------------------------------------------------------------------

    def _doc_pk(self, doc_id: str) -> int:
        row = self._conn().execute("SELECT pk FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise SaidwhatError("E_NOT_FOUND", f"no document with id {doc_id!r}")
        return int(row[0])

    @guard
    def get(self, doc_id: str) -> Analysis:
        """The stored document ``doc_id`` rebuilt exactly (``E_NOT_FOUND`` when there is none)."""
        conn = self._conn()
        with self._snapshot(conn):
            return load_analysis(conn, self._doc_pk(doc_id))

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

    @guard
    def find(self, doc_id: str) -> DocumentSummary | None:
        """The summary of one document version, or None when there is none (no error)."""
        row = (
            self._conn()
            .execute(f"SELECT {_DOC_COLUMNS} FROM documents d WHERE d.id = ?", (doc_id,))
            .fetchone()
        )
        return None if row is None else _summary(row)

    @guard
    def document(self, doc_id: str) -> DocumentSummary:
        """The summary of one document version (``E_NOT_FOUND`` when there is none)."""
        row = (
            self._conn()
            .execute(f"SELECT {_DOC_COLUMNS} FROM documents d WHERE d.id = ?", (doc_id,))
            .fetchone()
        )
        if row is None:
            raise SaidwhatError("E_NOT_FOUND", f"no document with id {doc_id!r}")
        return _summary(row)

    @guard
    def documents(self, limit: int = 50, offset: int = 0) -> list[DocumentSummary]:
        """Latest versions, newest publication date first (undated last, then most recently stored)."""
        _check_page(limit, offset)
        rows = (
            self._conn()
            .execute(
                f"SELECT {_DOC_COLUMNS} FROM documents d WHERE d.superseded_by IS NULL "
                "ORDER BY d.published DESC, d.pk DESC LIMIT ? OFFSET ?",
                (limit, offset),
            )
            .fetchall()
        )
        return [_summary(r) for r in rows]

    @guard
    def versions(self, source: str) -> list[DocumentSummary]:
        """Every stored version of ``source``, oldest first."""
        rows = (
            self._conn()
            .execute(
                f"SELECT {_DOC_COLUMNS} FROM documents d WHERE d.source = ? ORDER BY d.version", (source,)
            )
            .fetchall()
        )
        return [_summary(r) for r in rows]

    @guard
    def count_documents(self) -> int:
        """How many documents (latest versions) the store holds."""
        return int(self._conn().execute("SELECT documents FROM totals WHERE id = 1").fetchone()[0])

    @guard
    def document_ids(self, *, all_versions: bool = False) -> list[str]:
        """Ids of the latest versions (or of every version), in storage order."""
        where = "" if all_versions else "WHERE superseded_by IS NULL"
        return [r[0] for r in self._conn().execute(f"SELECT id FROM documents {where} ORDER BY pk")]

    def iter_analyses(self, *, all_versions: bool = False) -> Iterator[Analysis]:
        """Every document rebuilt, one at a time (for export): only one is in memory at once."""
        for doc_id in self.document_ids(all_versions=all_versions):
            yield self.get(doc_id)

    @guard
    def entity_links(self, doc_id: str) -> dict[str, int]:
        """For one document: its entity ids (``"e1"``...) → global registry ids."""
        conn = self._conn()
        dpk = self._doc_pk(doc_id)
        out: dict[str, int] = {}
        for eid, gid in conn.execute("SELECT eid, gid FROM entities WHERE doc = ? ORDER BY ord", (dpk,)):
            if gid is not None:
                out.setdefault(eid, gid)
        return out

    # -- statements ----------------------------------------------------------------------------------

    @guard
    def match_names(self, who: int | str, *, role: Literal["speaker", "via"] = "speaker") -> NameMatch:
        """What the ``speaker`` (or ``via``) filter ``who`` matches: entities and unlinked names."""
        conn = self._conn()
        with self._snapshot(conn):
            return match_names(conn, who, role)

    def _statement_filters(
        self,
        *,
        speaker: int | str | None,
        act: str | None,
        mode: str | None,
        via: int | str | None,
        anonymous: bool | None,
        since: str | None,
        until: str | None,
        hedged: bool | None = None,
        platform: str | None = None,
        min_confidence: float | None = None,
    ) -> tuple[list[str], list[object]] | None:
        """WHERE clauses over ``statements s``; None when a name filter matched nothing."""
        _check_date("since", since)
        _check_date("until", until)
        where = ["s.latest = 1"]
        params: list[object] = []
        conn = self._conn()
        names: tuple[tuple[int | str | None, Role], ...] = ((speaker, "speaker"), (via, "via"))
        for who, role in names:
            if who is not None:
                clause = name_clause(match_names(conn, who, role), role)
                if clause is None:
                    return None
                where.append(clause[0])
                params += clause[1]
        for column, value in (("act", act), ("mode", mode)):
            if value is not None:
                where.append(f"s.{column} = ?")
                params.append(value)
        for column, flag in (("COALESCE(s.speaker_anonymous, 0)", anonymous), ("s.hedged", hedged)):
            if flag is not None:
                where.append(f"{column} = ?")
                params.append(int(flag))
        if platform is not None:
            where.append("s.platform = ? COLLATE NOCASE")
            params.append(platform)
        if min_confidence is not None:
            where.append("s.confidence >= ?")
            params.append(min_confidence)
        if since is not None:
            where.append("s.date >= ?")
            params.append(since)
        if until is not None:
            where.append("s.date <= ?")
            params.append(until + "~")  # inclusive of every date under a partial bound ("2025-06")
        return where, params

    @guard
    def statements(
        self,
        *,
        speaker: int | str | None = None,
        act: str | None = None,
        mode: str | None = None,
        since: str | None = None,
        until: str | None = None,
        via: int | str | None = None,
        anonymous: bool | None = None,
        hedged: bool | None = None,
        platform: str | None = None,
        min_confidence: float | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[StatementRecord]:
        """Statements of the latest versions, newest (effective date) first.

        ``speaker`` / ``via``: a registry id, or a name matched by word prefix against registry names and
        aliases and the names of unlinked speakers / relays (:meth:`match_names`). ``since`` / ``until``:
        inclusive bounds on the effective date (``YYYY[-MM[-DD]]``).
        ``anonymous`` / ``hedged``: only (True) or only not (False); ``platform``: case-insensitive.
        """
        _check_page(limit, offset)
        f = self._statement_filters(
            speaker=speaker,
            act=act,
            mode=mode,
            via=via,
            anonymous=anonymous,
            since=since,
            until=until,
            hedged=hedged,
            platform=platform,
            min_confidence=min_confidence,
        )
        if f is None:
            return []
        where, params = f
        conn = self._conn()
        with self._snapshot(conn):
            pks = [
                r[0]
                for r in conn.execute(
                    f"SELECT s.pk FROM statements s WHERE {' AND '.join(where)} "
                    "ORDER BY s.date DESC, s.pk DESC LIMIT ? OFFSET ?",
                    [*params, limit, offset],
                )
            ]
            return load_records(conn, pks)

    @guard
    def count_statements(
        self,
        *,
        speaker: int | str | None = None,
        act: str | None = None,
        mode: str | None = None,
        since: str | None = None,
        until: str | None = None,
        via: int | str | None = None,
        anonymous: bool | None = None,
        hedged: bool | None = None,
        platform: str | None = None,
        min_confidence: float | None = None,
    ) -> int:
        """How many statements :meth:`statements` would page through with these filters."""
        f = self._statement_filters(
            speaker=speaker,
            act=act,
            mode=mode,
            via=via,
            anonymous=anonymous,
            since=since,
            until=until,
            hedged=hedged,
            platform=platform,
            min_confidence=min_confidence,
        )
        if f is None:
            return 0
        where, params = f
        return int(
            self._conn()
            .execute(f"SELECT COUNT(*) FROM statements s WHERE {' AND '.join(where)}", params)
            .fetchone()[0]
        )

    @guard
    def speakers(self, limit: int = 20) -> list[NamedCount]:
        """The most-quoted speakers (registry entities) with their statement counts."""
        _check_page(limit, 0)
        rows = (
            self._conn()
            .execute(
                "SELECT gid, name, type, n_statements FROM registry_entities WHERE n_statements > 0 "
                "ORDER BY n_statements DESC, gid LIMIT ?",
                (limit,),
            )
            .fetchall()
        )
        return [NamedCount(*r) for r in rows]

    @guard
    def relays(self, limit: int = 20) -> list[NamedCount]:
        """The most-cited relays (outlets and other intermediaries in via chains) with statement counts."""
        _check_page(limit, 0)
        rows = (
            self._conn()
            .execute(
                "SELECT gid, name, type, n_relayed FROM registry_entities WHERE n_relayed > 0 "
                "ORDER BY n_relayed DESC, gid LIMIT ?",
                (limit,),
            )
            .fetchall()
        )
        return [NamedCount(*r) for r in rows]

    # -- the registry --------------------------------------------------------------------------------

    def _aliases_of(self, gid: int) -> list[str]:
        return [
            r[0]
            for r in self._conn().execute(
                "SELECT alias FROM registry_aliases WHERE gid = ? ORDER BY origin DESC, alias", (gid,)
            )
        ]

    @guard
    def entity(self, global_id: int) -> RegistryEntity:
        """One registry entity with its aliases and counts (``E_NOT_FOUND`` when there is none)."""
        row = (
            self._conn()
            .execute(f"SELECT {_REGISTRY_COLUMNS} FROM registry_entities WHERE gid = ?", (global_id,))
            .fetchone()
        )
        if row is None:
            raise SaidwhatError("E_NOT_FOUND", f"no entity with id {global_id}")
        return self._registry_entity(row)

    @guard
    def entity_variants(self, global_id: int) -> list[str]:
        """The names joined into registry entity ``global_id`` other than its canonical name (merges)."""
        return entity_variants(self._conn(), global_id)

    def _registry_entity(self, row: tuple[Any, ...]) -> RegistryEntity:
        gid, name, etype, mentions, statements, documents, relayed = row
        if statements or relayed:  # speakers and relays: their unlinked spans count too (names.py)
            mentions, documents = named_counts(self._conn(), gid)
        return RegistryEntity(
            gid, name, etype, self._aliases_of(gid), mentions, statements, documents, relayed
        )

    @guard
    def entities(self, limit: int = 50, offset: int = 0, query: str | None = None) -> list[RegistryEntity]:
        """Registry entities in use, most mentioned first; ``query`` keeps names/aliases containing it."""
        _check_page(limit, offset)
        where = "(n_mentions > 0 OR n_statements > 0 OR n_relayed > 0)"
        params: list[object] = []
        q = normalise(query) if query is not None else ""
        if q:
            where += (
                " AND (instr(norm, ?) > 0 OR gid IN (SELECT gid FROM registry_aliases "
                "WHERE instr(norm, ?) > 0))"
            )
            params += [q, q]
        rows = (
            self._conn()
            .execute(
                f"SELECT {_REGISTRY_COLUMNS} FROM registry_entities WHERE {where} "
                "ORDER BY n_mentions DESC, n_statements DESC, gid LIMIT ? OFFSET ?",
                [*params, limit, offset],
            )
            .fetchall()
        )
        return [self._registry_entity(r) for r in rows]

    @guard
    def entity_statements(
        self,
        global_id: int,
        *,
        act: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[StatementRecord]:
        """Statements whose speaker is registry entity ``global_id``, newest first."""
        return self.statements(
            speaker=global_id, act=act, since=since, until=until, limit=limit, offset=offset
        )

    @guard
    def statements_per_day(self, global_id: int) -> list[DayCount]:
        """Timeline points for one speaker: (effective date, act, count), by date then act."""
        rows = (
            self._conn()
            .execute(
                "SELECT date, act, COUNT(*) FROM statements WHERE latest = 1 AND speaker_gid = ? "
                "AND date IS NOT NULL "
                "GROUP BY date, act ORDER BY date, act",
                (global_id,),
            )
            .fetchall()
        )
        return [DayCount(d, a, int(n)) for d, a, n in rows]

    # -- search --------------------------------------------------------------------------------------

    @guard
    def search(
        self,
        query: str,
        *,
        speaker: int | str | None = None,
        act: str | None = None,
        mode: str | None = None,
        via: int | str | None = None,
        anonymous: bool | None = None,
        since: str | None = None,
        until: str | None = None,
        kind: SearchKind = "all",
        hedged: bool | None = None,
        platform: str | None = None,
        min_confidence: float | None = None,
        sort: Literal["relevance", "date"] = "relevance",
        limit: int = 20,
        offset: int = 0,
        timeout: float | None = None,
        cancel: threading.Event | None = None,
    ) -> list[SearchHit]:
        """Full-text search over statements (content, speaker) and articles (title, text), best first.

        ``query`` is plain words and ``"quoted phrases"`` (all must match; ``word*`` is a prefix); FTS5
        syntax in it is treated as text, so any input is safe, and its cost is bounded (see
        :mod:`saidwhat.store.fts`). Statement filters (speaker, act, mode, via, anonymous) leave
        articles out; since/until filter statements by effective date and articles by publication
        date. Snippets are ``(text, is_match)`` parts, never markup, built for the page returned only.
        ``sort="date"`` orders hits by date, newest first (statements by effective date, articles by
        publication date). An article is left out when one of its statements is among the hits (one
        hit per statement, no article hit repeating it). ``timeout`` (seconds) stops the search with
        ``E_SEARCH_TIMEOUT``; setting ``cancel`` stops it
        with ``E_UNAVAILABLE`` (see :func:`saidwhat.store.sqlite.search.query_budget`).
        """
        _check_page(limit, offset)
        _check_date("since", since)
        _check_date("until", until)
        match = fts_query(query)
        if match is None:
            return []
        statement_only = any(
            x is not None for x in (speaker, act, mode, via, anonymous, hedged, platform, min_confidence)
        )
        conn = self._conn()
        with fts_errors(query), query_budget(conn, timeout, cancel), self._snapshot(conn):
            statements = None
            if kind in ("all", "statement"):
                statements = self._statement_filters(
                    speaker=speaker,
                    act=act,
                    mode=mode,
                    via=via,
                    anonymous=anonymous,
                    since=since,
                    until=until,
                    hedged=hedged,
                    platform=platform,
                    min_confidence=min_confidence,
                )
            articles = None
            if kind in ("all", "article") and not statement_only:
                articles = article_filters(since, until)
            return search_page(
                conn, match, statements=statements, articles=articles, limit=limit, offset=offset, sort=sort
            )

    # -- browsing (the portable queries of saidwhat/store/browse.py) ----------------------------------

    def _browse_where(
        self, conn: sqlite3.Connection, f: StatementFilter
    ) -> tuple[browse.Where | None, dict[str, NameMatch]]:
        matched: dict[str, NameMatch] = {}
        if f.speaker is not None:
            matched["speaker"] = match_names(conn, f.speaker, "speaker")
        if f.via is not None:
            matched["via"] = match_names(conn, f.via, "via")
        where = browse.statement_where(
            f,
            speaker=matched.get("speaker"),
            via=matched.get("via"),
            has_stories=f.story is not None and has_story_tables(conn),
        )
        return where, matched

    @staticmethod
    def _text(q: str | None) -> browse.TextMatch | Literal[False] | None:
        """The FTS5 part of a statements query; False when ``q`` has nothing to find."""
        if q is None:
            return None
        match = fts_query(q)
        if match is None:
            return False
        return browse.TextMatch(
            "JOIN statements_fts f ON f.rowid = s.pk AND statements_fts MATCH ?", (match,), "f.rank"
        )

    @guard
    def browse_statements(
        self,
        f: StatementFilter,
        *,
        q: str | None = None,
        sort: Literal["date", "relevance"] = "date",
        after: browse.Keyset | None = None,
        limit: int = 20,
        facets: Sequence[str] = (),
        top: int = 10,
    ) -> browse.StatementPage:
        """One keyset page of the statements ``f`` (and the words ``q``) select, their total and facets.

        ``sort``: ``date`` (effective date, newest first) or ``relevance`` (needs ``q``); ``after``: the
        cursor of the previous page; ``facets``: names of :data:`saidwhat.store.browse.FACETS`, each
        with its ``top`` values among all the selected statements."""
        _check_page(limit, 0)
        conn = self._conn()
        with fts_errors(q or ""), self._snapshot(conn):
            where, matched = self._browse_where(conn, f)
            text = self._text(q)
            if where is None or text is False:
                empty: dict[str, list[browse.FacetValue]] = {name: [] for name in facets}
                return browse.StatementPage([], None, 0, empty, matched)
            pks, nxt = browse.page_statements(conn, where, sort=sort, after=after, limit=limit, text=text)
            counts, total = self._facets(conn, where, facets, top, text)
            return browse.StatementPage(load_records(conn, pks), nxt, total, counts, matched)

    def _facets(
        self,
        conn: sqlite3.Connection,
        where: browse.Where,
        facets: Sequence[str],
        top: int,
        text: browse.TextMatch | None,
    ) -> tuple[dict[str, list[browse.FacetValue]], int]:
        """The facets within :data:`FACET_BUDGET` seconds (datasette's facet time limit); past it, none
        (``{}``: the page says to narrow the view) and the total alone."""
        if not facets:
            return browse.facet_counts(conn, where, (), text=text)
        try:
            with query_budget(conn, FACET_BUDGET):
                return browse.facet_counts(
                    conn, where, facets, top=top, text=text, has_stories=has_story_tables(conn)
                )
        except SaidwhatError as exc:
            if exc.code != "E_SEARCH_TIMEOUT":
                raise
        return {}, browse.facet_counts(conn, where, (), text=text)[1]

    def _download(
        self, f: StatementFilter, q: str | None, sort: Literal["date", "relevance"]
    ) -> tuple[browse.Where, browse.TextMatch | None] | None:
        conn = self._conn()
        with fts_errors(q or ""):
            where, _ = self._browse_where(conn, f)
        text = self._text(q)
        if where is None or text is False:
            return None
        return where, text

    def iter_statement_rows(
        self, f: StatementFilter, *, q: str | None = None, sort: Literal["date", "relevance"] = "date"
    ) -> Iterator[tuple[Any, ...]]:
        """Every statement ``f`` selects as a flat row (:data:`saidwhat.store.browse.ROW_COLUMNS`), in
        the browser's order, read in keyset batches (a streamed download)."""
        found = self._download(f, q, sort)
        if found is None:
            return
        where, text = found
        try:
            yield from browse.iter_rows(self._conn, where, sort=sort, text=text)
        except sqlite3.Error as exc:
            err = db_error(exc, self.path)
            if err is None:
                raise
            raise err from exc

    def iter_statement_records(
        self, f: StatementFilter, *, q: str | None = None, sort: Literal["date", "relevance"] = "date"
    ) -> Iterator[StatementRecord]:
        """Every statement ``f`` selects as a :class:`StatementRecord`, in keyset batches."""
        found = self._download(f, q, sort)
        if found is None:
            return
        where, text = found
        after: browse.Keyset | None = None
        while True:
            conn = self._conn()
            pks, after = browse.page_statements(conn, where, sort=sort, after=after, limit=500, text=text)
            yield from load_records(conn, pks)
            if after is None:
                return

    @guard
    def browse_articles(
        self,
        *,
        outlet: str | None = None,
        story: str | None = None,
        since: str | None = None,
        until: str | None = None,
        sort: Literal["date", "statements"] = "date",
        limit: int = 20,
        offset: int = 0,
    ) -> tuple[list[browse.ArticleRow], int]:
        """A page of the current articles (of an outlet, a story, a publication period) and their total."""
        _check_page(limit, offset)
        conn = self._conn()
        with self._snapshot(conn):
            stories = has_story_tables(conn)
            where = browse.article_where(
                outlet=outlet, story=story, since=since, until=until, has_stories=stories
            )
            if where is None:
                return [], 0
            rows = browse.list_articles(
                conn, where, sort=sort, limit=limit, offset=offset, has_stories=stories
            )
            return rows, browse.count_articles(conn, where)

    @guard
    def article_outlets(self, top: int = 30) -> list[tuple[str, int]]:
        """The outlets of the current articles with their article counts, most first."""
        return browse.article_outlets(self._conn(), top)

    @guard
    def browse_speakers(
        self, *, type: str | None = None, limit: int = 20, offset: int = 0
    ) -> tuple[list[browse.SpeakerRow], int]:
        """A page of the entities that speak (of one type), most statements first, and their total."""
        _check_page(limit, offset)
        conn = self._conn()
        with self._snapshot(conn):
            return (
                browse.list_speakers(conn, type=type, limit=limit, offset=offset),
                browse.count_speakers(conn, type=type),
            )

    @guard
    def speaker_types(self) -> list[tuple[str, int]]:
        """The entity types of the speakers with how many speakers each has."""
        return browse.speaker_types(self._conn())

    # -- totals --------------------------------------------------------------------------------------

    @guard
    def stats(self) -> Stats:
        """Counts of documents, versions, statements, registry entities and mentions."""
        conn = self._conn()
        with self._snapshot(conn):
            docs, versions, statements, mentions = conn.execute(
                "SELECT documents, versions, statements, mentions FROM totals WHERE id = 1"
            ).fetchone()
            entities = conn.execute(
                "SELECT COUNT(*) FROM registry_entities WHERE n_mentions > 0 OR "
                "n_statements > 0 OR n_relayed > 0"
            ).fetchone()[0]
            version = conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0]
        return Stats(int(docs), int(versions), int(statements), int(entities), int(mentions), int(version))

    # -- the claims corpus stage ---------------------------------------------------------------------

    @guard
    def claim_facts(self, story: str | None = None) -> list[ArticleFacts]:
        """Stored claim facts of the current articles (of one story); [] before the claims stage ran."""
        conn = self._conn()
        with self._snapshot(conn):
            return read_claim_facts(conn, story)

    @guard
    def claim_stories(self) -> list[tuple[str | None, int]]:
        """The stories the claim facts belong to, with their article counts (None: no story)."""
        conn = self._conn()
        with self._snapshot(conn):
            return read_claim_stories(conn)

    # -- the stories corpus stage (saidwhat/corpus/stories.py) ----------------------------------------

    @guard
    def story_of(self, doc_id: str) -> str | None:
        """The story id of a current article; None when it has none (or the stage has not run)."""
        return read_story_of(self._conn(), doc_id)

    @guard
    def stories(self) -> dict[str, list[ArticleFeatures]]:
        """Every story id -> its articles' stored features, oldest first; {} before the stage ran."""
        conn = self._conn()
        with self._snapshot(conn):
            return read_stories(conn)

    @guard
    def story_features(self, story: str | None = None) -> list[ArticleFeatures]:
        """Stored features of one story's articles (of every article with a story when None), oldest
        first; ``E_NOT_FOUND`` for an unknown story id."""
        conn = self._conn()
        with self._snapshot(conn):
            found = read_story_features(conn, story)
        if story is not None and not found:
            raise SaidwhatError("E_NOT_FOUND", f"no story with id {story!r}")
        return found

    @guard
    def story_state(self) -> dict[str, Any] | None:
        """The stories stage's clusterer state (``saidwhat/1-story-state``), None before it ran."""
        conn = self._conn()
        with self._snapshot(conn):
            return read_story_state(conn)
