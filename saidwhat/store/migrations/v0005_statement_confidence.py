"""v5: the engine's confidence in each statement (0..1; docs/attribution.md "Confidence").

Rows written before this version get 1.0, the value the engine implied then (no statement was
qualified).
"""

VERSION = 5
DESCRIPTION = "statement confidence column"
STATEMENTS: tuple[str, ...] = ("ALTER TABLE statements ADD COLUMN confidence REAL NOT NULL DEFAULT 1.0",)
# PostgreSQL's REAL is a 4-byte float: the engine's float must come back exactly
POSTGRES_STATEMENTS: tuple[str, ...] = (
    "ALTER TABLE statements ADD COLUMN confidence DOUBLE PRECISION NOT NULL DEFAULT 1.0",
)
