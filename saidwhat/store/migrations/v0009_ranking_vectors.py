"""v9: PostgreSQL's article ranking vectors in line, in a side table (issue 20, fifth pass).

``documents.fts`` (the article's generated ``tsvector``, ~7.5 KB for a long article) is TOASTed: out
of line, in chunks of the table's TOAST relation. Ranking an article (``ts_rank``) and testing a
phrase on it read the whole vector, and reading it out of line cost ~10 µs an article: most of
``hostage*``'s and ``oil price``'s time at 10,000 articles. Storing the vectors in line on
``documents`` (``STORAGE MAIN``) made the table 9 times larger and every scan of it slower (the
statements browser, the articles list), so they are copied to ``documents_ranking(pk, fts)``, a table
read only by the search, whose ``fts`` is stored in line (``STORAGE MAIN``: compressed if that helps,
out of line only when a vector does not fit in a page). A trigger keeps it equal to ``documents.fts``
on every write (the write path and ``saidwhat copy`` insert documents; no path updates their text;
the foreign key removes a document's row with it); stores created before v9 are back-filled here.
The search falls back to ``documents.fts`` for a document without a row.

SQLite: nothing (FTS5 ranks from its own index); the migration is recorded, as on PostgreSQL.
"""

from __future__ import annotations

VERSION = 9
DESCRIPTION = "PostgreSQL: article ranking vectors stored in line in a side table"
TABLE = "documents_ranking"
STATEMENTS: tuple[str, ...] = ()
POSTGRES_STATEMENTS: tuple[str, ...] = (
    f"""CREATE TABLE {TABLE} (
        pk BIGINT PRIMARY KEY REFERENCES documents(pk) ON DELETE CASCADE ON UPDATE CASCADE,
        fts tsvector NOT NULL
    )""",
    f"ALTER TABLE {TABLE} ALTER COLUMN fts SET STORAGE MAIN",
    f"""CREATE FUNCTION {TABLE}_sync() RETURNS trigger LANGUAGE plpgsql
    SET search_path FROM CURRENT AS $$
    BEGIN
        INSERT INTO {TABLE} (pk, fts) VALUES (NEW.pk, NEW.fts)
        ON CONFLICT (pk) DO UPDATE SET fts = EXCLUDED.fts;
        RETURN NULL;
    END
    $$""",
    f"CREATE TRIGGER {TABLE}_sync AFTER INSERT OR UPDATE OF title, text ON documents "
    f"FOR EACH ROW EXECUTE FUNCTION {TABLE}_sync()",
    f"INSERT INTO {TABLE} (pk, fts) SELECT pk, fts FROM documents ORDER BY pk",
)
