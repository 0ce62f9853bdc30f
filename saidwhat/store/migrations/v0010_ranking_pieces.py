"""v10: PostgreSQL's long articles' ranking vectors in line, split by lexeme range (issue 20, seventh pass).

Migration 9 copies to ``documents_ranking`` the articles' ``tsvector``s that fit in a page; a longer
one (a third of news articles, the ones most queries match) is ranked from ``documents.fts``, read
out of line from TOAST (~5 µs against ~1.5 µs). With normalisation 0 (the search's), ``ts_rank``
reads only the entries of the query's lexemes (their positions and weights), and a phrase test
likewise: a vector cut into pieces by lexeme range, each piece holding every entry of its range with
its positions unchanged (``ts_delete`` of the others), ranks and matches a query whose lexemes all
fall in one piece exactly as the whole vector does. ``documents_ranking_pieces(pk, lo, hi, fts)``
holds those pieces (``STORAGE MAIN``, each at most :data:`IN_LINE` bytes, in line) for every vector
over a page: piece ``fts`` holds the lexemes ``lo <= x < hi`` (``lo`` ``''`` for the first, ``hi``
NULL for the last; byte order, ``COLLATE "C"``, which is the order of a ``tsvector``'s lexemes). The
search reads the piece whose range holds all of a query's lexemes (and every lexeme a prefix
matches), else ``documents.fts`` as before. The lexemes (``tsvector_to_array``, in the vector's
order) go to ``k`` slices of equal counts, ``k`` the fewest from ``ceil(size / STEP)`` up whose
pieces all fit in line (each piece's ``pg_column_size`` checked; a vector's size is mostly its
positions, spread over the alphabet evenly enough that the first ``k`` nearly always fits). The
primary key ``(pk, lo)`` carries ``hi``, so finding that no piece holds a query reads the index
alone. Migration 9's trigger function is replaced to keep both tables (the same trigger); stores of
v9 are back-filled here.

SQLite: nothing (FTS5 ranks from its own index); the migration is recorded, as on PostgreSQL.
"""

from __future__ import annotations

from saidwhat.store.migrations.v0009_ranking_vectors import IN_LINE
from saidwhat.store.migrations.v0009_ranking_vectors import TABLE as RANKING

VERSION = 10
DESCRIPTION = "PostgreSQL: long articles' ranking vectors stored in line, in pieces by lexeme range"
TABLE = "documents_ranking_pieces"
STEP = 7000  # bytes of vector per piece aimed at (each piece's size is checked against IN_LINE)
STATEMENTS: tuple[str, ...] = ()
POSTGRES_STATEMENTS: tuple[str, ...] = (
    f"""CREATE TABLE {TABLE} (
        pk BIGINT NOT NULL REFERENCES documents(pk) ON DELETE CASCADE ON UPDATE CASCADE,
        lo TEXT COLLATE "C" NOT NULL,
        hi TEXT COLLATE "C",
        fts tsvector NOT NULL,
        PRIMARY KEY (pk, lo) INCLUDE (hi)
    )""",
    f"ALTER TABLE {TABLE} ALTER COLUMN fts SET STORAGE MAIN",
    # the pieces of a vector over a page (none for one that fits)
    f"""CREATE FUNCTION {TABLE}_of(v tsvector) RETURNS TABLE (lo text, hi text, fts tsvector)
    LANGUAGE plpgsql IMMUTABLE AS $$
    DECLARE
        lexemes text[] := tsvector_to_array(v);
        n int := cardinality(lexemes);
        k int := ceil(pg_column_size(v) / {STEP}.0)::int;
        cut tsvector[];
        fits boolean;
    BEGIN
        IF pg_column_size(v) <= {IN_LINE} THEN
            RETURN;
        END IF;
        WHILE k <= n LOOP
            cut := '{{}}';
            fits := true;
            FOR j IN 0 .. k - 1 LOOP
                cut := cut || ts_delete(v, lexemes[1 : j * n / k] || lexemes[(j + 1) * n / k + 1 : n]);
                IF pg_column_size(cut[j + 1]) > {IN_LINE} THEN
                    fits := false;
                    EXIT;
                END IF;
            END LOOP;
            IF fits THEN
                FOR j IN 0 .. k - 1 LOOP
                    lo := CASE WHEN j = 0 THEN '' ELSE lexemes[j * n / k + 1] END;
                    hi := CASE WHEN j < k - 1 THEN lexemes[(j + 1) * n / k + 1] END;
                    fts := cut[j + 1];
                    RETURN NEXT;
                END LOOP;
                RETURN;
            END IF;
            k := k + 1;
        END LOOP;
    END
    $$""",
    f"""CREATE OR REPLACE FUNCTION {RANKING}_sync() RETURNS trigger LANGUAGE plpgsql
    SET search_path FROM CURRENT AS $$
    BEGIN
        IF TG_OP = 'UPDATE' THEN
            DELETE FROM {TABLE} WHERE pk = NEW.pk;
        END IF;
        IF pg_column_size(NEW.fts) <= {IN_LINE} THEN
            INSERT INTO {RANKING} (pk, fts) VALUES (NEW.pk, NEW.fts)
            ON CONFLICT (pk) DO UPDATE SET fts = EXCLUDED.fts;
        ELSE
            DELETE FROM {RANKING} WHERE pk = NEW.pk;
            INSERT INTO {TABLE} (pk, lo, hi, fts) SELECT NEW.pk, p.lo, p.hi, p.fts FROM {TABLE}_of(NEW.fts) p;
        END IF;
        RETURN NULL;
    END
    $$""",
    f"INSERT INTO {TABLE} (pk, lo, hi, fts) SELECT d.pk, p.lo, p.hi, p.fts FROM documents d "
    f"CROSS JOIN LATERAL {TABLE}_of(d.fts) p WHERE pg_column_size(d.fts) > {IN_LINE} ORDER BY d.pk, p.lo",
)
