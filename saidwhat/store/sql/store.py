""":class:`SQLStore`: every method of the store protocol, in shared SQL, for the SQL backends.

A backend (:mod:`saidwhat.store.sqlite`, :mod:`saidwhat.store.postgres`) subclasses it and supplies
its :class:`~saidwhat.store.sql.dialect.Dialect`, connections (``_reading`` / ``_transaction``),
full-text search (``_search_session`` / ``_search_page``) and the mapping of its driver's errors
(``_map_error``). Everything else -- the write path, the registry, listings, filters, counts, the
corpus-stage tables -- is this one copy of the SQL, so both backends meet one contract.
"""

from __future__ import annotations

import functools
import re
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, ParamSpec, TypeVar, cast

from saidwhat.claims import ArticleFacts
from saidwhat.errors import SaidwhatError
from saidwhat.filters import StatementFilter
from saidwhat.model import Analysis
from saidwhat.store import browse
from saidwhat.store.fts import fts_query
from saidwhat.store.migrations import Migration
from saidwhat.store.protocol import Connection, SearchKind
from saidwhat.store.registry import (
    AliasRules,
    Resolver,
    entity_variants,
    load_rules,
    normalise,
    rebuild_registry,
)
from saidwhat.store.sql.claims import read_claim_facts, read_claim_stories
from saidwhat.store.sql.dialect import Dialect
from saidwhat.store.sql.names import match_names, named_counts, named_counts_many
from saidwhat.store.sql.read import load_analysis, load_records
from saidwhat.store.sql.registry_rows import DocumentRows
from saidwhat.store.sql.stories import (
    has_story_tables,
    read_stories,
    read_story_features,
    read_story_of,
    read_story_state,
)
from saidwhat.store.sql.write import insert_analysis
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

P = ParamSpec("P")
R = TypeVar("R")
Where = tuple[list[str], list[object]]
StatementSort = Literal["date", "relevance"]
FACET_BUDGET = 0.5  # seconds the facet counts of one statements view may take (then: no facets)

