"""Settings: defaults, overridden by environment variables, overridden by explicit arguments."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DB = "saidwhat.db"
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


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
    # raw containers (feeds, WARC, JSONL) may hold many articles: a separate, larger cap
    max_container_bytes: int = field(
        default_factory=lambda: _env_int("SAIDWHAT_MAX_CONTAINER_BYTES", 512 * 1024 * 1024)
    )
    # directory walks: read symbolic links that lead out of the directory (and links to directories)
    follow_links: bool = False
