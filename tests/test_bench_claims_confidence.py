"""bench/claims_confidence.py: the cross-validated cut of a value confidence and session 35's
pre-registered decision rule, on rows made here (the benchmark's own data lie outside the repository)."""

from __future__ import annotations

import random
from typing import Any

import numpy as np

from tests.conftest import bench_module


def _bench() -> Any:
    return bench_module("claims_confidence")


def _rows(bench: Any, signal: bool) -> tuple[list[Any], dict[str, int]]:
    """Four folds of 60 values; 20 % false; with ``signal`` the first feature marks every false value."""
    rnd = random.Random(7)
    rows = []
    n = len(bench.FEATURES)
    for f in range(4):
        for i in range(60):
            right = i % 5 != 0
            x = [rnd.random() for _ in range(n)]
            x[0] = (0.0 if right else 1.0) if signal else rnd.random()
            rows.append(bench.Row(f"f{f}", f"a{f}/{i}", float(i), ("cases", "", "", "world"), right, x))
    return rows, {f"f{f}": 60 for f in range(4)}


def test_a_feature_that_marks_the_false_values_is_adopted() -> None:
    bench = _bench()
    rows, golds = _rows(bench, signal=True)
    res = bench.cross_validate(rows, golds)
    ok, why = bench.decide(res)
    assert res["with_cuts"]["right"] == res["base"]["right"] == 192  # no right value lost
    assert res["with_cuts"]["predicted"] == 192  # every false value dropped
    assert ok, why


def test_features_that_say_nothing_are_not() -> None:
    bench = _bench()
    rows, golds = _rows(bench, signal=False)
    ok, why = bench.decide(bench.cross_validate(rows, golds))
    assert not ok, why


def test_the_decision_weighs_recall_lost_against_precision_gained() -> None:
    bench = _bench()
    cuts = {"a": 0.7, "b": 0.7, "c": 0.7, "d": 0.0}
    # +2.0 points of precision for 0.5 of recall: adopted; for 1.0 of recall: not (more than a third)
    gain = {"gold": 1000, "base": {"right": 800, "predicted": 1000}, "cuts": cuts}
    assert bench.decide({**gain, "with_cuts": {"right": 795, "predicted": 969}})[0]
    assert not bench.decide({**gain, "with_cuts": {"right": 790, "predicted": 963}})[0]
    # two folds of four choosing a cut is not three quarters
    assert not bench.decide(
        {**gain, "cuts": {**cuts, "c": 0.0}, "with_cuts": {"right": 795, "predicted": 969}}
    )[0]


def test_the_cut_maximises_f_half_and_keeps_more_on_ties() -> None:
    bench = _bench()
    p = np.array([0.95, 0.9, 0.65, 0.55])
    y = np.array([1.0, 1.0, 0.0, 0.0])
    assert bench.best_cut(p, y, gold=2) == 0.7  # 0.7 and above keep both right values, no false one
    assert bench.best_cut(np.array([0.9, 0.9]), np.array([1.0, 1.0]), gold=2) == 0.0


def test_blind_sets_are_refused() -> None:
    bench = _bench()
    try:
        bench.rows_of("H1N1", None, bench.ROOT, bench.CLAIMS_GOLD, ["heldout"], str)
    except AssertionError as e:
        assert "blind" in str(e)
    else:
        raise AssertionError("a blind set was read")
