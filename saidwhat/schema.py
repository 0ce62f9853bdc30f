"""Data files with a schema: TOML lexicons checked when they are loaded.

:func:`load_table` reads one file of ``saidwhat/data/`` and checks it against a :class:`Schema` (the
tables it may have and, for each, the type its values must have). A typo is a
:class:`~saidwhat.errors.SaidwhatError` ``E_LEXICON`` naming the file and the key, raised at load,
instead of a silently ignored entry.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from saidwhat.errors import SaidwhatError


@dataclass(frozen=True, slots=True)
class Schema:
    """``tables``: key → the type of its value (a type, or a nested Schema for a sub-table);
    ``any_key``: the type every key of a free-form table must have (e.g. lemma → act)."""

    tables: Mapping[str, type | tuple[type, ...] | Schema] | None = None
    any_key: type | tuple[type, ...] | Schema | None = None
    required: tuple[str, ...] = ()


def data_path(name: str) -> str:
    return f"saidwhat/data/{name}"


def read_toml(name: str) -> dict[str, Any]:
    """A data file of the package, parsed (``E_LEXICON`` when it is not valid TOML)."""
    raw = (resources.files("saidwhat") / "data" / name).read_text(encoding="utf-8")
    try:
        return tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise SaidwhatError("E_LEXICON", f"not valid TOML: {exc}", data_path(name)) from exc


def check(value: Any, schema: Schema, where: str, path: str = "") -> None:
    """Check ``value`` (a parsed table) against ``schema``; ``where`` names the file in errors."""
    if not isinstance(value, dict):
        raise SaidwhatError("E_LEXICON", f"{path or 'the file'} must be a table", where)
    for key in schema.required:
        if key not in value:
            raise SaidwhatError("E_LEXICON", f"{_join(path, key)} is missing", where)
    for key, item in value.items():
        expected = schema.tables.get(key) if schema.tables is not None else schema.any_key
        if expected is None and schema.tables is not None and schema.any_key is not None:
            expected = schema.any_key
        if expected is None:
            known = ", ".join(sorted(schema.tables or {}))
            raise SaidwhatError("E_LEXICON", f"unknown key {_join(path, key)!r} (known: {known})", where)
        if isinstance(expected, Schema):
            check(item, expected, where, _join(path, key))
        elif not isinstance(item, expected) or (isinstance(item, bool) and bool not in _types(expected)):
            names = " or ".join(t.__name__ for t in _types(expected))
            raise SaidwhatError(
                "E_LEXICON", f"{_join(path, key)} must be {names}, not {type(item).__name__}", where
            )


def load_table(name: str, schema: Schema) -> dict[str, Any]:
    """Read ``saidwhat/data/<name>`` and check it against ``schema``."""
    data = read_toml(name)
    check(data, schema, data_path(name))
    return data


def _types(expected: type | tuple[type, ...]) -> tuple[type, ...]:
    return expected if isinstance(expected, tuple) else (expected,)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key
