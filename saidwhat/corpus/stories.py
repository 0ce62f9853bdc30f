"""The stories corpus stage: every stored article joins a story as it is ingested.

Tables (stage ``stories``, versioned by :data:`MIGRATIONS`):

* ``story_articles`` — one row per current article: its ``saidwhat/1-features`` JSON
  (:func:`saidwhat.stories.features_of`), its publication day and its story id (``st<N>``);
* ``story_state`` — the :class:`~saidwhat.stories.StoryClusterer` state (``saidwhat/1-story-state``)
  and a token that changes with every write, so a process that wrote it last keeps its clusterer in
  memory instead of reloading it for the next batch.

An article's features depend on its analysis alone: ``article_part`` computes their JSON, in the
process that analysed the article when an ingest runs (``saidwhat.corpus``); ``on_added`` reads back
from the store only the articles that came without it.

``on_added`` files the new articles of a batch in (published, id) order into the clusterer — one
pass, no reclustering, cost per article independent of the store. A new version of a stored
article (same source) takes the story of the version it replaces and its row (features of the new
text); it is not filed again. Current articles without a row (a store ingested before this stage
existed) are filed with the next batch, all together in (published, id) order. ``rebuild``
recomputes every article's features and files them all, from a fresh clusterer, in (published, id)
order, as :func:`saidwhat.stories.cluster` does. Both
give the same tables when articles arrive in (published, id) order; an article that arrives late
(dated before articles already filed) is placed online, and a rebuild may place it differently
(see ``docs/stories.md``).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from saidwhat.model import Analysis
from saidwhat.store.migrations import Migration
from saidwhat.store.protocol import Connection, StoreProtocol
from saidwhat.store.types import DocumentSummary
from saidwhat.stories import (
    ArticleFeatures,
    ClusterParams,
    StoryClusterer,
    features_of,
    stories_doc,
    story_summary,
    timeline_doc,
)
from saidwhat.stories.export import PhraseStats

STORY_SCHEMA = "saidwhat/1-story"
PART_KEY = "stories:saidwhat/1-features"  # the per-article part: the features JSON of story_articles

CHUNK = 100  # articles whose features are computed and written per transaction in a rebuild

MIGRATIONS = (
    Migration(
        1,
        "story of each current article with its saidwhat/1-features JSON; the clusterer state",
        (
            "CREATE TABLE story_articles (doc_id TEXT PRIMARY KEY, source TEXT NOT NULL, published TEXT, "
            "story TEXT, features TEXT NOT NULL)",
            "CREATE INDEX story_articles_story ON story_articles(story, published, doc_id)",
            "CREATE INDEX story_articles_source ON story_articles(source)",
            "CREATE INDEX story_articles_order ON story_articles(published, doc_id)",
            "CREATE TABLE story_state (id INTEGER PRIMARY KEY CHECK (id = 1), token TEXT NOT NULL, "
            "state TEXT NOT NULL)",
        ),
    ),
)


def _dump(f: ArticleFeatures) -> str:
    return json.dumps(f.to_dict(), ensure_ascii=False, separators=(",", ":"))


def _order(f: ArticleFeatures) -> tuple[str, str]:
    return (f.published or "", f.id)


@dataclass(slots=True)
class _Row:
    features: ArticleFeatures  # as read back from ``text``: what a rebuild files, float for float
    source: str
    text: str


@dataclass(slots=True)
class StoriesStage:
    """Stories of the stored articles (see the module docstring)."""

    params: ClusterParams | None = None
    name: str = "stories"
    needs: tuple[str, ...] = ()
    migrations: tuple[Migration, ...] = field(default=MIGRATIONS)
    # (store location, state token, clusterer): the state this process wrote last
    _cache: tuple[str, str, StoryClusterer] | None = field(default=None, repr=False)

    # -- the clusterer state ---------------------------------------------------------------------------

    def _load(self, store: StoreProtocol, conn: Connection) -> StoryClusterer:
        row = conn.execute("SELECT token, state FROM story_state WHERE id = 1").fetchone()
        if row is None:
            return StoryClusterer(self.params)
        cached, self._cache = self._cache, None  # taken: a failed write must not leave it half-updated
        if cached is not None and cached[:2] == (store.location, row[0]):
            return cached[2]
        return StoryClusterer.from_dict(json.loads(row[1]))

    def _save(self, store: StoreProtocol, conn: Connection, clusterer: StoryClusterer) -> None:
        token = uuid.uuid4().hex
        conn.execute(
            "INSERT INTO story_state (id, token, state) VALUES (1, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET token = excluded.token, state = excluded.state",
            (token, json.dumps(clusterer.to_dict(), ensure_ascii=False, separators=(",", ":"))),
        )
        self._cache = (store.location, token, clusterer)

    # -- the per-article part -------------------------------------------------------------------------

    def part_key(self) -> str:
        return PART_KEY

    def article_part(self, analysis: Analysis) -> str:
        """The features JSON of one article (``story_articles.features``), from its analysis alone."""
        return _dump(features_of(analysis, analysis.doc.id))

    # -- incremental -----------------------------------------------------------------------------------

    def _rows(
        self,
        store: StoreProtocol,
        doc_ids: Iterable[str],
        parts: Mapping[str, str] | None = None,
        sources: Mapping[str, str] | None = None,
    ) -> list[_Row]:
        """The rows of ``doc_ids``: from their parts where given (with their sources), else from the
        stored articles."""
        rows = []
        for doc_id in doc_ids:
            text = parts.get(doc_id) if parts else None
            source = sources.get(doc_id) if sources else None
            if text is not None and source is not None:
                row = _Row(ArticleFeatures.from_dict(json.loads(text)), source, text)
                if row.features.id == doc_id:
                    rows.append(row)
                    continue
            analysis = store.get(doc_id)
            text = self.article_part(analysis)
            rows.append(_Row(ArticleFeatures.from_dict(json.loads(text)), analysis.doc.source, text))
        return rows

    def _missing(self, store: StoreProtocol, added: Sequence[DocumentSummary]) -> list[str]:
        """Current articles other than ``added`` without a row (a store from before this stage); the
        store is scanned only when the counts say there are some."""
        ids = {d.id for d in added}
        with store.snapshot() as conn:
            have = int(conn.execute("SELECT COUNT(*) FROM story_articles").fetchone()[0])
            # rows that stay only until this batch is filed: earlier versions, and the added themselves
            going = {
                doc
                for d in added
                for (doc,) in conn.execute(
                    "SELECT doc_id FROM story_articles WHERE source = ? OR doc_id = ?", (d.source, d.id)
                )
            }
            if have - len(going) + len(added) >= store.count_documents():
                return []
            known = {d for (d,) in conn.execute("SELECT doc_id FROM story_articles")}
        return [d for d in store.document_ids() if d not in known and d not in ids]

    def on_added(
        self, store: StoreProtocol, doc_ids: Sequence[str], parts: Mapping[str, str] | None = None
    ) -> None:
        added = [s for s in map(store.document, dict.fromkeys(doc_ids)) if s.superseded_by is None]
        todo = [s.id for s in added] + self._missing(store, added)
        if todo:
            self._file(store, self._rows(store, todo, parts, {s.id: s.source for s in added}))

    def _file(self, store: StoreProtocol, rows: list[_Row]) -> None:
        """Write the rows; articles new to the stage join stories in (published, id) order."""
        with store.transaction() as conn:
            fresh: list[ArticleFeatures] = []
            stories: dict[str, str] = {}
            for row in rows:
                f = row.features
                # at most two rows: this document's, and the one row of its source (a row replaces the
                # rows of its source), so "this document first" orders them fully (portable: no rowid)
                old = conn.execute(
                    "SELECT doc_id, story FROM story_articles WHERE source = ? OR doc_id = ? "
                    "ORDER BY CASE WHEN doc_id = ? THEN 0 ELSE 1 END, doc_id",
                    (row.source, f.id, f.id),
                ).fetchall()
                if old:  # a new version (or the same document again): it keeps its story
                    stories[f.id] = old[0][1]
                    conn.executemany("DELETE FROM story_articles WHERE doc_id = ?", [(d,) for d, _ in old])
                else:
                    fresh.append(f)
            if fresh:
                clusterer = self._load(store, conn)
                for f in sorted(fresh, key=_order):
                    stories[f.id] = clusterer.add(f)
                self._save(store, conn, clusterer)
            conn.executemany(
                "INSERT INTO story_articles (doc_id, source, published, story, features) "
                "VALUES (?, ?, ?, ?, ?)",
                [
                    (r.features.id, r.source, r.features.published, stories[r.features.id], r.text)
                    for r in rows
                ],
            )

    # -- from scratch ----------------------------------------------------------------------------------

    def rebuild(self, store: StoreProtocol) -> None:
        with store.transaction() as conn:
            conn.execute("DELETE FROM story_articles")
            conn.execute("DELETE FROM story_state")
        self._cache = None
        ids = store.document_ids()
        for i in range(0, len(ids), CHUNK):
            rows = self._rows(store, ids[i : i + CHUNK])
            with store.transaction() as conn:
                conn.executemany(
                    "INSERT INTO story_articles (doc_id, source, published, story, features) "
                    "VALUES (?, ?, ?, NULL, ?)",
                    [(r.features.id, r.source, r.features.published, r.text) for r in rows],
                )
        clusterer = StoryClusterer(self.params)
        with store.transaction() as conn:
            # the order of saidwhat.stories.cluster(): (published or "", id), one article in memory at once
            cursor = conn.execute(
                "SELECT features FROM story_articles ORDER BY COALESCE(published, ''), doc_id"
            )
            assigned = [
                (clusterer.add(f), f.id)
                for f in (ArticleFeatures.from_dict(json.loads(text)) for (text,) in cursor)
            ]
            conn.executemany("UPDATE story_articles SET story = ? WHERE doc_id = ?", assigned)
            self._save(store, conn, clusterer)


def stories_by_doc(store: StoreProtocol) -> dict[str, str | None]:
    """The story of every article the stage has filed, in one query (what ``store.story_of`` tells of
    each; an article without a row has no story). The stage's tables must exist."""
    with store.snapshot() as conn:
        return {d: s for d, s in conn.execute("SELECT doc_id, story FROM story_articles")}


