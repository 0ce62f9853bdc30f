"""The claims' battery (bench/claims_battery.py) as a CI gate: its precision and recall stay at the floor
reached when it was written (session 31: 0.992 / 0.945; 202 items since session 34), a little under
it, so that a rule that breaks one of outside copy's forms fails CI; the benchmark keeps the figures."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import bench_module


def _bench() -> Any:
    return bench_module("claims_battery")


def test_the_battery_keeps_its_floor() -> None:
    bench = _bench()
    items = json.loads(Path(bench.BATTERY).read_text(encoding="utf-8"))["items"]
    s = bench.score(items, misses=False)
    assert s["items"] == 202
    assert s["precision"] >= 0.98, s
    assert s["recall"] >= 0.93, s


def test_an_expectation_that_the_engine_misses_is_counted_missed() -> None:
    bench = _bench()
    item = {
        "text": "Mexico has reported 26 deaths.",
        "values": [[26, "deaths", "", "", "Mexico"], [9, "cases", "", "", "Peru"]],
    }
    s = bench.score([item], misses=False)
    assert (s["right"], s["predicted"], s["expected"]) == (1, 1, 2)
