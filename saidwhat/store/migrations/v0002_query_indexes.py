"""Version 2: the indexes the CLI listings and the web pages (issue 6) need at 10,000+ articles."""

from __future__ import annotations

VERSION = 2
DESCRIPTION = "indexes for listings, speaker/entity pages, relays and the registry"

STATEMENTS: tuple[str, ...] = (
    # home page and `documents()`: latest versions, newest publication first
    "CREATE INDEX ix_documents_latest ON documents(published DESC, pk DESC) WHERE superseded_by IS NULL",
    # `statements()` newest first, optionally by act / speaker; `speakers()`; timelines
    "CREATE INDEX ix_statements_date ON statements(date DESC, pk DESC) WHERE latest = 1",
    "CREATE INDEX ix_statements_speaker ON statements(speaker_gid, date DESC, pk DESC) WHERE latest = 1",
    "CREATE INDEX ix_statements_speaker_act ON statements(speaker_gid, date, act) WHERE latest = 1",
    "CREATE INDEX ix_statements_act ON statements(act, date DESC, pk DESC) WHERE latest = 1",
    "CREATE INDEX ix_statements_doc ON statements(doc)",
    # `relays()` and the via filter
    "CREATE INDEX ix_via_gid ON statement_via(gid, stmt) WHERE latest = 1",
    # registry counts and `entity()`
    "CREATE INDEX ix_entities_gid ON entities(gid, n_mentions, doc) WHERE latest = 1",
    "CREATE INDEX ix_entities_doc ON entities(doc)",
)

# PostgreSQL sorts NULL first in DESC order; the queries ask for NULLS LAST (SQLite's order), so the
# indexes must too to serve them
POSTGRES_STATEMENTS: tuple[str, ...] = tuple(
    s.replace("date DESC", "date DESC NULLS LAST").replace("published DESC", "published DESC NULLS LAST")
    for s in STATEMENTS
)