# -- what readers ask for (CLI and web): the contract's objects from the stored features ----------------

JSON = dict[str, Any]


def _clusterer(store: StoreProtocol) -> StoryClusterer | None:
    state = store.story_state()
    return StoryClusterer.from_dict(state) if state is not None else None


def _fill_entities(store: StoreProtocol, stories: list[JSON]) -> None:
    """``entities[].entity``: the registry id (as a string) of the entity of that name and type."""
    found: dict[tuple[str, str | None], str | None] = {}
    for story in stories:
        for e in story["entities"]:
            key = (e["name"], e.get("type"))
            if key not in found:
                same = [r for r in store.entities(limit=20, query=e["name"]) if r.name == e["name"]]
                typed = [r for r in same if r.type == e.get("type")] or same
                found[key] = str(typed[0].gid) if typed else None
            e["entity"] = found[key]


def stories_report(store: StoreProtocol) -> JSON:
    """The ``saidwhat/1-stories`` object of the store (every article with a story)."""
    doc = stories_doc(store.stories(), _clusterer(store))
    _fill_entities(store, doc["stories"])
    return doc


def story_report(store: StoreProtocol, story: str, top: int | None = None) -> JSON:
    """One story of :func:`stories_report` (its title weighed against every story) with its timeline
    (``saidwhat/1-timeline``, the ``top`` best days); ``E_NOT_FOUND`` for an unknown id."""
    members = store.story_features(story)
    groups = store.stories()
    summary = story_summary(story, members, _clusterer(store), PhraseStats.of(groups.values()))
    _fill_entities(store, [summary])
    return {"schema": STORY_SCHEMA, **summary, "timeline": timeline_doc(members, story=story, top=top)}


def timeline_report(store: StoreProtocol, story: str | None, top: int | None = None) -> JSON:
    """The ``saidwhat/1-timeline`` object of one story, or of every article (``story=None``)."""
    return timeline_doc(store.story_features(story), story=story, top=top)


__all__ = ["MIGRATIONS", "StoriesStage", "stories_report", "story_report", "timeline_report"]
