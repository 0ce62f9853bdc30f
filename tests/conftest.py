"""Shared fixtures. Tests that need ../shared skip with a clear reason when it is absent."""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SAIDWHAT_SHARED", ROOT.parent / "shared")).resolve()
SAMPLES = SHARED / "samples"
SAMPLE_000 = SAMPLES / "000_14d1caff0cac3eef.txt"
SAMPLE_002 = SAMPLES / "002_490d83485b533276.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def bench_module(name: str) -> Any:
    """The bench script ``bench/<name>.py`` loaded as a module (the benches are scripts, not a package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod  # a dataclass of the script looks its module up there
    spec.loader.exec_module(mod)
    return mod


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


# -- both store backends ---------------------------------------------------------------------------


@pytest.fixture(params=["sqlite", "postgresql"])
def new_store_target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[str], Any]]:
    """``new(name)``: a fresh store target (SQLite path, or a PostgreSQL schema URL) of each backend."""
    from tests.pg_fixtures import targets

    with targets(request.param, tmp_path) as new:
        yield new


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def module_store_target(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Callable[[str], Any]]:
    """As :func:`new_store_target`, for module-scoped stores."""
    from tests.pg_fixtures import targets

    with targets(request.param, tmp_path_factory.mktemp("stores")) as new:
        yield new
