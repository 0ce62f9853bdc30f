"""Compatibility name: the SQLite store now lives in :mod:`saidwhat.store.sqlite`."""

from __future__ import annotations

from saidwhat.store.sqlite import SQLiteStore, db_error, migrate

Store = SQLiteStore

__all__ = ["Store", "db_error", "migrate"]
