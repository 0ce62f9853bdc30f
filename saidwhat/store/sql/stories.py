"""Reads of the stories corpus stage's tables (written by :mod:`saidwhat.corpus.stories`)."""

from __future__ import annotations

import json
from typing import Any

from saidwhat.store.protocol import Connection
from saidwhat.store.sql.dialect import Dialect
from saidwhat.stories import ArticleFeatures


def has_story_tables(conn: Connection, dialect: Dialect) -> bool:
    """Whether the stories stage has created its tables."""
    return dialect.has_table(conn, "story_articles")


def _has_tables(conn: Connection, dialect: Dialect) -> bool:
    return has_story_tables(conn, dialect)


def read_story_of(conn: Connection, dialect: Dialect, doc_id: str) -> str | None:
    if not _has_tables(conn, dialect):
        return None
    row = conn.execute("SELECT story FROM story_articles WHERE doc_id = ?", (doc_id,)).fetchone()
    return None if row is None else row[0]


def read_story_features(conn: Connection, dialect: Dialect, story: str | None) -> list[ArticleFeatures]:
    """Features of the current articles (of ``story``), oldest first (published, id)."""
    if not _has_tables(conn, dialect):
        return []
    sql = "SELECT features FROM story_articles WHERE story IS NOT NULL"
    args: tuple[str, ...] = ()
    if story is not None:
        sql, args = "SELECT features FROM story_articles WHERE story = ?", (story,)
    rows = conn.execute(sql + " ORDER BY COALESCE(published, ''), doc_id", args)
    return [ArticleFeatures.from_dict(json.loads(text)) for (text,) in rows]


def read_stories(conn: Connection, dialect: Dialect) -> dict[str, list[ArticleFeatures]]:
    """Story id -> its articles' features, oldest first."""
    if not _has_tables(conn, dialect):
        return {}
    out: dict[str, list[ArticleFeatures]] = {}
    rows = conn.execute(
        "SELECT story, features FROM story_articles WHERE story IS NOT NULL "
        "ORDER BY COALESCE(published, ''), doc_id"
    )
    for story, text in rows:
        out.setdefault(story, []).append(ArticleFeatures.from_dict(json.loads(text)))
    return out


def read_story_state(conn: Connection, dialect: Dialect) -> dict[str, Any] | None:
    if not _has_tables(conn, dialect):
        return None
    row = conn.execute("SELECT state FROM story_state WHERE id = 1").fetchone()
    return None if row is None else dict(json.loads(row[0]))
