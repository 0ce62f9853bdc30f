"""Typed results of the store's queries (all plain, immutable-by-convention dataclasses)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from saidwhat.model import Statement

AddStatus = Literal["new", "unchanged", "updated"]


@dataclass(frozen=True, slots=True)
class AddResult:
    """What :meth:`Store.add` did.

    ``status`` is ``"new"`` (first time this text and this source are seen), ``"unchanged"`` (a document
    with the same id, i.e. the same content hash, is already stored: nothing was written) or
    ``"updated"`` (same ``source`` with a changed text: stored as a new version; ``superseded`` is the
    id of the version it replaced, which stays in the store).
    """

    status: AddStatus
    doc_id: str
    version: int
    superseded: str | None = None


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """One stored document version, without its text or analysis (use :meth:`Store.get` for those)."""

    id: str
    source: str
    title: str | None
    published: str | None
    published_basis: str | None
    url: str | None
    author: str | None
    format: str
    version: int
    superseded_by: str | None
    ingested_at: str
    statements: int
    display_title: str | None = None  # the title to show (stored at ingest; None before schema v7)


@dataclass(frozen=True, slots=True)
class StatementRecord:
    """A statement with the document it comes from and its resolved global entity ids.

    ``statement`` is the exact ``saidwhat/1`` statement (offsets into the document's text).
    ``date`` is the effective date used by ``since``/``until`` and for ordering: ``said_on.value``
    when it is a calendar date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), else the document's
    ``published``. ``speaker_gid`` and ``via_gids`` (parallel to ``statement.via``) are registry ids or None.
    """

    doc_id: str
    doc_title: str | None
    doc_source: str
    published: str | None
    date: str | None
    statement: Statement
    speaker_gid: int | None
    via_gids: list[int | None] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape the CLI (``--json``) and the API share."""
        return {
            "doc": _doc_json(self.doc_id, self.doc_title, self.doc_source, self.published),
            "date": self.date,
            "speaker_id": self.speaker_gid,
            "via_ids": self.via_gids,
            "statement": self.statement.to_dict(),
        }


SnippetPart = tuple[str, bool]


def _doc_json(doc_id: str, title: str | None, source: str, published: str | None) -> dict[str, Any]:
    return {"id": doc_id, "title": title, "source": source, "published": published}


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: a statement (``kind == "statement"``, ``statement`` set) or an article.

    ``snippet`` is the matching passage as ``(text, is_match)`` parts: plain text, never markup. The web
    layer escapes each part and wraps the ``is_match`` ones in its highlight element. ``rank`` is the
    FTS5 bm25 score (lower is better). When a query matches more than ``RANK_LIMIT`` rows of a table
    (a very common word), that table's hits come newest first instead, with ``ranked=False`` and
    ``rank=0.0`` (they then sort after ranked hits of the other kind).
    """

    kind: Literal["statement", "article"]
    doc_id: str
    doc_title: str | None
    doc_source: str
    published: str | None
    date: str | None
    snippet: list[SnippetPart]
    rank: float
    statement: StatementRecord | None = None
    ranked: bool = True

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape the CLI (``--json``) and the API share."""
        return {
            "kind": self.kind,
            "doc": _doc_json(self.doc_id, self.doc_title, self.doc_source, self.published),
            "date": self.date,
            "snippet": [{"text": t, "match": m} for t, m in self.snippet],
            "rank": self.rank,
            "statement": self.statement.to_dict() if self.statement else None,
        }


@dataclass(frozen=True, slots=True)
class NamedCount:
    """A registry entity with a count: a speaker (statements made) or a relay (statements relayed)."""

    gid: int
    name: str
    type: str
    count: int


@dataclass(frozen=True, slots=True)
class RegistryEntity:
    """A cross-document (global) entity with its aliases and usage counts over the latest versions.

    ``mentions``: mentions in articles; ``statements``: statements it made; ``documents``: articles
    mentioning it; ``relayed``: statements it relayed (appears in their via chain).
    """

    gid: int
    name: str
    type: str
    aliases: list[str]
    mentions: int
    statements: int
    documents: int
    relayed: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape the CLI (``--json``) and the API share."""
        return {
            "id": self.gid,
            "name": self.name,
            "type": self.type,
            "aliases": self.aliases,
            "mentions": self.mentions,
            "statements": self.statements,
            "documents": self.documents,
        }


@dataclass(frozen=True, slots=True)
class DayCount:
    """Statements by one entity on one (effective) date with one speech act: a timeline point."""

    date: str
    act: str
    count: int


@dataclass(frozen=True, slots=True)
class Stats:
    """Store totals. ``documents``/``statements``/``mentions`` count latest versions only."""

    documents: int
    versions: int
    statements: int
    entities: int
    mentions: int
    schema_version: int


@dataclass(frozen=True, slots=True)
class NameMatch:
    """What a speaker or relay name filter matched (``StoreProtocol.match_names``).

    ``entities``: registry entities whose canonical name or an alias matches, with the statements they
    made (speaker) or relayed (via); ``names``: names of speakers / relays that have no registry entity
    (anonymous sources such as "unnamed White House official") that match."""

    query: str
    entities: list[NamedCount]
    names: list[str]

    @property
    def empty(self) -> bool:
        return not self.entities and not self.names

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "entities": [
                {"id": e.gid, "name": e.name, "type": e.type, "count": e.count} for e in self.entities
            ],
            "names": self.names,
        }
