"""v4: index (speaker, act, date) instead of (speaker, date, act) for act-filtered speaker pages.

With (speaker_gid, date, act) SQLite preferred the (act, date) index and scanned every statement of
that act (about 320 ms at 10,000 articles); this order answers the filtered speaker page in < 1 ms.
"""

VERSION = 4
DESCRIPTION = "speaker + act index for filtered speaker pages"
STATEMENTS: tuple[str, ...] = (
    "DROP INDEX IF EXISTS ix_statements_speaker_act",
    "CREATE INDEX ix_statements_speaker_act"
    " ON statements(speaker_gid, act, date DESC, pk DESC) WHERE latest = 1",
)

# PostgreSQL sorts NULL first in DESC order; the queries ask for NULLS LAST (SQLite's order), so the
# indexes must too to serve them
POSTGRES_STATEMENTS: tuple[str, ...] = tuple(
    s.replace("date DESC", "date DESC NULLS LAST").replace("published DESC", "published DESC NULLS LAST")
    for s in STATEMENTS
)
