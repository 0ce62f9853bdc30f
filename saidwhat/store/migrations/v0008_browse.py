"""v8: the statements browser (issue 19): each article's outlet, and indexes for facets and sorting.

``documents.outlet`` is the host of the article's URL, lower case, without ``www.`` and a port
(:func:`saidwhat.filters.outlet_of`, applied at ingest); rows stored before v8 get it here in SQL.
``ix_statements_doc_latest`` lets the outlet and story facets and filters go from documents to their
statements; ``ix_statements_facets`` covers the facet scan of a period (no table lookups);
``ix_documents_outlet`` / ``ix_documents_statements`` serve the articles list's filter and
sort.
"""

from __future__ import annotations

VERSION = 8
DESCRIPTION = "article outlets, indexes for the statements browser and the articles list"


def _backfill(instr: str) -> tuple[str, ...]:
    """The outlet of every stored URL, one step at a time: the text after ``://``, cut at the first
    ``/``, ``?``, ``#`` or ``:``, without ``www.`` (``instr``: the backend's name of that function)."""
    cut = tuple(
        f"UPDATE documents SET outlet = substr(outlet, 1, {instr}(outlet, '{sep}') - 1) "
        f"WHERE {instr}(outlet, '{sep}') > 0"
        for sep in ("/", "?", "#", ":")
    )
    return (
        f"UPDATE documents SET outlet = lower(substr(url, {instr}(url, '://') + 3)) WHERE url LIKE '%://%'",
        *cut,
        "UPDATE documents SET outlet = substr(outlet, 5) WHERE outlet LIKE 'www.%'",
        "UPDATE documents SET outlet = NULL WHERE outlet = ''",
    )


_INDEXES: tuple[str, ...] = (
    "CREATE INDEX ix_documents_outlet ON documents(outlet, published) WHERE superseded_by IS NULL",
    "CREATE INDEX ix_documents_statements ON documents(n_statements, pk) WHERE superseded_by IS NULL",
    "CREATE INDEX ix_statements_doc_latest ON statements(doc, date) WHERE latest = 1",
    # covers the facet scan of a period: every column the column facets, the speaker facet and the
    # outlet / story counts group by, after the date the range is on
    "CREATE INDEX ix_statements_facets ON statements(date, act, mode, speaker_anonymous, hedged, platform, "
    "segment, speaker_gid, speaker_name, doc, confidence) WHERE latest = 1",
)

STATEMENTS: tuple[str, ...] = ("ALTER TABLE documents ADD COLUMN outlet TEXT", *_backfill("instr"), *_INDEXES)

# PostgreSQL: strpos for instr (the rest is the same)
POSTGRES_STATEMENTS: tuple[str, ...] = (
    "ALTER TABLE documents ADD COLUMN outlet TEXT",
    *_backfill("strpos"),
    *_INDEXES,
)
