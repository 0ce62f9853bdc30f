"""Reads of the stories corpus stage's tables (written by :mod:`saidwhat.corpus.stories`)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from saidwhat.stories import ArticleFeatures


def has_story_tables(conn: sqlite3.Connection) -> bool:
    """Whether the stories stage has created its tables."""
    return _has_tables(conn)


def _has_tables(conn: sqlite3.Connection) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'story_articles'"
    ).fetchone()
    return row is not None


def read_story_of(conn: sqlite3.Connection, doc_id: str) -> str | None:
    if not _has_tables(conn):
        return None
    row = conn.execute("SELECT story FROM story_articles WHERE doc_id = ?", (doc_id,)).fetchone()
    return None if row is None else row[0]


def read_story_features(conn: sqlite3.Connection, story: str | None) -> list[ArticleFeatures]:
    """Features of the current articles (of ``story``), oldest first (published, id)."""
    if not _has_tables(conn):
        return []
    sql = "SELECT features FROM story_articles WHERE story IS NOT NULL"
    args: tuple[str, ...] = ()
    if story is not None:
        sql, args = "SELECT features FROM story_articles WHERE story = ?", (story,)
    rows = conn.execute(sql + " ORDER BY COALESCE(published, ''), doc_id", args)
    return [ArticleFeatures.from_dict(json.loads(text)) for (text,) in rows]


def read_stories(conn: sqlite3.Connection) -> dict[str, list[ArticleFeatures]]:
    """Story id -> its articles' features, oldest first."""
    if not _has_tables(conn):
        return {}
    out: dict[str, list[ArticleFeatures]] = {}
    rows = conn.execute(
        "SELECT story, features FROM story_articles WHERE story IS NOT NULL "
        "ORDER BY COALESCE(published, ''), doc_id"
    )
    for story, text in rows:
        out.setdefault(story, []).append(ArticleFeatures.from_dict(json.loads(text)))
    return out


def read_story_state(conn: sqlite3.Connection) -> dict[str, Any] | None:
    if not _has_tables(conn):
        return None
    row = conn.execute("SELECT state FROM story_state WHERE id = 1").fetchone()
    return None if row is None else dict(json.loads(row[0]))
