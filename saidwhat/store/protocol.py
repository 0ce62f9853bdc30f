"""The store protocol: what every store backend offers (the method table of ``docs/store.md``).

The CLI, the web app, the ingest service and the corpus stages are written against
:class:`StoreProtocol`, never against a backend class; :func:`saidwhat.store.open_store` picks the
backend from a path or URL. Errors are backend-neutral :class:`~saidwhat.errors.SaidwhatError` codes
(``E_DB_OPEN``, ``E_DB_CORRUPT``, ``E_DB_VERSION``, ``E_NOT_FOUND``, ``E_BAD_REQUEST``,
``E_READ_ONLY``; ``search`` also ``E_SEARCH_TIMEOUT`` / ``E_UNAVAILABLE`` when its ``timeout`` runs
out or its ``cancel`` event is set): a backend maps its driver's exceptions at its boundary.

Corpus stages (:mod:`saidwhat.corpus`) keep their own tables. They declare versioned
:class:`~saidwhat.store.migrations.Migration` s, applied by :meth:`StoreProtocol.migrate_stage`, and
read or write those tables through :meth:`StoreProtocol.transaction` / :meth:`StoreProtocol.snapshot`,
which yield a DB-API style :class:`Connection`. Its SQL uses ``?`` placeholders on every backend (the
PostgreSQL backend translates them), so a stage's portable SQL (standard SQL plus ``ON CONFLICT``
upserts) runs unchanged on SQLite and PostgreSQL.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, Protocol, runtime_checkable

from saidwhat.claims import ArticleFacts
from saidwhat.filters import StatementFilter
from saidwhat.model import Analysis
from saidwhat.store.migrations import Migration

if TYPE_CHECKING:
    from saidwhat.store.browse import ArticleRow, Keyset, SpeakerRow, StatementPage
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

SearchKind = Literal["all", "statement", "article"]


class Cursor(Protocol):
    @property
    def rowcount(self) -> int: ...
    @property
    def description(self) -> Any: ...
    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """The part of a DB-API connection a corpus stage may use for its own tables."""

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Cursor: ...
    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Cursor: ...


@runtime_checkable
class StoreProtocol(Protocol):
    """A store of analysed articles (see ``docs/store.md`` for the semantics of every method)."""

    read_only: bool

    @property
    def location(self) -> str:
        """Where the store lives (a path or URL), for messages."""
        ...

    def close(self) -> None: ...
    def __enter__(self) -> StoreProtocol: ...
    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...

    # writing
    def add(self, analysis: Analysis) -> AddResult: ...
    def reapply_aliases(self, aliases: Path | None = None) -> int: ...

    # documents
    def get(self, doc_id: str) -> Analysis: ...
    def find(self, doc_id: str) -> DocumentSummary | None: ...
    def document(self, doc_id: str) -> DocumentSummary: ...
    def documents(self, limit: int = 50, offset: int = 0) -> list[DocumentSummary]: ...
    def count_documents(self) -> int: ...
    def versions(self, source: str) -> list[DocumentSummary]: ...
    def document_ids(self, *, all_versions: bool = False) -> list[str]: ...
    def iter_analyses(self, *, all_versions: bool = False) -> Iterator[Analysis]: ...
    def entity_links(self, doc_id: str) -> dict[str, int]: ...

    # statements
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
    ) -> list[StatementRecord]: ...
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
    ) -> int: ...
    def match_names(self, who: int | str, *, role: Literal["speaker", "via"] = "speaker") -> NameMatch: ...
    def speakers(self, limit: int = 20) -> list[NamedCount]: ...
    def relays(self, limit: int = 20) -> list[NamedCount]: ...

    # the entity registry
    def entity(self, global_id: int) -> RegistryEntity: ...
    def entity_variants(self, global_id: int) -> list[str]: ...
    def entities(
        self, limit: int = 50, offset: int = 0, query: str | None = None
    ) -> list[RegistryEntity]: ...
    def entity_statements(
        self,
        global_id: int,
        *,
        act: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[StatementRecord]: ...
    def statements_per_day(self, global_id: int) -> list[DayCount]: ...

    # search and totals
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
    ) -> list[SearchHit]: ...
    def stats(self) -> Stats: ...

    # browsing (issue 19; the portable SQL of saidwhat/store/browse.py)
    def browse_statements(
        self,
        f: StatementFilter,
        *,
        q: str | None = None,
        sort: Literal["date", "relevance"] = "date",
        after: Keyset | None = None,
        limit: int = 20,
        facets: Sequence[str] = (),
        top: int = 10,
    ) -> StatementPage: ...
    def iter_statement_rows(
        self, f: StatementFilter, *, q: str | None = None, sort: Literal["date", "relevance"] = "date"
    ) -> Iterator[tuple[Any, ...]]: ...
    def iter_statement_records(
        self, f: StatementFilter, *, q: str | None = None, sort: Literal["date", "relevance"] = "date"
    ) -> Iterator[StatementRecord]: ...
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
    ) -> tuple[list[ArticleRow], int]: ...
    def article_outlets(self, top: int = 30) -> list[tuple[str, int]]: ...
    def browse_speakers(
        self, *, type: str | None = None, limit: int = 20, offset: int = 0
    ) -> tuple[list[SpeakerRow], int]: ...
    def speaker_types(self) -> list[tuple[str, int]]: ...

    # corpus-stage tables
    def migrate_stage(self, stage: str, migrations: Sequence[Migration]) -> int: ...
    def transaction(self) -> AbstractContextManager[Connection]: ...
    def snapshot(self) -> AbstractContextManager[Connection]: ...

    # the claims corpus stage (saidwhat/corpus/claims.py): stored facts of each current article
    def claim_facts(self, story: str | None = None) -> list[ArticleFacts]: ...
    def claim_stories(self) -> list[tuple[str | None, int]]: ...
    # the stories corpus stage (saidwhat/corpus/stories.py)
    def story_of(self, doc_id: str) -> str | None: ...
    def stories(self) -> dict[str, list[ArticleFeatures]]: ...
    def story_features(self, story: str | None = None) -> list[ArticleFeatures]: ...
    def story_state(self) -> dict[str, Any] | None: ...
