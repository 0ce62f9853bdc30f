"""Reads of the claims corpus stage's table ``claim_facts`` (written by :mod:`saidwhat.corpus.claims`)."""

from __future__ import annotations

import json

from saidwhat.claims import ArticleFacts, facts_from_dict
from saidwhat.store.protocol import Connection
from saidwhat.store.sql.dialect import Dialect


def read_claim_facts(conn: Connection, dialect: Dialect, story: str | None) -> list[ArticleFacts]:
    """The facts of the current articles (of ``story``), by story, publication date, id."""
    if not dialect.has_table(conn, "claim_facts"):
        return []
    sql = "SELECT facts FROM claim_facts"
    args: tuple[str, ...] = ()
    if story is not None:
        sql, args = sql + " WHERE story = ?", (story,)
    rows = conn.execute(sql + " ORDER BY COALESCE(story, ''), COALESCE(published, ''), doc_id", args)
    return [facts_from_dict(json.loads(text)) for (text,) in rows]


def read_claim_stories(conn: Connection, dialect: Dialect) -> list[tuple[str | None, int]]:
    """The stories of the stored facts with their number of articles (``None``: no story)."""
    if not dialect.has_table(conn, "claim_facts"):
        return []
    rows = conn.execute("SELECT story, COUNT(*) FROM claim_facts GROUP BY story ORDER BY story")
    return [(s, int(n)) for s, n in rows]
