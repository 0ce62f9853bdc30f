"""What the browser tests share: Debian's Chromium driven by Playwright (never `playwright install`).

A browser test module calls :func:`require_browser` at import: the whole module is skipped, saying
why, where Chromium or Playwright is missing."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]


def require_browser() -> ModuleType:
    """``playwright.sync_api``, or the calling test module skipped with the reason."""
    if not CHROMIUM.is_file():
        pytest.skip(
            f"{CHROMIUM} is missing (apt-get install -y chromium): browser tests skipped",
            allow_module_level=True,
        )
    return pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install playwright)"
    )


def launch(playwright: Any) -> Any:
    """Debian's Chromium, headless, through a running ``sync_playwright()``."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
