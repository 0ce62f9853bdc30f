"""Versioned schema migrations of the saidwhat store.

Each migration is a module ``vNNNN_<name>.py`` defining ``VERSION`` (int, consecutive from 1),
``DESCRIPTION`` (one line) and ``STATEMENTS`` (SQL statements run in order inside one transaction).
:data:`MIGRATIONS` lists them in order; the store records each applied one in ``schema_migrations``.
Never edit a released migration: add a new module and append it here.
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
)


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = tuple(
    Migration(m.VERSION, m.DESCRIPTION, m.STATEMENTS)
    for m in (
        v0001_initial,
        v0002_query_indexes,
        v0003_counters,
        v0004_speaker_act_index,
        v0005_statement_confidence,
        v0006_registry_keys,
        v0007_display_title,
        v0008_browse,
    )
)
LATEST_VERSION = MIGRATIONS[-1].version

assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1)), (
    "migrations must be consecutive"
)
