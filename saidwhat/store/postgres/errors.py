"""psycopg errors turned into the store's backend-neutral :class:`~saidwhat.errors.SaidwhatError` codes.

A server that does not answer, refuses the login or lacks the database, a lost connection, an
exhausted pool, missing privileges: ``E_DB_OPEN``. A table or column of the schema missing:
``E_DB_CORRUPT``. A text holding NUL (which PostgreSQL's ``text`` cannot store, SQLite can):
``E_BAD_REQUEST``. Integrity and syntax errors are bugs and keep their traceback.
"""

from __future__ import annotations

import psycopg
from psycopg import errors as pg
from psycopg_pool import PoolTimeout

from saidwhat.errors import SaidwhatError


def db_error(exc: BaseException, where: str) -> SaidwhatError | None:
    """The :class:`SaidwhatError` a psycopg error stands for (None for other errors and our bugs)."""
    if isinstance(exc, psycopg.DataError) and "NUL" in str(exc):
        return SaidwhatError("E_BAD_REQUEST", "PostgreSQL text cannot hold NUL (U+0000) characters", where)
    if isinstance(exc, PoolTimeout):
        return SaidwhatError("E_DB_OPEN", f"no PostgreSQL connection available: {exc}", where)
    if isinstance(exc, pg.UndefinedTable | pg.UndefinedColumn | pg.UndefinedFunction | pg.UndefinedObject):
        msg = str(exc).splitlines()[0]
        return SaidwhatError("E_DB_CORRUPT", f"the schema is damaged or not a saidwhat store: {msg}", where)
    if isinstance(exc, pg.InsufficientPrivilege | pg.ReadOnlySqlTransaction):
        return SaidwhatError("E_DB_OPEN", f"cannot use the database: {str(exc).splitlines()[0]}", where)
    if isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError):
        detail = " ".join(str(exc).split()) or type(exc).__name__
        return SaidwhatError("E_DB_OPEN", f"cannot use the PostgreSQL server: {detail}", where)
    return None
