"""Shared fixtures. Tests that need ../shared skip with a clear reason when it is absent."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SAIDWHAT_SHARED", ROOT.parent / "shared")).resolve()
SAMPLES = SHARED / "samples"
SAMPLE_000 = SAMPLES / "000_14d1caff0cac3eef.txt"
SAMPLE_002 = SAMPLES / "002_490d83485b533276.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

needs_shared = pytest.mark.skipif(
    not SAMPLES.is_dir(),
    reason=f"../shared is not beside this checkout ({SHARED} missing): sample tests skipped",
)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared is not beside this checkout ({SHARED} missing)")
    return SHARED


@pytest.fixture(scope="session")
def sample_000() -> str:
    if not SAMPLE_000.is_file():
        pytest.skip(f"sample article missing: {SAMPLE_000} (../shared not beside this checkout)")
    return SAMPLE_000.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_002() -> str:
    if not SAMPLE_002.is_file():
        pytest.skip(f"sample article missing: {SAMPLE_002} (../shared not beside this checkout)")
    return SAMPLE_002.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def nlp() -> Any:
    from saidwhat.nlp import load_nlp

    return load_nlp()
