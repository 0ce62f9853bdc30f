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
# the largest --max-bytes / SAIDWHAT_MAX_BYTES accepted: analysis cost is linear in the text
# (docs/limits.md), and this bounds one article's time and memory
MAX_BYTES_CEILING = 10 * 1024 * 1024
# seconds one article may take to analyse (0: no limit); see saidwhat/deadline.py
DEFAULT_ANALYSIS_TIMEOUT = 600.0


def _env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return float(raw)
    except ValueError:
        raise SaidwhatError("E_SETTINGS", f"must be a number, not {raw!r}", name) from None


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
    # per-article time budget in seconds (0: none): an article over it is stopped, E_TIMEOUT
    analysis_timeout: float = field(
        default_factory=lambda: _env_float("SAIDWHAT_ANALYSIS_TIMEOUT", DEFAULT_ANALYSIS_TIMEOUT)
    )
    # raw containers (feeds, WARC, JSONL) may hold many articles: a separate, larger cap
    max_container_bytes: int = field(
        default_factory=lambda: _env_int("SAIDWHAT_MAX_CONTAINER_BYTES", 512 * 1024 * 1024)
    )
    aliases: Path | None = field(default_factory=lambda: _env_path("SAIDWHAT_ALIASES"))
    # directory walks: read symbolic links that lead out of the directory (and links to directories)
    follow_links: bool = False


def check_max_bytes(value: int, where: str = "--max-bytes") -> int:
    """``value`` if it is a usable size limit (1 byte to :data:`MAX_BYTES_CEILING`), else
    ``E_BAD_REQUEST``."""
    if not 1 <= value <= MAX_BYTES_CEILING:
        raise SaidwhatError(
            "E_BAD_REQUEST", f"must be between 1 and {MAX_BYTES_CEILING} bytes (10 MB), not {value}", where
        )
    return value


def check_timeout(value: float, where: str = "--timeout") -> float:
    """``value`` if it is a usable time budget in seconds (0 for none), else ``E_BAD_REQUEST``."""
    if not (value >= 0 and value < float("inf")):
        raise SaidwhatError("E_BAD_REQUEST", f"must be a number of seconds, 0 or more, not {value}", where)
    return value
