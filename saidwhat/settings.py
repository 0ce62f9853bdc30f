"""Settings: defaults, overridden by environment variables, overridden by explicit arguments.

One :class:`Settings` object is built by the entry point (the CLI from its options, the web server
from ``serve``'s) and passed down; nothing below reads the environment for these values. A value that
is set but invalid is an ``E_SETTINGS`` error naming the variable, never silently replaced by the
default.

| variable | field | default |
|---|---|---|
| ``SAIDWHAT_DB`` | ``db`` (a path, or a store URL) | ``saidwhat.db`` |
| ``SAIDWHAT_MAX_BYTES`` | ``max_bytes``: the largest article text / raw file | 5 MB |
| ``SAIDWHAT_MAX_CONTAINER_BYTES`` | ``max_container_bytes``: the largest feed / WARC / JSONL | 512 MB |
| ``SAIDWHAT_BATCH`` | ``batch_size``: documents parsed per batch | 16 |
| ``SAIDWHAT_ALIASES`` | ``aliases``: the entity alias file | none |
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from saidwhat.errors import SaidwhatError

DEFAULT_DB = "saidwhat.db"
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


def _env(name: str) -> str | None:
    raw = os.environ.get(name)
    return raw.strip() if raw is not None and raw.strip() else None


def _env_int(name: str, default: int) -> int:
    raw = _env(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value <= 0:
        raise SaidwhatError("E_SETTINGS", f"must be a positive integer, not {raw!r}", name)
    return value


def _env_path(name: str) -> Path | None:
    raw = _env(name)
    return Path(raw) if raw is not None else None  # read (E_READ / E_ALIASES) by the store


@dataclass(slots=True)
class Settings:
    db: str = field(default_factory=lambda: _env("SAIDWHAT_DB") or DEFAULT_DB)
    # the largest text (in UTF-8 bytes, after extraction) and the largest raw file we accept
    max_bytes: int = field(default_factory=lambda: _env_int("SAIDWHAT_MAX_BYTES", DEFAULT_MAX_BYTES))
    batch_size: int = field(default_factory=lambda: _env_int("SAIDWHAT_BATCH", 16))
    # raw containers (feeds, WARC, JSONL) may hold many articles: a separate, larger cap
    max_container_bytes: int = field(
        default_factory=lambda: _env_int("SAIDWHAT_MAX_CONTAINER_BYTES", 512 * 1024 * 1024)
    )
    aliases: Path | None = field(default_factory=lambda: _env_path("SAIDWHAT_ALIASES"))
    # directory walks: read symbolic links that lead out of the directory (and links to directories)
    follow_links: bool = False
