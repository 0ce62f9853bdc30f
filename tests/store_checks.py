"""Consistency queries over a store of either backend (after faults, concurrent writers, copies)."""

from __future__ import annotations

from typing import Any

from saidwhat.store import StoreProtocol
from saidwhat.store.migrations.v0009_ranking_vectors import IN_LINE


def rows(store: StoreProtocol, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    with store.snapshot() as conn:
        return [tuple(r) for r in conn.execute(sql, params).fetchall()]


CHECKS = {
    # a document's stored statement count is its statements rows
    "n_statements": "SELECT COUNT(*) FROM documents d WHERE d.n_statements <> "
    "(SELECT COUNT(*) FROM statements s WHERE s.doc = d.pk)",
    # one current version per source, versions unique per source
    "current": "SELECT COUNT(*) FROM (SELECT source FROM documents WHERE superseded_by IS NULL "
    "GROUP BY source HAVING COUNT(*) > 1) x",
    "versions": "SELECT COUNT(*) FROM (SELECT source, version FROM documents GROUP BY source, version "
    "HAVING COUNT(*) > 1) x",
    # rows of superseded versions are flagged, rows of current ones are not
    "latest": "SELECT COUNT(*) FROM statements s JOIN documents d ON d.pk = s.doc "
    "WHERE s.latest <> CASE WHEN d.superseded_by IS NULL THEN 1 ELSE 0 END",
    # no orphans
    "orphans": "SELECT (SELECT COUNT(*) FROM statements WHERE doc NOT IN (SELECT pk FROM documents)) + "
    "(SELECT COUNT(*) FROM entities WHERE doc NOT IN (SELECT pk FROM documents)) + "
    "(SELECT COUNT(*) FROM statement_via WHERE stmt NOT IN (SELECT pk FROM statements)) + "
    "(SELECT COUNT(*) FROM statements WHERE speaker_gid IS NOT NULL AND speaker_gid NOT IN "
    "(SELECT gid FROM registry_entities))",
}


# PostgreSQL (migration 9): each document whose tsvector fits in a page has a ranking vector equal to
# it, no other document has one, and no row is left without its document
RANKING = (
    "SELECT (SELECT COUNT(*) FROM documents d LEFT JOIN documents_ranking r ON r.pk = d.pk "
    f"WHERE CASE WHEN pg_column_size(d.fts) <= {IN_LINE} THEN r.fts IS DISTINCT FROM d.fts "
    "ELSE r.pk IS NOT NULL END) + (SELECT COUNT(*) FROM documents_ranking r "
    "WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.pk = r.pk))"
    # (migration 10) and each document's pieces are those its tsvector gives (none when it fits)
    " + (SELECT COUNT(*) FROM documents d WHERE (SELECT array_agg((p.lo, p.hi, p.fts::text) "
    "ORDER BY p.lo)::text FROM documents_ranking_pieces p WHERE p.pk = d.pk) IS DISTINCT FROM "
    '(SELECT array_agg((x.lo, x.hi, x.fts::text) ORDER BY x.lo COLLATE "C")::text '
    f"FROM documents_ranking_pieces_of(d.fts) x WHERE pg_column_size(d.fts) > {IN_LINE}))"
)


def ranking_mismatches(store: StoreProtocol) -> int:
    """Documents of a PostgreSQL store whose ``documents_ranking`` row is missing or differs from
    ``documents.fts`` (or exists for a vector over a page), or whose ``documents_ranking_pieces`` are
    not those of ``documents.fts``, plus rows without their document (0 for
    SQLite, which has no such table)."""
    dialect = getattr(store, "dialect", None)
    if dialect is None or dialect.name != "postgresql":
        return 0
    return int(rows(store, RANKING)[0][0])


def assert_store_consistent(store: StoreProtocol) -> None:
    """Counters, totals, versions and references agree with the base tables (and, on PostgreSQL, the
    ranking vectors with the documents)."""
    bad = {name: rows(store, sql)[0][0] for name, sql in CHECKS.items()}
    bad["ranking"] = ranking_mismatches(store)
    assert all(n == 0 for n in bad.values()), bad
    stored = rows(
        store,
        "SELECT gid, n_statements, n_relayed, n_mentions, n_documents FROM registry_entities ORDER BY gid",
    )
    computed = rows(
        store,
        "SELECT r.gid, "
        "(SELECT COUNT(*) FROM statements s WHERE s.latest = 1 AND s.speaker_gid = r.gid), "
        "(SELECT COUNT(DISTINCT stmt) FROM statement_via v WHERE v.latest = 1 AND v.gid = r.gid), "
        "(SELECT COALESCE(SUM(n_mentions), 0) FROM entities e WHERE e.latest = 1 AND e.gid = r.gid), "
        "(SELECT COUNT(DISTINCT doc) FROM entities e WHERE e.latest = 1 AND e.gid = r.gid) "
        "FROM registry_entities r ORDER BY r.gid",
    )
    assert stored == computed
    totals = rows(store, "SELECT documents, versions, statements, mentions FROM totals")
    expected = rows(
        store,
        "SELECT (SELECT COUNT(*) FROM documents WHERE superseded_by IS NULL), "
        "(SELECT COUNT(*) FROM documents), "
        "(SELECT COUNT(*) FROM statements WHERE latest = 1), "
        "(SELECT COALESCE(SUM(n_mentions), 0) FROM entities WHERE latest = 1)",
    )
    assert totals == expected
