"""No function over cyclomatic complexity 30 (radon) in the package."""

from __future__ import annotations

from pathlib import Path

import pytest

radon_complexity = pytest.importorskip("radon.complexity", reason="radon is in the test extra")

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 30


def test_no_function_is_too_complex() -> None:
    over = []
    for path in sorted((ROOT / "saidwhat").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        for block in radon_complexity.cc_visit(path.read_text(encoding="utf-8")):
            if block.complexity > LIMIT:
                over.append(f"{rel}:{block.lineno} {block.name} ({block.complexity})")
    assert over == []
