"""Versioned schema migrations of the saidwhat store.

Each migration is a module ``vNNNN_<name>.py`` defining ``VERSION`` (int, consecutive from 1),
``DESCRIPTION`` (one line) and ``STATEMENTS`` (SQL statements run in order inside one transaction).
:data:`MIGRATIONS` lists them in order; every backend records each applied one in
``schema_migrations``. Never edit a released migration: add a new module and append it here.

**Dialects.** ``STATEMENTS`` is SQLite SQL, and it is what PostgreSQL runs too whenever it is valid
there (write portable SQL: ``TEXT``/``INTEGER``/``DOUBLE PRECISION`` types, ``ON CONFLICT``, no
``WITHOUT ROWID``, no ``REAL`` -- it is 4 bytes in PostgreSQL). A module whose SQLite SQL is not valid
PostgreSQL also defines ``POSTGRES_STATEMENTS`` (the same schema change for PostgreSQL: identity
columns, ``tsvector`` columns and GIN indexes in place of FTS5 tables, typed columns).
:meth:`Migration.for_dialect` picks the statements; corpus stages' migrations follow the same rule
(``Migration(version, description, statements, postgres=...)``).
"""

from __future__ import annotations

from dataclasses import dataclass

from saidwhat.store.migrations import (
    v0001_initial,
    v0002_query_indexes,
    v0003_counters,
    v0004_speaker_act_index,
    v0005_statement_confidence,
    v0006_registry_keys,
    v0007_display_title,
    v0008_browse,
    v0009_ranking_vectors,
    v0010_ranking_pieces,
)


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]
    postgres: tuple[str, ...] | None = (
        None  # PostgreSQL's statements, when ``statements`` are not valid there
    )

    def for_dialect(self, dialect: str) -> tuple[str, ...]:
        """The statements to run on ``dialect`` (``"sqlite"`` or ``"postgresql"``)."""
        if dialect == "postgresql" and self.postgres is not None:
            return self.postgres
        return self.statements


MIGRATIONS: tuple[Migration, ...] = tuple(
    Migration(m.VERSION, m.DESCRIPTION, m.STATEMENTS, getattr(m, "POSTGRES_STATEMENTS", None))
    for m in (
        v0001_initial,
        v0002_query_indexes,
        v0003_counters,
        v0004_speaker_act_index,
        v0005_statement_confidence,
        v0006_registry_keys,
        v0007_display_title,
        v0008_browse,
        v0009_ranking_vectors,
        v0010_ranking_pieces,
    )
)
LATEST_VERSION = MIGRATIONS[-1].version

assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1)), (
    "migrations must be consecutive"
)
