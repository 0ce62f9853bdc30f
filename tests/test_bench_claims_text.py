"""bench/claims_text.py: what the engine and the claims read in one text."""

from __future__ import annotations

from typing import Any

from tests.conftest import bench_module


def _bench() -> Any:
    return bench_module("claims_text")


def test_a_texts_quantities_and_claim_values() -> None:
    got = _bench().read("Peru has confirmed 12 more cases, bringing the total to 40.")
    assert [(q["value"], q["counts"]) for q in got["quantities"]] == [(12, "cases"), (40, None)]
    values = {v["value"]: (v["thing"], v["state"], v["aspect"], v["place"]) for v in got["values"]}
    assert values == {12: ("cases", "confirmed", "new", ["Peru"]), 40: ("cases", "confirmed", "", ["Peru"])}
