"""Version 1: documents and their analysis in normalised tables, the entity registry, FTS5 indexes."""

from __future__ import annotations

VERSION = 1
DESCRIPTION = "documents, segments, statements, entities, timexes, quantities, registry, FTS5"

# Column notes. ``pk`` columns are internal integer keys; the saidwhat/1 ids (doc.id, statement "s1",
# entity "e1") are kept as written. ``ord`` keeps list order so a document rebuilds exactly.
# ``latest`` (1/0) is denormalised from documents.superseded_by so listings need no join.
# ``date`` on statements is the statement's effective date: said_on.value when it is a date, else the
# document's published date. Quantities' ``value`` has no declared type so ints stay ints, floats floats.
STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE documents (
        pk INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        title TEXT,
        published TEXT,
        published_basis TEXT,
        url TEXT,
        author TEXT,
        format TEXT NOT NULL,
        text TEXT NOT NULL,
        version INTEGER NOT NULL,
        superseded_by TEXT REFERENCES documents(id),
        ingested_at TEXT NOT NULL,
        n_statements INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX ix_documents_source ON documents(source, version)",
    """CREATE TABLE segments (
        doc INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        kind TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        PRIMARY KEY (doc, ord)
    ) WITHOUT ROWID""",
    """CREATE TABLE registry_entities (
        gid INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        norm TEXT NOT NULL,
        type TEXT NOT NULL,
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX ix_registry_norm ON registry_entities(norm)",
    """CREATE TABLE registry_aliases (
        norm TEXT NOT NULL,
        gid INTEGER NOT NULL REFERENCES registry_entities(gid) ON DELETE CASCADE,
        alias TEXT NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('auto', 'file')),
        PRIMARY KEY (norm, gid)
    ) WITHOUT ROWID""",
    "CREATE INDEX ix_registry_aliases_gid ON registry_aliases(gid)",
    """CREATE TABLE entities (
        pk INTEGER PRIMARY KEY,
        doc INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        eid TEXT NOT NULL,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        gid INTEGER REFERENCES registry_entities(gid),
        latest INTEGER NOT NULL DEFAULT 1,
        n_mentions INTEGER NOT NULL DEFAULT 0,
        UNIQUE (doc, ord)
    )""",
    """CREATE TABLE entity_aliases (
        entity INTEGER NOT NULL REFERENCES entities(pk) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        alias TEXT NOT NULL,
        PRIMARY KEY (entity, ord)
    ) WITHOUT ROWID""",
    """CREATE TABLE entity_attributes (
        entity INTEGER NOT NULL REFERENCES entities(pk) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (entity, ord)
    ) WITHOUT ROWID""",
    """CREATE TABLE mentions (
        entity INTEGER NOT NULL REFERENCES entities(pk) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (entity, ord)
    ) WITHOUT ROWID""",
    """CREATE TABLE statements (
        pk INTEGER PRIMARY KEY,
        doc INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        sid TEXT NOT NULL,
        speaker_text TEXT,
        speaker_start INTEGER,
        speaker_end INTEGER,
        speaker_name TEXT,
        speaker_entity TEXT,
        speaker_anonymous INTEGER,
        speaker_kind TEXT,
        speaker_ref_start INTEGER,
        speaker_ref_end INTEGER,
        speaker_gid INTEGER REFERENCES registry_entities(gid),
        cue_text TEXT,
        cue_start INTEGER,
        cue_end INTEGER,
        cue_lemma TEXT,
        content_text TEXT NOT NULL,
        content_start INTEGER NOT NULL,
        content_end INTEGER NOT NULL,
        mode TEXT NOT NULL,
        act TEXT NOT NULL,
        hedged INTEGER NOT NULL,
        platform TEXT,
        said_on_value TEXT,
        said_on_text TEXT,
        said_on_start INTEGER,
        said_on_end INTEGER,
        segment TEXT NOT NULL,
        date TEXT,
        latest INTEGER NOT NULL DEFAULT 1,
        n_via INTEGER NOT NULL DEFAULT 0,
        UNIQUE (doc, ord)
    )""",
    """CREATE TABLE statement_parts (
        stmt INTEGER NOT NULL REFERENCES statements(pk) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        PRIMARY KEY (stmt, ord)
    ) WITHOUT ROWID""",
    """CREATE TABLE statement_via (
        stmt INTEGER NOT NULL REFERENCES statements(pk) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        name TEXT,
        entity TEXT,
        kind TEXT NOT NULL,
        gid INTEGER REFERENCES registry_entities(gid),
        latest INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (stmt, ord)
    ) WITHOUT ROWID""",
    """CREATE TABLE timexes (
        doc INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        type TEXT NOT NULL,
        value TEXT,
        mod TEXT,
        anchor TEXT,
        PRIMARY KEY (doc, ord)
    ) WITHOUT ROWID""",
    """CREATE TABLE quantities (
        doc INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        value,
        unit TEXT,
        counts TEXT,
        qualifier TEXT,
        kind TEXT NOT NULL,
        value_max,
        PRIMARY KEY (doc, ord)
    ) WITHOUT ROWID""",
    """CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='pk',
        tokenize='porter unicode61 remove_diacritics 2'
    )""",
    """CREATE VIRTUAL TABLE statements_fts USING fts5(
        content_text, speaker_text, speaker_name, content='statements', content_rowid='pk',
        tokenize='porter unicode61 remove_diacritics 2'
    )""",
)

# PostgreSQL: the same tables with identity keys and typed quantity values (text: ``repr`` of the
# int or float, see saidwhat.store.sql.write.sql_number), full-text search as generated ``tsvector``
# columns with GIN indexes in place of the FTS5 tables, a text search configuration close to FTS5's
# ``porter unicode61 remove_diacritics 2`` (unaccent, an English Snowball stemmer without stop words),
# and ``instr`` so that the shared SQL of saidwhat.store.sql runs unchanged.
_PG_ID = "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
_PG_FTS = "saidwhat_fts"


def _pg_table(sql: str) -> str:
    return (
        sql.replace("pk INTEGER PRIMARY KEY", f"pk {_PG_ID}")
        .replace("gid INTEGER PRIMARY KEY", f"gid {_PG_ID}")
        .replace(") WITHOUT ROWID", ")")
        .replace("INTEGER", "BIGINT")
    )


# PostgreSQL's parser reads "<script>...</script>" as markup and skips it: "<" and ">" are indexed as
# the private-use U+E002 / U+E003 (separators for the parser; saidwhat.store.postgres.search maps
# them back in snippets)
PG_ANGLES = "\ue002\ue003"


def _pg_plain(column: str) -> str:
    return f"translate({column}, '<>', '{PG_ANGLES}')"


_TITLE = _pg_plain("COALESCE(title, '')")
_DOC_VECTOR = (
    f"setweight(to_tsvector('{_PG_FTS}', {_TITLE}), 'A') || to_tsvector('{_PG_FTS}', {_pg_plain('text')})"
)
_STATEMENT_VECTOR = " || ".join(
    f"to_tsvector('{_PG_FTS}', {_pg_plain(column)})"
    for column in ("content_text", "COALESCE(speaker_text, '')", "COALESCE(speaker_name, '')")
)
_PG_TABLES = tuple(_pg_table(s) for s in STATEMENTS if s.startswith(("CREATE TABLE", "CREATE INDEX")))

POSTGRES_STATEMENTS: tuple[str, ...] = (
    "CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public",
    "CREATE TEXT SEARCH DICTIONARY saidwhat_stem (TEMPLATE = snowball, LANGUAGE = english)",
    f"CREATE TEXT SEARCH CONFIGURATION {_PG_FTS} (COPY = simple)",
    f"ALTER TEXT SEARCH CONFIGURATION {_PG_FTS} ALTER MAPPING FOR asciiword, word, numword, asciihword, "
    "hword, numhword, hword_asciipart, hword_part, hword_numpart WITH public.unaccent, saidwhat_stem",
    "CREATE FUNCTION instr(text, text) RETURNS integer LANGUAGE sql IMMUTABLE STRICT "
    "AS 'SELECT strpos($1, $2)'",
    *(s.replace("value,", "value TEXT,").replace("value_max,", "value_max TEXT,") for s in _PG_TABLES),
    f"ALTER TABLE documents ADD COLUMN fts tsvector GENERATED ALWAYS AS ({_DOC_VECTOR}) STORED",
    "CREATE INDEX ix_documents_fts ON documents USING gin(fts)",
    f"ALTER TABLE statements ADD COLUMN fts tsvector GENERATED ALWAYS AS ({_STATEMENT_VECTOR}) STORED",
    "CREATE INDEX ix_statements_fts ON statements USING gin(fts)",
)
