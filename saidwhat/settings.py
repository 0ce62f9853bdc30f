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
| ``SAIDWHAT_ANALYSIS_TIMEOUT`` | ``analysis_timeout``: seconds per article (0: none), CLI and web | 600 |
| ``SAIDWHAT_ANALYSIS_MEMORY_MB`` | ``analysis_memory_mb``: MB the web analysis may add (0: none) | 4096 |
| ``SAIDWHAT_MIN_CONFIDENCE`` | ``min_confidence``: analyze / ingest keep statements from it (0: all) | 0.3 |
"""

from __future__ import annotations

import math
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
# the default cut of analyze / ingest output: statements whose confidence is below it are left out.
# Chosen by 5-fold cross-validation on PolNeAR train with F0.5 of lenient matching, the protocol
# declared beforehand in docs/attribution.md ("Operating point, session 8"); 0 keeps every statement
DEFAULT_MIN_CONFIDENCE = 0.3


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


def _env_number(name: str, default: float, *, zero: bool = False) -> float:
    """A positive finite number from the environment (or 0 when ``zero`` allows it).

    (``SAIDWHAT_ANALYSIS_TIMEOUT`` is read by :func:`_env_float` and checked by the entry point:
    ``saidwhat.cli`` with :func:`check_timeout`.)"""
    raw = _env(name)
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not math.isfinite(value) or value < 0 or (value == 0 and not zero):
        kind = "a number of 0 or more" if zero else "a positive number"
        raise SaidwhatError("E_SETTINGS", f"must be {kind}, not {raw!r}", name)
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
    # the web server's analysis sandbox (saidwhat.sandbox.Limits): memory its worker may add
    analysis_memory_mb: int = field(
        default_factory=lambda: int(_env_number("SAIDWHAT_ANALYSIS_MEMORY_MB", 4096, zero=True))
    )
    # analyze / ingest output keeps the statements with at least this confidence (0: all)
    min_confidence: float = field(
        default_factory=lambda: check_min_confidence(
            _env_number("SAIDWHAT_MIN_CONFIDENCE", DEFAULT_MIN_CONFIDENCE, zero=True),
            "SAIDWHAT_MIN_CONFIDENCE",
        )
    )


def check_min_confidence(value: float, where: str = "--min-confidence") -> float:
    """``value`` if it is a usable confidence cut (0 to 1), else ``E_BAD_REQUEST`` (``E_SETTINGS``
    for the environment variable)."""
    if not 0.0 <= value <= 1.0:
        code = "E_SETTINGS" if where.startswith("SAIDWHAT_") else "E_BAD_REQUEST"
        raise SaidwhatError(code, f"must be a number from 0 to 1, not {value:g}", where)
    return value


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
