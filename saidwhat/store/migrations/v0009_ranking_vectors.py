"""v9: PostgreSQL's article ranking vectors in line, in a side table (issue 20, fifth pass).

``documents.fts`` (the article's generated ``tsvector``, ~7.5 KB for a long article) is TOASTed: out
of line, in chunks of the table's TOAST relation. Ranking an article (``ts_rank``) and testing a
phrase on it read the whole vector: ~5 µs an article out of line, ~1.5 µs in line (most of
``hostage*``'s article query at 10,000 articles). Storing the vectors in line on
``documents`` (``STORAGE MAIN``) made the table 9 times larger and every scan of it slower (the
statements browser, the articles list), so those that fit in a page (:data:`IN_LINE` bytes: about
two thirds of news articles) are copied to ``documents_ranking(pk, fts)``, a table read only by the
search, whose ``fts`` is stored in line (``STORAGE MAIN``). A longer vector would be stored out of
line there too, as slow to read as ``documents.fts``: it has no row, and the search ranks it from
``documents.fts``. A trigger keeps the table so on every write (the write path and ``saidwhat copy``
insert documents; no path updates their text; the foreign key removes a document's row with it);
stores created before v9 are back-filled here.

SQLite: nothing (FTS5 ranks from its own index); the migration is recorded, as on PostgreSQL.
"""

from __future__ import annotations

VERSION = 9
DESCRIPTION = "PostgreSQL: article ranking vectors stored in line in a side table"
TABLE = "documents_ranking"
IN_LINE = 8000  # bytes: the largest vector kept (a page holds a row of ~8,160 bytes with its header)
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
        IF pg_column_size(NEW.fts) <= {IN_LINE} THEN
            INSERT INTO {TABLE} (pk, fts) VALUES (NEW.pk, NEW.fts)
            ON CONFLICT (pk) DO UPDATE SET fts = EXCLUDED.fts;
        ELSE
            DELETE FROM {TABLE} WHERE pk = NEW.pk;
        END IF;
        RETURN NULL;
    END
    $$""",
    f"CREATE TRIGGER {TABLE}_sync AFTER INSERT OR UPDATE OF title, text ON documents "
    f"FOR EACH ROW EXECUTE FUNCTION {TABLE}_sync()",
    f"INSERT INTO {TABLE} (pk, fts) SELECT pk, fts FROM documents WHERE pg_column_size(fts) <= {IN_LINE} "
    "ORDER BY pk",
)
