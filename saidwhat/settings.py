"""Settings: defaults, overridden by environment variables, overridden by explicit arguments."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

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
        return default


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError:
        return default


@dataclass(slots=True)
class Settings:
    db: Path = field(default_factory=lambda: Path(os.environ.get("SAIDWHAT_DB") or DEFAULT_DB))
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


def check_max_bytes(value: int, where: str = "--max-bytes") -> int:
    """``value`` if it is a usable size limit (1 byte to :data:`MAX_BYTES_CEILING`), else
    ``E_BAD_REQUEST``."""
    from saidwhat.errors import SaidwhatError

    if not 1 <= value <= MAX_BYTES_CEILING:
        raise SaidwhatError(
            "E_BAD_REQUEST", f"must be between 1 and {MAX_BYTES_CEILING} bytes (10 MB), not {value}", where
        )
    return value


def check_timeout(value: float, where: str = "--timeout") -> float:
    """``value`` if it is a usable time budget in seconds (0 for none), else ``E_BAD_REQUEST``."""
    from saidwhat.errors import SaidwhatError

    if not (value >= 0 and value < float("inf")):
        raise SaidwhatError("E_BAD_REQUEST", f"must be a number of seconds, 0 or more, not {value}", where)
    return value