_DATE_ARG = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_REGISTRY_COLUMNS = "gid, name, type, n_mentions, n_statements, n_documents, n_relayed"
DOC_COLUMNS = (
    "d.id, d.source, d.title, d.published, d.published_basis, d.url, d.author, d.format, d.version, "
    "d.superseded_by, d.ingested_at, d.n_statements, d.display_title"
)
STAGE_MIGRATIONS_TABLE = (
    "CREATE TABLE IF NOT EXISTS stage_migrations (stage TEXT NOT NULL, version INTEGER NOT NULL, "
    "applied_at TEXT NOT NULL, description TEXT NOT NULL, PRIMARY KEY (stage, version))"
)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def check_date(name: str, value: str | None) -> None:
    if value is not None and not _DATE_ARG.match(value):
        raise SaidwhatError("E_BAD_REQUEST", f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")


def check_page(limit: int, offset: int) -> None:
    if limit < 0 or offset < 0:
        raise SaidwhatError("E_BAD_REQUEST", "limit and offset must not be negative")


def _summary(row: Sequence[object]) -> DocumentSummary:
    return DocumentSummary(*row)  # type: ignore[arg-type]


def article_filters(since: str | None, until: str | None) -> Where:
    """WHERE clauses over ``documents d`` for article hits: latest versions, ``since``/``until`` on the
    publication date."""
    where = browse.article_where(since=since, until=until)
    assert where is not None  # None only for a story filter without the stories stage
    return where


@dataclass(frozen=True, slots=True)
class Candidate:
    """A search hit before its snippet and record: its rank (lower is better), kind, row key, whether it
    was ranked, and its date (a statement's effective date, an article's publication date; "" for none)."""

    rank: float
    kind: str
    pk: int
    ranked: bool
    date: str = ""


def best_page(
    candidates: Callable[[str, Where, int, bool], list[Candidate]],
    statements: Where | None,
    articles: Where | None,
    limit: int,
    offset: int,
    *,
    by_date: bool = False,
    quoted: Callable[[Where], tuple[str, list[object]]] | None = None,
) -> list[Candidate]:
    """Hits ``offset`` … ``offset + limit``, best (``by_date``: newest) first, of the kinds whose WHERE
    clauses are given: ``candidates(kind, where, want, by_date)`` gives the best (newest) ``want`` of one
    kind; statements win ties. ``quoted(statements)``: the clause over ``documents d`` (and its
    parameters) that leaves out the articles with a matching statement (one hit per statement)."""
    want = limit + offset
    found: list[Candidate] = []
    if statements is not None:
        found += candidates("statement", statements, want, by_date)
    if articles is not None:
        if statements is not None and quoted is not None:
            clause, params = quoted(statements)
            articles = ([*articles[0], clause], [*articles[1], *params])
        found += candidates("article", articles, want, by_date)
    if by_date:  # newest first; statements first on the same day
        found.sort(key=lambda c: (c.date, c.kind == "statement", c.pk), reverse=True)
    else:
        found.sort(key=lambda c: c.rank)  # stable: statements first among equal ranks
    return found[offset : offset + limit]


def apply_migrations(
    conn: Connection,
    dialect: Dialect,
    migrations: Sequence[Migration],
    current: int,
    record: Callable[[Migration], None],
    target: int | None = None,
) -> int:
    """Run the statements of ``migrations`` newer than ``current`` (up to ``target``) on ``conn``,
    calling ``record`` after each; the version afterwards. The caller holds the transaction."""
    for m in migrations:
        if current < m.version and (target is None or m.version <= target):
            for sql in m.for_dialect(dialect.name):
                conn.execute(sql)
            record(m)
            current = m.version
    return current


def search_stopped(reason: str, timeout: float | None) -> SaidwhatError:
    """The error of a search stopped by its ``cancel`` event (``"cancelled"``) or its ``timeout``."""
    if reason == "cancelled":
        return SaidwhatError("E_UNAVAILABLE", "the search was cancelled (the client went away)")
    return SaidwhatError(
        "E_SEARCH_TIMEOUT",
        f"the search took longer than {timeout or 0:g} s and was stopped: use fewer or longer words",
    )


def guard(method: Callable[P, R]) -> Callable[P, R]:
    """Turn the driver's errors raised by a public store method into :class:`SaidwhatError`."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except Exception as exc:
            err = cast("SQLStore", args[0])._map_error(exc)
            if err is None:
                raise
            raise err from exc

    return wrapper


class SQLStore(ABC):
    """The store protocol over one SQL database (see the module docstring)."""

    dialect: Dialect
    pipelines = False  # _pipelined() sends statements ahead of reading answers (see add)
    read_only: bool
    rules: AliasRules

    def __init__(self, *, read_only: bool, aliases: Path | None) -> None:
        self.read_only = read_only
        self.rules = load_rules(aliases)

    # -- what a backend supplies ---------------------------------------------------------------------

    @property
    @abstractmethod
    def location(self) -> str:
        """Where the store lives (a path or URL), for messages."""

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def _reading(self) -> AbstractContextManager[Connection]:
        """A connection inside a read transaction (nested calls share it)."""

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[Connection]:
        """A connection inside the write transaction (writes of all processes serialised)."""

    @abstractmethod
    def _search_session(
        self, query: str, timeout: float | None, cancel: threading.Event | None
    ) -> AbstractContextManager[Connection]:
        """A read transaction whose queries stop after ``timeout`` / once ``cancel`` is set."""

    @abstractmethod
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
        """One page of hits, best (or newest) first (see :meth:`search`)."""

    @abstractmethod
    def _text_match(self, conn: Connection, q: str) -> browse.TextMatch | None:
        """The full-text part of a statements query for the words ``q``; None when they have nothing
        to find."""

    @abstractmethod
    def _budget(self, conn: Connection, seconds: float) -> AbstractContextManager[object]:
        """Stop the queries of the block after ``seconds`` (``E_SEARCH_TIMEOUT``); the read transaction
        stays usable afterwards."""

    def _pipelined(self, conn: Connection) -> AbstractContextManager[object]:
        """Inside a write transaction: statements are sent without waiting for each answer, and only
        reading a result waits (a client-server backend saves its round trips; SQLite: as it is)."""
        return nullcontext()

    @abstractmethod
    def _map_error(self, exc: BaseException) -> SaidwhatError | None:
        """The :class:`SaidwhatError` a driver error stands for; None for other exceptions and bugs."""

    def _backfill_match_keys(self) -> None:
        """Fill the registry's match-key index of a store written before it existed (v6), once.

        Such a store has registry entities and an empty ``registry_keys``: new articles could then
        join old entities only by exact name. The registry is re-resolved as ``entities --aliases``
        would (:func:`rebuild_registry`, the alias file given at open); the index is never empty again
        afterwards, so the check costs two indexed look-ups on every later read-write open."""
        needed = "SELECT EXISTS(SELECT 1 FROM registry_entities) AND NOT EXISTS(SELECT 1 FROM registry_keys)"
        with self._reading() as conn:
            if not conn.execute(needed).fetchone()[0]:
                return
        with self._transaction() as tx:
            if tx.execute(needed).fetchone()[0]:  # re-read inside the write lock: one process fills it
                rebuild_registry(tx, self.rules)

    # -- context manager, corpus-stage tables --------------------------------------------------------

    def __enter__(self) -> SQLStore:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @contextmanager
    def _mapped(self, inner: AbstractContextManager[Connection]) -> Iterator[Connection]:
        try:
            with inner as conn:
                yield conn
        except Exception as exc:
            err = self._map_error(exc)
            if err is None:
                raise
            raise err from exc

    def transaction(self) -> AbstractContextManager[Connection]:
        """A write transaction for a corpus stage's own tables (``E_READ_ONLY`` on a read-only store);
        driver errors inside it become ``E_DB_OPEN`` / ``E_DB_CORRUPT`` like everywhere else."""
        return self._mapped(self._transaction())

    def snapshot(self) -> AbstractContextManager[Connection]:
        """A read transaction: several queries see one consistent state."""
        return self._mapped(self._reading())

    @guard
    def migrate_stage(self, stage: str, migrations: Sequence[Migration]) -> int:
        """Apply a corpus stage's pending migrations (recorded per stage in ``stage_migrations``).

        All pending ones run in one transaction; returns the stage's schema version afterwards."""
        with self._transaction() as conn:
            conn.execute(STAGE_MIGRATIONS_TABLE)
            current = int(
                conn.execute(
                    "SELECT COALESCE(MAX(version), 0) FROM stage_migrations WHERE stage = ?", (stage,)
                ).fetchone()[0]
            )

            def record(m: Migration) -> None:
                conn.execute(
                    "INSERT INTO stage_migrations(stage, version, applied_at, description) "
                    "VALUES (?, ?, ?, ?)",
                    (stage, m.version, now_iso(), m.description),
                )

            return apply_migrations(conn, self.dialect, migrations, current, record)

    # -- writing -------------------------------------------------------------------------------------

    @guard
    def add(self, analysis: Analysis) -> AddResult:
        """Store one analysed article in its own transaction (the one write path).

        Same ``doc.id`` (content hash) as a stored document → ``"unchanged"``, nothing written.
        Same ``doc.source`` as a stored document but another id → ``"updated"``: a new version, the
        previous one kept and marked superseded. Otherwise ``"new"``. Entities are resolved to global
        registry ids on the way in.
        """
        with self._transaction() as conn, self._pipelined(conn):
            names = [(e.name, e.type) for e in analysis.entities]
            rows = DocumentRows(conn, self.dialect)
            result = insert_analysis(
                conn, Resolver(conn, self.rules, document=names, rows=rows), analysis, self.dialect
            )
            rows.finish()
            return result

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

    @staticmethod
    def _doc_pk(conn: Connection, doc_id: str) -> int:
        row = conn.execute("SELECT pk FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise SaidwhatError("E_NOT_FOUND", f"no document with id {doc_id!r}")
        return int(row[0])

    @guard
    def get(self, doc_id: str) -> Analysis:
        """The stored document ``doc_id`` rebuilt exactly (``E_NOT_FOUND`` when there is none)."""
        with self._reading() as conn:
            return load_analysis(conn, self._doc_pk(conn, doc_id))

    @guard
    def find(self, doc_id: str) -> DocumentSummary | None:
        """The summary of one document version, or None when there is none (no error)."""
        with self._reading() as conn:
            row = conn.execute(f"SELECT {DOC_COLUMNS} FROM documents d WHERE d.id = ?", (doc_id,)).fetchone()
        return None if row is None else _summary(row)

    def document(self, doc_id: str) -> DocumentSummary:
        """The summary of one document version (``E_NOT_FOUND`` when there is none)."""
        found = self.find(doc_id)
        if found is None:
            raise SaidwhatError("E_NOT_FOUND", f"no document with id {doc_id!r}")
        return found

    @guard
    def documents(self, limit: int = 50, offset: int = 0) -> list[DocumentSummary]:
        """Latest versions, newest publication date first (undated last, then most recently stored)."""
        check_page(limit, offset)
        with self._reading() as conn:
            rows = conn.execute(
                f"SELECT {DOC_COLUMNS} FROM documents d WHERE d.superseded_by IS NULL "
                "ORDER BY d.published DESC NULLS LAST, d.pk DESC LIMIT ? OFFSET ?",
                (limit, offset),
            ).fetchall()
        return [_summary(r) for r in rows]

    @guard
    def versions(self, source: str) -> list[DocumentSummary]:
        """Every stored version of ``source``, oldest first."""
        with self._reading() as conn:
            rows = conn.execute(
                f"SELECT {DOC_COLUMNS} FROM documents d WHERE d.source = ? ORDER BY d.version", (source,)
            ).fetchall()
        return [_summary(r) for r in rows]

    @guard
    def count_documents(self) -> int:
        """How many documents (latest versions) the store holds."""
        with self._reading() as conn:
            return int(conn.execute("SELECT documents FROM totals WHERE id = 1").fetchone()[0])

    @guard
    def document_ids(self, *, all_versions: bool = False) -> list[str]:
        """Ids of the latest versions (or of every version), in storage order."""
        where = "" if all_versions else "WHERE superseded_by IS NULL"
        with self._reading() as conn:
            return [r[0] for r in conn.execute(f"SELECT id FROM documents {where} ORDER BY pk")]

    def iter_analyses(self, *, all_versions: bool = False) -> Iterator[Analysis]:
        """Every document rebuilt, one at a time (for export): only one is in memory at once."""
        for doc_id in self.document_ids(all_versions=all_versions):
            yield self.get(doc_id)

    @guard
    def entity_links(self, doc_id: str) -> dict[str, int]:
        """For one document: its entity ids (``"e1"``...) → global registry ids."""
        out: dict[str, int] = {}
        with self._reading() as conn:
            dpk = self._doc_pk(conn, doc_id)
            for eid, gid in conn.execute("SELECT eid, gid FROM entities WHERE doc = ? ORDER BY ord", (dpk,)):
                if gid is not None:
                    out.setdefault(eid, gid)
        return out

    # -- statements ----------------------------------------------------------------------------------

    @guard
    def match_names(self, who: int | str, *, role: Literal["speaker", "via"] = "speaker") -> NameMatch:
        """What the ``speaker`` (or ``via``) filter ``who`` matches: entities and unlinked names."""
        with self._reading() as conn:
            return match_names(conn, who, role)

    def _statement_filters(self, conn: Connection, **f: Any) -> Where | None:
        """WHERE clauses over ``statements s`` for the filters of :meth:`statements` (the fields of a
        :class:`StatementFilter`); None when a name filter matched nothing."""
        check_date("since", f.get("since"))
        check_date("until", f.get("until"))
        return self._browse_where(conn, StatementFilter(**f))[0]

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
        check_page(limit, offset)
        with self._reading() as conn:
            f = self._statement_filters(
                conn,
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
            pks = [
                r[0]
                for r in conn.execute(
                    f"SELECT s.pk FROM statements s WHERE {' AND '.join(where)} "
                    "ORDER BY s.date DESC NULLS LAST, s.pk DESC LIMIT ? OFFSET ?",
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
        """How many statements :meth:`statements` would page through with these filters (without
        any: the ``totals`` row, which the write path keeps equal to the statements of latest versions,
        instead of counting 200,000 index entries per 10,000 articles)."""
        unfiltered = all(
            v is None
            for v in (speaker, act, mode, since, until, via, anonymous, hedged, platform, min_confidence)
        )
        with self._reading() as conn:
            if unfiltered:
                return int(conn.execute("SELECT statements FROM totals WHERE id = 1").fetchone()[0])
            f = self._statement_filters(
                conn,
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
                conn.execute(
                    f"SELECT COUNT(*) FROM statements s WHERE {' AND '.join(where)}", params
                ).fetchone()[0]
            )

    def _top(self, counter: str, limit: int) -> list[NamedCount]:
        check_page(limit, 0)
        with self._reading() as conn:
            rows = conn.execute(
                f"SELECT gid, name, type, {counter} FROM registry_entities WHERE {counter} > 0 "
                f"ORDER BY {counter} DESC, gid LIMIT ?",
                (limit,),
            ).fetchall()
        return [NamedCount(*r) for r in rows]

    @guard
    def speakers(self, limit: int = 20) -> list[NamedCount]:
        """The most-quoted speakers (registry entities) with their statement counts."""
        return self._top("n_statements", limit)

    @guard
    def relays(self, limit: int = 20) -> list[NamedCount]:
        """The most-cited relays (outlets and other intermediaries in via chains) with statement counts."""
        return self._top("n_relayed", limit)

    # -- the registry --------------------------------------------------------------------------------

    @guard
    def entity(self, global_id: int) -> RegistryEntity:
        """One registry entity with its aliases and counts (``E_NOT_FOUND`` when there is none)."""
        with self._reading() as conn:
            row = conn.execute(
                f"SELECT {_REGISTRY_COLUMNS} FROM registry_entities WHERE gid = ?", (global_id,)
            ).fetchone()
            if row is None:
                raise SaidwhatError("E_NOT_FOUND", f"no entity with id {global_id}")
            return self._registry_entity(conn, row)

    @guard
    def entity_variants(self, global_id: int) -> list[str]:
        """The names joined into registry entity ``global_id`` other than its canonical name (merges)."""
        with self._reading() as conn:
            return entity_variants(conn, global_id)

    @staticmethod
    def _aliases(conn: Connection, gids: Sequence[int]) -> dict[int, list[str]]:
        """The aliases of registry entities ``gids`` (file aliases first, then by alias), one query."""
        out: dict[int, list[str]] = {gid: [] for gid in gids}
        if gids:
            for gid, alias in conn.execute(
                f"SELECT gid, alias FROM registry_aliases WHERE gid IN ({','.join('?' * len(gids))}) "
                "ORDER BY gid, origin DESC, alias",
                list(gids),
            ):
                out[int(gid)].append(alias)
        return out

    @classmethod
    def _registry_entity(
        cls,
        conn: Connection,
        row: Sequence[Any],
        aliases: list[str] | None = None,
        named: dict[int, tuple[int, int]] | None = None,
    ) -> RegistryEntity:
        gid, name, etype, mentions, statements, documents, relayed = row
        if statements or relayed:  # speakers and relays: their unlinked spans count too (names.py)
            mentions, documents = named[gid] if named is not None else named_counts(conn, gid)
        if aliases is None:
            aliases = cls._aliases(conn, [gid])[gid]
        return RegistryEntity(gid, name, etype, aliases, mentions, statements, documents, relayed)

    @guard
    def entities(self, limit: int = 50, offset: int = 0, query: str | None = None) -> list[RegistryEntity]:
        """Registry entities in use, most mentioned first; ``query`` keeps names/aliases containing it."""
        check_page(limit, offset)
        where = "(n_mentions > 0 OR n_statements > 0 OR n_relayed > 0)"
        params: list[object] = []
        q = normalise(query) if query is not None else ""
        if q:
            where += (
                " AND (instr(norm, ?) > 0 OR gid IN (SELECT gid FROM registry_aliases "
                "WHERE instr(norm, ?) > 0))"
            )
            params += [q, q]
        with self._reading() as conn:
            rows = conn.execute(
                f"SELECT {_REGISTRY_COLUMNS} FROM registry_entities WHERE {where} "
                "ORDER BY n_mentions DESC, n_statements DESC, gid LIMIT ? OFFSET ?",
                [*params, limit, offset],
            ).fetchall()
            aliases = self._aliases(conn, [int(r[0]) for r in rows])
            named = named_counts_many(conn, [int(r[0]) for r in rows if r[4] or r[6]])
            return [self._registry_entity(conn, r, aliases[int(r[0])], named) for r in rows]

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
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT date, act, COUNT(*) FROM statements WHERE latest = 1 AND speaker_gid = ? "
                "AND date IS NOT NULL GROUP BY date, act ORDER BY date, act",
                (global_id,),
            ).fetchall()
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

        ``query`` is plain words and ``"quoted phrases"`` (all must match; ``word*`` is a prefix); any
        syntax in it is treated as text, so any input is safe, and its cost is bounded (see
        :mod:`saidwhat.store.fts`). Statement filters (speaker, act, mode, via, anonymous) leave
        articles out; since/until filter statements by effective date and articles by publication
        date. Snippets are ``(text, is_match)`` parts, never markup, built for the page returned only.
        ``sort="date"`` orders hits by date, newest first (statements by effective date, articles by
        publication date). An article is left out when one of its statements is among the hits (one
        hit per statement, no article hit repeating it). ``timeout`` (seconds) stops the search with
        ``E_SEARCH_TIMEOUT``; setting ``cancel`` stops it with ``E_UNAVAILABLE``.
        """
        check_page(limit, offset)
        check_date("since", since)
        check_date("until", until)
        if fts_query(query) is None:
            return []
        statement_only = any(
            x is not None for x in (speaker, act, mode, via, anonymous, hedged, platform, min_confidence)
        )
        with self._search_session(query, timeout, cancel) as conn:
            statements = None
            if kind in ("all", "statement"):
                statements = self._statement_filters(
                    conn,
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
            return self._search_page(conn, query, statements, articles, limit, offset, sort)

    # -- browsing (the portable queries of saidwhat/store/browse.py) ----------------------------------

    def _browse_where(
        self, conn: Connection, f: StatementFilter
    ) -> tuple[Where | None, dict[str, NameMatch]]:
        matched: dict[str, NameMatch] = {}
        if f.speaker is not None:
            matched["speaker"] = match_names(conn, f.speaker, "speaker")
        if f.via is not None:
            matched["via"] = match_names(conn, f.via, "via")
        where = browse.statement_where(
            f,
            speaker=matched.get("speaker"),
            via=matched.get("via"),
            has_stories=f.story is not None and has_story_tables(conn, self.dialect),
        )
        return where, matched

    def _text(self, conn: Connection, q: str | None) -> browse.TextMatch | Literal[False] | None:
        """The full-text part of a statements query; False when ``q`` has nothing to find."""
        if q is None:
            return None
        if fts_query(q) is None:
            return False
        return self._text_match(conn, q) or False

    @guard
    def browse_statements(
        self,
        f: StatementFilter,
        *,
        q: str | None = None,
        sort: StatementSort = "date",
        after: browse.Keyset | None = None,
        limit: int = 20,
        facets: Sequence[str] = (),
        top: int = 10,
    ) -> browse.StatementPage:
        """One keyset page of the statements ``f`` (and the words ``q``) select, their total and facets.

        ``sort``: ``date`` (effective date, newest first) or ``relevance`` (needs ``q``); ``after``: the
        cursor of the previous page; ``facets``: names of :data:`saidwhat.store.browse.FACETS`, each
        with its ``top`` values among all the selected statements."""
        check_page(limit, 0)
        with self._search_session(q or "", None, None) as conn:
            where, matched = self._browse_where(conn, f)
            text = self._text(conn, q)
            if where is None or text is False:
                empty: dict[str, list[browse.FacetValue]] = {name: [] for name in facets}
                return browse.StatementPage([], None, 0, empty, matched)
            pks, nxt = browse.page_statements(conn, where, sort=sort, after=after, limit=limit, text=text)
            counts, total = self._facets(conn, where, facets, top, text)
            return browse.StatementPage(load_records(conn, pks), nxt, total, counts, matched)

    def _facets(
        self,
        conn: Connection,
        where: Where,
        facets: Sequence[str],
        top: int,
        text: browse.TextMatch | None,
    ) -> tuple[dict[str, list[browse.FacetValue]], int]:
        """The facets within :data:`FACET_BUDGET` seconds (datasette's facet time limit); past it, none
        (``{}``: the page says to narrow the view) and the total alone."""
        if not facets:
            return browse.facet_counts(conn, where, (), text=text)
        try:
            with self._budget(conn, FACET_BUDGET):
                return browse.facet_counts(
                    conn, where, facets, top=top, text=text, has_stories=has_story_tables(conn, self.dialect)
                )
        except SaidwhatError as exc:
            if exc.code != "E_SEARCH_TIMEOUT":
                raise
        return {}, browse.facet_counts(conn, where, (), text=text)[1]

    def _download(self, f: StatementFilter, q: str | None) -> tuple[Where, browse.TextMatch | None] | None:
        with self._mapped(self._search_session(q or "", None, None)) as conn:
            where, _ = self._browse_where(conn, f)
            text = self._text(conn, q)
        if where is None or text is False:
            return None
        return where, text

    def _download_session(self, q: str | None) -> Callable[[], AbstractContextManager[Connection]]:
        return lambda: self._mapped(self._search_session(q or "", None, None))

    def iter_statement_rows(
        self, f: StatementFilter, *, q: str | None = None, sort: StatementSort = "date"
    ) -> Iterator[tuple[Any, ...]]:
        """Every statement ``f`` selects as a flat row (:data:`saidwhat.store.browse.ROW_COLUMNS`), in
        the browser's order, read in keyset batches, each in its own read transaction (a streamed
        download may resume on another thread)."""
        found = self._download(f, q)
        if found is None:
            return
        where, text = found
        yield from browse.iter_rows(self._download_session(q), where, sort=sort, text=text)

    def iter_statement_records(
        self, f: StatementFilter, *, q: str | None = None, sort: StatementSort = "date"
    ) -> Iterator[StatementRecord]:
        """Every statement ``f`` selects as a :class:`StatementRecord`, in keyset batches."""
        found = self._download(f, q)
        if found is None:
            return
        where, text = found
        for batch in browse.iter_batches(
            self._download_session(q), where, load_records, sort=sort, text=text, batch=500
        ):
            yield from batch

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
        check_page(limit, offset)
        with self._reading() as conn:
            stories = has_story_tables(conn, self.dialect)
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
        with self._reading() as conn:
            return browse.article_outlets(conn, top)

    @guard
    def browse_speakers(
        self, *, type: str | None = None, limit: int = 20, offset: int = 0
    ) -> tuple[list[browse.SpeakerRow], int]:
        """A page of the entities that speak (of one type), most statements first, and their total."""
        check_page(limit, offset)
        with self._reading() as conn:
            return (
                browse.list_speakers(conn, type=type, limit=limit, offset=offset),
                browse.count_speakers(conn, type=type),
            )

    @guard
    def speaker_types(self) -> list[tuple[str, int]]:
        """The entity types of the speakers with how many speakers each has."""
        with self._reading() as conn:
            return browse.speaker_types(conn)

    # -- totals --------------------------------------------------------------------------------------

    @guard
    def stats(self) -> Stats:
        """Counts of documents, versions, statements, registry entities and mentions."""
        with self._reading() as conn:
            docs, versions, statements, mentions = conn.execute(
                "SELECT documents, versions, statements, mentions FROM totals WHERE id = 1"
            ).fetchone()
            entities = conn.execute(
                "SELECT COUNT(*) FROM registry_entities WHERE n_mentions > 0 OR "
                "n_statements > 0 OR n_relayed > 0"
            ).fetchone()[0]
            version = conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0]
        return Stats(int(docs), int(versions), int(statements), int(entities), int(mentions), int(version))

    # -- the claims and stories corpus stages --------------------------------------------------------

    @guard
    def claim_facts(self, story: str | None = None) -> list[ArticleFacts]:
        """Stored claim facts of the current articles (of one story); [] before the claims stage ran."""
        with self._reading() as conn:
            return read_claim_facts(conn, self.dialect, story)

    @guard
    def claim_stories(self) -> list[tuple[str | None, int]]:
        """The stories the claim facts belong to, with their article counts (None: no story)."""
        with self._reading() as conn:
            return read_claim_stories(conn, self.dialect)

    @guard
    def story_of(self, doc_id: str) -> str | None:
        """The story id of a current article; None when it has none (or the stage has not run)."""
        with self._reading() as conn:
            return read_story_of(conn, self.dialect, doc_id)

    @guard
    def stories(self) -> dict[str, list[ArticleFeatures]]:
        """Every story id -> its articles' stored features, oldest first; {} before the stage ran."""
        with self._reading() as conn:
            return read_stories(conn, self.dialect)

    @guard
    def story_features(self, story: str | None = None) -> list[ArticleFeatures]:
        """Stored features of one story's articles (of every article with a story when None), oldest
        first; ``E_NOT_FOUND`` for an unknown story id."""
        with self._reading() as conn:
            found = read_story_features(conn, self.dialect, story)
        if story is not None and not found:
            raise SaidwhatError("E_NOT_FOUND", f"no story with id {story!r}")
        return found

    @guard
    def story_state(self) -> dict[str, Any] | None:
        """The stories stage's clusterer state (``saidwhat/1-story-state``), None before it ran."""
        with self._reading() as conn:
            return read_story_state(conn, self.dialect)
