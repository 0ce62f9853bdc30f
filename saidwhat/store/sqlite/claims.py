"""Reads of the claims corpus stage's table ``claim_facts`` (written by :mod:`saidwhat.corpus.claims`)."""

from __future__ import annotations

import json
import sqlite3

from saidwhat.claims import ArticleFacts, facts_from_dict


def _has_table(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'claim_facts'").fetchone()
    return row is not None


def read_claim_facts(conn: sqlite3.Connection, story: str | None) -> list[ArticleFacts]:
    """The facts of the current articles (of ``story``), by story, publication date, id."""
    if not _has_table(conn):
        return []
    sql = "SELECT facts FROM claim_facts"
    args: tuple[str, ...] = ()
    if story is not None:
        sql, args = sql + " WHERE story = ?", (story,)
    rows = conn.execute(sql + " ORDER BY COALESCE(story, ''), COALESCE(published, ''), doc_id", args)
    return [facts_from_dict(json.loads(text)) for (text,) in rows]


def read_claim_stories(conn: sqlite3.Connection) -> list[tuple[str | None, int]]:
    """The stories of the stored facts with their number of articles (``None``: no story)."""
    if not _has_table(conn):
        return []
    rows = conn.execute("SELECT story, COUNT(*) FROM claim_facts GROUP BY story ORDER BY story")
    return [(s, int(n)) for s, n in rows]
