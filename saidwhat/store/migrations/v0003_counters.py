"""Version 3: usage counters on registry entities and store totals, so home-page listings are O(limit)."""

from __future__ import annotations

VERSION = 3
DESCRIPTION = "registry usage counters and a totals row, kept by the write path"

_RECOUNT = (
    "UPDATE registry_entities SET "
    "n_statements = (SELECT COUNT(*) FROM statements s WHERE s.latest = 1 "
    "AND s.speaker_gid = registry_entities.gid), "
    "n_relayed = (SELECT COUNT(DISTINCT v.stmt) FROM statement_via v WHERE v.latest = 1 "
    "AND v.gid = registry_entities.gid), "
    "n_mentions = (SELECT COALESCE(SUM(e.n_mentions), 0) FROM entities e WHERE e.latest = 1 "
    "AND e.gid = registry_entities.gid), "
    "n_documents = (SELECT COUNT(DISTINCT e.doc) FROM entities e WHERE e.latest = 1 "
    "AND e.gid = registry_entities.gid)"
)

STATEMENTS: tuple[str, ...] = (
    "ALTER TABLE registry_entities ADD COLUMN n_statements INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE registry_entities ADD COLUMN n_relayed INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE registry_entities ADD COLUMN n_mentions INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE registry_entities ADD COLUMN n_documents INTEGER NOT NULL DEFAULT 0",
    _RECOUNT,
    "CREATE INDEX ix_registry_speakers ON registry_entities(n_statements DESC, gid) WHERE n_statements > 0",
    "CREATE INDEX ix_registry_relays ON registry_entities(n_relayed DESC, gid) WHERE n_relayed > 0",
    "CREATE INDEX ix_registry_listing ON registry_entities(n_mentions DESC, n_statements DESC, gid)",
    """CREATE TABLE totals (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        documents INTEGER NOT NULL,
        versions INTEGER NOT NULL,
        statements INTEGER NOT NULL,
        mentions INTEGER NOT NULL
    )""",
    "INSERT INTO totals(id, documents, versions, statements, mentions) SELECT 1, "
    "(SELECT COUNT(*) FROM documents WHERE superseded_by IS NULL), (SELECT COUNT(*) FROM documents), "
    "(SELECT COUNT(*) FROM statements WHERE latest = 1), "
    "(SELECT COALESCE(SUM(n_mentions), 0) FROM entities WHERE latest = 1)",
)
