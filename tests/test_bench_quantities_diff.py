"""bench/quantities_diff.py: the comparison of two engines' quantities, span by span."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import bench_module


def _bench() -> Any:
    return bench_module("quantities_diff")


def test_a_changed_added_or_dropped_quantity_is_a_row() -> None:
    bench = _bench()
    a = {
        "d": [
            [0, 2, "12", 12, None, None, None, "count", None],
            [10, 12, "40", 40, None, None, None, "count", None],
        ]
    }
    b = {
        "d": [
            [0, 2, "12", 12, None, None, "cases", "count", None],
            [20, 22, "5", 5, None, None, None, "count", None],
        ]
    }
    rows = bench.diff(a, b, {"d": "12 cases, 40 of them, 5"})
    assert [(r["start"], r["a"] is None, r["b"] is None) for r in rows] == [
        (0, False, False),
        (10, False, True),
        (20, True, False),
    ]
    assert bench.diff(a, a, {}) == []


def test_the_sample_reads_only_the_development_collections(tmp_path: Path) -> None:
    bench = _bench()
    for name, doc_id in (("webflu3", "web3/01"), ("webflu9", "web9/01")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "articles.jsonl").write_text(json.dumps({"id": doc_id, "text": "x"}) + "\n")
    ids = [d for d, _ in bench.sample(tmp_path, every=10**9, polnear=0)]
    assert "web3/01" in ids and "web9/01" not in ids  # webflu9 is blind
